"""Planning and reminders: button, calendar, event entity, skip, snooze, pause."""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.calendar import DOMAIN as CALENDAR_DOMAIN
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.hamstring_coach.const import (
    DOMAIN,
    EVENT_GOAL_AT_RISK,
    EVENT_REST_DAY_VIOLATION,
)

STATUS = "sensor.alex_training_status"
DUE = "binary_sensor.alex_session_due"
CALENDAR = "calendar.alex_training_calendar"
EVENT = "event.alex_coach"


async def call(
    hass: HomeAssistant, service: str, data: dict[str, Any] | None = None
) -> Any:
    """Call one of our actions with a response."""
    return await hass.services.async_call(
        DOMAIN, service, data or {}, blocking=True, return_response=True
    )


async def jump(hass: HomeAssistant, freezer: FrozenDateTimeFactory, local: str) -> None:
    """Move the clock to a Berlin wall time and let due timers fire."""
    moment = dt_util.parse_datetime(local)
    assert moment is not None
    freezer.move_to(moment)
    async_fire_time_changed(hass, moment)
    await hass.async_block_till_done()


async def events_between(
    hass: HomeAssistant, start: str, end: str
) -> list[dict[str, Any]]:
    """Calendar events through the calendar.get_events action."""
    response = await hass.services.async_call(
        CALENDAR_DOMAIN,
        "get_events",
        {"entity_id": CALENDAR, "start_date_time": start, "end_date_time": end},
        blocking=True,
        return_response=True,
    )
    return response[CALENDAR]["events"]


async def test_button_logs_the_planned_workout(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """One tap logs the next workout as prescribed, marked as from the button."""
    await hass.services.async_call(
        "button",
        "press",
        {"entity_id": "button.alex_log_planned_workout"},
        blocking=True,
    )
    history = await call(hass, "get_history")
    [session] = history["sessions"]
    assert (session["program_day"], session["source"], session["working_sets"]) == (
        "strength_day",
        "button",
        11,
    )
    assert hass.states.get(STATUS).state == "resting"


async def test_calendar_shows_logged_and_planned(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Logged sessions as done, the next four weeks planned on preferred days."""
    await call(
        hass,
        "log_session",
        {
            "performed_at": "2026-11-19T18:00:00+01:00",
            "notes": "felt good",
            "duration_minutes": 50,
        },
    )
    events = await events_between(
        hass, "2026-11-16T00:00:00+01:00", "2026-12-21T00:00:00+01:00"
    )
    done = events[0]
    assert done["summary"] == "Day 1 Strength (done)"
    assert done["start"] == "2026-11-19T18:00:00+01:00"
    assert done["end"] == "2026-11-19T18:50:00+01:00"
    assert "felt good" in done["description"]
    assert "Conventional deadlift: 3 x 5 reps" in done["description"]
    planned = events[1:]
    # Mon/Thu at 18:00: Day 2 comes next, then the rotation goes on.
    assert [e["start"] for e in planned[:4]] == [
        "2026-11-23T18:00:00+01:00",
        "2026-11-26T18:00:00+01:00",
        "2026-11-30T18:00:00+01:00",
        "2026-12-03T18:00:00+01:00",
    ]
    assert [e["summary"] for e in planned[:3]] == [
        "Day 2 Control",
        "Day 1 Strength",
        "Day 2 Control",
    ]
    assert len(planned) == 8  # four weeks, two a week
    # The planned Day 1 shows the progressed dose (one more rep per set).
    assert "Conventional deadlift: 3 x 6 reps" in planned[1]["description"]
    state = hass.states.get(CALENDAR)
    assert state.attributes["message"] == "Day 2 Control"
    assert state.attributes["start_time"] == "2026-11-23 18:00:00"


async def test_calendar_across_dst_end(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Planned sessions keep 18:00 local time across the October DST change."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    freezer.move_to("2026-10-19T10:00:00+02:00")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    events = await events_between(
        hass, "2026-10-19T00:00:00+02:00", "2026-11-03T00:00:00+01:00"
    )
    assert [e["start"] for e in events] == [
        "2026-10-19T18:00:00+02:00",
        "2026-10-22T18:00:00+02:00",
        "2026-10-26T18:00:00+01:00",  # after the change: still 18:00 local
        "2026-10-29T18:00:00+01:00",
        "2026-11-02T18:00:00+01:00",
    ]


async def test_event_entity_session_logged_and_rest_violation(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The event entity records logged sessions and a hard session inside the rest window."""
    violations = async_capture_events(hass, EVENT_REST_DAY_VIOLATION)
    await call(hass, "log_session", {"performed_at": "2026-11-22T18:00:00+01:00"})
    state = hass.states.get(EVENT)
    assert state.attributes["event_type"] == "session_logged"
    assert violations == []
    await call(hass, "log_session")  # Monday 10:00, 16 h after Sunday's hard session
    assert len(violations) == 1
    assert violations[0].data["rest_until"] == "2026-11-25T09:00:00+00:00"
    state = hass.states.get(EVENT)
    assert state.attributes["event_type"] == "rest_day_violation"
    assert "session_id" in state.attributes


async def test_goal_at_risk_fires_once_when_the_week_is_lost(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Saturday 00:00 with no session: the week falls behind, once."""
    at_risk = async_capture_events(hass, EVENT_GOAL_AT_RISK)
    await jump(hass, freezer, "2026-11-27T23:59:00+01:00")
    assert at_risk == []
    await jump(hass, freezer, "2026-11-28T00:00:00+01:00")
    assert len(at_risk) == 1
    assert at_risk[0].data == {
        "config_entry_id": init_integration.entry_id,
        "weekly_sessions": 0,
        "target": 2,
        "week_end": "2026-11-29T23:00:00+00:00",
    }
    await jump(hass, freezer, "2026-11-28T18:00:00+01:00")
    assert len(at_risk) == 1
    assert hass.states.get(EVENT).attributes["event_type"] == "session_due"


async def test_skip_moves_the_plan_and_keeps_the_streak(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Skipping Thursday closes that slot; the week still counts for the streak."""
    await call(hass, "log_session", {"performed_at": "2026-11-23T09:30:00+01:00"})
    response = await call(hass, "skip_session", {"reason": "travelling"})
    assert response["skipped"] == "2026-11-26T17:00:00+00:00"
    assert response["next_session"] == "2026-11-30T17:00:00+00:00"
    assert hass.states.get("sensor.alex_weekly_sessions").state == "1"
    assert hass.states.get("sensor.alex_streak").state == "1"
    await jump(hass, freezer, "2026-11-26T18:00:00+01:00")
    assert hass.states.get(DUE).state == "off"
    await jump(hass, freezer, "2026-11-30T00:00:00+01:00")
    assert hass.states.get("sensor.alex_streak").state == "1"


async def test_snooze_silences_the_reminder_then_it_returns(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Snooze: session_due off for the snooze, on again exactly when it ends."""
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    assert hass.states.get(DUE).state == "on"
    response = await call(hass, "snooze_reminder", {"minutes": 60})
    assert response["session_due"] is False
    assert hass.states.get(DUE).state == "off"
    assert hass.states.get(STATUS).state == "due"  # honest status, quiet reminder
    await jump(hass, freezer, "2026-11-23T18:59:59+01:00")
    assert hass.states.get(DUE).state == "off"
    await jump(hass, freezer, "2026-11-23T19:00:00+01:00")
    assert hass.states.get(DUE).state == "on"


async def test_snooze_never_fires_inside_a_rest_window(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A snooze that ends while resting brings no reminder."""
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    await call(hass, "snooze_reminder", {"minutes": 30})
    await call(hass, "log_session")  # done at 18:00: rest until Wednesday 18:00
    await jump(hass, freezer, "2026-11-23T18:30:00+01:00")
    assert hass.states.get(DUE).state == "off"
    assert hass.states.get(STATUS).state == "resting"


async def test_pause_freezes_streak_and_silences_until_resume(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Pause: status paused, no reminders, the streak survives the paused weeks."""
    for day in ("2026-11-09", "2026-11-12", "2026-11-16", "2026-11-19"):
        await call(hass, "log_session", {"performed_at": f"{day}T18:00:00+01:00"})
    assert hass.states.get("sensor.alex_streak").state == "2"
    response = await call(hass, "pause", {"until": "2026-12-14"})
    assert response["training_status"] == "paused"
    assert response["next_session"] == "2026-12-14T17:00:00+00:00"
    await jump(hass, freezer, "2026-11-26T18:00:00+01:00")
    assert (hass.states.get(STATUS).state, hass.states.get(DUE).state) == (
        "paused",
        "off",
    )
    await jump(hass, freezer, "2026-12-08T12:00:00+01:00")
    assert hass.states.get("sensor.alex_streak").state == "2"
    response = await call(hass, "resume")
    assert response["training_status"] != "paused"
    assert hass.states.get("sensor.alex_streak").state == "2"


@pytest.mark.parametrize(
    ("service", "data", "key"),
    [
        pytest.param(
            "pause", {"until": "2026-11-23"}, "pause_in_past", id="pause-today"
        ),
        pytest.param("resume", {}, "not_paused", id="resume-not-paused"),
    ],
)
async def test_plan_control_errors(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    service: str,
    data: dict[str, Any],
    key: str,
) -> None:
    """Bad plan controls are refused with a translated error and change nothing."""
    before = {k: v for k, v in hass_storage.items() if k.startswith(DOMAIN)}
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, service, data)
    assert err.value.translation_key == key
    assert {k: v for k, v in hass_storage.items() if k.startswith(DOMAIN)} == before


async def test_skip_while_paused_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Nothing to skip during a pause."""
    await call(hass, "pause", {"until": "2026-12-01"})
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "skip_session")
    assert err.value.translation_key == "paused"


@pytest.mark.parametrize("minutes", [0, 1441, -5, 2.5])
async def test_snooze_schema(
    hass: HomeAssistant, init_integration: MockConfigEntry, minutes: float
) -> None:
    """Snooze minutes must be a whole number from 1 to 1440."""
    import voluptuous as vol  # noqa: PLC0415

    with pytest.raises(vol.Invalid):
        await call(hass, "snooze_reminder", {"minutes": minutes})


async def test_plan_survives_restart(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Skips and pauses are stored with the log."""
    await call(hass, "pause", {"until": "2026-12-01"})
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(STATUS).state == "paused"
    # Training resumes on Tuesday 1 December: the next preferred day is Thursday.
    assert hass.states.get("sensor.alex_next_session").state == (
        "2026-12-03T17:00:00+00:00"
    )
