"""The exercise catalog and the shipped programs (docs/programs.md) as data."""

from __future__ import annotations

import re

import pytest

from custom_components.hamstring_coach.core.catalog import EXERCISES, exercise
from custom_components.hamstring_coach.core.models import (
    DayKind,
    Measure,
    Prescription,
    Program,
    ProgramDay,
    Span,
)
from custom_components.hamstring_coach.core.programs import (
    ALL_DAY_IDS,
    DEFAULT_PROGRAM,
    PROGRAMS,
    program,
)

SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")

REQUIRED_EXERCISES = (
    "conventional_deadlift",
    "romanian_deadlift",
    "single_leg_romanian_deadlift",
    "hip_thrust",
    "glute_bridge",
    "single_leg_glute_bridge",
    "bodyweight_bridge",
    "nordic_curl",
    "eccentric_bridge",
    "stability_ball_leg_curl",
    "stability_ball_bridge",
    "lying_leg_curl",
    "seated_leg_curl",
    "good_morning",
    "kettlebell_swing",
    "band_romanian_deadlift",
    "band_lying_leg_curl",
    "banded_hamstring_march",
    "sumo_squat_to_stand",
    "lunge",
    "step_up",
    "seated_hamstring_set",
    "single_leg_balance",
    "standing_hip_extension",
    "bridge_with_ball_curl",
    "doorway_hamstring_stretch",
    "calf_stretch",
    "hamstring_stretch",
    "foam_rolling",
)

ALL_DAYS = tuple((prog, day) for prog in PROGRAMS.values() for day in prog.days)
ALL_PRESCRIPTIONS = tuple((day, rx) for _, day in ALL_DAYS for rx in day.exercises)


def _day(program_id: str, day_id: str) -> ProgramDay:
    """Return a day of a shipped program, failing the test when it is missing."""
    day = PROGRAMS[program_id].day(day_id)
    assert day is not None, f"{program_id} has no day {day_id}"
    return day


def _rx(program_id: str, day_id: str, exercise_id: str) -> Prescription:
    """Return the prescription of an exercise on a day."""
    found = [
        rx for rx in _day(program_id, day_id).exercises if rx.exercise == exercise_id
    ]
    assert len(found) == 1, f"{day_id}: {exercise_id} found {len(found)} times"
    return found[0]


def _span(low: int, high: int | None = None) -> Span:
    """Return a span for expected values."""
    return Span(low=low, high=low if high is None else high)


# --- catalog -----------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", REQUIRED_EXERCISES)
def test_required_exercise_exists(exercise_id: str) -> None:
    """Every exercise id the programs name is in the catalog under its own id."""
    found = exercise(exercise_id)
    assert found is not None
    assert found.id == exercise_id
    assert found.name


def test_catalog_keys_match_ids_and_are_snake_case() -> None:
    """Keys are the exercise ids; ids are snake_case; names are unique."""
    for key, item in EXERCISES.items():
        assert key == item.id
        assert SNAKE.match(key), key
    names = [item.name for item in EXERCISES.values()]
    assert len(names) == len(set(names))


def test_unknown_exercise_is_none() -> None:
    """An unknown id yields None instead of raising."""
    assert exercise("bicep_curl") is None


def test_catalog_is_read_only() -> None:
    """The catalog mapping cannot be changed at run time."""
    with pytest.raises(TypeError):
        EXERCISES["lunge"] = EXERCISES["step_up"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("exercise_id", "working"),
    [
        pytest.param("hamstring_stretch", False, id="stretch"),
        pytest.param("doorway_hamstring_stretch", False, id="doorway-stretch"),
        pytest.param("calf_stretch", False, id="calf-stretch"),
        pytest.param("foam_rolling", False, id="foam-rolling"),
        pytest.param("single_leg_balance", False, id="balance"),
        pytest.param("sumo_squat_to_stand", False, id="warm-up"),
        pytest.param("lunge", False, id="lunge-quad-dominant"),
        pytest.param("step_up", False, id="step-up-quad-dominant"),
        pytest.param("hill_strides", False, id="running-drill"),
        pytest.param("light_bounding", False, id="plyometric"),
        pytest.param("conventional_deadlift", True, id="deadlift"),
        pytest.param("romanian_deadlift", True, id="rdl"),
        pytest.param("single_leg_romanian_deadlift", True, id="single-leg-rdl"),
        pytest.param("nordic_curl", True, id="nordic"),
        pytest.param("lying_leg_curl", True, id="lying-curl"),
        pytest.param("seated_leg_curl", True, id="seated-curl"),
        pytest.param("band_lying_leg_curl", True, id="band-curl"),
        pytest.param("glute_bridge", True, id="bridge"),
        pytest.param("bodyweight_bridge", True, id="bodyweight-bridge"),
        pytest.param("eccentric_bridge", True, id="eccentric-bridge"),
        pytest.param("hip_thrust", True, id="hip-thrust"),
        pytest.param("seated_hamstring_set", True, id="hamstring-set"),
    ],
)
def test_working_classification(exercise_id: str, working: bool) -> None:
    """Only exercises that load the hamstrings count as working sets (R3)."""
    assert EXERCISES[exercise_id].working is working


def test_non_working_exercises_are_light_or_drills() -> None:
    """Stretches, rolling, balance and warm-ups are light; drills are not working."""
    for exercise_id in (
        "hamstring_stretch",
        "doorway_hamstring_stretch",
        "calf_stretch",
        "foam_rolling",
        "single_leg_balance",
        "sumo_squat_to_stand",
    ):
        assert EXERCISES[exercise_id].light, exercise_id
    for drill in ("box_taps", "skips", "light_bounding", "hill_repeats"):
        assert not EXERCISES[drill].working, drill


@pytest.mark.parametrize(
    ("exercise_id", "flag", "expected"),
    [
        pytest.param("conventional_deadlift", "compound", True, id="deadlift-compound"),
        pytest.param("romanian_deadlift", "compound", True, id="rdl-compound"),
        pytest.param("hip_thrust", "compound", True, id="thrust-compound"),
        pytest.param("good_morning", "compound", True, id="good-morning-compound"),
        pytest.param("nordic_curl", "compound", False, id="nordic-not-compound"),
        pytest.param("lying_leg_curl", "compound", False, id="curl-not-compound"),
        pytest.param("kettlebell_swing", "compound", False, id="swing-not-compound"),
        pytest.param("kettlebell_swing", "loadable", True, id="swing-loadable"),
        pytest.param("glute_bridge", "loadable", True, id="bridge-loadable"),
        pytest.param("nordic_curl", "loadable", False, id="nordic-bodyweight"),
        pytest.param("bodyweight_bridge", "loadable", False, id="bw-bridge"),
        pytest.param("bodyweight_bridge", "light", True, id="bw-bridge-light"),
        pytest.param("seated_hamstring_set", "light", True, id="set-light"),
        pytest.param("lunge", "light", True, id="lunge-light"),
        pytest.param("step_up", "light", True, id="step-up-light"),
        pytest.param("conventional_deadlift", "light", False, id="deadlift-hard"),
        pytest.param("nordic_curl", "light", False, id="nordic-hard"),
        pytest.param("single_leg_romanian_deadlift", "per_leg", True, id="sl-rdl"),
        pytest.param("single_leg_glute_bridge", "per_leg", True, id="sl-bridge"),
        pytest.param("band_lying_leg_curl", "per_leg", True, id="band-curl-leg"),
        pytest.param("lunge", "per_leg", True, id="lunge-leg"),
        pytest.param("step_up", "per_leg", True, id="step-up-leg"),
        pytest.param("single_leg_balance", "per_leg", True, id="balance-leg"),
        pytest.param("glute_bridge", "per_leg", False, id="bridge-both-legs"),
        pytest.param("conventional_deadlift", "per_leg", False, id="deadlift-both"),
    ],
)
def test_exercise_flags(exercise_id: str, flag: str, expected: bool) -> None:
    """Flags that drive progression (compound), logging (loadable) and hardness."""
    assert getattr(EXERCISES[exercise_id], flag) is expected


@pytest.mark.parametrize(
    ("exercise_id", "measure"),
    [
        pytest.param("hamstring_stretch", Measure.SECONDS, id="stretch"),
        pytest.param("foam_rolling", Measure.SECONDS, id="rolling"),
        pytest.param("single_leg_balance", Measure.SECONDS, id="balance"),
        pytest.param("isometric_bridge_hold", Measure.SECONDS, id="isometric"),
        pytest.param("calf_stretch", Measure.SECONDS, id="calf"),
        pytest.param("seated_hamstring_set", Measure.REPS, id="hamstring-set"),
        pytest.param("nordic_curl", Measure.REPS, id="nordic"),
    ],
)
def test_measure(exercise_id: str, measure: Measure) -> None:
    """Holds, stretches and rolling are dosed in seconds; the rest in reps."""
    assert EXERCISES[exercise_id].measure is measure


# --- programs: structure -----------------------------------------------------------


def test_program_ids_and_default() -> None:
    """Exactly the five documented programs ship; the default is one of them."""
    assert set(PROGRAMS) == {
        "strength_2day",
        "beginner_gym",
        "home_bands",
        "rehab",
        "runner",
    }
    for key, prog in PROGRAMS.items():
        assert prog.id == key
        assert program(key) is prog
        assert prog.name
    assert DEFAULT_PROGRAM == "strength_2day"
    assert program(DEFAULT_PROGRAM) is PROGRAMS["strength_2day"]
    assert program("marathon") is None


@pytest.mark.parametrize(
    ("program_id", "source", "phases", "phase_weeks"),
    [
        pytest.param("strength_2day", "000", 1, None, id="strength_2day"),
        pytest.param("home_bands", "001", 1, None, id="home_bands"),
        pytest.param("beginner_gym", "002", 1, None, id="beginner_gym"),
        pytest.param("rehab", "003", 4, None, id="rehab"),
        pytest.param("runner", "004", 4, 2, id="runner"),
    ],
)
def test_program_source_and_phases(
    program_id: str, source: str, phases: int, phase_weeks: int | None
) -> None:
    """Each program cites its article; rehab advances by progress, runner by weeks."""
    prog = PROGRAMS[program_id]
    assert prog.source == source
    assert prog.phases == phases
    assert prog.phase_weeks == phase_weeks


def test_day_ids_unique_snake_case_and_listed() -> None:
    """Day ids are unique across programs (enum states) and all in ALL_DAY_IDS."""
    ids = [day.id for _, day in ALL_DAYS]
    assert len(ids) == len(set(ids))
    assert tuple(sorted(ids)) == ALL_DAY_IDS
    for day_id in ids:
        assert SNAKE.match(day_id), day_id


@pytest.mark.parametrize(
    ("day", "rx"),
    [
        pytest.param(day, rx, id=f"{day.id}-{rx.exercise}")
        for day, rx in ALL_PRESCRIPTIONS
    ],
)
def test_prescription_matches_catalog(day: ProgramDay, rx: Prescription) -> None:
    """Every prescribed exercise exists and is dosed in its own measure."""
    item = EXERCISES.get(rx.exercise)
    assert item is not None, f"{day.id}: unknown exercise {rx.exercise}"
    if item.measure is Measure.SECONDS:
        assert rx.seconds is not None
        assert rx.hold_seconds is None
    else:
        assert rx.reps is not None


@pytest.mark.parametrize(
    ("prog", "day"),
    [pytest.param(prog, day, id=day.id) for prog, day in ALL_DAYS],
)
def test_day_kind_matches_content(prog: Program, day: ProgramDay) -> None:
    """Hard days have working sets; light days hold only light exercises."""
    assert day.exercises
    assert day.phase is None or 1 <= day.phase <= prog.phases
    items = [EXERCISES[rx.exercise] for rx in day.exercises]
    if day.hard:
        assert any(item.working and not item.light for item in items)
    else:
        assert all(item.light for item in items), [i.id for i in items if not i.light]
    if day.optional:
        assert not day.hard


@pytest.mark.parametrize(
    ("program_id", "phase"),
    [
        pytest.param(prog.id, phase, id=f"{prog.id}-{phase}")
        for prog in PROGRAMS.values()
        for phase in range(1, prog.phases + 1)
    ],
)
def test_every_phase_has_a_light_day_and_hard_days(program_id: str, phase: int) -> None:
    """Each phase offers a light day; all but rehab phase 1 have hard days."""
    prog = PROGRAMS[program_id]
    light = prog.light_day(phase)
    assert light is not None
    assert light.kind is DayKind.LIGHT
    rotation = prog.rotation(phase)
    if (program_id, phase) == ("rehab", 1):
        assert not any(day.hard for day in rotation)
    else:
        assert rotation
        assert all(day.hard for day in rotation)


@pytest.mark.parametrize(
    ("program_id", "phase", "rotation", "light"),
    [
        pytest.param(
            "strength_2day",
            1,
            ("strength_day", "control_day"),
            "light_day",
            id="strength_2day",
        ),
        pytest.param(
            "beginner_gym",
            1,
            ("leg_day_1", "leg_day_2"),
            "gym_mobility_day",
            id="beginner_gym",
        ),
        pytest.param(
            "home_bands",
            1,
            ("band_day_1", "band_day_2"),
            "band_mobility_day",
            id="home_bands",
        ),
        pytest.param(
            "rehab", 1, ("rehab_activation",), "rehab_activation", id="rehab-1"
        ),
        pytest.param(
            "rehab", 2, ("rehab_strength",), "rehab_daily_activation", id="rehab-2"
        ),
        pytest.param(
            "rehab", 3, ("rehab_flexibility",), "rehab_daily_stretch", id="rehab-3"
        ),
        pytest.param(
            "rehab", 4, ("rehab_dynamic",), "rehab_daily_mobility", id="rehab-4"
        ),
        *(
            pytest.param(
                "runner",
                phase,
                (f"runner_phase_{phase}_day_a", f"runner_phase_{phase}_day_b"),
                f"runner_phase_{phase}_activation",
                id=f"runner-{phase}",
            )
            for phase in range(1, 5)
        ),
    ],
)
def test_rotation_and_light_day(
    program_id: str, phase: int, rotation: tuple[str, ...], light: str
) -> None:
    """The coach rotates through these days and falls back to this light day."""
    prog = PROGRAMS[program_id]
    assert tuple(day.id for day in prog.rotation(phase)) == rotation
    light_day = prog.light_day(phase)
    assert light_day is not None
    assert light_day.id == light


# --- programs: prescriptions from the articles ---------------------------------------


@pytest.mark.parametrize(
    ("program_id", "day_id", "exercise_id", "sets", "reps"),
    [
        # Article 000, Day 1 and Day 2.
        pytest.param(
            "strength_2day",
            "strength_day",
            "conventional_deadlift",
            (3, 3),
            (5, 8),
            id="000-deadlift",
        ),
        pytest.param(
            "strength_2day",
            "strength_day",
            "romanian_deadlift",
            (3, 3),
            (8, 10),
            id="000-rdl",
        ),
        pytest.param(
            "strength_2day",
            "strength_day",
            "single_leg_romanian_deadlift",
            (2, 2),
            (10, 10),
            id="000-sl-rdl",
        ),
        pytest.param(
            "strength_2day",
            "strength_day",
            "hip_thrust",
            (3, 3),
            (10, 12),
            id="000-hip-thrust",
        ),
        pytest.param(
            "strength_2day",
            "strength_day",
            "sumo_squat_to_stand",
            (2, 2),
            (10, 10),
            id="000-warm-up",
        ),
        pytest.param(
            "strength_2day",
            "control_day",
            "nordic_curl",
            (2, 3),
            (4, 6),
            id="000-nordic",
        ),
        pytest.param(
            "strength_2day",
            "control_day",
            "eccentric_bridge",
            (3, 3),
            (8, 10),
            id="000-eccentric-bridge",
        ),
        pytest.param(
            "strength_2day",
            "control_day",
            "stability_ball_leg_curl",
            (2, 2),
            (10, 10),
            id="000-ball-curl",
        ),
        pytest.param(
            "strength_2day",
            "control_day",
            "stability_ball_bridge",
            (2, 2),
            (10, 10),
            id="000-ball-bridge",
        ),
        pytest.param(
            "strength_2day",
            "control_day",
            "sumo_squat_to_stand",
            (2, 2),
            (10, 10),
            id="000-finisher",
        ),
        pytest.param(
            "strength_2day",
            "light_day",
            "bodyweight_bridge",
            (2, 2),
            (15, 15),
            id="000-bodyweight-bridge",
        ),
        pytest.param(
            "strength_2day", "light_day", "lunge", (2, 2), (10, 10), id="000-lunge"
        ),
        # Article 002, both leg days.
        *(
            pytest.param("beginner_gym", day, ex, (3, 3), reps, id=f"002-{day}-{ex}")
            for day in ("leg_day_1", "leg_day_2")
            for ex, reps in (
                ("conventional_deadlift", (6, 10)),
                ("seated_leg_curl", (8, 12)),
                ("glute_bridge", (10, 15)),
            )
        ),
        # Article 001, the band sample workout on both days.
        *(
            pytest.param("home_bands", day, ex, (2, 3), (8, 15), id=f"001-{day}-{ex}")
            for day in ("band_day_1", "band_day_2")
            for ex in (
                "band_romanian_deadlift",
                "single_leg_glute_bridge",
                "banded_hamstring_march",
                "band_lying_leg_curl",
            )
        ),
        # Article 003, phases 1-3.
        pytest.param(
            "rehab",
            "rehab_activation",
            "seated_hamstring_set",
            (1, 2),
            (10, 10),
            id="003-hamstring-set",
        ),
        *(
            pytest.param("rehab", day, ex, (2, 3), (10, 15), id=f"003-{day}-{ex}")
            for day in ("rehab_strength", "rehab_flexibility")
            for ex in ("lying_leg_curl", "standing_hip_extension", "glute_bridge")
        ),
        # Article 004: gentle Nordic in phase 1, article 000's dose later.
        pytest.param(
            "runner",
            "runner_phase_1_day_a",
            "nordic_curl",
            (2, 2),
            (3, 5),
            id="004-gentle-nordic",
        ),
        pytest.param(
            "runner",
            "runner_phase_3_day_a",
            "nordic_curl",
            (2, 3),
            (4, 6),
            id="004-nordic",
        ),
        pytest.param(
            "runner",
            "runner_phase_2_day_a",
            "single_leg_glute_bridge",
            (2, 3),
            (8, 12),
            id="004-sl-bridge",
        ),
    ],
)
def test_rep_prescription(
    program_id: str,
    day_id: str,
    exercise_id: str,
    sets: tuple[int, int],
    reps: tuple[int, int],
) -> None:
    """Sets x reps as written in the source articles."""
    rx = _rx(program_id, day_id, exercise_id)
    assert rx.sets == _span(*sets)
    assert rx.reps == _span(*reps)
    assert rx.seconds is None


@pytest.mark.parametrize(
    ("program_id", "day_id", "exercise_id", "sets", "seconds"),
    [
        pytest.param(
            "strength_2day",
            "light_day",
            "hamstring_stretch",
            (1, 1),
            (20, 30),
            id="000-stretch",
        ),
        pytest.param(
            "strength_2day",
            "light_day",
            "foam_rolling",
            (2, 2),
            (20, 20),
            id="000-rolling",
        ),
        pytest.param(
            "beginner_gym",
            "gym_mobility_day",
            "foam_rolling",
            (2, 2),
            (20, 20),
            id="gym-rolling",
        ),
        pytest.param(
            "home_bands",
            "band_mobility_day",
            "hamstring_stretch",
            (1, 1),
            (20, 30),
            id="bands-stretch",
        ),
        pytest.param(
            "rehab",
            "rehab_activation",
            "single_leg_balance",
            (3, 3),
            (30, 30),
            id="003-balance",
        ),
        pytest.param(
            "rehab",
            "rehab_flexibility",
            "doorway_hamstring_stretch",
            (2, 3),
            (30, 30),
            id="003-doorway",
        ),
        pytest.param(
            "rehab",
            "rehab_flexibility",
            "calf_stretch",
            (1, 1),
            (30, 30),
            id="003-calf",
        ),
    ],
)
def test_seconds_prescription(
    program_id: str,
    day_id: str,
    exercise_id: str,
    sets: tuple[int, int],
    seconds: tuple[int, int],
) -> None:
    """Stretches, rolling and holds are dosed in seconds, as in the articles."""
    rx = _rx(program_id, day_id, exercise_id)
    assert rx.sets == _span(*sets)
    assert rx.seconds == _span(*seconds)
    assert rx.reps is None


@pytest.mark.parametrize(
    ("day_id", "exercise_id", "hold"),
    [
        pytest.param("rehab_activation", "seated_hamstring_set", (5, 10), id="set"),
        pytest.param("rehab_strength", "glute_bridge", (3, 5), id="bridge"),
        pytest.param("rehab_flexibility", "glute_bridge", (3, 5), id="bridge-3"),
    ],
)
def test_rehab_holds(day_id: str, exercise_id: str, hold: tuple[int, int]) -> None:
    """Rehab holds per rep: hamstring sets 5-10 s, bridges 3-5 s (article 003)."""
    assert _rx("rehab", day_id, exercise_id).hold_seconds == _span(*hold)


@pytest.mark.parametrize(
    ("program_id", "day_id", "kind", "phase", "optional"),
    [
        pytest.param(
            "strength_2day", "strength_day", DayKind.STRENGTH, None, False, id="day-1"
        ),
        pytest.param(
            "strength_2day", "control_day", DayKind.CONTROL, None, False, id="day-2"
        ),
        pytest.param(
            "strength_2day", "light_day", DayKind.LIGHT, None, True, id="day-3"
        ),
        pytest.param(
            "beginner_gym", "leg_day_1", DayKind.STRENGTH, None, False, id="leg-1"
        ),
        pytest.param(
            "beginner_gym", "leg_day_2", DayKind.STRENGTH, None, False, id="leg-2"
        ),
        pytest.param(
            "beginner_gym", "gym_mobility_day", DayKind.LIGHT, None, True, id="gym-mob"
        ),
        pytest.param(
            "home_bands", "band_day_1", DayKind.STRENGTH, None, False, id="band-1"
        ),
        pytest.param(
            "home_bands", "band_mobility_day", DayKind.LIGHT, None, True, id="band-mob"
        ),
        pytest.param("rehab", "rehab_activation", DayKind.LIGHT, 1, False, id="r1"),
        pytest.param(
            "rehab", "rehab_strength", DayKind.REHAB_STRENGTH, 2, False, id="r2"
        ),
        pytest.param(
            "rehab", "rehab_flexibility", DayKind.REHAB_STRENGTH, 3, False, id="r3"
        ),
        pytest.param(
            "rehab", "rehab_dynamic", DayKind.REHAB_STRENGTH, 4, False, id="r4"
        ),
        pytest.param(
            "runner", "runner_phase_1_activation", DayKind.LIGHT, 1, False, id="run-1"
        ),
    ],
)
def test_day_kinds(
    program_id: str,
    day_id: str,
    kind: DayKind,
    phase: int | None,
    optional: bool,
) -> None:
    """Day kinds, phases and optional flags of the programs."""
    day = _day(program_id, day_id)
    assert day.kind is kind
    assert day.phase == phase
    assert day.optional is optional


def test_beginner_leg_days_are_identical() -> None:
    """Article 002's table repeats the same session on both leg days."""
    one = _day("beginner_gym", "leg_day_1")
    two = _day("beginner_gym", "leg_day_2")
    assert one.exercises == two.exercises
    assert [rx.exercise for rx in one.exercises] == [
        "conventional_deadlift",
        "seated_leg_curl",
        "glute_bridge",
    ]


def test_rehab_phases_build_on_each_other() -> None:
    """Phase 3 keeps the phase-2 strength work and adds the two stretches."""
    strength = _day("rehab", "rehab_strength").exercises
    flexibility = _day("rehab", "rehab_flexibility").exercises
    assert flexibility[: len(strength)] == strength
    assert [rx.exercise for rx in flexibility[len(strength) :]] == [
        "doorway_hamstring_stretch",
        "calf_stretch",
    ]
    assert {rx.exercise for rx in _day("rehab", "rehab_activation").exercises} == {
        "seated_hamstring_set",
        "single_leg_balance",
    }
    assert {rx.exercise for rx in _day("rehab", "rehab_dynamic").exercises} == {
        "bodyweight_romanian_deadlift",
        "single_leg_romanian_deadlift",
        "slow_step_down",
        "plyometric_lunge",
    }


@pytest.mark.parametrize(
    ("phase", "required"),
    [
        pytest.param(
            1, {"isometric_bridge_hold", "bridge_march", "nordic_curl"}, id="1"
        ),
        pytest.param(
            2,
            {"romanian_deadlift", "single_leg_glute_bridge", "eccentric_slider_curl"},
            id="2",
        ),
        pytest.param(3, {"romanian_deadlift", "nordic_curl", "hill_strides"}, id="3"),
        pytest.param(
            4,
            {
                "box_taps",
                "skips",
                "light_bounding",
                "hill_repeats",
                "nordic_curl",
                "single_leg_romanian_deadlift",
            },
            id="4",
        ),
    ],
)
def test_runner_phase_content(phase: int, required: set[str]) -> None:
    """Each runner phase's hard days hold article 004's exercises for it."""
    hard = PROGRAMS["runner"].rotation(phase)
    assert len(hard) == 2
    prescribed = {rx.exercise for day in hard for rx in day.exercises}
    assert required <= prescribed


@pytest.mark.parametrize(
    ("program_id", "phase"),
    [
        pytest.param(prog.id, phase, id=f"{prog.id}-{phase}")
        for prog in PROGRAMS.values()
        if prog.id != "rehab"
        for phase in range(1, prog.phases + 1)
    ],
)
def test_hard_days_reach_the_weekly_set_target(program_id: str, phase: int) -> None:
    """Two hard days at their lowest dose reach the default 12 working sets (R3)."""
    rotation = PROGRAMS[program_id].rotation(phase)
    sets = sum(
        rx.sets.low
        for day in rotation[:2]
        for rx in day.exercises
        if EXERCISES[rx.exercise].working
    )
    assert sets >= 12
