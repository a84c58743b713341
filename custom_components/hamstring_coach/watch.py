"""Watch sensors: a complication line (≤ 24 characters) and a tile line (≤ 60).

The words are Home Assistant translations of this integration (the
`selector.watch_*` groups of `translations/<lang>.json`), read in the
language Home Assistant is set to; `core.watch` picks the line and its values.
The states change with the coordinator's snapshot and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from homeassistant.components.sensor import SensorEntity, SensorEntityDescription
from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import translation

from .const import DOMAIN
from .coordinator import HamstringCoordinator
from .core.watch import WatchLine, WatchTime, watch_line
from .entity import HamstringCoachEntity

STATUS_LIMIT = 24
"""Characters a complication shows."""
TILE_LIMIT = 60
"""Characters a tile shows in two short lines."""

PREFIX = f"component.{DOMAIN}.selector."


@dataclass(frozen=True, slots=True)
class WatchTexts:
    """The watch words of one language, as flat translation keys."""

    words: Mapping[str, str]

    def _word(self, group: str, key: str) -> str:
        return self.words[f"{PREFIX}{group}.options.{key}"]

    def when(self, when: WatchTime) -> str:
        """'Wed 19:00', or '12/9 19:00' a week or more ahead."""
        key = "within_week" if when.within_week else "later"
        return self._word("watch_tile", key).format(
            weekday=self._word("watch_weekday", when.weekday),
            clock=when.clock,
            day=when.day,
            month=when.month,
        )

    def status(self, line: WatchLine) -> str:
        """The complication line: 'Due · Day 2 Control', 'Rest → Wed 19:00'."""
        return self._word("watch_status", str(line.kind)).format(
            day=self._word("watch_day", line.program_day),
            when=self.when(line.when),
        )

    def tile(self, line: WatchLine) -> str:
        """The status line with this week's sessions and sets."""
        return self._word("watch_tile", "progress").format(
            status=self.status(line),
            sessions=line.sessions,
            sessions_target=line.sessions_target,
            sets=line.sets,
            sets_target=line.sets_target,
        )


async def async_watch_texts(hass: HomeAssistant, language: str) -> WatchTexts:
    """The watch words in `language`, English where a word is missing."""
    words = await translation.async_get_translations(
        hass, language, "selector", {DOMAIN}
    )
    return WatchTexts(words)


WATCH_SENSORS = (
    SensorEntityDescription(key="watch_status", translation_key="watch_status"),
    SensorEntityDescription(key="watch_tile", translation_key="watch_tile"),
)


class WatchSensor(HamstringCoachEntity, SensorEntity):
    """A short text for a watch, in Home Assistant's language."""

    _texts: WatchTexts | None = None

    async def async_added_to_hass(self) -> None:
        """Read the words now and again when the language changes."""
        await super().async_added_to_hass()
        self._texts = await async_watch_texts(self.hass, self.hass.config.language)
        self.async_on_remove(
            self.hass.bus.async_listen(EVENT_CORE_CONFIG_UPDATE, self._on_config)
        )

    async def _on_config(self, _event: Event[Any]) -> None:
        texts = await async_watch_texts(self.hass, self.hass.config.language)
        if texts != self._texts:
            self._texts = texts
            self.async_write_ha_state()

    @property
    def native_value(self) -> str | None:
        """The line for the current snapshot."""
        if self._texts is None:
            return None
        line = watch_line(self.coordinator.data, self.coordinator.log.tz)
        if self.entity_description.key == "watch_status":
            return self._texts.status(line)
        return self._texts.tile(line)


@callback
def watch_sensors(coordinator: HamstringCoordinator) -> list[WatchSensor]:
    """Both watch sensors of an entry."""
    return [WatchSensor(coordinator, d) for d in WATCH_SENSORS]
