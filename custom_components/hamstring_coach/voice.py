"""What a person says, turned into coordinator input.

`async_resolve_coordinator` finds the coach a request is for (by name, by
the user's person, by the satellite's device or area, or the only one; never
a guess); `session_input` turns the slots of
a logged session into a `SessionInput`. Refusals are intent errors whose
response keys (`ERROR_*`) have spoken texts in the sentence files.
"""

from __future__ import annotations

from dataclasses import dataclass
import re
from typing import Any, Final, cast

from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er, intent
from homeassistant.util import dt as dt_util

from .const import CONF_PERSON, CONF_SPEAKER_AREAS, CONF_SPEAKER_DEVICES, DOMAIN
from .coordinator import HamstringCoachConfigEntry, HamstringCoordinator
from .core.catalog import EXERCISES
from .core.models import ExerciseLog, Measure, Program, ProgramDay
from .core.sessions import SessionInput
from .speech import (
    PHRASES,
    day_name,
    exercise_name,
    join_or,
    language,
    load_in,
    norm,
    program_name,
    text,
)

ERROR_WHICH_COACH: Final = "hamstring_coach_which_coach"
ERROR_UNKNOWN_COACH: Final = "hamstring_coach_unknown_coach"
ERROR_NOT_SET_UP: Final = "hamstring_coach_not_set_up"
ERROR_INVALID: Final = "hamstring_coach_invalid"
ERROR_NOT_EXPOSED: Final = "hamstring_coach_not_exposed"
"""Response keys; their spoken texts ship in the sentence files (`responses`)."""
SAID_DAY: Final = "program_day_said"
"""Slot key of the words said for a program day, when the agent passes them."""


class Refusal(intent.IntentHandleError):
    """A question back or a refusal; answered as speech, never logged as an error."""

    def __init__(self, speech: str, key: str) -> None:
        """Keep the spoken text and the response key."""
        super().__init__(speech, response_key=key)
        self.speech = speech
        self.key = key


def handle_error(message: str, key: str) -> Refusal:
    """A refusal with its spoken message and response key."""
    return Refusal(message, key)


@dataclass(frozen=True, slots=True)
class Speaker:
    """What identifies the speaker: their person entities and names."""

    person_ids: frozenset[str]
    names: frozenset[str]


async def _speaker(hass: HomeAssistant, user_id: str) -> Speaker:
    """The persons linked to a Home Assistant user, and their names."""
    persons = [
        state
        for state in hass.states.async_all("person")
        if state.attributes.get("user_id") == user_id
    ]
    names = {norm(state.name) for state in persons}
    if (user := await hass.auth.async_get_user(user_id)) is not None and user.name:
        names.add(norm(user.name))
    return Speaker(frozenset(s.entity_id for s in persons), frozenset(names))


def _is_speakers(entry: HamstringCoachConfigEntry, speaker: Speaker) -> bool:
    """A linked person decides; without a link, the title names the person."""
    if (person := entry.options.get(CONF_PERSON)) is not None:
        return person in speaker.person_ids
    return norm(entry.title) in speaker.names


@dataclass(frozen=True, slots=True)
class Place:
    """Where a request was spoken: the satellite's device and area."""

    device_id: str | None
    area_id: str | None


def _place(hass: HomeAssistant, intent_obj: intent.Intent) -> Place:
    """The device and area of the satellite or device that heard the request."""
    device_id, area_id = intent_obj.device_id, None
    if intent_obj.satellite_id is not None and (
        entity := er.async_get(hass).async_get(intent_obj.satellite_id)
    ):
        device_id, area_id = entity.device_id or device_id, entity.area_id
    if area_id is None and device_id is not None:
        device = dr.async_get(hass).async_get(device_id)
        area_id = None if device is None else device.area_id
    return Place(device_id, area_id)


def _is_here(entry: HamstringCoachConfigEntry, place: Place) -> bool:
    """Whether the entry is linked to the speaking device or its area."""
    devices = entry.options.get(CONF_SPEAKER_DEVICES) or ()
    areas = entry.options.get(CONF_SPEAKER_AREAS) or ()
    return (place.device_id is not None and place.device_id in devices) or (
        place.area_id is not None and place.area_id in areas
    )


def _one[T](items: list[T]) -> T | None:
    return items[0] if len(items) == 1 else None


async def async_resolve_coordinator(
    hass: HomeAssistant, intent_obj: intent.Intent, name: str | None
) -> HamstringCoordinator:
    """The entry a request is for; never a guess.

    In order: the name said; the logged-in user's person; the satellite or
    its area linked in the options; the only entry. Otherwise it asks.
    """
    lang = language(intent_obj.language)
    entries = [
        cast("HamstringCoachConfigEntry", entry)
        for entry in hass.config_entries.async_loaded_entries(DOMAIN)
    ]
    if not entries:
        raise handle_error(text(lang, "none"), ERROR_NOT_SET_UP)
    titles = join_or(lang, sorted(entry.title for entry in entries))
    if name is not None:
        wanted = norm(re.sub(r"['\u2019]s\b", "", name))
        named = [entry for entry in entries if norm(entry.title) == wanted]
        if len(named) == 1:
            return named[0].runtime_data
        raise handle_error(
            text(lang, "unknown", name=name, names=titles), ERROR_UNKNOWN_COACH
        )
    if (user_id := intent_obj.context.user_id) is not None:
        speaker = await _speaker(hass, user_id)
        if mine := _one([e for e in entries if _is_speakers(e, speaker)]):
            return mine.runtime_data
    place = _place(hass, intent_obj)
    if here := _one([e for e in entries if _is_here(e, place)]):
        return here.runtime_data
    if len(entries) == 1:
        return entries[0].runtime_data
    raise handle_error(text(lang, "which", names=titles), ERROR_WHICH_COACH)


def find_exercise(spoken: str) -> str | None:
    """A catalog id from an id, a short name or a name in any language."""
    if spoken in EXERCISES:
        return spoken
    wanted = norm(spoken)
    for phrases in PHRASES.values():
        if wanted in phrases.aliases:
            return phrases.aliases[wanted]
    for exercise in EXERCISES.values():
        if wanted in (norm(exercise.id), norm(exercise.name)):
            return exercise.id
    return next(
        (
            exercise_id
            for phrases in PHRASES.values()
            for exercise_id, name in phrases.exercise_names.items()
            if norm(name) == wanted
        ),
        None,
    )


def find_day(program: Program, spoken: str) -> ProgramDay | None:
    """A day of a program by id, name, number ('2') or unique keyword."""
    days = program.days
    wanted = norm(spoken)
    for day in days:
        if spoken == day.id or wanted in (norm(day.id), norm(day.name)):
            return day
    if wanted.isdigit() and 1 <= int(wanted) <= len(days):
        return days[int(wanted) - 1]
    found = [day for day in days if wanted in norm(day.name)]
    return found[0] if len(found) == 1 else None


def _exercise_log(
    lang: str, coordinator: HamstringCoordinator, slots: dict[str, Any]
) -> ExerciseLog:
    """One exercise from the slots; what was not said comes from today's dose."""
    exercise_id = find_exercise(slots["exercise"])
    if exercise_id is None:
        raise handle_error(
            text(lang, "unknown_exercise", name=slots["exercise"]), ERROR_INVALID
        )
    dose = coordinator.current().next_workout.dose(exercise_id)
    sets = slots.get("sets") or (dose.sets if dose else None)
    seconds_measure = EXERCISES[exercise_id].measure is Measure.SECONDS
    key = "seconds" if seconds_measure else "reps"
    amount = slots.get(key) or (getattr(dose, key) if dose else None)
    if sets is None or amount is None:
        name = exercise_name(lang, exercise_id, plural=True)
        raise handle_error(text(lang, "dose_needed", name=name), ERROR_INVALID)
    unit = coordinator.settings.weight_unit
    load = slots.get("load")
    if load is None and dose is not None and dose.load is not None:
        load = load_in(dose, unit)
    return ExerciseLog(
        exercise=exercise_id,
        sets=sets,
        reps=None if seconds_measure else amount,
        seconds=amount if seconds_measure else None,
        load=load,
        unit=unit if load is not None else None,
    )


def _unknown_day(lang: str, program: Program, slots: dict[str, Any]) -> str:
    """'Band day 1 is not a day of Strength and control. Try …', as it was said."""
    refusal = text(
        lang,
        "unknown_day",
        name=slots.get(SAID_DAY, slots["program_day"]),
        program=program_name(lang, program),
        days=join_or(lang, [day_name(lang, day) for day in program.days]),
    )
    return refusal[:1].upper() + refusal[1:]


def session_input(
    lang: str, coordinator: HamstringCoordinator, slots: dict[str, Any]
) -> SessionInput:
    """The reported session; without a day or an exercise, the next workout.

    A day that was not said stays unset, so a repeated "I did my workout"
    is recognised as the session just logged (see core/duplicates.py).
    """
    day: ProgramDay | None = None
    if (day_text := slots.get("program_day")) is not None:
        day = find_day(coordinator.program, day_text)
        if day is None:
            raise handle_error(
                _unknown_day(lang, coordinator.program, slots), ERROR_INVALID
            )
    exercises: list[ExerciseLog] | None = None
    if "exercise" in slots:
        exercises = [_exercise_log(lang, coordinator, slots)]
    elif any(key in slots for key in ("sets", "reps", "seconds", "load")):
        raise handle_error(text(lang, "exercise_needed"), ERROR_INVALID)
    return SessionInput(
        performed_at=dt_util.utcnow(),
        program_day=None if day is None else day.id,
        exercises=exercises,
        rpe=slots.get("rpe"),
        soreness=slots.get("soreness"),
        pain=slots.get("pain"),
        source="voice",
    )
