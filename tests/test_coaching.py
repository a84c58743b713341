"""Coaching depth through Home Assistant: progression, phases, records, recovery."""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError, Unauthorized
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.hamstring_coach.const import DOMAIN, EVENT_PERSONAL_RECORD

from .conftest import START, TIME_ZONE, make_entry


async def call(
    hass: HomeAssistant, service: str, data: dict[str, Any] | None = None
) -> Any:
    """Call one of our actions with a response."""
    return await hass.services.async_call(
        DOMAIN, service, data or {}, blocking=True, return_response=True
    )


async def setup_entry(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, **options: object
) -> MockConfigEntry:
    """Set up a coach with options on Monday 23 Nov 2026, 10:00 Berlin."""
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    entry = make_entry(**options)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


def exercise(hass: HomeAssistant, exercise_id: str) -> dict[str, Any]:
    """One exercise of the next workout, from the sensor's attributes."""
    state = hass.states.get("sensor.alex_next_workout")
    assert state is not None
    return next(
        e for e in state.attributes["exercises"] if e["exercise"] == exercise_id
    )


async def test_progression_shows_in_the_next_workout(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """R4: after Day 1 and Day 2 as prescribed, Day 1 comes back one rep harder."""
    await call(
        hass, "log_session", {"performed_at": "2026-11-16T18:00:00+01:00", "rpe": 7}
    )
    await call(hass, "log_session", {"performed_at": "2026-11-19T18:00:00+01:00"})
    deadlift = exercise(hass, "conventional_deadlift")
    assert (deadlift["sets"], deadlift["reps"], deadlift["change"]) == (
        3,
        6,
        "increase",
    )
    assert (
        deadlift["progression"]
        == "+3 reps in total (1 per set): all 3 sets reached 5 at RPE 7"
    )


async def test_hard_rpe_holds_the_prescription(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """R4: RPE above 8 holds the dose."""
    await call(
        hass, "log_session", {"performed_at": "2026-11-16T18:00:00+01:00", "rpe": 9.5}
    )
    await call(hass, "log_session", {"performed_at": "2026-11-19T18:00:00+01:00"})
    deadlift = exercise(hass, "conventional_deadlift")
    assert (deadlift["reps"], deadlift["change"]) == (5, "hold")
    assert deadlift["progression"] == "RPE 9.5 is above 8: hold"


async def test_load_step_and_personal_record_event(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """R4 + records: a heavier Romanian deadlift beats the record and fires the event."""
    records = async_capture_events(hass, EVENT_PERSONAL_RECORD)
    rdl = {"exercise": "romanian_deadlift", "sets": 3, "reps": 10}
    await call(
        hass,
        "log_session",
        {
            "performed_at": "2026-11-09T18:00:00+01:00",
            "exercises": [{**rdl, "load": 60}],
        },
    )
    response = await call(
        hass,
        "log_session",
        {
            "performed_at": "2026-11-16T18:00:00+01:00",
            "exercises": [{**rdl, "load": 65}],
        },
    )
    kinds = {r["kind"]: r for r in response["personal_records"]}
    assert set(kinds) == {"estimated_1rm", "heaviest"}
    assert kinds["heaviest"]["value"] == 65.0
    assert kinds["estimated_1rm"]["value"] == pytest.approx(86.7)
    assert len(records) == 2
    assert {e.data["kind"] for e in records} == {"estimated_1rm", "heaviest"}
    assert all(e.data["config_entry_id"] == init_integration.entry_id for e in records)
    history = await call(hass, "get_history", {"exercise": "romanian_deadlift"})
    assert len(history["sessions"]) == 2
    assert {r["kind"]: r["value"] for r in history["records"]} == {
        "estimated_1rm": pytest.approx(86.7),
        "heaviest": 65.0,
    }
    # 3 x 10 is the top of Day 1's 3 x 8-10: next time the load goes up one step.
    rdl_next = exercise(hass, "romanian_deadlift")
    assert (rdl_next["load"], rdl_next["unit"], rdl_next["reps"]) == (67.5, "kg", 8)


async def test_high_soreness_extra_rest_day(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """R5: soreness 8 after Monday's session adds a rest day and swaps in the light day."""
    await call(hass, "log_session", {"performed_at": "2026-11-23T09:30:00+01:00"})
    before = await call(hass, "get_status")
    assert before["rest_until"] == "2026-11-25T08:30:00+00:00"
    response = await call(hass, "report_soreness", {"level": 8})
    assert response["training_status"] == "recovering"
    assert response["next_workout"] == "light_day"
    status = await call(hass, "get_status")
    # Thursday 18:00 was planned when it was reported: it moves back a day.
    assert status["rest_until"] == "2026-11-27T17:00:00+00:00"
    assert status["next_session"] == "2026-11-27T17:00:00+00:00"
    assert status["advice"] == "extra_rest"
    assert "extra rest day" in status["guidance"]


async def test_rehab_phase_sensor_and_automatic_advance(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """R6: four explicitly pain-free days over a week move rehab to phase 2."""
    await setup_entry(hass, freezer, program="rehab", phase_sessions=4)
    state = hass.states.get("sensor.alex_phase")
    assert state is not None
    assert state.state == "1"
    assert state.attributes["sessions_needed"] == 4
    assert state.attributes["sessions_done"] == 0
    assert hass.states.get("sensor.alex_next_workout").state == "rehab_activation"
    changed = []
    for day in (16, 17, 18, 23):
        response = await call(
            hass,
            "log_session",
            {
                "performed_at": f"2026-11-{day}T09:00:00+01:00",
                "pain": False,
                "soreness": 2,
            },
        )
        changed.append(response["phase_changed"])
    assert changed == [None, None, None, 2]
    assert hass.states.get("sensor.alex_phase").state == "2"
    assert hass.states.get("sensor.alex_phase").attributes["sessions_done"] == 0
    assert hass.states.get("sensor.alex_next_workout").state == "rehab_strength"


async def test_rehab_pain_restarts_the_count(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """R6: pain in the phase blocks advancing until enough pain-free sessions follow."""
    await setup_entry(hass, freezer, program="rehab", phase_sessions=2)
    await call(hass, "log_session", {"performed_at": "2026-11-09T18:00:00+01:00"})
    response = await call(
        hass, "log_session", {"performed_at": "2026-11-10T18:00:00+01:00", "pain": True}
    )
    assert response["phase_changed"] is None
    assert "see a physiotherapist or doctor" in response["guidance"]
    phase = hass.states.get("sensor.alex_phase").attributes
    assert (phase["sessions_done"], phase["pain_free"]) == (0, False)
    pain_free = {"pain": False, "soreness": 1}
    response = await call(
        hass,
        "log_session",
        {"performed_at": "2026-11-11T18:00:00+01:00", **pain_free},
    )
    assert response["phase_changed"] is None
    response = await call(
        hass,
        "log_session",
        {"performed_at": "2026-11-20T18:00:00+01:00", **pain_free},
    )
    assert response["phase_changed"] == 2


async def test_set_phase_for_rehab_and_runner(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """set_phase moves rehab and the runner directly; readiness counts from there."""
    rehab = await setup_entry(hass, freezer, program="rehab")
    response = await call(
        hass, "set_phase", {"config_entry_id": rehab.entry_id, "phase": 3}
    )
    assert response["phase"] == 3
    assert hass.states.get("sensor.alex_next_workout").state == "rehab_flexibility"
    runner = make_entry("Sam", program="runner")
    runner.add_to_hass(hass)
    assert await hass.config_entries.async_setup(runner.entry_id)
    await hass.async_block_till_done()
    response = await call(
        hass, "set_phase", {"config_entry_id": runner.entry_id, "phase": 2}
    )
    assert response == {
        "phase": 2,
        "phases": 4,
        "next_phase_on": "2026-12-07",
        "sessions_done": 0,
        "sessions_needed": 3,
        "pain_free": True,
    }
    assert runner.options["program_start"] == "2026-11-23"  # unchanged
    assert hass.states.get("sensor.sam_phase").state == "2"


@pytest.mark.parametrize(
    ("program", "phase", "key"),
    [
        pytest.param("strength_2day", 2, "phase_not_manual", id="no-phases"),
        pytest.param("runner", 5, "schema", id="phase-5"),
    ],
)
async def test_set_phase_errors(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    program: str,
    phase: int,
    key: str,
) -> None:
    """Programs without phases refuse; phases outside 1-4 are a schema error."""
    await setup_entry(hass, freezer, program=program)
    if key == "schema":
        import voluptuous as vol  # noqa: PLC0415

        with pytest.raises(vol.Invalid):
            await call(hass, "set_phase", {"phase": phase})
        return
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "set_phase", {"phase": phase})
    assert err.value.translation_key == key


async def test_set_phase_is_admin_only(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_read_only_user: Any
) -> None:
    """Only administrators may move phases."""
    from homeassistant.core import Context  # noqa: PLC0415

    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            DOMAIN,
            "set_phase",
            {"phase": 2},
            blocking=True,
            context=Context(user_id=hass_read_only_user.id),
        )


async def test_phase_sensor_only_for_phased_programs(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    """strength_2day has no phases, so no phase sensor."""
    assert hass.states.get("sensor.alex_phase") is None
    assert (
        entity_registry.async_get_entity_id(
            "sensor", DOMAIN, f"{init_integration.entry_id}_phase"
        )
        is None
    )


async def test_runner_hard_run_day_is_avoided(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """R7: with Thursday as the hard run day, no hard session lands on Wed or Thu."""
    await setup_entry(
        hass,
        freezer,
        program="runner",
        training_days=["mon", "wed", "thu", "sat"],
        hard_run_day="thu",
    )
    await call(hass, "log_session", {"performed_at": "2026-11-23T09:30:00+01:00"})
    status = await call(hass, "get_status")
    # Rest ends Wednesday 09:30; Wed and Thu are blocked, so Saturday 18:00.
    assert status["next_session"] == "2026-11-28T17:00:00+00:00"
    assert status["next_workout"]["program_day"].startswith("runner_phase_1_")


async def test_options_reject_training_days_all_blocked(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Training only on Wed/Thu with a Thursday hard run day cannot work."""
    flow = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        flow["flow_id"],
        {
            "training_days": ["wed", "thu"],
            "hard_run_day": "thu",
            "sessions_per_week": 2,
            "min_rest_hours": 48,
            "weekly_set_target": 12,
        },
    )
    assert result["errors"] == {"training_days": "training_days_blocked"}


async def test_leaving_a_phased_program_removes_the_phase_sensor(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    entity_registry: er.EntityRegistry,
) -> None:
    """Rehab -> strength_2day: the phase sensor leaves the registry, not left unavailable."""
    entry = await setup_entry(hass, freezer, program="rehab")
    unique_id = f"{entry.entry_id}_phase"
    assert hass.states.get("sensor.alex_phase") is not None
    hass.config_entries.async_update_entry(
        entry, options={**entry.options, "program": "strength_2day"}
    )
    await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert entity_registry.async_get_entity_id("sensor", DOMAIN, unique_id) is None
    assert hass.states.get("sensor.alex_phase") is None
