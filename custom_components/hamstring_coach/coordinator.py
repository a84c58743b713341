"""The per-entry coordinator: holds the state, persists changes, wakes at boundaries.

No polling: the snapshot is recomputed when data changes and at the exact
instant the coach says something can change (`CoachSnapshot.next_update`).
Every mutation computes a new `CoachState` with the pure core, writes it to
disk, and only then adopts it, so a failed write changes nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from itertools import takewhile
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util
from homeassistant.util.ulid import ulid_now

from .const import (
    DOMAIN,
    EVENT_PERSONAL_RECORD,
    EVENT_REST_DAY_VIOLATION,
    EVENT_SESSION_LOGGED,
    LOGGER,
    PLAN_WEEKS,
    SIGNAL_COACH_EVENT,
)
from .core import state as transitions
from .core.coach import CoachSnapshot
from .core.log import TrainingLog
from .core.models import Program, Session
from .core.outlook import Ahead, Outlook, ahead_of, outlook
from .core.plan import Planned, iter_plan
from .core.programs import PROGRAMS
from .core.records import record_to_dict
from .core.sessions import CoachError, SessionInput
from .core.state import CoachState, LogOutcome
from .errors import failure, validation_error
from .longterm import StatisticsQueue
from .promises import PromiseStore, Ticks, moments
from .repairs import async_raise_recovery_issue
from .settings import default_weight_unit, settings_from_options
from .store import CoachStore

type HamstringCoachConfigEntry = ConfigEntry[HamstringCoordinator]


class HamstringCoordinator(DataUpdateCoordinator[CoachSnapshot]):
    """Holds one person's coaching state and the snapshot computed from it."""

    config_entry: HamstringCoachConfigEntry

    def __init__(self, hass: HomeAssistant, entry: HamstringCoachConfigEntry) -> None:
        """Set up from the entry; the state is read in `_async_setup`."""
        super().__init__(
            hass, LOGGER, config_entry=entry, name=entry.title, update_interval=None
        )
        self.store = CoachStore(hass, entry.entry_id)
        self.promises = PromiseStore(hass, entry.entry_id)
        self._announcing = False
        self._held = False
        self.settings = settings_from_options(entry.options, default_weight_unit(hass))
        self.program: Program = PROGRAMS[self.settings.program]
        self.state = CoachState.load((), (), dt_util.get_default_time_zone())
        self._lock = asyncio.Lock()
        self._statistics = StatisticsQueue(hass, entry)
        self._unsub_boundary: CALLBACK_TYPE | None = None
        self._plan: tuple[tuple[object, ...], tuple[Planned, ...]] | None = None
        self._ahead: tuple[tuple[object, ...], Ahead] | None = None

    @property
    def log(self) -> TrainingLog:
        """The training log."""
        return self.state.log

    async def _async_setup(self) -> None:
        """Read the state; a restored or set-aside file raises a repair issue."""
        try:
            self.state = await self.store.async_load()
        except OSError as err:
            # The bad file could not be moved aside: starting with an empty log
            # would overwrite it on the first save, so retry later instead.
            raise UpdateFailed(
                translation_domain=DOMAIN,
                translation_key="log_unreadable",
                translation_placeholders={"path": self.store.path, "error": str(err)},
            ) from err
        await self.promises.async_load()
        if self.store.recovery is not None:
            async_raise_recovery_issue(
                self.hass, self.config_entry, self.store.recovery
            )
        self._statistics.queue(None, self.state.log)
        self.config_entry.async_on_unload(self._cancel_boundary)
        self.config_entry.async_on_unload(
            self.hass.bus.async_listen(EVENT_CORE_CONFIG_UPDATE, self._on_core_config)
        )

    async def _async_update_data(self) -> CoachSnapshot:
        """Compute the snapshot (first refresh) and arm the boundary timer."""
        snapshot = self.current()
        self._schedule(snapshot.next_update)
        return snapshot

    def current(self) -> CoachSnapshot:
        """The snapshot at this instant, without pushing it to entities."""
        return self.state.snapshot(self.program, self.settings, dt_util.utcnow())

    @callback
    def _schedule(self, when: datetime) -> None:
        self._cancel_boundary()
        self._unsub_boundary = async_track_point_in_utc_time(
            self.hass, self._on_boundary, when
        )

    @callback
    def _cancel_boundary(self) -> None:
        if self._unsub_boundary is not None:
            self._unsub_boundary()
            self._unsub_boundary = None

    @callback
    def _on_boundary(self, _now: datetime) -> None:
        self._unsub_boundary = None
        self.publish()

    @callback
    def _on_core_config(self, _event: Event[Any]) -> None:
        """Re-index the log when Home Assistant's time zone changes."""
        zone = dt_util.get_default_time_zone()
        if zone != self.state.log.tz:
            self.state = self.state.with_zone(zone)
            self.publish()

    @callback
    def publish(self) -> CoachSnapshot:
        """Recompute now, push to entities, re-arm the timer, announce what is new."""
        snapshot = self.current()
        self._schedule(snapshot.next_update)
        self.async_set_updated_data(snapshot)
        if self._announcing:
            self._announce(snapshot)
        return snapshot

    @callback
    def start_announcing(self, _hass: HomeAssistant | None = None) -> None:
        """Once Home Assistant runs: announce what is pending (a new entry: nothing)."""
        if self.promises.fresh:
            for kind, key, _event, _data in moments(self.current()):
                self.promises.claim(kind, key)
            self.config_entry.async_create_task(
                self.hass, self._async_save_promises(), "hamstring_coach_promises"
            )
        self._announcing = True
        self.publish()

    @callback
    def _announce(self, snapshot: CoachSnapshot) -> None:
        """Claim the moments not announced yet; they fire once the claim is on disk."""
        new = [
            (event, data)
            for kind, key, event, data in moments(snapshot)
            if self.promises.claim(kind, key)
        ]
        if new:
            self.config_entry.async_create_task(
                self.hass, self._async_fire_claimed(new), "hamstring_coach_announce"
            )

    async def _async_save_promises(self) -> None:
        try:
            await self.promises.async_save()
        except OSError as err:
            LOGGER.warning("Could not save what was announced: %s", err)

    async def _async_fire_claimed(
        self, events: list[tuple[str, dict[str, Any]]]
    ) -> None:
        """Fire after the claim is written; a failed write still fires (logged)."""
        await self._async_save_promises()
        for event, data in events:
            self._fire(event, data)

    async def async_hold_writes(self) -> None:
        """Wait for a write in progress, then hold new ones (a backup runs)."""
        if not self._held:
            await self._lock.acquire()
            await self.promises.lock.acquire()
            self._held = True

    @callback
    def release_writes(self) -> None:
        """Let held writes go on (the backup is done)."""
        if self._held:
            self._held = False
            self.promises.lock.release()
            self._lock.release()

    async def async_save_ticks(self, ticks: Ticks | None) -> None:
        """Keep the to-do list's checks on disk; nothing changes when that fails."""
        before, self.promises.ticks = self.promises.ticks, ticks
        try:
            await self.promises.async_save()
        except OSError as err:
            self.promises.ticks = before
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="save_failed",
                translation_placeholders={"error": str(err)},
            ) from err

    def _plan_key(self) -> tuple[object, ...]:
        """What the projection depends on (it starts from the next session)."""
        snapshot = self.data
        return (self.state, self.settings, snapshot.next_session, snapshot.status)

    def _planning(self) -> Iterator[Planned]:
        """The projection from the snapshot's `now`, up to the plan's horizon."""
        now = self.data.now
        until = now + timedelta(weeks=PLAN_WEEKS + 1)
        return takewhile(
            lambda p: p.start < until,
            iter_plan(self.state, self.program, self.settings, now=now),
        )

    def plan(self) -> tuple[Planned, ...]:
        """Planned sessions for the next weeks.

        Recomputed only when the state or the next session changes (the
        projection starts from it); the horizon end may lag a little, which
        the calendar's range filter hides.
        """
        key = self._plan_key()
        if self._plan is None or self._plan[0] != key:
            self._plan = (key, tuple(self._planning()))
        return self._plan[1]

    def ahead(self) -> Ahead:
        """The first planned session and the next hard one, projected no further.

        Entities read this on every update; it walks the plan only up to
        the first hard session, or takes it from the whole plan when that
        is already known.
        """
        key = self._plan_key()
        if self._plan is not None and self._plan[0] == key:
            return ahead_of(self._plan[1])
        if self._ahead is None or self._ahead[0] != key:
            self._ahead = (key, ahead_of(self._planning()))
        return self._ahead[1]

    def outlook(self, snapshot: CoachSnapshot | None = None) -> Outlook:
        """Today and the next hard session, as of `snapshot` (default: the data)."""
        return outlook(
            self.data if snapshot is None else snapshot,
            self.ahead().next_hard,
            self.log.tz,
        )

    def _fire(self, event: str, data: dict[str, Any]) -> None:
        """Fire on the bus and on the entry's event entity (type without prefix)."""
        entry_id = self.config_entry.entry_id
        self.hass.bus.async_fire(event, {"config_entry_id": entry_id, **data})
        async_dispatcher_send(
            self.hass,
            SIGNAL_COACH_EVENT.format(entry_id),
            event.removeprefix(f"{DOMAIN}_"),
            data,
        )

    async def _async_commit[T](
        self, change: Callable[[CoachState, datetime], tuple[CoachState, T]]
    ) -> T:
        """Apply a pure change, write it to disk, then adopt it and publish.

        A change that returns the very same state (a repeated report) writes
        and publishes nothing.
        """
        async with self._lock:
            try:
                new, result = change(self.state, dt_util.utcnow())
            except CoachError as err:
                raise validation_error(err) from err
            if new is self.state:
                return result
            try:
                await self.store.async_save(new)
            except (OSError, HomeAssistantError) as err:
                raise failure("save_failed", error=str(err)) from err
            before, self.state = self.state, new
        self.publish()
        if before.log is not new.log:
            self._statistics.queue(before.log, new.log)
        return result

    async def async_log_session(self, data: SessionInput) -> LogOutcome:
        """Check, store (on disk before returning) and publish a session."""
        outcome = await self._async_commit(
            lambda state, now: transitions.log_session(
                state,
                self.program,
                self.settings,
                session_id=ulid_now(),
                data=data,
                now=now,
            )
        )
        session = outcome.session
        if outcome.duplicate:
            return outcome
        self._fire(
            EVENT_SESSION_LOGGED,
            {
                "session_id": session.id,
                "performed_at": session.performed_at.isoformat(),
                "program_day": session.program_day,
                "hard": session.hard,
                "working_sets": session.working_sets,
                "source": session.source,
            },
        )
        for record in outcome.records:
            self._fire(EVENT_PERSONAL_RECORD, record_to_dict(record))
        if outcome.rest_violation:
            snapshot = self.data
            self._fire(
                EVENT_REST_DAY_VIOLATION,
                {
                    "session_id": session.id,
                    "rest_until": None
                    if snapshot.rest_until is None
                    else snapshot.rest_until.isoformat(),
                    "next_session": snapshot.next_session.isoformat(),
                },
            )
        return outcome

    async def async_delete_session(self, session_id: str | None) -> Session:
        """Delete a session by id, or the latest one when `session_id` is None."""
        return await self._async_commit(
            lambda state, _now: transitions.delete_session(state, session_id)
        )

    async def async_report_soreness(self, level: int, pain: bool) -> CoachSnapshot:
        """Store a soreness/pain check-in and publish the new status."""
        await self._async_commit(
            lambda state, now: (
                transitions.report_soreness(
                    state, level=level, pain=pain, now=now, program=self.program
                ),
                None,
            )
        )
        return self.data

    async def async_set_phase(self, phase: int) -> CoachSnapshot:
        """Move a phased program (rehab, runner) to a phase by hand."""
        await self._async_commit(
            lambda state, now: (
                transitions.set_phase(state, self.program, phase=phase, now=now),
                None,
            )
        )
        return self.data

    async def async_skip_session(self, reason: str | None) -> datetime:
        """Skip the next planned session; returns the skipped slot."""
        skip = await self._async_commit(
            lambda state, now: transitions.skip_session(
                state, self.program, self.settings, reason=reason, now=now
            )
        )
        return skip.at

    async def async_snooze(self, minutes: int) -> CoachSnapshot:
        """Silence the session reminder for `minutes`."""
        await self._async_commit(
            lambda state, now: (
                transitions.snooze(state, minutes=minutes, now=now),
                None,
            )
        )
        return self.data

    async def async_pause(self, until: date) -> CoachSnapshot:
        """Pause plan and reminders until `until`."""
        await self._async_commit(
            lambda state, now: (transitions.pause(state, until=until, now=now), None)
        )
        return self.data

    async def async_resume(self) -> CoachSnapshot:
        """End the running pause."""
        await self._async_commit(
            lambda state, now: (transitions.resume(state, now=now), None)
        )
        return self.data

    async def async_update_session(
        self, session_id: str, changes: transitions.SessionChanges
    ) -> Session:
        """Edit a logged session; it is on disk when this returns."""
        return await self._async_commit(
            lambda state, now: transitions.update_session(
                state,
                self.program,
                self.settings,
                session_id=session_id,
                changes=changes,
                now=now,
            )
        )

    async def async_import(
        self,
        choose: Callable[[set[str]], tuple[tuple[Session, ...], int]],
    ) -> tuple[int, int]:
        """Add the imported sessions that are new; returns (added, duplicates).

        `choose` picks the new sessions against the ids stored at that moment,
        under the lock, so concurrent imports cannot add one twice.
        """

        def change(
            state: CoachState, _now: datetime
        ) -> tuple[CoachState, tuple[int, int]]:
            new, duplicates = choose({s.id for s in state.log})
            return transitions.import_sessions(state, new), (len(new), duplicates)

        return await self._async_commit(change)
