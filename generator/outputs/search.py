"""The search output: one Pagefind index per language, in shards, in which every unit is found.

Material's own search writes one ``search_index.json`` that every reader downloads whole
before the first result, which at a few thousand texts is tens of megabytes. Pagefind
splits its index into chunks and fragments and a reader fetches only those a query
needs. A hit opens the page at the unit, not at the top of a long text.

What is indexed is a pure function of the corpus (``get_search_pages``). The build
indexes each language in a forked process while it renders and runs MkDocs
(``write_search_indexes`` into ``site.build/search/<lang>/pagefind/``) and copies the
bundles into ``site/<lang>/pagefind/`` after MkDocs (``install_search_indexes``), where
the header's search box (``site/theme/partials/unit-search.html``) finds them. Each
language's index is in shards by year, one Pagefind bundle each, newest first (see
"Shards" below). An incremental build indexes only the changed pages, into an overlay.

Pagefind is given one page per text, whose units are elements with their ids (Pagefind
calls them anchors, each with its word position), not one page per unit: the index's page
table (``pf_meta``), which every first query downloads whole, grows with the number of
Pagefind pages, and one per unit put it over the 300 KB a first search may cost
(bench/RESULTS.md). The search box maps each matching word position back to its unit
(``assets/javascripts/search.js``), so a hit still reads "Kazakhstan — paragraph 7" and
opens ``#para_7``.

Pagefind's page URLs are relative to the language root ("/resolutions/<slug>/", from the
synthesized page's path): pagefind.js prefixes them with the folder its bundle was loaded
from minus ``pagefind/`` (its default ``baseUrl``), so they resolve under any path prefix
(https://user.github.io/repo/en/).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import shutil
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import cbor2

from generator import processes
from generator.errors import GeneratorError
from generator.facets import get_author_slugs, get_label, get_listings, get_tags, get_type_key, get_year
from generator.fs import SITE_FILE_MODE, holds_bytes, read_json, write_file_atomically, write_if_changed
from generator.languages import LANGUAGES
from generator.model import Corpus, Document, Unit
from generator.outputs import Output, OutputContext
from generator.read.cache import get_code_version
from generator.render.context import PageContext
from generator.render.escaping import html_text
from generator.urls import get_person_url, get_resolution_url

SEARCH_DIR = "pagefind"
"""The bundle's folder inside each language's site folder."""

def iter_units(document: Document, lang: str) -> Iterator[Unit]:
    """Every unit of the text as the ``lang`` site shows it, in document order.

    A text missing in ``lang`` is indexed in the version the site shows in its place
    (``Document.version``), so that the page is found from either language's search.
    """
    return document.version(lang).units()


class PagefindError(GeneratorError):
    """Pagefind failed to index a language."""


def wrap_page_html(title: str, body: str, lang: str, head: str = "") -> str:
    """A page for Pagefind: its language, its title (as title and heading), ``head`` (the
    page's meta and filter tags), ``body``."""
    title = escape(title)
    return f'<html lang="{lang}"><head><title>{title}</title>{head}</head><body><h1>{title}</h1>{body}</body></html>'


SAMPLE_FILTER, SAMPLE_BUCKETS = "sample", 64
"""A filter no reader sees: each page in one of 64 buckets (by a checksum of its URL), so
that the search box can ask Pagefind about a 64th of the pages a word matches. Where no
word of a shard begins with what was typed, Pagefind backs off to a shorter whole word
("torture" to "to") and scores nearly every page of the shard; the box tells that case
from a true prefix on one bucket's pages (``assets/javascripts/search.js``; bench/RESULTS.md,
"Search at 20,000, once loaded")."""


def get_sample_tag(url: str) -> str:
    bucket = zlib.crc32(url.encode("utf-8")) % SAMPLE_BUCKETS
    return f'<meta data-pagefind-filter="{SAMPLE_FILTER}[content]" content="{bucket}">'


def get_search_head(ctx: PageContext, document: Document, labels: Mapping[tuple[str, str], str]) -> str:
    """A text's meta and filter tags for Pagefind: its date (as the page writes it) and
    type, shown beside each hit, and its year, type, authors and tags to filter by.

    In ``<meta>`` tags, not in the body: a value in the body would be words of the page,
    found by a search for "2012" and shifting every unit's word positions.
    ``labels``: (listing kind, key) -> its name on the ``ctx.lang`` site (a type as its
    listing page names it, so that the filter holds the listing's texts).
    """
    corpus = ctx.corpus
    version = document.version(ctx.lang)
    meta = {"date": ctx.date(version.date), "type": version.doc_type}
    filters = [("year", get_year(document)), ("type", labels.get(("types", get_type_key(document)), ""))]
    filters += [("author", corpus.people_by_slug[slug].name) for slug in get_author_slugs(corpus, document)]
    filters += [("tag", labels[("tags", key)]) for key, _ in get_tags(document)]
    tags = [f'<meta data-pagefind-meta="{name}[content]" content="{escape(value)}">' for name, value in meta.items() if value]
    tags += [f'<meta data-pagefind-filter="{name}[content]" content="{escape(value)}">' for name, value in filters if value]
    return "".join(tags)


def get_search_pages(corpus: Corpus, lang: str) -> dict[str, str]:
    """What Pagefind indexes for ``lang``: page URL (``resolutions/<slug>/``) -> its HTML.

    A text's page is its title, then each unit as an anchor: an empty element with the
    unit's id, then the unit's text. Only what is searched is there (no navigation, no
    labels): "paragraph" and "7" are not words of the text, and indexing them would make
    every page match them. The id is on an empty element because Pagefind keeps each
    anchor's text in the page's fragment, which would then hold every unit's text twice;
    the anchor's word position is all the search box needs. What a hit shows beside its
    title and what results are filtered by are in the page's head (``get_search_head``).
    A person's page is their name and what is known of them (role, group, party, country).
    """
    return dict(SearchPages(corpus, lang))


class SearchPages(Mapping[str, str]):
    """``get_search_pages``, each page's HTML made when first asked for: an incremental
    build needs the HTML of the changed pages only (``fingerprint`` tells them)."""

    def __init__(self, corpus: Corpus, lang: str) -> None:
        self.corpus, self.lang = corpus, lang
        self.ctx = PageContext(corpus, lang)
        self.documents = {
            get_resolution_url(document.slug): document
            for document in corpus.documents
            if next(iter(iter_units(document, lang)), None) is not None  # a text without units would not be found anyway
        }
        self.people = {get_person_url(person.slug): person for person in corpus.people}
        self.made: dict[str, str] = {}

    @functools.cached_property
    def labels(self) -> dict[tuple[str, str], str]:
        """(listing kind, key) -> its name on the ``lang`` site (``get_search_head``)."""
        return {
            (listing.kind, listing.key): get_label(self.corpus, listing, self.lang)
            for kind in ("types", "tags")
            for listing in get_listings(self.corpus)[kind]
        }

    def __iter__(self) -> Iterator[str]:
        yield from self.documents
        yield from self.people

    def __len__(self) -> int:
        return len(self.documents) + len(self.people)

    def __contains__(self, url: object) -> bool:  # Mapping's would make the page
        return url in self.documents or url in self.people

    def __getitem__(self, url: str) -> str:
        if url not in self.made:
            self.made[url] = self.make(url)
        return self.made[url]

    def take(self, url: str) -> str:
        """The page's HTML, no longer kept if it was: a shard's pages are held only while
        it is indexed (at 20,000 texts, every page's HTML was hundreds of MB a language)."""
        return self.made.pop(url, None) or self.make(url)

    def make(self, url: str) -> str:
        lang = self.lang
        if url in self.documents:
            document = self.documents[url]
            units = "".join(
                f'<p><span id="{escape(unit.eid)}"></span>{html_text(unit.text)}</p>' for unit in iter_units(document, lang)
            )
            head = get_search_head(self.ctx, document, self.labels) + get_sample_tag(url)
            return wrap_page_html(document.version(lang).title, units, lang, head)
        person = self.people[url]
        facts = (person.role, person.group, person.national_party, person.country)
        content = " ".join([person.name, *filter(None, facts)])
        return wrap_page_html(person.name, f"<p>{html_text(content)}</p>", lang, get_sample_tag(url))

    def fingerprint(self, digests: Mapping[str, str]) -> dict[str, str]:
        """URL -> a digest of what its page is made of, for the pages that have one: a
        text's (with ``Content.digests``) the text, its authors' names and every label
        (a label names the texts of others too); a person's the person."""
        corpus = self.corpus
        # Digested once: repr of every label for each of 40,000 pages is work done again per page.
        salt = hashlib.sha256(repr((get_code_version(), self.lang, sorted(self.labels.items()))).encode("utf-8")).hexdigest()
        fingerprints = {}
        for url, document in self.documents.items():
            if document.slug in digests:
                authors = [(slug, corpus.people_by_slug[slug].name) for slug in get_author_slugs(corpus, document)]
                fingerprints[url] = hashlib.sha256(repr((salt, digests[document.slug], authors)).encode("utf-8")).hexdigest()
        for url, person in self.people.items():
            fingerprints[url] = hashlib.sha256(repr((salt, person)).encode("utf-8")).hexdigest()
        return fingerprints


def get_pagefind_command() -> list[str]:
    """The Pagefind binary of the pagefind-bin package; ``python -m pagefind`` if it has none.

    The binary itself, not the Python wrapper that execs it: one interpreter start less
    on every incremental build's path.
    """
    try:
        from pagefind_bin import get_executable

        executable = get_executable()
    except ImportError:
        executable = None
    return [str(executable)] if executable else [sys.executable, "-m", "pagefind"]


def write_pagefind_bundle(pages: Mapping[str, str], lang: str, output_dir: Path, search_dir: Path) -> None:
    """Index ``pages`` (URL -> HTML) with the Pagefind command line into ``output_dir``;
    ``search_dir``: the search's folder in the build folder, whose scratch folders these are.

    Why the command line and not Pagefind's Python API: the API's reader sleeps before
    each answer (pagefind 1.5.2), which makes it slow per record, and in its
    service mode the answer to "write files" can come before the files are fully written
    (Pagefind issue #1271, fixed by PR #1272): a torn bundle about one build in six under
    load. The command line waits for its writes before it exits.
    """
    with get_scratch_dir(pages.values(), search_dir, "pages") as pages_dir:
        for url, html in pages.items():
            # resolutions/<slug>/index.html: Pagefind gives it the URL /resolutions/<slug>/,
            # which pagefind.js resolves against the bundle's parent folder.
            path = Path(pages_dir, url, "index.html")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        # force-language: one index per site folder, with that language's stemmer, whatever
        # language a record's text happens to be in (a text missing in French shows in English).
        command = [*get_pagefind_command(), "--site", pages_dir, "--output-path", str(output_dir),
                   "--force-language", lang, "--silent"]
        result = processes.run(command)
        if result.returncode != 0:
            lines = (result.stderr or result.stdout).strip().splitlines()
            raise PagefindError(f"pagefind failed for {lang!r}: {lines[-1] if lines else result.returncode}")
    sort_filter_indexes(output_dir)


PAGEFIND_FILE_PREFIX = b"pagefind_dcd"
"""What each of Pagefind's gzipped index files starts with, before its CBOR data."""


def read_pagefind_file(path: Path) -> Any:
    return cbor2.loads(gzip.decompress(path.read_bytes()).removeprefix(PAGEFIND_FILE_PREFIX))


def write_pagefind_file(path: Path, data: object) -> str:
    """Write ``data`` as Pagefind writes its files (gzip, without a time in its header, so
    that the same data gives the same bytes); returns a digest of the data."""
    body = PAGEFIND_FILE_PREFIX + cbor2.dumps(data)
    path.write_bytes(gzip.compress(body, mtime=0))
    return hashlib.sha256(body).hexdigest()


def sort_filter_indexes(bundle_dir: Path) -> None:
    """Rewrite a bundle's filter indexes in order.

    Pagefind 1.5.2 writes each filter's values, and the list of filters in its page table
    (``*.pf_meta``), in hash-map order, which changes from run to run (Pagefind issue
    #638: "other files will still change, such as the filter/metadata indexes"): the
    same pages gave other bytes, and other file names, every build. Each filter index
    is written again with its values sorted and named by its content, as Pagefind names
    files; so are the page table, with its filters sorted and renamed, and the entry
    file that names it. A bundle without filters is left as it is.
    """
    renamed = {}
    for path in sorted((bundle_dir / "filter").glob("*.pf_filter")):
        name, values = read_pagefind_file(path)
        path.unlink()
        lang = path.stem.rsplit("_", 1)[0]
        fresh = path.with_name("new.pf_filter")
        digest = write_pagefind_file(fresh, [name, sorted(values)])
        renamed[path.stem] = f"{lang}_{digest[:7]}"
        fresh.rename(path.with_name(f"{renamed[path.stem]}.pf_filter"))
    if not renamed:
        return
    entry_path = bundle_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, language in entry["languages"].items():
        meta_path = bundle_dir / f"pagefind.{language['hash']}.pf_meta"
        meta = read_pagefind_file(meta_path)
        filters = meta[3]  # [version, pages, index chunks, filters, sorts, meta fields]
        if not all(isinstance(item, list) and item[1] in renamed for item in filters):
            raise PagefindError(f"pagefind wrote a page table this code does not know ({meta_path.name})")
        meta[3] = sorted([name, renamed[chunk]] for name, chunk in filters)
        meta_path.unlink()
        fresh = meta_path.with_name("new.pf_meta")
        language["hash"] = f"{lang}_{write_pagefind_file(fresh, meta)[:10]}"
        fresh.rename(bundle_dir / f"pagefind.{language['hash']}.pf_meta")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def sync_tree(source: Path, target: Path, keep: Iterable[str] = ()) -> list[str]:
    """Make ``target`` a copy of ``source``, writing only files whose bytes differ.

    Pagefind names its chunks and fragments by content hash, so after one text changes
    most files are already right: leaving them untouched keeps an incremental build (and
    an rsync or CDN upload after it) small. ``keep``: names at the top of ``target`` that
    are not ``source``'s to remove. Returns the relative paths written.
    """
    written = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        relative = path.relative_to(source)
        destination = target / relative
        data = path.read_bytes()
        if holds_bytes(destination, data):
            continue
        write_file_atomically(destination, data)
        destination.chmod(SITE_FILE_MODE)
        written.append(relative.as_posix())
    if target.is_dir():
        kept = set(keep)
        for path in sorted(target.rglob("*"), reverse=True):  # a folder's files before the folder
            relative = path.relative_to(target)
            if relative.parts[0] in kept or (source / relative).exists():
                continue
            if path.is_dir():
                if not any(path.iterdir()):
                    path.rmdir()
            else:
                path.unlink()
    return written


SCRATCH_IN_MEMORY = Path("/dev/shm")


def get_scratch_prefix(search_dir: Path) -> str:
    """The start of the names of the scratch folders of the search folder ``search_dir``:
    ``pagefind-<digest of its path>-``, so that a build can tell its site's (see
    ``remove_scratch_dirs``) from those of builds of other sites."""
    return f"pagefind-{hashlib.sha256(str(search_dir.resolve()).encode()).hexdigest()[:16]}-"


def get_scratch_dir(contents: Iterable[str], search_dir: Path, purpose: str) -> tempfile.TemporaryDirectory:
    """A temporary folder for files that live seconds: in memory (``/dev/shm``) if it has room.

    The pages handed to Pagefind and its fresh bundle are thousands of small files read
    once and deleted, and overlay file systems (CI machines, containers) are slow at
    that; memory is not. Room: 4 times the pages' text.
    """
    needed = 4 * sum(len(text) for text in contents)
    prefix = f"{get_scratch_prefix(search_dir)}{purpose}-"
    if SCRATCH_IN_MEMORY.is_dir() and os.access(SCRATCH_IN_MEMORY, os.W_OK):
        if shutil.disk_usage(SCRATCH_IN_MEMORY).free > needed:
            return tempfile.TemporaryDirectory(prefix=prefix, dir=SCRATCH_IN_MEMORY)
    return tempfile.TemporaryDirectory(prefix=prefix)


def remove_scratch_dirs(search_dir: Path) -> list[Path]:
    """Remove the scratch folders of ``search_dir`` that a killed build left behind (in
    /dev/shm, the temporary folder, and ``.pagefind-*`` in the language folders); for a
    build that holds its site's lock, which no other build of the site can then be using."""
    prefix = get_scratch_prefix(search_dir)
    found = [path for folder in (SCRATCH_IN_MEMORY, Path(tempfile.gettempdir())) if folder.is_dir()
             for path in folder.glob(f"{prefix}*")]
    found += search_dir.glob(f"*/.{SEARCH_DIR}-*")
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    return found


# Shards: each language's index is several Pagefind bundles, by year.
#
# One Pagefind run holds its whole input in memory (0.28 MB a page), and the page table
# every first query downloads grows with the pages of a bundle (bench/RESULTS.md). So the
# texts are indexed in shards of up to SHARD_TEXTS texts, by whole years: the years are
# taken oldest first, and a shard is closed before a year that would take it past
# SHARD_TEXTS (a year with more texts is a shard of its own). A text's shard thus depends
# on its year and the years before it only: new texts, which are of the latest years,
# leave the older shards as they are, and a build re-indexes only the shards whose pages
# changed. The newest shard, with the people's pages, is the bundle at ``pagefind/`` (with
# Pagefind's scripts and wasm), which the search box searches first; each older shard is
# a bundle of index files only at ``pagefind/shards/<its first year>/``, merged into a
# second Pagefind instance that searches every shard (``assets/javascripts/search.js``).
#
# Incremental builds: the shards and an overlay of the pages changed since.
#
# Pagefind cannot update a bundle: it indexes every page again. So an incremental build
# indexes only the pages whose HTML differs from what the shards indexed, into a small
# bundle (``pagefind/delta/``), and lists in ``pagefind/overlay.json`` the shards' pages
# they replace (or that were removed), by the fragment id Pagefind gives a page. The
# search box merges the delta bundle into both of its instances (Pagefind's
# ``mergeIndex``) and drops the listed hits. A full build (what is deployed) always
# leaves clean shards and an empty overlay, as does an incremental build once the delta
# outgrows DELTA_MAX; either re-indexes only the shards whose pages changed.

SHARD_TEXTS = 2000
"""At most this many texts a shard, unless one year has more (bench/RESULTS.md, "Search in shards")."""

SHARDS_DIR = "shards"
OVERLAY_FILE = "overlay.json"
"""In each language's bundle: the older shards (newest first), the delta bundle and the hidden pages."""
DELTA_DIR = "delta"
STATE_FILE = "search-state.json"
"""Beside each language's bundle in ``site.build/search/<lang>/``: each page's digest,
fragment id and shard, and the digests of the pages in the delta bundle."""

DELTA_MAX_PAGES, DELTA_MAX_SHARE = 50, 0.05
"""Past max(50 pages, 5% of the pages), an incremental build re-indexes the shards
touched: the delta's own word statistics then weigh in ranking, and its downloads grow."""

DELTA_FILES = ("pagefind-entry.json", "index", "fragment", "filter")
"""What a merged bundle is read for, with its page table (``*.pf_meta``); its scripts and
wasm are the main bundle's."""

NEWEST = ""
"""The newest shard's place: the bundle's own folder."""


def get_shard_names(years: Mapping[str, str], shard_texts: int | None = None) -> dict[str, str]:
    """Each text's shard: ``years`` is page URL -> the text's year ("" if undated); a shard
    is named by its first year ("" sorts first: undated texts are the oldest shard's)."""
    limit = SHARD_TEXTS if shard_texts is None else shard_texts
    counts: dict[str, int] = {}
    for year in years.values():
        counts[year] = counts.get(year, 0) + 1
    shard_of_year, name, size = {}, None, 0
    for year in sorted(counts):
        if name is None or size + counts[year] > limit:
            name, size = year, 0
        shard_of_year[year] = name
        size += counts[year]
    return {url: shard_of_year[year] for url, year in years.items()}


def get_shard_places(names: Iterable[str]) -> dict[str, str]:
    """Shard name -> its folder in the bundle: the newest ``NEWEST``, the others ``shards/<name>/``."""
    ordered = sorted(set(names))
    return {name: NEWEST if name == ordered[-1] else f"{SHARDS_DIR}/{name or 'undated'}/" for name in ordered}


def get_page_shards(corpus: Corpus, pages: Iterable[str]) -> dict[str, str]:
    """Page URL -> the folder of its shard in the bundle (see ``get_shard_places``); a
    person's page is in the newest shard."""
    pages = list(pages)
    indexed = set(pages)
    years = {get_resolution_url(document.slug): get_year(document) for document in corpus.documents}
    names = get_shard_names({url: year for url, year in years.items() if url in indexed})
    places = get_shard_places(names.values())
    return {url: places[names[url]] if url in names else NEWEST for url in pages}


@dataclass(frozen=True)
class SearchState:
    main: dict[str, tuple[str, str, str]]
    """Page URL -> (digest of its HTML, its fragment id, its shard's folder), as the shards indexed it."""
    delta: dict[str, str]
    """Page URL -> digest of its HTML, for the pages the delta bundle indexes."""
    removed: frozenset[str] = frozenset()
    """Pages of the shards that are gone."""

    def overlay(self) -> dict:
        """``overlay.json``: the older shards (newest first), the delta bundle (if any), and
        the shards' pages to hide."""
        hidden = set(self.delta) | self.removed
        stale = sorted(fragment for url, (_, fragment, _) in self.main.items() if url in hidden)
        shards = sorted({place for _, _, place in self.main.values() if place != NEWEST}, reverse=True)
        return {"delta": f"{DELTA_DIR}/" if self.delta else None, "shards": shards, "stale": stale}


def get_page_digest(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def load_search_state(lang_dir: Path) -> SearchState | None:
    """The state recorded beside a bundle; None if absent or unreadable (then: re-index)."""
    try:
        data = json.loads((lang_dir / STATE_FILE).read_text(encoding="utf-8"))
        state = SearchState(
            main={url: (digest, fragment, place) for url, (digest, fragment, place) in data["main"].items()},
            delta=dict(data["delta"]),
            removed=frozenset(data["removed"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    places = {place for _, _, place in state.main.values()}
    bundle_dir = lang_dir / SEARCH_DIR
    return state if all((bundle_dir / place / "pagefind-entry.json").is_file() for place in places) else None


def get_json_bytes(data: object) -> bytes:
    """Compact, keys sorted: the same data, the same bytes."""
    return json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")


def save_search_state(lang_dir: Path, state: SearchState) -> None:
    data = {"main": state.main, "delta": state.delta, "removed": sorted(state.removed)}
    write_file_atomically(lang_dir / STATE_FILE, get_json_bytes(data))


def read_fragment_ids(bundle_dir: Path) -> dict[str, str]:
    """Page URL (relative, as our page keys) -> the id of its fragment in a Pagefind bundle.

    A fragment is gzipped ``pagefind_dcd`` + JSON whose first field is the page's URL; the
    id (file name) is what a search result calls the page, before its fragment is loaded.
    """
    ids = {}
    decoder = json.JSONDecoder()
    for path in sorted((bundle_dir / "fragment").glob("*.pf_fragment")):
        text = gzip.decompress(path.read_bytes()).decode("utf-8").removeprefix("pagefind_dcd")
        start = text.index('"url":') + len('"url":')
        url, _ = decoder.raw_decode(text, start)
        ids[url.lstrip("/")] = path.stem
    return ids


def drop_scripts(bundle_dir: Path) -> None:
    """Leave in a bundle only what a merged bundle is read for (the scripts and wasm are
    the newest shard's)."""
    for path in bundle_dir.iterdir():
        if path.name not in DELTA_FILES and path.suffix != ".pf_meta":
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def index_shard(pages: Mapping[str, str], lang: str, lang_dir: Path, place: str) -> dict[str, str]:
    """Index ``pages`` into the shard at ``place`` in the language's bundle; returns each
    page's fragment id. The newest shard keeps Pagefind's scripts and wasm, and the
    folders of the others, the overlay and the delta beside its own files."""
    bundle_dir = lang_dir / SEARCH_DIR
    target = bundle_dir / place

    def write_bundle(fresh: Path) -> dict[str, str]:
        write_pagefind_bundle(pages, lang, fresh, lang_dir.parent)
        ids = read_fragment_ids(fresh)
        missing = sorted(set(pages) - set(ids))
        if missing:
            raise PagefindError(f"pagefind indexed no page for {missing[0]!r} ({lang})")
        if place != NEWEST:
            drop_scripts(fresh)
        return ids

    if target.exists():
        # Written aside (in memory) and synced: only the files whose bytes changed are written.
        with get_scratch_dir(pages.values(), lang_dir.parent, "bundle") as fresh:
            fragment_ids = write_bundle(Path(fresh))
            sync_tree(Path(fresh), target, keep=(OVERLAY_FILE, DELTA_DIR, SHARDS_DIR) if place == NEWEST else ())
    else:
        # A new shard: Pagefind writes it beside its place, and a rename puts it there (a
        # copy of its thousands of files from memory is not free).
        target.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=f".{SEARCH_DIR}-", dir=lang_dir))
        try:
            fragment_ids = write_bundle(fresh)
            fresh.chmod(0o755)  # mkdtemp makes it private; a site's files are for everyone
            os.replace(fresh, target)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
    return fragment_ids


def index_language_fully(
    pages: SearchPages, digests: Mapping[str, str], places: Mapping[str, str], lang: str, lang_dir: Path,
    old: SearchState | None,
) -> tuple[SearchState, int]:
    """Clean shards of every page, an empty overlay, no delta bundle; a shard whose pages
    are those ``old`` says it indexes is left as it is (``digests``: of every page, if
    ``old``; else those known). Returns the state and the number of pages indexed."""
    bundle_dir = lang_dir / SEARCH_DIR
    previous = old.main if old else {}
    main: dict[str, tuple[str, str, str]] = {}
    indexed = 0
    # The newest shard first: the others' folders are inside its own, and a first bundle is
    # moved into its place.
    for place in sorted(set(places.values()), key=lambda place: place != NEWEST):
        urls = [url for url in pages if places[url] == place]
        kept = {url: entry for url, entry in previous.items() if entry[2] == place}
        if bundle_dir.exists() and {url: entry[0] for url, entry in kept.items()} == {url: digests.get(url) for url in urls}:
            main.update(kept)
            continue
        shard = {url: pages.take(url) for url in urls}  # the HTML made only for a shard indexed again
        fragment_ids = index_shard(shard, lang, lang_dir, place)
        main.update({url: (digests.get(url) or get_page_digest(html), fragment_ids[url], place) for url, html in shard.items()})
        indexed += len(shard)
        del shard  # before the next shard's pages are made
    shards_dir = bundle_dir / SHARDS_DIR
    if shards_dir.is_dir():
        for path in sorted(shards_dir.iterdir()):
            if f"{SHARDS_DIR}/{path.name}/" not in places.values():
                shutil.rmtree(path)
        if not any(shards_dir.iterdir()):
            shards_dir.rmdir()
    shutil.rmtree(bundle_dir / DELTA_DIR, ignore_errors=True)
    state = SearchState(main=main, delta={})
    write_if_changed(bundle_dir / OVERLAY_FILE, get_json_bytes(state.overlay()), SITE_FILE_MODE)
    return state, indexed


def get_delta(state: SearchState, digests: Mapping[str, str]) -> SearchState:
    """The pages that differ from the shards' (changed or new), and those gone."""
    delta = {url: digest for url, digest in digests.items() if state.main.get(url, ("",))[0] != digest}
    return SearchState(main=state.main, delta=delta, removed=frozenset(set(state.main) - set(digests)))


def index_language_delta(pages: Mapping[str, str], lang: str, lang_dir: Path, old: SearchState, new: SearchState) -> None:
    """Index ``new.delta`` into ``delta/`` (unless ``old`` had the same) and write the overlay."""
    bundle_dir = lang_dir / SEARCH_DIR
    if new.delta and new.delta != old.delta:
        delta_pages = {url: pages[url] for url in new.delta}
        with get_scratch_dir(delta_pages.values(), lang_dir.parent, "delta") as fresh:
            write_pagefind_bundle(delta_pages, lang, Path(fresh), lang_dir.parent)
            drop_scripts(Path(fresh))
            sync_tree(Path(fresh), bundle_dir / DELTA_DIR)
    elif not new.delta:
        shutil.rmtree(bundle_dir / DELTA_DIR, ignore_errors=True)
    write_if_changed(bundle_dir / OVERLAY_FILE, get_json_bytes(new.overlay()), SITE_FILE_MODE)


def get_delta_max(pages: int) -> float:
    return max(DELTA_MAX_PAGES, DELTA_MAX_SHARE * pages)


def is_up_to_date(old: SearchState, new: SearchState, places: Mapping[str, str], incremental: bool) -> bool:
    """Whether the bundle as ``old`` left it indexes the pages as ``new`` found them.

    An incremental build keeps an overlay that is still right; a full build wants clean
    shards, each where ``places`` puts it, with no overlay at all.
    """
    if incremental:
        return (new.delta, new.removed) == (old.delta, old.removed)
    clean = not (new.delta or new.removed or old.delta or old.removed)
    return clean and all(place == places[url] for url, (_, _, place) in old.main.items())


PAGES_FILE = "search-pages.json"
"""Beside a language's bundle: page URL -> [fingerprint of what the page is made of
(``SearchPages.fingerprint``), digest of its HTML], so that a build makes the HTML of
changed pages only (at 20,000 texts, making every page's took longer than the rest of an
incremental build). A record is a cache of a pure function: an entry is used only for
its own fingerprint, and a record that is not what this code writes is ignored."""


def load_page_digests(lang_dir: Path) -> dict[str, tuple[str, str]]:
    data = read_json(lang_dir / PAGES_FILE)
    if not isinstance(data, dict):
        return {}
    return {
        url: (entry[0], entry[1])
        for url, entry in data.items()
        if isinstance(entry, list) and len(entry) == 2 and all(isinstance(part, str) for part in entry)
    }


def get_page_digests(pages: SearchPages, lang_dir: Path, digests: Mapping[str, str]) -> dict[str, str]:
    """URL -> digest of its HTML: recorded for a page whose fingerprint is the recorded
    one, else made (and recorded)."""
    recorded = load_page_digests(lang_dir)
    fingerprints = pages.fingerprint(digests)
    found = {}
    for url in pages:
        entry = recorded.get(url)
        fingerprint = fingerprints.get(url)
        found[url] = entry[1] if fingerprint and entry and entry[0] == fingerprint else get_page_digest(pages[url])
    save_page_digests(lang_dir, fingerprints, found)
    return found


def save_page_digests(lang_dir: Path, fingerprints: Mapping[str, str], found: Mapping[str, str]) -> None:
    record = {url: [fingerprint, found[url]] for url, fingerprint in fingerprints.items()}
    write_if_changed(lang_dir / PAGES_FILE, get_json_bytes(record))


def write_search_indexes(
    corpus: Corpus,
    output_dir: Path,
    languages: Iterable[str] = LANGUAGES,
    incremental: bool = False,
    digests: Mapping[str, str] | None = None,
) -> dict[str, int]:
    """Write ``output_dir/<lang>/pagefind/`` for every language whose pages changed.

    A language whose pages are those its shards index is left as it is: editing one
    English text re-indexes English only, and a change of theme re-indexes nothing.
    ``incremental``: up to DELTA_MAX changed pages go into the delta bundle (see above)
    instead of new shards; without it, any change re-indexes the shards it touches.
    The languages at once, each in a thread that mostly waits on its Pagefind runs:
    Pagefind uses one core, and one language's shards after the other left the second
    core idle once the pages were written (bench/RESULTS.md). Within a language the shards
    go one after the other: Pagefind's memory grows with the text it indexes. Returns the
    number of pages indexed in each language that was. ``digests`` (``Content.digests``):
    pages whose inputs did not change are known by the digest recorded (``PAGES_FILE``),
    their HTML not made.
    """
    languages = list(languages)
    calls = [
        functools.partial(index_language, SearchPages(corpus, lang), Path(output_dir).resolve() / lang, incremental, digests or {})
        for lang in languages
    ]
    counts = processes.run_at_once(calls) if (os.cpu_count() or 1) > 1 else [call() for call in calls]
    return {lang: count for lang, count in zip(languages, counts, strict=True) if count is not None}


def index_language(pages: SearchPages, lang_dir: Path, incremental: bool, digests: Mapping[str, str]) -> int | None:
    """``write_search_indexes`` for one language: the number of pages indexed, or None if
    its bundle was up to date."""
    lang = pages.lang
    lang_dir.mkdir(parents=True, exist_ok=True)
    places = get_page_shards(pages.corpus, pages)
    old = load_search_state(lang_dir)
    if old is None:
        # Every shard indexed: each page's HTML made once, as its shard is, and its digest
        # taken from that.
        (lang_dir / STATE_FILE).unlink(missing_ok=True)
        new, indexed = index_language_fully(pages, {}, places, lang, lang_dir, None)
        save_page_digests(lang_dir, pages.fingerprint(digests), {url: entry[0] for url, entry in new.main.items()})
        save_search_state(lang_dir, new)
        return indexed
    page_digests = get_page_digests(pages, lang_dir, digests)
    new = get_delta(old, page_digests)
    if is_up_to_date(old, new, places, incremental):
        return None
    (lang_dir / STATE_FILE).unlink(missing_ok=True)  # until the bundle matches it again
    if incremental and len(new.delta) + len(new.removed) <= get_delta_max(len(pages)):
        index_language_delta(pages, lang, lang_dir, old, new)
        indexed = len(new.delta)
    else:
        new, indexed = index_language_fully(pages, page_digests, places, lang, lang_dir, old)
    save_search_state(lang_dir, new)
    return indexed


def get_search_files(context: OutputContext, lang: str | None) -> dict[str, str]:
    """The language's bundle, as ``write_search_indexes`` left it in the build folder.

    The build indexes before MkDocs runs (MkDocs empties its site folder, and the search
    index needs only the corpus); the output writer then hard-links these files into the
    site where it can, and an unchanged file is known by its inode, without reading it.
    """
    bundle = context.build_dir / "search" / str(lang) / SEARCH_DIR
    files = {}
    # os.walk: the kind of each entry from the listing, not a stat a file; strings, not a
    # Path a file (tens of thousands of fragments at 20,000 texts)
    for folder, _, names in os.walk(bundle):
        inside = os.path.relpath(folder, bundle).replace(os.sep, "/")
        prefix = f"{SEARCH_DIR}/" if inside == "." else f"{SEARCH_DIR}/{inside}/"
        for name in names:
            files[prefix + name] = f"{folder}/{name}"
    return dict(sorted(files.items()))


def prepare_search(context: OutputContext) -> dict[str, int]:
    """Index every language whose pages changed (see ``write_search_indexes``)."""
    return write_search_indexes(context.corpus, context.build_dir / "search", LANGUAGES, context.incremental, context.digests)


OUTPUT = Output("search", get_search_files, prepare=prepare_search, prepare_beside=True)
