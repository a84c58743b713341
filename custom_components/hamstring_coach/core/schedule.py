"""Where the next hard session goes (R1, R2, R7), and when the week is lost.

All instants are UTC; the zone only turns local dates and the training time
into instants. A slot is a day at the training time; it stays open until its
day ends, so a session that is due at 18:00 is still due at 21:00.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from .models import NextReason, Settings
from .timeline import at_local, local_date

SEARCH_DAYS = 15
"""Days searched for a slot: a rest window is at most 7 days, plus a week."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """The week the scheduler works in.

    `spacing` is the gap needed between two counted sessions (the rest
    window, or one day when only light sessions count); `blocked` holds
    weekdays never planned (the runner's hard run day and the day before);
    slots on days up to `closed_through` are closed: today's session is
    already done in a light-only phase (light sessions open no rest window),
    it was skipped, or a pause runs until then.
    """

    today: date
    end: datetime
    spacing: timedelta
    rest_until: datetime | None
    remaining: int
    blocked: frozenset[int] = frozenset()
    closed_through: date | None = None


def blocked_weekdays(hard_run_day: int | None) -> frozenset[int]:
    """R7: no hard hamstring work on the hardest run day or the day before.

    >>> sorted(blocked_weekdays(0))  # Monday runs: Sunday and Monday blocked
    [0, 6]
    """
    if hard_run_day is None:
        return frozenset()
    return frozenset({hard_run_day, (hard_run_day - 1) % 7})


def _slots(frame: Frame, settings: Settings, tz: tzinfo, days: int) -> list[datetime]:
    first = frame.today
    if frame.rest_until is not None:
        first = max(first, local_date(frame.rest_until, tz))
    if frame.closed_through is not None:
        first = max(first, frame.closed_through + timedelta(days=1))
    return [
        at_local(first + timedelta(days=n), settings.training_time, tz)
        for n in range(days)
    ]


def _open(slot: datetime, frame: Frame, tz: tzinfo) -> bool:
    day = local_date(slot, tz)
    if day.weekday() in frame.blocked:
        return False
    if frame.closed_through is not None and day <= frame.closed_through:
        return False
    return frame.rest_until is None or slot >= frame.rest_until


def _preferred_fit(
    start: datetime, frame: Frame, settings: Settings, tz: tzinfo
) -> int:
    """How many sessions fit this week on preferred slots from `start`."""
    count, previous = 0, None
    for slot in _slots(frame, settings, tz, 8):
        if slot < start or slot >= frame.end or not _open(slot, frame, tz):
            continue
        if local_date(slot, tz).weekday() not in settings.training_days:
            continue
        if previous is None or slot >= previous + frame.spacing:
            count, previous = count + 1, slot
    return count


def plan_next_session(
    frame: Frame, settings: Settings, now: datetime, tz: tzinfo
) -> tuple[datetime, NextReason]:
    """The next hard session and why it is there.

    The earliest open preferred slot; if keeping to preferred days would miss
    the week's target, the earliest open slot of any day (or the end of the
    rest window) inside the week instead: a catch-up.
    """
    candidates = [
        s for s in _slots(frame, settings, tz, SEARCH_DAYS) if _open(s, frame, tz)
    ]
    preferred = next(
        (
            s
            for s in candidates
            if local_date(s, tz).weekday() in settings.training_days
        ),
        candidates[0],
    )
    if frame.remaining == 0 or (
        preferred < frame.end
        and _preferred_fit(preferred, frame, settings, tz) >= frame.remaining
    ):
        return preferred, NextReason.PREFERRED_DAY
    in_week = [s for s in candidates if s < frame.end]
    rest_end = frame.rest_until
    if (
        rest_end is not None
        and now <= rest_end < frame.end
        and _open(rest_end, frame, tz)
    ):
        in_week.append(rest_end)
    if not in_week:
        return preferred, NextReason.PREFERRED_DAY
    catch_up = min(in_week)
    return catch_up, (
        NextReason.PREFERRED_DAY if catch_up == preferred else NextReason.CATCH_UP
    )


def behind_from(frame: Frame) -> datetime | None:
    """The instant from which the remaining sessions no longer fit this week.

    Sessions spaced by `spacing` fit while the first can start before
    `end - (remaining - 1) * spacing`.
    """
    if frame.remaining == 0:
        return None
    return frame.end - (frame.remaining - 1) * frame.spacing
