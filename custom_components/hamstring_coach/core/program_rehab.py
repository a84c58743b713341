"""The home rehab program (article 003): four phases, each opened by pain-free work.

Doses are copied from the article; where it gives none, the comment next to
the prescription says where the number comes from.
"""

from __future__ import annotations

from .models import DayKind, Program, ProgramDay
from .prescriptions import reps, secs

# "Hold for 5 to 10 seconds ... Repeat 10 times on the affected leg, 1 to 2 sets".
_SEATED_HAMSTRING_SET = reps(
    "seated_hamstring_set",
    (1, 2),
    (10, 10),
    hold=(5, 10),
    note="Press the heel into the floor; pain-free.",
)
# "hold for up to 30 seconds ... repeat 3 times".
_SINGLE_LEG_BALANCE = secs(
    "single_leg_balance", (3, 3), (30, 30), note="Near a counter or wall."
)
_SINGLE_LEG_BALANCE_HARDER = secs(
    "single_leg_balance",
    (3, 3),
    (30, 30),
    note="Eyes closed or on a pillow once pain-free.",
)
# Phase 2 strength work; every dose is the article's "2 to 3 sets" x "10 to 15".
_REHAB_STRENGTH = (
    reps(
        "lying_leg_curl",
        (2, 3),
        (10, 15),
        note="Affected leg; leg weight first, then an ankle weight or band.",
    ),
    reps("standing_hip_extension", (2, 3), (10, 15)),
    reps("glute_bridge", (2, 3), (10, 15), hold=(3, 5), note="Bodyweight."),
    # No dose in 003 for the ball curl: article 000's physio ball leg curl,
    # the same movement, "2 sets of 10 reps".
    reps("bridge_with_ball_curl", (2, 2), (10, 10)),
)
# Phase 3 stretches: "Hold for about 30 seconds ... Repeat 2 to 3 times" and
# "Hold for 30 seconds, then switch legs".
_DOORWAY_STRETCH = secs(
    "doorway_hamstring_stretch", (2, 3), (30, 30), note="Mild stretch, no bouncing."
)
_CALF_STRETCH = secs("calf_stretch", (1, 1), (30, 30), note="Straight knee.")
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
                reps(
                    "bodyweight_romanian_deadlift",
                    (2, 3),
                    (8, 12),
                    note="To just below the knees; or a standing arabesque.",
                ),
                reps(
                    "single_leg_romanian_deadlift",
                    (2, 3),
                    (8, 12),
                    note="Faster but controlled.",
                ),
                reps("slow_step_down", (2, 3), (8, 12), note="Focus on slow lowering."),
                reps(
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
