"""Which pages an incremental build must render again: a fingerprint of each page's inputs.

A page's Markdown is a function of the generator's code, its language and the parts of
the corpus its builder reads (``generator.render.pages``). A fingerprint is a digest of exactly
those; an incremental build renders a page only when its fingerprint is not the one
recorded when its file was last written (``site.build/cache/pages.<lang>.json``). What each
kind of page reads:

- a text's page: the text (every version, its meta: ``Content.digests``), the links in
  its citations (with the titles of what they cite, and whether each cited text is in the
  corpus), the person pages its names link to, and for "cited by" each citing text;
- a text's comparison page: what its page reads (a little more than it needs);
- a person's page: the person, and each text they answer for;
- a list of texts (the home's newest, the index, a year, a type, a tag): the line each
  listed text gets (its slug, and the title, date and document type of the version the
  language shows) and the tags of each (a tag's name on its page is the one its texts
  write most often); the index also the listings it links to, with the texts of each
  (their number and name), and the home the site's settings;
- the people's index and the authors' page: always rendered (they list people, not texts).

A page whose builder reads more than this list must say so here: the byte-for-byte test
of incremental builds (tests/test_incremental.py) is there to catch a miss.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.facets import get_listings
from generator.fs import read_string_mapping, write_file_atomically
from generator.model import CitationLink, Corpus
from generator.read.cache import get_code_version
from generator.render.comparison import has_comparison
from generator.render.listings import INDEX_PATH
from generator.render.pages import HOME_PATH, LATEST_COUNT
from generator.urls import get_comparison_path, get_person_path, get_resolution_path


def digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


class _Computed:
    """The fingerprints of the last corpus and digests asked for (by identity: both are
    not changed once made)."""

    corpus: Corpus | None = None
    digests: Mapping[str, str] | None = None
    text: dict[str, str] = {}
    by_language: dict[str, dict[str, str]] = {}


def get_page_fingerprints(corpus: Corpus, digests: Mapping[str, str], lang: str) -> dict[str, str]:
    """Path -> fingerprint of every page that has one (see above), computed once for a
    corpus and its digests (the writer and the outputs' preparation in the process
    forked from it both ask for it: the build asks before forking)."""
    if _Computed.corpus is not corpus or _Computed.digests is not digests:
        _Computed.corpus, _Computed.digests, _Computed.by_language = corpus, digests, {}
        _Computed.text = get_text_fingerprints(corpus, digests)
    if lang not in _Computed.by_language:
        fingerprints = {path: digest(lang, fingerprint) for path, fingerprint in _Computed.text.items()}
        fingerprints.update(get_list_fingerprints(corpus, lang))
        _Computed.by_language[lang] = fingerprints
    return _Computed.by_language[lang]


def get_text_fingerprints(corpus: Corpus, digests: Mapping[str, str]) -> dict[str, str]:
    """The pages of texts and people, before the language is added (they read the same
    records in every language)."""
    salt = get_code_version()
    links_by_slug: dict[str, list[tuple[tuple[str, str, str], tuple[CitationLink, ...]]]] = defaultdict(list)
    for key, links in corpus.links.items():
        links_by_slug[key[0]].append((key, links))

    def text_digest(slug: str) -> str | None:
        """The text's digest, None when it is not in the corpus (a link to it is dropped)."""
        return digests.get(slug, "unknown") if slug in corpus.by_slug else None

    fingerprints = {}
    for document in corpus.documents:
        slug = document.slug
        if slug not in digests:
            continue  # a corpus built by hand: render it
        text_links = sorted(links_by_slug.get(slug, ()), key=lambda item: item[0])
        targets = sorted({link.slug for _, found in text_links for link in found if link.slug})
        versions = document.versions.values()
        names = sorted(
            {ref.name for version in versions for ref in (*version.meps, *version.contacts)}
            | {author.name for version in versions for author in version.authors}
        )
        citing = corpus.cited_by.get(slug, ())
        fingerprints[get_resolution_path(slug)] = text_fingerprint = digest(
            salt,
            digests[slug],
            text_links,
            [(target, text_digest(target)) for target in targets],
            [(name, corpus.person_slugs.get((slug, name))) for name in names],
            citing,
            [(citing_slug, text_digest(citing_slug)) for citing_slug, _ in citing],
        )
        if has_comparison(document):
            fingerprints[get_comparison_path(slug)] = digest(text_fingerprint, "comparison")
    for person in corpus.people:
        slugs = (corpus.responsible.get(person.slug, ()), corpus.contact_for.get(person.slug, ()))
        fingerprints[get_person_path(person.slug)] = digest(
            salt, person, slugs, [(slug, text_digest(slug)) for group in slugs for slug in group]
        )
    return fingerprints


def get_list_fingerprints(corpus: Corpus, lang: str) -> dict[str, str]:
    """The home, the index and the listing pages of ``lang``: what each line of theirs
    shows (``render_resolution_item``) and the tags that name a tag's listing."""
    salt = (get_code_version(), lang)
    lines = {}
    for document in corpus.documents:
        version = document.version(lang)
        line = (document.slug, version.lang, version.date, version.doc_type, version.title, document.meta.tags)
        lines[document.slug] = hashlib.sha256(repr(line).encode("utf-8")).digest()

    def fingerprint(*parts: object, slugs: Iterable[str]) -> str:
        hashed = hashlib.sha256(repr((salt, parts)).encode("utf-8"))
        for slug in slugs:
            hashed.update(lines[slug])
        return hashed.hexdigest()

    listings = get_listings(corpus)
    fingerprints = {
        listing.path: fingerprint(listing.path, listing.kind, listing.key, slugs=listing.slugs)
        for group in listings.values()
        for listing in group
    }
    every_listing = [(listing.kind, listing.key, listing.slugs) for group in listings.values() for listing in group]
    slugs = [document.slug for document in corpus.documents]
    fingerprints[INDEX_PATH] = fingerprint(INDEX_PATH, every_listing, bool(corpus.responsible), slugs=slugs)
    fingerprints[HOME_PATH] = fingerprint(HOME_PATH, repr(corpus.settings), bool(slugs), slugs=slugs[:LATEST_COUNT])
    return fingerprints


def load_fingerprints(path: Path) -> dict[str, str]:
    return read_string_mapping(path)


def save_fingerprints(path: Path, fingerprints: Mapping[str, str]) -> None:
    write_file_atomically(path, json.dumps(fingerprints, sort_keys=True).encode("utf-8"))
