"""Shared fixtures: a real Home Assistant core with one coach entry."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Iterator, MutableMapping
from contextlib import asynccontextmanager
from copy import deepcopy
import json
import logging
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.util.read_only_dict import ReadOnlyDict
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.syrupy import (
    HomeAssistantSnapshotExtension,
    HomeAssistantSnapshotSerializer,
)
from syrupy.assertion import SnapshotAssertion
from syrupy.location import PyTestLocation

# Import the repository's package now, so the test harness's own
# testing_config/custom_components cannot shadow it ("Integration not found").
import custom_components.hamstring_coach  # noqa: F401
from custom_components.hamstring_coach.const import DOMAIN

TIME_ZONE = "Europe/Berlin"
START = "2026-11-23T10:00:00+01:00"  # a Monday morning in Berlin

OPTIONS = {
    "program": "strength_2day",
    "training_days": ["mon", "thu"],
    "training_time": "18:00:00",
    "weight_unit": "kg",
    "program_start": "2026-11-23",
}


class StorageView(MutableMapping[str, Any]):
    """phcc's in-memory storage, except the coach's files, which are real.

    The coach reads and writes `.storage/hamstring_coach.*` itself (with
    plain `os` calls), so its keys here are the real files under the test's
    config dir, parsed on every read; every other key is phcc's mock.
    """

    def __init__(self, mocked: dict[str, Any], config_dir: Path) -> None:
        """Wrap phcc's dict; the coach's files live under `config_dir`."""
        self._mocked = mocked
        self.config_dir = config_dir
        self.hass: HomeAssistant | None = None

    def path(self, key: str) -> Path:
        """The file of a coach key under the current config dir."""
        base = (
            Path(self.hass.config.config_dir)
            if self.hass is not None
            else self.config_dir
        )
        return base / ".storage" / key

    @staticmethod
    def _ours(key: str) -> bool:
        return key.startswith(f"{DOMAIN}.")

    def __getitem__(self, key: str) -> Any:
        """The parsed file (a coach key) or phcc's value."""
        if not self._ours(key):
            return self._mocked[key]
        try:
            return json.loads(self.path(key).read_bytes())
        except FileNotFoundError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: Any) -> None:
        """Write a coach file (as a person's old file would be) or phcc's value."""
        if not self._ours(key):
            self._mocked[key] = value
            return
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")

    def __delitem__(self, key: str) -> None:
        """Delete a coach file or phcc's value."""
        if not self._ours(key):
            del self._mocked[key]
        else:
            self.path(key).unlink()

    def _files(self) -> list[str]:
        folder = self.path(DOMAIN).parent
        if not folder.is_dir():
            return []
        return [
            p.name
            for p in folder.iterdir()
            if self._ours(p.name) and p.name.count(".") == 1
        ]

    def __iter__(self) -> Iterator[str]:
        """Phcc's keys and the coach's files."""
        return iter([*self._mocked, *self._files()])

    def __len__(self) -> int:
        """How many keys there are."""
        return len(self._mocked) + len(self._files())

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        """A plain snapshot of every key (files parsed now)."""
        return {key: deepcopy(self[key], memo) for key in self}


@pytest.fixture
def hass_storage(
    hass_storage: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> StorageView:
    """The phcc storage mock, with the coach's own files real (see `StorageView`)."""
    return StorageView(hass_storage, tmp_path_factory.mktemp("config"))


@pytest.fixture(autouse=True)
def _custom_integrations(request: pytest.FixtureRequest) -> None:
    """Enable custom integrations and give each test its own config dir."""
    if "recorder_mock" in request.fixturenames:
        # The recorder must be prepared before Home Assistant starts.
        request.getfixturevalue("recorder_mock")
    if "hass" in request.fixturenames:
        hass: HomeAssistant = request.getfixturevalue("hass")
        storage: StorageView = request.getfixturevalue("hass_storage")
        hass.config.config_dir = str(storage.config_dir)
        storage.hass = hass
        request.getfixturevalue("enable_custom_integrations")


DEPRECATION_MARKERS = ("deprecated", "will stop working")
OUR_CODE = ("hamstring_coach", "tests/", "tests.")


def deprecation_reports(records: list[logging.LogRecord]) -> list[str]:
    """Home Assistant's deprecation reports that point at this repository."""
    found = []
    for record in records:
        message = record.getMessage()
        lowered = message.lower()
        if (
            record.levelno >= logging.WARNING
            and any(marker in lowered for marker in DEPRECATION_MARKERS)
            and any(ours in message for ours in OUR_CODE)
        ):
            found.append(message)
    return found


@pytest.fixture(autouse=True)
def _no_deprecated_calls(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fail a test whose log reports deprecated use by the integration or tests.

    Home Assistant logs "Detected code that calls ... which is deprecated" /
    "... will stop working in Home Assistant ..." (helpers/frame.py) naming the
    integration or file; any such record about our code fails the test.
    """
    yield
    reports = [
        message
        for when in ("setup", "call", "teardown")
        for message in deprecation_reports(caplog.get_records(when))
    ]
    if reports:
        pytest.fail("deprecated API used:\n" + "\n".join(reports))


def make_entry(title: str = "Alex", **options: object) -> MockConfigEntry:
    """A coach entry for one person."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=title,
        unique_id=title.lower(),
        data={"name": title},
        options={**OPTIONS, **options},
    )


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """The default entry: Alex, strength_2day, Mon/Thu 18:00."""
    return make_entry()


@asynccontextmanager
async def running_entry(
    hass: HomeAssistant, entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> AsyncIterator[MockConfigEntry]:
    """The entry set up on Monday 23 Nov 2026, 10:00 Berlin time.

    On leaving, work the test started (a reload after an options change,
    say) is finished and the entry unloaded, so no boundary timer outlives
    the test whatever order the event loop ran things in.
    """
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    yield entry
    await hass.async_block_till_done()
    if entry.state is ConfigEntryState.LOADED:
        assert await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()


@pytest.fixture
async def init_integration(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> AsyncGenerator[MockConfigEntry]:
    """Alex's coach, set up and torn down by `running_entry`."""
    async with running_entry(hass, mock_config_entry, freezer) as entry:
        yield entry


class LaneNeutralSerializer(HomeAssistantSnapshotSerializer):
    """Home Assistant's serializer, with registry entries in one form for both lanes.

    Newer releases keep an entity's aliases as a list (older: a set) with a
    `None` standing for the entity's own name, add a `compat_name`, and key
    state attributes and capabilities by `StrEnum` members (older: plain
    strings); none of that is ours, so one snapshot serves every supported line.
    """

    @classmethod
    def _serializable_state(cls, data: Any) -> Any:
        serialized = super()._serializable_state(data)
        serialized["attributes"] = ReadOnlyDict(
            {str(key): value for key, value in serialized["attributes"].items()}
        )
        return serialized

    @classmethod
    def _serializable_entity_registry_entry(cls, data: Any) -> Any:
        serialized = super()._serializable_entity_registry_entry(data)
        serialized.pop("compat_name", None)
        if isinstance(serialized.get("capabilities"), dict):
            serialized["capabilities"] = {
                str(key): value for key, value in serialized["capabilities"].items()
            }
        serialized["aliases"] = sorted(
            str(alias) for alias in serialized.get("aliases") or () if alias is not None
        )
        return serialized


class SnapshotExtension(HomeAssistantSnapshotExtension):
    """Home Assistant's snapshot format, kept in `tests/__snapshots__/`.

    Syrupy's own folder, which newer Home Assistant test plugins use too, so
    the snapshots are found on every supported Home Assistant line.
    """

    serializer_class = LaneNeutralSerializer

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        """The `__snapshots__` folder next to the test file."""
        return str(Path(test_location.filepath).parent / "__snapshots__")


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Snapshots with Home Assistant's serializer in `tests/__snapshots__/`."""
    return snapshot.use_extension(SnapshotExtension)
