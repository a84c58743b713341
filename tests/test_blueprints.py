"""Automation blueprints: loaded by Home Assistant's blueprint machinery and run.

Each blueprint is copied into a temporary config folder, validated with the
blueprint schema, instantiated as an automation with `use_blueprint`, and
driven by moving the clock and firing the events the companion app and the
coach fire. The notify and TTS actions are recording stand-ins; the coach's
own actions are real.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
import json
from pathlib import Path
import shutil
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.automation.config import AUTOMATION_BLUEPRINT_SCHEMA
from homeassistant.components.automation.helpers import async_get_blueprints
from homeassistant.components.blueprint import Blueprint
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from homeassistant.util.yaml import load_yaml_dict
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_mock_service,
)

from custom_components.hamstring_coach.const import DOMAIN

from .conftest import START, TIME_ZONE, make_entry

ROOT = Path(__file__).parent.parent
SOURCE = ROOT / "blueprints" / "automation" / DOMAIN
BLUEPRINTS = (
    "session_reminder.yaml",
    "goal_at_risk_announcement.yaml",
    "rest_day_guard.yaml",
    "watch_log.yaml",
    "wearable_workout.yaml",
    "apple_health_workout.yaml",
)
REPO = "https://github.com/hamstring-coach/hamstring_coach"

DUE = "binary_sensor.alex_session_due"
STATUS = "sensor.alex_training_status"
NOTIFY = "notify.mobile_app_test"
WATCH_LIMIT = 120  # characters a watch face shows without scrolling


@pytest.fixture
async def coach(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    tmp_path: Path,
) -> AsyncIterator[MockConfigEntry]:
    """The blueprints in a fresh config folder, then Alex's coach (Mon 10:00).

    At teardown the automation under test is turned off, which cancels its
    running waits and delays (no timer may outlive a test).
    """
    hass.config.config_dir = str(tmp_path)
    shutil.copytree(SOURCE, tmp_path / "blueprints" / "automation" / DOMAIN)
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    yield mock_config_entry
    if hass.states.get("automation.under_test") is not None:
        await hass.services.async_call(
            "automation",
            "turn_off",
            {"entity_id": "automation.under_test", "stop_actions": True},
            blocking=True,
        )
        await hass.async_block_till_done()


@pytest.fixture
def notify_calls(hass: HomeAssistant) -> list[ServiceCall]:
    """Calls of the phone's companion-app notify action."""
    return async_mock_service(hass, "notify", "mobile_app_test")


@pytest.fixture
def tts_calls(hass: HomeAssistant) -> list[ServiceCall]:
    """Calls of tts.speak."""
    return async_mock_service(hass, "tts", "speak")


async def use_blueprint(hass: HomeAssistant, name: str, **inputs: Any) -> None:
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


async def jump(hass: HomeAssistant, freezer: FrozenDateTimeFactory, local: str) -> None:
    """Move the clock to a Berlin wall time and let due timers fire."""
    moment = dt_util.parse_datetime(local)
    assert moment is not None
    freezer.move_to(moment)
    async_fire_time_changed(hass, moment)
    await hass.async_block_till_done()


async def tap(hass: HomeAssistant, action: str) -> None:
    """The companion app reports a tapped notification button."""
    hass.bus.async_fire("mobile_app_notification_action", {"action": action})
    await hass.async_block_till_done()
    # Event triggers start runs with loop.call_soon: a run started by an event
    # fired in the last run can still be pending after the first wait.
    await hass.async_block_till_done()


async def coach_action(
    hass: HomeAssistant, service: str, data: dict[str, Any] | None = None
) -> None:
    """Call one of the coach's actions."""
    await hass.services.async_call(DOMAIN, service, data or {}, blocking=True)
    await hass.async_block_till_done()


def sent(calls: list[ServiceCall]) -> list[dict[str, Any]]:
    """The data of each recorded call; every message fits a watch face."""
    for call in calls:
        assert len(call.data["message"]) <= WATCH_LIMIT, call.data["message"]
    return [dict(call.data) for call in calls]


def reminder(tag: str, workout: str = "Day 1 Strength, 7") -> dict[str, Any]:
    """The actionable reminder for Alex's Monday workout."""
    return {
        "title": "Hamstring session due",
        "message": f"{workout} exercises. Done, snooze, or not as planned?",
        "data": {
            "tag": tag,
            "actions": [
                {"action": f"HAMSTRING_LOG_{tag}", "title": "Done as planned"},
                {"action": f"HAMSTRING_SNOOZE_{tag}", "title": "Snooze 1 h"},
                {"action": f"HAMSTRING_MORE_{tag}", "title": "Not as planned…"},
            ],
        },
    }


def outcomes(tag: str, workout: str) -> dict[str, Any]:
    """The follow-up that replaces the reminder after "Not as planned…"."""
    return {
        "title": "Hamstring session due",
        "message": f"{workout}: harder than planned, missed some, or skipped?",
        "data": {
            "tag": tag,
            "actions": [
                {
                    "action": f"HAMSTRING_HARD_{tag}",
                    "title": "Harder than planned (RPE 9)",
                },
                {"action": f"HAMSTRING_MISSED_{tag}", "title": "Missed some"},
                {"action": f"HAMSTRING_SKIP_{tag}", "title": "Skip"},
            ],
        },
    }


# --- the blueprint files -----------------------------------------------------


@pytest.mark.parametrize("name", BLUEPRINTS)
def test_blueprint_file_is_valid(name: str) -> None:
    """Each file passes the automation blueprint schema and this version's check."""
    blueprint = Blueprint(
        load_yaml_dict(SOURCE / name),
        path=f"{DOMAIN}/{name}",
        expected_domain="automation",
        schema=AUTOMATION_BLUEPRINT_SCHEMA,
    )
    assert blueprint.validate() is None
    metadata = blueprint.metadata
    assert metadata["name"].startswith("Hamstring Coach")
    assert metadata["source_url"] == (
        f"{REPO}/blob/main/blueprints/automation/{DOMAIN}/{name}"
    )
    hacs = json.loads((ROOT / "hacs.json").read_text(encoding="utf-8"))
    assert metadata["homeassistant"]["min_version"] == hacs["homeassistant"]
    coach_input = blueprint.inputs["session_due_entity"]
    assert coach_input["selector"]["entity"]["filter"] == [
        {"integration": DOMAIN, "domain": ["binary_sensor"]}
    ]


async def test_blueprint_folder_loads(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """Home Assistant finds every shipped one in <config>/blueprints/automation."""
    found = await async_get_blueprints(hass).async_get_blueprints()
    assert sorted(found) == sorted(f"{DOMAIN}/{name}" for name in BLUEPRINTS)
    assert all(isinstance(bp, Blueprint) for bp in found.values())


# --- session_reminder ----------------------------------------------------------


async def test_reminder_snooze_then_remind_again(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    notify_calls: list[ServiceCall],
) -> None:
    """Due at 18:00: one actionable notification; Snooze 1 h brings it back at 19:00."""
    tag = f"hamstring_coach_{coach.entry_id}"
    await use_blueprint(hass, "session_reminder.yaml", notify_service=NOTIFY)
    await jump(hass, freezer, "2026-11-23T17:59:00+01:00")
    assert notify_calls == []
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    assert hass.states.get(DUE).state == "on"
    assert sent(notify_calls) == [reminder(tag)]

    await tap(hass, f"HAMSTRING_SNOOZE_{tag}")
    assert hass.states.get(DUE).state == "off"
    assert hass.states.get(STATUS).state == "due"
    await jump(hass, freezer, "2026-11-23T18:59:00+01:00")
    assert len(notify_calls) == 1
    await jump(hass, freezer, "2026-11-23T19:00:00+01:00")
    assert sent(notify_calls) == [reminder(tag), reminder(tag)]


async def test_reminder_log_it_logs_and_clears(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    notify_calls: list[ServiceCall],
) -> None:
    """Log it logs the planned workout for this coach; the notification is cleared."""
    tag = f"hamstring_coach_{coach.entry_id}"
    await use_blueprint(hass, "session_reminder.yaml", notify_service=NOTIFY)
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    await tap(hass, f"HAMSTRING_LOG_{tag}")
    assert hass.states.get("sensor.alex_weekly_sessions").state == "1"
    assert hass.states.get(DUE).state == "off"
    assert sent(notify_calls) == [
        reminder(tag),
        {"message": "clear_notification", "data": {"tag": tag}},
    ]


async def coach_status(hass: HomeAssistant) -> dict[str, Any]:
    """get_status of the only coach."""
    return await hass.services.async_call(
        DOMAIN, "get_status", {}, blocking=True, return_response=True
    )


async def history(hass: HomeAssistant) -> list[dict[str, Any]]:
    """The logged sessions, newest first."""
    response = await hass.services.async_call(
        DOMAIN, "get_history", {}, blocking=True, return_response=True
    )
    return response["sessions"]


GYM = pytest.mark.parametrize(
    "mock_config_entry", [make_entry(program="beginner_gym")], ids=["beginner_gym"]
)


@GYM
@pytest.mark.parametrize(
    ("button", "rpe", "short", "change"),
    [
        ("LOG", None, 0, "increase"),
        ("HARD", 9, 0, "hold"),
        ("MISSED", None, 1, "hold"),
    ],
    ids=["done-as-planned", "harder", "missed-some"],
)
async def test_reminder_outcomes_log_accordingly(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    notify_calls: list[ServiceCall],
    button: str,
    rpe: int | None,
    short: int,
    change: str,
) -> None:
    """Each outcome logs Leg day 1 its way; Leg day 2 steps up only after "as planned"."""
    tag = f"hamstring_coach_{coach.entry_id}"
    await use_blueprint(hass, "session_reminder.yaml", notify_service=NOTIFY)
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    planned = (await coach_status(hass))["next_workout"]["exercises"]
    if button != "LOG":
        await tap(hass, f"HAMSTRING_MORE_{tag}")
        assert sent(notify_calls)[1:] == [outcomes(tag, "Leg day 1")]
        assert await history(hass) == []  # the follow-up asks; nothing logged yet
    await tap(hass, f"HAMSTRING_{button}_{tag}")
    [logged] = await history(hass)
    assert (logged["program_day"], logged["rpe"]) == ("leg_day_1", rpe)
    assert [(e["exercise"], e["sets"], e["reps"]) for e in logged["exercises"]] == [
        (p["exercise"], p["sets"], p["reps"] - short) for p in planned
    ]
    workout = (await coach_status(hass))["next_workout"]
    assert workout["program_day"] == "leg_day_2"
    assert {e["change"] for e in workout["exercises"]} == {change}
    assert notify_calls[-1].data == {
        "message": "clear_notification",
        "data": {"tag": tag},
    }


async def test_reminder_cleared_when_logged_elsewhere(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    notify_calls: list[ServiceCall],
) -> None:
    """A session logged from the dashboard clears the phone's notification."""
    tag = f"hamstring_coach_{coach.entry_id}"
    # No `notify.` prefix: the blueprint adds it.
    await use_blueprint(hass, "session_reminder.yaml", notify_service="mobile_app_test")
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.alex_log_planned_workout"}
    )
    await hass.async_block_till_done()
    assert sent(notify_calls) == [
        reminder(tag),
        {"message": "clear_notification", "data": {"tag": tag}},
    ]


async def test_reminder_skip_moves_the_plan(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    notify_calls: list[ServiceCall],
) -> None:
    """Skip closes tonight's slot: the next session is Thursday 18:00."""
    tag = f"hamstring_coach_{coach.entry_id}"
    await use_blueprint(hass, "session_reminder.yaml", notify_service=NOTIFY)
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    await tap(hass, f"HAMSTRING_SKIP_{tag}")
    assert hass.states.get(DUE).state == "off"
    assert hass.states.get("sensor.alex_next_session").state == (
        "2026-11-26T17:00:00+00:00"
    )
    assert hass.states.get("sensor.alex_weekly_sessions").state == "0"
    assert len(notify_calls) == 1


async def test_reminder_ignores_other_buttons_and_coaches(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    notify_calls: list[ServiceCall],
) -> None:
    """Buttons of other notifications and sessions of another coach do nothing."""
    sam = make_entry("Sam")
    sam.add_to_hass(hass)
    assert await hass.config_entries.async_setup(sam.entry_id)
    await hass.async_block_till_done()
    await use_blueprint(hass, "session_reminder.yaml", notify_service=NOTIFY)
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    assert len(notify_calls) == 1  # Sam's reminder is not Alex's
    await tap(hass, f"HAMSTRING_LOG_hamstring_coach_{sam.entry_id}")
    await tap(hass, "OTHER_AUTOMATION_ACTION")
    await coach_action(hass, "log_session", {"config_entry_id": sam.entry_id})
    assert hass.states.get("sensor.alex_weekly_sessions").state == "0"
    assert hass.states.get(DUE).state == "on"
    assert len(notify_calls) == 1


async def test_reminder_waits_for_allowed_hours(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    notify_calls: list[ServiceCall],
) -> None:
    """Due at 18:00 before the earliest hour: reminded when the allowed hours begin."""
    tag = f"hamstring_coach_{coach.entry_id}"
    await use_blueprint(
        hass,
        "session_reminder.yaml",
        notify_service=NOTIFY,
        earliest="19:30:00",
        latest="21:00:00",
    )
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    assert hass.states.get(DUE).state == "on"
    assert notify_calls == []
    await jump(hass, freezer, "2026-11-23T19:29:00+01:00")
    assert notify_calls == []
    await jump(hass, freezer, "2026-11-23T19:30:00+01:00")
    assert sent(notify_calls) == [reminder(tag)]


async def test_reminder_silent_after_latest_hour(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    notify_calls: list[ServiceCall],
) -> None:
    """Due after the latest hour: no reminder; at midnight the coach re-plans."""
    await use_blueprint(
        hass, "session_reminder.yaml", notify_service=NOTIFY, latest="17:30:00"
    )
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    assert hass.states.get(DUE).state == "on"
    await jump(hass, freezer, "2026-11-24T00:00:00+01:00")
    await jump(hass, freezer, "2026-11-24T07:00:00+01:00")
    assert hass.states.get(DUE).state == "off"
    assert notify_calls == []


async def test_reminder_silent_while_paused(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    notify_calls: list[ServiceCall],
) -> None:
    """No reminder during a pause, neither at training time nor in the morning."""
    await use_blueprint(hass, "session_reminder.yaml", notify_service=NOTIFY)
    await coach_action(hass, "pause", {"until": "2026-12-01"})
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    await jump(hass, freezer, "2026-11-24T07:00:00+01:00")
    assert hass.states.get(STATUS).state == "paused"
    assert notify_calls == []


# --- goal_at_risk_announcement ------------------------------------------------


def announcement(message: str) -> dict[str, Any]:
    """The tts.speak call for Alex's speaker."""
    return {
        "entity_id": ["tts.piper"],
        "media_player_entity_id": "media_player.kitchen",
        "message": message,
    }


SPEAKER = {"media_player": "media_player.kitchen", "tts_entity": "tts.piper"}


async def test_goal_at_risk_daily_announcement(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    tts_calls: list[ServiceCall],
) -> None:
    """Not behind: silent. Behind since Saturday 00:00 (quiet): announced at 19:00."""
    await use_blueprint(hass, "goal_at_risk_announcement.yaml", **SPEAKER)
    await jump(hass, freezer, "2026-11-23T19:00:00+01:00")
    assert tts_calls == []
    await jump(hass, freezer, "2026-11-28T00:00:00+01:00")
    assert hass.states.get(STATUS).state == "behind"
    assert tts_calls == []  # quiet hours
    await jump(hass, freezer, "2026-11-28T19:00:00+01:00")
    assert sent(tts_calls) == [
        announcement(
            "Hamstring check: 0 of 2 sessions this week. "
            "The weekly goal is at risk. A session is due now."
        )
    ]


async def test_goal_at_risk_announced_at_once_outside_quiet_hours(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    tts_calls: list[ServiceCall],
) -> None:
    """With quiet hours 01:00 to 06:00, the coach's goal_at_risk is announced at once."""
    await use_blueprint(
        hass,
        "goal_at_risk_announcement.yaml",
        quiet_start="01:00:00",
        quiet_end="06:00:00",
        **SPEAKER,
    )
    await jump(hass, freezer, "2026-11-27T23:59:00+01:00")
    await jump(hass, freezer, "2026-11-28T00:00:00+01:00")
    assert sent(tts_calls) == [
        announcement(
            "Hamstring check: 0 of 2 sessions this week. "
            "The weekly goal is at risk. Next session today at 18:00."
        )
    ]


async def test_goal_at_risk_only_daily_when_asked(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    tts_calls: list[ServiceCall],
) -> None:
    """announce_immediately off: the event is ignored, the daily check still runs."""
    await use_blueprint(
        hass,
        "goal_at_risk_announcement.yaml",
        announce_immediately=False,
        quiet_start="01:00:00",
        quiet_end="06:00:00",
        announce_time="12:00:00",
        **SPEAKER,
    )
    await jump(hass, freezer, "2026-11-27T23:59:00+01:00")
    await jump(hass, freezer, "2026-11-28T00:00:00+01:00")
    assert tts_calls == []
    await jump(hass, freezer, "2026-11-28T12:00:00+01:00")
    assert sent(tts_calls) == [
        announcement(
            "Hamstring check: 0 of 2 sessions this week. "
            "The weekly goal is at risk. Next session today at 18:00."
        )
    ]


async def test_goal_at_risk_quiet_hours_block_daily_check(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    tts_calls: list[ServiceCall],
) -> None:
    """A daily check that falls into quiet hours says nothing."""
    await use_blueprint(
        hass, "goal_at_risk_announcement.yaml", announce_time="23:00:00", **SPEAKER
    )
    await jump(hass, freezer, "2026-11-28T23:00:00+01:00")
    assert hass.states.get(STATUS).state == "behind"
    assert tts_calls == []


# --- rest_day_guard -------------------------------------------------------------


async def test_rest_day_guard_explains_the_move(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    notify_calls: list[ServiceCall],
) -> None:
    """A hard session 16 h after Sunday's: the next one moves, rest until Wednesday."""
    await use_blueprint(hass, "rest_day_guard.yaml", notify_service=NOTIFY)
    await coach_action(
        hass, "log_session", {"performed_at": "2026-11-22T18:00:00+01:00"}
    )
    assert notify_calls == []  # inside no rest window
    await coach_action(hass, "log_session")  # Monday 10:00
    assert sent(notify_calls) == [
        {
            "title": "Rest window broken",
            "message": "Hard session inside the rest window, so the next one moves "
            "to Thu 18:00. Rest until Wed 10:00.",
            "data": {"tag": f"hamstring_coach_rest_{coach.entry_id}"},
        }
    ]
    assert hass.states.get("sensor.alex_next_session").state == (
        "2026-11-26T17:00:00+00:00"
    )


async def test_rest_day_guard_ignores_other_coaches(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    notify_calls: list[ServiceCall],
) -> None:
    """A rest-day violation of another coach sends nothing."""
    sam = make_entry("Sam")
    sam.add_to_hass(hass)
    assert await hass.config_entries.async_setup(sam.entry_id)
    await hass.async_block_till_done()
    await use_blueprint(hass, "rest_day_guard.yaml", notify_service=NOTIFY)
    for performed_at in ("2026-11-22T18:00:00+01:00", None):
        data: dict[str, Any] = {"config_entry_id": sam.entry_id}
        if performed_at:
            data["performed_at"] = performed_at
        await coach_action(hass, "log_session", data)
    assert notify_calls == []


# --- languages -------------------------------------------------------------------

LANGUAGES = ("en", "de", "nl", "fr", "es")
TALKING = ("session_reminder.yaml", "goal_at_risk_announcement.yaml")
TALKING += ("rest_day_guard.yaml", "watch_log.yaml", "wearable_workout.yaml")


@pytest.mark.parametrize("name", TALKING)
def test_blueprint_words_in_every_language(name: str) -> None:
    """A language input, and the same words (and weekday lists) in all five."""
    blueprint = load_yaml_dict(SOURCE / name)
    options = blueprint["blueprint"]["input"]["language"]["selector"]["select"]
    assert [o["value"] for o in options["options"]] == list(LANGUAGES)
    texts = blueprint["variables"]["texts"]
    assert tuple(texts) == LANGUAGES
    for language in LANGUAGES:
        assert texts[language].keys() == texts["en"].keys(), language
        for key, words in texts[language].items():
            assert words, (language, key)
            assert isinstance(words, str | list), (language, key)
            if isinstance(words, list):
                assert len(words) == 7, (language, key)


def day_in(language: str, day_id: str) -> str:
    """A day's name in the integration's translation file for `language`."""
    path = ROOT / "custom_components" / DOMAIN / "translations" / f"{language}.json"
    words = json.loads(path.read_text(encoding="utf-8"))
    name: str = words["entity"]["sensor"]["next_workout"]["state"][day_id]
    return name


async def test_reminder_in_german(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    notify_calls: list[ServiceCall],
) -> None:
    """Home Assistant and the blueprint in German: the whole reminder is German."""
    await hass.config.async_update(language="de")
    await hass.async_block_till_done()
    tag = f"hamstring_coach_{coach.entry_id}"
    await use_blueprint(
        hass, "session_reminder.yaml", notify_service=NOTIFY, language="de"
    )
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    await tap(hass, f"HAMSTRING_MORE_{tag}")
    day = day_in("de", "strength_day")
    assert [(c["title"], c["message"]) for c in sent(notify_calls)] == [
        (
            "Beinbeuger-Einheit fällig",
            f"{day}, 7 Übungen. Erledigt, später oder anders als geplant?",
        ),
        (
            "Beinbeuger-Einheit fällig",
            f"{day}: härter als geplant, etwas ausgelassen oder übersprungen?",
        ),
    ]
    assert [a["title"] for a in notify_calls[1].data["data"]["actions"]] == [
        "Härter als geplant (RPE 9)",
        "Etwas ausgelassen",
        "Überspringen",
    ]
    await tap(hass, f"HAMSTRING_MISSED_{tag}")
    [logged] = await history(hass)
    assert logged["notes"] == "Etwas ausgelassen (aus der Erinnerung)"


async def test_goal_at_risk_in_french(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    tts_calls: list[ServiceCall],
) -> None:
    """The announcement in French, the day word included."""
    await use_blueprint(
        hass,
        "goal_at_risk_announcement.yaml",
        quiet_start="01:00:00",
        quiet_end="06:00:00",
        language="fr",
        **SPEAKER,
    )
    await jump(hass, freezer, "2026-11-27T23:59:00+01:00")
    await jump(hass, freezer, "2026-11-28T00:00:00+01:00")
    assert sent(tts_calls) == [
        announcement(
            "Ischio-jambiers : 0 sur 2 séances cette semaine, objectif menacé. "
            "Prochaine séance aujourd'hui à 18:00."
        )
    ]


async def test_rest_day_guard_in_spanish(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    notify_calls: list[ServiceCall],
) -> None:
    """The rest-window notice in Spanish, with Spanish weekday abbreviations."""
    await use_blueprint(
        hass, "rest_day_guard.yaml", notify_service=NOTIFY, language="es"
    )
    await coach_action(
        hass, "log_session", {"performed_at": "2026-11-22T18:00:00+01:00"}
    )
    await coach_action(hass, "log_session")  # Monday 10:00
    assert [(c["title"], c["message"]) for c in sent(notify_calls)] == [
        (
            "Descanso no respetado",
            "Sesión intensa dentro del descanso, así que la siguiente pasa al "
            "jue 18:00. Descanso hasta el mié 10:00.",
        )
    ]
