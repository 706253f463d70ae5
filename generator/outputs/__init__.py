"""The outputs: files of the site beside the pages MkDocs makes (search index, sitemaps,
root pages, ...), one module an output, all run by one writer.

An output is an :class:`Output`: a function from the corpus (and one language, for a
per-language output) to files, by path inside the site (per language: inside
``site/<lang>/``). A file is bytes to write, or a file already made elsewhere (a
``Path``, hard-linked into the site where the file system allows). An output whose files
take long to make (Pagefind's index) has a ``prepare`` step, which the build runs early,
beside rendering.

The build calls :func:`write_outputs` the same way in full and incremental builds: it
writes only files whose bytes differ, and removes the files an output made last time and
no longer makes (their list is kept in the build's state folder). To add an output,
write its module and add it to :data:`OUTPUTS`.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.fs import SITE_FILE_MODE, holds_bytes, write_file_atomically, write_if_changed
from generator.languages import LANGUAGES
from generator.model import Corpus

SiteFile = bytes | Path | str
"""What an output gives for one path: the bytes of the file, or a file to put there (a
Path, or its path as a string: no Path object for each of the many stored files)."""


@dataclass(frozen=True)
class OutputContext:
    """What every output may read."""

    corpus: Corpus
    build_dir: Path
    """The build folder of the site (``site.build/``, generator.site_folder): caches and work files of outputs."""
    site_url: str = ""
    """The deployed site's URL, or "" where unknown (then no absolute URLs are written)."""
    incremental: bool = False
    """An incremental build: an output may update its work files rather than remake them."""
    digests: Mapping[str, str] = field(default_factory=dict)
    """Slug -> digest of the text (``Content.digests``), of which outputs made ahead
    fingerprint their files (``generator.outputs.store``); empty: no fingerprints."""

    def get_url(self, path: str) -> str:
        """The URL of ``path`` inside the site folder (``en/resolutions/x/``): absolute
        where the build knows the site's URL, else ``path`` itself, relative to the
        site's root."""
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else path

    @property
    def newest_date(self) -> datetime.date | None:
        """The newest text's date: what stands for "now" in files that need a time, so
        that the same content always gives the same bytes."""
        return self.corpus.documents[0].date if self.corpus.documents else None


@dataclass(frozen=True)
class Output:
    """One output: its name and how its files are made."""

    name: str
    files: Callable[[OutputContext, str | None], Mapping[str, SiteFile]]
    """(context, language) -> path -> file; the language is None for a site-wide output."""
    per_language: bool = True
    """Called once a language, paths inside ``site/<lang>/``; else once, paths inside ``site/``."""
    prepare: Callable[[OutputContext], object] | None = None
    """Work the build runs before it writes the outputs: beside rendering (``prepare_beside``),
    or in a full build after the fill, while the search's Pagefind runs."""
    prepare_beside: bool = False
    """In a full build too, ``prepare`` runs in a forked process beside rendering and
    MkDocs (else after the fill, in the build's process): work that waits mostly on a
    program of its own (Pagefind), which would leave a core idle."""


def get_outputs() -> tuple[Output, ...]:
    """Every output, in the order they are written (and prepared: the texts' data and
    the feeds before the search, which takes the most memory)."""
    from generator.outputs import branding, data, feeds, robots, root_pages, search, sitemap, vcards

    return (
        data.OUTPUT, data.DUMP_OUTPUT, feeds.OUTPUT, search.OUTPUT, sitemap.OUTPUT, sitemap.INDEX_OUTPUT, robots.OUTPUT,
        root_pages.OUTPUT, vcards.OUTPUT, branding.OUTPUT,
    )


def get_output_files(output: Output, context: OutputContext) -> Iterator[tuple[str, SiteFile]]:
    """The output's files by path inside the site."""
    if not output.per_language:
        yield from sorted(output.files(context, None).items())
        return
    for lang in LANGUAGES:
        for path, file in sorted(output.files(context, lang).items()):
            yield f"{lang}/{path}", file


MANIFEST = "outputs.json"
"""In the build's state folder: the paths the outputs wrote into the site last time."""


def write_outputs(context: OutputContext, site_dir: Path, outputs: tuple[Output, ...] | None = None) -> list[str]:
    """Write every output's files into ``site_dir``; remove those they made last time and
    no longer make. Returns the paths written (new or changed)."""
    manifest_path = context.build_dir / "state" / MANIFEST
    previous = load_manifest(manifest_path) if context.incremental else []
    written, current = [], []
    site = str(site_dir)
    for output in outputs if outputs is not None else get_outputs():
        for path, file in get_output_files(output, context):
            current.append(path)
            # Most files of a site updated in place are the links the last build made:
            # known by two stats, without a Path or a failed link each (at 20,000 texts
            # the outputs are 130,000 files).
            if context.incremental and not isinstance(file, bytes) and is_same_file(file, f"{site}/{path}"):
                continue
            if install_file(file, f"{site}/{path}"):
                written.append(path)
    made = set(current)
    for path in sorted(set(previous) - made, reverse=True):
        remove_site_file(site_dir, path)
    write_if_changed(manifest_path, json.dumps(sorted(made), indent=0).encode("utf-8"))
    return written


def load_manifest(path: Path) -> list[str]:
    """The paths recorded by the last build; none when absent or unreadable. Only paths
    inside the site, as the writer records them (a record is data, never trusted to
    name a file elsewhere for removal)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [entry for entry in data if is_site_path(entry)] if isinstance(data, list) else []


def is_site_path(entry: object) -> bool:
    """A relative path inside the site (``en/sitemap.xml``): no ``..``, nothing absolute."""
    if not isinstance(entry, str) or "\0" in entry:
        return False
    # No part empty, "." or "..": one test a part, by substrings (a build checks the
    # hundreds of thousands of paths its records name)
    wrapped = f"/{entry}/"
    return "//" not in wrapped and "/./" not in wrapped and "/../" not in wrapped


def install_file(file: SiteFile, destination: Path | str) -> bool:
    """Make ``destination`` hold ``file``, touching nothing when it does already; True if written."""
    if isinstance(file, bytes):
        destination = Path(destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        return write_if_changed(destination, file, SITE_FILE_MODE)
    return link_or_copy(Path(file), destination)


def link_or_copy(source: Path, destination: Path | str) -> bool:
    """Make ``destination`` a hard link to ``source`` (a copy where links cannot be made),
    unless it holds the same bytes already. True if written.

    Every file of the site is replaced by a rename, never written in place, so the two
    names of a linked file never see each other's changes. ``destination`` may be a
    string: most files of a site are linked at the first try, with no Path made.
    """
    try:
        try:
            os.link(source, destination)  # a new file: most files of a new site, nothing to read
        except FileNotFoundError:  # its folder first (made only then: most exist already)
            Path(destination).parent.mkdir(parents=True, exist_ok=True)
            os.link(source, destination)
        return True
    except FileExistsError:
        if is_same_file(source, destination):  # linked by the last build: nothing to do
            return False
    except OSError:  # links not possible here: the careful way below
        Path(destination).parent.mkdir(parents=True, exist_ok=True)
    destination = Path(destination)
    data = source.read_bytes()
    if holds_bytes(destination, data):
        return False
    temporary = destination.with_name(f".{destination.name}.{os.getpid()}.link")
    try:
        temporary.unlink(missing_ok=True)
        os.link(source, temporary)
        os.replace(temporary, destination)
    except OSError:
        temporary.unlink(missing_ok=True)
        write_file_atomically(destination, data)
        destination.chmod(SITE_FILE_MODE)
    return True


def is_same_file(source: Path | str, destination: Path | str) -> bool:
    """Whether ``destination`` is ``source`` (a hard link to it)."""
    try:
        return os.path.samestat(os.stat(source), os.stat(destination, follow_symlinks=False))
    except OSError:
        return False


def remove_site_file(site_dir: Path, path: str) -> None:
    """Delete ``site_dir/path``, and the folders it leaves empty (never ``site_dir``)."""
    target = site_dir / path
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
