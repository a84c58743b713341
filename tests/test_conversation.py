"""End to end: Home Assistant's built-in agent with the installed sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import intent
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.sentences import async_install_sentences

from .conftest import make_entry


@pytest.fixture
async def assist(
    hass: HomeAssistant, init_integration: MockConfigEntry, tmp_path: Path
) -> MockConfigEntry:
    """The coach and the built-in agent with our sentences.

    Setting up `conversation` sets up `intent`, which finds our `intent.py`
    platform and registers the intents, as in a real installation.
    """
    hass.config.config_dir = str(tmp_path)
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    result = await async_install_sentences(hass)
    assert result["installed"] == ["de", "en"]
    return init_integration


async def converse(hass: HomeAssistant, text: str, language: str = "en") -> Any:
    """Say something to the built-in agent and return its result."""
    return await conversation.async_converse(
        hass, text, None, Context(), language=language
    )


def speech(result: Any) -> str:
    """The plain speech of a conversation result."""
    return str(result.response.speech["plain"]["speech"])


async def test_log_and_read_back_in_english(
    hass: HomeAssistant, assist: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """'I just did my hamstring workout' logs Day 1; the next session is read back."""
    result = await converse(hass, "I just did my hamstring workout")
    assert result.response.response_type is intent.IntentResponseType.ACTION_DONE
    assert speech(result) == (
        "Logged Day 1 Strength: 11 sets. Next session Thursday at 6 PM"
        " — rest until then."
    )
    sessions = hass_storage[f"{DOMAIN}.{assist.entry_id}"]["data"]["sessions"]
    assert [s["program_day"] for s in sessions] == ["strength_day"]
    assert sessions[0]["source"] == "voice"

    result = await converse(hass, "when is my next hamstring session")
    assert speech(result) == (
        "Today: rest or light mobility."
        " Next hard session: Thursday at 6 PM, Day 2 Control."
    )

    result = await converse(hass, "how's my hamstring week going")
    assert speech(result) == "1 of 2 sessions and 11 of 12 sets this week."


async def test_german_sentences(hass: HomeAssistant, assist: MockConfigEntry) -> None:
    """German sentences reach the same intents and answer in German."""
    result = await converse(
        hass, "ich habe gerade mein Hamstring-Training gemacht", "de"
    )
    assert speech(result) == (
        "Tag 1 Kraft eingetragen: 11 Sätze."
        " Nächste Einheit Donnerstag um 18 Uhr - bis dahin Pause."
    )
    result = await converse(hass, "wie läuft mein Hamstring-Training diese Woche", "de")
    assert speech(result) == "1 von 2 Einheiten und 11 von 12 Sätzen diese Woche."


async def test_two_coaches_ask_which(
    hass: HomeAssistant, assist: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """With two people and no name the agent asks, naming both, and logs nothing."""
    sam = make_entry("Sam")
    sam.add_to_hass(hass)
    assert await hass.config_entries.async_setup(sam.entry_id)
    await hass.async_block_till_done()

    result = await converse(hass, "I just did my hamstring workout")
    assert result.response.response_type is intent.IntentResponseType.ERROR
    assert speech(result).startswith("Which coach: Alex or Sam?")
    assert f"{DOMAIN}.{assist.entry_id}" not in hass_storage

    result = await converse(hass, "I just did my hamstring workout for Sam")
    assert speech(result).startswith("Logged Day 1 Strength: 11 sets.")
    assert len(hass_storage[f"{DOMAIN}.{sam.entry_id}"]["data"]["sessions"]) == 1
