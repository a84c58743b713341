"""The indexed training log: order, indexes and immutability."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.hamstring_coach.core.log import Totals, TrainingLog
from custom_components.hamstring_coach.core.models import Session

BERLIN = ZoneInfo("Europe/Berlin")


def make(
    n: int, hour: int, *, hard: bool = True, day: str | None = "a", sets: int = 3
) -> Session:
    """Session `n` at 2026-11-<n> <hour>:00 UTC."""
    return Session(
        id=f"s{n}-{hour}",
        performed_at=datetime(2026, 11, n, hour, tzinfo=UTC),
        hard=hard,
        working_sets=sets,
        program_day=day,
    )


def test_add_keeps_order_and_leaves_the_original_untouched() -> None:
    """Adding returns a new log; the old one still answers as before."""
    log = TrainingLog([make(10, 18), make(12, 18)], BERLIN)
    bigger = log.add(make(11, 18, hard=False, day="b"))
    assert [s.id for s in bigger] == ["s10-18", "s11-18", "s12-18"]
    assert [s.id for s in log] == ["s10-18", "s12-18"]
    assert bigger.last_hard.id == "s12-18"
    assert [s.id for s in bigger.newest_first()] == ["s12-18", "s11-18", "s10-18"]
    assert bigger.last_of_day("b").id == "s11-18"
    assert log.last_of_day("b") is None


def test_remove_updates_every_index() -> None:
    """Removing the latest session rolls back last, last_hard and the day totals."""
    log = TrainingLog(
        [make(10, 18), make(12, 18, day="b"), make(12, 20, hard=False)], BERLIN
    )
    smaller, removed = log.remove("s12-20")
    assert removed.id == "s12-20"
    assert smaller.last.id == "s12-18"
    assert smaller.last_of_day("a").id == "s10-18"
    assert smaller.day_totals(date(2026, 11, 12)) == Totals(1, 1, 3, 3)
    emptied, _ = smaller.remove("s12-18")
    assert emptied.day_totals(date(2026, 11, 12)) == Totals()
    assert emptied.last_of_day("b") is None
    assert emptied.last_hard.id == "s10-18"
    none, _ = emptied.remove("s10-18")
    assert (none.last, none.last_hard, none.first, len(none)) == (None, None, None, 0)


def test_remove_unknown_id_raises() -> None:
    """Unknown ids are a KeyError for the caller to translate."""
    with pytest.raises(KeyError):
        TrainingLog([], BERLIN).remove("missing")


def test_duplicate_ids_are_refused() -> None:
    """Ids are unique in a log."""
    with pytest.raises(ValueError, match="duplicate"):
        TrainingLog([make(10, 18), make(10, 18)], BERLIN)
    with pytest.raises(ValueError, match="duplicate"):
        TrainingLog([make(10, 18)], BERLIN).add(make(10, 18))


def test_local_days_follow_the_zone() -> None:
    """23:30 UTC on 10 Nov is 11 Nov in Berlin."""
    log = TrainingLog([make(10, 23)], BERLIN)
    assert log.day_totals(date(2026, 11, 11)).sessions == 1
    assert log.day_totals(date(2026, 11, 10)).sessions == 0


def test_non_utc_instants_are_normalised() -> None:
    """Sessions given in another zone are stored in UTC."""
    local = Session(
        id="x",
        performed_at=datetime(2026, 11, 10, 19, tzinfo=BERLIN),
        hard=True,
        working_sets=1,
    )
    [stored] = TrainingLog([local], BERLIN)
    assert stored.performed_at == datetime(2026, 11, 10, 18, tzinfo=UTC)
    assert stored.performed_at.tzinfo is UTC


def test_between_is_half_open() -> None:
    """Start <= performed_at < end, with open ends."""
    log = TrainingLog([make(10, 18), make(11, 18), make(12, 18)], BERLIN)
    start = datetime(2026, 11, 11, 18, tzinfo=UTC)
    assert [s.id for s in log.between(start, None)] == ["s11-18", "s12-18"]
    assert [s.id for s in log.between(None, start)] == ["s10-18"]
    assert [s.id for s in log.between(start, start + timedelta(hours=1))] == ["s11-18"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 28), st.integers(0, 23), st.booleans(), st.integers(0, 10)
        ),
        min_size=1,
        max_size=25,
        unique_by=lambda t: (t[0], t[1]),
    ),
    st.data(),
)
def test_incremental_indexes_equal_a_rebuild(
    rows: list[tuple[int, int, bool, int]], data: st.DataObject
) -> None:
    """Any sequence of adds and removes leaves the same indexes as building afresh."""
    sessions = [
        make(d, h, hard=hard, sets=sets, day="a" if hard else "b")
        for d, h, hard, sets in rows
    ]
    log = TrainingLog([], BERLIN)
    for session in data.draw(st.permutations(sessions)):
        log = log.add(session)
    to_remove = data.draw(st.lists(st.sampled_from(sessions), unique_by=lambda s: s.id))
    for session in to_remove:
        log, _ = log.remove(session.id)
    kept = [s for s in sessions if s not in to_remove]
    fresh = TrainingLog(kept, BERLIN)
    assert list(log) == list(fresh)
    assert log.last_hard == fresh.last_hard
    for day in range(1, 30):
        local = date(2026, 11, day)
        assert log.day_totals(local) == fresh.day_totals(local)
    for program_day in ("a", "b"):
        assert log.last_of_day(program_day) == fresh.last_of_day(program_day)
