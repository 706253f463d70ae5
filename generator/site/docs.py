"""The write stage: {relative path: Markdown} -> files under ``site.build/docs/<lang>/``, the
folders MkDocs reads.

Only files whose bytes changed are written, so an unchanged page keeps its mtime and an
incremental ``mkdocs build --dirty`` rebuilds only what changed. A changed file is written
to a temporary file beside it and renamed over the old one, so no page is ever seen
half-written; a new page is written in its place (``fs.create_file``). If the build stops
half-way, the next one finds that file's bytes wrong and writes it again (an incremental
build vouches for no page until it has written them all: ``write_changed_pages`` in
``generator.commands.build``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.fs import create_file, write_if_changed
from generator.outputs import is_site_path


@dataclass(frozen=True)
class WriteReport:
    """What ``write_pages`` did, by relative path."""

    written: tuple[str, ...]
    """New or changed files."""
    unchanged: tuple[str, ...]
    """Files left untouched because their bytes were already right."""
    removed: tuple[str, ...]
    """Stale ``.md`` files that no page produces any more."""


class PageWriter:
    """Writes pages into ``docs_dir`` one at a time, as they are rendered (a language's
    pages are not all held at once), then removes the stale ones (``finish``)."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = docs_dir
        self.written: list[str] = []
        self.unchanged: list[str] = []
        self.folders: set[Path] = set()

    def write(self, relative: str, markdown: str | bytes) -> None:
        path = self.docs_dir / relative
        if path.parent not in self.folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        data = markdown.encode("utf-8") if isinstance(markdown, str) else markdown
        if create_file(path, data) or write_if_changed(path, data):
            self.written.append(relative)
        else:
            self.unchanged.append(relative)

    def finish(self, kept: Iterable[str] = (), candidates: Iterable[str] | None = None) -> WriteReport:
        """Remove the ``.md`` files neither written nor ``kept`` (pages known to be right
        already: an incremental build's unchanged pages), and the folders they leave empty.
        ``candidates``: every page the folder may hold (the last build's, when its record
        says): only those are looked for, without walking the folder (seconds at 85,000
        pages)."""
        pages = {*self.written, *self.unchanged, *kept}
        removed = []
        root = str(self.docs_dir)
        if candidates is not None:
            for relative in sorted(set(candidates) - pages):
                if relative.endswith(".md") and is_site_path(relative):  # a record is data: nothing outside
                    try:
                        os.unlink(os.path.join(root, relative))
                    except (FileNotFoundError, NotADirectoryError):
                        continue
                    removed.append(relative)
        # os.walk on strings: pathlib's rglob and relative_to took seconds at 80,000 pages.
        for directory, _, names in os.walk(root) if candidates is None else ():
            prefix = directory[len(root) + 1 :].replace(os.sep, "/")
            for name in names:
                relative = f"{prefix}/{name}" if prefix else name
                if name.endswith(".md") and relative not in pages:
                    os.unlink(os.path.join(directory, name))
                    removed.append(relative)
        # Folders emptied by removals would otherwise linger forever.
        for folder in sorted({(self.docs_dir / relative).parent for relative in removed}, reverse=True):
            while folder != self.docs_dir and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        removed.sort()
        return WriteReport(tuple(sorted(self.written)), tuple(sorted(self.unchanged)), tuple(removed))


def write_pages(pages: Mapping[str, str], docs_dir: Path, kept: Iterable[str] = ()) -> WriteReport:
    """Make ``docs_dir`` hold exactly ``pages`` (as far as ``.md`` files go), and ``kept``:
    pages known to be right already (an incremental build's unchanged pages), not removed."""
    writer = PageWriter(docs_dir)
    for relative, markdown in sorted(pages.items()):
        writer.write(relative, markdown)
    return writer.finish(kept)
