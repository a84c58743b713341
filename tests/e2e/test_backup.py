"""Backup -> wipe -> restore on a real Home Assistant keeps every session.

Home Assistant's backup integration makes a backup (`backup.create`), the
process stops, the config dir is wiped except `backups/`, and the restore is
asked for the way the UI asks for it (a `.HA_RESTORE` file); the next start
restores the backup before anything loads and exits to be restarted (a
supervisor or container does that; here the test starts it again). Every session acknowledged before
the backup is in the restored log.
"""

from __future__ import annotations

import json
from pathlib import Path
import shutil

import pytest

from custom_components.hamstring_coach.const import DOMAIN

from .harness import HassError, HassProcess

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]


def _wipe(config_dir: Path) -> Path:
    [tar] = (config_dir / "backups").glob("*.tar")
    for entry in config_dir.iterdir():
        if entry.name not in {"backups", "hass.out"}:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    assert sorted(p.name for p in config_dir.iterdir()) == ["backups", "hass.out"]
    return tar


def test_backup_wipe_restore_keeps_every_session(
    tmp_path: Path, socket_enabled: None
) -> None:
    """Every acknowledged session comes back from the backup."""
    hass = HassProcess(tmp_path / "config", extra_yaml="backup:\n")
    try:
        hass.start()
        hass.create_entry(name="Backup")
        hass.restart()  # registries and the token on disk, as in a real install
        acked = [
            hass.call_service(
                DOMAIN,
                "log_session",
                {"performed_at": f"2026-11-{day}T17:00:00+00:00"},
                return_response=True,
            )["session_id"]
            for day in (16, 19, 20)
        ]
        hass.call_service("backup", "create", timeout=120)
        hass.stop()

        tar = _wipe(hass.config_dir)
        (hass.config_dir / ".HA_RESTORE").write_text(
            json.dumps(
                {
                    "path": str(tar),
                    "password": None,
                    "remove_after_restore": False,
                    "restore_database": False,
                    "restore_homeassistant": True,
                }
            ),
            encoding="utf-8",
        )
        # Home Assistant restores at start, then exits to be restarted.
        with pytest.raises(HassError, match="exited"):
            hass.start()
        hass.start()
        assert not (hass.config_dir / ".HA_RESTORE").exists()
        history = hass.call_service(DOMAIN, "get_history", {}, return_response=True)
        assert {s["id"] for s in history["sessions"]} == set(acked)
    finally:
        hass.kill()
