"""Assist intents: log a session, next session, weekly progress, soreness, workout.

Registered once by `async_setup_intents`. Each handler finds the person's
entry, calls the coordinator (no business logic here) and answers with one
short sentence built from the snapshot, in English or German. LLM agents get
the intents as tools through the Assist API (the descriptions and typed slot
schemas below); the built-in agent reaches them through the shipped custom
sentences (see sentences.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
import re
from typing import Any, Final, cast

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import intent, translation
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import CONF_PERSON, DOMAIN
from .coordinator import HamstringCoachConfigEntry, HamstringCoordinator
from .core.catalog import EXERCISES
from .core.coach import CoachSnapshot
from .core.models import ExerciseLog, Measure, Program, ProgramDay, WeightUnit
from .core.progression import Dose
from .core.sessions import SessionInput
from .core.state import LogOutcome

INTENT_LOG_SESSION: Final = "HamstringLogSession"
INTENT_NEXT_SESSION: Final = "HamstringNextSession"
INTENT_WEEKLY_PROGRESS: Final = "HamstringWeeklyProgress"
INTENT_REPORT_SORENESS: Final = "HamstringReportSoreness"
INTENT_WHAT_TO_DO: Final = "HamstringWhatToDo"

"""Entry option linking a coach to a `person.*` entity (whose user speaks)."""

ERROR_WHICH_COACH: Final = "hamstring_coach_which_coach"
ERROR_UNKNOWN_COACH: Final = "hamstring_coach_unknown_coach"
ERROR_NOT_SET_UP: Final = "hamstring_coach_not_set_up"
ERROR_INVALID: Final = "hamstring_coach_invalid"
"""Response keys; their spoken texts ship in the sentence files (`responses`)."""

MAX_READ_OUT = 4
MIN_STEM = 4
LB_PER_KG = 2.2046226218


def _whole(low: int, high: int) -> vol.All:
    """A whole number in [low, high] ('integer' for LLM tools)."""
    return vol.All(vol.Coerce(int), vol.Range(min=low, max=high))


def _number(low: float, high: float) -> vol.All:
    return vol.All(vol.Coerce(float), vol.Range(min=low, max=high))


NAME_SLOT: dict[vol.Marker, Any] = {
    vol.Optional(
        "name",
        description="Whose coach: the person's name, only when several people train",
    ): intent.non_empty_string
}

LOG_SLOTS: dict[vol.Marker, Any] = {
    **NAME_SLOT,
    vol.Optional(
        "program_day",
        description="Program day done, e.g. 'Day 1 Strength', 'control' or '2'; "
        "omit for the next planned workout",
    ): intent.non_empty_string,
    vol.Optional(
        "exercise",
        description="One exercise done instead of a whole day, e.g. "
        "'romanian_deadlift' or 'Nordic curl'",
    ): intent.non_empty_string,
    vol.Optional("sets", description="Sets of the exercise"): _whole(1, 20),
    vol.Optional("reps", description="Repetitions per set"): _whole(1, 100),
    vol.Optional("seconds", description="Seconds per set (holds)"): _whole(1, 3600),
    vol.Optional("load", description="Load in the coach's weight unit"): _number(
        0, 1000
    ),
    vol.Optional("rpe", description="Effort 1-10 (RPE)"): _number(1, 10),
    vol.Optional("soreness", description="Hamstring soreness 0-10"): _whole(0, 10),
    vol.Optional("pain", description="Whether it hurt"): bool,
}

SORENESS_SLOTS: dict[vol.Marker, Any] = {
    **NAME_SLOT,
    vol.Optional("level", description="Hamstring soreness or tightness 0-10"): _whole(
        0, 10
    ),
    vol.Optional("pain", description="Whether the hamstrings hurt"): bool,
}

TEXT: Final[dict[str, dict[str, str]]] = {
    "en": {
        "logged": "Logged {what}: {sets}.",
        "session": "your session",
        "set": "{n} set",
        "sets": "{n} sets",
        "next": " Next session {when}",
        "rest": " — rest until then.",
        "record": " New personal record!",
        "next_session": "Next session: {day}, {when}.",
        "due_now": "{day} is due now.",
        "rest_until": " Rest until {when}.",
        "progress": "{s} of {st} sessions and {w} of {wt} sets this week.",
        "goal_met": " Weekly goal met.",
        "streak": " {n}-week streak.",
        "soreness": "Noted soreness {level} of 10.",
        "pain": "Noted pain, soreness {level} of 10.",
        "workout": "{when}, {day}: {items}.",
        "recovery": "Recovery day. ",
        "today": "today",
        "tomorrow": "tomorrow",
        "now": "now",
        "at": "{day} at {time}",
        "reps": "{sets} of {reps} {name}",
        "seconds": "{sets} of {name} for {seconds} seconds",
        "per_leg": " per leg",
        "load": " at {load} {unit}",
        "and": "and",
        "which": "Which coach: {names}?",
        "unknown": "I don't know a coach called {name}. Which coach: {names}?",
        "none": "Hamstring Coach is not set up.",
        "exercise_needed": "Which exercise was that?",
        "dose_needed": "How many sets and reps of {name}?",
        "unknown_exercise": "I don't know the exercise {name}.",
        "unknown_day": "{name} is not a day of {program}. Try {days}.",
        "level_needed": "How sore are your hamstrings, from 0 to 10?",
    },
    "de": {
        "logged": "{what} eingetragen: {sets}.",
        "session": "Training",
        "set": "{n} Satz",
        "sets": "{n} Sätze",
        "next": " Nächste Einheit {when}",
        "rest": " - bis dahin Pause.",
        "record": " Neuer persönlicher Rekord!",
        "next_session": "Nächste Einheit: {day}, {when}.",
        "due_now": "{day} ist jetzt fällig.",
        "rest_until": " Pause bis {when}.",
        "progress": "{s} von {st} Einheiten und {w} von {wt} Sätzen diese Woche.",
        "goal_met": " Wochenziel erreicht.",
        "streak": " Serie: {n} Wochen.",
        "soreness": "Muskelkater {level} von 10 notiert.",
        "pain": "Schmerzen notiert, Muskelkater {level} von 10.",
        "workout": "{when}, {day}: {items}.",
        "recovery": "Erholungstag. ",
        "today": "heute",
        "tomorrow": "morgen",
        "now": "jetzt",
        "at": "{day} um {time}",
        "reps": "{sets} à {reps} {name}",
        "seconds": "{sets} {name} à {seconds} Sekunden",
        "per_leg": " pro Bein",
        "load": " mit {load} {unit}",
        "and": "und",
        "which": "Welcher Coach: {names}?",
        "unknown": "Einen Coach namens {name} kenne ich nicht. Welcher Coach: {names}?",
        "none": "Hamstring Coach ist nicht eingerichtet.",
        "exercise_needed": "Welche Übung war das?",
        "dose_needed": "Wie viele Sätze und Wiederholungen {name}?",
        "unknown_exercise": "Die Übung {name} kenne ich nicht.",
        "unknown_day": "{name} ist kein Tag von {program}. Versuch {days}.",
        "level_needed": "Wie stark ist der Muskelkater, von 0 bis 10?",
    },
}

WEEKDAYS: Final = {
    "en": (
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ),
    "de": (
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ),
}

GERMAN_NAMES: Final = {
    "conventional_deadlift": "Kreuzheben",
    "romanian_deadlift": "rumänisches Kreuzheben",
    "single_leg_romanian_deadlift": "einbeiniges rumänisches Kreuzheben",
    "hip_thrust": "Hip Thrusts",
    "glute_bridge": "Glute Bridges",
    "single_leg_glute_bridge": "einbeiniges Beckenheben",
    "bodyweight_bridge": "Beckenheben",
    "nordic_curl": "Nordic Curls",
    "eccentric_bridge": "exzentrische Brücken",
    "stability_ball_leg_curl": "Leg Curls auf dem Gymnastikball",
    "stability_ball_bridge": "Brücken auf dem Gymnastikball",
    "lying_leg_curl": "Beinbeuger liegend",
    "seated_leg_curl": "Beinbeuger sitzend",
    "good_morning": "Good Mornings",
    "kettlebell_swing": "Kettlebell Swings",
    "lunge": "Ausfallschritte",
    "step_up": "Step-ups",
    "sumo_squat_to_stand": "Sumo-Squat to Stand",
    "hamstring_stretch": "Dehnung der Oberschenkelrückseite",
    "calf_stretch": "Wadendehnung",
    "foam_rolling": "Faszienrolle",
}

ENGLISH_PLURALS: Final = {
    "sumo_squat_to_stand": "sumo squats to stand",
    "bridge_with_ball_curl": "bridges with ball curl",
    "good_morning": "good mornings",
}
ALIASES: Final = {
    "deadlift": "conventional_deadlift",
    "rdl": "romanian_deadlift",
    "single leg rdl": "single_leg_romanian_deadlift",
    "nordic": "nordic_curl",
    "nordic curl": "nordic_curl",
    "leg curl": "lying_leg_curl",
    "bridge": "glute_bridge",
}
"""Short names people say for catalog exercises (keys as `_norm` gives them)."""
PROPER_WORDS: Final = frozenset({"Romanian", "Nordic"})


def _lang(intent_obj: intent.Intent) -> str:
    """'de' for any German variant, else English."""
    return "de" if intent_obj.language.lower().startswith("de") else "en"


def _text(lang: str, key: str, **values: object) -> str:
    return TEXT[lang][key].format(**values)


def _norm(text: str) -> str:
    """Lower case, words only, a plural 's' dropped: 'Nordic curls' -> 'nordic curl'."""
    words = re.sub(r"[\W_]+", " ", text.casefold()).split()
    return " ".join(
        w[:-1] if len(w) >= MIN_STEM and w.endswith("s") else w for w in words
    )


def _join(lang: str, items: list[str]) -> str:
    if len(items) < 2:  # noqa: PLR2004
        return "".join(items)
    return f"{', '.join(items[:-1])} {_text(lang, 'and')} {items[-1]}"


def _or(lang: str, items: list[str]) -> str:
    word = "oder" if lang == "de" else "or"
    return (
        f"{', '.join(items[:-1])} {word} {items[-1]}"
        if len(items) > 1
        else "".join(items)
    )


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
    names = {_norm(state.name) for state in persons}
    if (user := await hass.auth.async_get_user(user_id)) is not None and user.name:
        names.add(_norm(user.name))
    return Speaker(frozenset(s.entity_id for s in persons), frozenset(names))


def _is_speakers(entry: HamstringCoachConfigEntry, speaker: Speaker) -> bool:
    """A linked person decides; without a link, the title names the person."""
    if (person := entry.options.get(CONF_PERSON)) is not None:
        return person in speaker.person_ids
    return _norm(entry.title) in speaker.names


def _handle_error(message: str, key: str) -> intent.IntentHandleError:
    return intent.IntentHandleError(message, response_key=key)


async def async_resolve_coordinator(
    hass: HomeAssistant, intent_obj: intent.Intent, name: str | None
) -> HamstringCoordinator:
    """The entry a request is for: by name, by speaker, or the only one; never a guess."""
    lang = _lang(intent_obj)
    entries = [
        cast("HamstringCoachConfigEntry", entry)
        for entry in hass.config_entries.async_loaded_entries(DOMAIN)
    ]
    if not entries:
        raise _handle_error(_text(lang, "none"), ERROR_NOT_SET_UP)
    titles = _or(lang, sorted(entry.title for entry in entries))
    if name is not None:
        wanted = _norm(re.sub(r"['\u2019]s\b", "", name))
        named = [entry for entry in entries if _norm(entry.title) == wanted]
        if len(named) == 1:
            return named[0].runtime_data
        raise _handle_error(
            _text(lang, "unknown", name=name, names=titles), ERROR_UNKNOWN_COACH
        )
    if (user_id := intent_obj.context.user_id) is not None:
        speaker = await _speaker(hass, user_id)
        mine = [entry for entry in entries if _is_speakers(entry, speaker)]
        if len(mine) == 1:
            return mine[0].runtime_data
    if len(entries) == 1:
        return entries[0].runtime_data
    raise _handle_error(_text(lang, "which", names=titles), ERROR_WHICH_COACH)


async def _readable(hass: HomeAssistant, err: HomeAssistantError) -> str:
    """The translated message of an error (its cache is filled on demand)."""
    if err.translation_domain is not None:
        await translation.async_get_translations(
            hass, "en", "exceptions", {err.translation_domain}
        )
    return str(err)


async def _coached[T](hass: HomeAssistant, call: Awaitable[T]) -> T:
    """Await a coordinator call; its refusals become intent errors with the reason."""
    try:
        return await call
    except HomeAssistantError as err:
        raise _handle_error(await _readable(hass, err), ERROR_INVALID) from err


# Speech ------------------------------------------------------------------


def _clock(lang: str, moment: datetime) -> str:
    if lang == "de":
        return f"{moment.hour} Uhr" if not moment.minute else f"{moment:%H:%M} Uhr"
    hour = moment.hour % 12 or 12
    suffix = "AM" if moment.hour < 12 else "PM"  # noqa: PLR2004
    return f"{hour} {suffix}" if not moment.minute else f"{hour}:{moment:%M} {suffix}"


def when_text(lang: str, moment: datetime, now: datetime) -> str:
    """'today at 6 PM', 'tomorrow at 6 PM', 'Thursday at 6 PM' in the local zone."""
    if moment <= now:
        return _text(lang, "now")
    local, today = dt_util.as_local(moment), dt_util.as_local(now).date()
    days = (local.date() - today).days
    if days == 0:
        day = _text(lang, "today")
    elif days == 1:
        day = _text(lang, "tomorrow")
    else:
        day = WEEKDAYS[lang][local.weekday()]
        if days > 6:  # noqa: PLR2004
            day += (
                f" {local.day}.{local.month}."
                if lang == "de"
                else f" {local:%B} {local.day}"
            )
    return _text(lang, "at", day=day, time=_clock(lang, local))


def _amount(lang: str, value: float) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "de" else text


def _sets(lang: str, count: int) -> str:
    return _text(lang, "set" if count == 1 else "sets", n=count)


def exercise_name(lang: str, exercise_id: str, *, plural: bool) -> str:
    """Spoken name: German from a small table, English lower case (plural on request)."""
    if lang == "de":
        return GERMAN_NAMES.get(exercise_id, EXERCISES[exercise_id].name)
    if plural and exercise_id in ENGLISH_PLURALS:
        return ENGLISH_PLURALS[exercise_id]
    words = [
        w if w in PROPER_WORDS else w.lower()
        for w in EXERCISES[exercise_id].name.split()
    ]
    if plural and not words[-1].endswith(("s", "ing", "balance")):
        words[-1] += "s"
    return " ".join(words)


def _load(dose: Dose, unit: WeightUnit) -> float | None:
    """The dose's load in the entry's unit, to the nearest half."""
    if dose.load is None:
        return None
    load = dose.load
    if dose.unit is not None and dose.unit is not unit:
        load = load * LB_PER_KG if unit is WeightUnit.LB else load / LB_PER_KG
    return round(load * 2) / 2


def dose_text(lang: str, dose: Dose, unit: WeightUnit) -> str:
    """'3 sets of 5 conventional deadlifts at 60 kg'."""
    exercise = EXERCISES[dose.prescription.exercise]
    sets = _sets(lang, dose.sets)
    if dose.seconds is not None:
        name = exercise_name(lang, exercise.id, plural=False)
        text = _text(lang, "seconds", sets=sets, name=name, seconds=dose.seconds)
    else:
        name = exercise_name(lang, exercise.id, plural=True)
        text = _text(lang, "reps", sets=sets, reps=dose.reps, name=name)
    if exercise.per_leg:
        text += _text(lang, "per_leg")
    if (load := _load(dose, unit)) is not None:
        text += _text(lang, "load", load=_amount(lang, load), unit=str(unit))
    return text


def logged_speech(
    lang: str, outcome: LogOutcome, snapshot: CoachSnapshot, day: ProgramDay | None
) -> str:
    """'Logged Day 1 Strength: 11 sets. Next session Thursday at 6 PM — rest until then.'."""
    what = day.name if day is not None else _text(lang, "session")
    speech = _text(
        lang, "logged", what=what, sets=_sets(lang, outcome.session.working_sets)
    )
    when = when_text(lang, snapshot.next_session, snapshot.now)
    speech += _text(lang, "next", when=when)
    speech += _text(lang, "rest") if snapshot.rest_required else "."
    if outcome.records:
        speech += _text(lang, "record")
    return speech


def next_speech(lang: str, snapshot: CoachSnapshot) -> str:
    """'Next session: Day 2 Control, Thursday at 6 PM.' (+ rest window)."""
    day = snapshot.next_workout.day.name
    if snapshot.session_due:
        return _text(lang, "due_now", day=day)
    when = when_text(lang, snapshot.next_session, snapshot.now)
    speech = _text(lang, "next_session", day=day, when=when)
    if snapshot.rest_until is not None and snapshot.rest_required:
        rest = when_text(lang, snapshot.rest_until, snapshot.now)
        speech += _text(lang, "rest_until", when=rest)
    return speech


def progress_speech(lang: str, snapshot: CoachSnapshot) -> str:
    """'1 of 2 sessions and 11 of 12 sets this week.'."""
    speech = _text(
        lang,
        "progress",
        s=snapshot.weekly_sessions,
        st=snapshot.sessions_target,
        w=snapshot.weekly_sets,
        wt=snapshot.sets_target,
    )
    if snapshot.weekly_goal_met:
        speech += _text(lang, "goal_met")
    if snapshot.streak_weeks:
        speech += _text(lang, "streak", n=snapshot.streak_weeks)
    return speech


def workout_speech(lang: str, snapshot: CoachSnapshot, unit: WeightUnit) -> str:
    """The day and its first working exercises: 'Today at 6 PM, Day 1 Strength: ...'."""
    workout = snapshot.next_workout
    doses = [d for d in workout.doses if EXERCISES[d.prescription.exercise].working]
    items = [dose_text(lang, d, unit) for d in (doses or list(workout.doses))]
    when = when_text(lang, snapshot.next_session, snapshot.now)
    speech = _text(
        lang,
        "workout",
        when=when[:1].upper() + when[1:],
        day=workout.day.name,
        items=_join(lang, items[:MAX_READ_OUT]),
    )
    return (_text(lang, "recovery") if workout.recovery else "") + speech


def soreness_speech(lang: str, snapshot: CoachSnapshot, level: int, pain: bool) -> str:
    """'Noted soreness 6 of 10.' and the next session."""
    speech = _text(lang, "pain" if pain else "soreness", level=level)
    return f"{speech} {next_speech(lang, snapshot)}"


# Slots to a session -------------------------------------------------------


def find_exercise(text: str) -> str | None:
    """A catalog id from an id, an English or a German name ('Nordic curls')."""
    if text in EXERCISES:
        return text
    wanted = _norm(text)
    if wanted in ALIASES:
        return ALIASES[wanted]
    for exercise in EXERCISES.values():
        if wanted in (_norm(exercise.id), _norm(exercise.name)):
            return exercise.id
    return next((i for i, n in GERMAN_NAMES.items() if _norm(n) == wanted), None)


def find_day(program: Program, text: str) -> ProgramDay | None:
    """A day of a program by id, name, number ('2') or unique keyword."""
    days = program.days
    wanted = _norm(text)
    for day in days:
        if text == day.id or wanted in (_norm(day.id), _norm(day.name)):
            return day
    if wanted.isdigit() and 1 <= int(wanted) <= len(days):
        return days[int(wanted) - 1]
    found = [day for day in days if wanted in _norm(day.name)]
    return found[0] if len(found) == 1 else None


def _exercise_log(
    lang: str, coordinator: HamstringCoordinator, slots: dict[str, Any]
) -> ExerciseLog:
    """One exercise from the slots; what was not said comes from today's dose."""
    exercise_id = find_exercise(slots["exercise"])
    if exercise_id is None:
        raise _handle_error(
            _text(lang, "unknown_exercise", name=slots["exercise"]), ERROR_INVALID
        )
    dose = coordinator.current().next_workout.dose(exercise_id)
    sets = slots.get("sets") or (dose.sets if dose else None)
    seconds_measure = EXERCISES[exercise_id].measure is Measure.SECONDS
    key = "seconds" if seconds_measure else "reps"
    amount = slots.get(key) or (getattr(dose, key) if dose else None)
    if sets is None or amount is None:
        name = exercise_name(lang, exercise_id, plural=True)
        raise _handle_error(_text(lang, "dose_needed", name=name), ERROR_INVALID)
    unit = coordinator.settings.weight_unit
    load = slots.get("load")
    if load is None and dose is not None and dose.load is not None:
        load = _load(dose, unit)
    return ExerciseLog(
        exercise=exercise_id,
        sets=sets,
        reps=None if seconds_measure else amount,
        seconds=amount if seconds_measure else None,
        load=load,
        unit=unit if load is not None else None,
    )


def session_input(
    lang: str, coordinator: HamstringCoordinator, slots: dict[str, Any]
) -> tuple[SessionInput, ProgramDay | None]:
    """The reported session and its program day (None for a lone exercise)."""
    day: ProgramDay | None = None
    if (day_text := slots.get("program_day")) is not None:
        day = find_day(coordinator.program, day_text)
        if day is None:
            raise _handle_error(
                _text(
                    lang,
                    "unknown_day",
                    name=day_text,
                    program=coordinator.program.name,
                    days=_or(lang, [d.name for d in coordinator.program.days]),
                ),
                ERROR_INVALID,
            )
    exercises: list[ExerciseLog] | None = None
    if "exercise" in slots:
        exercises = [_exercise_log(lang, coordinator, slots)]
    elif any(key in slots for key in ("sets", "reps", "seconds", "load")):
        raise _handle_error(_text(lang, "exercise_needed"), ERROR_INVALID)
    elif day is None:
        day = coordinator.current().next_workout.day
    data = SessionInput(
        performed_at=dt_util.utcnow(),
        program_day=None if day is None else day.id,
        exercises=exercises,
        rpe=slots.get("rpe"),
        soreness=slots.get("soreness"),
        pain=slots.get("pain"),
        source="voice",
    )
    return data, day


# Handlers -------------------------------------------------------------------


class CoachIntentHandler(intent.IntentHandler):
    """Resolves the entry and answers with plain speech; subclasses say what."""

    platforms = None  # every platform: the Assist API filters on entity domains

    def __init__(
        self,
        intent_type: str,
        description: str,
        slots: dict[vol.Marker, Any],
        answer: Callable[[str, HamstringCoordinator, dict[str, Any]], Awaitable[str]],
    ) -> None:
        """Keep the type, the LLM description, the slot schema and the answer."""
        self.intent_type = intent_type
        self.description = description
        self._slots = slots
        self._answer = answer

    @property
    def slot_schema(self) -> dict[vol.Marker, Any]:
        """The typed slots, also the LLM tool's parameters."""
        return self._slots

    async def async_handle(self, intent_obj: intent.Intent) -> intent.IntentResponse:
        """Validate the slots, find the person and speak the answer."""
        hass = intent_obj.hass
        slots = {
            key: slot["value"]
            for key, slot in self.async_validate_slots(intent_obj.slots).items()
            if isinstance(slot, dict) and slot.get("value") is not None
        }
        coordinator = await async_resolve_coordinator(
            hass, intent_obj, slots.get("name")
        )
        speech = await self._answer(_lang(intent_obj), coordinator, slots)
        response = intent_obj.create_response()
        response.async_set_speech(speech)
        return response


async def _log_session(
    lang: str, coordinator: HamstringCoordinator, slots: dict[str, Any]
) -> str:
    data, day = session_input(lang, coordinator, slots)
    outcome = await _coached(coordinator.hass, coordinator.async_log_session(data))
    return logged_speech(lang, outcome, coordinator.current(), day)


async def _next_session(
    lang: str, coordinator: HamstringCoordinator, _slots: dict[str, Any]
) -> str:
    return next_speech(lang, coordinator.current())


async def _weekly_progress(
    lang: str, coordinator: HamstringCoordinator, _slots: dict[str, Any]
) -> str:
    return progress_speech(lang, coordinator.current())


async def _report_soreness(
    lang: str, coordinator: HamstringCoordinator, slots: dict[str, Any]
) -> str:
    pain = bool(slots.get("pain", False))
    level = slots.get("level")
    if level is None:
        raise _handle_error(_text(lang, "level_needed"), ERROR_INVALID)
    await _coached(coordinator.hass, coordinator.async_report_soreness(level, pain))
    return soreness_speech(lang, coordinator.current(), level, pain)


async def _what_to_do(
    lang: str, coordinator: HamstringCoordinator, _slots: dict[str, Any]
) -> str:
    snapshot = coordinator.current()
    return workout_speech(lang, snapshot, coordinator.settings.weight_unit)


HANDLERS: Final = (
    (
        INTENT_LOG_SESSION,
        "Logs a hamstring training session in Hamstring Coach, done just now. "
        "Without slots it logs the next planned workout as prescribed; give "
        "program_day for another day, or exercise with sets, reps and load for a "
        "single exercise. Answers with the working sets and the next session.",
        LOG_SLOTS,
        _log_session,
    ),
    (
        INTENT_NEXT_SESSION,
        "Tells when the next hamstring session is due (day and time) and "
        "whether to rest until then, from Hamstring Coach.",
        NAME_SLOT,
        _next_session,
    ),
    (
        INTENT_WEEKLY_PROGRESS,
        "Tells this week's hamstring progress from Hamstring Coach: sessions "
        "and working sets done against the weekly targets.",
        NAME_SLOT,
        _weekly_progress,
    ),
    (
        INTENT_REPORT_SORENESS,
        "Records how sore (0-10) or painful the hamstrings are in Hamstring "
        "Coach; high soreness or pain switches the plan to recovery.",
        SORENESS_SLOTS,
        _report_soreness,
    ),
    (
        INTENT_WHAT_TO_DO,
        "Reads out the next hamstring workout from Hamstring Coach: when, "
        "the program day and its first exercises with sets, reps and load.",
        NAME_SLOT,
        _what_to_do,
    ),
)


async def async_setup_intents(hass: HomeAssistant) -> None:
    """Register the intents; the `intent` integration calls this for our platform."""
    for intent_type, description, slots, answer in HANDLERS:
        intent.async_register(
            hass, CoachIntentHandler(intent_type, description, slots, answer)
        )
