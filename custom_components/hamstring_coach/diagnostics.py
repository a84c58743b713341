"""Diagnostics: settings, counts, status and the latest sessions, privacy-safe.

Redaction is applied per part rather than with one key set over everything,
because the same key means different things in different places:

- the entry: its title and `data["name"]` are the person's name, and
  `options["person"]` links the entry to a `person.*` entity (all redacted);
  the other options are the plan and targets (kept, they explain the status);
- sessions: `notes` is free text the person wrote (redacted); every other
  field is a number, a flag or a catalog id;
- the coach status: `name` keys there are catalog exercise and program-day
  names, not personal, so the status is not redacted.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from .const import CONF_PERSON, STORAGE_MINOR_VERSION, STORAGE_VERSION
from .coordinator import HamstringCoachConfigEntry
from .core.outlook import outlook_dict
from .core.present import status_dict
from .core.serialize import session_to_dict

TO_REDACT_ENTRY = {"title", "name", CONF_PERSON}
TO_REDACT_SESSION = {"notes"}
RECENT_SESSIONS = 20


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: HamstringCoachConfigEntry
) -> dict[str, Any]:
    """Return diagnostics for a config entry; sessions are newest first."""
    coordinator = entry.runtime_data
    sessions = list(coordinator.log)
    recent = [
        session_to_dict(s)
        for s in islice(coordinator.log.newest_first(), RECENT_SESSIONS)
    ]
    return {
        "entry": async_redact_data(
            {
                "title": entry.title,
                "version": entry.version,
                "minor_version": entry.minor_version,
                "data": dict(entry.data),
                "options": dict(entry.options),
            },
            TO_REDACT_ENTRY,
        ),
        "storage": {
            "version": STORAGE_VERSION,
            "minor_version": STORAGE_MINOR_VERSION,
        },
        "counts": {
            "sessions": len(sessions),
            "hard_sessions": sum(1 for s in sessions if s.hard),
            "reports": len(coordinator.state.reports),
        },
        "status": {
            **status_dict(snapshot := coordinator.current()),
            **outlook_dict(coordinator.outlook(snapshot)),
        },
        "recent_sessions": async_redact_data(recent, TO_REDACT_SESSION),
    }
