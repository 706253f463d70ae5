"""The record of the search pages' digests (generator.outputs.search, PAGES_FILE): a build
makes the HTML of the pages whose inputs changed, and knows the others' digests from it."""

from __future__ import annotations

import pytest

from generator.languages import LANGUAGES
from generator.link.linker import link_corpus
from generator.outputs.search import PAGES_FILE, SearchPages, get_page_digest, get_page_digests, get_search_pages
from generator.read.content import load_content
from generator.urls import get_resolution_url
from tests.factories import make_corpus


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    content = tmp_path_factory.mktemp("record") / "content"
    make_corpus(5, content, seed=3)
    return load_content(content, warn=lambda diagnostic: None)


def count_made(monkeypatch) -> list[str]:
    made: list[str] = []
    make = SearchPages.make

    def counted(self: SearchPages, url: str) -> str:
        made.append(url)
        return make(self, url)

    monkeypatch.setattr(SearchPages, "make", counted)
    return made


@pytest.mark.parametrize("lang", LANGUAGES)
def test_only_the_page_of_a_changed_text_is_made_again(loaded, tmp_path, monkeypatch, lang):
    corpus = link_corpus(loaded)
    expected = {url: get_page_digest(html) for url, html in get_search_pages(corpus, lang).items()}
    assert get_page_digests(SearchPages(corpus, lang), tmp_path, loaded.digests) == expected
    assert (tmp_path / PAGES_FILE).is_file()

    made = count_made(monkeypatch)
    assert get_page_digests(SearchPages(corpus, lang), tmp_path, loaded.digests) == expected
    assert made == []
    changed = corpus.documents[1].slug
    assert get_page_digests(SearchPages(corpus, lang), tmp_path, {**loaded.digests, changed: "edited"}) == expected
    assert made == [get_resolution_url(changed)]


def test_a_record_that_is_not_ours_is_ignored(loaded, tmp_path, monkeypatch):
    corpus = link_corpus(loaded)
    expected = {url: get_page_digest(html) for url, html in get_search_pages(corpus, "en").items()}
    (tmp_path / PAGES_FILE).write_text('{"resolutions/x/": [1, 2], "y": "z"}', encoding="utf-8")
    made = count_made(monkeypatch)
    assert get_page_digests(SearchPages(corpus, "en"), tmp_path, loaded.digests) == expected
    assert sorted(made) == sorted(expected)
    (tmp_path / PAGES_FILE).write_text("[not json", encoding="utf-8")
    assert get_page_digests(SearchPages(corpus, "en"), tmp_path, loaded.digests) == expected


def test_without_digests_every_text_page_is_made(loaded, tmp_path, monkeypatch):
    corpus = link_corpus(loaded)
    get_page_digests(SearchPages(corpus, "en"), tmp_path, {})
    made = count_made(monkeypatch)
    get_page_digests(SearchPages(corpus, "en"), tmp_path, {})
    assert sorted(made) == sorted(get_resolution_url(document.slug) for document in corpus.documents)
