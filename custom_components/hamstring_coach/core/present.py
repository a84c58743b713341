"""JSON views of the coach snapshot, shared by attributes, actions and voice."""

from __future__ import annotations

from datetime import datetime

from .catalog import EXERCISES
from .coach import CoachSnapshot
from .models import ExerciseLog, Prescription, Program, ProgramDay, Session, Span
from .phases import PhaseProgress
from .progression import Dose
from .serialize import JsonObject, JsonValue, session_to_dict
from .wording import DOSE, ENGLISH, Wording, fill, note_key
from .workout import Workout


def span_text(span: Span) -> str:
    """'8-10' for a range, '3' for a fixed dose.

    >>> span_text(Span(low=8, high=10)), span_text(Span(low=3, high=3))
    ('8-10', '3')
    """
    return str(span.low) if span.low == span.high else f"{span.low}-{span.high}"


def exercise_name(exercise_id: str, wording: Wording = ENGLISH) -> str:
    """The exercise's name; the id itself for one outside the catalog.

    >>> exercise_name("nordic_curl"), exercise_name("unknown_move")
    ('Nordic hamstring curl', 'unknown_move')
    """
    known = EXERCISES.get(exercise_id)
    english = exercise_id if known is None else known.name
    return wording.word("exercise", exercise_id, english)


def day_name(day: ProgramDay, wording: Wording = ENGLISH) -> str:
    """The program day's name."""
    return wording.word("day", day.id, day.name)


def program_name(program: Program, wording: Wording = ENGLISH) -> str:
    """The program's name (the flows' program options)."""
    return wording.word("program", program.id, program.name)


def note_text(note: str, wording: Wording = ENGLISH) -> str:
    """A prescription's note in `wording`'s language."""
    return wording.word("exercise_note", note_key(note), note)


def phrase(key: str, wording: Wording, **values: str | int | float) -> str:
    """One dose or session pattern of `DOSE`, filled in."""
    english = DOSE[key]
    return fill(wording.word("dose", key, english), english, values)


def dose_dict(dose: Dose, wording: Wording = ENGLISH) -> JsonObject:
    """One exercise of a workout: today's target, the prescribed range and why."""
    item = dose.prescription
    exercise = EXERCISES[item.exercise]
    out: JsonObject = {
        "exercise": item.exercise,
        "name": exercise_name(item.exercise, wording),
        "sets": dose.sets,
        "per_leg": exercise.per_leg,
        "working": exercise.working,
        "loadable": exercise.loadable,
        "prescription": prescription_text(item, wording, per_leg=exercise.per_leg),
        "change": str(dose.change),
        "progression": dose.why.text(wording),
    }
    for key, value in (
        ("reps", dose.reps),
        ("seconds", dose.seconds),
        ("load", dose.load),
    ):
        if value is not None:
            out[key] = value
    if dose.unit is not None:  # also before the first load: what to log it in
        out["unit"] = str(dose.unit)
    if item.hold_seconds is not None:
        out["hold_seconds"] = span_text(item.hold_seconds)
    if item.note:
        out["note"] = note_text(item.note, wording)
    return out


def log_text(item: ExerciseLog, wording: Wording = ENGLISH) -> str:
    """A logged or planned dose as written text, for the calendar and the to-do list.

    >>> log_text(ExerciseLog(exercise="romanian_deadlift", sets=3, reps=10,
    ...                      load=60.0, unit="kg"))
    '3 x 10 reps at 60 kg'
    >>> log_text(ExerciseLog(exercise="hamstring_stretch", sets=2, seconds=30))
    '2 x 30 s'
    >>> log_text(ExerciseLog(exercise="warm_up", sets=1, seconds=480))
    '1 x 8 min'
    """
    if item.reps is not None:
        dose = phrase("log_reps", wording, sets=item.sets, reps=item.reps)
    elif item.seconds is not None and _whole_minutes(
        Span(low=item.seconds, high=item.seconds)
    ):
        dose = phrase(
            "log_minutes", wording, sets=item.sets, minutes=item.seconds // 60
        )
    else:
        dose = phrase("log_seconds", wording, sets=item.sets, seconds=item.seconds or 0)
    if item.load is not None and item.unit is not None:
        load = f"{item.load:g}"
        return phrase("with_load", wording, dose=dose, load=load, unit=str(item.unit))
    return dose


def log_line(item: ExerciseLog, wording: Wording = ENGLISH) -> str:
    """'Romanian deadlift: 3 x 10 reps at 60 kg'."""
    name = exercise_name(item.exercise, wording)
    return phrase("line", wording, exercise=name, dose=log_text(item, wording))


def _whole_minutes(span: Span) -> bool:
    """Blocks of two minutes or more read better in minutes (warm-ups)."""
    return span.low >= 120 and span.low % 60 == 0 and span.high % 60 == 0  # noqa: PLR2004


def prescription_text(
    item: Prescription, wording: Wording = ENGLISH, *, per_leg: bool = False
) -> str:
    """'3 x 8-10', '2 x 20-30 s', '2 x 10 per leg', '1 x 8-10 min'."""
    sets = span_text(item.sets)
    seconds = item.seconds
    if seconds is None:  # a prescription has reps or seconds, never both
        reps = "" if item.reps is None else span_text(item.reps)
        dose = phrase("sets_reps", wording, sets=sets, reps=reps)
    elif _whole_minutes(seconds):
        minutes = Span(low=seconds.low // 60, high=seconds.high // 60)
        dose = phrase("sets_minutes", wording, sets=sets, minutes=span_text(minutes))
    else:
        dose = phrase("sets_seconds", wording, sets=sets, seconds=span_text(seconds))
    return phrase("per_leg", wording, dose=dose) if per_leg else dose


def workout_dict(workout: Workout, wording: Wording = ENGLISH) -> JsonObject:
    """The next workout: its day and every exercise with its dose."""
    return {
        "program_day": workout.day.id,
        "name": day_name(workout.day, wording),
        "kind": str(workout.day.kind),
        "hard": workout.day.hard,
        "recovery": workout.recovery,
        "exercises": [dose_dict(d, wording) for d in workout.doses],
    }


def phase_dict(progress: PhaseProgress) -> JsonObject:
    """Phase and what moves the person on (R6, R7)."""
    out: JsonObject = {"phase": progress.phase, "phases": progress.phases}
    if progress.sessions_needed is not None:
        out["sessions_done"] = progress.sessions_done
        out["sessions_needed"] = progress.sessions_needed
        out["pain_free"] = progress.pain_free
    if progress.next_phase_on is not None:
        out["next_phase_on"] = progress.next_phase_on.isoformat()
    return out


def _iso(value: datetime | None) -> JsonValue:
    return None if value is None else value.isoformat()


def status_dict(
    snapshot: CoachSnapshot,
    guidance: str | None = None,
    wording: Wording = ENGLISH,
) -> JsonObject:
    """Everything the coach knows, under the entity keys (for `get_status`).

    `guidance` is the text of `snapshot.advice` in the person's language
    (the texts live in the translations, the core only knows the id);
    `wording` gives the workout's names, notes, doses and reasons.
    """
    last = snapshot.last_session
    hard = snapshot.last_hard_session
    wellness = snapshot.wellness
    advice = snapshot.advice
    return {
        "training_status": str(snapshot.status),
        "next_session": _iso(snapshot.next_session),
        "next_session_reason": str(snapshot.next_session_reason),
        "last_session": None if last is None else _iso(last.performed_at),
        "last_hard_session": None if hard is None else _iso(hard.performed_at),
        "days_since_last_session": snapshot.days_since_last_session,
        "weekly_sessions": snapshot.weekly_sessions,
        "weekly_sets": snapshot.weekly_sets,
        "targets": {
            "weekly_sessions": snapshot.sessions_target,
            "weekly_sets": snapshot.sets_target,
        },
        "rest_until": _iso(snapshot.rest_until),
        "rest_required": snapshot.rest_required,
        "session_due": snapshot.session_due,
        "weekly_goal_met": snapshot.weekly_goal_met,
        "streak": snapshot.streak_weeks,
        "phase": phase_dict(snapshot.phase),
        "week_start": _iso(snapshot.week_start),
        "week_end": _iso(snapshot.week_end),
        "next_workout": workout_dict(snapshot.next_workout, wording),
        "soreness": None if wellness is None else wellness.soreness,
        "pain": None if wellness is None else wellness.pain,
        "advice": None if advice is None else str(advice),
        "guidance": guidance,
        "warning_signs": list(snapshot.warning_signs),
        "symptoms_since": _iso(snapshot.symptoms_since),
    }


def session_view(session: Session) -> JsonObject:
    """A session as actions answer it: `session_id` first, then the stored fields.

    The stored form's `id` stays as well, for one release, so automations
    written against it keep working; `session_id` is the name everywhere else
    (the `log_session` response and the events).
    """
    return {"session_id": session.id, **session_to_dict(session)}
