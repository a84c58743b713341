"""Reading what was actually done from a to-do item's text."""

from __future__ import annotations

import pytest

from custom_components.hamstring_coach.core.actual import parse_actual
from custom_components.hamstring_coach.core.models import Prescription, Span, WeightUnit
from custom_components.hamstring_coach.core.progression import Dose, start_dose
from custom_components.hamstring_coach.core.sessions import CoachError


def _dose(exercise: str, *, reps: bool = True, load: float | None = None) -> Dose:
    item = Prescription(
        exercise=exercise,
        sets=Span(low=3, high=3),
        reps=Span(low=8, high=10) if reps else None,
        seconds=None if reps else Span(low=20, high=30),
    )
    dose = start_dose(item, WeightUnit.KG)
    return dose if load is None else Dose(**{**_fields(dose), "load": load})


def _fields(dose: Dose) -> dict[str, object]:
    return {name: getattr(dose, name) for name in Dose.__slots__}


RDL = _dose("romanian_deadlift", load=60.0)
NORDIC = _dose("nordic_curl")
STRETCH = _dose("hamstring_stretch", reps=False)

# (text, dose, expected (sets, reps, seconds, load, unit) or None for skipped)
READ = [
    pytest.param(
        "3\N{MULTIPLICATION SIGN}6 @ 60 kg",
        RDL,
        (3, 6, None, 60.0, "kg"),
        id="times-at-kg",
    ),
    pytest.param("3x6 60kg", RDL, (3, 6, None, 60.0, "kg"), id="x-no-space"),
    pytest.param("3 X 6 at 62,5 kg", RDL, (3, 6, None, 62.5, "kg"), id="comma"),
    pytest.param("2*8@135lbs", RDL, (2, 8, None, 135.0, "lb"), id="lbs"),
    pytest.param("3x6", RDL, (3, 6, None, 60.0, "kg"), id="load-kept"),
    pytest.param("  3x6 @ 57.5  ", RDL, (3, 6, None, 57.5, "kg"), id="unit-kept"),
    pytest.param("3x8.", RDL, (3, 8, None, 60.0, "kg"), id="full-stop"),
    pytest.param("2x5", NORDIC, (2, 5, None, None, None), id="bodyweight"),
    pytest.param("2x5 per leg", NORDIC, (2, 5, None, None, None), id="per-leg"),
    pytest.param("3x10/leg", NORDIC, (3, 10, None, None, None), id="slash-leg"),
    pytest.param("2x30 s", STRETCH, (2, None, 30, None, None), id="seconds"),
    pytest.param("2x25", STRETCH, (2, None, 25, None, None), id="seconds-bare"),
    pytest.param(
        "1\N{MULTIPLICATION SIGN}20sec", STRETCH, (1, None, 20, None, None), id="sec"
    ),
    pytest.param("as planned", RDL, (3, 8, None, 60.0, "kg"), id="as-planned"),
    pytest.param("Done", NORDIC, (3, 8, None, None, None), id="done"),
    pytest.param("", NORDIC, (3, 8, None, None, None), id="empty"),
    pytest.param("skipped", RDL, None, id="skipped"),
    pytest.param("Skip", RDL, None, id="skip"),
    pytest.param("0", NORDIC, None, id="zero"),
    pytest.param("not  done", NORDIC, None, id="not-done"),
]


@pytest.mark.parametrize(("text", "dose", "expected"), READ)
def test_parse_actual(
    text: str, dose: Dose, expected: tuple[object, ...] | None
) -> None:
    """Each form reads as the numbers it says; skipped reads as None."""
    log = parse_actual(text, dose)
    if expected is None:
        assert log is None
        return
    assert log is not None
    unit = None if log.unit is None else str(log.unit)
    assert (log.sets, log.reps, log.seconds, log.load, unit) == expected
    assert log.exercise == dose.prescription.exercise
    # The targets stay the prescription's: a miss is measured against them.
    assert (log.target_sets, log.target_reps) == (dose.sets, dose.reps)


BAD = [
    pytest.param("three by six", RDL, "actual_unreadable", id="words"),
    pytest.param("3x", RDL, "actual_unreadable", id="no-reps"),
    pytest.param("3x6 @ heavy", RDL, "actual_unreadable", id="load-word"),
    pytest.param("3x6 @ 60 stone", RDL, "actual_unreadable", id="unknown-unit"),
    pytest.param("3x6x2", RDL, "actual_unreadable", id="three-numbers"),
    pytest.param("-3x6", RDL, "actual_unreadable", id="negative"),
    pytest.param("3x30 s", RDL, "wrong_measure", id="seconds-for-reps"),
    pytest.param("3x6 @ 20 kg", NORDIC, "load_not_allowed", id="load-bodyweight"),
    pytest.param("25x6", RDL, "dose_out_of_range", id="sets-25"),
    pytest.param("0x6", RDL, "dose_out_of_range", id="sets-0"),
    pytest.param("3x0", RDL, "dose_out_of_range", id="reps-0"),
    pytest.param("3x6 @ 1500 kg", RDL, "dose_out_of_range", id="load-1500"),
    pytest.param("2x4000 s", STRETCH, "dose_out_of_range", id="seconds-4000"),
]


@pytest.mark.parametrize(("text", "dose", "key"), BAD)
def test_parse_actual_refuses(text: str, dose: Dose, key: str) -> None:
    """Unreadable or impossible text raises a translated key with its text."""
    with pytest.raises(CoachError) as err:
        parse_actual(text, dose)
    assert err.value.key == key
    assert err.value.placeholders["exercise"] == dose.prescription.exercise
    if key == "actual_unreadable":
        assert err.value.placeholders["text"] == text.strip()
