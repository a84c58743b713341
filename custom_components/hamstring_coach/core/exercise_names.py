"""Exercise names from other apps mapped to catalog ids.

Names map through the catalog names and common app names (Strong, Hevy);
parenthesised equipment (``(Barbell)``) is dropped as a fallback.
"""

from __future__ import annotations

from collections.abc import Mapping
import re

from .catalog import EXERCISES

_ALIASES: Mapping[str, str] = {
    "deadlift": "conventional_deadlift",
    "deadlift (barbell)": "conventional_deadlift",
    "barbell deadlift": "conventional_deadlift",
    "rdl": "romanian_deadlift",
    "barbell romanian deadlift": "romanian_deadlift",
    "dumbbell romanian deadlift": "romanian_deadlift",
    "romanian deadlift (barbell)": "romanian_deadlift",
    "romanian deadlift (dumbbell)": "romanian_deadlift",
    "single leg rdl": "single_leg_romanian_deadlift",
    "single leg deadlift": "single_leg_romanian_deadlift",
    "single leg romanian deadlift (dumbbell)": "single_leg_romanian_deadlift",
    "hip thrust (barbell)": "hip_thrust",
    "barbell hip thrust": "hip_thrust",
    "glute bridge (barbell)": "glute_bridge",
    "barbell glute bridge": "glute_bridge",
    "single leg bridge": "single_leg_glute_bridge",
    "good morning (barbell)": "good_morning",
    "barbell good morning": "good_morning",
    "kettlebell swing": "kettlebell_swing",
    "kettlebell swings": "kettlebell_swing",
    "kb swing": "kettlebell_swing",
    "russian kettlebell swing": "kettlebell_swing",
    "nordic curl": "nordic_curl",
    "nordic hamstring curl": "nordic_curl",
    "nordic hamstring curls": "nordic_curl",
    "nordic hamstrings curls": "nordic_curl",
    "nordics": "nordic_curl",
    "lying leg curl (machine)": "lying_leg_curl",
    "seated leg curl (machine)": "seated_leg_curl",
    "slider leg curl": "eccentric_slider_curl",
    "sliding leg curl": "eccentric_slider_curl",
    "swiss ball leg curl": "stability_ball_leg_curl",
    "swiss ball hamstring curl": "stability_ball_leg_curl",
    "stability ball hamstring curl": "stability_ball_leg_curl",
    "foam roll": "foam_rolling",
    "foam roller": "foam_rolling",
    "lunges": "lunge",
}
"""App names (Strong, Hevy) and common spellings, in `_name_key` form."""


def _name_key(name: str) -> str:
    """Case-, hyphen- and space-insensitive form of an exercise name."""
    return " ".join(name.casefold().replace("-", " ").replace("_", " ").split())


def _name_table() -> dict[str, str]:
    table = {_name_key(k): v for k, v in _ALIASES.items()}
    for item in EXERCISES.values():
        table[_name_key(item.id)] = item.id
        table[_name_key(item.name)] = item.id
    return table


_NAMES: Mapping[str, str] = _name_table()
_EQUIPMENT = re.compile(r"\([^)]*\)")


def exercise_id_for(name: str) -> str | None:
    """The catalog id of an exercise name from another app, if known.

    >>> exercise_id_for("Romanian Deadlift (Barbell)")
    'romanian_deadlift'
    >>> exercise_id_for("Hip Thrust (Smith Machine)"), exercise_id_for("Plank")
    ('hip_thrust', None)
    """
    key = _name_key(name)
    found = _NAMES.get(key)
    if found is None:
        found = _NAMES.get(_name_key(_EQUIPMENT.sub(" ", key)))
    return found
