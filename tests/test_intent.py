"""Assist intents through `intent.async_handle`, against a real core."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import intent
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser

from custom_components.hamstring_coach.const import CONF_PERSON, DOMAIN
from custom_components.hamstring_coach.core.models import WeightUnit
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.core.progression import start_dose
from custom_components.hamstring_coach.intent import (
    INTENT_LOG_SESSION,
    INTENT_NEXT_SESSION,
    INTENT_REPORT_SORENESS,
    INTENT_WEEKLY_PROGRESS,
    INTENT_WHAT_TO_DO,
    async_setup_intents,
    dose_text,
    exercise_name,
    find_exercise,
    when_text,
)

from .conftest import START, make_entry

ALL_INTENTS = (
    INTENT_LOG_SESSION,
    INTENT_NEXT_SESSION,
    INTENT_WEEKLY_PROGRESS,
    INTENT_REPORT_SORENESS,
    INTENT_WHAT_TO_DO,
)
DAY_1 = (
    "3 sets of 5 conventional deadlifts, 3 sets of 8 Romanian deadlifts, "
    "2 sets of 10 single-leg Romanian deadlifts per leg and 3 sets of 10 hip thrusts"
)


@pytest.fixture
async def coach(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> MockConfigEntry:
    """Alex's coach with the intents registered."""
    await async_setup_intents(hass)
    return init_integration


async def add_coach(hass: HomeAssistant, title: str, **options: Any) -> MockConfigEntry:
    """A second person's coach."""
    entry = make_entry(title, **options)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def handle(
    hass: HomeAssistant,
    intent_type: str,
    slots: dict[str, Any] | None = None,
    *,
    language: str = "en",
    context: Context | None = None,
) -> intent.IntentResponse:
    """Handle one of our intents as a voice pipeline would."""
    return await intent.async_handle(
        hass,
        "test",
        intent_type,
        {key: {"value": value} for key, value in (slots or {}).items()},
        context=context,
        language=language,
    )


def speech(response: intent.IntentResponse) -> str:
    """The plain speech of a response."""
    return str(response.speech["plain"]["speech"])


def refused(response: intent.IntentResponse) -> str:
    """The speech of a question back or a refusal (an answer, not an exception)."""
    assert response.response_type is intent.IntentResponseType.ERROR
    return speech(response)


async def history(hass: HomeAssistant, entry: MockConfigEntry) -> list[Any]:
    """An entry's sessions as `get_history` answers them, newest first."""
    response: Any = await hass.services.async_call(
        DOMAIN,
        "get_history",
        {"config_entry_id": entry.entry_id},
        blocking=True,
        return_response=True,
    )
    return list(response["sessions"])


async def sessions(hass: HomeAssistant, entry: MockConfigEntry) -> int:
    """How many sessions an entry's log holds."""
    return len(await history(hass, entry))


async def status(hass: HomeAssistant, entry: MockConfigEntry) -> Any:
    """The entry's status as `get_status` answers it."""
    return await hass.services.async_call(
        DOMAIN,
        "get_status",
        {"config_entry_id": entry.entry_id},
        blocking=True,
        return_response=True,
    )


async def test_log_next_progress_and_workout(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """The day's questions before and after logging the planned workout."""
    assert speech(await handle(hass, INTENT_NEXT_SESSION)) == (
        "Next session: Day 1 Strength, today at 6 PM."
    )
    assert speech(await handle(hass, INTENT_WHAT_TO_DO)) == (
        f"Today at 6 PM, Day 1 Strength: {DAY_1}."
    )
    assert speech(await handle(hass, INTENT_WEEKLY_PROGRESS)) == (
        "0 of 2 sessions and 0 of 12 sets this week."
    )

    response = await handle(hass, INTENT_LOG_SESSION)
    assert response.response_type is intent.IntentResponseType.ACTION_DONE
    assert speech(response) == (
        "Logged Day 1 Strength: 11 sets. Next session Thursday at 6 PM"
        " — rest until then."
    )
    assert await sessions(hass, coach) == 1
    assert speech(await handle(hass, INTENT_WEEKLY_PROGRESS)) == (
        "1 of 2 sessions and 11 of 12 sets this week."
    )
    assert speech(await handle(hass, INTENT_NEXT_SESSION)) == (
        "Today: rest or light mobility."
        " Next hard session: Thursday at 6 PM, Day 2 Control."
    )
    assert speech(await handle(hass, INTENT_WHAT_TO_DO)).startswith(
        "Today: rest or light mobility. "
        "Thursday at 6 PM, Day 2 Control: 2 sets of 4 Nordic hamstring curls, "
    )


async def test_german_answers(hass: HomeAssistant, coach: MockConfigEntry) -> None:
    """German requests (any variant) get German speech with German names."""
    assert speech(await handle(hass, INTENT_WHAT_TO_DO, language="de-DE")) == (
        "Heute um 18 Uhr, Tag 1 Kraft: 3 Sätze à 5 Kreuzheben, "
        "3 Sätze à 8 rumänisches Kreuzheben, 2 Sätze à 10 einbeiniges "
        "rumänisches Kreuzheben pro Bein und 3 Sätze à 10 Hip Thrusts."
    )
    assert speech(await handle(hass, INTENT_LOG_SESSION, language="de")) == (
        "Tag 1 Kraft eingetragen: 11 Sätze. Nächste Einheit Donnerstag um 18 Uhr"
        " - bis dahin Pause."
    )
    assert speech(
        await handle(hass, INTENT_REPORT_SORENESS, {"level": 3}, language="de")
    )
    assert speech(await handle(hass, INTENT_WEEKLY_PROGRESS, language="de")) == (
        "1 von 2 Einheiten und 11 von 12 Sätzen diese Woche."
    )


@pytest.mark.parametrize(
    ("slots", "expected", "day", "working_sets"),
    [
        pytest.param(
            {"program_day": "2"},
            "Logged Day 2 Control: 9 sets.",
            "control_day",
            9,
            id="day-by-number",
        ),
        pytest.param(
            {"program_day": "light"},
            "Logged Day 3 Light: 2 sets.",
            "light_day",
            2,
            id="day-by-keyword",
        ),
        pytest.param(
            {"program_day": "strength_day", "rpe": 7.5, "soreness": 2},
            "Logged Day 1 Strength: 11 sets.",
            "strength_day",
            11,
            id="day-by-id-with-rpe",
        ),
        pytest.param(
            {"exercise": "Nordic curls", "sets": 3.0, "reps": 5.0},
            "Logged your session: 3 sets.",
            None,
            3,
            id="exercise-by-name",
        ),
        pytest.param(
            {"exercise": "conventional_deadlift", "sets": 1, "reps": 5, "load": 60},
            "Logged your session: 1 set.",
            None,
            1,
            id="one-set-with-load",
        ),
        pytest.param(
            {"exercise": "romanian_deadlift"},
            "Logged your session: 3 sets.",
            None,
            3,
            id="exercise-dose-from-plan",
        ),
        pytest.param(
            {"exercise": "calf_stretch", "sets": 2, "seconds": 30},
            "Logged your session: 0 sets.",
            None,
            0,
            id="seconds-exercise",
        ),
    ],
)
async def test_log_session_slots(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    slots: dict[str, Any],
    expected: str,
    day: str | None,
    working_sets: int,
) -> None:
    """Days by id, number or keyword; one exercise with what was said."""
    assert speech(await handle(hass, INTENT_LOG_SESSION, slots)).startswith(expected)
    session = (await history(hass, coach))[0]
    assert (session["program_day"], session["working_sets"]) == (day, working_sets)
    assert session["source"] == "voice"
    if "rpe" in slots:
        assert (session["rpe"], session["soreness"]) == (7.5, 2)


async def test_load_is_spoken_and_logged_in_the_entrys_unit(
    hass: HomeAssistant, coach: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """A logged load comes back in the workout read-out, in kg or lb."""
    await handle(
        hass,
        INTENT_LOG_SESSION,
        {"exercise": "deadlift", "sets": 3, "reps": 5, "load": 60},
    )
    logged = (await history(hass, coach))[0]["exercises"][0]
    assert (logged["exercise"], logged["load"], logged["unit"]) == (
        "conventional_deadlift",
        60,
        "kg",
    )
    assert "3 sets of 6 conventional deadlifts at 60 kg" in speech(
        await handle(hass, INTENT_WHAT_TO_DO)
    )
    await hass.config_entries.async_unload(coach.entry_id)
    sam = await add_coach(hass, "Sam", weight_unit="lb")
    await handle(
        hass,
        INTENT_LOG_SESSION,
        {"exercise": "hip thrusts", "sets": 3, "reps": 10, "load": 95.5},
    )
    assert "3 sets of 11 hip thrusts at 95.5 lb" in speech(
        await handle(hass, INTENT_WHAT_TO_DO)
    )
    assert await sessions(hass, sam) == 1


async def test_report_soreness(hass: HomeAssistant, coach: MockConfigEntry) -> None:
    """High soreness or pain is stored and moves the plan to recovery."""
    response = await handle(hass, INTENT_REPORT_SORENESS, {"level": 8})
    assert speech(response) == (
        "Noted soreness 8 of 10. Today: rest or light mobility."
        " Next hard session: tomorrow at 6 PM, Day 1 Strength."
    )
    current = await status(hass, coach)
    assert current["training_status"] == "recovering"
    assert current["next_workout"]["recovery"]
    assert speech(await handle(hass, INTENT_WHAT_TO_DO)).startswith(
        "Today: rest or light mobility, for example Day 3 Light: "
    )
    response = await handle(hass, INTENT_REPORT_SORENESS, {"level": 5, "pain": True})
    assert speech(response).startswith("Noted pain, soreness 5 of 10.")
    assert speech(response).endswith(
        "Today: rest or light mobility. No hard session until the pain has gone."
    )
    current = await status(hass, coach)
    assert current["pain"]
    assert (current["today"], current["next_hard_session"]) == ("rest", None)
    # Light work while in pain: no "next session at 6 PM" for another light day.
    response = await handle(hass, INTENT_LOG_SESSION)
    assert speech(response) == (
        "Logged Day 3 Light: 2 sets. Today: rest or light mobility."
        " No hard session until the pain has gone."
    )


@pytest.mark.parametrize(
    ("intent_type", "slots", "message"),
    [
        pytest.param(
            INTENT_LOG_SESSION,
            {"exercise": "burpee", "sets": 3},
            "I don't know the exercise burpee.",
            id="unknown-exercise",
        ),
        pytest.param(
            INTENT_LOG_SESSION,
            {"sets": 3, "reps": 8},
            "Which exercise was that?",
            id="sets-without-exercise",
        ),
        pytest.param(
            INTENT_LOG_SESSION,
            {"exercise": "good morning"},
            "How many sets and reps of good mornings?",
            id="exercise-not-in-plan-without-dose",
        ),
        pytest.param(
            INTENT_LOG_SESSION,
            {"program_day": "leg day 1"},
            "Leg day 1 is not a day of Strength and control. Try Day 1 Strength, "
            "Day 2 Control or Day 3 Light.",
            id="unknown-program-day",
        ),
        pytest.param(
            INTENT_LOG_SESSION,
            {"exercise": "nordic_curl", "sets": 3, "reps": 5, "load": 10},
            '"nordic_curl" is a bodyweight, band or stretch exercise; it takes no load',
            id="coordinator-refusal-translated",
        ),
        pytest.param(
            INTENT_REPORT_SORENESS,
            {},
            "How sore are your hamstrings, from 0 to 10?",
            id="soreness-without-level",
        ),
    ],
)
async def test_errors_store_nothing(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    intent_type: str,
    slots: dict[str, Any],
    message: str,
) -> None:
    """Refused requests are answered with the reason and change nothing."""
    response = await handle(hass, intent_type, slots)
    assert refused(response) == message
    assert response.error_code is intent.IntentResponseErrorCode.FAILED_TO_HANDLE
    assert await sessions(hass, coach) == 0
    assert (await status(hass, coach))["soreness"] is None


@pytest.mark.parametrize(
    "slots",
    [
        pytest.param({"sets": 50, "exercise": "lunge"}, id="sets-out-of-range"),
        pytest.param({"rpe": 11}, id="rpe-out-of-range"),
        pytest.param({"reps": "many", "exercise": "lunge"}, id="reps-not-a-number"),
        pytest.param({"name": " "}, id="blank-name"),
        # The same checks as the actions: no truncated fractions, no NaN, no bools.
        pytest.param({"sets": 2.5, "exercise": "lunge"}, id="fractional-sets"),
        pytest.param({"rpe": float("nan")}, id="rpe-nan"),
        pytest.param({"soreness": True}, id="soreness-bool"),
    ],
)
async def test_invalid_slots(
    hass: HomeAssistant, coach: MockConfigEntry, slots: dict[str, Any]
) -> None:
    """Slots outside their schema are refused before anything runs."""
    with pytest.raises(intent.InvalidSlotInfo):
        await handle(hass, INTENT_LOG_SESSION, slots)
    assert await sessions(hass, coach) == 0


async def test_several_coaches_need_a_name(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """With two people nothing is logged until the request names one."""
    sam = await add_coach(hass, "Sam")
    response = await handle(hass, INTENT_LOG_SESSION)
    assert refused(response) == "Which coach: Alex or Sam?"
    assert response.error_code is intent.IntentResponseErrorCode.NO_VALID_TARGETS
    response = await handle(hass, INTENT_LOG_SESSION, {"name": "Kim"}, language="de")
    assert refused(response) == (
        "Einen Coach namens Kim kenne ich nicht. Welcher Coach: Alex oder Sam?"
    )
    assert (await sessions(hass, coach), await sessions(hass, sam)) == (0, 0)

    await handle(hass, INTENT_LOG_SESSION, {"name": "sam"})
    again = await handle(hass, INTENT_LOG_SESSION, {"name": "Sam's"})
    assert speech(again) == "Already logged Day 1 Strength at 10 AM."
    assert (await sessions(hass, coach), await sessions(hass, sam)) == (0, 1)


async def test_speaker_decides_between_coaches(
    hass: HomeAssistant,
    coach: MockConfigEntry,
    hass_admin_user: MockUser,
    hass_read_only_user: MockUser,
) -> None:
    """The speaking user's person (or a person linked in the options) picks the coach."""
    sam = await add_coach(hass, "Sam", **{CONF_PERSON: "person.samuel"})
    assert await async_setup_component(
        hass,
        "person",
        {
            "person": [
                {"id": "alex", "name": "Alex", "user_id": hass_admin_user.id},
                {"id": "samuel", "name": "Samuel", "user_id": hass_read_only_user.id},
            ]
        },
    )
    await hass.async_block_till_done()
    await handle(hass, INTENT_LOG_SESSION, context=Context(user_id=hass_admin_user.id))
    assert (await sessions(hass, coach), await sessions(hass, sam)) == (1, 0)
    await handle(
        hass, INTENT_LOG_SESSION, context=Context(user_id=hass_read_only_user.id)
    )
    assert (await sessions(hass, coach), await sessions(hass, sam)) == (1, 1)

    # A user who is neither person still has to say the name.
    stranger = MockUser(name="Kim").add_to_hass(hass)
    response = await handle(
        hass, INTENT_LOG_SESSION, context=Context(user_id=stranger.id)
    )
    assert refused(response) == "Which coach: Alex or Sam?"


async def test_user_name_without_person(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """Without a person entity the user's own name can match the coach title."""
    sam = await add_coach(hass, "Sam")
    user = MockUser(name="sam").add_to_hass(hass)
    await handle(hass, INTENT_WEEKLY_PROGRESS, context=Context(user_id=user.id))
    await handle(hass, INTENT_LOG_SESSION, context=Context(user_id=user.id))
    assert (await sessions(hass, coach), await sessions(hass, sam)) == (0, 1)


async def test_single_coach_answers_anyone(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """With one coach an unknown user is not asked for a name."""
    user = MockUser(name="Guest").add_to_hass(hass)
    await handle(hass, INTENT_LOG_SESSION, context=Context(user_id=user.id))
    assert await sessions(hass, coach) == 1


async def test_no_coach_loaded(hass: HomeAssistant, coach: MockConfigEntry) -> None:
    """Without a loaded entry the answer says so."""
    await hass.config_entries.async_unload(coach.entry_id)
    assert refused(await handle(hass, INTENT_NEXT_SESSION)) == (
        "Hamstring Coach is not set up."
    )


async def test_intent_platform_is_discovered(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The `intent` integration registers our intents from `intent.py`."""
    assert await async_setup_component(hass, "intent", {})
    await hass.async_block_till_done()
    registered = {handler.intent_type for handler in intent.async_get(hass)}
    assert set(ALL_INTENTS) <= registered


@pytest.mark.parametrize(
    ("lang", "moment", "expected"),
    [
        ("en", "2026-11-23T09:00:00+01:00", "now"),
        ("en", "2026-11-23T18:30:00+01:00", "today at 6:30 PM"),
        ("en", "2026-11-24T07:00:00+01:00", "tomorrow at 7 AM"),
        ("en", "2026-11-25T00:15:00+01:00", "Wednesday at 12:15 AM"),
        ("en", "2026-12-03T18:00:00+01:00", "Thursday December 3 at 6 PM"),
        ("de", "2026-11-23T18:30:00+01:00", "heute um 18:30 Uhr"),
        ("de", "2026-11-24T07:00:00+01:00", "morgen um 7 Uhr"),
        ("de", "2026-11-26T18:00:00+01:00", "Donnerstag um 18 Uhr"),
        ("de", "2026-12-03T18:00:00+01:00", "Donnerstag 3.12. um 18 Uhr"),
        ("nl", "2026-11-26T18:00:00+01:00", "donderdag om 18 uur"),
        ("nl", "2026-12-03T07:05:00+01:00", "donderdag 3 december om 7:05 uur"),
        ("fr", "2026-11-23T18:30:00+01:00", "aujourd'hui à 18 h 30"),
        ("fr", "2026-12-03T18:00:00+01:00", "jeudi 3 décembre à 18 h"),
        ("es", "2026-11-24T07:00:00+01:00", "mañana a las 7:00"),
        ("es", "2026-12-03T18:30:00+01:00", "el jueves 3 de diciembre a las 18:30"),
    ],
)
async def test_when_text(
    hass: HomeAssistant, lang: str, moment: str, expected: str
) -> None:
    """Times are spoken in Home Assistant's zone, relative to today."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    now = datetime.fromisoformat(START)
    assert when_text(lang, datetime.fromisoformat(moment), now) == expected


@pytest.mark.parametrize(
    ("lang", "moment", "expected"),
    [
        ("en", "2026-11-23T08:04:00+01:00", "today at 8:04 AM"),
        ("en", "2026-11-22T18:00:00+01:00", "yesterday at 6 PM"),
        ("en", "2026-11-13T18:00:00+01:00", "Friday November 13 at 6 PM"),
        ("de", "2026-11-19T18:00:00+01:00", "Donnerstag um 18 Uhr"),
        ("nl", "2026-11-22T18:00:00+01:00", "gisteren om 18 uur"),
        ("fr", "2026-11-22T18:00:00+01:00", "hier à 18 h"),
        ("es", "2026-11-20T18:00:00+01:00", "el viernes a las 18:00"),
    ],
)
async def test_when_text_in_the_past(
    hass: HomeAssistant, lang: str, moment: str, expected: str
) -> None:
    """Past moments (an undone session) count back from today."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    now = datetime.fromisoformat(START)
    assert when_text(lang, datetime.fromisoformat(moment), now, past=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("romanian_deadlift", "romanian_deadlift"),
        ("Hip Thrusts", "hip_thrust"),
        ("single-leg Romanian deadlifts", "single_leg_romanian_deadlift"),
        ("Kreuzheben", "conventional_deadlift"),
        ("RDLs", "romanian_deadlift"),
        ("deadlifts", "conventional_deadlift"),
        ("soulevés de terre roumains", "romanian_deadlift"),
        ("curl nórdico", "nordic_curl"),
        ("Roemeense deadlift", "romanian_deadlift"),
        ("burpee", None),
    ],
)
def test_find_exercise(text: str, expected: str | None) -> None:
    """Ids, English and German names, plurals and hyphens."""
    assert find_exercise(text) == expected


@pytest.mark.parametrize(
    ("exercise", "lang", "plural", "expected"),
    [
        ("sumo_squat_to_stand", "en", True, "sumo squats to stand"),
        ("nordic_curl", "en", True, "Nordic hamstring curls"),
        ("skips", "en", True, "skips"),
        ("foam_rolling", "en", False, "foam rolling"),
        ("box_taps", "de", True, "Box Taps"),
        ("nordic_curl", "fr", True, "curls nordiques"),
        ("nordic_curl", "fr", False, "curl nordique"),
        ("warm_up", "es", True, "calentamiento"),
    ],
)
def test_exercise_name(exercise: str, lang: str, plural: bool, expected: str) -> None:
    """Spoken exercise names."""
    assert exercise_name(lang, exercise, plural=plural) == expected


def test_domain_constant() -> None:
    """The intents belong to this integration."""
    assert DOMAIN == "hamstring_coach"


async def test_due_goal_streak_and_record(
    hass: HomeAssistant, coach: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """A due session, a met weekly goal, a streak and a personal record are said."""
    freezer.move_to("2026-11-23T18:30:00+01:00")
    assert speech(await handle(hass, INTENT_NEXT_SESSION)) == (
        "Day 1 Strength is due now."
    )
    await handle(hass, INTENT_LOG_SESSION)
    freezer.move_to("2026-11-26T18:30:00+01:00")
    deadlifts = {"exercise": "deadlift", "sets": 3, "reps": 5, "load": 60}
    response = await handle(hass, INTENT_LOG_SESSION, deadlifts)
    assert not speech(response).endswith("record!")
    assert speech(await handle(hass, INTENT_WEEKLY_PROGRESS)) == (
        "2 of 2 sessions and 14 of 12 sets this week. Weekly goal met. 1-week streak."
    )
    freezer.move_to("2026-11-30T18:30:00+01:00")
    response = await handle(hass, INTENT_LOG_SESSION, {**deadlifts, "load": 65})
    assert speech(response).endswith(" New personal record!")
    assert speech(await handle(hass, INTENT_WEEKLY_PROGRESS)) == (
        "1 of 2 sessions and 3 of 12 sets this week. 1-week streak."
    )


async def test_unit_change_converts_read_out(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """Loads logged in kg are read out in lb once the coach switches units."""
    await handle(
        hass,
        INTENT_LOG_SESSION,
        {"exercise": "romanian_deadlift", "sets": 3, "reps": 8, "load": 40},
    )
    hass.config_entries.async_update_entry(
        coach, options={**coach.options, "weight_unit": "lb"}
    )
    assert await hass.config_entries.async_reload(coach.entry_id)
    await hass.async_block_till_done()
    assert "Romanian deadlifts at 88 lb" in speech(
        await handle(hass, INTENT_WHAT_TO_DO)
    )


async def test_light_day_reads_holds_in_seconds(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """While recovering the light day is read out, holds in seconds."""
    await handle(hass, INTENT_REPORT_SORENESS, {"level": 9})
    assert speech(await handle(hass, INTENT_WHAT_TO_DO)) == (
        "Today: rest or light mobility, for example Day 3 Light: 2 sets of 15"
        " bodyweight bridges. Next hard session: tomorrow at 6 PM, Day 1 Strength."
    )
    doses = coach.runtime_data.current().next_workout.doses
    stretch = next(d for d in doses if d.prescription.exercise == "hamstring_stretch")
    assert dose_text("en", stretch, WeightUnit.KG) == (
        "1 set of hamstring stretch for 20 seconds per leg"
    )
    assert dose_text("de", stretch, WeightUnit.KG) == (
        "1 Satz Dehnung der Oberschenkelrückseite à 20 Sekunden pro Bein"
    )


@pytest.mark.parametrize(
    ("lang", "day", "expected"),
    [
        pytest.param("en", "strength_day", "warm-up for 8 minutes", id="en-day-1"),
        pytest.param("en", "control_day", "warm-up for 5 minutes", id="en-day-2"),
        pytest.param("de", "strength_day", "Aufwärmen, 8 Minuten", id="de-day-1"),
    ],
)
def test_warm_up_blocks_read_in_minutes(lang: str, day: str, expected: str) -> None:
    """000's warm-ups are read as minutes, not hundreds of seconds."""
    program_day = PROGRAMS["strength_2day"].day(day)
    assert program_day is not None
    warm_up = start_dose(program_day.exercises[0], WeightUnit.KG)
    assert dose_text(lang, warm_up, WeightUnit.KG) == expected
