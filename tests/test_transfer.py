"""export_history / import_history through Home Assistant, with real files."""

from __future__ import annotations

from copy import deepcopy
import json
from pathlib import Path
import shutil
from typing import Any

from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError, Unauthorized
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.const import DOMAIN

from .conftest import make_entry

FIXTURES = Path(__file__).parent / "fixtures" / "import"


async def call(hass: HomeAssistant, service: str, data: dict[str, Any]) -> Any:
    """Call one of our actions with a response."""
    return await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=True
    )


@pytest.fixture
def allowed(hass: HomeAssistant, tmp_path: Path) -> Path:
    """A folder Home Assistant allows."""
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    return tmp_path


async def test_export_json_and_import_into_another_coach(
    hass: HomeAssistant, init_integration: MockConfigEntry, allowed: Path
) -> None:
    """A JSON export re-imports completely; a second import adds nothing."""
    await call(
        hass, "log_session", {"performed_at": "2026-11-16T18:00:00+01:00", "rpe": 7}
    )
    await call(
        hass,
        "log_session",
        {"performed_at": "2026-11-19T18:00:00+01:00", "notes": "ok"},
    )
    target = allowed / "history.json"
    exported = await call(hass, "export_history", {"path": str(target)})
    assert exported == {"path": str(target), "format": "json", "sessions": 2}
    document = json.loads(target.read_text())
    assert document["format"] == "hamstring_coach"
    assert len(document["sessions"]) == 2
    sam = make_entry("Sam")
    sam.add_to_hass(hass)
    assert await hass.config_entries.async_setup(sam.entry_id)
    await hass.async_block_till_done()
    first = await call(
        hass, "import_history", {"config_entry_id": sam.entry_id, "path": str(target)}
    )
    assert (first["added"], first["duplicates"], first["errors"]) == (2, 0, [])
    again = await call(
        hass, "import_history", {"config_entry_id": sam.entry_id, "path": str(target)}
    )
    assert (again["added"], again["duplicates"]) == (0, 2)
    alex = await call(
        hass, "get_history", {"config_entry_id": init_integration.entry_id}
    )
    copied = await call(hass, "get_history", {"config_entry_id": sam.entry_id})
    assert copied["sessions"] == alex["sessions"]


async def test_export_csv_one_row_per_set(
    hass: HomeAssistant, init_integration: MockConfigEntry, allowed: Path
) -> None:
    """CSV: one row per set with the Strong/Hevy-style columns."""
    await call(
        hass,
        "log_session",
        {
            "performed_at": "2026-11-16T18:00:00+01:00",
            "exercises": [
                {"exercise": "romanian_deadlift", "sets": 3, "reps": 8, "load": 60}
            ],
        },
    )
    target = allowed / "history.csv"
    exported = await call(hass, "export_history", {"path": str(target)})
    assert exported["format"] == "csv"
    lines = target.read_text().splitlines()
    assert (
        lines[0]
        == "date,workout,exercise,exercise_id,set_order,weight,unit,reps,seconds,rpe,notes,session_id"
    )
    assert len(lines) == 4
    assert lines[1].startswith("2026-11-16T18:00:00+01:00,")
    assert ",romanian_deadlift,1,60,kg,8," in lines[1]


async def test_strong_import_dry_run_then_real(
    hass: HomeAssistant, init_integration: MockConfigEntry, allowed: Path
) -> None:
    """A Strong export: dry run reports, the real run stores, both report unknowns."""
    source = allowed / "strong.csv"
    shutil.copy(FIXTURES / "strong.csv", source)
    dry = await call(hass, "import_history", {"path": str(source), "dry_run": True})
    assert dry["format"] == "strong"
    assert dry["added"] == 0
    assert dry["would_add"] == dry["sessions_found"] > 0
    assert (await call(hass, "get_history", {}))["sessions"] == []
    real = await call(hass, "import_history", {"path": str(source)})
    assert real["added"] == dry["would_add"]
    assert real["unknown_exercises"] == dry["unknown_exercises"]
    history = await call(hass, "get_history", {})
    assert len(history["sessions"]) == real["added"]
    assert all(s["source"] == "import" for s in history["sessions"])


async def test_invalid_import_stores_nothing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    allowed: Path,
    hass_storage: dict[str, Any],
) -> None:
    """A file with bad rows is refused whole, with a translated error."""
    source = allowed / "bad.csv"
    shutil.copy(FIXTURES / "strong_malformed.csv", source)
    before = deepcopy(hass_storage)
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "import_history", {"path": str(source)})
    assert err.value.translation_key == "import_invalid"
    assert hass_storage == before
    dry = await call(hass, "import_history", {"path": str(source), "dry_run": True})
    assert dry["errors"]
    assert all(e.startswith("row ") for e in dry["errors"])


@pytest.mark.parametrize(
    ("service", "path", "key"),
    [
        pytest.param(
            "export_history",
            "/etc/hamstring.json",
            "path_not_allowed",
            id="export-outside",
        ),
        pytest.param(
            "import_history", "/etc/passwd", "path_not_allowed", id="import-outside"
        ),
        pytest.param(
            "import_history", "relative.json", "path_not_allowed", id="relative"
        ),
        pytest.param(
            "import_history",
            "{allowed}/missing.json",
            "import_unreadable",
            id="missing-file",
        ),
        pytest.param(
            "import_history",
            "{allowed}/notes.txt",
            "import_format_unknown",
            id="unknown-format",
        ),
    ],
)
async def test_transfer_errors(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    allowed: Path,
    hass_storage: dict[str, Any],
    service: str,
    path: str,
    key: str,
) -> None:
    """Paths outside the allowlist, missing or foreign files: refused, nothing stored."""
    (allowed / "notes.txt").write_text("shopping list\nmilk\n")
    before = deepcopy(hass_storage)
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, service, {"path": path.format(allowed=allowed)})
    assert err.value.translation_key == key
    assert hass_storage == before
    assert not await hass.async_add_executor_job(Path("/etc/hamstring.json").exists)


async def test_transfer_is_admin_only(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    allowed: Path,
    hass_read_only_user: Any,
) -> None:
    """Reading and writing files needs an administrator."""
    for service in ("export_history", "import_history"):
        with pytest.raises(Unauthorized):
            await hass.services.async_call(
                DOMAIN,
                service,
                {"path": str(allowed / "x.json")},
                blocking=True,
                context=Context(user_id=hass_read_only_user.id),
            )


async def test_csv_round_trip_keeps_the_program_day(
    hass: HomeAssistant, init_integration: MockConfigEntry, allowed: Path
) -> None:
    """Our CSV names the day ("Day 2 Control"); importing it maps the name back."""
    await call(
        hass,
        "log_session",
        {"performed_at": "2026-11-16T18:00:00+01:00", "program_day": "control_day"},
    )
    target = allowed / "history.csv"
    await call(hass, "export_history", {"path": str(target)})
    assert ",Day 2 Control," in target.read_text()
    await call(hass, "delete_session", {"last": True})
    imported = await call(hass, "import_history", {"path": str(target)})
    assert (imported["added"], imported["errors"]) == (1, [])
    [session] = (await call(hass, "get_history", {}))["sessions"]
    assert (session["program_day"], session["hard"]) == ("control_day", True)
