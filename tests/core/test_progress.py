"""Progress: weekly history against the targets, and exercise trends with records."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from random import Random
from zoneinfo import ZoneInfo

import pytest

from custom_components.hamstring_coach.core.log import TrainingLog
from custom_components.hamstring_coach.core.models import (
    ExerciseLog,
    Session,
    WeightUnit,
)
from custom_components.hamstring_coach.core.progress import (
    Targets,
    exercise_trends,
    week_window,
    weekly_history,
)
from custom_components.hamstring_coach.core.progress_view import (
    ProgressQuery,
    progress_dict,
)
from custom_components.hamstring_coach.core.records import RecordBook, epley

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 11, 23)


def at(day: date, hour: int = 18) -> datetime:
    """A Berlin wall time on a day, as UTC."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN).astimezone(UTC)


def rdl(load: float, reps: int, unit: WeightUnit = WeightUnit.KG) -> ExerciseLog:
    """Three sets of Romanian deadlifts."""
    return ExerciseLog(
        exercise="romanian_deadlift", sets=3, reps=reps, load=load, unit=unit
    )


def session(
    sid: str, when: datetime, *items: ExerciseLog, hard: bool = True, sets: int = 6
) -> Session:
    """A session with the given exercises."""
    return Session(
        id=sid, performed_at=when, hard=hard, working_sets=sets, exercises=items
    )


def test_week_window_counts_back_or_from_start() -> None:
    """The window ends with today's week; `start` widens it to its week."""
    assert week_window(MONDAY + timedelta(days=3), 0, weeks=12) == (
        MONDAY - timedelta(weeks=11),
        12,
    )
    # Weeks starting on Sunday: Wednesday 25th belongs to the week of the 22nd.
    assert week_window(date(2026, 11, 25), 6, weeks=1) == (date(2026, 11, 22), 1)
    # A start after today is the current week only.
    assert week_window(MONDAY, 0, weeks=5, start=MONDAY + timedelta(days=30)) == (
        MONDAY,
        1,
    )


def test_weekly_history_totals_flags_and_sessions() -> None:
    """Counted sessions, sets, met (both targets), paused and current weeks."""
    last = MONDAY - timedelta(weeks=1)
    before = MONDAY - timedelta(weeks=2)
    log = TrainingLog(
        [
            session("a", at(before), sets=7),
            session("b", at(before + timedelta(days=3)), sets=6),
            session("c", at(last), sets=5),
            session("d", at(last + timedelta(days=1)), hard=False, sets=0),
            # Sunday 23:30 Berlin is still the old week (Sunday 22:30 UTC).
            session("e", at(MONDAY - timedelta(days=1), 23), sets=8),
            session("f", at(MONDAY), sets=6),
        ],
        BERLIN,
    )
    targets = Targets(
        sessions=2, sets=12, frozen=frozenset({before - timedelta(weeks=1)})
    )
    weeks = weekly_history(
        log, first=before - timedelta(weeks=1), weeks=4, current=MONDAY, targets=targets
    )
    got = [
        (w.start, w.hard_sessions, w.working_sets, w.met, w.paused, w.current)
        for w in weeks
    ]
    assert got == [
        (before - timedelta(weeks=1), 0, 0, False, True, False),
        (before, 2, 13, True, False, False),
        (last, 2, 13, True, False, False),
        (MONDAY, 1, 6, False, False, True),
    ]
    assert [s.id for s in weeks[2].sessions] == ["c", "d", "e"]
    # A light-only phase counts every session and has no set target.
    light = weekly_history(
        log,
        first=last,
        weeks=1,
        current=MONDAY,
        targets=Targets(sessions=2, sets=12, light_only=True),
    )
    assert (light[0].hard_sessions, light[0].sets_target, light[0].met) == (3, 0, True)
    # A skip counts toward the session target, not the sets.
    skipped = weekly_history(
        log,
        first=MONDAY,
        weeks=1,
        current=MONDAY,
        targets=Targets(sessions=2, sets=6, skips={MONDAY: 1}),
    )
    assert (skipped[0].skipped, skipped[0].met) == (1, True)


def test_trend_marks_records_against_the_whole_log() -> None:
    """Epley per session; a record only when it beats every earlier session."""
    days = [MONDAY - timedelta(weeks=n) for n in (6, 3, 2, 1, 0)]
    log = TrainingLog(
        [
            session("old", at(days[0]), rdl(100, 5)),  # 116.7, before the window
            session("w1", at(days[1]), rdl(90, 5), rdl(100, 3)),  # best 110.0
            session("w2", at(days[2]), rdl(100, 6)),  # 120.0: record
            session("w3", at(days[3]), rdl(110, 3)),  # 121.0: record
            session(
                "w4",
                at(days[4]),
                ExerciseLog(exercise="nordic_curl", sets=2, reps=5),
                ExerciseLog(exercise="isometric_bridge_hold", sets=2, seconds=30),
                ExerciseLog(exercise="hamstring_stretch", sets=1, seconds=30),
            ),
        ],
        BERLIN,
    )
    trends = exercise_trends(
        log, start=at(days[1], 0), end=at(MONDAY + timedelta(days=7), 0)
    )
    by_id = {t.exercise: t for t in trends}
    assert set(by_id) == {"romanian_deadlift", "nordic_curl", "isometric_bridge_hold"}
    rdl_trend = by_id["romanian_deadlift"]
    assert (rdl_trend.metric, rdl_trend.unit) == ("estimated_1rm", "kg")
    assert [(p.session_id, p.value, p.record) for p in rdl_trend.points] == [
        ("w1", round(epley(100, 3), 1), False),
        ("w2", 120.0, True),
        ("w3", 121.0, True),
    ]
    assert rdl_trend.points[0].item.load == 100
    nordic, hold = by_id["nordic_curl"], by_id["isometric_bridge_hold"]
    assert (nordic.metric, nordic.unit, nordic.points[0].value) == (
        "most_reps",
        "reps",
        5,
    )
    assert (hold.metric, hold.unit, hold.points[0].record) == (
        "longest_hold",
        "s",
        True,
    )
    # One exercise only; in pounds the estimate is converted.
    only = exercise_trends(
        log,
        start=at(days[1], 0),
        end=at(MONDAY, 0),
        exercises=("romanian_deadlift",),
        weight_unit=WeightUnit.LB,
    )
    assert [t.exercise for t in only] == ["romanian_deadlift"]
    assert only[0].unit == "lb"
    assert [p.value for p in only[0].points] == [
        round(epley(100, 3) / 0.45359237, 1),
        round(120 / 0.45359237, 1),
        round(121 / 0.45359237, 1),
    ]


@pytest.mark.parametrize("weeks", [1, 4, 12])
def test_progress_dict_window_and_keys(weeks: int) -> None:
    """The answer covers `weeks` weeks up to today's, oldest first."""
    sessions = [
        session(f"s{n}", at(MONDAY - timedelta(weeks=n)), rdl(80 + n, 5))
        for n in range(20)
    ]
    log = TrainingLog(sessions, BERLIN)
    out = progress_dict(
        log,
        RecordBook.build(log),
        ProgressQuery(today=MONDAY + timedelta(days=2), weeks=weeks),
        targets=Targets(sessions=1, sets=6),
        streak=7,
    )
    assert out["streak"] == 7
    assert out["week_start"] == (MONDAY - timedelta(weeks=weeks - 1)).isoformat()
    assert [w["week_start"] for w in out["weeks"]] == [
        (MONDAY - timedelta(weeks=n)).isoformat() for n in reversed(range(weeks))
    ]
    assert all(w["met"] for w in out["weeks"])
    assert [w["current"] for w in out["weeks"]][-1] is True
    [trend] = out["exercises"]
    assert trend["name"] == "Romanian deadlift"
    assert len(trend["points"]) == weeks
    # Loads fall week by week towards today: only the oldest-ever is a record.
    assert not any(p["record"] for p in trend["points"])
    assert {r["kind"] for r in trend["records"]} == {"estimated_1rm", "heaviest"}
    assert out["weeks"][-1]["sessions"][0]["session_id"] == "s0"


@pytest.mark.parametrize("seed", range(5))
def test_trend_with_the_record_book_is_the_same(seed: int) -> None:
    """Skipping earlier sessions of exercises with old records changes nothing."""
    rng = Random(seed)
    sessions = [
        session(
            f"s{n}",
            at(MONDAY - timedelta(days=3 * n)),
            rdl(rng.choice([60, 70, 80, 90]), rng.randint(3, 12)),
            ExerciseLog(exercise="nordic_curl", sets=2, reps=rng.randint(3, 8)),
        )
        for n in range(60)
    ]
    log = TrainingLog(sessions, BERLIN)
    start, end = at(MONDAY - timedelta(weeks=8), 0), at(MONDAY + timedelta(days=7), 0)
    plain = exercise_trends(log, start=start, end=end)
    assert plain == exercise_trends(
        log, start=start, end=end, records=RecordBook.build(log)
    )
