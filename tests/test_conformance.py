"""Offline checks of the hassfest and HACS rules that cannot run here.

Each test encodes one rule over the shipped files (manifest, strings, icons,
services.yaml, hacs.json, the Python sources) or over what a real set-up
registers, so a broken rule fails here instead of in review.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
import json
from pathlib import Path
import re
import string
from typing import Any

from awesomeversion import AwesomeVersion, AwesomeVersionStrategy
from homeassistant.components.sensor import SensorDeviceClass
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.util.yaml import load_yaml_dict
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.binary_sensor import BINARY_SENSORS
from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.core.models import WEEKDAYS, Status, WeightUnit
from custom_components.hamstring_coach.core.programs import ALL_DAY_IDS, PROGRAMS
from custom_components.hamstring_coach.repairs import ISSUE_KEYS
from custom_components.hamstring_coach.sensor import SENSORS
from custom_components.hamstring_coach.watch import WATCH_SENSORS

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "custom_components" / DOMAIN

PLATFORM_DESCRIPTIONS = {
    "sensor": (*SENSORS, *WATCH_SENSORS),
    "binary_sensor": BINARY_SENSORS,
}

MANIFEST_REQUIRED = {
    "domain",
    "name",
    "codeowners",
    "documentation",
    "issue_tracker",
    "version",
    "iot_class",
    "integration_type",
    "config_flow",
}
HACS_ALLOWED = {
    "name",
    "content_in_root",
    "zip_release",
    "filename",
    "hide_default_branch",
    "country",
    "homeassistant",
    "hacs",
    "persistent_directory",
    "render_readme",
}
# Exceptions whose `translation_key=` must be in strings.json "exceptions".
EXCEPTION_CLASSES = {
    "ServiceValidationError",
    "HomeAssistantError",
    "ConfigEntryError",
    "ConfigEntryNotReady",
    "ConfigEntryAuthFailed",
    "IntegrationError",
    "UpdateFailed",
}
# Helpers whose first positional argument is an exception translation key.
KEY_FIRST_CALLS = {"CoachError", "user_error", "failure"}
SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$")


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _strings() -> dict[str, Any]:
    strings: dict[str, Any] = _json(PACKAGE / "strings.json")
    return strings


def _icons() -> dict[str, Any]:
    icons: dict[str, Any] = _json(PACKAGE / "icons.json")
    return icons


def _services_yaml() -> dict[str, Any]:
    return dict(load_yaml_dict(PACKAGE / "services.yaml"))


def _placeholders(message: str) -> set[str]:
    """The `{name}` placeholders of a translation string."""
    return {field for _, field, _, _ in string.Formatter().parse(message) if field}


# --- manifest, hacs.json, layout -------------------------------------------


def test_manifest_required_keys() -> None:
    """manifest.json has every key hassfest and HACS need, with valid values."""
    manifest = _json(PACKAGE / "manifest.json")

    assert manifest.keys() >= MANIFEST_REQUIRED, MANIFEST_REQUIRED - manifest.keys()
    assert manifest["domain"] == DOMAIN
    assert manifest["name"]
    assert manifest["codeowners"]
    assert all(owner.startswith("@") for owner in manifest["codeowners"])
    assert manifest["documentation"].startswith("https://")
    assert manifest["issue_tracker"].startswith("https://")
    assert manifest["iot_class"] == "calculated"
    assert manifest["integration_type"] in {"service", "helper", "device", "hub"}
    assert manifest["config_flow"] is True


def test_manifest_key_order() -> None:
    """Keys are domain, name, then the rest alphabetically (hassfest sorts them)."""
    keys = list(_json(PACKAGE / "manifest.json"))

    assert keys[:2] == ["domain", "name"]
    assert keys[2:] == sorted(keys[2:])


def test_manifest_version_is_valid() -> None:
    """The version parses like Home Assistant's loader does and is semver."""
    version = _json(PACKAGE / "manifest.json")["version"]

    AwesomeVersion(
        version,
        ensure_strategy=[
            AwesomeVersionStrategy.CALVER,
            AwesomeVersionStrategy.SEMVER,
            AwesomeVersionStrategy.SIMPLEVER,
            AwesomeVersionStrategy.BUILDVER,
            AwesomeVersionStrategy.PEP440,
        ],
    )
    assert SEMVER.match(version), version


def test_hacs_json() -> None:
    """hacs.json has a name and only keys HACS knows."""
    hacs = _json(ROOT / "hacs.json")

    assert hacs.get("name")
    assert hacs.keys() <= HACS_ALLOWED, hacs.keys() - HACS_ALLOWED


def test_one_integration_folder() -> None:
    """HACS needs exactly one integration under custom_components/."""
    folders = [
        path.name
        for path in (ROOT / "custom_components").iterdir()
        if path.is_dir() and path.name != "__pycache__"
    ]

    assert folders == [DOMAIN]


def test_config_schema_is_config_entry_only() -> None:
    """__init__.py declares CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    values = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(
            isinstance(t, ast.Name) and t.id == "CONFIG_SCHEMA" for t in node.targets
        )
    ]

    assert len(values) == 1
    assert ast.unparse(values[0]) == "cv.config_entry_only_config_schema(DOMAIN)"


# --- translations ----------------------------------------------------------


def test_strings_equal_english_translation() -> None:
    """translations/en.json is byte-identical to strings.json."""
    assert (PACKAGE / "strings.json").read_bytes() == (
        PACKAGE / "translations" / "en.json"
    ).read_bytes()


def _leaves(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        if not node:
            yield path, node
        for key, value in node.items():
            yield from _leaves(value, f"{path}.{key}" if path else key)
    else:
        yield path, node


def test_strings_are_clean() -> None:
    """Every translation is a non-empty string without surrounding whitespace."""
    bad = {
        path: value
        for path, value in _leaves(_strings())
        if not isinstance(value, str) or not value or value != value.strip()
    }

    assert not bad


def test_selector_options_translated() -> None:
    """The flows' select options (program, weekday, weight unit) are translated."""
    selectors = _strings()["selector"]

    assert set(selectors["program"]["options"]) == set(PROGRAMS)
    assert set(selectors["weekday"]["options"]) == set(WEEKDAYS)
    assert set(selectors["weight_unit"]["options"]) == {str(u) for u in WeightUnit}


# --- services --------------------------------------------------------------


def test_services_translated() -> None:
    """Every action and each of its fields has a name and a description."""
    translated = _strings()["services"]
    services = _services_yaml()

    assert set(translated) == set(services)
    for service, spec in services.items():
        text = translated[service]
        assert text.get("name"), service
        assert text.get("description"), service
        fields = (spec or {}).get("fields", {})
        assert set(text.get("fields", {})) == set(fields), service
        for field in fields:
            assert text["fields"][field].get("name"), (service, field)
            assert text["fields"][field].get("description"), (service, field)


def test_services_have_icons() -> None:
    """Every action has an icon in icons.json, and no icon is left over."""
    icons = _icons()["services"]

    assert set(icons) == set(_services_yaml())
    assert all(icon.get("service", "").startswith("mdi:") for icon in icons.values())


def test_services_yaml_fields_have_selectors() -> None:
    """Every field has a selector; entry fields pick a hamstring_coach entry."""
    entry_fields = 0
    for service, spec in _services_yaml().items():
        for field, field_spec in (spec or {}).get("fields", {}).items():
            assert "selector" in field_spec, (service, field)
            if field == "config_entry_id":
                entry_fields += 1
                assert field_spec["selector"] == {
                    "config_entry": {"integration": DOMAIN}
                }, service

    # Every per-coach action targets an entry; install_sentences is global.
    per_coach = {name for name in _services_yaml() if name != "install_sentences"}
    assert entry_fields == len(per_coach)


async def test_registered_services_match_yaml(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The actions registered at run time are exactly those in services.yaml."""
    registered = hass.services.async_services_for_domain(DOMAIN)

    assert set(registered) == set(_services_yaml())


# --- entities --------------------------------------------------------------


@pytest.mark.parametrize("platform", sorted(PLATFORM_DESCRIPTIONS))
def test_entity_descriptions_translated(platform: str) -> None:
    """Each description has a translation_key with a name and an icon."""
    descriptions = PLATFORM_DESCRIPTIONS[platform]
    names = _strings()["entity"][platform]
    icons = _icons()["entity"][platform]
    keys = {d.translation_key for d in descriptions}

    assert None not in keys
    assert len(keys) == len(descriptions)
    for key in keys:
        assert names.get(key, {}).get("name"), key
        assert icons.get(key, {}).get("default", "").startswith("mdi:"), key
    # No stale translations or icons for entities that no longer exist.
    assert set(names) == keys
    assert set(icons) == keys


def test_enum_sensor_states_translated() -> None:
    """Every option of an ENUM sensor has a translated state."""
    sensors = _strings()["entity"]["sensor"]
    enums = [d for d in SENSORS if d.device_class is SensorDeviceClass.ENUM]

    assert enums
    for description in enums:
        states = sensors[description.translation_key].get("state", {})
        assert set(description.options or ()) <= set(states), description.key
        assert all(states.values()), description.key


def test_status_and_workout_states_cover_domain() -> None:
    """training_status covers every Status; next_workout every program day."""
    sensors = _strings()["entity"]["sensor"]
    icons = _icons()["entity"]["sensor"]

    assert set(sensors["training_status"]["state"]) == {str(s) for s in Status}
    assert set(sensors["next_workout"]["state"]) == set(ALL_DAY_IDS)
    assert set(icons["training_status"].get("state", {})) <= {str(s) for s in Status}


async def test_entity_registry_conventions(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    device_registry: dr.DeviceRegistry,
    init_integration: MockConfigEntry,
) -> None:
    """Entities: `<entry_id>_<key>` ids, translated names, no literal icons, one device."""
    entry_id = init_integration.entry_id
    entries = er.async_entries_for_config_entry(entity_registry, entry_id)
    devices = dr.async_entries_for_config_entry(device_registry, entry_id)

    assert len(devices) == 1
    device = devices[0]
    assert device.entry_type is dr.DeviceEntryType.SERVICE
    assert device.name == init_integration.title
    assert device.identifiers == {(DOMAIN, entry_id)}

    assert entries
    for entry in entries:
        assert entry.unique_id.startswith(f"{entry_id}_"), entry.entity_id
        assert entry.has_entity_name, entry.entity_id
        assert entry.translation_key, entry.entity_id
        assert entry.original_icon is None, entry.entity_id
        assert entry.device_id == device.id, entry.entity_id
    assert len({e.unique_id for e in entries}) == len(entries)
    for platform, descriptions in PLATFORM_DESCRIPTIONS.items():
        suffixes = {
            e.unique_id.removeprefix(f"{entry_id}_")
            for e in entries
            if e.domain == platform
        }
        program = PROGRAMS[init_integration.options["program"]]
        expected = {
            d.key
            for d in descriptions
            if getattr(d, "exists_fn", lambda _: True)(program)
        }
        assert suffixes == expected, platform


# --- translation keys used in the code -------------------------------------


@dataclass(frozen=True)
class KeyUse:
    """A translation key used in the source, with the placeholders it passes."""

    where: str
    section: str
    key: str
    placeholders: frozenset[str] | None  # None: not statically known


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _strs(node: ast.expr) -> list[str]:
    """String constants an expression can evaluate to (constants, `a if c else b`)."""
    return [
        n.value
        for n in ast.walk(node)
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def _keyword_placeholders(call: ast.Call) -> frozenset[str] | None:
    if any(k.arg is None for k in call.keywords):
        return None
    return frozenset(k.arg for k in call.keywords if k.arg is not None)


def _dict_placeholders(call: ast.Call) -> frozenset[str] | None:
    for keyword in call.keywords:
        if keyword.arg == "translation_placeholders":
            value = keyword.value
            if isinstance(value, ast.Dict) and all(
                isinstance(k, ast.Constant) for k in value.keys
            ):
                return frozenset(
                    str(k.value) for k in value.keys if isinstance(k, ast.Constant)
                )
            return None
    return frozenset()


def _local_strings(scope: ast.AST) -> dict[str, list[str]]:
    """Names assigned string constants in a function (to resolve `key` variables)."""
    found: dict[str, list[str]] = {}
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).extend(_strs(node.value))
    return found


def _calls_with_scope(tree: ast.Module) -> Iterator[tuple[ast.Call, ast.AST]]:
    scopes: list[ast.AST] = [tree]
    scopes += [
        n
        for n in ast.walk(tree)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    seen: set[int] = set()
    # Innermost scope first, so a call is resolved against its own function.
    for scope in reversed(scopes):
        for node in ast.walk(scope):
            if isinstance(node, ast.Call) and id(node) not in seen:
                seen.add(id(node))
                yield node, scope


def _key_uses() -> list[KeyUse]:
    uses: list[KeyUse] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call, scope in _calls_with_scope(tree):
            name = _name(call.func)
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if name in EXCEPTION_CLASSES or name == "async_create_issue":
                section = "issues" if name == "async_create_issue" else "exceptions"
                uses.extend(
                    KeyUse(where, section, key.value, _dict_placeholders(call))
                    for key in (
                        k.value for k in call.keywords if k.arg == "translation_key"
                    )
                    if isinstance(key, ast.Constant) and isinstance(key.value, str)
                )
            elif name in KEY_FIRST_CALLS and call.args:
                first = call.args[0]
                if isinstance(first, ast.Name):
                    keys = _local_strings(scope).get(first.id, [])
                else:
                    keys = _strs(first)
                placeholders = _keyword_placeholders(call)
                uses.extend(KeyUse(where, "exceptions", k, placeholders) for k in keys)
    return uses


def test_repair_issue_keys_exist_with_a_fix_flow() -> None:
    """The stored-log issues (key chosen at run time) are translated and fixable."""
    issues = _strings()["issues"]
    for key in ISSUE_KEYS:
        assert {"title", "description", "fix_flow"} <= set(issues[key]), key
        assert set(issues[key]["fix_flow"]["step"]) == {"confirm"}
    assert set(issues) == set(ISSUE_KEYS)


def test_code_translation_keys_exist() -> None:
    """Every exception/issue translation key raised in the code is in strings.json."""
    strings = _strings()
    uses = _key_uses()
    found = {u.key for u in uses}

    # The scan must see the known raise sites, or it checks nothing.
    assert {"save_failed", "no_sessions", "unknown_session", "entry_required"} <= found
    assert {"unknown_exercise", "performed_in_future"} <= found
    missing = [u for u in uses if u.key not in strings.get(u.section, {})]
    assert not missing
    for use in uses:
        text = strings[use.section][use.key]
        if use.section == "exceptions":
            assert text.get("message"), use
        else:
            assert text.get("title"), use
            assert text.get("description"), use


def test_code_translation_placeholders_provided() -> None:
    """Placeholders of a message are passed wherever the key is raised."""
    strings = _strings()
    problems = []
    for use in _key_uses():
        if use.placeholders is None:
            continue
        needed: set[str] = set()
        for text in strings.get(use.section, {}).get(use.key, {}).values():
            needed |= _placeholders(text)
        if not needed <= use.placeholders:
            problems.append((use, needed - use.placeholders))

    assert not problems


def test_no_unused_exception_translations() -> None:
    """Every exception message in strings.json is raised somewhere."""
    used = {u.key for u in _key_uses() if u.section == "exceptions"}

    assert set(_strings()["exceptions"]) <= used


# --- config flow keys ------------------------------------------------------


def _error_values(node: ast.AST) -> list[str]:
    """Strings put into `errors`: `errors[k] = "x"` or `errors = {...: "x"}`."""
    if isinstance(node, ast.Assign):
        targets, value = node.targets, node.value
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        targets, value = [node.target], node.value
    else:
        return []
    found: list[str] = []
    for target in targets:
        if isinstance(target, ast.Subscript) and _name(target.value) == "errors":
            found += _strs(value)
        elif isinstance(target, ast.Name) and target.id == "errors":
            for part in ast.walk(value):
                if isinstance(part, ast.Dict):
                    for item in part.values:
                        found += _strs(item)
    return found


def _flow_keys() -> dict[str, set[str]]:
    """Error and abort keys in config_flow.py and plan_form.py, by strings.json section."""
    tree = ast.parse((PACKAGE / "config_flow.py").read_text(encoding="utf-8"))
    keys: dict[str, set[str]] = {
        "config.error": set(),
        "config.abort": set(),
        "options.error": set(),
        "options.abort": set(),
    }

    def collect(scope: ast.AST, kinds: tuple[str, ...]) -> None:
        for node in ast.walk(scope):
            errors = _error_values(node)
            for kind in kinds:
                keys[f"{kind}.error"].update(errors)
            if isinstance(node, ast.Call):
                name = _name(node.func)
                abort: list[str] = []
                if name == "_abort_if_unique_id_configured":
                    abort = ["already_configured"]
                elif name == "async_update_reload_and_abort":
                    abort = ["reconfigure_successful"]
                elif name == "async_abort":
                    abort = [
                        s
                        for k in node.keywords
                        if k.arg == "reason"
                        for s in _strs(k.value)
                    ]
                for kind in kinds:
                    keys[f"{kind}.abort"].update(abort)

    shared = ast.parse((PACKAGE / "plan_form.py").read_text(encoding="utf-8"))
    for node in [*tree.body, *shared.body]:
        if isinstance(node, ast.ClassDef):
            options = any("OptionsFlow" in _name(b) for b in node.bases)
            collect(node, ("options",) if options else ("config",))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            # Module-level helpers serve both flows.
            collect(node, ("config", "options"))
    return keys


def test_flow_error_and_abort_keys_translated() -> None:
    """Every error and abort reason of the flows is translated in its section."""
    strings = _strings()
    keys = _flow_keys()

    assert {"no_training_days", "name_required"} <= keys["config.error"]
    assert "target_infeasible" in keys["options.error"]
    assert {"already_configured", "reconfigure_successful"} <= keys["config.abort"]
    for section, used in keys.items():
        flow, kind = section.split(".")
        available = strings.get(flow, {}).get(kind, {})
        assert used <= set(available), (section, used - set(available))
        assert all(available[k] for k in used)
