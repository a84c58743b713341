"""Worked examples and properties for progression (R4; articles 000, 001)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.hamstring_coach.core.log import TrainingLog
from custom_components.hamstring_coach.core.models import (
    HIGH_SORENESS,
    MAX_PROGRESSION_RPE,
    ExerciseLog,
    Prescription,
    ProgressionRule,
    Session,
    SorenessReport,
    Span,
    Target,
    WeightUnit,
)
from custom_components.hamstring_coach.core.progression import (
    LOAD_STEP,
    MAX_SET_INCREASES,
    SECONDS_STEP,
    Change,
    Dose,
    History,
    Room,
    baseline,
    next_dose,
    plan_doses,
    reached,
    start_dose,
)
from custom_components.hamstring_coach.core.recovery import assess

KG, LB = WeightUnit.KG, WeightUnit.LB
NOW = datetime(2026, 11, 26, 18, tzinfo=UTC)  # a Thursday evening
DAY = timedelta(days=1)


def rx(
    exercise: str,
    sets: tuple[int, int],
    reps: tuple[int, int] | None = None,
    seconds: tuple[int, int] | None = None,
    progression: tuple[ProgressionRule, ...] | None = None,
) -> Prescription:
    """A prescription such as 3 x 8-10."""
    return Prescription(
        exercise=exercise,
        sets=Span(low=sets[0], high=sets[1]),
        reps=None if reps is None else Span(low=reps[0], high=reps[1]),
        seconds=None if seconds is None else Span(low=seconds[0], high=seconds[1]),
        progression=progression,
    )


RDL = rx("romanian_deadlift", (3, 3), reps=(8, 10))  # compound, loadable
RDL_SETS = rx("romanian_deadlift", (3, 4), reps=(8, 10))
DEADLIFT_5 = rx("conventional_deadlift", (3, 3), reps=(5, 5))  # fixed dose: at top
CURL = rx("lying_leg_curl", (2, 3), reps=(10, 15))  # loadable, not compound
NORDIC = rx("nordic_curl", (2, 3), reps=(4, 6))  # bodyweight
BRIDGE_ECC = rx("eccentric_bridge", (2, 3), reps=(8, 10))
HOLD = rx("isometric_bridge_hold", (2, 3), seconds=(20, 30))  # seconds

_ids = iter(range(1_000_000))


def log(
    exercise: str,
    sets: int,
    reps: int | None = None,
    *,
    seconds: int | None = None,
    load: float | None = None,
    unit: WeightUnit | None = None,
    target: tuple[int, int | None, float | None] | None = None,
) -> ExerciseLog:
    """What was done; `target` is (sets, reps-or-seconds, load) it was done against."""
    unit = unit if unit is not None else (KG if load is not None else None)
    if target is None:
        return ExerciseLog(
            exercise=exercise,
            sets=sets,
            reps=reps,
            seconds=seconds,
            load=load,
            unit=unit,
        )
    t_sets, t_dose, t_load = target
    return ExerciseLog(
        exercise=exercise,
        sets=sets,
        reps=reps,
        seconds=seconds,
        load=load,
        unit=unit,
        target_sets=t_sets,
        target_reps=t_dose if seconds is None else None,
        target_seconds=t_dose if seconds is not None else None,
        target_load=t_load,
    )


def done(exercise: str, sets: int, reps: int, load: float | None = None) -> ExerciseLog:
    """A log that exactly met its targets."""
    return log(exercise, sets, reps, load=load, target=(sets, reps, load))


def sess(
    item: ExerciseLog,
    when: datetime = NOW - 3 * DAY,
    *,
    rpe: float | None = 7,
    soreness: int | None = None,
    pain: bool | None = None,
) -> tuple[Session, ExerciseLog]:
    """A session holding one exercise log, as a history entry."""
    session = Session(
        id=f"p{next(_ids)}",
        performed_at=when,
        hard=True,
        working_sets=item.sets,
        exercises=(item,),
        rpe=rpe,
        soreness=soreness,
        pain=pain,
    )
    return session, item


def decide(
    item: Prescription,
    last: tuple[Session, ExerciseLog] | None,
    previous: tuple[Session, ExerciseLog] | None = None,
    *,
    soreness_after: int | None = None,
    pain_after: bool = False,
    unit: WeightUnit = KG,
    now: datetime = NOW,
    sets_left: int = MAX_SET_INCREASES,
) -> Dose:
    """The next dose with keyword defaults."""
    return next_dose(
        item,
        History(last=last, previous=previous),
        soreness_after=soreness_after,
        pain_after=pain_after,
        now=now,
        unit=unit,
        room=Room(extra_sets=sets_left),
    )


def shape(dose: Dose) -> tuple[int, int | None, int | None, float | None]:
    """The numbers of a dose."""
    return dose.sets, dose.reps, dose.seconds, dose.load


# --- start ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "unit", "expected", "dose_unit"),
    [
        pytest.param(RDL, KG, (3, 8, None, None), KG, id="R4-start-rdl-low-end"),
        pytest.param(CURL, LB, (2, 10, None, None), LB, id="R4-start-curl-unit-lb"),
        pytest.param(NORDIC, KG, (2, 4, None, None), None, id="R4-start-bodyweight"),
        pytest.param(HOLD, KG, (2, None, 20, None), None, id="R4-start-seconds"),
    ],
)
def test_nothing_logged_starts_at_the_low_end(
    item: Prescription,
    unit: WeightUnit,
    expected: tuple[int, int | None, int | None, float | None],
    dose_unit: WeightUnit | None,
) -> None:
    """R4: never jump in; the first dose is the low end of every range, no load."""
    dose = decide(item, None, unit=unit)
    assert shape(dose) == expected
    assert dose.unit == dose_unit
    assert dose.change is Change.START
    assert dose == start_dose(item, unit)


# --- increases -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "last", "previous", "unit", "expected", "reason"),
    [
        pytest.param(
            RDL,
            sess(done("romanian_deadlift", 3, 8, 60)),
            None,
            KG,
            (3, 9, None, 60),
            "+3 reps in total (1 per set): all 3 sets reached 8 at RPE 7",
            id="R4-reps-+1-per-set",
        ),
        pytest.param(
            RDL,
            sess(done("romanian_deadlift", 3, 10, 60)),
            sess(done("romanian_deadlift", 3, 9, 60), NOW - 6 * DAY),
            KG,
            (3, 8, None, 62.5),
            "+2.5 kg: all sets reached the top of the range at RPE 7",
            id="R4-load-+2.5kg-reps-back-to-low",
        ),
        pytest.param(
            RDL,
            sess(
                log("romanian_deadlift", 3, 10, load=135, unit=LB, target=(3, 10, 135))
            ),
            None,
            LB,
            (3, 8, None, 140),
            "+5 lb: all sets reached the top of the range at RPE 7",
            id="R4-load-+5lb-load-rise-unknown",
        ),
        pytest.param(
            DEADLIFT_5,
            sess(done("conventional_deadlift", 3, 5, 102.5), NOW - 7 * DAY),
            sess(done("conventional_deadlift", 3, 5, 100), NOW - 10 * DAY),
            KG,
            (3, 5, None, 105),
            "+2.5 kg: all sets reached the top of the range at RPE 7",
            id="R4-load-rise-after-exactly-7-days",
        ),
        pytest.param(
            RDL_SETS,
            sess(done("romanian_deadlift", 3, 10)),
            None,
            KG,
            (4, 8, None, None),
            "+1 set: all sets reached the top of the range at RPE 7",
            id="R4-compound-without-load-falls-through-to-set",
        ),
        pytest.param(
            CURL,
            sess(done("lying_leg_curl", 2, 15)),
            None,
            KG,
            (3, 10, None, None),
            "+1 set: all sets reached the top of the range at RPE 7",
            id="R4-non-compound-without-load-at-top-+1-set-reps-low",
        ),
        pytest.param(
            CURL,
            sess(done("lying_leg_curl", 2, 15, 20)),
            None,
            KG,
            (2, 10, None, 21.25),
            "+1.25 kg: all sets reached the top of the range at RPE 7",
            id="R4-loaded-isolation-at-top-half-load-step",
        ),
        pytest.param(
            rx("band_lying_leg_curl", (2, 3), reps=(8, 15)),
            sess(done("band_lying_leg_curl", 2, 15)),
            None,
            KG,
            (2, 8, None, None),
            "next (heavier) band, back to 8 reps at RPE 7",
            id="R4-band-at-top-next-band",
        ),
        pytest.param(
            rx("band_romanian_deadlift", (2, 3), reps=(8, 15)),
            sess(done("band_romanian_deadlift", 2, 15, 30)),
            None,
            KG,
            (2, 8, None, 35),
            "+5 kg: all sets reached the top of the range at RPE 7",
            id="R4-rated-band-at-top-next-band-by-load",
        ),
        pytest.param(
            NORDIC,
            sess(done("nordic_curl", 2, 5)),
            None,
            KG,
            (2, 6, None, None),
            "+2 reps in total (1 per set): all 2 sets reached 5 at RPE 7",
            id="R4-bodyweight-reps-+1-per-set",
        ),
        pytest.param(
            HOLD,
            sess(log("isometric_bridge_hold", 2, seconds=20, target=(2, 20, None))),
            None,
            KG,
            (2, None, 25, None),
            "+5 s per hold: all sets held 20 s at RPE 7",
            id="R4-seconds-+5",
        ),
        pytest.param(
            HOLD,
            sess(log("isometric_bridge_hold", 2, seconds=30, target=(2, 30, None))),
            None,
            KG,
            (3, None, 30, None),
            "+1 set: all sets reached the top of the range at RPE 7",
            id="R4-seconds-at-top-+1-set",
        ),
        pytest.param(
            RDL,
            sess(done("romanian_deadlift", 3, 8, 60), rpe=MAX_PROGRESSION_RPE),
            None,
            KG,
            (3, 9, None, 60),
            "+3 reps in total (1 per set): all 3 sets reached 8 at RPE 8",
            id="R4-rpe-8-still-progresses",
        ),
        pytest.param(
            RDL,
            sess(done("romanian_deadlift", 3, 8, 60), rpe=None),
            None,
            KG,
            (3, 9, None, 60),
            "+3 reps in total (1 per set): all 3 sets reached 8",
            id="R4-no-rpe-progresses-without-effort-text",
        ),
    ],
)
def test_reached_targets_increase_one_step(
    item: Prescription,
    last: tuple[Session, ExerciseLog],
    previous: tuple[Session, ExerciseLog] | None,
    unit: WeightUnit,
    expected: tuple[int, int | None, int | None, float | None],
    reason: str,
) -> None:
    """R4: every set reached its target, not too hard, not sore: one step up."""
    dose = decide(item, last, previous, unit=unit)
    assert dose.change is Change.INCREASE
    assert shape(dose) == expected
    assert dose.reason == reason


def test_load_rose_three_days_ago_holds() -> None:
    """R4: compound load rises at most once a week (min_days 7)."""
    dose = decide(
        DEADLIFT_5,
        sess(done("conventional_deadlift", 3, 5, 102.5), NOW - 3 * DAY),
        sess(done("conventional_deadlift", 3, 5, 100), NOW - 6 * DAY),
    )
    assert dose.change is Change.HOLD
    assert shape(dose) == (3, 5, None, 102.5)
    assert dose.reason == "load rose 3 days ago; next step after 7"


@pytest.mark.parametrize(
    ("ago", "change", "reason"),
    [
        pytest.param(
            6 * DAY - timedelta(hours=1),
            Change.HOLD,
            "load rose 6 days ago; next step after 7",
            id="R4-load-rose-5d23h-counts-6-started-days-hold",
        ),
        pytest.param(
            7 * DAY - timedelta(hours=1),
            Change.INCREASE,
            "+2.5 kg: all sets reached the top of the range at RPE 7",
            id="R4-load-rose-same-weekday-last-week-increase",
        ),
    ],
)
def test_load_rise_spacing_counts_started_days(
    ago: timedelta, change: Change, reason: str
) -> None:
    """R4: a load step a week; the same weekday a week later counts as 7 days."""
    dose = decide(
        DEADLIFT_5,
        sess(done("conventional_deadlift", 3, 5, 102.5), NOW - ago),
        sess(done("conventional_deadlift", 3, 5, 100), NOW - 10 * DAY),
    )
    assert dose.change is change
    assert dose.reason == reason
    assert dose.load == (105 if change is Change.INCREASE else 102.5)


def test_top_of_the_prescription_holds() -> None:
    """R4: reps and sets both at the top of a non-compound prescription: hold."""
    dose = decide(CURL, sess(done("lying_leg_curl", 3, 15)))
    assert dose.change is Change.HOLD
    assert shape(dose) == (3, 15, None, None)
    assert dose.reason == "top of the prescription: hold"


def test_no_set_budget_left_holds_with_key_movements_reason() -> None:
    """Article 000: an extra set goes to one or two key movements only."""
    dose = decide(CURL, sess(done("lying_leg_curl", 2, 15)), sets_left=0)
    assert dose.change is Change.HOLD
    assert shape(dose) == (2, 15, None, None)
    assert dose.reason == "an extra set already went to 2 key movements"


# --- misses, effort, soreness, pain ---------------------------------------------------

MISSED_9 = log("romanian_deadlift", 3, 7, load=60, target=(3, 9, 60))


@pytest.mark.parametrize(
    ("item", "last", "previous", "change", "expected", "reason"),
    [
        pytest.param(
            RDL,
            sess(MISSED_9),
            sess(done("romanian_deadlift", 3, 8, 60), NOW - 6 * DAY),
            Change.HOLD,
            (3, 9, None, 60),
            "target not reached last time: hold",
            id="R4-missed-once-hold",
        ),
        pytest.param(
            RDL,
            sess(log("romanian_deadlift", 2, 9, load=60, target=(3, 9, 60))),
            None,
            Change.HOLD,
            (3, 9, None, 60),
            "target not reached last time: hold",
            id="R4-missed-a-set-hold",
        ),
        pytest.param(
            RDL,
            sess(log("romanian_deadlift", 3, 9, load=55, target=(3, 9, 60))),
            None,
            Change.HOLD,
            (3, 9, None, 60),
            "target not reached last time: hold",
            id="R4-lighter-load-than-target-is-a-miss",
        ),
        pytest.param(
            RDL,
            sess(MISSED_9),
            sess(MISSED_9, NOW - 6 * DAY),
            Change.STEP_BACK,
            (3, 8, None, 60),
            "missed the target twice in a row: one step back",
            id="R4-missed-twice-reps-minus-1-per-set",
        ),
        pytest.param(
            RDL,
            sess(log("romanian_deadlift", 3, 6, load=60, target=(3, 8, 60))),
            sess(
                log("romanian_deadlift", 3, 7, load=60, target=(3, 8, 60)),
                NOW - 6 * DAY,
            ),
            Change.STEP_BACK,
            (3, 8, None, 57.5),
            "missed the target twice in a row: one step back",
            id="R4-missed-twice-at-reps-low-load-minus-step",
        ),
        pytest.param(
            NORDIC,
            sess(log("nordic_curl", 3, 3, target=(3, 4, None))),
            sess(log("nordic_curl", 2, 4, target=(3, 4, None)), NOW - 6 * DAY),
            Change.STEP_BACK,
            (2, 4, None, None),
            "missed the target twice in a row: one step back",
            id="R4-missed-twice-bodyweight-at-low-minus-set",
        ),
        pytest.param(
            HOLD,
            sess(log("isometric_bridge_hold", 2, seconds=20, target=(2, 25, None))),
            sess(log("isometric_bridge_hold", 2, seconds=15, target=(2, 25, None))),
            Change.STEP_BACK,
            (2, None, 20, None),
            "missed the target twice in a row: one step back",
            id="R4-missed-twice-seconds-minus-5",
        ),
        pytest.param(
            NORDIC,
            sess(log("nordic_curl", 2, 3, target=(2, 4, None))),
            sess(log("nordic_curl", 2, 3, target=(2, 4, None)), NOW - 6 * DAY),
            Change.STEP_BACK,
            (2, 4, None, None),
            "missed the target twice in a row: one step back",
            id="R4-missed-twice-at-the-floor-stays",
        ),
        pytest.param(
            RDL,
            sess(done("romanian_deadlift", 3, 8, 60), rpe=9),
            None,
            Change.HOLD,
            (3, 8, None, 60),
            "RPE 9 is above 8: hold",
            id="R4-rpe-9-hold",
        ),
        pytest.param(
            RDL,
            sess(done("romanian_deadlift", 3, 8, 60), pain=True),
            None,
            Change.STEP_BACK,
            (3, 8, None, 57.5),
            "pain reported: one step back",
            id="R5-pain-in-session-steps-back",
        ),
        pytest.param(
            RDL,
            sess(done("romanian_deadlift", 3, 8, 60), soreness=HIGH_SORENESS),
            None,
            Change.HOLD,
            (3, 8, None, 60),
            "soreness 7 after the session: hold",
            id="R4-session-soreness-7-hold",
        ),
    ],
)
def test_not_progressing(
    item: Prescription,
    last: tuple[Session, ExerciseLog],
    previous: tuple[Session, ExerciseLog] | None,
    change: Change,
    expected: tuple[int, int | None, int | None, float | None],
    reason: str,
) -> None:
    """R4/R5: a miss holds, two misses step back; hard effort or soreness hold; pain steps back."""
    session = last[0]
    sore, pain = after_session(session, ())
    dose = decide(item, last, previous, soreness_after=sore, pain_after=pain)
    assert dose.change is change
    assert shape(dose) == expected
    assert dose.reason == reason


@pytest.mark.parametrize(
    ("report_after", "level", "pain", "change", "reason"),
    [
        pytest.param(
            timedelta(hours=20),
            HIGH_SORENESS,
            False,
            Change.HOLD,
            "soreness 7 after the session: hold",
            id="R4-next-day-soreness-7-hold",
        ),
        pytest.param(
            timedelta(hours=47),
            HIGH_SORENESS - 1,
            False,
            Change.INCREASE,
            "+3 reps in total (1 per set): all 3 sets reached 8 at RPE 7",
            id="R4-soreness-6-still-progresses",
        ),
        pytest.param(
            timedelta(hours=30),
            2,
            True,
            Change.STEP_BACK,
            "pain reported: one step back",
            id="R5-pain-reported-after-steps-back",
        ),
        pytest.param(
            timedelta(hours=72),
            9,
            True,
            Change.STEP_BACK,
            "pain reported: one step back",
            id="R5-pain-reported-72h-later-still-steps-back",
        ),
        pytest.param(
            timedelta(days=17),
            8,
            False,
            Change.HOLD,
            "soreness 8 after the session: hold",
            id="R5-soreness-reported-17-days-later-still-holds",
        ),
        pytest.param(
            -timedelta(hours=2),
            9,
            False,
            Change.INCREASE,
            "+3 reps in total (1 per set): all 3 sets reached 8 at RPE 7",
            id="R4-soreness-before-the-session-ignored",
        ),
        pytest.param(
            -timedelta(hours=2),
            9,
            True,
            Change.STEP_BACK,
            "pain reported: one step back",
            id="R5-pain-before-the-session-still-in-force-steps-back",
        ),
    ],
)
def test_reports_after_the_session(
    report_after: timedelta, level: int, pain: bool, change: Change, reason: str
) -> None:
    """R4/R5: any bad signal after the session counts, however late it came."""
    last = sess(done("romanian_deadlift", 3, 8, 60))
    report = SorenessReport(
        reported_at=last[0].performed_at + report_after, level=level, pain=pain
    )
    sore, pain_after = after_session(last[0], (report,))
    dose = decide(RDL, last, soreness_after=sore, pain_after=pain_after)
    assert dose.change is change
    assert dose.reason == reason


def after_session(
    session: Session, reports: tuple[SorenessReport, ...] | list[SorenessReport]
) -> tuple[int | None, bool]:
    """What the coach holds against the exercises of `session` (R5)."""
    log = TrainingLog([session], UTC)
    return assess(log, reports).after(session.performed_at)


# --- manual logs (no targets) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "logged", "expected_baseline", "expected_next"),
    [
        pytest.param(
            RDL,
            log("romanian_deadlift", 4, 12, load=50),
            (3, 10, None, 50),
            (3, 8, None, 52.5),
            id="R4-manual-log-clamped-to-top-then-load",
        ),
        pytest.param(
            RDL,
            log("romanian_deadlift", 2, 6, load=50),
            (3, 8, None, 50),
            (3, 9, None, 50),
            id="R4-manual-log-clamped-to-low-then-reps",
        ),
        pytest.param(
            NORDIC,
            log("nordic_curl", 2, 5),
            (2, 5, None, None),
            (2, 6, None, None),
            id="R4-manual-bodyweight-own-baseline",
        ),
    ],
)
def test_manual_log_is_its_own_baseline(
    item: Prescription,
    logged: ExerciseLog,
    expected_baseline: tuple[int, int | None, int | None, float | None],
    expected_next: tuple[int, int | None, int | None, float | None],
) -> None:
    """A log without targets counts as reached and is the baseline, clamped."""
    assert not logged.has_targets
    assert reached(logged) is True
    assert shape(baseline(item, logged, KG)) == expected_baseline
    dose = decide(item, sess(logged))
    assert dose.change is Change.INCREASE
    assert shape(dose) == expected_next


@pytest.mark.parametrize(
    ("logged", "expected"),
    [
        pytest.param(done("romanian_deadlift", 3, 8, 60), True, id="exact"),
        pytest.param(
            log("romanian_deadlift", 3, 9, load=62.5, target=(3, 8, 60)),
            True,
            id="more-than-target",
        ),
        pytest.param(
            log("romanian_deadlift", 3, 7, load=60, target=(3, 8, 60)),
            False,
            id="one-rep-short",
        ),
        pytest.param(
            log("romanian_deadlift", 3, 8, target=(3, 8, 60)),
            False,
            id="no-load-logged-against-a-load",
        ),
        pytest.param(
            log("isometric_bridge_hold", 2, seconds=19, target=(2, 20, None)),
            False,
            id="hold-one-second-short",
        ),
    ],
)
def test_reached(logged: ExerciseLog, expected: bool) -> None:
    """R4: every set met every target (sets, reps/seconds, load)."""
    assert reached(logged) is expected


# --- a whole day ---------------------------------------------------------------------


def _top_histories() -> list[History]:
    return [
        History(last=sess(done("lying_leg_curl", 2, 15))),
        History(last=sess(done("nordic_curl", 2, 6))),
        History(last=sess(done("eccentric_bridge", 2, 10))),
    ]


def test_plan_doses_gives_extra_sets_to_two_key_movements() -> None:
    """Article 000: 'add 1 extra set to one or two key movements', not all three."""
    doses = plan_doses(
        (CURL, NORDIC, BRIDGE_ECC),
        _top_histories(),
        soreness_after=(None, None, None),
        pain_after=(False, False, False),
        now=NOW,
        unit=KG,
    )
    assert MAX_SET_INCREASES == 2
    assert [d.change for d in doses] == [Change.INCREASE, Change.INCREASE, Change.HOLD]
    assert [shape(d) for d in doses] == [
        (3, 10, None, None),
        (3, 4, None, None),
        (2, 10, None, None),
    ]
    assert doses[2].reason == "an extra set already went to 2 key movements"


def test_plan_doses_rep_increases_do_not_use_the_set_budget() -> None:
    """Only set increases count against MAX_SET_INCREASES."""
    histories = [
        History(last=sess(done("lying_leg_curl", 2, 12, 20))),  # reps
        History(last=sess(done("nordic_curl", 2, 6))),  # set
        History(last=sess(done("eccentric_bridge", 2, 10))),  # set
    ]
    doses = plan_doses(
        (CURL, NORDIC, BRIDGE_ECC),
        histories,
        soreness_after=(None, None, None),
        pain_after=(False, False, False),
        now=NOW,
        unit=KG,
    )
    assert [d.change for d in doses] == [Change.INCREASE] * 3
    assert [d.sets for d in doses] == [2, 3, 3]


def test_plan_doses_light_day_never_increases() -> None:
    """R5: light and recovery days repeat the baseline."""
    histories = [*_top_histories(), History()]
    doses = plan_doses(
        (CURL, NORDIC, BRIDGE_ECC, HOLD),
        histories,
        soreness_after=(None,) * 4,
        pain_after=(False,) * 4,
        now=NOW,
        unit=KG,
        progress=False,
    )
    assert all(d.change is Change.HOLD for d in doses)
    assert all(d.reason == "light day: no progression" for d in doses)
    assert [shape(d) for d in doses] == [
        (2, 15, None, None),
        (2, 6, None, None),
        (2, 10, None, None),
        (2, None, 20, None),
    ]


def test_plan_doses_passes_each_exercise_its_own_checks() -> None:
    """Soreness after one exercise's session holds only that exercise."""
    doses = plan_doses(
        (CURL, NORDIC),
        [
            History(last=sess(done("lying_leg_curl", 2, 12, 20))),
            History(last=sess(done("nordic_curl", 2, 4))),
        ],
        soreness_after=(HIGH_SORENESS, None),
        pain_after=(False, False),
        now=NOW,
        unit=KG,
    )
    assert [d.change for d in doses] == [Change.HOLD, Change.INCREASE]
    assert [d.reps for d in doses] == [12, 5]


# --- custom rules ---------------------------------------------------------------------


def test_custom_rules_replace_the_defaults() -> None:
    """Rules on the prescription are used instead of reps-then-load-then-sets."""
    item = rx(
        "romanian_deadlift",
        (3, 4),
        reps=(8, 10),
        progression=(ProgressionRule(target=Target.SETS, at_top=False),),
    )
    dose = decide(item, sess(done("romanian_deadlift", 3, 8, 60)))
    assert dose.change is Change.INCREASE
    assert shape(dose) == (4, 8, None, 60)
    assert dose.reason == "+1 set: all sets reached the top of the range at RPE 7"
    # The defaults would have added a rep per set instead.
    assert shape(decide(RDL_SETS, sess(done("romanian_deadlift", 3, 8, 60)))) == (
        3,
        9,
        None,
        60,
    )


def test_empty_custom_rules_never_progress() -> None:
    """An empty rule tuple is 'no progression', not 'use the defaults'."""
    item = rx("romanian_deadlift", (3, 4), reps=(8, 10), progression=())
    dose = decide(item, sess(done("romanian_deadlift", 3, 8, 60)))
    assert dose.change is Change.HOLD
    assert shape(dose) == (3, 8, None, 60)


def test_non_working_exercise_never_progresses() -> None:
    """Warm-ups have no default rules (not hamstring working sets)."""
    item = rx("sumo_squat_to_stand", (2, 3), reps=(10, 12))
    dose = decide(item, sess(done("sumo_squat_to_stand", 2, 10)))
    assert dose.change is Change.HOLD
    assert shape(dose) == (2, 10, None, None)


@pytest.mark.parametrize(
    ("rule", "logged", "expected"),
    [
        pytest.param(
            ProgressionRule(target=Target.REPS, step=2),
            done("romanian_deadlift", 3, 9, 60),
            (3, 10, None, 60),
            id="R4-custom-reps-step-2-clamped-to-high",
        ),
        pytest.param(
            ProgressionRule(target=Target.SETS, step=2),
            done("romanian_deadlift", 3, 8, 60),
            (4, 8, None, 60),
            id="R4-custom-sets-step-2-clamped-to-high",
        ),
    ],
)
def test_custom_step_stays_inside_the_prescription(
    rule: ProgressionRule,
    logged: ExerciseLog,
    expected: tuple[int, int | None, int | None, float | None],
) -> None:
    """A custom step never takes a dose outside the prescribed range."""
    item = rx("romanian_deadlift", (3, 4), reps=(8, 10), progression=(rule,))
    dose = decide(item, sess(logged))
    assert shape(dose) == expected


# --- properties ----------------------------------------------------------------------

_ITEMS = st.sampled_from(
    [
        RDL,
        RDL_SETS,
        DEADLIFT_5,
        CURL,
        NORDIC,
        BRIDGE_ECC,
        HOLD,
        rx("romanian_deadlift", (2, 4), reps=(6, 12)),
        rx("isometric_bridge_hold", (1, 3), seconds=(20, 40)),
    ]
)
_LOADS = st.one_of(
    st.none(),
    st.integers(0, 80).map(lambda n: n * 2.5),
    st.floats(0, 300, allow_nan=False, allow_infinity=False),
)


@st.composite
def _entry(
    draw: st.DrawFn, item: Prescription, when: datetime
) -> tuple[Session, ExerciseLog]:
    """A random log of `item` (with or without targets) in a random session."""
    measure_seconds = item.seconds is not None
    loadable = item.exercise in {
        "romanian_deadlift",
        "conventional_deadlift",
        "lying_leg_curl",
    }
    t_sets = draw(st.integers(1, 6))
    t_dose = draw(st.integers(1, 50))
    t_load = draw(_LOADS) if loadable else None
    missed = draw(st.booleans())
    sets = t_sets - draw(st.integers(0, 1)) if missed else t_sets
    dose = (
        t_dose - draw(st.integers(0, 3)) if missed else t_dose + draw(st.integers(0, 2))
    )
    unit = draw(st.sampled_from([KG, LB, None])) if t_load is not None else None
    manual = draw(st.booleans())
    item_log = ExerciseLog(
        exercise=item.exercise,
        sets=max(sets, 0),
        reps=None if measure_seconds else max(dose, 0),
        seconds=max(dose, 0) if measure_seconds else None,
        load=t_load,
        unit=unit,
        target_sets=None if manual else t_sets,
        target_reps=None if manual or measure_seconds else t_dose,
        target_seconds=None if manual or not measure_seconds else t_dose,
        target_load=None if manual else t_load,
    )
    session = Session(
        id=f"h{next(_ids)}",
        performed_at=when,
        hard=True,
        working_sets=item_log.sets,
        exercises=(item_log,),
        rpe=draw(st.one_of(st.none(), st.sampled_from([5, 6, 7, 7.5, 8, 8.5, 9, 10]))),
        soreness=draw(st.one_of(st.none(), st.integers(0, 10))),
        pain=draw(st.one_of(st.none(), st.booleans())),
    )
    return session, item_log


@st.composite
def _case(draw: st.DrawFn) -> tuple[Prescription, History, dict[str, object]]:
    item = draw(_ITEMS)
    last_at = NOW - timedelta(hours=draw(st.integers(1, 24 * 20)))
    last = draw(_entry(item, last_at))
    previous = (
        draw(_entry(item, last_at - timedelta(hours=draw(st.integers(1, 24 * 20)))))
        if draw(st.booleans())
        else None
    )
    kwargs: dict[str, object] = {
        "soreness_after": draw(st.one_of(st.none(), st.integers(0, 10))),
        "pain_after": draw(st.booleans()),
        "now": NOW,
        "unit": draw(st.sampled_from([KG, LB])),
        "room": Room(extra_sets=draw(st.integers(0, MAX_SET_INCREASES))),
    }
    return item, History(last=last, previous=previous), kwargs


def _steps(item: Prescription, base: Dose, dose: Dose) -> dict[str, float]:
    """Changed fields and by how much; reps reset to low with a set/load rise is free."""
    diff: dict[str, float] = {}
    if dose.sets != base.sets:
        diff["sets"] = dose.sets - base.sets
    if dose.seconds != base.seconds:
        diff["seconds"] = (dose.seconds or 0) - (base.seconds or 0)
    if dose.load != base.load:
        diff["load"] = (dose.load or 0) - (base.load or 0)
    if dose.reps != base.reps:
        rose = diff.get("sets", 0) > 0 or diff.get("load", 0) > 0
        assert item.reps is not None
        if not (rose and dose.reps == item.reps.low):
            diff["reps"] = (dose.reps or 0) - (base.reps or 0)
    return diff


@settings(max_examples=600, deadline=None)
@given(case=_case())
def test_property_one_step_at_most(
    case: tuple[Prescription, History, dict[str, object]],
) -> None:
    """R4 (a): one field moves, by at most one step; (b) loads stay >= 0.

    (d) sets, reps and seconds stay inside the prescription's ranges.
    """
    item, history, kwargs = case
    dose = next_dose(item, history, **kwargs)  # type: ignore[arg-type]
    assert history.last is not None
    base = baseline(item, history.last[1], kwargs["unit"])  # type: ignore[arg-type]
    diff = _steps(item, base, dose)
    assert len(diff) <= 1, diff
    limits = {
        "sets": 1,
        "reps": 1,
        "seconds": SECONDS_STEP,
        "load": LOAD_STEP[base.unit] if base.unit is not None else 0,
    }
    for field, change in diff.items():
        assert 0 < abs(change) <= limits[field] + 1e-9, (field, change)
    if dose.change in (Change.HOLD, Change.START):
        assert not diff
    if dose.change is Change.INCREASE:
        assert all(v > 0 for v in diff.values())
    if dose.change is Change.STEP_BACK:
        assert all(v < 0 for v in diff.values())
    assert dose.load is None or dose.load >= 0
    assert item.sets.low <= dose.sets <= item.sets.high
    if item.reps is not None:
        assert dose.reps is not None
        assert item.reps.low <= dose.reps <= item.reps.high
        assert dose.seconds is None
    if item.seconds is not None:
        assert dose.seconds is not None
        assert item.seconds.low <= dose.seconds <= item.seconds.high
        assert dose.reps is None


@settings(max_examples=400, deadline=None)
@given(case=_case(), where=st.sampled_from(["session", "after", "both"]))
def test_property_pain_never_harder(
    case: tuple[Prescription, History, dict[str, object]], where: str
) -> None:
    """R4/R5 (c): with pain in or after the last session, no field increases."""
    item, history, kwargs = case
    assert history.last is not None
    session, item_log = history.last
    if where in ("session", "both"):
        history = replace(history, last=(replace(session, pain=True), item_log))
    if where in ("after", "both"):
        kwargs = {**kwargs, "pain_after": True}
    dose = next_dose(item, history, **kwargs)  # type: ignore[arg-type]
    base = baseline(item, item_log, kwargs["unit"])  # type: ignore[arg-type]
    assert dose.change in (Change.HOLD, Change.STEP_BACK)
    assert dose.sets <= base.sets
    assert (dose.reps or 0) <= (base.reps or 0)
    assert (dose.seconds or 0) <= (base.seconds or 0)
    assert (dose.load or 0) <= (base.load or 0)


@settings(max_examples=300, deadline=None)
@given(case=_case(), rpe=st.sampled_from([8.5, 9, 10]), sore=st.integers(7, 10))
def test_property_hard_effort_or_soreness_never_harder(
    case: tuple[Prescription, History, dict[str, object]], rpe: float, sore: int
) -> None:
    """R4: RPE above 8 or soreness >= 7 after the session never increases the dose."""
    item, history, kwargs = case
    assert history.last is not None
    session, item_log = history.last
    for hist, extra in (
        (replace(history, last=(replace(session, rpe=rpe), item_log)), {}),
        (history, {"soreness_after": sore}),
    ):
        dose = next_dose(item, hist, **{**kwargs, **extra})  # type: ignore[arg-type]
        assert dose.change is not Change.INCREASE


@settings(max_examples=200, deadline=None)
@given(
    cases=st.lists(_case(), min_size=1, max_size=6),
    progress=st.booleans(),
)
def test_property_plan_doses_at_most_two_set_increases(
    cases: list[tuple[Prescription, History, dict[str, object]]], progress: bool
) -> None:
    """Article 000: at most MAX_SET_INCREASES exercises of a day gain a set."""
    items = [c[0] for c in cases]
    histories = [c[1] for c in cases]
    doses = plan_doses(
        items,
        histories,
        soreness_after=[c[2]["soreness_after"] for c in cases],  # type: ignore[misc]
        pain_after=[c[2]["pain_after"] for c in cases],  # type: ignore[misc]
        now=NOW,
        unit=KG,
        progress=progress,
    )
    gained = 0
    for item, history, dose in zip(items, histories, doses, strict=True):
        assert history.last is not None
        base = baseline(item, history.last[1], KG)
        gained += int(dose.sets > base.sets)
        if not progress:
            assert dose.change is Change.HOLD
            assert shape(dose) == shape(base)
    assert gained <= MAX_SET_INCREASES


def test_load_logged_against_a_loadless_target_is_the_baseline_load() -> None:
    """R4: the start dose prescribes no load; the first logged load becomes the baseline."""
    first = log("romanian_deadlift", 3, 8, load=60, target=(3, 8, None))
    assert reached(first) is True
    assert baseline(RDL, first, KG).load == 60
    assert shape(decide(RDL, sess(first))) == (3, 9, None, 60)
