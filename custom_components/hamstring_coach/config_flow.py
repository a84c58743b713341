"""UI set-up: name, program, training days and time; options for the targets.

The forms and the one check of a plan live in plan_form.py; every step
validates the options as they would be saved.
"""

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
import voluptuous as vol

from .const import (
    CONF_HARD_RUN_DAY,
    CONF_PERSON,
    CONF_PROGRAM,
    CONF_PROGRAM_START,
    CONF_SPEAKER_AREAS,
    CONF_SPEAKER_DEVICES,
    CONF_WEIGHT_UNIT,
    DOMAIN,
    NO_RUN_DAY,
)
from .plan_form import (
    PLAN_KEYS,
    PROGRAM_FIELDS,
    name_key,
    options_schema,
    plan_errors,
    program_fields,
    today,
    user_schema,
    whole_numbers,
)
from .settings import default_weight_unit


class HamstringCoachConfigFlow(ConfigFlow, domain=DOMAIN):
    """One entry per person; the name identifies the person."""

    VERSION = 1
    MINOR_VERSION = 2

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> HamstringCoachOptionsFlow:
        """Options for targets, rest, week start, unit and the program's own."""
        return HamstringCoachOptionsFlow()

    @staticmethod
    def _name_errors(name: str) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not name:
            errors[CONF_NAME] = "name_required"
        return errors

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the person's name and plan."""
        errors: dict[str, str] = {}
        if user_input is not None:
            name = user_input[CONF_NAME].strip()
            options = {key: user_input[key] for key in PLAN_KEYS}
            errors = {**self._name_errors(name), **plan_errors(options)}
            if not errors:
                await self.async_set_unique_id(name_key(name))
                self._abort_if_unique_id_configured()
                options[CONF_WEIGHT_UNIT] = str(default_weight_unit(self.hass))
                options[CONF_PROGRAM_START] = today()
                return self.async_create_entry(
                    title=name, data={CONF_NAME: name}, options=options
                )
        return self.async_show_form(
            step_id="user", data_schema=user_schema(user_input or {}), errors=errors
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change the name or the plan of an existing entry."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            name = user_input[CONF_NAME].strip()
            options = {
                **entry.options,
                **{key: user_input[key] for key in PLAN_KEYS},
            }
            errors = {**self._name_errors(name), **plan_errors(options)}
            if not errors:
                await self.async_set_unique_id(name_key(name))
                if name_key(name) != entry.unique_id:
                    self._abort_if_unique_id_configured()
                if user_input[CONF_PROGRAM] != entry.options.get(CONF_PROGRAM):
                    options[CONF_PROGRAM_START] = today()
                return self.async_update_reload_and_abort(
                    entry,
                    unique_id=name_key(name),
                    title=name,
                    data={CONF_NAME: name},
                    options=options,
                )
        values = {CONF_NAME: entry.title, **entry.options, **(user_input or {})}
        return self.async_show_form(
            step_id="reconfigure", data_schema=user_schema(values), errors=errors
        )


class HamstringCoachOptionsFlow(OptionsFlowWithReload):
    """Plan, targets, rest window, week start, weight unit and program settings.

    A new program whose own fields were not on the form gets a second step
    (`program`) asking for them.
    """

    def __init__(self) -> None:
        """Start with nothing entered."""
        self._pending: dict[str, Any] = {}

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show and check the options; the entry reloads when they are saved."""
        stored = self.config_entry.options
        errors: dict[str, str] = {}
        if user_input is not None:
            values = whole_numbers(user_input)
            values.setdefault(CONF_HARD_RUN_DAY, NO_RUN_DAY)  # the field was cleared
            options = {**stored, **values}
            for optional in (CONF_PERSON, CONF_SPEAKER_DEVICES, CONF_SPEAKER_AREAS):
                if optional not in values:
                    options.pop(optional, None)  # the field was cleared
            errors = plan_errors(options)
            if not errors:
                program = options[CONF_PROGRAM]
                if program != stored.get(CONF_PROGRAM) and CONF_PROGRAM_START not in (
                    values
                ):
                    options[CONF_PROGRAM_START] = today()
                if any(key not in values for key in PROGRAM_FIELDS.get(program, ())):
                    self._pending = options
                    return await self.async_step_program()
                return self.async_create_entry(data=options)
        current = {**stored, **(user_input or {})}
        unit = current.get(CONF_WEIGHT_UNIT, str(default_weight_unit(self.hass)))
        return self.async_show_form(
            step_id="init",
            data_schema=options_schema(current, unit),
            errors=errors,
            description_placeholders={"name": self.config_entry.title},
        )

    async def async_step_program(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The new program's own settings, then save."""
        program = self._pending[CONF_PROGRAM]
        if user_input is not None:
            return self.async_create_entry(
                data={**self._pending, **whole_numbers(user_input)}
            )
        return self.async_show_form(
            step_id="program",
            data_schema=vol.Schema(program_fields(program, self._pending)),
            description_placeholders={"name": self.config_entry.title},
        )
