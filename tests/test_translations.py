"""Every translation file mirrors strings.json, and Home Assistant serves it.

The shipped languages each carry exactly the keys of `strings.json`, with
the same `{placeholders}` in every text, no empty texts and no `[%key:…%]`
references (Home Assistant resolves those only when it builds its own
translations; a custom integration's files are read as they are). A real
Home Assistant then loads every file and, set to German, names the
entities and writes the watch line in German.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
import json
from pathlib import Path
import string
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.translation import async_get_translations
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.const import DOMAIN

PACKAGE = Path(__file__).parents[1] / "custom_components" / DOMAIN
TRANSLATIONS = PACKAGE / "translations"
LANGUAGES = sorted(p.stem for p in TRANSLATIONS.glob("*.json"))
OTHERS = [language for language in LANGUAGES if language != "en"]
SHIPPED = {"en", "de", "nl", "fr", "es"}
# A text of this many words that equals the English one was left untranslated
# (shorter ones may agree: "Coach", "RPE", "Phase 1", "{weekday} {clock}").
WORDS_OF_A_SENTENCE = 5


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _strings() -> dict[str, Any]:
    strings: dict[str, Any] = _json(PACKAGE / "strings.json")
    return strings


def _language(language: str) -> dict[str, Any]:
    texts: dict[str, Any] = _json(TRANSLATIONS / f"{language}.json")
    return texts


def flatten(tree: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted key, value) of every leaf; an empty object is a leaf too."""
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, Mapping) and value:
            yield from flatten(value, path)
        else:
            yield path, value


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a text; unbalanced braces raise ValueError."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def _text_problems(key: str, reference: str, text: Any) -> list[str]:
    if not isinstance(text, str):
        return [f"not text: {key}"]
    if not text.strip() or text != text.strip():
        return [f"empty or padded: {key}"]
    if "[%key:" in text:
        return [f"reference left: {key}"]
    try:
        fields = placeholders(text)
    except ValueError:
        return [f"broken braces: {key}"]
    expected = placeholders(reference)
    if fields != expected:
        return [f"placeholders: {key} {sorted(fields)} != {sorted(expected)}"]
    return []


def problems(reference: Mapping[str, Any], texts: Mapping[str, Any]) -> list[str]:
    """What makes `texts` differ from `reference` in shape (not in wording)."""
    wanted = dict(flatten(reference))
    found = dict(flatten(texts))
    report = [f"missing: {key}" for key in wanted if key not in found]
    report += [f"extra: {key}" for key in found if key not in wanted]
    for key, text in found.items():
        if key in wanted:
            report += _text_problems(key, wanted[key], text)
    return report


def test_problems_reports_every_kind_of_mistake() -> None:
    """The comparison catches a removed, added, empty or mis-templated text."""
    reference = {
        "a": {"title": "Options for {name}", "b": "Two", "c": "Three"},
        "d": "{x} of {y}",
    }
    assert problems(reference, reference) == []
    assert problems(
        reference,
        {
            "a": {"title": "Optionen für {nam}", "b": "", "e": "Extra"},
            "d": "[%key:common::x%] {x} {y}",
        },
    ) == [
        "missing: a.c",
        "extra: a.e",
        "placeholders: a.title ['nam'] != ['name']",
        "empty or padded: a.b",
        "reference left: d",
    ]
    assert problems({"a": "{x}"}, {"a": "{x"}) == ["broken braces: a"]
    assert problems({"a": {"b": "B"}}, {"a": "B"}) == ["missing: a.b", "extra: a"]
    assert problems({"a": "A"}, {"a": {"b": "B"}}) == ["missing: a", "extra: a.b"]


def test_the_five_languages_are_shipped() -> None:
    """English plus German, Dutch, French and Spanish, nothing half-done."""
    assert set(LANGUAGES) == SHIPPED


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_has_exactly_the_keys_of_strings(language: str) -> None:
    """Valid JSON with every key, no extra one, the same placeholders, no gaps."""
    texts = _language(language)
    assert isinstance(texts, dict)
    assert problems(_strings(), texts) == []
    assert len(dict(flatten(texts))) == len(dict(flatten(_strings())))


@pytest.mark.parametrize("language", OTHERS)
def test_language_is_translated(language: str) -> None:
    """No sentence is left in English."""
    english = dict(flatten(_strings()))
    untranslated = [
        key
        for key, text in flatten(_language(language))
        if len(text.split()) >= WORDS_OF_A_SENTENCE and text == english[key]
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
async def test_home_assistant_serves_every_text(
    hass: HomeAssistant, language: str
) -> None:
    """Home Assistant's loader returns each text of the file, no English fallback."""
    texts = dict(flatten(_language(language)))
    served: dict[str, str] = {}
    for category in _strings():
        served |= await async_get_translations(hass, language, category, {DOMAIN})
    prefix = f"component.{DOMAIN}."
    ours = {
        key.removeprefix(prefix): value
        for key, value in served.items()
        if key.startswith(prefix)
    }
    assert ours == texts


@pytest.fixture
async def german(hass: HomeAssistant) -> None:
    """Home Assistant set to German before the coach is set up."""
    await hass.config.async_update(language="de")


async def test_a_german_home_gets_german_names_and_lines(
    hass: HomeAssistant,
    german: None,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    """Entity names, the watch line and an error message come out in German."""
    entry_id = init_integration.entry_id

    def state_of(key: str) -> tuple[str, str]:
        entity_id = entity_registry.async_get_entity_id(
            "sensor", DOMAIN, f"{entry_id}_{key}"
        )
        assert entity_id is not None
        state = hass.states.get(entity_id)
        assert state is not None
        return state.attributes["friendly_name"], state.state

    assert state_of("next_session")[0] == "Alex Nächste Einheit"
    assert state_of("training_status") == ("Alex Trainingsstatus", "ready")
    assert state_of("watch_status") == ("Alex Smartwatch-Status", "Nächste → Mo 18:00")
    assert state_of("watch_tile")[1] == (
        "Nächste → Mo 18:00 · 0/2 Einheiten · 0/12 Sätze"
    )

    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "log_session",
            {"exercises": [{"exercise": "leg_press", "sets": 3, "reps": 10}]},
            blocking=True,
        )
    assert err.value.translation_key == "unknown_exercise"
    messages = await async_get_translations(hass, "de", "exceptions", {DOMAIN})
    template = messages[f"component.{DOMAIN}.exceptions.unknown_exercise.message"]
    assert template.format(**(err.value.translation_placeholders or {})) == (
        "Unbekannte Übung „leg_press“. Verwende eine Übungs-ID aus dem Katalog, "
        "zum Beispiel romanian_deadlift (Rumänisches Kreuzheben)."
    )
    states = await async_get_translations(hass, "de", "entity", {DOMAIN})
    key = f"component.{DOMAIN}.entity.sensor.next_workout.state.strength_day"
    assert states[key] == "Tag 1 Kraft"
