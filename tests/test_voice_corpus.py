"""The voice corpus through Home Assistant's built-in agent, with its own sentences.

Every utterance in tests/fixtures/voice/<lang>.yaml must reach the expected
intent with the expected slots, matched by the real default agent with
home-assistant-intents loaded and a home whose names collide with our words
(an area called "10", a "Leg lamp", a person called Sam). The near-misses are
everyday home commands that must not reach any of our intents.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassistant.components import conversation
from homeassistant.components.conversation.agent_manager import get_agent_manager
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import area_registry as ar
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import yaml  # type: ignore[import-untyped]

from custom_components.hamstring_coach.intent import HANDLERS
from custom_components.hamstring_coach.sentences import async_install_sentences

CORPUS = Path(__file__).parent / "fixtures" / "voice"
OURS = {intent_type for intent_type, *_ in HANDLERS}
LANGUAGES = ("en", "de", "nl", "fr", "es")
MIN_UTTERANCES = {"en": 150, "de": 150, "nl": 60, "fr": 60, "es": 60}
MIN_NEAR_MISSES = {"en": 30, "de": 30, "nl": 20, "fr": 20, "es": 20}
AREAS = {
    "en": ["10", "8", "Kitchen", "Living room", "Bedroom", "Gym", "Sam"],
    "de": ["Küche", "Wohnzimmer", "Schlafzimmer", "Fitnessraum"],
    "nl": ["Keuken", "Woonkamer", "Slaapkamer", "Fitnessruimte"],
    "fr": ["Cuisine", "Salon", "Chambre", "Salle de sport"],
    "es": ["Cocina", "Salón", "Dormitorio", "Gimnasio"],
}
LIGHTS = {
    "en": ["Kitchen light", "Leg lamp", "Gym light"],
    "de": ["Küchenlicht", "Beinlampe", "Fitnessraum Licht"],
    "nl": ["Keukenlamp", "Beenlamp", "Fitnessruimte lamp"],
    "fr": ["Lumière cuisine", "Lampe jambe", "Lumière salle de sport"],
    "es": ["Luz de la cocina", "Lámpara pierna", "Luz del gimnasio"],
}


def corpus(lang: str) -> dict[str, Any]:
    """The corpus of one language."""
    return dict(yaml.safe_load((CORPUS / f"{lang}.yaml").read_text("utf-8")))


@pytest.fixture
async def agent(
    hass: HomeAssistant, init_integration: MockConfigEntry, tmp_path: Path
) -> conversation.DefaultAgent:
    """The built-in agent with our sentences and a home full of look-alike names."""
    hass.config.config_dir = str(tmp_path)
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    await async_install_sentences(hass)
    areas = ar.async_get(hass)
    for name in (name for lang in LANGUAGES for name in AREAS[lang]):
        if areas.async_get_area_by_name(name) is None:
            areas.async_create(name)
    lights = [name for lang in LANGUAGES for name in LIGHTS[lang]]
    for index, name in enumerate(lights):
        hass.states.async_set(
            f"light.look_alike_{index}", "on", {"friendly_name": name}
        )
    await hass.async_block_till_done()
    default = get_agent_manager(hass).default_agent
    assert default is not None
    return default


async def recognize(
    agent: conversation.DefaultAgent, text: str, lang: str
) -> tuple[str | None, dict[str, Any]]:
    """The intent the built-in agent would run for a sentence, and its slots."""
    result = await agent.async_recognize_intent(
        conversation.ConversationInput(
            text=text,
            context=Context(),
            conversation_id=None,
            device_id=None,
            satellite_id=None,
            language=lang,
            agent_id=conversation.HOME_ASSISTANT_AGENT,
        )
    )
    if result is None:
        return None, {}
    if result.unmatched_entities:
        # The agent answers "not understood" (or "no area called …") and runs nothing.
        return f"{result.intent.name} with unmatched words", {}
    return result.intent.name, {e.name: e.value for e in result.entities_list}


CHUNK = 30
"""Utterances per test: German matching takes about half a second each."""


def chunks(part: str, size: int) -> list[Any]:
    """(language, first index) of every slice of one part of the corpora."""
    return [
        pytest.param(lang, first, id=f"{lang}-{first}")
        for lang in LANGUAGES
        for first in range(0, len(corpus(lang)[part]), size)
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_corpus_shape(lang: str) -> None:
    """Enough utterances per language, every intent, near-misses present."""
    data = corpus(lang)
    assert data["language"] == lang
    utterances = data["utterances"]
    assert len(utterances) >= MIN_UTTERANCES[lang]
    assert {intent_type for _, intent_type, _ in utterances} == OURS
    assert len({text.casefold() for text, _, _ in utterances}) == len(utterances)
    assert len(data["near_misses"]) >= MIN_NEAR_MISSES[lang]


@pytest.mark.parametrize(("lang", "first"), chunks("utterances", CHUNK))
async def test_corpus_reaches_the_right_intent(
    agent: conversation.DefaultAgent, lang: str, first: int
) -> None:
    """Each utterance gives its intent and its slots, nothing else."""
    wrong = []
    for text, intent_type, slots in corpus(lang)["utterances"][first : first + CHUNK]:
        got = await recognize(agent, text, lang)
        if got != (intent_type, slots):
            wrong.append((text, got))
    assert wrong == []


@pytest.mark.parametrize(("lang", "first"), chunks("near_misses", CHUNK // 2))
async def test_near_misses_run_none_of_ours(
    agent: conversation.DefaultAgent, lang: str, first: int
) -> None:
    """Everyday home commands never reach a coach intent."""
    taken = []
    for text in corpus(lang)["near_misses"][first : first + CHUNK // 2]:
        got_type, _ = await recognize(agent, text, lang)
        if got_type in OURS:
            taken.append((text, got_type))
    assert taken == []
