"""Progression (R4): the next dose of each exercise from its last two logs.

Articles 000 and 001: once every set of an exercise reached its target with
good form and the person was not very sore the next day, add a little work,
2-4 total reps or one set on one or two key movements; raise the load on
compound lifts by a small step every week or two; never jump ahead.

Here a rule is data on the prescription (`ProgressionRule`). The last log of
an exercise carries the targets it was done against; the decision is one of
start, increase (one step of the first rule that applies), hold or step back
(after two missed sessions in a row). The single steps live in steps.py.

Worked example (Romanian deadlift, 3 x 8-10, compound): logged 3 x 8 at
60 kg against a target of 3 x 8 with RPE 7 -> 3 x 9 at 60 kg ("+3 reps in
total"); at 3 x 10 -> 3 x 8 at 62.5 kg, if the load last rose a week or more
ago; a miss -> hold; a second miss in a row -> one step back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from .catalog import EXERCISES
from .models import (
    HIGH_SORENESS,
    MAX_PROGRESSION_RPE,
    Exercise,
    ExerciseLog,
    Prescription,
    ProgressionRule,
    Target,
    WeightUnit,
)
from .steps import (
    BAND_STEP,
    LOAD_STEP,
    MAX_SESSION_SETS,
    MAX_SET_INCREASES,
    SECONDS_STEP,
    Change,
    Dose,
    History,
    Room,
    apply_rule,
)
from .wording import Reason

__all__ = [
    "LOAD_STEP",
    "MAX_SESSION_SETS",
    "MAX_SET_INCREASES",
    "SECONDS_STEP",
    "Change",
    "Dose",
    "History",
    "Room",
    "baseline",
    "default_rules",
    "next_dose",
    "plan_doses",
    "reached",
    "start_dose",
]


def default_rules(
    exercise: Exercise, item: Prescription
) -> tuple[ProgressionRule, ...]:
    """The catalog default: reps (or seconds) first, then load or a set.

    >>> from .catalog import EXERCISES
    >>> from .models import Span
    >>> rdl = Prescription(exercise="romanian_deadlift", sets=Span(low=3, high=3),
    ...                    reps=Span(low=8, high=10))
    >>> [r.target.value for r in default_rules(EXERCISES["romanian_deadlift"], rdl)]
    ['reps', 'load', 'sets']
    >>> [r.target.value for r in default_rules(EXERCISES["seated_leg_curl"], rdl)]
    ['reps', 'load', 'sets']
    """
    if not exercise.working:
        return ()
    if item.seconds is not None:
        return (
            ProgressionRule(target=Target.SECONDS, step=SECONDS_STEP),
            ProgressionRule(target=Target.SETS, at_top=True),
        )
    rules = [ProgressionRule(target=Target.REPS)]
    step = _load_step(exercise)
    if step:
        rules.append(
            ProgressionRule(target=Target.LOAD, step=step, at_top=True, min_days=7)
        )
    rules.append(ProgressionRule(target=Target.SETS, at_top=True))
    return tuple(rules)


def _load_step(exercise: Exercise) -> float:
    """Load steps per rise: whole for compound lifts, smaller for isolation, bands."""
    if exercise.band:
        return BAND_STEP
    if not exercise.loadable:
        return 0
    return 1 if exercise.compound else exercise.load_step


def start_dose(item: Prescription, unit: WeightUnit) -> Dose:
    """The low end of every range, before anything was logged."""
    return Dose(
        prescription=item,
        sets=item.sets.low,
        reps=None if item.reps is None else item.reps.low,
        seconds=None if item.seconds is None else item.seconds.low,
        unit=unit if EXERCISES[item.exercise].loadable else None,
        why=Reason("start"),
    )


def _clamp(value: int | None, low: int, high: int) -> int | None:
    return None if value is None else min(max(value, low), high)


def baseline(item: Prescription, log: ExerciseLog, unit: WeightUnit) -> Dose:
    """The dose the last log was done against (its targets, else what was done)."""
    sets = log.target_sets if log.target_sets is not None else log.sets
    reps = log.target_reps if log.has_targets else log.reps
    seconds = log.target_seconds if log.has_targets else log.seconds
    # A logged load counts even when the target had none (the first loaded log).
    load = log.target_load if log.target_load is not None else log.load
    return Dose(
        prescription=item,
        sets=_clamp(sets, item.sets.low, item.sets.high) or item.sets.low,
        reps=None
        if item.reps is None
        else _clamp(reps or item.reps.low, item.reps.low, item.reps.high),
        seconds=(
            None
            if item.seconds is None
            else _clamp(
                seconds or item.seconds.low, item.seconds.low, item.seconds.high
            )
        ),
        load=load,
        unit=(log.unit or unit)
        if load is not None
        else (unit if EXERCISES[item.exercise].loadable else None),
    )


def reached(log: ExerciseLog) -> bool:
    """Whether every logged set met its targets (a log without targets counts as met)."""
    if not log.has_targets:
        return True
    checks = (
        (log.sets, log.target_sets),
        (log.reps, log.target_reps),
        (log.seconds, log.target_seconds),
        (log.load, log.target_load),
    )
    return all(
        target is None or (done is not None and done >= target)
        for done, target in checks
    )


def _describe_increase(before: Dose, after: Dose, rpe: str | None) -> Reason:
    if after.load != before.load and after.load is not None:
        load = f"{after.load - (before.load or 0):g}"
        return Reason("increase_load", (("load", load), ("unit", str(after.unit))), rpe)
    if after.sets != before.sets:
        return Reason("increase_set", (), rpe)
    if (after.reps or 0) < (before.reps or 0):
        return Reason("next_band", (("reps", after.reps or 0),), rpe)
    if after.reps != before.reps and after.reps is not None and before.reps is not None:
        total = (after.reps - before.reps) * before.sets
        done = (("total", total), ("sets", before.sets), ("reps", before.reps))
        return Reason("increase_reps", done, rpe)
    seconds = (after.seconds or 0) - (before.seconds or 0)
    held = (("seconds", seconds), ("held", before.seconds or 0))
    return Reason("increase_seconds", held, rpe)


def _step_back(dose: Dose) -> Dose:
    """One step down: reps, then seconds, then load, then a set."""
    item = dose.prescription
    if item.reps is not None and dose.reps is not None and dose.reps > item.reps.low:
        return replace(dose, reps=dose.reps - 1)
    if (
        item.seconds is not None
        and dose.seconds is not None
        and dose.seconds > item.seconds.low
    ):
        return replace(dose, seconds=max(dose.seconds - SECONDS_STEP, item.seconds.low))
    if (
        dose.load is not None
        and dose.unit is not None
        and dose.load >= LOAD_STEP[dose.unit]
    ):
        return replace(dose, load=dose.load - LOAD_STEP[dose.unit])
    if dose.sets > item.sets.low:
        return replace(dose, sets=dose.sets - 1)
    return dose


def next_dose(
    item: Prescription,
    history: History,
    *,
    soreness_after: int | None,
    pain_after: bool,
    now: datetime,
    unit: WeightUnit,
    room: Room,
) -> Dose:
    """Decide the next dose of one exercise (one step at a time, at most).

    `soreness_after`/`pain_after` are what the person reported after the
    last session of this exercise (the "next day" check of article 000).
    """
    if history.last is None:
        return start_dose(item, unit)
    session, log = history.last
    dose = baseline(item, log, unit)
    rules = (
        item.progression
        if item.progression is not None
        else default_rules(EXERCISES[item.exercise], item)
    )
    if item.progression is None and not EXERCISES[item.exercise].working:
        # Warm-ups, cool-downs and mobility are done as prescribed, pain or not.
        return replace(
            start_dose(item, unit), change=Change.HOLD, why=Reason("as_prescribed")
        )
    if not reached(log):
        if history.previous is not None and not reached(history.previous[1]):
            back = _step_back(dose)
            return replace(
                back,
                change=Change.STEP_BACK,
                why=Reason("missed_twice"),
            )
        return replace(dose, change=Change.HOLD, why=Reason("missed"))
    if pain_after or bool(session.pain):
        # Article 003: scale back after pain, do not just repeat the dose.
        back = _step_back(dose)
        return replace(back, change=Change.STEP_BACK, why=Reason("pain"))
    if session.rpe is not None and session.rpe > MAX_PROGRESSION_RPE:
        return replace(
            dose,
            change=Change.HOLD,
            why=Reason(
                "rpe_high",
                (("rpe", f"{session.rpe:g}"), ("max_rpe", f"{MAX_PROGRESSION_RPE:g}")),
            ),
        )
    if soreness_after is not None and soreness_after >= HIGH_SORENESS:
        return replace(
            dose,
            change=Change.HOLD,
            why=Reason("sore", (("soreness", soreness_after),)),
        )
    rpe = None if session.rpe is None else f"{session.rpe:g}"
    for rule in rules:
        step = apply_rule(rule, dose, history, now, room)
        if step.hold is not None:
            return replace(dose, change=Change.HOLD, why=step.hold)
        if step.dose is not None:
            return replace(
                step.dose,
                change=Change.INCREASE,
                why=_describe_increase(dose, step.dose, rpe),
            )
    return replace(dose, change=Change.HOLD, why=Reason("top"))


def _room(
    items: Sequence[Prescription], histories: Sequence[History], unit: WeightUnit
) -> Room:
    """What the day may still gain (R3): 10 working sets, two key movements."""
    extra = total = 0
    for item, history in zip(items, histories, strict=True):
        if not EXERCISES[item.exercise].working:
            continue
        sets = (
            item.sets.low
            if history.last is None
            else baseline(item, history.last[1], unit).sets
        )
        total += sets
        extra += int(sets > item.sets.low)
    return Room(extra_sets=MAX_SET_INCREASES - extra, sets=MAX_SESSION_SETS - total)


def plan_doses(
    items: Sequence[Prescription],
    histories: Sequence[History],
    *,
    soreness_after: Sequence[int | None],
    pain_after: Sequence[bool],
    now: datetime,
    unit: WeightUnit,
    progress: bool = True,
) -> tuple[Dose, ...]:
    """Doses for a whole day, in order (R3, R4).

    Extra sets go to at most two key movements of the day in total (those
    already above the low end count), and never take the day past 10
    working sets; a day written with more (000's Day 1: 11) keeps its sets.
    With `progress` False (light and recovery days) every dose repeats the
    baseline of its last log without increases.
    """
    doses: list[Dose] = []
    room = _room(items, histories, unit)
    for item, history, sore, pain in zip(
        items, histories, soreness_after, pain_after, strict=True
    ):
        last = history.last
        if not progress:
            dose = (
                start_dose(item, unit)
                if last is None
                else baseline(item, last[1], unit)
            )
            doses.append(replace(dose, change=Change.HOLD, why=Reason("light_day")))
            continue
        dose = next_dose(
            item,
            history,
            soreness_after=sore,
            pain_after=pain,
            now=now,
            unit=unit,
            room=room,
        )
        if dose.change is Change.INCREASE and last is not None:
            before = baseline(item, last[1], unit).sets
            if dose.sets > before:
                room = Room(
                    extra_sets=room.extra_sets - int(before == item.sets.low),
                    sets=room.sets - (dose.sets - before),
                )
        doses.append(dose)
    return tuple(doses)
