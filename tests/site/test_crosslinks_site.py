"""Cross-links as a reader meets them on the built site (issue 4), on a corpus of our own:
an internal citation, a paragraph deep link, an external reference, an unresolved and an
ambiguous citation (plain text), "Cited by", and a "LASTNAME Firstname" person page."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser.test_site_links import broken_links
from tests.paths import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "corpus_links"
KAZAKHSTAN = "2012-03-07-kazakhstan"
ZHOVTIS = "2009-09-17-zhovtis"


class UnitLinks(HTMLParser):
    """For each unit id: the hrefs of the citation links inside it."""

    def __init__(self):
        super().__init__()
        self.stack: list[str | None] = []
        self.links: dict[str, list[str]] = {}
        self.cited_by: list[str] = []
        self.in_cited_by = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div":
            self.stack.append(attributes.get("id") if "unit" in (attributes.get("class") or "").split() else None)
        if tag == "ul" and "cited-by" in (attributes.get("class") or ""):
            self.in_cited_by = True
        if tag == "a":
            units = [unit for unit in self.stack if unit]
            if units and "citation-link" in (attributes.get("class") or ""):
                self.links.setdefault(units[-1], []).append(attributes["href"])
            if self.in_cited_by:
                self.cited_by.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "div" and self.stack:
            self.stack.pop()
        if tag == "ul":
            self.in_cited_by = False


def read_page(site: Path, lang: str, slug: str) -> UnitLinks:
    parser = UnitLinks()
    parser.feed((site / lang / "resolutions" / slug / "index.html").read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("crosslinks") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(CORPUS), "--site-dir", str(site_dir)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    # The build tells of what check would report, without stopping.
    assert "ambiguous citation" in result.stderr and "unresolved citation" in result.stderr
    return site_dir


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_citations_link_to_the_cited_text_in_the_same_language(site, lang):
    links = read_page(site, lang, KAZAKHSTAN).links
    assert links["cit_1"] == [f"../{ZHOVTIS}/"]
    assert links["cit_2"] == [f"../{ZHOVTIS}/#para_3"]
    assert "cit_3" not in links  # ambiguous: two texts of 15 December 2011
    assert "cit_4" not in links  # unresolved
    [external] = links["cit_5"]
    assert external.startswith("https://") and external.endswith(f"_{lang.upper()}.html")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_cited_by_goes_to_the_exact_citation(site, lang):
    cited_by = read_page(site, lang, ZHOVTIS).cited_by
    assert cited_by == [f"../{KAZAKHSTAN}/#cit_1", f"../{KAZAKHSTAN}/#cit_2"]
    # Each link names the citation it opens, in the page's language.
    page = (site / lang / "resolutions" / ZHOVTIS / "index.html").read_text(encoding="utf-8")
    word = {"en": "citation", "fr": "visa"}[lang]
    assert f'<span lang="{lang}">Kazakhstan</span> — {word} 2</a>' in page


def test_lastname_firstname_gets_a_person_page_in_both_languages(site):
    for lang in ("en", "fr"):
        page = (site / lang / "meps" / "werner-schulz" / "index.html").read_text(encoding="utf-8")
        assert "Werner Schulz" in page
        assert f"../../resolutions/{KAZAKHSTAN}/" in page


def test_every_cross_link_resolves(site):
    assert broken_links(site) == []
