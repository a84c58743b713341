"""Admin actions that move a training log in and out of Home Assistant.

Files are only read or written inside the folders Home Assistant allows
(`allowlist_external_dirs`); reading and parsing happen in the executor, and
an import is checked completely before anything is stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from homeassistant.const import ATTR_CONFIG_ENTRY_ID
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.service import async_register_admin_service
from homeassistant.util import dt as dt_util
from homeassistant.util.file import write_utf8_file_atomic
import voluptuous as vol

from .action_support import resolve_entry, text
from .const import DOMAIN
from .core.portability import ImportResult, export_csv, export_json, merge, parse_import
from .core.sessions import CoachError
from .errors import failure, user_error, validation_error

SERVICE_EXPORT_HISTORY = "export_history"
SERVICE_IMPORT_HISTORY = "import_history"

MAX_IMPORT_BYTES = 20 * 1024 * 1024
"""Bigger files are refused before they are read."""

EXPORT_SCHEMA = vol.Schema(
    {
        vol.Optional(ATTR_CONFIG_ENTRY_ID): text(100),
        vol.Required("path"): text(4096),
        vol.Optional("format"): vol.In(["json", "csv"]),
    }
)
IMPORT_SCHEMA = vol.Schema(
    {
        vol.Optional(ATTR_CONFIG_ENTRY_ID): text(100),
        vol.Required("path"): text(4096),
        vol.Optional("dry_run", default=False): cv.boolean,
    }
)


async def _allowed(hass: HomeAssistant, raw: str) -> Path:
    """An absolute path inside an allowed folder, else a translated error.

    The check resolves the path on disk, so it runs in the executor.
    """
    path = Path(raw)
    try:
        allowed = path.is_absolute() and await hass.async_add_executor_job(
            hass.config.is_allowed_path, str(path)
        )
    except (OSError, ValueError):
        allowed = False
    if not allowed:
        raise user_error("path_not_allowed", path=raw[:200])
    return path


def _read(path: Path) -> str:
    if path.stat().st_size > MAX_IMPORT_BYTES:
        msg = f"{path} is larger than {MAX_IMPORT_BYTES} bytes"
        raise ValueError(msg)
    return path.read_text(encoding="utf-8-sig")


async def _export(call: ServiceCall) -> ServiceResponse:
    hass = call.hass
    coordinator = resolve_entry(hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    path = await _allowed(hass, call.data["path"])
    kind = call.data.get("format") or (
        "csv" if path.suffix.lower() == ".csv" else "json"
    )
    sessions = list(coordinator.log)
    names = {day.id: day.name for day in coordinator.program.days}
    zone = dt_util.get_default_time_zone()

    def write() -> None:
        text = (
            export_csv(sessions, zone, names)
            if kind == "csv"
            else export_json(sessions)
        )
        write_utf8_file_atomic(str(path), text)

    try:
        await hass.async_add_executor_job(write)
    except (OSError, HomeAssistantError) as err:
        raise failure("export_failed", path=str(path), error=str(err)) from err
    if not call.return_response:
        return None
    return {"path": str(path), "format": kind, "sessions": len(sessions)}


async def _import(call: ServiceCall) -> ServiceResponse:
    hass = call.hass
    coordinator = resolve_entry(hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    path = await _allowed(hass, call.data["path"])
    names = {day.id: day.name for day in coordinator.program.days}  # as exported
    zone = dt_util.get_default_time_zone()
    unit = coordinator.settings.weight_unit
    now = dt_util.utcnow()

    def read_and_parse() -> ImportResult:
        return parse_import(
            _read(path), tz=zone, default_unit=unit, names=names, now=now
        )

    try:
        result = await hass.async_add_executor_job(read_and_parse)
    except CoachError as err:
        raise validation_error(err) from err
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise user_error("import_unreadable", path=str(path), error=str(err)) from err
    summary: dict[str, Any] = {
        "format": result.format,
        "sessions_found": len(result.sessions),
        "unknown_exercises": list(result.unknown_exercises),
        "dropped": list(result.dropped),
        "errors": list(result.errors),
    }
    if result.errors and not call.data["dry_run"]:
        raise user_error(
            "import_invalid", count=str(len(result.errors)), first=result.errors[0]
        )
    if call.data["dry_run"]:
        new = [s for s in result.sessions if coordinator.log.get(s.id) is None]
        summary |= {
            "added": 0,
            "would_add": len(new),
            "duplicates": len(result.sessions) - len(new),
        }
        return cast("ServiceResponse", summary) if call.return_response else None
    added, duplicates = await coordinator.async_import(lambda ids: merge(ids, result))
    summary |= {"added": added, "duplicates": duplicates}
    return cast("ServiceResponse", summary) if call.return_response else None


@callback
def async_setup_transfer(hass: HomeAssistant) -> None:
    """Register the admin-only import and export actions."""
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_EXPORT_HISTORY,
        _export,
        schema=EXPORT_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_IMPORT_HISTORY,
        _import,
        schema=IMPORT_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
