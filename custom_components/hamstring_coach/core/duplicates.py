"""The same session reported twice: two speakers, a double tap, a retry.

A session reported within `DuplicateRule.window` of a stored session of the
same kind (hard or light) is the same session when it names the same program
day (or no day) and the same exercises (or none). Logging a hard one again
would double the week's counts and break the rest window, a light one would
show twice in the log and the calendar; the stored one is answered instead.
A light session next to a hard one is never its repeat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .log import TrainingLog
from .models import ExerciseLog, Session


@dataclass(frozen=True, slots=True, kw_only=True)
class DuplicateRule:
    """How close two reports of one session are (less than `window` apart)."""

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
    hard: bool,
    program_day: str | None,
    exercises: Sequence[ExerciseLog] | None,
    rule: DuplicateRule = DUPLICATES,
) -> Session | None:
    """The stored session of the same kind (`hard`) this report repeats, if any.

    `program_day` is the day as reported (None when it was not said), so a
    repeated "I did my workout" matches the day the first report logged,
    although the plan has moved on to the next day since.
    """
    for stored in log.between(performed_at - rule.window, performed_at + rule.window):
        if (
            stored.hard != hard
            or abs(stored.performed_at - performed_at) >= rule.window
        ):
            continue
        if program_day is not None and stored.program_day != program_day:
            continue
        if same_exercises(exercises, stored.exercises):
            return stored
    return None
