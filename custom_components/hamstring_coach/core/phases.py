"""Program phases: rehab advances on pain-free progress (R6), runner by calendar (R7).

Rehab (article 003): move on only when the current phase is pain-free. Here
that means `phase_sessions` sessions (default 4) logged in the phase after
the last pain signal; pain restarts the count, and nothing advances by
itself while pain is the latest signal.

Runner (article 004): four phases in two-week blocks from `program_start`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .log import TrainingLog
from .models import Program, Settings, SorenessReport
from .timeline import utc


@dataclass(frozen=True, slots=True, kw_only=True)
class PhaseProgress:
    """Where a person is in a phased program and what moves them on.

    `sessions_done`/`sessions_needed` are set for progress phases (rehab),
    `next_phase_on` for calendar phases (runner); `ready` means the next
    phase may start now.
    """

    phase: int
    phases: int
    sessions_done: int | None = None
    sessions_needed: int | None = None
    pain_free: bool = True
    next_phase_on: date | None = None

    @property
    def ready(self) -> bool:
        """Rehab only: enough pain-free sessions and a later phase exists."""
        return (
            self.sessions_needed is not None
            and self.sessions_done is not None
            and self.pain_free
            and self.phase < self.phases
            and self.sessions_done >= self.sessions_needed
        )


def current_phase(program: Program, settings: Settings, today: date) -> int:
    """The phase in force on `today`.

    >>> from datetime import time
    >>> from .programs import PROGRAMS
    >>> s = Settings(program="runner", training_days=frozenset({1, 4}),
    ...              training_time=time(18), program_start=date(2026, 1, 5))
    >>> current_phase(PROGRAMS["runner"], s, date(2026, 2, 2))
    3
    """
    if program.phase_weeks is None:
        return min(max(settings.phase, 1), program.phases)
    start = settings.program_start or today
    elapsed_weeks = max((today - start).days, 0) // 7
    return min(1 + elapsed_weeks // program.phase_weeks, program.phases)


def _last_pain(
    log: TrainingLog, since: datetime | None, reports: Sequence[SorenessReport]
) -> tuple[datetime | None, bool]:
    """The last pain signal since `since`, and whether it is still the latest signal."""
    signals = [
        (utc(r.reported_at), r.pain)
        for r in reports
        if since is None or r.reported_at >= since
    ]
    signals += [
        (s.performed_at, bool(s.pain))
        for s in log.between(since, None)
        if s.pain is not None
    ]
    signals.sort()
    pains = [at for at, pain in signals if pain]
    return (pains[-1] if pains else None), bool(signals and signals[-1][1])


def phase_progress(
    log: TrainingLog,
    program: Program,
    settings: Settings,
    reports: Sequence[SorenessReport],
    today: date,
) -> PhaseProgress:
    """Progress toward the next phase (R6, R7)."""
    phase = current_phase(program, settings, today)
    if program.phases == 1:
        return PhaseProgress(phase=1, phases=1)
    if program.phase_weeks is not None:
        start = settings.program_start or today
        next_on = start + timedelta(weeks=phase * program.phase_weeks)
        return PhaseProgress(
            phase=phase,
            phases=program.phases,
            next_phase_on=None if phase == program.phases else next_on,
        )
    since = settings.phase_since
    last_pain, pain_now = _last_pain(log, since, reports)
    count_from = max((t for t in (since, last_pain) if t is not None), default=None)
    done = sum(
        1
        for s in log.between(count_from, None)
        # The session that finished the previous phase (at `phase_since`) and
        # the painful one are not part of this count.
        if not s.pain and (count_from is None or s.performed_at > count_from)
    )
    return PhaseProgress(
        phase=phase,
        phases=program.phases,
        sessions_done=done,
        sessions_needed=settings.phase_sessions,
        pain_free=not pain_now,
    )
