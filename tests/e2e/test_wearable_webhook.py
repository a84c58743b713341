"""Apple Health → webhook → session, on a real Home Assistant (docs/watch.md).

The shipped blueprint runs as an automation on the webhook component of a
real `hass` process; a JSON workout posted to the local webhook is logged
once, as a wearable session with its start and duration, and a workout in
the future stores nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
import shutil
import time
from typing import Any

import pytest

from custom_components.hamstring_coach.const import DOMAIN

from .harness import REPO_ROOT, HassProcess

WEBHOOK = "e2e-apple-health-9d27c4"
SETTLE_SECONDS = 15.0

AUTOMATIONS = f"""\
webhook:
automation:
  - id: apple_health
    alias: Apple Health workouts
    use_blueprint:
      path: {DOMAIN}/apple_health_workout.yaml
      input:
        session_due_entity: binary_sensor.e2e_session_due
        webhook_id: {WEBHOOK}
"""

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(150)]


@pytest.fixture
def hass_with_blueprint(tmp_path: Path, socket_enabled: None) -> Iterator[HassProcess]:
    """A real Home Assistant with the webhook component and the blueprint."""
    proc = HassProcess(tmp_path / "config")
    with (proc.config_dir / "configuration.yaml").open("a", encoding="utf-8") as f:
        f.write(AUTOMATIONS)
    shutil.copytree(
        REPO_ROOT / "blueprints" / "automation" / DOMAIN,
        proc.config_dir / "blueprints" / "automation" / DOMAIN,
    )
    try:
        proc.start()
        yield proc
    finally:
        proc.kill()


def _history(hass: HassProcess, entry_id: str) -> list[dict[str, Any]]:
    response = hass.call_service(
        DOMAIN, "get_history", {"config_entry_id": entry_id}, return_response=True
    )
    return list(response["sessions"])


def _wait_for(hass: HassProcess, entry_id: str, count: int) -> list[dict[str, Any]]:
    """The history once it holds `count` sessions (bounded wait)."""
    deadline = time.monotonic() + SETTLE_SECONDS
    sessions = _history(hass, entry_id)
    while len(sessions) < count and time.monotonic() < deadline:
        time.sleep(0.2)
        sessions = _history(hass, entry_id)
    return sessions


def test_webhook_workout_logged_once(hass_with_blueprint: HassProcess) -> None:
    """Posted twice, stored once; a future workout is refused."""
    hass = hass_with_blueprint
    entry_id = hass.create_entry(name="E2E")
    start = (datetime.now(UTC) - timedelta(hours=2)).replace(microsecond=0)
    body = {
        "type": "Traditional Strength Training",
        "start": start.isoformat(),
        "duration": 41.6,
    }
    path = f"/api/webhook/{WEBHOOK}"
    assert hass.rest("POST", path, body).status == 200
    [session] = _wait_for(hass, entry_id, 1)
    assert session["performed_at"] == start.isoformat()
    assert (session["duration_minutes"], session["source"]) == (42, "wearable")
    assert hass.rest("POST", path, body).status == 200
    future = {**body, "start": (start + timedelta(hours=3)).isoformat()}
    assert hass.rest("POST", path, future).status == 200
    running = {**body, "type": "Running", "start": start.isoformat()[:-6]}
    assert hass.rest("POST", path, running).status == 200
    time.sleep(2.0)  # the automation runs after the webhook has answered
    assert [s["session_id"] for s in _history(hass, entry_id)] == [
        session["session_id"]
    ]
    # The coach refused the future workout with its translated message.
    assert "is in the future" in hass.log_tail(200)
