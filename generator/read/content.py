"""Find and load what ``content/`` holds (DESIGN.md section 2).

This is the pipeline's read stage for a whole corpus: it walks the directory, checks the
layout contract, reads each raw text (``reader``), parses it (``parser``), and reads the
YAML side files. Problems with one text are errors; with ``keep_going`` they are reported
and the text is left out.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping

import yaml

from generator.errors import ContentLayoutError, GeneratorError, InputError
from generator.model import LANGUAGES, Document, Meta, Resolution
from generator.parse.parser import SkippedLine
from generator.read.parallel import ParsedText, parse_files, paused_garbage_collection
from generator.link.people import read_directory

SLUG_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(-[a-z0-9]+)+$")
"""``YYYY-MM-DD-title-words``: lowercase ASCII, digits and hyphens."""

META_KEYS = {"reference", "procedure", "adopted", "tags", "aliases", "unofficial_translations"}


@dataclass(frozen=True)
class Content:
    """Everything read from a content directory, before linking."""

    documents: tuple[Document, ...]
    directory: tuple[dict, ...]
    """Entries of ``meps.yml``, as read (validated by ``people.read_directory``)."""
    references: tuple[dict, ...]
    """Entries of ``references.yml``, as read (validated by ``read_references``)."""
    failures: tuple[GeneratorError, ...] = ()
    """Texts and badly named folders left out under ``keep_going``."""
    digests: Mapping[str, str] = field(default_factory=dict)
    """Slug -> digest of the document's versions and meta (see ``get_document_digest``)."""
    skipped_lines: Mapping[str, tuple[SkippedLine, ...]] = field(default_factory=dict)
    """Text path -> body lines the parser dropped without knowing them for noise."""


FAST_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's reader with PyYAML's safe constructors, where PyYAML was built with it: the
same data, ~9 times faster (``meps.yml`` and ``references.yml`` are read on every build)."""


def load_yaml(path: Path):
    """Read a YAML file; a syntax error is an InputError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 ({error.reason})", str(path)) from None
    try:
        return yaml.load(text, Loader=FAST_YAML_LOADER)
    except yaml.YAMLError:
        pass
    # The error as PyYAML's own reader words it (libyaml's problems read differently).
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError(f"invalid YAML: {problem}", str(path), line) from None


def read_meta(path: Path) -> Meta:
    """Read a ``meta.yml``; an absent file is an empty Meta."""
    if not path.exists():
        return Meta()
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise InputError("expected a mapping of keys (reference, procedure, ...)", str(path), 1)
    unknown = sorted(set(data) - META_KEYS)
    if unknown:
        raise InputError(
            f"unknown key {unknown[0]!r}; known keys: {', '.join(sorted(META_KEYS))}", str(path)
        )
    adopted = data.get("adopted")
    if adopted is not None and not isinstance(adopted, datetime.date):
        try:
            adopted = datetime.date.fromisoformat(str(adopted))
        except ValueError:
            raise InputError(f"adopted: expected a date YYYY-MM-DD, got {adopted!r}", str(path)) from None
    unofficial = data.get("unofficial_translations") or []
    if isinstance(unofficial, str):
        unofficial = [unofficial]
    for lang in unofficial:
        if lang not in LANGUAGES:
            raise InputError(f"unofficial_translations: unknown language {lang!r}", str(path))
    return Meta(
        reference=str(data.get("reference") or ""),
        procedure=str(data.get("procedure") or ""),
        adopted=adopted,
        tags=tuple(str(t) for t in data.get("tags") or ()),
        aliases=tuple(str(a) for a in data.get("aliases") or ()),
        unofficial=tuple(unofficial),
    )


def read_list(path: Path, required_key: str) -> tuple[dict, ...]:
    """Read a YAML list of mappings, each with ``required_key``; an absent file is empty."""
    if not path.exists():
        return ()
    data = load_yaml(path) or []
    if not isinstance(data, list):
        raise InputError(f"expected a list of entries, each with {required_key!r}", str(path), 1)
    for index, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not entry.get(required_key):
            raise InputError(f"entry {index}: expected a mapping with {required_key!r}", str(path))
    return tuple(data)


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


def read_references(path: Path) -> tuple[dict, ...]:
    """The entries of ``references.yml``: each a ``date``, ``title`` and ``url`` by language."""
    entries = read_list(path, "date")
    for index, entry in enumerate(entries, 1):
        date = entry["date"]
        if not isinstance(date, datetime.date):
            try:
                datetime.date.fromisoformat(str(date))
            except ValueError:
                raise InputError(f"entry {index}: date: expected YYYY-MM-DD, got {date!r}", str(path)) from None
        for key in ("title", "url"):
            if not isinstance(entry.get(key) or {}, dict):
                raise InputError(f"entry {index}: {key}: expected a mapping language -> text", str(path))
        for lang, url in (entry.get("url") or {}).items():
            if not re.match(r"^https?://", str(url)):
                raise InputError(f"entry {index}: url: {lang}: expected an http(s):// URL", str(path))
    return entries


def get_document_digest(texts: Iterable[ParsedText], meta: Meta) -> str:
    """What a document's pages depend on, of the document itself: its versions and meta."""
    return hashlib.sha256("\0".join([*(text.digest for text in texts), repr(meta)]).encode()).hexdigest()


def load_content(
    content_dir: Path,
    keep_going: bool = False,
    warn: Callable[[str], None] = print,
    progress: Callable[[int, int], None] | None = None,
    cache_path: Path | None = None,
) -> Content:
    """Read a whole content directory. Without ``keep_going`` the first bad text raises.

    The texts are read and parsed by ``generator.read.parallel`` (in parallel; ``cache_path``:
    reusing the parses of unchanged files); the warnings and the errors are reported in
    the order of the texts, as if they had been read one after the other.
    """
    with paused_garbage_collection():  # see there: nothing read here is in a cycle
        return _load_content(content_dir, keep_going, warn, progress, cache_path)


def _load_content(
    content_dir: Path,
    keep_going: bool,
    warn: Callable[[str], None],
    progress: Callable[[int, int], None] | None,
    cache_path: Path | None,
) -> Content:
    documents, failures, digests, skipped_lines = [], [], {}, {}
    if keep_going:  # every bad slug is reported, the good texts still load
        folders, layout_errors = scan_resolution_dirs(content_dir)
        failures.extend(layout_errors)
    else:
        folders = find_resolution_dirs(content_dir)
    # One listing a folder, not a stat a file: at 2,000 texts the stats were a third of
    # an incremental build's read stage.
    names = {slug: set(os.listdir(folder)) for slug, folder in folders}
    files = [(folder / f"{lang}.txt", lang) for slug, folder in folders for lang in LANGUAGES if f"{lang}.txt" in names[slug]]
    parsed = iter(parse_files(files, cache_path, progress))
    for slug, folder in folders:
        texts = [next(parsed) for lang in LANGUAGES if f"{lang}.txt" in names[slug]]
        try:
            for text in texts:
                for message in text.warnings:
                    warn(message)
                if text.error:
                    raise text.error
            if not texts:
                raise InputError(f"expected {' or '.join(f'{l}.txt' for l in LANGUAGES)}", str(folder))
            meta = read_meta(folder / "meta.yml") if "meta.yml" in names[slug] else Meta()
        except GeneratorError as error:
            if not keep_going:
                raise
            failures.append(error)
            continue
        documents.append(Document(slug=slug, versions={t.resolution.lang: t.resolution for t in texts}, meta=meta))
        digests[slug] = get_document_digest(texts, meta)
        skipped_lines.update((t.resolution.path, t.skipped) for t in texts if t.skipped)
    return Content(
        documents=tuple(documents),
        directory=read_directory(content_dir / "meps.yml"),
        references=read_references(content_dir / "references.yml"),
        failures=tuple(failures),
        digests=digests,
        skipped_lines=skipped_lines,
    )
