"""The dashboard card in a real browser against a real Home Assistant.

A `hass` process with the frontend runs on 127.0.0.1; an entry is created
through the config-flow REST API, two past sessions are logged over REST and
the "Hamstring Coach" dashboard with `custom:hamstring-coach-card` is created
over the WebSocket API (the code of scripts/seed_demo.py). Headless Chromium
(Debian's package, driven by Playwright; no browser is ever downloaded) opens
the dashboard logged in with the test token, checks what the card shows
against the REST API, clicks *Log workout*, confirms, and checks the new
weekly count in the card and over REST. Screenshots in light and dark themes at
phone and tablet widths go to a temporary folder, or to docs/screenshots with
HC_UPDATE_SCREENSHOTS=1.

No Chromium (or no Playwright): skipped with a loud reason, but under CI=true
the test fails instead, so CI can never pass without running it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
import importlib.util
import json
import os
from pathlib import Path
import shutil
import time
from types import ModuleType
from typing import Any

import pytest

from .harness import REPO_ROOT, HassProcess

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(150)]

DOMAIN = "hamstring_coach"
CARD_JS = (
    REPO_ROOT / "custom_components" / DOMAIN / "frontend" / "hamstring-coach-card.js"
)
CARD_ROUTE = f"/{DOMAIN}/hamstring-coach-card.js"
SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"
WAIT_MS = 30_000
MAX_SECONDS = 90.0
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Bottom edge of the view's cards, through every shadow root.
CONTENT_HEIGHT_JS = """() => {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      if (["HAMSTRING-COACH-CARD", "HUI-TILE-CARD"].includes(el.tagName)) found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const bottoms = found.map((el) => el.getBoundingClientRect().bottom + window.scrollY);
  return Math.ceil(Math.max(0, ...bottoms));
}"""
# relativeTime() of the card module, in the browser (its Intl), fixed clock.
RELATIVE_TIME_JS = """async (url) => {
  const { relativeTime } = await import(url);
  const now = new Date("2026-11-23T10:00:00Z");
  return [
    "2026-11-23T10:20:00Z", "2026-11-23T18:00:00Z", "2026-11-24T18:00:00Z",
    "2026-11-26T18:00:00Z", "2026-11-22T18:00:00Z", "2026-11-20T18:00:00Z",
  ].map((at) => relativeTime(at, now, "en-GB", "UTC", false));
}"""
# The configs of the error cards on the page, for failure messages.
ERROR_CARDS_JS = """() => {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.localName === "hui-error-card") out.push(JSON.stringify(el._config));
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
}"""
# The visual editor and the stub config, fed the page's live `hass`.
EDITOR_JS = """async (entity) => {
  const Card = customElements.get("hamstring-coach-card");
  const hass = document.querySelector("home-assistant").hass;
  const editor = Card.getConfigElement();
  editor.hass = hass;
  editor.setConfig({ type: "custom:hamstring-coach-card", entity });
  const changed = new Promise((resolve) =>
    editor.addEventListener("config-changed", (ev) => resolve(ev.detail.config)));
  const input = editor.shadowRoot.querySelector("#title");
  input.value = "Alex";
  input.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
  const select = editor.shadowRoot.querySelector("#entity");
  return {
    stub: Card.getStubConfig(hass).entity,
    options: [...select.options].map((o) => o.value),
    selected: select.value,
    changed: await changed,
  };
}"""
VIEWPORTS = {"tablet": (1024, 768), "phone": (390, 844)}


def _load_seed_demo() -> ModuleType:
    """scripts/seed_demo.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "seed_demo", REPO_ROOT / "scripts" / "seed_demo.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _browser_or_skip() -> tuple[str, Any]:
    """Chromium's path and Playwright's sync_playwright, or skip (fail under CI)."""
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415
    except ImportError:
        sync_playwright = None
    missing = []
    if chromium is None:
        missing.append(
            "Chromium not installed (Debian package `chromium`; "
            "CI=true scripts/bootstrap installs it as root)"
        )
    if sync_playwright is None:
        missing.append("Python package playwright missing (requirements_test.txt)")
    if missing:
        reason = "!!! DASHBOARD E2E NOT RUN: " + "; ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + " -- required under CI=true")
        pytest.skip(reason)
    assert chromium is not None
    return chromium, sync_playwright


def _integration_serves_card() -> bool:
    """Whether the integration registers the card itself (card.py wired in)."""
    init = (REPO_ROOT / "custom_components" / DOMAIN / "__init__.py").read_text(
        encoding="utf-8"
    )
    return "async_register_card" in init


class FrontendHass(HassProcess):
    """HassProcess with the frontend (and so lovelace) loaded.

    Until `async_register_card` is called by the integration, the card is
    served from the config's www/ folder as an extra module instead, so the
    card itself is still tested; once it is, the integration's own route is
    required.
    """

    def _write_config(self) -> None:
        super()._write_config()
        extra = ""
        if not _integration_serves_card():
            www = self.config_dir / "www"
            www.mkdir(exist_ok=True)
            shutil.copy(CARD_JS, www / CARD_JS.name)
            extra = f"  extra_module_url:\n    - /local/{CARD_JS.name}?v=e2e\n"
        with (self.config_dir / "configuration.yaml").open("a", encoding="utf-8") as f:
            f.write(f"frontend:\n{extra}")


@pytest.fixture
def frontend_hass(tmp_path: Path, socket_enabled: None) -> Iterator[FrontendHass]:
    """A started, onboarded Home Assistant with the frontend; killed afterwards."""
    _browser_or_skip()  # before spending seconds on a start
    proc = FrontendHass(tmp_path / "config")
    try:
        proc.start()
        yield proc
    finally:
        proc.kill()


def _status_labels() -> dict[str, str]:
    translations = json.loads(
        (
            REPO_ROOT / "custom_components" / DOMAIN / "translations" / "en.json"
        ).read_text(encoding="utf-8")
    )
    return translations["entity"]["sensor"]["training_status"]["state"]


def _state(hass: HassProcess, entity_id: str) -> dict[str, Any]:
    response = hass.rest("GET", f"/api/states/{entity_id}")
    assert response.status == 200, (entity_id, response)
    return dict(response.data)


def _seed(hass: HassProcess, entry_id: str) -> dict[str, str]:
    """Two past sessions over REST, then the dashboard over WS; returns entity ids."""
    now = datetime.now(UTC)
    for days_ago, day in ((7, "strength_day"), (3.5, "control_day")):
        hass.call_service(
            DOMAIN,
            "log_session",
            {
                "config_entry_id": entry_id,
                "performed_at": (now - timedelta(days=days_ago)).isoformat(),
                "program_day": day,
                "rpe": 7,
            },
        )
    return dashboard(hass, entry_id)


def dashboard(hass: HassProcess, entry_id: str) -> dict[str, str]:
    """The "Hamstring Coach" dashboard with the entry's card, over WS; entity ids."""
    seed_demo = _load_seed_demo()

    async def dashboard() -> dict[str, str]:
        import aiohttp  # noqa: PLC0415 - only needed here

        async with aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=30)
        ) as http:
            client = seed_demo.HassClient(http, hass.url, hass.token)
            try:
                ids: dict[str, str] = await seed_demo.entity_ids(client, entry_id)
                assert await seed_demo.ensure_dashboard(client, ids)
                assert not await seed_demo.ensure_dashboard(client, ids)  # idempotent
            finally:
                await client.close()
        return ids

    # Not asyncio.run(): it unsets the thread's current loop, which the next
    # test's pytest-asyncio fixtures still expect.
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(dashboard())
    finally:
        loop.close()


def _init_script(hass: HassProcess, dark: bool) -> str:
    """Log in with the token and pick the theme before the frontend starts."""
    tokens = {
        "hassUrl": hass.url,
        "clientId": hass.url + "/",
        "access_token": hass.token,
        "refresh_token": "",
        "expires_in": 1800,
        "token_type": "Bearer",
    }
    return (
        f"const t = {json.dumps(tokens)}; t.expires = Date.now() + 1800000;"
        "localStorage.setItem('hassTokens', JSON.stringify(t));"
        "localStorage.setItem('selectedTheme', "
        f"JSON.stringify({{theme: 'default', dark: {json.dumps(dark)}}}));"
    )


def _print_console(msg: Any) -> None:
    """Browser errors and warnings, shown by pytest when the test fails."""
    if msg.type in {"error", "warning", "info"}:
        print(f"browser {msg.type}: {msg.text}")  # noqa: T201


def shot(page: Any, out: Path, name: str) -> list[Path]:
    """The dashboard at both widths, as tall as its content: one PNG each.

    The viewport grows to the content instead of `full_page`, which would
    stitch Home Assistant's fixed header into the middle of the picture.
    """
    paths = []
    for size, (width, height) in VIEWPORTS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.locator("hamstring-coach-card ha-card").wait_for(timeout=WAIT_MS)
        page.wait_for_timeout(400)  # masonry re-layout after the resize
        tall = page.evaluate(CONTENT_HEIGHT_JS)
        page.set_viewport_size({"width": width, "height": max(height, tall + 16)})
        page.wait_for_timeout(300)
        path = out / f"{name}-{size}.png"
        page.screenshot(path=str(path))
        paths.append(path)
    return paths


def test_dashboard_card(frontend_hass: FrontendHass, tmp_path: Path) -> None:
    """The card shows the coach's state and logs a workout with one confirm."""
    began = time.monotonic()
    chromium, sync_playwright = _browser_or_skip()
    from playwright.sync_api import expect  # noqa: PLC0415

    hass = frontend_hass
    entry_id = hass.create_entry(name="E2E")  # loads the integration
    if _integration_serves_card():
        served = hass.rest("GET", CARD_ROUTE)
        assert served.status == 200
        assert 'registry.define("hamstring-coach-card"' in served.data
    # The frontend needs every loaded integration's action descriptions; when
    # one fails (e.g. calendar's needs camera, which imports PyTurboJPEG) the
    # UI hangs at "Loading data", so say that instead of a browser time-out.
    services = hass.rest("GET", "/api/services")
    assert services.status == 200, (
        f"GET /api/services -> {services.status}: the frontend would hang at "
        f"'Loading data'. Home Assistant's log:\n{hass.log_tail(60)}"
    )
    ids = _seed(hass, entry_id)
    status = _state(hass, ids["training_status"])
    sessions = _state(hass, ids["weekly_sessions"])
    sets = _state(hass, ids["weekly_sets"])
    workout = _state(hass, ids["next_workout"])
    assert workout["state"] == "strength_day"  # hard: logging it counts
    before = int(sessions["state"])
    target = sessions["attributes"]["target"]

    out = SCREENSHOTS if os.environ.get("HC_UPDATE_SCREENSHOTS") == "1" else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context(viewport={"width": 1024, "height": 768})
            context.add_init_script(_init_script(hass, dark=False))
            page = context.new_page()
            page.on("pageerror", lambda err: errors.append(str(err)))
            page.on("console", _print_console)
            page.goto(f"{hass.url}/hamstring-coach", timeout=WAIT_MS)
            card = page.locator("hamstring-coach-card")
            chip = card.locator(".chip.status")
            expect(chip).to_have_text(
                _status_labels()[status["state"]], timeout=WAIT_MS
            )
            expect(card.locator(".reason")).not_to_be_empty()
            expect(card.locator(".progress.sessions .count")).to_have_text(
                f"{before} / {target}"
            )
            expect(card.locator(".progress.sets .count")).to_have_text(
                f"{sets['state']} / {sets['attributes']['target']}"
            )
            first = workout["attributes"]["exercises"][0]
            expect(card.locator("li.exercise .ex").first).to_contain_text(first["name"])
            expect(card.locator(".workout-name")).to_have_text(
                workout["attributes"]["name"]
            )
            expect(card.locator(".next-when")).not_to_have_text("—")
            module = (
                CARD_ROUTE if _integration_serves_card() else "/local/" + CARD_JS.name
            )
            assert page.evaluate(RELATIVE_TIME_JS, module) == [
                "in 20 min",
                "today 18:00",
                "tomorrow 18:00",
                "Thu 18:00 (in 3 days)",
                "yesterday 18:00",
                "3 days ago",
            ]
            editor = page.evaluate(EDITOR_JS, ids["training_status"])
            assert editor["stub"] == ids["training_status"]
            assert editor["options"] == [ids["training_status"]]
            assert editor["selected"] == ids["training_status"]
            assert editor["changed"]["title"] == "Alex"

            card.locator("button[data-action=log]").click()
            logger = card.locator(".panel.logger")
            expect(logger.locator("h3")).to_have_text(
                f"Log E2E's {workout['attributes']['name']}"
            )
            logger.locator("button[data-action=confirm-log]").click()  # as planned
            expect(card.locator(".progress.sessions .count")).to_have_text(
                f"{before + 1} / {target}", timeout=WAIT_MS
            )
            expect(card.locator(".panel.result h3")).to_contain_text("Logged")
            card.locator("button[data-action=close-result]").click()
            assert int(_state(hass, ids["weekly_sessions"])["state"]) == before + 1
            assert _state(hass, ids["next_workout"])["state"] == "control_day"
            expect(card.locator(".workout-name")).to_have_text(
                _state(hass, ids["next_workout"])["attributes"]["name"]
            )
            shots = shot(page, out, "card-light")
            context.close()

            context = browser.new_context(viewport={"width": 1024, "height": 768})
            context.add_init_script(_init_script(hass, dark=True))
            page = context.new_page()
            page.on("pageerror", lambda err: errors.append(str(err)))
            page.on("console", _print_console)
            page.goto(f"{hass.url}/hamstring-coach", timeout=WAIT_MS)
            expect(
                page.locator("hamstring-coach-card .progress.sessions .count")
            ).to_have_text(f"{before + 1} / {target}", timeout=WAIT_MS)
            shots += shot(page, out, "card-dark")
            context.close()
        except BaseException:
            for i, open_page in enumerate(context.pages):
                open_page.screenshot(path=str(tmp_path / f"failure-{i}.png"))
                print("error cards:", open_page.evaluate(ERROR_CARDS_JS))  # noqa: T201
            print(f"failure screenshots in {tmp_path}")  # noqa: T201
            raise
        finally:
            browser.close()
    assert not [e for e in errors if "hamstring" in e.lower()], errors
    assert all(p.stat().st_size > 10_000 for p in shots)
    elapsed = time.monotonic() - began
    assert elapsed < MAX_SECONDS, f"dashboard e2e took {elapsed:.0f} s"
