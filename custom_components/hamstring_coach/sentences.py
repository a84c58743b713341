"""Install the shipped Assist sentences into `config/custom_sentences/<lang>/`.

The canonical files live in the package, in the same layout as Home
Assistant's (`custom_sentences/<lang>/hamstring_coach.yaml`), because HACS
installs only `custom_components/hamstring_coach/`. Each installed copy
starts with a marker line holding the sha256 of the text below it, so a later
install can tell our own copy (replaced when the shipped text changed) from a
file the user edited (never touched, reported as `skipped`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
import re
from typing import Final, Literal

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.helpers.service import async_register_admin_service
import voluptuous as vol

from .const import DOMAIN, LOGGER

SERVICE_INSTALL_SENTENCES: Final = "install_sentences"
FILE_NAME: Final = f"{DOMAIN}.yaml"
SOURCE_DIR: Final = Path(__file__).parent / "custom_sentences"
MARKER: Final = (
    "# Installed by Hamstring Coach; edit freely, it is then never replaced."
)
_MARKER_LINE = re.compile(rf"^{re.escape(MARKER)} sha256=([0-9a-f]{{64}})\n")

type Outcome = Literal["installed", "unchanged", "skipped"]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def installed_text(shipped: str) -> str:
    """The file we write: the marker with the hash of the shipped text, then the text."""
    return f"{MARKER} sha256={_digest(shipped)}\n{shipped}"


def _ours(current: str) -> str | None:
    """The body of an installed file we wrote and nobody changed since, else None."""
    match = _MARKER_LINE.match(current)
    if match is None:
        return None
    body = current[match.end() :]
    return body if _digest(body) == match.group(1) else None


def install_file(source: Path, target: Path) -> Outcome:
    """Copy one language's sentences unless the user changed the installed copy."""
    shipped = source.read_text(encoding="utf-8")
    if target.exists():
        body = _ours(target.read_text(encoding="utf-8"))
        if body is None:
            return "skipped"
        if body == shipped:
            return "unchanged"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.tmp")
    partial.write_text(installed_text(shipped), encoding="utf-8")
    partial.replace(target)
    return "installed"


def shipped_languages() -> list[str]:
    """Languages with a sentence file in the package, e.g. ['de', 'en']."""
    return sorted(path.parent.name for path in SOURCE_DIR.glob(f"*/{FILE_NAME}"))


def source_file(lang: str) -> Path:
    """The shipped sentence file of a language."""
    return SOURCE_DIR / lang / FILE_NAME


def _install_all(config_dir: Path) -> dict[str, list[str]]:
    """Install every language (runs in the executor)."""
    result: dict[str, list[str]] = {"installed": [], "unchanged": [], "skipped": []}
    for lang in shipped_languages():
        target = config_dir / "custom_sentences" / lang / FILE_NAME
        outcome = install_file(source_file(lang), target)
        result[outcome].append(lang)
    return result


async def async_install_sentences(hass: HomeAssistant) -> dict[str, list[str]]:
    """Install the sentences and reload the built-in agent's sentences if changed."""
    result = await hass.async_add_executor_job(_install_all, Path(hass.config.path()))
    if result["skipped"]:
        LOGGER.warning(
            "Kept edited custom sentences for %s; delete them to get the shipped ones",
            ", ".join(result["skipped"]),
        )
    if hass.services.has_service("conversation", "reload"):
        # Per language: clears only those cached sentences, and reads no YAML.
        for lang in result["installed"]:
            await hass.services.async_call(
                "conversation", "reload", {"language": lang}, blocking=True
            )
    return result


async def _install_sentences(call: ServiceCall) -> ServiceResponse:
    result = await async_install_sentences(call.hass)
    return {key: list(value) for key, value in result.items()}


@callback
def async_setup_sentences_action(hass: HomeAssistant) -> None:
    """Register the admin action `hamstring_coach.install_sentences`."""
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_INSTALL_SENTENCES,
        _install_sentences,
        schema=vol.Schema({}),
        supports_response=SupportsResponse.OPTIONAL,
    )
