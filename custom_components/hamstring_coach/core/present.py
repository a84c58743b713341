"""JSON views of the coach snapshot, shared by attributes, actions and voice."""

from __future__ import annotations

from datetime import datetime

from .catalog import EXERCISES
from .coach import CoachSnapshot, Workout
from .models import Prescription, Span
from .serialize import JsonObject, JsonValue


def span_text(span: Span) -> str:
    """'8-10' for a range, '3' for a fixed dose.

    >>> span_text(Span(low=8, high=10)), span_text(Span(low=3, high=3))
    ('8-10', '3')
    """
    return str(span.low) if span.low == span.high else f"{span.low}-{span.high}"


def prescription_dict(item: Prescription) -> JsonObject:
    """One exercise of a workout with its dose, e.g. 3 x 8-10 reps."""
    exercise = EXERCISES[item.exercise]
    out: JsonObject = {
        "exercise": item.exercise,
        "name": exercise.name,
        "sets": span_text(item.sets),
        "per_leg": exercise.per_leg,
        "working": exercise.working,
    }
    if item.reps is not None:
        out["reps"] = span_text(item.reps)
    if item.seconds is not None:
        out["seconds"] = span_text(item.seconds)
    if item.hold_seconds is not None:
        out["hold_seconds"] = span_text(item.hold_seconds)
    if item.note:
        out["note"] = item.note
    return out


def workout_dict(workout: Workout) -> JsonObject:
    """The next workout: its day and every exercise with its prescription."""
    return {
        "program_day": workout.day.id,
        "name": workout.day.name,
        "kind": str(workout.day.kind),
        "hard": workout.day.hard,
        "recovery": workout.recovery,
        "exercises": [prescription_dict(p) for p in workout.day.exercises],
    }


def _iso(value: datetime | None) -> JsonValue:
    return None if value is None else value.isoformat()


def status_dict(snapshot: CoachSnapshot) -> JsonObject:
    """Everything the coach knows, under the entity keys (for `get_status`)."""
    last = snapshot.last_session
    wellness = snapshot.wellness
    return {
        "training_status": str(snapshot.status),
        "next_session": _iso(snapshot.next_session),
        "next_session_reason": str(snapshot.next_session_reason),
        "last_session": None if last is None else _iso(last.performed_at),
        "last_hard_session": (
            None
            if snapshot.last_hard_session is None
            else _iso(snapshot.last_hard_session.performed_at)
        ),
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
        "phase": snapshot.phase,
        "week_start": _iso(snapshot.week_start),
        "week_end": _iso(snapshot.week_end),
        "next_workout": workout_dict(snapshot.next_workout),
        "soreness": None if wellness is None else wellness.soreness,
        "pain": None if wellness is None else wellness.pain,
    }
