"""Actions through the bus: `log_session` vs `todo.add_item` vs `counter.increment`.

Each call is `blocking=True`, so it includes the durable write (our Store
with fsync, local_todo's `.ics` rewrite) and the state writes it causes.
"""

from __future__ import annotations

import itertools

from homeassistant.core import HomeAssistant

from custom_components.hamstring_coach.const import DOMAIN

from ._harness import (
    profile_once,
    setup_coach,
    setup_counter,
    setup_todo,
    stored_sessions,
)
from ._support import (
    COUNTER,
    COUNTER_ENTITY,
    LOG,
    OURS,
    PEER,
    RESULTS,
    TODO_ENTITY,
    sizes,
    time_rounds,
)


async def test_log_session(bench_hass: HomeAssistant, size: int) -> None:
    """`hamstring_coach.log_session` (next workout as prescribed, now).

    Every round stores a session: `allow_duplicate` keeps the repeat check
    from answering later rounds with the first session.
    """
    hass = bench_hass
    coordinator = await setup_coach(hass, size)

    async def log() -> None:
        await hass.services.async_call(
            DOMAIN, "log_session", {"allow_duplicate": True}, blocking=True
        )

    rounds = await time_rounds(log)
    RESULTS.time(LOG, OURS, size, rounds)
    if size == max(sizes()):
        await profile_once(f"log_session_{size}", log)
    on_disk = await stored_sessions(hass, coordinator)
    if on_disk != len(coordinator.log) or on_disk <= size:
        msg = "logged sessions are not all on disk"
        raise AssertionError(msg)


async def test_todo_add_item(bench_hass: HomeAssistant, size: int) -> None:
    """Core `local_todo`: `todo.add_item` on a list of `size` items."""
    hass = bench_hass
    await setup_todo(hass, size)
    numbers = itertools.count()

    async def add() -> None:
        await hass.services.async_call(
            "todo",
            "add_item",
            {"item": f"new {next(numbers)}"},
            target={"entity_id": TODO_ENTITY},
            blocking=True,
        )

    rounds = await time_rounds(add)
    RESULTS.time(LOG, PEER, size, rounds)
    state = hass.states.get(TODO_ENTITY)
    if state is None or int(state.state) != size + next(numbers):
        msg = f"unexpected to-do count {state}"
        raise AssertionError(msg)


async def test_counter_increment(bench_hass: HomeAssistant) -> None:
    """Core `counter.increment`: state only, the yardstick."""
    hass = bench_hass
    await setup_counter(hass)

    async def increment() -> None:
        await hass.services.async_call(
            "counter", "increment", target={"entity_id": COUNTER_ENTITY}, blocking=True
        )

    RESULTS.time(LOG, COUNTER, 0, await time_rounds(increment, max_rounds=200))
