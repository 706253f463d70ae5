"""Person pages of Members imported from the Parliament's pages: golden Markdown, and what a
reader needs on them (offices, tel: and mailto: links, own accounts, terms, JSON-LD).

Regenerate the golden files after an intended change, then review the diff::

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_people_pages.py
"""

from __future__ import annotations

import difflib
import json
import os

import pytest

from generator.languages import LANGUAGES
from generator.link.linker import link_corpus
from generator.model import Corpus, Person, PersonRef
from generator.read.content import load_content
from generator.render.pages import render_site
from generator.urls import get_person_path, get_resolution_path
from tests.factories import FORMER_MEMBER, IMPORTED_MEMBER, make_document, make_people_content, make_version
from tests.html_tools import parse_html
from tests.paths import GOLDEN
from tests.render.test_pages import markdown_to_html

GOLDEN_PEOPLE = GOLDEN / "people"


@pytest.fixture(scope="module")
def people_corpus(tmp_path_factory) -> Corpus:
    content = make_people_content(tmp_path_factory.mktemp("people"))
    return link_corpus(load_content(content, warn=lambda diagnostic: None))


@pytest.fixture(scope="module")
def pages(people_corpus):
    return {lang: render_site(people_corpus, lang) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", [IMPORTED_MEMBER, FORMER_MEMBER])
def test_golden_person_pages(pages, lang, slug):
    markdown = pages[lang][get_person_path(slug)]
    golden = GOLDEN_PEOPLE / lang / f"{slug}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(markdown, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if markdown != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), markdown.splitlines(True), str(golden), "rendered"))
        pytest.fail(f"{slug} differs from its golden file (UPDATE_GOLDEN=1 to regenerate):\n{diff}")


def person_html(pages, lang, slug):
    return parse_html(markdown_to_html(pages[lang][get_person_path(slug)]))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_member_page_has_each_office_and_the_ways_to_reach_them(pages, lang):
    page = person_html(pages, lang, IMPORTED_MEMBER)
    offices = [e for e in page.find_all("section") if e.has_class("person-office")]
    assert [office.find_all("h3")[0].text() for office in offices] == ["Brussels", "Strasbourg"]
    assert offices[0].find_all("address")[0].text().startswith("Parlement européenBât. ALTIERO SPINELLI")
    hrefs = [a.attrs["href"] for a in page.find_all("a")]
    assert [h for h in hrefs if h.startswith("tel:")] == ["tel:+3222800001", "tel:+33388100001"]
    assert [h for h in hrefs if h.startswith("mailto:")] == ["mailto:aino.testinen@europarl.example"]
    own = [a.attrs["href"] for a in page.find_all("a") if "me" in a.attrs.get("rel", "").split()]
    assert own == ["https://aino-testinen.example/", "https://facebook.example/aino.testinen", "https://x.example/AinoTestinen"]
    assert f"https://www.europarl.europa.eu/meps/{lang}/990001" in hrefs
    [card] = [a for a in page.find_all("a") if a.has_class("person-vcard")]
    assert (card.attrs["href"], card.attrs["type"], "download" in card.attrs) == (f"{IMPORTED_MEMBER}.vcf", "text/vcard", True)
    assert not [e for e in page.find_all("p") if e.has_class("no-contact")]


def test_the_json_ld_says_what_the_page_says(pages):
    page = person_html(pages, "en", IMPORTED_MEMBER)
    [script] = page.find_all("script")
    data = json.loads(script.text())
    assert data["@type"] == "Person" and data["name"] == "Aino Testinen" and data["email"] == "aino.testinen@europarl.example"
    assert [(place["name"], place["telephone"], place["address"]["postalCode"], place["address"]["addressLocality"])
            for place in data["workLocation"]] == [
        ("Brussels", "+32 2 28 00001", "B-1047", "Bruxelles/Brussel"),
        ("Strasbourg", "+33 3 88 1 00001", "F-67070", "Strasbourg Cedex"),
    ]
    assert data["sameAs"][0] == "https://www.europarl.europa.eu/meps/en/990001"


@pytest.mark.parametrize(
    "lang, terms, since",
    [
        ("en", ["Term 9 (2019–2024)", "Term 8 (2014–2019)"], "2 July 2019 – 28 April 2021"),
        ("fr", ["Législature 9 (2019–2024)", "Législature 8 (2014–2019)"], "2 juillet 2019 – 28 avril 2021"),
    ],
)
def test_a_former_members_page_has_their_groups_and_terms_and_no_office(pages, lang, terms, since):
    page = person_html(pages, lang, FORMER_MEMBER)
    assert not [e for e in page.find_all("section") if e.has_class("person-office")]
    assert not [a for a in page.find_all("a") if a.attrs.get("href", "").startswith(("tel:", "mailto:"))]
    assert not [a for a in page.find_all("a") if a.has_class("person-vcard")]  # nothing to put on a card
    assert [a for a in page.find_all("a") if a.has_class("person-ep-page")]
    listed = [e for e in page.find_all("ul") if e.has_class("person-terms")][0]
    assert [e.text() for e in listed.find_all("span") if e.has_class("term-name")] == terms
    assert since in listed.text()


def test_the_role_most_mps_share_is_left_out_and_a_contacts_role_is_kept():
    version = make_version(
        "2020-01-01-x", meps=[("A One", "Member"), ("B Two", "Member"), ("C Three", "Vice-Chair")],
        contacts=[("D Four", "Advisor on Foreign Affairs")],
    )
    corpus = Corpus(documents=(make_document("2020-01-01-x", version),), people=(Person("x", "x"),))
    html = markdown_to_html(render_site(corpus, "en")[get_resolution_path("2020-01-01-x")])
    roles = [e.text() for e in parse_html(html).find_all("span") if e.has_class("person-role")]
    assert roles == ["Vice-Chair", "Advisor on Foreign Affairs"]
    assert PersonRef("A One", "Member", 50) in version.meps  # the data keeps every role
