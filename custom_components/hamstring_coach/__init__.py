"""Hamstring Coach: an evidence-based hamstring plan as home automation."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType

from .card import async_register_card
from .const import DOMAIN
from .coordinator import HamstringCoachConfigEntry, HamstringCoordinator
from .sentences import async_setup_sentences_action
from .services import async_setup_services
from .store import CoachStore
from .transfer import async_setup_transfer

PLATFORMS: list[Platform] = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.CALENDAR,
    Platform.EVENT,
    Platform.SENSOR,
    Platform.TODO,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions once, for every entry."""
    async_setup_services(hass)
    await async_register_card(hass)
    async_setup_sentences_action(hass)
    async_setup_transfer(hass)
    return True


async def async_setup_entry(
    hass: HomeAssistant, entry: HamstringCoachConfigEntry
) -> bool:
    """Load the log, compute the first snapshot and set up the platforms."""
    coordinator = HamstringCoordinator(hass, entry)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(
    hass: HomeAssistant, entry: HamstringCoachConfigEntry
) -> bool:
    """Unload the platforms; the boundary timer goes with the entry."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(
    hass: HomeAssistant, entry: HamstringCoachConfigEntry
) -> None:
    """Delete the entry's training log file."""
    await CoachStore(hass, entry.entry_id).async_remove()
