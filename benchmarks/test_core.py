"""Pure-core costs with pytest-benchmark: where the time of the HA measures goes.

No Home Assistant here: `evaluate` (the recompute of one update),
`TrainingLog.add` (what `log_session` does to the log), serializing the
whole log (what every save does before the write), and loading it.
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
