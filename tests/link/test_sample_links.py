"""The bundled sample (content/): its two citations of earlier resolutions and its people."""


import pytest

from generator.link.linker import link_corpus
from generator.read.content import load_content
from tests.paths import CONTENT

SLUG = "2012-03-07-kazakhstan"
ZHOVTIS_2009 = "https://www.europarl.europa.eu/doceo/document/TA-7-2009-0023_{}.html"
CENTRAL_ASIA_2011 = "https://www.europarl.europa.eu/doceo/document/TA-7-2011-0588_{}.html"


@pytest.fixture(scope="module")
def corpus():
    return link_corpus(load_content(CONTENT))


@pytest.mark.parametrize(
    "lang, eid, phrase, url",
    [
        ("en", "cit_1", "17 September 2009", ZHOVTIS_2009),
        ("en", "cit_2", "15 December 2011", CENTRAL_ASIA_2011),
        ("fr", "cit_1", "17 septembre 2009", ZHOVTIS_2009),
        ("fr", "cit_2", "15 décembre 2011", CENTRAL_ASIA_2011),
    ],
)
def test_sample_citations_link_to_the_references(corpus, lang, eid, phrase, url):
    [link] = corpus.links[(SLUG, lang, eid)]
    citation = next(c for c in corpus.by_slug[SLUG].versions[lang].citations if c.eid == eid)
    assert citation.text[link.start : link.end] == phrase
    assert link.slug == ""
    # The renderer of the English page takes the en URL, the French page the fr one.
    assert link.url == {"en": url.format("EN"), "fr": url.format("FR")}


def test_no_other_sample_citation_is_linked(corpus):
    assert sorted(corpus.links) == sorted(
        (SLUG, lang, eid) for lang in ("en", "fr") for eid in ("cit_1", "cit_2")
    )


def test_sample_people_are_all_in_the_directory(corpus):
    assert [(p.slug, p.in_directory) for p in corpus.people] == [
        ("barbara-lochbihler", True),
        ("bart-staes", True),
        ("keith-taylor", True),
        ("paolo-bergamaschi", True),
    ]
    assert corpus.responsible["keith-taylor"] == (SLUG,)
    assert corpus.contact_for == {"paolo-bergamaschi": (SLUG,)}
    assert corpus.diagnostics == ()
