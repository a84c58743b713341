"""Entry lifecycle, persistence and time-zone changes (invalid files: test_recovery)."""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.hamstring_coach.const import DOMAIN, STORAGE_VERSION
from custom_components.hamstring_coach.store import migrate

from .conftest import START, TIME_ZONE


def _key(entry: MockConfigEntry) -> str:
    return f"{DOMAIN}.{entry.entry_id}"


async def _setup(
    hass: HomeAssistant, entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def test_unload_and_reload_keeps_every_session(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """Every acknowledged session is back after the entry is loaded again."""
    ids = []
    for day in ("2026-11-16T18:00:00+01:00", "2026-11-19T18:00:00+01:00", None):
        data = {} if day is None else {"performed_at": day}
        response = await hass.services.async_call(
            DOMAIN, "log_session", data, blocking=True, return_response=True
        )
        ids.append(response["session_id"])
    assert hass_storage[_key(init_integration)]["version"] == STORAGE_VERSION
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert init_integration.state is ConfigEntryState.NOT_LOADED
    assert hass.states.get("sensor.alex_training_status").state == "unavailable"
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    history = await hass.services.async_call(
        DOMAIN, "get_history", {}, blocking=True, return_response=True
    )
    assert [s["session_id"] for s in history["sessions"]] == ids[::-1]  # newest first
    assert hass.states.get("sensor.alex_weekly_sessions").state == "1"
    assert hass.states.get("sensor.alex_streak").state == "1"  # last week had two


async def test_remove_entry_deletes_the_log(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """Removing the entry removes its storage file."""
    await hass.services.async_call(DOMAIN, "log_session", {}, blocking=True)
    assert _key(init_integration) in hass_storage
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert _key(init_integration) not in hass_storage


async def test_loads_a_stored_log(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
) -> None:
    """A log written by an earlier run is read back with every field."""
    hass_storage[_key(mock_config_entry)] = {
        "version": STORAGE_VERSION,
        "minor_version": 1,
        "key": _key(mock_config_entry),
        "data": {
            "sessions": [
                {
                    "id": "a1",
                    "performed_at": "2026-11-19T17:00:00+00:00",
                    "program_day": "control_day",
                    "hard": True,
                    "working_sets": 9,
                    "exercises": [{"exercise": "nordic_curl", "sets": 3, "reps": 5}],
                    "rpe": 8,
                    "soreness": 3,
                    "pain": False,
                    "notes": "ok",
                    "source": "action",
                }
            ],
            "reports": [
                {"reported_at": "2026-11-20T08:00:00+00:00", "level": 2, "pain": False}
            ],
        },
    }
    await _setup(hass, mock_config_entry, freezer)
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert (
        hass.states.get("sensor.alex_last_session").state == "2026-11-19T17:00:00+00:00"
    )
    assert hass.states.get("sensor.alex_next_workout").state == "strength_day"
    assert hass.states.get("sensor.alex_days_since_last_session").state == "4"


async def test_time_zone_change_reindexes_the_log(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Local days follow Home Assistant's zone when it changes."""
    await hass.services.async_call(
        DOMAIN,
        "log_session",
        {"performed_at": "2026-11-22T23:30:00+01:00"},
        blocking=True,
    )
    # Sunday 23:30 in Berlin is last week; in London (22:30) too; in Tokyo Monday.
    assert hass.states.get("sensor.alex_weekly_sessions").state == "0"
    await hass.config.async_update(time_zone="Asia/Tokyo")
    await hass.async_block_till_done()
    assert hass.states.get("sensor.alex_weekly_sessions").state == "1"
    # An unrelated core config change writes nothing.
    changes = async_capture_events(hass, "state_changed")
    hass.bus.async_fire(EVENT_CORE_CONFIG_UPDATE, {})
    await hass.async_block_till_done()
    assert [e.data["entity_id"] for e in changes] == []


def test_migrate_fills_missing_keys() -> None:
    """The migration hook adds later keys with defaults and never mutates its input."""
    old = {"sessions": [{"id": "a"}]}
    assert migrate(1, 0, old) == {
        "sessions": [{"id": "a"}],
        "reports": [],
        "phase": {"current": 1, "since": None},
        "controls": {"skips": [], "pauses": [], "snoozed_until": None},
    }
    assert old == {"sessions": [{"id": "a"}]}
