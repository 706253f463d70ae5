"""Search over shards, as a reader uses it (issue 16): the newest shard's hits at once, the
count a floor until every shard has answered, then every text found, counted, reachable
and filtered as with one bundle (tests/browser/test_search_reader.py).

The corpus is the search tests' (14 texts, seed 4), built in shards of four texts: the
newest shard holds 2024-2025 (three texts), the oldest 2010-2017 (four).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.commands.build import build_site
from tests.browser.conftest import CORPUS_SEED, CORPUS_SIZE, served
from tests.factories import make_corpus
from tests.outputs.test_search_shards import SHARD_TEXTS

NEWEST_SLUGS = {"2024-01-11-situation-in-egypt", "2024-07-29-freedom-of-the-press-in-vietnam", "2025-10-07-situation-in-georgia"}
OLDEST_SLUG = "2010-12-07-human-rights-in-tajikistan"


@pytest.fixture(scope="module")
def shards_site(tmp_path_factory) -> Path:
    from generator.outputs import search

    folder = tmp_path_factory.mktemp("shards")
    make_corpus(CORPUS_SIZE, folder / "content", seed=CORPUS_SEED)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "SHARD_TEXTS", SHARD_TEXTS)
        assert build_site(folder / "content", folder / "site") == 0
    assert len(list((folder / "site" / "en" / search.SEARCH_DIR / search.SHARDS_DIR).iterdir())) == 3
    return folder / "site"


@pytest.fixture(scope="module")
def shards_url(shards_site: Path):
    with served(shards_site.parent) as base:
        yield f"{base}{shards_site.name}/"


def search_all(page, query: str) -> None:
    """Type ``query`` and wait until every shard has answered."""
    page.evaluate("document.querySelector('.unit-search__status').textContent = ''")
    box = page.locator(".unit-search__input")
    box.focus()
    box.fill(query)
    page.wait_for_function(
        "!document.querySelector('.unit-search__results').hasAttribute('aria-busy')"
        " && document.querySelector('.unit-search__status').textContent !== ''"
    )


def status_text(page) -> str:
    return page.locator(".unit-search__status").inner_text()


def hit_slugs(page) -> set[str]:
    return {href.split("/")[-2] for href in page.locator(".unit-search__hit").evaluate_all("hits => hits.map(hit => hit.pathname)")}


def test_the_newest_shard_answers_first_and_the_count_says_more_may_come(page, shards_url):
    held: list = []  # the older shards' requests, held until the newest shard's hits are checked
    released = []
    page.context.route("**/pagefind/shards/**", lambda route: route.continue_() if released else held.append(route))
    page.goto(f"{shards_url}en/")
    box = page.locator(".unit-search__input")
    box.focus()
    box.fill("council")
    page.wait_for_selector(".unit-search__results[aria-busy=true] li")
    assert status_text(page) == "3+ results for “council” so far, searching older texts…"
    assert hit_slugs(page) == NEWEST_SLUGS
    for _ in range(100):  # the older shards are asked for once the first hits are shown
        if held:
            break
        page.wait_for_timeout(50)
    assert held and status_text(page).startswith("3+ "), "the count waits for the older shards"
    released.append(True)
    for route in held:
        route.continue_()
    page.wait_for_function("!document.querySelector('.unit-search__results').hasAttribute('aria-busy')")
    assert status_text(page) == "14 results for “council”"


def test_a_word_of_the_oldest_shard_alone_is_found_and_counted(page, shards_url):
    page.goto(f"{shards_url}en/")
    search_all(page, "Tajikistan")
    assert OLDEST_SLUG in hit_slugs(page)
    assert status_text(page).endswith(" for “Tajikistan”") and "+" not in status_text(page)


def test_a_word_in_no_shard_says_so_only_once_every_shard_has_answered(page, shards_url):
    page.goto(f"{shards_url}en/")
    search_all(page, "torture")
    assert status_text(page) == "No results for “torture”"


def test_every_result_of_every_shard_is_counted_and_reachable(page, shards_url):
    page.goto(f"{shards_url}en/")
    search_all(page, "council")
    assert status_text(page) == "14 results for “council”"
    more = page.locator(".unit-search__more")
    assert len(hit_slugs(page)) == 6 and more.inner_text() == "More results (6 of 14 shown)"
    while more.is_visible():
        shown = len(hit_slugs(page))
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.unit-search__hit').length > 0 && "
                               f"new Set([...document.querySelectorAll('.unit-search__hit')].map(a => a.pathname)).size > {shown}")
    slugs = hit_slugs(page)
    assert len(slugs) == 14 and OLDEST_SLUG in slugs and NEWEST_SLUGS <= slugs


def test_a_prefix_is_labelled_as_with_one_bundle(page, shards_url):
    page.goto(f"{shards_url}en/")
    search_all(page, "priso")
    assert status_text(page) == "No whole word “priso”; 4 results for words that begin with it"


@pytest.mark.parametrize("name, value, count", [("year", "2017", 2), ("year", "2025", 1), ("tag", "South-East Asia", 5)])
def test_filters_hold_the_values_of_every_shard_and_filter_across_them(page, shards_url, name, value, count):
    page.goto(f"{shards_url}en/")
    search_all(page, "council")
    page.locator(".unit-search__filters summary").click()
    page.wait_for_function("document.querySelector('select[data-filter=\"year\"]').options.length > 1")
    years = page.locator('select[data-filter="year"] option').all_inner_texts()[1:]
    assert years == ["2025", "2024", "2022", "2021", "2020", "2019", "2018", "2017", "2011", "2010"]
    page.locator(f'select[data-filter="{name}"]').select_option(value)
    page.wait_for_function(f"document.querySelector('.unit-search__status').textContent.startsWith('{count} ')")
    page.wait_for_function("!document.querySelector('.unit-search__results').hasAttribute('aria-busy')")
    assert status_text(page) == f"{count} result{'s' if count > 1 else ''} for “council”"
    if name == "year":
        assert all(fact.split(" · ")[0].endswith(f" {value}") for fact in page.locator(".unit-search__facts").all_inner_texts())


def test_a_hit_of_the_oldest_shard_opens_its_unit_with_the_words_marked(page, shards_url):
    # "Inselok" (a name the corpus maker made) is in recital F of the oldest text alone.
    page.goto(f"{shards_url}en/")
    search_all(page, "Inselok")
    assert status_text(page) == "1 result for “Inselok”"
    hit = page.locator(".unit-search__hit")
    assert hit.locator(".unit-search__title").inner_text() == "Human rights in Tajikistan — recital F"
    assert hit.locator(".unit-search__facts").inner_text() == "7 December 2010 · European Parliament resolution"
    hit.click()
    page.wait_for_url(f"{shards_url}en/resolutions/{OLDEST_SLUG}/?highlight=Inselok#rec_F")
    page.wait_for_selector("mark.search-mark")
    assert page.locator('[id="rec_F"] mark.search-mark').all_inner_texts() == ["Inselok"]


def test_the_first_hits_come_before_the_older_shards_are_fetched(browser, shards_site):
    from first_query import measure_first_query

    cost = measure_first_query(shards_site, "en", "", "council", "prisoners", browser)
    assert cost.hits and cost.first_hit
    assert cost.first_requests < cost.requests and cost.first_bytes_sent < cost.bytes_sent < 300_000
    # The next query's first hits (the newest shard's), then its complete list.
    assert 0 < cost.warm_ms <= cost.warm_complete_ms


def test_after_an_incremental_edit_of_an_old_shard_its_text_is_found_once(browser, tmp_path, monkeypatch):
    from generator.outputs import search
    from tests.browser.pages import open_page
    from tests.factories import EDIT_WORD
    from tests.outputs.test_search_shards import edit_oldest_text

    monkeypatch.setattr(search, "SHARD_TEXTS", SHARD_TEXTS)
    make_corpus(CORPUS_SIZE, tmp_path / "content", seed=CORPUS_SEED)
    site = tmp_path / "site"
    assert build_site(tmp_path / "content", site) == 0
    edit_oldest_text(tmp_path / "content")
    assert build_site(tmp_path / "content", site, incremental=True) == 0
    with served(tmp_path) as base, open_page(browser) as page:
        page.goto(f"{base}site/en/")
        search_all(page, EDIT_WORD)
        assert status_text(page) == f"1 result for “{EDIT_WORD}”" and hit_slugs(page) == {OLDEST_SLUG}
        search_all(page, "council")
        assert status_text(page) == "14 results for “council”", "the old copy of the edited text is hidden"


def mark_shown(page) -> None:
    """Mark the hits' list items as they are now (a redrawn item comes without the mark)."""
    page.evaluate("document.querySelectorAll('.unit-search__results li').forEach(li => li.dataset.before = '')")


def test_a_next_query_shows_the_newest_shard_first_and_keeps_the_readers_place(page, shards_url):
    # Every shard loaded by a first query; then the next one's hits from the older shards
    # (their fragments, not fetched yet: "Tajikistan" is in the oldest text alone) are held
    # until the newest shard's hits have been checked and one of them focused.
    page.goto(f"{shards_url}en/")
    search_all(page, "Tajikistan")
    held: list = []
    released = []
    page.context.route("**/pagefind/shards/**", lambda route: route.continue_() if released else held.append(route))
    box = page.locator(".unit-search__input")
    box.fill("council")
    page.wait_for_selector(".unit-search__results[aria-busy=true] li")
    assert status_text(page) == "3+ results for “council” so far, searching older texts…"
    assert hit_slugs(page) == NEWEST_SLUGS
    first_hrefs = page.locator(".unit-search__hit").evaluate_all("hits => hits.map(hit => hit.getAttribute('href'))")
    mark_shown(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == first_hrefs[1]
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the older shards' hits wait for their fragments"
    assert page.locator(".unit-search__results").get_attribute("aria-busy") == "true"
    released.append(True)
    for route in held:
        route.continue_()
    page.wait_for_function("!document.querySelector('.unit-search__results').hasAttribute('aria-busy')")
    assert status_text(page) == "14 results for “council”"
    hrefs = page.locator(".unit-search__hit").evaluate_all("hits => hits.map(hit => hit.getAttribute('href'))")
    assert hrefs[:len(first_hrefs)] == first_hrefs, "the newest shard's hits stay first, as they were"
    kept = page.evaluate("[...document.querySelectorAll('.unit-search__results li')].map(li => 'before' in li.dataset)")
    assert kept == [True] * len(first_hrefs) + [False] * (len(kept) - len(first_hrefs)), "the hits shown were not redrawn"
    assert page.evaluate("document.activeElement.getAttribute('href')") == focused, "the focus stayed on its hit"
    assert len(hit_slugs(page)) == 6 and page.locator(".unit-search__more").inner_text() == "More results (6 of 14 shown)"


def test_a_next_query_in_no_shard_says_so_once_every_shard_has_answered(page, shards_url):
    page.goto(f"{shards_url}en/")
    search_all(page, "council")
    search_all(page, "torture")
    assert status_text(page) == "No results for “torture”" and not hit_slugs(page)
    search_all(page, "priso")
    assert status_text(page) == "No whole word “priso”; 4 results for words that begin with it"


def sampled(context) -> None:
    """Serve search.js to ``context`` told to check every prefix on a sample (the bucket of
    the oldest text), as it does past 500 matches at 20,000 texts."""
    from generator.outputs.search import SAMPLE_BUCKETS, get_sample_tag
    from generator.urls import get_resolution_url

    tag = get_sample_tag(get_resolution_url(OLDEST_SLUG))
    bucket = int(tag.split('content="')[1].split('"')[0])
    assert 0 <= bucket < SAMPLE_BUCKETS

    def patch(route):
        body = route.fetch().text()
        patched = body.replace("var SAMPLE_ABOVE = 500;", "var SAMPLE_ABOVE = 0;").replace(
            'var SAMPLE_BUCKET = "0";', f'var SAMPLE_BUCKET = "{bucket}";')
        assert patched.count("SAMPLE_ABOVE = 0;") == 1 and patched.count(f'SAMPLE_BUCKET = "{bucket}";') == 1
        route.fulfill(body=patched, content_type="application/javascript")

    context.route("**/assets/javascripts/search.js", patch)


@pytest.mark.parametrize("query, expected", [
    ("priso", "No whole word “priso”; 4 results for words that begin with it"),
    # "torture" backs off to "to" in every shard: the sample tells, and no page is scored.
    ("torture", "No results for “torture”"),
    ("Tajiki", None),
    ("Counc", None),
])
def test_a_prefix_checked_on_a_sample_is_found_as_without_one(browser, page, shards_url, query, expected):
    from tests.browser.pages import open_page

    page.goto(f"{shards_url}en/")
    search_all(page, "council")
    search_all(page, query)
    with open_page(browser) as other:
        sampled(other.context)
        other.goto(f"{shards_url}en/")
        search_all(other, "council")
        search_all(other, query)
        assert status_text(other) == status_text(page) == (expected or status_text(page))
        assert hit_slugs(other) == hit_slugs(page)
