"""Disk trouble on a real Home Assistant: a full disk and a read-only one.

`.storage` is a small tmpfs of its own (the test runs as root; elsewhere it
is skipped). Filled up, then remounted read-only, every `log_session` is
refused with the translated `save_failed` and nothing is acknowledged or
changed on disk; with space (or write access) back, the next log is stored.
"""

from __future__ import annotations

from collections.abc import Iterator
import contextlib
import os
from pathlib import Path
import shutil
import subprocess
import tempfile

import pytest

from custom_components.hamstring_coach.const import DOMAIN

from .harness import HassProcess

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(200)]


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)  # noqa: S603, S607


@contextlib.contextmanager
def _small_storage(config_dir: Path) -> Iterator[Path]:
    """`config_dir/.storage` on a 64 MB tmpfs, with its files; unmounted after.

    Roomy enough for what Home Assistant itself keeps there with default_config
    (several MB on 2026.11), small enough to fill in a moment.
    """
    storage = config_dir / ".storage"
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root and mount for a tmpfs")
    with tempfile.TemporaryDirectory() as saved:
        shutil.copytree(storage, saved, dirs_exist_ok=True)
        try:
            _mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(storage))
        except subprocess.CalledProcessError as err:
            pytest.skip(f"cannot mount a tmpfs here: {err.stderr!r}")
        shutil.copytree(saved, storage, dirs_exist_ok=True)
    try:
        yield storage
    finally:
        subprocess.run(["umount", "-l", str(storage)], check=False)  # noqa: S603, S607


def _fill(storage: Path) -> Path:
    """Take every free byte of the tmpfs."""
    filler = storage / "filler"
    # Unbuffered: nothing is left to flush (and fail) when the file closes.
    with filler.open("wb", buffering=0) as file, contextlib.suppress(OSError):
        while True:
            file.write(b"\0" * 65536)
    with contextlib.suppress(OSError), filler.open("ab", buffering=0) as file:
        while True:  # the last few bytes
            file.write(b"\0")
    return filler


def _log(hass: HassProcess) -> tuple[int, object]:
    response = hass.rest(
        "POST",
        f"/api/services/{DOMAIN}/log_session?return_response",
        # Every call is a new session (not a repeat of the last one).
        {"program_day": "light_day", "allow_duplicate": True},
    )
    return response.status, response.data


def _refused(hass: HassProcess, key: str, kept: list[str], why: str) -> None:
    before = hass.storage_path(key).read_bytes()
    status, _ = _log(hass)
    assert status == 500
    assert hass.wait_for_log(f"The training log could not be saved: {why}"), (
        hass.log_tail()
    )
    assert hass.storage_path(key).read_bytes() == before
    history = hass.call_service(DOMAIN, "get_history", {}, return_response=True)
    assert [s["id"] for s in history["sessions"]] == kept[::-1]


def test_full_and_read_only_disk_refuse_then_recover(
    tmp_path: Path, socket_enabled: None
) -> None:
    """Full: refused, nothing kept; space back: stored. The same for read-only."""
    hass = HassProcess(tmp_path / "config")
    with _small_storage(hass.config_dir) as storage:
        try:
            hass.start()
            entry_id = hass.create_entry(name="Disk")
            key = f"{DOMAIN}.{entry_id}"
            status, data = _log(hass)
            assert status == 200
            kept = [data["service_response"]["session_id"]]  # type: ignore[index]

            filler = _fill(storage)
            _refused(hass, key, kept, "[Errno 28] No space left on device")
            filler.unlink()
            status, data = _log(hass)
            assert status == 200
            kept.append(data["service_response"]["session_id"])  # type: ignore[index]

            _mount("-o", "remount,ro", str(storage))
            try:
                _refused(hass, key, kept, "[Errno 30] Read-only file system")
            finally:
                _mount("-o", "remount,rw", str(storage))
            status, data = _log(hass)
            assert status == 200
            kept.append(data["service_response"]["session_id"])  # type: ignore[index]
            stored = hass.read_storage(key)["data"]["sessions"]
            assert [s["id"] for s in stored] == kept
        finally:
            hass.kill()
