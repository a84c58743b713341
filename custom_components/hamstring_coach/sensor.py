"""Sensors: next and last session, weekly progress, status, workout, streak."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DOMAIN
from .coordinator import HamstringCoachConfigEntry
from .core.coach import CoachSnapshot
from .core.models import Program, Status
from .core.present import phase_dict, workout_dict
from .core.programs import ALL_DAY_IDS
from .core.wording import Wording
from .entity import HamstringCoachEntity
from .guidance import cached_guidance
from .texts import cached_texts
from .watch import watch_sensors

PARALLEL_UPDATES = 0

type StateValue = datetime | int | str | None


@dataclass(frozen=True, kw_only=True)
class HamstringSensorDescription(SensorEntityDescription):
    """A sensor read from the coach snapshot."""

    value_fn: Callable[[CoachSnapshot], StateValue]
    attrs_fn: Callable[[CoachSnapshot], Mapping[str, Any]] = lambda _: {}
    text_attrs_fn: Callable[[CoachSnapshot, Wording], Mapping[str, Any]] | None = None
    """Attributes with texts a person reads, in Home Assistant's language."""
    last_reset_fn: Callable[[CoachSnapshot], datetime | None] = lambda _: None
    exists_fn: Callable[[Program], bool] = lambda _: True


def _status_attrs(snap: CoachSnapshot) -> Mapping[str, Any]:
    wellness = snap.wellness
    advice = snap.advice
    return {
        "rest_until": snap.rest_until,
        "soreness": None if wellness is None else wellness.soreness,
        "pain": None if wellness is None else wellness.pain,
        "advice": None if advice is None else str(advice),
        "guidance": None,
        "warning_signs": list(snap.warning_signs),
        "symptoms_since": snap.symptoms_since,
        # From the plan ahead, filled in by the entity (see `_outlook_attrs`).
        "today": None,
        "next_hard_session": None,
        "next_hard_program_day": None,
    }


def _phase_attrs(snap: CoachSnapshot) -> Mapping[str, Any]:
    return {k: v for k, v in phase_dict(snap.phase).items() if k != "phase"}


SENSORS: tuple[HamstringSensorDescription, ...] = (
    HamstringSensorDescription(
        key="next_session",
        translation_key="next_session",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda s: s.next_session,
        attrs_fn=lambda s: {
            "program_day": s.next_workout.day.id,
            "reason": str(s.next_session_reason),
        },
    ),
    HamstringSensorDescription(
        key="last_session",
        translation_key="last_session",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda s: (
            None if s.last_session is None else s.last_session.performed_at
        ),
        attrs_fn=lambda s: {
            "program_day": None
            if s.last_session is None
            else s.last_session.program_day,
        },
    ),
    HamstringSensorDescription(
        key="days_since_last_session",
        translation_key="days_since_last_session",
        # Local calendar dates apart (yesterday 23:30 is 1 day), not a duration,
        # and a mean or maximum of it means nothing: no device or state class.
        value_fn=lambda s: s.days_since_last_session,
    ),
    HamstringSensorDescription(
        key="weekly_sets",
        translation_key="weekly_sets",
        state_class=SensorStateClass.TOTAL,
        value_fn=lambda s: s.weekly_sets,
        attrs_fn=lambda s: {"target": s.sets_target},
        last_reset_fn=lambda s: s.week_start,
    ),
    HamstringSensorDescription(
        key="weekly_sessions",
        translation_key="weekly_sessions",
        state_class=SensorStateClass.TOTAL,
        value_fn=lambda s: s.weekly_sessions,
        attrs_fn=lambda s: {"target": s.sessions_target},
        last_reset_fn=lambda s: s.week_start,
    ),
    HamstringSensorDescription(
        key="training_status",
        translation_key="training_status",
        device_class=SensorDeviceClass.ENUM,
        options=[str(status) for status in Status],
        value_fn=lambda s: str(s.status),
        attrs_fn=_status_attrs,
    ),
    HamstringSensorDescription(
        key="next_workout",
        translation_key="next_workout",
        device_class=SensorDeviceClass.ENUM,
        options=list(ALL_DAY_IDS),
        value_fn=lambda s: s.next_workout.day.id,
        text_attrs_fn=lambda s, words: workout_dict(s.next_workout, words),
    ),
    HamstringSensorDescription(
        key="streak",
        translation_key="streak",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda s: s.streak_weeks,
    ),
    HamstringSensorDescription(
        key="phase",
        translation_key="phase",
        device_class=SensorDeviceClass.ENUM,
        options=["1", "2", "3", "4"],
        value_fn=lambda s: str(s.phase.phase),
        attrs_fn=_phase_attrs,
        exists_fn=lambda program: program.phases > 1,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: HamstringCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the sensors of one entry; drop those its program no longer has."""
    coordinator = entry.runtime_data
    registry = er.async_get(hass)
    for description in SENSORS:
        if description.exists_fn(coordinator.program):
            continue
        unique_id = f"{entry.entry_id}_{description.key}"
        if entity_id := registry.async_get_entity_id(
            Platform.SENSOR, DOMAIN, unique_id
        ):
            registry.async_remove(entity_id)
    async_add_entities(
        HamstringSensor(coordinator, d)
        for d in SENSORS
        if d.exists_fn(coordinator.program)
    )
    async_add_entities(watch_sensors(coordinator))


class HamstringSensor(HamstringCoachEntity, SensorEntity):
    """A sensor that shows one value of the snapshot."""

    entity_description: HamstringSensorDescription
    # Prose: the workout's exercises with their notes, the day's name (the
    # state already says which day), the recovery guidance and its warning signs.
    _unrecorded_attributes = frozenset(
        {"exercises", "guidance", "name", "warning_signs"}
    )

    @property
    def native_value(self) -> StateValue:
        """The value from the snapshot."""
        return self.entity_description.value_fn(self.coordinator.data)

    @property
    def extra_state_attributes(self) -> Mapping[str, Any]:
        """Attributes from the snapshot; guidance in HA's language; today's outlook."""
        snap = self.coordinator.data
        description = self.entity_description
        if description.text_attrs_fn is not None:
            return description.text_attrs_fn(snap, cached_texts(self.hass))
        attrs = description.attrs_fn(snap)
        if "guidance" in attrs:
            attrs = {**attrs, "guidance": cached_guidance(self.hass, snap.advice)}
        if "today" in attrs:
            attrs = {**attrs, **self._outlook_attrs()}
        return attrs

    def _outlook_attrs(self) -> Mapping[str, Any]:
        """Today (train, rest or free) and the next hard session, told apart."""
        view = self.coordinator.outlook()
        hard = view.next_hard
        return {
            "today": str(view.today),
            "next_hard_session": None if hard is None else hard.start,
            "next_hard_program_day": None if hard is None else hard.workout.day.id,
        }

    @property
    def last_reset(self) -> datetime | None:
        """Start of the week for the weekly totals."""
        return self.entity_description.last_reset_fn(self.coordinator.data)
