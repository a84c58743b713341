"""Shared fixtures: a real Home Assistant core with one coach entry."""

from __future__ import annotations

from pathlib import Path

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.syrupy import HomeAssistantSnapshotExtension
from syrupy.assertion import SnapshotAssertion
from syrupy.location import PyTestLocation

# Import the repository's package now, so the test harness's own
# testing_config/custom_components cannot shadow it ("Integration not found").
import custom_components.hamstring_coach  # noqa: F401
from custom_components.hamstring_coach.const import DOMAIN

TIME_ZONE = "Europe/Berlin"
START = "2026-11-23T10:00:00+01:00"  # a Monday morning in Berlin

OPTIONS = {
    "program": "strength_2day",
    "training_days": ["mon", "thu"],
    "training_time": "18:00:00",
    "weight_unit": "kg",
    "program_start": "2026-11-23",
}


@pytest.fixture(autouse=True)
def _custom_integrations(request: pytest.FixtureRequest) -> None:
    """Enable custom integrations for tests that run Home Assistant."""
    if "recorder_mock" in request.fixturenames:
        # The recorder must be prepared before Home Assistant starts.
        request.getfixturevalue("recorder_mock")
    if "hass" in request.fixturenames:
        request.getfixturevalue("enable_custom_integrations")


def make_entry(title: str = "Alex", **options: object) -> MockConfigEntry:
    """A coach entry for one person."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=title,
        unique_id=title.lower(),
        data={"name": title},
        options={**OPTIONS, **options},
    )


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """The default entry: Alex, strength_2day, Mon/Thu 18:00."""
    return make_entry()


@pytest.fixture
async def init_integration(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """Set up the entry on Monday 23 Nov 2026, 10:00 Berlin time."""
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


class SnapshotExtension(HomeAssistantSnapshotExtension):
    """Home Assistant's snapshot format, kept in `tests/__snapshots__/`.

    Syrupy's own folder, which newer Home Assistant test plugins use too, so
    the snapshots are found on every supported Home Assistant line.
    """

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        """The `__snapshots__` folder next to the test file."""
        return str(Path(test_location.filepath).parent / "__snapshots__")


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Snapshots with Home Assistant's serializer in `tests/__snapshots__/`."""
    return snapshot.use_extension(SnapshotExtension)
