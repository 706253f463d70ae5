"""A text's data (``index.json``): the ``parse --json`` fields and what linking found,
valid against the published JSON Schema."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from generator.model import SiteSettings
from generator.outputs import OutputContext
from generator.outputs.text_data import encode, get_text_data
from tests.factories import NEW, OLD, ONLY_FR, make_hostile_corpus, make_sample_corpus
from tests.open_data import assert_valid_text_data


def get_data(corpus, slug: str, lang: str, site_url: str = "") -> dict:
    return get_text_data(OutputContext(corpus, Path("unused"), site_url=site_url), corpus.by_slug[slug], lang)


@pytest.mark.parametrize("make_corpus", [make_sample_corpus, make_hostile_corpus])
def test_every_version_is_valid_against_the_schema(make_corpus):
    corpus = make_corpus()
    for document in corpus.documents:
        for lang in document.versions:
            data = get_data(corpus, document.slug, lang)
            assert_valid_text_data(data)
            assert json.loads(encode(data)) == data


EVERY_KIND_OF_CHARACTER = "".join(map(chr, range(0x300))) + "\u2028\u2029\ufeff\ud7ff\ue000\ufffd\U0001f600—’«»"


@pytest.mark.parametrize("make_corpus", [make_sample_corpus, make_hostile_corpus])
def test_the_bytes_are_those_of_json_dumps(make_corpus):
    """encode (msgspec) writes what ``json.dumps`` with sorted keys, no whitespace and
    UTF-8 as it is writes: control characters, quotes, backslashes, non-BMP characters."""
    corpus = make_corpus()
    datas = [get_data(corpus, document.slug, lang) for document in corpus.documents for lang in document.versions]
    datas.append({"é": EVERY_KIND_OF_CHARACTER, "a": [EVERY_KIND_OF_CHARACTER, None, True, False, 0, -12345678901234], "Z": {}})
    for data in datas:
        assert encode(data) == json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def test_the_parse_fields_are_there_as_parse_json_gives_them():
    corpus = make_sample_corpus()
    data = get_data(corpus, OLD, "fr")
    expected = corpus.by_slug[OLD].versions["fr"].to_json()
    for key in ("lang", "title", "date", "doc_type", "preamble", "recitals", "paragraphs", "amendments", "headings", "layout"):
        assert data[key] == expected[key], key
    assert [{k: c[k] for k in ("eid", "text")} for c in data["citations"]] == expected["citations"]
    assert data["reference"] == "B7-0001/2009"  # meta.yml's, as the page shows it
    assert (data["slug"], data["url"], data["languages"], data["unofficial"]) == (OLD, f"fr/resolutions/{OLD}/", ["en", "fr"], True)


def test_each_citation_link_names_its_target_url_and_unit():
    corpus = make_sample_corpus()
    citations = get_data(corpus, NEW, "en")["citations"]
    internal, = citations[0]["links"]
    assert internal["text"] == "17 September 2009"
    assert citations[0]["text"][internal["start"]:internal["end"]] == internal["text"]
    assert (internal["slug"], internal["unit"], internal["url"], internal["title"]) == (
        OLD, None, f"en/resolutions/{OLD}/", "Case of Yevgeni Zhovtis"
    )
    external, = citations[1]["links"]
    assert (external["slug"], external["unit"]) == (None, None)
    assert external["url"] == "https://www.europarl.europa.eu/doceo/document/TA-7-2011-0588_EN.html"
    assert citations[2]["links"] == []


def test_cited_by_and_people_have_their_pages():
    corpus = make_sample_corpus()
    cited = get_data(corpus, OLD, "fr", site_url="https://example.org/site/")
    assert cited["cited_by"] == [{
        "slug": NEW, "citation": "cit_1", "url": f"https://example.org/site/fr/resolutions/{NEW}/#cit_1",
        "title": "Kazakhstan", "date": "2012-03-07",
    }]
    citing = get_data(corpus, NEW, "en")
    assert [(m["name"], m["person"]) for m in citing["meps"]] == [
        ("Barbara Lochbihler", {"slug": "barbara-lochbihler", "url": "en/meps/barbara-lochbihler/"}),
        ("Keith Taylor", {"slug": "keith-taylor", "url": "en/meps/keith-taylor/"}),
    ]
    assert citing["contacts"][0]["person"]["slug"] == "paolo-bergamaschi"
    assert get_data(corpus, ONLY_FR, "fr")["meps"] == []


def test_sources_follow_the_settings_patterns():
    corpus = make_sample_corpus()
    assert get_data(corpus, NEW, "en")["sources"] == {
        "page": "https://www.europarl.europa.eu/doceo/document/B-7-2012-0143_EN.html",
        "pdf": "https://www.europarl.europa.eu/doceo/document/B-7-2012-0143_EN.pdf",
        "procedure": None,
        "imported_from": None,
    }
    settings = SiteSettings(official_page="https://docs.example/{reference}?lang={lang}", official_pdf="")
    renamed = dataclasses.replace(corpus, settings=settings)
    assert get_data(renamed, NEW, "en")["sources"]["page"] == "https://docs.example/B7-0143%2F2012?lang=en"
    assert get_data(renamed, NEW, "en")["sources"]["pdf"] is None


def test_the_bytes_are_sorted_and_the_same_every_time():
    corpus = make_sample_corpus()
    first = encode(get_data(corpus, NEW, "en"))
    assert first == encode(get_data(make_sample_corpus(), NEW, "en"))
    keys = list(json.loads(first))
    assert keys == sorted(keys)
    assert b"\n" not in first
