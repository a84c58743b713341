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


def _rehab_count(
    log: TrainingLog,
    since: datetime | None,
    reports: Sequence[SorenessReport],
    needed: int,
) -> tuple[int, bool]:
    """Pain-free sessions since the phase start and the last pain, and pain now.

    Sessions are walked newest first and the walk stops at the phase start,
    at the last pain, or once `needed` pain-free sessions are found, so its
    cost does not grow with the history. The session that finished the
    previous phase (at `since`) does not count.
    """
    in_phase = [r for r in reports if since is None or r.reported_at >= since]
    report_pain = max((utc(r.reported_at) for r in in_phase if r.pain), default=None)
    latest = max(((utc(r.reported_at), r.pain) for r in in_phase), default=None)
    done = 0
    for session in log.newest_first():
        if (since is not None and session.performed_at <= since) or (
            report_pain is not None and session.performed_at <= report_pain
        ):
            break
        if session.pain is not None and (
            latest is None or session.performed_at > latest[0]
        ):
            latest = (session.performed_at, session.pain)
        if session.pain:
            break
        done += 1
        if done >= needed:
            break
    return done, bool(latest and latest[1])


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
    done, pain_now = _rehab_count(
        log, settings.phase_since, reports, settings.phase_sessions
    )
    return PhaseProgress(
        phase=phase,
        phases=program.phases,
        sessions_done=done,
        sessions_needed=settings.phase_sessions,
        pain_free=not pain_now,
    )
