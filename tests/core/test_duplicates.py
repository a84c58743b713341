"""A session reported twice is stored once (duplicates.py, state.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from custom_components.hamstring_coach.core.duplicates import (
    DUPLICATES,
    DuplicateRule,
    find_duplicate,
    same_exercises,
)
from custom_components.hamstring_coach.core.models import ExerciseLog
from custom_components.hamstring_coach.core.state import CoachState, LogOutcome

from .test_state import MONDAY, empty, fingerprint, log, rdl


def first() -> tuple[CoachState, LogOutcome]:
    """Day 1 logged without a day, as the button and "I did my workout" do."""
    state, outcome = log(empty(), MONDAY, "a")
    assert isinstance(outcome, LogOutcome)
    return state, outcome


def test_window_is_thirty_minutes() -> None:
    """The rule is data: half an hour by default."""
    assert DUPLICATES.window == timedelta(minutes=30)


@pytest.mark.parametrize("minutes", [0, 5, 29])
def test_repeat_without_day_is_the_stored_session(minutes: int) -> None:
    """A second report without a day inside the window stores nothing."""
    state, stored = first()
    saved = fingerprint(state)
    again, outcome = log(state, MONDAY + timedelta(minutes=minutes), "b")
    assert isinstance(outcome, LogOutcome)
    assert again is state
    assert fingerprint(again) == saved
    assert outcome.duplicate is True
    assert outcome.session.id == "a"
    assert outcome.session == stored.session
    assert outcome.records == ()


def test_same_day_named_is_a_duplicate() -> None:
    """Naming the day the first report logged is still the same session."""
    state, _ = first()
    _, outcome = log(
        state, MONDAY + timedelta(minutes=10), "b", program_day="strength_day"
    )
    assert isinstance(outcome, LogOutcome)
    assert (outcome.duplicate, outcome.session.id) == (True, "a")


@pytest.mark.parametrize(
    "fields",
    [
        {"program_day": "control_day"},
        {"allow_duplicate": True},
        {"exercises": rdl(60)},
    ],
    ids=["other day", "allowed", "other exercises"],
)
def test_different_or_allowed_logs_again(fields: dict[str, object]) -> None:
    """Another day, other exercises or `allow_duplicate` log a second session."""
    state, _ = first()
    new, outcome = log(state, MONDAY + timedelta(minutes=10), "b", **fields)
    assert isinstance(outcome, LogOutcome)
    assert outcome.duplicate is False
    assert outcome.session.id == "b"
    assert len(new.log) == 2


def test_after_the_window_logs_again() -> None:
    """Thirty minutes later it is a new session (that breaks the rest window)."""
    state, _ = first()
    new, outcome = log(state, MONDAY + timedelta(minutes=30), "b")
    assert isinstance(outcome, LogOutcome)
    assert outcome.duplicate is False
    assert len(new.log) == 2
    assert outcome.rest_violation is True
    assert outcome.since_last_hard == timedelta(minutes=30)


def test_same_exercises_twice_is_a_duplicate() -> None:
    """One exercise reported twice with the same dose is stored once."""
    state, _ = log(empty(), MONDAY, "a", exercises=rdl(60))
    new, outcome = log(state, MONDAY + timedelta(minutes=3), "b", exercises=rdl(60))
    assert isinstance(outcome, LogOutcome)
    assert (outcome.duplicate, len(new.log)) == (True, 1)


def test_a_light_session_said_twice_is_stored_once() -> None:
    """Found on the dev instance: two "I did my workout" while recovering logged two."""
    state, _ = log(empty(), MONDAY, "a", program_day="light_day")
    new, outcome = log(
        state, MONDAY + timedelta(minutes=1), "b", program_day="light_day"
    )
    assert isinstance(outcome, LogOutcome)
    assert (outcome.duplicate, outcome.session.id, len(new.log)) == (True, "a", 1)


def test_light_and_hard_sessions_never_repeat_each_other() -> None:
    """Mobility right after the hard session is its own session, either way round."""
    state, _ = log(empty(), MONDAY, "a", program_day="strength_day")
    state, outcome = log(
        state, MONDAY + timedelta(minutes=5), "b", program_day="light_day"
    )
    assert isinstance(outcome, LogOutcome)
    assert (outcome.duplicate, len(state.log)) == (False, 2)
    new, outcome = log(
        state, MONDAY + timedelta(minutes=10), "c", program_day="light_day"
    )
    assert isinstance(outcome, LogOutcome)
    assert (outcome.duplicate, outcome.session.id, len(new.log)) == (True, "b", 2)


def test_find_duplicate_reads_the_rule_and_both_sides() -> None:
    """A report just before a stored session also matches; the window is a parameter."""
    state, stored = first()
    near = {"hard": True, "program_day": None, "exercises": None}
    before = MONDAY - timedelta(minutes=10)
    assert find_duplicate(state.log, performed_at=before, **near) == stored.session
    short = DuplicateRule(window=timedelta(minutes=5))
    assert find_duplicate(state.log, performed_at=before, rule=short, **near) is None
    light = {**near, "hard": False}
    assert find_duplicate(state.log, performed_at=before, **light) is None


def test_same_exercises_compares_doses_not_order() -> None:
    """Order does not matter; sets, reps and load do."""
    a = ExerciseLog(exercise="romanian_deadlift", sets=3, reps=8, load=60)
    b = ExerciseLog(exercise="nordic_curl", sets=3, reps=5)
    assert same_exercises(None, (a,))
    assert same_exercises((a, b), (b, a))
    assert not same_exercises((a,), (a, b))
    assert not same_exercises(
        (ExerciseLog(exercise="romanian_deadlift", sets=3, reps=8, load=65),), (a,)
    )
