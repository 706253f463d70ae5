"""The feeds (generator.outputs.feeds): each entry written once a base by feedgen and
spliced into every feed that holds it gives the bytes feedgen writes for the whole feed."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from feedgen.feed import FeedGenerator

from generator.outputs import OutputContext
from generator.outputs.feeds import FEED_TYPE, FeedWriter, get_text_date
from generator.outputs.xml_chars import xml_text
from tests.factories import make_sample_corpus


def make_whole_feed(writer: FeedWriter, about) -> bytes:
    """The feed as feedgen writes it with every entry added to it."""
    feed = FeedGenerator()
    feed.id(writer.get_id(about.path))
    feed.title(xml_text(about.title))
    feed.subtitle(xml_text(about.subtitle))
    feed.language(writer.lang)
    feed.author(name=xml_text(writer.site_name))
    base = writer.get_base(about.path)
    feed.link(href=base + about.path, rel="self", type=FEED_TYPE)
    feed.link(href=base + about.page if base or about.page else "./", rel="alternate", type="text/html")
    feed.updated(max((get_text_date(d) for d in about.documents), default=datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)))
    for document in about.documents:
        writer.add_entry(feed, base, document)
    return feed.atom_str(pretty=True)


@pytest.mark.parametrize("site_url", ["", "https://example.org/resolutions/"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_feed_is_the_one_feedgen_writes_whole(site_url, lang):
    corpus = make_sample_corpus()
    writer = FeedWriter(OutputContext(corpus, Path("unused.build"), site_url=site_url), lang)
    feeds = writer.get_feeds()
    assert len(feeds) > 2 and any(len(feed.documents) > 1 for feed in feeds)
    shared = {slug for feed in feeds for slug in (d.slug for d in feed.documents)}
    assert sum(len(feed.documents) for feed in feeds) > len(shared)  # texts in several feeds: entries reused
    for feed in feeds:
        assert writer.make_feed(feed) == {feed.path: make_whole_feed(writer, feed)}
