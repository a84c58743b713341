"""Whether a person's coach is exposed to an assistant (Assist, an LLM agent).

Home Assistant's own intents act only on entities the person exposed to the
assistant (Settings > Voice assistants > Expose). The coach's intents and LLM
tools follow the same rule: they are offered and run only when at least one
entity of the coach's entry is exposed.
"""

from __future__ import annotations

from typing import cast

from homeassistant.components.homeassistant.exposed_entities import async_should_expose
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_registry as er

from .const import DOMAIN
from .coordinator import HamstringCoachConfigEntry

ENTITY_DOMAINS = frozenset(
    {"binary_sensor", "button", "calendar", "event", "sensor", "todo"}
)
"""The platforms the coach creates entities on."""


@callback
def entry_exposed(
    hass: HomeAssistant, entry: HamstringCoachConfigEntry, assistant: str
) -> bool:
    """True if one of the entry's entities is exposed to `assistant`."""
    registry = er.async_get(hass)
    return any(
        async_should_expose(hass, assistant, item.entity_id)
        for item in er.async_entries_for_config_entry(registry, entry.entry_id)
    )


@callback
def exposed_entries(
    hass: HomeAssistant, assistant: str
) -> list[HamstringCoachConfigEntry]:
    """The loaded coach entries with an entity exposed to `assistant`."""
    return [
        cast("HamstringCoachConfigEntry", entry)
        for entry in hass.config_entries.async_loaded_entries(DOMAIN)
        if entry_exposed(hass, cast("HamstringCoachConfigEntry", entry), assistant)
    ]
