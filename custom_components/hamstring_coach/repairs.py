"""Repair issues about the stored log, fixable by acknowledging them.

One issue per entry (`invalid_log_<entry_id>`); its translation key says
what happened at load time: the last good copy was restored
(`log_restored`, `log_restored_unreadable`, `log_missing_restored`) or no
valid copy existed and the coach started empty (`invalid_log`). Confirming
the repair flow deletes it; removing the entry deletes it too.
"""

from __future__ import annotations

from homeassistant.components.repairs import ConfirmRepairFlow, RepairsFlow
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import DOMAIN
from .store import Recovery

ISSUE_KEYS = (
    "invalid_log",
    "log_restored",
    "log_restored_unreadable",
    "log_missing_restored",
)


def issue_id(entry_id: str) -> str:
    """The id of an entry's stored-log issue."""
    return f"invalid_log_{entry_id}"


def _translation_key(recovery: Recovery) -> str:
    if not recovery.restored:
        return "invalid_log"
    if recovery.aside is None:
        return "log_missing_restored"
    return "log_restored" if recovery.missing is not None else "log_restored_unreadable"


@callback
def async_raise_recovery_issue(
    hass: HomeAssistant, entry: ConfigEntry, recovery: Recovery
) -> None:
    """Tell the person what happened to the file and what may be missing."""
    placeholders = {"name": entry.title, "path": str(recovery.aside)}
    if recovery.restored:
        placeholders["sessions"] = str(recovery.sessions)
    if recovery.missing is not None:
        placeholders["missing"] = str(recovery.missing)
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id(entry.entry_id),
        is_fixable=True,
        is_persistent=True,
        severity=ir.IssueSeverity.WARNING
        if recovery.restored
        else ir.IssueSeverity.ERROR,
        translation_key=_translation_key(recovery),
        translation_placeholders=placeholders,
        data={"entry_id": entry.entry_id},
    )


@callback
def async_delete_issues(hass: HomeAssistant, entry_id: str) -> None:
    """Remove the entry's issues (the entry is gone)."""
    ir.async_delete_issue(hass, DOMAIN, issue_id(entry_id))


async def async_create_fix_flow(
    hass: HomeAssistant,
    issue_id: str,
    data: dict[str, str | int | float | None] | None,
) -> RepairsFlow:
    """Every issue of the coach is acknowledged by confirming it."""
    return ConfirmRepairFlow()
