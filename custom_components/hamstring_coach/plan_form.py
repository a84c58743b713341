"""The fields of the set-up, reconfigure and options forms, and the one check of a plan.

Every flow validates the options as they would be saved (`plan_errors`), so
the reconfigure step refuses what the options step refuses. Fields that only
mean something for one program are shown only for it (`PROGRAM_FIELDS`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
import unicodedata

from homeassistant.const import CONF_NAME
from homeassistant.helpers import selector
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import (
    CONF_FIRST_WEEKDAY,
    CONF_HARD_RUN_DAY,
    CONF_MIN_REST_HOURS,
    CONF_PERSON,
    CONF_PHASE_SESSIONS,
    CONF_PROGRAM,
    CONF_PROGRAM_START,
    CONF_SESSIONS_PER_WEEK,
    CONF_SPEAKER_AREAS,
    CONF_SPEAKER_DEVICES,
    CONF_TRAINING_DAYS,
    CONF_TRAINING_TIME,
    CONF_WEEKLY_SET_TARGET,
    CONF_WEIGHT_UNIT,
    DEFAULT_FIRST_WEEKDAY,
    DEFAULT_MIN_REST_HOURS,
    DEFAULT_NAME,
    DEFAULT_PHASE_SESSIONS,
    DEFAULT_SESSIONS_PER_WEEK,
    DEFAULT_TRAINING_DAYS,
    DEFAULT_TRAINING_TIME,
    DEFAULT_WEEKLY_SET_TARGET,
    NO_RUN_DAY,
)
from .core.models import WEEKDAYS, WeightUnit
from .core.programs import DEFAULT_PROGRAM, PROGRAMS
from .core.schedule import blocked_weekdays

HOURS_PER_WEEK = 168
PLAN_KEYS = (CONF_PROGRAM, CONF_TRAINING_DAYS, CONF_TRAINING_TIME)
WHOLE_NUMBER_KEYS = (
    CONF_SESSIONS_PER_WEEK,
    CONF_MIN_REST_HOURS,
    CONF_WEEKLY_SET_TARGET,
    CONF_PHASE_SESSIONS,
)
PROGRAM_FIELDS: Mapping[str, tuple[str, ...]] = {
    "rehab": (CONF_PHASE_SESSIONS,),
    "runner": (CONF_PROGRAM_START,),
}
"""Options only one program uses: rehab counts pain-free sessions per phase,
the runner's phases follow the calendar from `program_start`."""


def name_key(name: str) -> str:
    """The entry's unique id: the name, case- and space-insensitive, letters kept.

    'Zoë' and 'Zoe' are two people, and so are '???' and '!!!'; 'alex ' and
    'Alex' are one.
    """
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def today() -> str:
    """Today's local date, the start of a calendar-phased program."""
    return dt_util.now().date().isoformat()


def _select_selector(
    key: str, options: list[str], *, multiple: bool = False
) -> selector.SelectSelector:
    return selector.SelectSelector(
        selector.SelectSelectorConfig(
            options=options,
            translation_key=key,
            multiple=multiple,
            mode=selector.SelectSelectorMode.LIST
            if multiple
            else selector.SelectSelectorMode.DROPDOWN,
        )
    )


def _number_selector(
    low: int, high: int, unit: str | None = None
) -> selector.NumberSelector:
    config = selector.NumberSelectorConfig(
        min=low, max=high, step=1, mode=selector.NumberSelectorMode.BOX
    )
    if unit is not None:
        config["unit_of_measurement"] = unit
    return selector.NumberSelector(config)


def plan_fields(values: Mapping[str, Any]) -> dict[vol.Marker, Any]:
    """Program, training days and training time, with current values as defaults."""
    return {
        vol.Required(
            CONF_PROGRAM, default=values.get(CONF_PROGRAM, DEFAULT_PROGRAM)
        ): _select_selector(CONF_PROGRAM, list(PROGRAMS)),
        vol.Required(
            CONF_TRAINING_DAYS,
            default=list(values.get(CONF_TRAINING_DAYS, DEFAULT_TRAINING_DAYS)),
        ): _select_selector("weekday", list(WEEKDAYS), multiple=True),
        vol.Required(
            CONF_TRAINING_TIME,
            default=values.get(CONF_TRAINING_TIME, DEFAULT_TRAINING_TIME),
        ): selector.TimeSelector(),
    }


def user_schema(values: Mapping[str, Any]) -> vol.Schema:
    """The set-up and reconfigure form: the name and the plan."""
    return vol.Schema(
        {
            vol.Required(
                CONF_NAME, default=values.get(CONF_NAME, DEFAULT_NAME)
            ): selector.TextSelector(),
            **plan_fields(values),
        }
    )


def program_fields(program: str, values: Mapping[str, Any]) -> dict[vol.Marker, Any]:
    """The fields only `program` uses, with current values as defaults."""
    fields: dict[vol.Marker, Any] = {}
    if CONF_PROGRAM_START in PROGRAM_FIELDS.get(program, ()):
        fields[
            vol.Required(
                CONF_PROGRAM_START, default=values.get(CONF_PROGRAM_START, today())
            )
        ] = selector.DateSelector()
    if CONF_PHASE_SESSIONS in PROGRAM_FIELDS.get(program, ()):
        fields[
            vol.Required(
                CONF_PHASE_SESSIONS,
                default=values.get(CONF_PHASE_SESSIONS, DEFAULT_PHASE_SESSIONS),
            )
        ] = _number_selector(1, 12)
    return fields


def options_schema(values: Mapping[str, Any], unit: str) -> vol.Schema:
    """The options form for the program in `values`."""
    run_day = values.get(CONF_HARD_RUN_DAY, NO_RUN_DAY)
    return vol.Schema(
        {
            **plan_fields(values),
            vol.Required(
                CONF_SESSIONS_PER_WEEK,
                default=values.get(CONF_SESSIONS_PER_WEEK, DEFAULT_SESSIONS_PER_WEEK),
            ): _number_selector(1, 7),
            vol.Required(
                CONF_MIN_REST_HOURS,
                default=values.get(CONF_MIN_REST_HOURS, DEFAULT_MIN_REST_HOURS),
            ): _number_selector(24, 168, "h"),
            vol.Required(
                CONF_WEEKLY_SET_TARGET,
                default=values.get(CONF_WEEKLY_SET_TARGET, DEFAULT_WEEKLY_SET_TARGET),
            ): _number_selector(0, 60),
            vol.Required(
                CONF_FIRST_WEEKDAY,
                default=values.get(CONF_FIRST_WEEKDAY, DEFAULT_FIRST_WEEKDAY),
            ): _select_selector("weekday", list(WEEKDAYS)),
            vol.Required(CONF_WEIGHT_UNIT, default=unit): _select_selector(
                CONF_WEIGHT_UNIT, [str(u) for u in WeightUnit]
            ),
            **program_fields(str(values.get(CONF_PROGRAM, DEFAULT_PROGRAM)), values),
            vol.Optional(
                CONF_HARD_RUN_DAY,
                description={
                    "suggested_value": None if run_day == NO_RUN_DAY else run_day
                },
            ): _select_selector(CONF_HARD_RUN_DAY, list(WEEKDAYS)),
            vol.Optional(
                CONF_PERSON,
                description={"suggested_value": values.get(CONF_PERSON)},
            ): selector.EntitySelector(selector.EntitySelectorConfig(domain="person")),
            vol.Optional(
                CONF_SPEAKER_DEVICES,
                description={"suggested_value": values.get(CONF_SPEAKER_DEVICES)},
            ): selector.DeviceSelector(selector.DeviceSelectorConfig(multiple=True)),
            vol.Optional(
                CONF_SPEAKER_AREAS,
                description={"suggested_value": values.get(CONF_SPEAKER_AREAS)},
            ): selector.AreaSelector(selector.AreaSelectorConfig(multiple=True)),
        }
    )


def whole_numbers(values: Mapping[str, Any]) -> dict[str, Any]:
    """The form's numbers (floats from the number selector) as whole numbers."""
    return {
        **values,
        **{key: int(values[key]) for key in WHOLE_NUMBER_KEYS if key in values},
    }


def plan_errors(options: Mapping[str, Any]) -> dict[str, str]:
    """What is wrong with options as they would be saved; empty when they work.

    One check for every flow: at least one training day, not every training
    day blocked by the hardest run day, and a weekly target that fits the rest
    window ((sessions - 1) x rest hours below a week).
    """
    errors: dict[str, str] = {}
    days = list(options.get(CONF_TRAINING_DAYS) or [])
    run_day = options.get(CONF_HARD_RUN_DAY, NO_RUN_DAY)
    if not days:
        errors[CONF_TRAINING_DAYS] = "no_training_days"
    elif run_day not in (None, NO_RUN_DAY):
        blocked = blocked_weekdays(WEEKDAYS.index(run_day))
        if all(WEEKDAYS.index(day) in blocked for day in days):
            errors[CONF_TRAINING_DAYS] = "training_days_blocked"
    sessions = int(options.get(CONF_SESSIONS_PER_WEEK, DEFAULT_SESSIONS_PER_WEEK))
    rest = int(options.get(CONF_MIN_REST_HOURS, DEFAULT_MIN_REST_HOURS))
    if (sessions - 1) * rest >= HOURS_PER_WEEK:
        errors[CONF_SESSIONS_PER_WEEK] = "target_infeasible"
    return errors
