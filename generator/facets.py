"""What a text is browsed and filtered by: its year, its document type, its tags and its
authors. The listing pages (``generator.render.listings``) and the search index's filters
(``generator.outputs.search``) read them from here, so that a filter and its listing page
always hold the same texts.

A listing's URL must be the same in every language (the language switch keeps the path),
so each facet has a key that does not depend on the language: the year, the slug of the
document type as the first language's version prints it, the slug of a tag.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from generator.languages import LANGUAGES
from generator.memo import per_corpus
from generator.model import Corpus, Document
from generator.names import slugify


def get_year(document: Document) -> str:
    """"2012", or "" for an undated text."""
    return str(document.date.year) if document.date else ""


def get_type_key(document: Document) -> str:
    """The slug of the document type as the first language that has a version prints it
    ("greens-efa-motion-for-a-resolution"); "" where no version has a type."""
    for code in LANGUAGES:
        version = document.versions.get(code)
        if version and version.doc_type:
            return slugify(version.doc_type)
    return ""


def get_tags(document: Document) -> Iterator[tuple[str, str]]:
    """(slug, tag as written) of each tag of ``meta.yml``, once a slug."""
    seen = set()
    for tag in document.meta.tags:
        key = slugify(tag)
        if key and key not in seen:
            seen.add(key)
            yield key, tag


def get_author_slugs(corpus: Corpus, document: Document) -> tuple[str, ...]:
    """The person slugs of the people who answer for the text (its authors and responsible
    MEPs, in every version), in the order printed, each once."""
    known = get_every_author_slugs(corpus).get(document.slug)
    return known if known is not None and corpus.by_slug.get(document.slug) is document else find_author_slugs(corpus, document)


@per_corpus
def get_every_author_slugs(corpus: Corpus) -> Mapping[str, tuple[str, ...]]:
    """Text slug -> ``get_author_slugs``, for every text at once: the search asks for
    them page by page, in each language."""
    return MappingProxyType({document.slug: find_author_slugs(corpus, document) for document in corpus.documents})


def find_author_slugs(corpus: Corpus, document: Document) -> tuple[str, ...]:
    slugs: dict[str, None] = {}
    for code in LANGUAGES:
        version = document.versions.get(code)
        if version is None:
            continue
        for name in (*(ref.name for ref in version.meps), *(author.name for author in version.authors)):
            slug = corpus.person_slugs.get((document.slug, name))
            if slug:
                slugs.setdefault(slug)
    return tuple(slugs)


@dataclass(frozen=True)
class Listing:
    """One listing page: the texts of one year, one document type or one tag."""

    kind: str
    """"years", "types" or "tags": the folder of its URL (``resolutions/<kind>/<key>/``)."""
    key: str
    slugs: tuple[str, ...]
    """The texts listed, newest first (the corpus's order)."""

    @property
    def path(self) -> str:
        return get_listing_path(self.kind, self.key)


def get_listing_path(kind: str, key: str) -> str:
    """A listing's page: ``resolutions/years/2012/``, ``resolutions/tags/<tag>/``."""
    return f"resolutions/{kind}/{key}/index.md"


LISTING_KINDS = ("years", "types", "tags")


@per_corpus
def get_listings(corpus: Corpus) -> Mapping[str, tuple[Listing, ...]]:
    """Kind -> its listings: years newest first, types and tags by how many texts they
    hold (most first), then by key."""
    groups: dict[str, dict[str, list[str]]] = {kind: {} for kind in LISTING_KINDS}
    for document in corpus.documents:
        keys = {"years": [get_year(document)], "types": [get_type_key(document)], "tags": [key for key, _ in get_tags(document)]}
        for kind, found in keys.items():
            for key in filter(None, found):
                groups[kind].setdefault(key, []).append(document.slug)

    def order(kind: str) -> list[str]:
        if kind == "years":
            return sorted(groups[kind], reverse=True)
        return sorted(groups[kind], key=lambda key: (-len(groups[kind][key]), key))

    return MappingProxyType({kind: tuple(Listing(kind, key, tuple(groups[kind][key])) for key in order(kind)) for kind in LISTING_KINDS})


def get_label(corpus: Corpus, listing: Listing, lang: str) -> str:
    """A listing's name on the ``lang`` site: the year; the type its texts print most
    often in the version that site shows; the tag as its texts write it most often."""
    if listing.kind == "years":
        return listing.key
    return get_labels(corpus).get((listing.kind, listing.key, lang), listing.key)


@per_corpus
def get_labels(corpus: Corpus) -> Mapping[tuple[str, str, str], str]:
    """(kind, key, language) -> the label of every type and tag listing (``get_label``),
    in one pass over the texts: a pass over each listing's texts for each listing, in
    each stage that names them (the listing pages, the search filters, the feeds), took
    seconds at 20,000 texts. Of names printed as often, the first a text prints wins."""
    counts: dict[tuple[str, str, str], Counter[str]] = {}
    for document in corpus.documents:
        type_key = get_type_key(document)
        tags = list(get_tags(document))
        for lang in LANGUAGES:
            if type_key:
                counts.setdefault(("types", type_key, lang), Counter())[document.version(lang).doc_type] += 1
            for key, tag in tags:
                counts.setdefault(("tags", key, lang), Counter())[tag] += 1
    labels = {}
    for place, names in counts.items():
        names.pop("", None)
        if names:
            labels[place] = names.most_common(1)[0][0]
    return MappingProxyType(labels)
