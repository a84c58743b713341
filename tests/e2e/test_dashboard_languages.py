"""The dashboard card in German and French, in a real browser.

Alex's coach gets twelve weeks of sessions and the dashboard (as in
test_dashboard.py), then a workout logged now, so the card shows a resting
day and the next hard session. Home Assistant's language is set to German,
then French (over WS, so the names the integration gives follow), and each
time Chromium opens the dashboard with the user's frontend language set to
the same (localStorage `selectedLanguage`, as the profile's language picker
stores it). The card's
labels, status chip, buttons, charts and logger are checked against the
card's text table and the sensor's translations, its relative times against
German and French written out here, and no English text of the table is left
on the card. Nothing may stick out of the card or its logger on a 390 px
wide phone.
Phone screenshots go to docs/screenshots (card-de-phone.png,
card-fr-phone.png) with HC_UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
import json
import os
from pathlib import Path
import re
import time
from typing import Any

import pytest

from tests.test_card_i18n import TABLE

from .harness import REPO_ROOT
from .test_dashboard import (
    CHARTS_ROUTE,
    CHROMIUM_FLAGS,
    CONTENT_HEIGHT_JS,
    DOMAIN,
    ERROR_CARDS_JS,
    MAX_SECONDS,
    SCREENSHOTS,
    WAIT_MS,
    FrontendHass,
    _browser_or_skip,
    _init_script,
    _print_console,
    _run,
    _seed,
    _state,
    frontend_hass,  # noqa: F401 - the fixture
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(150)]

CARD_ROUTE = f"/{DOMAIN}/hamstring-coach-card.js"
I18N_ROUTE = f"/{DOMAIN}/hamstring-coach-i18n.js"
# The texts module with the page's live `hass`: a number in the profile's
# format, a regional tag, a language the table does not have.
I18N_JS = """async (url) => {
  const { formatNumber, t } = await import(url);
  const hass = document.querySelector("home-assistant").hass;
  return [formatNumber(hass, 52.5), t("de-AT", "week.title"), t("pt-BR", "week.title")];
}"""
PHONE = (390, 844)
# relativeTime() on a fixed clock, in the language asked for (24 h, UTC).
RELATIVE_TIME_JS = """async ([url, lang]) => {
  const { relativeTime } = await import(url);
  const now = new Date("2026-11-23T10:00:00Z");
  return [
    "2026-11-23T10:20:00Z", "2026-11-23T18:00:00Z", "2026-11-24T18:00:00Z",
    "2026-11-26T18:00:00Z", "2026-11-22T18:00:00Z", "2026-11-20T18:00:00Z",
  ].map((at) => relativeTime(at, now, lang, "UTC", false));
}"""
# What the card shows for a time now, with the page's own settings.
NOW_RELATIVE_JS = """async ([url, at]) => {
  const { relativeTime } = await import(url);
  const hass = document.querySelector("home-assistant").hass;
  return relativeTime(at, new Date(), hass.locale.language, undefined, undefined);
}"""
EXPECTED_TIMES = {
    "de": [
        "in 20 Min.",
        "heute um 18:00",
        "morgen um 18:00",
        "Do 18:00 (in 3 Tagen)",
        "gestern um 18:00",
        "vor 3 Tagen",
    ],
    "fr": [
        "dans 20 min",
        "aujourd'hui à 18:00",
        "demain à 18:00",
        "jeu. 18:00 (dans 3 jours)",
        "hier à 18:00",
        "il y a 3 jours",
    ],
}
# Words that show the language is really the one asked for (not the table's).
MUST_SHOW = {
    "de": ["Diese Woche", "Nächste harte Einheit", "Workout eintragen"],
    "fr": ["Cette semaine", "Prochaine séance intense", "Enregistrer l'entraînement"],
}
# Elements that stick out of the card or cut their own text, at this width.
OVERFLOW_JS = """(card) => {
  const root = card.shadowRoot;
  const box = root.querySelector("ha-card").getBoundingClientRect();
  const out = [];
  for (const el of root.querySelectorAll("ha-card *")) {
    if (el.closest(".sr-only") || el.closest("svg")) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const name = `${el.localName}.${el.className}: ${(el.textContent || "").trim().slice(0, 40)}`;
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push(`outside: ${name}`);
    const style = getComputedStyle(el);
    const clips = ["hidden", "clip"].includes(style.overflowX) || el.localName === "button";
    if (clips && el.scrollWidth > el.clientWidth + 1) out.push(`cut: ${name}`);
  }
  return out;
}"""

# A row wider than a phone, appended to the card (for the check above).
WIDEN_JS = """(card) => {
  const row = document.createElement("div");
  row.className = "hc-wide";
  row.style.width = "600px";
  row.textContent = "x";
  card.shadowRoot.querySelector("ha-card").append(row);
}"""


def _server_language(hass: FrontendHass, lang: str, workout_id: str) -> str:
    """Home Assistant's own language set over WS; the workout's name once it follows."""
    before = _state(hass, workout_id)["attributes"]["name"]
    # In a thread of its own: Playwright's sync API runs a loop in this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(
            _run, lambda client: client.ws("config/core/update", language=lang), hass
        ).result()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        name = str(_state(hass, workout_id)["attributes"]["name"])
        if name != before:
            return name
        time.sleep(0.2)
    pytest.fail(f"the workout's name stayed {before!r} in {lang}")


def _states_in(lang: str) -> dict[str, str]:
    """The training_status state names of translations/<lang>.json."""
    path = REPO_ROOT / "custom_components" / DOMAIN / "translations" / f"{lang}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return dict(data["entity"]["sensor"]["training_status"]["state"])


def _english_left(text: str, lang: str) -> list[str]:
    """Table texts still shown in English (sentences without placeholders)."""
    return [
        english
        for key, english in TABLE["en"].items()
        if english != TABLE[lang][key]
        and "{" not in english
        and len(english.split()) >= 2
        and english.casefold() in text.casefold()
    ]


def _phone_shot(page: Any, path: Path) -> None:
    """The dashboard on a phone, as tall as its content."""
    width, height = PHONE
    page.set_viewport_size({"width": width, "height": height})
    page.locator("hamstring-coach-card ha-card").wait_for(timeout=WAIT_MS)
    page.wait_for_timeout(400)  # masonry re-layout after the resize
    tall = page.evaluate(CONTENT_HEIGHT_JS)
    page.set_viewport_size({"width": width, "height": max(height, tall + 16)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))


def _check_card(page: Any, lang: str, status: dict[str, Any], expect: Any) -> None:
    """Labels, chip, charts and times of the card in `lang`."""
    texts = TABLE[lang]
    card = page.locator("hamstring-coach-card")
    expect(card.locator(".chip.status")).to_have_text(
        _states_in(lang)[status["state"]], timeout=WAIT_MS
    )
    language = page.evaluate("document.querySelector('home-assistant').hass.language")
    assert language == lang  # the frontend took the stored language
    assert page.evaluate("document.documentElement.lang") == lang
    expect(card.locator(".today-rest")).to_have_text(texts["next.rest_today"])
    expect(card.locator(".section .label").first).to_have_text(
        texts["next.hard_session"]
    )
    expect(card.locator("button[data-action=log]")).to_have_text(texts["actions.log"])
    expect(card.locator(".progress.sets .bar-head span").first).to_have_text(
        texts["week.sets"]
    )
    expect(card.locator(".hc-history > .label")).to_have_text(
        texts["history.title.other"].replace("{count}", "12"), timeout=WAIT_MS
    )
    week = card.locator(".hc-history button.hc-week").first.get_attribute("aria-label")
    assert week.startswith(texts["week.summary"].split("{date}")[0]), week
    # The next hard session in words of the language, as the card computes it.
    when = status["attributes"]["next_hard_session"]
    shown = card.locator(".next-when").inner_text()
    assert shown == page.evaluate(NOW_RELATIVE_JS, [CARD_ROUTE, when])
    words = [texts[k].split("{")[0].strip() for k in ("rel.today", "rel.tomorrow")]
    assert any(shown.startswith(w) for w in words) or re.search(r"\(.+\)", shown), shown
    assert page.evaluate(RELATIVE_TIME_JS, [CARD_ROUTE, lang]) == EXPECTED_TIMES[lang]
    # innerText as shown: the section labels are upper case.
    text = card.evaluate("el => el.shadowRoot.querySelector('ha-card').innerText")
    for needle in MUST_SHOW[lang]:
        assert needle.casefold() in text.casefold(), needle
    assert _english_left(text, lang) == []


def _check_logger(page: Any, lang: str, expect: Any) -> None:
    """The logger's title, labels and buttons in `lang`; closed again."""
    texts = TABLE[lang]
    card = page.locator("hamstring-coach-card")
    card.locator("button[data-action=log]").click()
    logger = card.locator(".panel.logger")
    expect(logger.locator(".hint")).to_have_text(texts["logger.hint"])
    title = logger.locator("h3").inner_text()
    assert title.startswith("Alex") or "Alex" in title, title
    assert title != TABLE["en"]["logger.title"], title
    row = logger.locator("fieldset").first
    expect(row.get_by_label(texts["field.sets"], exact=True)).to_be_visible()
    expect(row.locator("[data-outcome=planned]")).to_have_text(texts["outcome.planned"])
    expect(logger.locator("button[data-action=confirm-log]")).to_have_text(
        texts["logger.as_planned"]
    )
    assert _english_left(logger.inner_text(), lang) == []
    logger.locator("button[data-action=cancel]").click()
    expect(logger).to_have_count(0)


def test_card_in_german_and_french(
    frontend_hass: FrontendHass,  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    """The card follows the user's frontend language, on a phone too."""
    began = time.monotonic()
    chromium, sync_playwright = _browser_or_skip()
    from playwright.sync_api import expect  # noqa: PLC0415

    hass = frontend_hass
    entry_id = hass.create_entry(name="Alex")
    ids = _seed(hass, entry_id)
    hass.call_service(DOMAIN, "log_session", {"config_entry_id": entry_id})
    status = _state(hass, ids["training_status"])
    assert status["attributes"]["today"] == "rest"
    assert status["attributes"]["next_hard_session"]

    out = SCREENSHOTS if os.environ.get("HC_UPDATE_SCREENSHOTS") == "1" else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    shots: list[Path] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        context = None
        try:
            for lang in ("de", "fr"):
                # The server's texts (names, notes) in the language too, as
                # in a home set up in that language.
                name = _server_language(hass, lang, ids["next_workout"])
                context = browser.new_context(viewport={"width": 1024, "height": 768})
                context.add_init_script(_init_script(hass, dark=False, language=lang))
                page = context.new_page()
                page.on("pageerror", lambda err: errors.append(str(err)))
                page.on("console", _print_console)
                page.goto(f"{hass.url}/hamstring-coach", timeout=WAIT_MS)
                _check_card(page, lang, status, expect)
                # Names come from the server as they are.
                expect(page.locator("hamstring-coach-card .workout-name")).to_have_text(
                    name
                )
                _check_logger(page, lang, expect)
                assert page.evaluate(I18N_JS, I18N_ROUTE) == [
                    "52,5",
                    "Diese Woche",
                    "This week",
                ]
                # The charts module on its own, in the same language.
                assert page.evaluate(
                    "async ([url, lang]) => (await import(url)).weekSummary({week_start:"
                    " '2026-11-16', hard_sessions: 1, sessions_target: 2, working_sets:"
                    " 6, sets_target: 12, met: false, paused: false, current: true},"
                    " lang)",
                    [CHARTS_ROUTE, lang],
                ) == TABLE[lang]["week.summary_current"].format(
                    date={"de": "16. Nov.", "fr": "16 nov."}[lang],
                    sessions=1,
                    sessions_target=2,
                    sets=6,
                    sets_target=12,
                    state=TABLE[lang]["week.not_met"],
                )
                path = out / f"card-{lang}-phone.png"
                _phone_shot(page, path)
                shots.append(path)
                card = page.locator("hamstring-coach-card")
                assert card.evaluate(OVERFLOW_JS) == []
                # The logger on the phone too; and the check sees a too wide row.
                card.locator("button[data-action=log]").click()
                expect(card.locator(".panel.logger")).to_be_visible()
                assert card.evaluate(OVERFLOW_JS) == []
                card.evaluate(WIDEN_JS)
                assert card.evaluate(OVERFLOW_JS) == ["outside: div.hc-wide: x"]
                context.close()
                context = None
        except BaseException:
            for i, open_page in enumerate(context.pages if context else []):
                open_page.screenshot(path=str(tmp_path / f"failure-{i}.png"))
                print("error cards:", open_page.evaluate(ERROR_CARDS_JS))  # noqa: T201
            print(f"failure screenshots in {tmp_path}")  # noqa: T201
            raise
        finally:
            browser.close()
    assert not [e for e in errors if "hamstring" in e.lower()], errors
    assert all(p.stat().st_size > 10_000 for p in shots)
    elapsed = time.monotonic() - began
    assert elapsed < MAX_SECONDS, f"languages e2e took {elapsed:.0f} s"
