"""Watch sensors: short translated lines that follow the coach's snapshot."""

from __future__ import annotations

from itertools import product
from pathlib import Path

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Event, EventStateChangedData, HomeAssistant
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.core.programs import ALL_DAY_IDS
from custom_components.hamstring_coach.core.watch import WatchKind, WatchLine, WatchTime
from custom_components.hamstring_coach.watch import (
    STATUS_LIMIT,
    TILE_LIMIT,
    async_watch_texts,
)

WATCH = "sensor.alex_watch_status"
TILE = "sensor.alex_watch_tile"
LANGUAGES = sorted(
    p.stem
    for p in (
        Path(__file__).parents[1] / "custom_components" / DOMAIN / "translations"
    ).glob("*.json")
)


def states(hass: HomeAssistant) -> tuple[str, str]:
    """Both watch lines."""
    return hass.states.get(WATCH).state, hass.states.get(TILE).state


async def jump(hass: HomeAssistant, freezer: FrozenDateTimeFactory, local: str) -> None:
    """Move the clock to a Berlin wall time and let due timers fire."""
    moment = dt_util.parse_datetime(local)
    assert moment is not None
    freezer.move_to(moment)
    async_fire_time_changed(hass, moment)
    await hass.async_block_till_done()


async def call(hass: HomeAssistant, service: str, **data: object) -> None:
    """Call a coach action."""
    await hass.services.async_call(DOMAIN, service, dict(data), blocking=True)
    await hass.async_block_till_done()


async def test_lines_follow_the_week(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Ready, due, resting after a log, sore, pain and paused, in words."""
    assert states(hass) == (
        "Next → Mon 18:00",
        "Next → Mon 18:00 · 0/2 sessions · 0/12 sets",
    )
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    assert states(hass) == (
        "Due · Day 1 Strength",
        "Due · Day 1 Strength · 0/2 sessions · 0/12 sets",
    )
    await call(hass, "log_session")
    sets = hass.states.get("sensor.alex_weekly_sets").state
    assert states(hass) == (
        "Rest → Thu 18:00",
        f"Rest → Thu 18:00 · 1/2 sessions · {sets}/12 sets",
    )
    await call(hass, "report_soreness", level=8)
    assert states(hass)[0] == "Sore: light day"
    await call(hass, "report_soreness", level=2, pain=True)
    assert states(hass)[0] == "Pain: light work only"
    await call(hass, "report_soreness", level=0)
    await call(hass, "pause", until="2026-12-20")
    assert states(hass)[0] == "Paused"


async def test_behind_names_the_day_and_far_times_their_date(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A missed week says 'Behind'; a time a week or more away shows its date."""
    await jump(hass, freezer, "2026-11-28T12:00:00+01:00")
    assert states(hass)[0] == "Behind · Day 1 Strength"
    texts = await async_watch_texts(hass, "en")
    near = WatchTime(weekday="fri", clock="07:30", day=4, month=12, within_week=True)
    far = WatchTime(weekday="fri", clock="07:30", day=11, month=12, within_week=False)
    assert (texts.when(near), texts.when(far)) == ("Fri 07:30", "12/11 07:30")
    german = await async_watch_texts(hass, "de")
    assert (german.when(near), german.when(far)) == ("Fr 07:30", "11.12. 07:30")


async def test_lines_change_only_with_the_snapshot(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """No polling: ticks write nothing; a due boundary or a new language writes once."""
    changes: list[str] = []

    def record(event: Event[EventStateChangedData]) -> None:
        changes.append(event.data["new_state"].state)

    async_track_state_change_event(hass, [WATCH], record)
    assert hass.states.get(WATCH) is not None
    for minute in range(0, 60, 5):
        await jump(hass, freezer, f"2026-11-23T16:{minute:02d}:00+01:00")
    assert changes == []
    await jump(hass, freezer, "2026-11-23T18:00:00+01:00")
    assert changes == ["Due · Day 1 Strength"]
    await hass.config.async_update(language="de")
    await hass.async_block_till_done()
    assert changes == ["Due · Day 1 Strength", "Fällig · Tag 1 Kraft"]
    await hass.config.async_update(location_name="elsewhere")
    await hass.async_block_till_done()
    assert changes == ["Due · Day 1 Strength", "Fällig · Tag 1 Kraft"]


def _lines() -> list[WatchLine]:
    """Every kind and day at its longest: dates with two digits, big counts."""
    whens = [
        WatchTime(weekday=w, clock="23:59", day=28, month=12, within_week=near)
        for w, near in product(
            ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), (True, False)
        )
    ]
    return [
        WatchLine(
            kind=kind,
            program_day=day,
            when=when,
            sessions=7,
            sessions_target=7,
            sets=99,
            sets_target=60,
        )
        for kind, day, when in product(WatchKind, ALL_DAY_IDS, whens)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_line_fits_in_every_language(
    hass: HomeAssistant, language: str
) -> None:
    """Complication ≤ 24 and tile ≤ 60 characters for every kind, day and time."""
    texts = await async_watch_texts(hass, language)
    lines = _lines()
    assert len(lines) == len(WatchKind) * len(ALL_DAY_IDS) * 14
    longest_status = max(len(texts.status(line)) for line in lines)
    longest_tile = max(len(texts.tile(line)) for line in lines)
    assert longest_status <= STATUS_LIMIT
    assert longest_tile <= TILE_LIMIT
    for line in lines:
        assert "{" not in texts.tile(line)
