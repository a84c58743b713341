"""Local-calendar helpers: all arithmetic on instants happens in UTC.

Adding hours to a datetime that carries a `ZoneInfo` moves the wall clock, not
the instant (48 h after Saturday 18:00 CET is Monday 18:00 CEST, only 47 real
hours, across the spring DST change). Every instant here is therefore UTC, and
the zone is used only to find local dates and local times of day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo


def utc(moment: datetime) -> datetime:
    """Return an aware datetime as UTC; naive values are refused.

    >>> utc(datetime(2026, 3, 2, 19, tzinfo=UTC)).isoformat()
    '2026-03-02T19:00:00+00:00'
    """
    if moment.tzinfo is None:
        msg = "naive datetime"
        raise ValueError(msg)
    return moment.astimezone(UTC)


def local_date(moment: datetime, tz: tzinfo) -> date:
    """Return the calendar date of an instant in a zone."""
    return moment.astimezone(tz).date()


def at_local(day: date, clock: time, tz: tzinfo) -> datetime:
    """Return the UTC instant of a local wall-clock time on a local date.

    A wall time skipped by a DST change resolves like `zoneinfo` does (fold 0).
    """
    return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)


def week_start(day: date, first_weekday: int) -> date:
    """Return the first date of the week holding `day` (0 = Monday).

    >>> week_start(date(2026, 11, 25), 0), week_start(date(2026, 11, 25), 6)
    (datetime.date(2026, 11, 23), datetime.date(2026, 11, 22))
    """
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def days_between(start: date, end: date) -> list[date]:
    """Return the dates from `start` up to, not including, `end`."""
    return [start + timedelta(days=offset) for offset in range((end - start).days)]
