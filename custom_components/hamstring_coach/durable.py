"""Durable files with plain `os` calls: atomic writes that keep the previous copy.

This is the coach's only file I/O seam (blocking; run it in the executor).
A write goes to `<path>.tmp`, is flushed to the disk (`fsync`), and replaces
`<path>` in one `os.replace`; the file it replaces stays as the last good copy
`<path>.last_good` (a hard link, or a copy where links are not supported), so
one generation back is always on disk. The directory is synced last, so the
rename itself survives a power cut. A failed write (a full disk, a read-only
file system) raises `OSError` and leaves both files as they were.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
import os
import shutil

LAST_GOOD = ".last_good"


def last_good_path(path: str) -> str:
    """Where the copy before the latest write is kept."""
    return path + LAST_GOOD


@dataclass(frozen=True, slots=True)
class Identity:
    """What tells a file apart from any other write of the same path."""

    inode: int
    size: int
    mtime_ns: int


def identity(path: str) -> Identity | None:
    """The file's identity, or None when it does not exist."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return Identity(st.st_ino, st.st_size, st.st_mtime_ns)


def read_bytes(path: str) -> bytes | None:
    """The file's bytes, or None when it does not exist."""
    try:
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:
        return None


def write(path: str, payload: bytes, *, keep: Identity | None) -> Identity:
    """Write `payload` atomically and durably; returns the new file's identity.

    The file being replaced becomes the last good copy only when it is the
    one `keep` names (the last one validated or written), so a file damaged
    behind the coach's back never replaces a good copy.
    """
    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    tmp = f"{path}.tmp"
    try:
        _write_synced(tmp, payload)
        if keep is not None and identity(path) == keep:
            _keep_previous(path)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_directory(directory)
    new = identity(path)
    assert new is not None  # noqa: S101 - it was just written
    return new


def _write_synced(path: str, payload: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_previous(path: str) -> None:
    staging = last_good_path(path) + ".tmp"
    with suppress(FileNotFoundError):
        os.unlink(staging)
    try:
        os.link(path, staging)
    except OSError:
        shutil.copyfile(path, staging)
    os.replace(staging, last_good_path(path))


def _sync_directory(directory: str) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def restore(source: str, path: str) -> Identity:
    """Copy a good file back into place (atomically, synced); returns its identity."""
    payload = read_bytes(source)
    if payload is None:
        raise FileNotFoundError(source)
    return write(path, payload, keep=None)


def set_aside(path: str, suffix: str) -> str | None:
    """Move a bad file out of the way; returns where it went (None: no file)."""
    target = f"{path}.{suffix}"
    try:
        os.replace(path, target)
    except FileNotFoundError:
        return None
    return target


def remove(path: str) -> None:
    """Delete the file and its last good copy."""
    for name in (path, last_good_path(path)):
        with suppress(FileNotFoundError):
            os.unlink(name)
