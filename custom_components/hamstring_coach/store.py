"""Versioned, durable storage of one person's coaching state, with a last good copy.

The file is `.storage/hamstring_coach.<entry_id>` in Home Assistant's storage
format (`version`, `minor_version`, `key`, `data`). Reading and writing go
through `durable` (plain `os` calls, in the executor): every write is atomic
and synced before the action that caused it is answered, also while Home
Assistant is stopping, and the file it replaces stays as the last good copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import STORAGE_DIR
from homeassistant.util import dt as dt_util
import orjson

from . import durable
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
type Fragments = dict[str, tuple[Session, orjson.Fragment]]


def migrate(major: int, minor: int, data: StoredLog) -> StoredLog:
    """Bring stored data of an older schema to the current one (1.3).

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


def decode(payload: bytes, zone: tzinfo) -> CoachState:
    """Parse a whole stored file (any older schema); raises when it is invalid."""
    document = orjson.loads(payload)
    major, minor = int(document["version"]), int(document.get("minor_version", 1))
    if major != STORAGE_VERSION or minor > STORAGE_MINOR_VERSION:
        msg = f"schema {major}.{minor} is not one this version reads"
        raise ValueError(msg)
    data = document["data"]
    if minor != STORAGE_MINOR_VERSION:
        data = migrate(major, minor, data)
    return parse(data, zone)


INVALID = (KeyError, TypeError, ValueError, AttributeError, IndexError)


@dataclass(frozen=True, slots=True, kw_only=True)
class Recovery:
    """What happened to an invalid or missing file at load time.

    `aside` is where the invalid file went (None: the file was missing);
    `restored` whether the last good copy was put back, with `sessions`
    sessions; `missing` how many sessions the set-aside file names that the
    restored copy lacks (None: the file could not be read that far).
    """

    aside: str | None
    restored: bool
    sessions: int
    missing: int | None


def _session_ids(payload: bytes | None) -> set[str] | None:
    """The session ids an invalid file still names, if it is readable JSON."""
    try:
        sessions = orjson.loads(payload or b"")["data"]["sessions"]
        return {s["id"] for s in sessions if isinstance(s["id"], str)}
    except (*INVALID, orjson.JSONDecodeError):
        return None


def _load(path: str, zone: tzinfo, stamp: str) -> tuple[CoachState, Recovery | None]:
    """Read the file; fall back to the last good copy (blocking)."""
    payload = durable.read_bytes(path)
    aside = None
    if payload is not None:
        try:
            return decode(payload, zone), None
        except INVALID as err:
            LOGGER.error("Training log %s is invalid (%s); setting it aside", path, err)
            aside = durable.set_aside(path, f"invalid.{stamp}")
    empty = CoachState.load((), (), zone)
    copy = durable.last_good_path(path)
    try:
        good = durable.read_bytes(copy)
        state = None if good is None else decode(good, zone)
    except INVALID as err:
        LOGGER.error("The last good copy %s is invalid too (%s)", copy, err)
        state = None
    if state is None:
        if payload is None:
            return empty, None
        return empty, Recovery(aside=aside, restored=False, sessions=0, missing=None)
    durable.restore(copy, path)
    LOGGER.warning("Training log %s restored from its last good copy", path)
    ids = _session_ids(payload)
    missing = None if ids is None else len(ids - {s.id for s in state.log})
    return state, Recovery(
        aside=aside, restored=True, sessions=len(state.log), missing=missing
    )


def _fragments(state: CoachState, known: Fragments) -> Fragments:
    """Each session's JSON, encoded once and reused while the session is unchanged."""
    fragments: Fragments = {}
    for session in state.log:
        old = known.get(session.id)
        fragments[session.id] = (
            old
            if old is not None and old[0] is session
            else (session, orjson.Fragment(orjson.dumps(session_to_dict(session))))
        )
    return fragments


class CoachStore:
    """One file per config entry: `.storage/hamstring_coach.<entry_id>`."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Create the store; nothing is read yet."""
        self._hass = hass
        self.key = f"{DOMAIN}.{entry_id}"
        self._fragments: Fragments = {}
        self._identity: durable.Identity | None = None
        self.recovery: Recovery | None = None

    @property
    def path(self) -> str:
        """The file's path."""
        return self._hass.config.path(STORAGE_DIR, self.key)

    async def async_load(self) -> CoachState:
        """Read and validate the state (local days in Home Assistant's zone).

        An invalid file is set aside (never overwritten) and the last good
        copy restored; `recovery` then says what happened. Raises `OSError`
        when a file cannot be read, moved or restored.
        """
        stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%SZ")
        state, self.recovery = await self._hass.async_add_executor_job(
            _load, self.path, dt_util.get_default_time_zone(), stamp
        )
        self._identity = await self._hass.async_add_executor_job(
            durable.identity, self.path
        )
        return state

    def _write(self, state: CoachState, data: StoredLog) -> durable.Identity:
        self._fragments = fragments = _fragments(state, self._fragments)
        data["sessions"] = [fragment for _, fragment in fragments.values()]
        document = {
            "version": STORAGE_VERSION,
            "minor_version": STORAGE_MINOR_VERSION,
            "key": self.key,
            "data": data,
        }
        try:
            payload = orjson.dumps(document)
        except orjson.JSONEncodeError as err:
            raise OSError(f"cannot encode: {err}") from err
        return durable.write(self.path, payload, keep=self._identity)

    async def async_save(self, state: CoachState) -> None:
        """Write the whole state durably; returns once it is on disk.

        Raises `OSError` when it is not (a full disk, a read-only directory,
        Home Assistant's executor already shut down), so nothing is
        acknowledged that is not on disk.
        """
        since: datetime | None = state.phase_since
        data: StoredLog = {
            "sessions": [],
            "reports": [report_to_dict(r) for r in state.reports],
            "phase": {
                "current": state.phase,
                "since": None if since is None else since.isoformat(),
            },
            "controls": controls_to_dict(state.controls),
        }
        try:
            self._identity = await self._hass.async_add_executor_job(
                self._write, state, data
            )
        except RuntimeError as err:  # the executor is gone (final shutdown stage)
            raise OSError(f"{self.path}: {err}") from err

    async def async_remove(self) -> None:
        """Delete the file and its last good copy (the entry was removed)."""
        await self._hass.async_add_executor_job(durable.remove, self.path)
