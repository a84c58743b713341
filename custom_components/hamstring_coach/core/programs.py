"""The training programs shipped with the integration (docs/programs.md), as data.

Each program comes from one source article (`source` is the article number;
the articles are listed in docs/coaching.md). Doses are copied from the
articles; where an article gives none, the comment next to the prescription
says where the number comes from. Every program has a light
(mobility/activation) day per phase, which the coach offers while the person
is recovering (R5). Day ids are unique across all programs because a day id
is a translated enum state. The rehab and runner programs, with their phases,
have a module each (program_rehab.py, program_runner.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .models import DayKind, Program, ProgramDay
from .prescriptions import (
    BODYWEIGHT_BRIDGE,
    FOAM_ROLLING,
    HAMSTRING_STRETCH,
    minutes,
    mobility_day,
    reps,
)
from .program_rehab import REHAB
from .program_runner import RUNNER

DEFAULT_PROGRAM = "strength_2day"
"""The program a new config entry starts with."""


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
                minutes(
                    "warm_up",
                    (8, 10),
                    note="3-5 min brisk walking, cycling or easy jogging; "
                    "leg swings and walking lunges.",
                ),
                reps(
                    "sumo_squat_to_stand",
                    (2, 2),
                    (10, 10),
                    note="End of the warm-up.",
                ),
                reps("conventional_deadlift", (3, 3), (5, 8)),
                reps("romanian_deadlift", (3, 3), (8, 10)),
                reps("single_leg_romanian_deadlift", (2, 2), (10, 10)),
                reps(
                    "hip_thrust",
                    (3, 3),
                    (10, 12),
                    note="Pause for a second at the top.",
                ),
                # Article 000's cool-down: 5-8 minutes of light walking and
                # gentle static stretches. The day as written has 11 working
                # sets, one above article 001's 10 a session: kept as the
                # article gives it, and progression never adds a set (R3).
                minutes(
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
                minutes("warm_up", (5, 8), note="Dynamic leg swings and easy lunges."),
                reps(
                    "nordic_curl",
                    (2, 3),
                    (4, 6),
                    note="Start with a small range of motion.",
                ),
                reps("eccentric_bridge", (3, 3), (8, 10)),
                reps("stability_ball_leg_curl", (2, 2), (10, 10)),
                reps("stability_ball_bridge", (2, 2), (10, 10)),
                reps(
                    "sumo_squat_to_stand", (2, 2), (10, 10), note="Mobility finisher."
                ),
            ),
        ),
        ProgramDay(
            id="light_day",
            name="Day 3 Light",
            kind=DayKind.LIGHT,
            exercises=(
                BODYWEIGHT_BRIDGE,
                reps("lunge", (2, 2), (10, 10), note="Gentle; or step-ups."),
                HAMSTRING_STRETCH,
                FOAM_ROLLING,
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
    reps("conventional_deadlift", (3, 3), (6, 10)),
    reps("seated_leg_curl", (3, 3), (8, 12)),
    reps(
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
        mobility_day("gym_mobility_day"),
    ),
)

# --- home_bands (article 001) -----------------------------------------------------

# Article 001's sample at-home workout, "each for 2 to 3 sets of 8 to 15 reps
# with short rest periods", done on both days.
_BAND_DAY = (
    reps("band_romanian_deadlift", (2, 3), (8, 15)),
    reps("single_leg_glute_bridge", (2, 3), (8, 15)),
    reps("banded_hamstring_march", (2, 3), (8, 15)),
    reps("band_lying_leg_curl", (2, 3), (8, 15)),
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
        mobility_day("band_mobility_day"),
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
