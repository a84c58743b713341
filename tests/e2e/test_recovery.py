"""A damaged log on a real Home Assistant: the last good copy comes back.

Two sessions are logged, Home Assistant stops cleanly, the file is damaged
on disk, and after the next start the coach holds the copy kept before the
last write (the first session), the damaged file is set aside untouched,
and a persistent repair issue says what happened.
"""

from __future__ import annotations

import pytest

from custom_components.hamstring_coach.const import DOMAIN

from .harness import HassProcess

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(170)]

DAMAGED = b'{"version": 1, "minor_version": 3, "data": {"sessions": [{"id": "'


def _log(hass: HassProcess, day: str) -> str:
    response = hass.call_service(
        DOMAIN,
        "log_session",
        {"performed_at": day, "program_day": "light_day"},
        return_response=True,
    )
    return str(response["session_id"])


def _history(hass: HassProcess) -> list[str]:
    response = hass.call_service(DOMAIN, "get_history", {}, return_response=True)
    return [s["id"] for s in response["sessions"]]


def test_damaged_log_is_restored_with_a_repair(hass_process: HassProcess) -> None:
    """Corrupt file -> restored from the last good copy, with a repair issue."""
    hass = hass_process
    entry_id = hass.create_entry(name="Restore")
    key = f"{DOMAIN}.{entry_id}"
    first = _log(hass, "2026-11-16T17:00:00+00:00")
    second = _log(hass, "2026-11-19T17:00:00+00:00")
    hass.stop()
    path = hass.storage_path(key)
    assert second in path.read_text(encoding="utf-8")
    path.write_bytes(DAMAGED)

    hass.start()
    assert [e["state"] for e in hass.entries()] == ["loaded"]
    assert _history(hass) == [first]
    [aside] = path.parent.glob(f"{key}.invalid.*")
    assert aside.read_bytes() == DAMAGED
    assert [s["id"] for s in hass.read_storage(key)["data"]["sessions"]] == [first]

    hass.stop()  # the issue registry is written at the latest on the final write
    issues = hass.read_storage("repairs.issue_registry")["data"]["issues"]
    [issue] = [i for i in issues if i["issue_id"] == f"invalid_log_{entry_id}"]
    assert issue["domain"] == DOMAIN
    assert issue["translation_key"] == "log_restored_unreadable"
    assert issue["translation_placeholders"]["path"] == str(aside)
    assert issue["translation_placeholders"]["sessions"] == "1"
    assert issue["is_fixable"] is True

    hass.start()  # the restored file is valid: no new damage, same history
    assert _history(hass) == [first]
