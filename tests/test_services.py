"""Actions through Home Assistant's service bus, against a real core."""

from __future__ import annotations

from copy import deepcopy
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)
import voluptuous as vol

from custom_components.hamstring_coach.const import DOMAIN, EVENT_SESSION_LOGGED

from .conftest import make_entry

STATUS = "sensor.alex_training_status"


async def call(
    hass: HomeAssistant,
    service: str,
    data: dict[str, Any] | None = None,
    *,
    response: bool = True,
) -> Any:
    """Call one of our actions and return its response."""
    return await hass.services.async_call(
        DOMAIN, service, data or {}, blocking=True, return_response=response
    )


def stored(
    hass_storage: dict[str, Any], entry: MockConfigEntry
) -> list[dict[str, Any]]:
    """The sessions as written to `.storage`."""
    return (
        hass_storage.get(f"{DOMAIN}.{entry.entry_id}", {})
        .get("data", {})
        .get("sessions", [])
    )


async def test_log_session_default_is_next_workout_as_prescribed(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """Without exercises the next workout is logged at the low end of each range."""
    events = async_capture_events(hass, EVENT_SESSION_LOGGED)
    response = await call(hass, "log_session")
    progression = response.pop("progression")
    assert response == {
        "session_id": response["session_id"],
        "duplicate": False,
        "warnings": [],
        "performed_at": "2026-11-23T09:00:00+00:00",
        "working_sets": 11,  # deadlift 3 + RDL 3 + single-leg RDL 2 + hip thrust 3
        "weekly_sets": 11,
        "weekly_sessions": 1,
        "next_session": "2026-11-26T17:00:00+00:00",  # Thursday 18:00 Berlin
        "training_status": "resting",
        "personal_records": [],
        "phase_changed": None,
        "guidance": None,
    }
    # R4: every target was met, so each working lift gains a rep per set next time.
    by_id = {p["exercise"]: p for p in progression}
    assert by_id["conventional_deadlift"]["change"] == "increase"
    assert (
        by_id["conventional_deadlift"]["sets"],
        by_id["conventional_deadlift"]["reps"],
    ) == (3, 6)
    assert by_id["conventional_deadlift"]["progression"] == (
        "+3 reps in total (1 per set): all 3 sets reached 5"
    )
    assert by_id["sumo_squat_to_stand"]["change"] == "hold"  # warm-up: no progression
    [saved] = stored(hass_storage, init_integration)
    assert saved["id"] == response["session_id"]
    assert saved["program_day"] == "strength_day"
    assert saved["hard"] is True
    assert {e["exercise"] for e in saved["exercises"]} >= {
        "conventional_deadlift",
        "hip_thrust",
    }
    assert hass.states.get(STATUS).state == "resting"
    assert hass.states.get("sensor.alex_next_workout").state == "control_day"
    assert hass.states.get("binary_sensor.alex_rest_required").state == "on"
    assert len(events) == 1
    assert events[0].data["session_id"] == response["session_id"]
    assert events[0].data["working_sets"] == 11
    assert events[0].data["config_entry_id"] == init_integration.entry_id


async def test_log_session_with_exercises_counts_only_working_sets(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """Stretches and warm-ups are logged but do not count toward R3."""
    response = await call(
        hass,
        "log_session",
        {
            "exercises": [
                {"exercise": "romanian_deadlift", "sets": 4, "reps": 10, "load": 60},
                {
                    "exercise": "lying_leg_curl",
                    "sets": 4,
                    "reps": 12,
                    "load": 30,
                    "unit": "lb",
                },
                {"exercise": "hamstring_stretch", "sets": 2, "seconds": 30},
            ],
            "rpe": 7.5,
            "duration_minutes": 40,
            "notes": "Good day",
        },
    )
    assert response["working_sets"] == 8
    [saved] = stored(hass_storage, init_integration)
    assert saved["hard"] is True  # free session with hard working exercises
    assert saved["program_day"] is None
    assert saved["exercises"][0] == {
        "exercise": "romanian_deadlift",
        "sets": 4,
        "reps": 10,
        "load": 60.0,
        "unit": "kg",
    }
    assert saved["exercises"][1]["unit"] == "lb"
    assert saved["rpe"] == 7.5
    assert saved["notes"] == "Good day"


async def test_light_day_does_not_start_rest(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Logging the light day keeps the rest window closed and sessions at 0."""
    response = await call(hass, "log_session", {"program_day": "light_day"})
    assert response["weekly_sessions"] == 0
    assert hass.states.get("binary_sensor.alex_rest_required").state == "off"
    assert hass.states.get("sensor.alex_weekly_sessions").state == "0"


async def test_naive_performed_at_is_local_time(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A time without offset is read in Home Assistant's zone (Berlin)."""
    response = await call(hass, "log_session", {"performed_at": "2026-11-22T18:30:00"})
    assert response["performed_at"] == "2026-11-22T17:30:00+00:00"
    # Sunday belongs to last week: this week still has no session.
    assert response["weekly_sessions"] == 0
    assert hass.states.get("sensor.alex_days_since_last_session").state == "1"


async def test_delete_session_by_id_and_last(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """Delete by id, then undo the latest; entities follow at once."""
    first = await call(
        hass, "log_session", {"performed_at": "2026-11-20T18:00:00+01:00"}
    )
    second = await call(hass, "log_session", {"program_day": "control_day"})
    deleted = await call(hass, "delete_session", {"session_id": first["session_id"]})
    assert deleted["id"] == first["session_id"]
    assert deleted["program_day"] == "strength_day"
    assert [s["id"] for s in stored(hass_storage, init_integration)] == [
        second["session_id"]
    ]
    undone = await call(hass, "delete_session", {"last": True})
    assert undone["id"] == second["session_id"]
    assert stored(hass_storage, init_integration) == []
    assert hass.states.get("sensor.alex_last_session").state == "unknown"
    assert hass.states.get(STATUS).state == "ready"


async def test_get_status_uses_entity_keys(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """get_status answers with the same keys as the entities, plus targets."""
    await call(hass, "log_session")
    status = await call(hass, "get_status")
    assert status["training_status"] == "resting"
    assert status["next_session"] == "2026-11-26T17:00:00+00:00"
    assert status["weekly_sessions"] == 1
    assert status["weekly_sets"] == 11
    assert status["targets"] == {"weekly_sessions": 2, "weekly_sets": 12}
    assert status["rest_until"] == "2026-11-25T09:00:00+00:00"
    assert status["rest_required"] is True
    assert status["session_due"] is False
    assert status["weekly_goal_met"] is False
    assert status["streak"] == 0
    assert status["days_since_last_session"] == 0
    assert status["next_workout"]["program_day"] == "control_day"
    warm_up, nordic = status["next_workout"]["exercises"][:2]
    assert (warm_up["exercise"], warm_up["working"]) == ("warm_up", False)
    assert nordic == {
        **nordic,
        "exercise": "nordic_curl",
        "sets": 2,
        "reps": 4,
        "prescription": "2-3 x 4-6",
        "change": "start",
    }
    assert status["phase"] == {"phase": 1, "phases": 1}
    assert (status["advice"], status["guidance"]) == (None, None)
    assert (status["warning_signs"], status["symptoms_since"]) == ([], None)


async def test_get_history_filters_and_order(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Newest first; start/end and exercise filters apply."""
    old = await call(hass, "log_session", {"performed_at": "2026-11-16T18:00:00+01:00"})
    mid = await call(hass, "log_session", {"performed_at": "2026-11-19T18:00:00+01:00"})
    new = await call(hass, "log_session")
    everything = await call(hass, "get_history")
    assert [s["id"] for s in everything["sessions"]] == [
        new["session_id"],
        mid["session_id"],
        old["session_id"],
    ]
    ranged = await call(
        hass,
        "get_history",
        {"start": "2026-11-17T00:00:00+01:00", "end": "2026-11-23T00:00:00+01:00"},
    )
    assert [s["id"] for s in ranged["sessions"]] == [mid["session_id"]]
    # old = Day 1 (deadlifts), mid = Day 2 (Nordic), new = Day 1 again.
    nordic = await call(hass, "get_history", {"exercise": "nordic_curl"})
    assert [s["id"] for s in nordic["sessions"]] == [mid["session_id"]]


async def test_report_soreness_switches_to_recovery(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """R5: pain means recovering and a light next workout; pain-free ends it."""
    response = await call(hass, "report_soreness", {"level": 4, "pain": True})
    assert response["training_status"] == "recovering"
    assert response["next_workout"] == "light_day"
    guidance = response["guidance"].lower()
    for words in ("stop", "ice, compression and elevation", "physiotherapist", "pop"):
        assert words in guidance
    assert "dent" in response["warning_signs"]
    assert hass.states.get(STATUS).attributes["advice"] == "pain"
    assert hass.states.get(STATUS).attributes["guidance"] == response["guidance"]
    assert hass.states.get(STATUS).state == "recovering"
    assert hass.states.get("sensor.alex_next_workout").state == "light_day"
    assert hass.states.get(STATUS).attributes["pain"] is True
    await call(hass, "report_soreness", {"level": 2}, response=False)
    # R5: no hard session on the day pain was reported, even once it eased.
    assert hass.states.get(STATUS).state == "recovering"
    assert hass.states.get(STATUS).attributes["advice"] == "rest_today"
    assert hass.states.get("sensor.alex_next_workout").state == "light_day"


async def test_mutations_without_response(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """Automations may call the mutating actions without asking for a response."""
    assert await call(hass, "log_session", response=False) is None
    assert len(stored(hass_storage, init_integration)) == 1
    assert await call(hass, "delete_session", {"last": True}, response=False) is None
    assert stored(hass_storage, init_integration) == []


async def test_concurrent_logs_are_all_stored(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """Concurrent calls serialise on the entry lock; none is lost."""
    import asyncio  # noqa: PLC0415

    base = dt_util.parse_datetime("2026-11-01T08:00:00+01:00")
    assert base is not None
    await asyncio.gather(
        *(
            call(
                hass,
                "log_session",
                {
                    "performed_at": (base + timedelta(hours=n)).isoformat(),
                    "program_day": "light_day",
                },
            )
            for n in range(100)
        )
    )
    sessions = stored(hass_storage, init_integration)
    assert len(sessions) == 100
    assert [s["performed_at"] for s in sessions] == sorted(
        s["performed_at"] for s in sessions
    )


# --- entry resolution ---------------------------------------------------------------


async def test_explicit_entry_with_two_loaded(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """With two people, config_entry_id picks the right one."""
    sam = make_entry("Sam")
    sam.add_to_hass(hass)
    assert await hass.config_entries.async_setup(sam.entry_id)
    await hass.async_block_till_done()
    await call(hass, "log_session", {"config_entry_id": sam.entry_id})
    assert hass.states.get("sensor.sam_weekly_sessions").state == "1"
    assert hass.states.get("sensor.alex_weekly_sessions").state == "0"


# --- bad input: rejected, translated, nothing stored ----------------------------------

SCHEMA = "schema"

BAD_LOGS = [
    pytest.param({"rpe": 0}, SCHEMA, id="rpe-0"),
    pytest.param({"rpe": 11}, SCHEMA, id="rpe-11"),
    pytest.param({"rpe": "nan"}, SCHEMA, id="rpe-nan"),
    pytest.param({"soreness": 11}, SCHEMA, id="soreness-11"),
    pytest.param({"soreness": 2.5}, SCHEMA, id="soreness-fraction"),
    pytest.param(
        {"exercises": [{"exercise": "nordic_curl", "sets": 0, "reps": 5}]},
        "dose_out_of_range",
        id="sets-0",
    ),
    pytest.param(
        {"exercises": [{"exercise": "nordic_curl", "sets": 21, "reps": 5}]},
        "dose_out_of_range",
        id="sets-21",
    ),
    pytest.param(
        {"exercises": [{"exercise": "nordic_curl", "sets": True, "reps": 5}]},
        SCHEMA,
        id="sets-bool",
    ),
    pytest.param(
        {"exercises": [{"exercise": "nordic_curl", "sets": 2, "reps": -5}]},
        "dose_out_of_range",
        id="reps-negative",
    ),
    pytest.param(
        {
            "exercises": [
                {"exercise": "romanian_deadlift", "sets": 2, "reps": 5, "load": -10}
            ]
        },
        "dose_out_of_range",
        id="load-negative",
    ),
    pytest.param(
        {
            "exercises": [
                {"exercise": "romanian_deadlift", "sets": 2, "reps": 5, "load": "inf"}
            ]
        },
        SCHEMA,
        id="load-inf",
    ),
    pytest.param(
        {
            "exercises": [
                {"exercise": "nordic_curl", "sets": 2, "reps": 5, "seconds": 5}
            ]
        },
        SCHEMA,
        id="reps-and-seconds",
    ),
    pytest.param({"exercises": []}, SCHEMA, id="exercises-empty"),
    pytest.param({"notes": "x" * 501}, SCHEMA, id="notes-501"),
    pytest.param({"performed_at": "yesterday-ish"}, SCHEMA, id="performed-at-garbage"),
    pytest.param({"unexpected": 1}, SCHEMA, id="unknown-field"),
    pytest.param(
        {"exercises": [{"exercise": "leg_press", "sets": 3, "reps": 10}]},
        "unknown_exercise",
        id="unknown-exercise",
    ),
    pytest.param(
        {"exercises": [{"exercise": "nordic_curl", "sets": 3}]},
        "reps_or_seconds",
        id="no-dose",
    ),
    pytest.param(
        {
            "exercises": [
                {"exercise": "hamstring_stretch", "sets": 1, "seconds": 30, "load": 5}
            ]
        },
        "load_not_allowed",
        id="load-on-stretch",
    ),
    pytest.param(
        {"performed_at": "2026-11-23T10:05:00+01:00"},
        "performed_in_future",
        id="performed-at-future",
    ),
    pytest.param(
        {"program_day": "leg_day_1"}, "unknown_program_day", id="day-of-other-program"
    ),
    pytest.param({"config_entry_id": "nope"}, "entry_not_found", id="unknown-entry"),
    pytest.param({"source": "voice"}, SCHEMA, id="source-set-by-voice-only"),
    pytest.param({"source": ""}, SCHEMA, id="source-empty"),
]


async def _assert_rejected(
    hass: HomeAssistant, service: str, data: dict[str, Any], expected: str
) -> None:
    if expected == SCHEMA:
        with pytest.raises(vol.Invalid):
            await call(hass, service, data)
    else:
        with pytest.raises(ServiceValidationError) as err:
            await call(hass, service, data)
        assert err.value.translation_domain == DOMAIN
        assert err.value.translation_key == expected


@pytest.mark.parametrize(("data", "expected"), BAD_LOGS)
async def test_log_session_rejects_bad_input(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    data: dict[str, Any],
    expected: str,
) -> None:
    """Each bad call is refused with a translated error and stores nothing."""
    await call(hass, "log_session", {"performed_at": "2026-11-20T18:00:00+01:00"})
    before = deepcopy(hass_storage)
    await _assert_rejected(hass, "log_session", data, expected)
    assert hass_storage == before
    assert len((await call(hass, "get_history"))["sessions"]) == 1


@pytest.mark.parametrize(
    ("service", "data", "expected"),
    [
        pytest.param(
            "delete_session",
            {"session_id": "missing"},
            "unknown_session",
            id="delete-unknown-session",
        ),
        pytest.param("delete_session", {}, SCHEMA, id="delete-needs-id-or-last"),
        pytest.param(
            "delete_session",
            {"session_id": "a", "last": True},
            SCHEMA,
            id="delete-id-and-last",
        ),
        pytest.param("delete_session", {"last": False}, SCHEMA, id="delete-last-false"),
        pytest.param("report_soreness", {"level": 11}, SCHEMA, id="soreness-level-11"),
        pytest.param(
            "report_soreness", {"level": -1}, SCHEMA, id="soreness-level-negative"
        ),
        pytest.param("report_soreness", {}, SCHEMA, id="soreness-level-missing"),
        pytest.param(
            "get_history",
            {"exercise": "leg_press"},
            "unknown_exercise",
            id="history-unknown-exercise",
        ),
        pytest.param(
            "get_history",
            {"start": "2026-11-20T00:00:00+01:00", "end": "2026-11-19T00:00:00+01:00"},
            "end_before_start",
            id="history-end-before-start",
        ),
        pytest.param(
            "get_status",
            {"config_entry_id": "nope"},
            "entry_not_found",
            id="status-unknown-entry",
        ),
    ],
)
async def test_other_actions_reject_bad_input(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    service: str,
    data: dict[str, Any],
    expected: str,
) -> None:
    """Bad calls of the other actions are refused and change nothing."""
    await call(hass, "log_session", {"performed_at": "2026-11-20T18:00:00+01:00"})
    before = deepcopy(hass_storage)
    await _assert_rejected(hass, service, data, expected)
    assert hass_storage == before


async def test_delete_last_with_empty_log(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Undo with nothing logged says so."""
    await _assert_rejected(hass, "delete_session", {"last": True}, "no_sessions")


async def test_missing_entry_with_two_loaded(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """Never guess the person: two entries and no id is an error naming both."""
    sam = make_entry("Sam")
    sam.add_to_hass(hass)
    assert await hass.config_entries.async_setup(sam.entry_id)
    await hass.async_block_till_done()
    before = deepcopy(hass_storage)
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "log_session")
    assert err.value.translation_key == "entry_required"
    assert err.value.translation_placeholders == {"entries": "Alex, Sam"}
    assert hass_storage == before


async def test_unloaded_entry_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """An entry that is not loaded cannot be logged to."""
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert init_integration.state is ConfigEntryState.NOT_LOADED
    before = deepcopy(hass_storage)
    await _assert_rejected(
        hass,
        "log_session",
        {"config_entry_id": init_integration.entry_id},
        "entry_not_loaded",
    )
    await _assert_rejected(hass, "log_session", {}, "no_entries")
    assert hass_storage == before


async def test_time_moves_performed_at_check(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """'Future' is judged against Home Assistant's clock at call time."""
    await _assert_rejected(
        hass,
        "log_session",
        {"performed_at": "2026-11-23T11:00:00+01:00"},
        "performed_in_future",
    )
    freezer.tick(timedelta(hours=2))
    response = await call(
        hass, "log_session", {"performed_at": "2026-11-23T11:00:00+01:00"}
    )
    assert response["performed_at"] == "2026-11-23T10:00:00+00:00"


async def test_update_session_edits_with_the_same_checks(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """update_session changes fields, keeps the id, and re-derives sets and hardness."""
    logged = await call(
        hass, "log_session", {"performed_at": "2026-11-20T18:00:00+01:00"}
    )
    updated = await call(
        hass,
        "update_session",
        {
            "session_id": logged["session_id"],
            "exercises": [{"exercise": "nordic_curl", "sets": 3, "reps": 5}],
            "program_day": "control_day",
            "notes": "swapped for Nordics",
            "rpe": 8,
        },
    )
    assert updated["id"] == logged["session_id"]
    assert updated["performed_at"] == "2026-11-20T17:00:00+00:00"  # kept
    assert (updated["program_day"], updated["working_sets"], updated["hard"]) == (
        "control_day",
        3,
        True,
    )
    assert updated["notes"] == "swapped for Nordics"
    [stored_session] = stored(hass_storage, init_integration)
    assert {**stored_session, "session_id": stored_session["id"]} == updated
    assert hass.states.get("sensor.alex_weekly_sets").state == "0"  # last week
    history = await call(hass, "get_history", {"exercise": "nordic_curl"})
    assert [s["id"] for s in history["sessions"]] == [logged["session_id"]]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param({"session_id": "missing"}, "unknown_session", id="unknown-id"),
        pytest.param({"rpe": 11}, SCHEMA, id="rpe-11"),
        pytest.param(
            {"performed_at": "2026-11-24T10:00:00+01:00"},
            "performed_in_future",
            id="future",
        ),
        pytest.param(
            {"program_day": "leg_day_1"}, "unknown_program_day", id="other-program"
        ),
        pytest.param(
            {"exercises": [{"exercise": "leg_press", "sets": 3, "reps": 8}]},
            "unknown_exercise",
            id="unknown-exercise",
        ),
        pytest.param(
            {"exercises": [{"exercise": "nordic_curl", "sets": 2, "seconds": 30}]},
            "wrong_measure",
            id="wrong-measure",
        ),
    ],
)
async def test_update_session_rejects_bad_input(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    data: dict[str, Any],
    expected: str,
) -> None:
    """A rejected update changes nothing."""
    logged = await call(
        hass, "log_session", {"performed_at": "2026-11-20T18:00:00+01:00"}
    )
    before = deepcopy(hass_storage)
    await _assert_rejected(
        hass, "update_session", {"session_id": logged["session_id"], **data}, expected
    )
    assert hass_storage == before


async def test_session_id_is_the_one_name_in_every_response(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """log, update, get_history and delete all answer `session_id`; `id` stays one release."""
    logged = await call(hass, "log_session")
    session_id = logged["session_id"]
    updated = await call(hass, "update_session", {"session_id": session_id, "rpe": 7})
    history = await call(hass, "get_history")
    deleted = await call(hass, "delete_session", {"session_id": session_id})
    for item in (updated, history["sessions"][0], deleted):
        assert item["session_id"] == session_id
        assert item["id"] == session_id  # deprecated alias, removed next release
