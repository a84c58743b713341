"""Prepare a Home Assistant config dir the way scripts/develop runs it.

Used by scripts/develop (for config/) and by tests/e2e/harness.py (for its
throw-away dirs), so the dev instance and the end-to-end tests run the same
configuration: the committed config/configuration.yaml (`default_config:`,
the country set, ...) plus what differs per instance and per Home Assistant
release:

- the HTTP server (127.0.0.1 only, a port): Home Assistant 2026.10 and newer
  keep these settings in `.storage/http` (YAML would be migrated once and then
  raise a repair), older releases read them from YAML, here
  `packages/http.yaml`, which configuration.yaml includes as a package;
- the onboarding steps other than "user" marked done (scripts/onboard.py
  creates the user and a token once Home Assistant answers);
- on a container host without a `go2rtc` binary, `packages/go2rtc.yaml`:
  inside a container Home Assistant takes itself for its official image,
  which ships go2rtc (default_config's WebRTC helper for cameras), and the
  integration fails to set up without it. Pointing it at go2rtc's usual
  local address instead makes it wait for that server in the background,
  as on a normal installation with go2rtc elsewhere. Outside containers
  (laptops, GitHub Actions, the sid chroot) nothing is written.

    python scripts/dev_config.py CONFIG_DIR --port 8123

Existing `.storage` files are kept (a second start changes nothing there).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
import shutil
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
CONFIGURATION = REPO_ROOT / "config" / "configuration.yaml"
HOST = "127.0.0.1"

# homeassistant/components/onboarding STORAGE_VERSION.
ONBOARDING = {
    "version": 4,
    "minor_version": 1,
    "key": "onboarding",
    "data": {"done": ["core_config", "analytics", "integration"]},
}


def http_storage(settings: dict[str, Any]) -> dict[str, Any] | None:
    """The `.storage/http` file holding `settings`, if this release has one.

    Home Assistant's own schema fills in the defaults, as its YAML migration
    does; the settings become the "stable" (confirmed) configuration.
    """
    if importlib.util.find_spec("homeassistant.components.http.config") is None:
        return None
    from homeassistant.components.http import config  # noqa: PLC0415
    from homeassistant.util import dt as dt_util  # noqa: PLC0415

    stable = {
        **config.HTTP_STORAGE_SCHEMA(settings),
        "created_at": dt_util.utcnow().isoformat(),
        "error": None,
        "error_message": None,
    }
    return {
        "version": config.STORAGE_VERSION,
        "minor_version": config.STORAGE_MINOR_VERSION,
        "key": "http",
        "data": {"stable": stable, "pending": None, "yaml_migration_done": True},
    }


def _write_json(path: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, indent=2, default=str)
    path.write_text(text + "\n", encoding="utf-8")


def write_http(config_dir: Path, port: int) -> None:
    """Bind to 127.0.0.1:port, in storage or in YAML as the release reads it."""
    storage = config_dir / ".storage"
    packages = config_dir / "packages"
    packages.mkdir(exist_ok=True)
    yaml_file = packages / "http.yaml"
    settings = {"server_host": [HOST], "server_port": port}
    if (stored := http_storage(settings)) is None:
        yaml_file.write_text(
            "# Written by scripts/dev_config.py.\n"
            f"http:\n  server_host: {HOST}\n  server_port: {port}\n",
            encoding="utf-8",
        )
        return
    yaml_file.unlink(missing_ok=True)
    _write_json(storage / "http", stored)


GO2RTC_URL = "http://127.0.0.1:1984/"


def in_container_without_go2rtc() -> bool:
    """Home Assistant's container test (util/package.py) holds, no go2rtc binary."""
    from homeassistant.util.package import is_docker_env  # noqa: PLC0415

    return is_docker_env() and shutil.which("go2rtc") is None


def write_go2rtc(config_dir: Path) -> None:
    """packages/go2rtc.yaml where the go2rtc integration would fail (see above)."""
    package = config_dir / "packages" / "go2rtc.yaml"
    if not in_container_without_go2rtc():
        package.unlink(missing_ok=True)
        return
    package.write_text(
        "# Written by scripts/dev_config.py: a container without go2rtc.\n"
        f"go2rtc:\n  url: {GO2RTC_URL}\n",
        encoding="utf-8",
    )


def prepare(config_dir: Path, port: int) -> None:
    """configuration.yaml (unless it is the committed file), HTTP, onboarding."""
    config_dir = Path(config_dir)
    storage = config_dir / ".storage"
    storage.mkdir(parents=True, exist_ok=True)
    target = config_dir / "configuration.yaml"
    if target.resolve() != CONFIGURATION.resolve():
        shutil.copyfile(CONFIGURATION, target)
    write_http(config_dir, port)
    write_go2rtc(config_dir)
    if not (storage / "onboarding").exists():
        _write_json(storage / "onboarding", ONBOARDING)


def main() -> None:
    """Command line: CONFIG_DIR --port N."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config_dir", type=Path)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    prepare(args.config_dir, args.port)


if __name__ == "__main__":
    main()
