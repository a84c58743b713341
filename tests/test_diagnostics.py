"""Diagnostics: what a person can share in a bug report, notes and name redacted."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion
from syrupy.matchers import path_type

from custom_components.hamstring_coach.const import (
    DOMAIN,
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
)

from .conftest import OPTIONS, START, make_entry

REDACTED = "**REDACTED**"
# `init_integration` comes before `hass_client` in every signature: it freezes
# the clock, and the client's token must be issued on that clock.
# Session ids are ULIDs (time + randomness): snapshot their type only.
SESSION_IDS = path_type({r"recent_sessions\.\d+\.id": (str,)}, regex=True)


async def _log(hass: HomeAssistant, **data: Any) -> str:
    response = await hass.services.async_call(
        DOMAIN, "log_session", data, blocking=True, return_response=True
    )
    assert response is not None
    return str(response["session_id"])


async def test_diagnostics_redacts_notes_and_name(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    snapshot: SnapshotAssertion,
) -> None:
    """Entry, counts, status and sessions; notes and the person's name redacted."""
    hard = await _log(
        hass,
        performed_at="2026-11-19T18:00:00+01:00",
        program_day="control_day",
        exercises=[
            {"exercise": "nordic_curl", "sets": 3, "reps": 5},
            {"exercise": "romanian_deadlift", "sets": 3, "reps": 8, "load": 60},
        ],
        rpe=8,
        soreness=2,
        pain=False,
        notes="Felt a twinge after the party at Sam's",
    )
    light = await _log(
        hass,
        performed_at="2026-11-21T09:30:00+01:00",
        program_day="light_day",
        exercises=[{"exercise": "glute_bridge", "sets": 2, "reps": 12}],
        duration_minutes=15,
        notes="Easy one",
    )
    await hass.services.async_call(
        DOMAIN, "report_soreness", {"level": 3}, blocking=True
    )

    diagnostics = await get_diagnostics_for_config_entry(
        hass, hass_client, init_integration
    )

    assert diagnostics["entry"] == {
        "title": REDACTED,
        "version": 1,
        "minor_version": 2,
        "data": {"name": REDACTED},
        "options": OPTIONS,
    }
    assert diagnostics["storage"] == {
        "version": STORAGE_VERSION,
        "minor_version": STORAGE_MINOR_VERSION,
    }
    assert diagnostics["counts"] == {"sessions": 2, "hard_sessions": 1, "reports": 1}
    sessions = diagnostics["recent_sessions"]
    assert isinstance(sessions, list)
    assert [s["id"] for s in sessions] == [light, hard]  # newest first
    assert [s["notes"] for s in sessions] == [REDACTED, REDACTED]
    assert {
        "exercise": "romanian_deadlift",
        "sets": 3,
        "reps": 8,
        "load": 60.0,
        "unit": "kg",
    }.items() <= sessions[1]["exercises"][1].items()
    # The status is the one `get_status` answers (exercise names are kept).
    expected_status = await hass.services.async_call(
        DOMAIN, "get_status", {}, blocking=True, return_response=True
    )
    assert diagnostics["status"] == _json(expected_status)
    assert "Felt a twinge" not in str(diagnostics)
    assert "Alex" not in str(diagnostics)
    # The status has its own tests and changes with the coach: not snapshotted.
    rest = {key: value for key, value in diagnostics.items() if key != "status"}
    assert rest == snapshot(matcher=SESSION_IDS)


async def test_diagnostics_keeps_the_last_twenty_sessions(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    """Of 25 sessions the 20 newest are listed, newest first; counts cover all."""
    start = datetime.fromisoformat(START)
    logged: list[tuple[datetime, str]] = []
    for n in range(25):
        at = start - timedelta(hours=6 * (25 - n))
        hard = n % 5 == 0
        session_id = await _log(
            hass,
            performed_at=at.isoformat(),
            program_day="strength_day" if hard else "light_day",
            notes=f"note {n}",
        )
        logged.append((at, session_id))

    diagnostics = await get_diagnostics_for_config_entry(
        hass, hass_client, init_integration
    )

    assert diagnostics["counts"] == {"sessions": 25, "hard_sessions": 5, "reports": 0}
    sessions = diagnostics["recent_sessions"]
    assert isinstance(sessions, list)
    newest = [session_id for _, session_id in sorted(logged, reverse=True)[:20]]
    assert [s["id"] for s in sessions] == newest
    assert all(s["notes"] == REDACTED for s in sessions)


async def test_diagnostics_redact_the_linked_person(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
) -> None:
    """An entry linked to a `person.*` entity shares no person id."""
    entry = make_entry("Sam", person="person.sam")
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    assert diagnostics["entry"]["options"] == {**OPTIONS, "person": REDACTED}
    assert "person.sam" not in str(diagnostics)


def _json(value: Any) -> Any:
    """What a value looks like after the JSON round trip of the HTTP view."""
    if isinstance(value, dict):
        return {key: _json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json(item) for item in value]
    return value
