"""End to end: Home Assistant's built-in agent with the installed sentences."""

from __future__ import annotations

from pathlib import Path
import re
from typing import Any

from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import intent
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.sentences import async_install_sentences

from .conftest import make_entry


@pytest.fixture
async def assist(
    hass: HomeAssistant, init_integration: MockConfigEntry, tmp_path: Path
) -> MockConfigEntry:
    """The coach and the built-in agent with our sentences.

    Setting up `conversation` sets up `intent`, which finds our `intent.py`
    platform and registers the intents, as in a real installation.
    """
    hass.config.config_dir = str(tmp_path)
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    result = await async_install_sentences(hass)
    assert result["installed"] == ["de", "en", "es", "fr", "nl"]
    return init_integration


async def converse(hass: HomeAssistant, text: str, language: str = "en") -> Any:
    """Say something to the built-in agent and return its result."""
    return await conversation.async_converse(
        hass, text, None, Context(), language=language
    )


def speech(result: Any) -> str:
    """The plain speech of a conversation result."""
    return str(result.response.speech["plain"]["speech"])


async def test_log_and_read_back_in_english(
    hass: HomeAssistant, assist: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """'I just did my hamstring workout' logs Day 1; the next session is read back."""
    result = await converse(hass, "I just did my hamstring workout")
    assert result.response.response_type is intent.IntentResponseType.ACTION_DONE
    assert speech(result) == (
        "Logged Day 1 Strength: 11 sets. Next session Thursday at 6 PM"
        " — rest until then."
    )
    sessions = hass_storage[f"{DOMAIN}.{assist.entry_id}"]["data"]["sessions"]
    assert [s["program_day"] for s in sessions] == ["strength_day"]
    assert sessions[0]["source"] == "voice"

    result = await converse(hass, "when is my next hamstring session")
    assert speech(result) == (
        "Today: rest or light mobility."
        " Next hard session: Thursday at 6 PM, Day 2 Control."
    )

    result = await converse(hass, "how's my hamstring week going")
    assert speech(result) == "1 of 2 sessions and 11 of 12 sets this week."


async def test_german_sentences(hass: HomeAssistant, assist: MockConfigEntry) -> None:
    """German sentences reach the same intents and answer in German."""
    result = await converse(
        hass, "ich habe gerade mein Hamstring-Training gemacht", "de"
    )
    assert speech(result) == (
        "Tag 1 Kraft eingetragen: 11 Sätze."
        " Nächste Einheit Donnerstag um 18 Uhr - bis dahin Pause."
    )
    result = await converse(hass, "wie läuft mein Hamstring-Training diese Woche", "de")
    assert speech(result) == "1 von 2 Einheiten und 11 von 12 Sätzen diese Woche."


async def test_two_coaches_ask_which(
    hass: HomeAssistant, assist: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """With two people and no name the agent asks, naming both, and logs nothing."""
    sam = make_entry("Sam")
    sam.add_to_hass(hass)
    assert await hass.config_entries.async_setup(sam.entry_id)
    await hass.async_block_till_done()

    result = await converse(hass, "I just did my hamstring workout")
    assert result.response.response_type is intent.IntentResponseType.ERROR
    assert speech(result).startswith("Which coach: Alex or Sam?")
    assert f"{DOMAIN}.{assist.entry_id}" not in hass_storage

    result = await converse(hass, "I just did my hamstring workout for Sam")
    assert speech(result).startswith("Logged Day 1 Strength: 11 sets.")
    assert len(hass_storage[f"{DOMAIN}.{sam.entry_id}"]["data"]["sessions"]) == 1


EXCHANGES: dict[str, list[tuple[str, str]]] = {
    "de": [
        (
            "was steht heute beim Hamstring-Training an",
            "Heute um 18 Uhr, Tag 1 Kraft: 3 Sätze à 5 Kreuzheben, 3 Sätze à 8"
            " rumänisches Kreuzheben, 2 Sätze à 10 einbeiniges rumänisches"
            " Kreuzheben pro Bein und 3 Sätze à 10 Hip Thrusts.",
        ),
        (
            "ich habe mein Hamstring-Training gemacht",
            "Tag 1 Kraft eingetragen: 11 Sätze. Nächste Einheit Donnerstag um 18 Uhr"
            " - bis dahin Pause.",
        ),
        (
            "ich habe gerade mein Hamstring-Training gemacht",
            "Tag 1 Kraft ist schon eingetragen, um 10 Uhr.",
        ),
        (
            "meine Hamstrings sind verspannt, 8 von 10",
            "Muskelkater 8 von 10 notiert. Heute: Pause oder leichte Mobilität."
            " Nächste harte Einheit: Freitag um 18 Uhr, Tag 2 Kontrolle.",
        ),
        (
            "wann ist mein nächstes Hamstring-Training",
            "Heute: Pause oder leichte Mobilität. Nächste harte Einheit: Freitag um"
            " 18 Uhr, Tag 2 Kontrolle.",
        ),
        (
            "wie läuft mein Hamstring-Training diese Woche",
            "1 von 2 Einheiten und 11 von 12 Sätzen diese Woche.",
        ),
        (
            "lösche meine letzte Hamstring-Einheit",
            "Tag 1 Kraft von heute um 10 Uhr gelöscht.",
        ),
    ],
    "nl": [
        (
            "wat is mijn hamstringtraining vandaag",
            "Vandaag om 18 uur, Dag 1 Kracht: 3 series van 5 deadlifts, 3 series van 8"
            " Roemeense deadlifts, 2 series van 10 eenbenige Roemeense deadlifts per"
            " been en 3 series van 10 hip thrusts.",
        ),
        (
            "ik heb mijn hamstringtraining gedaan",
            "Dag 1 Kracht genoteerd: 11 series. Volgende training donderdag om 18 uur"
            " - tot dan rust.",
        ),
        (
            "ik heb net mijn hamstringtraining gedaan",
            "Dag 1 Kracht was al genoteerd, om 10 uur.",
        ),
        (
            "mijn hamstrings zijn stijf, 8 van de 10",
            "Spierpijn 8 van 10 genoteerd. Vandaag: rust of lichte mobiliteit."
            " Volgende zware training: vrijdag om 18 uur, Dag 2 Controle.",
        ),
        (
            "wanneer is mijn volgende hamstringtraining",
            "Vandaag: rust of lichte mobiliteit. Volgende zware training: vrijdag om"
            " 18 uur, Dag 2 Controle.",
        ),
        (
            "hoe gaat mijn hamstringtraining deze week",
            "1 van 2 trainingen en 11 van 12 series deze week.",
        ),
        (
            "verwijder mijn laatste hamstringtraining",
            "Dag 1 Kracht van vandaag om 10 uur verwijderd.",
        ),
    ],
    "fr": [
        (
            "c'est quoi ma séance d'ischios du jour",
            "Aujourd'hui à 18 h, Jour 1 Force : 3 séries de 5 soulevés de terre,"
            " 3 séries de 8 soulevés de terre roumains, 2 séries de 10 soulevés de"
            " terre roumains unilatéraux par jambe et 3 séries de 10 hip thrusts.",
        ),
        (
            "j'ai fait ma séance d'ischios",
            "C'est noté : Jour 1 Force, 11 séries. Prochaine séance jeudi à 18 h ;"
            " repos d'ici là.",
        ),
        ("j'ai terminé ma séance d'ischios", "Déjà noté : Jour 1 Force, à 10 h."),
        (
            "mes ischios sont courbaturés, 8 sur 10",
            "Courbatures notées : 8 sur 10. Aujourd'hui : repos ou mobilité légère."
            " Prochaine séance intense : vendredi à 18 h, Jour 2 Contrôle.",
        ),
        (
            "quand est ma prochaine séance d'ischios",
            "Aujourd'hui : repos ou mobilité légère. Prochaine séance intense :"
            " vendredi à 18 h, Jour 2 Contrôle.",
        ),
        (
            "où en suis-je avec mes ischios cette semaine",
            "Séances cette semaine : 1 sur 2 ; séries : 11 sur 12.",
        ),
        (
            "supprime ma dernière séance d'ischios",
            "Supprimé : Jour 1 Force, aujourd'hui à 10 h.",
        ),
    ],
    "es": [
        (
            "qué me toca hoy de isquios",
            "Hoy a las 18:00, Día 1 Fuerza: 3 series de 5 pesos muertos, 3 series de"
            " 8 pesos muertos rumanos, 2 series de 10 pesos muertos rumanos"
            " unilaterales por pierna y 3 series de 10 hip thrusts.",
        ),
        (
            "he hecho mi entrenamiento de isquiotibiales",
            "Registrado: Día 1 Fuerza, 11 series. Próxima sesión el jueves a las"
            " 18:00; descansa hasta entonces.",
        ),
        (
            "ya he hecho mi entrenamiento de isquios",
            "Ya estaba registrado: Día 1 Fuerza, a las 10:00.",
        ),
        (
            "tengo agujetas en los isquios, un 8",
            "Agujetas anotadas: 8 de 10. Hoy: descanso o movilidad suave. Próxima"
            " sesión intensa: el viernes a las 18:00, Día 2 Control.",
        ),
        (
            "cuándo es mi próximo entrenamiento de isquios",
            "Hoy: descanso o movilidad suave. Próxima sesión intensa: el viernes a"
            " las 18:00, Día 2 Control.",
        ),
        (
            "cómo voy con los isquios esta semana",
            "1 de 2 sesiones y 11 de 12 series esta semana.",
        ),
        (
            "borra mi última sesión de isquios",
            "Borrado: Día 1 Fuerza, hoy a las 10:00.",
        ),
    ],
}
ENGLISH = {
    "logged", "already", "deleted", "noted", "next", "session", "sets", "day",
    "strength", "light", "today", "tomorrow", "rest", "hard", "mobility",
    "soreness", "this", "and", "at", "pm", "am", "nordic", "romanian",
}  # fmt: skip
"""Words of the English answers that no other language's answer may contain."""


@pytest.mark.parametrize("lang", sorted(EXCHANGES))
async def test_exchange_in_one_language(
    hass: HomeAssistant,
    assist: MockConfigEntry,
    hass_storage: dict[str, Any],
    lang: str,
) -> None:
    """Workout, log, a repeat, soreness, next session, week and undo: all one language.

    The repeat stores nothing, the soreness is stored, the undo removes the log.
    """
    key = f"{DOMAIN}.{assist.entry_id}"
    answers = [speech(await converse(hass, said, lang)) for said, _ in EXCHANGES[lang]]
    assert answers == [expected for _, expected in EXCHANGES[lang]]
    words = {w.casefold() for answer in answers for w in re.findall(r"\w+", answer)}
    assert words & ENGLISH == set()
    assert hass_storage[key]["data"]["sessions"] == []
    assert assist.runtime_data.current().wellness.soreness == 8


@pytest.mark.parametrize(
    ("lang", "said", "expected"),
    [
        (
            "fr",
            "enregistre le jour jambes 1",
            "Le jour jambes 1 n'est pas un jour du programme Force et contrôle."
            " Essaie Jour 1 Force, Jour 2 Contrôle ou Jour 3 Léger.",
        ),
        (
            "de",
            "Bändertag 1 eintragen",
            "Bändertag 1 ist kein Tag von Kraft und Kontrolle."
            " Versuch Tag 1 Kraft, Tag 2 Kontrolle oder Tag 3 Leicht.",
        ),
    ],
)
async def test_unknown_day_named_as_said(
    hass: HomeAssistant,
    assist: MockConfigEntry,
    hass_storage: dict[str, Any],
    lang: str,
    said: str,
    expected: str,
) -> None:
    """A day of another program is refused with the words said and this program's days."""
    assert speech(await converse(hass, said, lang)) == expected
    assert f"{DOMAIN}.{assist.entry_id}" not in hass_storage


@pytest.mark.parametrize(
    ("lang", "said", "expected"),
    [
        (
            "nl",
            "mijn hamstrings doen pijn",
            "Pijn genoteerd, spierpijn 5 van 10. Vandaag: rust of lichte mobiliteit."
            " Geen zware training tot de pijn weg is.",
        ),
        (
            "fr",
            "j'ai mal aux ischios",
            "Douleur notée, courbatures 5 sur 10. Aujourd'hui : repos ou mobilité"
            " légère. Pas de séance intense tant que la douleur n'a pas disparu.",
        ),
        (
            "es",
            "me duelen los isquios",
            "Dolor anotado, agujetas 5 de 10. Hoy: descanso o movilidad suave. Nada"
            " de sesiones intensas hasta que se te pase el dolor.",
        ),
    ],
)
async def test_pain_answered_in_the_language(
    hass: HomeAssistant, assist: MockConfigEntry, lang: str, said: str, expected: str
) -> None:
    """Pain is stored, and no hard session is offered until it has gone."""
    assert speech(await converse(hass, said, lang)) == expected
    wellness = assist.runtime_data.current().wellness
    assert (wellness.soreness, wellness.pain) == (5, True)
