"""Turning what a person reports into a `Session`, with the domain checks.

Schema checks (types, ranges) happen at the edge; these are the checks that
need the catalog, the program or the clock value passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from .catalog import EXERCISES
from .models import (
    Exercise,
    ExerciseLog,
    Measure,
    Program,
    ProgramDay,
    Session,
    WeightUnit,
)
from .progression import start_dose
from .timeline import utc
from .workout import Workout


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
    allow_duplicate: bool = False
    """Log even when it repeats a hard session just stored (see duplicates.py)."""


def prescribed(day: ProgramDay, unit: WeightUnit) -> tuple[ExerciseLog, ...]:
    """A day as first prescribed, at the low end of every range.

    >>> from .programs import PROGRAMS
    >>> day = PROGRAMS["strength_2day"].day("strength_day")
    >>> sum(e.sets for e in prescribed(day, WeightUnit.KG)
    ...     if EXERCISES[e.exercise].working)
    11
    """
    return tuple(start_dose(p, unit).as_log() for p in day.exercises)


def _with_targets(
    items: Sequence[ExerciseLog], workout: Workout
) -> tuple[ExerciseLog, ...]:
    """Attach the workout's targets to what was logged of its exercises (R4)."""
    out = []
    for item in items:
        dose = workout.dose(item.exercise)
        if dose is None or item.has_targets:
            out.append(item)
            continue
        target = dose.as_log()
        out.append(
            replace(
                item,
                target_sets=target.target_sets,
                target_reps=target.target_reps,
                target_seconds=target.target_seconds,
                target_load=target.target_load,
            )
        )
    return tuple(out)


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


DOSE_LIMITS: dict[str, tuple[float, float]] = {
    "sets": (1, 20),
    "reps": (1, 100),
    "seconds": (1, 3600),
    "load": (0, 1000),
}
"""The plausible range of each number of a logged exercise (typing errors outside)."""


def _check_ranges(item: ExerciseLog) -> None:
    for field, (low, high) in DOSE_LIMITS.items():
        value = getattr(item, field)
        if value is not None and not low <= value <= high:
            raise CoachError(
                "dose_out_of_range",
                exercise=item.exercise,
                field=field,
                value=f"{value:g}",
                low=f"{low:g}",
                high=f"{high:g}",
            )


def check_exercises(exercises: Sequence[ExerciseLog]) -> None:
    """Refuse unknown ids, numbers out of range and a dose in the wrong measure."""
    for item in exercises:
        known = EXERCISES.get(item.exercise)
        if known is None:
            raise CoachError("unknown_exercise", exercise=item.exercise)
        _check_ranges(item)
        if (item.reps is None) == (item.seconds is None):
            raise CoachError("reps_or_seconds", exercise=item.exercise)
        if (item.seconds is not None) != (known.measure is Measure.SECONDS):
            raise CoachError(
                "wrong_measure", exercise=item.exercise, measure=str(known.measure)
            )
        if item.load is not None and not known.loadable:
            raise CoachError("load_not_allowed", exercise=item.exercise)


def build_session(
    session_id: str,
    data: SessionInput,
    *,
    program: Program,
    workout: Workout,
    unit: WeightUnit,
    now: datetime,
) -> Session:
    """Check a reported session and fix its hardness, working sets and targets.

    Without `program_day` and `exercises` it is the next workout as prescribed
    (its progressed doses); with exercises but no day it is a free session,
    hard when it holds any non-light working exercise. Exercises of the next
    workout's day carry that workout's targets, for the next progression step.
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
        day = workout.day
    if data.exercises is not None:
        exercises = tuple(data.exercises)
    elif day is not None and day.id == workout.day.id:
        exercises = tuple(d.as_log() for d in workout.doses)
    else:
        exercises = prescribed(day or workout.day, unit)
    check_exercises(exercises)
    if day is not None and day.id == workout.day.id:
        exercises = _with_targets(exercises, workout)
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
    return replace(item, unit=unit)
