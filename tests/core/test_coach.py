"""Worked examples for the coach (docs/coaching.md): schedule, status, weeks, DST, streaks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from custom_components.hamstring_coach.core.coach import evaluate
from custom_components.hamstring_coach.core.log import TrainingLog
from custom_components.hamstring_coach.core.models import (
    HIGH_SORENESS,
    DayKind,
    NextReason,
    Prescription,
    Program,
    ProgramDay,
    Session,
    Settings,
    SorenessReport,
    Span,
    Status,
)
from custom_components.hamstring_coach.core.phases import current_phase
from custom_components.hamstring_coach.core.recovery import latest_wellness

BERLIN = ZoneInfo("Europe/Berlin")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def _day(day_id: str, kind: DayKind, phase: int | None = None) -> ProgramDay:
    dose = Prescription(
        exercise="romanian_deadlift",
        sets=Span(low=3, high=3),
        reps=Span(low=8, high=10),
    )
    return ProgramDay(
        id=day_id, name=day_id.title(), kind=kind, exercises=(dose,), phase=phase
    )


PROGRAM = Program(
    id="test",
    name="Test",
    source="000",
    days=(
        _day("day_a", DayKind.STRENGTH),
        _day("day_b", DayKind.CONTROL),
        _day("day_light", DayKind.LIGHT),
    ),
)
SETTINGS = Settings(
    program="test", training_days=frozenset({MON, THU}), training_time=time(18)
)


def at(
    tz: ZoneInfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0
) -> datetime:
    """A local wall-clock time as an aware datetime."""
    return datetime(year, month, day, hour, minute, tzinfo=tz)


_counter = iter(range(1_000_000))


def session(
    when: datetime,
    *,
    hard: bool = True,
    sets: int = 10,
    day: str | None = "day_a",
    **extra: object,
) -> Session:
    """A session with a fresh id."""
    return Session(
        id=f"s{next(_counter)}",
        performed_at=when,
        hard=hard,
        working_sets=sets,
        program_day=day,
        **extra,  # type: ignore[arg-type]
    )


def run(
    sessions: list[Session],
    now: datetime,
    *,
    tz: ZoneInfo = BERLIN,
    settings: Settings = SETTINGS,
    report: SorenessReport | None = None,
):
    """Evaluate the coach over a log built from `sessions`."""
    return evaluate(
        TrainingLog(sessions, tz),
        PROGRAM,
        settings,
        now=now,
        reports=() if report is None else (report,),
    )


# --- next_session and status through a Monday/Thursday week ----------------

MONDAY_EVENING = [session(at(BERLIN, 2026, 11, 23, 19))]


@pytest.mark.parametrize(
    ("now", "status", "rest_required", "session_due"),
    [
        pytest.param(
            at(BERLIN, 2026, 11, 23, 20),
            Status.RESTING,
            True,
            False,
            id="R2-monday-night-resting",
        ),
        pytest.param(
            at(BERLIN, 2026, 11, 25, 18, 59),
            Status.RESTING,
            True,
            False,
            id="R2-wednesday-before-rest-ends",
        ),
        pytest.param(
            at(BERLIN, 2026, 11, 25, 19),
            Status.READY,
            False,
            False,
            id="R2-rest-ends-wednesday-19h",
        ),
        pytest.param(
            at(BERLIN, 2026, 11, 26, 18), Status.DUE, False, True, id="due-thursday-18h"
        ),
        pytest.param(
            at(BERLIN, 2026, 11, 26, 23, 59),
            Status.DUE,
            False,
            True,
            id="due-until-thursday-ends",
        ),
    ],
)
def test_monday_evening_session_makes_thursday_next(
    now: datetime, status: Status, rest_required: bool, session_due: bool
) -> None:
    """R2: 48 h after Monday 19:00 the next Mon/Thu slot is Thursday 18:00."""
    snap = run(MONDAY_EVENING, now)
    assert snap.next_session == at(BERLIN, 2026, 11, 26, 18).astimezone(UTC)
    assert snap.next_session_reason is NextReason.PREFERRED_DAY
    assert snap.rest_until == at(BERLIN, 2026, 11, 25, 19).astimezone(UTC)
    assert snap.status is status
    assert snap.rest_required is rest_required
    assert snap.session_due is session_due
    assert snap.weekly_sessions == 1
    assert snap.weekly_sets == 10


def test_missed_thursday_becomes_catch_up_on_friday() -> None:
    """R1: when Thursday ends without a session, Friday 18:00 is a catch-up."""
    snap = run(MONDAY_EVENING, at(BERLIN, 2026, 11, 27, 9))
    assert snap.next_session == at(BERLIN, 2026, 11, 27, 18).astimezone(UTC)
    assert snap.next_session_reason is NextReason.CATCH_UP
    assert snap.status is Status.READY


def test_light_day_does_not_start_rest_window() -> None:
    """Definitions: a light session neither rests nor counts for R1 or R3's sets."""
    light = session(at(BERLIN, 2026, 11, 23, 19), hard=False, sets=4, day="day_light")
    snap = run([light], at(BERLIN, 2026, 11, 23, 20))
    assert snap.rest_until is None
    assert snap.rest_required is False
    assert snap.weekly_sessions == 0
    assert snap.weekly_sets == 0  # R3: only hard sessions' working sets count
    # Monday's 18:00 slot is still open today: the hard session is due.
    assert snap.status is Status.DUE
    assert snap.next_session == at(BERLIN, 2026, 11, 23, 18).astimezone(UTC)


def test_sessions_logged_out_of_order() -> None:
    """Backdated sessions slot into time order; 'last' means latest performed."""
    thursday = session(at(BERLIN, 2026, 11, 26, 18), day="day_b")
    monday = session(at(BERLIN, 2026, 11, 23, 18), day="day_a")
    log = TrainingLog([], BERLIN).add(thursday).add(monday)
    assert [s.id for s in log] == [monday.id, thursday.id]
    snap = evaluate(log, PROGRAM, SETTINGS, now=at(BERLIN, 2026, 11, 27, 12))
    assert snap.last_session == thursday
    assert snap.last_hard_session == thursday
    assert snap.weekly_sessions == 2
    assert snap.weekly_goal_met is True  # 2 sessions, 20 working sets
    assert snap.next_workout.day.id == "day_a"
    assert snap.rest_until == at(BERLIN, 2026, 11, 28, 18).astimezone(UTC)


@pytest.mark.parametrize(
    ("first_weekday", "weekly_sessions", "week_start"),
    [
        pytest.param(MON, 2, at(BERLIN, 2026, 11, 23), id="week-starts-monday"),
        pytest.param(SUN, 1, at(BERLIN, 2026, 11, 29), id="week-starts-sunday"),
    ],
)
def test_first_weekday(
    first_weekday: int, weekly_sessions: int, week_start: datetime
) -> None:
    """A Sunday session belongs to the Monday week or opens the Sunday week."""
    sessions = [
        session(at(BERLIN, 2026, 11, 23, 18)),
        session(at(BERLIN, 2026, 11, 29, 10)),
    ]
    settings = replace(SETTINGS, first_weekday=first_weekday)
    snap = run(sessions, at(BERLIN, 2026, 11, 29, 12), settings=settings)
    assert snap.weekly_sessions == weekly_sessions
    assert snap.week_start == week_start.astimezone(UTC)
    assert snap.week_end == (week_start + timedelta(days=7)).astimezone(UTC)


# --- behind ------------------------------------------------------------------


def test_only_sunday_left_one_session_missing_is_behind() -> None:
    """R1+R2: Saturday's session rests into Monday, so Sunday cannot hold the 2nd."""
    saturday = session(at(BERLIN, 2026, 11, 28, 18))
    snap = run([saturday], at(BERLIN, 2026, 11, 29, 9))
    assert snap.weekly_sessions == 1
    assert snap.status is Status.BEHIND
    assert snap.rest_required is True
    assert snap.session_due is False
    assert snap.next_session == at(BERLIN, 2026, 11, 30, 18).astimezone(UTC)


@pytest.mark.parametrize(
    ("now", "status", "next_session", "reason"),
    [
        pytest.param(
            at(BERLIN, 2026, 11, 27, 10),
            Status.READY,
            at(BERLIN, 2026, 11, 27, 18),
            NextReason.CATCH_UP,
            id="friday-two-missing-still-fits",
        ),
        pytest.param(
            at(BERLIN, 2026, 11, 28, 0),
            Status.BEHIND,
            at(BERLIN, 2026, 11, 28, 18),
            NextReason.CATCH_UP,
            id="saturday-two-missing-behind",
        ),
        pytest.param(
            at(BERLIN, 2026, 11, 29, 10),
            Status.BEHIND,
            at(BERLIN, 2026, 11, 29, 18),
            NextReason.CATCH_UP,
            id="sunday-two-missing-behind",
        ),
    ],
)
def test_empty_week_falls_behind_when_two_no_longer_fit(
    now: datetime, status: Status, next_session: datetime, reason: NextReason
) -> None:
    """Two sessions 48 h apart fit only while more than 48 h of the week are left."""
    snap = run([], now)
    assert snap.status is status
    assert snap.next_session == next_session.astimezone(UTC)
    assert snap.next_session_reason is reason


def test_week_met_uses_preferred_days_next_week() -> None:
    """With the target met, the next session simply is the next preferred day."""
    sessions = [
        session(at(BERLIN, 2026, 11, 23, 18)),
        session(at(BERLIN, 2026, 11, 26, 18), day="day_b"),
    ]
    snap = run(sessions, at(BERLIN, 2026, 11, 28, 20))
    assert snap.weekly_sessions == 2
    assert snap.weekly_goal_met is True
    assert snap.next_session == at(BERLIN, 2026, 11, 30, 18).astimezone(UTC)
    assert snap.next_session_reason is NextReason.PREFERRED_DAY
    assert snap.status is Status.READY


# --- DST ---------------------------------------------------------------------


def test_berlin_spring_forward_rest_window_is_48_real_hours() -> None:
    """Across CET->CEST, 48 h after Friday 18:00 is Sunday 19:00 local, not 18:00."""
    friday = session(at(BERLIN, 2026, 3, 27, 18))
    settings = replace(
        SETTINGS, training_days=frozenset({FRI, SUN}), sessions_per_week=1
    )
    snap = run([friday], at(BERLIN, 2026, 3, 29, 12), settings=settings)
    assert snap.rest_until == datetime(2026, 3, 29, 17, tzinfo=UTC)
    assert snap.rest_until.astimezone(BERLIN).hour == 19
    # Sunday 18:00 CEST (16:00 UTC) is inside the rest window; the week is met.
    assert snap.next_session == at(BERLIN, 2026, 4, 3, 18).astimezone(UTC)
    # The week ends at local midnight, which is 22:00 UTC in summer time.
    assert snap.week_end == datetime(2026, 3, 29, 22, tzinfo=UTC)
    assert snap.next_update == snap.rest_until


def test_berlin_spring_forward_catch_up_at_rest_end() -> None:
    """Catch-up inside a DST week lands on the real end of the rest window."""
    friday = session(at(BERLIN, 2026, 3, 27, 18))
    settings = replace(
        SETTINGS,
        training_days=frozenset({FRI, SUN}),
        sessions_per_week=2,
        min_rest_hours=48,
    )
    snap = run([friday], at(BERLIN, 2026, 3, 29, 12), settings=settings)
    assert snap.status is Status.RESTING
    assert snap.next_session == datetime(2026, 3, 29, 17, tzinfo=UTC)
    assert snap.next_session_reason is NextReason.CATCH_UP


def test_berlin_fall_back_week_has_169_hours() -> None:
    """The week of 25 Oct 2026 is one hour longer; days_since counts local days."""
    monday = session(at(BERLIN, 2026, 10, 19, 18))
    snap = run([monday], at(BERLIN, 2026, 10, 26, 0, 30))
    assert snap.week_start == datetime(2026, 10, 25, 23, tzinfo=UTC)
    assert snap.days_since_last_session == 7
    last_week = run([monday], at(BERLIN, 2026, 10, 25, 23, 30))
    assert last_week.week_end - last_week.week_start == timedelta(hours=169)


@pytest.mark.parametrize(
    ("now", "status"),
    [
        pytest.param(
            at(LOS_ANGELES, 2026, 10, 31, 0, 30), Status.READY, id="LA-before-threshold"
        ),
        pytest.param(
            at(LOS_ANGELES, 2026, 10, 31, 1, 30), Status.BEHIND, id="LA-after-threshold"
        ),
    ],
)
def test_los_angeles_fall_back_behind_threshold(now: datetime, status: Status) -> None:
    """In the 169-hour week ending 2 Nov 2026 (PST), two sessions fit until 48 real hours before its end."""
    settings = replace(SETTINGS, training_days=frozenset({SAT, SUN}))
    snap = run([], now, tz=LOS_ANGELES, settings=settings)
    assert snap.week_end == datetime(2026, 11, 2, 8, tzinfo=UTC)
    assert snap.status is status


def test_los_angeles_slot_after_fall_back_is_pst() -> None:
    """A Sunday 18:00 slot on the fall-back day is 18:00 PST (02:00 UTC next day)."""
    settings = replace(SETTINGS, training_days=frozenset({SUN}), sessions_per_week=1)
    snap = run([], at(LOS_ANGELES, 2026, 11, 1, 9), tz=LOS_ANGELES, settings=settings)
    assert snap.next_session == datetime(2026, 11, 2, 2, tzinfo=UTC)


def test_los_angeles_spring_forward_midnight_boundary() -> None:
    """On 8 Mar 2026 (23 hours long) the next update is the next local midnight."""
    settings = replace(SETTINGS, training_days=frozenset({MON}), sessions_per_week=1)
    week_done = [session(at(LOS_ANGELES, 2026, 3, 2, 18))]
    snap = run(
        week_done, at(LOS_ANGELES, 2026, 3, 8, 12), tz=LOS_ANGELES, settings=settings
    )
    assert snap.next_update == datetime(2026, 3, 9, 7, tzinfo=UTC)


# --- next_update ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        pytest.param(
            at(BERLIN, 2026, 11, 23, 20), at(BERLIN, 2026, 11, 24), id="midnight-first"
        ),
        pytest.param(
            at(BERLIN, 2026, 11, 25, 12),
            at(BERLIN, 2026, 11, 25, 19),
            id="rest-end-before-midnight",
        ),
        pytest.param(
            at(BERLIN, 2026, 11, 26, 12),
            at(BERLIN, 2026, 11, 26, 18),
            id="session-becomes-due",
        ),
        pytest.param(
            at(BERLIN, 2026, 11, 26, 19),
            at(BERLIN, 2026, 11, 27),
            id="due-slot-expires-at-midnight",
        ),
    ],
)
def test_next_update_is_the_next_boundary(now: datetime, expected: datetime) -> None:
    """Entities wake only at the next boundary: rest end, due time or midnight."""
    assert run(MONDAY_EVENING, now).next_update == expected.astimezone(UTC)


def test_behind_threshold_is_a_boundary() -> None:
    """An empty week falls behind at Saturday 00:00 (48 h before its end)."""
    snap = run([], at(BERLIN, 2026, 11, 27, 19))
    assert snap.next_update == at(BERLIN, 2026, 11, 28).astimezone(UTC)


# --- days since, streak ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sessions", "now", "expected"),
    [
        pytest.param([], at(BERLIN, 2026, 11, 23, 12), None, id="no-history-unknown"),
        pytest.param(
            [session(at(BERLIN, 2026, 11, 23, 23, 30))],
            at(BERLIN, 2026, 11, 24, 0, 10),
            1,
            id="across-midnight-is-one-day",
        ),
        pytest.param(
            [session(at(BERLIN, 2026, 11, 23, 6))],
            at(BERLIN, 2026, 11, 23, 23),
            0,
            id="same-day-is-zero",
        ),
    ],
)
def test_days_since_last_session(
    sessions: list[Session], now: datetime, expected: int | None
) -> None:
    """Whole local calendar days, not 24-hour periods."""
    assert run(sessions, now).days_since_last_session == expected


def _weeks_of_two(first_monday: date, weeks: int) -> list[Session]:
    out = []
    for n in range(weeks):
        monday = first_monday + timedelta(weeks=n)
        out.append(session(datetime.combine(monday, time(18), tzinfo=BERLIN)))
        out.append(
            session(
                datetime.combine(monday + timedelta(days=3), time(18), tzinfo=BERLIN),
                day="day_b",
            )
        )
    return out


def test_streak_counts_past_weeks_and_the_met_current_week() -> None:
    """Three met weeks before this one; this week adds one once met."""
    history = _weeks_of_two(date(2026, 11, 2), 3)
    assert run(history, at(BERLIN, 2026, 11, 23, 12)).streak_weeks == 3
    one_more = [*history, session(at(BERLIN, 2026, 11, 23, 18))]
    assert run(one_more, at(BERLIN, 2026, 11, 24, 12)).streak_weeks == 3
    met = [*one_more, session(at(BERLIN, 2026, 11, 26, 18), day="day_b")]
    assert run(met, at(BERLIN, 2026, 11, 27, 12)).streak_weeks == 4


def test_streak_broken_by_a_week_with_one_session() -> None:
    """A week with a single hard session (R1: once a week is not enough) breaks it."""
    history = _weeks_of_two(date(2026, 10, 26), 4)
    del history[3]  # the second week (2 Nov) keeps only Monday
    assert run(history, at(BERLIN, 2026, 11, 23, 12)).streak_weeks == 2


def test_streak_is_cached_per_log_version() -> None:
    """The same log answers from the cache; a new log version recomputes."""
    log = TrainingLog(_weeks_of_two(date(2026, 11, 2), 3), BERLIN)
    now = at(BERLIN, 2026, 11, 23, 12)
    assert evaluate(log, PROGRAM, SETTINGS, now=now).streak_weeks == 3
    assert log.memo(("streak", date(2026, 11, 23), MON, 2, False, (), frozenset())) == 3
    shorter, _ = log.remove(next(iter(log)).id)
    assert evaluate(shorter, PROGRAM, SETTINGS, now=now).streak_weeks == 2


# --- next workout, recovery --------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        pytest.param([], "day_a", id="first-day-when-empty"),
        pytest.param(["day_a"], "day_b", id="a-then-b"),
        pytest.param(["day_a", "day_b"], "day_a", id="rotation-wraps"),
        pytest.param(["day_a", "day_light"], "day_b", id="light-day-does-not-advance"),
    ],
)
def test_next_workout_rotation(days: list[str], expected: str) -> None:
    """Hard days rotate; light days in between do not move the rotation."""
    sessions = [
        session(at(BERLIN, 2026, 11, 16 + n, 18), day=d, hard=d != "day_light")
        for n, d in enumerate(days)
    ]
    assert run(sessions, at(BERLIN, 2026, 11, 23, 12)).next_workout.day.id == expected


@pytest.mark.parametrize(
    ("soreness", "pain", "recovering"),
    [
        pytest.param(HIGH_SORENESS, False, True, id="R5-high-soreness"),
        pytest.param(HIGH_SORENESS - 1, False, False, id="moderate-soreness"),
        pytest.param(0, True, True, id="R5-pain"),
    ],
)
def test_recovering_replaces_the_workout_with_the_light_day(
    soreness: int, pain: bool, recovering: bool
) -> None:
    """R5: pain or high soreness means status recovering and light work only."""
    report = SorenessReport(
        reported_at=at(BERLIN, 2026, 11, 23, 8), level=soreness, pain=pain
    )
    snap = run([], at(BERLIN, 2026, 11, 23, 19), report=report)
    assert (snap.status is Status.RECOVERING) is recovering
    assert (snap.next_workout.day.id == "day_light") is recovering
    assert snap.next_workout.recovery is recovering
    # Monday 18:00 has passed: due, unless recovering (never push a hard day).
    assert snap.session_due is (not recovering)


def test_later_pain_free_session_ends_recovery() -> None:
    """A session after the pain report that says pain-free ends recovery."""
    report = SorenessReport(reported_at=at(BERLIN, 2026, 11, 23, 8), level=3, pain=True)
    later = session(
        at(BERLIN, 2026, 11, 24, 18),
        hard=False,
        day="day_light",
        pain=False,
        soreness=2,
    )
    log = TrainingLog([later], BERLIN)
    wellness = latest_wellness(log, (report,))
    assert wellness is not None
    assert wellness.pain is False
    assert (
        run([later], at(BERLIN, 2026, 11, 24, 19), report=report).status
        is not Status.RECOVERING
    )


def test_session_without_signal_keeps_report() -> None:
    """A session that says nothing about pain leaves an earlier report in force."""
    report = SorenessReport(reported_at=at(BERLIN, 2026, 11, 23, 8), level=3, pain=True)
    quiet = session(at(BERLIN, 2026, 11, 24, 18))
    assert (
        run([quiet], at(BERLIN, 2026, 11, 24, 19), report=report).status
        is Status.RECOVERING
    )


# --- phases -----------------------------------------------------------------------


def test_progress_phase_uses_stored_phase_within_bounds() -> None:
    """R6/R7: the stored phase, clamped to the program, is where phases start."""
    program = replace(PROGRAM, phases=4)
    assert current_phase(program, replace(SETTINGS, phase=3)) == 3
    assert current_phase(program, replace(SETTINGS, phase=9)) == 4


LIGHT_ONLY = replace(PROGRAM, days=(_day("act", DayKind.LIGHT),))


def test_light_only_phase_counts_every_session() -> None:
    """Rehab activation: light sessions count for R1, no set target, no rest window."""
    monday = session(at(BERLIN, 2026, 11, 23, 18), hard=False, day="act", sets=2)
    snap = evaluate(
        TrainingLog([monday], BERLIN),
        LIGHT_ONLY,
        SETTINGS,
        now=at(BERLIN, 2026, 11, 23, 20),
    )
    assert (snap.sessions_target, snap.sets_target) == (2, 0)
    assert snap.weekly_sessions == 1
    assert snap.rest_until is None
    # Monday's slot is done: the session is not due again today, Thursday is next.
    assert snap.status is Status.READY
    assert snap.session_due is False
    assert snap.next_session == at(BERLIN, 2026, 11, 26, 18).astimezone(UTC)
    assert snap.next_workout.day.id == "act"


def test_light_only_phase_behind_with_daily_spacing() -> None:
    """One light session a day: two still fit on Saturday, not on Sunday."""
    saturday = evaluate(
        TrainingLog([], BERLIN), LIGHT_ONLY, SETTINGS, now=at(BERLIN, 2026, 11, 28, 12)
    )
    sunday = evaluate(
        TrainingLog([], BERLIN), LIGHT_ONLY, SETTINGS, now=at(BERLIN, 2026, 11, 29, 12)
    )
    assert saturday.status is not Status.BEHIND
    assert sunday.status is Status.BEHIND


def test_light_only_streak_counts_light_sessions() -> None:
    """In a light-only phase the streak follows the sessions that count."""
    week = [
        session(at(BERLIN, 2026, 11, 16, 18), hard=False, day="act"),
        session(at(BERLIN, 2026, 11, 18, 18), hard=False, day="act"),
    ]
    snap = evaluate(
        TrainingLog(week, BERLIN), LIGHT_ONLY, SETTINGS, now=at(BERLIN, 2026, 11, 23, 9)
    )
    assert snap.streak_weeks == 1


def test_naive_now_is_refused() -> None:
    """The core never guesses a zone."""
    with pytest.raises(ValueError, match="naive"):
        run([], datetime(2026, 11, 23, 12))  # noqa: DTZ001
