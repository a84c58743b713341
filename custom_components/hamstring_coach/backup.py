"""Backup platform: a Home Assistant backup never holds a half-written log.

Every write of the coach completes before its action is answered (there
are no delayed writes to flush). Before a backup, each loaded entry waits
for a write in progress and then holds further writes; they continue, in
order, after the backup (Home Assistant calls `async_post_backup` also when
the backup failed). A held action is answered once its write is on disk.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant

from .const import DOMAIN
from .coordinator import HamstringCoachConfigEntry


def _entries(hass: HomeAssistant) -> list[HamstringCoachConfigEntry]:
    return list(hass.config_entries.async_loaded_entries(DOMAIN))


async def async_pre_backup(hass: HomeAssistant) -> None:
    """Let writes in progress finish, then hold new ones."""
    for entry in _entries(hass):
        await entry.runtime_data.async_hold_writes()


async def async_post_backup(hass: HomeAssistant) -> None:
    """Let held writes go on."""
    for entry in _entries(hass):
        entry.runtime_data.release_writes()
