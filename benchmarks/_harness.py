"""Setting up the subjects in a running core: our entry, local_todo, counter."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
import cProfile
from datetime import datetime, timedelta
from functools import cache
import io
import json
import os
from pathlib import Path
import pstats
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.coordinator import HamstringCoordinator

from ._support import (
    OPTIONS,
    RESULTS,
    TODO_DATA,
    make_sessions,
    make_todo_ics,
    store_file,
)


@cache
def _history_before() -> datetime:
    """Histories end a day before the run started (fixed for the whole run)."""
    return dt_util.utcnow() - timedelta(days=1)


@cache
def history_data(size: int) -> dict[str, object]:
    """The stored `data` of a log with `size` sessions (built once per run)."""
    sessions = make_sessions(size, before=_history_before())
    return store_file("x", sessions)["data"]  # type: ignore[no-any-return]


@cache
def todo_ics(size: int) -> str:
    """The `.ics` text of a to-do list with `size` items (built once per run)."""
    return make_todo_ics(size)


def _write(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


async def add_coach_entry(
    hass: HomeAssistant, size: int, data: dict[str, object] | None = None
) -> MockConfigEntry:
    """Add (not set up) a coach entry whose store file holds `size` sessions."""
    entry = MockConfigEntry(
        domain=DOMAIN, title="Alex", data={"name": "Alex"}, options=dict(OPTIONS)
    )
    entry.add_to_hass(hass)
    key = f"{DOMAIN}.{entry.entry_id}"
    content = {
        "version": 1,
        "minor_version": 1,
        "key": key,
        "data": history_data(size) if data is None else data,
    }
    await hass.async_add_executor_job(
        _write, hass.config.path(".storage", key), json.dumps(content)
    )
    return entry


async def setup_coach(hass: HomeAssistant, size: int) -> HamstringCoordinator:
    """Set up a coach entry with `size` sessions and return its coordinator."""
    entry = await add_coach_entry(hass, size)
    if not await hass.config_entries.async_setup(entry.entry_id):
        msg = "hamstring_coach entry did not set up"
        raise RuntimeError(msg)
    await hass.async_block_till_done()
    coordinator: HamstringCoordinator = entry.runtime_data
    return coordinator


async def save_entry(coordinator: HamstringCoordinator) -> None:
    """Write the entry's whole log with its own store, as every action does."""
    state = getattr(coordinator, "state", None)  # the store API is evolving
    if state is not None:
        await coordinator.store.async_save(state)
    else:
        await coordinator.store.async_save(coordinator.log, coordinator.reports)  # type: ignore[call-arg,attr-defined]


def _read_json(path: str) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


async def stored_sessions(
    hass: HomeAssistant, coordinator: HamstringCoordinator
) -> int:
    """How many sessions the entry's file on disk holds."""
    content = await hass.async_add_executor_job(_read_json, coordinator.store.path)
    return len(content["data"]["sessions"])


async def add_todo_entry(hass: HomeAssistant, size: int) -> MockConfigEntry:
    """Add (not set up) a local_todo list whose `.ics` file holds `size` items."""
    entry = MockConfigEntry(domain="local_todo", title="Bench", data=dict(TODO_DATA))
    entry.add_to_hass(hass)
    path = hass.config.path(".storage", f"local_todo.{TODO_DATA['storage_key']}.ics")
    await hass.async_add_executor_job(_write, path, todo_ics(size))
    return entry


async def setup_todo(hass: HomeAssistant, size: int) -> MockConfigEntry:
    """Set up a local_todo list with `size` items."""
    entry = await add_todo_entry(hass, size)
    if not await hass.config_entries.async_setup(entry.entry_id):
        msg = "local_todo entry did not set up"
        raise RuntimeError(msg)
    await hass.async_block_till_done()
    return entry


async def setup_counter(hass: HomeAssistant) -> None:
    """Set up one YAML counter (no storage involved)."""
    if not await async_setup_component(hass, "counter", {"counter": {"bench": {}}}):
        msg = "counter did not set up"
        raise RuntimeError(msg)
    await hass.async_block_till_done()


async def profile_once(
    name: str, run: Callable[[], Awaitable[object]], *, top: int = 25
) -> None:
    """With HC_BENCH_PROFILE=1, profile one more round and keep the top entries.

    The text goes to `.benchmarks/profile_<name>.txt`; cProfile sees the
    event loop's thread only (executor jobs show as waiting in `select`).
    """
    if os.environ.get("HC_BENCH_PROFILE") != "1":
        return
    profiler = cProfile.Profile()
    profiler.enable()
    await run()
    profiler.disable()
    RESULTS.notes.append(f"profile of {name}: {_keep_profile(profiler, name, top)}")


def _keep_profile(profiler: cProfile.Profile, name: str, top: int) -> Path:
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    out = Path(".benchmarks")
    out.mkdir(exist_ok=True)
    target = out / f"profile_{name}.txt"
    target.write_text(text.getvalue(), encoding="utf-8")
    return target
