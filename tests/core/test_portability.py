"""Export and import of the history: our JSON and CSV, Strong and Hevy."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.hamstring_coach.core.catalog import EXERCISES
from custom_components.hamstring_coach.core.models import (
    ExerciseLog,
    Measure,
    Session,
    WeightUnit,
)
from custom_components.hamstring_coach.core.portability import (
    CSV_HEADER,
    FORMAT_CSV,
    FORMAT_HEVY,
    FORMAT_JSON,
    FORMAT_STRONG,
    ImportResult,
    exercise_id_for,
    export_csv,
    export_json,
    merge,
    parse_import,
)
from custom_components.hamstring_coach.core.programs import ALL_DAY_IDS
from custom_components.hamstring_coach.core.sessions import CoachError

BERLIN = ZoneInfo("Europe/Berlin")
FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
KG, LB = WeightUnit.KG, WeightUnit.LB
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def fixture(name: str) -> str:
    """The text of an import fixture."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def parse(text: str, **kwargs: object) -> ImportResult:
    """Import in Berlin time with kg as the default unit."""
    return parse_import(text, tz=BERLIN, default_unit=KG, **kwargs)  # type: ignore[arg-type]


def local(session: Session) -> str:
    """A session's start as local wall time."""
    return f"{session.performed_at.astimezone(BERLIN):%Y-%m-%d %H:%M}"


def dose(item: ExerciseLog) -> tuple[object, ...]:
    """An exercise log without its targets."""
    return (item.exercise, item.sets, item.reps, item.seconds, item.load, item.unit)


def log(exercise: str, sets: int, reps: int | None = None, **kw: object) -> ExerciseLog:
    """An exercise log."""
    return ExerciseLog(exercise=exercise, sets=sets, reps=reps, **kw)  # type: ignore[arg-type]


RDL_DAY = Session(
    id="s1",
    performed_at=datetime(2026, 11, 23, 17, tzinfo=UTC),
    hard=True,
    working_sets=5,
    exercises=(
        log("romanian_deadlift", 3, 8, load=60.0, unit=KG, target_sets=3),
        log("nordic_curl", 2, 5),
        log("hamstring_stretch", 1, seconds=30),
    ),
    program_day="strength_day",
    duration_minutes=50,
    rpe=7.5,
    soreness=2,
    pain=False,
    notes='Grip, "ok"',
)


# --- Export ------------------------------------------------------------------


def test_export_json_document() -> None:
    """A versioned document holding the stored form of every session."""
    data = json.loads(export_json([RDL_DAY]))
    assert data["format"] == "hamstring_coach"
    assert data["version"] == 1
    assert data["sessions"][0]["id"] == "s1"
    assert data["sessions"][0]["performed_at"] == "2026-11-23T17:00:00+00:00"
    assert data["sessions"][0]["exercises"][0]["target_sets"] == 3


def test_export_csv_worked_example() -> None:
    """One row per set, local date with offset, session RPE/notes on each row."""
    text = export_csv([RDL_DAY], BERLIN, {"strength_day": "Day 1 Strength"})
    start = "2026-11-23T18:00:00+01:00,Day 1 Strength"
    tail = '7.5,"Grip, ""ok""",s1'
    assert text.splitlines() == [
        ",".join(CSV_HEADER),
        f"{start},Romanian deadlift,romanian_deadlift,1,60,kg,8,,{tail}",
        f"{start},Romanian deadlift,romanian_deadlift,2,60,kg,8,,{tail}",
        f"{start},Romanian deadlift,romanian_deadlift,3,60,kg,8,,{tail}",
        f"{start},Nordic hamstring curl,nordic_curl,1,,,5,,{tail}",
        f"{start},Nordic hamstring curl,nordic_curl,2,,,5,,{tail}",
        f"{start},Hamstring stretch,hamstring_stretch,1,,,,30,{tail}",
    ]


def test_export_csv_session_without_exercises_is_one_row() -> None:
    """A session without exercises still appears, and comes back without any."""
    empty = replace(RDL_DAY, exercises=(), program_day=None, rpe=None, notes=None)
    text = export_csv([empty], BERLIN, {})
    assert text.splitlines()[1] == "2026-11-23T18:00:00+01:00,,,,,,,,,,,s1"
    (back,) = parse(text).sessions
    assert back.exercises == ()
    assert back.hard is False


# --- Our formats round-trip --------------------------------------------------


@st.composite
def exercise_logs(draw: st.DrawFn) -> ExerciseLog:
    """A valid exercise log, with or without targets."""
    known = draw(st.sampled_from(list(EXERCISES.values())))
    seconds = known.measure is Measure.SECONDS
    load = None
    if known.loadable:
        load = draw(
            st.none()
            | st.floats(0, 1000, allow_nan=False)
            | st.integers(0, 400).map(lambda n: n * 2.5)
        )
    maybe = st.none() | st.integers(1, 20)
    return ExerciseLog(
        exercise=known.id,
        sets=draw(st.integers(1, 20)),
        reps=None if seconds else draw(st.integers(1, 100)),
        seconds=draw(st.integers(1, 3600)) if seconds else None,
        load=load,
        unit=None if load is None else draw(st.sampled_from(WeightUnit)),
        target_sets=draw(maybe),
        target_reps=draw(maybe),
        target_seconds=draw(maybe),
        target_load=draw(st.none() | st.floats(0, 500, allow_nan=False)),
    )


NOTES = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(',;"\n\r\t'),
    min_size=1,
    max_size=60,
)


@st.composite
def histories(draw: st.DrawFn) -> list[Session]:
    """Valid stored sessions with unique ids."""
    ids = draw(
        st.lists(
            st.text("abcdef0123456789-", min_size=1, max_size=12),
            unique=True,
            max_size=6,
        )
    )
    return [
        Session(
            id=session_id,
            performed_at=EPOCH
            + timedelta(microseconds=draw(st.integers(0, 100 * 365 * 86400 * 10**6))),
            hard=draw(st.booleans()),
            working_sets=draw(st.integers(0, 60)),
            exercises=tuple(draw(st.lists(exercise_logs(), max_size=5))),
            program_day=draw(st.none() | st.sampled_from(ALL_DAY_IDS)),
            duration_minutes=draw(st.none() | st.integers(1, 600)),
            rpe=draw(st.none() | st.floats(1, 10)),
            soreness=draw(st.none() | st.integers(0, 10)),
            pain=draw(st.none() | st.booleans()),
            notes=draw(st.none() | NOTES),
            source=draw(st.sampled_from(["action", "voice", "import"])),
        )
        for session_id in ids
    ]


@settings(max_examples=150, deadline=None)
@given(histories())
def test_json_round_trips_every_session_exactly(sessions: list[Session]) -> None:
    """export_json -> parse_import gives back the very same sessions."""
    result = parse(export_json(sessions))
    assert result.format == FORMAT_JSON
    assert result.errors == ()
    assert result.unknown_exercises == ()
    assert list(result.sessions) == sessions


@settings(max_examples=150, deadline=None)
@given(histories())
def test_csv_round_trips_sessions(sessions: list[Session]) -> None:
    """export_csv -> parse_import keeps ids, times, days, doses, loads and units."""
    result = parse(export_csv(sessions, BERLIN, {}))
    assert result.format == FORMAT_CSV
    assert result.errors == ()
    back = {s.id: s for s in result.sessions}
    assert set(back) == {s.id for s in sessions}
    for original in sessions:
        got = back[original.id]
        assert got.performed_at == original.performed_at
        assert got.program_day == original.program_day
        assert [dose(e) for e in got.exercises] == [dose(e) for e in original.exercises]
        assert got.rpe == original.rpe
        assert got.notes == original.notes
        assert got.source == "import"


def test_csv_maps_day_names_back() -> None:
    """The `workout` column maps back to the day through the same names."""
    names = {"strength_day": "Day 1 Strength"}
    (back,) = parse(export_csv([RDL_DAY], BERLIN, names), names=names).sessions
    assert back.program_day == "strength_day"
    assert back.hard is True
    assert back.working_sets == 5
    (free,) = parse(export_csv([RDL_DAY], BERLIN, names)).sessions
    assert free.program_day is None


# --- Strong and Hevy ---------------------------------------------------------


def test_strong_comma_export() -> None:
    """Newer Strong export: kg by default, warm-ups and unknown names skipped."""
    result = parse(fixture("strong.csv"))
    assert result.format == FORMAT_STRONG
    assert result.errors == ()
    assert result.unknown_exercises == ("Bench Press (Barbell)", "Plank")
    assert result.dropped == ("2026-11-05 07:30 Upper: no known exercise",)
    assert result.skipped_sets == 4
    legs, pull = result.sessions
    assert (local(legs), local(pull)) == ("2026-11-02 18:00", "2026-11-09 18:00")
    assert [dose(e) for e in legs.exercises] == [
        ("romanian_deadlift", 2, 8, None, 60.0, KG),
        ("romanian_deadlift", 1, 6, None, 65.0, KG),
        ("lying_leg_curl", 2, 10, None, 30.0, KG),
        ("hamstring_stretch", 1, None, 30, None, None),
    ]
    assert (legs.hard, legs.working_sets, legs.rpe) == (True, 5, 8.0)
    assert (legs.duration_minutes, legs.notes, legs.program_day) == (
        60,
        "Felt good",
        None,
    )
    assert [dose(e) for e in pull.exercises] == [
        ("conventional_deadlift", 2, 5, None, 100.0, KG),
        ("nordic_curl", 1, 5, None, None, None),
        ("nordic_curl", 1, 4, None, None, None),
    ]
    assert (pull.duration_minutes, pull.rpe, pull.working_sets) == (65, None, 4)
    assert all(
        s.id.startswith("imp-") and s.source == "import" for s in result.sessions
    )


def test_strong_default_unit_applies_to_weights() -> None:
    """The newer Strong export does not say its unit: the person's unit is used."""
    result = parse_import(fixture("strong.csv"), tz=BERLIN, default_unit=LB)
    assert {e.unit for s in result.sessions for e in s.exercises if e.load} == {LB}


def test_strong_semicolon_export_with_units() -> None:
    """Older Strong export: ";" delimited, a unit per row, decimal commas."""
    result = parse(fixture("strong_semicolon.csv"))
    assert result.format == FORMAT_STRONG
    assert result.errors == ()
    (day,) = result.sessions
    assert local(day) == "2026-11-03 17:15"
    assert [dose(e) for e in day.exercises] == [
        ("hip_thrust", 2, 10, None, 135.0, LB),
        ("good_morning", 1, 8, None, 62.5, KG),
        ("single_leg_romanian_deadlift", 1, 10, None, None, None),
    ]
    assert (day.rpe, day.duration_minutes, day.working_sets) == (8.5, 45, 4)


def test_hevy_export() -> None:
    """Hevy: kg weights, 0-based set index, warm-ups skipped, end time -> duration."""
    result = parse(fixture("hevy.csv"))
    assert result.format == FORMAT_HEVY
    assert result.errors == ()
    assert result.unknown_exercises == ("Bench Press (Barbell)", "Glute Ham Raise")
    assert result.dropped == ("2026-11-25 07:00 Upper: no known exercise",)
    ham, stretch = result.sessions
    assert (local(ham), local(stretch)) == ("2026-11-23 18:00", "2026-11-24 21:10")
    assert [dose(e) for e in ham.exercises] == [
        ("romanian_deadlift", 3, 8, None, 70.0, KG),
        ("seated_leg_curl", 1, 12, None, 35.0, KG),
        ("kettlebell_swing", 2, 15, None, 24.0, KG),
    ]
    assert (ham.rpe, ham.duration_minutes, ham.notes) == (9.0, 52, "Knee felt fine")
    assert (ham.hard, ham.working_sets) == (True, 6)
    assert [dose(e) for e in stretch.exercises] == [
        ("foam_rolling", 1, None, 60, None, None),
        ("glute_bridge", 1, 15, None, None, None),
    ]
    assert (stretch.hard, stretch.working_sets) == (True, 1)


def test_hevy_pounds_variant() -> None:
    """A Hevy export in pounds has weight_lbs instead of weight_kg."""
    text = (
        "title,start_time,end_time,description,exercise_title,superset_id,"
        "exercise_notes,set_index,set_type,weight_lbs,reps,distance_miles,"
        "duration_seconds,rpe\n"
        'Legs,"1 Dec 2026, 07:05",,,Hip Thrust (Barbell),,,0,normal,225,8,,,\n'
    )
    (day,) = parse(text).sessions
    assert dose(day.exercises[0]) == ("hip_thrust", 1, 8, None, 225.0, LB)
    assert local(day) == "2026-12-01 07:05"
    assert day.duration_minutes is None


def test_malformed_rows_are_reported_with_row_numbers() -> None:
    """Every malformed row is reported; the header is row 1."""
    result = parse(fixture("strong_malformed.csv"))
    assert result.errors == (
        "row 3: date '2026-13-02 18:00:00' is not a date",
        "row 4: weight is negative",
        "row 5: weight is not a finite number",
        "row 6: reps must be a whole number 1-100",
        "row 7: reps must be a whole number 1-100",
        "row 8: rpe must be 1-10",
        "row 9: Nordic hamstring curl takes no weight",
        "row 10: seconds must be 1-3600 for Hamstring stretch",
    )
    with pytest.raises(ValueError, match="errors"):
        merge(set(), result)


STRONG_HEAD = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Seconds,RPE\n"


@pytest.mark.parametrize(
    ("row", "error"),
    [
        pytest.param(
            "2026-11-02,Legs,Hip thrust,1,inf,8,0,",
            "weight is not a finite number",
            id="inf",
        ),
        pytest.param(
            "2026-11-02,Legs,Hip thrust,1,1001,8,0,", "weight is above 1000", id="heavy"
        ),
        pytest.param(
            "2026-11-02,Legs,Hip thrust,1,abc,8,0,",
            "weight 'abc' is not a number",
            id="text",
        ),
        pytest.param(
            "2026-11-02,Legs,Hip thrust,1,60,8.5,0,",
            "reps must be a whole number 1-100",
            id="half-rep",
        ),
        pytest.param(
            "2026-11-02,Legs,Hip thrust,1,60,,0,",
            "reps must be a whole number 1-100",
            id="no-reps",
        ),
        pytest.param(
            "2026-11-02,Legs,Hip thrust,X,60,8,0,",
            "set order 'X' is not a number",
            id="order",
        ),
        pytest.param(
            "2026-11-02,Legs,Hip thrust,1,60,8,0,0.5", "rpe must be 1-10", id="rpe-low"
        ),
        pytest.param(
            "yesterday,Legs,Hip thrust,1,60,8,0,",
            "date 'yesterday' is not a date",
            id="date",
        ),
        pytest.param(
            "2026-11-02,Legs,Calf stretch,1,0,0,4000,",
            "seconds must be 0-3600",
            id="long-hold",
        ),
    ],
)
def test_row_checks(row: str, error: str) -> None:
    """Bad values are refused with the row number."""
    assert parse(STRONG_HEAD + row + "\n").errors == (f"row 2: {error}",)


def test_more_than_twenty_sets_in_a_row() -> None:
    """One exercise log holds at most 20 sets."""
    rows = "".join(f"2026-11-02,Legs,Good morning,{n},40,8,0,\n" for n in range(1, 22))
    result = parse(STRONG_HEAD + rows)
    assert result.errors == ("row 22: more than 20 sets in a row",)


def test_rest_timer_rows_and_drop_sets() -> None:
    """Rest-timer rows are skipped; drop (D) and failure (F) sets count."""
    rows = (
        "2026-11-02 18:00,Legs,Good morning,1,40,8,0,\n"
        "2026-11-02 18:00,Legs,Good morning,Rest Timer,0,0,90,\n"
        "2026-11-02 18:00,Legs,Good morning,D,30,8,0,\n"
        "2026-11-02 18:00,Legs,Good morning,F,30,8,0,\n"
    )
    (day,) = parse(STRONG_HEAD + rows).sessions
    assert [dose(e) for e in day.exercises] == [
        ("good_morning", 1, 8, None, 40.0, KG),
        ("good_morning", 2, 8, None, 30.0, KG),
    ]


def test_future_sessions_are_refused_when_now_is_given() -> None:
    """A session after `now` is an error."""
    now = datetime(2026, 11, 1, tzinfo=UTC)
    assert parse(fixture("hevy.csv"), now=now).errors == (
        "row 3: date is in the future",
        "row 10: date is in the future",
    )
    assert parse(export_json([RDL_DAY]), now=now).errors == (
        "session 1: performed in the future",
    )
    assert parse(fixture("hevy.csv"), now=now + timedelta(days=60)).errors == ()


# --- Our formats: invalid content --------------------------------------------


def _document(*sessions: object, version: object = 1) -> str:
    return json.dumps(
        {"format": "hamstring_coach", "version": version, "sessions": list(sessions)}
    )


STORED = json.loads(export_json([RDL_DAY]))["sessions"][0]


@pytest.mark.parametrize(
    ("text", "errors"),
    [
        pytest.param(_document(version=2), ("unsupported version 2",), id="version"),
        pytest.param(
            json.dumps({"format": "hamstring_coach", "version": 1, "sessions": 3}),
            ("sessions is not a list",),
            id="not-a-list",
        ),
        pytest.param(_document(7), ("session 1: not an object",), id="not-object"),
        pytest.param(
            _document({"id": "x"}),
            ("session 1: malformed ('performed_at')",),
            id="missing-field",
        ),
        pytest.param(
            _document(STORED, STORED),
            ("session 2: duplicate id s1",),
            id="duplicate-id",
        ),
        pytest.param(
            _document({**STORED, "rpe": 11, "soreness": -1, "duration_minutes": 0}),
            (
                "session 1: rpe must be 1-10",
                "session 1: soreness must be 0-10",
                "session 1: duration must be 1-600 minutes",
            ),
            id="session-ranges",
        ),
        pytest.param(
            _document(
                {
                    **STORED,
                    "exercises": [
                        {"exercise": "nordic_curl", "sets": 21, "reps": 5, "load": 5},
                        {"exercise": "hamstring_stretch", "sets": 1, "reps": 5},
                        {"exercise": "hip_thrust", "sets": 1, "seconds": 5},
                        {"exercise": "hip_thrust", "sets": 1, "reps": 0},
                        {"exercise": "calf_stretch", "sets": 1, "seconds": 0},
                        {"exercise": "hip_thrust", "sets": 1, "reps": 5, "load": -1},
                    ],
                }
            ),
            (
                "session 1: nordic_curl: sets must be 1-20",
                "session 1: nordic_curl: takes no load",
                "session 1: hamstring_stretch: give seconds, not reps",
                "session 1: hip_thrust: give reps, not seconds",
                "session 1: hip_thrust: reps must be 1-100",
                "session 1: calf_stretch: seconds must be 1-3600",
                "session 1: hip_thrust: load must be 0-1000",
            ),
            id="exercise-checks",
        ),
    ],
)
def test_json_checks(text: str, errors: tuple[str, ...]) -> None:
    """Our JSON is checked like a logged session before anything is stored."""
    assert parse(text).errors == errors


def test_json_unknown_exercise_ids_are_reported_and_skipped() -> None:
    """Ids from another catalog are reported; a session left empty is dropped."""
    stranger = {"exercise": "zercher_squat", "sets": 3, "reps": 5}
    text = _document(
        {**STORED, "exercises": [*STORED["exercises"], stranger]},
        {**STORED, "id": "s2", "exercises": [stranger]},
    )
    result = parse(text)
    assert result.errors == ()
    assert result.unknown_exercises == ("zercher_squat",)
    assert result.dropped == ("session 2 (s2): no known exercise",)
    (kept,) = result.sessions
    assert kept.exercises == RDL_DAY.exercises
    assert kept.working_sets == 5


@pytest.mark.parametrize(
    ("row", "error"),
    [
        pytest.param(
            "2026-11-23T18:00:00+01:00,,Hip thrust,hip_thrust,1,60,,8,,,,s1",
            "unit is missing",
            id="no-unit",
        ),
        pytest.param(
            "2026-11-23T18:00:00+01:00,,Hip thrust,hip_thrust,1,60,st,8,,,,s1",
            "unit 'st' is not kg or lb",
            id="bad-unit",
        ),
        pytest.param(
            "2026-11-23T18:00:00+01:00,,Hip thrust,hip_thrust,1,60,kg,8,,,,",
            "session_id is missing",
            id="no-id",
        ),
        pytest.param(
            "2026-11-23T18:00:00+01:00,,Hip thrust,hip_thrust,,60,kg,8,,,,s1",
            "set order is missing",
            id="no-order",
        ),
        pytest.param(
            "2026-11-23T18:00:00+01:00,,Hip thrust,hip_thrust,1,60,kg,8,,0,,s1",
            "rpe must be 1-10",
            id="rpe-zero",
        ),
    ],
)
def test_our_csv_checks(row: str, error: str) -> None:
    """Our CSV is strict: units, ids and set order are required."""
    text = ",".join(CSV_HEADER) + "\n" + row + "\n"
    assert parse(text).errors == (f"row 2: {error}",)


def test_our_csv_session_with_two_dates() -> None:
    """All rows of one session share its date."""
    text = (
        ",".join(CSV_HEADER)
        + "\n2026-11-23T18:00:00+01:00,,Nordic hamstring curl,nordic_curl,1,,,5,,,,s1"
        + "\n2026-11-24T18:00:00+01:00,,Nordic hamstring curl,nordic_curl,2,,,5,,,,s1\n"
    )
    assert parse(text).errors == ("row 2: session s1 has two dates",)


def test_errors_are_capped() -> None:
    """A file full of bad rows lists the first 50 and counts the rest."""
    rows = "".join("2026-11-02,Legs,Hip thrust,1,-1,8,0,\n" for _ in range(60))
    errors = parse(STRONG_HEAD + rows).errors
    assert len(errors) == 51
    assert errors[-1] == "... and 10 more"


# --- Idempotency -------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["strong.csv", "strong_semicolon.csv", "hevy.csv"], ids=str
)
def test_importing_twice_adds_nothing(name: str) -> None:
    """Derived ids are stable, so the second import merges nothing."""
    first = parse(fixture(name))
    added, skipped = merge(set(), first)
    assert (len(added), skipped) == (len(first.sessions), 0)
    again = parse(fixture(name))
    assert again == first
    assert merge({s.id for s in added}, again) == ((), len(first.sessions))


def test_merge_of_our_json_skips_stored_sessions() -> None:
    """Re-importing a backup over the same history adds nothing."""
    other = replace(RDL_DAY, id="s2")
    result = parse(export_json([RDL_DAY, other]))
    assert merge({"s1"}, result) == ((other,), 1)


def test_same_workout_from_strong_and_hevy_has_one_id() -> None:
    """The id depends on the start and the workout name only."""
    strong = STRONG_HEAD + "2026-11-23 18:00:00,Legs,Good morning,1,40,8,0,\n"
    hevy = (
        "title,start_time,end_time,description,exercise_title,superset_id,"
        "exercise_notes,set_index,set_type,weight_kg,reps,distance_km,"
        "duration_seconds,rpe\n"
        'Legs,"23 Nov 2026, 18:00",,,Good Morning (Barbell),,,0,normal,40,8,,,\n'
    )
    assert parse(strong).sessions[0].id == parse(hevy).sessions[0].id


# --- Names and detection -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "exercise_id"),
    [
        ("Romanian Deadlift (Barbell)", "romanian_deadlift"),
        ("Romanian Deadlift (Dumbbell)", "romanian_deadlift"),
        ("Deadlift (Barbell)", "conventional_deadlift"),
        ("Lying Leg Curl (Machine)", "lying_leg_curl"),
        ("Seated Leg Curl (Machine)", "seated_leg_curl"),
        ("Nordic Hamstring Curl", "nordic_curl"),
        ("Hip Thrust (Barbell)", "hip_thrust"),
        ("Hip Thrust (Smith Machine)", "hip_thrust"),
        ("Glute Bridge", "glute_bridge"),
        ("Good Morning (Barbell)", "good_morning"),
        ("Kettlebell Swing", "kettlebell_swing"),
        ("Single Leg Romanian Deadlift", "single_leg_romanian_deadlift"),
        ("single-leg romanian deadlift (dumbbell)", "single_leg_romanian_deadlift"),
        ("  HAMSTRING   stretch ", "hamstring_stretch"),
        ("Step Up", "step_up"),
        ("nordic_curl", "nordic_curl"),
        ("Bench Press (Barbell)", None),
        ("Leg Curl", None),
        ("", None),
    ],
    ids=lambda v: v or "none",
)
def test_exercise_names(name: str, exercise_id: str | None) -> None:
    """Catalog names, app names and ids map to catalog ids, case-insensitively."""
    assert exercise_id_for(name) == exercise_id


def test_every_catalog_name_maps_to_itself() -> None:
    """The English catalog names always import."""
    for item in EXERCISES.values():
        assert exercise_id_for(item.name.upper()) == item.id


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("hello world\n", id="prose"),
        pytest.param("a,b,c\n1,2,3\n", id="other-csv"),
        pytest.param("{not json", id="broken-json"),
        pytest.param('{"format": "strong"}', id="other-json"),
        pytest.param("[1, 2]", id="json-list"),
        pytest.param("Date,Workout Name,Exercise Name\n", id="strong-missing-columns"),
        pytest.param(
            "title,start_time,exercise_title,set_index,reps\n", id="hevy-no-weight"
        ),
    ],
)
def test_unknown_formats_are_refused(text: str) -> None:
    """Text in no supported format raises import_format_unknown."""
    with pytest.raises(CoachError) as caught:
        parse(text)
    assert caught.value.key == "import_format_unknown"


def test_header_only_and_bom() -> None:
    """A BOM is ignored; a file with a header but no rows imports nothing."""
    result = parse("\ufeff" + STRONG_HEAD + "\n")
    assert (result.format, result.sessions, result.errors) == (FORMAT_STRONG, (), ())


def test_tab_delimited_header_is_detected() -> None:
    """The delimiter is the one that splits the header into the most columns."""
    text = (
        STRONG_HEAD.replace(",", "\t")
        + "2026-11-02\tLegs\tGood morning\t1\t40\t8\t0\t\n"
    )
    assert len(parse(text).sessions) == 1


HEVY_HEAD = (
    "title,start_time,end_time,description,exercise_title,superset_id,"
    "exercise_notes,set_index,set_type,weight_kg,reps,distance_km,"
    "duration_seconds,rpe\n"
)


@pytest.mark.parametrize(
    ("row", "error"),
    [
        pytest.param(
            'L,"23 Foo 2026, 18:00",,,Glute Bridge,,,0,normal,,8,,,',
            "date '23 Foo 2026, 18:00' is not a date",
            id="month",
        ),
        pytest.param(
            'L,"31 Feb 2026, 18:00",,,Glute Bridge,,,0,normal,,8,,,',
            "date '31 Feb 2026, 18:00' is not a date",
            id="day",
        ),
        pytest.param(
            "L,2026-11-23T18:00,,,Glute Bridge,,,1.5,normal,,8,,,",
            "set index must be a whole number",
            id="index",
        ),
        pytest.param(
            "L,2026-11-23T18:00,,,Glute Bridge,,,0,normal,,8,,,hard",
            "rpe 'hard' is not a number",
            id="rpe-text",
        ),
    ],
)
def test_hevy_row_checks(row: str, error: str) -> None:
    """Hevy rows are checked like Strong rows."""
    assert parse(HEVY_HEAD + row + "\n").errors == (f"row 2: {error}",)


def test_hevy_iso_times_and_zero_rpe() -> None:
    """ISO start times are read too; RPE 0 means none; no final newline needed."""
    row = "L,2026-11-23T18:00:00,2026-11-23T18:30:00,,Glute Bridge,,,0,normal,,8,,,0"
    (day,) = parse(HEVY_HEAD + row).sessions
    assert (local(day), day.rpe, day.duration_minutes) == ("2026-11-23 18:00", None, 30)


def test_our_csv_unknown_exercise_and_unknown_day_name() -> None:
    """Unknown names in our CSV are reported; names of unknown days are ignored."""
    text = (
        ",".join(CSV_HEADER)
        + "\n2026-11-23T18:00:00+01:00,Mine,Plank,,1,,,5,,,,s1"
        + "\n2026-11-23T18:00:00+01:00,Mine,Nordic hamstring curl,,1,,,5,,,,s1\n"
    )
    result = parse(text, names={"my_day": "Mine"})
    assert result.unknown_exercises == ("Plank",)
    (day,) = result.sessions
    assert (day.program_day, day.exercises) == (None, (log("nordic_curl", 1, 5),))


def test_json_negative_working_sets() -> None:
    """Stored counts are checked too."""
    assert parse(_document({**STORED, "working_sets": -1})).errors == (
        "session 1: working sets are negative",
    )
