"""The write stage: {relative path: Markdown} -> files under ``build/docs/<lang>/``.

Only files whose bytes changed are written, so an unchanged page keeps its mtime and an
incremental ``mkdocs build --dirty`` rebuilds only what changed. A changed file is written
to a temporary file beside it and renamed over the old one, so no page is ever seen
half-written. A new page is written in its place (``create_file``): one file made instead
of two, and no rename (writing a language's 2,173 new pages at 2,000 texts: 0.18 s ->
0.125 s on disk). If the build stops half-way, the next one finds that file's
bytes wrong and writes it again (an incremental build vouches for no page until it has
written them all: ``build.write_changed_pages``).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable


@dataclass(frozen=True)
class WriteReport:
    """What ``write_pages`` did, by relative path."""

    written: tuple[str, ...]
    """New or changed files."""
    unchanged: tuple[str, ...]
    """Files left untouched because their bytes were already right."""
    removed: tuple[str, ...]
    """Stale ``.md`` files that no page produces any more."""


def write_file_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


SITE_FILE_MODE = 0o644
"""A file of the site is for everyone to read (a temporary file is made private)."""


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


def create_file(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` if there is no file there (else False, nothing written).

    Straight into the file, not through a temporary one: see the module docstring. A
    write that fails (a full disk) leaves no file behind.
    """
    try:
        stream = open(path, "xb")
    except FileExistsError:
        return False
    try:
        with stream:
            stream.write(data)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return True


def write_pages(pages: dict[str, str], docs_dir: Path, kept: Iterable[str] = ()) -> WriteReport:
    """Make ``docs_dir`` hold exactly ``pages`` (as far as ``.md`` files go), and ``kept``:
    pages known to be right already (an incremental build's unchanged pages), not removed."""
    written, unchanged, folders = [], [], set()
    for relative, markdown in sorted(pages.items()):
        path = docs_dir / relative
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        data = markdown.encode("utf-8")
        if create_file(path, data) or write_if_changed(path, data):
            written.append(relative)
        else:
            unchanged.append(relative)
    removed = []
    if docs_dir.is_dir():
        for path in sorted(docs_dir.rglob("*.md")):
            relative = path.relative_to(docs_dir).as_posix()
            if relative not in pages and relative not in kept:
                path.unlink()
                removed.append(relative)
        # Folders emptied by removals would otherwise linger forever.
        for folder in sorted((p for p in docs_dir.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
    return WriteReport(tuple(written), tuple(unchanged), tuple(removed))
