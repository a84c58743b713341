"""Worked examples for soreness and pain (R5; articles 000 and 003)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.hamstring_coach.core.coach import CoachSnapshot, evaluate
from custom_components.hamstring_coach.core.log import TrainingLog
from custom_components.hamstring_coach.core.models import (
    HIGH_SORENESS,
    NextReason,
    Session,
    Settings,
    SorenessReport,
    Status,
)
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.core.recovery import (
    EXTRA_REST,
    WARNING_SIGNS,
    Advice,
    Wellness,
    assess,
    latest_wellness,
)

BERLIN = ZoneInfo("Europe/Berlin")
STRINGS = Path(__file__).parents[2] / "custom_components/hamstring_coach/strings.json"
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
T0 = datetime(2026, 11, 24, 10, tzinfo=UTC)
H = timedelta(hours=1)


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
    sets: int = 11,
    day: str | None = "strength_day",
    **extra: object,
) -> Session:
    """A session with a fresh id."""
    return Session(
        id=f"r{next(_counter)}",
        performed_at=when,
        hard=hard,
        working_sets=sets,
        program_day=day,
        **extra,  # type: ignore[arg-type]
    )


def report(when: datetime, level: int, *, pain: bool = False) -> SorenessReport:
    """A soreness check-in."""
    return SorenessReport(reported_at=when, level=level, pain=pain)


# --- Wellness: high soreness ---------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "recovering"),
    [
        pytest.param(timedelta(0), True, id="R5-sore-at-report"),
        pytest.param(23 * H + timedelta(minutes=59), True, id="R5-sore-at-23h59"),
        pytest.param(24 * H, False, id="R5-sore-ends-at-24h"),
        pytest.param(72 * H, False, id="R5-sore-long-over"),
    ],
)
def test_high_soreness_recovers_for_exactly_24_hours(
    offset: timedelta, recovering: bool
) -> None:
    """R5: soreness 7 without pain is an extra rest day, then over by itself."""
    sore = Wellness(at=T0, soreness=HIGH_SORENESS, pain=False)
    assert sore.high_soreness is True
    assert sore.recovering(T0 + offset) is recovering
    assert sore.advice is Advice.EXTRA_REST
    expected_end = T0 + EXTRA_REST if recovering else None
    assert sore.recovery_ends(T0 + offset) == expected_end


def test_soreness_6_is_not_recovering() -> None:
    """R5: below HIGH_SORENESS nothing changes."""
    mild = Wellness(at=T0, soreness=HIGH_SORENESS - 1, pain=False)
    assert mild.high_soreness is False
    assert mild.recovering(T0) is False
    assert mild.advice is None
    assert mild.recovery_ends(T0) is None
    assert mild.pushes_back(None) is False


@pytest.mark.parametrize(
    ("rest_until", "planned", "expected"),
    [
        pytest.param(
            None, T0 + 30 * H, T0 + 54 * H, id="R5-planned-session-moves-a-day"
        ),
        pytest.param(
            None, T0 - 2 * H, T0 + 24 * H, id="R5-due-slot-moves-a-day-from-report"
        ),
        pytest.param(
            T0 + 80 * H, T0 + 30 * H, T0 + 80 * H, id="R5-longer-rest-window-kept"
        ),
    ],
)
def test_rest_window_moves_the_planned_session_back(
    rest_until: datetime | None, planned: datetime, expected: datetime
) -> None:
    """R5: rest until a day after the session planned at the report (or the report)."""
    sore = Wellness(at=T0, soreness=8, pain=False)
    assert sore.rest_until(rest_until, planned) == expected


@pytest.mark.parametrize(
    ("level", "pain", "last_hard", "pushes"),
    [
        pytest.param(8, False, T0 - 20 * H, True, id="R5-after-the-last-hard-session"),
        pytest.param(8, False, T0 + 1 * H, False, id="before-a-later-hard-session"),
        pytest.param(8, True, None, False, id="pain-no-push-light-work-instead"),
        pytest.param(6, False, None, False, id="moderate-soreness-no-push"),
    ],
)
def test_pushes_back_only_for_fresh_high_soreness(
    level: int, pain: bool, last_hard: datetime | None, pushes: bool
) -> None:
    """R5: only high soreness without pain, reported after the last hard session."""
    assert Wellness(at=T0, soreness=level, pain=pain).pushes_back(last_hard) is pushes


@settings(max_examples=200, deadline=None)
@given(
    rest_hours=st.one_of(st.none(), st.integers(-200, 200)),
    planned_hours=st.integers(-48, 200),
)
def test_property_rest_window_never_shrinks(
    rest_hours: int | None, planned_hours: int
) -> None:
    """R5: the window only grows, and ends at least a day after the planned session."""
    rest = None if rest_hours is None else T0 + rest_hours * H
    planned = T0 + planned_hours * H
    grown = Wellness(at=T0, soreness=9, pain=False).rest_until(rest, planned)
    assert rest is None or grown >= rest
    assert grown >= max(T0, planned) + EXTRA_REST


# --- Wellness: pain --------------------------------------------------------------------


def test_pain_recovers_until_a_pain_free_signal() -> None:
    """R5: pain never ends by itself; it outranks soreness in the advice."""
    hurt = Wellness(at=T0, soreness=HIGH_SORENESS, pain=True)
    assert hurt.recovering(T0 + timedelta(days=30)) is True
    assert hurt.recovery_ends(T0) is None
    assert hurt.advice is Advice.PAIN
    # Pain does not move the rest window: light work only, no plan change.
    assert hurt.pushes_back(None) is False
    reports = [report(T0, 3, pain=True), report(T0 + 50 * H, 2)]
    log = TrainingLog([], BERLIN)
    assert latest_wellness(log, reports[:1]) == Wellness(at=T0, soreness=3, pain=True)
    later = latest_wellness(log, reports)
    assert later == Wellness(at=T0 + 50 * H, soreness=2, pain=False)
    assert later.recovering(T0 + 50 * H) is False


def test_pain_free_session_ends_pain() -> None:
    """R5: a later session that says pain-free ends recovery."""
    log = TrainingLog([session(T0 + 26 * H, pain=False)], BERLIN)
    wellness = latest_wellness(log, [report(T0, 4, pain=True)])
    assert wellness == Wellness(at=T0 + 26 * H, soreness=None, pain=False)
    assert wellness.recovering(T0 + 27 * H) is False


def test_guidance_texts() -> None:
    """R5: every advice id has its text in the translations, naming 000/003's steps."""
    strings = json.loads(STRINGS.read_text(encoding="utf-8"))
    attrs = strings["entity"]["sensor"]["training_status"]["state_attributes"]
    texts = {k: v.lower() for k, v in attrs["guidance"]["state"].items()}
    assert set(texts) == {str(a) for a in Advice} == set(attrs["advice"]["state"])
    first_day = texts[str(Advice.PAIN)]
    for words in ("stop", "ice", "compression", "elevation", "pop", "no stretching"):
        assert words in first_day
    lasting = texts[str(Advice.SEE_PROFESSIONAL)]
    for words in ("24 hours", "physiotherapist", "doctor", "pop", "bruising"):
        assert words in lasting
    for words in ("dent", "walk", "worse", "several weeks"):
        assert words in lasting
    assert set(attrs["warning_signs"]["state"]) == set(WARNING_SIGNS)
    assert "extra rest day" in texts[str(Advice.EXTRA_REST)]


# --- latest_wellness ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sessions", "reports", "expected"),
    [
        pytest.param([], [], None, id="nothing-no-signal"),
        pytest.param(
            [session(T0 - 2 * H, soreness=5)],
            [report(T0, 8)],
            Wellness(at=T0, soreness=8, pain=False),
            id="report-newer-than-session",
        ),
        pytest.param(
            [session(T0 + 2 * H, soreness=3, pain=False)],
            [report(T0, 8)],
            Wellness(at=T0 + 2 * H, soreness=3, pain=False),
            id="session-newer-than-report",
        ),
        pytest.param(
            [session(T0 + 2 * H), session(T0 + 5 * H, rpe=7)],
            [report(T0, 8, pain=True)],
            Wellness(at=T0, soreness=8, pain=True),
            id="sessions-without-signals-ignored",
        ),
        pytest.param(
            [
                session(T0 - 5 * H, soreness=9, pain=True),
                session(T0 - 2 * H, soreness=2),
                session(T0 - H),
            ],
            [],
            Wellness(at=T0 - 2 * H, soreness=2, pain=False),
            id="newest-session-with-a-signal",
        ),
        pytest.param(
            [session(T0 - 2 * H, pain=True)],
            [report(T0 - 3 * H, 0), report(T0 - 5 * H, 9)],
            Wellness(at=T0 - 2 * H, soreness=None, pain=True),
            id="session-pain-newer-than-last-report",
        ),
    ],
)
def test_latest_wellness(
    sessions: list[Session],
    reports: list[SorenessReport],
    expected: Wellness | None,
) -> None:
    """R5: the newest explicit signal of the last report and recent sessions."""
    assert latest_wellness(TrainingLog(sessions, BERLIN), reports) == expected


# --- assess: what holds the doses ------------------------------------------------


@pytest.mark.parametrize(
    ("own", "reports", "expected"),
    [
        pytest.param({}, [], (None, False), id="nothing-reported"),
        pytest.param(
            {},
            [report(T0 - H, 9, pain=True), report(T0 - H / 2, 2)],
            (None, False),
            id="R5-before-the-session-and-eased-ignored",
        ),
        pytest.param(
            {},
            [report(T0 + 72 * H, 9, pain=True), report(T0 + 80 * H, 1)],
            (9, True),
            id="R5-pain-72h-later-then-pain-free-still-holds",
        ),
        pytest.param(
            {},
            [report(T0 + 17 * 24 * H, 8)],
            (8, False),
            id="R5-soreness-17-days-later-still-holds",
        ),
        pytest.param(
            {},
            [report(T0 + 20 * H, 5), report(T0 + 30 * H, 6)],
            (None, False),
            id="R5-moderate-soreness-does-not-hold",
        ),
        pytest.param(
            {"soreness": 8},
            [report(T0 + 20 * H, 3)],
            (8, False),
            id="R5-session-own-soreness-counts",
        ),
        pytest.param(
            {"pain": True},
            [report(T0 + 20 * H, 1)],
            (None, True),
            id="R5-session-own-pain-counts",
        ),
        pytest.param(
            {},
            [report(T0 + 30 * H, 5, pain=True)],
            (5, True),
            id="R5-pain-in-force-counts",
        ),
    ],
)
def test_assess_after(
    own: dict[str, object],
    reports: list[SorenessReport],
    expected: tuple[int | None, bool],
) -> None:
    """R5: bad signals after an exercise's last log hold it, however late they came."""
    ordered = sorted(reports, key=lambda r: r.reported_at)
    log = TrainingLog([session(T0, **own)], BERLIN)
    assert assess(log, ordered).after(T0) == expected


def test_assess_pain_free_hard_session_clears_holds() -> None:
    """R5: a pain-free hard session after the signal ends the holds."""
    log = TrainingLog(
        [session(T0), session(T0 + 50 * H, pain=False, soreness=2)], BERLIN
    )
    sore = [report(T0 + 20 * H, 8)]
    assert assess(log, sore).after(T0) == (None, False)
    assert assess(log, sore).holds == ()


def test_assess_hard_session_during_pain_does_not_clear() -> None:
    """R5: a hard session logged while pain is in force, saying nothing, is not pain-free."""
    log = TrainingLog([session(T0), session(T0 + 50 * H)], BERLIN)
    hurt = [report(T0 + 20 * H, 4, pain=True), report(T0 + 60 * H, 1)]
    assert assess(log, hurt).after(T0) == (4, True)
    assert assess(log, hurt).pain_now is False


# --- through the coach --------------------------------------------------------------

STRENGTH = PROGRAMS["strength_2day"]
SETTINGS = Settings(
    program="strength_2day",
    training_days=frozenset({MON, THU}),
    training_time=time(18),
)
MONDAY = [session(at(BERLIN, 2026, 11, 23, 19), day="strength_day")]
TUESDAY_SORE = report(at(BERLIN, 2026, 11, 24, 10), HIGH_SORENESS)


def coach(
    now: datetime,
    reports: tuple[SorenessReport, ...] = (TUESDAY_SORE,),
    sessions: list[Session] = MONDAY,
) -> CoachSnapshot:
    """Evaluate strength_2day with the Monday session and Tuesday's report."""
    return evaluate(
        TrainingLog(sessions, BERLIN), STRENGTH, SETTINGS, now=now, reports=reports
    )


def utc_at(*args: int) -> datetime:
    """A Berlin wall time as UTC."""
    return at(BERLIN, *args).astimezone(UTC)  # type: ignore[arg-type]


def test_without_soreness_thursday_18h_is_next() -> None:
    """The baseline: Monday 19:00 rests until Wednesday 19:00, Thursday is next."""
    snap = coach(at(BERLIN, 2026, 11, 24, 12), reports=())
    assert snap.rest_until == utc_at(2026, 11, 25, 19)
    assert snap.next_session == utc_at(2026, 11, 26, 18)
    assert snap.status is Status.RESTING
    assert snap.advice is None
    assert snap.next_workout.day.id == "control_day"


def test_high_soreness_on_tuesday() -> None:
    """R5: very sore Tuesday: recovering, light day, Thursday's session moves a day."""
    snap = coach(at(BERLIN, 2026, 11, 24, 12))
    assert snap.status is Status.RECOVERING
    assert snap.advice is Advice.EXTRA_REST
    assert snap.wellness == Wellness(
        at=TUESDAY_SORE.reported_at.astimezone(UTC), soreness=7, pain=False
    )
    # Thursday 18:00 was planned when the soreness was reported: rest a day more.
    assert snap.rest_until == utc_at(2026, 11, 27, 18)
    # The week's second session becomes a catch-up on Friday at 18:00.
    assert snap.next_session == utc_at(2026, 11, 27, 18)
    assert snap.next_session_reason is NextReason.CATCH_UP
    assert snap.next_workout.day.id == "light_day"
    assert snap.next_workout.recovery is True
    assert snap.session_due is False
    # The next update is local midnight (before the soreness ends on Wed 10:00).
    assert snap.next_update == utc_at(2026, 11, 25, 0)


def test_soreness_expiry_is_a_next_update() -> None:
    """R5: the coach wakes up when the soreness day ends (Wednesday 10:00)."""
    snap = coach(at(BERLIN, 2026, 11, 25, 8))
    assert snap.status is Status.RECOVERING
    assert snap.wellness is not None
    assert snap.wellness.recovery_ends(snap.now) == utc_at(2026, 11, 25, 10)
    assert snap.next_update == utc_at(2026, 11, 25, 10)


def test_after_the_soreness_day_resting_and_hard_day_again() -> None:
    """R5: after 24 h the person is no longer recovering, but still rests until Friday."""
    snap = coach(at(BERLIN, 2026, 11, 25, 10))
    assert snap.status is Status.RESTING
    assert snap.advice is None
    assert snap.next_workout.day.id == "control_day"
    assert snap.next_workout.recovery is False
    assert snap.rest_until == utc_at(2026, 11, 27, 18)
    assert snap.next_session == utc_at(2026, 11, 27, 18)
    later = coach(at(BERLIN, 2026, 11, 27, 18))
    assert later.status is Status.DUE
    assert later.session_due is True


def test_high_soreness_moves_next_session_back_by_a_day() -> None:
    """R5 + GUIDANCE: the next hard session moves back by at least 24 h."""
    before = coach(at(BERLIN, 2026, 11, 24, 12), reports=())
    after = coach(at(BERLIN, 2026, 11, 24, 12))
    assert after.next_session - before.next_session >= EXTRA_REST


def test_pain_report_through_the_coach() -> None:
    """R5: pain: recovering until pain-free; after 24 h the advice is to see someone."""
    hurt = report(at(BERLIN, 2026, 11, 24, 10), 4, pain=True)
    first_day = coach(at(BERLIN, 2026, 11, 24, 12), reports=(hurt,))
    assert first_day.advice is Advice.PAIN
    assert first_day.warning_signs == WARNING_SIGNS
    snap = coach(at(BERLIN, 2026, 11, 28, 12), reports=(hurt,))
    assert snap.status is Status.RECOVERING
    assert snap.advice is Advice.SEE_PROFESSIONAL
    assert snap.symptoms_since == hurt.reported_at
    assert snap.next_workout.day.id == "light_day"
    assert snap.session_due is False
    # Pain does not extend the rest window (the plan stays; only light work).
    assert snap.rest_until == utc_at(2026, 11, 25, 19)
    fine = report(at(BERLIN, 2026, 11, 28, 13), 1)
    snap = coach(at(BERLIN, 2026, 11, 28, 14), reports=(hurt, fine))
    assert snap.status is not Status.RECOVERING
    assert snap.advice is None
    assert snap.next_workout.day.id == "control_day"


def test_pain_outranks_soreness_through_the_coach() -> None:
    """R5: a painful and very sore report gives the pain advice, not extra rest."""
    both = report(at(BERLIN, 2026, 11, 24, 10), 9, pain=True)
    snap = coach(at(BERLIN, 2026, 11, 24, 12), reports=(both,))
    assert snap.advice is Advice.PAIN
    assert snap.wellness is not None
    assert snap.wellness.advice is Advice.PAIN
