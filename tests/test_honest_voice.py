"""Repeats stored once, honest answers, questions back without error logs.

Also: the coach picked by the satellite or the room that heard the request.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
import logging
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import area_registry as ar, device_registry as dr
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.hamstring_coach.const import (
    CONF_SPEAKER_AREAS,
    CONF_SPEAKER_DEVICES,
    DOMAIN,
    EVENT_REST_DAY_VIOLATION,
    EVENT_SESSION_LOGGED,
)
from custom_components.hamstring_coach.sentences import async_install_sentences

from .conftest import make_entry

BUTTON = "button.alex_log_planned_workout"


@pytest.fixture
async def assist(
    hass: HomeAssistant, init_integration: MockConfigEntry, tmp_path: Path
) -> MockConfigEntry:
    """Alex's coach, the built-in agent with our sentences, and an area called 10."""
    hass.config.config_dir = str(tmp_path)
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    await async_install_sentences(hass)
    ar.async_get(hass).async_create("10")
    return init_integration


async def converse(
    hass: HomeAssistant,
    text: str,
    *,
    language: str = "en",
    device_id: str | None = None,
) -> conversation.ConversationResult:
    """Say something to the built-in agent."""
    return await conversation.async_converse(
        hass, text, None, Context(), language=language, device_id=device_id
    )


def said(result: conversation.ConversationResult) -> str:
    """The plain speech of a result."""
    return str(result.response.speech["plain"]["speech"])


def count(entry: MockConfigEntry) -> int:
    """Sessions in an entry's log."""
    return len(entry.runtime_data.log)


async def log(hass: HomeAssistant, **data: Any) -> dict[str, Any]:
    """Call `log_session` and return its response."""
    response = await hass.services.async_call(
        DOMAIN, "log_session", data, blocking=True, return_response=True
    )
    assert response is not None
    return dict(response)


# --- repeats are stored once -------------------------------------------------------


async def test_repeated_action_answers_the_stored_session(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The second call stores nothing, fires nothing and names the first session."""
    events = async_capture_events(hass, EVENT_SESSION_LOGGED)
    first = await log(hass)
    again = await log(hass)
    assert (first["duplicate"], again["duplicate"]) == (False, True)
    assert again["session_id"] == first["session_id"]
    assert again["working_sets"] == first["working_sets"] == 11
    assert count(init_integration) == 1
    assert len(events) == 1
    allowed = await log(hass, allow_duplicate=True)
    assert allowed["duplicate"] is False
    assert allowed["session_id"] != first["session_id"]
    assert count(init_integration) == 2


async def test_concurrent_calls_store_one_session(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Two speakers, one command: two calls at once store one session."""
    one, two = await asyncio.gather(log(hass), log(hass))
    assert sorted([one["duplicate"], two["duplicate"]]) == [False, True]
    assert one["session_id"] == two["session_id"]
    assert count(init_integration) == 1


async def test_double_button_press_stores_one_session(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A double tap on the button logs the workout once."""
    for _ in range(2):
        await hass.services.async_call(
            "button", "press", {"entity_id": BUTTON}, blocking=True
        )
    assert count(init_integration) == 1
    assert init_integration.runtime_data.log.last.source == "button"


async def test_repeated_voice_command_stores_one_session(
    hass: HomeAssistant, assist: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Said again a few minutes later: 'Already logged …', nothing new."""
    first = await converse(hass, "I did my hamstring workout")
    assert said(first).startswith("Logged Day 1 Strength: 11 sets.")
    freezer.tick(timedelta(minutes=4))
    again = await converse(hass, "I did my hamstring workout")
    assert said(again) == "Already logged Day 1 Strength at 10 AM."
    assert count(assist) == 1


# --- honest answers -------------------------------------------------------------------


async def test_early_session_says_so_and_warns(
    hass: HomeAssistant, assist: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """A hard session 20 hours after the last one: spoken, in `warnings`, as an event."""
    events = async_capture_events(hass, EVENT_REST_DAY_VIOLATION)
    await log(hass)
    freezer.tick(timedelta(hours=20))
    result = await converse(hass, "I did my hamstring workout")
    assert said(result) == (
        "Logged Day 2 Control: 9 sets — that was only 20 hours after your last hard"
        " session; the next one moves to Thursday at 6 PM."
    )
    assert len(events) == 1
    freezer.tick(timedelta(hours=1))
    response = await log(hass, program_day="strength_day")
    assert response["warnings"] == [
        {
            "id": "rest_day_violation",
            "hours_since_last_hard": 1.0,
            "next_session": response["next_session"],
        }
    ]


async def test_status_tells_today_from_the_next_hard_session(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """After a hard session: today is rest, the next hard session is Thursday's Day 2."""
    status = await hass.services.async_call(
        DOMAIN, "get_status", {}, blocking=True, return_response=True
    )
    assert status is not None
    assert status["today"] == "train"
    assert status["next_hard_session"] == {
        "start": "2026-11-23T17:00:00+00:00",
        "program_day": "strength_day",
        "name": "Day 1 Strength",
    }
    await log(hass)
    status = await hass.services.async_call(
        DOMAIN, "get_status", {}, blocking=True, return_response=True
    )
    assert status is not None
    assert status["today"] == "rest"
    assert status["next_hard_session"] == {
        "start": "2026-11-26T17:00:00+00:00",
        "program_day": "control_day",
        "name": "Day 2 Control",
    }


async def test_entities_tell_today_from_the_next_hard_session(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Soreness 8 after Monday's session: the status sensor and the calendar agree.

    The status says today is for rest and the next hard session is Friday's
    Day 2; the calendar's next event is that Day 2, not the light recovery
    day that the `next_workout` sensor shows for today.
    """
    status = hass.states.get("sensor.alex_training_status")
    assert status is not None
    assert status.attributes["today"] == "train"
    assert (
        status.attributes["next_hard_session"].isoformat()
        == "2026-11-23T17:00:00+00:00"
    )
    assert status.attributes["next_hard_program_day"] == "strength_day"
    await log(hass)
    freezer.tick(timedelta(hours=2))
    await hass.services.async_call(
        DOMAIN, "report_soreness", {"level": 8}, blocking=True
    )
    await hass.async_block_till_done()
    status = hass.states.get("sensor.alex_training_status")
    assert status is not None
    assert (status.state, status.attributes["today"]) == ("recovering", "rest")
    assert (
        status.attributes["next_hard_session"].isoformat()
        == "2026-11-27T17:00:00+00:00"
    )
    assert status.attributes["next_hard_program_day"] == "control_day"
    workout = hass.states.get("sensor.alex_next_workout")
    assert workout is not None
    assert workout.state == "light_day"
    calendar = hass.states.get("calendar.alex_training_calendar")
    assert calendar is not None
    assert calendar.attributes["message"] == "Day 2 Control"
    assert calendar.attributes["start_time"] == "2026-11-27 18:00:00"


async def test_the_four_phrases_of_the_issue(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    """A repeat, then soreness 8 in a home with an area called 10.

    Soreness 8 after Monday's session moves Thursday's hard session to Friday.
    """
    await converse(hass, "I did my hamstring workout")
    again = await converse(hass, "I did my hamstring workout")
    assert said(again) == "Already logged Day 1 Strength at 10 AM."
    assert count(assist) == 1
    result = await converse(hass, "my hamstrings are sore, 8 out of 10")
    assert said(result) == (
        "Noted soreness 8 of 10. Today: rest or light mobility."
        " Next hard session: Friday at 6 PM, Day 2 Control."
    )
    wellness = assist.runtime_data.current().wellness
    assert (wellness.soreness, wellness.pain) == (8, False)


async def test_clarifying_answers_log_no_error(
    hass: HomeAssistant, assist: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """'Which coach?' and an unknown name are answers: no ERROR record, nothing stored."""
    sam = make_entry("Sam")
    sam.add_to_hass(hass)
    assert await hass.config_entries.async_setup(sam.entry_id)
    await hass.async_block_till_done()
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        which = await converse(hass, "I did my hamstring workout")
        unknown = await converse(hass, "I did my hamstring workout for Kim")
        german = await converse(hass, "meine Hamstrings tun weh", language="de")
    assert said(which) == "Which coach: Alex or Sam?"
    assert said(unknown) == "I don't know a coach called Kim. Which coach: Alex or Sam?"
    assert said(german) == "Welcher Coach: Alex oder Sam?"
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert (count(assist), count(sam)) == (0, 0)


# --- the coach of the satellite or room ---------------------------------------------


async def test_satellite_and_room_pick_the_coach(
    hass: HomeAssistant, assist: MockConfigEntry, hass_admin_user: Any
) -> None:
    """Linked satellite or room decides without a name; a logged-in person wins."""
    areas = ar.async_get(hass)
    sams_room = areas.async_create("Sam's room")
    hall = areas.async_create("Hall")
    owner = MockConfigEntry(domain="test")
    owner.add_to_hass(hass)
    devices = dr.async_get(hass)
    in_room = devices.async_get_or_create(
        config_entry_id=owner.entry_id, identifiers={("test", "room")}
    )
    devices.async_update_device(in_room.id, area_id=sams_room.id)
    in_hall = devices.async_get_or_create(
        config_entry_id=owner.entry_id, identifiers={("test", "hall")}
    )
    devices.async_update_device(in_hall.id, area_id=hall.id)
    sam = make_entry("Sam", **{CONF_SPEAKER_AREAS: [sams_room.id]})
    kim = make_entry("Kim", **{CONF_SPEAKER_DEVICES: [in_hall.id]})
    for entry in (sam, kim):
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    await converse(hass, "I did my hamstring workout", device_id=in_room.id)
    await converse(hass, "I did my hamstring workout", device_id=in_hall.id)
    assert (count(assist), count(sam), count(kim)) == (0, 1, 1)
    asked = await converse(hass, "I did my hamstring workout")
    assert said(asked) == "Which coach: Alex, Kim or Sam?"

    # The logged-in user's person decides before the room.
    assert await async_setup_component(
        hass,
        "person",
        {"person": [{"id": "alex", "name": "Alex", "user_id": hass_admin_user.id}]},
    )
    result = await conversation.async_converse(
        hass,
        "what's my hamstring workout today",
        None,
        Context(user_id=hass_admin_user.id),
        language="en",
        device_id=in_room.id,
    )
    assert "Day 1 Strength" in said(result)
    undo = await conversation.async_converse(
        hass,
        "delete my last hamstring session",
        None,
        Context(user_id=hass_admin_user.id),
        language="en",
        device_id=in_room.id,
    )
    assert said(undo) == "There is no session to delete."
    assert (count(assist), count(sam)) == (0, 1)


async def test_options_link_satellites_and_rooms(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The options form takes satellites and rooms; clearing them removes them."""
    room = ar.async_get(hass).async_create("Gym")
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    fields = {str(key) for key in result["data_schema"].schema}
    assert {CONF_SPEAKER_DEVICES, CONF_SPEAKER_AREAS} <= fields
    values = {
        "program": "strength_2day",
        "training_days": ["mon", "thu"],
        "training_time": "18:00:00",
        "sessions_per_week": 2,
        "min_rest_hours": 48,
        "weekly_set_target": 12,
        "first_weekday": "mon",
        "weight_unit": "kg",
    }
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**values, CONF_SPEAKER_AREAS: [room.id]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options[CONF_SPEAKER_AREAS] == [room.id]
    await hass.async_block_till_done()
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], values
    )
    assert CONF_SPEAKER_AREAS not in init_integration.options
    await hass.async_block_till_done()
