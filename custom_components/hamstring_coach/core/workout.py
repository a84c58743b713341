"""The next workout: which program day, and the dose of each exercise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from .catalog import EXERCISES
from .log import TrainingLog
from .models import (
    ExerciseLog,
    Prescription,
    Program,
    ProgramDay,
    Session,
    SorenessReport,
    WeightUnit,
)
from .progression import Dose, History, plan_doses
from .recovery import Assessment, assess


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


def gated(
    day: ProgramDay, *, pain_free_done: int = 0, in_pain: bool = False
) -> ProgramDay:
    """The day as prescribed now: gated exercises in or out, no stretching in pain.

    `pain_free_done` counts the phase's pain-free hard sessions (004: gentle
    Nordic curls "as tolerated"); while in pain, static stretches are left
    out (003: stretch only once the pain has settled).
    """

    def keep(item: Prescription) -> bool:
        if in_pain and EXERCISES[item.exercise].stretch:
            return False
        if pain_free_done < item.enter_after:
            return False
        return item.leave_after is None or pain_free_done < item.leave_after

    kept = tuple(p for p in day.exercises if keep(p))
    return day if kept == day.exercises else replace(day, exercises=kept)


def next_workout(
    log: TrainingLog,
    program: Program,
    phase: int,
    *,
    recovering: bool,
    reports: Sequence[SorenessReport],
    now: datetime,
    unit: WeightUnit,
    pain_free_done: int = 0,
    assessment: Assessment | None = None,
) -> Workout:
    """The next workout with doses progressed from the log (R4)."""
    day, recovery = next_day(log, program, phase, recovering)
    if assessment is None:
        assessment = assess(log, reports)
    day = gated(day, pain_free_done=pain_free_done, in_pain=assessment.pain_now)
    return workout_for_day(
        log,
        day,
        recovery=recovery,
        reports=reports,
        now=now,
        unit=unit,
        assessment=assessment,
    )


def workout_for_day(
    log: TrainingLog,
    day: ProgramDay,
    *,
    recovery: bool = False,
    reports: Sequence[SorenessReport],
    now: datetime,
    unit: WeightUnit,
    assessment: Assessment | None = None,
) -> Workout:
    """Any program day with its doses; light and recovery days never progress.

    Every bad signal since the exercise's last log counts, however late it
    came, until a pain-free hard session clears it (R5).
    """
    if assessment is None:
        assessment = assess(log, reports)
    histories = [exercise_history(log, p.exercise) for p in day.exercises]
    checks = [
        assessment.after(h.last[0].performed_at)
        if h.last is not None
        else (None, assessment.pain_now)
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
