"""LLM agents: the coach's tools, offered and run only when the coach is exposed.

Runs on both lanes. Home Assistant 2026.10 and newer take the tools from our
`llm` platform (llm.py; names `hamstring_coach__<Intent>`); older releases
list the registered intents themselves (names = intent types).
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.homeassistant.exposed_entities import async_expose_entity
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import entity_registry as er, intent, llm
from homeassistant.loader import async_get_integration
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.intent import (
    INTENT_LOG_SESSION,
    INTENT_NEXT_SESSION,
    INTENT_REPORT_SORENESS,
    INTENT_UNDO,
    INTENT_WEEKLY_PROGRESS,
    INTENT_WHAT_TO_DO,
    async_setup_intents,
)

try:  # Home Assistant 2026.10+: probatio replaces voluptuous
    from probatio import to_openapi
except ImportError:  # pragma: no cover - depends on the lane
    from voluptuous_openapi import convert as to_openapi

ALL_INTENTS = (
    INTENT_LOG_SESSION,
    INTENT_NEXT_SESSION,
    INTENT_WEEKLY_PROGRESS,
    INTENT_REPORT_SORENESS,
    INTENT_WHAT_TO_DO,
    INTENT_UNDO,
)


async def _has_llm_integration(hass: HomeAssistant) -> bool:
    try:
        await async_get_integration(hass, "llm")
    except Exception:
        return False
    return True


@pytest.fixture
async def coach(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> MockConfigEntry:
    """Alex's coach, intents registered, Assist's integrations set up."""
    await async_setup_intents(hass)
    assert await async_setup_component(hass, "homeassistant", {})
    if await _has_llm_integration(hass):
        assert await async_setup_component(hass, "llm", {})
    await hass.async_block_till_done()
    return init_integration


async def _tool_name(hass: HomeAssistant, intent_type: str) -> str:
    if await _has_llm_integration(hass):
        return f"{DOMAIN}__{intent_type}"
    return intent_type


async def _api(hass: HomeAssistant) -> llm.APIInstance:
    return await llm.async_get_api(
        hass,
        llm.LLM_API_ASSIST,
        llm.LLMContext(
            platform="test",
            context=Context(),
            language="en",
            assistant="conversation",
            device_id=None,
        ),
    )


def _unexpose(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Hide every entity of the entry from Assist."""
    registry = er.async_get(hass)
    for item in er.async_entries_for_config_entry(registry, entry.entry_id):
        async_expose_entity(hass, "conversation", item.entity_id, False)


async def test_tools_offered_typed_and_callable(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """With the coach exposed (its to-do list is by default) every coach tool."""
    api = await _api(hass)
    tools = {tool.name: tool for tool in api.tools}
    names = {name: await _tool_name(hass, name) for name in ALL_INTENTS}
    assert set(names.values()) <= set(tools)
    log_tool = tools[names[INTENT_LOG_SESSION]]
    assert "Logs a hamstring training session" in str(log_tool.description)
    schema: dict[str, Any] = to_openapi(
        log_tool.parameters, custom_serializer=api.custom_serializer
    )
    properties = schema["properties"]
    assert properties["sets"]["type"] == "integer"
    assert properties["sets"]["minimum"] == 1
    assert properties["sets"]["maximum"] == 20
    assert properties["sets"]["description"] == "Sets of the exercise"
    assert properties["pain"]["type"] == "boolean"
    assert properties["load"]["type"] == "number"
    assert not schema.get("required")

    before = len(coach.runtime_data.log.between(None, None))
    result = await api.async_call_tool(
        llm.ToolInput(tool_name=names[INTENT_LOG_SESSION], tool_args={"rpe": 7})
    )
    # A ToolResult (2026.10+) or the response dict itself (before).
    data = getattr(result, "data", result)
    assert str(data["speech"]).startswith("{'plain': {'speech': 'Logged Day 1 Strength")
    logged = coach.runtime_data.log.between(None, None)
    assert len(logged) == before + 1
    assert logged[-1].rpe == 7


async def test_no_tools_when_the_coach_is_not_exposed(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """Nothing of the coach exposed: no coach tool reaches the agent."""
    _unexpose(hass, coach)
    api = await _api(hass)
    offered = {tool.name for tool in api.tools}
    for intent_type in ALL_INTENTS:
        assert await _tool_name(hass, intent_type) not in offered


async def test_intents_refuse_an_assistant_the_coach_is_hidden_from(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """A request from that assistant is refused, as an answer, and stores nothing."""
    _unexpose(hass, coach)
    before = len(coach.runtime_data.log.between(None, None))
    refused = await intent.async_handle(
        hass,
        "test",
        INTENT_LOG_SESSION,
        {},
        language="en",
        assistant="conversation",
    )
    assert refused.response_type is intent.IntentResponseType.ERROR
    assert refused.error_code is intent.IntentResponseErrorCode.FAILED_TO_HANDLE
    assert refused.speech["plain"]["speech"] == (
        "Alex's coach is not exposed to this assistant."
    )
    assert len(coach.runtime_data.log.between(None, None)) == before
    # Without an assistant (automations, scripts) the intent still runs.
    response = await intent.async_handle(
        hass, "test", INTENT_NEXT_SESSION, {}, language="en"
    )
    assert response.speech["plain"]["speech"].startswith("Next session")


async def test_llm_platform_ignores_other_apis(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """Only the Assist API gets the tools (2026.10+; skipped before)."""
    if not await _has_llm_integration(hass):
        pytest.skip("Home Assistant without the llm integration")
    from custom_components.hamstring_coach import llm as coach_llm  # noqa: PLC0415

    context = llm.LLMContext(
        platform="test",
        context=Context(),
        language="en",
        assistant="conversation",
        device_id=None,
    )
    assert coach_llm.async_get_tools(hass, context, "other_api") is None
    tools = coach_llm.async_get_tools(hass, context, llm.LLM_API_ASSIST)
    assert tools is not None
    assert len(tools.tools) == len(ALL_INTENTS)
    assert {tool.integration for tool in tools.tools} == {DOMAIN}
    _unexpose(hass, coach)
    assert coach_llm.async_get_tools(hass, context, llm.LLM_API_ASSIST) is None
