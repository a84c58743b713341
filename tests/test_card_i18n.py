"""The card's own texts: five languages with the same keys, none hard-coded.

The text table of `frontend/hamstring-coach-i18n.js` is strict JSON between
marker comments, read here as data. The card and charts modules are scanned
for English a person would read that bypasses the table: text between tags
and in labelling attributes of their HTML templates, and sentences or
capitalised words in their string literals. A small tokenizer splits the
JavaScript into code, comments, strings and templates (with their `${...}`
expressions, scanned in turn) so the scan looks at literals only.
"""

from __future__ import annotations

from dataclasses import dataclass
import json
from pathlib import Path
import re

import pytest

from custom_components.hamstring_coach.card import CARD_PATH, CHARTS_PATH, I18N_PATH

TRANSLATIONS = CARD_PATH.parent.parent / "translations"
LANGUAGES = {"en", "de", "nl", "fr", "es"}
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# A literal's text stands in for each `${...}` of a template.
HOLE = "\x00"
# Non-English-looking literals that are not texts: the product's name, an
# example exercise id, keys of KeyboardEvent.key and the console banner.
ALLOWED = {
    "Hamstring Coach",
    "romanian_deadlift",
    "Escape",
    "Enter",
    "%c HAMSTRING-COACH-CARD %c ",
}
# Keys whose text may equal the English one: symbols, units, abbreviations
# and words the language shares with English.
SAME_AS_ENGLISH = {
    "change.start",
    "detail.sets.one",
    "detail.sets.other",
    "dose.minutes",
    "dose.seconds",
    "logger.rpe_level",
    "progress.trend",
    "table.record",
    "table.week",
    "trend.point",
    "workout.plan",
}


def _table() -> dict[str, dict[str, str]]:
    """The TEXTS object of the i18n module, parsed as strict JSON."""
    source = I18N_PATH.read_text(encoding="utf-8")
    match = re.search(
        r"// TEXTS-BEGIN\nexport const TEXTS = (\{.*?\});\n// TEXTS-END",
        source,
        re.DOTALL,
    )
    assert match, "TEXTS-BEGIN/END markers around `export const TEXTS = {...};`"
    table: dict[str, dict[str, str]] = json.loads(match.group(1))
    return table


TABLE = _table()


def test_languages() -> None:
    """English and the four languages of translations/ are all there."""
    assert set(TABLE) == LANGUAGES
    on_disk = {p.stem for p in TRANSLATIONS.glob("*.json")}
    assert set(TABLE) == on_disk


@pytest.mark.parametrize("lang", sorted(LANGUAGES - {"en"}))
def test_same_keys_and_placeholders(lang: str) -> None:
    """Every language has exactly the English keys, each with its placeholders."""
    english = TABLE["en"]
    texts = TABLE[lang]
    assert sorted(set(english) - set(texts)) == [], "missing"
    assert sorted(set(texts) - set(english)) == [], "not in English"
    wrong = {
        key: (PLACEHOLDER.findall(english[key]), PLACEHOLDER.findall(text))
        for key, text in texts.items()
        if set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(english[key]))
    }
    assert wrong == {}


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_no_empty_or_untranslated_texts(lang: str) -> None:
    """No empty texts, no stray braces; other languages do not copy English."""
    texts = TABLE[lang]
    assert [k for k, v in texts.items() if not v.strip()] == []
    assert [k for k, v in texts.items() if PLACEHOLDER.sub("", v).count("{")] == []
    if lang != "en":
        copied = {k for k, v in texts.items() if v == TABLE["en"][k]}
        assert copied <= SAME_AS_ENGLISH, sorted(copied - SAME_AS_ENGLISH)


def test_plural_forms_complete() -> None:
    """A text with a `.one` form has an `.other` form, both with {count}."""
    for key, text in TABLE["en"].items():
        if key.endswith(".one"):
            other = key.removesuffix(".one") + ".other"
            assert other in TABLE["en"], other
            assert "{count}" in text
            assert "{count}" in TABLE["en"][other]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_status_names_match_the_sensor(lang: str) -> None:
    """The card's status names are the sensor's translated states."""
    states = json.loads((TRANSLATIONS / f"{lang}.json").read_text(encoding="utf-8"))[
        "entity"
    ]["sensor"]["training_status"]["state"]
    card = {
        key.removeprefix("status."): text
        for key, text in TABLE[lang].items()
        if key.startswith("status.")
    }
    assert card == states


# --- the scan for texts outside the table ---------------------------------


@dataclass(frozen=True, slots=True)
class Literal:
    """A string or template literal: its text (HOLE for each `${}`), and whether a template."""

    text: str
    template: bool
    before: str  # the code just before it, to know what it is assigned to


def _skip_string(src: str, i: int) -> tuple[str, int]:
    """The body of the '...' or "..." literal starting at i, and the index after it."""
    quote = src[i]
    j = i + 1
    out = []
    while src[j] != quote:
        if src[j] == "\\":
            out.append(src[j + 1])
            j += 2
            continue
        out.append(src[j])
        j += 1
    return "".join(out), j + 1


def _regex_allowed(code: str) -> bool:
    """Whether a `/` here starts a regular expression (not a division)."""
    stripped = code.rstrip()
    return (
        not stripped
        or stripped[-1] in "(,=:[!&|?{};+-*%<>~^"
        or (stripped.endswith("return"))
    )


def _skip_regex(src: str, i: int) -> int:
    j = i + 1
    in_class = False
    while True:
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "/" and not in_class:
            break
        j += 1
    j += 1
    while j < len(src) and src[j].isalpha():
        j += 1
    return j


def _scan_code(src: str, i: int, out: list[Literal], stop: str = "") -> int:
    """Collect literals from code at i until an unmatched `stop` brace."""
    depth = 0
    code_start = i
    while i < len(src):
        c = src[i]
        if src.startswith("//", i):
            i = src.find("\n", i) % (len(src) + 1)  # -1 (no newline): the end
        elif src.startswith("/*", i):
            i = src.index("*/", i) + 2
        elif c in "'\"":
            body, i = _skip_string(src, i)
            out.append(Literal(body, False, src[max(code_start, i - 200) : i]))
        elif c == "`":
            before = src[max(0, i - 40) : i]
            i = _scan_template(src, i + 1, out, before)
        elif c == "/" and _regex_allowed(src[max(0, i - 20) : i]):
            i = _skip_regex(src, i)
        elif c == "{":
            depth += 1
            i += 1
        elif c == "}":
            if depth == 0 and stop:
                return i + 1
            depth -= 1
            i += 1
        else:
            i += 1
    return i


def _scan_template(src: str, i: int, out: list[Literal], before: str) -> int:
    """Collect a template literal starting after its backtick; index after it."""
    text = []
    while src[i] != "`":
        if src[i] == "\\":
            text.append(src[i + 1])
            i += 2
        elif src.startswith("${", i):
            text.append(HOLE)
            i = _scan_code(src, i + 2, out, stop="}")
        else:
            text.append(src[i])
            i += 1
    out.append(Literal("".join(text), True, before))
    return i + 1


def literals(source: str) -> list[Literal]:
    """Every string and template literal of a JavaScript module."""
    out: list[Literal] = []
    _scan_code(source, 0, out)
    return out


# Two words; not class lists or ids such as "hc-values sets".
SENTENCE = re.compile(r"(?<![\w.-])[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}\b(?!-)")
CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")
WORD = re.compile(r"[A-Za-z]{2,}")
TAG = re.compile(r"<[^<>]*>")
LABELLING = re.compile(r"""\b(aria-label|title|placeholder|alt)="([^"]*)\"""")


def english_texts(source: str) -> list[str]:
    """Texts a person would read that are written into the module itself."""
    found = []
    for lit in literals(source):
        if lit.before.rstrip().endswith("STYLE =") or lit.text in ALLOWED:
            continue  # CSS, or an allowed name
        text = re.sub(r"<style>.*?</style>", "", lit.text, flags=re.DOTALL)
        if lit.template and "<" in text:
            for tag in TAG.findall(text):
                found += [
                    value
                    for _, value in LABELLING.findall(tag)
                    if WORD.search(value) and value not in ALLOWED
                ]
            found += [
                node.strip()
                for node in TAG.sub(HOLE, text).split(HOLE)
                if WORD.search(node)
            ]
            continue
        for piece in text.split(HOLE):
            if SENTENCE.search(piece) or CAPITALISED.fullmatch(piece.strip()):
                found.append(piece)
    return found


@pytest.mark.parametrize("path", [CARD_PATH, CHARTS_PATH], ids=lambda p: p.name)
def test_no_hard_coded_texts(path: Path) -> None:
    """The card and its charts take every text they show from the table."""
    assert english_texts(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("snippet", "found"),
    [
        ('const x = `<div class="label">This week</div>`;', ["This week"]),
        ("const x = `<b>${n}</b> weeks streak`;", ["weeks streak"]),
        ('const x = `<button aria-label="Close trend">x</button>`;', ["Close trend"]),
        (
            'el.title = `${a}<i title="${b} personal record"></i>`;',
            ["\x00 personal record"],
        ),
        ('const done = "Session skipped.";', ["Session skipped."]),
        ('const s = x ? "Session" : `${y}`;', ["Session"]),
        ("const s = 'the next workout';", ["the next workout"]),
        ("const s = `in ${m} min`;", []),  # a word, not a sentence: too short to tell
        (
            'const x = `<div class="a ${b ? "on" : ""}">${t(h, "k")}</div>`; // Not this',
            [],
        ),
        ("const STYLE = `.a { display: block; color: red }`;", []),
        ('const r = /[&<>"\']/g; const y = "mdi:check-circle";', []),
        ('const s = "Hamstring Coach"; const k = ev.key === "Escape";', []),
        (
            'q("home-assistant, hc-main"); f(w, "hc-values sets", ".logger .message");',
            [],
        ),
    ],
)
def test_scan_finds_texts(snippet: str, found: list[str]) -> None:
    """The scan flags written-in texts and leaves markup, code and CSS alone."""
    assert english_texts(snippet) == found


def test_scan_finds_the_old_card() -> None:
    """Put back one English label in the real card and the scan finds it."""
    source = CARD_PATH.read_text(encoding="utf-8")
    label = '${th(hass, "week.title")}'
    assert label in source
    assert english_texts(source.replace(label, "This week", 1)) == ["This week"]
