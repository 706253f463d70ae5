"""Search (issue 5): a record per unit in each language, the Pagefind bundle, the box."""

from __future__ import annotations

import json
import re
import shutil
import zlib
from pathlib import Path

import pytest

from generator.commands.build import build_site
from generator.languages import LANGUAGES
from generator.link.linker import link_corpus
from generator.outputs.search import SAMPLE_BUCKETS, SAMPLE_FILTER, SEARCH_DIR, get_search_pages
from generator.read.content import load_content
from generator.render.strings import SEARCH_FILTER_LABELS
from tests.factories import make_corpus
from tests.paths import CONTENT

KAZAKHSTAN = "2012-03-07-kazakhstan"


@pytest.fixture(scope="module")
def search_content(tmp_path_factory) -> Path:
    """Five synthetic texts (with points) and the bundled Kazakhstan text."""
    content = tmp_path_factory.mktemp("search") / "content"
    make_corpus(5, content, seed=3)
    shutil.copytree(CONTENT / "resolutions" / KAZAKHSTAN, content / "resolutions" / KAZAKHSTAN)
    return content


@pytest.fixture(scope="module")
def search_corpus(search_content):
    return link_corpus(load_content(search_content, warn=lambda diagnostic: None))


@pytest.fixture(scope="module")
def search_site(search_content) -> Path:
    site_dir = search_content.parent / "site"
    assert build_site(search_content, site_dir) == 0
    return site_dir


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pagefind_gets_a_page_per_text_with_every_unit_as_an_anchor(search_corpus, lang):
    pages = get_search_pages(search_corpus, lang)
    for document in search_corpus.documents:
        html = pages[f"resolutions/{document.slug}/"]
        ids = re.findall(r'<span id="([^"]+)"></span>', html)
        assert ids == list(document.version(lang).eids())
        assert f'<html lang="{lang}">' in html
    for person in search_corpus.people:
        assert person.name in pages[f"meps/{person.slug}/"]
    assert not any(url.startswith("/") for url in pages), "relative to the language root"


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", [("meta", "date", "7 March 2012"), ("meta", "type", "Greens/EFA motion for a resolution"),
                ("filter", "year", "2012"), ("filter", "type", "Greens/EFA motion for a resolution"),
                ("filter", "author", "Barbara Lochbihler"), ("filter", "author", "Bart Staes"),
                ("filter", "author", "Keith Taylor"), ("filter", "tag", "human rights"), ("filter", "tag", "Central Asia")]),
        # The type filter is named as its listing page, as most of its texts print it
        # (the synthetic texts' "du groupe"); the type shown is the text's own.
        ("fr", [("meta", "date", "7 mars 2012"), ("meta", "type", "Proposition de résolution des Verts/ALE"),
                ("filter", "year", "2012"), ("filter", "type", "Proposition de résolution du groupe Verts/ALE"),
                ("filter", "author", "Barbara Lochbihler"), ("filter", "author", "Bart Staes"),
                ("filter", "author", "Keith Taylor"), ("filter", "tag", "human rights"), ("filter", "tag", "Central Asia")]),
    ],
)
def test_a_texts_date_and_type_are_shown_and_its_facets_filtered_by(search_corpus, lang, expected):
    """In the page's head, as Pagefind meta and filters: nothing that shifts the words of
    the units, and the filters the search box offers (SEARCH_FILTER_LABELS)."""
    html = get_search_pages(search_corpus, lang)[f"resolutions/{KAZAKHSTAN}/"]
    head = html.split("</head>", 1)[0]
    found = re.findall(r'<meta data-pagefind-(meta|filter)="(\w+)\[content\]" content="([^"]*)">', head)
    bucket = zlib.crc32(f"resolutions/{KAZAKHSTAN}/".encode()) % SAMPLE_BUCKETS
    assert found == [*expected, ("filter", SAMPLE_FILTER, str(bucket))]
    assert {name for kind, name, _ in found if kind == "filter"} == {*SEARCH_FILTER_LABELS, SAMPLE_FILTER}
    assert html.split("<body>", 1)[1].startswith('<h1>Kazakhstan</h1><p><span id="cit_1"></span>')


def test_every_page_is_in_one_sample_bucket_and_the_buckets_spread(search_corpus):
    """The search box checks a prefix on one bucket's pages (assets/javascripts/search.js)."""
    pages = get_search_pages(search_corpus, "en")
    buckets = {url: re.findall(rf'data-pagefind-filter="{SAMPLE_FILTER}\[content\]" content="(\d+)"', html)
               for url, html in pages.items()}
    assert all(len(found) == 1 and 0 <= int(found[0]) < SAMPLE_BUCKETS for found in buckets.values())
    assert any(url.startswith("meps/") for url in buckets), "people's pages too"
    assert len({found[0] for found in buckets.values()}) >= min(SAMPLE_BUCKETS, len(pages)) // 4


def test_an_amendment_is_found_by_the_words_of_both_its_columns(hostile_corpus):
    html = get_search_pages(hostile_corpus, "en")["resolutions/2020-01-01-hostile/"]
    amendment = html.split('<span id="amdt_1"></span>', 1)[1].split("</p>", 1)[0]
    assert amendment == "&lt;script&gt;alert(1)&lt;/script&gt; original; [amended](javascript:alert(1))"


def test_pagefind_pages_hold_text_only(hostile_corpus):
    pages = get_search_pages(hostile_corpus, "en")
    html = "".join(pages.values())
    assert "<script>" not in html and "<img" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html


def test_the_synthetic_corpus_has_points_in_both_languages(search_corpus):
    for lang in LANGUAGES:
        assert any("__point_" in eid for document in search_corpus.documents for eid in document.version(lang).eids())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_build_writes_a_pagefind_bundle_per_language(search_site, lang):
    bundle = search_site / lang / SEARCH_DIR
    for name in ("pagefind.js", "pagefind-entry.json", f"wasm.{lang}.pagefind"):
        assert (bundle / name).is_file(), name
    assert list((bundle / "fragment").glob("*.pf_fragment"))
    assert list((bundle / "index").glob("*.pf_index"))
    assert '"' + lang + '"' in (bundle / "pagefind-entry.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, label", [("en", "Search"), ("fr", "Rechercher")])
def test_every_page_has_the_search_box_in_its_language(search_site, lang, label):
    page = (search_site / lang / "resolutions" / KAZAKHSTAN / "index.html").read_text(encoding="utf-8")
    assert 'class="unit-search"' in page and " hidden" in page  # shown by its script only
    assert f'for="unit-search-input">{label}</label>' in page
    assert 'data-bundle="../../pagefind/pagefind.js"' in page


def test_an_incremental_build_without_changes_rewrites_nothing(search_content, search_site):
    before = {p: p.stat().st_mtime_ns for p in search_site.rglob("*") if p.is_file()}
    assert build_site(search_content, search_site, incremental=True) == 0
    after = {p: p.stat().st_mtime_ns for p in search_site.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize("lang, query, hit", [("en", "Zhanaozen", "Kazakhstan — "), ("fr", "Zhanaozen", "Kazakhstan — ")])
def test_searching_in_the_browser_lands_on_the_unit_under_a_path_prefix(browser, search_site, lang, query, hit):
    from first_query import measure_first_query

    cost = measure_first_query(search_site, lang, f"resolutions/{KAZAKHSTAN}/", query, "Sokolova", browser)
    assert cost.first_hit.startswith(hit)
    assert cost.first_href.startswith(f"/repo/{lang}/resolutions/{KAZAKHSTAN}/?highlight={query}#")
    assert cost.bytes_sent < 300_000


def test_an_incremental_build_indexes_the_changed_page_alone_and_hides_its_old_fragment(tmp_path, monkeypatch):
    from generator.outputs import search
    from tests.factories import edit_paragraph

    content = tmp_path / "content"
    make_corpus(6, content, seed=5)
    site = tmp_path / "site"
    assert build_site(content, site) == 0
    bundle = site / "en" / SEARCH_DIR
    assert json.loads((bundle / search.OVERLAY_FILE).read_text(encoding="utf-8")) == {"delta": None, "shards": [], "stale": []}
    main_ids = search.read_fragment_ids(bundle)
    edited = f"resolutions/{sorted(p.name for p in (content / 'resolutions').iterdir())[-1]}/"

    edit_paragraph(content)
    assert build_site(content, site, incremental=True) == 0
    overlay = json.loads((bundle / search.OVERLAY_FILE).read_text(encoding="utf-8"))
    assert overlay == {"delta": "delta/", "shards": [], "stale": [main_ids[edited]]}
    assert list(search.read_fragment_ids(bundle / search.DELTA_DIR)) == [edited]
    assert not (bundle / search.DELTA_DIR / "pagefind.js").exists(), "the main bundle's scripts serve both"
    assert search.read_fragment_ids(bundle) == main_ids, "the main bundle is left as it was"

    # Past DELTA_MAX changed pages, the language is indexed again, in one bundle.
    monkeypatch.setattr(search, "DELTA_MAX_PAGES", 0)
    monkeypatch.setattr(search, "DELTA_MAX_SHARE", 0)
    edit_paragraph(content)
    assert build_site(content, site, incremental=True) == 0
    assert json.loads((bundle / search.OVERLAY_FILE).read_text(encoding="utf-8")) == {"delta": None, "shards": [], "stale": []}
    assert not (bundle / search.DELTA_DIR).exists()
    assert edited in search.read_fragment_ids(bundle)
