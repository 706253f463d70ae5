"""Search (issue 5): a record per unit in each language, the Pagefind bundle, the box."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from generator.commands.build import build_site
from generator.read.content import load_content
from generator.link.linker import link_corpus
from generator.model import LANGUAGES, Paragraph, Point
from generator.outputs.search import (
    SEARCH_DIR,
    get_page_html,
    get_search_pages,
    get_search_records,
    group_records_by_page,
    unit_title,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import make_corpus  # noqa: E402

KAZAKHSTAN = "2012-03-07-kazakhstan"


@pytest.fixture(scope="module")
def search_content(tmp_path_factory) -> Path:
    """Five synthetic texts (with points) and the bundled Kazakhstan text."""
    content = tmp_path_factory.mktemp("search") / "content"
    make_corpus(5, content, seed=3)
    shutil.copytree(ROOT / "content" / "resolutions" / KAZAKHSTAN, content / "resolutions" / KAZAKHSTAN)
    return content


@pytest.fixture(scope="module")
def search_corpus(search_content):
    return link_corpus(load_content(search_content, warn=lambda message: None))


@pytest.fixture(scope="module")
def search_site(search_content) -> Path:
    site_dir = search_content.parent / "site"
    assert build_site(search_content, site_dir, quiet=True) == 0
    return site_dir


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pagefind_is_given_the_records_page_by_page(search_corpus, hostile_corpus, lang):
    """What Pagefind indexes is made from the units directly, for speed: it must be the
    HTML of the records, grouped by page, in the same order."""
    for corpus in (search_corpus, hostile_corpus):
        expected = {url: get_page_html(records, lang) for url, records in group_records_by_page(get_search_records(corpus, lang)).items()}
        pages = get_search_pages(corpus, lang)
        assert list(pages.items()) == list(expected.items())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_unit_of_every_text_has_a_record_whose_url_ends_with_its_anchor(search_corpus, lang):
    records = get_search_records(search_corpus, lang)
    urls = [record.url for record in records]
    assert len(urls) == len(set(urls))
    for document in search_corpus.documents:
        eids = document.version(lang).eids()
        assert eids, document.slug
        for eid in eids:
            assert f"resolutions/{document.slug}/#{eid}" in urls
    assert all(record.language == lang and record.content for record in records)
    assert not any(url.startswith("/") for url in urls), "relative to the language root"


def test_the_synthetic_corpus_has_points_and_they_are_indexed(search_corpus):
    titles = {record.title for lang in LANGUAGES for record in get_search_records(search_corpus, lang)}
    assert any(title.endswith(")") and "paragraph " in title for title in titles)
    assert any(title.endswith(")") and "paragraphe " in title for title in titles)


@pytest.mark.parametrize(
    "lang, eid, title",
    [
        ("en", "para_7", "Kazakhstan — paragraph 7"),
        ("fr", "para_7", "Kazakhstan — paragraphe 7"),
        ("en", "rec_C", "Kazakhstan — recital C"),
        ("fr", "rec_C", "Kazakhstan — considérant C"),
        ("en", "cit_3", "Kazakhstan — citation 3"),
        ("fr", "cit_3", "Kazakhstan — visa 3"),
    ],
)
def test_record_titles_name_the_unit_as_a_reader_cites_it(search_corpus, lang, eid, title):
    records = {r.url: r for r in get_search_records(search_corpus, lang)}
    assert records[f"resolutions/{KAZAKHSTAN}/#{eid}"].title == title


def test_a_point_is_named_after_its_paragraph():
    paragraph = Paragraph(eid="para_2", num="2", text="Calls on the Council:", line=1)
    point = Point(eid="para_2__point_a", num="a", text="to extend", line=2)
    assert unit_title("Kazakhstan", point, "en", paragraph) == "Kazakhstan — paragraph 2 (a)"
    assert unit_title("Kazakhstan", point, "fr", paragraph) == "Kazakhstan — paragraphe 2 a)"


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
    assert build_site(search_content, search_site, quiet=True, incremental=True) == 0
    after = {p: p.stat().st_mtime_ns for p in search_site.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize("lang, query, hit", [("en", "Zhanaozen", "Kazakhstan — "), ("fr", "Zhanaozen", "Kazakhstan — ")])
def test_searching_in_the_browser_lands_on_the_unit_under_a_path_prefix(browser, search_site, lang, query, hit):
    from first_query import measure_first_query

    cost = measure_first_query(search_site, lang, f"resolutions/{KAZAKHSTAN}/", query, "Sokolova", browser)
    assert cost.first_hit.startswith(hit)
    assert cost.first_href.startswith(f"/repo/{lang}/resolutions/{KAZAKHSTAN}/#")
    assert cost.bytes_sent < 300_000


def test_an_incremental_build_indexes_the_changed_page_alone_and_hides_its_old_fragment(tmp_path, monkeypatch):
    from generator.outputs import search
    from tests.test_incremental import edit_paragraph

    content = tmp_path / "content"
    make_corpus(6, content, seed=5)
    site = tmp_path / "site"
    assert build_site(content, site, quiet=True) == 0
    bundle = site / "en" / SEARCH_DIR
    assert json.loads((bundle / search.OVERLAY_FILE).read_text(encoding="utf-8")) == {"delta": None, "stale": []}
    main_ids = search.read_fragment_ids(bundle)
    edited = f"resolutions/{sorted(p.name for p in (content / 'resolutions').iterdir())[-1]}/"

    edit_paragraph(content)
    assert build_site(content, site, quiet=True, incremental=True) == 0
    overlay = json.loads((bundle / search.OVERLAY_FILE).read_text(encoding="utf-8"))
    assert overlay == {"delta": "delta/", "stale": [main_ids[edited]]}
    assert list(search.read_fragment_ids(bundle / search.DELTA_DIR)) == [edited]
    assert not (bundle / search.DELTA_DIR / "pagefind.js").exists(), "the main bundle's scripts serve both"
    assert search.read_fragment_ids(bundle) == main_ids, "the main bundle is left as it was"

    # Past DELTA_MAX changed pages, the language is indexed again, in one bundle.
    monkeypatch.setattr(search, "DELTA_MAX_PAGES", 0)
    monkeypatch.setattr(search, "DELTA_MAX_SHARE", 0)
    edit_paragraph(content)
    assert build_site(content, site, quiet=True, incremental=True) == 0
    assert json.loads((bundle / search.OVERLAY_FILE).read_text(encoding="utf-8")) == {"delta": None, "stale": []}
    assert not (bundle / search.DELTA_DIR).exists()
    assert edited in search.read_fragment_ids(bundle)
