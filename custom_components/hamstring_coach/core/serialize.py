"""Plain-JSON forms of sessions and reports, for storage and responses.

Stored keys are part of the file format: change them only with a schema
migration. Datetimes are ISO 8601 strings in UTC.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import cast

from .models import (
    Controls,
    ExerciseLog,
    Pause,
    Session,
    Skip,
    SorenessReport,
    WeightUnit,
)
from .timeline import utc

type JsonValue = (
    str | int | float | bool | list[JsonValue] | dict[str, JsonValue] | None
)
type JsonObject = dict[str, JsonValue]


def exercise_to_dict(item: ExerciseLog) -> JsonObject:
    """An exercise log as a dict, omitting empty fields."""
    out: JsonObject = {"exercise": item.exercise, "sets": item.sets}
    for key, value in (
        ("reps", item.reps),
        ("seconds", item.seconds),
        ("load", item.load),
        ("unit", None if item.unit is None else str(item.unit)),
        ("target_sets", item.target_sets),
        ("target_reps", item.target_reps),
        ("target_seconds", item.target_seconds),
        ("target_load", item.target_load),
    ):
        if value is not None:
            out[key] = value
    return out


def exercise_from_dict(data: Mapping[str, JsonValue]) -> ExerciseLog:
    """Read an exercise log written by `exercise_to_dict`."""
    unit = data.get("unit")
    load = data.get("load")
    return ExerciseLog(
        exercise=str(data["exercise"]),
        sets=int(cast("int", data["sets"])),
        reps=_opt_int(data.get("reps")),
        seconds=_opt_int(data.get("seconds")),
        load=None if load is None else float(cast("float", load)),
        unit=None if unit is None else WeightUnit(str(unit)),
        target_sets=_opt_int(data.get("target_sets")),
        target_reps=_opt_int(data.get("target_reps")),
        target_seconds=_opt_int(data.get("target_seconds")),
        target_load=_opt_float(data.get("target_load")),
    )


def session_to_dict(session: Session) -> JsonObject:
    """A session as a dict (the stored and the response form)."""
    return {
        "id": session.id,
        "performed_at": utc(session.performed_at).isoformat(),
        "program_day": session.program_day,
        "hard": session.hard,
        "working_sets": session.working_sets,
        "exercises": [exercise_to_dict(e) for e in session.exercises],
        "duration_minutes": session.duration_minutes,
        "rpe": session.rpe,
        "soreness": session.soreness,
        "pain": session.pain,
        "notes": session.notes,
        "source": session.source,
    }


def session_from_dict(
    data: Mapping[str, JsonValue],
    *,
    exercise: Callable[[Mapping[str, JsonValue]], ExerciseLog] = exercise_from_dict,
) -> Session:
    """Read a session written by `session_to_dict`; raises on malformed data."""
    exercises = cast("list[Mapping[str, JsonValue]]", data.get("exercises") or [])
    rpe = data.get("rpe")
    pain = data.get("pain")
    return Session(
        id=str(data["id"]),
        performed_at=parse_instant(str(data["performed_at"])),
        hard=bool(data["hard"]),
        working_sets=int(cast("int", data["working_sets"])),
        exercises=tuple(exercise(e) for e in exercises),
        program_day=_opt_str(data.get("program_day")),
        duration_minutes=_opt_int(data.get("duration_minutes")),
        rpe=None if rpe is None else float(cast("float", rpe)),
        soreness=_opt_int(data.get("soreness")),
        pain=None if pain is None else bool(pain),
        notes=_opt_str(data.get("notes")),
        source=str(data.get("source") or "action"),
    )


def sessions_from_dicts(items: Iterable[Mapping[str, JsonValue]]) -> list[Session]:
    """Read many sessions, sharing one `ExerciseLog` per distinct stored entry.

    Most sessions repeat the same prescribed entries, so sharing them (they
    are immutable) saves most of the parsing time and memory of a long log.
    """
    shared: dict[tuple[tuple[str, JsonValue], ...], ExerciseLog] = {}

    def exercise(entry: Mapping[str, JsonValue]) -> ExerciseLog:
        key = tuple(entry.items())
        found = shared.get(key)
        if found is None:
            found = shared[key] = exercise_from_dict(entry)
        return found

    return [session_from_dict(item, exercise=exercise) for item in items]


def report_to_dict(report: SorenessReport) -> JsonObject:
    """A soreness report as a dict."""
    return {
        "reported_at": utc(report.reported_at).isoformat(),
        "level": report.level,
        "pain": report.pain,
    }


def report_from_dict(data: Mapping[str, JsonValue]) -> SorenessReport:
    """Read a report written by `report_to_dict`."""
    return SorenessReport(
        reported_at=parse_instant(str(data["reported_at"])),
        level=int(cast("int", data["level"])),
        pain=bool(data.get("pain", False)),
    )


def controls_to_dict(controls: Controls) -> JsonObject:
    """Skips, pauses and the snooze as a dict."""
    snoozed = controls.snoozed_until
    return {
        "skips": [
            {"at": utc(s.at).isoformat(), "reason": s.reason} for s in controls.skips
        ],
        "pauses": [
            {"start": utc(p.start).isoformat(), "until": p.until.isoformat()}
            for p in controls.pauses
        ],
        "snoozed_until": None if snoozed is None else utc(snoozed).isoformat(),
    }


def controls_from_dict(data: Mapping[str, JsonValue]) -> Controls:
    """Read what `controls_to_dict` wrote."""
    skips = cast("list[Mapping[str, JsonValue]]", data.get("skips") or [])
    pauses = cast("list[Mapping[str, JsonValue]]", data.get("pauses") or [])
    snoozed = data.get("snoozed_until")
    return Controls(
        skips=tuple(
            Skip(at=parse_instant(str(s["at"])), reason=_opt_str(s.get("reason")))
            for s in skips
        ),
        pauses=tuple(
            Pause(
                start=parse_instant(str(p["start"])),
                until=date.fromisoformat(str(p["until"])),
            )
            for p in pauses
        ),
        snoozed_until=None if snoozed is None else parse_instant(str(snoozed)),
    )


def parse_instant(text: str) -> datetime:
    """Parse an ISO 8601 instant with an offset into UTC."""
    return utc(datetime.fromisoformat(text))


def _opt_int(value: JsonValue) -> int | None:
    return None if value is None else int(cast("int", value))


def _opt_float(value: JsonValue) -> float | None:
    return None if value is None else float(cast("float", value))


def _opt_str(value: JsonValue) -> str | None:
    return None if value is None else str(value)
