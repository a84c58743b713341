"""Benchmark harness: a real Home Assistant core writing to a real temp directory.

The phcc `hass` fixture is used as is, with one change: its `hass_storage`
fixture (which patches `Store` to keep writes in a dict) is replaced by a
plain dict, so `Store.async_save` really writes (atomically, with fsync)
under the test's `tmp_path`. local_todo writes its `.ics` file with pathlib
either way, so both integrations pay for real disk writes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
import pytest

# Import the repository's package now, so the test harness's own
# testing_config/custom_components cannot shadow it ("Integration not found").
import custom_components.hamstring_coach  # noqa: F401

from ._support import RESULTS, TIME_ZONE, build_rows, enforcing, machine, render, sizes

README = Path(__file__).with_name("README.md")
START_MARK, END_MARK = "<!-- bench:start -->", "<!-- bench:end -->"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test taking `size` once per history size of this run."""
    if "size" in metafunc.fixturenames:
        metafunc.parametrize("size", sizes(), ids=[f"n{n}" for n in sizes()])


@pytest.fixture
def hass_storage() -> dict[str, Any]:
    """Replace phcc's storage mock: `Store` writes real files (see module doc)."""
    return {}


@pytest.fixture
async def bench_hass(
    hass: HomeAssistant, enable_custom_integrations: None, tmp_path: Path
) -> HomeAssistant:
    """A running core whose config dir (and `.storage/`) is a fresh temp dir."""
    hass.config.config_dir = str(tmp_path)
    (tmp_path / ".storage").mkdir()
    await hass.config.async_set_time_zone(TIME_ZONE)
    return hass


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Build the summary, keep it on disk, and fail the run on a missed goal."""
    if not RESULTS.timings and not RESULTS.values:
        return
    rows, failed = build_rows(RESULTS)
    table = render(rows)
    where = f"Machine: {machine()}. Sizes: {', '.join(f'{n:,}' for n in sizes())}."
    mode = "goals enforced" if enforcing() else "smoke run: goals not enforced"
    text = f"{where} ({mode})\n\n{table}\n"
    if RESULTS.notes:
        text += "\n" + "\n".join(f"- {note}" for note in RESULTS.notes) + "\n"
    session.config.stash[_SUMMARY] = (text, failed)
    out = Path(session.config.rootpath, ".benchmarks")
    out.mkdir(exist_ok=True)
    name = "latest" if enforcing() else "smoke"
    (out / f"hamstring_coach_{name}.md").write_text(text, encoding="utf-8")
    if os.environ.get("HC_BENCH_README") == "1":
        _update_readme(text)
    if enforcing() and failed and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_SUMMARY = pytest.StashKey[tuple[str, list[str]]]()


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Print the summary table after pytest-benchmark's own tables."""
    summary = config.stash.get(_SUMMARY, None)
    if summary is None:
        return
    text, failed = summary
    terminalreporter.write_sep("=", "Hamstring Coach benchmarks")
    terminalreporter.write_line(text)
    if failed and enforcing():
        terminalreporter.write_line("GOALS MISSED: " + "; ".join(failed), red=True)
    elif failed:
        terminalreporter.write_line("(smoke run) would miss: " + "; ".join(failed))
    else:
        terminalreporter.write_line("All measured goals met.", green=True)


def _update_readme(text: str) -> None:
    """Replace the latest results between the markers of benchmarks/README.md."""
    current = README.read_text(encoding="utf-8")
    if START_MARK not in current or END_MARK not in current:
        return
    head, rest = current.split(START_MARK, 1)
    _, tail = rest.split(END_MARK, 1)
    README.write_text(f"{head}{START_MARK}\n{text}{END_MARK}{tail}", encoding="utf-8")
