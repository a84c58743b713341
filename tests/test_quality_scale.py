"""quality_scale.yaml: complete, well-formed, and consistent with the code.

hassfest validates this file only for core integrations, so these tests do it
here: every official rule is present with a valid status and a reason, and a
claim that can be checked mechanically (a rule marked done or exempt) is.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
import re
from typing import Any

from homeassistant import components as core_components
from homeassistant.const import Platform
from homeassistant.util.yaml import load_yaml_dict
import pytest
import voluptuous as vol

from custom_components.hamstring_coach.binary_sensor import BINARY_SENSORS
from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.sensor import SENSORS

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "custom_components" / DOMAIN
CORE_COMPONENTS = Path(core_components.__file__).parent

# script/hassfest/quality_scale.py (home-assistant/core): ALL_RULES by tier.
# docs-conditions and docs-triggers came after Home Assistant 2026.2.
RULES_BY_TIER: dict[str, tuple[str, ...]] = {
    "bronze": (
        "action-setup",
        "appropriate-polling",
        "brands",
        "common-modules",
        "config-flow",
        "config-flow-test-coverage",
        "dependency-transparency",
        "docs-actions",
        "docs-conditions",
        "docs-high-level-description",
        "docs-installation-instructions",
        "docs-removal-instructions",
        "docs-triggers",
        "entity-event-setup",
        "entity-unique-id",
        "has-entity-name",
        "runtime-data",
        "test-before-configure",
        "test-before-setup",
        "unique-config-entry",
    ),
    "silver": (
        "action-exceptions",
        "config-entry-unloading",
        "docs-configuration-parameters",
        "docs-installation-parameters",
        "entity-unavailable",
        "integration-owner",
        "log-when-unavailable",
        "parallel-updates",
        "reauthentication-flow",
        "test-coverage",
    ),
    "gold": (
        "devices",
        "diagnostics",
        "discovery",
        "discovery-update-info",
        "docs-data-update",
        "docs-examples",
        "docs-known-limitations",
        "docs-supported-devices",
        "docs-supported-functions",
        "docs-troubleshooting",
        "docs-use-cases",
        "dynamic-devices",
        "entity-category",
        "entity-device-class",
        "entity-disabled-by-default",
        "entity-translations",
        "exception-translations",
        "icon-translations",
        "reconfiguration-flow",
        "repair-issues",
        "stale-devices",
    ),
    "platinum": ("async-dependency", "inject-websession", "strict-typing"),
}
ALL_RULES = {rule for rules in RULES_BY_TIER.values() for rule in rules}
STATUSES = {"done", "exempt", "todo"}

# hassfest's SCHEMA: a bare "done"/"todo", or a mapping with a comment.
HASSFEST_SCHEMA = vol.Schema(
    {
        vol.Required("rules"): vol.Schema(
            {
                vol.Optional(rule): vol.Any(
                    vol.In(["todo", "done"]),
                    vol.Schema(
                        {
                            vol.Required("status"): vol.In(["todo", "done"]),
                            vol.Required("comment"): str,
                        }
                    ),
                    vol.Schema(
                        {
                            vol.Required("status"): "exempt",
                            vol.Required("comment"): str,
                        }
                    ),
                )
                for rule in ALL_RULES
            }
        )
    }
)


def _scale() -> dict[str, Any]:
    return dict(load_yaml_dict(PACKAGE / "quality_scale.yaml"))


def _rules() -> dict[str, Any]:
    rules: dict[str, Any] = _scale()["rules"]
    return rules


def _status(rule: str) -> str:
    value = _rules()[rule]
    return str(value["status"] if isinstance(value, dict) else value)


def _comment(rule: str) -> str:
    value = _rules()[rule]
    return str(value.get("comment", "")) if isinstance(value, dict) else ""


def _source(name: str) -> str:
    return (PACKAGE / name).read_text(encoding="utf-8")


def _todos() -> dict[str, str]:
    return {rule: _comment(rule) for rule in _rules() if _status(rule) == "todo"}


# --- the file itself -------------------------------------------------------


def test_rule_list_has_every_tier() -> None:
    """The official list: 20 bronze, 10 silver, 21 gold and 3 platinum rules."""
    assert {tier: len(rules) for tier, rules in RULES_BY_TIER.items()} == {
        "bronze": 20,
        "silver": 10,
        "gold": 21,
        "platinum": 3,
    }
    assert len(ALL_RULES) == 54


def test_installed_core_uses_only_known_rules() -> None:
    """Every rule id used by the installed core's quality_scale.yaml files is known."""
    used: set[str] = set()
    for path in sorted(CORE_COMPONENTS.glob("*/quality_scale.yaml")):
        used |= set(load_yaml_dict(path).get("rules") or {})

    assert used, "no quality_scale.yaml found in the installed Home Assistant"
    assert used <= ALL_RULES, used - ALL_RULES


def test_matches_hassfest_schema() -> None:
    """The file passes hassfest's own schema (as for a core integration)."""
    HASSFEST_SCHEMA(_scale())


def test_every_rule_present() -> None:
    """No official rule is missing and no unknown rule is listed."""
    rules = set(_rules())

    assert not ALL_RULES - rules, sorted(ALL_RULES - rules)
    assert not rules - ALL_RULES, sorted(rules - ALL_RULES)


@pytest.mark.parametrize("rule", sorted(ALL_RULES))
def test_status_and_comment(rule: str) -> None:
    """Each rule is done, exempt or todo, with a one-line reason."""
    assert _status(rule) in STATUSES
    comment = _comment(rule)
    assert comment.strip(), f"{rule}: every entry needs a comment"
    assert "\n" not in comment.strip(), f"{rule}: keep the comment to one line"


def test_platinum_has_no_todo() -> None:
    """Platinum target: every rule of every tier is done or exempt."""
    assert not _todos(), _todos()


# --- claims that can be checked mechanically -------------------------------


def _platform_modules() -> list[Path]:
    names = {str(platform) for platform in Platform}
    return [
        path
        for path in sorted(PACKAGE.glob("*.py"))
        if path.stem in names and "async_setup_entry" in path.read_text("utf-8")
    ]


def _module_assigns(path: Path, name: str) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, (ast.Assign, ast.AnnAssign))
        and any(
            isinstance(t, ast.Name) and t.id == name
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        )
        for node in tree.body
    )


def _function_calls(source: str, function: str) -> set[str]:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if (
            isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.name == function
        ):
            return {
                call.func.id if isinstance(call.func, ast.Name) else ""
                for call in ast.walk(node)
                if isinstance(call, ast.Call)
            }
    return set()


def test_action_setup_registers_in_async_setup() -> None:
    """action-setup: actions are registered from async_setup, not per entry."""
    assert _status("action-setup") == "done"
    init = _source("__init__.py")

    assert "async_setup_services" in _function_calls(init, "async_setup")
    assert "async_setup_services" not in _function_calls(init, "async_setup_entry")


def test_parallel_updates_on_every_platform() -> None:
    """parallel-updates: each entity platform module sets PARALLEL_UPDATES."""
    assert _status("parallel-updates") == "done"
    platforms = _platform_modules()

    assert platforms
    missing = [p.name for p in platforms if not _module_assigns(p, "PARALLEL_UPDATES")]
    assert not missing


def test_runtime_data_not_hass_data() -> None:
    """runtime-data: no per-entry state under hass.data[DOMAIN]."""
    assert _status("runtime-data") == "done"
    pattern = re.compile(r"hass\.data(\[|\.get\(|\.setdefault\()\s*DOMAIN\b")
    offenders = [
        path.name
        for path in PACKAGE.rglob("*.py")
        if pattern.search(re.sub(r"#.*", "", path.read_text("utf-8")))
    ]

    assert not offenders


def test_no_polling() -> None:
    """appropriate-polling is exempt because the coordinator never polls."""
    assert _status("appropriate-polling") == "exempt"
    coordinator = _source("coordinator.py")

    assert "update_interval=None" in coordinator
    assert "SCAN_INTERVAL" not in "".join(
        p.read_text("utf-8") for p in _platform_modules()
    )


def test_no_dependencies_no_network() -> None:
    """async-dependency/inject-websession exempt: no requirements, no HTTP."""
    assert _status("async-dependency") == "exempt"
    assert _status("inject-websession") == "exempt"
    manifest = _source("manifest.json")

    assert '"requirements": []' in manifest
    assert '"iot_class": "calculated"' in manifest
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text("utf-8")
        assert "aiohttp" not in text, path.name
        assert "async_get_clientsession" not in text, path.name


def test_entity_category_and_disabled_exemptions_hold() -> None:
    """entity-category/-disabled-by-default exempt: no entity sets either."""
    assert _status("entity-category") == "exempt"
    assert _status("entity-disabled-by-default") == "exempt"
    for description in (*SENSORS, *BINARY_SENSORS):
        assert description.entity_category is None, description.key
        assert description.entity_registry_enabled_default, description.key


def test_done_features_exist() -> None:
    """Rules marked done point at code that exists."""
    flow = _source("config_flow.py")
    checks = {
        "brands": (PACKAGE / "brand" / "icon.png").is_file(),
        "diagnostics": "async_get_config_entry_diagnostics"
        in _source("diagnostics.py"),
        "reconfiguration-flow": "async_step_reconfigure" in flow,
        "unique-config-entry": "_abort_if_unique_id_configured" in flow,
        "config-flow": '"config_flow": true' in _source("manifest.json"),
        "repair-issues": "async_create_issue" in _source("repairs.py")
        and "async_create_fix_flow" in _source("repairs.py"),
        "config-entry-unloading": "async_unload_entry" in _source("__init__.py"),
        "integration-owner": all(
            owner.startswith("@")
            for owner in json.loads(_source("manifest.json"))["codeowners"] or [""]
        ),
        "common-modules": (PACKAGE / "coordinator.py").is_file()
        and (PACKAGE / "entity.py").is_file(),
        "has-entity-name": "_attr_has_entity_name = True" in _source("entity.py"),
        "devices": "DeviceEntryType.SERVICE" in _source("entity.py"),
        "icon-translations": (PACKAGE / "icons.json").is_file(),
    }
    for rule, ok in checks.items():
        assert _status(rule) == "done", rule
        assert ok, rule


def test_strict_typing_is_configured() -> None:
    """strict-typing: mypy runs with strict = true over the integration."""
    assert _status("strict-typing") == "done"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")

    assert "strict = true" in pyproject
    # The min lane checks the whole package (llm.py needs the newest release
    # and is checked in the latest lane).
    joined = re.sub(r"\\\n\s*", " ", script)  # shell line continuations
    assert re.search(r"step mypy [^\n]*custom_components/hamstring_coach\n", joined)
    assert "custom_components/hamstring_coach/llm.py" in script


def test_coverage_threshold_is_enforced() -> None:
    """test-coverage: the CI entry fails under 95 % coverage."""
    assert _status("test-coverage") == "done"
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")

    assert "--cov-fail-under=95" in script
    assert "fail_under = 95" in (ROOT / "pyproject.toml").read_text("utf-8")


def test_entity_event_setup_matches_the_code() -> None:
    """entity-event-setup is done exactly when an entity subscribes on being added."""
    subscribing = [
        path.name
        for path in _platform_modules()
        if "async_added_to_hass" in path.read_text("utf-8")
    ]
    assert _status("entity-event-setup") == ("done" if subscribing else "exempt")


def test_comments_pin_no_count_or_commit() -> None:
    """Claims stay true: no "ten actions" that goes stale, no coverage at a commit."""
    words = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    for rule in _rules():
        comment = _comment(rule)
        assert not re.search(rf"\b{words} actions\b", comment, re.I), rule
        assert not re.search(r"\bat [0-9a-f]{7,40}\b", comment), rule
