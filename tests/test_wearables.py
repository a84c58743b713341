"""Wearables through Home Assistant's blueprint machinery and webhook component.

The workout entities are shaped like the integrations that publish them (see
docs/watch.md for the sources): the Garmin Connect integration's "Last
activity" sensor (activity name as state, `activityType`, `startTimeLocal`
without an offset, `duration` in seconds as attributes) and the Strava
integration's activity sensor (`sport_type`, `start_date` in UTC,
`elapsed_time` in seconds). The phone's notify action is a recording
stand-in; the coach, automations, blueprints and webhooks are real.
"""

from __future__ import annotations

from copy import deepcopy
import json
from pathlib import Path
import shutil
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.setup import async_setup_component
from homeassistant.util.yaml import parse_yaml
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_mock_service,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.hamstring_coach.const import DOMAIN

from .conftest import START, TIME_ZONE
from .test_docs import code_blocks

SOURCE = Path(__file__).parent.parent / "blueprints" / "automation" / DOMAIN
DUE = "binary_sensor.alex_session_due"
GARMIN = "sensor.garmin_connect_last_activity"
STRAVA = "sensor.strava_last_activity"
WEBHOOK = "hamstring-apple-health-3f9c1b7d"


@pytest.fixture
async def coach(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    tmp_path: Path,
) -> MockConfigEntry:
    """The blueprints in a fresh config folder, then Alex's coach (Mon 10:00)."""
    hass.config.config_dir = str(tmp_path)
    shutil.copytree(SOURCE, tmp_path / "blueprints" / "automation" / DOMAIN)
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


@pytest.fixture
def notify_calls(hass: HomeAssistant) -> list[ServiceCall]:
    """Calls of the phone's companion-app notify action."""
    return async_mock_service(hass, "notify", "mobile_app_phone")


async def use(hass: HomeAssistant, name: str, **inputs: Any) -> None:
    """Create one automation from a blueprint and check it loaded."""
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                {
                    "id": "under_test",
                    "alias": "Under test",
                    "use_blueprint": {
                        "path": f"{DOMAIN}/{name}",
                        "input": {"session_due_entity": DUE, **inputs},
                    },
                }
            ]
        },
    )
    await hass.async_block_till_done()
    assert hass.states.get("automation.under_test").state == "on"


async def settle(hass: HomeAssistant) -> None:
    """Let event-started runs (started with call_soon) finish."""
    await hass.async_block_till_done()
    await hass.async_block_till_done()


async def sessions(hass: HomeAssistant) -> list[dict[str, Any]]:
    """The stored sessions, newest first."""
    response = await hass.services.async_call(
        DOMAIN, "get_history", {}, blocking=True, return_response=True
    )
    assert response is not None
    return list(response["sessions"])


def garmin(
    kind: str = "strength_training",
    start: str = "2026-11-23 07:05:12",
    seconds: object = 2520.0,
    activity_id: int = 17234567890,
) -> dict[str, Any]:
    """Attributes of the Garmin Connect "Last activity" sensor."""
    return {
        "activityId": activity_id,
        "activityName": "Strength",
        "activityType": kind,
        "startTimeLocal": start,
        "startTimeGMT": start,
        "duration": seconds,
        "distance": 0.0,
        "calories": 310.0,
        "friendly_name": "Garmin Connect Last activity",
    }


async def workout(hass: HomeAssistant, attrs: dict[str, Any], state: str = "") -> None:
    """The wearable integration publishes a (new) latest workout."""
    hass.states.async_set(GARMIN, state or attrs["activityName"], attrs)
    await settle(hass)


# --- wearable_workout: logging directly ---------------------------------------


async def test_strength_workout_logged_with_its_start_and_duration(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """A Garmin strength activity becomes one session, source wearable."""
    await use(hass, "wearable_workout.yaml", workout_entity=GARMIN)
    await workout(hass, garmin())
    [session] = await sessions(hass)
    assert session["performed_at"] == "2026-11-23T06:05:12+00:00"
    assert session["duration_minutes"] == 42
    assert session["source"] == "wearable"
    assert session["program_day"] == "strength_day"


async def test_other_workouts_ignored(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """Running, an unavailable sensor and an unknown state log nothing."""
    await use(hass, "wearable_workout.yaml", workout_entity=GARMIN)
    await workout(hass, garmin(kind="running"), state="Morning run")
    hass.states.async_set(GARMIN, "unavailable", {})
    await settle(hass)
    hass.states.async_set(GARMIN, "unknown", garmin())
    await settle(hass)
    assert await sessions(hass) == []


async def test_same_workout_seen_again_logs_once(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """A restart (unavailable, then the same workout) and a re-sync store one."""
    await use(hass, "wearable_workout.yaml", workout_entity=GARMIN)
    await workout(hass, garmin())
    hass.states.async_set(GARMIN, "unavailable", {})
    await settle(hass)
    await workout(hass, garmin())
    await workout(hass, {**garmin(), "calories": 320.0})
    assert len(await sessions(hass)) == 1
    await workout(hass, garmin(start="2026-11-23 09:30:00", activity_id=2))
    assert len(await sessions(hass)) == 2


@pytest.mark.parametrize(
    "attrs",
    [
        pytest.param(garmin(start="2026-11-23 11:00:00"), id="future"),
        pytest.param(garmin(start="yesterday"), id="start-not-a-time"),
        pytest.param(garmin(start=""), id="start-missing"),
        pytest.param(garmin(seconds="forty"), id="duration-not-a-number"),
        pytest.param(garmin(seconds=-600), id="duration-negative"),
        pytest.param(garmin(seconds=86400 * 2), id="duration-two-days"),
    ],
)
async def test_bad_workouts_refused(
    hass: HomeAssistant, coach: MockConfigEntry, attrs: dict[str, Any]
) -> None:
    """The coach refuses the log; nothing is stored."""
    await use(hass, "wearable_workout.yaml", workout_entity=GARMIN)
    await workout(hass, attrs)
    assert await sessions(hass) == []


async def test_strava_shape_and_program_day(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """Other attribute names, a type with other spelling, a chosen day."""
    await use(
        hass,
        "wearable_workout.yaml",
        workout_entity=STRAVA,
        type_attribute="sport_type",
        start_attribute="start_date",
        duration_attribute="elapsed_time",
        strength_types=["Weight Training"],
        program_day="control_day",
    )
    hass.states.async_set(
        STRAVA,
        "Lunch lift",
        {
            "sport_type": "WeightTraining",
            "start_date": "2026-11-23T08:00:00Z",
            "elapsed_time": 1800,
        },
    )
    await settle(hass)
    assert await sessions(hass) == []  # "weighttraining" is not "weight_training"
    hass.states.async_set(
        STRAVA,
        "Lunch lift",
        {
            "sport_type": "Weight Training",
            "start_date": "2026-11-23T08:00:00Z",
            "elapsed_time": 1800,
        },
    )
    await settle(hass)
    [session] = await sessions(hass)
    assert (session["performed_at"], session["duration_minutes"]) == (
        "2026-11-23T08:00:00+00:00",
        30,
    )
    assert session["program_day"] == "control_day"


# --- wearable_workout: asking first --------------------------------------------


async def tap(hass: HomeAssistant, action: str) -> None:
    """The companion app reports a tapped notification button."""
    hass.bus.async_fire("mobile_app_notification_action", {"action": action})
    await settle(hass)


async def test_ask_first_then_log(
    hass: HomeAssistant, coach: MockConfigEntry, notify_calls: list[ServiceCall]
) -> None:
    """One question per workout; "Log it" logs, the same workout is not asked again."""
    await use(hass, "wearable_workout.yaml", workout_entity=GARMIN, ask_first=True)
    await workout(hass, garmin())
    [asked] = notify_calls
    assert asked.data["message"] == (
        "Strength workout on your watch, 42 min — log it as Day 1 Strength?"
    )
    buttons = asked.data["data"]["actions"]
    assert [b["title"] for b in buttons] == ["Log it", "Not hamstrings"]
    assert await sessions(hass) == []
    await tap(hass, "LOG_somebody_elses_workout")
    assert await sessions(hass) == []
    await tap(hass, buttons[0]["action"])
    [session] = await sessions(hass)
    assert session["source"] == "wearable"
    await workout(hass, {**garmin(), "calories": 320.0})
    assert len(notify_calls) == 1
    assert len(await sessions(hass)) == 1


async def test_ask_first_not_hamstrings(
    hass: HomeAssistant, coach: MockConfigEntry, notify_calls: list[ServiceCall]
) -> None:
    """The "Not hamstrings" button stores nothing."""
    await use(hass, "wearable_workout.yaml", workout_entity=GARMIN, ask_first=True)
    await workout(hass, garmin())
    await tap(hass, notify_calls[0].data["data"]["actions"][1]["action"])
    assert await sessions(hass) == []


# --- apple_health_workout: the webhook -------------------------------------------


async def post(client: Any, body: object) -> int:
    """The Shortcut posts JSON to the local webhook."""
    response = await client.post(f"/api/webhook/{WEBHOOK}", json=body)
    return int(response.status)


@pytest.fixture
async def apple(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    hass_client_no_auth: ClientSessionGenerator,
) -> Any:
    """The Apple Health blueprint on a webhook, and an HTTP client."""
    assert await async_setup_component(hass, "webhook", {})
    await use(hass, "apple_health_workout.yaml", webhook_id=WEBHOOK)
    return await hass_client_no_auth()


STRENGTH = {
    "type": "Traditional Strength Training",
    "start": "2026-11-23T07:05:00+01:00",
    "duration": 41.6,
}


async def test_webhook_logs_a_strength_workout_once(
    hass: HomeAssistant, apple: Any
) -> None:
    """Posted twice, stored once, with start, rounded minutes and source."""
    assert await post(apple, STRENGTH) == 200
    await settle(hass)
    assert await post(apple, STRENGTH) == 200
    await settle(hass)
    [session] = await sessions(hass)
    assert session["performed_at"] == "2026-11-23T06:05:00+00:00"
    assert (session["duration_minutes"], session["source"]) == (42, "wearable")


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({**STRENGTH, "type": "Running"}, id="not-strength"),
        pytest.param({**STRENGTH, "start": "2026-11-23T12:00:00+01:00"}, id="future"),
        pytest.param({**STRENGTH, "start": "soon"}, id="start-garbage"),
        pytest.param({**STRENGTH, "duration": "long"}, id="duration-garbage"),
        pytest.param({**STRENGTH, "duration": 0}, id="duration-zero"),
        pytest.param({"type": STRENGTH["type"]}, id="missing-fields"),
        pytest.param(["not", "an", "object"], id="not-an-object"),
    ],
)
async def test_webhook_refuses_bad_workouts(
    hass: HomeAssistant, apple: Any, body: object
) -> None:
    """Nothing stored for another type, a future start or garbage."""
    await post(apple, body)
    await settle(hass)
    assert await sessions(hass) == []


# --- watch_log: one tap on the wrist -------------------------------------------------


async def test_watch_tap_logs_and_answers(
    hass: HomeAssistant, coach: MockConfigEntry, notify_calls: list[ServiceCall]
) -> None:
    """An Apple Watch action logs the planned workout and sends the watch line."""
    await use(hass, "watch_log.yaml")
    hass.bus.async_fire(
        "ios.action_fired",
        {
            "actionName": "LOG_HAMSTRINGS",
            "actionID": "8A3A2C9E",
            "sourceDeviceID": "apple_watch",
            "sourceDeviceName": "Alex's Apple Watch",
            "sourceDevicePermanentID": "3E9C",
            "triggerSource": "watch",
        },
    )
    await settle(hass)
    [session] = await sessions(hass)
    assert (session["source"], session["program_day"]) == ("watch", "strength_day")
    [answer] = notify_calls
    assert answer.data["title"] == "Logged"
    tile = hass.states.get("sensor.alex_watch_tile").state
    assert answer.data["message"] == tile
    assert tile.startswith("Rest → Thu 18:00 · 1/2 sessions")


async def test_watch_notification_button_logs(
    hass: HomeAssistant, coach: MockConfigEntry, notify_calls: list[ServiceCall]
) -> None:
    """A notification button with the chosen action logs; others do not."""
    await use(hass, "watch_log.yaml")
    await tap(hass, "SOMETHING_ELSE")
    hass.bus.async_fire("ios.action_fired", {"actionName": "LIGHTS_OFF"})
    await settle(hass)
    assert await sessions(hass) == []
    await tap(hass, "HAMSTRING_WATCH_LOG")
    assert len(await sessions(hass)) == 1


# --- log_session with source: wearable -------------------------------------------


async def test_wearable_source_is_stored_once_per_start(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """Same start (to the minute) answers the stored session; no event, no write."""
    logged = async_capture_events(hass, "hamstring_coach_session_logged")
    first = await hass.services.async_call(
        DOMAIN,
        "log_session",
        {"performed_at": "2026-11-23T07:05:12+01:00", "source": "wearable"},
        blocking=True,
        return_response=True,
    )
    assert first is not None
    assert first["duplicate"] is False
    before = deepcopy(hass_storage)
    again = await hass.services.async_call(
        DOMAIN,
        "log_session",
        {"performed_at": "2026-11-23T07:05:40+01:00", "source": "wearable"},
        blocking=True,
        return_response=True,
    )
    assert again is not None
    assert (again["duplicate"], again["session_id"]) == (True, first["session_id"])
    assert hass_storage == before
    assert len(logged) == 1
    stored = hass_storage[f"{DOMAIN}.{coach.entry_id}"]["data"]["sessions"]
    assert [s["source"] for s in stored] == ["wearable"]
    # A watch tap for the same workout is a repeat too (the 30-minute rule for
    # every source); only an explicit allow_duplicate stores a second session.
    tap = await hass.services.async_call(
        DOMAIN,
        "log_session",
        {"performed_at": "2026-11-23T07:10:00+01:00", "source": "watch"},
        blocking=True,
        return_response=True,
    )
    assert tap is not None
    assert (tap["duplicate"], tap["session_id"]) == (True, first["session_id"])
    await hass.services.async_call(
        DOMAIN,
        "log_session",
        {
            "performed_at": "2026-11-23T07:05:12+01:00",
            "source": "watch",
            "allow_duplicate": True,
        },
        blocking=True,
    )
    # Both start at the same second, so their order is the ids' (random part).
    assert sorted(s["source"] for s in await sessions(hass)) == ["watch", "wearable"]


# --- the examples of docs/watch.md ---------------------------------------------------


def _doc_block(language: str, marker: str) -> str:
    """The one docs/watch.md block in `language` that holds `marker`."""
    [body] = [
        body
        for where, _line, body in code_blocks(language)
        if where == "docs/watch.md" and marker in body
    ]
    return body


async def test_withings_template_sensor_feeds_the_blueprint(
    hass: HomeAssistant, coach: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """The page's template joins Withings' sensors; a new workout logs once."""
    config = parse_yaml(_doc_block("yaml", "withings_last_workout_duration"))
    assert await async_setup_component(hass, "template", config)
    await use(
        hass,
        "wearable_workout.yaml",
        workout_entity="sensor.withings_latest_workout",
        type_attribute="type",
        start_attribute="start",
        duration_attribute="duration",
        duration_unit="min",
    )
    # As Withings publishes them: an enum type and a duration shown in minutes.
    hass.states.async_set(
        "sensor.withings_last_workout_type", "lift_weights", {"device_class": "enum"}
    )
    hass.states.async_set(
        "sensor.withings_last_workout_duration",
        "42",
        {"device_class": "duration", "unit_of_measurement": "min"},
    )
    await settle(hass)
    [session] = await sessions(hass)
    assert session["performed_at"] == "2026-11-23T08:18:00+00:00"  # 10:00 - 42 min
    assert (session["duration_minutes"], session["source"]) == (42, "wearable")
    hass.states.async_set("sensor.withings_last_workout_type", "walk")
    hass.states.async_set(
        "sensor.withings_last_workout_duration",
        "25",
        {"device_class": "duration", "unit_of_measurement": "min"},
    )
    await settle(hass)
    assert len(await sessions(hass)) == 1


async def test_webhook_body_of_the_page(hass: HomeAssistant, apple: Any) -> None:
    """The JSON body shown on the page logs one 42-minute session."""
    body = json.loads(_doc_block("json", "Traditional Strength Training"))
    assert await post(apple, body) == 200
    await settle(hass)
    [session] = await sessions(hass)
    assert session["duration_minutes"] == 42
