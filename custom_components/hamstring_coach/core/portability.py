"""Export and import of the training history, as text (issue 7).

Pure: the Home Assistant layer reads and writes the files and passes strings,
the time zone and the default weight unit in; nothing here touches a file or
the clock.

Export
    `export_json` writes the complete history (re-importable, nothing lost);
    `export_csv` writes one row per set in the Strong/Hevy style with the
    header ``date,workout,exercise,exercise_id,set_order,weight,unit,reps,
    seconds,rpe,notes,session_id``. `date` is local time in ISO 8601 with its
    offset; the session's RPE and notes repeat on each of its rows; a session
    without exercises is one row with empty exercise columns.

Import (`parse_import`) detects the format from the text:

* our JSON: an object with ``"format": "hamstring_coach"`` and
  ``"version": 1``; sessions keep their ids and every stored field.
* our CSV: the header above (any column order, names case-insensitive);
  sessions keep their ids. The day name in `workout` maps back to its day id
  through `names` (or when it is a day id itself); targets, soreness, pain and
  duration are not in the CSV.
* Strong CSV, "," or ";" delimited. Required columns ``Date``, ``Workout
  Name``, ``Exercise Name``, ``Set Order``, ``Weight``, ``Reps``; read when
  present: ``Weight Unit`` (``kg``/``lbs``; without it weights are in
  `default_unit`, as the newer export does not say), ``Seconds``, ``RPE``,
  ``Workout Notes``, ``Duration``/``Workout Duration`` (seconds, or ``1h 5m``).
  ``Distance``, ``Distance Unit``, ``Notes`` (set notes) and ``Workout No``
  are ignored. Seen in the wild: ``Date;Workout Name;Exercise Name;Set Order;
  Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout
  Notes;Workout Duration`` (older, ";") and ``Date,Workout Name,Duration,
  Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,
  RPE`` (newer, "," and sometimes ``Workout No``). ``Date`` is local time
  (``2026-11-23 18:00:00``). A ``Set Order`` of ``W`` is a warm-up set and
  is skipped, ``D``/``F`` (drop, failure) are sets, rest-timer rows are
  skipped.
* Hevy CSV: ``title,start_time,end_time,description,exercise_title,
  superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,
  duration_seconds,rpe``, or the same with ``weight_lbs``/``distance_miles``.
  Required: ``title``, ``start_time``, ``exercise_title``, ``set_index``,
  ``reps`` and one of ``weight_kg``/``weight_lbs``. Times are local
  (``23 Nov 2026, 18:00``); ``set_type`` ``warmup`` sets are skipped.

Rows of one workout (same start and name) form a session whose id is derived
from both (``imp-<sha1>``), so importing the same export twice, or the same
workout from Strong and from Hevy, gives the same id and `merge` skips it.
Consecutive sets of one exercise at the same dose form one `ExerciseLog`
(3 rows of 8 reps at 60 kg are 3 x 8 at 60 kg). Exercise names map to catalog
ids through the catalog names and common app names; parenthesised equipment
(``(Barbell)``) is dropped as a fallback. Unknown names are reported and their
sets skipped; a workout left with no known exercise is dropped and reported.
An imported workout is a free session: hard and working sets follow
`sessions.is_hard` and `sessions.working_sets`; its RPE is the highest set
RPE (0 and empty mean none in Strong and Hevy).

Validation comes first: every malformed row or session is reported in
`ImportResult.errors` (``row 7: weight is negative``; rows are numbered as a
spreadsheet shows them, the header being row 1) and the caller stores nothing
while there are errors.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence, Set as AbstractSet
import csv
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, tzinfo
import hashlib
import json
import math
import re
from typing import cast

from .catalog import EXERCISES
from .models import Exercise, ExerciseLog, Measure, ProgramDay, Session, WeightUnit
from .programs import PROGRAMS
from .serialize import JsonObject, JsonValue, session_from_dict, session_to_dict
from .sessions import CoachError, is_hard, working_sets

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


# --- Export ------------------------------------------------------------------


def export_json(sessions: Sequence[Session]) -> str:
    """The complete history as JSON, in the stored form of each session."""
    document: JsonObject = {
        "format": JSON_FORMAT_NAME,
        "version": JSON_VERSION,
        "sessions": [session_to_dict(s) for s in sessions],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class _Text:
    """A write-only text buffer for `csv.writer` (core/ may not import io)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)


def export_csv(
    sessions: Sequence[Session], tz: tzinfo, names: Mapping[str, str]
) -> str:
    """One row per set; `names` maps program day ids to the names shown."""
    out = _Text()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for session in sessions:
        day = session.program_day
        common = (
            session.performed_at.astimezone(tz).isoformat(),
            "" if day is None else names.get(day, day),
        )
        tail = (_number_text(session.rpe), session.notes or "", session.id)
        if not session.exercises:
            writer.writerow((*common, "", "", "", "", "", "", "", *tail))
        for item in session.exercises:
            known = EXERCISES.get(item.exercise)
            for order in range(1, item.sets + 1):
                writer.writerow(
                    (
                        *common,
                        item.exercise if known is None else known.name,
                        item.exercise,
                        order,
                        _number_text(item.load),
                        "" if item.unit is None else str(item.unit),
                        _number_text(item.reps),
                        _number_text(item.seconds),
                        *tail,
                    )
                )
    return "".join(out.parts)


def _number_text(value: float | None) -> str:
    """A number as written to CSV: whole numbers without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return str(int(value)) if value.is_integer() else repr(value)


# --- Exercise names ----------------------------------------------------------

_ALIASES: Mapping[str, str] = {
    "deadlift": "conventional_deadlift",
    "deadlift (barbell)": "conventional_deadlift",
    "barbell deadlift": "conventional_deadlift",
    "rdl": "romanian_deadlift",
    "barbell romanian deadlift": "romanian_deadlift",
    "dumbbell romanian deadlift": "romanian_deadlift",
    "romanian deadlift (barbell)": "romanian_deadlift",
    "romanian deadlift (dumbbell)": "romanian_deadlift",
    "single leg rdl": "single_leg_romanian_deadlift",
    "single leg deadlift": "single_leg_romanian_deadlift",
    "single leg romanian deadlift (dumbbell)": "single_leg_romanian_deadlift",
    "hip thrust (barbell)": "hip_thrust",
    "barbell hip thrust": "hip_thrust",
    "glute bridge (barbell)": "glute_bridge",
    "barbell glute bridge": "glute_bridge",
    "single leg bridge": "single_leg_glute_bridge",
    "good morning (barbell)": "good_morning",
    "barbell good morning": "good_morning",
    "kettlebell swing": "kettlebell_swing",
    "kettlebell swings": "kettlebell_swing",
    "kb swing": "kettlebell_swing",
    "russian kettlebell swing": "kettlebell_swing",
    "nordic curl": "nordic_curl",
    "nordic hamstring curl": "nordic_curl",
    "nordic hamstring curls": "nordic_curl",
    "nordic hamstrings curls": "nordic_curl",
    "nordics": "nordic_curl",
    "lying leg curl (machine)": "lying_leg_curl",
    "seated leg curl (machine)": "seated_leg_curl",
    "slider leg curl": "eccentric_slider_curl",
    "sliding leg curl": "eccentric_slider_curl",
    "swiss ball leg curl": "stability_ball_leg_curl",
    "swiss ball hamstring curl": "stability_ball_leg_curl",
    "stability ball hamstring curl": "stability_ball_leg_curl",
    "foam roll": "foam_rolling",
    "foam roller": "foam_rolling",
    "lunges": "lunge",
}
"""App names (Strong, Hevy) and common spellings, in `_name_key` form."""


def _name_key(name: str) -> str:
    """Case-, hyphen- and space-insensitive form of an exercise name."""
    return " ".join(name.casefold().replace("-", " ").replace("_", " ").split())


def _name_table() -> dict[str, str]:
    table = {_name_key(k): v for k, v in _ALIASES.items()}
    for item in EXERCISES.values():
        table[_name_key(item.id)] = item.id
        table[_name_key(item.name)] = item.id
    return table


_NAMES: Mapping[str, str] = _name_table()
_EQUIPMENT = re.compile(r"\([^)]*\)")


def exercise_id_for(name: str) -> str | None:
    """The catalog id of an exercise name from another app, if known.

    >>> exercise_id_for("Romanian Deadlift (Barbell)")
    'romanian_deadlift'
    >>> exercise_id_for("Hip Thrust (Smith Machine)"), exercise_id_for("Plank")
    ('hip_thrust', None)
    """
    key = _name_key(name)
    found = _NAMES.get(key)
    if found is None:
        found = _NAMES.get(_name_key(_EQUIPMENT.sub(" ", key)))
    return found


# --- Import: detection -------------------------------------------------------


def parse_import(
    text: str,
    *,
    tz: tzinfo,
    default_unit: WeightUnit,
    names: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Read an export of ours, Strong or Hevy into checked `Session`s.

    `tz` is the zone of local times in the file; `default_unit` the unit of
    Strong weights when the file does not say; `names` the program day names
    used by `export_csv` (to map them back); `now`, when given, refuses
    sessions in the future. Raises `CoachError("import_format_unknown")` when
    the text is none of the supported formats.
    """
    text = text.removeprefix("\ufeff")
    if text.lstrip().startswith("{"):
        return _parse_json(text, now=now)
    header, delimiter = _header(text)
    fields = set(header)
    if fields >= set(CSV_HEADER):
        kind = FORMAT_CSV
    elif fields >= _HEVY_REQUIRED and fields & {"weight_kg", "weight_lbs"}:
        kind = FORMAT_HEVY
    elif fields >= _STRONG_REQUIRED:
        kind = FORMAT_STRONG
    else:
        raise CoachError("import_format_unknown")
    reader = csv.reader(_lines(text), delimiter=delimiter)
    next(reader)
    parse = {FORMAT_CSV: _our_row, FORMAT_HEVY: _hevy_row, FORMAT_STRONG: _strong_row}
    context = _Context(
        tz=tz,
        default_unit=default_unit,
        decimal_comma=delimiter == ";",
        header=tuple(header),
    )
    rows: list[_Row] = []
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        record = dict(zip(header, values, strict=False))
        try:
            row = parse[kind](record, number, context)
        except _RowError as err:
            context.errors.append(f"row {number}: {err}")
            continue
        if row is not None:
            rows.append(row)
    return _build(rows, kind, context, names=names or {}, now=now)


_HEVY_REQUIRED = frozenset(
    {"title", "start_time", "exercise_title", "set_index", "reps"}
)
_STRONG_REQUIRED = frozenset(
    {"date", "workout name", "exercise name", "set order", "weight", "reps"}
)


def _header(text: str) -> tuple[list[str], str]:
    """The normalised header and the delimiter that gives the most columns."""
    first = next(iter(_lines(text)), "")
    best: tuple[list[str], str] = ([], ",")
    for delimiter in (",", ";", "\t"):
        header = next(csv.reader([first], delimiter=delimiter), [])
        if len(header) > len(best[0]):
            best = (header, delimiter)
    return [" ".join(h.strip().lower().split()) for h in best[0]], best[1]


def _lines(text: str) -> Iterator[str]:
    """The lines of a text with their endings, for `csv.reader`."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


# --- Import: our JSON --------------------------------------------------------


def _parse_json(text: str, *, now: datetime | None) -> ImportResult:
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
                    raise _RowError("not an object")  # noqa: TRY301
                session = session_from_dict(item)
            except _RowError as err:
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
        errors=_capped(errors),
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


# --- Import: CSV rows --------------------------------------------------------


class _RowError(ValueError):
    """A malformed row or session; the message follows "row N: "."""


@dataclass(slots=True, kw_only=True)
class _Context:
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
class _Row:
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


def _our_row(record: Mapping[str, str], number: int, ctx: _Context) -> _Row | None:
    session_id = record.get("session_id", "").strip()
    if not session_id:
        raise _RowError("session_id is missing")
    start = _instant(record.get("date", ""), ctx.tz)
    workout = record.get("workout", "").strip()
    ctx.seen.setdefault(session_id, (start, workout))
    name = record.get("exercise_id", "").strip() or record.get("exercise", "").strip()
    rpe = _rpe(record.get("rpe", ""), lenient=False)
    notes = record.get("notes", "") or None
    if not name:
        # A session logged without exercises.
        return _Row(
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
    known = _known(name, ctx)
    if known is None:
        return None
    order = _whole(record.get("set_order", ""), "set order", 1, MAX_SETS, ctx)
    if order is None:
        raise _RowError("set order is missing")
    unit_text = record.get("unit", "").strip().lower()
    unit = _unit(unit_text) if unit_text else None
    load = _load(record.get("weight", ""), known, ctx, keep_zero=True)
    if load is not None and unit is None:
        raise _RowError("unit is missing")
    reps, seconds = _dose(record.get("reps", ""), record.get("seconds", ""), known, ctx)
    return _Row(
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


def _strong_row(record: Mapping[str, str], number: int, ctx: _Context) -> _Row | None:
    start = _instant(record.get("date", ""), ctx.tz)
    workout = record.get("workout name", "").strip()
    session_id = _derived_id(start, workout)
    ctx.seen.setdefault(session_id, (start, workout))
    order_text = record.get("set order", "").strip()
    if "rest" in order_text.lower():
        return None
    known = _known(record.get("exercise name", ""), ctx)
    if known is None:
        return None
    if order_text.upper() == "W":
        ctx.skipped_sets += 1
        return None
    order = None
    if order_text.upper() not in {"D", "F"}:
        order = _whole(order_text, "set order", 1, 10_000, ctx)
    unit_text = record.get("weight unit", "").strip().lower()
    unit = _unit(unit_text) if unit_text else ctx.default_unit
    load = _load(record.get("weight", ""), known, ctx, keep_zero=False)
    reps, seconds = _dose(record.get("reps", ""), record.get("seconds", ""), known, ctx)
    duration = record.get("duration") or record.get("workout duration") or ""
    notes = record.get("workout notes", "").strip()
    return _Row(
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
        rpe=_rpe(record.get("rpe", ""), lenient=True, ctx=ctx),
        notes=notes[:MAX_NOTES] or None,
        duration_minutes=_strong_duration(duration),
    )


def _hevy_row(record: Mapping[str, str], number: int, ctx: _Context) -> _Row | None:
    start = _hevy_instant(record.get("start_time", ""), ctx.tz)
    workout = record.get("title", "").strip()
    session_id = _derived_id(start, workout)
    ctx.seen.setdefault(session_id, (start, workout))
    known = _known(record.get("exercise_title", ""), ctx)
    if known is None:
        return None
    if record.get("set_type", "").strip().lower() == "warmup":
        ctx.skipped_sets += 1
        return None
    index = _whole(record.get("set_index", ""), "set index", 0, 10_000, ctx)
    if "weight_kg" in record:
        unit, weight = WeightUnit.KG, record.get("weight_kg", "")
    else:
        unit, weight = WeightUnit.LB, record.get("weight_lbs", "")
    load = _load(weight, known, ctx, keep_zero=False)
    reps, seconds = _dose(
        record.get("reps", ""), record.get("duration_seconds", ""), known, ctx
    )
    duration = None
    end_text = record.get("end_time", "").strip()
    if end_text:
        minutes = round((_hevy_instant(end_text, ctx.tz) - start).total_seconds() / 60)
        duration = minutes if 1 <= minutes <= MAX_DURATION_MINUTES else None
    notes = record.get("description", "").strip()
    return _Row(
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
        rpe=_rpe(record.get("rpe", ""), lenient=True, ctx=ctx),
        notes=notes[:MAX_NOTES] or None,
        duration_minutes=duration,
    )


def _derived_id(start: datetime, workout: str) -> str:
    """A stable id for an imported workout: its start instant and name."""
    key = f"{start.astimezone(UTC).isoformat()}\x1f{workout}".encode()
    return "imp-" + hashlib.sha1(key, usedforsecurity=False).hexdigest()[:20]


def _known(name: str, ctx: _Context) -> Exercise | None:
    """The catalog exercise of a name; unknown names are noted, their set skipped."""
    name = name.strip()
    found = EXERCISES.get(name) or EXERCISES.get(exercise_id_for(name) or "")
    if found is None:
        ctx.unknown.add(name or "(empty)")
        ctx.skipped_sets += 1
    return found


def _instant(text: str, tz: tzinfo) -> datetime:
    """An ISO 8601 date or date-time; without an offset it is local time in `tz`."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as err:
        raise _RowError(f"date {text.strip()!r} is not a date") from err
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(UTC)


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
        return _instant(text, tz)
    day, month, year, hour, minute, second = match.groups()
    if month.lower() not in _MONTHS:
        raise _RowError(f"date {text.strip()!r} is not a date")
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
        raise _RowError(f"date {text.strip()!r} is not a date") from err
    return moment.astimezone(UTC)


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


def _real(text: str, what: str, ctx: _Context) -> float | None:
    """A finite number, or None for an empty cell."""
    text = text.strip()
    if not text:
        return None
    if ctx.decimal_comma:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError as err:
        raise _RowError(f"{what} {text!r} is not a number") from err
    if not math.isfinite(number):
        raise _RowError(f"{what} is not a finite number")
    return number


def _whole(text: str, what: str, low: int, high: int, ctx: _Context) -> int | None:
    number = _real(text, what, ctx)
    if number is None:
        return None
    if not number.is_integer():
        raise _RowError(f"{what} must be a whole number")
    if not low <= number <= high:
        raise _RowError(f"{what} must be {low}-{high}")
    return int(number)


def _load(
    text: str, known: Exercise, ctx: _Context, *, keep_zero: bool
) -> float | None:
    weight = _real(text, "weight", ctx)
    if weight is None or (weight == 0 and not keep_zero):
        return None
    if weight < 0:
        raise _RowError("weight is negative")
    if weight > MAX_LOAD:
        raise _RowError(f"weight is above {MAX_LOAD:g}")
    if not known.loadable:
        raise _RowError(f"{known.name} takes no weight")
    return weight


def _dose(
    reps_text: str, seconds_text: str, known: Exercise, ctx: _Context
) -> tuple[int | None, int | None]:
    """Reps or seconds, whichever the exercise is measured in."""
    if known.measure is Measure.SECONDS:
        seconds = _whole(seconds_text or "0", "seconds", 0, MAX_SECONDS, ctx)
        if not seconds:
            raise _RowError(f"seconds must be 1-{MAX_SECONDS} for {known.name}")
        return None, seconds
    reps = _real(reps_text, "reps", ctx)
    if reps is None or not reps.is_integer() or not 1 <= reps <= MAX_REPS:
        raise _RowError(f"reps must be a whole number 1-{MAX_REPS}")
    return int(reps), None


def _rpe(text: str, *, lenient: bool, ctx: _Context | None = None) -> float | None:
    """RPE 1-10; in Strong and Hevy (`lenient`) 0 means none."""
    text = text.strip()
    if not text:
        return None
    if ctx is not None and ctx.decimal_comma:
        text = text.replace(",", ".")
    try:
        rpe = float(text)
    except ValueError as err:
        raise _RowError(f"rpe {text!r} is not a number") from err
    if lenient and rpe == 0:
        return None
    if not (math.isfinite(rpe) and 1 <= rpe <= MAX_RPE):
        raise _RowError("rpe must be 1-10")
    return rpe


def _unit(text: str) -> WeightUnit:
    units = {"kg": WeightUnit.KG, "kgs": WeightUnit.KG}
    units |= {"lb": WeightUnit.LB, "lbs": WeightUnit.LB}
    found = units.get(text)
    if found is None:
        raise _RowError(f"unit {text!r} is not kg or lb")
    return found


# --- Import: sessions from rows ----------------------------------------------


def _build(
    rows: Sequence[_Row],
    kind: str,
    ctx: _Context,
    *,
    names: Mapping[str, str],
    now: datetime | None,
) -> ImportResult:
    """Group checked rows into sessions, and sets into exercise logs."""
    groups: dict[str, list[_Row]] = {}
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
        errors=_capped(ctx.errors),
        format=kind,
        dropped=dropped,
        skipped_sets=ctx.skipped_sets,
    )


def _logs(group: Sequence[_Row], ctx: _Context) -> tuple[ExerciseLog, ...]:
    """Consecutive sets of one exercise at one dose as one log.

    A new log starts when the exercise or the dose changes, or when the set
    order starts again (our CSV numbers each log's sets from 1).
    """
    logs: list[ExerciseLog] = []
    last: _Row | None = None
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


def _same_dose(a: _Row, b: _Row) -> bool:
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


def _capped(errors: Sequence[str]) -> tuple[str, ...]:
    if len(errors) <= MAX_ERRORS:
        return tuple(errors)
    rest = len(errors) - MAX_ERRORS
    return (*errors[:MAX_ERRORS], f"... and {rest} more")


# --- Merge -------------------------------------------------------------------


def merge(
    existing_ids: AbstractSet[str], result: ImportResult
) -> tuple[tuple[Session, ...], int]:
    """The imported sessions not stored yet, and how many were already there.

    Refuses a result with errors: nothing of an invalid import is stored.
    """
    if result.errors:
        msg = "an import with errors cannot be merged"
        raise ValueError(msg)
    new = tuple(s for s in result.sessions if s.id not in existing_ids)
    return new, len(result.sessions) - len(new)


__all__ = [
    "CSV_HEADER",
    "FORMAT_CSV",
    "FORMAT_HEVY",
    "FORMAT_JSON",
    "FORMAT_STRONG",
    "ImportResult",
    "exercise_id_for",
    "export_csv",
    "export_json",
    "merge",
    "parse_import",
]
