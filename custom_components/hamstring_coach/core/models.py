"""Domain values of the coach: catalog, programs, logged sessions, settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum


class DayKind(StrEnum):
    """What a program day trains; the first three are hard days."""

    STRENGTH = "strength"
    CONTROL = "control"
    REHAB_STRENGTH = "rehab_strength"
    LIGHT = "light"


HARD_KINDS = frozenset({DayKind.STRENGTH, DayKind.CONTROL, DayKind.REHAB_STRENGTH})


class Measure(StrEnum):
    """How an exercise is dosed: repetitions or seconds (holds, stretches, rolling)."""

    REPS = "reps"
    SECONDS = "seconds"


class WeightUnit(StrEnum):
    """Unit of an external load."""

    KG = "kg"
    LB = "lb"


class Status(StrEnum):
    """Training status shown by the `training_status` sensor."""

    RESTING = "resting"
    DUE = "due"
    BEHIND = "behind"
    RECOVERING = "recovering"
    READY = "ready"
    PAUSED = "paused"


HIGH_SORENESS = 7
"""Soreness (0-10) from which a person counts as very sore or tight (R5)."""

MAX_PROGRESSION_RPE = 8.0
"""Highest session RPE at which a reached target may still progress (R4)."""


class Target(StrEnum):
    """What a progression rule raises."""

    REPS = "reps"
    SECONDS = "seconds"
    SETS = "sets"
    LOAD = "load"


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgressionRule:
    """Raise `target` by `step` once the last log reached all its targets (R4).

    `at_top` rules apply only when reps (or seconds) already sit at the top
    of the prescribed range; `min_days` spaces two rises of the same target
    (load on compound lifts: at most one step a week). Steps are per set for
    reps and seconds, whole sets for sets, and units of the load step (2.5 kg
    or 5 lb) for load.
    """

    target: Target
    step: float = 1
    at_top: bool = False
    min_days: int = 0


class NextReason(StrEnum):
    """Why `next_session` sits where it does."""

    PREFERRED_DAY = "preferred_day"
    CATCH_UP = "catch_up"


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """An inclusive range such as 8-10 reps; `low == high` for a fixed dose."""

    low: int
    high: int

    def __post_init__(self) -> None:
        """Reject inverted or non-positive ranges."""
        if not 0 < self.low <= self.high:
            msg = f"invalid span {self.low}-{self.high}"
            raise ValueError(msg)


@dataclass(frozen=True, slots=True, kw_only=True)
class Exercise:
    """A catalog exercise.

    `working` sets load the hamstrings and count toward the weekly set target
    (warm-ups, stretches, foam rolling and balance holds do not). `light` marks
    gentle work that never makes a session hard on its own. `compound` marks
    loaded multi-joint lifts that progress by load (R4). `loadable` says a load
    (kg/lb) may be logged. `load_step` is the load step of loadable isolation
    work in units of the compound step (0.5: half a step); `band` marks band
    work, which moves to the next band (R4). `stretch` marks static
    stretches, left out while in pain (R5).
    """

    id: str
    name: str
    measure: Measure
    working: bool
    light: bool = False
    per_leg: bool = False
    compound: bool = False
    loadable: bool = False
    load_step: float = 0
    band: bool = False
    stretch: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Prescription:
    """One exercise of a program day, e.g. Romanian deadlift 3 x 8-10.

    Exactly one of `reps` and `seconds` is set. `hold_seconds` is a pause held
    in each rep (seated hamstring sets: 10 reps x 5-10 s holds).
    """

    exercise: str
    sets: Span
    reps: Span | None = None
    seconds: Span | None = None
    hold_seconds: Span | None = None
    note: str = ""
    progression: tuple[ProgressionRule, ...] | None = None
    """Rules for this exercise; None means the catalog defaults (see progression)."""
    enter_after: int = 0
    """Prescribed only after this many pain-free hard sessions of the phase."""
    leave_after: int | None = None
    """Dropped once this many pain-free hard sessions of the phase are done."""

    def __post_init__(self) -> None:
        """Require exactly one dose."""
        if (self.reps is None) == (self.seconds is None):
            msg = f"{self.exercise}: give exactly one of reps and seconds"
            raise ValueError(msg)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgramDay:
    """A day of a program; `phase` is None for days used in every phase."""

    id: str
    name: str
    kind: DayKind
    exercises: tuple[Prescription, ...]
    phase: int | None = None
    optional: bool = False

    @property
    def hard(self) -> bool:
        """Whether the day counts for R1 and starts the R2 rest window."""
        return self.kind in HARD_KINDS


@dataclass(frozen=True, slots=True, kw_only=True)
class Program:
    """A training program as data.

    `phases` is the number of phases (1 when the program has none);
    `phase_weeks` is the length of a phase when phases follow the calendar
    (runner: two-week blocks) and None when phases advance by progress (rehab).
    """

    id: str
    name: str
    source: str
    days: tuple[ProgramDay, ...]
    phases: int = 1
    phase_weeks: int | None = None

    def day(self, day_id: str) -> ProgramDay | None:
        """Return the day with this id, if the program has it."""
        return next((day for day in self.days if day.id == day_id), None)

    def rotation(self, phase: int) -> tuple[ProgramDay, ...]:
        """Hard days of a phase in order; the light days when it has none."""
        days = tuple(d for d in self.days if d.phase in (None, phase))
        hard = tuple(d for d in days if d.hard)
        return hard or tuple(d for d in days if not d.hard)

    def light_day(self, phase: int) -> ProgramDay | None:
        """The light (mobility/activation) day of a phase, if any."""
        return next(
            (d for d in self.days if not d.hard and d.phase in (None, phase)), None
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ExerciseLog:
    """What was done of one exercise: `sets` x `reps` (or `seconds`) at `load`."""

    exercise: str
    sets: int
    reps: int | None = None
    seconds: int | None = None
    load: float | None = None
    unit: WeightUnit | None = None
    target_sets: int | None = None
    target_reps: int | None = None
    target_seconds: int | None = None
    target_load: float | None = None

    @property
    def has_targets(self) -> bool:
        """Whether this log was made against a prescription."""
        return self.target_sets is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class Session:
    """A logged session; `performed_at` is timezone-aware.

    `hard` and `working_sets` are fixed when the session is logged, so later
    program or catalog changes never rewrite history.
    """

    id: str
    performed_at: datetime
    hard: bool
    working_sets: int
    exercises: tuple[ExerciseLog, ...] = ()
    program_day: str | None = None
    duration_minutes: int | None = None
    rpe: float | None = None
    soreness: int | None = None
    pain: bool | None = None
    notes: str | None = None
    source: str = "action"


@dataclass(frozen=True, slots=True, kw_only=True)
class SorenessReport:
    """A soreness/pain check-in made outside a session."""

    reported_at: datetime
    level: int
    pain: bool = False


WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """A person's plan and options; weekdays are 0 (Monday) to 6 (Sunday)."""

    program: str
    training_days: frozenset[int]
    training_time: time
    sessions_per_week: int = 2
    min_rest_hours: int = 48
    weekly_set_target: int = 12
    first_weekday: int = 0
    weight_unit: WeightUnit = WeightUnit.KG
    program_start: date | None = None
    phase: int = 1
    phase_since: datetime | None = None
    phase_sessions: int = 4
    hard_run_day: int | None = None

    def __post_init__(self) -> None:
        """Reject settings the scheduler cannot work with."""
        if not self.training_days or not self.training_days <= set(range(7)):
            msg = "training_days must be a non-empty set of weekdays 0-6"
            raise ValueError(msg)
        if self.hard_run_day is not None and not 0 <= self.hard_run_day <= 6:  # noqa: PLR2004
            msg = "hard_run_day must be 0-6"
            raise ValueError(msg)
        if not 0 <= self.first_weekday <= 6:  # noqa: PLR2004
            msg = "first_weekday must be 0-6"
            raise ValueError(msg)
        if self.min_rest_hours <= 0 or self.sessions_per_week <= 0:
            msg = "min_rest_hours and sessions_per_week must be positive"
            raise ValueError(msg)


@dataclass(frozen=True, slots=True, kw_only=True)
class Skip:
    """A planned session the person chose not to do (it still counts for the streak)."""

    at: datetime
    reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Pause:
    """No plan and no reminders from `start` until training resumes on `until`."""

    start: datetime
    until: date


@dataclass(frozen=True, slots=True, kw_only=True)
class Controls:
    """What the person told the planner: skips, pauses and a snoozed reminder."""

    skips: tuple[Skip, ...] = ()
    pauses: tuple[Pause, ...] = ()
    snoozed_until: datetime | None = None


NO_CONTROLS = Controls()
"""No skips, pauses or snooze."""
