"""The guards that keep the integration on both Home Assistant lanes honest."""

from __future__ import annotations

import logging

from homeassistant.components.calendar import CalendarEntityDescription
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.calendar import TRAINING_CALENDAR

from .conftest import deprecation_reports


def _record(message: str, level: int = logging.WARNING) -> logging.LogRecord:
    return logging.LogRecord(
        "homeassistant.helpers.frame", level, "", 0, message, (), None
    )


def test_deprecation_reports_pick_ours_only() -> None:
    """Frame-helper reports about our code are found; others' are not."""
    ours = (
        "Detected that custom integration 'hamstring_coach' calls "
        "`device_registry.async_get_device`, which is deprecated because device "
        "identifiers are no longer unique; this will stop working in Home "
        "Assistant 2027.8.0"
    )
    test_file = (
        "Detected code that calls async_get_device which is deprecated at "
        "tests/test_sensor.py, line 123"
    )
    theirs = "Detected that integration 'light' calls x, which is deprecated"
    quiet = "hamstring_coach: setting up (deprecated options are migrated)"
    records = [
        _record(ours),
        _record(test_file),
        _record(theirs),
        _record(quiet, logging.DEBUG),
    ]
    assert deprecation_reports(records) == [ours, test_file]


async def test_calendar_entity_exists_with_its_description(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The calendar is created on every lane (2026.10+ needs the description type)."""
    assert type(TRAINING_CALENDAR).__name__ == CalendarEntityDescription.__name__
    state = hass.states.get("calendar.alex_training_calendar")
    assert state is not None
    assert state.state in {"on", "off"}
