"""The durable write alone, to a real temp dir, without the action bus.

Ours: the entry's `CoachStore.async_save` of its whole log (HA `Store`,
atomic write with fsync), on a set-up entry. Peer: what local_todo does on every change (serialize the
calendar with `ical`, then `LocalTodoListStore.async_store`, a plain
`write_text`).
"""

from __future__ import annotations

from pathlib import Path

from homeassistant.components.local_todo.store import LocalTodoListStore
from homeassistant.core import HomeAssistant
from ical.calendar_stream import IcsCalendarStream

from ._harness import save_entry, setup_coach, stored_sessions
from ._support import OURS, PEER, RESULTS, WRITE, make_todo_calendar, time_rounds


async def test_write_coach_store(bench_hass: HomeAssistant, size: int) -> None:
    """The entry's own store writing its `size`-session log."""
    coordinator = await setup_coach(bench_hass, size)

    async def save() -> None:
        await save_entry(coordinator)

    RESULTS.time(WRITE, OURS, size, await time_rounds(save))
    if await stored_sessions(bench_hass, coordinator) != size:
        msg = "store did not round-trip"
        raise AssertionError(msg)


async def test_write_local_todo(bench_hass: HomeAssistant, size: int) -> None:
    """local_todo's save of `size` items (its `LocalTodoListEntity.async_save`)."""
    calendar = make_todo_calendar(size)
    store = LocalTodoListStore(
        bench_hass, Path(bench_hass.config.path(".storage", "local_todo.write.ics"))
    )

    async def save() -> None:
        await store.async_store(IcsCalendarStream.calendar_to_ics(calendar))

    RESULTS.time(WRITE, PEER, size, await time_rounds(save))
