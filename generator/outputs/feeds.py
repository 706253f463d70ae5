"""Atom feeds (RFC 4287) of each language: the newest texts (``feed.xml``), the texts of
each person (``meps/<slug>/feed.xml``, beside their page) and of each tag
(``tags/<tag>/feed.xml``); every page links the first in its ``<head>``, a person's page
and a text's page also theirs.

Made with feedgen, which builds them with lxml (every value escaped). A feed holds the
newest :data:`FEED_SIZE` texts, newest first. Nothing in it is the build's time: an
entry is dated by its text, a feed by its newest entry, so the same content gives the
same bytes. An entry's id is its page's absolute URL where the build knows the site's
URL (what feed readers expect); else a UUID made from the page's path, stable too.
Links are absolute where the URL is known, else relative to the feed (Atom resolves them
against the feed's own address).
"""

from __future__ import annotations

import datetime
import functools
import importlib.metadata
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from generator.facets import get_label, get_listings, get_tags
from generator.model import Corpus, Document
from generator.outputs import Output, OutputContext, SiteFile
from generator.outputs.store import Store, Work, prepare_languages
from generator.outputs.xml_chars import xml_text
from generator.read.cache import get_code_version
from generator.render.fingerprints import digest
from generator.render.strings import _, get_gettext, get_site_description, get_site_name
from generator.urls import LATEST_FEED_PATH, get_page_url, get_person_feed_path, get_person_url, get_resolution_url, get_tag_feed_path

STORE = "feeds"
FEEDGEN_VERSION = importlib.metadata.version("feedgen")
"""Part of a feed's fingerprint: feedgen writes its bytes."""
FEED_SIZE = 50
"""How many texts a feed holds, newest first."""
FEED_TYPE = "application/atom+xml"
FEED_END = b"\n</feed>\n"
"""How feedgen's pretty-printed feed ends, after its last element."""
ENTRY_START = b"\n  <entry>\n"
"""Where an entry begins in it (an entry's text is escaped: no ``<entry>`` inside)."""
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/resolutions-site-generator/atom-ids")
"""Of the UUIDs that stand for an entry's id where the site's URL is not known."""


def get_text_date(document: Document) -> datetime.datetime:
    """What dates a text's entry: its date (else its slug's), at midnight UTC."""
    day = document.date or datetime.date.fromisoformat(document.slug[:10])
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def get_person_feed_documents(corpus: Corpus) -> dict[str, list[Document]]:
    """Person slug -> the texts they are responsible for or the contact person of, newest first."""
    position = {document.slug: index for index, document in enumerate(corpus.documents)}
    found = {}
    for person in corpus.people:
        slugs = {*corpus.responsible.get(person.slug, ()), *corpus.contact_for.get(person.slug, ())}
        documents = sorted((corpus.by_slug[slug] for slug in slugs if slug in corpus.by_slug), key=lambda d: position[d.slug])
        if documents:
            found[person.slug] = documents
    return found


@dataclass(frozen=True)
class Feed:
    """One feed: where it is, what it says, which texts."""

    path: str
    """Inside the language's site folder."""
    title: str
    subtitle: str
    page: str
    """The page it is the feed of (the home, a person's page, a tag's listing page), inside the language's site folder."""
    documents: Sequence[Document]
    """Its texts, newest first: at most :data:`FEED_SIZE`."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "documents", tuple(self.documents[:FEED_SIZE]))


class FeedWriter:
    """Makes the feeds of one language."""

    def __init__(self, context: OutputContext, lang: str):
        self.context = context
        self.lang = lang
        self.gettext = get_gettext(lang)
        self.site_name = get_site_name(context.corpus.settings, lang)
        self.entries: dict[str, dict[str, bytes]] = {}
        """Base -> slug -> the text's entry, as written in feeds of that base."""

    def get_base(self, feed_path: str) -> str:
        """What a path inside the language's site folder is prefixed with in the feed at
        ``feed_path``: the language's absolute URL, or the way up to its folder."""
        if self.context.site_url:
            return self.context.get_url(f"{self.lang}/")
        return "../" * feed_path.count("/")

    def get_id(self, path: str) -> str:
        """The id of the page (or feed) at ``path`` inside the language's site folder."""
        if self.context.site_url:
            return self.context.get_url(f"{self.lang}/{path}")
        return uuid.uuid5(ID_NAMESPACE, f"{self.lang}/{path}").urn

    def make_head(self, about: Feed) -> tuple[FeedGenerator, str]:
        """The feed ``about`` says, without its entries, and the base of its links (``get_base``)."""
        feed = FeedGenerator()
        feed.id(self.get_id(about.path))
        feed.title(xml_text(about.title))
        feed.subtitle(xml_text(about.subtitle))
        feed.language(self.lang)
        feed.author(name=xml_text(self.site_name))
        base = self.get_base(about.path)
        feed.link(href=base + about.path, rel="self", type=FEED_TYPE)
        feed.link(href=base + about.page if base or about.page else "./", rel="alternate", type="text/html")
        feed.updated(max((get_text_date(d) for d in about.documents), default=datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)))
        return feed, base

    def make_feed(self, about: Feed) -> dict[str, bytes]:
        """The feed file ``about`` says: its head made by feedgen without the entries
        (``make_head``), then each entry as feedgen wrote it in a feed of the same base
        (``get_entries``)."""
        feed, base = self.make_head(about)
        head = feed.atom_str(pretty=True)
        if not head.endswith(FEED_END):
            raise AssertionError(f"feedgen wrote a feed that does not end in {FEED_END!r}")
        return {about.path: b"".join((head[: -len(FEED_END)], *self.get_entries(base, about.documents), FEED_END))}

    def get_entries(self, base: str, documents: Sequence[Document]) -> list[bytes]:
        """The entries of ``documents`` in a feed whose links start with ``base``, as
        feedgen writes them there (indented, one line an element).

        A text is in many feeds (the newest texts', each author's, each tag's) and its
        entry is the same in all of those of one base: feedgen writes it once, in a feed
        of the entries not written yet, which is then cut at each entry."""
        entries = self.entries.setdefault(base, {})
        missing = list({document.slug: document for document in documents if document.slug not in entries}.values())
        if missing:
            feed = FeedGenerator()
            feed.id(self.get_id(""))
            feed.title("entries")
            feed.updated(datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC))
            for document in missing:
                self.add_entry(feed, base, document)
            parts = feed.atom_str(pretty=True).removesuffix(FEED_END).split(ENTRY_START)[1:]
            if len(parts) != len(missing):
                raise AssertionError(f"feedgen wrote {len(parts)} entries of {len(missing)}")
            for document, part in zip(missing, parts, strict=True):
                entries[document.slug] = ENTRY_START + part
        return [entries[document.slug] for document in documents]

    def add_entry(self, feed: FeedGenerator, base: str, document: Document) -> None:
        """The entry of one text: its page, dated by the text, with its authors and tags.

        Only the page is linked: feedgen 1.0 writes an entry's links without their
        ``type`` and ``hreflang``, and Atom allows one ``alternate`` link of each; the
        page links the text's data.
        """
        version = document.version(self.lang)
        page = get_resolution_url(document.slug)
        entry = feed.add_entry(order="append")
        entry.id(self.get_id(page))
        entry.title(xml_text(version.title))
        entry.link(href=base + page, rel="alternate", type="text/html")
        date = get_text_date(document)
        entry.published(date)
        entry.updated(date)
        summary = " — ".join(part for part in (version.doc_type, version.reference) if part)
        if summary:
            entry.summary(xml_text(summary))
        for author in version.authors:
            entry.author(name=xml_text(author.name))
        for key, tag in get_tags(document):
            entry.category(term=key, label=xml_text(tag))

    def get_feeds(self) -> list[Feed]:
        """Every feed of the language: the newest texts, each person's, each tag's."""
        corpus = self.context.corpus
        t = self.gettext
        latest = t(_("Latest texts"))
        description = get_site_description(corpus.settings, self.lang)
        feeds = [Feed(LATEST_FEED_PATH, f"{self.site_name} — {latest}", description, "", corpus.documents)]
        for slug, documents in get_person_feed_documents(corpus).items():
            name = corpus.people_by_slug[slug].name
            subtitle = t(_("Texts of %(name)s")) % {"name": name}
            feeds.append(Feed(get_person_feed_path(slug), f"{name} — {self.site_name}", subtitle, get_person_url(slug), documents))
        # A tag's feed holds the texts of its listing page, the page it links to.
        for listing in get_listings(corpus)["tags"]:
            tag = get_label(corpus, listing, self.lang)
            subtitle = t(_("Texts tagged %(tag)s")) % {"tag": tag}
            documents = [corpus.by_slug[slug] for slug in listing.slugs]
            feeds.append(Feed(get_tag_feed_path(listing.key), f"{tag} — {self.site_name}", subtitle, get_page_url(listing.path), documents))
        return feeds

    def get_works(self) -> list[Work]:
        """Every feed, to be made into the store, by a fingerprint of its texts and words."""
        salt = (get_code_version(), FEEDGEN_VERSION, self.lang, repr(self.context.corpus.settings), self.context.site_url)
        digests = self.context.digests
        works = []
        for feed in self.get_feeds():
            texts = [(d.slug, digests.get(d.slug)) for d in feed.documents]
            fingerprint = digest(salt, feed.title, feed.subtitle, feed.page, texts) if digests else None
            works.append(Work(feed.path, fingerprint, functools.partial(self.make_feed, feed)))
        return works


def prepare_language(context: OutputContext, lang: str) -> int:
    return Store(context, STORE, lang).update(FeedWriter(context, lang).get_works(), verify=not context.incremental)


def prepare_feeds(context: OutputContext) -> dict[str, int]:
    return prepare_languages(prepare_language, context)


def get_feed_files(context: OutputContext, lang: str | None) -> Mapping[str, SiteFile]:
    assert lang is not None
    return Store(context, STORE, lang).get_files()


OUTPUT = Output("feeds", get_feed_files, prepare=prepare_feeds)
