"""An entry's options as the core's `Settings`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from homeassistant.util.unit_system import METRIC_SYSTEM

from .const import (
    CONF_FIRST_WEEKDAY,
    CONF_HARD_RUN_DAY,
    CONF_MIN_REST_HOURS,
    CONF_PHASE_SESSIONS,
    CONF_PROGRAM,
    CONF_PROGRAM_START,
    CONF_SESSIONS_PER_WEEK,
    CONF_TRAINING_DAYS,
    CONF_TRAINING_TIME,
    CONF_WEEKLY_SET_TARGET,
    CONF_WEIGHT_UNIT,
    DEFAULT_FIRST_WEEKDAY,
    DEFAULT_MIN_REST_HOURS,
    DEFAULT_PHASE_SESSIONS,
    DEFAULT_SESSIONS_PER_WEEK,
    DEFAULT_WEEKLY_SET_TARGET,
    NO_RUN_DAY,
)
from .core.models import WEEKDAYS, Settings, WeightUnit


def default_weight_unit(hass: HomeAssistant) -> WeightUnit:
    """Kilograms on a metric system, pounds otherwise."""
    return WeightUnit.KG if hass.config.units is METRIC_SYSTEM else WeightUnit.LB


def settings_from_options(options: Mapping[str, Any], unit: WeightUnit) -> Settings:
    """Build core settings from an entry's options."""
    start = options.get(CONF_PROGRAM_START)
    run_day = options.get(CONF_HARD_RUN_DAY, NO_RUN_DAY)
    time_of_day = dt_util.parse_time(str(options[CONF_TRAINING_TIME]))
    if time_of_day is None:
        msg = f"invalid training time {options[CONF_TRAINING_TIME]!r}"
        raise ValueError(msg)
    return Settings(
        program=str(options[CONF_PROGRAM]),
        training_days=frozenset(WEEKDAYS.index(d) for d in options[CONF_TRAINING_DAYS]),
        training_time=time_of_day,
        sessions_per_week=int(
            options.get(CONF_SESSIONS_PER_WEEK, DEFAULT_SESSIONS_PER_WEEK)
        ),
        min_rest_hours=int(options.get(CONF_MIN_REST_HOURS, DEFAULT_MIN_REST_HOURS)),
        weekly_set_target=int(
            options.get(CONF_WEEKLY_SET_TARGET, DEFAULT_WEEKLY_SET_TARGET)
        ),
        first_weekday=WEEKDAYS.index(
            options.get(CONF_FIRST_WEEKDAY, DEFAULT_FIRST_WEEKDAY)
        ),
        weight_unit=WeightUnit(options.get(CONF_WEIGHT_UNIT, unit)),
        program_start=None if start is None else date.fromisoformat(str(start)),
        phase_sessions=int(options.get(CONF_PHASE_SESSIONS, DEFAULT_PHASE_SESSIONS)),
        hard_run_day=None if run_day == NO_RUN_DAY else WEEKDAYS.index(run_day),
    )
