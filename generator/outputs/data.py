"""The data of each text, beside its page, and the corpus dump.

- Per version (a text in a language it exists in): ``resolutions/<slug>/index.json``
  (``generator.outputs.text_data``) and ``resolutions/<slug>/akn.xml``
  (``generator.outputs.akoma_ntoso``), in the language's site folder.
- ``data/resolutions.jsonl.gz``, at the site's root: every version's JSON, one a line,
  by slug then language, gzipped; and ``data/resolution.schema.json``, the JSON Schema of
  a version's data (``resolution.schema.json`` here), for whoever reads them.

At thousands of texts these are many files that take a while to make, so they are made
ahead, in the ``prepare`` step (the languages at once in a full build), and kept in the
build folder (``generator.outputs.store``) by a fingerprint of what each version's files
are made of: its page's (``generator.render.fingerprints``: the text, the texts it cites
and that cite it, the people it names), the settings and the site's URL. An incremental
build makes only the files of versions whose fingerprint changed.

The dump is the versions' lines, each compressed on its own as one gzip member, joined:
gzip readers read a file of several members as one stream (RFC 1952, 2.2), and so an
incremental build compresses only the changed lines again (each language keeps its
lines in one file beside its store, with their offsets), and its dump is byte for byte
a full build's. Each member's header is dated 0: the same content, the same bytes.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from generator.fs import SITE_FILE_MODE, write_file_atomically, write_if_changed
from generator.languages import LANGUAGES
from generator.model import Document
from generator.outputs import Output, OutputContext, SiteFile
from generator.outputs.akoma_ntoso import get_akoma_ntoso
from generator.outputs.store import Store, Work, prepare_languages
from generator.outputs.text_data import encode, get_text_data, iter_versions
from generator.read.cache import get_code_version
from generator.render.fingerprints import digest, get_page_fingerprints
from generator.urls import (
    CORPUS_DUMP_PATH,
    TEXT_DATA_SCHEMA_PATH,
    get_akoma_ntoso_path,
    get_resolution_path,
    get_text_data_path,
)

STORE = "data"
LINES = "lines.gz"
"""Beside a language's store: its versions' lines of the dump, gzip members joined, by slug."""
LINES_INDEX = "lines.json"
"""Slug -> [offset, length, fingerprint, digest] of its line in ``LINES``."""
SCHEMA = Path(__file__).with_name("resolution.schema.json")
GZIP_LEVEL = 6
"""zlib's default: level 9 makes these lines hardly smaller, and takes longer."""


def make_version_files(context: OutputContext, document: Document, lang: str) -> dict[str, bytes]:
    """The files of ``document``'s version in ``lang``: its JSON, its Akoma Ntoso."""
    return {
        get_text_data_path(document.slug): encode(get_text_data(context, document, lang)),
        get_akoma_ntoso_path(document.slug): get_akoma_ntoso(context, document, lang),
    }


def get_fingerprints(context: OutputContext, lang: str) -> dict[str, str]:
    """Slug -> fingerprint of its version's files in ``lang`` (none without the texts' digests)."""
    if not context.digests:
        return {}
    pages = get_page_fingerprints(context.corpus, context.digests, lang)
    salt = (get_code_version(), repr(context.corpus.settings), context.site_url)
    return {
        document.slug: digest(salt, pages[path])
        for document in context.corpus.documents
        if (path := get_resolution_path(document.slug)) in pages
    }


def prepare_language(context: OutputContext, lang: str) -> int:
    """Make the files of every version in ``lang`` whose fingerprint changed, and its
    lines of the dump; how many versions were made or removed."""
    fingerprints = get_fingerprints(context, lang)
    made_lines: dict[str, bytes] = {}

    def make(document: Document) -> dict[str, bytes]:
        """The version's files, and its line of the dump while its JSON is at hand."""
        files = make_version_files(context, document, lang)
        made_lines[document.slug] = get_line(files[get_text_data_path(document.slug)])
        return files

    works = (
        Work(document.slug, fingerprints.get(document.slug), functools.partial(make, document))
        for document in iter_versions(context.corpus, lang)
    )
    store = Store(context, STORE, lang)
    # A full build checks the bytes of what it keeps; an incremental one (the author's,
    # in a build folder it made) that the files are there.
    changes = store.update(works, verify=not context.incremental)
    update_lines(context, store, lang, fingerprints, made_lines)
    return changes


def get_line(data: bytes) -> bytes:
    """A version's line of the dump, of its JSON: a gzip member of its own."""
    return gzip.compress(data + b"\n", GZIP_LEVEL, mtime=0)


def load_lines_index(path: Path) -> dict[str, tuple[int, int, str | None, str]]:
    """The index of a language's dump lines; nothing that is not what ``update_lines`` writes."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        slug: (entry[0], entry[1], entry[2], entry[3])
        for slug, entry in data.items()
        if isinstance(entry, list) and len(entry) == 4 and all(isinstance(n, int) and n >= 0 for n in entry[:2])
        and isinstance(entry[2], str | None) and isinstance(entry[3], str)
    }


def update_lines(
    context: OutputContext, store: Store, lang: str, fingerprints: Mapping[str, str], made: Mapping[str, bytes]
) -> None:
    """Each version's line of the dump, gzipped on its own, all in one file by slug; a
    line whose version kept its fingerprint is taken as it was (in a full build, if its
    bytes are those recorded); ``made``: by slug, the lines of the versions just made."""
    index_path, lines_path = store.folder / LINES_INDEX, store.folder / LINES
    previous = load_lines_index(index_path)
    old_lines = lines_path.read_bytes() if previous and lines_path.is_file() else b""
    index_path.unlink(missing_ok=True)  # until the lines are written, no index vouches for them
    lines, index, offset = [], {}, 0
    for document in sorted(iter_versions(context.corpus, lang), key=lambda d: d.slug):
        fingerprint = fingerprints.get(document.slug)
        entry = previous.get(document.slug)
        line = made.get(document.slug, b"")
        if not line and fingerprint is not None and entry is not None and entry[2] == fingerprint and entry[0] + entry[1] <= len(old_lines):
            line = old_lines[entry[0] : entry[0] + entry[1]]
            if not context.incremental and hashlib.sha256(line).hexdigest() != entry[3]:
                line = b""
        if not line:
            line = get_line(store.get_file(get_text_data_path(document.slug)).read_bytes())
        index[document.slug] = (offset, len(line), fingerprint, hashlib.sha256(line).hexdigest())
        lines.append(line)
        offset += len(line)
    store.folder.mkdir(parents=True, exist_ok=True)
    write_if_changed(lines_path, b"".join(lines))
    write_file_atomically(index_path, json.dumps(index, sort_keys=True).encode("utf-8"))


def get_dump_path(context: OutputContext) -> Path:
    """Where the dump is made, in the build folder."""
    return context.build_dir / "outputs" / STORE / "resolutions.jsonl.gz"


def prepare_data(context: OutputContext) -> dict[str, int]:
    """Every version's files, then the dump of their lines (again only where a line
    changed, or the dump is not there)."""
    changes = prepare_languages(prepare_language, context)
    dump = get_dump_path(context)
    if any(changes.values()) or not context.incremental or not dump.is_file():
        dump.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(dump, get_dump(context), SITE_FILE_MODE)
    return changes


def get_dump(context: OutputContext) -> bytes:
    """The dump: every version's line, by slug then language, from each language's lines."""
    stores = {lang: Store(context, STORE, lang).folder for lang in LANGUAGES}
    indexes = {lang: load_lines_index(folder / LINES_INDEX) for lang, folder in stores.items()}
    lines = {lang: (folder / LINES).read_bytes() if indexes[lang] else b"" for lang, folder in stores.items()}
    dump = [
        lines[lang][indexes[lang][slug][0] : indexes[lang][slug][0] + indexes[lang][slug][1]]
        for slug in sorted(document.slug for document in context.corpus.documents)
        for lang in LANGUAGES
        if slug in indexes[lang]
    ]
    return b"".join(dump) if dump else gzip.compress(b"", GZIP_LEVEL, mtime=0)  # an empty file is no gzip file


def get_data_files(context: OutputContext, lang: str | None) -> Mapping[str, SiteFile]:
    assert lang is not None
    return Store(context, STORE, lang).get_files()


def get_dump_files(context: OutputContext, lang: str | None) -> Mapping[str, SiteFile]:
    """The dump, as the data's prepare step made it, and the schema."""
    return {CORPUS_DUMP_PATH: get_dump_path(context), TEXT_DATA_SCHEMA_PATH: SCHEMA.read_bytes()}


OUTPUT = Output("text data", get_data_files, prepare=prepare_data)
DUMP_OUTPUT = Output("corpus dump", get_dump_files, per_language=False)
