"""Entities: states, attributes and exact time boundaries (no polling)."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.hamstring_coach.const import DOMAIN, EVENT_SESSION_DUE

STATUS = "sensor.alex_training_status"
NEXT = "sensor.alex_next_session"
REST = "binary_sensor.alex_rest_required"
DUE = "binary_sensor.alex_session_due"
GOAL = "binary_sensor.alex_weekly_goal_met"
SESSIONS = "sensor.alex_weekly_sessions"
SETS = "sensor.alex_weekly_sets"
DAYS = "sensor.alex_days_since_last_session"


def state(hass: HomeAssistant, entity_id: str) -> str:
    """The state string of an entity."""
    current = hass.states.get(entity_id)
    assert current is not None, entity_id
    return current.state


async def jump(hass: HomeAssistant, freezer: FrozenDateTimeFactory, local: str) -> None:
    """Move the clock to a Berlin wall time and let due timers fire."""
    moment = dt_util.parse_datetime(local)
    assert moment is not None
    freezer.move_to(moment)
    async_fire_time_changed(hass, moment)
    await hass.async_block_till_done()


async def log(hass: HomeAssistant, **data: object) -> None:
    """Log a session through the action."""
    await hass.services.async_call(DOMAIN, "log_session", dict(data), blocking=True)


async def test_initial_states(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A fresh coach on Monday 10:00: ready, first session tonight at 18:00."""
    assert state(hass, STATUS) == "ready"
    assert state(hass, NEXT) == "2026-11-23T17:00:00+00:00"
    assert hass.states.get(NEXT).attributes["program_day"] == "strength_day"
    assert hass.states.get(NEXT).attributes["reason"] == "preferred_day"
    assert state(hass, "sensor.alex_last_session") == "unknown"
    assert state(hass, DAYS) == "unknown"
    assert state(hass, SESSIONS) == "0"
    assert hass.states.get(SESSIONS).attributes["target"] == 2
    assert hass.states.get(SESSIONS).attributes["unit_of_measurement"] == "sessions"
    assert hass.states.get(SETS).attributes["target"] == 12
    assert hass.states.get(SETS).attributes["state_class"] == "total"
    assert state(hass, "sensor.alex_streak") == "0"
    assert state(hass, "sensor.alex_next_workout") == "strength_day"
    exercises = hass.states.get("sensor.alex_next_workout").attributes["exercises"]
    assert exercises[0]["exercise"] == "warm_up"  # the warm-up comes first (000)
    assert exercises[0]["prescription"] == "1 x 8-10 min"
    assert exercises[0]["working"] is False
    deadlift = next(e for e in exercises if e["exercise"] == "conventional_deadlift")
    assert (deadlift["sets"], deadlift["reps"], deadlift["working"]) == (3, 5, True)
    assert deadlift["prescription"] == "3 x 5-8"
    assert deadlift["change"] == "start"
    assert (state(hass, REST), state(hass, DUE), state(hass, GOAL)) == (
        "off",
        "off",
        "off",
    )


async def test_device_and_unique_ids(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """One service device per entry; unique ids are <entry_id>_<key>."""
    registry = er.async_get(hass)
    entries = er.async_entries_for_config_entry(registry, init_integration.entry_id)
    assert len(entries) == 17
    assert {e.unique_id for e in entries} == {
        f"{init_integration.entry_id}_{key}"
        for key in (
            "next_session",
            "last_session",
            "days_since_last_session",
            "weekly_sets",
            "weekly_sessions",
            "training_status",
            "next_workout",
            "streak",
            "rest_required",
            "session_due",
            "weekly_goal_met",
            "log_planned_workout",
            "training_calendar",
            "coach",
            "todays_workout",
            "watch_status",
            "watch_tile",
        )
    }
    # One device per entry, found through its config entry (looking it up by
    # identifier changed API between the supported Home Assistant releases).
    devices = dr.async_entries_for_config_entry(
        dr.async_get(hass), init_integration.entry_id
    )
    assert len(devices) == 1
    device = devices[0]
    assert (DOMAIN, init_integration.entry_id) in device.identifiers
    assert device.name == "Alex"
    assert device.entry_type is dr.DeviceEntryType.SERVICE


async def test_week_of_boundaries(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Each boundary flips the right entity by itself: only the clock moves."""
    due_events = async_capture_events(hass, EVENT_SESSION_DUE)
    # Monday 18:00: tonight's session becomes due.
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    assert (state(hass, STATUS), state(hass, DUE)) == ("due", "on")
    assert len(due_events) == 1
    assert due_events[0].data["program_day"] == "strength_day"
    await log(hass)  # Monday 18:00 hard session -> rest until Wednesday 18:00
    assert (state(hass, STATUS), state(hass, REST), state(hass, DUE)) == (
        "resting",
        "on",
        "off",
    )
    assert state(hass, NEXT) == "2026-11-26T17:00:00+00:00"
    assert state(hass, DAYS) == "0"
    # Tuesday 00:00: one day since the session, nothing else changes.
    await jump(hass, freezer, "2026-11-24T00:00:00+01:00")
    assert (state(hass, DAYS), state(hass, STATUS)) == ("1", "resting")
    # Wednesday 17:59:59: still resting. 18:00: the rest window ends.
    await jump(hass, freezer, "2026-11-25T17:59:59+01:00")
    assert state(hass, REST) == "on"
    await jump(hass, freezer, "2026-11-25T18:00:00+01:00")
    assert (state(hass, STATUS), state(hass, REST)) == ("ready", "off")
    # Thursday 18:00: due again, a second event fires.
    await jump(hass, freezer, "2026-11-26T18:00:00+01:00")
    assert (state(hass, STATUS), state(hass, DUE)) == ("due", "on")
    assert len(due_events) == 2
    # Thursday ends without a session: Friday 18:00 becomes a catch-up.
    await jump(hass, freezer, "2026-11-27T00:00:00+01:00")
    assert (state(hass, STATUS), state(hass, DUE)) == ("ready", "off")
    assert state(hass, NEXT) == "2026-11-27T17:00:00+00:00"
    assert hass.states.get(NEXT).attributes["reason"] == "catch_up"
    # Saturday 00:00 is not the threshold: one session missing still fits.
    await jump(hass, freezer, "2026-11-27T18:00:00+01:00")
    assert state(hass, STATUS) == "due"
    await log(hass)
    assert (state(hass, SESSIONS), state(hass, GOAL)) == ("2", "on")
    assert state(hass, "sensor.alex_streak") == "1"
    # The week starts on Monday 00:00: weekly counts reset, the streak stays.
    await jump(hass, freezer, "2026-11-30T00:00:00+01:00")
    assert (state(hass, SESSIONS), state(hass, SETS), state(hass, GOAL)) == (
        "0",
        "0",
        "off",
    )
    assert state(hass, "sensor.alex_streak") == "1"
    assert hass.states.get(SETS).attributes["last_reset"] == "2026-11-29T23:00:00+00:00"


async def test_falls_behind_at_the_threshold(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """An empty week turns `behind` at Saturday 00:00 (48 h before it ends)."""
    await jump(hass, freezer, "2026-11-27T23:59:59+01:00")
    assert state(hass, STATUS) == "due"  # Friday's catch-up slot is still open
    await jump(hass, freezer, "2026-11-28T00:00:00+01:00")
    assert state(hass, STATUS) == "behind"
    assert state(hass, DUE) == "off"  # Saturday 18:00 not yet reached
    await jump(hass, freezer, "2026-11-28T18:00:00+01:00")
    assert (state(hass, STATUS), state(hass, DUE)) == ("behind", "on")


async def test_wakes_exactly_at_the_next_boundary(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Nothing is written between boundaries; the next one (18:00) is met exactly."""
    assert state(hass, NEXT) == "2026-11-23T17:00:00+00:00"
    before = {s.entity_id: s.last_updated for s in hass.states.async_all("sensor")}
    await jump(hass, freezer, "2026-11-23T12:00:00+01:00")
    await jump(hass, freezer, "2026-11-23T17:59:59+01:00")
    after = {s.entity_id: s.last_updated for s in hass.states.async_all("sensor")}
    assert after == before
    assert (state(hass, STATUS), state(hass, DUE)) == ("ready", "off")
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    assert (state(hass, STATUS), state(hass, DUE)) == ("due", "on")


async def test_unload_stops_the_wake_ups(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """After unload no boundary writes a state or fires an event any more."""
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    await hass.async_block_till_done()
    changes = async_capture_events(hass, "state_changed")
    due = async_capture_events(hass, EVENT_SESSION_DUE)
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    await jump(hass, freezer, "2026-11-24T00:00:00+01:00")
    assert [e.data["entity_id"] for e in changes] == []
    assert due == []


@pytest.mark.parametrize(
    ("level", "pain", "status"),
    [
        pytest.param(7, False, "recovering", id="R5-soreness-7"),
        pytest.param(6, False, "ready", id="soreness-6"),
        pytest.param(0, True, "recovering", id="R5-pain"),
    ],
)
async def test_status_attributes_after_report(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    level: int,
    pain: bool,
    status: str,
) -> None:
    """The status sensor shows the latest soreness and pain."""
    await hass.services.async_call(
        DOMAIN, "report_soreness", {"level": level, "pain": pain}, blocking=True
    )
    current = hass.states.get(STATUS)
    assert current.state == status
    assert (current.attributes["soreness"], current.attributes["pain"]) == (level, pain)


async def test_days_since_last_session_is_a_count_of_calendar_days(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Local calendar days: no duration (shown as hours) and no mean/min/max statistics."""
    await log(hass, performed_at="2026-11-22T23:30:00+01:00")
    current = hass.states.get(DAYS)
    assert current is not None
    assert current.state == "1"  # 10.5 hours ago, but yesterday
    assert "device_class" not in current.attributes
    assert "state_class" not in current.attributes
    assert current.attributes["unit_of_measurement"] == "days"
