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
incremental build compresses only the changed lines again, and its dump is byte for
byte a full build's. Each member's header is dated 0: the same content, the same bytes.
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Mapping
from pathlib import Path

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
DUMP_MEMBERS = "dump/"
"""Inside a language's store: each version's line of the dump, gzipped (not published as it is)."""
SCHEMA = Path(__file__).with_name("resolution.schema.json")
GZIP_LEVEL = 6
"""zlib's default: level 9 makes these lines hardly smaller, and takes longer."""


def get_member_path(slug: str) -> str:
    return f"{DUMP_MEMBERS}{slug}.json.gz"


def make_version_files(context: OutputContext, document: Document, lang: str) -> dict[str, bytes]:
    """The files of ``document``'s version in ``lang``: its JSON, its Akoma Ntoso, its dump line."""
    data = encode(get_text_data(context, document, lang))
    return {
        get_text_data_path(document.slug): data,
        get_akoma_ntoso_path(document.slug): get_akoma_ntoso(context, document, lang),
        get_member_path(document.slug): gzip.compress(data + b"\n", GZIP_LEVEL, mtime=0),
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
    """Make the files of every version in ``lang`` whose fingerprint changed; how many were made."""
    fingerprints = get_fingerprints(context, lang)
    works = (
        Work(document.slug, fingerprints.get(document.slug), functools.partial(make_version_files, context, document, lang))
        for document in iter_versions(context.corpus, lang)
    )
    return Store(context, STORE, lang).update(works, reuse=context.incremental)


def prepare_data(context: OutputContext) -> dict[str, int]:
    return prepare_languages(prepare_language, context)


def get_data_files(context: OutputContext, lang: str | None) -> Mapping[str, SiteFile]:
    assert lang is not None
    return Store(context, STORE, lang).get_files(lambda path: not path.startswith(DUMP_MEMBERS))


def get_dump_files(context: OutputContext, lang: str | None) -> Mapping[str, SiteFile]:
    """The dump (its members, as the data's prepare step left them) and the schema."""
    members = {code: Store(context, STORE, code).get_files(lambda path: path.startswith(DUMP_MEMBERS)) for code in LANGUAGES}
    lines = [
        members[code][get_member_path(document.slug)].read_bytes()
        for document in sorted(context.corpus.documents, key=lambda d: d.slug)
        for code in LANGUAGES
        if get_member_path(document.slug) in members[code]
    ]
    dump = b"".join(lines) if lines else gzip.compress(b"", GZIP_LEVEL, mtime=0)  # an empty file is no gzip file
    return {CORPUS_DUMP_PATH: dump, TEXT_DATA_SCHEMA_PATH: SCHEMA.read_bytes()}


OUTPUT = Output("text data", get_data_files, prepare=prepare_data)
DUMP_OUTPUT = Output("corpus dump", get_dump_files, per_language=False)
