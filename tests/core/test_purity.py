"""core/ is pure: no Home Assistant, no clock or zone reads, no I/O."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).parents[2] / "custom_components" / "hamstring_coach" / "core"
FORBIDDEN_MODULES = (
    "homeassistant",
    "os",
    "io",
    "pathlib",
    "socket",
    "time",
    "asyncio",
    "aiohttp",
)
FORBIDDEN_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "monotonic"),
}
FORBIDDEN_NAMES = {"open", "input", "print", "localtime"}


def _violations(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [
                a.name for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES
            ]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in FORBIDDEN_MODULES:
                found.append(node.module)
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_NAMES:
                found.append(f"{func.id}(")
            elif isinstance(func, ast.Attribute):
                owner = func.value
                name = (
                    owner.id
                    if isinstance(owner, ast.Name)
                    else getattr(owner, "attr", "")
                )
                if (name, func.attr) in FORBIDDEN_CALLS or func.attr in {
                    "now",
                    "utcnow",
                    "today",
                }:
                    found.append(f"{name}.{func.attr}(")
    return found


@pytest.mark.parametrize("path", sorted(CORE.glob("*.py")), ids=lambda p: p.name)
def test_core_module_is_pure(path: Path) -> None:
    """No module of core/ imports HA or I/O, reads the clock, or opens files."""
    assert _violations(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "snippet",
    [
        pytest.param("from homeassistant.core import HomeAssistant", id="ha-import"),
        pytest.param("import homeassistant.util.dt", id="ha-module"),
        pytest.param("x = datetime.now()", id="datetime-now"),
        pytest.param("x = datetime.datetime.utcnow()", id="utcnow"),
        pytest.param("x = date.today()", id="date-today"),
        pytest.param("import time\nx = time.time()", id="time-time"),
        pytest.param("f = open('log.json')", id="open"),
        pytest.param("from pathlib import Path", id="pathlib"),
    ],
)
def test_checker_catches_violations(snippet: str) -> None:
    """The checker itself can fail."""
    assert _violations(snippet)
