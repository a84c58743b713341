"""The words of produced texts in Home Assistant's language.

Exercise names, prescription notes, progression reasons and dose patterns are
translations of this integration (`selector.exercise`, `selector.exercise_note`,
`selector.progression`, `selector.dose`); program-day names are the state
translations of the `next_workout` sensor. `Texts` hands them to the core's
`Wording`, which falls back to English for a missing key. Home Assistant keeps
the loaded translations cached per language; when its language changes the
new ones are loaded and every entity of the entry writes its state again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import translation

from .const import DOMAIN
from .coordinator import HamstringCoachConfigEntry
from .core.models import Program
from .core.present import day_name, exercise_name, program_name
from .core.programs import PROGRAMS

_SELECTOR = f"component.{DOMAIN}.selector."
_DAY = f"component.{DOMAIN}.entity.sensor.next_workout.state."
_DAYS = {day.id: day for program in PROGRAMS.values() for day in program.days}


@dataclass(frozen=True, slots=True)
class Texts:
    """One language's words, as flat translation keys (a core `Wording`)."""

    words: Mapping[str, str]

    def word(self, group: str, key: str, english: str) -> str:
        """The translation of `group`/`key`, else the English given."""
        if group == "day":
            return self.words.get(f"{_DAY}{key}", english)
        return self.words.get(f"{_SELECTOR}{group}.options.{key}", english)


def _texts(entity: Mapping[str, str], selector: Mapping[str, str]) -> Texts:
    return Texts({**entity, **selector})


async def async_texts(hass: HomeAssistant, language: str | None = None) -> Texts:
    """The words in `language` (default: Home Assistant's), loading them if needed.

    Voice answers pass the conversation's language.
    """
    language = language or hass.config.language
    entity = await translation.async_get_translations(
        hass, language, "entity", {DOMAIN}
    )
    selector = await translation.async_get_translations(
        hass, language, "selector", {DOMAIN}
    )
    return _texts(entity, selector)


@callback
def cached_texts(hass: HomeAssistant) -> Texts:
    """The words already loaded for Home Assistant's language (entity states)."""
    language = hass.config.language
    return _texts(
        translation.async_get_cached_translations(hass, language, "entity", DOMAIN),
        translation.async_get_cached_translations(hass, language, "selector", DOMAIN),
    )


@callback
def name_of_day(hass: HomeAssistant, day_id: str) -> str:
    """A program day's name; the id for a day no program has."""
    day = _DAYS.get(day_id)
    return day_id if day is None else day_name(day, cached_texts(hass))


@callback
def name_of_exercise(hass: HomeAssistant, exercise_id: str) -> str:
    """An exercise's name; the id for one outside the catalog."""
    return exercise_name(exercise_id, cached_texts(hass))


@callback
def name_of_program(hass: HomeAssistant, program: Program) -> str:
    """A program's name (the flows' program options)."""
    return program_name(program, cached_texts(hass))


async def async_follow_language(
    hass: HomeAssistant, entry: HamstringCoachConfigEntry
) -> None:
    """Load the words now and again when the language changes; entities follow."""
    await async_texts(hass)

    async def _on_config(event: Event[Any]) -> None:
        if "language" not in event.data:
            return
        await async_texts(hass)
        entry.runtime_data.async_update_listeners()

    entry.async_on_unload(hass.bus.async_listen(EVENT_CORE_CONFIG_UPDATE, _on_config))
