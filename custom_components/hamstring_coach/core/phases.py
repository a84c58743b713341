"""Program phases: rehab and runner phases advance on pain-free progress (R6, R7).

Rehab (article 003: move on once the earlier work is done without symptoms;
no timetable given). A phase advances after `phase_sessions` sessions
(default 4) of the phase's own program day, at most one per local day, each
logged with an explicit pain-free signal (pain false and soreness reported
below `HIGH_SORENESS`), after the last bad signal in the phase, and no sooner
than `MIN_PHASE_DAYS` after the phase began. Pain in a later phase steps the
phase back (state.py).

Runner (article 004: two-week blocks that each build on the last, with no
rigid timetable; plyometrics need a mature base). The phase is replayed from
the log: a block moves on once it has lasted `BLOCK_DAYS` and at least
`RUNNER_PAIN_FREE` of its last `RUNNER_WINDOW` hard sessions of the phase's
own days were pain-free (no pain, soreness below `HIGH_SORENESS`); every full
`BLOCK_DAYS` without a hard session steps back a phase. Sessions before
`program_start` (the day the program was chosen) are not replayed; with
nothing logged the runner is in phase 1.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice

from .log import TrainingLog
from .models import HIGH_SORENESS, Program, Session, Settings, SorenessReport
from .timeline import local_date, utc

MIN_PHASE_DAYS = 7
"""Rehab: least days in a phase (003 gives 2-3 strength days a week)."""

REHAB_WALK = 400
"""Rehab: most sessions looked at per update (bounded work)."""

BLOCK_DAYS = 14
"""Runner: a two-week block (004)."""

RUNNER_WINDOW = 4
RUNNER_PAIN_FREE = 3
"""Runner: 3 of the last 4 hard sessions of the phase pain-free to move on."""

RUNNER_REPLAY = 200
"""Runner: hard sessions replayed (bounded work; about two years)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PhaseProgress:
    """Where a person is in a phased program and what moves them on.

    `sessions_done`/`sessions_needed` count pain-free sessions of the phase;
    `next_phase_on` is the earliest day the next phase may start; `stored`
    marks programs whose phase is kept in the state (rehab), which `ready`
    moves on when a session is logged.
    """

    phase: int
    phases: int
    sessions_done: int | None = None
    sessions_needed: int | None = None
    pain_free: bool = True
    next_phase_on: date | None = None
    stored: bool = False
    today: date | None = None

    @property
    def ready(self) -> bool:
        """Rehab only: enough pain-free sessions, time in phase, a later phase."""
        return (
            self.stored
            and self.sessions_needed is not None
            and self.sessions_done is not None
            and self.pain_free
            and self.phase < self.phases
            and self.sessions_done >= self.sessions_needed
            and (
                self.next_phase_on is None
                or self.today is None
                or self.today >= self.next_phase_on
            )
        )


def current_phase(program: Program, settings: Settings) -> int:
    """The stored phase, within the program's phases."""
    return min(max(settings.phase, 1), program.phases)


def _bad(session: Session) -> bool:
    return bool(session.pain) or (
        session.soreness is not None and session.soreness >= HIGH_SORENESS
    )


def _explicitly_pain_free(session: Session) -> bool:
    return (
        session.pain is False
        and session.soreness is not None
        and session.soreness < HIGH_SORENESS
    )


def _rehab_count(
    log: TrainingLog,
    settings: Settings,
    reports: Sequence[SorenessReport],
    own_days: frozenset[str],
) -> tuple[int, bool, date | None]:
    """Counted sessions, pain now, and the oldest counted day.

    Walks newest first and stops at the phase start, at the last bad signal
    (pain or high soreness, from a session or a check-in), or once enough
    sessions are found.
    """
    since = settings.phase_since
    in_phase = [r for r in reports if since is None or r.reported_at >= since]
    report_bad = max(
        (utc(r.reported_at) for r in in_phase if r.pain or r.level >= HIGH_SORENESS),
        default=None,
    )
    latest = max(((utc(r.reported_at), r.pain) for r in in_phase), default=None)
    days: list[date] = []
    for session in islice(log.newest_first(), REHAB_WALK):
        if (since is not None and session.performed_at <= since) or (
            report_bad is not None and session.performed_at <= report_bad
        ):
            break
        if session.pain is not None and (
            latest is None or session.performed_at > latest[0]
        ):
            latest = (session.performed_at, session.pain)
        if _bad(session):
            break
        day = local_date(session.performed_at, log.tz)
        if (
            session.program_day in own_days
            and _explicitly_pain_free(session)
            and day not in days
        ):
            days.append(day)
            if len(days) >= settings.phase_sessions:
                break
    return len(days), bool(latest and latest[1]), (days[-1] if days else None)


def _rehab_progress(
    log: TrainingLog,
    program: Program,
    settings: Settings,
    reports: Sequence[SorenessReport],
    today: date,
) -> PhaseProgress:
    phase = current_phase(program, settings)
    own = frozenset(d.id for d in program.days if d.phase == phase and not d.optional)
    done, pain_now, oldest = _rehab_count(log, settings, reports, own)
    since = settings.phase_since
    start = local_date(since, log.tz) if since is not None else oldest
    return PhaseProgress(
        phase=phase,
        phases=program.phases,
        sessions_done=done,
        sessions_needed=settings.phase_sessions,
        pain_free=not pain_now,
        next_phase_on=(
            None
            if start is None or phase == program.phases
            else start + timedelta(days=MIN_PHASE_DAYS)
        ),
        stored=True,
        today=today,
    )


@dataclass(slots=True)
class _Block:
    """The runner's replay state: phase, its start, and recent outcomes."""

    phase: int
    start: date | None
    last: date | None
    recent: deque[bool]
    done: int = 0

    def restart(self, phase: int, day: date) -> None:
        self.phase, self.start, self.done = phase, day, 0
        self.recent.clear()

    def step_back(self, day: date) -> None:
        """Every full block without a hard session steps back a phase."""
        if self.last is not None and (gap := (day - self.last).days) >= BLOCK_DAYS:
            self.restart(max(1, self.phase - gap // BLOCK_DAYS), day)

    def ready(self, day: date, phases: int) -> bool:
        return (
            self.phase < phases
            and self.start is not None
            and (day - self.start).days >= BLOCK_DAYS
            and sum(self.recent) >= RUNNER_PAIN_FREE
        )


def _runner_days(program: Program, phase: int) -> frozenset[str]:
    return frozenset(d.id for d in program.days if d.phase == phase and d.hard)


def _replay(
    log: TrainingLog, program: Program, settings: Settings, today: date
) -> _Block:
    since = settings.phase_since
    start = None if since is None else local_date(since, log.tz)
    block = _Block(
        phase=current_phase(program, settings),
        start=start,
        last=start,
        recent=deque(maxlen=RUNNER_WINDOW),
    )
    first_day = settings.program_start
    recent = [
        s
        for s in islice(log.hard_newest_first(), RUNNER_REPLAY)
        if (since is None or s.performed_at > since)
        and (first_day is None or local_date(s.performed_at, log.tz) >= first_day)
    ]
    for session in reversed(recent):
        day = local_date(session.performed_at, log.tz)
        block.step_back(day)
        if block.ready(day, program.phases):
            block.restart(block.phase + 1, day)
        if block.start is None:
            block.start = day
        if session.program_day in _runner_days(program, block.phase):
            pain_free = not _bad(session)
            block.recent.append(pain_free)
            block.done += int(pain_free)
        block.last = day
    block.step_back(today)
    if block.ready(today, program.phases):
        block.restart(block.phase + 1, today)
    return block


def _runner_progress(
    log: TrainingLog, program: Program, settings: Settings, today: date
) -> PhaseProgress:
    block = _replay(log, program, settings, today)
    return PhaseProgress(
        phase=block.phase,
        phases=program.phases,
        sessions_done=block.done,
        sessions_needed=RUNNER_PAIN_FREE,
        next_phase_on=(
            None
            if block.phase == program.phases
            else (block.start or today) + timedelta(days=BLOCK_DAYS)
        ),
        today=today,
    )


def phase_progress(
    log: TrainingLog,
    program: Program,
    settings: Settings,
    reports: Sequence[SorenessReport],
    today: date,
) -> PhaseProgress:
    """Progress toward the next phase (R6, R7)."""
    if program.phases == 1:
        return PhaseProgress(phase=1, phases=1)
    if program.phase_weeks is not None:
        return _runner_progress(log, program, settings, today)
    return _rehab_progress(log, program, settings, reports, today)
