"""Each text's data as JSON, beside its page: ``/<lang>/resolutions/<slug>/index.json``.

One file a version (a text in a language it exists in; the page of a missing version
links the data of the version it shows). The object is ``parse --json``'s
(``Resolution.to_json``, with what ``meta.yml`` corrects) and what linking found: each
citation's links (the cited text's page, the unit, the title), the texts that cite this
one, the people's pages, and where the text comes from (its official page, PDF and
procedure file, by ``site.yml``'s patterns). ``generator/outputs/resolution.schema.json``
describes it; the site publishes that schema beside the corpus dump, whose lines are
these same objects (``generator.outputs.corpus_dump``).

URLs of the site are absolute where the build knows the site's URL, else relative to
the site's root (``en/resolutions/x/``): a JSON value has no base to resolve against, and
the dump's lines are all in one file.

The bytes are deterministic: keys sorted, no whitespace, UTF-8.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import msgspec

from generator.languages import LANGUAGES
from generator.link.linker import adoption_date
from generator.model import Citation, CitationLink, Corpus, Document, Resolution
from generator.outputs import OutputContext
from generator.render.escaping import SAFE_URL_SCHEMES
from generator.urls import (
    get_person_url,
    get_resolution_url,
)


def get_page_path(lang: str, slug: str, eid: str = "") -> str:
    """A text's page inside the site folder, at a unit where given: ``en/resolutions/x/#cit_1``."""
    return f"{lang}/{get_resolution_url(slug)}" + (f"#{eid}" if eid else "")


def get_citation_links(context: OutputContext, document: Document, version: Resolution, citation: Citation) -> list[dict]:
    """The links of one citation, as its page shows them (the same spans are dropped)."""
    found, position = [], 0
    for link in sorted(context.corpus.links.get((document.slug, version.lang, citation.eid), ()), key=lambda link: link.start):
        if link.start < position or not 0 <= link.start < link.end <= len(citation.text):
            continue
        target = get_link_target(context, version.lang, link)
        if target is None:
            continue
        found.append({"start": link.start, "end": link.end, "text": citation.text[link.start : link.end], **target})
        position = link.end
    return found


def get_link_target(context: OutputContext, lang: str, link: CitationLink) -> dict | None:
    """What a link opens: a text of the corpus (its page in ``lang``, at the unit) or an
    official page; None for a target the site does not link (as its pages do not)."""
    corpus = context.corpus
    if link.slug:
        cited = corpus.by_slug.get(link.slug)
        if cited is None:
            return None
        return {
            "slug": link.slug,
            "unit": link.eid or None,
            "url": context.get_url(get_page_path(lang, link.slug, link.eid)),
            "title": cited.version(lang).title,
        }
    url = link.url.get(lang) or next((link.url[code] for code in LANGUAGES if link.url.get(code)), "")
    if not url.startswith(SAFE_URL_SCHEMES):
        return None
    title = link.title.get(lang) or next(iter(link.title.values()), "")
    return {"slug": None, "unit": None, "url": url, "title": title or None}


def get_person_link(context: OutputContext, slug: str, name: str, lang: str) -> dict | None:
    """The page of the person a text names as ``name``, or None where none matched."""
    person = context.corpus.person_slugs.get((slug, name))
    return {"slug": person, "url": context.get_url(f"{lang}/{get_person_url(person)}")} if person else None


def get_cited_by(context: OutputContext, document: Document, lang: str) -> list[dict]:
    """The later texts that cite this one, each at the citing citation, in ``lang``'s pages."""
    found = []
    for citing_slug, eid in context.corpus.cited_by.get(document.slug, ()):
        citing = context.corpus.by_slug.get(citing_slug)
        if citing is None:
            continue
        version = citing.version(lang)
        found.append({
            "slug": citing_slug,
            "citation": eid,
            "url": context.get_url(get_page_path(lang, citing_slug, eid)),
            "title": version.title,
            "date": version.date.isoformat() if version.date else None,
        })
    return found


def get_version(document: Document, lang: str) -> Resolution:
    """``document``'s version in ``lang`` (which it has), with the number and procedure
    of its ``meta.yml`` (as its page shows them; the read stage puts them into the
    version already, a corpus made in code may not)."""
    version = document.versions[lang]
    meta = document.meta
    if (meta.reference and meta.reference != version.reference) or (meta.procedure and meta.procedure != version.procedure):
        return dataclasses.replace(version, reference=meta.reference or version.reference, procedure=meta.procedure or version.procedure)
    return version


def get_text_data(context: OutputContext, document: Document, lang: str) -> dict:
    """The data of ``document``'s version in ``lang`` (which it has)."""
    version = get_version(document, lang)
    settings = context.corpus.settings
    data = version.to_json()
    for citation, entry in zip(version.citations, data["citations"], strict=True):
        entry["links"] = get_citation_links(context, document, version, citation)
    for key in ("meps", "contacts", "authors"):
        for entry in data[key]:
            entry["person"] = get_person_link(context, document.slug, entry["name"], lang)
    adopted = adoption_date(document)
    data.update({
        "slug": document.slug,
        "url": context.get_url(get_page_path(lang, document.slug)),
        "languages": [code for code in LANGUAGES if code in document.versions],
        "unofficial": lang in document.meta.unofficial,
        "adopted": adopted.isoformat() if adopted else None,
        "tags": list(document.meta.tags),
        "aliases": list(document.meta.aliases),
        "cited_by": get_cited_by(context, document, lang),
        "sources": {
            **{key: url or None for key, url in settings.get_sources(version.reference, version.procedure, lang).items()},
            "imported_from": document.meta.source.get(lang),
        },
    })
    return data


_encoder = msgspec.json.Encoder(order="sorted")


def encode(data: dict) -> bytes:
    """Deterministic JSON: keys sorted, no whitespace, UTF-8 as it is. msgspec writes the
    bytes of ``json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))``
    (the tests compare them) in under a third of its time."""
    return _encoder.encode(data)


def iter_versions(corpus: Corpus, lang: str) -> Iterator[Document]:
    """The texts that exist in ``lang``."""
    return (document for document in corpus.documents if lang in document.versions)
