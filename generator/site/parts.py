"""The framed pages' files in the build folder, packed: a few files a language, not one a page.

The write stage parses each framed page once and keeps what the fill joins into its
frame (``frames.get_parts_data``: a *record*), for this build's fill and for later ones
(a page whose frame changed is filled again from its record). One file and one folder a
page made 170,000 inodes at 20,000 texts in every clean build, and allocating inodes was
much of the build's kernel time (bench/RESULTS.md). So the records are in *packs*,
``parts/<lang>/<n>.pack``, each written by one build, front to back, and never changed
after; the index ``parts/<lang>/index.json`` gives each page's pack, offset and length,
and each pack's size.

A build appends the records it writes to a pack of its own; a page whose record holds the
same bytes, or that is not rendered at all (kept by its fingerprint), keeps the record it
has. A pack of which less than half is still recorded is copied (what is recorded of it)
into the new pack and removed, so the folder holds at most about twice what its index
records. The index is replaced whole once the new pack is complete; until then the old
index and its packs stay as they were, so a build stopped half-way leaves the last
complete state, and a pack it was writing, which the next build removes with anything
else the index does not name (the per-page files of older builds among them).

Nothing here is trusted beyond what checks it: an index that is not what this code writes
is none, a pack whose size is not the recorded one is not read (its pages count as not
written), and a record read must be one (``frames.read_parts_data``, in the fill).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Self

from generator.fs import read_json, write_if_changed
from generator.outputs import is_site_path
from generator.site.docs import WriteReport

INDEX = "index.json"
INDEX_FORMAT = "generator framed pages 1"
PACK_SUFFIX = ".pack"

Record = tuple[str, int, int]
"""Where a page's record is: (its pack's name, offset, length)."""


def get_pack_name(number: int) -> str:
    return f"{number}{PACK_SUFFIX}"


def get_pack_number(name: str) -> int | None:
    """The number of a pack's name (``get_pack_name``); None for any other name."""
    stem = name.removesuffix(PACK_SUFFIX)
    return int(stem) if name.endswith(PACK_SUFFIX) and stem.isdigit() and stem == str(int(stem)) else None


def load_index(folder: Path) -> dict[str, Record]:
    """Page path -> its record, as ``folder``'s index says, for the records that can be
    read: in a pack named as this code names them, of the recorded size, within it."""
    data = read_json(folder / INDEX)
    if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
        return {}
    packs, pages = data.get("packs"), data.get("pages")
    if not isinstance(packs, dict) or not isinstance(pages, dict):
        return {}
    sizes = {}
    for name, size in packs.items():
        try:
            if get_pack_number(name) is not None and type(size) is int and os.stat(folder / name).st_size == size:
                sizes[name] = size
        except OSError:
            continue
    records = {}
    for path, entry in pages.items():
        if not (isinstance(entry, list) and len(entry) == 3 and is_site_path(path)):
            continue
        name, offset, length = entry
        if name in sizes and type(offset) is int and type(length) is int and 0 <= offset <= sizes[name] - length and length >= 0:
            records[path] = (name, offset, length)
    return records


def save_index(folder: Path, records: dict[str, Record]) -> None:
    """Write ``folder``'s index (in one step) for ``records``, with the size of each pack they use."""
    packs = {name: os.stat(folder / name).st_size for name in sorted({name for name, _, _ in records.values()})}
    pages = {path: list(records[path]) for path in sorted(records)}
    write_if_changed(folder / INDEX, json.dumps({"format": INDEX_FORMAT, "packs": packs, "pages": pages}).encode("utf-8"))


def remove_unnamed(folder: Path, names: Iterable[str]) -> None:
    """Remove everything in ``folder`` but the index and the packs named."""
    keep = {INDEX, *names}
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.name in keep:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)


class Packs:
    """Reading records from ``folder``'s packs, one open file a pack (``close`` them)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.files: dict[str, int] = {}

    def read(self, record: Record) -> bytes:
        name, offset, length = record
        if name not in self.files:
            self.files[name] = os.open(self.folder / name, os.O_RDONLY | os.O_CLOEXEC)
        data = os.pread(self.files[name], length, offset)
        if len(data) != length:  # only a pack changed after its index was written
            raise OSError(f"{self.folder / name}: shorter than its index says")
        return data

    def close(self) -> None:
        for descriptor in self.files.values():
            os.close(descriptor)
        self.files.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PartsReader(Packs):
    """The records of a language's framed pages (``load_index``), for the fill."""

    def __init__(self, folder: Path):
        super().__init__(folder)
        self.records = load_index(folder)

    def __contains__(self, path: object) -> bool:
        return path in self.records

    def get(self, path: str) -> bytes | None:
        """The record of ``path``; None where none is recorded."""
        record = self.records.get(path)
        return None if record is None else self.read(record)

    def in_order(self, paths: Iterable[str]) -> list[str]:
        """``paths`` in the order of their records in the packs (those without one last):
        the fill reads each pack once, front to back."""

        def position(path: str) -> tuple[bool, int, int, str]:
            record = self.records.get(path)
            if record is None:
                return True, 0, 0, path
            return False, get_pack_number(record[0]) or 0, record[1], path

        return sorted(paths, key=position)


class PartsWriter(Packs):
    """Writes a language's framed pages' records as they are rendered (``write``), then
    the index (``finish``): a pack of this build for the records that changed.

    A stopped build leaves the index and the packs it names as they were."""

    COPY_BELOW = 0.5
    """A pack of which less than this share is still recorded is copied into the new one."""

    def __init__(self, folder: Path, previous: dict[str, Record] | None = None):
        """``previous``: ``load_index(folder)``, where the caller has it already."""
        super().__init__(folder)
        self.previous = load_index(folder) if previous is None else previous
        used = {name for name, _, _ in self.previous.values()}
        remove_unnamed(folder, used)  # a stopped build's pack, files of older builds
        folder.mkdir(parents=True, exist_ok=True)
        self.name = get_pack_name(max((get_pack_number(name) or 0 for name in used), default=0) + 1)
        self.pack: BinaryIO | None = None
        self.size = 0
        self.records: dict[str, Record] = {}
        self.written: list[str] = []
        self.unchanged: list[str] = []

    def write(self, path: str, data: bytes) -> None:
        """Record ``data`` for the page at ``path``; a record of the same bytes is kept."""
        old = self.previous.get(path)
        if old is not None and old[2] == len(data) and self.read(old) == data:
            self.records[path] = old
            self.unchanged.append(path)
            return
        self.records[path] = self.append(data)
        self.written.append(path)

    def append(self, data: bytes) -> Record:
        if self.pack is None:
            self.pack = open(self.folder / self.name, "xb")  # noqa: SIM115 (closed by finish or close)
        self.pack.write(data)
        record = (self.name, self.size, len(data))
        self.size += len(data)
        return record

    def finish(self, kept: Iterable[str] = ()) -> WriteReport:
        """Keep the records of ``kept`` (pages known to be right already, not rendered),
        copy those of packs mostly superseded, write the index and remove what it no
        longer names. Returns what was written, unchanged and removed (pages recorded
        before and now neither written nor kept)."""
        for path in kept:
            if path not in self.records and path in self.previous:
                self.records[path] = self.previous[path]
        live: dict[str, int] = {}
        for name, _, length in self.records.values():
            live[name] = live.get(name, 0) + length
        sizes = {name: os.stat(self.folder / name).st_size for name in live if name != self.name}
        copied = {name for name, size in sizes.items() if live[name] < self.COPY_BELOW * size}
        for path, record in sorted(((p, r) for p, r in self.records.items() if r[0] in copied), key=lambda item: item[1][:2]):
            self.records[path] = self.append(self.read(record))
        self.close()
        save_index(self.folder, self.records)
        remove_unnamed(self.folder, {name for name, _, _ in self.records.values()})
        removed = sorted(set(self.previous) - set(self.records))
        return WriteReport(tuple(sorted(self.written)), tuple(sorted(self.unchanged)), tuple(removed))

    def close(self) -> None:
        if self.pack is not None:
            self.pack.close()
        super().close()

    def __exit__(self, *exc: object) -> None:
        """Closes; after an error (a stopped build), also removes the pack it was writing,
        which no index names."""
        self.close()
        if exc[0] is not None:
            (self.folder / self.name).unlink(missing_ok=True)
