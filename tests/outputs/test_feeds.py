"""The feeds (generator.outputs.feeds): each entry written once a base by feedgen and
spliced into every feed that holds it gives the bytes feedgen writes for the whole feed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.outputs import OutputContext
from generator.outputs.feeds import FeedWriter
from tests.factories import make_sample_corpus


def make_whole_feed(writer: FeedWriter, about) -> bytes:
    """The feed as feedgen writes it with every entry added to it (its head as the writer
    makes it: what is under test is the entries spliced in)."""
    feed, base = writer.make_head(about)
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
