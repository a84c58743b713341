"""Worked examples for the pure state transitions (state.py)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from custom_components.hamstring_coach.core.catalog import EXERCISES
from custom_components.hamstring_coach.core.log import TrainingLog
from custom_components.hamstring_coach.core.models import (
    ExerciseLog,
    Session,
    Settings,
    SorenessReport,
    WeightUnit,
)
from custom_components.hamstring_coach.core.phases import phase_progress
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.core.progression import Change
from custom_components.hamstring_coach.core.records import RecordKind
from custom_components.hamstring_coach.core.sessions import CoachError, SessionInput
from custom_components.hamstring_coach.core.state import (
    MAX_REPORTS,
    CoachState,
    delete_session,
    log_session,
    report_soreness,
    set_phase,
)
from custom_components.hamstring_coach.core.timeline import local_date

BERLIN = ZoneInfo("Europe/Berlin")
STRENGTH = PROGRAMS["strength_2day"]
REHAB = PROGRAMS["rehab"]
RUNNER = PROGRAMS["runner"]
MONDAY = datetime(2026, 11, 23, 19, tzinfo=BERLIN)
THURSDAY = datetime(2026, 11, 26, 19, tzinfo=BERLIN)
BASE = Settings(
    program="strength_2day",
    training_days=frozenset({0, 3}),
    training_time=time(18),
    weight_unit=WeightUnit.KG,
)
RUNNER_BASE = Settings(
    program="runner", training_days=frozenset({1, 4}), training_time=time(18)
)
REHAB_BASE = Settings(
    program="rehab",
    training_days=frozenset(range(7)),
    training_time=time(18),
    phase_sessions=4,
)


def empty() -> CoachState:
    """A state with nothing logged."""
    return CoachState.load([], [], BERLIN)


def fingerprint(state: CoachState) -> tuple[object, ...]:
    """Everything observable about a state, to compare before and after."""
    return (
        tuple(state.log),
        state.log.last,
        state.reports,
        state.phase,
        state.phase_since,
        {k: dict(v) for k, v in state.records.all().items()},
    )


def rdl(load: float, reps: int = 8) -> tuple[ExerciseLog, ...]:
    """A Romanian deadlift log."""
    return (ExerciseLog(exercise="romanian_deadlift", sets=3, reps=reps, load=load),)


def log(
    state: CoachState,
    when: datetime,
    sid: str,
    *,
    program: object = STRENGTH,
    base: Settings = BASE,
    **fields: object,
) -> tuple[CoachState, object]:
    """Log a session at `when` (now = `when`)."""
    return log_session(
        state,
        program,  # type: ignore[arg-type]
        base,
        session_id=sid,
        data=SessionInput(performed_at=when, **fields),  # type: ignore[arg-type]
        now=when,
    )


# --- log_session ------------------------------------------------------------------


def test_log_planned_hard_day_returns_next_doses() -> None:
    """R4: logging Day 1 as prescribed gives the next dose of each of its exercises."""
    before = empty()
    saved = fingerprint(before)
    state, outcome = log(before, MONDAY, "a")
    assert fingerprint(before) == saved
    assert outcome.session.program_day == "strength_day"
    assert outcome.session.hard is True
    assert outcome.session.working_sets == 11
    assert outcome.records == ()
    assert outcome.phase_changed is None
    assert len(state.log) == 1
    assert state.log.last == outcome.session
    decisions = {d.prescription.exercise: d for d in outcome.decisions}
    assert list(decisions) == [
        "warm_up",
        "sumo_squat_to_stand",
        "conventional_deadlift",
        "romanian_deadlift",
        "single_leg_romanian_deadlift",
        "hip_thrust",
        "cool_down",
    ]
    summary = {k: (d.change, d.sets, d.reps, d.seconds) for k, d in decisions.items()}
    assert summary == {
        "sumo_squat_to_stand": (Change.HOLD, 2, 10, None),
        "conventional_deadlift": (Change.INCREASE, 3, 6, None),
        "romanian_deadlift": (Change.INCREASE, 3, 9, None),
        "single_leg_romanian_deadlift": (Change.HOLD, 2, 10, None),
        "hip_thrust": (Change.INCREASE, 3, 11, None),
        "warm_up": (Change.HOLD, 1, None, 480),
        "cool_down": (Change.HOLD, 1, None, 300),
    }
    # The next workout is Day 2, whose first log starts at the low end.
    snap = state.snapshot(STRENGTH, BASE, MONDAY + timedelta(hours=1))
    assert snap.next_workout.day.id == "control_day"


def test_log_light_day_returns_no_decisions() -> None:
    """Light days never progress, so logging one decides nothing."""
    _, outcome = log(empty(), MONDAY, "a", program_day="light_day")
    assert outcome.session.hard is False
    assert outcome.decisions == ()


def test_log_with_pain_steps_back_every_next_dose() -> None:
    """R4/R5: pain during the session scales back every working exercise of the day."""
    _, outcome = log(empty(), MONDAY, "a", pain=True)
    working = [
        d for d in outcome.decisions if EXERCISES[d.prescription.exercise].working
    ]
    assert len(working) == 4
    assert all(d.change is Change.STEP_BACK for d in working)
    assert all(d.reason == "pain reported: one step back" for d in working)
    warm = [d for d in outcome.decisions if d not in working]
    assert [(d.prescription.exercise, d.change) for d in warm] == [
        ("warm_up", Change.HOLD),
        ("sumo_squat_to_stand", Change.HOLD),
        ("cool_down", Change.HOLD),
    ]


def test_second_heavier_log_beats_records() -> None:
    """A heavier Romanian deadlift beats the heaviest and estimated-1RM records."""
    state, first = log(
        empty(), MONDAY, "a", program_day="strength_day", exercises=rdl(60)
    )
    assert first.records == ()
    assert state.records.best("romanian_deadlift")[RecordKind.HEAVIEST].value == 60
    before = fingerprint(state)
    after, second = log(
        state, THURSDAY, "b", program_day="strength_day", exercises=rdl(70)
    )
    assert fingerprint(state) == before
    beaten = {(r.exercise, r.kind): r for r in second.records}
    assert set(beaten) == {
        ("romanian_deadlift", RecordKind.HEAVIEST),
        ("romanian_deadlift", RecordKind.ESTIMATED_1RM),
    }
    assert beaten["romanian_deadlift", RecordKind.HEAVIEST].value == 70
    assert beaten["romanian_deadlift", RecordKind.HEAVIEST].session_id == "b"
    assert after.records.best("romanian_deadlift")[RecordKind.HEAVIEST].value == 70
    # The logged exercise carries the targets of the day it was done against:
    # the start dose (3 x 8, no load prescribed yet) progressed to 3 x 9.
    item = second.session.exercises[0]
    assert (item.target_sets, item.target_reps) == (3, 9)
    assert item.unit is WeightUnit.KG


def test_logged_load_enters_the_prescription_and_progresses() -> None:
    """R4: 3 x 8, 9, 10 at 60 kg on Day 1, a week apart -> next 3 x 8 at 62.5 kg."""
    state = empty()
    reps = 8
    decisions = []
    for week in range(3):
        when = MONDAY + timedelta(weeks=week)
        state, outcome = log(
            state,
            when,
            f"w{week}",
            program_day="strength_day",
            exercises=rdl(60, reps),
            rpe=7,
        )
        dose = next(
            d
            for d in outcome.decisions  # type: ignore[attr-defined]
            if d.prescription.exercise == "romanian_deadlift"
        )
        decisions.append((dose.change, dose.sets, dose.reps, dose.load))
        reps = dose.reps
    assert decisions == [
        (Change.INCREASE, 3, 9, 60),
        (Change.INCREASE, 3, 10, 60),
        (Change.INCREASE, 3, 8, 62.5),
    ]


def test_unknown_program_day_is_rejected() -> None:
    """A day the program does not have is a CoachError, nothing changes."""
    state = empty()
    with pytest.raises(CoachError) as err:
        log(state, MONDAY, "a", program_day="nope")
    assert err.value.key == "unknown_program_day"
    assert len(state.log) == 0


# --- rehab phase advance (R6) --------------------------------------------------------


REHAB_OFFSETS = (0, 2, 4, 7)
"""Four sessions over a week: the phase's minimum time is up on the fourth."""


def _rehab_days(state: CoachState, count: int, **fields: object) -> list[object]:
    """Rehab activation days; `pain=False` also reports soreness 2 (explicit)."""
    if fields.get("pain") is False:
        fields.setdefault("soreness", 2)
    outcomes = []
    for n in range(count):
        when = datetime(2026, 11, 23, 18, tzinfo=UTC) + timedelta(days=REHAB_OFFSETS[n])
        state, outcome = log(
            state, when, f"r{n}", program=REHAB, base=REHAB_BASE, **fields
        )
        outcomes.append((state, outcome, when))
    return outcomes


def test_rehab_advances_after_phase_sessions_pain_free_sessions() -> None:
    """R6: the 4th pain-free session moves the rehab to phase 2 at that instant."""
    steps = _rehab_days(empty(), 4, pain=False)
    for state, outcome, _ in steps[:3]:
        assert outcome.phase_changed is None  # type: ignore[attr-defined]
        assert state.phase == 1  # type: ignore[attr-defined]
    state, outcome, when = steps[3]
    assert outcome.phase_changed == 2  # type: ignore[attr-defined]
    assert outcome.session.program_day == "rehab_activation"  # type: ignore[attr-defined]
    assert outcome.decisions == ()  # type: ignore[attr-defined]
    assert state.phase == 2  # type: ignore[attr-defined]
    assert state.phase_since == when  # type: ignore[attr-defined]
    previous_state = steps[2][0]
    assert previous_state.phase == 1  # type: ignore[attr-defined]
    assert previous_state.phase_since is None  # type: ignore[attr-defined]
    snap = state.snapshot(REHAB, REHAB_BASE, when + timedelta(hours=1))  # type: ignore[attr-defined]
    assert snap.next_workout.day.id == "rehab_strength"


def test_rehab_painful_session_does_not_advance() -> None:
    """R6: a painful 4th session restarts the count instead of advancing."""
    steps = _rehab_days(empty(), 3, pain=False)
    state = steps[-1][0]
    when = datetime(2026, 11, 27, 18, tzinfo=UTC)
    state, outcome = log(state, when, "hurt", program=REHAB, base=REHAB_BASE, pain=True)
    assert outcome.phase_changed is None  # type: ignore[attr-defined]
    assert state.phase == 1


def test_rehab_pain_report_blocks_advance() -> None:
    """R6: a pain report after three sessions: the next session does not advance."""
    state = _rehab_days(empty(), 3, pain=False)[-1][0]
    state = report_soreness(
        state,  # type: ignore[arg-type]
        level=4,
        pain=True,
        now=datetime(2026, 11, 28, 8, tzinfo=UTC),
    )
    when = datetime(2026, 11, 30, 18, tzinfo=UTC)
    state, outcome = log(state, when, "x", program=REHAB, base=REHAB_BASE)
    assert outcome.phase_changed is None  # type: ignore[attr-defined]
    assert state.phase == 1


def test_session_that_completed_a_phase_does_not_count_for_the_next() -> None:
    """R6: a new phase starts with zero pain-free sessions."""
    state, _, when = _rehab_days(empty(), 4, pain=False)[3]
    settings = state.settings(REHAB_BASE)  # type: ignore[attr-defined]
    progress = phase_progress(
        state.log,  # type: ignore[attr-defined]
        REHAB,
        settings,
        state.reports,  # type: ignore[attr-defined]
        local_date(when, BERLIN),  # type: ignore[arg-type]
    )
    assert progress.phase == 2
    assert progress.sessions_done == 0


# --- delete_session -----------------------------------------------------------------


def _two_lifts() -> CoachState:
    state, _ = log(empty(), MONDAY, "a", program_day="strength_day", exercises=rdl(60))
    state, _ = log(state, THURSDAY, "b", program_day="strength_day", exercises=rdl(70))
    return state


def test_undo_latest_rebuilds_records() -> None:
    """delete_session(None) removes the latest session and its record."""
    state = _two_lifts()
    before = fingerprint(state)
    after, removed = delete_session(state, None)
    assert fingerprint(state) == before
    assert removed.id == "b"
    assert [s.id for s in after.log] == ["a"]
    heaviest = after.records.best("romanian_deadlift")[RecordKind.HEAVIEST]
    assert (heaviest.value, heaviest.session_id) == (60, "a")
    assert state.records.best("romanian_deadlift")[RecordKind.HEAVIEST].value == 70


def test_delete_by_id_without_records_keeps_the_book() -> None:
    """Deleting a session that held no record keeps the same record book."""
    state = _two_lifts()
    after, removed = delete_session(state, "a")
    assert removed.id == "a"
    assert [s.id for s in after.log] == ["b"]
    assert after.records is state.records


@pytest.mark.parametrize(
    ("filled", "session_id", "key"),
    [
        pytest.param(False, None, "no_sessions", id="undo-on-empty-log"),
        pytest.param(False, "zzz", "unknown_session", id="unknown-id-empty-log"),
        pytest.param(True, "zzz", "unknown_session", id="unknown-id"),
    ],
)
def test_delete_errors(filled: bool, session_id: str | None, key: str) -> None:
    """Deleting nothing is a CoachError with a translation key; state unchanged."""
    state = _two_lifts() if filled else empty()
    before = fingerprint(state)
    with pytest.raises(CoachError) as err:
        delete_session(state, session_id)
    assert err.value.key == key
    assert fingerprint(state) == before


# --- report_soreness ----------------------------------------------------------------


def test_report_soreness_keeps_the_newest_100() -> None:
    """Only the last MAX_REPORTS reports are kept, newest last."""
    start = datetime(2026, 11, 1, tzinfo=UTC)
    state = empty()
    first = state
    for n in range(MAX_REPORTS + 5):
        state = report_soreness(
            state, level=n % 11, pain=n % 2 == 0, now=start + timedelta(hours=n)
        )
    assert MAX_REPORTS == 100
    assert len(state.reports) == 100
    assert state.reports[-1] == SorenessReport(
        reported_at=start + timedelta(hours=104), level=104 % 11, pain=True
    )
    assert state.reports[0].reported_at == start + timedelta(hours=5)
    assert first.reports == ()


def test_report_soreness_drives_the_snapshot() -> None:
    """R5: a report of 8 makes the snapshot recovering with the light day."""
    state, _ = log(empty(), MONDAY, "a")
    sore = report_soreness(state, level=8, pain=False, now=MONDAY + timedelta(hours=15))
    assert state.reports == ()
    snap = sore.snapshot(STRENGTH, BASE, MONDAY + timedelta(hours=16))
    assert snap.next_workout.day.id == "light_day"
    assert snap.wellness is not None
    assert snap.wellness.soreness == 8


def test_load_sorts_reports_and_keeps_100() -> None:
    """CoachState.load sorts stored reports and trims to MAX_REPORTS."""
    start = datetime(2026, 11, 1, tzinfo=UTC)
    reports = [
        SorenessReport(reported_at=start + timedelta(hours=n), level=1)
        for n in reversed(range(120))
    ]
    state = CoachState.load([], reports, BERLIN)
    assert len(state.reports) == 100
    assert state.reports[0].reported_at == start + timedelta(hours=20)
    assert state.reports[-1].reported_at == start + timedelta(hours=119)


# --- set_phase ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("program", "phase", "key"),
    [
        pytest.param(STRENGTH, 1, "phase_not_manual", id="R6-strength-has-no-phases"),
        pytest.param(RUNNER, 5, "unknown_phase", id="R7-runner-phase-5"),
        pytest.param(REHAB, 0, "unknown_phase", id="R6-rehab-phase-0"),
        pytest.param(REHAB, 5, "unknown_phase", id="R6-rehab-phase-5"),
    ],
)
def test_set_phase_errors(program: object, phase: int, key: str) -> None:
    """Only the rehab phase is set by hand, and only to 1-4."""
    state = empty()
    with pytest.raises(CoachError) as err:
        set_phase(state, program, phase=phase, now=MONDAY)  # type: ignore[arg-type]
    assert err.value.key == key
    assert state.phase == 1


def test_set_phase_runner() -> None:
    """R7: a runner's phase may be set by hand; readiness replays from there."""
    after = set_phase(empty(), RUNNER, phase=3, now=MONDAY)
    assert (after.phase, after.phase_since) == (3, MONDAY)
    assert after.snapshot(RUNNER, RUNNER_BASE, MONDAY).phase.phase == 3


@pytest.mark.parametrize("phase", [1, 2, 3, 4])
def test_set_phase_rehab(phase: int) -> None:
    """R6: a physiotherapist's call: set the phase, the count restarts now."""
    state = empty()
    after = set_phase(state, REHAB, phase=phase, now=MONDAY)
    assert (after.phase, after.phase_since) == (phase, MONDAY)
    assert (state.phase, state.phase_since) == (1, None)
    assert after.settings(REHAB_BASE).phase == phase
    assert after.settings(REHAB_BASE).phase_since == MONDAY


def test_with_zone_changes_local_days_only() -> None:
    """with_zone re-indexes the same sessions in another zone."""
    late = Session(
        id="late",
        performed_at=datetime(2026, 11, 23, 23, 30, tzinfo=UTC),
        hard=True,
        working_sets=5,
    )
    state = CoachState.load([late], [], BERLIN)
    moved = state.with_zone(UTC)
    assert isinstance(moved.log, TrainingLog)
    assert [s.id for s in moved.log] == ["late"]
    assert moved.log.day_totals(late.performed_at.date()).sessions == 1
    assert state.log.day_totals(late.performed_at.date()).sessions == 0
