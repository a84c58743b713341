"""Building blocks of the programs: prescriptions and the shared light work.

`reps`, `secs` and `minutes` write a prescription from (low, high) pairs;
the shared light work (stretch, foam rolling, bridges) and `mobility_day`
serve every program whose article has no light day of its own.
"""

from __future__ import annotations

from .models import DayKind, Prescription, ProgramDay, Span


def span(low: int, high: int | None = None) -> Span:
    """Return the range low-high, or the fixed dose `low`."""
    return Span(low=low, high=low if high is None else high)


def reps(
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
        sets=span(*sets),
        reps=span(*reps),
        hold_seconds=None if hold is None else span(*hold),
        note=note,
    )


def secs(
    exercise: str, sets: tuple[int, int], seconds: tuple[int, int], *, note: str = ""
) -> Prescription:
    """Prescribe `sets` x `seconds` of a hold, stretch or rolling."""
    return Prescription(
        exercise=exercise, sets=span(*sets), seconds=span(*seconds), note=note
    )


def minutes(exercise: str, minutes: tuple[int, int], *, note: str = "") -> Prescription:
    """Prescribe one block of `minutes` (a warm-up, cool-down or activation)."""
    low, high = minutes
    return secs(exercise, (1, 1), (low * 60, high * 60), note=note)


# Shared light work.

# Article 000, optional Day 3 and recovery: "Seated or standing hamstring
# stretches, held 20 to 30 seconds each"; foam rolling "2 sets of about 20
# seconds of rolling with 30 seconds rest in between".
HAMSTRING_STRETCH = secs(
    "hamstring_stretch", (1, 1), (20, 30), note="Gentle, no bouncing."
)
FOAM_ROLLING = secs(
    "foam_rolling", (2, 2), (20, 20), note="30 s rest between sets; roll slowly."
)
# Article 000, Day 3: "Bodyweight bridges, 2 sets of 15 reps".
BODYWEIGHT_BRIDGE = reps("bodyweight_bridge", (2, 2), (15, 15))


def mobility_day(day_id: str) -> ProgramDay:
    """Return an optional light mobility day for a program whose article has none.

    Built only from the gentle items of article 000's light day and recovery
    advice and article 002's "stretching or foam rolling" on recovery days.
    """
    return ProgramDay(
        id=day_id,
        name="Mobility day",
        kind=DayKind.LIGHT,
        exercises=(BODYWEIGHT_BRIDGE, HAMSTRING_STRETCH, FOAM_ROLLING),
        optional=True,
    )
