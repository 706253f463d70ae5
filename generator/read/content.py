"""Find and load what ``content/`` holds (DESIGN.md section 2).

This is the pipeline's read stage for a whole corpus: it walks the directory, checks the
layout contract, reads and parses each raw text (``generator.read.parallel``), and reads
the side files (``generator.read.side_files``). Problems with one text are errors; with
``keep_going`` they are reported and the text is left out.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from generator.errors import ContentLayoutError, GeneratorError, InputError
from generator.languages import LANGUAGES, get_language
from generator.model import Content, Diagnostic, Document, Meta, SkippedLine
from generator.read.cache import MetaCache
from generator.read.files import get_outside_error, is_inside, read_input_file
from generator.read.parallel import ParsedText, get_stat_key, parse_files
from generator.read.side_files import parse_meta, read_directory, read_meta, read_references
from generator.read.site_settings import get_settings_files, read_site_settings

logger = logging.getLogger(__name__)

SLUG_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(-[a-z0-9]+)+$")
"""``YYYY-MM-DD-title-words``: lowercase ASCII, digits and hyphens."""

MAX_SLUG_LENGTH = 200
"""A slug names files (``<slug>.md``, ``<slug>/index.html``) in folders whose names may
have at most 255 bytes: 200 leaves room for what outputs add to it."""

CONTENT_FILES = ("resolutions", "meps.yml", "references.yml")
"""What the top of a content folder holds (docs/ARCHITECTURE.md, "Content layout"), with
``site.yml`` and the images it names (``generator.read.site_settings``)."""


def _log_warning(diagnostic: Diagnostic) -> None:
    logger.warning(str(diagnostic))


def check_slug(name: str) -> str | None:
    """What is wrong with a text folder's name as a slug, or None."""
    if not SLUG_RE.match(name):
        return "slug does not follow YYYY-MM-DD-title-words (lowercase ASCII, digits, hyphens)"
    if len(name) > MAX_SLUG_LENGTH:
        return f"slug of {len(name)} characters: at most {MAX_SLUG_LENGTH}"
    try:
        datetime.date.fromisoformat(name[:10])
    except ValueError:
        return f"slug date {name[:10]} is not a date"
    return None


def scan_resolution_dirs(
    content_dir: Path, warn: Callable[[Diagnostic], None] = _log_warning
) -> tuple[list[tuple[str, Path]], list[GeneratorError]]:
    """The ``resolutions/<slug>/`` folders sorted by slug, and one error per bad slug (or
    folder outside the content folder); ``warn`` hears of files that are not text folders."""
    root = content_dir / "resolutions"
    if not root.is_dir():
        raise ContentLayoutError("no resolutions/ folder", str(content_dir))
    real_root = content_dir.resolve()
    if not is_inside(root, real_root):
        raise get_outside_error(root, real_root)
    found: list[tuple[str, Path]] = []
    errors: list[GeneratorError] = []
    with os.scandir(root) as entries:  # whether each is a folder, a link: from the listing
        kinds = {entry.name: (entry.is_dir(), entry.is_symlink()) for entry in entries}
    for name in sorted(kinds):
        folder, (is_dir, is_link) = root / name, kinds[name]
        if name.startswith("."):
            continue  # hidden, by convention (.git, editors' files)
        if not is_dir:
            warn(Diagnostic(str(folder), "not read: resolutions/ holds one folder a text (<slug>/)"))
            continue
        problem = check_slug(name)
        if problem:
            errors.append(ContentLayoutError(problem, str(folder)))
        elif is_link and not is_inside(folder, real_root):
            errors.append(get_outside_error(folder, real_root))
        else:
            found.append((name, folder))
    return found, errors


def find_resolution_dirs(content_dir: Path) -> list[tuple[str, Path]]:
    """The ``resolutions/<slug>/`` folders, sorted by slug; a bad slug is an error."""
    found, errors = scan_resolution_dirs(content_dir)
    if errors:
        raise errors[0]
    return found


def find_unread_files(folder: Path, names: Iterable[str], expected: Iterable[str]) -> Iterator[Diagnostic]:
    """A warning for each file of ``folder`` that nothing reads (hidden files aside):
    ``EN.TXT`` or ``de.txt`` would otherwise be left out without a word."""
    expected = tuple(expected)
    for name in sorted(names):
        if name in expected or name.startswith("."):
            continue
        if name.lower() in expected:
            hint = f"file names are lowercase ({name.lower()})"
        else:
            hint = f"expected only {', '.join(expected)}"
        yield Diagnostic(str(folder / name), f"not read: {hint}")


def get_document_digest(texts: Iterable[ParsedText], meta: Meta) -> str:
    """What a document's pages depend on, of the document itself: its versions and meta."""
    return hashlib.sha256("\0".join([*(text.digest for text in texts), repr(meta)]).encode()).hexdigest()


def read_meta_cached(path: Path, root: Path, metas: MetaCache, trust_stat: bool = False) -> Meta:
    """``read_meta``, from ``metas`` when its bytes are the ones cached (``trust_stat``:
    when its stat is, without reading it)."""
    if trust_stat:
        try:
            meta = metas.get_unchanged(path, get_stat_key(path))
        except OSError:
            meta = None
        if meta is not None:
            return meta
    if not os.path.lexists(path):
        return read_meta(path, root)
    raw, info = read_input_file(path, root)
    return metas.get(raw, path, parse_meta, get_stat_key(info))


def load_content(
    content_dir: Path,
    keep_going: bool = False,
    warn: Callable[[Diagnostic], None] = _log_warning,
    progress: Callable[[int, int], None] | None = None,
    cache_path: Path | None = None,
    trust_stat: bool = False,
) -> Content:
    """Read a whole content directory. Without ``keep_going`` the first bad text raises.

    The texts are read and parsed by ``generator.read.parallel`` (in parallel;
    ``cache_path``: reusing the parses of unchanged files, ``trust_stat``: known unchanged
    by their stat, without reading them); the warnings and the errors
    are reported in the order of the texts, as if they had been read one after the other.
    """
    documents: list[Document] = []
    failures: list[GeneratorError] = []
    digests: dict[str, str] = {}
    skipped_lines: dict[str, tuple[SkippedLine, ...]] = {}
    root = content_dir.resolve()
    settings = read_site_settings(content_dir, root)
    folders, layout_errors = scan_resolution_dirs(content_dir, warn)
    for diagnostic in find_unread_files(content_dir, os.listdir(content_dir), (*CONTENT_FILES, *get_settings_files(settings))):
        warn(diagnostic)
    if layout_errors and not keep_going:
        raise layout_errors[0]
    failures.extend(layout_errors)  # with keep_going: every bad slug is reported, the good texts still load
    # One listing a folder, not a stat a file (bench/RESULTS.md).
    names = {slug: set(os.listdir(folder)) for slug, folder in folders}
    text_files = {lang: get_language(lang).text_file for lang in LANGUAGES}
    folder_files = (*text_files.values(), "meta.yml")
    for slug, folder in folders:
        for diagnostic in find_unread_files(folder, names[slug], folder_files):
            warn(diagnostic)
    files = [(folder / text_files[lang], lang) for slug, folder in folders for lang in LANGUAGES if text_files[lang] in names[slug]]
    parsed = iter(parse_files(files, cache_path, progress, root, trust_stat))
    metas = MetaCache(cache_path.with_name("meta.json") if cache_path else None)
    for slug, folder in folders:
        texts = [next(parsed) for lang in LANGUAGES if text_files[lang] in names[slug]]
        try:
            for text in texts:
                for diagnostic in text.warnings:
                    warn(diagnostic)
                if text.error:
                    raise text.error
            if not texts:
                raise InputError(f"expected {' or '.join(text_files.values())}", str(folder))
            meta = read_meta_cached(folder / "meta.yml", root, metas, trust_stat) if "meta.yml" in names[slug] else Meta()
        except GeneratorError as error:
            if not keep_going:
                raise
            failures.append(error)
            continue
        versions = {t.resolution.lang: meta.correct(t.resolution) for t in texts if t.resolution}
        documents.append(Document(slug=slug, versions=versions, meta=meta))
        digests[slug] = get_document_digest(texts, meta)
        skipped_lines.update((t.resolution.path, t.skipped) for t in texts if t.resolution and t.skipped)
    metas.save()
    return Content(
        documents=tuple(documents),
        directory=read_directory(content_dir / "meps.yml", root),
        references=read_references(content_dir / "references.yml", root),
        failures=tuple(failures),
        digests=digests,
        skipped_lines=skipped_lines,
        settings=settings,
    )
