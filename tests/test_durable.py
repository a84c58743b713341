"""The file seam: atomic, synced writes keeping one previous copy (plain pytest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from custom_components.hamstring_coach import durable


def test_write_keeps_the_previous_file(tmp_path: Path) -> None:
    """The second write moves the first file to the last good copy."""
    path = str(tmp_path / "store" / "log")
    first = durable.write(path, b"one", keep=None)
    assert durable.read_bytes(durable.last_good_path(path)) is None
    durable.write(path, b"two", keep=first)
    assert Path(path).read_bytes() == b"two"
    assert Path(durable.last_good_path(path)).read_bytes() == b"one"
    assert not Path(f"{path}.tmp").exists()


def test_a_file_changed_behind_our_back_is_not_kept(tmp_path: Path) -> None:
    """Only the file last written or validated becomes the last good copy."""
    path = str(tmp_path / "log")
    first = durable.write(path, b"one", keep=None)
    second = durable.write(path, b"two", keep=first)
    Path(path).write_bytes(b"damaged by hand")
    durable.write(path, b"three", keep=second)
    assert Path(durable.last_good_path(path)).read_bytes() == b"one"


def test_a_failed_write_changes_nothing(tmp_path: Path) -> None:
    """A write that cannot complete raises and leaves both files as they were."""
    path = str(tmp_path / "log")
    first = durable.write(path, b"one", keep=None)
    kept = durable.write(path, b"two", keep=first)
    Path(f"{path}.tmp").mkdir()  # the temporary file cannot be created
    with pytest.raises(IsADirectoryError):
        durable.write(path, b"three", keep=kept)
    assert Path(path).read_bytes() == b"two"
    assert Path(durable.last_good_path(path)).read_bytes() == b"one"


def test_restore_set_aside_and_remove(tmp_path: Path) -> None:
    """The helpers the loader uses, on real files."""
    path = str(tmp_path / "log")
    copy = durable.last_good_path(path)
    Path(copy).write_bytes(b"good")
    Path(path).write_bytes(b"bad")
    aside = durable.set_aside(path, "invalid.x")
    assert aside == f"{path}.invalid.x"
    assert Path(aside).read_bytes() == b"bad"
    assert durable.set_aside(path, "invalid.y") is None
    durable.restore(copy, path)
    assert Path(path).read_bytes() == b"good"
    durable.remove(path)
    assert not Path(path).exists()
    assert not Path(copy).exists()
    with pytest.raises(FileNotFoundError):
        durable.restore(copy, path)
    durable.remove(path)  # nothing left: no error
