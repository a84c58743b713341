"""Event entity: the coach's moments, for automations and the logbook."""

from __future__ import annotations

from typing import Any

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import SIGNAL_COACH_EVENT
from .coordinator import HamstringCoachConfigEntry
from .entity import HamstringCoachEntity

PARALLEL_UPDATES = 0

EVENT_TYPES = [
    "session_logged",
    "session_due",
    "goal_at_risk",
    "rest_day_violation",
    "personal_record",
]

COACH_EVENT = EventEntityDescription(
    key="coach", translation_key="coach", event_types=EVENT_TYPES
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: HamstringCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the event entity of one entry."""
    async_add_entities([CoachEventEntity(entry.runtime_data, COACH_EVENT)])


class CoachEventEntity(HamstringCoachEntity, EventEntity):
    """Fires when a session is logged or due, the week is at risk, a rest day is broken or a record falls."""

    async def async_added_to_hass(self) -> None:
        """Listen for this entry's coach events."""
        await super().async_added_to_hass()
        self.async_on_remove(
            async_dispatcher_connect(
                self.hass,
                SIGNAL_COACH_EVENT.format(self.coordinator.config_entry.entry_id),
                self._on_event,
            )
        )

    @callback
    def _on_event(self, event_type: str, data: dict[str, Any]) -> None:
        if event_type in EVENT_TYPES:
            self._trigger_event(event_type, data)
            self.async_write_ha_state()

    @callback
    def _handle_coordinator_update(self) -> None:
        """The snapshot does not change this entity; events do."""
