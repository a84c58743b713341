"""Base entity: one service device per person, names from translations."""

from __future__ import annotations

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN
from .coordinator import HamstringCoordinator
from .texts import name_of_program


class HamstringCoachEntity(CoordinatorEntity[HamstringCoordinator]):
    """An entity that only reads the coordinator's snapshot."""

    _attr_has_entity_name = True

    def __init__(
        self, coordinator: HamstringCoordinator, description: EntityDescription
    ) -> None:
        """Attach the entity to the entry's device."""
        super().__init__(coordinator)
        entry = coordinator.config_entry
        self.entity_description = description
        self._attr_unique_id = f"{entry.entry_id}_{description.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry.entry_id)},
            name=entry.title,
            entry_type=DeviceEntryType.SERVICE,
            manufacturer="Hamstring Coach",
            model=name_of_program(coordinator.hass, coordinator.program),
        )
