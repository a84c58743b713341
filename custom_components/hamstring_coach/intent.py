"""Assist intents: log a session, next session, weekly progress, soreness, workout.

Registered once by `async_setup_intents`. Each handler finds the person's
entry (`voice.async_resolve_coordinator`), calls the coordinator (no business
logic here) and answers with one short sentence from `speech`, in the
request's language (English when it has no phrase file). The built-in agent
reaches them through the shipped custom sentences (see sentences.py). LLM agents get them as tools (the descriptions and typed
slot schemas below): on Home Assistant before 2026.10 from the Assist API's
list of registered intents, since then from this integration's `llm`
platform (llm.py). Either way a request runs only when the person's coach is
exposed to the assistant (exposure.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Final

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import intent, translation
import voluptuous as vol

from .action_support import number_slot, whole_slot
from .coordinator import HamstringCoordinator
from .exposure import ENTITY_DOMAINS, entry_exposed
from .speech import (
    View,
    deleted_speech,
    dose_text,
    exercise_name,
    language,
    logged_speech,
    next_speech,
    progress_speech,
    soreness_speech,
    text,
    when_text,
    workout_speech,
)
from .voice import (
    ERROR_INVALID,
    ERROR_NOT_EXPOSED,
    ERROR_NOT_SET_UP,
    ERROR_UNKNOWN_COACH,
    ERROR_WHICH_COACH,
    SAID_DAY,
    Refusal,
    async_resolve_coordinator,
    find_day,
    find_exercise,
    handle_error,
    session_input,
)

INTENT_LOG_SESSION: Final = "HamstringLogSession"
INTENT_NEXT_SESSION: Final = "HamstringNextSession"
INTENT_WEEKLY_PROGRESS: Final = "HamstringWeeklyProgress"
INTENT_REPORT_SORENESS: Final = "HamstringReportSoreness"
INTENT_WHAT_TO_DO: Final = "HamstringWhatToDo"
INTENT_UNDO: Final = "HamstringUndoSession"


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
    vol.Optional("sets", description="Sets of the exercise"): whole_slot(1, 20),
    vol.Optional("reps", description="Repetitions per set"): whole_slot(1, 100),
    vol.Optional("seconds", description="Seconds per set (holds)"): whole_slot(1, 3600),
    vol.Optional("load", description="Load in the coach's weight unit"): number_slot(
        0, 1000
    ),
    vol.Optional("rpe", description="Effort 1-10 (RPE)"): number_slot(1, 10),
    vol.Optional("soreness", description="Hamstring soreness 0-10"): whole_slot(0, 10),
    vol.Optional("pain", description="Whether it hurt"): bool,
}

SORENESS_SLOTS: dict[vol.Marker, Any] = {
    **NAME_SLOT,
    vol.Optional(
        "level", description="Hamstring soreness or tightness 0-10"
    ): whole_slot(0, 10),
    vol.Optional("pain", description="Whether the hamstrings hurt"): bool,
}


async def _readable(hass: HomeAssistant, err: HomeAssistantError) -> str:
    """The translated message of an error (its cache is filled on demand)."""
    if err.translation_domain is not None:
        await translation.async_get_translations(
            hass, "en", "exceptions", {err.translation_domain}
        )
    return str(err)


async def _coached[T](hass: HomeAssistant, call: Awaitable[T]) -> T:
    """Await a coordinator call; its refusals become spoken answers with the reason.

    A refused input (`ServiceValidationError`) is answered; any other failure
    (a write that failed) stays an intent error, which Home Assistant logs.
    """
    try:
        return await call
    except ServiceValidationError as err:
        raise handle_error(await _readable(hass, err), ERROR_INVALID) from err
    except HomeAssistantError as err:
        raise intent.IntentHandleError(await _readable(hass, err)) from err


_TARGET_KEYS: Final = frozenset(
    {ERROR_WHICH_COACH, ERROR_UNKNOWN_COACH, ERROR_NOT_SET_UP}
)


def _refused(response: intent.IntentResponse, refusal: Refusal) -> None:
    """A question back or a refusal: spoken, not raised, so nothing is logged."""
    code = (
        intent.IntentResponseErrorCode.NO_VALID_TARGETS
        if refusal.key in _TARGET_KEYS
        else intent.IntentResponseErrorCode.FAILED_TO_HANDLE
    )
    response.async_set_error(code, refusal.speech)


class CoachIntentHandler(intent.IntentHandler):
    """Resolves the entry and answers with plain speech; subclasses say what."""

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
        # Before 2026.10 the Assist API offers an intent to LLM agents only when
        # an entity of one of these domains is exposed; async_handle then checks
        # the person's own coach.
        self.platforms = set(ENTITY_DOMAINS)
        self._slots = slots
        self._answer = answer

    @property
    def slot_schema(self) -> dict[vol.Marker, Any]:
        """The typed slots, also the LLM tool's parameters."""
        return self._slots

    async def async_handle(self, intent_obj: intent.Intent) -> intent.IntentResponse:
        """Validate the slots, find the person and speak the answer."""
        hass = intent_obj.hass
        validated = self.async_validate_slots(intent_obj.slots)
        slots = {
            key: slot["value"]
            for key, slot in validated.items()
            if isinstance(slot, dict) and slot.get("value") is not None
        }
        # The words said for a day ("le jour jambes 1"), to name it in a refusal.
        if isinstance(said := validated.get("program_day", {}).get("text"), str):
            slots[SAID_DAY] = said
        response = intent_obj.create_response()
        try:
            coordinator = await async_resolve_coordinator(
                hass, intent_obj, slots.get("name")
            )
            lang = language(intent_obj.language)
            entry = coordinator.config_entry
            if intent_obj.assistant is not None and not entry_exposed(
                hass, entry, intent_obj.assistant
            ):
                raise handle_error(
                    text(lang, "not_exposed", name=entry.title), ERROR_NOT_EXPOSED
                )
            response.async_set_speech(await self._answer(lang, coordinator, slots))
        except Refusal as refusal:
            _refused(response, refusal)
        return response


async def _log_session(
    lang: str, coordinator: HamstringCoordinator, slots: dict[str, Any]
) -> str:
    data = session_input(lang, coordinator, slots)
    outcome = await _coached(coordinator.hass, coordinator.async_log_session(data))
    day = coordinator.program.day(outcome.session.program_day or "")
    return logged_speech(lang, outcome, _view(coordinator), day)


def _view(coordinator: HamstringCoordinator) -> View:
    """The snapshot at this instant, today and the next hard session."""
    snapshot = coordinator.current()
    return View(snapshot, coordinator.outlook(snapshot))


async def _next_session(
    lang: str, coordinator: HamstringCoordinator, _slots: dict[str, Any]
) -> str:
    return next_speech(lang, _view(coordinator))


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
        raise handle_error(text(lang, "level_needed"), ERROR_INVALID)
    await _coached(coordinator.hass, coordinator.async_report_soreness(level, pain))
    return soreness_speech(lang, _view(coordinator), level, pain)


async def _what_to_do(
    lang: str, coordinator: HamstringCoordinator, _slots: dict[str, Any]
) -> str:
    return workout_speech(lang, _view(coordinator), coordinator.settings.weight_unit)


async def _undo(
    lang: str, coordinator: HamstringCoordinator, _slots: dict[str, Any]
) -> str:
    last = coordinator.log.last
    if last is None:
        raise handle_error(text(lang, "nothing_to_delete"), ERROR_INVALID)
    removed = await _coached(
        coordinator.hass, coordinator.async_delete_session(last.id)
    )
    day = coordinator.program.day(removed.program_day or "")
    return deleted_speech(lang, removed, day, coordinator.current().now)


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
    (
        INTENT_UNDO,
        "Deletes the latest logged hamstring session in Hamstring Coach, for "
        "a session logged by mistake. Answers with what was deleted.",
        NAME_SLOT,
        _undo,
    ),
)


async def async_setup_intents(hass: HomeAssistant) -> None:
    """Register the intents; the `intent` integration calls this for our platform."""
    for intent_type, description, slots, answer in HANDLERS:
        intent.async_register(
            hass, CoachIntentHandler(intent_type, description, slots, answer)
        )


__all__ = [
    "ERROR_INVALID",
    "ERROR_NOT_SET_UP",
    "ERROR_UNKNOWN_COACH",
    "ERROR_WHICH_COACH",
    "HANDLERS",
    "INTENT_LOG_SESSION",
    "INTENT_NEXT_SESSION",
    "INTENT_REPORT_SORENESS",
    "INTENT_UNDO",
    "INTENT_WEEKLY_PROGRESS",
    "INTENT_WHAT_TO_DO",
    "CoachIntentHandler",
    "async_resolve_coordinator",
    "async_setup_intents",
    "dose_text",
    "exercise_name",
    "find_day",
    "find_exercise",
    "session_input",
    "when_text",
]
