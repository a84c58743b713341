"""Pure-core costs with pytest-benchmark: where the time of the HA measures goes.

No Home Assistant here: `evaluate` (the recompute of one update),
`TrainingLog.add` (what `log_session` does to the log), serializing the
whole log (what every save does before the write), and loading it. And
`get_progress`'s computation (12 weeks, every exercise) next to
`RecordBook.build`, one pass over the whole log, measured in the same run.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
import json
from zoneinfo import ZoneInfo

from homeassistant.util import dt as dt_util
from pytest_benchmark.fixture import BenchmarkFixture

from custom_components.hamstring_coach.core.coach import evaluate
from custom_components.hamstring_coach.core.log import TrainingLog
from custom_components.hamstring_coach.core.models import WeightUnit
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.core.progress import Targets
from custom_components.hamstring_coach.core.progress_view import (
    ProgressQuery,
    progress_dict,
)
from custom_components.hamstring_coach.core.records import RecordBook
from custom_components.hamstring_coach.core.serialize import (
    session_from_dict,
    session_to_dict,
)
from custom_components.hamstring_coach.settings import settings_from_options

from ._support import OPTIONS, PROGRAM, RESULTS, TIME_ZONE, make_sessions

ZONE = ZoneInfo(TIME_ZONE)


def _log(size: int) -> TrainingLog:
    return TrainingLog(
        make_sessions(size, before=dt_util.utcnow() - timedelta(days=1)), ZONE
    )


def _keep(benchmark: BenchmarkFixture, measure: str, size: int) -> None:
    """Copy pytest-benchmark's median into the summary (absent when disabled)."""
    stats = getattr(benchmark, "stats", None)
    if stats is not None:
        RESULTS.time(measure, "ours", size, [stats.stats.median])


def test_core_evaluate(benchmark: BenchmarkFixture, size: int) -> None:
    """One recompute at a fixed instant (the streak walk is cached per log)."""
    log = _log(size)
    settings = settings_from_options(OPTIONS, WeightUnit.KG)
    now = dt_util.utcnow()
    benchmark(evaluate, log, PROGRAMS[PROGRAM], settings, now=now)
    _keep(benchmark, "core_evaluate", size)


def test_core_log_add(benchmark: BenchmarkFixture, size: int) -> None:
    """Adding one session: a new immutable log with copied indexes."""
    log = _log(size)
    [extra] = make_sessions(1, before=dt_util.utcnow())
    benchmark(log.add, replace(extra, id="extra"))
    _keep(benchmark, "core_add", size)


def test_core_serialize(benchmark: BenchmarkFixture, size: int) -> None:
    """`session_to_dict` over the whole log (done on the event loop by every save)."""
    log = _log(size)
    benchmark(lambda: [session_to_dict(s) for s in log])
    _keep(benchmark, "core_serialize", size)


def test_core_load(benchmark: BenchmarkFixture, size: int) -> None:
    """Parsing stored dicts and indexing them (the CPU part of setup)."""
    raw = json.loads(json.dumps([session_to_dict(s) for s in _log(size)]))
    benchmark(lambda: TrainingLog([session_from_dict(d) for d in raw], ZONE))
    _keep(benchmark, "core_load", size)


def _progressing_log(size: int) -> TrainingLog:
    """The bench log plus a newest hard session with more reps in every exercise.

    Its records fall inside the window, so `get_progress` must read the
    sessions before the window for those lifts (the costly case).
    """
    sessions = make_sessions(size, before=dt_util.utcnow() - timedelta(days=1))
    if not sessions:
        return TrainingLog((), ZONE)
    top = next(s for s in sessions if s.hard)
    heavier = tuple(
        replace(item, reps=item.reps + 5) if item.reps else item
        for item in top.exercises
    )
    newest = replace(
        top,
        id="newest",
        performed_at=sessions[0].performed_at + timedelta(hours=1),
        exercises=heavier,
    )
    return TrainingLog([*sessions, newest], ZONE)


def test_core_progress(benchmark: BenchmarkFixture, size: int) -> None:
    """`get_progress`'s answer: 12 weeks and every exercise's trend."""
    log = _progressing_log(size)
    book = RecordBook.build(log)
    query = ProgressQuery(today=dt_util.now(ZONE).date(), weeks=12)
    settings = settings_from_options(OPTIONS, WeightUnit.KG)
    targets = Targets(
        sessions=settings.sessions_per_week, sets=settings.weekly_set_target
    )
    out = benchmark(progress_dict, log, book, query, targets=targets, streak=0)
    if size and not any(p["record"] for t in out["exercises"] for p in t["points"]):
        msg = "the newest session should hold records inside the window"
        raise AssertionError(msg)
    _keep(benchmark, "core_progress", size)


def test_core_records_build(benchmark: BenchmarkFixture, size: int) -> None:
    """The yardstick: `RecordBook.build`, one pass over the whole log."""
    log = _progressing_log(size)
    benchmark(RecordBook.build, log)
    _keep(benchmark, "core_records", size)
