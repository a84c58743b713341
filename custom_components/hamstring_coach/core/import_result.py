"""Formats, limits and the result of an import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .models import Session

FORMAT_JSON = "hamstring_coach_json"
FORMAT_CSV = "hamstring_coach_csv"
FORMAT_STRONG = "strong"
FORMAT_HEVY = "hevy"

JSON_FORMAT_NAME = "hamstring_coach"
JSON_VERSION = 1

CSV_HEADER: tuple[str, ...] = (
    "date",
    "workout",
    "exercise",
    "exercise_id",
    "set_order",
    "weight",
    "unit",
    "reps",
    "seconds",
    "rpe",
    "notes",
    "session_id",
)

IMPORT_SOURCE = "import"
"""`Session.source` of sessions imported from CSV."""

MAX_SETS = 20
MAX_REPS = 100
MAX_SECONDS = 3600
MAX_LOAD = 1000.0
MAX_RPE = 10.0
MAX_SORENESS = 10
MAX_DURATION_MINUTES = 600
MAX_NOTES = 500
MAX_ERRORS = 50
"""Errors listed in full; more are summed up in one last line."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    """What an import would add; store nothing while `errors` is non-empty.

    `dropped` describes workouts left out because none of their exercises is
    known (not an error); `skipped_sets` counts set rows not imported (unknown
    exercises, warm-ups).
    """

    sessions: tuple[Session, ...]
    unknown_exercises: tuple[str, ...]
    errors: tuple[str, ...]
    format: str
    dropped: tuple[str, ...] = ()
    skipped_sets: int = 0


def capped(errors: Sequence[str]) -> tuple[str, ...]:
    """At most `MAX_ERRORS` errors, the rest summed up in one line."""
    if len(errors) <= MAX_ERRORS:
        return tuple(errors)
    rest = len(errors) - MAX_ERRORS
    return (*errors[:MAX_ERRORS], f"... and {rest} more")
