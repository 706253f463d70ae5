"""The write stage: {relative path: Markdown} -> files under ``build/docs/<lang>/``.

Only files whose bytes changed are written, so an unchanged page keeps its mtime and an
incremental ``mkdocs build --dirty`` rebuilds only what changed. Each file is written to
a temporary file beside it and renamed over the old one, so no page is ever half-written.
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


def write_pages(pages: dict[str, str], docs_dir: Path, kept: Iterable[str] = ()) -> WriteReport:
    """Make ``docs_dir`` hold exactly ``pages`` (as far as ``.md`` files go), and ``kept``:
    pages known to be right already (an incremental build's unchanged pages), not removed."""
    written, unchanged = [], []
    for relative, markdown in sorted(pages.items()):
        if write_if_changed(docs_dir / relative, markdown.encode("utf-8")):
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
