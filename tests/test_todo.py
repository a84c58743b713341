"""Today's workout as a to-do list: check to log, uncheck to undo, roll over."""

from __future__ import annotations

import json
import os
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.hamstring_coach.const import DOMAIN

from .conftest import make_entry

TODO = "todo.alex_todays_workout"


async def items(hass: HomeAssistant) -> list[dict[str, Any]]:
    """The list through the todo.get_items action."""
    response = await hass.services.async_call(
        "todo", "get_items", {"entity_id": TODO}, blocking=True, return_response=True
    )
    return response[TODO]["items"]


async def check(hass: HomeAssistant, uid: str, status: str = "completed") -> None:
    """Check or uncheck one item by uid through the todo.update_item action."""
    await hass.services.async_call(
        "todo",
        "update_item",
        {"entity_id": TODO, "item": uid, "status": status},
        blocking=True,
    )


async def sessions(hass: HomeAssistant) -> list[dict[str, Any]]:
    """Logged sessions, newest first."""
    response = await hass.services.async_call(
        DOMAIN, "get_history", {}, blocking=True, return_response=True
    )
    return response["sessions"]


async def test_items_are_the_next_workout(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """One item per exercise, with the dose and the progression note."""
    listed = await items(hass)
    assert [i["summary"] for i in listed][:3] == [
        "Warm-up",
        "Sumo squat to stand",
        "Conventional deadlift",
    ]
    assert all(i["status"] == "needs_action" for i in listed)
    deadlift = listed[2]
    assert deadlift["description"].startswith("3 x 5 reps (3 x 5-8).")
    assert hass.states.get(TODO).state == str(len(listed))


async def test_checking_every_working_exercise_logs_and_undo_window(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """All working items checked: logged (source todo); unchecking within 15 min undoes it."""
    listed = await items(hass)
    not_working = {"Warm-up", "Sumo squat to stand", "Cool-down"}
    working = [i for i in listed if i["summary"] not in not_working]
    # The warm-up and cool-down are not working sets: not needed to log.
    for item in working[:-1]:
        await check(hass, item["uid"])
    assert await sessions(hass) == []
    await check(hass, working[-1]["uid"])
    [logged] = await sessions(hass)
    assert (logged["source"], logged["program_day"]) == ("todo", "strength_day")
    finished = await items(hass)
    assert all(i["status"] == "completed" for i in finished)
    assert hass.states.get(TODO).state == "0"
    # Ten minutes later, unchecking one item undoes the log.
    freezer.tick(600)
    await check(hass, working[0]["uid"], "needs_action")
    assert await sessions(hass) == []
    again = await items(hass)
    assert [i["status"] for i in again].count("needs_action") >= 1
    assert hass.states.get("sensor.alex_weekly_sessions").state == "0"


async def test_list_rolls_over_after_the_undo_window(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """At +15 minutes exactly the list shows the following workout, unchecked."""
    for item in await items(hass):
        await check(hass, item["uid"])
    assert len(await sessions(hass)) == 1
    start = dt_util.utcnow()
    freezer.move_to(start + dt_util.dt.timedelta(minutes=14, seconds=59))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert (await items(hass))[0]["uid"].startswith("strength_day:")
    freezer.move_to(start + dt_util.dt.timedelta(minutes=15))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    following = await items(hass)
    assert following[0]["uid"].startswith("control_day:")
    assert all(i["status"] == "needs_action" for i in following)
    # Unchecking after the window changes nothing in the log.
    await check(hass, following[0]["uid"], "needs_action")
    assert len(await sessions(hass)) == 1


async def test_logging_elsewhere_moves_the_list_on(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A session logged by another path replaces the list with the next workout."""
    first = (await items(hass))[1]
    await check(hass, first["uid"])
    await hass.services.async_call(DOMAIN, "log_session", {}, blocking=True)
    listed = await items(hass)
    assert listed[0]["uid"].startswith("control_day:")
    assert all(i["status"] == "needs_action" for i in listed)


async def test_unknown_item_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Only items of today's list can be updated."""
    with pytest.raises(ServiceValidationError):
        await check(hass, "leg_day_1:0:nordic_curl")


async def test_finishing_the_list_never_flashes_the_next_workout(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The count only goes down while checking: done (0) is written before the next list."""
    changes = async_capture_events(hass, "state_changed")
    listed = await items(hass)
    for item in listed:
        await check(hass, item["uid"])
    counts = [
        int(e.data["new_state"].state) for e in changes if e.data["entity_id"] == TODO
    ]
    assert counts == sorted(counts, reverse=True)
    assert counts[-1] == 0


async def test_renaming_an_item_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Items are the program's exercises: a rename is refused, not silently dropped."""
    first = (await items(hass))[0]
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            "todo",
            "update_item",
            {"entity_id": TODO, "item": first["uid"], "rename": "Burpees"},
            blocking=True,
        )
    assert err.value.translation_key == "todo_item_rename"
    assert (await items(hass))[0]["summary"] == first["summary"]


async def test_entity_id_comes_from_the_name(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """The entity id is derived like every other one: device name and entity name."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    entry = make_entry("Mary-Jane O'Neil")
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    registry = er.async_get(hass)
    entity_id = registry.async_get_entity_id(
        "todo", DOMAIN, f"{entry.entry_id}_todays_workout"
    )
    sensor_id = registry.async_get_entity_id(
        "sensor", DOMAIN, f"{entry.entry_id}_streak"
    )
    assert sensor_id is not None
    prefix = sensor_id.removeprefix("sensor.").removesuffix("_streak")
    assert entity_id == f"todo.{prefix}_todays_workout"


# --- what was actually done ---------------------------------------------------------

GYM = pytest.mark.parametrize(
    "mock_config_entry", [make_entry(program="beginner_gym")], ids=["beginner_gym"]
)


async def edit(hass: HomeAssistant, uid: str, description: str) -> None:
    """Change one item's description, as the item dialog does."""
    await hass.services.async_call(
        "todo",
        "update_item",
        {"entity_id": TODO, "item": uid, "description": description},
        blocking=True,
    )


async def status(hass: HomeAssistant) -> dict[str, Any]:
    """The coach's status through get_status."""
    return await hass.services.async_call(
        DOMAIN, "get_status", {}, blocking=True, return_response=True
    )


@GYM
async def test_edited_items_log_what_was_done(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Fewer reps and a skipped exercise are logged; the miss holds next time."""
    deadlift, curl, _ = await items(hass)
    assert deadlift["uid"] == "leg_day_1:0:conventional_deadlift"
    await edit(hass, deadlift["uid"], "3\N{MULTIPLICATION SIGN}5 @ 60 kg")
    await edit(hass, curl["uid"], "skipped")
    listed = await items(hass)
    assert [i["description"] for i in listed[:2]] == [
        "3\N{MULTIPLICATION SIGN}5 @ 60 kg",
        "skipped",
    ]
    assert await sessions(hass) == []
    for item in listed:
        await check(hass, item["uid"])
    [logged] = await sessions(hass)
    done = {e["exercise"]: e for e in logged["exercises"]}
    assert set(done) == {"conventional_deadlift", "glute_bridge"}
    assert (
        done["conventional_deadlift"]["sets"],
        done["conventional_deadlift"]["reps"],
    ) == (3, 5)
    assert done["conventional_deadlift"]["load"] == 60
    assert (done["glute_bridge"]["sets"], done["glute_bridge"]["reps"]) == (3, 10)
    assert logged["working_sets"] == 6
    workout = (await status(hass))["next_workout"]
    assert workout["program_day"] == "leg_day_2"
    changes = {e["exercise"]: e["change"] for e in workout["exercises"]}
    assert changes == {
        "conventional_deadlift": "hold",
        "seated_leg_curl": "start",  # skipped: nothing logged yet
        "glute_bridge": "increase",
    }


@GYM
async def test_edit_and_check_in_one_update(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The item dialog saves the text and the tick together: both count."""
    deadlift, curl, bridge = await items(hass)
    await check(hass, deadlift["uid"])
    await check(hass, curl["uid"])
    await hass.services.async_call(
        "todo",
        "update_item",
        {
            "entity_id": TODO,
            "item": bridge["uid"],
            "description": "3x8",
            "status": "completed",
        },
        blocking=True,
    )
    [logged] = await sessions(hass)
    reps = {e["exercise"]: e["reps"] for e in logged["exercises"]}
    assert reps == {"conventional_deadlift": 6, "seated_leg_curl": 8, "glute_bridge": 8}


@GYM
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("three sets", "actual_unreadable"),
        ("3x6 @ 2000 kg", "dose_out_of_range"),
        ("3x30 s", "wrong_measure"),
    ],
)
async def test_bad_description_is_refused(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    text: str,
    key: str,
) -> None:
    """Unreadable text: a translated error, the item keeps its text, nothing logged."""
    deadlift = (await items(hass))[0]
    with pytest.raises(ServiceValidationError) as err:
        await edit(hass, deadlift["uid"], text)
    assert (err.value.translation_domain, err.value.translation_key) == (DOMAIN, key)
    assert (await items(hass))[0]["description"] == deadlift["description"]
    for item in await items(hass):
        await check(hass, item["uid"])
    [logged] = await sessions(hass)
    assert logged["exercises"][0]["reps"] == 6  # as prescribed


@GYM
async def test_everything_skipped_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A list of skipped exercises logs nothing and says to skip the session."""
    listed = await items(hass)
    for item in listed:
        await edit(hass, item["uid"], "skipped")
    for item in listed[:-1]:
        await check(hass, item["uid"])
    with pytest.raises(ServiceValidationError) as err:
        await check(hass, listed[-1]["uid"])
    assert err.value.translation_key == "nothing_done"
    assert await sessions(hass) == []
    # Back to the plan: the planned text again means "as planned".
    planned = await items(hass)
    await edit(hass, planned[0]["uid"], "as planned")
    await check(hass, listed[-1]["uid"])
    [logged] = await sessions(hass)
    assert [e["exercise"] for e in logged["exercises"]] == ["conventional_deadlift"]


async def _reload(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def test_checks_survive_a_reload(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Checks are on disk when answered: a restart mid-workout keeps them."""
    listed = await items(hass)
    await check(hass, listed[1]["uid"])
    await check(hass, listed[2]["uid"])
    await check(hass, listed[2]["uid"], "needs_action")
    path = hass.config.path(
        ".storage", f"{DOMAIN}.{init_integration.entry_id}.promises"
    )
    ticks = json.loads(await hass.async_add_executor_job(_read, path))["data"]["ticks"]
    assert ticks == {"day": "strength_day", "checked": [listed[1]["uid"]]}
    await _reload(hass, init_integration)
    assert [i["status"] for i in await items(hass)][:3] == [
        "needs_action",
        "completed",
        "needs_action",
    ]


async def test_checks_of_another_workout_are_not_restored(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Logged elsewhere before the restart: the new workout starts unchecked."""
    listed = await items(hass)
    await check(hass, listed[1]["uid"])
    await hass.services.async_call(DOMAIN, "log_session", {}, blocking=True)
    await _reload(hass, init_integration)
    assert all(i["status"] == "needs_action" for i in await items(hass))


async def test_a_failed_save_keeps_the_check_off(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A check that cannot be saved is refused (save_failed) and not shown."""
    listed = await items(hass)
    path = hass.config.path(
        ".storage", f"{DOMAIN}.{init_integration.entry_id}.promises"
    )
    await hass.async_add_executor_job(_block, path)
    with pytest.raises(HomeAssistantError) as err:
        await check(hass, listed[1]["uid"])
    assert err.value.translation_key == "save_failed"
    assert all(i["status"] == "needs_action" for i in await items(hass))


def _read(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def _block(path: str) -> None:
    """A directory where the temporary file goes: every write fails for real."""
    os.makedirs(f"{path}.tmp")
