"""Words of the texts the coach produces, by id, so any language can supply them.

The core names every text by a group and a key (an exercise id, a program-day
id, a progression reason, a dose pattern) and passes the values separately.
A `Wording` turns a key into words; `ENGLISH` answers with the catalog's own
English, which is also the fallback when a language lacks a key. The
integration reads the translated words from its translation files
(`selector.<group>.options.<key>`); a test keeps the English there equal to
the templates here.

>>> ENGLISH.word("dose", "log_reps", DOSE["log_reps"]).format(sets=3, reps=10)
'3 x 10 reps'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import re
from types import MappingProxyType
from typing import Protocol

type ReasonValue = str | int | float


class Wording(Protocol):
    """Words for a group and key; `english` when the language has none."""

    def word(self, group: str, key: str, english: str) -> str:
        """The text of `group`/`key` (a template where it has placeholders)."""
        ...


class _English:
    """The core's own English words."""

    def word(self, group: str, key: str, english: str) -> str:
        """Always the English given."""
        del group, key
        return english


ENGLISH: Wording = _English()


def fill(template: str, fallback: str, values: Mapping[str, ReasonValue]) -> str:
    """`template` with `values`; the English `fallback` if the template is broken.

    >>> fill("{a} x {b}", "{a} x {b}", {"a": 3, "b": 5})
    '3 x 5'
    >>> fill("{a} x {c}", "{a} x {b}", {"a": 3, "b": 5})
    '3 x 5'
    """
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return fallback.format(**values)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a dose is what it is: a key of `REASONS` and its values.

    >>> Reason("rpe_high", (("rpe", "9"), ("max_rpe", "8"))).english()
    'RPE 9 is above 8: hold'
    """

    key: str
    values: tuple[tuple[str, ReasonValue], ...] = ()
    rpe: str | None = None
    """The effort of the last session, said after an increase."""

    def text(self, wording: Wording = ENGLISH) -> str:
        """The reason in `wording`'s language."""
        english = REASONS[self.key]
        values = dict(self.values)
        text = fill(wording.word("progression", self.key, english), english, values)
        if self.rpe is None:
            return text
        with_rpe = REASONS["with_effort"]
        template = wording.word("progression", "with_effort", with_rpe)
        return fill(template, with_rpe, {"reason": text, "rpe": self.rpe})

    def english(self) -> str:
        """The reason in English."""
        return self.text(ENGLISH)


REASONS: Mapping[str, str] = MappingProxyType(
    {
        "start": "start at the low end of the range",
        "as_prescribed": "as prescribed",
        "light_day": "light day: no progression",
        "missed": "target not reached last time: hold",
        "missed_twice": "missed the target twice in a row: one step back",
        "pain": "pain reported: one step back",
        "rpe_high": "RPE {rpe} is above {max_rpe}: hold",
        "sore": "soreness {soreness} after the session: hold",
        "top": "top of the prescription: hold",
        "load_recent": "load rose {days} days ago; next step after {min_days}",
        "sets_spread": "an extra set already went to {count} key movements",
        "session_full": "the session is at {count} working sets or more: hold",
        "increase_load": "+{load} {unit}: all sets reached the top of the range",
        "increase_set": "+1 set: all sets reached the top of the range",
        "next_band": "next (heavier) band, back to {reps} reps",
        "increase_reps": (
            "+{total} reps in total (1 per set): all {sets} sets reached {reps}"
        ),
        "increase_seconds": "+{seconds} s per hold: all sets held {held} s",
        "with_effort": "{reason} at RPE {rpe}",
    }
)
"""English progression reasons (`selector.progression` in the translations)."""

DOSE: Mapping[str, str] = MappingProxyType(
    {
        "sets_reps": "{sets} x {reps}",
        "sets_seconds": "{sets} x {seconds} s",
        "sets_minutes": "{sets} x {minutes} min",
        "per_leg": "{dose} per leg",
        "log_reps": "{sets} x {reps} reps",
        "log_seconds": "{sets} x {seconds} s",
        "log_minutes": "{sets} x {minutes} min",
        "with_load": "{dose} at {load} {unit}",
        "line": "{exercise}: {dose}",
        "todo": "{dose} ({prescription}). {progression}",
        "done": "{day} (done)",
        "session": "Hamstring session",
    }
)
"""English patterns of doses and session texts (`selector.dose`)."""


def note_key(note: str) -> str:
    """The key of a prescription note: its English words in snake case.

    >>> note_key("Pause for a second at the top.")
    'pause_for_a_second_at_the_top'
    """
    words = re.findall(r"[a-z0-9]+", note.lower())
    return "_".join(words)[:60].rstrip("_")
