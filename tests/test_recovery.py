"""Invalid, missing and unreadable files: the last good copy, repairs, lifecycle.

The coach's files are real here (see `StorageView` in conftest): a test
damages the file on disk and sets the entry up again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.hamstring_coach.const import DOMAIN, STORAGE_VERSION
from custom_components.hamstring_coach.durable import last_good_path

from .conftest import START, TIME_ZONE, StorageView


def _path(hass: HomeAssistant, entry: MockConfigEntry) -> Path:
    return Path(hass.config.path(".storage", f"{DOMAIN}.{entry.entry_id}"))


async def _log(hass: HomeAssistant, day: str) -> str:
    response: Any = await hass.services.async_call(
        DOMAIN,
        "log_session",
        {"performed_at": day},
        blocking=True,
        return_response=True,
    )
    return str(response["session_id"])


async def _reload(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


def _ids(entry: MockConfigEntry) -> list[str]:
    return [s.id for s in entry.runtime_data.log]


def _issue(hass: HomeAssistant, entry: MockConfigEntry) -> ir.IssueEntry:
    issue = ir.async_get(hass).async_get_issue(DOMAIN, f"invalid_log_{entry.entry_id}")
    assert issue is not None
    return issue


@pytest.fixture
async def two_sessions(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> list[str]:
    """Two logged sessions: the last good copy holds the first only."""
    return [
        await _log(hass, "2026-11-16T18:00:00+01:00"),
        await _log(hass, "2026-11-19T18:00:00+01:00"),
    ]


async def test_every_write_keeps_the_previous_file(
    hass: HomeAssistant, init_integration: MockConfigEntry, two_sessions: list[str]
) -> None:
    """After a write the file before it is the last good copy."""
    path = _path(hass, init_integration)
    previous = path.read_bytes()
    third = await _log(hass, "2026-11-20T18:00:00+01:00")
    assert _read(Path(last_good_path(str(path)))) == previous
    assert third in path.read_text()
    assert path.stat().st_mode & 0o777 == 0o600


async def test_unreadable_file_is_restored_from_the_last_good_copy(
    hass: HomeAssistant, init_integration: MockConfigEntry, two_sessions: list[str]
) -> None:
    """Damaged JSON: set aside, the copy before the last write comes back."""
    path = _path(hass, init_integration)
    path.write_bytes(b'{"version": 1, "data": {"sessions": [')
    await _reload(hass, init_integration)
    assert init_integration.state is ConfigEntryState.LOADED
    assert _ids(init_integration) == two_sessions[:1]
    [aside] = path.parent.glob(f"{path.name}.invalid.*")
    assert aside.read_bytes() == b'{"version": 1, "data": {"sessions": ['
    issue = _issue(hass, init_integration)
    assert issue.translation_key == "log_restored_unreadable"
    assert issue.translation_placeholders == {
        "name": "Alex",
        "path": str(aside),
        "sessions": "1",
    }
    assert issue.is_fixable
    assert issue.severity is ir.IssueSeverity.WARNING
    # The restored file is valid on disk, so a restart reads it without a repair.
    assert [s["id"] for s in _stored(path)["data"]["sessions"]] == two_sessions[:1]


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _write(path: Path, payload: bytes) -> None:
    path.write_bytes(payload)


def _stored(path: Path) -> Any:
    return json.loads(path.read_bytes())


async def test_invalid_file_names_what_the_copy_lacks(
    hass: HomeAssistant, init_integration: MockConfigEntry, two_sessions: list[str]
) -> None:
    """Valid JSON, invalid content: the repair counts the sessions not restored."""
    path = _path(hass, init_integration)
    stored = _stored(path)
    stored["data"]["sessions"][1]["performed_at"] = "not a date"
    path.write_text(json.dumps(stored))
    await _reload(hass, init_integration)
    assert _ids(init_integration) == two_sessions[:1]
    issue = _issue(hass, init_integration)
    assert issue.translation_key == "log_restored"
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["missing"] == "1"
    assert issue.translation_placeholders["sessions"] == "1"


async def test_missing_file_is_restored(
    hass: HomeAssistant, init_integration: MockConfigEntry, two_sessions: list[str]
) -> None:
    """A file gone while its last good copy is there: the copy comes back."""
    _path(hass, init_integration).unlink()
    await _reload(hass, init_integration)
    assert _ids(init_integration) == two_sessions[:1]
    issue = _issue(hass, init_integration)
    assert issue.translation_key == "log_missing_restored"
    assert issue.translation_placeholders == {
        "name": "Alex",
        "path": "None",
        "sessions": "1",
    }


async def test_no_valid_copy_starts_empty(
    hass: HomeAssistant, init_integration: MockConfigEntry, two_sessions: list[str]
) -> None:
    """Both files invalid: both kept, the coach starts empty with an error repair."""
    path = _path(hass, init_integration)
    copy = Path(last_good_path(str(path)))
    path.write_text('{"version": 1, "data": {"sessions": "not a list"}}')
    _write(copy, b"garbage")
    await _reload(hass, init_integration)
    assert init_integration.state is ConfigEntryState.LOADED
    assert _ids(init_integration) == []
    [aside] = path.parent.glob(f"{path.name}.invalid.*")
    assert _read(copy) == b"garbage"  # never overwritten
    issue = _issue(hass, init_integration)
    assert issue.translation_key == "invalid_log"
    assert issue.translation_placeholders == {"name": "Alex", "path": str(aside)}
    assert issue.severity is ir.IssueSeverity.ERROR
    assert hass.states.get("sensor.alex_training_status").state == "ready"


async def test_newer_schema_is_not_read(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: StorageView,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A file of a newer major schema is set aside, never overwritten."""
    key = f"{DOMAIN}.{mock_config_entry.entry_id}"
    newer = {"version": STORAGE_VERSION + 1, "key": key, "data": {"sessions": []}}
    hass_storage[key] = newer
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert _issue(hass, mock_config_entry).translation_key == "invalid_log"
    [aside] = hass_storage.path(key).parent.glob(f"{key}.invalid.*")
    assert _stored(aside) == newer


async def test_unreadable_path_retries_setup(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: StorageView,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A file that cannot be read at all: setup is retried, nothing is written."""
    path = hass_storage.path(f"{DOMAIN}.{mock_config_entry.entry_id}")
    path.mkdir(parents=True)  # a directory where the file should be
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert mock_config_entry.state is ConfigEntryState.SETUP_RETRY
    assert path.is_dir()
    assert list(path.iterdir()) == []


async def test_repair_is_acknowledged_with_its_fix_flow(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    two_sessions: list[str],
    hass_client: ClientSessionGenerator,
) -> None:
    """Confirming the repair flow deletes the issue; the data stays as restored."""
    _path(hass, init_integration).write_text("{")
    await _reload(hass, init_integration)
    issue = _issue(hass, init_integration)
    assert await async_setup_component(hass, "repairs", {})
    client = await hass_client()
    response = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue.issue_id}
    )
    flow = await response.json()
    assert flow["step_id"] == "confirm"
    assert flow["description_placeholders"] == issue.translation_placeholders
    response = await client.post(f"/api/repairs/issues/fix/{flow['flow_id']}", json={})
    assert (await response.json())["type"] == "create_entry"
    assert (
        ir.async_get(hass).async_get_issue(
            DOMAIN, f"invalid_log_{init_integration.entry_id}"
        )
        is None
    )
    assert _ids(init_integration) == two_sessions[:1]


async def test_removing_the_entry_removes_files_and_repairs(
    hass: HomeAssistant, init_integration: MockConfigEntry, two_sessions: list[str]
) -> None:
    """The log, its last good copy, its promises and its repair go with the entry."""
    path = _path(hass, init_integration)
    path.write_text("{")
    await _reload(hass, init_integration)
    assert _issue(hass, init_integration)
    assert _read(Path(f"{path}.promises")) is not None
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert not path.exists()
    assert _read(Path(last_good_path(str(path)))) is None
    assert _read(Path(f"{path}.promises")) is None
    assert not ir.async_get(hass).issues


async def test_a_log_during_shutdown_is_on_disk_when_answered(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """While Home Assistant stops, a write is not deferred to the final write."""
    hass.set_state(CoreState.stopping)
    try:
        session_id = await _log(hass, "2026-11-19T18:00:00+01:00")
        stored = _stored(_path(hass, init_integration))
        assert [s["id"] for s in stored["data"]["sessions"]] == [session_id]
    finally:
        hass.set_state(CoreState.running)
