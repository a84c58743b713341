"""Button: log the next workout as prescribed, now."""

from __future__ import annotations

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import HamstringCoachConfigEntry
from .core.sessions import SessionInput
from .entity import HamstringCoachEntity

PARALLEL_UPDATES = 1

LOG_PLANNED_WORKOUT = ButtonEntityDescription(
    key="log_planned_workout", translation_key="log_planned_workout"
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: HamstringCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the button of one entry."""
    async_add_entities(
        [LogPlannedWorkoutButton(entry.runtime_data, LOG_PLANNED_WORKOUT)]
    )


class LogPlannedWorkoutButton(HamstringCoachEntity, ButtonEntity):
    """One tap on the wall tablet: the next workout is done, as prescribed."""

    async def async_press(self) -> None:
        """Log the session (it is on disk when this returns)."""
        await self.coordinator.async_log_session(
            SessionInput(performed_at=dt_util.utcnow(), source="button")
        )
