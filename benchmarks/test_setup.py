"""Setting up an entry with a history vs a local_todo list with as many items.

Each round sets the entry up (read + parse the file, index, first snapshot,
platforms, entity states) and is timed up to `async_block_till_done`; the
entry is unloaded between rounds, outside the timing.
"""

from __future__ import annotations

import time

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from ._harness import add_coach_entry, add_todo_entry, profile_once
from ._support import OURS, PEER, RESULTS, SETUP, sizes, time_rounds


async def _setup_rounds(hass: HomeAssistant, entry: MockConfigEntry) -> list[float]:
    async def cycle() -> float:
        start = time.perf_counter()
        if not await hass.config_entries.async_setup(entry.entry_id):
            msg = f"{entry.domain} did not set up"
            raise AssertionError(msg)
        await hass.async_block_till_done()
        took = time.perf_counter() - start
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
        return took

    return await time_rounds(cycle, warmup=1, min_rounds=3, max_rounds=15, budget=8)


async def test_setup_coach(bench_hass: HomeAssistant, size: int) -> None:
    """Our entry with `size` stored sessions."""
    entry = await add_coach_entry(bench_hass, size)
    RESULTS.time(SETUP, OURS, size, await _setup_rounds(bench_hass, entry))
    if size == max(sizes()):

        async def setup() -> None:
            await bench_hass.config_entries.async_setup(entry.entry_id)
            await bench_hass.async_block_till_done()

        await profile_once(f"setup_{size}", setup)


async def test_setup_local_todo(bench_hass: HomeAssistant, size: int) -> None:
    """A local_todo list with `size` items."""
    entry = await add_todo_entry(bench_hass, size)
    RESULTS.time(SETUP, PEER, size, await _setup_rounds(bench_hass, entry))
