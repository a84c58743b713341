"""Reminders across restarts: a moment that fell into a restart comes once after it.

A reload of the entry stands in for a restart (the e2e test restarts a real
Home Assistant); the clock moves while the entry is unloaded.
"""

from __future__ import annotations

import json
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Event, HomeAssistant
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.hamstring_coach.const import (
    DOMAIN,
    EVENT_GOAL_AT_RISK,
    EVENT_SESSION_DUE,
)

from .conftest import make_entry
from .test_planning import jump

EVENT = "event.alex_coach"


async def _restart_at(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    local: str,
) -> None:
    """Unload, let the clock pass `local` while down, load again."""
    assert await hass.config_entries.async_unload(entry.entry_id)
    await jump(hass, freezer, local)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


def _announced(hass: HomeAssistant, entry: MockConfigEntry) -> dict[str, Any]:
    path = hass.config.path(".storage", f"{DOMAIN}.{entry.entry_id}.promises")
    with open(path, "rb") as file:
        return dict(json.loads(file.read())["data"]["announced"])


async def test_reminder_due_during_a_restart_fires_once_after_it(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Down from 17:59 to 18:05 across the 18:00 slot: one reminder, then none."""
    due: list[Event] = async_capture_events(hass, EVENT_SESSION_DUE)
    await jump(hass, freezer, "2026-11-23T17:59:00+01:00")
    await _restart_at(hass, init_integration, freezer, "2026-11-23T18:05:00+01:00")
    assert [e.data["next_session"] for e in due] == ["2026-11-23T17:00:00+00:00"]
    assert hass.states.get(EVENT).attributes["event_type"] == "session_due"
    announced = await hass.async_add_executor_job(_announced, hass, init_integration)
    assert announced == {"session_due": "2026-11-23T17:00:00+00:00/"}
    await _restart_at(hass, init_integration, freezer, "2026-11-23T18:30:00+01:00")
    await jump(hass, freezer, "2026-11-23T20:00:00+01:00")
    assert len(due) == 1


async def test_a_snoozed_reminder_returns_once(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The slot at 18:00, then once more when the snooze ends; never again."""
    due: list[Event] = async_capture_events(hass, EVENT_SESSION_DUE)
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    await hass.services.async_call(
        DOMAIN, "snooze_reminder", {"minutes": 30}, blocking=True
    )
    await jump(hass, freezer, "2026-11-23T18:30:00+01:00")
    await _restart_at(hass, init_integration, freezer, "2026-11-23T18:40:00+01:00")
    assert len(due) == 2


async def test_goal_at_risk_during_a_restart_fires_once_after_it(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The week is lost at Saturday 00:00 while down: announced once after."""
    at_risk: list[Event] = async_capture_events(hass, EVENT_GOAL_AT_RISK)
    await jump(hass, freezer, "2026-11-27T23:50:00+01:00")
    await _restart_at(hass, init_integration, freezer, "2026-11-28T00:10:00+01:00")
    assert [e.data["week_end"] for e in at_risk] == ["2026-11-29T23:00:00+00:00"]
    await _restart_at(hass, init_integration, freezer, "2026-11-28T00:20:00+01:00")
    assert len(at_risk) == 1


async def test_a_new_entry_announces_nothing_already_due(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Set up while a slot is due: that slot counts as known, no event."""
    due: list[Event] = async_capture_events(hass, EVENT_SESSION_DUE)
    await hass.config.async_set_time_zone("Europe/Berlin")
    freezer.move_to("2026-11-23T18:30:00+01:00")
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get("binary_sensor.alex_session_due").state == "on"
    assert due == []
    announced = await hass.async_add_executor_job(_announced, hass, entry)
    assert announced == {"session_due": "2026-11-23T17:00:00+00:00/"}
