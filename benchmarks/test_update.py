"""One full coach update: recompute the snapshot and write every entity's state."""

from __future__ import annotations

from homeassistant.core import HomeAssistant

from custom_components.hamstring_coach.const import DOMAIN

from ._harness import setup_coach
from ._support import OURS, RESULTS, UPDATE, time_rounds


async def test_update(bench_hass: HomeAssistant, size: int) -> None:
    """`coordinator.publish()` then `async_block_till_done`, as at a boundary."""
    hass = bench_hass
    coordinator = await setup_coach(hass, size)
    # The event entity shows the last coach event, not the snapshot: it is
    # written when an event fires, never by an update.
    ours = [
        s.entity_id
        for s in hass.states.async_all()
        if s.entity_id.split(".", 1)[1].startswith("alex_")
        and not s.entity_id.startswith("event.")
    ]
    if not ours:
        msg = f"no {DOMAIN} entities"
        raise AssertionError(msg)

    async def update() -> None:
        coordinator.publish()
        await hass.async_block_till_done()

    rounds = await time_rounds(update, max_rounds=100)
    RESULTS.time(UPDATE, OURS, size, rounds)
    before = {e: hass.states.get(e).last_reported for e in ours}  # type: ignore[union-attr]
    await update()
    stale = [e for e in ours if hass.states.get(e).last_reported == before[e]]  # type: ignore[union-attr]
    if stale:
        msg = f"an update did not write {stale}"
        raise AssertionError(msg)
