"""A corpus of texts in the layouts of the Parliament's and EUR-Lex's pages
(``tests/fixtures/corpus_real``, written for this test): it builds, ``check --strict``
reports only its true problems, and every citation links to the right text and paragraph.

The texts: two texts adopted on 11 March 2014 (torture: the old getDoc page in English,
doceo in French; small firms: doceo as Markdown, both languages), a legislative
resolution of 15 January 2014 (English only), a text adopted in 2015 (doceo in English,
EUR-Lex's Official Journal page in French) citing them by date and subject, in a list,
with a paragraph, a legislative resolution, and a subject that is neither; a text of
2018 from EUR-Lex; a joint motion (a motion: not citable) and the text adopted from it
(French doceo, English Markdown) citing a list of three with their own subjects; a
Greens/EFA page in French citing a position and a list of three dates.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.commands.check import get_diagnostics
from generator.link.linker import link_corpus
from generator.read.content import load_content
from tests.paths import FIXTURES, ROOT
from tests.site.test_crosslinks_site import read_page

CORPUS = FIXTURES / "corpus_real"


TORTURE = "2014-03-11-eradication-of-torture"
SMALL_FIRMS = "2014-03-11-digital-single-market-small-firms"
PROCUREMENT = "2014-01-15-public-procurement"
GREEN_GROWTH = "2015-05-19-green-growth-smes"
UYGHURS_2018 = "2018-10-04-mass-detention-uyghurs"
JOINT_MOTION = "2019-12-17-uyghurs-china-cables-joint"
CHINA_CABLES = "2019-12-19-uyghurs-china-cables"
GREENS = "2015-06-01-migration-refugees-greens"

ISLANDS = "https://example.org/TA-7-2013-0180_{}.html"
MINORITIES = "https://example.org/TA-8-2019-0422_{}.html"
ZHOVTIS = "https://example.org/TA-7-2009-0023_EN.html"
KAZAKHSTAN_2012 = "https://example.org/TA-7-2012-0089_EN.html"
CENTRAL_ASIA_2012 = "https://example.org/TA-7-2012-0227_EN.html"


def expected_links() -> dict[tuple[str, str, str], list[tuple[str, str, str]]]:
    """(citing slug, language, citation) -> [(date phrase, text slug or URL, paragraph)]."""
    links: dict[tuple[str, str, str], list[tuple[str, str, str]]] = {}
    for lang, (march, january, april) in {
        "en": ("11 March 2014", "15 January 2014", "18 April 2013"),
        "fr": ("11 mars 2014", "15 janvier 2014", "18 avril 2013"),
    }.items():
        links[(GREEN_GROWTH, lang, "cit_1")] = [(march, SMALL_FIRMS, "")]
        links[(GREEN_GROWTH, lang, "cit_2")] = [(january, PROCUREMENT, "")]
        links[(GREEN_GROWTH, lang, "cit_3")] = [(march, TORTURE, ""), (april, ISLANDS.format(lang.upper()), "")]
        links[(GREEN_GROWTH, lang, "cit_4")] = [(march, TORTURE, "para_3")]
        # cit_5: 11 March 2014 "on the rights of fishermen": neither text of that day.
    links[(CHINA_CABLES, "en", "cit_1")] = [
        ("18 April 2019", MINORITIES.format("EN"), ""), ("4 October 2018", UYGHURS_2018, ""),
    ]  # and 26 November 2009: in neither the corpus nor references.yml
    links[(CHINA_CABLES, "fr", "cit_1")] = [
        ("18 avril 2019", MINORITIES.format("FR"), ""), ("4 octobre 2018", UYGHURS_2018, ""),
    ]
    links[(JOINT_MOTION, "en", "cit_1")] = [("4 October 2018", UYGHURS_2018, "")]
    links[(GREENS, "fr", "cit_2")] = [("11 mars 2014", TORTURE, "")]
    links[(GREENS, "fr", "cit_3")] = [("15 janvier 2014", PROCUREMENT, "")]
    links[(GREENS, "fr", "cit_4")] = [
        ("17 septembre 2009", ZHOVTIS, ""), ("15 mars 2012", KAZAKHSTAN_2012, ""), ("24 mai 2012", CENTRAL_ASIA_2012, ""),
    ]
    return links


TRUE_PROBLEMS = {
    (f"{GREEN_GROWTH}/en.txt", "cit_5", "unresolved citation: resolution of 11 March 2014"
     f" (of that date but on another subject: {SMALL_FIRMS}, {TORTURE})"),
    (f"{GREEN_GROWTH}/fr.txt", "cit_5", "unresolved citation: resolution of 11 mars 2014"
     f" (of that date but on another subject: {SMALL_FIRMS}, {TORTURE})"),
    (f"{CHINA_CABLES}/en.txt", "cit_1", "unresolved citation: resolution of 26 November 2009"),
    (f"{CHINA_CABLES}/fr.txt", "cit_1", "unresolved citation: resolution of 26 novembre 2009"),
}


@pytest.fixture(scope="module")
def corpus():
    return link_corpus(load_content(CORPUS))


def test_every_citation_links_to_the_right_text_and_paragraph(corpus):
    found = {}
    for (slug, lang, eid), links in corpus.links.items():
        citation = next(c for c in corpus.by_slug[slug].versions[lang].citations if c.eid == eid)
        found[(slug, lang, eid)] = [
            (citation.text[link.start : link.end], link.slug or link.url.get(lang) or link.url.get("en", ""), link.eid)
            for link in links
        ]
    assert found == expected_links()


def test_cited_by_lists_each_citing_citation(corpus):
    assert corpus.cited_by[TORTURE] == (
        (GREEN_GROWTH, "cit_3"), (GREEN_GROWTH, "cit_4"), (GREENS, "cit_2"),
    )
    assert corpus.cited_by[UYGHURS_2018] == ((CHINA_CABLES, "cit_1"), (JOINT_MOTION, "cit_1"))
    assert JOINT_MOTION not in corpus.cited_by  # a motion is not cited


def test_check_strict_reports_only_the_true_problems():
    diagnostics = get_diagnostics(CORPUS)
    found = {(f"{Path(d.path).parent.name}/{Path(d.path).name}", d.eid, d.message) for d in diagnostics}
    assert found == TRUE_PROBLEMS
    assert len(diagnostics) == len(TRUE_PROBLEMS)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("real-corpus") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(CORPUS), "--site-dir", str(site_dir), "--quiet"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_built_pages_link_where_the_citations_say(site, lang):
    for (slug, link_lang, eid), links in expected_links().items():
        if link_lang != lang:
            continue
        hrefs = read_page(site, lang, slug).links[eid]
        wanted = [
            target if target.startswith("https://") else f"../{target}/" + (f"#{paragraph}" if paragraph else "")
            for _, target, paragraph in links
        ]
        assert hrefs == wanted, (slug, eid)
