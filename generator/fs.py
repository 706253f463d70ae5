"""Writing files so that no reader ever sees one half-written.

Every file the generator writes goes through here: a temporary file beside the target,
renamed over it (a rename replaces a file in one step on POSIX file systems). And
reading back the JSON records a build keeps, where an unreadable one is an absent one.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SITE_FILE_MODE = 0o644
"""A file of the site is for everyone to read (a temporary file is made private)."""


def write_file_atomically(path: Path, data: bytes | Iterable[bytes], *, durable: bool = False) -> None:
    """Replace ``path`` by a file holding ``data`` (bytes, or pieces of them written one
    after the other) in one step: readers see the old file or the new one, never half of
    either.

    ``durable``: the bytes are on disk before the rename (``fsync``), so that a crash
    right after cannot leave an empty file in place of the old one. For the user's own
    files (``meps.yml``, imported texts); the build's files can be made again.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, bytes):
                stream.write(data)
            else:
                stream.writelines(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def holds_bytes(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a file with exactly ``data`` (sizes compared first, unread)."""
    return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data


def write_if_changed(path: Path, data: bytes, mode: int | None = None) -> bool:
    """Write ``data`` to ``path`` atomically unless it holds those bytes already (its mtime
    then stays); ``mode``: the written file's. True if written."""
    if holds_bytes(path, data):
        return False
    write_file_atomically(path, data)
    if mode is not None:
        path.chmod(mode)
    return True


def create_file(path: Path | str, data: bytes, mode: int | None = None) -> bool:
    """Write ``data`` to ``path`` if there is no file there (else False, nothing written);
    ``mode``: the new file's.

    Straight into the file, not through a temporary one: there is no old file for a
    reader to see, and one file is made instead of two and a rename. A write that fails
    (a full disk) leaves no file behind. By the descriptor alone (no file object, no
    second look-up of the path for its mode): a build makes tens of thousands of files.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except FileExistsError:
        return False
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if mode is not None:
                os.fchmod(fd, mode)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    return True


def read_json(path: Path) -> Any:
    """The JSON value in ``path``; None where the file is missing or is not JSON (a
    build's record is a cache: one it cannot read is one it does not have)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def read_string_mapping(path: Path) -> dict[str, str]:
    """The JSON object of strings in ``path`` (``read_json``); empty for anything else."""
    data = read_json(path)
    return data if isinstance(data, dict) and all(isinstance(value, str) for value in data.values()) else {}
