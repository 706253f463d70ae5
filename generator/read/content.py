"""Find and load what ``content/`` holds (DESIGN.md section 2).

This is the pipeline's read stage for a whole corpus: it walks the directory, checks the
layout contract, reads and parses each raw text (``generator.read.parallel``), and reads
the side files (``generator.read.side_files``). Problems with one text are errors; with
``keep_going`` they are reported and the text is left out.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.errors import ContentLayoutError, GeneratorError, InputError
from generator.languages import LANGUAGES, get_language
from generator.model import Content, Diagnostic, Document, Meta, SkippedLine
from generator.read.parallel import ParsedText, parse_files
from generator.read.side_files import read_directory, read_meta, read_references

logger = logging.getLogger(__name__)

SLUG_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(-[a-z0-9]+)+$")
"""``YYYY-MM-DD-title-words``: lowercase ASCII, digits and hyphens."""


def _log_warning(diagnostic: Diagnostic) -> None:
    logger.warning(str(diagnostic))


def scan_resolution_dirs(content_dir: Path) -> tuple[list[tuple[str, Path]], list[ContentLayoutError]]:
    """The ``resolutions/<slug>/`` folders sorted by slug, and one error per bad slug."""
    root = content_dir / "resolutions"
    if not root.is_dir():
        raise ContentLayoutError("no resolutions/ folder", str(content_dir))
    found, errors = [], []
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        if not SLUG_RE.match(folder.name):
            errors.append(ContentLayoutError(
                "slug does not follow YYYY-MM-DD-title-words (lowercase ASCII, digits, hyphens)",
                str(folder),
            ))
            continue
        found.append((folder.name, folder))
    return found, errors


def find_resolution_dirs(content_dir: Path) -> list[tuple[str, Path]]:
    """The ``resolutions/<slug>/`` folders, sorted by slug; a bad slug is an error."""
    found, errors = scan_resolution_dirs(content_dir)
    if errors:
        raise errors[0]
    return found


def get_document_digest(texts: Iterable[ParsedText], meta: Meta) -> str:
    """What a document's pages depend on, of the document itself: its versions and meta."""
    return hashlib.sha256("\0".join([*(text.digest for text in texts), repr(meta)]).encode()).hexdigest()


def load_content(
    content_dir: Path,
    keep_going: bool = False,
    warn: Callable[[Diagnostic], None] = _log_warning,
    progress: Callable[[int, int], None] | None = None,
    cache_path: Path | None = None,
) -> Content:
    """Read a whole content directory. Without ``keep_going`` the first bad text raises.

    The texts are read and parsed by ``generator.read.parallel`` (in parallel;
    ``cache_path``: reusing the parses of unchanged files); the warnings and the errors
    are reported in the order of the texts, as if they had been read one after the other.
    """
    documents: list[Document] = []
    failures: list[GeneratorError] = []
    digests: dict[str, str] = {}
    skipped_lines: dict[str, tuple[SkippedLine, ...]] = {}
    if keep_going:  # every bad slug is reported, the good texts still load
        folders, layout_errors = scan_resolution_dirs(content_dir)
        failures.extend(layout_errors)
    else:
        folders = find_resolution_dirs(content_dir)
    # One listing a folder, not a stat a file (bench/RESULTS.md).
    names = {slug: set(os.listdir(folder)) for slug, folder in folders}
    text_files = {lang: get_language(lang).text_file for lang in LANGUAGES}
    files = [(folder / text_files[lang], lang) for slug, folder in folders for lang in LANGUAGES if text_files[lang] in names[slug]]
    parsed = iter(parse_files(files, cache_path, progress))
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
            meta = read_meta(folder / "meta.yml") if "meta.yml" in names[slug] else Meta()
        except GeneratorError as error:
            if not keep_going:
                raise
            failures.append(error)
            continue
        versions = {t.resolution.lang: meta.correct(t.resolution) for t in texts if t.resolution}
        documents.append(Document(slug=slug, versions=versions, meta=meta))
        digests[slug] = get_document_digest(texts, meta)
        skipped_lines.update((t.resolution.path, t.skipped) for t in texts if t.resolution and t.skipped)
    return Content(
        documents=tuple(documents),
        directory=read_directory(content_dir / "meps.yml"),
        references=read_references(content_dir / "references.yml"),
        failures=tuple(failures),
        digests=digests,
        skipped_lines=skipped_lines,
    )
