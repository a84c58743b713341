"""A physiotherapist's review, as scenarios run through the core (R3-R7).

Each test is named after the rule and the situation it checks; the
scenarios come from a coach's and physiotherapist's walk through the five
articles (000-004). They go through the public transitions only (log a
session, report soreness, look at the snapshot), as the home would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from custom_components.hamstring_coach.core.catalog import EXERCISES
from custom_components.hamstring_coach.core.coach import CoachSnapshot
from custom_components.hamstring_coach.core.log import TrainingLog
from custom_components.hamstring_coach.core.models import (
    ExerciseLog,
    Program,
    Session,
    Settings,
    Status,
    WeightUnit,
)
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.core.sessions import SessionInput
from custom_components.hamstring_coach.core.state import (
    CoachState,
    log_session,
    report_soreness,
)
from custom_components.hamstring_coach.core.workout import Workout, workout_for_day

BERLIN = ZoneInfo("Europe/Berlin")
STRENGTH = PROGRAMS["strength_2day"]
GYM = PROGRAMS["beginner_gym"]
BANDS = PROGRAMS["home_bands"]
REHAB = PROGRAMS["rehab"]
RUNNER = PROGRAMS["runner"]
MON = datetime(2026, 11, 2, 18, tzinfo=BERLIN)  # a Monday
D = timedelta(days=1)
H = timedelta(hours=1)
STRINGS = Path(__file__).parents[2] / "custom_components/hamstring_coach/strings.json"
STRETCHES = {"hamstring_stretch", "doorway_hamstring_stretch", "calf_stretch"}


def settings(
    program: Program, days: tuple[int, ...] = (0, 3), **kw: object
) -> Settings:
    """A person's options for `program`."""
    return Settings(
        program=program.id,
        training_days=frozenset(days),
        training_time=time(18),
        weight_unit=WeightUnit.KG,
        **kw,  # type: ignore[arg-type]
    )


class Person:
    """One person's state, logged through the coach's transitions."""

    def __init__(self, program: Program, base: Settings, phase: int = 1) -> None:
        """Start with an empty log (and a stored phase)."""
        self.program, self.base = program, base
        self.state = CoachState.load([], [], BERLIN, phase=phase)
        self._ids = 0

    def log(self, when: datetime, **fields: object) -> None:
        """Log a session at `when`; without a day, the next workout as prescribed."""
        self._ids += 1
        self.state, _ = log_session(
            self.state,
            self.program,
            self.base,
            session_id=f"s{self._ids}",
            data=SessionInput(performed_at=when, **fields),  # type: ignore[arg-type]
            now=when,
        )

    def report(self, when: datetime, level: int, *, pain: bool = False) -> None:
        """A soreness/pain check-in at `when`."""
        self.state = report_soreness(self.state, level=level, pain=pain, now=when)

    def report_as_app(self, when: datetime, level: int, *, pain: bool) -> None:
        """The check-in as the integration makes it (it knows the program)."""
        self.state = report_soreness(
            self.state, level=level, pain=pain, now=when, program=self.program
        )

    def snap(self, now: datetime) -> CoachSnapshot:
        """The coach's view at `now`."""
        return self.state.snapshot(self.program, self.base, now)


def working_sets(workout: Workout) -> int:
    """Working sets of a workout's doses (R3)."""
    return sum(
        d.sets for d in workout.doses if EXERCISES[d.prescription.exercise].working
    )


def exercises(workout: Workout) -> list[str]:
    """Exercise ids of a workout, in order."""
    return [d.prescription.exercise for d in workout.doses]


def clean(person: Person, when: datetime) -> None:
    """Log the next workout as prescribed, explicitly pain-free, RPE 7."""
    person.log(when, pain=False, soreness=2, rpe=7)


def weeks_of_training(person: Person, weeks: int) -> list[Workout]:
    """Mondays and Thursdays, clean; the next workout seen before each session."""
    seen = []
    for week in range(weeks):
        for offset in (0, 3):
            when = MON + (7 * week + offset) * D
            seen.append(person.snap(when - 2 * H).next_workout)
            clean(person, when)
    return seen


# --- R6: rehab gating ----------------------------------------------------------------


def _rehab(phase: int, phase_sessions: int = 4) -> Person:
    return Person(
        REHAB,
        settings(REHAB, tuple(range(7)), phase_sessions=phase_sessions),
        phase=phase,
    )


@pytest.mark.parametrize(
    ("phase", "day", "logs", "fields"),
    [
        pytest.param(
            1,
            "rehab_activation",
            [
                MON + n * 10 * 60 * 1_000_000 * timedelta(microseconds=1)
                for n in range(4)
            ],
            {"pain": False, "soreness": 1},
            id="R6-four-activation-logs-on-one-day",
        ),
        pytest.param(
            2,
            "rehab_daily_activation",
            [MON + n * D for n in range(8)],
            {"pain": False, "soreness": 1},
            id="R6-four-light-logs-are-not-the-phase-work",
        ),
        pytest.param(
            3,
            "rehab_daily_stretch",
            [MON + n * D for n in range(5)],
            {"pain": False, "soreness": 9},
            id="R6-stretch-logs-at-soreness-9",
        ),
        pytest.param(
            1,
            "rehab_activation",
            [MON + n * D for n in range(8)],
            {},
            id="R6-pain-not-reported-is-not-pain-free",
        ),
        pytest.param(
            1,
            "rehab_activation",
            [MON + n * D for n in range(4)],
            {"pain": False, "soreness": 1},
            id="R6-four-days-is-less-than-the-week-in-phase",
        ),
    ],
)
def test_rehab_fast_track_does_not_advance(
    phase: int, day: str, logs: list[datetime], fields: dict[str, object]
) -> None:
    """R6 (003): move on only once the phase's own work is done without symptoms."""
    person = _rehab(phase)
    for when in logs:
        person.log(when, program_day=day, **fields)
    assert person.state.phase == phase


def test_rehab_advances_after_a_week_of_pain_free_phase_work() -> None:
    """R6: four explicit pain-free activation days over a week move on to phase 2."""
    person = _rehab(1)
    for offset in (0, 2, 4, 7):
        person.log(
            MON + offset * D, program_day="rehab_activation", pain=False, soreness=1
        )
    assert person.state.phase == 2
    assert person.snap(MON + 7 * D + H).next_workout.day.id == "rehab_strength"


@pytest.mark.parametrize(
    ("phase", "back_to", "light_day"),
    [
        pytest.param(4, 3, "rehab_daily_stretch", id="R6-pain-in-phase-4-steps-back"),
        pytest.param(
            3, 2, "rehab_daily_activation", id="R6-pain-in-phase-3-steps-back"
        ),
        pytest.param(2, 1, "rehab_activation", id="R6-pain-in-phase-2-steps-back"),
    ],
)
def test_rehab_pain_steps_back_a_phase(
    phase: int, back_to: int, light_day: str
) -> None:
    """R6/R5: pain steps back a phase: no plyometrics, no stretching-only day in pain."""
    person = _rehab(phase)
    person.report_as_app(MON, 5, pain=True)
    assert person.state.phase == back_to
    workout = person.snap(MON + H).next_workout
    assert workout.day.id == light_day
    assert "plyometric_lunge" not in exercises(workout)
    assert exercises(workout)
    assert not set(exercises(workout)) & STRETCHES
    # A second pain report in the same episode does not step back again.
    person.report_as_app(MON + D, 5, pain=True)
    assert person.state.phase == back_to


def test_rehab_pain_in_phase_2_scenario() -> None:
    """Physio: rehab pain in phase 2: back to activation, first aid, then start over."""
    person = _rehab(2)
    person.log(MON, pain=False, soreness=2)  # a phase 2 strength day
    person.log(MON + 2 * D, pain=True, soreness=5)
    snap = person.snap(MON + 2 * D + H)
    assert person.state.phase == 1
    assert snap.status is Status.RECOVERING
    assert str(snap.advice) == "pain"
    assert snap.next_workout.day.id == "rehab_activation"
    later = person.snap(MON + 4 * D)
    assert str(later.advice) == "see_professional"
    assert "dent" in later.warning_signs
    person.report(MON + 5 * D, 1)
    assert person.snap(MON + 5 * D + H).phase.sessions_done == 0


# --- R5: pain and soreness -------------------------------------------------------------


def _two_weeks(program: Program = STRENGTH) -> Person:
    person = Person(program, settings(program))
    clean(person, MON)
    clean(person, MON + 3 * D)
    return person


def test_pain_reported_72h_later_still_holds_every_exercise() -> None:
    """R5: pain 72 h after the last session, then 'pain-free': no dose goes up."""
    person = _two_weeks()
    person.report(MON + 6 * D, 6, pain=True)  # Sunday, 72 h after Thursday
    person.report(MON + 7 * D - 8 * H, 0, pain=False)  # Monday morning
    workout = person.snap(MON + 7 * D - 7 * H).next_workout
    assert workout.day.id == "strength_day"
    changes = {d.prescription.exercise: str(d.change) for d in workout.doses}
    assert "increase" not in changes.values()
    assert changes["conventional_deadlift"] == "step_back"
    assert changes["warm_up"] == changes["cool_down"] == "hold"  # done as prescribed


def test_soreness_8_after_day_1_holds_nordic_curls_on_day_2() -> None:
    """R5/R4 (000: not overly sore the next day): Day 2 holds after soreness 8."""
    person = _two_weeks()
    clean(person, MON + 7 * D)  # Day 1 of week 2
    person.report(MON + 8 * D - 6 * H, 8)  # Tuesday noon: soreness 8
    snap = person.snap(MON + 8 * D - 5 * H)
    assert snap.status is Status.RECOVERING
    assert snap.next_session >= MON + 9 * D - 18 * H  # not Tuesday
    thursday = person.snap(MON + 10 * D - 2 * H)
    workout = thursday.next_workout
    assert workout.day.id == "control_day"
    nordic = workout.dose("nordic_curl")
    assert nordic is not None
    assert str(nordic.change) == "hold"
    assert all(str(d.change) != "increase" for d in workout.doses)
    # A pain-free hard session clears the hold for the next one.
    clean(person, MON + 10 * D)
    assert str(person.snap(MON + 14 * D - 2 * H).next_workout.doses[2].change) == (
        "increase"
    )


def test_pain_in_the_morning_no_hard_session_that_evening() -> None:
    """R5: pain at 08:00, 'pain-free' at 12:00: still no hard session that day."""
    person = _two_weeks()
    monday = MON + 7 * D
    person.report(monday - 10 * H, 4, pain=True)  # 08:00
    person.report(monday - 6 * H, 0, pain=False)  # 12:00
    snap = person.snap(monday - 5 * H)
    assert snap.status is Status.RECOVERING
    assert str(snap.advice) == "rest_today"
    assert snap.next_workout.day.hard is False
    assert snap.next_session > monday + 6 * H  # not this evening
    assert snap.session_due is False


@pytest.mark.parametrize(
    ("after", "advice"),
    [
        pytest.param(2 * H, "pain", id="R5-first-day-first-aid"),
        pytest.param(25 * H, "see_professional", id="R5-past-24h-see-a-professional"),
        pytest.param(17 * D, "see_professional", id="R5-17-days-of-pain-escalated"),
    ],
)
def test_pain_guidance_escalates(after: timedelta, advice: str) -> None:
    """R5 (000, 003): first aid on the first day, then a physiotherapist or doctor."""
    person = _two_weeks()
    start = MON + 4 * D
    person.report(start, 5, pain=True)
    snap = person.snap(start + after)
    assert str(snap.advice) == advice
    assert snap.symptoms_since == start
    strings = json.loads(STRINGS.read_text(encoding="utf-8"))
    texts = strings["entity"]["sensor"]["training_status"]["state_attributes"]
    text = texts["guidance"]["state"][advice]
    for sign in ("pop", "bruising" if advice != "pain" else "ice", "walk"):
        assert sign in text


@pytest.mark.parametrize(
    ("program", "light"),
    [
        pytest.param(STRENGTH, "light_day", id="R5-strength-light-day-without-stretch"),
        pytest.param(GYM, "gym_mobility_day", id="R5-gym-mobility-without-stretch"),
        pytest.param(RUNNER, "runner_phase_1_activation", id="R5-runner-no-stretch"),
    ],
)
def test_recovery_day_in_pain_has_no_stretching(program: Program, light: str) -> None:
    """R5 (003): stretch only once the pain has settled."""
    person = Person(program, settings(program, (1, 4)))
    person.report(MON, 5, pain=True)
    workout = person.snap(MON + H).next_workout
    assert workout.day.id == light
    assert workout.recovery is True
    names = exercises(workout)
    assert names
    assert not {n for n in names if EXERCISES[n].stretch}


# --- R7: runner readiness ---------------------------------------------------------------


def _runner(start: date | None = None, phase: int = 1) -> Person:
    return Person(
        RUNNER,
        settings(RUNNER, (1, 4, 6), program_start=start, hard_run_day=3),
        phase=phase,
    )


def test_runner_six_weeks_after_start_with_nothing_logged_is_phase_1() -> None:
    """R7 (004): nothing logged: phase 1 whatever the program start says."""
    person = _runner(start=(MON - 6 * 7 * D).date())
    snap = person.snap(MON)
    assert snap.phase.phase == 1
    assert snap.next_workout.day.id == "runner_phase_1_day_a"
    assert "nordic_curl" not in exercises(snap.next_workout)


def test_runner_nordic_curls_enter_after_pain_free_sessions() -> None:
    """R7 (004: gentle Nordic curls 'as tolerated'): not in the first sessions."""
    person = _runner()
    seen = []
    for offset in (1, 4, 8, 11):
        when = MON + offset * D
        seen.append("nordic_curl" in exercises(person.snap(when - 2 * H).next_workout))
        person.log(when, pain=False, soreness=2)
    # Day A carries the Nordic curl, Day B never does.
    assert seen == [False, False, True, False]


def test_runner_hard_days_start_with_the_activation_block() -> None:
    """R7 (004): hard days of phases 2-4 begin with 8-12 minutes of activation."""
    for day in RUNNER.days:
        if day.hard and day.phase != 1:
            first = day.exercises[0]
            assert first.exercise == "activation_block", day.id
            assert (first.seconds.low, first.seconds.high) == (480, 720)  # type: ignore[union-attr]
            assert EXERCISES[first.exercise].working is False


def test_runner_phase_3_with_a_thursday_hard_run() -> None:
    """Physio: phase 3, hard run on Thursday: never Wednesday or Thursday, activation first."""
    person = _runner(phase=3)
    person.state = type(person.state).load([], [], BERLIN, phase=3, phase_since=MON - D)
    planned = []
    now = MON
    for _ in range(6):
        snap = person.snap(now)
        planned.append(snap.next_session)
        assert snap.phase.phase == 3
        assert exercises(snap.next_workout)[0] == "activation_block"
        person.log(snap.next_session, pain=False, soreness=2)
        now = snap.next_session + H
    weekdays = {p.astimezone(BERLIN).weekday() for p in planned}
    assert not weekdays & {2, 3}


def test_runner_six_weeks_off_steps_back() -> None:
    """Physio: six weeks off as a runner: the first session back is not phase 4 work."""
    person = _runner()
    when = MON + D
    for _ in range(24):  # eight weeks of Tuesdays, Fridays and Sundays
        person.log(when, pain=False, soreness=2)
        when = person.snap(when + H).next_session
    assert person.snap(when).phase.phase == 4
    back = person.snap(when + 6 * 7 * D)
    assert back.phase.phase == 1
    assert "box_taps" not in exercises(back.next_workout)


# --- R3: volume -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("program", "phase", "most"),
    [
        pytest.param(STRENGTH, 1, 11, id="R3-day-1-keeps-11-never-more"),
        pytest.param(BANDS, 1, 9, id="R3-bands-at-most-10"),
        pytest.param(GYM, 1, 9, id="R3-gym-at-most-10"),
        pytest.param(REHAB, 2, 10, id="R3-rehab-phase-2-at-most-10"),
    ],
)
def test_progression_never_passes_10_working_sets(
    program: Program, phase: int, most: int
) -> None:
    """R3 (001): up to 10 sets a session; 000's Day 1 is kept at its 11."""
    person = Person(program, settings(program, phase_sessions=99), phase=phase)
    seen = weeks_of_training(person, 12)
    assert max(working_sets(w) for w in seen) == most
    for workout in seen:
        assert working_sets(workout) <= 10 or working_sets(workout) == 11 == most
        extra = [
            d
            for d in workout.doses
            if EXERCISES[d.prescription.exercise].working
            and d.sets > d.prescription.sets.low
        ]
        assert len(extra) <= 2  # 000: one or two key movements


def test_light_day_sets_do_not_count_toward_the_weekly_12() -> None:
    """R3 (001: dedicated sets): one hard day and one light day is not 13 of 12."""
    person = Person(STRENGTH, settings(STRENGTH))
    clean(person, MON)
    person.log(MON + 2 * D, program_day="light_day", pain=False, soreness=1)
    snap = person.snap(MON + 2 * D + H)
    assert (snap.weekly_sets, snap.sets_target) == (11, 12)
    assert snap.weekly_goal_met is False


def test_rehab_set_target_is_the_phase_dose() -> None:
    """R3 for rehab (003): the phase's written dose twice a week, which can be met."""
    person = Person(REHAB, settings(REHAB), phase=4)
    clean(person, MON)
    clean(person, MON + 3 * D)
    snap = person.snap(MON + 3 * D + H)
    assert snap.sets_target == snap.weekly_sets == 8
    assert snap.weekly_goal_met is True


# --- R4: loads --------------------------------------------------------------------------


def _top_log(exercise: str, sets: int, reps: int, load: float | None) -> Session:
    item = ExerciseLog(
        exercise=exercise,
        sets=sets,
        reps=reps,
        load=load,
        unit=WeightUnit.KG if load is not None else None,
        target_sets=sets,
        target_reps=reps,
        target_load=load,
    )
    return Session(
        id=f"top-{exercise}",
        performed_at=MON,
        hard=True,
        working_sets=sets,
        exercises=(item,),
        rpe=7,
        pain=False,
        soreness=2,
    )


@pytest.mark.parametrize(
    ("program", "day", "exercise", "sets", "reps", "load", "expected"),
    [
        pytest.param(
            GYM,
            "leg_day_1",
            "seated_leg_curl",
            3,
            12,
            40.0,
            (3, 8, 41.25),
            id="R4-leg-curl-half-step",
        ),
        pytest.param(
            GYM,
            "leg_day_1",
            "glute_bridge",
            3,
            15,
            30.0,
            (3, 10, 31.25),
            id="R4-glute-bridge-half-step",
        ),
        pytest.param(
            BANDS,
            "band_day_1",
            "band_romanian_deadlift",
            3,
            15,
            15.0,
            (3, 8, 20.0),
            id="R4-rated-band-next-band",
        ),
        pytest.param(
            BANDS,
            "band_day_1",
            "banded_hamstring_march",
            3,
            15,
            None,
            (3, 8, None),
            id="R4-band-next-band-reps-reset",
        ),
    ],
)
def test_isolation_and_band_work_gets_load_steps(
    program: Program,
    day: str,
    exercise: str,
    sets: int,
    reps: int,
    load: float | None,
    expected: tuple[int, int, float | None],
) -> None:
    """R4 (002: increase the weights; 001: heavier bands): no stall at the top."""
    program_day = program.day(day)
    assert program_day is not None
    log = TrainingLog([_top_log(exercise, sets, reps, load)], BERLIN)
    workout = workout_for_day(
        log, program_day, reports=(), now=MON + 7 * D, unit=WeightUnit.KG
    )
    dose = workout.dose(exercise)
    assert dose is not None
    assert str(dose.change) == "increase"
    assert (dose.sets, dose.reps, dose.load) == expected


def test_isolation_load_rises_at_most_weekly() -> None:
    """R4: a load step waits a week after the last one."""
    leg_day = GYM.day("leg_day_1")
    assert leg_day is not None
    before = _top_log("seated_leg_curl", 3, 12, 40.0)
    now = replace_session(before, performed_at=MON + 3 * D, load=41.25, sid="b")
    log = TrainingLog([before, now], BERLIN)
    dose = workout_for_day(
        log, leg_day, reports=(), now=MON + 5 * D, unit=WeightUnit.KG
    ).dose("seated_leg_curl")
    assert dose is not None
    assert str(dose.change) == "hold"


def replace_session(
    session: Session, *, performed_at: datetime, load: float, sid: str
) -> Session:
    """The same top log at another time and load."""
    from dataclasses import replace  # noqa: PLC0415

    item = replace(session.exercises[0], load=load, target_load=load)
    return replace(session, id=sid, performed_at=performed_at, exercises=(item,))


# --- warm-ups and cool-downs ----------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "first", "last"),
    [
        pytest.param(
            "strength_day",
            ("warm_up", 480, 600),
            ("cool_down", 300, 480),
            id="000-day-1-warm-up-and-cool-down",
        ),
        pytest.param(
            "control_day", ("warm_up", 300, 480), None, id="000-day-2-warm-up"
        ),
    ],
)
def test_article_000_warm_ups_and_cool_downs(
    day: str, first: tuple[str, int, int], last: tuple[str, int, int] | None
) -> None:
    """000: a warm-up before each strength day and Day 1's cool-down, never working sets."""
    program_day = STRENGTH.day(day)
    assert program_day is not None
    items = program_day.exercises
    shape: Callable[[int], tuple[str, int, int]] = lambda n: (  # noqa: E731
        items[n].exercise,
        items[n].seconds.low,  # type: ignore[union-attr]
        items[n].seconds.high,  # type: ignore[union-attr]
    )
    assert shape(0) == first
    if last is not None:
        assert shape(-1) == last
    assert not EXERCISES[first[0]].working
    assert not EXERCISES["cool_down"].working


# --- a beginner's first four weeks ----------------------------------------------------


def test_beginner_first_four_weeks() -> None:
    """Physio: beginner gym, Mon/Thu, logged as prescribed: slow, capped progress."""
    person = Person(GYM, settings(GYM))
    seen = weeks_of_training(person, 4)
    # Every gym exercise is written as 3 sets: progress is reps, then load.
    assert [working_sets(w) for w in seen] == [9] * 8
    first, last = seen[0], seen[-1]
    assert [d.reps for d in first.doses] == [6, 8, 10]
    assert all(w.day.hard for w in seen)
    snap = person.snap(MON + 25 * D)
    assert snap.weekly_sessions == 2
    assert snap.weekly_goal_met is True
    # Reps climb one per set and session (2-4 in total, 000) to the top.
    deadlift = [w.doses[0].reps for w in seen]
    assert deadlift == [6, 7, 8, 9, 10, 10, 10, 10]
    assert [d.reps for d in last.doses] == [10, 12, 15]
