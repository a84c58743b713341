"""LLM tools: the coach's intents, offered to agents using the Assist API.

Home Assistant 2026.10 and newer gather an agent's tools from each
integration's `llm` platform (this module; older releases never load it and
read the registered intents instead). The tools are the intent handlers
themselves wrapped in `IntentTool`, so an agent's call takes the same typed
slots, finds the person's entry the same way and gets the same answer as a
spoken sentence. They are offered only when a coach the speaker may use is
exposed to the agent's assistant; the handler checks the resolved person's
coach again before it acts.
"""

from __future__ import annotations

from typing import Final

from homeassistant.components.llm import LLMTools
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import intent
from homeassistant.helpers.llm import (
    LLM_API_ASSIST,
    IntentTool,
    LLMContext,
    Tool,
    ToolAnnotations,
)

from .const import DOMAIN
from .exposure import exposed_entries
from .intent import (
    INTENT_LOG_SESSION,
    INTENT_NEXT_SESSION,
    INTENT_REPORT_SORENESS,
    INTENT_UNDO,
    INTENT_WEEKLY_PROGRESS,
    INTENT_WHAT_TO_DO,
    CoachIntentHandler,
)

_READ_ONLY = ToolAnnotations(read_only=True, open_world=False)
# Logging adds a session (a second call adds another); nothing is taken away.
_ADDS = ToolAnnotations(destructive=False, open_world=False)
_REMOVES = ToolAnnotations(destructive=True, open_world=False)

TOOLS: Final = {
    INTENT_LOG_SESSION: ("Log a hamstring session", _ADDS),
    INTENT_NEXT_SESSION: ("Next hamstring session", _READ_ONLY),
    INTENT_WEEKLY_PROGRESS: ("Weekly hamstring progress", _READ_ONLY),
    INTENT_REPORT_SORENESS: ("Report hamstring soreness", _ADDS),
    INTENT_WHAT_TO_DO: ("Today's hamstring workout", _READ_ONLY),
    INTENT_UNDO: ("Delete the last hamstring session", _REMOVES),
}
"""Intent type -> tool title and annotations."""


@callback
def async_get_tools(
    hass: HomeAssistant, llm_context: LLMContext, api_id: str
) -> LLMTools | None:
    """The coach's tools for the Assist API, when a coach is exposed."""
    if api_id != LLM_API_ASSIST or not exposed_entries(hass, llm_context.assistant):
        return None
    tools: list[Tool] = [
        IntentTool(
            f"{DOMAIN}__{handler.intent_type}",
            handler,
            title=TOOLS[handler.intent_type][0],
            integration=DOMAIN,
            annotations=TOOLS[handler.intent_type][1],
        )
        for handler in intent.async_get(hass)
        if isinstance(handler, CoachIntentHandler)
    ]
    return LLMTools(tools=tools) if tools else None
