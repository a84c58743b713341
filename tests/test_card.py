"""The dashboard card is served by the integration and loaded by the frontend."""

from __future__ import annotations

from http import HTTPStatus

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.hamstring_coach.card import (
    CARD_PATH,
    CARD_URL,
    CHARTS_PATH,
    CHARTS_URL,
    I18N_PATH,
    I18N_URL,
    async_register_card,
)

CARD_TAG = 'registry.define("hamstring-coach-card"'


async def test_card_served_and_added_to_frontend(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    """With the frontend loaded the module is served and listed once."""
    assert await async_setup_component(hass, "frontend", {})

    url = await async_register_card(hass)

    assert url is not None
    assert url.startswith(f"{CARD_URL}?v=")
    assert url in hass.data[DATA_EXTRA_MODULE_URL].urls
    client = await hass_client()
    response = await client.get(url)
    assert response.status == HTTPStatus.OK
    body = await response.text()
    assert CARD_TAG in body
    assert "javascript" in response.headers["Content-Type"]
    # The charts module the card imports, served next to it.
    charts = await client.get(CHARTS_URL)
    assert charts.status == HTTPStatus.OK
    assert "export function renderHistory" in await charts.text()
    assert 'from "./hamstring-coach-progress.js"' in body
    # The texts module both import, served next to them.
    texts = await client.get(I18N_URL)
    assert texts.status == HTTPStatus.OK
    assert "javascript" in texts.headers["Content-Type"]
    assert "// TEXTS-BEGIN" in await texts.text()
    assert 'from "./hamstring-coach-i18n.js"' in body
    assert 'from "./hamstring-coach-i18n.js"' in await charts.text()
    # Again (a reload): same URL, no second route or list entry.
    assert await async_register_card(hass) == url
    urls = hass.data[DATA_EXTRA_MODULE_URL].urls
    assert {u for u in urls if u.startswith(CARD_URL)} == {url}


async def test_card_skipped_without_frontend(hass: HomeAssistant) -> None:
    """Headless installs (no frontend) get no route and no error."""
    assert await async_register_card(hass) is None


def test_card_module_contract() -> None:
    """The module defines the card, its editor and its picker entry."""
    source = CARD_PATH.read_text(encoding="utf-8")
    for needle in (
        CARD_TAG,
        "static getConfigElement()",
        "static getStubConfig(hass)",
        "setConfig(config)",
        "getCardSize()",
        "window.customCards",
        '"log_session"',
        '"report_soreness"',
        "skip_session",
        "--primary-color",
        "--card-background-color",
        "withProgress(HTMLElement)",
    ):
        assert needle in source, needle
    charts = CHARTS_PATH.read_text(encoding="utf-8")
    for needle in (
        "<svg",
        "sr-only",
        "aria-label",
        "--success-color",
        "esc(",
        '"get_progress"',
        "export const withProgress",
    ):
        assert needle in charts, needle
    texts = I18N_PATH.read_text(encoding="utf-8")
    for needle in (
        "export function t(",
        "export function tn(",
        "export function th(",
        "export function formatNumber(",
        "source?.locale?.number_format",
        "Intl.PluralRules",
    ):
        assert needle in texts, needle
