"""Tests for the config, options and reconfigure flows of Hamstring Coach."""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState, ConfigFlowResult
from homeassistant.core import HomeAssistant, State
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.util.unit_system import METRIC_SYSTEM, US_CUSTOMARY_SYSTEM
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol

from custom_components.hamstring_coach.const import DOMAIN

from .conftest import OPTIONS, TIME_ZONE, make_entry

# 23:30 UTC on Sunday is already Monday 00:30 in Berlin: "today" must be local.
LATE_UTC = "2026-11-22T23:30:00+00:00"
LOCAL_TODAY = "2026-11-23"

USER_INPUT = {
    "name": "Alex",
    "program": "runner",
    "training_days": ["tue", "fri"],
    "training_time": "07:30:00",
}


@pytest.fixture(autouse=True)
async def _berlin(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Run every flow in Berlin on Monday 23 Nov 2026, 00:30 local time."""
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(LATE_UTC)


def _defaults(schema: vol.Schema | None) -> dict[str, Any]:
    """The default value of every field of a form's schema."""
    assert schema is not None
    return {
        str(key): key.default()
        for key in schema.schema
        if key.default is not vol.UNDEFINED
    }


async def _start_user_flow(hass: HomeAssistant) -> ConfigFlowResult:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    return result


def _state(hass: HomeAssistant, entity_id: str) -> State:
    """The current state of an entity that must exist."""
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    return state


async def _add(hass: HomeAssistant, entry: MockConfigEntry) -> MockConfigEntry:
    """Add an entry and set it up."""
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


# --- user step -------------------------------------------------------------


async def test_user_shows_form_with_defaults(hass: HomeAssistant) -> None:
    """The user step shows an empty-error form prefilled with the defaults."""
    result = await _start_user_flow(hass)

    assert result["errors"] == {}
    assert _defaults(result["data_schema"]) == {
        "name": "Hamstring Coach",
        "program": "strength_2day",
        "training_days": ["mon", "thu"],
        "training_time": "18:00:00",
    }


@pytest.mark.parametrize(
    ("units", "weight_unit"),
    [(METRIC_SYSTEM, "kg"), (US_CUSTOMARY_SYSTEM, "lb")],
    ids=["metric", "us_customary"],
)
async def test_user_creates_entry(
    hass: HomeAssistant, units: Any, weight_unit: str
) -> None:
    """A valid form creates an entry; unit follows HA, program starts today."""
    hass.config.units = units
    result = await _start_user_flow(hass)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**USER_INPUT, "name": "  Alex  "}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Alex"
    assert result["data"] == {"name": "Alex"}
    assert result["options"] == {
        "program": "runner",
        "training_days": ["tue", "fri"],
        "training_time": "07:30:00",
        "weight_unit": weight_unit,
        "program_start": LOCAL_TODAY,
    }
    entry = result["result"]
    assert entry.unique_id == "alex"
    assert entry.state is ConfigEntryState.LOADED
    assert hass.states.get("sensor.alex_training_status") is not None
    assert _state(hass, "sensor.alex_next_workout").state.startswith("runner_")


@pytest.mark.parametrize(
    ("first", "second"),
    [("Zoë", "Zoe"), ("???", "!!!"), ("Mary Jane", "mary-jane"), ("Ana", "Aña")],
    ids=["diacritic", "punctuation_only", "hyphen", "tilde"],
)
async def test_user_unique_id_keeps_people_apart(
    hass: HomeAssistant, first: str, second: str
) -> None:
    """Names that only a slug would merge are two people, each with an entry."""
    for name in (first, second):
        result = await _start_user_flow(hass)
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {**USER_INPUT, "name": name}
        )
        await hass.async_block_till_done()
        assert result["type"] is FlowResultType.CREATE_ENTRY, name
    ids = [e.unique_id for e in hass.config_entries.async_entries(DOMAIN)]
    assert ids == [first.casefold(), second.casefold()]


@pytest.mark.parametrize(
    ("existing", "name"),
    [
        ("Alex", "Alex"),
        ("Alex", "  alex "),
        ("Alex", "ALEX"),
        ("Mary Jane", "mary  JANE"),
    ],
    ids=["same", "case_and_spaces", "upper", "inner_spaces"],
)
async def test_user_duplicate_aborts(
    hass: HomeAssistant, existing: str, name: str
) -> None:
    """A second entry with the same name (case and spaces aside) is refused."""
    entry = make_entry(existing)
    entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(entry, unique_id=existing.casefold())
    result = await _start_user_flow(hass)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**USER_INPUT, "name": name}
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert len(hass.config_entries.async_entries(DOMAIN)) == 1


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"training_days": []}, {"training_days": "no_training_days"}),
        ({"name": ""}, {"name": "name_required"}),
        ({"name": "   "}, {"name": "name_required"}),
        (
            {"name": "", "training_days": []},
            {"name": "name_required", "training_days": "no_training_days"},
        ),
    ],
    ids=["no_days", "empty_name", "blank_name", "both"],
)
async def test_user_errors_then_recovers(
    hass: HomeAssistant, changes: dict[str, Any], errors: dict[str, str]
) -> None:
    """Invalid input re-shows the form with its input; fixing it creates the entry."""
    result = await _start_user_flow(hass)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**USER_INPUT, **changes}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == errors
    # The form keeps what was typed.
    assert _defaults(result["data_schema"])["program"] == "runner"
    assert not hass.config_entries.async_entries(DOMAIN)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Alex"


# --- options flow ----------------------------------------------------------


async def test_options_shows_defaults(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The options form shows the plan and the documented default targets."""
    result = await hass.config_entries.options.async_init(init_integration.entry_id)

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "init"
    assert result["errors"] == {}
    assert _defaults(result["data_schema"]) == {
        "program": "strength_2day",
        "training_days": ["mon", "thu"],
        "training_time": "18:00:00",
        "sessions_per_week": 2,
        "min_rest_hours": 48,
        "weekly_set_target": 12,
        "first_weekday": "mon",
        "weight_unit": "kg",
    }
    assert result["description_placeholders"] == {"name": "Alex"}


@pytest.mark.parametrize(
    ("program", "own", "absent"),
    [
        ("strength_2day", set(), {"phase_sessions", "program_start"}),
        ("rehab", {"phase_sessions"}, {"program_start"}),
        ("runner", {"program_start"}, {"phase_sessions"}),
    ],
)
async def test_options_fit_the_program(
    hass: HomeAssistant, program: str, own: set[str], absent: set[str]
) -> None:
    """Phase fields only for rehab, the start date only for the runner; run day optional."""
    entry = make_entry(program=program)
    entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    fields = {str(key): key for key in result["data_schema"].schema}
    assert own <= set(fields)
    assert not absent & set(fields)
    assert isinstance(fields["hard_run_day"], vol.Optional)
    assert isinstance(fields["person"], vol.Optional)


async def test_options_switch_to_rehab_asks_for_its_settings(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A new program with settings of its own gets a second step for them."""
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"program": "rehab"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "program"
    assert _defaults(result["data_schema"]) == {"phase_sessions": 4}
    assert init_integration.options["program"] == "strength_2day"  # not yet
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"phase_sessions": 6.0}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options["program"] == "rehab"
    assert init_integration.options["phase_sessions"] == 6
    assert _state(hass, "sensor.alex_phase").attributes["sessions_needed"] == 6


async def test_options_run_day_cleared(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Leaving the optional run day empty stores no run day."""
    entry = await _add(hass, make_entry(hard_run_day="sat"))
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["data_schema"].schema  # the form is shown
    result = await hass.config_entries.options.async_configure(result["flow_id"], {})
    await hass.async_block_till_done()
    assert entry.options["hard_run_day"] == "none"


async def test_options_unit_default_follows_unit_system(hass: HomeAssistant) -> None:
    """Without a stored unit, the form proposes lb on a US customary system."""
    hass.config.units = US_CUSTOMARY_SYSTEM
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Alex",
        unique_id="alex",
        data={"name": "Alex"},
        options={k: v for k, v in OPTIONS.items() if k != "weight_unit"},
    )
    entry.add_to_hass(hass)

    result = await hass.config_entries.options.async_init(entry.entry_id)

    assert _defaults(result["data_schema"])["weight_unit"] == "lb"


async def test_options_saved_as_ints_and_reloaded(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Saving stores whole numbers, keeps other options and reloads the entry."""
    state = _state(hass, "sensor.alex_weekly_sessions")
    assert state.attributes["target"] == 2

    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "sessions_per_week": 3,
            "min_rest_hours": 24.0,
            "weekly_set_target": 15.0,
            "first_weekday": "sun",
            "weight_unit": "lb",
        },
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    options = init_integration.options
    assert options == {
        "program": "strength_2day",
        "training_days": ["mon", "thu"],
        "training_time": "18:00:00",
        "weight_unit": "lb",
        "program_start": "2026-11-23",
        "sessions_per_week": 3,
        "min_rest_hours": 24,
        "weekly_set_target": 15,
        "first_weekday": "sun",
        "hard_run_day": "none",
    }
    for key in ("sessions_per_week", "min_rest_hours", "weekly_set_target"):
        assert type(options[key]) is int, key
    assert init_integration.state is ConfigEntryState.LOADED
    assert _state(hass, "sensor.alex_weekly_sessions").attributes["target"] == 3
    assert _state(hass, "sensor.alex_weekly_sets").attributes["target"] == 15


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"sessions_per_week": 5, "min_rest_hours": 48},
            {"sessions_per_week": "target_infeasible"},
        ),
        (
            {"sessions_per_week": 2, "min_rest_hours": 168},
            {"sessions_per_week": "target_infeasible"},
        ),
        (
            {"sessions_per_week": 7, "min_rest_hours": 28},
            {"sessions_per_week": "target_infeasible"},
        ),
        ({"training_days": []}, {"training_days": "no_training_days"}),
        (
            {"training_days": [], "sessions_per_week": 5},
            {
                "training_days": "no_training_days",
                "sessions_per_week": "target_infeasible",
            },
        ),
    ],
    ids=["5x48h", "2x168h", "7x28h", "no_days", "both"],
)
async def test_options_errors(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    changes: dict[str, Any],
    errors: dict[str, str],
) -> None:
    """Invalid options re-show the form with errors and change nothing."""
    before = dict(init_integration.options)
    result = await hass.config_entries.options.async_init(init_integration.entry_id)

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], changes
    )

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "init"
    assert result["errors"] == errors
    # The form keeps what was entered.
    defaults = _defaults(result["data_schema"])
    for key, value in changes.items():
        assert defaults[key] == value
    assert dict(init_integration.options) == before


@pytest.mark.parametrize(
    ("sessions", "hours"),
    [(4, 48), (7, 27), (1, 168)],
    ids=["4x48h", "7x27h", "1x168h"],
)
async def test_options_feasible_edge(
    hass: HomeAssistant, init_integration: MockConfigEntry, sessions: int, hours: int
) -> None:
    """Targets just inside one week are accepted."""
    result = await hass.config_entries.options.async_init(init_integration.entry_id)

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"sessions_per_week": sessions, "min_rest_hours": hours}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options["sessions_per_week"] == sessions


async def test_options_program_change_resets_start(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """A new program starts today; keeping the program keeps its start."""
    freezer.move_to("2026-12-09T23:30:00+00:00")  # Thursday 10 Dec in Berlin
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"weekly_set_target": 10}
    )
    await hass.async_block_till_done()
    assert init_integration.options["program_start"] == "2026-11-23"

    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"program": "rehab"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"phase_sessions": 4}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options["program"] == "rehab"
    assert init_integration.options["program_start"] == "2026-12-10"
    assert init_integration.options["weekly_set_target"] == 10
    assert _state(hass, "sensor.alex_next_workout").state.startswith("rehab_")


# --- reconfigure flow ------------------------------------------------------


async def test_reconfigure_shows_current_values(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The reconfigure form is prefilled with the entry's name and plan."""
    result = await init_integration.start_reconfigure_flow(hass)

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"
    assert result["errors"] == {}
    assert _defaults(result["data_schema"]) == {
        "name": "Alex",
        "program": "strength_2day",
        "training_days": ["mon", "thu"],
        "training_time": "18:00:00",
    }


async def test_reconfigure_rename(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A new name updates title, unique_id and data, and keeps the plan's start."""
    result = await init_integration.start_reconfigure_flow(hass)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "name": " Sam ",
            "program": "strength_2day",
            "training_days": ["mon", "wed", "fri"],
            "training_time": "06:00:00",
        },
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert init_integration.title == "Sam"
    assert init_integration.unique_id == "sam"
    assert init_integration.data == {"name": "Sam"}
    assert init_integration.options == {
        "program": "strength_2day",
        "training_days": ["mon", "wed", "fri"],
        "training_time": "06:00:00",
        "weight_unit": "kg",
        "program_start": "2026-11-23",
    }
    assert init_integration.state is ConfigEntryState.LOADED


async def test_reconfigure_same_name_other_case(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Keeping the name (or only changing its case) is not a duplicate."""
    for name in ("Alex", "ALEX"):
        result = await init_integration.start_reconfigure_flow(hass)
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {**USER_INPUT, "name": name}
        )
        await hass.async_block_till_done()

        assert result["type"] is FlowResultType.ABORT
        assert result["reason"] == "reconfigure_successful"
        assert init_integration.title == name
        assert init_integration.unique_id == "alex"


async def test_reconfigure_to_existing_name_aborts(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Renaming to another entry's name is refused and changes nothing."""
    other = await _add(hass, make_entry("Sam"))
    result = await init_integration.start_reconfigure_flow(hass)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**USER_INPUT, "name": "sam "}
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert init_integration.title == "Alex"
    assert init_integration.unique_id == "alex"
    assert init_integration.options["program"] == "strength_2day"
    assert other.title == "Sam"


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"training_days": []}, {"training_days": "no_training_days"}),
        ({"name": "  "}, {"name": "name_required"}),
    ],
    ids=["no_days", "blank_name"],
)
async def test_reconfigure_errors(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    changes: dict[str, Any],
    errors: dict[str, str],
) -> None:
    """Invalid input re-shows the form with what was typed; nothing changes."""
    result = await init_integration.start_reconfigure_flow(hass)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**USER_INPUT, **changes}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"
    assert result["errors"] == errors
    assert _defaults(result["data_schema"])["program"] == "runner"
    assert init_integration.title == "Alex"
    assert init_integration.options["program"] == "strength_2day"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"


async def test_reconfigure_program_change_resets_start(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """A new program in reconfigure starts on today's local date."""
    freezer.move_to("2026-12-09T23:30:00+00:00")  # Thursday 10 Dec in Berlin
    result = await init_integration.start_reconfigure_flow(hass)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**USER_INPUT, "program": "home_bands"}
    )
    await hass.async_block_till_done()

    assert result["reason"] == "reconfigure_successful"
    assert init_integration.options["program"] == "home_bands"
    assert init_integration.options["program_start"] == "2026-12-10"
    assert _state(hass, "sensor.alex_next_workout").state.startswith("band_")


async def test_options_hard_run_day_saved(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A hard run day that leaves a training day free is saved."""
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    # Mon/Thu training; a Saturday run blocks only Friday and Saturday.
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"hard_run_day": "sat"}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options["hard_run_day"] == "sat"


async def test_options_switch_to_runner_proposes_today_as_start(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """The runner's start date is asked for, today by default."""
    freezer.move_to("2026-12-09T23:30:00+00:00")  # Thursday 10 Dec in Berlin
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"program": "runner"}
    )
    assert result["step_id"] == "program"
    assert _defaults(result["data_schema"]) == {"program_start": "2026-12-10"}


async def test_reconfigure_refuses_days_the_run_day_blocks(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Reconfigure checks the plan as the options do: Tue+Wed with a Wednesday run day."""
    entry = await _add(hass, make_entry(program="runner", hard_run_day="wed"))
    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "name": "Alex",
            "program": "runner",
            "training_days": ["tue", "wed"],
            "training_time": "18:00:00",
        },
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"training_days": "training_days_blocked"}
    assert entry.options["training_days"] == ["mon", "thu"]


async def test_migration_gives_existing_entries_the_new_unique_id(
    hass: HomeAssistant,
) -> None:
    """A 1.1 entry keyed by its slug gets the name key; the entry keeps working."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Zoë",
        unique_id="zoe",
        data={"name": "Zoë"},
        options=OPTIONS,
        version=1,
        minor_version=1,
    )
    await _add(hass, entry)
    assert (entry.unique_id, entry.minor_version) == ("zoë", 2)
    assert entry.state is ConfigEntryState.LOADED
    # Now "Zoe" is somebody else.
    result = await _start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**USER_INPUT, "name": "Zoe"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
