"""The plan ahead: the sessions the coach would schedule in the coming weeks.

The coach is run forward: each next session is "done" as prescribed at its
slot and the coach asked again, so the projection keeps every rule (rest
windows, weekly targets and catch-ups, preferred days, the hard run day,
pauses, skips) and shows the progressed doses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from .models import NextReason, Program, Session, Settings
from .sessions import working_sets
from .state import CoachState
from .workout import Workout

MAX_PLANNED = 60
"""A hard cap on projected sessions (daily light phases over four weeks fit)."""

_STEP = timedelta(minutes=1)


@dataclass(frozen=True, slots=True, kw_only=True)
class Planned:
    """A projected session."""

    start: datetime
    workout: Workout
    reason: NextReason


def plan_ahead(
    state: CoachState,
    program: Program,
    base: Settings,
    *,
    now: datetime,
    until: datetime,
) -> tuple[Planned, ...]:
    """Sessions planned from `now` up to `until`.

    >>> from datetime import UTC, time
    >>> from zoneinfo import ZoneInfo
    >>> from .programs import PROGRAMS
    >>> state = CoachState.load((), (), ZoneInfo("Europe/Berlin"))
    >>> base = Settings(program="strength_2day", training_days=frozenset({0, 3}),
    ...                 training_time=time(18))
    >>> now = datetime(2026, 11, 23, 9, tzinfo=UTC)
    >>> plan = plan_ahead(state, PROGRAMS["strength_2day"], base, now=now,
    ...                   until=now + timedelta(days=7))
    >>> [(p.start.isoformat(), p.workout.day.id) for p in plan]
    [('2026-11-23T17:00:00+00:00', 'strength_day'), ('2026-11-26T17:00:00+00:00', 'control_day')]
    """
    planned: list[Planned] = []
    sim, moment = state, now
    for number in range(MAX_PLANNED):
        snapshot = sim.snapshot(program, base, moment)
        start = snapshot.next_session
        if start >= until:
            break
        workout = snapshot.next_workout
        planned.append(
            Planned(start=start, workout=workout, reason=snapshot.next_session_reason)
        )
        done_at = max(start, moment)
        exercises = tuple(d.as_log() for d in workout.doses)
        session = Session(
            id=f"planned-{number}",
            performed_at=done_at,
            hard=workout.day.hard,
            working_sets=working_sets(exercises),
            exercises=exercises,
            program_day=workout.day.id,
            source="plan",
        )
        sim = replace(sim, log=sim.log.add(session))
        moment = done_at + _STEP
    return tuple(planned)
