"""Turning what a person reports into a `Session`, with the domain checks.

Schema checks (types, ranges) happen at the edge; these are the checks that
need the catalog, the program or the clock value passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from .catalog import EXERCISES
from .models import Exercise, ExerciseLog, Program, ProgramDay, Session, WeightUnit
from .timeline import utc


class CoachError(ValueError):
    """A domain error with a translation key and placeholders for the message."""

    def __init__(self, key: str, **placeholders: str) -> None:
        """Keep the key and placeholders; the message is for logs only."""
        super().__init__(f"{key}: {placeholders}")
        self.key = key
        self.placeholders = placeholders


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionInput:
    """A session as reported, before checks (see `build_session`)."""

    performed_at: datetime
    program_day: str | None = None
    exercises: Sequence[ExerciseLog] | None = None
    duration_minutes: int | None = None
    rpe: float | None = None
    soreness: int | None = None
    pain: bool | None = None
    notes: str | None = None
    source: str = "action"


def prescribed(day: ProgramDay, unit: WeightUnit) -> tuple[ExerciseLog, ...]:
    """The day as prescribed, at the low end of every range.

    >>> from .programs import PROGRAMS
    >>> day = PROGRAMS["strength_2day"].day("strength_day")
    >>> sum(e.sets for e in prescribed(day, WeightUnit.KG)
    ...     if EXERCISES[e.exercise].working)
    11
    """
    return tuple(
        ExerciseLog(
            exercise=p.exercise,
            sets=p.sets.low,
            reps=None if p.reps is None else p.reps.low,
            seconds=None if p.seconds is None else p.seconds.low,
            unit=unit if EXERCISES[p.exercise].loadable else None,
        )
        for p in day.exercises
    )


def working_sets(exercises: Sequence[ExerciseLog]) -> int:
    """Count working sets: one per set, also for per-leg exercises (R3)."""
    return sum(e.sets for e in exercises if EXERCISES[e.exercise].working)


def is_hard(day: ProgramDay | None, exercises: Sequence[ExerciseLog]) -> bool:
    """A program day decides; without one, any non-light working exercise does."""
    if day is not None:
        return day.hard
    return any(_hard_exercise(EXERCISES[e.exercise]) for e in exercises)


def _hard_exercise(exercise: Exercise) -> bool:
    return exercise.working and not exercise.light


def check_exercises(exercises: Sequence[ExerciseLog]) -> None:
    """Refuse unknown ids and a dose in the wrong measure."""
    for item in exercises:
        known = EXERCISES.get(item.exercise)
        if known is None:
            raise CoachError("unknown_exercise", exercise=item.exercise)
        if (item.reps is None) == (item.seconds is None):
            raise CoachError("reps_or_seconds", exercise=item.exercise)
        if item.load is not None and not known.loadable:
            raise CoachError("load_not_allowed", exercise=item.exercise)


def build_session(
    session_id: str,
    data: SessionInput,
    *,
    program: Program,
    next_day: ProgramDay,
    unit: WeightUnit,
    now: datetime,
) -> Session:
    """Check a reported session and fix its hardness and working sets.

    Without `program_day` and `exercises` it is the next workout as prescribed;
    with exercises but no day it is a free session, hard when it holds any
    non-light working exercise.
    """
    performed_at = utc(data.performed_at)
    if performed_at > utc(now):
        raise CoachError("performed_in_future", performed_at=performed_at.isoformat())
    day: ProgramDay | None = None
    if data.program_day is not None:
        day = program.day(data.program_day)
        if day is None:
            raise CoachError("unknown_program_day", program_day=data.program_day)
    elif data.exercises is None:
        day = next_day
    exercises = tuple(data.exercises) if data.exercises is not None else None
    if exercises is None:
        exercises = prescribed(day or next_day, unit)
    check_exercises(exercises)
    exercises = tuple(
        e if e.load is None or e.unit is not None else _with_unit(e, unit)
        for e in exercises
    )
    return Session(
        id=session_id,
        performed_at=performed_at,
        hard=is_hard(day, exercises),
        working_sets=working_sets(exercises),
        exercises=exercises,
        program_day=None if day is None else day.id,
        duration_minutes=data.duration_minutes,
        rpe=data.rpe,
        soreness=data.soreness,
        pain=data.pain,
        notes=data.notes,
        source=data.source,
    )


def _with_unit(item: ExerciseLog, unit: WeightUnit) -> ExerciseLog:
    return ExerciseLog(
        exercise=item.exercise,
        sets=item.sets,
        reps=item.reps,
        seconds=item.seconds,
        load=item.load,
        unit=unit,
    )
