"""Actions: log, delete, status, history and soreness.

Registered once in `async_setup`; each targets an entry by `config_entry_id`
(optional while exactly one entry is loaded). Schema errors are Home
Assistant's; domain errors are translated `ServiceValidationError`s. Nothing
is stored when a call is rejected.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
import math
from typing import Any, cast

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import ATTR_CONFIG_ENTRY_ID
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.service import async_register_admin_service
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import DOMAIN
from .coordinator import HamstringCoachConfigEntry, HamstringCoordinator
from .core.catalog import EXERCISES
from .core.coach import CoachSnapshot
from .core.models import ExerciseLog, WeightUnit
from .core.present import dose_dict, phase_dict, status_dict
from .core.records import record_to_dict
from .core.recovery import GUIDANCE
from .core.serialize import JsonObject, session_to_dict
from .core.sessions import SessionInput
from .core.state import SessionChanges

SERVICE_LOG_SESSION = "log_session"
SERVICE_DELETE_SESSION = "delete_session"
SERVICE_GET_STATUS = "get_status"
SERVICE_GET_HISTORY = "get_history"
SERVICE_REPORT_SORENESS = "report_soreness"
SERVICE_SET_PHASE = "set_phase"
SERVICE_UPDATE_SESSION = "update_session"
SERVICE_SKIP_SESSION = "skip_session"
SERVICE_SNOOZE_REMINDER = "snooze_reminder"
SERVICE_PAUSE = "pause"
SERVICE_RESUME = "resume"

MAX_NOTES = 500


def _whole(low: int, high: int) -> Callable[[Any], int]:
    """A whole number in [low, high]; bools, fractions, NaN and inf are refused."""

    def check(value: Any) -> int:
        if isinstance(value, bool):
            raise vol.Invalid("expected a whole number")
        number = _real(value)
        if not number.is_integer():
            raise vol.Invalid("expected a whole number")
        return cast("int", vol.Range(min=low, max=high)(int(number)))

    return check


def _number(low: float, high: float) -> Callable[[Any], float]:
    """A finite number in [low, high]."""

    def check(value: Any) -> float:
        if isinstance(value, bool):
            raise vol.Invalid("expected a number")
        return cast("float", vol.Range(min=low, max=high)(_real(value)))

    return check


def _real(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError) as err:
        raise vol.Invalid("expected a number") from err
    if not math.isfinite(number):
        raise vol.Invalid("expected a finite number")
    return number


EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
"""Instants outside these years are refused (they are typing errors)."""


def _instant(value: Any) -> datetime:
    """A datetime; one without an offset is local time in Home Assistant's zone."""
    moment = cv.datetime(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt_util.get_default_time_zone())
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise vol.Invalid(f"expected a year from {EARLIEST_YEAR} to {LATEST_YEAR}")
    return dt_util.as_utc(moment)


def _day(value: Any) -> date:
    """A calendar date (a datetime is cut to its date), within the sane years."""
    if isinstance(value, datetime):
        value = value.date()
    day = cv.date(value)
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise vol.Invalid(f"expected a year from {EARLIEST_YEAR} to {LATEST_YEAR}")
    return day


def text(max_length: int | None = None) -> Callable[[Any], str]:
    """A string that can be stored as UTF-8 (no lone surrogates), optionally capped."""

    def check(value: Any) -> str:
        string = cv.string(value)
        try:
            string.encode("utf-8")
        except UnicodeEncodeError as err:
            raise vol.Invalid("text is not valid Unicode") from err
        if max_length is not None and len(string) > max_length:
            raise vol.Invalid(f"at most {max_length} characters")
        return string

    return check


ENTRY_FIELD: dict[vol.Marker, Any] = {vol.Optional(ATTR_CONFIG_ENTRY_ID): text(100)}

EXERCISE_SCHEMA = vol.Schema(
    {
        vol.Required("exercise"): text(100),
        vol.Required("sets"): _whole(1, 20),
        vol.Exclusive("reps", "dose"): _whole(1, 100),
        vol.Exclusive("seconds", "dose"): _whole(1, 3600),
        vol.Optional("load"): _number(0, 1000),
        vol.Optional("unit"): vol.Coerce(WeightUnit),
    }
)

LOG_SESSION_SCHEMA = vol.Schema(
    {
        **ENTRY_FIELD,
        vol.Optional("performed_at"): _instant,
        vol.Optional("program_day"): text(100),
        vol.Optional("exercises"): vol.All(
            cv.ensure_list, vol.Length(min=1, max=30), [EXERCISE_SCHEMA]
        ),
        vol.Optional("duration_minutes"): _whole(1, 600),
        vol.Optional("rpe"): _number(1, 10),
        vol.Optional("soreness"): _whole(0, 10),
        vol.Optional("pain"): cv.boolean,
        vol.Optional("notes"): text(MAX_NOTES),
    }
)

UPDATE_SESSION_SCHEMA = LOG_SESSION_SCHEMA.extend(
    {vol.Required("session_id"): text(100)}
)

DELETE_SESSION_SCHEMA = vol.All(
    vol.Schema(
        {
            **ENTRY_FIELD,
            vol.Exclusive("session_id", "which"): text(100),
            vol.Exclusive("last", "which"): vol.All(cv.boolean, True),
        }
    ),
    cv.has_at_least_one_key("session_id", "last"),
)

GET_STATUS_SCHEMA = vol.Schema(ENTRY_FIELD)

GET_HISTORY_SCHEMA = vol.Schema(
    {
        **ENTRY_FIELD,
        vol.Optional("start"): _instant,
        vol.Optional("end"): _instant,
        vol.Optional("exercise"): text(100),
    }
)

REPORT_SORENESS_SCHEMA = vol.Schema(
    {
        **ENTRY_FIELD,
        vol.Required("level"): _whole(0, 10),
        vol.Optional("pain", default=False): cv.boolean,
    }
)


SKIP_SESSION_SCHEMA = vol.Schema(
    {
        **ENTRY_FIELD,
        vol.Optional("reason"): text(MAX_NOTES),
    }
)
SNOOZE_SCHEMA = vol.Schema({**ENTRY_FIELD, vol.Required("minutes"): _whole(1, 24 * 60)})
PAUSE_SCHEMA = vol.Schema({**ENTRY_FIELD, vol.Required("until"): _day})
RESUME_SCHEMA = vol.Schema(ENTRY_FIELD)

SET_PHASE_SCHEMA = vol.Schema({**ENTRY_FIELD, vol.Required("phase"): _whole(1, 4)})


def _error(key: str, **placeholders: str) -> ServiceValidationError:
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=placeholders,
    )


def resolve_entry(hass: HomeAssistant, entry_id: str | None) -> HamstringCoordinator:
    """Find the loaded entry a call is for; never guess between several."""
    if entry_id is None:
        loaded = hass.config_entries.async_loaded_entries(DOMAIN)
        if len(loaded) == 1:
            return cast("HamstringCoachConfigEntry", loaded[0]).runtime_data
        if not loaded:
            raise _error("no_entries")
        raise _error("entry_required", entries=", ".join(e.title for e in loaded))
    entry = hass.config_entries.async_get_entry(entry_id)
    if entry is None or entry.domain != DOMAIN:
        raise _error("entry_not_found", entry_id=entry_id)
    if entry.state is not ConfigEntryState.LOADED:
        raise _error("entry_not_loaded", name=entry.title)
    return cast("HamstringCoachConfigEntry", entry).runtime_data


def _exercise_logs(items: list[dict[str, Any]]) -> list[ExerciseLog]:
    return [
        ExerciseLog(
            exercise=item["exercise"],
            sets=item["sets"],
            reps=item.get("reps"),
            seconds=item.get("seconds"),
            load=item.get("load"),
            unit=item.get("unit"),
        )
        for item in items
    ]


async def _log_session(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    exercises = call.data.get("exercises")
    outcome = await coordinator.async_log_session(
        SessionInput(
            performed_at=call.data.get("performed_at") or dt_util.utcnow(),
            program_day=call.data.get("program_day"),
            exercises=None if exercises is None else _exercise_logs(exercises),
            duration_minutes=call.data.get("duration_minutes"),
            rpe=call.data.get("rpe"),
            soreness=call.data.get("soreness"),
            pain=call.data.get("pain"),
            notes=call.data.get("notes"),
        )
    )
    if not call.return_response:
        return None
    session, snapshot = outcome.session, coordinator.data
    return {
        "session_id": session.id,
        "performed_at": session.performed_at.isoformat(),
        "working_sets": session.working_sets,
        "weekly_sets": snapshot.weekly_sets,
        "weekly_sessions": snapshot.weekly_sessions,
        "next_session": snapshot.next_session.isoformat(),
        "training_status": str(snapshot.status),
        "progression": [dose_dict(d) for d in outcome.decisions],
        "personal_records": [record_to_dict(r) for r in outcome.records],
        "phase_changed": outcome.phase_changed,
        "guidance": None if snapshot.advice is None else GUIDANCE[snapshot.advice],
    }


async def _update_session(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    exercises = call.data.get("exercises")
    session = await coordinator.async_update_session(
        call.data["session_id"],
        SessionChanges(
            performed_at=call.data.get("performed_at"),
            program_day=call.data.get("program_day"),
            exercises=None if exercises is None else tuple(_exercise_logs(exercises)),
            duration_minutes=call.data.get("duration_minutes"),
            rpe=call.data.get("rpe"),
            soreness=call.data.get("soreness"),
            pain=call.data.get("pain"),
            notes=call.data.get("notes"),
        ),
    )
    return (
        cast("ServiceResponse", session_to_dict(session))
        if call.return_response
        else None
    )


async def _delete_session(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    removed = await coordinator.async_delete_session(call.data.get("session_id"))
    return (
        cast("ServiceResponse", session_to_dict(removed))
        if call.return_response
        else None
    )


async def _get_status(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    return cast("ServiceResponse", status_dict(coordinator.current()))


async def _get_history(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    exercise = call.data.get("exercise")
    if exercise is not None and exercise not in EXERCISES:
        raise _error("unknown_exercise", exercise=exercise)
    start, end = call.data.get("start"), call.data.get("end")
    if start is not None and end is not None and end < start:
        raise _error("end_before_start")
    sessions: list[JsonObject] = [
        session_to_dict(s)
        for s in reversed(coordinator.log.between(start, end))
        if exercise is None or any(e.exercise == exercise for e in s.exercises)
    ]
    response: dict[str, Any] = {"sessions": sessions}
    if exercise is not None:
        best = coordinator.state.records.best(exercise)
        response["records"] = [record_to_dict(r) for r in best.values()]
    return cast("ServiceResponse", response)


async def _report_soreness(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    snapshot = await coordinator.async_report_soreness(
        call.data["level"], call.data["pain"]
    )
    if not call.return_response:
        return None
    return {
        "training_status": str(snapshot.status),
        "next_session": snapshot.next_session.isoformat(),
        "next_workout": snapshot.next_workout.day.id,
        "guidance": None if snapshot.advice is None else GUIDANCE[snapshot.advice],
    }


def _plan_response(snapshot: CoachSnapshot) -> ServiceResponse:
    return {
        "training_status": str(snapshot.status),
        "next_session": snapshot.next_session.isoformat(),
        "session_due": snapshot.session_due,
    }


async def _skip_session(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    skipped = await coordinator.async_skip_session(call.data.get("reason"))
    if not call.return_response:
        return None
    return {"skipped": skipped.isoformat(), **(_plan_response(coordinator.data) or {})}


async def _snooze_reminder(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    snapshot = await coordinator.async_snooze(call.data["minutes"])
    return _plan_response(snapshot) if call.return_response else None


async def _pause(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    snapshot = await coordinator.async_pause(call.data["until"])
    return _plan_response(snapshot) if call.return_response else None


async def _resume(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    snapshot = await coordinator.async_resume()
    return _plan_response(snapshot) if call.return_response else None


async def _set_phase(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    snapshot = await coordinator.async_set_phase(call.data["phase"])
    if not call.return_response:
        return None
    return cast("ServiceResponse", phase_dict(snapshot.phase))


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the integration's actions."""
    for name, handler, schema, supports in (
        (
            SERVICE_LOG_SESSION,
            _log_session,
            LOG_SESSION_SCHEMA,
            SupportsResponse.OPTIONAL,
        ),
        (
            SERVICE_DELETE_SESSION,
            _delete_session,
            DELETE_SESSION_SCHEMA,
            SupportsResponse.OPTIONAL,
        ),
        (SERVICE_GET_STATUS, _get_status, GET_STATUS_SCHEMA, SupportsResponse.ONLY),
        (SERVICE_GET_HISTORY, _get_history, GET_HISTORY_SCHEMA, SupportsResponse.ONLY),
        (
            SERVICE_UPDATE_SESSION,
            _update_session,
            UPDATE_SESSION_SCHEMA,
            SupportsResponse.OPTIONAL,
        ),
        (
            SERVICE_SKIP_SESSION,
            _skip_session,
            SKIP_SESSION_SCHEMA,
            SupportsResponse.OPTIONAL,
        ),
        (
            SERVICE_SNOOZE_REMINDER,
            _snooze_reminder,
            SNOOZE_SCHEMA,
            SupportsResponse.OPTIONAL,
        ),
        (SERVICE_PAUSE, _pause, PAUSE_SCHEMA, SupportsResponse.OPTIONAL),
        (SERVICE_RESUME, _resume, RESUME_SCHEMA, SupportsResponse.OPTIONAL),
        (
            SERVICE_REPORT_SORENESS,
            _report_soreness,
            REPORT_SORENESS_SCHEMA,
            SupportsResponse.OPTIONAL,
        ),
    ):
        hass.services.async_register(
            DOMAIN, name, handler, schema=schema, supports_response=supports
        )
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_SET_PHASE,
        _set_phase,
        schema=SET_PHASE_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
