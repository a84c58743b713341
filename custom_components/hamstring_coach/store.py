"""Versioned, atomic storage of one person's coaching state."""

from __future__ import annotations

from datetime import datetime, tzinfo
from functools import cached_property
import os
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util
import orjson

from .const import DOMAIN, LOGGER, STORAGE_MINOR_VERSION, STORAGE_VERSION
from .core.models import Session
from .core.serialize import (
    controls_from_dict,
    controls_to_dict,
    parse_instant,
    report_from_dict,
    report_to_dict,
    session_to_dict,
    sessions_from_dicts,
)
from .core.state import CoachState

type StoredLog = dict[str, Any]


def migrate(major: int, minor: int, data: StoredLog) -> StoredLog:
    """Bring stored data of an older schema to the current one (1.2).

    1.0 had sessions only; 1.1 added soreness reports; 1.2 the rehab phase;
    1.3 skips, pauses and the snooze. Every step only adds keys with
    defaults, so nothing is lost.
    """
    LOGGER.debug("Migrating training log from schema %s.%s", major, minor)
    return {
        "sessions": [],
        "reports": [],
        "phase": {"current": 1, "since": None},
        "controls": {"skips": [], "pauses": [], "snoozed_until": None},
        **data,
    }


def parse(raw: StoredLog, zone: tzinfo) -> CoachState:
    """Validate stored data and build the state; raises on anything malformed."""
    phase = raw.get("phase") or {}
    since = phase.get("since")
    return CoachState.load(
        sessions_from_dicts(raw["sessions"]),
        (report_from_dict(item) for item in raw["reports"]),
        zone,
        phase=int(phase.get("current", 1)),
        phase_since=None if since is None else parse_instant(str(since)),
        controls=controls_from_dict(raw.get("controls") or {}),
    )


_INVALID = (KeyError, TypeError, ValueError, AttributeError)


class _Encoded:
    """A session that turns itself into JSON once, when a file is first written.

    Home Assistant's JSON encoder embeds any object's `json_fragment` as is,
    so a session is encoded in the executor the first time it is saved and
    its bytes are reused by every later save (sessions never change).
    """

    __slots__ = ("__dict__", "session")

    def __init__(self, session: Session) -> None:
        """Wrap an immutable session."""
        self.session = session

    @cached_property
    def json_fragment(self) -> orjson.Fragment:
        """The session's stored JSON."""
        return orjson.Fragment(orjson.dumps(session_to_dict(self.session)))


class _VersionedStore(Store[StoredLog]):
    """A `Store` that validates before it migrates and reports failed writes.

    Home Assistant writes migrated data back at once; validating first means
    an invalid old file raises before that write and stays untouched.
    `Store` logs a failed write and carries on; this one remembers the error
    so `CoachStore.async_save` can refuse to acknowledge the change.
    """

    write_error: Exception | None = None

    def _write_data(self, data: dict[str, Any]) -> None:
        try:
            super()._write_data(data)
        except Exception as err:
            self.write_error = err
            raise

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: StoredLog
    ) -> StoredLog:
        migrated = migrate(old_major_version, old_minor_version, old_data)
        parse(migrated, dt_util.get_default_time_zone())
        return migrated


class InvalidLogError(Exception):
    """The stored file parsed but failed validation; it was moved to `path`."""

    def __init__(self, path: str) -> None:
        """Remember where the file went."""
        super().__init__(path)
        self.path = path


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
            serialize_in_event_loop=False,
        )
        self._encoded: dict[str, _Encoded] = {}

    @property
    def path(self) -> str:
        """The file's path."""
        return str(self._store.path)

    async def async_load(self) -> CoachState:
        """Read and validate the state (local days in Home Assistant's zone).

        A file that fails validation is moved aside and `InvalidLogError`
        says where; unparseable JSON is set aside by Home Assistant's own
        `Store` (with its repair issue). Either way it is never overwritten.
        """
        zone = dt_util.get_default_time_zone()
        try:
            raw = await self._store.async_load()
            if raw is None:
                return CoachState.load((), (), zone)
            return await self._hass.async_add_executor_job(parse, raw, zone)
        except _INVALID as err:
            LOGGER.error(
                "Training log %s is invalid (%s); setting it aside", self.path, err
            )
            raise InvalidLogError(await self._async_set_aside()) from err

    async def _async_set_aside(self) -> str:
        stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%SZ")
        target = f"{self.path}.invalid.{stamp}"
        await self._hass.async_add_executor_job(os.replace, self.path, target)
        return target

    def _reuse(self, session: Session) -> _Encoded:
        known = self._encoded.get(session.id)
        return (
            known
            if known is not None and known.session is session
            else _Encoded(session)
        )

    async def async_save(self, state: CoachState) -> None:
        """Write the whole state atomically; returns once it is on disk.

        Raises `OSError` (or the encoder's error) when the write failed, so
        nothing is acknowledged that is not on disk.
        """
        since: datetime | None = state.phase_since
        # Sessions are immutable, but an edit keeps the id: reuse only the
        # encoding of the very same session object.
        encoded = {s.id: self._reuse(s) for s in state.log}
        self._encoded = encoded
        data: dict[str, Any] = {
            "sessions": list(encoded.values()),
            "reports": [report_to_dict(r) for r in state.reports],
            "phase": {
                "current": state.phase,
                "since": None if since is None else since.isoformat(),
            },
            "controls": controls_to_dict(state.controls),
        }
        self._store.write_error = None
        await self._store.async_save(data)
        if (error := self._store.write_error) is not None:
            raise OSError(f"{self.path}: {error}") from error

    async def async_remove(self) -> None:
        """Delete the file (the entry was removed)."""
        await self._store.async_remove()
