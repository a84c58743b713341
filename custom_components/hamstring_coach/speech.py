"""Spoken answers of the Assist intents, built from a snapshot.

The words live in `phrases/<lang>.json` (texts with ``{placeholders}``,
weekdays and months, how times, dates and decimals are said, spoken
program-day, program and exercise names, the short names people say); this
module only puts them together, so a language is added with its file alone.
A language without a file is answered in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
import json
from pathlib import Path
import re
from typing import Final

from homeassistant.util import dt as dt_util

from .core.catalog import EXERCISES
from .core.coach import CoachSnapshot
from .core.models import Program, ProgramDay, Session, WeightUnit
from .core.outlook import Outlook, Today
from .core.progression import Dose
from .core.state import LogOutcome

MAX_READ_OUT = 4
MIN_STEM = 4
LB_PER_KG = 2.2046226218
DEFAULT_LANGUAGE: Final = "en"


@dataclass(frozen=True, slots=True, kw_only=True)
class Formats:
    """How a language says a time, a far date and a decimal number.

    `hour` and `hour_minutes` take ``{h}`` (0-23), ``{hh}`` (00-23), ``{h12}``
    (1-12), ``{mm}`` and ``{ampm}``; `date` takes ``{weekday}``, ``{day}``,
    ``{month}`` (the name) and ``{month_number}``.
    """

    hour: str
    hour_minutes: str
    date: str
    am_pm: tuple[str, str]
    decimal_point: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Phrases:
    """The words of one language, as read from `phrases/<lang>.json`."""

    texts: dict[str, str]
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    formats: Formats
    day_names: dict[str, str]
    """Spoken program-day names by day id; without one, the program's name."""
    program_names: dict[str, str]
    exercise_names: dict[str, str]
    """Spoken exercise names by catalog id; without one, the catalog name."""
    plurals: dict[str, str]
    """Plural exercise names, where they differ from `exercise_names`."""
    aliases: dict[str, str]
    """Short names people say for catalog exercises (keys as `norm` gives them)."""
    proper_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class View:
    """What an answer is built from: the snapshot, today and the next hard session."""

    snapshot: CoachSnapshot
    outlook: Outlook


def _read_phrases() -> dict[str, Phrases]:
    """Every shipped language; read once, when the module is imported."""
    tables: dict[str, Phrases] = {}
    for path in sorted((Path(__file__).parent / "phrases").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        formats = data["formats"]
        tables[path.stem] = Phrases(
            texts=data["texts"],
            weekdays=tuple(data["weekdays"]),
            months=tuple(data["months"]),
            formats=Formats(
                hour=formats["hour"],
                hour_minutes=formats["hour_minutes"],
                date=formats["date"],
                am_pm=(formats["am_pm"][0], formats["am_pm"][1]),
                decimal_point=formats["decimal_point"],
            ),
            day_names=data["day_names"],
            program_names=data["program_names"],
            exercise_names=data["exercise_names"],
            plurals=data["plurals"],
            aliases=data["aliases"],
            proper_words=frozenset(data["proper_words"]),
        )
    return tables


PHRASES: Final = _read_phrases()


def language(code: str) -> str:
    """The shipped language of a language code: 'de-AT' -> 'de', else English."""
    base = re.split(r"[-_]", code.lower())[0]
    return base if base in PHRASES else DEFAULT_LANGUAGE


def text(lang: str, key: str, **values: object) -> str:
    """A phrase of `lang` with its placeholders filled."""
    return PHRASES[lang].texts[key].format(**values)


def norm(words: str) -> str:
    """Lower case, words only, a plural 's' dropped: 'Nordic curls' -> 'nordic curl'."""
    parts = re.sub(r"[\W_]+", " ", words.casefold()).split()
    return " ".join(
        w[:-1] if len(w) >= MIN_STEM and w.endswith("s") else w for w in parts
    )


def join_and(lang: str, items: list[str]) -> str:
    """'a, b and c' in `lang`."""
    if len(items) < 2:  # noqa: PLR2004
        return "".join(items)
    return f"{', '.join(items[:-1])} {text(lang, 'and')} {items[-1]}"


def join_or(lang: str, items: list[str]) -> str:
    """'a, b or c' in `lang`."""
    if len(items) < 2:  # noqa: PLR2004
        return "".join(items)
    return f"{', '.join(items[:-1])} {text(lang, 'or')} {items[-1]}"


def _clock(lang: str, moment: datetime) -> str:
    """'6 PM', '6:04 PM', '18 Uhr', '18:04 Uhr' as the language's formats say."""
    formats = PHRASES[lang].formats
    pattern = formats.hour_minutes if moment.minute else formats.hour
    return pattern.format(
        h=moment.hour,
        hh=f"{moment.hour:02d}",
        h12=moment.hour % 12 or 12,
        mm=f"{moment.minute:02d}",
        ampm=formats.am_pm[moment.hour >= 12],  # noqa: PLR2004
    )


def _date(lang: str, local: datetime) -> str:
    """A day more than a week away: 'Thursday December 3', 'Donnerstag 3.12.'."""
    phrases = PHRASES[lang]
    return phrases.formats.date.format(
        weekday=phrases.weekdays[local.weekday()],
        day=local.day,
        month=phrases.months[local.month - 1],
        month_number=local.month,
    )


def when_text(lang: str, moment: datetime, now: datetime, *, past: bool = False) -> str:
    """A moment said from today, in Home Assistant's zone.

    Ahead: 'now', 'today at 6 PM', 'tomorrow at 6 PM', 'Thursday at 6 PM',
    'Thursday December 3 at 6 PM'. With `past`: 'today at 6:04 PM',
    'yesterday at 6 PM', 'Monday at 6 PM' (a week or more: with the date).
    """
    if not past and moment <= now:
        return text(lang, "now")
    local, today = dt_util.as_local(moment), dt_util.as_local(now).date()
    days = (local.date() - today).days * (-1 if past else 1)
    if days <= 0:
        day = text(lang, "today")
    elif days == 1:
        day = text(lang, "yesterday" if past else "tomorrow")
    elif days > 6:  # noqa: PLR2004
        day = _date(lang, local)
    else:
        day = PHRASES[lang].weekdays[local.weekday()]
    return text(lang, "at", day=day, time=_clock(lang, local))


def _amount(lang: str, value: float) -> str:
    return f"{value:g}".replace(".", PHRASES[lang].formats.decimal_point)


def sets_text(lang: str, count: int) -> str:
    """'1 set', '3 sets'."""
    return text(lang, "set" if count == 1 else "sets", n=count)


def exercise_name(lang: str, exercise_id: str, *, plural: bool) -> str:
    """Spoken name: from the language's tables, else made from the catalog name.

    The catalog's (English) name is said in lower case but for proper words,
    with an 's' for the plural; every language but English names each
    exercise in its table (tests/test_phrases.py).
    """
    phrases = PHRASES[lang]
    if plural and exercise_id in phrases.plurals:
        return phrases.plurals[exercise_id]
    if exercise_id in phrases.exercise_names:
        return phrases.exercise_names[exercise_id]
    words = [
        w if w in phrases.proper_words else w.lower()
        for w in EXERCISES[exercise_id].name.split()
    ]
    if plural and not words[-1].endswith(("s", "ing", "balance")):
        words[-1] += "s"
    return " ".join(words)


def load_in(dose: Dose, unit: WeightUnit) -> float | None:
    """The dose's load in the entry's unit, to the nearest half."""
    if dose.load is None:
        return None
    load = dose.load
    if dose.unit is not None and dose.unit is not unit:
        load = load * LB_PER_KG if unit is WeightUnit.LB else load / LB_PER_KG
    return round(load * 2) / 2


def _minutes_block(seconds: int) -> bool:
    """Warm-ups and activation blocks are read in whole minutes."""
    return seconds >= 120 and seconds % 60 == 0  # noqa: PLR2004


def dose_text(lang: str, dose: Dose, unit: WeightUnit) -> str:
    """'3 sets of 5 conventional deadlifts at 60 kg'."""
    exercise = EXERCISES[dose.prescription.exercise]
    sets = sets_text(lang, dose.sets)
    if dose.seconds is not None and dose.sets == 1 and _minutes_block(dose.seconds):
        name = exercise_name(lang, exercise.id, plural=False)
        spoken = text(lang, "minutes", name=name, minutes=dose.seconds // 60)
    elif dose.seconds is not None:
        name = exercise_name(lang, exercise.id, plural=False)
        spoken = text(lang, "seconds", sets=sets, name=name, seconds=dose.seconds)
    else:
        name = exercise_name(lang, exercise.id, plural=True)
        spoken = text(lang, "reps", sets=sets, reps=dose.reps, name=name)
    if exercise.per_leg:
        spoken += text(lang, "per_leg")
    if (load := load_in(dose, unit)) is not None:
        spoken += text(lang, "load", load=_amount(lang, load), unit=str(unit))
    return spoken


def day_name(lang: str, day: ProgramDay | None) -> str:
    """The spoken name of a program day ('Tag 2 Kontrolle'); no day: 'your session'."""
    if day is None:
        return text(lang, "session")
    return PHRASES[lang].day_names.get(day.id, day.name)


def program_name(lang: str, program: Program) -> str:
    """The spoken name of a program, e.g. 'Kraft und Kontrolle'."""
    return PHRASES[lang].program_names.get(program.id, program.name)


def logged_speech(
    lang: str, outcome: LogOutcome, view: View, day: ProgramDay | None
) -> str:
    """'Logged Day 1 Strength: 11 sets. Next session Thursday at 6 PM — rest until then.'.

    A repeat names the stored session; a session inside the rest window says
    how soon it came and where the next one moved; while recovering, today
    and the next hard session are told apart, as in `next_speech`.
    """
    snapshot, what = view.snapshot, day_name(lang, day)
    session = outcome.session
    if outcome.duplicate:
        local = dt_util.as_local(session.performed_at)
        return text(lang, "duplicate", what=what, time=_clock(lang, local))
    sets = sets_text(lang, session.working_sets)
    when = when_text(lang, snapshot.next_session, snapshot.now)
    if outcome.since_last_hard is not None:
        hours = round(outcome.since_last_hard.total_seconds() / 3600)
        speech = text(
            lang, "logged_early", what=what, sets=sets, hours=hours, when=when
        )
    elif snapshot.next_workout.recovery:
        # Recovering: the next slot holds a light day; say today and the hard one.
        speech = text(lang, "logged", what=what, sets=sets)
        speech += " " + text(lang, "today_rest") + _hard_next(lang, view)
    else:
        speech = text(lang, "logged", what=what, sets=sets)
        speech += text(lang, "next", when=when)
        speech += text(lang, "rest") if snapshot.rest_required else "."
    if outcome.records:
        speech += text(lang, "record")
    return speech


def deleted_speech(
    lang: str, session: Session, day: ProgramDay | None, now: datetime
) -> str:
    """'Deleted Day 1 Strength from today at 6:04 PM.'."""
    when = when_text(lang, session.performed_at, now, past=True)
    return text(lang, "deleted", what=day_name(lang, day), when=when)


def _hard_next(lang: str, view: View) -> str:
    """' Next hard session: Friday at 6 PM, Day 1 Strength.'.

    In pain, none is planned until the person says it has gone; otherwise
    nothing is said when none is planned.
    """
    hard = view.outlook.next_hard
    if hard is None:
        wellness = view.snapshot.wellness
        in_pain = wellness is not None and wellness.pain
        return text(lang, "no_hard_in_pain") if in_pain else ""
    when = when_text(lang, hard.start, view.snapshot.now)
    return text(lang, "next_hard", when=when, day=day_name(lang, hard.workout.day))


def next_speech(lang: str, view: View) -> str:
    """'Next session: Day 2 Control, Thursday at 6 PM.' (+ rest window).

    While resting or recovering, today and the next hard session are told
    apart: 'Today: rest or light mobility. Next hard session: …'.
    """
    snapshot = view.snapshot
    day = day_name(lang, snapshot.next_workout.day)
    if snapshot.session_due:
        return text(lang, "due_now", day=day)
    if view.outlook.today is Today.REST:
        return text(lang, "today_rest") + _hard_next(lang, view)
    when = when_text(lang, snapshot.next_session, snapshot.now)
    speech = text(lang, "next_session", day=day, when=when)
    if snapshot.rest_until is not None and snapshot.rest_required:
        rest = when_text(lang, snapshot.rest_until, snapshot.now)
        speech += text(lang, "rest_until", when=rest)
    return speech


def progress_speech(lang: str, snapshot: CoachSnapshot) -> str:
    """'1 of 2 sessions and 11 of 12 sets this week.'."""
    speech = text(
        lang,
        "progress",
        s=snapshot.weekly_sessions,
        st=snapshot.sessions_target,
        w=snapshot.weekly_sets,
        wt=snapshot.sets_target,
    )
    if snapshot.weekly_goal_met:
        speech += text(lang, "goal_met")
    if snapshot.streak_weeks:
        speech += text(lang, "streak", n=snapshot.streak_weeks)
    return speech


def workout_speech(lang: str, view: View, unit: WeightUnit) -> str:
    """The day and its first working exercises: 'Today at 6 PM, Day 1 Strength: ...'.

    On a rest day the answer starts with 'Today: rest or light mobility.';
    while recovering, the light day is offered for today and the next hard
    session follows, so the two are never joined into one appointment.
    """
    snapshot = view.snapshot
    workout = snapshot.next_workout
    doses = [d for d in workout.doses if EXERCISES[d.prescription.exercise].working]
    items = [dose_text(lang, d, unit) for d in (doses or list(workout.doses))]
    spoken = join_and(lang, items[:MAX_READ_OUT])
    if workout.recovery:
        light = text(lang, "recovery", day=day_name(lang, workout.day), items=spoken)
        return light + _hard_next(lang, view)
    when = when_text(lang, snapshot.next_session, snapshot.now)
    speech = text(
        lang,
        "workout",
        when=when[:1].upper() + when[1:],
        day=day_name(lang, workout.day),
        items=spoken,
    )
    if view.outlook.today is Today.REST:
        return f"{text(lang, 'today_rest')} {speech}"
    return speech


def soreness_speech(lang: str, view: View, level: int, pain: bool) -> str:
    """'Noted soreness 6 of 10.' and the next session (or today and the next hard one)."""
    speech = text(lang, "pain" if pain else "soreness", level=level)
    return f"{speech} {next_speech(lang, view)}"
