"""The fingerprints of the lists of texts (generator.render.fingerprints): an edit that no
list shows renders none of them again; one that a list shows renders exactly the lists
that show that text. (That the pages kept are right is tests/commands/test_incremental.py's
byte-for-byte check.)"""

from __future__ import annotations

from pathlib import Path

from generator.facets import get_listing_path, get_tags, get_type_key, get_year
from generator.languages import LANGUAGES
from generator.link.linker import link_corpus
from generator.read.content import load_content
from generator.render.fingerprints import get_page_fingerprints
from generator.render.listings import INDEX_PATH
from generator.render.pages import HOME_PATH
from tests.factories import edit_paragraph, find_resolution_dirs, make_corpus, retitle_text

LISTS = ("resolutions/years/", "resolutions/types/", "resolutions/tags/")


def list_fingerprints(content: Path) -> dict[str, dict[str, str]]:
    """Language -> path -> fingerprint of each list of texts."""
    loaded = load_content(content)
    corpus = link_corpus(loaded)
    return {
        lang: {
            path: fingerprint
            for path, fingerprint in get_page_fingerprints(corpus, loaded.digests, lang).items()
            if path in (HOME_PATH, INDEX_PATH) or path.startswith(LISTS)
        }
        for lang in LANGUAGES
    }


def changed(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> dict[str, set[str]]:
    return {lang: {path for path in after[lang] if before[lang].get(path) != after[lang][path]} for lang in LANGUAGES}


def test_every_list_has_a_fingerprint(tmp_path):
    make_corpus(8, tmp_path, seed=3)
    fingerprints = list_fingerprints(tmp_path)
    corpus = link_corpus(load_content(tmp_path))
    for lang in LANGUAGES:
        assert {HOME_PATH, INDEX_PATH} <= set(fingerprints[lang])
        for document in corpus.documents:
            assert get_listing_path("years", get_year(document)) in fingerprints[lang]
            assert get_listing_path("types", get_type_key(document)) in fingerprints[lang]
    assert fingerprints["en"] != fingerprints["fr"]


def test_an_edit_no_list_shows_changes_no_list(tmp_path):
    make_corpus(8, tmp_path, seed=3)
    before = list_fingerprints(tmp_path)
    edit_paragraph(tmp_path)
    assert changed(before, list_fingerprints(tmp_path)) == {lang: set() for lang in LANGUAGES}


def test_a_new_title_changes_the_lists_that_show_the_text_and_no_other(tmp_path):
    make_corpus(8, tmp_path, seed=3)
    before = list_fingerprints(tmp_path)
    retitle_text(tmp_path)  # the newest text, in English
    slug = find_resolution_dirs(tmp_path)[-1][0]
    corpus = link_corpus(load_content(tmp_path))
    document = corpus.by_slug[slug]
    shown = {
        HOME_PATH, INDEX_PATH,
        get_listing_path("years", get_year(document)),
        get_listing_path("types", get_type_key(document)),
        *(get_listing_path("tags", key) for key, _ in get_tags(document)),
    }
    # The French site shows the French title, unless the text has no French version.
    assert changed(before, list_fingerprints(tmp_path)) == {
        "en": shown, "fr": shown if "fr" not in document.versions else set()
    }
