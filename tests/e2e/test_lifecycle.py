"""An entry's lifecycle on a real Home Assistant: shutdown, removal, diagnostics.

- Sessions logged while Home Assistant is stopping: every call that was
  acknowledged (HTTP 200 with a `session_id`) is in the coach's file on disk,
  even when the process is killed before the final write.
- Removing an entry through the REST API takes its external statistics, its
  repair issue and its storage files with it (the damaged file set aside as
  `.invalid.*` by the recovery stays and is not checked).
- The config entry diagnostics never show the `person.*` id the entry's
  options link to; the redaction marker stands in its place.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor, wait
from datetime import UTC, datetime, timedelta
import json
import signal
import threading
import time
from typing import Any
from urllib.parse import quote

import pytest

from custom_components.hamstring_coach.const import DOMAIN

from .harness import HassProcess

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

REDACTED = "**REDACTED**"
WORKERS = 8
FIRST_DAY = datetime(1980, 1, 1, 17, tzinfo=UTC)  # + 2,000 x 8 days: 2023
DAMAGED = b'{"version": 1, "minor_version": 3, "data": {"sessions": [{"id": "'


def _ws(hass: HassProcess, commands: list[dict[str, Any]]) -> list[Any]:
    """Send WebSocket commands in order; the `result` of each (raises on error)."""

    async def main() -> list[Any]:
        import aiohttp  # noqa: PLC0415 - only needed here

        results: list[Any] = []
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http,
            http.ws_connect(f"{hass.url}/api/websocket") as ws,
        ):
            assert (await ws.receive_json())["type"] == "auth_required"
            await ws.send_json({"type": "auth", "access_token": hass.token})
            assert (await ws.receive_json())["type"] == "auth_ok"
            for number, command in enumerate(commands, start=1):
                await ws.send_json({"id": number, **command})
                while (reply := await ws.receive_json()).get("id") != number:
                    pass
                assert reply["success"], reply
                results.append(reply["result"])
        return results

    return _run(main)


def _run(main: Callable[[], Awaitable[list[Any]]]) -> list[Any]:
    # Not asyncio.run(): it unsets the thread's current loop, which the next
    # test's pytest-asyncio fixtures still expect.
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(main())
    finally:
        loop.close()


def _log(hass: HassProcess, performed_at: datetime) -> str:
    response = hass.call_service(
        DOMAIN,
        "log_session",
        {"performed_at": performed_at.isoformat()},
        return_response=True,
    )
    return str(response["session_id"])


def _stored_ids(hass: HassProcess, entry_id: str) -> set[str]:
    data = hass.read_storage(f"{DOMAIN}.{entry_id}")["data"]
    return {s["id"] for s in data["sessions"]}


# --- 1. a log during shutdown ------------------------------------------------


def _log_until_refused(
    hass: HassProcess,
    worker: int,
    stop_sent: threading.Event,
) -> list[tuple[str, bool]]:
    """Log sessions (one a day) back to back until Home Assistant stops answering.

    Returns (session_id, whether the answer came after the stop request) for
    every acknowledged call.
    """
    acked: list[tuple[str, bool]] = []
    for n in range(2_000):
        day = FIRST_DAY + timedelta(days=n * WORKERS + worker)
        try:
            response = hass.rest(
                "POST",
                f"/api/services/{DOMAIN}/log_session?return_response",
                {"performed_at": day.isoformat()},
                timeout=30,
            )
        except OSError:
            if stop_sent.is_set():
                break
            raise
        after_stop = stop_sent.is_set()
        if response.status == 200:
            session = response.data["service_response"]["session_id"]
            acked.append((session, after_stop))
        else:
            assert after_stop, response  # only a stopping hass may refuse
    return acked


def test_a_log_acknowledged_during_shutdown_is_on_disk(
    hass_process: HassProcess,
) -> None:
    """Every session acknowledged while stopping is on disk, final write or not.

    Eight threads log sessions back to back; SIGTERM starts a clean stop, and
    once every thread has been refused (the HTTP server closes when the stop
    event fires, after answering the calls in flight) the process is killed,
    before Home Assistant's final write could save what a deferred write left
    pending.
    """
    hass = hass_process
    entry_id = hass.create_entry(name="Shutdown")
    before = _log(hass, datetime(2026, 11, 2, 17, tzinfo=UTC))
    stop_sent = threading.Event()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        loggers = [
            pool.submit(_log_until_refused, hass, worker, stop_sent)
            for worker in range(WORKERS)
        ]
        time.sleep(1.0)  # the loggers are busy
        stop_sent.set()
        assert hass._signal(signal.SIGTERM)  # a clean stop begins
        # Once the server is closed, and before the final write could save
        # what a deferred write left pending, the process is killed.
        done, _ = wait(loggers, timeout=20)
        hass.kill()
        assert len(done) == WORKERS
        acked = [item for future in loggers for item in future.result()]

    during = [session for session, after_stop in acked if after_stop]
    assert during, f"no call was acknowledged after SIGTERM ({len(acked)} before)"
    on_disk = _stored_ids(hass, entry_id)
    assert before in on_disk
    missing = {session for session, _ in acked} - on_disk
    assert not missing, f"{len(missing)} acknowledged sessions are not on disk"
    # A call stored just before the server closed may never have been
    # answered: more on disk than acknowledged is fine, fewer never.
    assert len(on_disk) >= len(acked) + 1


# --- 2. removing an entry ----------------------------------------------------


def _coach_statistic_ids(hass: HassProcess, entry_id: str) -> set[str]:
    [listed] = _ws(hass, [{"type": "recorder/list_statistic_ids"}])
    prefix = f"{DOMAIN}:{entry_id.lower()}_"
    return {s["statistic_id"] for s in listed if s["statistic_id"].startswith(prefix)}


def _coach_issues(hass: HassProcess) -> list[dict[str, Any]]:
    [listed] = _ws(hass, [{"type": "repairs/list_issues"}])
    return [i for i in listed["issues"] if i["domain"] == DOMAIN]


def test_removing_an_entry_leaves_no_statistics_or_repairs(
    hass_process: HassProcess,
) -> None:
    """Statistics, the repair issue and the files go with the entry."""
    hass = hass_process
    entry_id = hass.create_entry(name="Removed")
    key = f"{DOMAIN}.{entry_id}"
    first = _log(hass, datetime(2026, 11, 16, 17, tzinfo=UTC))
    _log(hass, datetime(2026, 11, 19, 17, tzinfo=UTC))
    hass.stop()
    hass.storage_path(key).write_bytes(DAMAGED)
    hass.start()
    assert _stored_ids(hass, entry_id) == {first}

    expected = {
        f"{DOMAIN}:{entry_id.lower()}_working_sets",
        f"{DOMAIN}:{entry_id.lower()}_hard_sessions",
    }
    deadline = time.monotonic() + 30
    while (found := _coach_statistic_ids(hass, entry_id)) != expected:
        assert time.monotonic() < deadline, f"statistics never appeared: {found}"
        time.sleep(0.5)
    [issue] = _coach_issues(hass)
    assert issue["issue_id"] == f"invalid_log_{entry_id}"
    storage = hass.storage_path(key).parent
    assert hass.storage_path(key).exists()

    response = hass.rest(
        "DELETE", f"/api/config/config_entries/entry/{quote(entry_id)}"
    )
    assert response.status == 200, response
    assert hass.entries() == []
    deadline = time.monotonic() + 30
    while found := _coach_statistic_ids(hass, entry_id):
        assert time.monotonic() < deadline, f"statistics left behind: {found}"
        time.sleep(0.5)
    assert _coach_issues(hass) == []
    left = [p.name for p in storage.glob(f"{key}*") if ".invalid." not in p.name]
    assert left == []


# --- 3. diagnostics ----------------------------------------------------------


def test_diagnostics_contain_no_person_id(hass_process: HassProcess) -> None:
    """The linked person's entity id is redacted from the entry diagnostics."""
    hass = hass_process
    [person] = _ws(hass, [{"type": "person/create", "name": "Quinn Rivers"}])
    states = hass.rest("GET", "/api/states").data
    [person_entity] = [
        s["entity_id"]
        for s in states
        if s["entity_id"].startswith("person.")
        and s["attributes"].get("id") == person["id"]
    ]
    entry_id = hass.create_entry(name="Private")
    flow = hass.rest(
        "POST", "/api/config/config_entries/options/flow", {"handler": entry_id}
    )
    assert flow.status == 200, flow
    assert flow.data["step_id"] == "init"
    result = hass.rest(
        "POST",
        f"/api/config/config_entries/options/flow/{quote(flow.data['flow_id'])}",
        {"person": person_entity},
    )
    assert result.status == 200, result
    assert result.data["type"] == "create_entry", result.data
    hass._wait_entries_loaded()  # the options reload the entry
    assert [e["state"] for e in hass.entries()] == ["loaded"]

    response = hass.rest("GET", f"/api/diagnostics/config_entry/{quote(entry_id)}")
    assert response.status == 200, response
    text = json.dumps(response.data)
    assert person_entity not in text
    options = response.data["data"]["entry"]["options"]
    assert options["person"] == REDACTED
