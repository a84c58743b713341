"""Translated errors: the one place that builds them from a key."""

from __future__ import annotations

from homeassistant.exceptions import HomeAssistantError, ServiceValidationError

from .const import DOMAIN
from .core.sessions import CoachError


def user_error(key: str, **placeholders: str) -> ServiceValidationError:
    """A refusal of what the person asked for, by its translation key."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=placeholders,
    )


def validation_error(err: CoachError) -> ServiceValidationError:
    """Translate a core error for the person who made the call."""
    return user_error(err.key, **err.placeholders)


def failure(key: str, **placeholders: str) -> HomeAssistantError:
    """A failure that is not the caller's fault, by its translation key."""
    return HomeAssistantError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=placeholders,
    )
