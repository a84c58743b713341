"""Every stored schema loads with every field, and is rewritten as the current one.

tests/fixtures/storage_v<major>_<minor>.json are complete store files as Home
Assistant writes them. A schema change adds a fixture of the file it replaces
(and a step in `store.migrate`); these tests then cover it as well.
"""

from __future__ import annotations

from copy import deepcopy
import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.const import (
    DOMAIN,
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
)

from .conftest import START, TIME_ZONE

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMAS = sorted(p.name for p in FIXTURES.glob("storage_v*.json"))


def _load_fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def _assert_contains(actual: Any, expected: Any, where: str) -> None:
    """Every key and value of `expected` is in `actual` (new fields may be added)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} is missing"
            _assert_contains(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), where
        assert len(actual) == len(expected), f"{where}: length"
        for i, (got, want) in enumerate(zip(actual, expected, strict=True)):
            _assert_contains(got, want, f"{where}[{i}]")
    else:
        # 8 and 8.0 are the same number in JSON; bool and None compare exactly.
        assert type(actual) is type(expected) or (
            isinstance(actual, (int, float))
            and isinstance(expected, (int, float))
            and not isinstance(actual, bool)
            and not isinstance(expected, bool)
        ), f"{where}: {actual!r} != {expected!r}"
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def _assert_sessions(
    actual: list[dict[str, Any]], expected: list[dict[str, Any]]
) -> None:
    by_id = {s["id"]: s for s in actual}
    for session in expected:
        assert session["id"] in by_id, f"session {session['id']} is missing"
        _assert_contains(by_id[session["id"]], session, session["id"])


def test_fixtures_are_complete() -> None:
    """There is a fixture of the current schema, and each is a full store file."""
    assert f"storage_v{STORAGE_VERSION}_{STORAGE_MINOR_VERSION}.json" in SCHEMAS
    for name in SCHEMAS:
        fixture = _load_fixture(name)
        assert set(fixture) == {"version", "minor_version", "key", "data"}
        assert name == f"storage_v{fixture['version']}_{fixture['minor_version']}.json"
        assert fixture["key"].startswith(f"{DOMAIN}.")
        assert fixture["data"]["sessions"], name


@pytest.mark.parametrize("schema", SCHEMAS)
async def test_stored_schema_loads_and_is_rewritten(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    schema: str,
) -> None:
    """Every session of an old file is read back whole and kept on the next write."""
    fixture = _load_fixture(schema)
    sessions: list[dict[str, Any]] = fixture["data"]["sessions"]
    reports: list[dict[str, Any]] = fixture["data"].get("reports", [])
    key = f"{DOMAIN}.{mock_config_entry.entry_id}"
    hass_storage[key] = {**deepcopy(fixture), "key": key}

    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert not issue_registry.issues  # nothing was set aside

    assert len(mock_config_entry.runtime_data.state.reports) == len(reports)
    history: Any = await hass.services.async_call(
        DOMAIN, "get_history", {}, blocking=True, return_response=True
    )
    assert history is not None
    loaded = history["sessions"]
    assert isinstance(loaded, list)
    assert len(loaded) == len(sessions)
    _assert_sessions(loaded, sessions)
    # Newest first, as `get_history` promises.
    assert [s["id"] for s in loaded] == [
        s["id"] for s in sorted(sessions, key=lambda s: s["performed_at"], reverse=True)
    ]

    # A write stores the current schema with everything that was there.
    response: Any = await hass.services.async_call(
        DOMAIN,
        "log_session",
        {"notes": "after the upgrade"},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    stored = hass_storage[key]
    assert stored["version"] == STORAGE_VERSION
    assert stored["minor_version"] == STORAGE_MINOR_VERSION
    assert stored["key"] == key
    assert len(stored["data"]["sessions"]) == len(sessions) + 1
    _assert_sessions(stored["data"]["sessions"], sessions)
    assert response["session_id"] in {s["id"] for s in stored["data"]["sessions"]}
    _assert_contains(stored["data"]["reports"], reports, "reports")
    for part, value in fixture["data"].items():  # e.g. the rehab phase (1.2)
        if part not in {"sessions", "reports"}:
            _assert_contains(stored["data"][part], value, part)

    # And that file loads again unchanged.
    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    reloaded: Any = await hass.services.async_call(
        DOMAIN, "get_history", {}, blocking=True, return_response=True
    )
    assert {s["session_id"] for s in reloaded["sessions"]} == {
        s["id"] for s in stored["data"]["sessions"]
    }
