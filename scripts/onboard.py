"""Create the local dev user on a fresh dev instance and print how to log in.

Run by scripts/develop in the background while Home Assistant starts:

    python scripts/onboard.py --url http://127.0.0.1:8123 --config config --pid PID

It waits until Home Assistant answers. If the onboarding "user" step is still
open it creates the user (POST /api/onboarding/users), exchanges the auth code
for tokens (POST /auth/token) and asks for a long-lived access token over the
WebSocket API (auth/long_lived_access_token), saved to config/.dev-token.
Uses aiohttp, which Home Assistant ships in the venv.
"""

from __future__ import annotations

import argparse
import asyncio
from http import HTTPStatus
import os
from pathlib import Path
import sys
from typing import Any

import aiohttp

NAME = "Developer"
USERNAME = "dev"
PASSWORD = "dev-password"  # noqa: S105 - local, loopback-only dev instance
TOKEN_FILE = ".dev-token"  # noqa: S105 - a file name


def _alive(pid: int | None) -> bool:
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


async def _wait_for_hass(
    session: aiohttp.ClientSession, url: str, pid: int | None, wait_s: float
) -> list[dict[str, Any]] | None:
    """Wait until /api/onboarding answers; return its steps (None: already onboarded)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_s
    while loop.time() < deadline:
        if not _alive(pid):
            msg = "Home Assistant exited before it answered"
            raise RuntimeError(msg)
        try:
            async with session.get(f"{url}/api/onboarding") as resp:
                if resp.status == HTTPStatus.OK:
                    steps: list[dict[str, Any]] = await resp.json()
                    return steps
                if resp.status in (HTTPStatus.UNAUTHORIZED, HTTPStatus.NOT_FOUND):
                    # Onboarding view no longer served / needs auth: onboarded.
                    return None
        except (aiohttp.ClientError, TimeoutError):
            pass
        await asyncio.sleep(1)
    msg = f"Home Assistant did not answer at {url} within {wait_s:.0f} s"
    raise RuntimeError(msg)


async def _check_token(session: aiohttp.ClientSession, url: str, token: str) -> bool:
    headers = {"Authorization": f"Bearer {token}"}
    async with session.get(f"{url}/api/", headers=headers) as resp:
        return resp.status == HTTPStatus.OK


async def _long_lived_token(
    session: aiohttp.ClientSession, url: str, access_token: str
) -> str:
    ws_url = url.replace("http", "ws", 1) + "/api/websocket"
    async with session.ws_connect(ws_url) as ws:
        msg = await ws.receive_json()
        if msg.get("type") != "auth_required":
            err = f"unexpected websocket greeting: {msg}"
            raise RuntimeError(err)
        await ws.send_json({"type": "auth", "access_token": access_token})
        msg = await ws.receive_json()
        if msg.get("type") != "auth_ok":
            err = f"websocket auth failed: {msg}"
            raise RuntimeError(err)
        await ws.send_json(
            {
                "id": 1,
                "type": "auth/long_lived_access_token",
                "client_name": "hamstring_coach scripts/develop",
                "lifespan": 3650,
            }
        )
        msg = await ws.receive_json()
        if not msg.get("success"):
            err = f"long-lived token request failed: {msg}"
            raise RuntimeError(err)
        token: str = msg["result"]
        return token


async def _onboard(session: aiohttp.ClientSession, url: str) -> str:
    client_id = f"{url}/"
    async with session.post(
        f"{url}/api/onboarding/users",
        json={
            "client_id": client_id,
            "name": NAME,
            "username": USERNAME,
            "password": PASSWORD,
            "language": "en",
        },
    ) as resp:
        if resp.status != HTTPStatus.OK:
            err = f"POST /api/onboarding/users -> {resp.status}: {await resp.text()}"
            raise RuntimeError(err)
        auth_code = (await resp.json())["auth_code"]
    async with session.post(
        f"{url}/auth/token",
        data={
            "grant_type": "authorization_code",
            "code": auth_code,
            "client_id": client_id,
        },
    ) as resp:
        if resp.status != HTTPStatus.OK:
            err = f"POST /auth/token -> {resp.status}: {await resp.text()}"
            raise RuntimeError(err)
        access_token: str = (await resp.json())["access_token"]
    return await _long_lived_token(session, url, access_token)


def _banner(url: str, token_file: Path, token_ok: bool | None) -> None:
    bar = "=" * 72
    lines = [
        bar,
        f"Home Assistant dev instance is up: open {url}",
        f"  log in as:  {USERNAME} / {PASSWORD}",
        "  then: Settings -> Devices & services -> Add integration -> Hamstring Coach",
    ]
    if token_ok:
        lines.append(
            f"  API token:  {token_file} (Authorization: Bearer $(cat {token_file}))"
        )
    elif token_ok is False:
        lines.append(f"  ({token_file} is missing or no longer valid)")
    lines.append(bar)
    print("\n".join(lines), flush=True)


async def _main(args: argparse.Namespace) -> int:
    url = args.url.rstrip("/")
    token_file = Path(args.config) / TOKEN_FILE
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        steps = await _wait_for_hass(session, url, args.pid, args.timeout)
        user_done = steps is None or any(
            s.get("step") == "user" and s.get("done") for s in steps
        )
        if not user_done:
            token = await _onboard(session, url)
            token_file.write_text(token + "\n", encoding="utf-8")
            token_file.chmod(0o600)
            print(f"onboard: created user '{USERNAME}', token saved to {token_file}")
        token_ok = False
        if token_file.exists():
            token_ok = await _check_token(
                session, url, token_file.read_text(encoding="utf-8").strip()
            )
        _banner(url, token_file, token_ok)
    return 0


def main() -> int:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8123")
    parser.add_argument("--config", default="config", help="HA config dir")
    parser.add_argument("--pid", type=int, help="give up when this process exits")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    try:
        return asyncio.run(_main(args))
    except RuntimeError as err:
        print(f"onboard: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
