"""Print the pip requirements of the core integrations scripts/develop loads.

`default_config:`, what this integration and the e2e tests load and what
Home Assistant's bootstrap always sets up (homeassistant/bootstrap.py: the
default and stage-1 integrations, e.g. hassio, cloud and the entity
platforms), followed through each manifest's `dependencies`, each
requirement with the integrations that ask for it. Run it in a
lane's venv after changing that lane's `homeassistant` pin and copy the lines
into requirements.txt (min) or requirements_latest.txt (latest):

    .venv/bin/python scripts/default_config_requirements.py
"""

from __future__ import annotations

import json
from pathlib import Path

import homeassistant
from homeassistant import bootstrap

COMPONENTS = Path(homeassistant.__file__).parent / "components"
ROOTS = (
    "default_config",
    "api",
    "calendar",
    "config",
    "conversation",
    "assist_pipeline",
    "diagnostics",
    "frontend",
    "http",
    "intent",
    "llm",
    "logger",
    "recorder",
    "todo",
)


def closure() -> set[str]:
    """The root integrations and everything they depend on."""
    seen: set[str] = set()
    todo = [
        *ROOTS,
        *bootstrap.CORE_INTEGRATIONS,
        *bootstrap.LOGGING_AND_HTTP_DEPS_INTEGRATIONS,
        *bootstrap.DEFAULT_INTEGRATIONS,
        *bootstrap.STAGE_1_INTEGRATIONS,
    ]
    while todo:
        domain = todo.pop()
        manifest = COMPONENTS / domain / "manifest.json"
        if domain in seen or not manifest.exists():
            continue
        seen.add(domain)
        todo += json.loads(manifest.read_text()).get("dependencies", [])
    return seen


def main() -> None:
    """Print 'requirement  # integrations', sorted by name."""
    wanted: dict[str, list[str]] = {}
    for domain in sorted(closure()):
        manifest = json.loads((COMPONENTS / domain / "manifest.json").read_text())
        for requirement in manifest.get("requirements", []):
            wanted.setdefault(requirement, []).append(domain)
    for requirement, domains in sorted(wanted.items(), key=lambda i: i[0].lower()):
        print(f"{requirement}  # {', '.join(domains)}")


if __name__ == "__main__":
    main()
