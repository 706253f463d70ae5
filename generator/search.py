"""The search stage: one Pagefind index per language, one record per unit (issue 5).

Material's own search writes one ``search_index.json`` that every reader downloads whole
before the first result (98 MB, 20 MB gzipped, at 2,000 texts). Pagefind splits its index
into chunks and fragments and a reader fetches only those a query needs, so we feed it
records ourselves: one per citation, recital, paragraph and point, whose URL is the
unit's permalink. A hit then opens the page at that unit, not at the top of a long text.

The records are a pure function of the corpus (``get_search_records``). The build
indexes each language before rendering (``write_search_indexes`` into
``build/search/<lang>/pagefind/``: only the corpus is in memory then) and copies the
bundles into ``site/<lang>/pagefind/`` after MkDocs (``install_search_indexes``), where
the header's search box (``theme_overrides/partials/unit-search.html``) finds them.
``write_search_index(corpus, lang, site_lang_dir)`` does both for one language.

How records reach Pagefind: each record is a unit, but Pagefind is given one page per
text whose units are elements with their ids (Pagefind calls them anchors, each with its
word position). Why: the index's page table (``pf_meta``), which every first query
downloads whole, grows with the number of Pagefind pages: at 2,000 texts one Pagefind
page per unit (87,000 a language) made it 528 KB gzipped, over the 300 KB a first search
may cost; one per text makes it 17 KB. The search box maps each matching word position
back to its unit (``assets/javascripts/search.js``), so a hit still reads
"Kazakhstan — paragraph 7" and opens ``#para_7``.

Record URLs are relative to the language root ("resolutions/<slug>/#para_7"), and so are
Pagefind's page URLs ("/resolutions/<slug>/", from the synthesized page's path):
pagefind.js prefixes them with the folder its bundle was loaded from minus ``pagefind/``
(its default ``baseUrl``), so they resolve under any path prefix
(https://user.github.io/repo/en/).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Iterable, Iterator

from generator.errors import GeneratorError
from generator.i18n import _, get_gettext
from generator.writer import write_file_atomically
from generator.model import LANGUAGES, Citation, Corpus, Document, Paragraph, Person, Point, Recital, Unit

SEARCH_DIR = "pagefind"
"""The bundle's folder inside each language's site folder."""

# How a hit reads, per kind of unit: the title of the text, then the unit as a reader
# cites it ("see paragraph 7"; a French citation is a "visa", a recital a "considérant").
UNIT_TITLES = {
    "citation": _("%(title)s — citation %(num)s"),
    "recital": _("%(title)s — recital %(num)s"),
    "paragraph": _("%(title)s — paragraph %(num)s"),
    "point": _("%(title)s — paragraph %(paragraph)s (%(num)s)"),
}


def get_search_strings(lang: str) -> dict[str, str]:
    """The search box's strings in ``lang``, for the theme (per-language ``extra.search``).

    The hit titles are templates with ``{title}``, ``{num}``, ``{paragraph}``: the search
    script fills them in from a hit's unit id, exactly as ``unit_title`` does here.
    """
    t = get_gettext(lang)
    placeholders = {"title": "{title}", "num": "{num}", "paragraph": "{paragraph}"}
    return {
        "label": t(_("Search")),
        "placeholder": t(_("Search the resolutions")),
        "results": t(_("Search results")),
        "no_results": t(_("No results")),
        **{f"title_{kind}": t(message) % placeholders for kind, message in UNIT_TITLES.items()},
    }


@dataclass(frozen=True)
class SearchRecord:
    """One entry of a language's search index: what a hit shows and where it leads."""

    url: str
    """Relative to the language root: ``resolutions/<slug>/#para_7`` (a unit's permalink)."""
    title: str
    """What the hit reads: "Kazakhstan — paragraph 7"."""
    content: str
    """The indexed text: the unit's text (a person's name and roles for a person)."""
    page_title: str
    """The title of the page the record is on ("Kazakhstan"; a person's name)."""
    language: str
    """``en`` or ``fr``: the index (and its stemmer) the record belongs to."""


def resolution_url(slug: str) -> str:
    """A text's page, relative to the language root (DESIGN.md section 4)."""
    return f"resolutions/{slug}/"


def person_url(slug: str) -> str:
    return f"meps/{slug}/"


def unit_title(title: str, unit: Unit, lang: str, paragraph: Paragraph | None = None) -> str:
    """How a hit on the unit reads: "Kazakhstan — paragraph 7", "Kazakhstan — paragraphe 2 a)"."""
    t = get_gettext(lang)
    if isinstance(unit, Citation):
        return t(UNIT_TITLES["citation"]) % {"title": title, "num": unit.eid.removeprefix("cit_")}
    if isinstance(unit, Recital):
        return t(UNIT_TITLES["recital"]) % {"title": title, "num": unit.num}
    if isinstance(unit, Paragraph):
        return t(UNIT_TITLES["paragraph"]) % {"title": title, "num": unit.num}
    if isinstance(unit, Point):
        number = paragraph.num if paragraph else unit.eid.split("__")[0].removeprefix("para_")
        return t(UNIT_TITLES["point"]) % {"title": title, "paragraph": number, "num": unit.num}
    raise TypeError(f"not a unit: {unit!r}")


def iter_units_with_paragraph(document: Document, lang: str) -> Iterator[tuple[Unit, Paragraph | None]]:
    """Every unit of the text in ``lang`` with, for a point, the paragraph it belongs to."""
    version = document.version(lang)
    yield from ((unit, None) for unit in version.citations)
    yield from ((unit, None) for unit in version.recitals)
    for paragraph in version.paragraphs:
        yield paragraph, None
        yield from ((point, paragraph) for point in paragraph.points)


def get_document_records(document: Document, lang: str) -> Iterator[SearchRecord]:
    """The records of one text: its units, in document order.

    A text missing in ``lang`` is indexed in the version the site shows in its place
    (``Document.version``), so that the page is found from either language's search.
    """
    version = document.version(lang)
    page = resolution_url(document.slug)
    for unit, paragraph in iter_units_with_paragraph(document, lang):
        yield SearchRecord(
            url=f"{page}#{unit.eid}",
            title=unit_title(version.title, unit, lang, paragraph),
            content=unit.text,
            language=lang,
            page_title=version.title,
        )


def get_person_record(person: Person, lang: str) -> SearchRecord:
    facts = (person.role, person.group, person.national_party, person.country)
    return SearchRecord(
        url=person_url(person.slug),
        title=person.name,
        content=" ".join([person.name, *filter(None, facts)]),
        language=lang,
        page_title=person.name,
    )


def get_search_records(corpus: Corpus, lang: str) -> list[SearchRecord]:
    """Every record of the ``lang`` index: each unit of each text, then each person."""
    records = [record for document in corpus.documents for record in get_document_records(document, lang)]
    records.extend(get_person_record(person, lang) for person in corpus.people)
    return records


class PagefindError(GeneratorError):
    """Pagefind failed to index a language."""


def get_page_html(records: list[SearchRecord], lang: str) -> str:
    """What Pagefind indexes for one page: its title, then each unit as an anchor.

    Only what is searched is here (no navigation, no labels): "paragraph" and "7" are
    not words of the text, and indexing them would make every page match them.
    """
    title = escape(records[0].page_title)
    # An empty element carries the id: Pagefind keeps each anchor's text in the page's
    # fragment, which would hold every unit's text twice (bigger downloads, and ~10% more
    # memory for Pagefind); the anchor's word position is all the search box needs.
    units = "".join(
        f'<p><span id="{escape(anchor)}"></span>{escape(record.content)}</p>' if anchor
        else f"<p>{escape(record.content)}</p>"
        for record in records
        for anchor in [record.url.partition("#")[2]]
    )
    return f'<html lang="{lang}"><head><title>{title}</title></head><body><h1>{title}</h1>{units}</body></html>'


def group_records_by_page(records: Iterable[SearchRecord]) -> dict[str, list[SearchRecord]]:
    pages: dict[str, list[SearchRecord]] = {}
    for record in records:
        pages.setdefault(record.url.partition("#")[0], []).append(record)
    return pages


def write_pagefind_bundle(records: list[SearchRecord], lang: str, output_dir: Path) -> None:
    """Index ``records`` with the Pagefind command line and write the bundle into ``output_dir``.

    Why the command line (``python -m pagefind``, from the pagefind and pagefind-bin
    packages) and not its Python API: the API indexes 10 records a second (its reader
    sleeps 100 ms before each answer, pagefind 1.5.2), and in its service mode the answer
    to "write files" can come before the files are fully written (Pagefind issue #1271,
    fixed by PR #1272): a torn bundle about one build in six under load. The command line
    waits for its writes before it exits.
    """
    with get_scratch_dir(records, prefix="pagefind-pages-") as pages_dir:
        for url, page_records in group_records_by_page(records).items():
            # resolutions/<slug>/index.html: Pagefind gives it the URL /resolutions/<slug>/,
            # which pagefind.js resolves against the bundle's parent folder.
            path = Path(pages_dir, url, "index.html")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(get_page_html(page_records, lang), encoding="utf-8")
        # force-language: one index per site folder, with that language's stemmer, whatever
        # language a record's text happens to be in (a text missing in French shows in English).
        command = [sys.executable, "-m", "pagefind", "--site", pages_dir, "--output-path", str(output_dir),
                   "--force-language", lang, "--silent"]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            lines = (result.stderr or result.stdout).strip().splitlines()
            raise PagefindError(f"pagefind failed for {lang!r}: {lines[-1] if lines else result.returncode}")


def sync_tree(source: Path, target: Path) -> list[str]:
    """Make ``target`` a copy of ``source``, writing only files whose bytes differ.

    Pagefind names its chunks and fragments by content hash, so after one text changes
    most files are already right: leaving them untouched keeps an incremental build (and
    an rsync or CDN upload after it) small. Returns the relative paths written.
    """
    written = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        relative = path.relative_to(source)
        destination = target / relative
        data = path.read_bytes()
        if destination.is_file() and destination.stat().st_size == len(data) and destination.read_bytes() == data:
            continue
        write_file_atomically(destination, data)
        destination.chmod(0o644)  # a temporary file is private; a site's files are for everyone
        written.append(relative.as_posix())
    if target.is_dir():
        for path in sorted((p for p in target.rglob("*") if p.is_file()), reverse=True):
            if not (source / path.relative_to(target)).is_file():
                path.unlink()
    return written


def write_search_index(corpus: Corpus, lang: str, site_lang_dir: Path) -> int:
    """Write ``site_lang_dir/pagefind/`` for ``lang``; return the number of records.

    The bundle is written aside and synced in: only files whose bytes changed are written.
    """
    records = get_search_records(corpus, lang)
    bundle_dir = Path(site_lang_dir).resolve() / SEARCH_DIR
    bundle_dir.parent.mkdir(parents=True, exist_ok=True)
    with get_scratch_dir(records, prefix="pagefind-bundle-") as fresh:
        write_pagefind_bundle(records, lang, Path(fresh))
        sync_tree(Path(fresh), bundle_dir)
    return len(records)


SCRATCH_IN_MEMORY = Path("/dev/shm")


def get_scratch_dir(records: list[SearchRecord], prefix: str) -> tempfile.TemporaryDirectory:
    """A temporary folder for files that live seconds: in memory (``/dev/shm``) if it has room.

    The pages handed to Pagefind and its fresh bundle are thousands of small files read
    once and deleted; on the disks of CI machines and containers (overlay file systems)
    writing 2,000 of them took 3.5 s, in /dev/shm 0.06 s. Room: 4 times the indexed text.
    """
    needed = 4 * sum(len(record.content) + len(record.url) for record in records)
    if SCRATCH_IN_MEMORY.is_dir() and os.access(SCRATCH_IN_MEMORY, os.W_OK):
        if shutil.disk_usage(SCRATCH_IN_MEMORY).free > needed:
            return tempfile.TemporaryDirectory(prefix=prefix, dir=SCRATCH_IN_MEMORY)
    return tempfile.TemporaryDirectory(prefix=prefix)


def get_records_digest(records: list[SearchRecord]) -> str:
    """A fingerprint of what a bundle indexes: equal digests, equal bundles."""
    # Each field with its length: unambiguous, and 5 times faster than a JSON dump of each
    # record (0.6 s for a language at 2,000 texts, on the incremental build's path).
    fields = (field for r in records for field in (r.url, r.title, r.content, r.page_title, r.language))
    return hashlib.sha256("".join(f"{len(field)}:{field}" for field in fields).encode("utf-8")).hexdigest()


def write_search_indexes(corpus: Corpus, output_dir: Path, languages: Iterable[str] = LANGUAGES) -> dict[str, int]:
    """Write ``output_dir/<lang>/pagefind/`` for every language whose records changed.

    A language whose records are those of the bundle already there (``records.sha256``
    beside it) is left as it is: editing one English text re-indexes English only, and
    a change of theme re-indexes nothing. Languages one after the other, not at once:
    Pagefind takes ~650 MB to index 2,000 texts, and two at once would break the build's
    1 GB budget (the MkDocs builds are what runs concurrently). Returns the number of
    records of each language indexed.
    """
    indexed = {}
    for lang in languages:
        records = get_search_records(corpus, lang)
        digest, digest_path = get_records_digest(records), Path(output_dir) / lang / "records.sha256"
        if digest_path.is_file() and digest_path.read_text(encoding="utf-8") == digest:
            continue
        digest_path.unlink(missing_ok=True)  # until the new bundle is complete
        bundle_dir = Path(output_dir).resolve() / lang / SEARCH_DIR
        bundle_dir.parent.mkdir(parents=True, exist_ok=True)
        with get_scratch_dir(records, prefix="pagefind-bundle-") as fresh:
            write_pagefind_bundle(records, lang, Path(fresh))
            sync_tree(Path(fresh), bundle_dir)
        digest_path.write_text(digest, encoding="utf-8")
        indexed[lang] = len(records)
    return indexed


def install_search_indexes(output_dir: Path, site_dir: Path, languages: Iterable[str] = LANGUAGES) -> None:
    """Copy the bundles written by ``write_search_indexes`` into the built site.

    The build indexes before MkDocs runs (MkDocs empties its site folder, and the search
    index needs only the corpus), then installs the bundles here.
    """
    for lang in languages:
        sync_tree(Path(output_dir) / lang / SEARCH_DIR, Path(site_dir) / lang / SEARCH_DIR)
