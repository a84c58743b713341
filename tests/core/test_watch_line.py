"""The watch line: which kind applies and how a time is shown."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from custom_components.hamstring_coach.core.watch import watch_time

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)  # Monday 10:00 in Berlin


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        pytest.param(
            datetime(2026, 11, 23, 17, tzinfo=UTC), ("mon", "18:00", True), id="today"
        ),
        pytest.param(
            datetime(2026, 11, 29, 22, 59, tzinfo=UTC),
            ("sun", "23:59", True),
            id="six-days",
        ),
        pytest.param(
            datetime(2026, 11, 29, 23, 0, tzinfo=UTC),
            ("mon", "00:00", False),
            id="next-monday-local",
        ),
        pytest.param(
            datetime(2027, 3, 28, 1, 30, tzinfo=UTC),
            ("sun", "03:30", False),
            id="summer-time",
        ),
    ],
)
def test_watch_time(moment: datetime, expected: tuple[str, str, bool]) -> None:
    """Local weekday and clock; a week or more ahead is shown with its date."""
    when = watch_time(moment, NOW, BERLIN)
    assert (when.weekday, when.clock, when.within_week) == expected
    local = moment.astimezone(BERLIN)
    assert (when.day, when.month) == (local.day, local.month)
