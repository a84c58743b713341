"""What the CSV readers share: the header, a checked row and cell readers.

A cell that cannot be read raises `RowError`; its message follows
``row N: `` in `ImportResult.errors`.
"""

from __future__ import annotations

from collections.abc import Iterator
import csv
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
import hashlib
import math

from .catalog import EXERCISES
from .exercise_names import exercise_id_for
from .import_result import MAX_LOAD, MAX_REPS, MAX_RPE, MAX_SECONDS
from .models import Exercise, Measure, WeightUnit


def header_of(text: str) -> tuple[list[str], str]:
    """The normalised header and the delimiter that gives the most columns."""
    first = next(iter(lines_of(text)), "")
    best: tuple[list[str], str] = ([], ",")
    for delimiter in (",", ";", "\t"):
        header = next(csv.reader([first], delimiter=delimiter), [])
        if len(header) > len(best[0]):
            best = (header, delimiter)
    return [" ".join(h.strip().lower().split()) for h in best[0]], best[1]


def lines_of(text: str) -> Iterator[str]:
    """The lines of a text with their endings, for `csv.reader`."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


class RowError(ValueError):
    """A malformed row or session; the message follows "row N: "."""


@dataclass(slots=True, kw_only=True)
class Context:
    """What the rows of one file share: settings in, findings out."""

    tz: tzinfo
    default_unit: WeightUnit
    decimal_comma: bool
    header: tuple[str, ...]
    errors: list[str] = field(default_factory=list)
    unknown: set[str] = field(default_factory=set)
    seen: dict[str, tuple[datetime, str]] = field(default_factory=dict)
    """Start and workout name of every session a dated row belongs to."""
    skipped_sets: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One set row, checked, in a form common to all CSV formats."""

    number: int
    session_id: str
    start: datetime
    workout: str
    exercise: str | None
    set_order: int | None
    reps: int | None
    seconds: int | None
    load: float | None
    unit: WeightUnit | None
    rpe: float | None
    notes: str | None
    duration_minutes: int | None = None


def derived_id(start: datetime, workout: str) -> str:
    """A stable id for an imported workout: its start instant and name."""
    key = f"{start.astimezone(UTC).isoformat()}\x1f{workout}".encode()
    return "imp-" + hashlib.sha1(key, usedforsecurity=False).hexdigest()[:20]


def known_exercise(name: str, ctx: Context) -> Exercise | None:
    """The catalog exercise of a name; unknown names are noted, their set skipped."""
    name = name.strip()
    found = EXERCISES.get(name) or EXERCISES.get(exercise_id_for(name) or "")
    if found is None:
        ctx.unknown.add(name or "(empty)")
        ctx.skipped_sets += 1
    return found


def read_instant(text: str, tz: tzinfo) -> datetime:
    """An ISO 8601 date or date-time; without an offset it is local time in `tz`."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as err:
        raise RowError(f"date {text.strip()!r} is not a date") from err
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(UTC)


def read_real(text: str, what: str, ctx: Context) -> float | None:
    """A finite number, or None for an empty cell."""
    text = text.strip()
    if not text:
        return None
    if ctx.decimal_comma:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError as err:
        raise RowError(f"{what} {text!r} is not a number") from err
    if not math.isfinite(number):
        raise RowError(f"{what} is not a finite number")
    return number


def read_whole(text: str, what: str, low: int, high: int, ctx: Context) -> int | None:
    """A whole number in [low, high], or None for an empty cell."""
    number = read_real(text, what, ctx)
    if number is None:
        return None
    if not number.is_integer():
        raise RowError(f"{what} must be a whole number")
    if not low <= number <= high:
        raise RowError(f"{what} must be {low}-{high}")
    return int(number)


def read_load(
    text: str, known: Exercise, ctx: Context, *, keep_zero: bool
) -> float | None:
    """A weight in the file's unit; None when empty (or 0, unless `keep_zero`)."""
    weight = read_real(text, "weight", ctx)
    if weight is None or (weight == 0 and not keep_zero):
        return None
    if weight < 0:
        raise RowError("weight is negative")
    if weight > MAX_LOAD:
        raise RowError(f"weight is above {MAX_LOAD:g}")
    if not known.loadable:
        raise RowError(f"{known.name} takes no weight")
    return weight


def read_dose(
    reps_text: str, seconds_text: str, known: Exercise, ctx: Context
) -> tuple[int | None, int | None]:
    """Reps or seconds, whichever the exercise is measured in."""
    if known.measure is Measure.SECONDS:
        seconds = read_whole(seconds_text or "0", "seconds", 0, MAX_SECONDS, ctx)
        if not seconds:
            raise RowError(f"seconds must be 1-{MAX_SECONDS} for {known.name}")
        return None, seconds
    reps = read_real(reps_text, "reps", ctx)
    if reps is None or not reps.is_integer() or not 1 <= reps <= MAX_REPS:
        raise RowError(f"reps must be a whole number 1-{MAX_REPS}")
    return int(reps), None


def read_rpe(text: str, *, lenient: bool, ctx: Context | None = None) -> float | None:
    """RPE 1-10; in Strong and Hevy (`lenient`) 0 means none."""
    text = text.strip()
    if not text:
        return None
    if ctx is not None and ctx.decimal_comma:
        text = text.replace(",", ".")
    try:
        rpe = float(text)
    except ValueError as err:
        raise RowError(f"rpe {text!r} is not a number") from err
    if lenient and rpe == 0:
        return None
    if not (math.isfinite(rpe) and 1 <= rpe <= MAX_RPE):
        raise RowError("rpe must be 1-10")
    return rpe


def read_unit(text: str) -> WeightUnit:
    """The weight unit of a cell (kg, kgs, lb, lbs)."""
    units = {"kg": WeightUnit.KG, "kgs": WeightUnit.KG}
    units |= {"lb": WeightUnit.LB, "lbs": WeightUnit.LB}
    found = units.get(text)
    if found is None:
        raise RowError(f"unit {text!r} is not kg or lb")
    return found
