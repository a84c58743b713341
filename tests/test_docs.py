"""The README is the front door and docs/ the reference; both stay true.

The README stays short and links every page of docs/; every relative link
and anchor resolves. The quality scale's docs-* rules are satisfied by a
heading somewhere in README.md or docs/. Actions, entities, options and
events are read from the shipped files, so a new one without documentation
fails here. Every YAML and JSON example parses, and every action call in an
example passes that action's schema (tests/test_docs_examples.py runs them).
"""

from __future__ import annotations

from collections.abc import Iterator
import importlib
import json
from pathlib import Path
import re

from homeassistant.const import Platform
from homeassistant.util.yaml import load_yaml_dict
import pytest

from custom_components.hamstring_coach import const
from custom_components.hamstring_coach.const import DOMAIN

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "custom_components" / DOMAIN
README = ROOT / "README.md"
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
README_MAX_LINES = 300

# (quality-scale rule, alternatives: any heading matching one regex satisfies it)
SECTIONS: dict[str, tuple[str, ...]] = {
    "installation": (r"^installation\b",),
    "removal": (r"^(removal|remov|uninstall)",),
    "configuration": (r"^configuration\b",),
    "options": (r"^options\b",),
    "actions": (r"^actions\b",),
    "data updates": (r"^data updates?\b",),
    "examples": (r"^examples?\b",),
    "known limitations": (r"^known limitations\b",),
    "troubleshooting": (r"^troubleshooting\b",),
    "supported functions": (r"^(supported functions|entities)\b",),
    "use cases": (r"^use cases\b",),
}

# Where each kind of reference lives.
ACTIONS_PAGE = DOCS / "actions.md"
ENTITIES_PAGE = DOCS / "entities.md"
CONFIGURATION_PAGE = DOCS / "configuration.md"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _all_text() -> str:
    return "\n".join(_read(p) for p in (README, *PAGES))


def _outside_fences(text: str) -> Iterator[str]:
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            yield line


def _headings(text: str) -> list[tuple[int, str]]:
    """(level, text) of every Markdown heading outside code fences."""
    return [
        (len(match.group(1)), match.group(2).strip())
        for line in _outside_fences(text)
        if (match := re.match(r"^(#{1,6})\s+(.*?)\s*#*$", line))
    ]


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: 'Progression (R4)' -> 'progression-r4'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    return {anchor(text) for _, text in _headings(_read(path))}


def _section(path: Path, title: str) -> str:
    """The text under a heading, up to the next heading of the same or higher level."""
    match = re.search(
        rf"^(#+)\s+{re.escape(title)}\s*$(.*?)(?=^#{{1,2}}\s|\Z)",
        _read(path),
        re.M | re.S | re.I,
    )
    return match.group(2) if match else ""


def _links(path: Path) -> list[str]:
    """Targets of the Markdown links and images of a file, outside code."""
    text = "\n".join(_outside_fences(_read(path)))
    text = re.sub(r"`[^`]*`", "", text)
    return re.findall(r"\]\(([^)\s]+)\)", text)


def _services() -> list[str]:
    return sorted(load_yaml_dict(PACKAGE / "services.yaml"))


def _is_description(value: object) -> bool:
    # By name: frozen_dataclass_compat may build a twin EntityDescription class.
    return any(cls.__name__ == "EntityDescription" for cls in type(value).__mro__)


def _entity_ids() -> list[str]:
    """`<platform>.<key>` of every entity description of every platform."""
    found: set[str] = set()
    for platform in Platform:
        if not (PACKAGE / f"{platform}.py").is_file():
            continue
        module = importlib.import_module(f"custom_components.{DOMAIN}.{platform}")
        for value in vars(module).values():
            values = value if isinstance(value, tuple) else (value,)
            found.update(
                f"{platform}.{item.key}" for item in values if _is_description(item)
            )
    return sorted(found)


def _option_keys() -> list[str]:
    """Keys of every field of the user, reconfigure and options forms."""
    source = "".join(
        _read(path) for path in (PACKAGE / "config_flow.py", *PACKAGE.glob("*form*.py"))
    )
    names = set(re.findall(r"vol\.(?:Required|Optional)\(\s*(CONF_\w+)", source))
    keys = {
        str(getattr(const, name, name.removeprefix("CONF_").lower())) for name in names
    }
    return sorted(keys)


def _option_labels() -> dict[str, set[str]]:
    strings = json.loads(_read(PACKAGE / "strings.json"))
    labels: dict[str, set[str]] = {}
    steps = [
        *strings["config"]["step"].values(),
        *strings["options"]["step"].values(),
    ]
    for step in steps:
        for key, label in step.get("data", {}).items():
            labels.setdefault(key, set()).add(label)
    return labels


def _event_constants() -> list[str]:
    return sorted(name for name in vars(const) if name.startswith("EVENT_"))


def code_blocks(language: str) -> Iterator[tuple[str, int, str]]:
    """(file name, line, text) of every fenced block in `language`."""
    for path in (README, *PAGES):
        lines = _read(path).splitlines()
        start: int | None = None
        indent = 0
        for number, line in enumerate(lines, start=1):
            stripped = line.strip()
            if start is None and stripped == f"```{language}":
                start, indent = number, len(line) - len(line.lstrip())
            elif start is not None and stripped == "```":
                body = "\n".join(x[indent:] for x in lines[start : number - 1])
                yield path.relative_to(ROOT).as_posix(), start, body
                start = None


# --- the front door --------------------------------------------------------


def test_high_level_description() -> None:
    """docs-high-level-description: an H1 with the name and a real first paragraph."""
    headings = _headings(_read(README))
    assert headings[0] == (1, "Hamstring Coach")
    intro = _read(README).split("\n\n")[1]
    assert len(intro) > 200
    assert "Home Assistant" in intro


def test_readme_is_short() -> None:
    """The README is a front door, not the reference."""
    assert len(_read(README).splitlines()) <= README_MAX_LINES


def test_readme_has_screenshot_and_the_two_commands() -> None:
    """What it looks like, and how a contributor starts."""
    text = _read(README)
    assert re.search(r"!\[[^\]]+\]\(docs/screenshots/[\w-]+\.png\)", text)
    development = _section(README, "Development")
    assert "scripts/develop" in development
    assert "scripts/test" in development


@pytest.mark.parametrize("page", [p.name for p in PAGES])
def test_every_page_is_linked_from_the_readme(page: str) -> None:
    """Nothing in docs/ is hidden: the README links every page."""
    assert f"docs/{page}" in _links(README)


@pytest.mark.parametrize(
    "path",
    [README, *PAGES],
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_relative_links_resolve(path: Path) -> None:
    """Every relative link points at a file that exists, and at a heading in it."""
    broken = []
    for target in _links(path):
        if re.match(r"^[a-z]+:", target):
            continue
        file_part, _, fragment = target.partition("#")
        file = (path.parent / file_part).resolve() if file_part else path
        missing_heading = (
            file.exists()
            and bool(fragment)
            and file.suffix == ".md"
            and fragment not in _anchors(file)
        )
        if not file.exists() or missing_heading:
            broken.append(target)
    assert not broken


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_section_present(section: str) -> None:
    """Each docs-* rule has its section (a heading, any level, any page)."""
    titles = [text.lower() for _, text in _headings(_all_text())]
    assert any(
        re.search(pattern, title) for pattern in SECTIONS[section] for title in titles
    ), f"no heading for {section!r}"


def test_installation_names_minimum_version() -> None:
    """docs-installation-instructions: the minimum version matches hacs.json."""
    hacs = json.loads(_read(ROOT / "hacs.json"))
    assert f"Home Assistant {hacs['homeassistant']} or newer" in _section(
        README, "Installation"
    )


# --- everything shipped is documented --------------------------------------


@pytest.mark.parametrize("service", _services())
def test_action_documented(service: str) -> None:
    """docs-actions: every action in services.yaml has its heading in actions.md."""
    titles = [text for _, text in _headings(_read(ACTIONS_PAGE))]
    assert f"`{DOMAIN}.{service}`" in titles


@pytest.mark.parametrize("entity", _entity_ids())
def test_entity_documented(entity: str) -> None:
    """docs-supported-functions: every entity appears as `<platform>.<name>_<key>`."""
    platform, key = entity.split(".", 1)
    assert f"{platform}.<name>_{key}" in _read(ENTITIES_PAGE)


@pytest.mark.parametrize("option", _option_keys())
def test_option_documented(option: str) -> None:
    """docs-configuration-parameters: every form field, by key or by label."""
    text = _read(CONFIGURATION_PAGE).lower()
    names = {option, *_option_labels().get(option, set())}
    assert any(name.lower() in text for name in names), names


@pytest.mark.parametrize("constant", _event_constants())
def test_event_documented(constant: str) -> None:
    """docs-supported-functions: every bus event is on the entities page."""
    assert f"`{getattr(const, constant)}`" in _read(ENTITIES_PAGE)


# --- the examples are valid ------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(body, id=f"{where}:{line}")
        for where, line, body in code_blocks("json")
    ],
)
def test_json_examples_parse(body: str) -> None:
    """Every JSON example is valid JSON."""
    assert json.loads(body) is not None


# --- the limitations describe the code that ships --------------------------

STALE_CLAIMS = {
    # feature: (evidence that it ships, phrase that says it does not)
    "progression": ("core/progression.py", "No progression yet"),
    "rehab phases": ("services.yaml:set_phase", "rehab program stays in phase 1"),
    "hard run day": ("const.py:CONF_HARD_RUN_DAY", "a configurable hard run day"),
    "diagnostics": ("diagnostics.py", "Diagnostics (with notes redacted)"),
}


def _ships(evidence: str) -> bool:
    path, _, needle = evidence.partition(":")
    file = PACKAGE / path
    return file.is_file() and needle in _read(file)


@pytest.mark.parametrize("feature", sorted(STALE_CLAIMS))
def test_limitations_not_stale(feature: str) -> None:
    """docs-known-limitations: nothing that ships is listed as missing."""
    evidence, phrase = STALE_CLAIMS[feature]
    assert _ships(evidence), f"{feature}: evidence {evidence} not found"
    assert phrase.lower() not in _all_text().lower()


# A limitation may not deny a feature another page documents: (word in a
# limitation, page and heading that document the feature).
DOCUMENTED_FEATURES = {
    "blueprint": ("automations.md", "Automation blueprints"),
    "export": ("actions.md", f"`{DOMAIN}.export_history`"),
    "import": ("actions.md", f"`{DOMAIN}.import_history`"),
    "edit": ("actions.md", f"`{DOMAIN}.update_session`"),
    "long-term statistics": ("entities.md", "Long-term statistics"),
    "diagnostics": ("data-and-privacy.md", "Diagnostics"),
    "card": ("dashboard.md", "Dashboard card"),
    "voice": ("voice.md", "Voice (Assist and LLM agents)"),
}
NEGATION = re.compile(r"\b(no|not|never|cannot|without)\b|n't\b", re.I)


def limitation_denials(text: str) -> list[str]:
    """Sentences of the Known limitations bullets that deny a documented feature."""
    section = re.search(
        r"^## Known limitations\s*$(.*?)(?=^#{1,2}\s|\Z)", text, re.M | re.S
    )
    assert section is not None
    bullets = re.split(r"^- ", section.group(1), flags=re.M)[1:]
    found = []
    for bullet in bullets:
        for sentence in re.split(r"(?<=[.;:])\s+", " ".join(bullet.split())):
            words = [
                word
                for word in DOCUMENTED_FEATURES
                if re.search(rf"\b{word}", sentence, re.I)
            ]
            if words and NEGATION.search(sentence):
                found.append(f"{words}: {sentence}")
    return found


def test_known_limitations_deny_no_documented_feature() -> None:
    """docs-known-limitations: no "there is no X" for an X the docs describe."""
    for page, heading in DOCUMENTED_FEATURES.values():
        assert heading in [t for _, t in _headings(_read(DOCS / page))], heading
    assert limitation_denials(_read(DOCS / "troubleshooting.md")) == []


@pytest.mark.parametrize(
    "claim",
    [
        "- There's no automation blueprint and no export of the log.",
        "- Sessions can be logged and deleted but not edited.",
        "- Sessions aren't written to long-term statistics.",
    ],
)
def test_known_limitations_check_catches_stale_claims(claim: str) -> None:
    """The check above finds the kind of claim it is there for."""
    assert limitation_denials(f"## Known limitations\n\n{claim}\n")
