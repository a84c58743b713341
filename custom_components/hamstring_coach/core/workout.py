"""The next workout: which program day, and the dose of each exercise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from .log import TrainingLog
from .models import (
    ExerciseLog,
    Program,
    ProgramDay,
    Session,
    SorenessReport,
    WeightUnit,
)
from .progression import Dose, History, plan_doses
from .recovery import after_session


@dataclass(frozen=True, slots=True, kw_only=True)
class Workout:
    """The next program day; `recovery` when it replaced a hard day (R5)."""

    day: ProgramDay
    recovery: bool = False
    doses: tuple[Dose, ...] = ()

    def dose(self, exercise: str) -> Dose | None:
        """The dose of one exercise of this workout."""
        return next(
            (d for d in self.doses if d.prescription.exercise == exercise), None
        )


def next_day(
    log: TrainingLog, program: Program, phase: int, recovering: bool
) -> tuple[ProgramDay, bool]:
    """The day after the latest logged day of the rotation; the light day while recovering."""
    if recovering and (light := program.light_day(phase)) is not None:
        return light, True
    rotation = program.rotation(phase)
    logged = [s for d in rotation if (s := log.last_of_day(d.id)) is not None]
    if not logged:
        return rotation[0], False
    latest = max(logged, key=lambda s: (s.performed_at, s.id))
    ids = [d.id for d in rotation]
    return rotation[(ids.index(str(latest.program_day)) + 1) % len(rotation)], False


def _entry(session: Session, exercise: str) -> tuple[Session, ExerciseLog]:
    item = next(e for e in session.exercises if e.exercise == exercise)
    return session, item


def exercise_history(log: TrainingLog, exercise: str) -> History:
    """The last two logs of an exercise, newest first."""
    recent = log.recent_of_exercise(exercise)
    return History(
        last=_entry(recent[0], exercise) if recent else None,
        previous=_entry(recent[1], exercise) if len(recent) > 1 else None,
    )


def next_workout(
    log: TrainingLog,
    program: Program,
    phase: int,
    *,
    recovering: bool,
    reports: Sequence[SorenessReport],
    now: datetime,
    unit: WeightUnit,
) -> Workout:
    """The next workout with doses progressed from the log (R4)."""
    day, recovery = next_day(log, program, phase, recovering)
    return workout_for_day(
        log, day, recovery=recovery, reports=reports, now=now, unit=unit
    )


def workout_for_day(
    log: TrainingLog,
    day: ProgramDay,
    *,
    recovery: bool = False,
    reports: Sequence[SorenessReport],
    now: datetime,
    unit: WeightUnit,
) -> Workout:
    """Any program day with its doses; light and recovery days never progress."""
    histories = [exercise_history(log, p.exercise) for p in day.exercises]
    checks = [
        after_session(h.last[0], reports) if h.last is not None else (None, False)
        for h in histories
    ]
    doses = plan_doses(
        day.exercises,
        histories,
        soreness_after=[c[0] for c in checks],
        pain_after=[c[1] for c in checks],
        now=now,
        unit=unit,
        progress=day.hard and not recovery,
    )
    return Workout(day=day, recovery=recovery, doses=doses)
