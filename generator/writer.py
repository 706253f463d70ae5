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


def write_pages(pages: dict[str, str], docs_dir: Path, kept: Iterable[str] = ()) -> WriteReport:
    """Make ``docs_dir`` hold exactly ``pages`` (as far as ``.md`` files go), and ``kept``:
    pages known to be right already (an incremental build's unchanged pages), not removed."""
    written, unchanged = [], []
    for relative, markdown in sorted(pages.items()):
        path = docs_dir / relative
        data = markdown.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            unchanged.append(relative)
            continue
        write_file_atomically(path, data)
        written.append(relative)
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
