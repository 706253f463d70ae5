"""Files an output makes ahead, in its ``prepare`` step, and keeps in the build folder:
a text's data, its Akoma Ntoso document, the feeds.

Each piece of work (a text in a language, a feed) has a key, a fingerprint of what its
files are made of, and a function that makes them. The store
(``site.build/outputs/<name>/<lang>/``) keeps the files and, in ``stored.json``, each
key's fingerprint, paths and the digests of their bytes. A file is kept under a name
made of a digest of its path, in one of a few folders (``get_stored_name``), not in a
folder of its own as in the site: a new folder costs the file system more than the
files in it (a text's two files came with one). Every build makes only the
files whose fingerprint changed, or that are missing; a full build (the one deployed,
whose build folder a CI runner may have restored from a cache) also reads each kept file
and makes it again unless its bytes are those recorded: a record is never trusted
alone. The output then gives the
stored files to the writer as paths (``SiteFile``), which links them into the site: an
unchanged file costs no read and no write.

Stored files, like every file of the site, are replaced by a rename and never written
in place, so a site that links one never sees it change.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.fs import SITE_FILE_MODE, create_file, write_file_atomically, write_if_changed
from generator.languages import LANGUAGES
from generator.outputs import OutputContext, is_site_path, remove_site_file
from generator.processes import BackgroundTask
from generator.read import parallel

MANIFEST = "stored.json"
OLD_MANIFEST = "manifest.json"
"""The record of a store that kept each file at its path in the site: one found, the
store is emptied (its files are made again, in their new places)."""
FOLDERS = 16
"""How many folders a store keeps its files in."""


def get_stored_name(path: str) -> str:
    """Where a store keeps the file of ``path`` (in the site): named by a digest of the
    path (a path can be as long as a site allows, a name not), in one of :data:`FOLDERS`."""
    name = hashlib.sha256(path.encode("utf-8")).hexdigest()
    return f"{int(name[:8], 16) % FOLDERS:02d}/{name}"


@dataclass(frozen=True)
class Work:
    """One piece of an output's work: its key, what it is made of, how it is made."""

    key: str
    fingerprint: str | None
    """A digest of everything its files are made of; None: made in every build."""
    make: Callable[[], Mapping[str, bytes]]
    """Path (inside the store) -> bytes."""


class Store:
    """The files one output keeps for one language."""

    def __init__(self, context: OutputContext, name: str, lang: str):
        self.folder = context.build_dir / "outputs" / name / lang
        self.root = str(self.folder)
        self.folders: set[str] = set()
        """Folders known to exist."""

    def load_manifest(self) -> dict[str, tuple[str | None, dict[str, str]]]:
        """Key -> (fingerprint, path -> digest), as recorded; nothing that is not what
        ``update`` writes (a record of an older form is none)."""
        try:
            data = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        manifest = {}
        for key, entry in data.items():
            if (
                isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str | None) and isinstance(entry[1], dict)
                and all(is_site_path(path) and path != MANIFEST and isinstance(sha, str) for path, sha in entry[1].items())
            ):
                manifest[key] = (entry[0], entry[1])
        return manifest

    def update(self, works: Iterable[Work], reuse: bool = True, verify: bool = True) -> int:
        """Make the files of ``works``; with ``reuse``, only of those whose fingerprint is
        not the recorded one (or whose files are missing, or with ``verify`` do not hold
        the bytes recorded). Removes the files of works no longer done. Returns how many
        works were made or removed."""
        if (self.folder / OLD_MANIFEST).exists():
            shutil.rmtree(self.folder)
        previous = self.load_manifest()
        # Until the files are made the record vouches for none of them: a build stopped
        # half-way makes them all again.
        (self.folder / MANIFEST).unlink(missing_ok=True)
        manifest: dict[str, tuple[str | None, dict[str, str]]] = {}
        made = 0
        for work in works:
            recorded = previous.get(work.key)
            if (
                reuse and work.fingerprint is not None and recorded is not None and recorded[0] == work.fingerprint
                and self.holds(recorded[1], verify)
            ):
                manifest[work.key] = recorded
                continue
            files = work.make()
            for path, data in files.items():
                self.write(path, data)
            manifest[work.key] = (work.fingerprint, {path: hashlib.sha256(data).hexdigest() for path, data in sorted(files.items())})
            made += 1
        kept = {path for _, paths in manifest.values() for path in paths}
        for path in sorted({path for _, paths in previous.values() for path in paths} - kept, reverse=True):
            remove_site_file(self.folder, get_stored_name(path))
        write_file_atomically(self.folder / MANIFEST, json.dumps(manifest, sort_keys=True).encode("utf-8"))
        return made + len(previous.keys() - manifest.keys())

    def holds(self, digests: Mapping[str, str], verify: bool) -> bool:
        """Whether the files recorded are there (with ``verify``: with the bytes recorded)."""
        if not verify:
            # Strings: a Path a file cost seconds at 20,000 texts.
            return all(os.path.isfile(self.get_name(path)) for path in digests)
        for path, sha in digests.items():
            try:
                if hashlib.sha256(self.get_file(path).read_bytes()).hexdigest() != sha:
                    return False
            except OSError:
                return False
        return True

    def write(self, path: str, data: bytes) -> None:
        """A new file straight into its place, a changed one by a rename (a site may link
        the old one); an unchanged one is left as it is."""
        target = self.get_name(path)
        folder = target.rpartition("/")[0]
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        if not create_file(target, data, SITE_FILE_MODE):
            write_if_changed(Path(target), data, SITE_FILE_MODE)

    def get_file(self, path: str) -> Path:
        """The stored file of ``path``."""
        return Path(self.get_name(path))

    def get_name(self, path: str) -> str:
        """The stored file of ``path``, as a string."""
        return f"{self.root}/{get_stored_name(path)}"

    def get_files(self) -> dict[str, str]:
        """Path -> stored file (its path: strings, not a Path a file), of every work recorded."""
        return {path: self.get_name(path) for _, paths in self.load_manifest().values() for path in paths}


def prepare_languages(function: Callable[[OutputContext, str], int], context: OutputContext) -> dict[str, int]:
    """``function(context, lang)`` for every language: in a full build of many texts, the
    languages after the first in forked processes, on the other cores; else one after
    the other (an incremental build prepares in a background process already, which may
    not fork again, and has few files to make)."""
    forked = {}
    in_parallel = not context.incremental and len(context.corpus.documents) >= parallel.PARALLEL_MIN_TEXTS and (os.cpu_count() or 1) > 1
    if in_parallel and not multiprocessing.current_process().daemon:
        forked = {lang: BackgroundTask(function, context, lang) for lang in LANGUAGES[1:]}
    return {lang: forked[lang].result() if lang in forked else function(context, lang) for lang in LANGUAGES}
