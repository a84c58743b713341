"""What a watch shows: the coach's state reduced to a few words and numbers.

The words come from translations; this module picks which line applies and
the values that fill it, so every language gets the same choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum

from .coach import CoachSnapshot
from .models import WEEKDAYS, Status
from .recovery import Advice

WEEK_AHEAD = 7
"""From this many days ahead a time is shown with its date, not its weekday."""


class WatchKind(StrEnum):
    """Which short line applies (a translation key)."""

    DUE = "due"
    BEHIND = "behind"
    RESTING = "resting"
    READY = "ready"
    SORE = "sore"
    PAIN = "pain"
    PAUSED = "paused"


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchTime:
    """A local time as a watch shows it: weekday and clock, or date and clock."""

    weekday: str
    """`WEEKDAYS` id: 'mon' … 'sun'."""
    clock: str
    """24-hour 'HH:MM'."""
    day: int
    month: int
    within_week: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchLine:
    """The values behind both watch texts."""

    kind: WatchKind
    program_day: str
    when: WatchTime
    sessions: int
    sessions_target: int
    sets: int
    sets_target: int


def watch_time(moment: datetime, now: datetime, tz: tzinfo) -> WatchTime:
    """A UTC instant as local weekday, clock and date.

    >>> from datetime import UTC
    >>> from zoneinfo import ZoneInfo
    >>> t = watch_time(datetime(2026, 11, 25, 18, tzinfo=UTC),
    ...                datetime(2026, 11, 23, 9, tzinfo=UTC), ZoneInfo("Europe/Berlin"))
    >>> t.weekday, t.clock, t.within_week
    ('wed', '19:00', True)
    """
    local = moment.astimezone(tz)
    days = (local.date() - now.astimezone(tz).date()).days
    return WatchTime(
        weekday=WEEKDAYS[local.weekday()],
        clock=f"{local.hour:02d}:{local.minute:02d}",
        day=local.day,
        month=local.month,
        within_week=days < WEEK_AHEAD,
    )


def _kind(snap: CoachSnapshot) -> WatchKind:
    if snap.status is Status.RECOVERING:
        return WatchKind.PAIN if snap.advice is Advice.PAIN else WatchKind.SORE
    return WatchKind(str(snap.status))


def watch_line(snap: CoachSnapshot, tz: tzinfo) -> WatchLine:
    """The line for a snapshot: status, next day and time, this week's progress.

    A due or behind session names its day; resting and ready name the time
    of the next session; recovering names the advice.
    """
    return WatchLine(
        kind=_kind(snap),
        program_day=snap.next_workout.day.id,
        when=watch_time(snap.next_session, snap.now, tz),
        sessions=snap.weekly_sessions,
        sessions_target=snap.sessions_target,
        sets=snap.weekly_sets,
        sets_target=snap.sets_target,
    )
