"""Memory held per 1,000 sessions, with tracemalloc.

Two views: the sessions parsed from their stored JSON plus the indexed
`TrainingLog` (what the coordinator keeps), and a whole loaded entry
(traced from before setup until after it, with everything it keeps).
The table shows the slope between the smallest and the largest size.
"""

from __future__ import annotations

from collections.abc import Callable
import gc
import json
import tracemalloc

from homeassistant.core import HomeAssistant

from custom_components.hamstring_coach.core.log import TrainingLog
from custom_components.hamstring_coach.core.serialize import session_from_dict

from ._harness import history_data, setup_coach
from ._support import MEMORY_ENTRY, MEMORY_LOG, RESULTS, TIME_ZONE


def _held[T](build: Callable[[], T]) -> tuple[T, int]:
    """Build something and return it with the bytes still allocated afterwards."""
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        built = build()
        gc.collect()
        return built, tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()


def test_memory_log(size: int) -> None:
    """Sessions read from stored JSON and indexed in a `TrainingLog`."""
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    raw = json.loads(json.dumps(history_data(size)["sessions"]))
    zone = ZoneInfo(TIME_ZONE)
    log, held = _held(lambda: TrainingLog([session_from_dict(d) for d in raw], zone))
    RESULTS.value(MEMORY_LOG, size, held)
    if len(log) != size:
        msg = "log lost sessions"
        raise AssertionError(msg)


async def test_memory_entry(bench_hass: HomeAssistant, size: int) -> None:
    """A loaded entry: coordinator, log, snapshot, entities, states."""
    history_data(size)  # built outside the trace
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        coordinator = await setup_coach(bench_hass, size)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    RESULTS.value(MEMORY_ENTRY, size, held)
    if len(coordinator.log) != size:
        msg = "entry lost sessions"
        raise AssertionError(msg)
