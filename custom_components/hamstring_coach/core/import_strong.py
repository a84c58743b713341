"""Import of a Strong CSV, "," or ";" delimited.

Required columns ``Date``, ``Workout Name``, ``Exercise Name``, ``Set Order``,
``Weight``, ``Reps``; read when present: ``Weight Unit`` (``kg``/``lbs``;
without it weights are in `default_unit`, as the newer export does not say),
``Seconds``, ``RPE``, ``Workout Notes``, ``Duration``/``Workout Duration``
(seconds, or ``1h 5m``). ``Distance``, ``Distance Unit``, ``Notes`` (set
notes) and ``Workout No`` are ignored. Seen in the wild: ``Date;Workout Name;
Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;
Seconds;Notes;Workout Notes;Workout Duration`` (older, ";") and ``Date,
Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,
Notes,Workout Notes,RPE`` (newer, "," and sometimes ``Workout No``).
``Date`` is local time (``2026-11-23 18:00:00``). A ``Set Order`` of ``W`` is
a warm-up set and is skipped, ``D``/``F`` (drop, failure) are sets,
rest-timer rows are skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
import re

from .import_result import MAX_DURATION_MINUTES, MAX_NOTES
from .import_rows import (
    Context,
    Row,
    derived_id,
    known_exercise,
    read_dose,
    read_instant,
    read_load,
    read_rpe,
    read_unit,
    read_whole,
)

STRONG_REQUIRED = frozenset(
    {"date", "workout name", "exercise name", "set order", "weight", "reps"}
)


def strong_row(record: Mapping[str, str], number: int, ctx: Context) -> Row | None:
    """A row of a Strong CSV, checked; None when it is skipped."""
    start = read_instant(record.get("date", ""), ctx.tz)
    workout = record.get("workout name", "").strip()
    session_id = derived_id(start, workout)
    ctx.seen.setdefault(session_id, (start, workout))
    order_text = record.get("set order", "").strip()
    if "rest" in order_text.lower():
        return None
    known = known_exercise(record.get("exercise name", ""), ctx)
    if known is None:
        return None
    if order_text.upper() == "W":
        ctx.skipped_sets += 1
        return None
    order = None
    if order_text.upper() not in {"D", "F"}:
        order = read_whole(order_text, "set order", 1, 10_000, ctx)
    unit_text = record.get("weight unit", "").strip().lower()
    unit = read_unit(unit_text) if unit_text else ctx.default_unit
    load = read_load(record.get("weight", ""), known, ctx, keep_zero=False)
    reps, seconds = read_dose(
        record.get("reps", ""), record.get("seconds", ""), known, ctx
    )
    duration = record.get("duration") or record.get("workout duration") or ""
    notes = record.get("workout notes", "").strip()
    return Row(
        number=number,
        session_id=session_id,
        start=start,
        workout=workout,
        exercise=known.id,
        set_order=order,
        reps=reps,
        seconds=seconds,
        load=load,
        unit=None if load is None else unit,
        rpe=read_rpe(record.get("rpe", ""), lenient=True, ctx=ctx),
        notes=notes[:MAX_NOTES] or None,
        duration_minutes=_strong_duration(duration),
    )


_DURATION_PART = re.compile(r"(\d+)\s*([hms])")


def _strong_duration(text: str) -> int | None:
    """Whole minutes of ``3600`` (seconds) or ``1h 5m``; None when unreadable."""
    text = text.strip().lower()
    seconds = 0
    if text.isdigit():
        seconds = int(text)
    else:
        scale = {"h": 3600, "m": 60, "s": 1}
        for amount, unit in _DURATION_PART.findall(text):
            seconds += int(amount) * scale[unit]
    minutes = round(seconds / 60)
    return minutes if 1 <= minutes <= MAX_DURATION_MINUTES else None
