"""A real Home Assistant process for end-to-end tests, on 127.0.0.1 only.

`HassProcess` makes a throw-away config dir with the configuration
scripts/develop runs (config/configuration.yaml: `default_config:` and the
country set; HTTP on 127.0.0.1 and a free port; the onboarding steps other
than "user" done; all written by scripts/dev_config.py), starts
`hass -c <dir> --skip-pip` from this interpreter the way scripts/hass does
(through scripts/launch_hass.py when Python is older than Home Assistant's
minimum), with PYTHONPATH = the repository root so the repository's
`custom_components/hamstring_coach` is the one loaded, then creates the user
and a long-lived token with scripts/onboard.py.

Only the standard library talks to Home Assistant (http.client). Every wait is
bounded; `stop()` sends SIGTERM and `kill()` SIGKILL to the process group, and
an `atexit` hook kills whatever a crashed test left running.
"""

from __future__ import annotations

import atexit
from collections.abc import Iterator
from dataclasses import dataclass
import http.client
import importlib.util
import json
import os
from pathlib import Path
import signal
import socket
import subprocess
import sys
import time
from types import ModuleType
from typing import Any
from urllib.parse import quote

REPO_ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
DOMAIN = "hamstring_coach"


def _dev_config() -> ModuleType:
    """scripts/dev_config.py, which prepares scripts/develop's config dir too."""
    path = REPO_ROOT / "scripts" / "dev_config.py"
    spec = importlib.util.spec_from_file_location("hc_dev_config", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DEV_CONFIG = _dev_config()

_LIVE: set[HassProcess] = set()


@atexit.register
def _kill_leftovers() -> None:
    for proc in list(_LIVE):
        proc.kill()


class HassError(RuntimeError):
    """Home Assistant did not do what the harness waited for."""


@dataclass(frozen=True, slots=True)
class Response:
    """Status and decoded JSON body (text when not JSON) of one request."""

    status: int
    data: Any


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _launch_command() -> list[str]:
    """`hass` from this interpreter, as scripts/hass starts it."""
    if sys.version_info[:3] < (3, 13, 2):
        return [sys.executable, str(REPO_ROOT / "scripts" / "launch_hass.py")]
    return [sys.executable, "-m", "homeassistant"]


class HassProcess:
    """One Home Assistant instance in its own config dir and process group."""

    def __init__(
        self,
        config_dir: Path,
        *,
        startup_timeout: float = 60.0,
        request_timeout: float = 30.0,
        extra_yaml: str = "",
    ) -> None:
        """Prepare the config dir (`extra_yaml` is appended); nothing is started yet."""
        self.config_dir = Path(config_dir)
        self.extra_yaml = extra_yaml
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.startup_timeout = startup_timeout
        self.request_timeout = request_timeout
        self.token: str | None = None
        self.log_path = self.config_dir / "hass.out"
        self._proc: subprocess.Popen[bytes] | None = None
        self._log_file: Any = None
        self._write_config()

    # --- files -----------------------------------------------------------------

    def _write_config(self) -> None:
        """The dev instance's configuration (config/configuration.yaml) on our port.

        `extra_yaml` is appended to configuration.yaml.
        """
        DEV_CONFIG.prepare(self.config_dir, self.port)
        if self.extra_yaml:
            with (self.config_dir / "configuration.yaml").open(
                "a", encoding="utf-8"
            ) as config:
                config.write(self.extra_yaml)

    def storage_path(self, key: str) -> Path:
        """Path of a `.storage` file."""
        return self.config_dir / ".storage" / key

    def read_storage(self, key: str) -> Any:
        """Parse a `.storage` file as JSON (raises when it is not)."""
        return json.loads(self.storage_path(key).read_text(encoding="utf-8"))

    def log_tail(self, lines: int = 40) -> str:
        """The end of Home Assistant's output, for failure messages."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def wait_for_log(self, text: str, timeout: float = 15.0) -> bool:
        """Whether `text` reaches Home Assistant's log within `timeout` seconds.

        Home Assistant writes its log from a queue on another thread, so a
        record of a call that has just answered may land a moment later.
        """
        deadline = time.monotonic() + timeout
        while True:
            if text in self.log_tail(100_000):
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    # --- process ---------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether the process is alive."""
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> float:
        """Start Home Assistant and wait until it answers; returns seconds taken.

        On the first start the dev user and a long-lived token are created
        with scripts/onboard.py; later starts reuse the token and also wait
        until every coach entry is loaded.
        """
        if self.running:
            msg = "Home Assistant is already running"
            raise HassError(msg)
        began = time.monotonic()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(REPO_ROOT), env.get("PYTHONPATH")) if p
        )
        self._log_file = self.log_path.open("ab")
        self._proc = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            [*_launch_command(), "-c", str(self.config_dir), "--skip-pip"],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: killpg reaches all of it
        )
        _LIVE.add(self)
        try:
            if self.token is None:
                self._onboard()
            self._wait_running()
            self._wait_entries_loaded()
        except BaseException:
            self.kill()
            raise
        return time.monotonic() - began

    def _onboard(self) -> None:
        """Create the user and a long-lived token with scripts/onboard.py."""
        assert self._proc is not None
        result = subprocess.run(  # noqa: S603 - fixed argv, no shell
            [
                sys.executable,
                str(REPO_ROOT / "scripts" / "onboard.py"),
                "--url",
                self.url,
                "--config",
                str(self.config_dir),
                "--pid",
                str(self._proc.pid),
                "--timeout",
                str(self.startup_timeout),
            ],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=self.startup_timeout + 30,
            check=False,
        )
        token_file = self.config_dir / ".dev-token"
        if result.returncode != 0 or not token_file.exists():
            msg = (
                f"scripts/onboard.py failed ({result.returncode}): "
                f"{result.stdout}{result.stderr}\n{self.log_tail()}"
            )
            raise HassError(msg)
        self.token = token_file.read_text(encoding="utf-8").strip()

    def _deadline_loop(self, what: str) -> Iterator[None]:
        """Yield until the startup timeout; raise when the process dies or time's up."""
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if not self.running:
                msg = f"Home Assistant exited while waiting for {what}:\n{self.log_tail()}"
                raise HassError(msg)
            yield
            time.sleep(0.1)
        msg = f"timed out after {self.startup_timeout:.0f} s waiting for {what}:\n{self.log_tail()}"
        raise HassError(msg)

    def _wait_running(self) -> None:
        for _ in self._deadline_loop("GET /api/config state RUNNING"):
            try:
                response = self.rest("GET", "/api/config", timeout=5)
            except OSError:
                continue
            if response.status == 200 and response.data.get("state") == "RUNNING":
                return

    def _wait_entries_loaded(self) -> None:
        for _ in self._deadline_loop(f"{DOMAIN} entries to load"):
            states = {e["state"] for e in self.entries()}
            if states <= {"loaded"}:
                return
            # An options change reloads the entry: unloading, then setting up.
            passing = {
                "loaded",
                "not_loaded",
                "setup_in_progress",
                "unload_in_progress",
            }
            if failed := states - passing:
                msg = f"a {DOMAIN} entry failed to load ({failed}):\n{self.log_tail()}"
                raise HassError(msg)

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM the process group (a clean shutdown); SIGKILL after `timeout`."""
        if self._signal(signal.SIGTERM):
            assert self._proc is not None
            try:
                self._proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        self._reap()

    def kill(self) -> None:
        """SIGKILL the process group: no shutdown, no final writes."""
        self._signal(signal.SIGKILL)
        self._reap()

    def restart(self) -> float:
        """A clean stop, then start; returns the start's seconds."""
        self.stop()
        return self.start()

    def _signal(self, sig: signal.Signals) -> bool:
        if self._proc is None:
            return False
        try:
            os.killpg(self._proc.pid, sig)
        except ProcessLookupError:
            return False
        return True

    def _reap(self) -> None:
        if self._proc is not None:
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                self._proc.wait(10)
            self._proc = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
        _LIVE.discard(self)

    # --- REST ------------------------------------------------------------------

    def rest(
        self,
        method: str,
        path: str,
        json_body: Any = None,
        *,
        timeout: float | None = None,
    ) -> Response:
        """One request to 127.0.0.1 with the token; connection errors raise OSError."""
        conn = http.client.HTTPConnection(
            HOST, self.port, timeout=timeout or self.request_timeout
        )
        headers = {"Content-Type": "application/json"}
        if self.token is not None:
            headers["Authorization"] = f"Bearer {self.token}"
        body = None if json_body is None else json.dumps(json_body)
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            raw = resp.read()
        except http.client.HTTPException as err:
            raise ConnectionError(str(err)) from err
        finally:
            conn.close()
        try:
            data: Any = json.loads(raw) if raw else None
        except ValueError:
            data = raw.decode("utf-8", errors="replace")
        return Response(resp.status, data)

    def _ok(self, response: Response, what: str) -> Any:
        if response.status != 200:
            msg = f"{what} -> HTTP {response.status}: {response.data}"
            raise HassError(msg)
        return response.data

    def entries(self) -> list[dict[str, Any]]:
        """The coach's config entries (entry_id, title, state, ...)."""
        return list(
            self._ok(
                self.rest("GET", f"/api/config/config_entries/entry?domain={DOMAIN}"),
                "list entries",
            )
        )

    def create_entry(
        self,
        name: str = "E2E",
        program: str = "strength_2day",
        days: tuple[str, ...] = ("mon", "thu"),
        time_of_day: str = "18:00:00",
    ) -> str:
        """Add a coach entry through the config-flow REST API; returns its id."""
        flow = self._ok(
            self.rest("POST", "/api/config/config_entries/flow", {"handler": DOMAIN}),
            "start config flow",
        )
        if flow.get("type") != "form" or flow.get("step_id") != "user":
            msg = f"unexpected first step: {flow}"
            raise HassError(msg)
        result = self._ok(
            self.rest(
                "POST",
                f"/api/config/config_entries/flow/{quote(flow['flow_id'])}",
                {
                    "name": name,
                    "program": program,
                    "training_days": list(days),
                    "training_time": time_of_day,
                },
            ),
            "submit user step",
        )
        if result.get("type") != "create_entry":
            msg = f"config flow did not create an entry: {result}"
            raise HassError(msg)
        return str(result["result"]["entry_id"])

    def call_service(
        self,
        domain: str,
        service: str,
        data: dict[str, Any] | None = None,
        *,
        return_response: bool = False,
        timeout: float | None = None,
    ) -> Any:
        """Call an action; returns `service_response` (or the changed states)."""
        path = f"/api/services/{domain}/{service}"
        if return_response:
            path += "?return_response"
        body = self._ok(
            self.rest("POST", path, data or {}, timeout=timeout),
            f"{domain}.{service}",
        )
        return body["service_response"] if return_response else body
