"""The plan ahead: the sessions the coach would schedule in the coming weeks.

The coach is run forward: each next session is "done" as prescribed at its
slot and the coach asked again, so the projection keeps every rule (rest
windows, weekly targets and catch-ups, preferred days, the hard run day,
pauses, skips) and shows the progressed doses.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from itertools import takewhile

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


def iter_plan(
    state: CoachState, program: Program, base: Settings, *, now: datetime
) -> Iterator[Planned]:
    """Planned sessions from `now` on, one at a time (at most `MAX_PLANNED`).

    A recovery swap belongs to the days of the recovery only: the snapshot
    swaps its next workout for a light day while the person is recovering
    *now*, but when the recovery is over by the slot, the slot keeps the day
    the coach gives then, so a light day and the hard day never share a slot.
    Pain ends only when the person says so: the plan stops at the first
    light day it brings, and plans no hard session after it.
    """
    sim, moment = state, now
    for number in range(MAX_PLANNED):
        snapshot = sim.snapshot(program, base, moment)
        start, reason = snapshot.next_session, snapshot.next_session_reason
        if snapshot.next_workout.recovery and start > moment:
            snapshot = sim.snapshot(program, base, start)
        workout = snapshot.next_workout
        yield Planned(start=start, workout=workout, reason=reason)
        wellness = snapshot.wellness
        if workout.recovery and wellness is not None and wellness.pain:
            return
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
    return tuple(
        takewhile(lambda p: p.start < until, iter_plan(state, program, base, now=now))
    )
