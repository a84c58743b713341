"""Worked examples and properties for the scheduler (R1, R2, R7 hard run day)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.hamstring_coach.core.coach import CoachSnapshot, evaluate
from custom_components.hamstring_coach.core.log import TrainingLog
from custom_components.hamstring_coach.core.models import (
    NextReason,
    Session,
    Settings,
    SorenessReport,
    Status,
)
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.core.schedule import (
    Frame,
    behind_from,
    blocked_weekdays,
    plan_next_session,
)
from custom_components.hamstring_coach.core.timeline import (
    at_local,
    local_date,
    week_start,
)

BERLIN = ZoneInfo("Europe/Berlin")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
RUNNER = PROGRAMS["runner"]
SETTINGS = Settings(
    program="runner",
    training_days=frozenset({MON, THU}),
    training_time=time(18),
    program_start=date(2026, 11, 23),
)


def at(
    tz: ZoneInfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0
) -> datetime:
    """A local wall-clock time as an aware datetime."""
    return datetime(year, month, day, hour, minute, tzinfo=tz)


def utc_at(*args: int) -> datetime:
    """A Berlin wall time as UTC."""
    return at(BERLIN, *args).astimezone(UTC)  # type: ignore[arg-type]


_counter = iter(range(1_000_000))


def session(when: datetime, day: str = "runner_phase_1_day_a") -> Session:
    """A hard runner session with a fresh id."""
    return Session(
        id=f"sc{next(_counter)}",
        performed_at=when,
        hard=True,
        working_sets=7,
        program_day=day,
    )


def run(
    sessions: list[Session],
    now: datetime,
    *,
    hard_run_day: int | None = THU,
    training_days: frozenset[int] = SETTINGS.training_days,
) -> CoachSnapshot:
    """Evaluate the runner program with a hard run day."""
    s = Settings(
        program="runner",
        training_days=training_days,
        training_time=time(18),
        program_start=date(2026, 11, 23),
        hard_run_day=hard_run_day,
    )
    return evaluate(TrainingLog(sessions, BERLIN), RUNNER, s, now=now)


@pytest.mark.parametrize(
    ("hard_run_day", "blocked"),
    [
        pytest.param(None, set(), id="R7-no-run-day-nothing-blocked"),
        pytest.param(MON, {SUN, MON}, id="R7-monday-blocks-sunday-monday"),
        pytest.param(THU, {WED, THU}, id="R7-thursday-blocks-wed-thu"),
        pytest.param(SUN, {SAT, SUN}, id="R7-sunday-blocks-sat-sun"),
    ],
)
def test_blocked_weekdays(hard_run_day: int | None, blocked: set[int]) -> None:
    """R7: hamstring work not on the hardest run day nor the day before it."""
    assert blocked_weekdays(hard_run_day) == frozenset(blocked)


@pytest.mark.parametrize(
    ("sessions", "now", "hard_run_day", "next_at", "reason"),
    [
        pytest.param(
            [],
            at(BERLIN, 2026, 11, 23, 10),
            THU,
            utc_at(2026, 11, 23, 18),
            NextReason.PREFERRED_DAY,
            id="R7-empty-week-monday-still-open",
        ),
        pytest.param(
            [session(at(BERLIN, 2026, 11, 23, 19))],
            at(BERLIN, 2026, 11, 23, 20),
            None,
            utc_at(2026, 11, 26, 18),
            NextReason.PREFERRED_DAY,
            id="R2-without-run-day-thursday",
        ),
        pytest.param(
            [session(at(BERLIN, 2026, 11, 23, 19))],
            at(BERLIN, 2026, 11, 23, 20),
            THU,
            utc_at(2026, 11, 27, 18),
            NextReason.CATCH_UP,
            id="R7-thursday-run-day-catch-up-friday",
        ),
        pytest.param(
            [
                session(at(BERLIN, 2026, 11, 23, 18)),
                session(at(BERLIN, 2026, 11, 27, 18), "runner_phase_1_day_b"),
            ],
            at(BERLIN, 2026, 11, 28, 10),
            THU,
            utc_at(2026, 11, 30, 18),
            NextReason.PREFERRED_DAY,
            id="R7-week-done-next-monday",
        ),
        pytest.param(
            [
                session(at(BERLIN, 2026, 11, 23, 18)),
                session(at(BERLIN, 2026, 11, 27, 18), "runner_phase_1_day_b"),
            ],
            at(BERLIN, 2026, 11, 28, 10),
            MON,
            utc_at(2026, 12, 3, 18),
            NextReason.PREFERRED_DAY,
            id="R7-monday-run-day-next-thursday",
        ),
        pytest.param(
            [],
            at(BERLIN, 2026, 11, 23, 10),
            TUE,
            utc_at(2026, 11, 25, 18),
            NextReason.CATCH_UP,
            id="R7-tuesday-run-day-monday-blocked-catch-up-wednesday",
        ),
    ],
)
def test_hard_run_day_schedule(
    sessions: list[Session],
    now: datetime,
    hard_run_day: int | None,
    next_at: datetime,
    reason: NextReason,
) -> None:
    """R7: with Mon/Thu training days the next session avoids the blocked days."""
    snap = run(sessions, now, hard_run_day=hard_run_day)
    assert snap.next_session == next_at
    assert snap.next_session_reason is reason
    assert local_date(snap.next_session, BERLIN).weekday() not in blocked_weekdays(
        hard_run_day
    )
    assert snap.rest_until is None or snap.next_session >= snap.rest_until


def test_thursday_run_day_after_monday_is_ready_then_due_friday() -> None:
    """R7: the Friday catch-up becomes due on Friday at 18:00, never on Thursday."""
    monday = [session(at(BERLIN, 2026, 11, 23, 19))]
    thursday = run(monday, at(BERLIN, 2026, 11, 26, 18, 30))
    assert thursday.status is Status.READY
    assert thursday.session_due is False
    friday = run(monday, at(BERLIN, 2026, 11, 27, 18))
    assert friday.status is Status.DUE
    assert friday.session_due is True
    assert friday.next_session == utc_at(2026, 11, 27, 18)


def test_behind_from() -> None:
    """R1+R2: with two sessions left, the first must start 48 h before the week ends."""
    end = utc_at(2026, 11, 30, 0)
    frame = Frame(
        today=date(2026, 11, 25),
        end=end,
        spacing=timedelta(hours=48),
        rest_until=None,
        remaining=2,
    )
    assert behind_from(frame) == end - timedelta(hours=48)
    assert behind_from(replace(frame, remaining=1)) == end
    assert behind_from(replace(frame, remaining=3)) == end - timedelta(hours=96)
    assert behind_from(replace(frame, remaining=0)) is None


# --- properties ---------------------------------------------------------------------

# 2026 includes both DST changes in Berlin (29 March, 25 October).
_BASE = datetime(2026, 1, 1, tzinfo=UTC)
_NOW = st.integers(0, 365 * 24 * 60).map(lambda m: _BASE + timedelta(minutes=m))
# Wall times that exist on every day (no 02:00-03:00 DST gap).
_TIMES = st.builds(time, st.integers(5, 22), st.sampled_from([0, 15, 30, 45]))
_DAYS = st.frozensets(st.integers(0, 6), min_size=1)
_RUN_DAY = st.one_of(st.none(), st.integers(0, 6))


@settings(max_examples=500, deadline=None)
@given(
    now=_NOW,
    training_days=_DAYS,
    training_time=_TIMES,
    hard_run_day=_RUN_DAY,
    first_weekday=st.integers(0, 6),
    rest_hours=st.one_of(st.none(), st.integers(-100, 170)),
    remaining=st.integers(0, 3),
    spacing_hours=st.sampled_from([24, 48, 72]),
)
def test_property_plan_next_session(
    now: datetime,
    training_days: frozenset[int],
    training_time: time,
    hard_run_day: int | None,
    first_weekday: int,
    rest_hours: int | None,
    remaining: int,
    spacing_hours: int,
) -> None:
    """R2/R7: no blocked weekday, nothing before rest_until, training time.

    The slot is at the training time unless it is a catch-up at the end of
    the rest window.
    """
    s = Settings(
        program="runner",
        training_days=training_days,
        training_time=training_time,
        hard_run_day=hard_run_day,
        first_weekday=first_weekday,
    )
    today = local_date(now, BERLIN)
    rest_until = None if rest_hours is None else now + timedelta(hours=rest_hours)
    frame = Frame(
        today=today,
        end=at_local(
            week_start(today, first_weekday) + timedelta(days=7), time(0), BERLIN
        ),
        spacing=timedelta(hours=spacing_hours),
        rest_until=rest_until,
        remaining=remaining,
        blocked=blocked_weekdays(hard_run_day),
    )
    slot, reason = plan_next_session(frame, s, now, BERLIN)
    local = slot.astimezone(BERLIN)
    assert local.weekday() not in blocked_weekdays(hard_run_day)
    assert rest_until is None or slot >= rest_until
    assert local.date() >= today
    at_rest_end = reason is NextReason.CATCH_UP and slot == rest_until
    if not at_rest_end:
        assert local.time() == training_time
    if reason is NextReason.CATCH_UP:
        assert slot < frame.end


@settings(max_examples=150, deadline=None)
@given(
    now=_NOW,
    training_days=_DAYS,
    hard_run_day=_RUN_DAY,
    back=st.lists(st.integers(1, 24 * 9), max_size=3, unique=True),
    sore=st.one_of(st.none(), st.tuples(st.integers(1, 60), st.integers(0, 10))),
)
def test_property_evaluate_respects_run_day_and_rest(
    now: datetime,
    training_days: frozenset[int],
    hard_run_day: int | None,
    back: list[int],
    sore: tuple[int, int] | None,
) -> None:
    """R2/R5/R7 through the coach: never a blocked day, never before rest_until."""
    sessions = [session(now - timedelta(hours=h)) for h in back]
    reports = (
        ()
        if sore is None
        else (
            SorenessReport(reported_at=now - timedelta(hours=sore[0]), level=sore[1]),
        )
    )
    s = Settings(
        program="runner",
        training_days=training_days,
        training_time=time(18),
        program_start=date(2026, 1, 1),
        hard_run_day=hard_run_day,
    )
    snap = evaluate(TrainingLog(sessions, BERLIN), RUNNER, s, now=now, reports=reports)
    local = snap.next_session.astimezone(BERLIN)
    assert local.weekday() not in blocked_weekdays(hard_run_day)
    if sessions:
        last = max(x.performed_at for x in sessions)
        assert snap.next_session >= last + timedelta(hours=s.min_rest_hours)
    assert snap.rest_until is None or snap.next_session >= snap.rest_until
    if not (
        snap.next_session_reason is NextReason.CATCH_UP
        and snap.next_session == snap.rest_until
    ):
        assert local.time() == time(18)
