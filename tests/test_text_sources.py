"""Every produced text has one source per language: the translation files.

The English in strings.json equals the core's own English (its fallback),
every catalog exercise, program day, prescription note, progression reason
and dose pattern has a key, and no module outside the core writes a text a
person reads past the translations (an AST scan that can fail: see the
test of the scan itself).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
import json
from pathlib import Path
import re
import string
from typing import Any

import pytest

from custom_components.hamstring_coach.core.catalog import EXERCISES
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.core.wording import DOSE, REASONS, note_key

PACKAGE = Path(__file__).parent.parent / "custom_components" / "hamstring_coach"
STRINGS: dict[str, Any] = json.loads((PACKAGE / "strings.json").read_text("utf-8"))
SELECTOR = STRINGS["selector"]

VOICE_MODULES = frozenset({"speech.py", "voice.py", "intent.py"})
"""Voice answers and slot descriptions for language models, checked by the
voice corpus tests, not by this scan."""

INTERCHANGE = frozenset({"transfer.py"})
"""Export and import files name days as the other apps read them (English)."""


def _options(group: str) -> dict[str, str]:
    options: dict[str, str] = SELECTOR[group]["options"]
    return options


def _notes() -> dict[str, str]:
    return {
        note_key(item.note): item.note
        for program in PROGRAMS.values()
        for day in program.days
        for item in day.exercises
        if item.note
    }


def test_every_exercise_has_its_name() -> None:
    """The catalog's exercises and their English names, key for key."""
    assert _options("exercise") == {e.id: e.name for e in EXERCISES.values()}


def test_every_program_day_and_program_has_its_name() -> None:
    """Day names are the next_workout states; program names the flows' options."""
    days = STRINGS["entity"]["sensor"]["next_workout"]["state"]
    for program in PROGRAMS.values():
        assert _options("program")[program.id] == program.name
        for day in program.days:
            assert days[day.id] == day.name, day.id


def test_every_note_has_one_key() -> None:
    """Each distinct note gets its own key, and strings.json has exactly those."""
    texts = {
        item.note
        for program in PROGRAMS.values()
        for day in program.days
        for item in day.exercises
        if item.note
    }
    assert len(_notes()) == len(texts)
    assert _options("exercise_note") == _notes()


def test_reasons_and_dose_patterns_equal_the_core() -> None:
    """The core's English fallback is the English translation."""
    assert _options("progression") == dict(REASONS)
    assert _options("dose") == dict(DOSE)


@pytest.mark.parametrize("group", ["exercise_note", "progression", "dose"])
def test_keys_are_translation_keys(group: str) -> None:
    """Lower snake case without doubled or edge separators (hassfest's rule)."""
    valid = re.compile(r"^(?!.+[_-]{2})(?![_-])[a-z0-9-_]+(?<![_-])$")
    assert all(valid.match(key) for key in _options(group))


def test_placeholders_are_fields() -> None:
    """Patterns use named fields only, so any language can reorder them."""
    for group in ("progression", "dose"):
        for text in _options(group).values():
            fields = [f for _, f, _, _ in string.Formatter().parse(text) if f]
            assert all(f.isidentifier() for f in fields), text


# --- the scan ------------------------------------------------------------------

TEXT_KEYWORDS = frozenset({"summary", "description", "title", "message"})
"""Keyword arguments whose value a person reads (calendar, to-do, notify)."""
TEXT_KEYS = frozenset(
    {"name", "note", "progression", "guidance", "summary", "description", "reason"}
)
"""JSON keys of attributes and responses whose value a person reads."""
ERRORS = frozenset(
    {"HomeAssistantError", "ServiceValidationError", "ConfigEntryNotReady"}
)
NAMED = frozenset({"day", "exercise", "program", "known", "spec"})
"""Names of variables that hold a program day, an exercise or a program."""
_WORDS = re.compile(r"[A-Za-z]{2,}")


def _has_words(node: ast.AST) -> bool:
    """A string literal (or an f-string's literal part) with words in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(part) for part in node.values)
    return False


def _english_name(node: ast.AST) -> bool:
    """`day.name`, `workout.day.name`, `EXERCISES[x].name`: the core's English."""
    if not isinstance(node, ast.Attribute) or node.attr != "name":
        return False
    owner = node.value
    if isinstance(owner, ast.Subscript):
        return isinstance(owner.value, ast.Name) and owner.value.id == "EXERCISES"
    if isinstance(owner, ast.Attribute):
        return owner.attr in NAMED
    return isinstance(owner, ast.Name) and owner.id in NAMED


def _call_findings(node: ast.Call) -> Iterator[str]:
    for keyword in node.keywords:
        if keyword.arg in TEXT_KEYWORDS and _has_words(keyword.value):
            yield f"{keyword.arg}= written in English"
    func = node.func
    called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    if called in ERRORS and all(k.arg != "translation_key" for k in node.keywords):
        yield f"{called} without translation_key"


def untranslated(source: str) -> list[tuple[int, str]]:
    """Lines of `source` that write a text a person reads past the translations."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            found += [(node.lineno, why) for why in _call_findings(node)]
        elif isinstance(node, ast.Dict):
            found += [
                (node.lineno, f"{key.value!r} written in English")
                for key, value in zip(node.keys, node.values, strict=True)
                if isinstance(key, ast.Constant)
                and key.value in TEXT_KEYS
                and _has_words(value)
            ]
        elif _english_name(node):
            found.append((getattr(node, "lineno", 0), "English name from the core"))
    return sorted(found)


def test_scan_finds_each_kind_of_bypass() -> None:
    """The scan reports literals, English names and untranslated errors."""
    source = """
CalendarEvent(summary=f"{day.name} (done)", description="Hamstring session")
attrs = {"name": EXERCISES[item.exercise].name, "note": "Hold it", "sets": 3}
raise ServiceValidationError("bad input")
ok = {"name": day_name(day, words), "id": "x"}
raise ServiceValidationError(translation_domain=DOMAIN, translation_key="bad")
"""
    assert untranslated(source) == [
        (2, "English name from the core"),
        (2, "description= written in English"),
        (2, "summary= written in English"),
        (3, "'note' written in English"),
        (3, "English name from the core"),
        (4, "ServiceValidationError without translation_key"),
    ]


@pytest.mark.parametrize(
    "module",
    sorted(
        path.name
        for path in PACKAGE.glob("*.py")
        if path.name not in VOICE_MODULES | INTERCHANGE
    ),
)
def test_no_text_bypasses_the_translations(module: str) -> None:
    """Modules outside the core write texts only through the translations."""
    assert untranslated((PACKAGE / module).read_text("utf-8")) == []
