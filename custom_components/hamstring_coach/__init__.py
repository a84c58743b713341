"""Hamstring Coach: an evidence-based hamstring plan as home automation."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.typing import ConfigType

from .card import async_register_card
from .const import DOMAIN, LOGGER
from .coordinator import HamstringCoachConfigEntry, HamstringCoordinator
from .longterm import clear_statistics
from .plan_form import name_key
from .promises import PromiseStore
from .repairs import async_delete_issues
from .sentences import async_setup_sentences_action
from .services import async_setup_services
from .store import CoachStore
from .texts import async_follow_language
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


async def async_migrate_entry(
    hass: HomeAssistant, entry: HamstringCoachConfigEntry
) -> bool:
    """1.1 -> 1.2: the unique id becomes `name_key(title)` instead of a slug.

    A slug made "Zoë" and "Zoe" one person and "???" and "!!!" both
    `unknown`. Existing entries have distinct slugs, hence distinct keys; an
    id already taken all the same is left as it was.
    """
    if entry.version > 1:
        return False
    if entry.minor_version < 2:  # noqa: PLR2004
        new_id = name_key(entry.title)
        taken = {
            other.unique_id
            for other in hass.config_entries.async_entries(DOMAIN)
            if other.entry_id != entry.entry_id
        }
        if new_id in taken:
            LOGGER.warning(
                "Keeping the unique id of %s: %s is taken", entry.title, new_id
            )
            new_id = entry.unique_id or new_id
        hass.config_entries.async_update_entry(entry, unique_id=new_id, minor_version=2)
    return True


async def async_setup_entry(
    hass: HomeAssistant, entry: HamstringCoachConfigEntry
) -> bool:
    """Load the log, compute the first snapshot and set up the platforms."""
    coordinator = HamstringCoordinator(hass, entry)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator
    await async_follow_language(hass, entry)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    entry.async_on_unload(async_at_started(hass, coordinator.start_announcing))
    return True


async def async_unload_entry(
    hass: HomeAssistant, entry: HamstringCoachConfigEntry
) -> bool:
    """Unload the platforms; the boundary timer goes with the entry."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(
    hass: HomeAssistant, entry: HamstringCoachConfigEntry
) -> None:
    """Delete the entry's training log, its statistics and its repair issues."""
    await CoachStore(hass, entry.entry_id).async_remove()
    await PromiseStore(hass, entry.entry_id).async_remove()
    clear_statistics(hass, entry.entry_id)
    async_delete_issues(hass, entry.entry_id)
