"""Files an output makes ahead, in its ``prepare`` step, and keeps in the build folder:
a text's data, its Akoma Ntoso document, the feeds.

Each piece of work (a text in a language, a feed) has a key, a fingerprint of what its
files are made of, and a function that makes them. The store
(``site.build/outputs/<name>/<lang>/``) keeps the files and, in ``manifest.json``, each
key's fingerprint, paths and the digests of their bytes. Every build makes only the
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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.fs import SITE_FILE_MODE, create_file, write_file_atomically, write_if_changed
from generator.languages import LANGUAGES
from generator.outputs import OutputContext, is_site_path, remove_site_file
from generator.processes import BackgroundTask
from generator.read import parallel

MANIFEST = "manifest.json"


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
        self.folders: set[Path] = set()
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
            remove_site_file(self.folder, path)
        write_file_atomically(self.folder / MANIFEST, json.dumps(manifest, sort_keys=True).encode("utf-8"))
        return made + len(previous.keys() - manifest.keys())

    def holds(self, digests: Mapping[str, str], verify: bool) -> bool:
        """Whether the files recorded are there (with ``verify``: with the bytes recorded)."""
        if not verify:
            folder = str(self.folder)  # strings: a Path a file cost seconds at 20,000 texts
            return all(os.path.isfile(f"{folder}/{path}") for path in digests)
        for path, sha in digests.items():
            try:
                if hashlib.sha256((self.folder / path).read_bytes()).hexdigest() != sha:
                    return False
            except OSError:
                return False
        return True

    def write(self, path: str, data: bytes) -> None:
        """A new file straight into its place, a changed one by a rename (a site may link
        the old one); an unchanged one is left as it is."""
        target = self.folder / path
        if target.parent not in self.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)
        if create_file(target, data):
            target.chmod(SITE_FILE_MODE)
        else:
            write_if_changed(target, data, SITE_FILE_MODE)

    def get_files(self) -> dict[str, str]:
        """Path -> stored file (its path: strings, not a Path a file), of every work recorded."""
        folder = str(self.folder)
        return {path: f"{folder}/{path}" for _, paths in self.load_manifest().values() for path in paths}


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
