"""Import of our CSV: the header `CSV_HEADER`, any column order.

Column names are case-insensitive; sessions keep their ids. The day name in
`workout` maps back to its day id through `names` (or when it is a day id
itself); targets, soreness, pain and duration are not in the CSV.
"""

from __future__ import annotations

from collections.abc import Mapping

from .import_result import MAX_SETS
from .import_rows import (
    Context,
    Row,
    RowError,
    known_exercise,
    read_dose,
    read_instant,
    read_load,
    read_rpe,
    read_unit,
    read_whole,
)


def our_row(record: Mapping[str, str], number: int, ctx: Context) -> Row | None:
    """A row of our CSV, checked; None when it is skipped."""
    session_id = record.get("session_id", "").strip()
    if not session_id:
        raise RowError("session_id is missing")
    start = read_instant(record.get("date", ""), ctx.tz)
    workout = record.get("workout", "").strip()
    ctx.seen.setdefault(session_id, (start, workout))
    name = record.get("exercise_id", "").strip() or record.get("exercise", "").strip()
    rpe = read_rpe(record.get("rpe", ""), lenient=False)
    notes = record.get("notes", "") or None
    if not name:
        # A session logged without exercises.
        return Row(
            number=number,
            session_id=session_id,
            start=start,
            workout=workout,
            exercise=None,
            set_order=None,
            reps=None,
            seconds=None,
            load=None,
            unit=None,
            rpe=rpe,
            notes=notes,
        )
    known = known_exercise(name, ctx)
    if known is None:
        return None
    order = read_whole(record.get("set_order", ""), "set order", 1, MAX_SETS, ctx)
    if order is None:
        raise RowError("set order is missing")
    unit_text = record.get("unit", "").strip().lower()
    unit = read_unit(unit_text) if unit_text else None
    load = read_load(record.get("weight", ""), known, ctx, keep_zero=True)
    if load is not None and unit is None:
        raise RowError("unit is missing")
    reps, seconds = read_dose(
        record.get("reps", ""), record.get("seconds", ""), known, ctx
    )
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
        rpe=rpe,
        notes=notes,
    )
