"""Checked CSV rows grouped into sessions, and sets into exercise logs.

Rows of one workout (same start and name) form a session whose id is derived
from both (``imp-<sha1>``), so importing the same export twice, or the same
workout from Strong and from Hevy, gives the same id and `merge` skips it.
Consecutive sets of one exercise at the same dose form one `ExerciseLog`
(3 rows of 8 reps at 60 kg are 3 x 8 at 60 kg). Unknown names are reported
and their sets skipped; a workout left with no known exercise is dropped and
reported. An imported workout is a free session: hard and working sets
follow `sessions.is_hard` and `sessions.working_sets`; its RPE is the highest
set RPE (0 and empty mean none in Strong and Hevy).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from .import_result import FORMAT_CSV, IMPORT_SOURCE, MAX_SETS, ImportResult, capped
from .import_rows import Context, Row
from .models import ExerciseLog, ProgramDay, Session
from .programs import PROGRAMS
from .sessions import is_hard, working_sets


def build_sessions(
    rows: Sequence[Row],
    kind: str,
    ctx: Context,
    *,
    names: Mapping[str, str],
    now: datetime | None,
) -> ImportResult:
    """Group checked rows into sessions, and sets into exercise logs."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row.session_id, []).append(row)
    days = _day_lookup(names)
    sessions: list[Session] = []
    for session_id, group in groups.items():
        first = group[0]
        if kind == FORMAT_CSV and any(r.start != first.start for r in group):
            ctx.errors.append(f"row {first.number}: session {session_id} has two dates")
            continue
        if now is not None and first.start > now:
            ctx.errors.append(f"row {first.number}: date is in the future")
            continue
        exercises = _logs(group, ctx)
        day = days.get(first.workout.casefold()) if kind == FORMAT_CSV else None
        rpes = [r.rpe for r in group if r.rpe is not None]
        sessions.append(
            Session(
                id=session_id,
                performed_at=first.start,
                hard=is_hard(day, exercises),
                working_sets=working_sets(exercises),
                exercises=exercises,
                program_day=None if day is None else day.id,
                duration_minutes=first.duration_minutes,
                rpe=max(rpes) if rpes else None,
                notes=next((r.notes for r in group if r.notes), None),
                source=IMPORT_SOURCE,
            )
        )
    kept = {s.id for s in sessions}
    dropped = tuple(
        f"{start.astimezone(ctx.tz):%Y-%m-%d %H:%M} {workout}: no known exercise"
        for session_id, (start, workout) in ctx.seen.items()
        if session_id not in kept and session_id not in groups
    )
    sessions.sort(key=lambda s: (s.performed_at, s.id))
    return ImportResult(
        sessions=tuple(sessions),
        unknown_exercises=tuple(sorted(ctx.unknown)),
        errors=capped(ctx.errors),
        format=kind,
        dropped=dropped,
        skipped_sets=ctx.skipped_sets,
    )


def _logs(group: Sequence[Row], ctx: Context) -> tuple[ExerciseLog, ...]:
    """Consecutive sets of one exercise at one dose as one log.

    A new log starts when the exercise or the dose changes, or when the set
    order starts again (our CSV numbers each log's sets from 1).
    """
    logs: list[ExerciseLog] = []
    last: Row | None = None
    for row in group:
        if row.exercise is None:
            continue
        if (
            logs
            and last is not None
            and _same_dose(last, row)
            and not (
                row.set_order is not None
                and last.set_order is not None
                and row.set_order <= last.set_order
            )
        ):
            if logs[-1].sets >= MAX_SETS:
                ctx.errors.append(
                    f"row {row.number}: more than {MAX_SETS} sets in a row"
                )
            else:
                logs[-1] = replace(logs[-1], sets=logs[-1].sets + 1)
        else:
            logs.append(
                ExerciseLog(
                    exercise=row.exercise,
                    sets=1,
                    reps=row.reps,
                    seconds=row.seconds,
                    load=row.load,
                    unit=row.unit,
                )
            )
        last = row
    return tuple(logs)


def _same_dose(a: Row, b: Row) -> bool:
    return (a.exercise, a.reps, a.seconds, a.load, a.unit) == (
        b.exercise,
        b.reps,
        b.seconds,
        b.load,
        b.unit,
    )


def _day_lookup(names: Mapping[str, str]) -> dict[str, ProgramDay]:
    """Program days by id and by the names `export_csv` was given (casefolded)."""
    by_id = {day.id: day for p in PROGRAMS.values() for day in p.days}
    lookup = {day_id.casefold(): day for day_id, day in by_id.items()}
    for day_id, name in names.items():
        day = by_id.get(day_id)
        if day is not None:
            lookup[name.casefold()] = day
    return lookup
