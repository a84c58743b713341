"""What every action shares: value checks, the entry field and the entry lookup.

The intents' slots use the same checks (`whole_slot`, `number_slot`).

The value checks refuse what voluptuous's coercions would let through
(booleans as numbers, NaN, infinity, lone surrogates, years no one means).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
import math
from typing import Any, cast

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import ATTR_CONFIG_ENTRY_ID
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import DOMAIN
from .coordinator import HamstringCoachConfigEntry, HamstringCoordinator
from .errors import user_error

MAX_NOTES = 500


def whole(low: int, high: int) -> Callable[[Any], int]:
    """A whole number in [low, high]; bools, fractions, NaN and inf are refused."""

    def check(value: Any) -> int:
        if isinstance(value, bool):
            raise vol.Invalid("expected a whole number")
        number = _real(value)
        if not number.is_integer():
            raise vol.Invalid("expected a whole number")
        return cast("int", vol.Range(min=low, max=high)(int(number)))

    return check


def number(low: float, high: float) -> Callable[[Any], float]:
    """A finite number in [low, high]."""

    def check(value: Any) -> float:
        if isinstance(value, bool):
            raise vol.Invalid("expected a number")
        return cast("float", vol.Range(min=low, max=high)(_real(value)))

    return check


def whole_slot(low: int, high: int) -> vol.All:
    """`whole` for an intent slot: the same check, 'integer' with bounds for LLM tools.

    The check comes first (its `Any` parameter adds nothing to the tool's
    JSON schema); `Coerce` and `Range` give the schema its type and bounds.
    """
    return vol.All(whole(low, high), vol.Coerce(int), vol.Range(min=low, max=high))


def number_slot(low: float, high: float) -> vol.All:
    """`number` for an intent slot: the same check, 'number' with bounds for LLM tools."""
    return vol.All(number(low, high), vol.Coerce(float), vol.Range(min=low, max=high))


def _real(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError) as err:
        raise vol.Invalid("expected a number") from err
    if not math.isfinite(number):
        raise vol.Invalid("expected a finite number")
    return number


EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
"""Instants outside these years are refused (they are typing errors)."""


def instant(value: Any) -> datetime:
    """A datetime; one without an offset is local time in Home Assistant's zone.

    A string must be valid Unicode before Home Assistant's parser sees it:
    its C parser (ciso8601) crashes the process on a lone surrogate.
    """
    if isinstance(value, str):
        value = text(64)(value)
    moment = cv.datetime(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt_util.get_default_time_zone())
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise vol.Invalid(f"expected a year from {EARLIEST_YEAR} to {LATEST_YEAR}")
    return dt_util.as_utc(moment)


def day(value: Any) -> date:
    """A calendar date (a datetime is cut to its date), within the sane years."""
    if isinstance(value, datetime):
        value = value.date()
    day = cv.date(value)
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise vol.Invalid(f"expected a year from {EARLIEST_YEAR} to {LATEST_YEAR}")
    return day


def text(max_length: int | None = None) -> Callable[[Any], str]:
    """A string that can be stored as UTF-8 (no lone surrogates), optionally capped."""

    def check(value: Any) -> str:
        string = cv.string(value)
        try:
            string.encode("utf-8")
        except UnicodeEncodeError as err:
            raise vol.Invalid("text is not valid Unicode") from err
        if max_length is not None and len(string) > max_length:
            raise vol.Invalid(f"at most {max_length} characters")
        return string

    return check


ENTRY_FIELD: dict[vol.Marker, Any] = {vol.Optional(ATTR_CONFIG_ENTRY_ID): text(100)}


def resolve_entry(hass: HomeAssistant, entry_id: str | None) -> HamstringCoordinator:
    """Find the loaded entry a call is for; never guess between several."""
    if entry_id is None:
        loaded = hass.config_entries.async_loaded_entries(DOMAIN)
        if len(loaded) == 1:
            return cast("HamstringCoachConfigEntry", loaded[0]).runtime_data
        if not loaded:
            raise user_error("no_entries")
        raise user_error("entry_required", entries=", ".join(e.title for e in loaded))
    entry = hass.config_entries.async_get_entry(entry_id)
    if entry is None or entry.domain != DOMAIN:
        raise user_error("entry_not_found", entry_id=entry_id)
    if entry.state is not ConfigEntryState.LOADED:
        raise user_error("entry_not_loaded", name=entry.title)
    return cast("HamstringCoachConfigEntry", entry).runtime_data
