"""Calendar: logged sessions and the sessions planned for the next weeks."""

from __future__ import annotations

from datetime import datetime, timedelta

from homeassistant.components.calendar import (
    CalendarEntity,
    CalendarEntityDescription,
    CalendarEvent,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import HamstringCoachConfigEntry
from .core.models import Program, Session
from .core.plan import Planned
from .core.present import day_name, log_line, phrase
from .core.wording import Wording
from .entity import HamstringCoachEntity
from .texts import cached_texts

PARALLEL_UPDATES = 0

HARD_MINUTES = 45
LIGHT_MINUTES = 20
"""Default event lengths when a session states no duration."""

TRAINING_CALENDAR = CalendarEntityDescription(
    key="training_calendar", translation_key="training_calendar"
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: HamstringCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the calendar of one entry."""
    async_add_entities([TrainingCalendar(entry.runtime_data, TRAINING_CALENDAR)])


def _minutes(hard: bool) -> timedelta:
    return timedelta(minutes=HARD_MINUTES if hard else LIGHT_MINUTES)


def logged_event(session: Session, program: Program, words: Wording) -> CalendarEvent:
    """A logged session as a past event, in `words`' language."""
    day = program.day(session.program_day) if session.program_day else None
    length = (
        timedelta(minutes=session.duration_minutes)
        if session.duration_minutes
        else _minutes(session.hard)
    )
    lines = [log_line(e, words) for e in session.exercises]
    if session.notes:
        lines.append(session.notes)
    start = dt_util.as_local(session.performed_at)
    return CalendarEvent(
        start=start,
        end=start + length,
        summary=phrase(
            "done",
            words,
            day=phrase("session", words) if day is None else day_name(day, words),
        ),
        description="\n".join(lines),
        uid=session.id,
    )


def planned_event(planned: Planned, words: Wording) -> CalendarEvent:
    """A planned session as a future event, with its doses."""
    workout = planned.workout
    start = dt_util.as_local(planned.start)
    return CalendarEvent(
        start=start,
        end=start + _minutes(workout.day.hard),
        summary=day_name(workout.day, words),
        description="\n".join(log_line(d.as_log(), words) for d in workout.doses),
        uid=f"planned-{planned.start.isoformat()}",
    )


class TrainingCalendar(HamstringCoachEntity, CalendarEntity):
    """Past sessions from the log and planned ones from the coach."""

    def _events(self, start: datetime, end: datetime) -> list[CalendarEvent]:
        coordinator = self.coordinator
        words = cached_texts(self.hass)
        # Sessions that started up to a day before `start` may still overlap it.
        logged = coordinator.log.between(start - timedelta(days=1), end)
        events = [logged_event(s, coordinator.program, words) for s in logged]
        events += [planned_event(p, words) for p in coordinator.plan()]
        return sorted(
            (e for e in events if e.end > start and e.start < end),
            key=lambda e: e.start,
        )

    @property
    def event(self) -> CalendarEvent | None:
        """The session going on now, else the next planned one.

        While recovering, the next planned one is the day the coach gives at
        that slot (the light swap is for the recovery days only).
        """
        snapshot = self.coordinator.data
        words = cached_texts(self.hass)
        last = snapshot.last_session
        if last is not None:
            current = logged_event(last, self.coordinator.program, words)
            if current.start <= dt_util.as_local(snapshot.now) < current.end:
                return current
        first = self.coordinator.ahead().first
        return None if first is None else planned_event(first, words)

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """Events overlapping the range, logged and planned."""
        return self._events(start_date, end_date)
