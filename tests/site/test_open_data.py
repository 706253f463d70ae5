"""The open data of built sites (the bundled content, a corpus of our own with
citations, "cited by" and tags, and the sample corpus of tests/factories.py, whose texts
miss a language): every text's JSON valid against its schema and every
Akoma Ntoso document against the OASIS schema, each eId an id of the text's page, the
feeds parsed, and every link of these files resolving to a file and an id."""

from __future__ import annotations

import datetime
import gzip
import json
import shutil
from pathlib import Path

import feedparser
import pytest

from generator.commands.build import build_site, build_site_from_corpus
from generator.languages import LANGUAGES
from tests.factories import make_sample_corpus
from tests.html_tools import read_html
from tests.open_data import assert_resolves, assert_valid_akoma_ntoso, assert_valid_text_data, get_eids, get_ids, get_refs, read_json
from tests.paths import CONTENT, FIXTURES

LINKS_CORPUS = FIXTURES / "corpus_links"
TAGS = {"2009-09-17-zhovtis": ["Human rights", "Kazakhstan"], "2012-03-07-kazakhstan": ["Kazakhstan", "human-rights"]}


@pytest.fixture(scope="module", params=["bundled", "links", "sample"])
def site(request, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp(f"open-data-{request.param}")
    if request.param == "sample":  # texts missing in a language, people with and without texts
        build_site_from_corpus(make_sample_corpus(), folder / "site")
        return folder / "site"
    content = folder / "content"
    shutil.copytree(CONTENT if request.param == "bundled" else LINKS_CORPUS, content)
    if request.param == "links":
        for slug, tags in TAGS.items():
            with (content / "resolutions" / slug / "meta.yml").open("a", encoding="utf-8") as meta:
                meta.write(f"\ntags: {json.dumps(tags)}\n")
    assert build_site(content, folder / "site") == 0
    return folder / "site"


def every(site: Path, name: str) -> list[Path]:
    files = sorted(path for lang in LANGUAGES for path in (site / lang / "resolutions").glob(f"*/{name}"))
    assert files, name
    return files


def test_every_text_has_its_json_and_akoma_ntoso_in_each_language_it_exists_in(site):
    for lang in LANGUAGES:
        for page in (site / lang / "resolutions").glob("[0-9]*/index.html"):  # the texts' pages, not the listings
            data = read_json(page.with_name("index.json")) if page.with_name("index.json").exists() else None
            if data is None:  # a version missing in this language: its page links the other's
                other = {link["type"]: link["href"] for link in head_links(page)}
                assert_resolves(site, other["application/json"], page)
                continue
            assert data["lang"] == lang and page.with_name("akn.xml").is_file()


def test_every_json_is_valid_and_its_links_resolve(site):
    for path in every(site, "index.json"):
        data = read_json(path)
        assert_valid_text_data(data)
        urls = [data["url"], *(c["url"] for c in data["cited_by"])]
        urls += [link["url"] for citation in data["citations"] for link in citation["links"] if link["slug"]]
        urls += [m["person"]["url"] for key in ("meps", "contacts", "authors") for m in data[key] if m["person"]]
        for url in urls:
            assert_resolves(site, url)


def test_every_akoma_ntoso_document_is_valid_its_eids_are_ids_of_its_page_and_its_refs_resolve(site):
    for path in every(site, "akn.xml"):
        document = assert_valid_akoma_ntoso(path.read_bytes())
        eids = get_eids(document)
        assert eids and set(eids) <= get_ids(path.with_name("index.html")), path
        assert eids == [unit["eid"] for unit in iter_units(read_json(path.with_name("index.json")))]
        for href in get_refs(document):
            if not href.startswith("https://"):
                assert_resolves(site, href, path)


def iter_units(data: dict):
    yield from data["citations"]
    yield from data["recitals"]
    for paragraph in data["paragraphs"]:
        yield paragraph
        yield from paragraph["points"]
    yield from data["amendments"]


def test_the_dump_is_every_json_one_a_line(site):
    lines = gzip.decompress((site / "data" / "resolutions.jsonl.gz").read_bytes()).splitlines()
    files = sorted(every(site, "index.json"), key=lambda path: (path.parent.name, LANGUAGES.index(path.parts[-4])))
    assert lines == [path.read_bytes() for path in files]
    assert json.loads((site / "data" / "resolution.schema.json").read_bytes())["$schema"].endswith("2020-12/schema")


def test_every_feed_parses_and_its_entries_link_their_pages(site):
    feeds = sorted(site.rglob("feed.xml"))
    assert any(path.parent.parent.name == "meps" for path in feeds)
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.feed.id and feed.feed.title and feed.feed.updated_parsed
        self_link = next(link["href"] for link in feed.feed.links if link["rel"] == "self")
        assert (path.parent / self_link).resolve() == path.resolve()
        ids = [entry.id for entry in feed.entries]
        assert feed.entries and len(set(ids)) == len(ids) and all(ids)
        for entry in feed.entries:
            page = entry.link
            assert_resolves(site, page, path)
            slug = page.rstrip("/").rpartition("/")[2]
            assert datetime.date(*entry.updated_parsed[:3]) == datetime.date.fromisoformat(slug[:10])
        dates = [entry.updated_parsed for entry in feed.entries]
        assert dates == sorted(dates, reverse=True) and feed.feed.updated_parsed == dates[0]


def test_tags_have_feeds_that_their_texts_and_listing_pages_link(site):
    if not site.parent.name.startswith("open-data-links"):
        pytest.skip("the tags of the corpus with citations are the ones known here")
    assert sorted(p.parent.name for p in (site / "en" / "tags").glob("*/feed.xml")) == ["human-rights", "kazakhstan"]
    page = site / "en" / "resolutions" / "2012-03-07-kazakhstan" / "index.html"
    feeds = [link["href"] for link in head_links(page) if link["type"] == "application/atom+xml"]
    assert feeds == ["../../feed.xml", "../../tags/kazakhstan/feed.xml", "../../tags/human-rights/feed.xml"]
    # The feed of a tag and its listing page link each other.
    listing = site / "en" / "resolutions" / "tags" / "human-rights" / "index.html"
    feeds = [link["href"] for link in head_links(listing) if link["type"] == "application/atom+xml"]
    assert feeds == ["../../../feed.xml", "../../../tags/human-rights/feed.xml"]
    feed = feedparser.parse((site / "en" / "tags" / "human-rights" / "feed.xml").read_bytes())
    page_link = next(link["href"] for link in feed.feed.links if link["rel"] == "alternate")
    assert (site / "en" / "tags" / "human-rights" / page_link / "index.html").resolve() == listing.resolve()
    assert [entry.link.rstrip("/").rpartition("/")[2] for entry in feed.entries] == ["2012-03-07-kazakhstan", "2009-09-17-zhovtis"]


def head_links(page: Path) -> list[dict[str, str]]:
    """The ``<link rel="alternate">`` of a page (rel read as a token list)."""
    return [link.attrs for link in read_html(page).find_all("link") if "alternate" in (link.attrs.get("rel") or "").split()]


def test_every_page_links_the_feed_and_its_data_in_its_head_and_visibly(site):
    for page in sorted(site.rglob("*.html")):
        if page.parent == site or "pagefind" in page.parts:
            continue
        links = head_links(page)
        assert any(link["type"] == "application/atom+xml" for link in links), page
        for link in links:
            assert link["rel"] != "alternate", "Material's script would fetch a sitemap beside it"
            assert_resolves(site, link["href"], page)
        if page.parent.parent.name == "resolutions" and page.parent.name[:1].isdigit():  # a text's page
            types = [link["type"] for link in links]
            assert "application/json" in types and "application/akn+xml" in types
            # What the head links (but the language's feed, on every page) a reader sees too.
            visible = [a.attrs["href"] for a in read_html(page).find_all("a") if a.attrs.get("href", "").endswith((".json", ".xml"))]
            assert visible == [link["href"] for link in links[1:]]


def test_robots_txt_without_a_site_url(site):
    assert (site / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"
    assert not (site / "sitemap.xml").exists()
