"""The per-entry coordinator: owns the log, persists changes, wakes at boundaries.

No polling: the snapshot is recomputed when data changes and at the exact
instant the coach says something can change (`CoachSnapshot.next_update`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util
from homeassistant.util.ulid import ulid_now
from homeassistant.util.unit_system import METRIC_SYSTEM

from .const import (
    CONF_FIRST_WEEKDAY,
    CONF_MIN_REST_HOURS,
    CONF_PROGRAM,
    CONF_PROGRAM_START,
    CONF_SESSIONS_PER_WEEK,
    CONF_TRAINING_DAYS,
    CONF_TRAINING_TIME,
    CONF_WEEKLY_SET_TARGET,
    CONF_WEIGHT_UNIT,
    DEFAULT_FIRST_WEEKDAY,
    DEFAULT_MIN_REST_HOURS,
    DEFAULT_SESSIONS_PER_WEEK,
    DEFAULT_WEEKLY_SET_TARGET,
    DOMAIN,
    EVENT_SESSION_DUE,
    EVENT_SESSION_LOGGED,
    LOGGER,
)
from .core.coach import CoachSnapshot, evaluate
from .core.log import TrainingLog
from .core.models import (
    WEEKDAYS,
    Program,
    Session,
    Settings,
    SorenessReport,
    WeightUnit,
)
from .core.programs import PROGRAMS
from .core.sessions import CoachError, SessionInput, build_session
from .store import CoachStore

type HamstringCoachConfigEntry = ConfigEntry[HamstringCoordinator]


def default_weight_unit(hass: HomeAssistant) -> WeightUnit:
    """Kilograms on a metric system, pounds otherwise."""
    return WeightUnit.KG if hass.config.units is METRIC_SYSTEM else WeightUnit.LB


def settings_from_options(options: Mapping[str, Any], unit: WeightUnit) -> Settings:
    """Build core settings from an entry's options."""
    start = options.get(CONF_PROGRAM_START)
    time_of_day = dt_util.parse_time(str(options[CONF_TRAINING_TIME]))
    if time_of_day is None:
        msg = f"invalid training time {options[CONF_TRAINING_TIME]!r}"
        raise ValueError(msg)
    return Settings(
        program=str(options[CONF_PROGRAM]),
        training_days=frozenset(WEEKDAYS.index(d) for d in options[CONF_TRAINING_DAYS]),
        training_time=time_of_day,
        sessions_per_week=int(
            options.get(CONF_SESSIONS_PER_WEEK, DEFAULT_SESSIONS_PER_WEEK)
        ),
        min_rest_hours=int(options.get(CONF_MIN_REST_HOURS, DEFAULT_MIN_REST_HOURS)),
        weekly_set_target=int(
            options.get(CONF_WEEKLY_SET_TARGET, DEFAULT_WEEKLY_SET_TARGET)
        ),
        first_weekday=WEEKDAYS.index(
            options.get(CONF_FIRST_WEEKDAY, DEFAULT_FIRST_WEEKDAY)
        ),
        weight_unit=WeightUnit(options.get(CONF_WEIGHT_UNIT, unit)),
        program_start=None if start is None else date.fromisoformat(str(start)),
    )


def validation_error(err: CoachError) -> ServiceValidationError:
    """Translate a core error for the person who made the call."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=err.key,
        translation_placeholders=err.placeholders,
    )


class HamstringCoordinator(DataUpdateCoordinator[CoachSnapshot]):
    """Holds one person's log and the coach snapshot computed from it."""

    config_entry: HamstringCoachConfigEntry

    def __init__(self, hass: HomeAssistant, entry: HamstringCoachConfigEntry) -> None:
        """Set up from the entry; the log is read in `_async_setup`."""
        super().__init__(
            hass, LOGGER, config_entry=entry, name=entry.title, update_interval=None
        )
        self.store = CoachStore(hass, entry.entry_id)
        self.settings = settings_from_options(entry.options, default_weight_unit(hass))
        self.program: Program = PROGRAMS[self.settings.program]
        self.log = TrainingLog((), dt_util.get_default_time_zone())
        self.reports: list[SorenessReport] = []
        self._lock = asyncio.Lock()
        self._unsub_boundary: CALLBACK_TYPE | None = None

    async def _async_setup(self) -> None:
        """Read the log; a set-aside file raises a repair issue."""
        try:
            loaded = await self.store.async_load()
        except OSError as err:
            # The bad file could not be moved aside: starting with an empty log
            # would overwrite it on the first save, so retry later instead.
            raise UpdateFailed(
                translation_domain=DOMAIN,
                translation_key="log_unreadable",
                translation_placeholders={"path": self.store.path, "error": str(err)},
            ) from err
        if loaded.set_aside is not None:
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                f"invalid_log_{self.config_entry.entry_id}",
                is_fixable=False,
                is_persistent=True,
                severity=ir.IssueSeverity.ERROR,
                translation_key="invalid_log",
                translation_placeholders={
                    "path": loaded.set_aside,
                    "name": self.config_entry.title,
                },
            )
        self.log = TrainingLog(loaded.sessions, dt_util.get_default_time_zone())
        self.reports = loaded.reports
        self.config_entry.async_on_unload(self._cancel_boundary)
        self.config_entry.async_on_unload(
            self.hass.bus.async_listen(EVENT_CORE_CONFIG_UPDATE, self._on_core_config)
        )

    async def _async_update_data(self) -> CoachSnapshot:
        """Compute the snapshot (first refresh) and arm the boundary timer."""
        snapshot = self._evaluate(dt_util.utcnow())
        self._schedule(snapshot.next_update)
        return snapshot

    def _evaluate(self, now: datetime) -> CoachSnapshot:
        report = self.reports[-1] if self.reports else None
        return evaluate(self.log, self.program, self.settings, now=now, report=report)

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
        if zone != self.log.tz:
            self.log = TrainingLog(self.log, zone)
            self.publish()

    def current(self) -> CoachSnapshot:
        """The snapshot at this instant, without pushing it to entities."""
        return self._evaluate(dt_util.utcnow())

    @callback
    def publish(self) -> CoachSnapshot:
        """Recompute now, push to entities, re-arm the timer, fire `session_due`."""
        previous = self.data
        snapshot = self._evaluate(dt_util.utcnow())
        self._schedule(snapshot.next_update)
        self.async_set_updated_data(snapshot)
        if snapshot.session_due and (previous is None or not previous.session_due):
            self.hass.bus.async_fire(
                EVENT_SESSION_DUE,
                {
                    "config_entry_id": self.config_entry.entry_id,
                    "next_session": snapshot.next_session.isoformat(),
                    "program_day": snapshot.next_workout.day.id,
                },
            )
        return snapshot

    async def _async_save(
        self, log: TrainingLog, reports: list[SorenessReport]
    ) -> None:
        try:
            await self.store.async_save(log, reports)
        except (OSError, HomeAssistantError) as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="save_failed",
                translation_placeholders={"error": str(err)},
            ) from err

    async def async_log_session(
        self, data: SessionInput
    ) -> tuple[Session, CoachSnapshot]:
        """Check, store (on disk before returning) and publish a session."""
        async with self._lock:
            now = dt_util.utcnow()
            try:
                session = build_session(
                    ulid_now(),
                    data,
                    program=self.program,
                    next_day=self._evaluate(now).next_workout.day,
                    unit=self.settings.weight_unit,
                    now=now,
                )
            except CoachError as err:
                raise validation_error(err) from err
            log = self.log.add(session)
            await self._async_save(log, self.reports)
            self.log = log
        snapshot = self.publish()
        self.hass.bus.async_fire(
            EVENT_SESSION_LOGGED,
            {
                "config_entry_id": self.config_entry.entry_id,
                "session_id": session.id,
                "performed_at": session.performed_at.isoformat(),
                "program_day": session.program_day,
                "hard": session.hard,
                "working_sets": session.working_sets,
                "source": session.source,
            },
        )
        return session, snapshot

    async def async_delete_session(self, session_id: str | None) -> Session:
        """Delete a session by id, or the latest one when `session_id` is None."""
        async with self._lock:
            target = self.log.last if session_id is None else self.log.get(session_id)
            if target is None:
                key = "no_sessions" if session_id is None else "unknown_session"
                raise validation_error(CoachError(key, session_id=str(session_id)))
            log, removed = self.log.remove(target.id)
            await self._async_save(log, self.reports)
            self.log = log
        self.publish()
        return removed

    async def async_report_soreness(self, level: int, pain: bool) -> CoachSnapshot:
        """Store a soreness/pain check-in and publish the new status."""
        async with self._lock:
            report = SorenessReport(
                reported_at=dt_util.utcnow(), level=level, pain=pain
            )
            reports = [*self.reports, report]
            await self._async_save(self.log, reports)
            self.reports = reports
        return self.publish()
