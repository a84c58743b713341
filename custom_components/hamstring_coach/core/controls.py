"""Skips, pauses and snoozes: what the person tells the planner.

- A skip closes that day's slot and counts toward the week's session target
  for the streak only (it is no training: no sets, no rest window).
- A pause closes every slot until training resumes, turns reminders off,
  and freezes the streak: paused weeks neither count nor break it.
- A snooze silences `session_due` until a moment; the status stays honest.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, tzinfo

from .models import Controls, Pause
from .timeline import local_date, week_start


def active_pause(controls: Controls, now: datetime, tz: tzinfo) -> Pause | None:
    """The pause in force at `now`, if any."""
    today = local_date(now, tz)
    return next(
        (p for p in controls.pauses if p.start <= now and today < p.until), None
    )


def closed_through(controls: Controls, now: datetime, tz: tzinfo) -> date | None:
    """The last local day whose slot is closed by a skip today or a pause."""
    today = local_date(now, tz)
    closed = [
        local_date(s.at, tz) for s in controls.skips if local_date(s.at, tz) >= today
    ]
    if (pause := active_pause(controls, now, tz)) is not None:
        closed.append(pause.until - timedelta(days=1))
    return max(closed, default=None)


def skips_by_week(controls: Controls, tz: tzinfo, first_weekday: int) -> Counter[date]:
    """Skips per week (keyed by the week's first day)."""
    return Counter(
        week_start(local_date(s.at, tz), first_weekday) for s in controls.skips
    )


def frozen_weeks(controls: Controls, tz: tzinfo, first_weekday: int) -> frozenset[date]:
    """Weeks touched by a pause (keyed by the week's first day)."""
    weeks: set[date] = set()
    for pause in controls.pauses:
        week = week_start(local_date(pause.start, tz), first_weekday)
        last = week_start(pause.until - timedelta(days=1), first_weekday)
        while week <= last:
            weeks.add(week)
            week += timedelta(weeks=1)
    return frozenset(weeks)


def snoozed(controls: Controls, now: datetime) -> bool:
    """Whether reminders are snoozed at `now`."""
    return controls.snoozed_until is not None and now < controls.snoozed_until
