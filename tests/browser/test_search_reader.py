"""Search as a reader uses it, in the browser: a word lands on its unit; hits stay text."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.browser.conftest import served
from tests.browser.pages import open_page
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
    # The address carries the word to mark on the page (?highlight=), then the unit.
    page.wait_for_url(f"{site_url}fr/resolutions/2012-03-07-kazakhstan/?highlight=Kenzhebaev#rec_G")
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
    path, fragment = target.split("/#")
    assert hit.get_attribute("href").endswith(f"resolutions/{path}/?highlight={quote(query)}#{fragment}")


def status_text(page) -> str:
    return page.locator(".unit-search__status").inner_text()


@pytest.mark.parametrize("lang, message", [("en", "No results for “torture”"), ("fr", "Aucun résultat pour « torture »")])
def test_a_word_in_no_text_has_no_hit_and_the_box_says_so(page, corpus_url, lang, message):
    """Pagefind, finding no word that begins with "torture", backs off to a shorter
    prefix ("to"); the box shows none of those hits."""
    page.goto(f"{corpus_url}{lang}/")
    type_search(page, "torture")
    assert status_text(page) == message
    assert page.locator(".unit-search__hit").count() == 0


def test_a_word_typed_in_part_is_found_as_a_prefix_and_labelled(page, corpus_url):
    page.goto(f"{corpus_url}en/")
    type_search(page, "priso")
    assert status_text(page) == "No whole word “priso”; 4 results for words that begin with it"
    marked = page.locator(".unit-search__hit mark").all_inner_texts()
    assert marked and all(word.lower().startswith("priso") for word in marked)


def test_whole_words_come_first_and_only_they_are_marked(page, corpus_url):
    page.goto(f"{corpus_url}en/")
    type_search(page, "prisoners")
    assert status_text(page) == "4 results for “prisoners”"
    assert {word.lower() for word in page.locator(".unit-search__hit mark").all_inner_texts()} == {"prisoners"}


def test_every_result_is_counted_and_reachable(page, corpus_url):
    page.goto(f"{corpus_url}en/")
    type_search(page, "council")
    assert status_text(page) == "14 results for “council”"
    more = page.locator(".unit-search__more")
    texts = lambda: {href.split("/")[-2] for href in page.locator(".unit-search__hit").evaluate_all(  # noqa: E731
        "hits => hits.map(hit => hit.pathname)")}
    assert len(texts()) == 6 and more.inner_text() == "More results (6 of 14 shown)"
    more.click()
    page.wait_for_function("document.querySelector('.unit-search__more').textContent.startsWith('More results (12 ')")
    assert len(texts()) == 12
    more.click()
    page.wait_for_function("document.querySelector('.unit-search__more').hidden")
    assert len(texts()) == 14


def test_each_hit_shows_the_date_and_type_of_its_text(page, corpus_url):
    """Texts of one title (later texts cite this one by it) are told apart."""
    page.goto(f"{corpus_url}fr/")
    type_search(page, "Tadjikistan")
    hits = page.locator('.unit-search__hit[href*="/2010-12-07-human-rights-in-tajikistan/"] .unit-search__facts')
    assert hits.count() and set(hits.all_inner_texts()) == {"7 décembre 2010 · Résolution du Parlement européen"}


@pytest.mark.parametrize("name, value, count", [("year", "2017", 2), ("tag", "South-East Asia", 5)])
def test_a_filter_narrows_the_results(page, corpus_url, name, value, count):
    page.goto(f"{corpus_url}en/")
    type_search(page, "council")
    page.locator(".unit-search__filters summary").click()
    select = page.locator(f'select[data-filter="{name}"]')
    page.wait_for_function(f"document.querySelector('select[data-filter=\"{name}\"]').options.length > 1")
    select.select_option(value)
    page.wait_for_function(f"document.querySelector('.unit-search__status').textContent.startsWith('{count} ')")
    assert status_text(page) == f"{count} results for “council”"
    if name == "year":
        assert all(fact.split(" · ")[0].endswith(" 2017") for fact in page.locator(".unit-search__facts").all_inner_texts())
    select.select_option("")
    page.wait_for_function("document.querySelector('.unit-search__status').textContent.startsWith('14 ')")


def test_the_unit_a_hit_opens_marks_the_words_found(page, corpus_url):
    page.goto(f"{corpus_url}en/")
    type_search(page, "council")
    hit = page.locator('.unit-search__hit[href*="#"]').first
    href = hit.get_attribute("href")
    hit.click()
    page.wait_for_selector("mark.search-mark")
    target = page.evaluate("() => location.hash.slice(1)")
    assert href.endswith("#" + target) and "?highlight=Council" in href
    assert {word.lower() for word in page.locator(f'[id="{target}"] mark.search-mark').all_inner_texts()} == {"council"}


def test_screenshot_of_search_with_filters(browser, corpus_url, artifacts_dir):
    with open_page(browser, viewport={"width": 1280, "height": 900}) as page:
        page.goto(f"{corpus_url}en/")
        type_search(page, "council")
        page.locator(".unit-search__filters summary").click()
        page.wait_for_function("document.querySelector('select[data-filter=\"tag\"]').options.length > 1")
        page.locator('select[data-filter="tag"]').select_option("South-East Asia")
        page.wait_for_function("document.querySelector('.unit-search__status').textContent.startsWith('5 ')")
        target = artifacts_dir / "search-filters-en-desktop.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000
