"""Building sessions from reports, and their JSON form."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from custom_components.hamstring_coach.core.catalog import EXERCISES
from custom_components.hamstring_coach.core.log import TrainingLog
from custom_components.hamstring_coach.core.models import (
    ExerciseLog,
    Prescription,
    Session,
    Settings,
    SorenessReport,
    Span,
    WeightUnit,
)
from custom_components.hamstring_coach.core.present import dose_dict, workout_dict
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.core.progression import start_dose
from custom_components.hamstring_coach.core.serialize import (
    report_from_dict,
    report_to_dict,
    session_from_dict,
    session_to_dict,
)
from custom_components.hamstring_coach.core.sessions import (
    CoachError,
    SessionInput,
    build_session,
    prescribed,
)
from custom_components.hamstring_coach.core.workout import Workout, workout_for_day

NOW = datetime(2026, 11, 23, 18, tzinfo=UTC)
STRENGTH = PROGRAMS["strength_2day"]


def build(**fields: object) -> Session:
    """Build a session for strength_2day with Day 1 next."""
    data = SessionInput(performed_at=fields.pop("performed_at", NOW), **fields)  # type: ignore[arg-type]
    return build_session(
        "id1",
        data,
        program=STRENGTH,
        workout=workout_for_day(
            TrainingLog([], UTC),
            STRENGTH.days[0],
            reports=(),
            now=NOW,
            unit=WeightUnit.KG,
        ),
        unit=WeightUnit.KG,
        now=NOW,
    )


@pytest.mark.parametrize(
    ("program_id", "day_id", "sets"),
    [
        pytest.param("strength_2day", "strength_day", 11, id="000-day1-11-sets"),
        pytest.param("beginner_gym", "leg_day_1", 9, id="002-leg-day-9-sets"),
        pytest.param("strength_2day", "light_day", 2, id="000-light-day-bridges-only"),
    ],
)
def test_prescribed_working_sets(program_id: str, day_id: str, sets: int) -> None:
    """R3: the low end of each prescription, counting working sets once per set."""
    day = PROGRAMS[program_id].day(day_id)
    assert day is not None
    logged = prescribed(day, WeightUnit.LB)
    assert sum(e.sets for e in logged if EXERCISES[e.exercise].working) == sets
    # No load is prescribed before one was logged, so no unit is stored either.
    assert all(e.load is None and e.unit is None for e in logged)
    assert all(e.target_sets == e.sets for e in logged)


def test_default_session_is_next_day_as_prescribed() -> None:
    """No day and no exercises: the next workout, hard, 11 working sets."""
    session = build()
    assert (session.program_day, session.hard, session.working_sets) == (
        "strength_day",
        True,
        11,
    )


@pytest.mark.parametrize(
    ("exercises", "hard", "sets"),
    [
        pytest.param(
            [ExerciseLog(exercise="nordic_curl", sets=3, reps=5)],
            True,
            3,
            id="nordic-is-hard",
        ),
        pytest.param(
            [ExerciseLog(exercise="bodyweight_bridge", sets=2, reps=15)],
            False,
            2,
            id="light-bridge-not-hard",
        ),
        pytest.param(
            [ExerciseLog(exercise="hamstring_stretch", sets=2, seconds=30)],
            False,
            0,
            id="stretch-no-working-sets",
        ),
    ],
)
def test_free_session_hardness(
    exercises: list[ExerciseLog], hard: bool, sets: int
) -> None:
    """Without a program day, hardness comes from the exercises."""
    session = build(exercises=exercises)
    assert (session.program_day, session.hard, session.working_sets) == (
        None,
        hard,
        sets,
    )


def test_program_day_decides_hardness() -> None:
    """A light program day is light even with working exercises."""
    session = build(program_day="light_day")
    assert (session.hard, session.program_day) == (False, "light_day")


def test_load_without_unit_takes_the_entry_unit() -> None:
    """Loads logged without a unit are in the entry's unit."""
    session = build(
        exercises=[ExerciseLog(exercise="romanian_deadlift", sets=3, reps=8, load=60.0)]
    )
    assert session.exercises[0].unit is WeightUnit.KG


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        pytest.param(
            {"performed_at": datetime(2026, 11, 23, 18, 1, tzinfo=UTC)},
            "performed_in_future",
            id="future",
        ),
        pytest.param(
            {"program_day": "leg_day_1"}, "unknown_program_day", id="other-program-day"
        ),
        pytest.param(
            {"exercises": [ExerciseLog(exercise="leg_press", sets=3, reps=8)]},
            "unknown_exercise",
            id="unknown-exercise",
        ),
        pytest.param(
            {"exercises": [ExerciseLog(exercise="nordic_curl", sets=3)]},
            "reps_or_seconds",
            id="no-dose",
        ),
        pytest.param(
            {
                "exercises": [
                    ExerciseLog(exercise="foam_rolling", sets=1, seconds=20, load=2.0)
                ]
            },
            "load_not_allowed",
            id="load-on-foam-roller",
        ),
    ],
)
def test_domain_errors(fields: dict[str, object], key: str) -> None:
    """Domain checks raise a CoachError with the translation key."""
    with pytest.raises(CoachError) as err:
        build(**fields)
    assert err.value.key == key


def test_session_round_trip() -> None:
    """The stored form reads back to an equal session."""
    session = build(
        exercises=[
            ExerciseLog(
                exercise="romanian_deadlift",
                sets=3,
                reps=8,
                load=60.0,
                unit=WeightUnit.LB,
            ),
            ExerciseLog(exercise="hamstring_stretch", sets=1, seconds=30),
        ],
        rpe=7.5,
        soreness=3,
        pain=False,
        notes="ok",
        duration_minutes=30,
    )
    data = session_to_dict(session)
    assert data["exercises"] == [
        {
            "exercise": "romanian_deadlift",
            "sets": 3,
            "reps": 8,
            "load": 60.0,
            "unit": "lb",
        },
        {"exercise": "hamstring_stretch", "sets": 1, "seconds": 30},
    ]
    assert session_from_dict(data) == session


def test_report_round_trip() -> None:
    """Reports read back equal."""
    report = SorenessReport(reported_at=NOW, level=6, pain=True)
    assert report_from_dict(report_to_dict(report)) == report


def test_malformed_session_raises() -> None:
    """Missing keys and bad dates raise, for the store to set the file aside."""
    with pytest.raises(KeyError):
        session_from_dict({"id": "x"})
    with pytest.raises(ValueError, match="Invalid isoformat"):
        session_from_dict(
            {"id": "x", "performed_at": "nope", "hard": True, "working_sets": 1}
        )
    with pytest.raises(ValueError, match="naive"):
        session_from_dict(
            {
                "id": "x",
                "performed_at": "2026-11-23T18:00:00",
                "hard": True,
                "working_sets": 1,
            }
        )


def test_dose_views() -> None:
    """Attributes show today's target, the prescribed range and why."""
    hold = Prescription(
        exercise="seated_hamstring_set",
        sets=Span(low=1, high=2),
        reps=Span(low=10, high=10),
        hold_seconds=Span(low=5, high=10),
        note="Affected leg",
    )
    assert dose_dict(start_dose(hold, WeightUnit.KG)) == {
        "exercise": "seated_hamstring_set",
        "name": EXERCISES["seated_hamstring_set"].name,
        "sets": 1,
        "reps": 10,
        "prescription": "1-2 x 10 per leg",
        "hold_seconds": "5-10",
        "per_leg": True,
        "working": True,
        "loadable": False,
        "change": "start",
        "progression": "start at the low end of the range",
        "note": "Affected leg",
    }
    stretch = Prescription(
        exercise="hamstring_stretch",
        sets=Span(low=1, high=1),
        seconds=Span(low=20, high=30),
    )
    view = dose_dict(start_dose(stretch, WeightUnit.KG))
    assert (view["seconds"], view["prescription"]) == (20, "1 x 20-30 s per leg")
    workout = workout_dict(Workout(day=STRENGTH.days[2], recovery=True))
    assert (workout["program_day"], workout["hard"], workout["recovery"]) == (
        "light_day",
        False,
        True,
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param({"training_days": frozenset()}, "training_days", id="no-days"),
        pytest.param({"training_days": frozenset({7})}, "training_days", id="day-7"),
        pytest.param({"first_weekday": 7}, "first_weekday", id="first-weekday-7"),
        pytest.param({"min_rest_hours": 0}, "positive", id="no-rest"),
        pytest.param({"sessions_per_week": 0}, "positive", id="no-sessions"),
    ],
)
def test_settings_validation(fields: dict[str, object], message: str) -> None:
    """Settings the scheduler cannot use are refused."""
    base: dict[str, object] = {
        "program": "x",
        "training_days": frozenset({0}),
        "training_time": time(18),
    }
    with pytest.raises(ValueError, match=message):
        Settings(**{**base, **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "build_it",
    [
        pytest.param(lambda: Span(low=0, high=3), id="span-zero"),
        pytest.param(lambda: Span(low=5, high=3), id="span-inverted"),
        pytest.param(
            lambda: Prescription(exercise="x", sets=Span(low=1, high=1)), id="no-dose"
        ),
        pytest.param(
            lambda: Prescription(
                exercise="x",
                sets=Span(low=1, high=1),
                reps=Span(low=1, high=1),
                seconds=Span(low=1, high=1),
            ),
            id="two-doses",
        ),
    ],
)
def test_model_validation(build_it: object) -> None:
    """Malformed program data is refused when the module loads."""
    with pytest.raises(ValueError, match=r"span|exactly one"):
        build_it()  # type: ignore[operator]
