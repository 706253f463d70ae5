"""Search as a reader uses it, in the browser: a word lands on its unit; hits stay text."""

from __future__ import annotations

import pytest

from tests.browser.conftest import served
from tests.factories import HOSTILE_SLUG


def type_search(page, query: str) -> None:
    box = page.locator(".unit-search__input")
    box.focus()
    box.fill(query)
    page.wait_for_selector(".unit-search__results li, .unit-search__status:not(:empty)")


def test_a_word_of_one_french_recital_opens_that_recital(page, site_url):
    # "Kenzhebaev" (the detainee who died in custody) is named only in recital G.
    page.goto(f"{site_url}fr/")
    type_search(page, "Kenzhebaev")
    hits = page.locator(".unit-search__hit")
    assert hits.count() == 1
    assert hits.first.locator(".unit-search__title").inner_text() == "Kazakhstan — considérant G"
    hits.first.click()
    page.wait_for_url(f"{site_url}fr/resolutions/2012-03-07-kazakhstan/#rec_G")
    assert page.evaluate("() => document.querySelector(':target').id") == "rec_G"


def test_search_box_speaks_the_page_language(page, site_url):
    for lang, label in (("en", "Search"), ("fr", "Rechercher")):
        page.goto(f"{site_url}{lang}/")
        assert page.locator(".unit-search__label").inner_text() == label


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with served(hostile_site) as base:
        yield base


@pytest.mark.parametrize("query", ["onerror", "script", "click"])
def test_hits_on_hostile_text_add_no_element(page, hostile_url, query):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{hostile_url}en/resolutions/{HOSTILE_SLUG}/")
    type_search(page, query)
    results = page.locator(".unit-search__results")
    assert results.locator(".unit-search__hit").count() >= 1
    # Only our own markup: links, titles, excerpts and Pagefind's <mark> highlights.
    tags = page.evaluate(
        "() => [...document.querySelectorAll('.unit-search__results *')].map(e => e.tagName.toLowerCase())"
    )
    assert set(tags) <= {"li", "a", "span", "mark"}
    assert dialogs == []


@pytest.fixture(scope="module")
def sample_corpus_url(built_site):
    with served(built_site) as base:
        yield base


@pytest.mark.parametrize(
    "lang, query, title, target",
    [
        ("en", "Central", "Kazakhstan — citation 2", "2012-03-07-kazakhstan/#cit_2"),
        ("en", "negotiating", "Kazakhstan — recital A", "2012-03-07-kazakhstan/#rec_A"),
        ("en", "crackdown", "Kazakhstan — paragraph 1", "2012-03-07-kazakhstan/#para_1"),
        ("en", "report", "Case of Yevgeni Zhovtis — paragraph 1 (b)", "2009-09-17-zhovtis/#para_1__point_b"),
        ("fr", "antérieures", "Cas de Yevgeni Zhovtis — visa 1", "2009-09-17-zhovtis/#cit_1"),
        ("fr", "condamné", "Cas de Yevgeni Zhovtis — considérant A", "2009-09-17-zhovtis/#rec_A"),
        ("fr", "transmettre", "Cas de Yevgeni Zhovtis — paragraphe 2", "2009-09-17-zhovtis/#para_2"),
        ("fr", "rapport", "Cas de Yevgeni Zhovtis — paragraphe 1 b)", "2009-09-17-zhovtis/#para_1__point_b"),
    ],
)
def test_a_hit_names_its_unit_as_a_reader_cites_it(page, sample_corpus_url, lang, query, title, target):
    """search.js names each hit from its unit's id, with the page language's templates."""
    page.goto(f"{sample_corpus_url}{lang}/")
    type_search(page, query)
    hit = page.locator(".unit-search__hit").first
    assert hit.locator(".unit-search__title").inner_text() == title
    assert hit.get_attribute("href").endswith(f"resolutions/{target}")
