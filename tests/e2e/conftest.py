"""Fixtures for end-to-end tests: a real Home Assistant process per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import HassProcess


def pytest_configure(config: pytest.Config) -> None:
    """Register the `e2e` marker (pyproject runs pytest with --strict-markers)."""
    config.addinivalue_line(
        "markers",
        "e2e: starts a real Home Assistant process on 127.0.0.1 (slow, ~1-2 min)",
    )


@pytest.fixture
def hass_process(tmp_path: Path, socket_enabled: None) -> Iterator[HassProcess]:
    """A started, onboarded Home Assistant with a token; killed afterwards.

    `socket_enabled` lifts pytest-socket's block (the plugin of
    pytest-homeassistant-custom-component), whose host allow-list still
    limits connections to 127.0.0.1.
    """
    proc = HassProcess(tmp_path / "config")
    try:
        proc.start()
        yield proc
    finally:
        proc.kill()
