"""The training programs shipped with the integration (SPEC §3), as data.

Each program comes from one source article in `shared/seeds/` (`source` is the
article number). Doses are copied from the articles; where an article gives
none, the comment next to the prescription says where the number comes from.
Every program has a light (mobility/activation) day per phase, which the coach
offers while the person is recovering (R5). Day ids are unique across all
programs because a day id is a translated enum state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from .models import DayKind, Prescription, Program, ProgramDay, Span

DEFAULT_PROGRAM = "strength_2day"
"""The program a new config entry starts with."""


def _span(low: int, high: int | None = None) -> Span:
    """Return the range low-high, or the fixed dose `low`."""
    return Span(low=low, high=low if high is None else high)


def _reps(
    exercise: str,
    sets: tuple[int, int],
    reps: tuple[int, int],
    *,
    hold: tuple[int, int] | None = None,
    note: str = "",
) -> Prescription:
    """Prescribe `sets` x `reps` of an exercise, with an optional hold per rep."""
    return Prescription(
        exercise=exercise,
        sets=_span(*sets),
        reps=_span(*reps),
        hold_seconds=None if hold is None else _span(*hold),
        note=note,
    )


def _secs(
    exercise: str, sets: tuple[int, int], seconds: tuple[int, int], *, note: str = ""
) -> Prescription:
    """Prescribe `sets` x `seconds` of a hold, stretch or rolling."""
    return Prescription(
        exercise=exercise, sets=_span(*sets), seconds=_span(*seconds), note=note
    )


def _minutes(
    exercise: str, minutes: tuple[int, int], *, note: str = ""
) -> Prescription:
    """Prescribe one block of `minutes` (a warm-up, cool-down or activation)."""
    low, high = minutes
    return _secs(exercise, (1, 1), (low * 60, high * 60), note=note)


# --- Shared light work -------------------------------------------------------

# Article 000, optional Day 3 and recovery: "Seated or standing hamstring
# stretches, held 20 to 30 seconds each"; foam rolling "2 sets of about 20
# seconds of rolling with 30 seconds rest in between".
_HAMSTRING_STRETCH = _secs(
    "hamstring_stretch", (1, 1), (20, 30), note="Gentle, no bouncing."
)
_FOAM_ROLLING = _secs(
    "foam_rolling", (2, 2), (20, 20), note="30 s rest between sets; roll slowly."
)
# Article 000, Day 3: "Bodyweight bridges, 2 sets of 15 reps".
_BODYWEIGHT_BRIDGE = _reps("bodyweight_bridge", (2, 2), (15, 15))


def _mobility_day(day_id: str) -> ProgramDay:
    """Return an optional light mobility day for a program whose article has none.

    Built only from the gentle items of article 000's light day and recovery
    advice and article 002's "stretching or foam rolling" on recovery days.
    """
    return ProgramDay(
        id=day_id,
        name="Mobility day",
        kind=DayKind.LIGHT,
        exercises=(_BODYWEIGHT_BRIDGE, _HAMSTRING_STRETCH, _FOAM_ROLLING),
        optional=True,
    )


# --- strength_2day (article 000) ------------------------------------------------

STRENGTH_2DAY = Program(
    id="strength_2day",
    name="Strength and control",
    source="000",
    days=(
        ProgramDay(
            id="strength_day",
            name="Day 1 Strength",
            kind=DayKind.STRENGTH,
            exercises=(
                # Article 000's Day 1 warm-up: 8-10 minutes of light cardio and
                # dynamic stretches, ending with sumo squats to stand,
                # "2 sets of 10 reps with 30 seconds rest".
                _minutes(
                    "warm_up",
                    (8, 10),
                    note="3-5 min brisk walking, cycling or easy jogging; "
                    "leg swings and walking lunges.",
                ),
                _reps(
                    "sumo_squat_to_stand",
                    (2, 2),
                    (10, 10),
                    note="End of the warm-up.",
                ),
                _reps("conventional_deadlift", (3, 3), (5, 8)),
                _reps("romanian_deadlift", (3, 3), (8, 10)),
                _reps("single_leg_romanian_deadlift", (2, 2), (10, 10)),
                _reps(
                    "hip_thrust",
                    (3, 3),
                    (10, 12),
                    note="Pause for a second at the top.",
                ),
                # Article 000's cool-down: 5-8 minutes of light walking and
                # gentle static stretches. The day as written has 11 working
                # sets, one above article 001's 10 a session: kept as the
                # article gives it, and progression never adds a set (R3).
                _minutes(
                    "cool_down",
                    (5, 8),
                    note="Light walking, gentle static stretches for the "
                    "hamstrings, glutes and lower back.",
                ),
            ),
        ),
        ProgramDay(
            id="control_day",
            name="Day 2 Control",
            kind=DayKind.CONTROL,
            exercises=(
                # Article 000: a lighter Day 1 warm-up, 5-8 minutes.
                _minutes("warm_up", (5, 8), note="Dynamic leg swings and easy lunges."),
                _reps(
                    "nordic_curl",
                    (2, 3),
                    (4, 6),
                    note="Start with a small range of motion.",
                ),
                _reps("eccentric_bridge", (3, 3), (8, 10)),
                _reps("stability_ball_leg_curl", (2, 2), (10, 10)),
                _reps("stability_ball_bridge", (2, 2), (10, 10)),
                _reps(
                    "sumo_squat_to_stand", (2, 2), (10, 10), note="Mobility finisher."
                ),
            ),
        ),
        ProgramDay(
            id="light_day",
            name="Day 3 Light",
            kind=DayKind.LIGHT,
            exercises=(
                _BODYWEIGHT_BRIDGE,
                _reps("lunge", (2, 2), (10, 10), note="Gentle; or step-ups."),
                _HAMSTRING_STRETCH,
                _FOAM_ROLLING,
            ),
            optional=True,
        ),
    ),
)

# --- beginner_gym (article 002) ---------------------------------------------------

# Article 002's weekly table: the same three exercises on both leg days. Its
# leg curl is the machine on which you "sit ... with your back against the
# support", i.e. the seated leg curl.
_LEG_DAY = (
    _reps("conventional_deadlift", (3, 3), (6, 10)),
    _reps("seated_leg_curl", (3, 3), (8, 12)),
    _reps(
        "glute_bridge",
        (3, 3),
        (10, 15),
        note="Squeeze and hold for a count of two at the top.",
    ),
)

BEGINNER_GYM = Program(
    id="beginner_gym",
    name="Beginner gym",
    source="002",
    days=(
        ProgramDay(
            id="leg_day_1", name="Leg day 1", kind=DayKind.STRENGTH, exercises=_LEG_DAY
        ),
        ProgramDay(
            id="leg_day_2", name="Leg day 2", kind=DayKind.STRENGTH, exercises=_LEG_DAY
        ),
        # Not in article 002's table: its recovery advice (stretching, foam
        # rolling) with article 000's light-day doses.
        _mobility_day("gym_mobility_day"),
    ),
)

# --- home_bands (article 001) -----------------------------------------------------

# Article 001's sample at-home workout, "each for 2 to 3 sets of 8 to 15 reps
# with short rest periods", done on both days.
_BAND_DAY = (
    _reps("band_romanian_deadlift", (2, 3), (8, 15)),
    _reps("single_leg_glute_bridge", (2, 3), (8, 15)),
    _reps("banded_hamstring_march", (2, 3), (8, 15)),
    _reps("band_lying_leg_curl", (2, 3), (8, 15)),
)

HOME_BANDS = Program(
    id="home_bands",
    name="Home with bands",
    source="001",
    days=(
        ProgramDay(
            id="band_day_1",
            name="Band day 1",
            kind=DayKind.STRENGTH,
            exercises=_BAND_DAY,
        ),
        ProgramDay(
            id="band_day_2",
            name="Band day 2",
            kind=DayKind.STRENGTH,
            exercises=_BAND_DAY,
        ),
        # Article 001 gives no light day: articles 000/002 recovery advice.
        _mobility_day("band_mobility_day"),
    ),
)

# --- rehab (article 003) -----------------------------------------------------------

# "Hold for 5 to 10 seconds ... Repeat 10 times on the affected leg, 1 to 2 sets".
_SEATED_HAMSTRING_SET = _reps(
    "seated_hamstring_set",
    (1, 2),
    (10, 10),
    hold=(5, 10),
    note="Press the heel into the floor; pain-free.",
)
# "hold for up to 30 seconds ... repeat 3 times".
_SINGLE_LEG_BALANCE = _secs(
    "single_leg_balance", (3, 3), (30, 30), note="Near a counter or wall."
)
_SINGLE_LEG_BALANCE_HARDER = _secs(
    "single_leg_balance",
    (3, 3),
    (30, 30),
    note="Eyes closed or on a pillow once pain-free.",
)
# Phase 2 strength work; every dose is the article's "2 to 3 sets" x "10 to 15".
_REHAB_STRENGTH = (
    _reps(
        "lying_leg_curl",
        (2, 3),
        (10, 15),
        note="Affected leg; leg weight first, then an ankle weight or band.",
    ),
    _reps("standing_hip_extension", (2, 3), (10, 15)),
    _reps("glute_bridge", (2, 3), (10, 15), hold=(3, 5), note="Bodyweight."),
    # No dose in 003 for the ball curl: article 000's physio ball leg curl,
    # the same movement, "2 sets of 10 reps".
    _reps("bridge_with_ball_curl", (2, 2), (10, 10)),
)
# Phase 3 stretches: "Hold for about 30 seconds ... Repeat 2 to 3 times" and
# "Hold for 30 seconds, then switch legs".
_DOORWAY_STRETCH = _secs(
    "doorway_hamstring_stretch", (2, 3), (30, 30), note="Mild stretch, no bouncing."
)
_CALF_STRETCH = _secs("calf_stretch", (1, 1), (30, 30), note="Straight knee.")
# "Gentle daily stretching for 5 to 10 minutes" once stretching is allowed.
_REHAB_DAILY_STRETCH = (_DOORWAY_STRETCH, _CALF_STRETCH, _SINGLE_LEG_BALANCE_HARDER)

REHAB = Program(
    id="rehab",
    name="Home rehab",
    source="003",
    phases=4,
    phase_weeks=None,
    days=(
        # Phase 1 is light only: daily activation until it is pain-free (R6).
        ProgramDay(
            id="rehab_activation",
            name="Phase 1 · Activation",
            kind=DayKind.LIGHT,
            exercises=(_SEATED_HAMSTRING_SET, _SINGLE_LEG_BALANCE),
            phase=1,
        ),
        ProgramDay(
            id="rehab_strength",
            name="Phase 2 · Strength",
            kind=DayKind.REHAB_STRENGTH,
            exercises=_REHAB_STRENGTH,
            phase=2,
        ),
        # Stretching is added only in phase 3, so phase 2's daily light day
        # keeps the phase-1 activation routine.
        ProgramDay(
            id="rehab_daily_activation",
            name="Phase 2 · Daily activation",
            kind=DayKind.LIGHT,
            exercises=(_SEATED_HAMSTRING_SET, _SINGLE_LEG_BALANCE),
            phase=2,
            optional=True,
        ),
        ProgramDay(
            id="rehab_flexibility",
            name="Phase 3 · Strength and flexibility",
            kind=DayKind.REHAB_STRENGTH,
            exercises=(*_REHAB_STRENGTH, _DOORWAY_STRETCH, _CALF_STRETCH),
            phase=3,
        ),
        ProgramDay(
            id="rehab_daily_stretch",
            name="Phase 3 · Daily stretching",
            kind=DayKind.LIGHT,
            exercises=_REHAB_DAILY_STRETCH,
            phase=3,
            optional=True,
        ),
        # Article 003 gives no doses for the dynamic phase: the conservative
        # 2-3 sets (its strength sets) x 8-12 reps (article 002's beginner range).
        ProgramDay(
            id="rehab_dynamic",
            name="Phase 4 · Dynamic",
            kind=DayKind.REHAB_STRENGTH,
            exercises=(
                _reps(
                    "bodyweight_romanian_deadlift",
                    (2, 3),
                    (8, 12),
                    note="To just below the knees; or a standing arabesque.",
                ),
                _reps(
                    "single_leg_romanian_deadlift",
                    (2, 3),
                    (8, 12),
                    note="Faster but controlled.",
                ),
                _reps(
                    "slow_step_down", (2, 3), (8, 12), note="Focus on slow lowering."
                ),
                _reps(
                    "plyometric_lunge",
                    (2, 3),
                    (8, 12),
                    note="Soft, quiet landings.",
                ),
            ),
            phase=4,
        ),
        ProgramDay(
            id="rehab_daily_mobility",
            name="Phase 4 · Daily mobility",
            kind=DayKind.LIGHT,
            exercises=_REHAB_DAILY_STRETCH,
            phase=4,
            optional=True,
        ),
    ),
)

# --- runner (article 004) ----------------------------------------------------------

# Article 004 gives "2-3 sets of each exercise, keeping repetitions in the
# moderate zone": strength work is 2-3 x 8-12 (article 002's beginner range);
# Nordic curls use article 000's 2-3 x 4-6, except the "gentle" phase-1 Nordic,
# which stays below it at 2 x 3-5. The phase-1 isometric hold borrows article
# 000's 20-30 s hold. Plyometric drills are "low-volume": 2-3 x 8-12 contacts;
# hill strides and hill repeats are single efforts, used "sparingly": 1 x 2-3.
_MODERATE = (8, 12)
_SETS = (2, 3)

NORDIC_AFTER = 2
"""Runner phase 1: pain-free hard sessions before gentle Nordic curls enter."""

# Article 004's hard days "begin with 8-12 minutes of activation" (phases 2-4;
# phase 1 is activation work itself).
_ACTIVATION_BLOCK = _minutes(
    "activation_block",
    (8, 12),
    note="Isometric holds, bridge marches, hip and ankle mobility.",
)

_ISOMETRIC_BRIDGE = _secs(
    "isometric_bridge_hold", _SETS, (20, 30), note="Posterior pelvic tilt."
)
_BRIDGE_MARCH = _reps("bridge_march", _SETS, _MODERATE)
_NORDIC = _reps(
    "nordic_curl",
    (2, 3),
    (4, 6),
    note="Partial range first, extend as control improves.",
)
_NORDIC_FULL = _reps(
    "nordic_curl", (2, 3), (4, 6), note="Full range as control allows."
)
_SLIDER_CURL = _reps(
    "eccentric_slider_curl", _SETS, _MODERATE, note="Slow lowering, energized return."
)
_SINGLE_LEG_BRIDGE = _reps("single_leg_glute_bridge", _SETS, _MODERATE)
# Article 000 names the eccentric bridge for runners ("force production at
# faster running speeds") and as a preparatory step for Nordic curls.
_ECCENTRIC_BRIDGE = _reps("eccentric_bridge", _SETS, _MODERATE)
# Daily mobility "that targets hip flexors, calf muscles"; stretch holds as
# article 003 ("about 30 seconds ... 2 to 3 times"); rolling as article 000.
_RUNNER_MOBILITY = (
    _secs("hip_flexor_stretch", (2, 3), (30, 30)),
    _secs("calf_stretch", (1, 1), (30, 30)),
    _FOAM_ROLLING,
)


def _activation_day(phase: int, activation: tuple[Prescription, ...]) -> ProgramDay:
    """Return the runner's light activation/mobility day of a phase."""
    return ProgramDay(
        id=f"runner_phase_{phase}_activation",
        name=f"Phase {phase} · Activation",
        kind=DayKind.LIGHT,
        exercises=(*activation, *_RUNNER_MOBILITY),
        phase=phase,
    )


RUNNER = Program(
    id="runner",
    name="Runner progression",
    source="004",
    phases=4,
    phase_weeks=2,
    days=(
        # Phase 1: "controlled isometrics and light bridges", bridge march,
        # "Gentle Nordic curls ... as tolerated". Day B swaps the Nordic for
        # article 000's eccentric bridge, "a preparatory step for Nordic curls".
        ProgramDay(
            id="runner_phase_1_day_a",
            name="Phase 1 · Foundation A",
            kind=DayKind.CONTROL,
            exercises=(
                _ISOMETRIC_BRIDGE,
                _BRIDGE_MARCH,
                # Gentle Nordic curls "as tolerated" (004): they enter after
                # two pain-free hard sessions of the phase; until then the
                # eccentric bridge, their preparatory step (000), stands in.
                replace(_ECCENTRIC_BRIDGE, leave_after=NORDIC_AFTER),
                replace(
                    _reps(
                        "nordic_curl",
                        (2, 2),
                        (3, 5),
                        note="Gentle, small pain-free range.",
                    ),
                    enter_after=NORDIC_AFTER,
                ),
            ),
            phase=1,
        ),
        ProgramDay(
            id="runner_phase_1_day_b",
            name="Phase 1 · Foundation B",
            kind=DayKind.CONTROL,
            exercises=(
                _ISOMETRIC_BRIDGE,
                _BRIDGE_MARCH,
                _ECCENTRIC_BRIDGE,
            ),
            phase=1,
        ),
        _activation_day(1, (_ISOMETRIC_BRIDGE,)),
        # Phase 2: hip hinges, single-leg glute bridges, tempo eccentric slides.
        ProgramDay(
            id="runner_phase_2_day_a",
            name="Phase 2 · Loading A",
            kind=DayKind.STRENGTH,
            exercises=(
                _ACTIVATION_BLOCK,
                _reps(
                    "romanian_deadlift",
                    _SETS,
                    _MODERATE,
                    note="Light load; add weight only while fluid and pain-free.",
                ),
                _SINGLE_LEG_BRIDGE,
                _SLIDER_CURL,
            ),
            phase=2,
        ),
        ProgramDay(
            id="runner_phase_2_day_b",
            name="Phase 2 · Loading B",
            kind=DayKind.CONTROL,
            exercises=(
                _ACTIVATION_BLOCK,
                _SLIDER_CURL,
                _SINGLE_LEG_BRIDGE,
                _BRIDGE_MARCH,
            ),
            phase=2,
        ),
        _activation_day(2, (_BRIDGE_MARCH,)),
        # Phase 3: slow-lowering hinges, partial-to-full Nordic, hill strides.
        ProgramDay(
            id="runner_phase_3_day_a",
            name="Phase 3 · Eccentric A",
            kind=DayKind.STRENGTH,
            exercises=(
                _ACTIVATION_BLOCK,
                _reps(
                    "romanian_deadlift",
                    _SETS,
                    _MODERATE,
                    note="Slow lowering; lengthen it over the weeks.",
                ),
                _NORDIC,
                _SLIDER_CURL,
            ),
            phase=3,
        ),
        ProgramDay(
            id="runner_phase_3_day_b",
            name="Phase 3 · Eccentric B",
            kind=DayKind.CONTROL,
            exercises=(
                _ACTIVATION_BLOCK,
                _reps("hill_strides", (1, 1), (2, 3), note="Gentle; form over speed."),
                _reps(
                    "single_leg_romanian_deadlift",
                    _SETS,
                    _MODERATE,
                    note="Slow lowering.",
                ),
                _NORDIC,
                _ECCENTRIC_BRIDGE,
            ),
            phase=3,
        ),
        _activation_day(3, (_BRIDGE_MARCH,)),
        # Phase 4: box taps, skips, light bounding, short hill repeats, combined
        # with the strength work ("combine all elements"). Drills come first,
        # fresh, for soft landings.
        ProgramDay(
            id="runner_phase_4_day_a",
            name="Phase 4 · Plyometric A",
            kind=DayKind.STRENGTH,
            exercises=(
                _ACTIVATION_BLOCK,
                _reps("box_taps", _SETS, _MODERATE, note="Quiet footfall."),
                _reps("skips", _SETS, _MODERATE),
                _NORDIC_FULL,
                _reps("single_leg_romanian_deadlift", _SETS, _MODERATE),
                _ECCENTRIC_BRIDGE,
            ),
            phase=4,
        ),
        ProgramDay(
            id="runner_phase_4_day_b",
            name="Phase 4 · Plyometric B",
            kind=DayKind.CONTROL,
            exercises=(
                _ACTIVATION_BLOCK,
                _reps("light_bounding", _SETS, _MODERATE, note="Soft landings."),
                _reps(
                    "hill_repeats",
                    (1, 1),
                    (2, 3),
                    note="Short; drive with the hamstrings.",
                ),
                _NORDIC_FULL,
                _reps("romanian_deadlift", _SETS, _MODERATE),
                _SINGLE_LEG_BRIDGE,
            ),
            phase=4,
        ),
        _activation_day(4, (_BRIDGE_MARCH,)),
    ),
)

PROGRAMS: Mapping[str, Program] = MappingProxyType(
    {p.id: p for p in (STRENGTH_2DAY, BEGINNER_GYM, HOME_BANDS, REHAB, RUNNER)}
)
"""Every shipped program by id (read-only)."""

ALL_DAY_IDS: tuple[str, ...] = tuple(
    sorted(day.id for p in PROGRAMS.values() for day in p.days)
)
"""Every day id of every program, sorted (the `program_day` enum states)."""


def program(program_id: str) -> Program | None:
    """Return the shipped program with this id, if there is one."""
    return PROGRAMS.get(program_id)
