"""Import of a Hevy CSV.

Columns ``title,start_time,end_time,description,exercise_title,superset_id,
exercise_notes,set_index,set_type,weight_kg,reps,distance_km,
duration_seconds,rpe``, or the same with ``weight_lbs``/``distance_miles``.
Required: ``title``, ``start_time``, ``exercise_title``, ``set_index``,
``reps`` and one of ``weight_kg``/``weight_lbs``. Times are local
(``23 Nov 2026, 18:00``); ``set_type`` ``warmup`` sets are skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, tzinfo
import re

from .import_result import MAX_DURATION_MINUTES, MAX_NOTES
from .import_rows import (
    Context,
    Row,
    RowError,
    derived_id,
    known_exercise,
    read_dose,
    read_instant,
    read_load,
    read_rpe,
    read_whole,
)
from .models import WeightUnit

HEVY_REQUIRED = frozenset(
    {"title", "start_time", "exercise_title", "set_index", "reps"}
)


def hevy_row(record: Mapping[str, str], number: int, ctx: Context) -> Row | None:
    """A row of a Hevy CSV, checked; None when it is skipped."""
    start = _hevy_instant(record.get("start_time", ""), ctx.tz)
    workout = record.get("title", "").strip()
    session_id = derived_id(start, workout)
    ctx.seen.setdefault(session_id, (start, workout))
    known = known_exercise(record.get("exercise_title", ""), ctx)
    if known is None:
        return None
    if record.get("set_type", "").strip().lower() == "warmup":
        ctx.skipped_sets += 1
        return None
    index = read_whole(record.get("set_index", ""), "set index", 0, 10_000, ctx)
    if "weight_kg" in record:
        unit, weight = WeightUnit.KG, record.get("weight_kg", "")
    else:
        unit, weight = WeightUnit.LB, record.get("weight_lbs", "")
    load = read_load(weight, known, ctx, keep_zero=False)
    reps, seconds = read_dose(
        record.get("reps", ""), record.get("duration_seconds", ""), known, ctx
    )
    duration = None
    end_text = record.get("end_time", "").strip()
    if end_text:
        minutes = round((_hevy_instant(end_text, ctx.tz) - start).total_seconds() / 60)
        duration = minutes if 1 <= minutes <= MAX_DURATION_MINUTES else None
    notes = record.get("description", "").strip()
    return Row(
        number=number,
        session_id=session_id,
        start=start,
        workout=workout,
        exercise=known.id,
        set_order=None if index is None else index + 1,
        reps=reps,
        seconds=seconds,
        load=load,
        unit=None if load is None else unit,
        rpe=read_rpe(record.get("rpe", ""), lenient=True, ctx=ctx),
        notes=notes[:MAX_NOTES] or None,
        duration_minutes=duration,
    )


_MONTHS: tuple[str, ...] = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_HEVY_TIME = re.compile(
    r"(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?"
)


def _hevy_instant(text: str, tz: tzinfo) -> datetime:
    """Hevy's ``23 Nov 2026, 18:00`` (local time), or ISO 8601."""
    match = _HEVY_TIME.fullmatch(text.strip())
    if match is None:
        return read_instant(text, tz)
    day, month, year, hour, minute, second = match.groups()
    if month.lower() not in _MONTHS:
        raise RowError(f"date {text.strip()!r} is not a date")
    try:
        moment = datetime(
            int(year),
            _MONTHS.index(month.lower()) + 1,
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            tzinfo=tz,
        )
    except ValueError as err:
        raise RowError(f"date {text.strip()!r} is not a date") from err
    return moment.astimezone(UTC)
