"""Session actions: log, update, delete, status, history and soreness.

Registered once in `async_setup`, with the plan-control actions of
`plan_actions`; each targets an entry by `config_entry_id`
(optional while exactly one entry is loaded). Schema errors are Home
Assistant's; domain errors are translated `ServiceValidationError`s. Nothing
is stored when a call is rejected.
"""

from __future__ import annotations

from typing import Any, cast

from homeassistant.const import ATTR_CONFIG_ENTRY_ID
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .action_support import (
    ENTRY_FIELD,
    MAX_NOTES,
    instant,
    number,
    resolve_entry,
    text,
    whole,
)
from .const import DOMAIN
from .core.catalog import EXERCISES
from .core.models import ExerciseLog, WeightUnit
from .core.outlook import log_warnings, outlook_dict
from .core.present import dose_dict, session_view, status_dict
from .core.records import record_to_dict
from .core.serialize import JsonObject
from .core.sessions import SessionInput
from .core.state import SessionChanges
from .core.wearable import WEARABLE_SOURCE
from .errors import user_error
from .guidance import async_guidance
from .plan_actions import async_setup_plan_services
from .progress_actions import async_setup_progress_services
from .texts import async_texts

SERVICE_LOG_SESSION = "log_session"
SERVICE_DELETE_SESSION = "delete_session"
SERVICE_GET_STATUS = "get_status"
SERVICE_GET_HISTORY = "get_history"
SERVICE_REPORT_SORENESS = "report_soreness"
SERVICE_UPDATE_SESSION = "update_session"


# Types only: the core checks the ranges (DOSE_LIMITS) with a translated
# error that names the exercise, for the card and the to-do list alike.
ANY = 10**9
EXERCISE_SCHEMA = vol.Schema(
    {
        vol.Required("exercise"): text(100),
        vol.Required("sets"): whole(-ANY, ANY),
        vol.Exclusive("reps", "dose"): whole(-ANY, ANY),
        vol.Exclusive("seconds", "dose"): whole(-ANY, ANY),
        vol.Optional("load"): number(-ANY, ANY),
        vol.Optional("unit"): vol.Coerce(WeightUnit),
    }
)

LOG_SOURCES = ("action", "watch", WEARABLE_SOURCE)
"""Sources a caller may name; buttons, voice and imports set their own."""

SESSION_FIELDS = vol.Schema(
    {
        **ENTRY_FIELD,
        vol.Optional("performed_at"): instant,
        vol.Optional("program_day"): text(100),
        vol.Optional("exercises"): vol.All(
            cv.ensure_list, vol.Length(min=1, max=30), [EXERCISE_SCHEMA]
        ),
        vol.Optional("duration_minutes"): whole(1, 600),
        vol.Optional("rpe"): number(1, 10),
        vol.Optional("soreness"): whole(0, 10),
        vol.Optional("pain"): cv.boolean,
        vol.Optional("notes"): text(MAX_NOTES),
    }
)

LOG_SESSION_SCHEMA = SESSION_FIELDS.extend(
    {
        vol.Optional("source", default="action"): vol.In(LOG_SOURCES),
        vol.Optional("allow_duplicate", default=False): cv.boolean,
    }
)

UPDATE_SESSION_SCHEMA = SESSION_FIELDS.extend({vol.Required("session_id"): text(100)})

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
        vol.Optional("start"): instant,
        vol.Optional("end"): instant,
        vol.Optional("exercise"): text(100),
    }
)

REPORT_SORENESS_SCHEMA = vol.Schema(
    {
        **ENTRY_FIELD,
        vol.Required("level"): whole(0, 10),
        vol.Optional("pain", default=False): cv.boolean,
    }
)


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
            source=call.data["source"],
            allow_duplicate=call.data["allow_duplicate"],
        )
    )
    if not call.return_response:
        return None
    session, snapshot = outcome.session, coordinator.data
    words = await async_texts(call.hass)
    return {
        "session_id": session.id,
        "duplicate": outcome.duplicate,
        "warnings": cast("list[Any]", log_warnings(outcome, snapshot.next_session)),
        "performed_at": session.performed_at.isoformat(),
        "working_sets": session.working_sets,
        "weekly_sets": snapshot.weekly_sets,
        "weekly_sessions": snapshot.weekly_sessions,
        "next_session": snapshot.next_session.isoformat(),
        "training_status": str(snapshot.status),
        "progression": [dose_dict(d, words) for d in outcome.decisions],
        "personal_records": [record_to_dict(r) for r in outcome.records],
        "phase_changed": outcome.phase_changed,
        "guidance": await async_guidance(call.hass, snapshot.advice),
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
        cast("ServiceResponse", session_view(session)) if call.return_response else None
    )


async def _delete_session(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    removed = await coordinator.async_delete_session(call.data.get("session_id"))
    return (
        cast("ServiceResponse", session_view(removed)) if call.return_response else None
    )


async def _get_status(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    snapshot = coordinator.current()
    guidance = await async_guidance(call.hass, snapshot.advice)
    view = coordinator.outlook(snapshot)
    words = await async_texts(call.hass)
    return cast(
        "ServiceResponse",
        {**status_dict(snapshot, guidance, words), **outlook_dict(view, words)},
    )


async def _get_history(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    exercise = call.data.get("exercise")
    if exercise is not None and exercise not in EXERCISES:
        raise user_error("unknown_exercise", exercise=exercise)
    start, end = call.data.get("start"), call.data.get("end")
    if start is not None and end is not None and end < start:
        raise user_error("end_before_start")
    sessions: list[JsonObject] = [
        session_view(s)
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
        "guidance": await async_guidance(call.hass, snapshot.advice),
        "warning_signs": list(snapshot.warning_signs),
    }


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
            SERVICE_REPORT_SORENESS,
            _report_soreness,
            REPORT_SORENESS_SCHEMA,
            SupportsResponse.OPTIONAL,
        ),
    ):
        hass.services.async_register(
            DOMAIN, name, handler, schema=schema, supports_response=supports
        )
    async_setup_plan_services(hass)
    async_setup_progress_services(hass)
