"""Every platform's entities as registered and as shown: registry entry and state.

One entry with a fixed id on Monday 23 Nov 2026 10:00 (Berlin), the day after
a logged strength session, narrowed to one platform per test as in core's
platinum integrations.
"""

from __future__ import annotations

from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.hamstring_coach.const import DOMAIN

from .conftest import OPTIONS, START, TIME_ZONE

ENTRY_ID = "01JD3Z6R8Q1WJ8T5V4X2N7K9AB"


@pytest.mark.parametrize(
    ("platform", "program"),
    [
        (Platform.BINARY_SENSOR, "strength_2day"),
        (Platform.BUTTON, "strength_2day"),
        (Platform.CALENDAR, "strength_2day"),
        (Platform.EVENT, "strength_2day"),
        (Platform.SENSOR, "strength_2day"),
        (Platform.SENSOR, "runner"),
        (Platform.TODO, "strength_2day"),
    ],
)
async def test_platform_entities(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    freezer: FrozenDateTimeFactory,
    snapshot: SnapshotAssertion,
    platform: Platform,
    program: str,
) -> None:
    """Registry entries and states match the snapshot, one platform at a time."""
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to("2026-11-22T18:00:00+01:00")
    entry = MockConfigEntry(
        domain=DOMAIN,
        entry_id=ENTRY_ID,
        title="Alex",
        unique_id="alex",
        data={"name": "Alex"},
        options={**OPTIONS, "program": program},
        version=1,
        minor_version=2,
    )
    entry.add_to_hass(hass)
    with patch("custom_components.hamstring_coach.PLATFORMS", [platform]):
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
        if platform is not Platform.EVENT:  # its state would hold a random ULID
            await hass.services.async_call(DOMAIN, "log_session", {}, blocking=True)
        freezer.move_to(START)
        await hass.config_entries.async_reload(entry.entry_id)
        await hass.async_block_till_done()
    await snapshot_platform(hass, entity_registry, snapshot, entry.entry_id)
