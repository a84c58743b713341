"""Plan-control actions: skip a session, snooze the reminder, pause, resume, set phase.

They move the plan, not the log; each answers (when asked) with the status
and the next session as they are after the change.
"""

from __future__ import annotations

from typing import cast

from homeassistant.const import ATTR_CONFIG_ENTRY_ID
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.helpers.service import async_register_admin_service
import voluptuous as vol

from .action_support import ENTRY_FIELD, MAX_NOTES, day, resolve_entry, text, whole
from .const import DOMAIN
from .core.coach import CoachSnapshot
from .core.present import phase_dict

SERVICE_SET_PHASE = "set_phase"
SERVICE_SKIP_SESSION = "skip_session"
SERVICE_SNOOZE_REMINDER = "snooze_reminder"
SERVICE_PAUSE = "pause"
SERVICE_RESUME = "resume"

SKIP_SESSION_SCHEMA = vol.Schema(
    {
        **ENTRY_FIELD,
        vol.Optional("reason"): text(MAX_NOTES),
    }
)
SNOOZE_SCHEMA = vol.Schema({**ENTRY_FIELD, vol.Required("minutes"): whole(1, 24 * 60)})
PAUSE_SCHEMA = vol.Schema({**ENTRY_FIELD, vol.Required("until"): day})
RESUME_SCHEMA = vol.Schema(ENTRY_FIELD)

SET_PHASE_SCHEMA = vol.Schema({**ENTRY_FIELD, vol.Required("phase"): whole(1, 4)})


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
def async_setup_plan_services(hass: HomeAssistant) -> None:
    """Register the plan-control actions (`set_phase` for admins only)."""
    for name, handler, schema in (
        (SERVICE_SKIP_SESSION, _skip_session, SKIP_SESSION_SCHEMA),
        (SERVICE_SNOOZE_REMINDER, _snooze_reminder, SNOOZE_SCHEMA),
        (SERVICE_PAUSE, _pause, PAUSE_SCHEMA),
        (SERVICE_RESUME, _resume, RESUME_SCHEMA),
    ):
        hass.services.async_register(
            DOMAIN,
            name,
            handler,
            schema=schema,
            supports_response=SupportsResponse.OPTIONAL,
        )
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_SET_PHASE,
        _set_phase,
        schema=SET_PHASE_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
