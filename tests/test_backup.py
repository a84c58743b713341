"""Backups with Home Assistant's own backup integration: make, wipe, restore.

The backup is made by the `backup.create` action (local agent, a real tar
under the test's config dir) while a log is in flight; the configuration is
then wiped and restored by `homeassistant.backup_restore.restore_backup`,
the code Home Assistant runs at start when a restore was asked for.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
import shutil
from typing import Any

from homeassistant.backup_restore import RESTORE_BACKUP_FILE, restore_backup
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach import backup
from custom_components.hamstring_coach.const import DOMAIN


async def _log(hass: HomeAssistant, day: str) -> str:
    response: Any = await hass.services.async_call(
        DOMAIN,
        "log_session",
        {"performed_at": day},
        blocking=True,
        return_response=True,
    )
    return str(response["session_id"])


def _wipe_and_restore(config_dir: Path) -> None:
    """Delete everything but the backups, then restore the only backup."""
    [tar] = (config_dir / "backups").glob("*.tar")
    for entry in config_dir.iterdir():
        if entry.name != "backups":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    (config_dir / RESTORE_BACKUP_FILE).write_text(
        json.dumps(
            {
                "path": str(tar),
                "password": None,
                "remove_after_restore": False,
                "restore_database": False,
                "restore_homeassistant": True,
            }
        )
    )
    assert restore_backup(str(config_dir))


async def test_backup_wipe_restore_keeps_every_acknowledged_session(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Every session answered before the backup finished is in the restored log."""
    assert await async_setup_component(hass, "backup", {})
    await hass.async_block_till_done()
    acked = [await _log(hass, f"2026-11-{day}T18:00:00+01:00") for day in (16, 19)]

    in_flight = asyncio.ensure_future(
        hass.services.async_call("backup", "create", blocking=True)
    )
    late = await _log(hass, "2026-11-20T18:00:00+01:00")  # held, then written
    await in_flight
    await hass.async_block_till_done()

    key = f"{DOMAIN}.{init_integration.entry_id}"
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    config_dir = Path(hass.config.config_dir)
    await hass.async_add_executor_job(_wipe_and_restore, config_dir)

    stored = json.loads(
        await hass.async_add_executor_job((config_dir / ".storage" / key).read_bytes)
    )
    restored = {s["id"] for s in stored["data"]["sessions"]}
    assert set(acked) <= restored
    # The log answered during the backup is either wholly in it or not at all.
    assert restored in (set(acked), {*acked, late})
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    assert {s.id for s in init_integration.runtime_data.log} == restored


async def test_writes_wait_while_a_backup_runs(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Between pre and post backup a log waits; it is answered after, on disk."""
    coordinator = init_integration.runtime_data
    await backup.async_pre_backup(hass)
    await backup.async_pre_backup(hass)  # holding twice is one hold
    task = asyncio.ensure_future(_log(hass, "2026-11-20T18:00:00+01:00"))
    for _ in range(20):  # the clock is frozen: let the loop run a few rounds
        await asyncio.sleep(0)
    assert not task.done()
    assert list(coordinator.log) == []
    await backup.async_post_backup(hass)
    session_id = await task
    assert [s.id for s in coordinator.log] == [session_id]
    await backup.async_post_backup(hass)  # nothing held: nothing to release
    assert await _log(hass, "2026-11-21T18:00:00+01:00")
