"""Serve the Lovelace card and load it in every frontend.

The card is an ES module in `frontend/`, so HACS users need no extra
resource: `async_register_card` serves it at `CARD_URL` and adds it to the
frontend's extra modules with the integration's version as a cache buster.
The modules it imports (the progress charts, `CHARTS_FILE`, and the card's
texts in five languages, `I18N_FILE`) are served next to it, so the
relative imports resolve.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant
from homeassistant.loader import async_get_integration
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN, LOGGER

CARD_FILE: Final = "hamstring-coach-card.js"
CARD_PATH: Final = Path(__file__).parent / "frontend" / CARD_FILE
CARD_URL: Final = f"/{DOMAIN}/{CARD_FILE}"
CHARTS_FILE: Final = "hamstring-coach-progress.js"
CHARTS_PATH: Final = CARD_PATH.parent / CHARTS_FILE
CHARTS_URL: Final = f"/{DOMAIN}/{CHARTS_FILE}"
I18N_FILE: Final = "hamstring-coach-i18n.js"
I18N_PATH: Final = CARD_PATH.parent / I18N_FILE
I18N_URL: Final = f"/{DOMAIN}/{I18N_FILE}"

# Private flag (not hass.data[DOMAIN]): a route can be added only once per
# process, while async_setup may run again after a reload in tests.
_REGISTERED: HassKey[str] = HassKey(f"{DOMAIN}_card_url")


async def async_register_card(hass: HomeAssistant) -> str | None:
    """Serve the card and add it to the frontend; returns the module URL.

    Nothing happens (None) when the frontend is not loaded, e.g. in a
    headless install: the entities and actions work without it.
    """
    if (url := hass.data.get(_REGISTERED)) is not None:
        return url
    if hass.http is None or "frontend" not in hass.config.components:
        LOGGER.debug("Frontend not loaded: the dashboard card is not served")
        return None
    integration = await async_get_integration(hass, DOMAIN)
    await hass.http.async_register_static_paths(
        [
            StaticPathConfig(CARD_URL, str(CARD_PATH), cache_headers=False),
            StaticPathConfig(CHARTS_URL, str(CHARTS_PATH), cache_headers=False),
            StaticPathConfig(I18N_URL, str(I18N_PATH), cache_headers=False),
        ]
    )
    url = f"{CARD_URL}?v={integration.version}"
    add_extra_js_url(hass, url)
    hass.data[_REGISTERED] = url
    LOGGER.debug("Serving the dashboard card at %s", url)
    return url
