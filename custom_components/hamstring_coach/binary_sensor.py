"""Binary sensors: rest window, session due, weekly goal met."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import HamstringCoachConfigEntry
from .core.coach import CoachSnapshot
from .entity import HamstringCoachEntity

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class HamstringBinaryDescription(BinarySensorEntityDescription):
    """A binary sensor read from the coach snapshot."""

    is_on_fn: Callable[[CoachSnapshot], bool]


BINARY_SENSORS: tuple[HamstringBinaryDescription, ...] = (
    HamstringBinaryDescription(
        key="rest_required",
        translation_key="rest_required",
        is_on_fn=lambda s: s.rest_required,
    ),
    HamstringBinaryDescription(
        key="session_due",
        translation_key="session_due",
        is_on_fn=lambda s: s.session_due,
    ),
    HamstringBinaryDescription(
        key="weekly_goal_met",
        translation_key="weekly_goal_met",
        is_on_fn=lambda s: s.weekly_goal_met,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: HamstringCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the binary sensors of one entry."""
    async_add_entities(
        HamstringBinarySensor(entry.runtime_data, d) for d in BINARY_SENSORS
    )


class HamstringBinarySensor(HamstringCoachEntity, BinarySensorEntity):
    """A binary sensor that shows one flag of the snapshot."""

    entity_description: HamstringBinaryDescription

    @property
    def is_on(self) -> bool:
        """The flag from the snapshot."""
        return self.entity_description.is_on_fn(self.coordinator.data)
