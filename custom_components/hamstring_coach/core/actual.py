"""What was actually done of one exercise, read from a short text.

People type it into a to-do item's description on a phone, so the grammar is
forgiving: `sets x reps|seconds [per leg] [@|at] [load [kg|lb]]`, with `x`,
the times sign or `*`, a decimal point or comma, and `s`/`sec` after a held dose. One
word says the exercise was skipped, another that it went as planned.

>>> from .models import Prescription, Span, WeightUnit
>>> from .progression import start_dose
>>> rdl = start_dose(Prescription(exercise="romanian_deadlift",
...     sets=Span(low=3, high=3), reps=Span(low=8, high=10)), WeightUnit.KG)
>>> log = parse_actual("3x6 @ 60 kg", rdl)
>>> (log.sets, log.reps, log.load, str(log.unit))
(3, 6, 60.0, 'kg')
>>> parse_actual("skipped", rdl) is None
True
"""

from __future__ import annotations

from dataclasses import replace
import re

from .catalog import EXERCISES
from .models import ExerciseLog, Measure, WeightUnit
from .progression import Dose
from .sessions import CoachError, check_exercises

SKIPPED = frozenset({"skip", "skipped", "missed", "not done", "none", "0", "-", "—"})
"""Texts that mean the exercise was not done at all (it is left out of the log)."""

AS_PLANNED = frozenset({"", "as planned", "planned", "done", "ok", "✓", "✔"})
"""Texts that mean the exercise was done exactly as prescribed."""

_PATTERN = re.compile(
    r"""^(?P<sets>\d+)\s*[x\u00d7*]\s*(?P<dose>\d+)\s*(?P<secs>s|sec|secs|seconds)?
    \s*(?:(?:/|per)\s*leg)?\s*(?:(?:@|at)?\s*(?P<load>\d+(?:[.,]\d+)?)
    \s*(?P<unit>kg|kgs|lb|lbs)?)?\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
_UNITS = {"kg": WeightUnit.KG, "kgs": WeightUnit.KG, "lb": WeightUnit.LB}
_UNITS["lbs"] = WeightUnit.LB


def parse_actual(text: str, dose: Dose) -> ExerciseLog | None:
    """The log of what was done against `dose`; None when it was skipped.

    Raises `CoachError("actual_unreadable")` for text it cannot read, and the
    checks of `check_exercises` (measure, load, ranges) for what it read.
    """
    clean = " ".join(text.strip().lower().split())
    if clean in SKIPPED:
        return None
    if clean in AS_PLANNED:
        return dose.as_log()
    match = _PATTERN.match(clean)
    exercise = dose.prescription.exercise
    if match is None:
        raise CoachError("actual_unreadable", text=text.strip(), exercise=exercise)
    held = EXERCISES[exercise].measure is Measure.SECONDS
    if match["secs"] and not held:
        raise CoachError("wrong_measure", exercise=exercise, measure=str(Measure.REPS))
    amount = int(match["dose"])
    load = None if match["load"] is None else float(match["load"].replace(",", "."))
    unit = _UNITS[match["unit"].lower()] if match["unit"] else dose.unit
    log = replace(
        dose.as_log(),
        sets=int(match["sets"]),
        reps=None if held else amount,
        seconds=amount if held else None,
        load=dose.load if load is None else load,
        unit=None if (dose.load if load is None else load) is None else unit,
    )
    check_exercises([log])
    return log
