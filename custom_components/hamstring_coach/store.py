"""Versioned, atomic storage of one person's training log."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
import os
from typing import Any, cast

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import (
    DOMAIN,
    LOGGER,
    MAX_STORED_REPORTS,
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
)
from .core.models import Session, SorenessReport
from .core.serialize import (
    JsonObject,
    report_from_dict,
    report_to_dict,
    session_from_dict,
    session_to_dict,
)

type StoredLog = dict[str, Any]


def migrate(major: int, minor: int, data: StoredLog) -> StoredLog:
    """Bring stored data of an older schema to the current one.

    Schema 1.1 is the first; later versions add a step here and a fixture of
    the old file under tests/fixtures/.
    """
    LOGGER.debug("Migrating training log from schema %s.%s", major, minor)
    data.setdefault("sessions", [])
    data.setdefault("reports", [])
    return data


class _VersionedStore(Store[StoredLog]):
    """A `Store` that runs our migration function."""

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: StoredLog
    ) -> StoredLog:
        return migrate(old_major_version, old_minor_version, old_data)


@dataclass(slots=True)
class LoadedLog:
    """What was read from disk; `set_aside` names a file that failed validation."""

    sessions: list[Session] = field(default_factory=list)
    reports: list[SorenessReport] = field(default_factory=list)
    set_aside: str | None = None


class CoachStore:
    """One store file per config entry: `.storage/hamstring_coach.<entry_id>`."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Create the store; nothing is read yet."""
        self._hass = hass
        self._store = _VersionedStore(
            hass,
            STORAGE_VERSION,
            f"{DOMAIN}.{entry_id}",
            minor_version=STORAGE_MINOR_VERSION,
            atomic_writes=True,
        )

    @property
    def path(self) -> str:
        """The file's path."""
        return str(self._store.path)

    async def async_load(self) -> LoadedLog:
        """Read and validate the log; a file that fails validation is set aside.

        Unparseable JSON is set aside by Home Assistant's own `Store` (with
        its repair issue); either way the file is never overwritten.
        """
        raw = await self._store.async_load()
        if raw is None:
            return LoadedLog()
        try:
            sessions = [session_from_dict(item) for item in raw["sessions"]]
            reports = [report_from_dict(item) for item in raw["reports"]]
            if len({s.id for s in sessions}) != len(sessions):
                msg = "duplicate session id"
                raise ValueError(msg)  # noqa: TRY301
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            LOGGER.error(
                "Training log %s is invalid (%s); setting it aside", self.path, err
            )
            return LoadedLog(set_aside=await self._async_set_aside())
        return LoadedLog(sessions=sessions, reports=reports)

    async def _async_set_aside(self) -> str:
        stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%SZ")
        target = f"{self.path}.invalid.{stamp}"
        await self._hass.async_add_executor_job(os.replace, self.path, target)
        return target

    async def async_save(
        self, sessions: Iterable[Session], reports: Iterable[SorenessReport]
    ) -> None:
        """Write the whole log atomically; returns once it is on disk."""
        kept = list(reports)[-MAX_STORED_REPORTS:]
        data: dict[str, list[JsonObject]] = {
            "sessions": [session_to_dict(s) for s in sessions],
            "reports": [report_to_dict(r) for r in kept],
        }
        await self._store.async_save(cast("StoredLog", data))

    async def async_remove(self) -> None:
        """Delete the file (the entry was removed)."""
        await self._store.async_remove()
