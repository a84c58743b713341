"""The runner progression (article 004): four phases of strength and speed work.

Doses are copied from the article; where it gives none, the comment next to
the prescription says where the number comes from.
"""

from __future__ import annotations

from dataclasses import replace

from .models import DayKind, Prescription, Program, ProgramDay
from .prescriptions import FOAM_ROLLING, minutes, reps, secs

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
_ACTIVATION_BLOCK = minutes(
    "activation_block",
    (8, 12),
    note="Isometric holds, bridge marches, hip and ankle mobility.",
)

_ISOMETRIC_BRIDGE = secs(
    "isometric_bridge_hold", _SETS, (20, 30), note="Posterior pelvic tilt."
)
_BRIDGE_MARCH = reps("bridge_march", _SETS, _MODERATE)
_NORDIC = reps(
    "nordic_curl",
    (2, 3),
    (4, 6),
    note="Partial range first, extend as control improves.",
)
_NORDIC_FULL = reps("nordic_curl", (2, 3), (4, 6), note="Full range as control allows.")
_SLIDER_CURL = reps(
    "eccentric_slider_curl", _SETS, _MODERATE, note="Slow lowering, energized return."
)
_SINGLE_LEG_BRIDGE = reps("single_leg_glute_bridge", _SETS, _MODERATE)
# Article 000 names the eccentric bridge for runners ("force production at
# faster running speeds") and as a preparatory step for Nordic curls.
_ECCENTRIC_BRIDGE = reps("eccentric_bridge", _SETS, _MODERATE)
# Daily mobility "that targets hip flexors, calf muscles"; stretch holds as
# article 003 ("about 30 seconds ... 2 to 3 times"); rolling as article 000.
_RUNNER_MOBILITY = (
    secs("hip_flexor_stretch", (2, 3), (30, 30)),
    secs("calf_stretch", (1, 1), (30, 30)),
    FOAM_ROLLING,
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
                    reps(
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
                reps(
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
                reps(
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
                reps("hill_strides", (1, 1), (2, 3), note="Gentle; form over speed."),
                reps(
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
                reps("box_taps", _SETS, _MODERATE, note="Quiet footfall."),
                reps("skips", _SETS, _MODERATE),
                _NORDIC_FULL,
                reps("single_leg_romanian_deadlift", _SETS, _MODERATE),
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
                reps("light_bounding", _SETS, _MODERATE, note="Soft landings."),
                reps(
                    "hill_repeats",
                    (1, 1),
                    (2, 3),
                    note="Short; drive with the hamstrings.",
                ),
                _NORDIC_FULL,
                reps("romanian_deadlift", _SETS, _MODERATE),
                _SINGLE_LEG_BRIDGE,
            ),
            phase=4,
        ),
        _activation_day(4, (_BRIDGE_MARCH,)),
    ),
)
