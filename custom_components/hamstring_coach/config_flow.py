"""UI set-up: name, program, training days and time; options for the targets."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import (
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlowWithReload,
)
from homeassistant.const import CONF_NAME
from homeassistant.core import callback
from homeassistant.helpers import selector
from homeassistant.util import dt as dt_util, slugify
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
    DOMAIN,
    NO_RUN_DAY,
)
from .core.models import WEEKDAYS, WeightUnit
from .core.programs import DEFAULT_PROGRAM, PROGRAMS
from .core.schedule import blocked_weekdays
from .settings import default_weight_unit

HOURS_PER_WEEK = 168
PLAN_KEYS = (CONF_PROGRAM, CONF_TRAINING_DAYS, CONF_TRAINING_TIME)


def _select(
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


def _number(low: int, high: int, unit: str | None = None) -> selector.NumberSelector:
    config = selector.NumberSelectorConfig(
        min=low, max=high, step=1, mode=selector.NumberSelectorMode.BOX
    )
    if unit is not None:
        config["unit_of_measurement"] = unit
    return selector.NumberSelector(config)


def _plan_fields(values: dict[str, Any]) -> dict[vol.Marker, Any]:
    """Program, training days and training time, with current values as defaults."""
    return {
        vol.Required(
            CONF_PROGRAM, default=values.get(CONF_PROGRAM, DEFAULT_PROGRAM)
        ): _select(CONF_PROGRAM, list(PROGRAMS)),
        vol.Required(
            CONF_TRAINING_DAYS,
            default=list(values.get(CONF_TRAINING_DAYS, DEFAULT_TRAINING_DAYS)),
        ): _select("weekday", list(WEEKDAYS), multiple=True),
        vol.Required(
            CONF_TRAINING_TIME,
            default=values.get(CONF_TRAINING_TIME, DEFAULT_TRAINING_TIME),
        ): selector.TimeSelector(),
    }


def _user_schema(values: dict[str, Any]) -> vol.Schema:
    return vol.Schema(
        {
            vol.Required(
                CONF_NAME, default=values.get(CONF_NAME, DEFAULT_NAME)
            ): selector.TextSelector(),
            **_plan_fields(values),
        }
    )


def _plan_errors(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not values.get(CONF_TRAINING_DAYS):
        errors[CONF_TRAINING_DAYS] = "no_training_days"
    return errors


class HamstringCoachConfigFlow(ConfigFlow, domain=DOMAIN):
    """One entry per person; the name identifies the person."""

    VERSION = 1
    MINOR_VERSION = 1

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> HamstringCoachOptionsFlow:
        """Options for targets, rest, week start and unit."""
        return HamstringCoachOptionsFlow()

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the person's name and plan."""
        errors: dict[str, str] = {}
        if user_input is not None:
            name = user_input[CONF_NAME].strip()
            errors = _plan_errors(user_input) or (
                {CONF_NAME: "name_required"} if not name else {}
            )
            if not errors:
                await self.async_set_unique_id(slugify(name))
                self._abort_if_unique_id_configured()
                options = {key: user_input[key] for key in PLAN_KEYS}
                options[CONF_WEIGHT_UNIT] = str(default_weight_unit(self.hass))
                options[CONF_PROGRAM_START] = _today()
                return self.async_create_entry(
                    title=name, data={CONF_NAME: name}, options=options
                )
        return self.async_show_form(
            step_id="user", data_schema=_user_schema(user_input or {}), errors=errors
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change the name or the plan of an existing entry."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            name = user_input[CONF_NAME].strip()
            errors = _plan_errors(user_input) or (
                {CONF_NAME: "name_required"} if not name else {}
            )
            if not errors:
                await self.async_set_unique_id(slugify(name))
                if slugify(name) != entry.unique_id:
                    self._abort_if_unique_id_configured()
                options = {
                    **entry.options,
                    **{key: user_input[key] for key in PLAN_KEYS},
                }
                if user_input[CONF_PROGRAM] != entry.options.get(CONF_PROGRAM):
                    options[CONF_PROGRAM_START] = _today()
                return self.async_update_reload_and_abort(
                    entry,
                    unique_id=slugify(name),
                    title=name,
                    data={CONF_NAME: name},
                    options=options,
                )
        values = {CONF_NAME: entry.title, **entry.options, **(user_input or {})}
        return self.async_show_form(
            step_id="reconfigure", data_schema=_user_schema(values), errors=errors
        )


class HamstringCoachOptionsFlow(OptionsFlowWithReload):
    """Plan, targets, rest window, week start and weight unit."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show and check the options; the entry reloads when they are saved."""
        errors: dict[str, str] = {}
        if user_input is not None:
            values = {
                **user_input,
                CONF_SESSIONS_PER_WEEK: int(user_input[CONF_SESSIONS_PER_WEEK]),
                CONF_MIN_REST_HOURS: int(user_input[CONF_MIN_REST_HOURS]),
                CONF_WEEKLY_SET_TARGET: int(user_input[CONF_WEEKLY_SET_TARGET]),
                CONF_PHASE_SESSIONS: int(user_input[CONF_PHASE_SESSIONS]),
            }
            errors = _plan_errors(values)
            run_day = values[CONF_HARD_RUN_DAY]
            if run_day != NO_RUN_DAY and values[CONF_TRAINING_DAYS]:
                blocked = blocked_weekdays(WEEKDAYS.index(run_day))
                if all(
                    WEEKDAYS.index(d) in blocked for d in values[CONF_TRAINING_DAYS]
                ):
                    errors[CONF_TRAINING_DAYS] = "training_days_blocked"
            if (values[CONF_SESSIONS_PER_WEEK] - 1) * values[
                CONF_MIN_REST_HOURS
            ] >= HOURS_PER_WEEK:
                errors[CONF_SESSIONS_PER_WEEK] = "target_infeasible"
            if not errors:
                if values[CONF_PROGRAM] != self.config_entry.options.get(
                    CONF_PROGRAM
                ) and values[CONF_PROGRAM_START] == self.config_entry.options.get(
                    CONF_PROGRAM_START
                ):
                    values[CONF_PROGRAM_START] = _today()
                options = {**self.config_entry.options, **values}
                if CONF_PERSON not in values:
                    options.pop(CONF_PERSON, None)  # the field was cleared
                return self.async_create_entry(data=options)
        current = {**self.config_entry.options, **(user_input or {})}
        return self.async_show_form(
            step_id="init", data_schema=self._schema(current), errors=errors
        )

    def _schema(self, values: dict[str, Any]) -> vol.Schema:
        unit = values.get(CONF_WEIGHT_UNIT, str(default_weight_unit(self.hass)))
        return vol.Schema(
            {
                **_plan_fields(values),
                vol.Required(
                    CONF_SESSIONS_PER_WEEK,
                    default=values.get(
                        CONF_SESSIONS_PER_WEEK, DEFAULT_SESSIONS_PER_WEEK
                    ),
                ): _number(1, 7),
                vol.Required(
                    CONF_MIN_REST_HOURS,
                    default=values.get(CONF_MIN_REST_HOURS, DEFAULT_MIN_REST_HOURS),
                ): _number(24, 168, "h"),
                vol.Required(
                    CONF_WEEKLY_SET_TARGET,
                    default=values.get(
                        CONF_WEEKLY_SET_TARGET, DEFAULT_WEEKLY_SET_TARGET
                    ),
                ): _number(0, 60),
                vol.Required(
                    CONF_FIRST_WEEKDAY,
                    default=values.get(CONF_FIRST_WEEKDAY, DEFAULT_FIRST_WEEKDAY),
                ): _select("weekday", list(WEEKDAYS)),
                vol.Required(CONF_WEIGHT_UNIT, default=unit): _select(
                    CONF_WEIGHT_UNIT, [str(u) for u in WeightUnit]
                ),
                vol.Required(
                    CONF_PROGRAM_START, default=values.get(CONF_PROGRAM_START, _today())
                ): selector.DateSelector(),
                vol.Required(
                    CONF_PHASE_SESSIONS,
                    default=values.get(CONF_PHASE_SESSIONS, DEFAULT_PHASE_SESSIONS),
                ): _number(1, 12),
                vol.Required(
                    CONF_HARD_RUN_DAY, default=values.get(CONF_HARD_RUN_DAY, NO_RUN_DAY)
                ): _select(CONF_HARD_RUN_DAY, [NO_RUN_DAY, *WEEKDAYS]),
                vol.Optional(
                    CONF_PERSON,
                    description={"suggested_value": values.get(CONF_PERSON)},
                ): selector.EntitySelector(
                    selector.EntitySelectorConfig(domain="person")
                ),
            }
        )


def _today() -> str:
    """Today's local date, the start of a calendar-phased program."""
    return dt_util.now().date().isoformat()
