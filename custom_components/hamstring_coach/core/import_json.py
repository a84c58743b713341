"""Import of our JSON: an object with ``"format": "hamstring_coach"``.

With ``"version": 1``; sessions keep their ids and every stored field. Each
session is range-checked; exercises not in the catalog are left out and
reported, and a session left with none is dropped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
import json
import math
from typing import cast

from .catalog import EXERCISES
from .import_result import (
    FORMAT_JSON,
    JSON_FORMAT_NAME,
    JSON_VERSION,
    MAX_DURATION_MINUTES,
    MAX_LOAD,
    MAX_REPS,
    MAX_RPE,
    MAX_SECONDS,
    MAX_SETS,
    MAX_SORENESS,
    ImportResult,
    capped,
)
from .import_rows import RowError
from .models import Exercise, ExerciseLog, Measure, Session
from .serialize import JsonValue, session_from_dict
from .sessions import CoachError, working_sets


def parse_json(text: str, *, now: datetime | None) -> ImportResult:
    """Read our JSON export; every malformed session is reported."""
    try:
        data = json.loads(text)
    except ValueError as err:
        raise CoachError("import_format_unknown") from err
    if not isinstance(data, dict) or data.get("format") != JSON_FORMAT_NAME:
        raise CoachError("import_format_unknown")
    errors: list[str] = []
    unknown: set[str] = set()
    dropped: list[str] = []
    sessions: list[Session] = []
    version = data.get("version")
    items = data.get("sessions")
    if version != JSON_VERSION:
        errors.append(f"unsupported version {version!r}")
    elif not isinstance(items, list):
        errors.append("sessions is not a list")
    else:
        seen: set[str] = set()
        for number, item in enumerate(cast("list[JsonValue]", items), start=1):
            where = f"session {number}"
            try:
                if not isinstance(item, dict):
                    raise RowError("not an object")  # noqa: TRY301
                session = session_from_dict(item)
            except RowError as err:
                errors.append(f"{where}: {err}")
                continue
            except (KeyError, TypeError, ValueError) as err:
                errors.append(f"{where}: malformed ({err})")
                continue
            if session.id in seen:
                errors.append(f"{where}: duplicate id {session.id}")
                continue
            seen.add(session.id)
            problems = _session_problems(session, now)
            errors += [f"{where}: {p}" for p in problems]
            if problems:
                continue
            kept = tuple(e for e in session.exercises if e.exercise in EXERCISES)
            unknown.update(
                e.exercise for e in session.exercises if e.exercise not in EXERCISES
            )
            if len(kept) != len(session.exercises):
                if not kept:
                    dropped.append(f"{where} ({session.id}): no known exercise")
                    continue
                session = replace(
                    session, exercises=kept, working_sets=working_sets(kept)
                )
            sessions.append(session)
    return ImportResult(
        sessions=tuple(sessions),
        unknown_exercises=tuple(sorted(unknown)),
        errors=capped(errors),
        format=FORMAT_JSON,
        dropped=tuple(dropped),
    )


def _session_problems(session: Session, now: datetime | None) -> list[str]:
    """Range and catalog checks of a stored session (unknown ids excepted)."""
    problems: list[str] = []
    if now is not None and session.performed_at > now:
        problems.append("performed in the future")
    if session.rpe is not None and not 1 <= session.rpe <= MAX_RPE:
        problems.append("rpe must be 1-10")
    if session.soreness is not None and not 0 <= session.soreness <= MAX_SORENESS:
        problems.append("soreness must be 0-10")
    if session.duration_minutes is not None and not (
        1 <= session.duration_minutes <= MAX_DURATION_MINUTES
    ):
        problems.append("duration must be 1-600 minutes")
    if session.working_sets < 0:
        problems.append("working sets are negative")
    for item in session.exercises:
        known = EXERCISES.get(item.exercise)
        if known is not None:
            problems += [f"{item.exercise}: {p}" for p in _log_problems(item, known)]
    return problems


def _log_problems(item: ExerciseLog, known: Exercise) -> list[str]:
    problems: list[str] = []
    if not 1 <= item.sets <= MAX_SETS:
        problems.append(f"sets must be 1-{MAX_SETS}")
    if known.measure is Measure.SECONDS:
        if item.reps is not None or item.seconds is None:
            problems.append("give seconds, not reps")
        elif not 1 <= item.seconds <= MAX_SECONDS:
            problems.append(f"seconds must be 1-{MAX_SECONDS}")
    elif item.seconds is not None or item.reps is None:
        problems.append("give reps, not seconds")
    elif not 1 <= item.reps <= MAX_REPS:
        problems.append(f"reps must be 1-{MAX_REPS}")
    if item.load is not None:
        if not known.loadable:
            problems.append("takes no load")
        elif not (math.isfinite(item.load) and 0 <= item.load <= MAX_LOAD):
            problems.append("load must be 0-1000")
    return problems
