"""Timer wake-ups over a simulated idle week (nothing logged, nothing reported).

Time moves in 5-minute steps with `freezer` + `async_fire_time_changed`. A
boundary is the instant the previous snapshot named (`next_update`); in a
step that crosses one, exactly one recompute is expected, in any other step
none. Every state write of our entities and every pending loop timer that
belongs to the integration is watched too, so polling or a periodic timer
would show up.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    async_fire_time_changed,
    get_scheduled_timer_handles,
)

from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.coordinator import HamstringCoordinator

from ._harness import add_coach_entry
from ._support import (
    BOUNDARIES,
    OTHER_TIMERS,
    RESULTS,
    TIME_ZONE,
    WAKEUPS,
    WAKEUPS_BETWEEN,
    make_sessions,
    store_file,
)

STEP = timedelta(minutes=5)
WEEK = timedelta(days=7)


def _our_timers(hass: HomeAssistant) -> int:
    """Pending loop timers whose callback belongs to this integration."""
    return sum(
        1
        for handle in get_scheduled_timer_handles(hass.loop)
        if not handle.cancelled()
        and ("HamstringCoordinator" in repr(handle) or DOMAIN in repr(handle))
    )


def _kind(at: datetime, snapshot: object, zone: ZoneInfo) -> str:
    """Which time boundary (docs/entities.md, Data updates) an instant is."""
    names = []
    if at == getattr(snapshot, "rest_until", None):
        names.append("rest window ends")
    if at == getattr(snapshot, "next_session", None):
        names.append("session due")
    local = at.astimezone(zone)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        week_end = getattr(snapshot, "week_end", None)
        names.append("week start" if at == week_end else "local midnight")
    return " + ".join(names) or "falls behind / other"


async def test_idle_week(
    bench_hass: HomeAssistant, size: int, freezer: FrozenDateTimeFactory
) -> None:
    """Count recomputes, state writes and timers over seven idle days."""
    hass = bench_hass
    zone = ZoneInfo(TIME_ZONE)
    start = datetime(2026, 11, 23, 10, tzinfo=zone)  # a Monday morning
    freezer.move_to(start)
    history = store_file("x", make_sessions(size, before=start - timedelta(hours=40)))
    entry = await add_coach_entry(hass, size, data=history["data"])
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    coordinator: HamstringCoordinator = entry.runtime_data
    # The calendar flips on and off at its own events' start and end (Home
    # Assistant's CalendarEntity does that by itself): exact event boundaries,
    # counted apart from the coach's.
    ours = [
        e
        for e in hass.states.async_entity_ids()
        if e.split(".")[1].startswith("alex_") and not e.startswith("calendar.")
    ]
    calendar = next(
        e for e in hass.states.async_entity_ids() if e.startswith("calendar.")
    )
    calendar_writes = 0
    calendar_seen = hass.states.get(calendar).last_reported  # type: ignore[union-attr]

    recomputes: list[datetime] = []
    unsub = coordinator.async_add_listener(lambda: recomputes.append(dt_util.utcnow()))
    kinds: Counter[str] = Counter()
    woke = between = boundaries = missed = extra_timers = 0
    last_written = {e: hass.states.get(e).last_reported for e in ours}  # type: ignore[union-attr]
    now = start
    while now < start + WEEK:
        snapshot = coordinator.data
        boundary = snapshot.next_update
        previous, now = now, now + STEP
        before = len(recomputes)
        freezer.move_to(now)
        async_fire_time_changed(hass, now)
        await hass.async_block_till_done()
        wrote = [e for e in ours if hass.states.get(e).last_reported != last_written[e]]  # type: ignore[union-attr]
        last_written.update({e: hass.states.get(e).last_reported for e in wrote})  # type: ignore[union-attr]
        count = len(recomputes) - before
        if hass.states.get(calendar).last_reported != calendar_seen and not count:  # type: ignore[union-attr]
            calendar_writes += 1
        calendar_seen = hass.states.get(calendar).last_reported  # type: ignore[union-attr]
        woke += count
        if previous < boundary <= now:
            boundaries += 1
            kinds[_kind(boundary, snapshot, zone)] += 1
            missed += count == 0
            between += max(count - 1, 0)
        else:
            between += count + (1 if wrote and not count else 0)
        extra_timers = max(extra_timers, _our_timers(hass) - 1)
    unsub()

    RESULTS.value(WAKEUPS, size, woke)
    RESULTS.value(WAKEUPS_BETWEEN, size, between + missed)
    RESULTS.value(BOUNDARIES, size, boundaries)
    RESULTS.value(OTHER_TIMERS, size, extra_timers)
    RESULTS.notes.append(
        f"idle week, {size:,} sessions: {boundaries} boundaries "
        f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}); "
        f"{missed} missed; calendar event starts/ends on their own: {calendar_writes}"
    )
