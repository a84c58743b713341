"""Hostile texts in a real browser: nothing executes, the layout holds.

Entry names, session notes and imported notes carry HTML and script
payloads (`<img src=x onerror=…>`, `<script>`, an `<svg onload>`), a very
long text and right-to-left texts (Hebrew, an RLO override). They are stored
as given (REST shows them verbatim), then the dashboard with the coach card
(its title a payload too) and the calendar panel (whose event descriptions
hold the notes) are opened in headless Chromium. Every payload would set
`window.__hc_pwned` or open a dialog; neither happens, the card shows the
name as text, and no card is wider than the phone viewport.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
import json
from pathlib import Path
from typing import Any

import pytest

from .harness import HassProcess
from .test_dashboard import (
    CHROMIUM_FLAGS,
    WAIT_MS,
    FrontendHass,
    _browser_or_skip,
    _init_script,
    _load_seed_demo,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

DOMAIN = "hamstring_coach"
IMG = '<img src=x onerror="window.__hc_pwned=1;alert(1)">'
SCRIPT = "<script>window.__hc_pwned=2;alert(2)</script>"
SVG = '<svg onload="window.__hc_pwned=3"></svg>'
RTL = "\u202e\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd gnol yrev\u202c"
LONG = "Nordics" + "\u00a0" * 3 + "x" * 400 + " " + "w" * 89  # the 500 allowed
NAME = f"{IMG}{RTL}{'L' * 120}"
NOTES = [IMG, SCRIPT, SVG, RTL, LONG, f"{SCRIPT}{'🦵' * 300}"]
PHONE = {"width": 390, "height": 844}

# Every hamstring-coach-card and hui card's width, through the shadow roots.
WIDTHS_JS = """() => {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.localName === "hamstring-coach-card" || el.localName === "ha-card")
        out.push(Math.ceil(el.getBoundingClientRect().right));
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
}"""


@pytest.fixture
def browser_hass(tmp_path: Path, socket_enabled: None) -> Iterator[FrontendHass]:
    """A started Home Assistant with the frontend; killed afterwards."""
    _browser_or_skip()  # before spending seconds on a start
    proc = FrontendHass(tmp_path / "config")
    try:
        proc.start()
        yield proc
    finally:
        proc.kill()


def _log_notes(hass: HassProcess, entry_id: str) -> None:
    now = datetime.now(UTC)
    for i, notes in enumerate(NOTES):
        hass.call_service(
            DOMAIN,
            "log_session",
            {
                "config_entry_id": entry_id,
                "performed_at": (now - timedelta(days=20 - 3 * i)).isoformat(),
                "program_day": "light_day",
                "notes": notes,
            },
        )


def _dashboard(hass: HassProcess, entry_id: str) -> dict[str, str]:
    """The demo dashboard, plus a card whose title is a payload; returns ids."""
    seed_demo = _load_seed_demo()

    async def build() -> dict[str, str]:
        import aiohttp  # noqa: PLC0415 - only needed here

        async with aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=30)
        ) as http:
            client = seed_demo.HassClient(http, hass.url, hass.token)
            try:
                ids: dict[str, str] = await seed_demo.entity_ids(client, entry_id)
                assert await seed_demo.ensure_dashboard(client, ids)
                config = seed_demo.dashboard_config(ids, title=SCRIPT)
                config["views"][0]["cards"].append(
                    {
                        "type": "custom:hamstring-coach-card",
                        "entity": ids["training_status"],
                        "title": f"{SVG}{LONG}",
                    }
                )
                await client.ws(
                    "lovelace/config/save",
                    url_path=seed_demo.DASHBOARD_URL,
                    config=config,
                )
            finally:
                await client.close()
        return ids

    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(build())
    finally:
        loop.close()


def _stored_verbatim(hass: HassProcess, entry_id: str, notes: list[str]) -> None:
    history = hass.call_service(
        DOMAIN, "get_history", {"config_entry_id": entry_id}, return_response=True
    )
    assert sorted(s["notes"] for s in history["sessions"]) == sorted(notes)


def _open(browser: Any, hass: HassProcess, path: str) -> tuple[Any, list[str]]:
    dialogs: list[str] = []
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(_init_script(hass, dark=False))
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{hass.url}{path}", timeout=WAIT_MS)
    return page, dialogs


def test_hostile_texts_never_execute(browser_hass: FrontendHass) -> None:
    """Payloads in names, notes, imports and card titles stay text."""
    chromium, sync_playwright = _browser_or_skip()
    from playwright.sync_api import expect  # noqa: PLC0415

    hass = browser_hass
    source = hass.create_entry(name="Source")
    _log_notes(hass, source)
    export = hass.config_dir / "www" / "hostile.json"
    export.parent.mkdir(exist_ok=True)
    hass.call_service(DOMAIN, "export_history", {"path": str(export)})
    target = hass.create_entry(name=NAME)
    response = hass.call_service(
        DOMAIN,
        "import_history",
        {"config_entry_id": target, "path": str(export)},
        return_response=True,
    )
    assert response["added"] == len(NOTES)
    _stored_verbatim(hass, target, NOTES)
    assert [e["title"] for e in hass.entries()] == ["Source", NAME]
    ids = _dashboard(hass, target)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            page, dialogs = _open(browser, hass, "/hamstring-coach")
            cards = page.locator("hamstring-coach-card")
            expect(cards.first.locator(".chip.status")).not_to_be_empty(timeout=WAIT_MS)
            expect(cards).to_have_count(2)
            expect(cards.first.locator(".title")).to_contain_text(IMG)
            expect(cards.nth(1).locator(".title")).to_contain_text(SVG)
            page.wait_for_timeout(1500)  # an onerror fires once the image fails
            assert page.evaluate("() => window.__hc_pwned") is None
            widths = page.evaluate(WIDTHS_JS)
            assert widths, "no card found"
            assert max(widths) <= PHONE["width"], widths
            assert (
                page.evaluate("() => document.documentElement.scrollWidth")
                <= (PHONE["width"])
            )

            calendar, more = _open(browser, hass, "/calendar")
            calendar.wait_for_timeout(4000)
            assert calendar.evaluate("() => window.__hc_pwned") is None
            assert dialogs == []
            assert more == []
        finally:
            browser.close()
    assert ids["training_status"].startswith("sensor.")
    stored = json.loads(export.read_text(encoding="utf-8"))
    assert IMG in [s.get("notes") for s in stored["sessions"]]  # exported verbatim
