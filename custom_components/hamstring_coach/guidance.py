"""Recovery guidance (R5) in Home Assistant's language.

The core names the advice by id; its text lives in the translations under
`entity.sensor.training_status.state_attributes.guidance.state.<advice>`.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.translation import (
    async_get_cached_translations,
    async_get_translations,
)

from .const import DOMAIN
from .core.recovery import Advice

_CATEGORY = "entity"


def _key(advice: Advice) -> str:
    return (
        f"component.{DOMAIN}.entity.sensor.training_status."
        f"state_attributes.guidance.state.{advice}"
    )


@callback
def cached_guidance(hass: HomeAssistant, advice: Advice | None) -> str | None:
    """The guidance text from the loaded translations (entity attributes)."""
    if advice is None:
        return None
    texts = async_get_cached_translations(hass, hass.config.language, _CATEGORY, DOMAIN)
    return texts.get(_key(advice), str(advice))


async def async_guidance(hass: HomeAssistant, advice: Advice | None) -> str | None:
    """The guidance text, loading the translations if needed (actions)."""
    if advice is None:
        return None
    texts = await async_get_translations(
        hass, hass.config.language, _CATEGORY, [DOMAIN]
    )
    return texts.get(_key(advice), str(advice))
