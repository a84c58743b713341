"""The `get_progress` action: weekly history and exercise trends for charts.

Response only. The work is done by the pure core (`core/progress_view.py`) on
the immutable state in an executor thread, so a long log never blocks the
event loop.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, cast

from homeassistant.const import ATTR_CONFIG_ENTRY_ID
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
import voluptuous as vol

from .action_support import ENTRY_FIELD, day, resolve_entry, text, whole
from .const import DOMAIN
from .core.catalog import EXERCISES
from .core.coach import CoachSnapshot
from .core.controls import frozen_weeks, skips_by_week
from .core.progress import Targets
from .core.progress_view import MAX_WEEKS, ProgressQuery, progress_dict
from .core.timeline import local_date
from .errors import user_error
from .texts import async_texts

if TYPE_CHECKING:
    from .coordinator import HamstringCoordinator

SERVICE_GET_PROGRESS = "get_progress"

GET_PROGRESS_SCHEMA = vol.Schema(
    {
        **ENTRY_FIELD,
        vol.Exclusive("weeks", "window"): whole(1, MAX_WEEKS),
        vol.Exclusive("start", "window"): day,
        vol.Optional("exercise"): text(100),
    }
)


def targets_of(coordinator: HamstringCoordinator, snapshot: CoachSnapshot) -> Targets:
    """The current targets, skips and paused weeks of an entry."""
    settings = coordinator.settings
    tz = coordinator.log.tz
    controls = coordinator.state.controls
    rotation = coordinator.program.rotation(snapshot.phase.phase)
    return Targets(
        first_weekday=settings.first_weekday,
        sessions=settings.sessions_per_week,
        sets=settings.weekly_set_target,
        light_only=not any(d.hard for d in rotation),
        skips=skips_by_week(controls, tz, settings.first_weekday),
        frozen=frozen_weeks(controls, tz, settings.first_weekday),
    )


async def _get_progress(call: ServiceCall) -> ServiceResponse:
    coordinator = resolve_entry(call.hass, call.data.get(ATTR_CONFIG_ENTRY_ID))
    exercise = call.data.get("exercise")
    if exercise is not None and exercise not in EXERCISES:
        raise user_error("unknown_exercise", exercise=exercise)
    snapshot = coordinator.current()
    today = local_date(snapshot.now, coordinator.log.tz)
    start = call.data.get("start")
    if start is not None and start < today - timedelta(weeks=MAX_WEEKS):
        raise user_error("range_too_long", weeks=str(MAX_WEEKS))
    query = ProgressQuery(
        today=today,
        weeks=call.data.get("weeks", 12),
        start=start,
        exercise=exercise,
    )
    state, targets = coordinator.state, targets_of(coordinator, snapshot)
    words = await async_texts(call.hass)
    response = await call.hass.async_add_executor_job(
        lambda: progress_dict(
            state.log,
            state.records,
            query,
            targets=targets,
            streak=snapshot.streak_weeks,
            weight_unit=coordinator.settings.weight_unit,
            wording=words,
        )
    )
    return cast("ServiceResponse", response)


@callback
def async_setup_progress_services(hass: HomeAssistant) -> None:
    """Register `get_progress`."""
    hass.services.async_register(
        DOMAIN,
        SERVICE_GET_PROGRESS,
        _get_progress,
        schema=GET_PROGRESS_SCHEMA,
        supports_response=SupportsResponse.ONLY,
    )
