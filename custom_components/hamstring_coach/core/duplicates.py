"""The same hard session reported twice: two speakers, a double tap, a retry.

A hard session reported within `DuplicateRule.window` of a stored hard
session is the same session when it names the same program day (or no day)
and the same exercises (or none). Logging it again would double the week's
counts and break the rest window, so the stored one is answered instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .log import TrainingLog
from .models import ExerciseLog, Session


@dataclass(frozen=True, slots=True, kw_only=True)
class DuplicateRule:
    """How close two reports of one hard session are (less than `window` apart)."""

    window: timedelta = timedelta(minutes=30)


DUPLICATES = DuplicateRule()
"""The rule used when logging."""


def _dose(item: ExerciseLog) -> tuple[object, ...]:
    return (item.exercise, item.sets, item.reps, item.seconds, item.load)


def same_exercises(
    reported: Sequence[ExerciseLog] | None, stored: Sequence[ExerciseLog]
) -> bool:
    """No exercises reported, or the same exercises with the same doses."""
    if reported is None:
        return True
    return sorted(map(_dose, reported), key=repr) == sorted(
        map(_dose, stored), key=repr
    )


def find_duplicate(
    log: TrainingLog,
    *,
    performed_at: datetime,
    program_day: str | None,
    exercises: Sequence[ExerciseLog] | None,
    rule: DuplicateRule = DUPLICATES,
) -> Session | None:
    """The stored hard session this report repeats, if any.

    `program_day` is the day as reported (None when it was not said), so a
    repeated "I did my workout" matches the day the first report logged,
    although the plan has moved on to the next day since.
    """
    for stored in log.between(performed_at - rule.window, performed_at + rule.window):
        if not stored.hard or abs(stored.performed_at - performed_at) >= rule.window:
            continue
        if program_day is not None and stored.program_day != program_day:
            continue
        if same_exercises(exercises, stored.exercises):
            return stored
    return None
