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
- the home page, the indexes and the listing pages (years, types, tags, authors) list
  many texts or people: always rendered.

A page whose builder reads more than this list must say so here: the byte-for-byte test
of incremental builds (tests/test_incremental.py) is there to catch a miss.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from generator.model import CitationLink, Corpus
from generator.read.cache import get_code_version
from generator.render.comparison import has_comparison
from generator.urls import get_comparison_path, get_person_path, get_resolution_path


def digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def get_page_fingerprints(corpus: Corpus, digests: Mapping[str, str], lang: str) -> dict[str, str]:
    """Path -> fingerprint of every page that has one (the lists have none: always rendered)."""
    salt = (get_code_version(), lang)
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


def load_fingerprints(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_fingerprints(path: Path, fingerprints: Mapping[str, str]) -> None:
    from generator.fs import write_file_atomically

    write_file_atomically(path, json.dumps(fingerprints, sort_keys=True).encode("utf-8"))
