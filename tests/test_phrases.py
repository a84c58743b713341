"""The spoken answers' data: one complete `phrases/<lang>.json` per language."""

from __future__ import annotations

from string import Formatter

import pytest

from custom_components.hamstring_coach.core.catalog import EXERCISES
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.sentences import shipped_languages
from custom_components.hamstring_coach.speech import (
    DEFAULT_LANGUAGE,
    PHRASES,
    language,
    norm,
)

OTHERS = sorted(lang for lang in PHRASES if lang != DEFAULT_LANGUAGE)
DAY_IDS = {day.id for program in PROGRAMS.values() for day in program.days}


def fields(pattern: str) -> set[str]:
    """The placeholders of a text: '{n} sets' -> {'n'}."""
    return {name for _, name, _, _ in Formatter().parse(pattern) if name}


def test_every_sentence_language_answers_in_its_own() -> None:
    """Each shipped sentence file has a phrase file, and the other way round."""
    assert sorted(PHRASES) == shipped_languages() == ["de", "en", "es", "fr", "nl"]
    assert language("fr-CA") == "fr"
    assert language("pt-BR") == DEFAULT_LANGUAGE


@pytest.mark.parametrize("lang", OTHERS)
def test_texts_have_the_english_keys_and_placeholders(lang: str) -> None:
    """No text is missing, none has a placeholder English does not fill."""
    english, texts = PHRASES[DEFAULT_LANGUAGE].texts, PHRASES[lang].texts
    assert set(texts) == set(english)
    assert {key: fields(texts[key]) for key in texts} == {
        key: fields(english[key]) for key in english
    }


@pytest.mark.parametrize("lang", sorted(PHRASES))
def test_calendar_words_and_formats(lang: str) -> None:
    """Seven weekdays, twelve months; the formats take only their placeholders."""
    phrases = PHRASES[lang]
    assert len(phrases.weekdays) == 7
    assert len(phrases.months) == 12
    formats = phrases.formats
    assert fields(formats.hour) <= {"h", "hh", "h12", "ampm"}
    assert fields(formats.hour_minutes) <= {"h", "hh", "h12", "mm", "ampm"}
    assert "mm" in fields(formats.hour_minutes)
    assert fields(formats.date) <= {"weekday", "day", "month", "month_number"}
    assert {"day"} <= fields(formats.date)
    assert len(formats.decimal_point) == 1


@pytest.mark.parametrize("lang", OTHERS)
def test_every_name_is_translated(lang: str) -> None:
    """Every program, program day and catalog exercise has a name in the language."""
    phrases = PHRASES[lang]
    assert set(phrases.program_names) == set(PROGRAMS)
    assert set(phrases.day_names) == DAY_IDS
    assert set(phrases.exercise_names) == set(EXERCISES)
    assert set(phrases.plurals) <= set(EXERCISES)


def test_english_names_come_from_the_programs() -> None:
    """English says the programs' own names; its tables only hold exceptions."""
    english = PHRASES[DEFAULT_LANGUAGE]
    assert english.day_names == {}
    assert english.program_names == {}
    assert set(english.plurals) <= set(EXERCISES)


def test_names_point_to_one_exercise_in_every_language() -> None:
    """A spoken name or alias never means two exercises (voice looks in all files)."""
    meaning: dict[str, str] = {}
    for phrases in PHRASES.values():
        named = [
            *phrases.exercise_names.items(),
            *phrases.plurals.items(),
            *((target, alias) for alias, target in phrases.aliases.items()),
        ]
        for exercise_id, name in named:
            assert meaning.setdefault(norm(name), exercise_id) == exercise_id, name
    for phrases in PHRASES.values():
        assert all(alias == norm(alias) for alias in phrases.aliases)
        assert set(phrases.aliases.values()) <= set(EXERCISES)
