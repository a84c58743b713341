"""One step of a progression rule (R3, R4): reps, seconds, load, the next band, a set.

The decision around it (hold, step back, which rule) is in progression.py;
these are the doses and the single steps it chooses from. Load steps are
small (000: a small increase every week or two), at most one a week;
isolation work takes half a step and band work the next band (001, 002);
a set goes to at most two key movements and never past 10 working sets a
session (000, 001).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
import math

from .catalog import EXERCISES
from .models import (
    ExerciseLog,
    Prescription,
    ProgressionRule,
    Session,
    Target,
    WeightUnit,
)
from .wording import Reason

LOAD_STEP = {WeightUnit.KG: 2.5, WeightUnit.LB: 5.0}
"""The small load step for compound lifts (article 000: small increases)."""

SECONDS_STEP = 5
"""Seconds added to a held position per step."""

MAX_SET_INCREASES = 2
"""Article 000: an extra set goes to one or two key movements, not all."""

MAX_SESSION_SETS = 10
"""Article 001: up to 10 working sets a session; progression never goes past it."""

BAND_STEP = 2
"""The next band, in load steps (about 5 kg / 10 lb; 001 rates bands in pounds)."""


START = Reason("start")
"""The reason of a dose before anything was logged."""


class Change(StrEnum):
    """What happened to an exercise's dose."""

    START = "start"
    INCREASE = "increase"
    HOLD = "hold"
    STEP_BACK = "step_back"


@dataclass(frozen=True, slots=True, kw_only=True)
class Dose:
    """A concrete target for one exercise of the next workout."""

    prescription: Prescription
    sets: int
    reps: int | None = None
    seconds: int | None = None
    load: float | None = None
    unit: WeightUnit | None = None
    change: Change = Change.START
    why: Reason = START

    @property
    def reason(self) -> str:
        """Why the dose is what it is, in English."""
        return self.why.english()

    def as_log(self) -> ExerciseLog:
        """The dose logged exactly as prescribed, with its targets."""
        return ExerciseLog(
            exercise=self.prescription.exercise,
            sets=self.sets,
            reps=self.reps,
            seconds=self.seconds,
            load=self.load,
            unit=self.unit if self.load is not None else None,
            target_sets=self.sets,
            target_reps=self.reps,
            target_seconds=self.seconds,
            target_load=self.load,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class History:
    """The last two logs of one exercise with their sessions, newest first."""

    last: tuple[Session, ExerciseLog] | None = None
    previous: tuple[Session, ExerciseLog] | None = None


def _at_top(dose: Dose) -> bool:
    item = dose.prescription
    if item.reps is not None:
        return dose.reps == item.reps.high
    return item.seconds is not None and dose.seconds == item.seconds.high


def _load_rose_at(history: History) -> datetime | None:
    """When the load last went up, if that was the last log."""
    if history.last is None or history.previous is None:
        return None
    (session, log), (_, before) = history.last, history.previous
    now_load = log.target_load if log.target_load is not None else log.load
    then_load = before.target_load if before.target_load is not None else before.load
    if now_load is not None and then_load is not None and now_load > then_load:
        return session.performed_at
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """The outcome of one rule: a new dose, a hold, or None (try the next rule)."""

    dose: Dose | None = None
    hold: Reason | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Room:
    """What a session may still gain: key movements with an extra set, sets."""

    extra_sets: int = MAX_SET_INCREASES
    sets: int = MAX_SESSION_SETS


def _band_step(dose: Dose) -> Step:
    """The next band when no band rating was logged: reps back to the low end."""
    item = dose.prescription
    if item.reps is None or not EXERCISES[item.exercise].band:
        return Step()
    return Step(dose=replace(dose, reps=item.reps.low))


def _load_rise(
    rule: ProgressionRule, dose: Dose, history: History, now: datetime
) -> Step:
    if dose.load is None or dose.unit is None:
        return _band_step(dose)
    rose = _load_rose_at(history)
    # Started days, so the same weekday a week later counts as 7 days.
    days = None if rose is None else math.ceil((now - rose) / timedelta(days=1))
    if days is not None and days < rule.min_days:
        return Step(
            hold=Reason("load_recent", (("days", days), ("min_days", rule.min_days)))
        )
    step = LOAD_STEP[dose.unit] * rule.step
    low = None if dose.prescription.reps is None else dose.prescription.reps.low
    return Step(
        dose=replace(
            dose, load=dose.load + step, reps=low if low is not None else dose.reps
        )
    )


def _set_rise(rule: ProgressionRule, dose: Dose, room: Room) -> Step:
    item = dose.prescription
    if room.extra_sets <= 0 and dose.sets == item.sets.low:
        return Step(hold=Reason("sets_spread", (("count", MAX_SET_INCREASES),)))
    if room.sets < rule.step:
        return Step(hold=Reason("session_full", (("count", MAX_SESSION_SETS),)))
    return Step(
        dose=replace(
            dose,
            sets=min(dose.sets + int(rule.step), item.sets.high),
            reps=None if item.reps is None else item.reps.low,
        )
    )


def apply_rule(
    rule: ProgressionRule, dose: Dose, history: History, now: datetime, room: Room
) -> Step:
    """One step of `rule`: a new dose, a hold with its reason, or neither (next rule)."""
    item = dose.prescription
    if rule.at_top and not _at_top(dose):
        return Step()
    if rule.target is Target.REPS and item.reps is not None and dose.reps is not None:
        if dose.reps >= item.reps.high:
            return Step()
        return Step(
            dose=replace(dose, reps=min(dose.reps + int(rule.step), item.reps.high))
        )
    if (
        rule.target is Target.SECONDS
        and item.seconds is not None
        and dose.seconds is not None
    ):
        if dose.seconds >= item.seconds.high:
            return Step()
        return Step(
            dose=replace(
                dose, seconds=min(dose.seconds + int(rule.step), item.seconds.high)
            )
        )
    if rule.target is Target.LOAD:
        return _load_rise(rule, dose, history, now)
    if rule.target is Target.SETS and dose.sets < item.sets.high:
        return _set_rise(rule, dose, room)
    return Step()
