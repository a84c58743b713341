"""What the coach promised across restarts: announced reminders and to-do ticks.

A small file next to the log, `.storage/hamstring_coach.<entry_id>.promises`,
written with `durable` like the log:

- `announced`: per kind (`session_due`, `goal_at_risk`) the key of the last
  moment announced. A reminder is claimed (in memory, at once) and written
  before its event fires, so a slot is announced at most once, also across
  restarts; a moment that fell into a restart is announced once after it.
- `ticks`: the checked items of the to-do list and the program day they
  belong to, so a restart in the middle of a workout keeps them.

A missing file means the entry is new (or older than this file): the
moments current at start are then taken as announced, without firing.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import STORAGE_DIR
import orjson

from . import durable
from .const import DOMAIN, EVENT_GOAL_AT_RISK, EVENT_SESSION_DUE, LOGGER
from .core.coach import CoachSnapshot
from .core.models import Status

VERSION = 1


@dataclass(frozen=True, slots=True)
class Ticks:
    """Checked to-do items (uids) of one program day's workout."""

    day: str
    checked: frozenset[str] = field(default_factory=frozenset)


class PromiseStore:
    """Load, claim and save one entry's promises."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Nothing is read yet."""
        self._hass = hass
        self.key = f"{DOMAIN}.{entry_id}.promises"
        self.announced: dict[str, str] = {}
        self.ticks: Ticks | None = None
        self.fresh = True
        self.lock = asyncio.Lock()

    @property
    def path(self) -> str:
        """The file's path."""
        return self._hass.config.path(STORAGE_DIR, self.key)

    async def async_load(self) -> None:
        """Read the file; an unreadable one counts as missing (logged)."""
        payload = await self._hass.async_add_executor_job(durable.read_bytes, self.path)
        if payload is None:
            return
        try:
            data = orjson.loads(payload)["data"]
            announced = {str(k): str(v) for k, v in data["announced"].items()}
            ticks = data.get("ticks")
            self.ticks = (
                None
                if ticks is None
                else Ticks(str(ticks["day"]), frozenset(map(str, ticks["checked"])))
            )
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            LOGGER.warning("Ignoring unreadable %s (%s)", self.path, err)
            return
        self.announced = announced
        self.fresh = False

    def claim(self, kind: str, key: str) -> bool:
        """Mark a moment announced; False when it already was."""
        if self.announced.get(kind) == key:
            return False
        self.announced[kind] = key
        return True

    def _document(self) -> dict[str, Any]:
        ticks = self.ticks
        return {
            "version": VERSION,
            "key": self.key,
            "data": {
                "announced": dict(self.announced),
                "ticks": None
                if ticks is None
                else {"day": ticks.day, "checked": sorted(ticks.checked)},
            },
        }

    async def async_save(self) -> None:
        """Write the promises durably; raises `OSError` when that fails."""
        async with self.lock:  # one writer of the temporary file at a time
            payload = orjson.dumps(self._document())
            try:
                await self._hass.async_add_executor_job(
                    lambda: durable.write(self.path, payload, keep=None)
                )
            except RuntimeError as err:  # the executor is gone (final stage)
                raise OSError(f"{self.path}: {err}") from err
        self.fresh = False

    async def async_remove(self) -> None:
        """Delete the file (the entry was removed)."""
        await self._hass.async_add_executor_job(durable.remove, self.path)


def moments(
    snapshot: CoachSnapshot,
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """The announceable moments now: (kind, key, event, data).

    A reminder's key is its slot and the snooze in force, so a snoozed
    reminder comes back once when the snooze ends; goal-at-risk is keyed by
    its week.
    """
    found: list[tuple[str, str, str, dict[str, Any]]] = []
    if snapshot.session_due:
        snooze = snapshot.snoozed_until
        key = f"{snapshot.next_session.isoformat()}/{snooze.isoformat() if snooze else ''}"
        found.append(
            (
                "session_due",
                key,
                EVENT_SESSION_DUE,
                {
                    "next_session": snapshot.next_session.isoformat(),
                    "program_day": snapshot.next_workout.day.id,
                },
            )
        )
    if snapshot.status is Status.BEHIND:
        found.append(
            (
                "goal_at_risk",
                snapshot.week_end.isoformat(),
                EVENT_GOAL_AT_RISK,
                {
                    "weekly_sessions": snapshot.weekly_sessions,
                    "target": snapshot.sessions_target,
                    "week_end": snapshot.week_end.isoformat(),
                },
            )
        )
    return found
