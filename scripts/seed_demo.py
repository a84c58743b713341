"""Seed a running Home Assistant with a demo coach entry, history and dashboard.

Run by scripts/develop after onboarding, so a newcomer sees the product at once:

    python scripts/seed_demo.py --url http://127.0.0.1:8123 --token-file config/.dev-token

Idempotent. When the "Hamstring Coach" dashboard (url_path `hamstring-coach`)
already exists only step 4 runs (a person owns the rest now). Otherwise it
  1. finds the entry titled `--name` (default "Demo") or creates it through the
     config-flow REST API (strength_2day, Mon/Thu 18:00),
  2. logs `--weeks` weeks of sample sessions in the past when that entry's log
     is empty (two hard sessions a week, alternating Day 1 / Day 2, loads and
     RPE on Day 1: reps rise for three weeks, loads every week or two),
  3. creates the dashboard over the WebSocket API and saves a view with the
     `custom:hamstring-coach-card` for that entry (Romanian deadlift's trend
     pinned), a few built-in tiles and a statistics graph of the entry's
     weekly working sets and hard sessions (long-term statistics),
  4. runs `hamstring_coach.install_sentences` (also when the dashboard
     exists), so Assist's built-in agent understands the coach's sentences.

Only aiohttp (shipped with Home Assistant in the venv); every wait is bounded.
The functions are reused by tests/e2e/test_dashboard.py.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
import itertools
from pathlib import Path
import sys
from typing import Any

import aiohttp

DOMAIN = "hamstring_coach"
DASHBOARD_URL = "hamstring-coach"
DASHBOARD_TITLE = "Hamstring Coach"
CARD_TYPE = "custom:hamstring-coach-card"
ENTRY_OPTIONS = {
    "program": "strength_2day",
    "training_days": ["mon", "thu"],
    "training_time": "18:00:00",
}
TILES = ("weekly_goal_met", "session_due", "last_session", "days_since_last_session")
PINNED_EXERCISE = "romanian_deadlift"


class SeedError(RuntimeError):
    """Home Assistant refused or did not answer in time."""


class HassClient:
    """REST and WebSocket calls to one Home Assistant with a bearer token."""

    def __init__(self, session: aiohttp.ClientSession, url: str, token: str) -> None:
        """Use `session` for every call."""
        self.session = session
        self.url = url.rstrip("/")
        self.headers = {"Authorization": f"Bearer {token}"}
        self.token = token
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._ids = itertools.count(1)

    async def rest(self, method: str, path: str, body: Any = None) -> Any:
        """One REST call; non-200 answers raise SeedError."""
        async with self.session.request(
            method, self.url + path, json=body, headers=self.headers
        ) as resp:
            if resp.status != HTTPStatus.OK:
                msg = f"{method} {path} -> {resp.status}: {await resp.text()}"
                raise SeedError(msg)
            return await resp.json()

    async def ws(self, msg_type: str, **data: Any) -> Any:
        """One WebSocket command; returns its result (errors raise SeedError)."""
        if self._ws is None:
            ws_url = self.url.replace("http", "ws", 1) + "/api/websocket"
            self._ws = await self.session.ws_connect(ws_url)
            await self._ws.receive_json()  # auth_required
            await self._ws.send_json({"type": "auth", "access_token": self.token})
            if (await self._ws.receive_json()).get("type") != "auth_ok":
                msg = "WebSocket authentication failed"
                raise SeedError(msg)
        msg_id = next(self._ids)
        await self._ws.send_json({"id": msg_id, "type": msg_type, **data})
        while True:
            answer = await self._ws.receive_json()
            if answer.get("id") == msg_id and answer.get("type") == "result":
                break
        if not answer.get("success"):
            msg = f"{msg_type} failed: {answer.get('error')}"
            raise SeedError(msg)
        return answer.get("result")

    async def close(self) -> None:
        """Close the WebSocket, if one was opened."""
        if self._ws is not None:
            await self._ws.close()


async def wait_running(client: HassClient, wait_s: float = 120.0) -> None:
    """Wait until Home Assistant reports state RUNNING."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_s
    while loop.time() < deadline:
        try:
            if (await client.rest("GET", "/api/config")).get("state") == "RUNNING":
                return
        except (aiohttp.ClientError, SeedError, TimeoutError):
            pass
        await asyncio.sleep(1)
    msg = f"Home Assistant at {client.url} was not running within {wait_s:.0f} s"
    raise SeedError(msg)


async def dashboard_exists(client: HassClient, url_path: str = DASHBOARD_URL) -> bool:
    """Whether a dashboard with this url_path exists."""
    dashboards = await client.ws("lovelace/dashboards/list")
    return any(d.get("url_path") == url_path for d in dashboards)


async def ensure_entry(client: HassClient, name: str = "Demo") -> tuple[str, bool]:
    """The id of the entry titled `name`, created if missing; and whether it was."""
    entries = await client.rest(
        "GET", f"/api/config/config_entries/entry?domain={DOMAIN}"
    )
    for entry in entries:
        if entry.get("title") == name:
            return str(entry["entry_id"]), False
    flow = await client.rest(
        "POST", "/api/config/config_entries/flow", {"handler": DOMAIN}
    )
    result = await client.rest(
        "POST",
        f"/api/config/config_entries/flow/{flow['flow_id']}",
        {"name": name, **ENTRY_OPTIONS},
    )
    if result.get("type") != "create_entry":
        msg = f"config flow did not create an entry: {result}"
        raise SeedError(msg)
    return str(result["result"]["entry_id"]), True


async def entity_ids(
    client: HassClient, entry_id: str, wait_s: float = 30.0
) -> dict[str, str]:
    """Translation key -> entity_id of an entry's entities, once they exist."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_s
    while True:
        found = {
            e["translation_key"]: e["entity_id"]
            for e in await client.ws("config/entity_registry/list")
            if e.get("config_entry_id") == entry_id and e.get("translation_key")
        }
        if "training_status" in found:
            return found
        if loop.time() > deadline:
            msg = f"entry {entry_id} has no training_status sensor after {wait_s:.0f} s"
            raise SeedError(msg)
        await asyncio.sleep(0.5)


def sample_sessions(now: datetime, weeks: int) -> list[dict[str, Any]]:
    """Two hard sessions a week for `weeks` weeks before `now`, oldest first.

    Every 3.5 days back from two days ago, so the rest rule always holds and
    the latest sits in the recent past; Day 1 carries loads rising each week.
    """
    out: list[dict[str, Any]] = []
    count = 2 * weeks
    for i in range(count):
        at = (now - timedelta(days=2, hours=84 * (count - 1 - i))).replace(
            hour=17, minute=30, second=0, microsecond=0
        )
        week = i // 2
        session: dict[str, Any] = {
            "performed_at": at.isoformat(),
            "duration_minutes": 45,
            "rpe": 7,
        }
        if i % 2 == 0:
            session["program_day"] = "strength_day"
            session["exercises"] = [
                {"exercise": "sumo_squat_to_stand", "sets": 2, "reps": 10},
                _lift("conventional_deadlift", 3, 5 + week % 3, 60 + 2.5 * week),
                _lift("romanian_deadlift", 3, 8 + week % 3, 40 + 2.5 * (week // 2)),
                _lift("single_leg_romanian_deadlift", 2, 10, 12),
                _lift("hip_thrust", 3, 10 + week % 3, 60 + 5 * (week // 2)),
            ]
        else:
            session["program_day"] = "control_day"  # as prescribed
            session["rpe"] = 8
        out.append(session)
    return out


def _lift(exercise: str, sets: int, reps: int, load: float) -> dict[str, Any]:
    return {
        "exercise": exercise,
        "sets": sets,
        "reps": reps,
        "load": load,
        "unit": "kg",
    }


async def seed_history(
    client: HassClient, entry_id: str, weeks: int = 3, now: datetime | None = None
) -> int:
    """Log the sample sessions when the entry's log is empty; returns how many."""
    history = await client.rest(
        "POST",
        f"/api/services/{DOMAIN}/get_history?return_response",
        {"config_entry_id": entry_id},
    )
    if history["service_response"]["sessions"]:
        return 0
    sessions = sample_sessions(now or datetime.now(UTC), weeks)
    for session in sessions:
        await client.rest(
            "POST",
            f"/api/services/{DOMAIN}/log_session",
            {"config_entry_id": entry_id, **session},
        )
    return len(sessions)


def statistics_cards(entry_id: str, weeks: int = 12) -> list[dict[str, Any]]:
    """Home Assistant's statistics graphs of an entry's sets and sessions per week.

    The ids are the integration's external statistics (longterm.py); one
    graph per unit, so each axis is labelled with its unit.
    """
    key = entry_id.lower()
    return [
        {
            "type": "statistics-graph",
            "title": title,
            "entities": [{"entity": f"{DOMAIN}:{key}_{suffix}", "name": title}],
            "stat_types": ["change"],
            "period": "week",
            "chart_type": "bar",
            "days_to_show": 7 * weeks,
        }
        for suffix, title in (
            ("working_sets", "Working sets per week"),
            ("hard_sessions", "Hard sessions per week"),
        )
    ]


def dashboard_config(
    ids: dict[str, str],
    title: str = DASHBOARD_TITLE,
    entry_id: str | None = None,
    pinned: str | None = None,
) -> dict[str, Any]:
    """A view with the coach card, a few built-in tiles and statistics graphs.

    The graphs need the entry id; `pinned` pins that exercise's trend to the card.
    """
    card: dict[str, Any] = {"type": CARD_TYPE, "entity": ids["training_status"]}
    if pinned is not None:
        card["exercise"] = pinned
    tiles: list[dict[str, Any]] = [
        {"type": "tile", "entity": ids[key]} for key in TILES if key in ids
    ]
    if entry_id is not None:
        tiles.extend(statistics_cards(entry_id))
    return {
        "title": title,
        "views": [
            {
                "title": "Training",
                "path": "training",
                "icon": "mdi:run",
                "cards": [
                    card,
                    {"type": "vertical-stack", "cards": tiles},
                ],
            }
        ],
    }


async def ensure_dashboard(
    client: HassClient,
    ids: dict[str, str],
    url_path: str = DASHBOARD_URL,
    entry_id: str | None = None,
    pinned: str | None = None,
) -> bool:
    """Create the dashboard with the card unless it exists; returns whether created."""
    if await dashboard_exists(client, url_path):
        return False
    await client.ws(
        "lovelace/dashboards/create",
        url_path=url_path,
        title=DASHBOARD_TITLE,
        icon="mdi:run-fast",
        mode="storage",
        show_in_sidebar=True,
        require_admin=False,
    )
    await client.ws(
        "lovelace/config/save",
        url_path=url_path,
        config=dashboard_config(ids, entry_id=entry_id, pinned=pinned),
    )
    return True


async def install_sentences(client: HassClient) -> str:
    """Run hamstring_coach.install_sentences (it also reloads Assist's sentences).

    Assist's built-in agent then understands "I did my hamstring workout".
    """
    result = await client.rest(
        "POST", f"/api/services/{DOMAIN}/install_sentences?return_response", {}
    )
    installed = result.get("service_response", {}) if isinstance(result, dict) else {}
    return f"sentences {installed}"


async def seed(
    url: str, token: str, *, name: str = "Demo", weeks: int = 12, wait_s: float = 120.0
) -> str:
    """Everything above, once; returns a one-line summary."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
        client = HassClient(http, url, token)
        try:
            await wait_running(client, wait_s)
            if await dashboard_exists(client):
                sentences = await install_sentences(client)
                return (
                    f"dashboard /{DASHBOARD_URL} exists: nothing to seed; {sentences}"
                )
            entry_id, created = await ensure_entry(client, name)
            ids = await entity_ids(client, entry_id)
            logged = await seed_history(client, entry_id, weeks)
            await ensure_dashboard(
                client, ids, entry_id=entry_id, pinned=PINNED_EXERCISE
            )
            sentences = await install_sentences(client)
        finally:
            await client.close()
    made = "created" if created else "found"
    return (
        f"{made} entry '{name}', logged {logged} sample sessions, "
        f"dashboard at {url.rstrip('/')}/{DASHBOARD_URL}; {sentences}"
    )


def main() -> int:
    """Parse arguments and seed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8123")
    parser.add_argument("--token-file", default="config/.dev-token", type=Path)
    parser.add_argument("--name", default="Demo", help="title of the demo entry")
    parser.add_argument("--weeks", type=int, default=12, help="weeks of sample history")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    try:
        token = args.token_file.read_text(encoding="utf-8").strip()
    except OSError as err:
        print(
            f"seed_demo: no token ({err}); run scripts/develop first", file=sys.stderr
        )
        return 1
    try:
        summary = asyncio.run(
            seed(args.url, token, name=args.name, weeks=args.weeks, wait_s=args.timeout)
        )
    except (SeedError, aiohttp.ClientError, TimeoutError) as err:
        print(f"seed_demo: {err}", file=sys.stderr)
        return 1
    print(f"seed_demo: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
