"""The plan ahead while recovering (R5): a light day never shares a slot or a day.

Found by projecting every program after a soreness or pain report at all
hours of a week: high soreness put the light recovery day and the pushed
hard day at the same minute, and pain (which only the person can end)
stacked sixty light days on one slot.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
import itertools
from zoneinfo import ZoneInfo

from hypothesis import given, settings as hyp_settings, strategies as st

from custom_components.hamstring_coach.core.models import (
    Session,
    Settings,
    SorenessReport,
)
from custom_components.hamstring_coach.core.outlook import next_hard
from custom_components.hamstring_coach.core.plan import (
    MAX_PLANNED,
    iter_plan,
    plan_ahead,
)
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.core.state import CoachState

BERLIN = ZoneInfo("Europe/Berlin")
MON_10 = datetime(2026, 11, 23, 10, tzinfo=BERLIN)
TWO_DAY = Settings(
    program="strength_2day", training_days=frozenset({0, 3}), training_time=time(18)
)


def after_report(level: int, pain: bool, hours: float) -> CoachState:
    """Day 1 done Monday 10:00, then a check-in `hours` later."""
    done = Session(
        id="s1",
        performed_at=MON_10,
        hard=True,
        working_sets=11,
        program_day="strength_day",
    )
    report = SorenessReport(
        reported_at=MON_10 + timedelta(hours=hours), level=level, pain=pain
    )
    return CoachState.load([done], [report], BERLIN)


def local(moment: datetime) -> str:
    """Weekday, date and time in Berlin."""
    return moment.astimezone(BERLIN).strftime("%a %d %H:%M")


def test_soreness_keeps_the_hard_day_on_its_pushed_slot() -> None:
    """Soreness 8 on Monday: Thursday moves to Friday, and Friday is the hard day."""
    state = after_report(8, False, 1)
    now = MON_10 + timedelta(hours=1, minutes=1)
    assert state.snapshot(PROGRAMS["strength_2day"], TWO_DAY, now).next_workout.recovery
    plan = plan_ahead(
        state, PROGRAMS["strength_2day"], TWO_DAY, now=now, until=now + 11 * DAY
    )
    assert [(local(p.start), p.workout.day.id, p.workout.recovery) for p in plan] == [
        ("Fri 27 18:00", "control_day", False),
        ("Mon 30 18:00", "strength_day", False),
        ("Thu 03 18:00", "control_day", False),
    ]


def test_pain_plans_one_light_day_and_no_hard_session() -> None:
    """Pain lasts until the person says it is gone: one light day, then nothing."""
    state = after_report(4, True, 1)
    now = MON_10 + timedelta(hours=1, minutes=1)
    plan = plan_ahead(
        state, PROGRAMS["strength_2day"], TWO_DAY, now=now, until=now + 28 * DAY
    )
    assert [(local(p.start), p.workout.day.id, p.workout.recovery) for p in plan] == [
        ("Thu 26 18:00", "light_day", True)
    ]
    assert next_hard(plan) is None


def test_the_plan_without_reports_runs_to_its_cap() -> None:
    """With nothing to hold it back, the plan goes on: the cap bounds the work."""
    state = CoachState.load([], [], BERLIN)
    planned = list(iter_plan(state, PROGRAMS["strength_2day"], TWO_DAY, now=MON_10))
    assert len(planned) == MAX_PLANNED
    assert all(b.start > a.start for a, b in itertools.pairwise(planned))


DAY = timedelta(days=1)


@hyp_settings(max_examples=150, deadline=None)
@given(
    program=st.sampled_from(sorted(PROGRAMS)),
    days=st.frozensets(st.integers(0, 6), min_size=1, max_size=7),
    hours=st.floats(0, 24 * 7, allow_nan=False),
    level=st.integers(0, 10),
    pain=st.booleans(),
)
def test_a_recovery_day_has_its_own_day(
    program: str, days: frozenset[int], hours: float, level: int, pain: bool
) -> None:
    """Starts strictly increase, and no recovery day shares its local date."""
    state = after_report(level, pain, hours)
    base = Settings(program=program, training_days=days, training_time=time(18))
    now = MON_10 + timedelta(hours=hours, minutes=1)
    plan = plan_ahead(state, PROGRAMS[program], base, now=now, until=now + 21 * DAY)
    starts = [p.start for p in plan]
    assert all(b > a for a, b in itertools.pairwise(starts)), [local(s) for s in starts]
    dates = [p.start.astimezone(BERLIN).date() for p in plan]
    for index, planned in enumerate(plan):
        if planned.workout.recovery:
            assert dates.count(dates[index]) == 1, [local(s) for s in starts]
