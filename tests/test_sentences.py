"""The shipped Assist sentences: parsed and matched with hassil, and installed."""

from __future__ import annotations

from pathlib import Path
import re
from typing import Any

from hassil import Intents, recognize
from home_assistant_intents import get_intents  # type: ignore[import-untyped]
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import Unauthorized
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser
import yaml  # type: ignore[import-untyped]

from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.core.catalog import EXERCISES
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.intent import (
    ERROR_INVALID,
    ERROR_NOT_EXPOSED,
    ERROR_NOT_SET_UP,
    ERROR_UNKNOWN_COACH,
    ERROR_WHICH_COACH,
    HANDLERS,
    find_day,
)
from custom_components.hamstring_coach.sentences import (
    MARKER,
    SERVICE_INSTALL_SENTENCES,
    async_install_sentences,
    async_setup_sentences_action,
    installed_text,
    shipped_languages,
    source_file,
)

REPO = Path(__file__).parent.parent
LANGUAGES = ("de", "en", "es", "fr", "nl")
INTENT_TYPES = {intent_type for intent_type, *_ in HANDLERS}

EXAMPLES: dict[str, list[tuple[str, str, dict[str, Any]]]] = {
    "en": [
        ("I just did my hamstring workout", "HamstringLogSession", {}),
        (
            "I finished my hamstring session for Sam",
            "HamstringLogSession",
            {"name": "Sam"},
        ),
        ("log my hamstring training", "HamstringLogSession", {}),
        ("log day 2 control", "HamstringLogSession", {"program_day": "2"}),
        ("I just did the light day", "HamstringLogSession", {"program_day": "light"}),
        (
            "I did 3 sets of 6 deadlifts at 60 kilos",
            "HamstringLogSession",
            {"sets": 3, "reps": 6, "exercise": "conventional_deadlift", "load": 60},
        ),
        (
            "log 3 sets of nordic curls",
            "HamstringLogSession",
            {"sets": 3, "exercise": "nordic_curl"},
        ),
        (
            "I did 2 sets of 10 single-leg RDLs",
            "HamstringLogSession",
            {"sets": 2, "reps": 10, "exercise": "single_leg_romanian_deadlift"},
        ),
        (
            "I just did my hamstring workout at an RPE of 7.5",
            "HamstringLogSession",
            {"rpe": 7.5},
        ),
        (
            "I did my hamstring workout but it hurt",
            "HamstringLogSession",
            {"pain": True},
        ),
        ("when is my next hamstring session", "HamstringNextSession", {}),
        (
            "when's my next hamstring workout for Alex",
            "HamstringNextSession",
            {"name": "Alex"},
        ),
        ("when can I train my hamstrings again", "HamstringNextSession", {}),
        ("how's my hamstring week going", "HamstringWeeklyProgress", {}),
        (
            "how many hamstring sets have I done this week",
            "HamstringWeeklyProgress",
            {},
        ),
        ("am I on track with my hamstrings this week", "HamstringWeeklyProgress", {}),
        (
            "my hamstring soreness is 6 out of 10",
            "HamstringReportSoreness",
            {"level": 6},
        ),
        ("my hamstrings are very sore", "HamstringReportSoreness", {"level": 8}),
        ("my hamstrings hurt", "HamstringReportSoreness", {"level": 5, "pain": True}),
        ("what's my hamstring workout today", "HamstringWhatToDo", {}),
        ("what should I do for my hamstrings today", "HamstringWhatToDo", {}),
        ("read me my hamstring workout", "HamstringWhatToDo", {}),
        ("delete my last hamstring session", "HamstringUndoSession", {}),
    ],
    "de": [
        ("Ich habe gerade mein Hamstring-Training gemacht", "HamstringLogSession", {}),
        (
            "ich habe mein Beinbeugertraining beendet für Sam",
            "HamstringLogSession",
            {"name": "Sam"},
        ),
        ("Hamstring Training eintragen", "HamstringLogSession", {}),
        ("Tag 1 eintragen", "HamstringLogSession", {"program_day": "1"}),
        (
            "ich habe den Kontrolltag gemacht",
            "HamstringLogSession",
            {"program_day": "control"},
        ),
        (
            "ich habe 3 Sätze à 5 Kreuzheben mit 60 Kilo gemacht",
            "HamstringLogSession",
            {"sets": 3, "reps": 5, "exercise": "conventional_deadlift", "load": 60},
        ),
        (
            "ich habe drei Sätze Nordic Curls gemacht",
            "HamstringLogSession",
            {"sets": 3, "exercise": "nordic_curl"},
        ),
        (
            "ich habe mein Hamstring-Training mit RPE 7,5 gemacht",
            "HamstringLogSession",
            {"rpe": 7.5},
        ),
        (
            "ich habe mein Hamstring-Training mit Schmerzen gemacht",
            "HamstringLogSession",
            {"pain": True},
        ),
        ("wann ist mein nächstes Hamstring-Training", "HamstringNextSession", {}),
        ("wann kann ich wieder Beinbeuger trainieren", "HamstringNextSession", {}),
        (
            "wie läuft mein Hamstring-Training diese Woche",
            "HamstringWeeklyProgress",
            {},
        ),
        (
            "wie viele Hamstring-Sätze habe ich diese Woche geschafft",
            "HamstringWeeklyProgress",
            {},
        ),
        (
            "ich habe starken Muskelkater in den Beinbeugern",
            "HamstringReportSoreness",
            {"level": 8},
        ),
        (
            "Muskelkater in den Hamstrings ist 6 von 10",
            "HamstringReportSoreness",
            {"level": 6},
        ),
        (
            "meine Hamstrings tun weh",
            "HamstringReportSoreness",
            {"level": 5, "pain": True},
        ),
        ("was steht heute beim Hamstring-Training an", "HamstringWhatToDo", {}),
        ("lies mir mein Hamstring-Training vor", "HamstringWhatToDo", {}),
        ("was mache ich heute für meine Beinbeuger", "HamstringWhatToDo", {}),
        ("lösche meine letzte Hamstring-Einheit", "HamstringUndoSession", {}),
    ],
    "nl": [
        ("ik heb mijn hamstringtraining gedaan", "HamstringLogSession", {}),
        (
            "ik heb 3 series van 8 nordic curls gedaan",
            "HamstringLogSession",
            {"sets": 3, "reps": 8, "exercise": "nordic_curl"},
        ),
        ("noteer dag 2", "HamstringLogSession", {"program_day": "2"}),
        ("wanneer is mijn volgende hamstringtraining", "HamstringNextSession", {}),
        ("hoe gaat mijn hamstringtraining deze week", "HamstringWeeklyProgress", {}),
        (
            "mijn hamstrings zijn stijf, 7 van de 10",
            "HamstringReportSoreness",
            {"level": 7},
        ),
        (
            "mijn hamstrings doen pijn",
            "HamstringReportSoreness",
            {"level": 5, "pain": True},
        ),
        ("wat moet ik vandaag doen voor mijn hamstrings", "HamstringWhatToDo", {}),
        ("lees mijn hamstringtraining voor", "HamstringWhatToDo", {}),
        ("verwijder mijn laatste hamstringtraining", "HamstringUndoSession", {}),
    ],
    "fr": [
        ("j'ai fait ma séance d'ischios", "HamstringLogSession", {}),
        (
            "j'ai fait 3 séries de 8 curls nordiques",
            "HamstringLogSession",
            {"sets": 3, "reps": 8, "exercise": "nordic_curl"},
        ),
        ("enregistre le jour 2", "HamstringLogSession", {"program_day": "2"}),
        ("quand est ma prochaine séance d'ischios", "HamstringNextSession", {}),
        ("où en suis-je avec mes ischios", "HamstringWeeklyProgress", {}),
        (
            "mes ischios sont courbaturés, 7 sur 10",
            "HamstringReportSoreness",
            {"level": 7},
        ),
        (
            "j'ai mal aux ischios",
            "HamstringReportSoreness",
            {"level": 5, "pain": True},
        ),
        ("qu'est-ce que je fais aujourd'hui pour mes ischios", "HamstringWhatToDo", {}),
        ("lis-moi ma séance d'ischios", "HamstringWhatToDo", {}),
        ("supprime ma dernière séance d'ischios", "HamstringUndoSession", {}),
    ],
    "es": [
        ("he hecho mi entrenamiento de isquiotibiales", "HamstringLogSession", {}),
        (
            "he hecho 3 series de 8 curls nórdicos",
            "HamstringLogSession",
            {"sets": 3, "reps": 8, "exercise": "nordic_curl"},
        ),
        ("registra el día 2", "HamstringLogSession", {"program_day": "2"}),
        ("cuándo es mi próximo entrenamiento de isquios", "HamstringNextSession", {}),
        ("cómo voy con los isquios esta semana", "HamstringWeeklyProgress", {}),
        (
            "tengo agujetas en los isquios, un 8",
            "HamstringReportSoreness",
            {"level": 8},
        ),
        (
            "me duelen los isquios",
            "HamstringReportSoreness",
            {"level": 5, "pain": True},
        ),
        ("qué me toca hoy de isquios", "HamstringWhatToDo", {}),
        ("léeme mi rutina de isquios", "HamstringWhatToDo", {}),
        ("borra mi última sesión de isquios", "HamstringUndoSession", {}),
    ],
}

NOT_OURS = {
    "en": ["turn on the kitchen light", "what time is it", "I did my homework"],
    "de": ["schalte das Licht in der Küche ein", "wie spät ist es", "ich habe gekocht"],
    "nl": ["zet het licht in de keuken aan", "hoe laat is het", "ik heb gekookt"],
    "fr": ["allume la lumière de la cuisine", "quelle heure est-il", "j'ai fini"],
    "es": ["enciende la luz de la cocina", "qué hora es", "he hecho la cena"],
}


def shipped(lang: str) -> Intents:
    """The package's sentence file for a language, parsed by hassil."""
    with source_file(lang).open(encoding="utf-8") as file:
        return Intents.from_yaml(file)


def raw(lang: str) -> dict[str, Any]:
    """The sentence file as plain YAML."""
    return dict(yaml.safe_load(source_file(lang).read_text("utf-8")))


def test_languages_shipped() -> None:
    """Five languages ship, and the repository copies are the same bytes."""
    assert shipped_languages() == list(LANGUAGES)
    for lang in LANGUAGES:
        copy = REPO / "custom_sentences" / lang / f"{DOMAIN}.yaml"
        assert copy.read_bytes() == source_file(lang).read_bytes()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_file_covers_every_intent(lang: str) -> None:
    """Each file declares its language, every intent and every error response."""
    data = raw(lang)
    assert data["language"] == lang
    assert set(data["intents"]) == INTENT_TYPES
    assert set(data["responses"]["errors"]) == {
        ERROR_WHICH_COACH,
        ERROR_UNKNOWN_COACH,
        ERROR_NOT_SET_UP,
        ERROR_INVALID,
        ERROR_NOT_EXPOSED,
    }
    assert len(EXAMPLES[lang]) >= 10
    assert {intent_type for _, intent_type, _ in EXAMPLES[lang]} == INTENT_TYPES


@pytest.mark.parametrize(
    ("lang", "text", "intent_type", "slots"),
    [
        pytest.param(lang, text, intent_type, slots, id=f"{lang}: {text}")
        for lang, examples in EXAMPLES.items()
        for text, intent_type, slots in examples
    ],
)
def test_examples_match(
    lang: str, text: str, intent_type: str, slots: dict[str, Any]
) -> None:
    """Example utterances reach the right intent with the right slot values."""
    result = recognize(text, shipped(lang))
    assert result is not None, text
    assert result.intent.name == intent_type
    assert {e.name: e.value for e in result.entities_list} == slots


@pytest.mark.parametrize("lang", LANGUAGES)
def test_other_sentences_are_left_alone(lang: str) -> None:
    """Everyday commands do not match our intents."""
    intents = shipped(lang)
    for text in NOT_OURS[lang]:
        assert recognize(text, intents) is None, text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_list_values_are_known(lang: str) -> None:
    """Exercise values are catalog ids; day values resolve in a program that has them."""
    lists = raw(lang)["lists"]
    for value in lists["hc_exercise"]["values"]:
        assert value["out"] in EXERCISES
    programs = [PROGRAMS[p] for p in ("strength_2day", "beginner_gym", "home_bands")]
    for value in lists["hc_day"]["values"]:
        assert any(
            find_day(program, value["out"]) is not None for program in programs
        ), value["out"]


async def test_install_then_unchanged(hass: HomeAssistant, tmp_path: Path) -> None:
    """A fresh install writes every language once, with the hash marker."""
    hass.config.config_dir = str(tmp_path)
    assert await async_install_sentences(hass) == {
        "installed": list(LANGUAGES),
        "unchanged": [],
        "skipped": [],
    }
    target = tmp_path / "custom_sentences" / "en" / f"{DOMAIN}.yaml"
    text = target.read_text(encoding="utf-8")
    assert text.startswith(MARKER)
    assert text == installed_text(source_file("en").read_text("utf-8"))
    assert yaml.safe_load(text)["language"] == "en"
    assert await async_install_sentences(hass) == {
        "installed": [],
        "unchanged": list(LANGUAGES),
        "skipped": [],
    }


async def test_user_edits_are_never_overwritten(
    hass: HomeAssistant, tmp_path: Path
) -> None:
    """An edited or foreign file is skipped; an old copy of ours is upgraded."""
    hass.config.config_dir = str(tmp_path)
    await async_install_sentences(hass)
    english = tmp_path / "custom_sentences" / "en" / f"{DOMAIN}.yaml"
    german = tmp_path / "custom_sentences" / "de" / f"{DOMAIN}.yaml"
    edited = english.read_text("utf-8") + "# my own sentence\n"
    english.write_text(edited, encoding="utf-8")
    german.write_text(installed_text("language: de\nintents: {}\n"), encoding="utf-8")

    assert await async_install_sentences(hass) == {
        "installed": ["de"],
        "unchanged": ["es", "fr", "nl"],
        "skipped": ["en"],
    }
    assert english.read_text("utf-8") == edited
    assert german.read_text("utf-8") == installed_text(
        source_file("de").read_text("utf-8")
    )

    english.write_text("language: en\nintents: {}\n", encoding="utf-8")
    result = await async_install_sentences(hass)
    assert result["skipped"] == ["en"]
    assert english.read_text("utf-8") == "language: en\nintents: {}\n"


async def test_install_action_is_admin_only(
    hass: HomeAssistant,
    tmp_path: Path,
    init_integration: MockConfigEntry,
    hass_read_only_user: MockUser,
) -> None:
    """`install_sentences` answers with what it did; only admins may call it."""
    hass.config.config_dir = str(tmp_path)
    async_setup_sentences_action(hass)
    response = await hass.services.async_call(
        DOMAIN, SERVICE_INSTALL_SENTENCES, {}, blocking=True, return_response=True
    )
    assert response == {
        "installed": list(LANGUAGES),
        "unchanged": [],
        "skipped": [],
    }
    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            DOMAIN,
            SERVICE_INSTALL_SENTENCES,
            {},
            blocking=True,
            context=Context(user_id=hass_read_only_user.id),
        )


LANGUAGE_NAMES = {
    "English": "en",
    "German": "de",
    "Dutch": "nl",
    "French": "fr",
    "Spanish": "es",
}


def documented_examples() -> list[tuple[str, str]]:
    """(language, sentence) of every plain example under "A few examples"."""
    page = (REPO / "docs" / "voice.md").read_text("utf-8")
    section = page.split("## A few examples", 1)[1].split("\n## ", 1)[0]
    found: list[tuple[str, str]] = []
    lang = ""
    for paragraph in section.split("\n\n"):
        header = paragraph.split(" ", 1)[0]
        if header in LANGUAGE_NAMES:
            lang = LANGUAGE_NAMES[header]
        bullets = [b for b in paragraph.split("\n- ") if b.strip()]
        for bullet in bullets[1:] if header in LANGUAGE_NAMES else []:
            examples = re.findall(r'"([^"]+)"', " ".join(bullet.split()))
            found.extend(
                (lang, example)
                for example in examples
                if not re.search(r"[\[(|]", example)
            )
    return found


def test_every_language_has_documented_examples() -> None:
    """docs/voice.md shows examples for each shipped language."""
    assert {lang for lang, _ in documented_examples()} == set(LANGUAGES)


@pytest.mark.parametrize(("lang", "text"), documented_examples())
def test_documented_examples_match(lang: str, text: str) -> None:
    """Each example sentence in docs/voice.md reaches one of our intents."""
    skip_words = get_intents(lang)["skip_words"]
    result = recognize(text, shipped(lang), skip_words=skip_words)
    assert result is not None, text
    assert result.intent.name in INTENT_TYPES
