"""Hourly running totals of the log, for Home Assistant's long-term statistics.

Each hour with sessions gets the sets and hard sessions done in it and the
running sums since the first session, so a statistics graph can show the
change per week or month. Only hours from a changed one onward need writing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .models import Session
from .timeline import utc

_HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class HourTotals:
    """One hour: what was done in it, and the sums up to its end."""

    start: datetime
    sets: int
    sessions: int
    sets_sum: int
    sessions_sum: int


def hour_of(moment: datetime) -> datetime:
    """The UTC hour an instant falls in."""
    return utc(moment).replace(minute=0, second=0, microsecond=0)


def hourly_totals(
    sessions: Iterable[Session],
    *,
    since: datetime | None = None,
    also: Iterable[datetime] = (),
) -> list[HourTotals]:
    """Totals per hour from the hour of `since` on (all hours when None).

    `also` adds hours that must be written even if now empty (an hour whose
    last session was deleted), so a stale value is overwritten.

    >>> from datetime import UTC
    >>> s = [Session(id=str(n), performed_at=datetime(2026, 3, 2, 18, n, tzinfo=UTC),
    ...              hard=True, working_sets=10) for n in range(2)]
    >>> [(h.sets, h.sessions, h.sets_sum) for h in hourly_totals(s)]
    [(20, 2, 20)]
    """
    first = None if since is None else hour_of(since)
    buckets: dict[datetime, list[int]] = {hour_of(h): [0, 0] for h in also}
    before_sets = before_sessions = 0
    for session in sessions:
        hour = hour_of(session.performed_at)
        if first is not None and hour < first:
            before_sets += session.working_sets
            before_sessions += int(session.hard)
            continue
        bucket = buckets.setdefault(hour, [0, 0])
        bucket[0] += session.working_sets
        bucket[1] += int(session.hard)
    out: list[HourTotals] = []
    sets_sum, sessions_sum = before_sets, before_sessions
    for hour in sorted(buckets):
        sets, hard = buckets[hour]
        sets_sum += sets
        sessions_sum += hard
        out.append(HourTotals(hour, sets, hard, sets_sum, sessions_sum))
    return out
