"""Release material: brand images, changelog, version pins and CI workflows."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
import re
from typing import Any

from awesomeversion import AwesomeVersion
from PIL import Image, ImageChops
import pytest
import yaml

from custom_components.hamstring_coach.const import DOMAIN

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "custom_components" / DOMAIN
BRAND = PACKAGE / "brand"
WORKFLOWS = ROOT / ".github" / "workflows"


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _image(name: str) -> Image.Image:
    image = Image.open(BRAND / name)
    image.load()
    return image


def _draw_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "draw_brand", ROOT / "scripts" / "draw_brand.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- brand images ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "size"), [("icon.png", 256), ("icon@2x.png", 512)], ids=["1x", "2x"]
)
def test_icon_size(name: str, size: int) -> None:
    """Icons are square PNGs: 256 px, and 512 px for @2x."""
    image = _image(name)

    assert image.format == "PNG"
    assert image.size == (size, size)


@pytest.mark.parametrize(
    ("name", "height"), [("logo.png", 128), ("logo@2x.png", 256)], ids=["1x", "2x"]
)
def test_logo_size(name: str, height: int) -> None:
    """Logos are landscape PNGs whose shortest side is 128 px (256 px @2x)."""
    image = _image(name)

    assert image.format == "PNG"
    assert image.height == height
    assert height < image.width <= 4 * height


def test_logo_2x_doubles_logo() -> None:
    """logo@2x.png is logo.png at twice the size (within rounding)."""
    small, large = _image("logo.png"), _image("logo@2x.png")

    assert large.height == 2 * small.height
    assert abs(large.width - 2 * small.width) <= 2


@pytest.mark.parametrize("name", ["icon.png", "icon@2x.png", "logo.png", "logo@2x.png"])
def test_brand_has_transparency(name: str) -> None:
    """Every image has an alpha channel with transparent background pixels."""
    image = _image(name)

    assert image.mode == "RGBA"
    low, high = image.getchannel("A").getextrema()
    assert low == 0
    assert high == 255
    assert image.getpixel((0, 0))[3] == 0  # a corner outside the rounded tile


def test_brand_is_trimmed() -> None:
    """No empty transparent margin around the content (brands guideline)."""
    for name in ("icon.png", "icon@2x.png", "logo.png", "logo@2x.png"):
        image = _image(name)
        assert image.getchannel("A").getbbox() == (0, 0, *image.size), name


@pytest.mark.parametrize(("name", "size"), [("icon.png", 256), ("icon@2x.png", 512)])
def test_icons_reproducible(name: str, size: int) -> None:
    """scripts/draw_brand.py draws exactly the committed icons (no text, no font)."""
    drawn = _draw_module()._mark(size)

    assert ImageChops.difference(drawn, _image(name)).getbbox() is None


# --- changelog and version pins --------------------------------------------


def _changelog_versions() -> list[str]:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return re.findall(r"^## \[(\d+\.\d+\.\d+[^\]]*)\]", text, re.M)


def test_changelog_top_version_is_manifest_version() -> None:
    """The newest released entry in CHANGELOG.md is manifest.json's version."""
    versions = _changelog_versions()

    assert versions, "no version entry in CHANGELOG.md"
    assert versions[0] == _json(PACKAGE / "manifest.json")["version"]


def test_changelog_versions_descend() -> None:
    """Entries are newest first, each version once."""
    versions = [AwesomeVersion(v) for v in _changelog_versions()]

    assert versions == sorted(versions, reverse=True)
    assert len(set(versions)) == len(versions)


def test_changelog_has_link_for_each_version() -> None:
    """Keep a Changelog: each `## [x]` heading has a `[x]: url` reference."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")

    for version in ["Unreleased", *_changelog_versions()]:
        assert re.search(rf"^\[{re.escape(version)}\]: https://", text, re.M), version


def _pinned_homeassistant() -> str:
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    match = re.search(r"^homeassistant==(\S+)", text, re.M)
    assert match, "homeassistant is not pinned in requirements.txt"
    return match.group(1)


def test_hacs_minimum_not_above_pinned_homeassistant() -> None:
    """hacs.json's minimum Home Assistant is not newer than the tested pin."""
    minimum = AwesomeVersion(_json(ROOT / "hacs.json")["homeassistant"])

    assert minimum <= AwesomeVersion(_pinned_homeassistant())


# --- GitHub workflows ------------------------------------------------------


def _workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize("name", ["hassfest.yaml", "hacs.yaml", "tests.yaml"])
def test_workflow_structure(name: str) -> None:
    """Valid YAML with triggers and jobs; each job has runs-on and steps."""
    workflow = _workflow(name)
    # YAML 1.1 reads a bare `on` key as the boolean True.
    triggers = workflow.get("on", workflow.get(True))

    assert workflow.get("name")
    assert triggers
    assert workflow["jobs"]
    for job_id, job in workflow["jobs"].items():
        assert job.get("runs-on"), job_id
        assert job.get("steps"), job_id
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), (job_id, step)
    assert "secrets." not in (WORKFLOWS / name).read_text(encoding="utf-8")


def test_hassfest_workflow() -> None:
    """Checks out the repository, then runs hassfest."""
    uses = [step.get("uses", "") for step in _steps(_workflow("hassfest.yaml"))]

    assert uses[0].startswith("actions/checkout@")
    assert any(u.startswith("home-assistant/actions/hassfest@") for u in uses)


def test_hacs_workflow() -> None:
    """Runs the HACS action for an integration, with no checks ignored."""
    steps = [
        step
        for step in _steps(_workflow("hacs.yaml"))
        if step.get("uses", "").startswith("hacs/action@")
    ]

    assert len(steps) == 1
    assert steps[0]["with"]["category"] == "integration"
    assert "ignore" not in steps[0]["with"]


def test_tests_workflow_runs_ci_entry() -> None:
    """Runs `.ci/run` with CI=true on ubuntu-latest after a checkout."""
    workflow = _workflow("tests.yaml")
    job = next(iter(workflow["jobs"].values()))
    steps = job["steps"]
    env = {**workflow.get("env", {}), **job.get("env", {})}

    assert job["runs-on"] == "ubuntu-latest"
    assert str(env.get("CI")).lower() == "true"
    assert steps[0]["uses"].startswith("actions/checkout@")
    assert any(
        step.get("run") == "bash .ci/run --ha ${{ matrix.lane }}" for step in steps
    )
    assert (ROOT / ".ci" / "run").is_file()
    # Both lanes, each on its Python.
    lanes = {
        item["lane"]: item["python"] for item in job["strategy"]["matrix"]["include"]
    }
    assert lanes == {"min": "3.13", "latest": "3.14"}
    assert job["strategy"]["fail-fast"] is False


# --- compatibility lanes ----------------------------------------------------


def _pin(path: Path, package: str) -> str:
    match = re.search(
        rf"^{re.escape(package)}==(\S+)", path.read_text(encoding="utf-8"), re.M
    )
    assert match, f"{package} is not pinned in {path.name}"
    return match.group(1)


def test_compatibility_table_names_the_tested_releases() -> None:
    """The README's Compatibility table shows the two pinned releases."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Compatibility", 1)[1].split("\n## ", 1)[0]
    minimum = _pin(ROOT / "requirements.txt", "homeassistant")
    newest = _pin(ROOT / "requirements_latest.txt", "homeassistant")
    assert f"| min | {minimum} |" in section
    assert f"| latest | {newest} |" in section
    assert AwesomeVersion(minimum) < AwesomeVersion(newest)
    hacs = _json(ROOT / "hacs.json")["homeassistant"]
    assert f"`hacs.json`: {hacs}" in section


def test_latest_lane_frontend_matches_its_release() -> None:
    """Both lanes pin a frontend; the newest release's is newer."""
    old = _pin(ROOT / "requirements.txt", "home-assistant-frontend")
    new = _pin(ROOT / "requirements_latest.txt", "home-assistant-frontend")
    assert AwesomeVersion(new) > AwesomeVersion(old)
