"""Every YAML example in README.md and docs/ parses, and its action calls are valid.

An action call is any mapping with `action:` (or a dashboard's
`perform_action:`) naming one of our actions; its `data` must pass the schema
the action is registered with, so a renamed field or a changed range in
services.py fails here until the docs follow.
"""

from __future__ import annotations

from collections.abc import Iterator
import json
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util.yaml import parse_yaml
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.const import DOMAIN

from .conftest import START, TIME_ZONE, make_entry
from .test_docs import ACTIONS_PAGE, code_blocks

YAML_BLOCKS = [
    pytest.param(body, id=f"{where}:{line}")
    for where, line, body in code_blocks("yaml")
]


def _calls(node: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """(action, data) of every call to one of our actions inside a parsed example."""
    if isinstance(node, dict):
        for key in ("action", "perform_action"):
            name = node.get(key)
            if isinstance(name, str) and name.startswith(f"{DOMAIN}."):
                yield name.removeprefix(f"{DOMAIN}."), dict(node.get("data") or {})
        for value in node.values():
            yield from _calls(value)
    elif isinstance(node, list):
        for item in node:
            yield from _calls(item)


ACTION_CALLS = [
    pytest.param(service, data, id=f"{where}:{line}:{service}")
    for where, line, body in code_blocks("yaml")
    for service, data in _calls(parse_yaml(body))
]


@pytest.mark.parametrize("body", YAML_BLOCKS)
def test_yaml_examples_parse(body: str) -> None:
    """Every YAML example is valid YAML for Home Assistant's loader."""
    assert parse_yaml(body) is not None


def test_examples_call_every_documented_kind_of_action() -> None:
    """The scan finds the examples (or it would check nothing)."""
    assert {"log_session", "delete_session", "get_status", "snooze_reminder"} <= {
        p.values[0] for p in ACTION_CALLS
    }


@pytest.mark.parametrize(("service", "data"), ACTION_CALLS)
async def test_action_example_passes_its_schema(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service: str,
    data: dict[str, Any],
) -> None:
    """The example's data is accepted by the action's registered schema."""
    registered = hass.services.async_services_for_domain(DOMAIN)
    assert service in registered
    schema = registered[service].schema
    assert schema is not None
    schema(data)


# --- the documented responses are what the actions answer -------------------


def _documented_responses() -> dict[str, tuple[dict[str, Any], Any]]:
    """Per action in actions.md: its example call's data and its example response.

    In an action's section the first block calls the action; the first block
    after it that calls nothing is the response.
    """
    found: dict[str, tuple[dict[str, Any], Any]] = {}
    section: str | None = None
    call: dict[str, Any] | None = None
    name = ""
    blocks = sorted(
        (line, body, lang)
        for lang in ("yaml", "json")
        for where, line, body in code_blocks(lang)
        if where == "docs/actions.md"
    )
    lines = ACTIONS_PAGE.read_text(encoding="utf-8").splitlines()
    for line, body, lang in blocks:
        heading = next(
            (t for t in reversed(lines[: line - 1]) if t.startswith("## `")), ""
        )
        if heading != section:
            section, call = heading, None
        parsed = json.loads(body) if lang == "json" else parse_yaml(body)
        calls = list(_calls(parsed))
        if calls and call is None:
            call = calls[0][1]
            name = calls[0][0]
        elif not calls and call is not None and name not in found:
            found[name] = (call, parsed)
    return found


RESPONSES = _documented_responses()
# Run against a real entry; the two file actions need an allowed folder and a
# file to read, which the examples' paths are not here.
NOT_RUN = {"export_history", "import_history"}
# What has to happen first for the example to make sense.
BEFORE: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "delete_session": [("log_session", {})],
    "get_history": [("log_session", {})],
    "get_progress": [("log_session", {})],
    "resume": [("pause", {"until": "2026-12-01"})],
}


def test_every_response_is_documented() -> None:
    """Every action that answers has an example response in actions.md."""
    assert set(RESPONSES) >= {
        "log_session",
        "delete_session",
        "get_status",
        "get_history",
        "get_progress",
        "report_soreness",
        "set_phase",
        "skip_session",
        "snooze_reminder",
        "pause",
        "resume",
        "install_sentences",
        *NOT_RUN,
    }


@pytest.mark.parametrize("service", sorted(set(RESPONSES) - NOT_RUN))
async def test_documented_response_has_the_real_keys(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    service: str,
) -> None:
    """Calling the example gives a response with exactly the documented keys."""
    data, documented = RESPONSES[service]
    if service == "set_phase":  # documented for the runner program
        mock_config_entry = make_entry(program="runner")
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    for before, before_data in BEFORE.get(service, []):
        await hass.services.async_call(DOMAIN, before, before_data, blocking=True)
    if service == "delete_session":
        data = {"last": True}
    response = await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=True
    )
    assert isinstance(response, dict)
    assert set(documented) == set(response)
