"""Texts the coach produces follow Home Assistant's language; ids do not.

The German cases read translations/de.json (day names) and assert the words
of the exercise, note, progression and dose keys.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.texts import (
    async_texts,
    name_of_day,
    name_of_exercise,
)

from .conftest import running_entry

TRANSLATIONS = (
    Path(__file__).parent.parent / "custom_components" / DOMAIN / "translations"
)


def entity_id(hass: HomeAssistant, platform: str, key: str) -> str:
    """An entity of the coach by key (its id is in the language of its setup)."""
    [entry] = hass.config_entries.async_entries(DOMAIN)
    found = er.async_get(hass).async_get_entity_id(
        platform, DOMAIN, f"{entry.entry_id}_{key}"
    )
    assert found is not None
    return found


def day_in(language: str, day_id: str) -> str:
    """A day's name as the language's translation file has it."""
    words = json.loads((TRANSLATIONS / f"{language}.json").read_text("utf-8"))
    name: str = words["entity"]["sensor"]["next_workout"]["state"][day_id]
    return name


@pytest.fixture
def language() -> str:
    """Home Assistant's language for the test."""
    return "en"


@pytest.fixture
async def coach(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    language: str,
) -> AsyncGenerator[MockConfigEntry]:
    """Alex's coach on Monday 23 Nov 2026, 10:00, in `language`."""
    hass.config.language = language
    async with running_entry(hass, mock_config_entry, freezer) as entry:
        yield entry


async def action(
    hass: HomeAssistant, domain: str, service: str, data: dict[str, Any]
) -> Any:
    """An action's response."""
    return await hass.services.async_call(
        domain, service, data, blocking=True, return_response=True
    )


async def todo_items(hass: HomeAssistant) -> list[dict[str, Any]]:
    """The to-do list's items."""
    todo = entity_id(hass, "todo", "todays_workout")
    response = await action(hass, "todo", "get_items", {"entity_id": todo})
    items: list[dict[str, Any]] = response[todo]["items"]
    return items


async def week_events(hass: HomeAssistant) -> list[dict[str, Any]]:
    """This week's calendar events."""
    calendar = entity_id(hass, "calendar", "training_calendar")
    response = await action(
        hass,
        "calendar",
        "get_events",
        {
            "entity_id": calendar,
            "start_date_time": "2026-11-23T00:00:00+01:00",
            "end_date_time": "2026-11-30T00:00:00+01:00",
        },
    )
    events: list[dict[str, Any]] = response[calendar]["events"]
    return events


def exercises(hass: HomeAssistant) -> dict[str, dict[str, Any]]:
    """The next workout's exercises by id."""
    state = hass.states.get(entity_id(hass, "sensor", "next_workout"))
    assert state is not None
    return {e["exercise"]: e for e in state.attributes["exercises"]}


async def test_english_texts_and_ids(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """English: names, notes, doses and reasons; the state and ids stay ids."""
    state = hass.states.get(entity_id(hass, "sensor", "next_workout"))
    assert state is not None
    assert (state.state, state.attributes["name"]) == ("strength_day", "Day 1 Strength")
    deadlift = exercises(hass)["conventional_deadlift"]
    assert (deadlift["name"], deadlift["prescription"], deadlift["progression"]) == (
        "Conventional deadlift",
        "3 x 5-8",
        "start at the low end of the range",
    )
    assert exercises(hass)["hip_thrust"]["note"] == "Pause for a second at the top."
    assert name_of_day(hass, "control_day") == "Day 2 Control"
    assert name_of_day(hass, "no_such_day") == "no_such_day"
    assert name_of_exercise(hass, "nordic_curl") == "Nordic hamstring curl"
    german = await async_texts(hass, "de")
    assert german.word("exercise", "romanian_deadlift", "") == "Rumänisches Kreuzheben"


@pytest.mark.parametrize("language", ["it"])
async def test_a_language_without_files_reads_english(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """No Italian file: every text falls back to English."""
    assert (
        hass.states.get(entity_id(hass, "sensor", "next_workout")).attributes["name"]
        == "Day 1 Strength"
    )
    assert [i["summary"] for i in await todo_items(hass)][:3] == [
        "Warm-up",
        "Sumo squat to stand",
        "Conventional deadlift",
    ]
    words = await async_texts(hass)
    assert words.word("exercise", "lunge", "fallback") == "Lunge"
    assert words.word("exercise", "not_an_exercise", "fallback") == "fallback"


# --- German (translations/de.json) ----------------------------------------------


@pytest.mark.parametrize("language", ["de"])
async def test_german_workout_attributes(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """The next workout's day, exercises, notes, doses and reasons in German."""
    state = hass.states.get(entity_id(hass, "sensor", "next_workout"))
    assert state.state == "strength_day"
    assert state.attributes["name"] == day_in("de", "strength_day")
    by_id = exercises(hass)
    deadlift = by_id["conventional_deadlift"]
    assert (deadlift["name"], deadlift["prescription"], deadlift["progression"]) == (
        "Klassisches Kreuzheben",
        "3 x 5-8",
        "Beginn am unteren Ende des Bereichs",
    )
    assert by_id["romanian_deadlift"]["name"] == "Rumänisches Kreuzheben"
    assert by_id["hip_thrust"]["note"] == "Oben eine Sekunde halten."
    assert by_id["single_leg_romanian_deadlift"]["prescription"] == "2 x 10 pro Bein"
    assert by_id["warm_up"]["name"] == "Aufwärmen"
    assert by_id["warm_up"]["prescription"] == "1 x 8-10 min"


@pytest.mark.parametrize("language", ["de"])
async def test_german_todo_calendar_and_actions(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """To-do items, calendar events and action responses in German."""
    items = await todo_items(hass)
    assert [i["summary"] for i in items][:3] == [
        "Aufwärmen",
        "Sumo-Kniebeuge zum Stand",
        "Klassisches Kreuzheben",
    ]
    assert items[2]["description"] == (
        "3 x 5 Wdh. (3 x 5-8). Beginn am unteren Ende des Bereichs"
    )
    [planned, *_] = await week_events(hass)
    assert planned["summary"] == day_in("de", "strength_day")
    assert "Klassisches Kreuzheben: 3 x 5 Wdh." in planned["description"]

    status = await action(hass, DOMAIN, "get_status", {})
    assert status["next_workout"]["program_day"] == "strength_day"
    assert status["next_workout"]["name"] == day_in("de", "strength_day")
    assert status["next_hard_session"]["name"] == day_in("de", "strength_day")

    logged = await action(hass, DOMAIN, "log_session", {})
    deadlift = next(
        d for d in logged["progression"] if d["exercise"] == "conventional_deadlift"
    )
    assert deadlift["name"] == "Klassisches Kreuzheben"
    events = await week_events(hass)
    assert events[0]["summary"] == f"{day_in('de', 'strength_day')} (erledigt)"


@pytest.mark.parametrize("language", ["de"])
async def test_german_progression_reasons_with_values(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """A reason with values and the effort, and the device's program, in German."""
    await action(hass, DOMAIN, "log_session", {"rpe": 7})
    await action(
        hass,
        DOMAIN,
        "log_session",
        {
            "performed_at": "2026-11-23T09:00:00+01:00",
            "program_day": "control_day",
            "rpe": 7,
        },
    )
    status = await action(hass, DOMAIN, "get_status", {})
    reasons = {
        e["exercise"]: e["progression"] for e in status["next_workout"]["exercises"]
    }
    assert reasons["nordic_curl"] == (
        "+2 Wiederholungen insgesamt (1 pro Satz): alle 2 Sätze mit 4 geschafft"
        " bei RPE 7"
    )
    (device,) = dr.async_entries_for_config_entry(dr.async_get(hass), coach.entry_id)
    words = json.loads((TRANSLATIONS / "de.json").read_text("utf-8"))
    assert device.model == words["selector"]["program"]["options"]["strength_2day"]


@pytest.mark.parametrize("language", ["en"])
async def test_language_change_rewrites_the_texts(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """English at first; after switching Home Assistant to German, German."""
    assert exercises(hass)["conventional_deadlift"]["name"] == "Conventional deadlift"
    await hass.config.async_update(language="de")
    await hass.async_block_till_done()
    assert exercises(hass)["conventional_deadlift"]["name"] == "Klassisches Kreuzheben"
    assert hass.states.get(entity_id(hass, "sensor", "next_workout")).attributes[
        "name"
    ] == day_in("de", "strength_day")
    assert (await todo_items(hass))[2]["summary"] == "Klassisches Kreuzheben"
    assert name_of_exercise(hass, "lunge") == "Ausfallschritt"
