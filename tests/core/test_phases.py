"""Worked examples for program phases: rehab by pain-free progress (R6), runner by calendar (R7)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.hamstring_coach.core.coach import evaluate
from custom_components.hamstring_coach.core.log import TrainingLog
from custom_components.hamstring_coach.core.models import (
    Session,
    Settings,
    SorenessReport,
)
from custom_components.hamstring_coach.core.phases import (
    MIN_PHASE_DAYS,
    RUNNER_PAIN_FREE,
    PhaseProgress,
    current_phase,
    phase_progress,
)
from custom_components.hamstring_coach.core.programs import PROGRAMS

BERLIN = ZoneInfo("Europe/Berlin")
REHAB = PROGRAMS["rehab"]
RUNNER = PROGRAMS["runner"]
STRENGTH = PROGRAMS["strength_2day"]
SINCE = datetime(2026, 11, 2, 9, tzinfo=UTC)  # a Monday
TODAY = date(2026, 11, 30)
D = timedelta(days=1)
H = timedelta(hours=1)

REHAB_SETTINGS = Settings(
    program="rehab",
    training_days=frozenset(range(7)),
    training_time=time(18),
    phase=1,
    phase_since=SINCE,
    phase_sessions=4,
)

_counter = iter(range(1_000_000))


def session(
    when: datetime,
    *,
    pain: bool | None = None,
    soreness: int | None = None,
    day: str = "rehab_activation",
) -> Session:
    """A light rehab session with a fresh id; pain False reports soreness 2."""
    return Session(
        id=f"ph{next(_counter)}",
        performed_at=when,
        hard=False,
        working_sets=2,
        program_day=day,
        pain=pain,
        soreness=2 if pain is False and soreness is None else soreness,
    )


def report(when: datetime, level: int = 2, *, pain: bool = False) -> SorenessReport:
    """A soreness check-in."""
    return SorenessReport(reported_at=when, level=level, pain=pain)


def days(
    *offsets: int, pain: bool | None = False, day: str = "rehab_activation"
) -> list[Session]:
    """Sessions on days after SINCE at 18:00 UTC (pain-free, soreness 2, by default)."""
    return [
        session(SINCE + n * D + timedelta(hours=9), pain=pain, day=day) for n in offsets
    ]


def rehab(
    sessions: list[Session],
    reports: list[SorenessReport] | None = None,
    settings_: Settings = REHAB_SETTINGS,
) -> PhaseProgress:
    """Rehab phase progress on TODAY."""
    return phase_progress(
        TrainingLog(sessions, BERLIN), REHAB, settings_, reports or [], TODAY
    )


# --- rehab (R6) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sessions", "reports", "done", "pain_free", "ready"),
    [
        pytest.param(days(1, 2, 3, 4), [], 4, True, True, id="R6-4-pain-free-ready"),
        pytest.param(days(1, 2, 3), [], 3, True, False, id="R6-3-not-ready"),
        pytest.param(
            days(1, 2, 3, 4, 5, 6), [], 6, True, True, id="R6-more-than-needed-ready"
        ),
        pytest.param(
            [*days(-3, -2, -1), *days(1, 2, 3)],
            [],
            3,
            True,
            False,
            id="R6-sessions-before-phase-since-do-not-count",
        ),
        pytest.param(
            days(1, 2, 3, 4, 5, 6, pain=False),
            [report(SINCE + 3 * D + timedelta(hours=12), 5, pain=True)],
            3,
            True,
            False,
            id="R6-pain-report-in-between-restarts-count",
        ),
        pytest.param(
            days(1, 2, 3, 4, 5, 6, 7, pain=False),
            [report(SINCE + 3 * D + timedelta(hours=12), 5, pain=True)],
            4,
            True,
            True,
            id="R6-4-pain-free-after-the-pain-ready",
        ),
        pytest.param(
            [*days(1, 2), *days(3, pain=True), *days(4, 5, 6, 7, pain=False)],
            [],
            4,
            True,
            True,
            id="R6-painful-session-restarts-count",
        ),
        pytest.param(
            [*days(1, 2, 3, 4, 5), *days(6, pain=True)],
            [],
            0,
            False,
            False,
            id="R6-painful-last-session-not-ready",
        ),
        pytest.param(
            days(1, 2, 3, 4, 5, 6, 7, pain=None),
            [report(SINCE + 3 * D + timedelta(hours=12), 5, pain=True)],
            0,
            False,
            False,
            id="R6-sessions-silent-on-pain-keep-pain-latest",
        ),
        pytest.param(
            days(1, 2, 3, 4, pain=None),
            [],
            0,
            True,
            False,
            id="R6-unreported-pain-does-not-count",
        ),
        pytest.param(
            [
                replace(session(SINCE + n * D, pain=False), soreness=None)
                for n in (1, 2, 3, 4)
            ],
            [],
            0,
            True,
            False,
            id="R6-soreness-not-reported-does-not-count",
        ),
        pytest.param(
            [
                session(SINCE + D + n * timedelta(minutes=10), pain=False)
                for n in range(4)
            ],
            [],
            1,
            True,
            False,
            id="R6-four-logs-one-day-count-once",
        ),
        pytest.param(
            [*days(1, 2, 3), session(SINCE + 4 * D, pain=False, soreness=9)],
            [],
            0,
            True,
            False,
            id="R6-soreness-9-restarts-count",
        ),
        pytest.param(
            [*days(1, 2), *days(3, 4, 5, day="rehab_strength")],
            [],
            2,
            True,
            False,
            id="R6-other-phase-work-does-not-count",
        ),
        pytest.param(
            days(1, 2, 3, 4, 5),
            [report(SINCE + 3 * D + timedelta(hours=12), 8)],
            2,
            True,
            False,
            id="R6-soreness-8-report-restarts-count",
        ),
        pytest.param(
            days(1, 2, 3, 4, 5),
            [report(SINCE + 10 * D, 6, pain=True)],
            0,
            False,
            False,
            id="R6-pain-as-latest-signal-not-ready",
        ),
        pytest.param(
            days(1, 2, 3, 4, 5),
            [report(SINCE + 10 * D, 6, pain=True), report(SINCE + 11 * D, 1)],
            0,
            True,
            False,
            id="R6-pain-free-report-after-pain-count-from-zero",
        ),
        pytest.param(
            days(1, 2, 3, 4),
            [report(SINCE - D, 8, pain=True)],
            4,
            True,
            True,
            id="R6-pain-before-phase-since-ignored",
        ),
    ],
)
def test_rehab_phase_progress(
    sessions: list[Session],
    reports: list[SorenessReport],
    done: int,
    pain_free: bool,
    ready: bool,
) -> None:
    """R6: advance only after phase_sessions pain-free sessions since the phase began."""
    progress = rehab(sessions, reports)
    assert progress.phase == 1
    assert progress.phases == 4
    assert progress.sessions_needed == 4
    assert progress.sessions_done == min(
        done, progress.sessions_needed
    )  # capped: bounded cost
    assert progress.pain_free is pain_free
    assert progress.ready is ready
    assert progress.next_phase_on == date(2026, 11, 9)


@pytest.mark.parametrize(
    ("since_days_ago", "ready", "next_on"),
    [
        pytest.param(3, False, date(2026, 12, 4), id="R6-day-3-of-phase-not-ready"),
        pytest.param(6, False, date(2026, 12, 1), id="R6-day-6-of-phase-not-ready"),
        pytest.param(7, True, date(2026, 11, 30), id="R6-day-7-of-phase-ready"),
    ],
)
def test_rehab_minimum_time_in_phase(
    since_days_ago: int, ready: bool, next_on: date
) -> None:
    """R6: a phase lasts at least MIN_PHASE_DAYS, however fast the sessions came."""
    since = datetime(2026, 11, 30, 7, tzinfo=UTC) - since_days_ago * D
    s = replace(REHAB_SETTINGS, phase_since=since)
    sessions = [session(since + n * D + H, pain=False) for n in range(4)]
    progress = rehab(sessions, settings_=s)
    assert progress.sessions_done == 4
    assert progress.next_phase_on == next_on
    assert progress.ready is ready
    assert MIN_PHASE_DAYS == 7


def test_rehab_custom_phase_sessions() -> None:
    """R6: phase_sessions is the number of pain-free sessions needed."""
    progress = rehab(days(1, 2), settings_=replace(REHAB_SETTINGS, phase_sessions=2))
    assert (progress.sessions_done, progress.sessions_needed, progress.ready) == (
        2,
        2,
        True,
    )


def test_rehab_last_phase_never_ready() -> None:
    """R6: phase 4 is the last: no phase to move on to."""
    progress = rehab(
        days(*range(1, 11), day="rehab_dynamic"),
        settings_=replace(REHAB_SETTINGS, phase=4),
    )
    assert progress.phase == 4
    assert progress.sessions_done == 4  # the count stops at the number needed
    assert progress.ready is False


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        pytest.param(0, 1, id="phase-0-clamps-to-1"),
        pytest.param(-3, 1, id="negative-clamps-to-1"),
        pytest.param(2, 2, id="phase-2"),
        pytest.param(4, 4, id="phase-4"),
        pytest.param(9, 4, id="phase-9-clamps-to-4"),
    ],
)
def test_rehab_current_phase_clamps(stored: int, expected: int) -> None:
    """The stored phase is clamped into the program's phases."""
    s = replace(REHAB_SETTINGS, phase=stored)
    assert current_phase(REHAB, s) == expected
    assert rehab([], settings_=s).phase == expected


def test_rehab_without_phase_since_counts_all() -> None:
    """No phase_since: every session and report counts."""
    s = replace(REHAB_SETTINGS, phase_since=None)
    assert rehab(days(-5, -4, 1, 2), settings_=s).sessions_done == 4
    progress = rehab(days(-5, -4, 1, 2), [report(SINCE - 2 * D, pain=True)], s)
    assert progress.sessions_done == 2


@settings(max_examples=200, deadline=None)
@given(
    signals=st.lists(
        st.tuples(
            st.integers(-5, 20),
            st.sampled_from(["session", "session_pain", "session_silent", "report"]),
            st.booleans(),
        ),
        max_size=12,
    )
)
def test_property_rehab_ready_means_pain_free(
    signals: list[tuple[int, str, bool]],
) -> None:
    """R6: ready implies the latest signal is pain-free and enough sessions followed the last pain."""
    sessions: list[Session] = []
    reports: list[SorenessReport] = []
    for n, (offset, kind, flag) in enumerate(signals):
        when = SINCE + offset * D + timedelta(minutes=n + 1)
        if kind == "report":
            reports.append(report(when, 3, pain=flag))
        else:
            pain = {"session": False, "session_pain": True, "session_silent": None}[
                kind
            ]
            sessions.append(session(when, pain=pain))
    reports.sort(key=lambda r: r.reported_at)
    progress = rehab(sessions, reports)
    pains = [r.reported_at for r in reports if r.pain and r.reported_at >= SINCE]
    pains += [s.performed_at for s in sessions if s.pain and s.performed_at >= SINCE]
    start = max([SINCE, *pains])
    expected = len(
        {
            s.performed_at.astimezone(BERLIN).date()
            for s in sessions
            if s.pain is False
            and s.performed_at > SINCE
            and (not pains or s.performed_at > start)
        }
    )
    assert progress.sessions_done == min(expected, progress.sessions_needed)
    if progress.ready:
        assert progress.pain_free
        assert expected >= 4


# --- runner (R7) --------------------------------------------------------------------

START = date(2026, 1, 5)  # a Monday
RUNNER_SETTINGS = Settings(
    program="runner",
    training_days=frozenset({1, 4}),
    training_time=time(18),
    program_start=START,
)
MONDAY = datetime(2026, 1, 5, 17, tzinfo=UTC)


def runs(
    phase: int, *offsets: int, pain: bool | None = None, letter: str = "a"
) -> list[Session]:
    """Hard runner sessions of a phase's day, days after MONDAY."""
    return [
        Session(
            id=f"run{next(_counter)}",
            performed_at=MONDAY + n * D,
            hard=True,
            working_sets=6,
            program_day=f"runner_phase_{phase}_day_{letter}",
            pain=pain,
        )
        for n in offsets
    ]


def runner(
    sessions: list[Session], today: date, s: Settings = RUNNER_SETTINGS
) -> PhaseProgress:
    """Runner phase progress on `today`."""
    return phase_progress(TrainingLog(sessions, BERLIN), RUNNER, s, [], today)


@pytest.mark.parametrize(
    ("sessions", "today", "phase", "done"),
    [
        pytest.param(
            [],
            date(2026, 3, 30),
            1,
            0,
            id="R7-nothing-logged-phase-1-whatever-the-start",
        ),
        pytest.param(
            runs(1, 0, 3, 7, 10), date(2026, 1, 16), 1, 4, id="R7-block-not-over-yet"
        ),
        pytest.param(
            runs(1, 0, 3, 7, 10),
            date(2026, 1, 19),
            2,
            0,
            id="R7-block-over-4-pain-free-moves-on",
        ),
        pytest.param(
            [*runs(1, 0, 3), *runs(1, 7, 10, pain=True)],
            date(2026, 1, 19),
            1,
            2,
            id="R7-2-of-4-painful-holds-the-block",
        ),
        pytest.param(
            [*runs(1, 0, 3, 7), *runs(1, 10, pain=True)],
            date(2026, 1, 19),
            2,
            0,
            id="R7-3-of-4-pain-free-moves-on",
        ),
        pytest.param(
            [*runs(1, 0, 3, 7, 10), *runs(2, 14, 17, 21, 24), *runs(3, 28, 31, 35, 38)],
            date(2026, 2, 16),
            4,
            0,
            id="R7-three-blocks-done-phase-4",
        ),
        pytest.param(
            [*runs(1, 0, 3, 7, 10), *runs(2, 14, 17, 21, 24), *runs(3, 28, 31, 35, 38)],
            date(2026, 3, 30),
            1,
            0,
            id="R7-six-weeks-off-steps-back-three-phases",
        ),
        pytest.param(
            [*runs(1, 0, 3, 7, 10), *runs(2, 14, 17, 21, 24), *runs(3, 28, 31, 35, 38)],
            date(2026, 2, 27),
            2,
            0,
            id="R7-two-weeks-off-steps-back-a-phase",
        ),
        pytest.param(
            runs(2, 0, 3, 7, 10),
            date(2026, 1, 19),
            1,
            0,
            id="R7-other-phase-days-do-not-count",
        ),
        pytest.param(
            runs(1, -14, -11, -7, -4),
            date(2026, 1, 5),
            1,
            0,
            id="R7-sessions-before-program-start-do-not-count",
        ),
    ],
)
def test_runner_readiness(
    sessions: list[Session], today: date, phase: int, done: int
) -> None:
    """R7: a block moves on after two weeks with 3 of its last 4 hard sessions pain-free."""
    progress = runner(sessions, today)
    assert (progress.phase, progress.sessions_done) == (phase, done)
    assert progress.sessions_needed == RUNNER_PAIN_FREE == 3
    assert progress.ready is False  # the runner's phase is replayed, never stored


def test_runner_set_phase_replays_from_the_stored_phase() -> None:
    """R7: a phase set by hand is where the replay starts."""
    s = replace(RUNNER_SETTINGS, phase=3, phase_since=MONDAY - D)
    assert runner([], date(2026, 1, 6), s).phase == 3
    assert runner([], date(2026, 1, 20), s).phase == 2  # two weeks without a session


@pytest.mark.parametrize("phase", [1, 2, 3, 4])
def test_runner_rotation_changes_with_the_phase(phase: int) -> None:
    """R7: the next workout is a day of the current phase; A then B."""
    now = datetime(2026, 1, 6, 8, tzinfo=UTC)
    s = replace(RUNNER_SETTINGS, phase=phase, phase_since=now - D)
    snap = evaluate(TrainingLog([], BERLIN), RUNNER, s, now=now)
    assert snap.phase.phase == phase
    assert snap.next_workout.day.id == f"runner_phase_{phase}_day_a"
    assert snap.next_workout.day.phase == phase
    done = runs(phase, 0)[0]
    snap = evaluate(TrainingLog([done], BERLIN), RUNNER, s, now=now)
    assert snap.next_workout.day.id == f"runner_phase_{phase}_day_b"
    assert [d.id for d in RUNNER.rotation(phase)] == [
        f"runner_phase_{phase}_day_a",
        f"runner_phase_{phase}_day_b",
    ]
    light = RUNNER.light_day(phase)
    assert light is not None
    assert light.id == f"runner_phase_{phase}_activation"


def test_runner_rotation_after_last_phase_day() -> None:
    """R7: a day of the previous phase does not pin the rotation to the old phase."""
    sessions = runs(1, 0, 3, 7, 10)
    snap = evaluate(
        TrainingLog(sessions, BERLIN),
        RUNNER,
        RUNNER_SETTINGS,
        now=datetime(2026, 1, 20, 8, tzinfo=UTC),
    )
    assert snap.phase.phase == 2
    assert snap.next_workout.day.id == "runner_phase_2_day_a"


def test_rehab_rotation_follows_the_stored_phase() -> None:
    """R6: phase 1 is light only (activation); phase 2 brings the strength day."""
    now = datetime(2026, 11, 30, 8, tzinfo=UTC)
    snap = evaluate(TrainingLog([], BERLIN), REHAB, REHAB_SETTINGS, now=now)
    assert snap.next_workout.day.id == "rehab_activation"
    assert snap.sets_target == 0
    snap = evaluate(
        TrainingLog([], BERLIN), REHAB, replace(REHAB_SETTINGS, phase=2), now=now
    )
    assert snap.next_workout.day.id == "rehab_strength"
    assert snap.phase.phase == 2


def test_unphased_program() -> None:
    """Programs without phases are always in phase 1 of 1 and never ready."""
    s = Settings(
        program="strength_2day", training_days=frozenset({0, 3}), training_time=time(18)
    )
    progress = phase_progress(TrainingLog([], BERLIN), STRENGTH, s, [], TODAY)
    assert progress == PhaseProgress(phase=1, phases=1)
    assert progress.ready is False
