"""After an incremental build, the search box finds what it finds after a full build.

An incremental build indexes only the changed pages, into an overlay bundle merged in the
browser, and hides the main bundle's copies of those pages (generator.outputs.search). Here, a
reader's hits (title and link of each) on the incrementally built site must be those on a
full build of the same content: the edited text found by its new word, found once (not
also as it was), a removed text not found at all.

The corpus has six texts, so a query matches at most six texts: the box shows every
matching text, and the two sites' hits can be compared whole, whatever their ranking.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.commands.build import build_site
from generator.outputs.search import DELTA_DIR, SEARCH_DIR
from generator.read.content import find_resolution_dirs
from tests.browser.conftest import served
from tests.browser.pages import open_page
from tests.browser.test_search_reader import type_search
from tests.factories import EDIT_WORD, edit_cited_title, edit_paragraph, make_corpus, remove_text

pytestmark = pytest.mark.slow  # several full and incremental builds each

QUERIES = {"en": ("calls", "urges", EDIT_WORD), "fr": ("révisé", "gouvernement")}


def get_hits(browser, site: Path, searches: list[tuple[str, str]]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(lang, query) -> (title, link) of every hit the box shows, sorted."""
    found = {}
    with served(site.parent) as base:
        with open_page(browser) as page:
            for lang, query in searches:
                if f"/{site.name}/{lang}/" not in page.url:
                    page.goto(f"{base}{site.name}/{lang}/")
                page.evaluate(
                    "document.querySelector('.unit-search__results').innerHTML = '';"
                    " document.querySelector('.unit-search__status').textContent = ''"
                )
                type_search(page, query)
                hits = page.locator(".unit-search__hit")
                found[lang, query] = sorted(
                    (hits.nth(i).locator(".unit-search__title").inner_text(), hits.nth(i).get_attribute("href") or "")
                    for i in range(hits.count())
                )
    return found


@pytest.mark.parametrize("edit", [edit_paragraph, edit_cited_title, remove_text])
def test_search_after_an_incremental_build_finds_what_a_full_build_finds(browser, tmp_path, edit):
    content = tmp_path / "content"
    make_corpus(6, content, seed=5)
    incremental = tmp_path / "incremental" / "site"
    assert build_site(content, incremental) == 0
    removed_slug = find_resolution_dirs(content)[1][1].name
    edit(content)
    assert build_site(content, incremental, incremental=True) == 0
    full = tmp_path / "full" / "site"
    assert build_site(content, full) == 0

    changed_lang = "fr" if edit is edit_cited_title else "en"
    assert "delta" in (incremental / changed_lang / SEARCH_DIR / "overlay.json").read_text(encoding="utf-8")
    if edit is not remove_text:
        assert (incremental / changed_lang / SEARCH_DIR / DELTA_DIR).is_dir(), "the edit was indexed as an overlay"

    searches = [(lang, query) for lang, queries in QUERIES.items() for query in queries] + [("en", "Ethiopia")]
    hits = get_hits(browser, incremental, searches)
    assert hits == get_hits(browser, full, searches)
    assert any(hits.values())
    if edit is edit_paragraph:
        newest = find_resolution_dirs(content)[-1][1].name
        opened = [urlsplit(link) for _, link in hits["en", EDIT_WORD]]
        assert [(url.path.split("/")[-2], url.fragment) for url in opened] == [(newest, "para_1")]
    if edit is edit_cited_title:
        assert hits["fr", "révisé"], "the revised title is found"
    if edit is remove_text:
        assert not any(removed_slug in link for found in hits.values() for _, link in found)
