"""The dashboard card in a real browser against a real Home Assistant.

A `hass` process with the frontend and the recorder runs on 127.0.0.1; an
entry is created through the config-flow REST API, twelve weeks of sessions
are logged over REST and the "Hamstring Coach" dashboard with
`custom:hamstring-coach-card` and a statistics graph is created over the
WebSocket API (the code of scripts/seed_demo.py). Headless Chromium
(Debian's package, driven by Playwright; no browser is ever downloaded) opens
the dashboard logged in with the test token, checks what the card shows
against the REST API, clicks *Log workout*, confirms, and checks the new
weekly count in the card and over REST. The weekly history and an exercise
trend are checked number by number against `get_progress`, whose weeks are
first checked against the raw `get_history`; tapping a week lists its
sessions, tapping an exercise opens its trend. The long-term statistics are
listed with their units. Screenshots in light and dark themes at
phone and tablet widths go to a temporary folder, or to docs/screenshots with
HC_UPDATE_SCREENSHOTS=1.

No Chromium (or no Playwright): skipped with a loud reason, but under CI=true
the test fails instead, so CI can never pass without running it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
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
CHARTS_ROUTE = f"/{DOMAIN}/hamstring-coach-progress.js"
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
      if (["HAMSTRING-COACH-CARD", "HUI-TILE-CARD", "HUI-STATISTICS-GRAPH-CARD"].includes(el.tagName)) found.push(el);
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
WEEKS = 12
# The charts module on a made-up answer: a paused week and an empty trend.
CHARTS_JS = """async (url) => {
  const { renderHistory, renderTrend } = await import(url);
  const week = (start, extra) => ({ week_start: start, hard_sessions: 0, working_sets: 0,
    skipped: 0, sessions_target: 2, sets_target: 12, met: false, paused: false,
    current: false, sessions: [], ...extra });
  const html = renderHistory({ streak: 1, weeks: [
    week("2026-11-09", { paused: true }),
    week("2026-11-16", { hard_sessions: 2, working_sets: 13, met: true }),
    week("2026-11-23", { current: true, hard_sessions: 1, working_sets: 6 }),
  ] }, { selected: "2026-11-09", lang: "en-GB" });
  const box = document.createElement("div");
  box.innerHTML = html + renderTrend({ exercise: "x", name: "<b>X</b>", metric: "most_reps",
    unit: "reps", points: [] });
  return {
    bars: [...box.querySelectorAll("rect.hc-bar")].map((r) => r.getAttribute("class")),
    labels: [...box.querySelectorAll("button.hc-week")].map((b) => b.getAttribute("aria-label")),
    detail: box.querySelector(".hc-detail").textContent.replace(/\\s+/g, " ").trim(),
    escaped: box.querySelector(".hc-trend .hc-trend-name").textContent,
  };
}"""


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
        # The recorder keeps the long-term statistics the statistics graph shows.
        recorder = "recorder:\n  commit_interval: 0\nhistory:\n"
        if not _integration_serves_card():
            www = self.config_dir / "www"
            www.mkdir(exist_ok=True)
            shutil.copy(CARD_JS, www / CARD_JS.name)
            extra = f"  extra_module_url:\n    - /local/{CARD_JS.name}?v=e2e\n"
        with (self.config_dir / "configuration.yaml").open("a", encoding="utf-8") as f:
            f.write(f"{recorder}frontend:\n{extra}")


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


def _run[T](work: Callable[[Any], Awaitable[T]], hass: HassProcess) -> T:
    """Run `work(client)` with a seed_demo client on a private event loop."""
    seed_demo = _load_seed_demo()

    async def main() -> T:
        import aiohttp  # noqa: PLC0415 - only needed here

        async with aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=30)
        ) as http:
            client = seed_demo.HassClient(http, hass.url, hass.token)
            try:
                return await work(client)
            finally:
                await client.close()

    # Not asyncio.run(): it unsets the thread's current loop, which the next
    # test's pytest-asyncio fixtures still expect.
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(main())
    finally:
        loop.close()


def _seed(hass: HassProcess, entry_id: str) -> dict[str, str]:
    """Twelve weeks of sessions over REST, the dashboard over WS; the entity ids."""
    seed_demo = _load_seed_demo()

    async def dashboard(client: Any) -> dict[str, str]:
        assert await seed_demo.seed_history(client, entry_id, WEEKS) == 2 * WEEKS
        ids: dict[str, str] = await seed_demo.entity_ids(client, entry_id)
        assert await seed_demo.ensure_dashboard(
            client, ids, entry_id=entry_id, pinned=seed_demo.PINNED_EXERCISE
        )
        assert not await seed_demo.ensure_dashboard(client, ids)  # idempotent
        return ids

    return _run(dashboard, hass)


def dashboard(hass: HassProcess, entry_id: str) -> dict[str, str]:
    """The "Hamstring Coach" dashboard with the entry's card, over WS; entity ids."""
    seed_demo = _load_seed_demo()

    async def create(client: Any) -> dict[str, str]:
        ids: dict[str, str] = await seed_demo.entity_ids(client, entry_id)
        assert await seed_demo.ensure_dashboard(client, ids)
        assert not await seed_demo.ensure_dashboard(client, ids)  # idempotent
        return ids

    return _run(create, hass)


def _init_script(hass: HassProcess, dark: bool, language: str | None = None) -> str:
    """Log in with the token, pick the theme (and language) before the frontend starts.

    The frontend reads the user's language from localStorage `selectedLanguage`
    (a JSON string) when the profile has none stored on the server.
    """
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
        + (
            f"localStorage.setItem('selectedLanguage', {json.dumps(json.dumps(language))});"
            if language
            else ""
        )
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


def _statistics(hass: HassProcess, entry_id: str) -> dict[str, Any]:
    """The entry's long-term statistics as listed for a statistics graph."""
    wanted = {
        f"{DOMAIN}:{entry_id.lower()}_working_sets",
        f"{DOMAIN}:{entry_id.lower()}_hard_sessions",
    }

    async def listed(client: Any) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for _ in range(60):  # written off the event loop, then by the recorder
            items = await client.ws("recorder/list_statistic_ids", statistic_type="sum")
            found = {i["statistic_id"]: i for i in items if i["statistic_id"] in wanted}
            if len(found) == len(wanted):
                break
            await asyncio.sleep(0.5)
        return found

    return _run(listed, hass)


def _weeks_from_history(hass: HassProcess, entry_id: str) -> dict[str, list[int]]:
    """Hard sessions and sets per week (Monday, UTC: the e2e zone) from the log."""
    history = hass.call_service(
        DOMAIN, "get_history", {"config_entry_id": entry_id}, return_response=True
    )
    weeks: dict[str, list[int]] = {}
    for session in history["sessions"]:
        day = datetime.fromisoformat(session["performed_at"]).astimezone(UTC).date()
        monday = (day - timedelta(days=day.weekday())).isoformat()
        totals = weeks.setdefault(monday, [0, 0])
        totals[0] += int(session["hard"])
        totals[1] += session["working_sets"]
    return weeks


def _progress(hass: HassProcess, entry_id: str) -> dict[str, Any]:
    """`get_progress` over REST, its weeks checked against the raw history."""
    progress = hass.call_service(
        DOMAIN,
        "get_progress",
        {"config_entry_id": entry_id, "weeks": WEEKS},
        return_response=True,
    )
    raw = _weeks_from_history(hass, entry_id)
    assert len(progress["weeks"]) == WEEKS
    for week in progress["weeks"]:
        expected = raw.get(week["week_start"], [0, 0])
        assert [week["hard_sessions"], week["working_sets"]] == expected, week
        assert week["met"] == (
            week["hard_sessions"] >= week["sessions_target"]
            and week["working_sets"] >= week["sets_target"]
        )
    return dict(progress)


def _check_history(card: Any, progress: dict[str, Any], expect: Any) -> None:
    """Every week's bar values and text from the DOM equal `get_progress`."""
    taps = card.locator(".hc-history button.hc-week")
    expect(taps).to_have_count(WEEKS, timeout=WAIT_MS)
    shown = taps.evaluate_all(
        "els => els.map(e => [e.dataset.week, +e.dataset.sessions, +e.dataset.sets,"
        " e.dataset.met === 'true', e.getAttribute('aria-label')])"
    )
    assert [row[:4] for row in shown] == [
        [w["week_start"], w["hard_sessions"], w["working_sets"], w["met"]]
        for w in progress["weeks"]
    ]
    for (_, sessions, sets, _met, label), week in zip(
        shown, progress["weeks"], strict=True
    ):
        assert f"{sessions} of {week['sessions_target']} hard sessions" in label
        assert f"{sets} of {week['sets_target']} working sets" in label
    values = card.locator(".hc-values.sets span").all_inner_texts()
    assert values == [str(w["working_sets"]) for w in progress["weeks"]]
    met = sum(w["met"] for w in progress["weeks"])
    expect(card.locator(".hc-plot.sets rect.hc-bar.met")).to_have_count(met)
    expect(card.locator(".hc-plot.sets rect.hc-bar.current")).to_have_count(1)
    expect(card.locator(".hc-streak-count")).to_have_text(str(progress["streak"]))
    expect(card.locator(".hc-history .hc-table tbody tr")).to_have_count(WEEKS)


def _check_trend(trend: Any, expected: dict[str, Any]) -> None:
    """The points of a drawn trend equal the answer's, records marked."""
    points = trend.locator(".hc-point")
    values = points.evaluate_all(
        "els => els.map(e => [+e.dataset.value, e.dataset.record === 'true'])"
    )
    assert values == [[p["value"], p["record"]] for p in expected["points"]]
    records = sum(p["record"] for p in expected["points"])
    assert records >= 1
    label = trend.locator(".hc-line").get_attribute("aria-label")
    assert f"{len(expected['points'])} sessions" in label
    assert f"{records} personal record" in label


def _statistics_shot(page: Any, out: Path) -> Path:
    """The two statistics graphs (at the last viewport) as one PNG."""
    boxes = [
        page.locator("hui-statistics-graph-card").nth(i).bounding_box()
        for i in range(2)
    ]
    assert all(boxes), boxes
    left = min(b["x"] for b in boxes) - 8
    top = min(b["y"] for b in boxes) - 8
    right = max(b["x"] + b["width"] for b in boxes) + 8
    bottom = max(b["y"] + b["height"] for b in boxes) + 8
    path = out / "statistics-graph.png"
    page.screenshot(
        path=str(path),
        clip={"x": left, "y": top, "width": right - left, "height": bottom - top},
    )
    return path


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
    statistics = _statistics(hass, entry_id)
    assert {
        (s["statistics_unit_of_measurement"], s["unit_class"], s["has_sum"])
        for s in statistics.values()
    } == {("sets", None, True), ("sessions", None, True)}
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
            progress = _progress(hass, entry_id)
            _check_history(card, progress, expect)
            trends = {t["exercise"]: t for t in progress["exercises"]}
            pinned = card.locator(".hc-pinned .hc-trend")
            expect(pinned).to_have_attribute("data-exercise", "romanian_deadlift")
            _check_trend(pinned, trends["romanian_deadlift"])
            # Tapping a finished week lists its sessions.
            week = next(
                w
                for w in reversed(progress["weeks"])
                if w["sessions"] and not w["current"]
            )
            card.locator(f'button.hc-week[data-week="{week["week_start"]}"]').click()
            expect(card.locator(".hc-detail li.hc-session")).to_have_count(
                len(week["sessions"])
            )
            # Tapping an exercise of the workout list opens its trend.
            card.locator('li.exercise[data-exercise="conventional_deadlift"]').click()
            chosen = card.locator(".hc-selected .hc-trend")
            expect(chosen).to_have_attribute("data-exercise", "conventional_deadlift")
            _check_trend(chosen, trends["conventional_deadlift"])
            charts = page.evaluate(CHARTS_JS, CHARTS_ROUTE)
            assert charts["bars"][0] == "hc-bar paused"
            assert charts["bars"][1] == "hc-bar met"
            assert charts["bars"][2] == "hc-bar open current"
            assert charts["labels"][0].endswith("paused")
            assert (
                "this week, 1 of 2 hard sessions, 6 of 12 working sets"
                in (charts["labels"][2])
            )
            assert "No sessions logged (paused)" in charts["detail"]
            assert charts["escaped"].startswith("<b>X</b>")  # shown as text
            expect(page.locator("hui-statistics-graph-card")).to_have_count(2)

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
            shots.append(_statistics_shot(page, out))
            # Resting, then very sore: today and the next hard session apart,
            # and the hard day keeps its name while the workout is the light one.
            after = _state(hass, ids["training_status"])["attributes"]
            assert after["today"] == "rest"
            assert after["next_hard_program_day"] == "control_day"
            control = _state(hass, ids["next_workout"])["attributes"]["name"]
            expect(card.locator(".today-rest")).to_be_visible()
            expect(card.locator(".next .what")).to_have_text(control)
            hass.call_service(DOMAIN, "report_soreness", {"level": 8})
            expect(card.locator(".workout-name")).to_contain_text(
                "Light", timeout=WAIT_MS
            )
            expect(card.locator(".next .what")).to_have_text(control)
            expect(card.locator(".today-rest")).to_be_visible()
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
