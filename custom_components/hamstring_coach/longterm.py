"""Long-term statistics: sets and hard sessions as external statistics.

Written under `hamstring_coach:` statistic ids (never an entity's own id),
one row per hour with sessions, so backdated and imported sessions land in
the right week of a statistics graph. Only written when the recorder runs.
The units (`sets`, `sessions`) have no unit class: they are counts that no
unit converter applies to, so `unit_class` is None.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from homeassistant.components.recorder.models import (
    StatisticData,
    StatisticMeanType,
    StatisticMetaData,
)
from homeassistant.components.recorder.statistics import async_add_external_statistics
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.recorder import get_instance

from .const import DOMAIN
from .core.history_stats import HourTotals, hourly_totals
from .core.log import TrainingLog

SETS_UNIT = "sets"
SESSIONS_UNIT = "sessions"
"""Units a statistics graph shows; counts have no unit class (nothing to convert)."""


def statistic_ids(entry_id: str) -> tuple[str, str]:
    """The ids of the sets and sessions statistics of one entry."""
    key = entry_id.lower()
    return f"{DOMAIN}:{key}_working_sets", f"{DOMAIN}:{key}_hard_sessions"


def recorder_running(hass: HomeAssistant) -> bool:
    """Whether statistics can be written."""
    return "recorder" in hass.config.components


def clear_statistics(hass: HomeAssistant, entry_id: str) -> None:
    """Queue the removal of an entry's statistics (the entry was removed)."""
    if recorder_running(hass):
        get_instance(hass).async_clear_statistics(list(statistic_ids(entry_id)))


def write_statistics(
    hass: HomeAssistant, entry_id: str, title: str, hours: list[HourTotals]
) -> None:
    """Queue the hourly rows with the recorder (it writes them in its thread)."""
    if not hours:
        return
    sets_id, sessions_id = statistic_ids(entry_id)
    series = (
        (
            sets_id,
            f"{title} working sets",
            SETS_UNIT,
            [StatisticData(start=h.start, state=h.sets, sum=h.sets_sum) for h in hours],
        ),
        (
            sessions_id,
            f"{title} hard sessions",
            SESSIONS_UNIT,
            [
                StatisticData(start=h.start, state=h.sessions, sum=h.sessions_sum)
                for h in hours
            ],
        ),
    )
    for statistic_id, name, unit, rows in series:
        metadata = StatisticMetaData(
            mean_type=StatisticMeanType.NONE,
            has_sum=True,
            name=name,
            source=DOMAIN,
            statistic_id=statistic_id,
            unit_class=None,
            unit_of_measurement=unit,
        )
        async_add_external_statistics(hass, metadata, rows)


def changed_since(
    before: TrainingLog, after: TrainingLog
) -> tuple[datetime | None, list[datetime]]:
    """The earliest instant whose hour changed, and hours that lost sessions."""
    old = {s.id: s for s in before}
    new = {s.id: s for s in after}
    changed = [s.performed_at for k, s in new.items() if old.get(k) is not s]
    gone = [s.performed_at for k, s in old.items() if new.get(k) is not s]
    moments = changed + gone
    return (min(moments) if moments else None), gone


class StatisticsQueue:
    """Writes an entry's changed hours as long-term statistics, in order."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry[Any]) -> None:
        """Keep the entry whose statistics are written."""
        self._hass = hass
        self._entry = entry
        self._lock = asyncio.Lock()

    @callback
    def queue(self, before: TrainingLog | None, after: TrainingLog) -> None:
        """Write the hours that differ between two logs, off the event loop."""
        if not recorder_running(self._hass):
            return

        def changed_hours() -> list[HourTotals]:
            if before is None:
                return hourly_totals(after)
            since, gone = changed_since(before, after)
            return [] if since is None else hourly_totals(after, since=since, also=gone)

        async def write() -> None:
            # In order: a later change must never be overwritten by an earlier one.
            async with self._lock:
                hours = await self._hass.async_add_executor_job(changed_hours)
                write_statistics(
                    self._hass, self._entry.entry_id, self._entry.title, hours
                )

        self._entry.async_create_task(self._hass, write(), "hamstring_coach_statistics")
