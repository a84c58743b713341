"""The card's workout logger in a real browser against a real Home Assistant.

Sam's coach runs `beginner_gym`, whose two leg days share their exercises, so
what is logged on one day decides the doses of the other. One Leg day 1 was
logged as planned three and a half days ago (over REST); in the card, Sam
opens the logger for Leg day 2, first enters an impossible load (refused with
the action's translated error, nothing stored), then logs the deadlift a rep
short per set and the leg curl skipped. The stored session is read back with
`get_history`, the card shows what happens next time and why, and the next
workout holds the deadlift and steps up the rest. Screenshots of the logger
and of the result at phone and tablet widths go to docs/screenshots with
HC_UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import os
from pathlib import Path
import time
from typing import Any

import pytest

from .test_dashboard import (
    CHROMIUM_FLAGS,
    DOMAIN,
    ERROR_CARDS_JS,
    MAX_SECONDS,
    SCREENSHOTS,
    WAIT_MS,
    FrontendHass,
    _browser_or_skip,
    _init_script,
    _print_console,
    _state,
    dashboard,
    frontend_hass,  # noqa: F401 - the fixture
    shot,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(150)]


def _history(hass: FrontendHass, entry_id: str) -> list[dict[str, Any]]:
    response = hass.call_service(
        DOMAIN,
        "get_history",
        {"config_entry_id": entry_id},
        return_response=True,
    )
    return list(response["sessions"])


def _assert_touch_targets(panel: Any) -> None:
    """Every visible button of the panel is at least 44 x 44 CSS pixels."""
    for button in panel.locator("button:visible").all():
        box = button.bounding_box()
        assert box is not None
        assert min(box["height"], box["width"]) >= 44, (button.inner_text(), box)


def test_logger_logs_what_was_done(
    frontend_hass: FrontendHass,  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    """Fewer reps and a skipped exercise, logged from the card, hold that dose only."""
    began = time.monotonic()
    chromium, sync_playwright = _browser_or_skip()
    from playwright.sync_api import expect  # noqa: PLC0415

    hass = frontend_hass
    entry_id = hass.create_entry(name="Sam", program="beginner_gym")
    hass.call_service(
        DOMAIN,
        "log_session",
        {
            "config_entry_id": entry_id,
            "performed_at": (datetime.now(UTC) - timedelta(days=3.5)).isoformat(),
            "program_day": "leg_day_1",
        },
    )
    ids = dashboard(hass, entry_id)
    workout = _state(hass, ids["next_workout"])
    assert workout["state"] == "leg_day_2"
    planned = {e["exercise"]: e for e in workout["attributes"]["exercises"]}
    deadlift = planned["conventional_deadlift"]

    out = SCREENSHOTS if os.environ.get("HC_UPDATE_SCREENSHOTS") == "1" else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1024, "height": 768})
        try:
            context.add_init_script(_init_script(hass, dark=False))
            page = context.new_page()
            page.on("pageerror", lambda err: errors.append(str(err)))
            page.on("console", _print_console)
            page.goto(f"{hass.url}/hamstring-coach", timeout=WAIT_MS)
            card = page.locator("hamstring-coach-card")
            log_button = card.locator("button[data-action=log]")
            log_button.click(timeout=WAIT_MS)
            logger = card.locator(".panel.logger")
            page.keyboard.press("Escape")  # cancels; the focus goes back
            expect(logger).to_have_count(0)
            expect(log_button).to_be_focused()
            page.keyboard.press("Enter")  # the keyboard opens it again
            title = logger.locator("h3")
            expect(title).to_have_text("Log Sam's Leg day 2")
            expect(title).to_be_focused()
            rows = logger.locator("fieldset")
            expect(rows).to_have_count(len(planned))
            lift = logger.locator("fieldset[data-exercise=conventional_deadlift]")
            curl = logger.locator("fieldset[data-exercise=seated_leg_curl]")
            # Prefilled with today's dose, every control labelled.
            expect(lift.get_by_label("Sets done", exact=True)).to_have_value(
                str(deadlift["sets"])
            )
            expect(lift.get_by_label("Reps", exact=True)).to_have_value(
                str(deadlift["reps"])
            )
            submit = logger.locator("button[data-action=confirm-log]")
            expect(submit).to_have_text("Log as planned")
            _assert_touch_targets(logger)

            # An impossible load: the action refuses it, translated; nothing stored.
            load = lift.get_by_label("Load (kg)", exact=True)
            load.fill("1500")
            load.press("Tab")
            expect(submit).to_have_text("Log what I did")
            submit.click()
            error = logger.locator(".message.error")
            expect(error).to_contain_text("load 1500 is outside 0 to 1000")
            expect(error).to_have_attribute("role", "alert")
            assert len(_history(hass, entry_id)) == 1

            # Keyboard: the shortcuts are buttons reached with Tab, pressed with Enter.
            lift.locator("[data-outcome=planned]").focus()
            page.keyboard.press("Enter")
            expect(lift.get_by_label("Load (kg)", exact=True)).to_have_value(
                "" if deadlift.get("load") is None else f"{deadlift['load']:g}"
            )
            lift.locator("[data-outcome=missed]").click()
            expect(lift.locator("[data-outcome=missed]")).to_have_attribute(
                "aria-pressed", "true"
            )
            expect(lift.get_by_label("Reps", exact=True)).to_have_value(
                str(deadlift["reps"] - 1)
            )
            curl.locator("[data-outcome=skipped]").click()
            expect(curl.locator(".steppers")).to_be_hidden()
            shots = shot(page, out, "logger-light")
            assert page.viewport_size["width"] == 390  # the phone, last
            _assert_touch_targets(logger)

            expect(logger.locator(".message.error")).to_have_count(
                0
            )  # changed: cleared
            expect(card.locator(".workout-name")).to_have_count(
                0
            )  # the logger lists it
            submit.click()
            result = card.locator(".panel.result")
            expect(result.locator("h3")).to_have_text(
                "Logged Sam's Leg day 2: 6 working sets.", timeout=WAIT_MS
            )
            changes = {
                row.get_attribute("data-exercise"): row.locator(".change").inner_text()
                for row in result.locator("li.after").all()
            }
            assert changes["conventional_deadlift"] == "hold"
            assert changes["glute_bridge"] == "increase"
            expect(
                result.locator("li[data-exercise=conventional_deadlift] .note")
            ).to_contain_text("target not reached")
            shots += shot(page, out, "logged-light")
            result.locator("button[data-action=close-result]").click()
            expect(card.locator("button[data-action=log]")).to_be_focused()
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

    # Stored: exactly those numbers, the curl left out.
    latest = _history(hass, entry_id)[0]
    assert latest["program_day"] == "leg_day_2"
    assert [
        (e["exercise"], e["sets"], e["reps"], e.get("load"))
        for e in latest["exercises"]
    ] == [
        (
            "conventional_deadlift",
            deadlift["sets"],
            deadlift["reps"] - 1,
            deadlift.get("load"),
        ),
        (
            "glute_bridge",
            planned["glute_bridge"]["sets"],
            planned["glute_bridge"]["reps"],
            None,
        ),
    ]
    # The next workout (Leg day 1, same exercises): the miss holds, the rest step up.
    after = _state(hass, ids["next_workout"])
    assert after["state"] == "leg_day_1"
    assert {e["exercise"]: e["change"] for e in after["attributes"]["exercises"]} == {
        "conventional_deadlift": "hold",
        "seated_leg_curl": "increase",  # skipped: it goes on from its last log
        "glute_bridge": "increase",
    }
    elapsed = time.monotonic() - began
    assert elapsed < MAX_SECONDS, f"logger e2e took {elapsed:.0f} s"
