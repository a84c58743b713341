"""docs/watch.md: every watch template renders what the page says it shows.

Each ```jinja block is followed by "Shows: `…`"; the block is rendered by Home
Assistant's template engine against a real coach on Monday 18:00 (Alex's
Day 1 Strength due, nothing logged yet). The Garmin menu's templates render
and its tap action logs the planned workout.
"""

from __future__ import annotations

import json
from pathlib import Path
import re
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.template import Template
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .test_docs import code_blocks

PAGE = Path(__file__).parents[1] / "docs" / "watch.md"
SHOWN = re.compile(r"```jinja\n(.*?)\n```\n\nShows: `([^`]*)`", re.DOTALL)
TEMPLATES = [
    pytest.param(body, shown, id=f"watch.md:{n}")
    for n, (body, shown) in enumerate(SHOWN.findall(PAGE.read_text("utf-8")))
]


def _garmin_menu() -> dict[str, Any]:
    """The Garmin menu example (the JSON block with "items")."""
    menus = [
        json.loads(body)
        for where, _line, body in code_blocks("json")
        if where == "docs/watch.md" and '"items"' in body
    ]
    assert len(menus) == 1
    return dict(menus[0])


@pytest.fixture
async def due(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """Alex's coach at Monday 18:00: the first session is due."""
    freezer.move_to("2026-11-23T18:00:00+01:00")
    init_integration.runtime_data.publish()
    await hass.async_block_till_done()
    assert hass.states.get("sensor.alex_training_status").state == "due"
    return init_integration


def test_every_template_is_checked() -> None:
    """The page's jinja blocks all carry their "Shows:" line."""
    assert len(TEMPLATES) == PAGE.read_text("utf-8").count("```jinja")
    assert len(TEMPLATES) >= 4


@pytest.mark.parametrize(("body", "shown"), TEMPLATES)
async def test_template_shows_what_the_page_says(
    hass: HomeAssistant, due: MockConfigEntry, body: str, shown: str
) -> None:
    """Rendered by the real template engine, whitespace as a tile folds it."""
    rendered = Template(body, hass).async_render(parse_result=False)
    assert " ".join(rendered.split()) == shown


async def test_garmin_menu_shows_the_tile_and_logs(
    hass: HomeAssistant, due: MockConfigEntry
) -> None:
    """The info item renders the tile line; the tap item's action logs."""
    info, tap = _garmin_menu()["items"]
    content = Template(info["content"], hass).async_render(parse_result=False)
    assert content == "Due · Day 1 Strength · 0/2 sessions · 0/12 sets"
    assert len(content) <= 60
    domain, service = tap["tap_action"]["action"].split(".")
    await hass.services.async_call(
        domain, service, tap["tap_action"]["data"], blocking=True
    )
    await hass.async_block_till_done()
    assert len(due.runtime_data.log) == 1
    assert hass.states.get("sensor.alex_watch_status").state == "Rest → Thu 18:00"
