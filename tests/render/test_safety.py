"""Raw text is data: hostile texts show exactly their characters in the BUILT HTML and
add no element, attribute, link or id."""

from __future__ import annotations

import json

import pytest

from tests.factories import HOSTILE_DOC_TYPE, HOSTILE_SLUG, HOSTILE_TEXTS, HOSTILE_TITLE, recital_id
from tests.html_tools import by_id, read_html, unit_text


@pytest.fixture(scope="module")
def page(hostile_site):
    return read_html(hostile_site / "en" / "resolutions" / HOSTILE_SLUG / "index.html")


@pytest.mark.parametrize("case", list(HOSTILE_TEXTS))
def test_hostile_text_shows_its_characters_and_adds_nothing(page, case):
    unit = by_id(page)[recital_id(case)]
    assert unit_text(unit) == HOSTILE_TEXTS[case]
    span = next(c for c in unit.children if not isinstance(c, str) and c.has_class("unit-text"))
    assert list(span.iter()) == [], f"{case}: the text became elements"


def test_no_element_from_any_text_anywhere_in_the_article(page):
    article = page.find_all("article")[0]
    for tag in ("script", "img", "b", "i", "em", "u", "code", "table", "hr", "ref"):
        assert not article.find_all(tag), f"<{tag}> appeared in the article"
    # Our only <strong>: the current language in the "Languages" line.
    assert [s.attrs.get("aria-current") for s in article.find_all("strong")] == ["page"]
    scripts = "".join(s.text() for s in page.find_all("script"))
    assert "alert" not in scripts
    hrefs = [a.attrs.get("href", "") for a in page.find_all("a")]
    assert not any(h.lower().startswith("javascript:") for h in hrefs)
    assert not any("evil.example" in h for h in hrefs)


def test_ids_are_exactly_the_units_and_ours(page):
    article = page.find_all("article")[0]
    ids = [e.attrs["id"] for e in article.iter() if "id" in e.attrs]
    expected_units = ["cit_1", *(recital_id(c) for c in HOSTILE_TEXTS), "para_1", "para_1__point_a", "amdt_1"]
    assert [i for i in ids if "_" in i] == expected_units
    assert len(ids) == len(set(ids))


def test_hostile_title_in_title_header_h1_and_meta(page):
    title = page.find_all("title")[0].text()
    assert title.startswith(HOSTILE_TITLE + " - ")
    assert page.find_all("h1")[0].text() == HOSTILE_TITLE
    header_topic = [e for e in page.find_all("span") if e.has_class("md-ellipsis")]
    assert any(e.text().strip() == HOSTILE_TITLE for e in header_topic)
    metas = {m.attrs.get("property") or m.attrs.get("name"): m.attrs.get("content") for m in page.find_all("meta")}
    assert metas["og:title"] == HOSTILE_TITLE
    assert metas["description"].startswith(HOSTILE_TITLE + " — ")
    assert metas["og:description"].endswith(HOSTILE_DOC_TYPE)


def test_hostile_doc_type_reference_and_preamble(page):
    doc_type = [e for e in page.find_all("span") if e.has_class("doc-type")][0]
    assert doc_type.text() == HOSTILE_DOC_TYPE and list(doc_type.iter()) == []
    reference = [e for e in page.find_all("span") if e.has_class("doc-reference")][0]
    assert reference.text() == "<ref>"
    preamble = [e for e in page.find_all("p") if e.has_class("preamble")][0]
    assert preamble.text() == "The <u>European</u> Parliament,"


def test_hostile_citation_and_points(page):
    ids = by_id(page)
    assert unit_text(ids["cit_1"]) == "having regard to <a href='javascript:alert(1)'>this</a>,"
    assert unit_text(ids["para_1"]) == "Calls for `code` and <em>markup</em>:"
    assert unit_text(ids["para_1__point_a"]) == "to <b>stay</b> text;"


def test_hostile_person_page(hostile_site):
    page = read_html(hostile_site / "en" / "meps" / "evil-name" / "index.html")
    article = page.find_all("article")[0]
    assert page.find_all("h1")[0].text() == "<i>Evil</i> Name"
    assert not article.find_all("i") and not article.find_all("b")
    # The one script is our JSON-LD, whose data stays data: it reads back as given.
    [script] = article.find_all("script")
    assert script.attrs["type"] == "application/ld+json"
    data = json.loads(script.text())
    assert (data["name"], data["familyName"], data["affiliation"]["name"]) == ("<i>Evil</i> Name", "</script><b>", "<!-- group -->")
    assert data["workLocation"][0]["address"]["streetAddress"] == "</address><i>x</i>, -->"
    assert "javascript:alert(1)" not in script.text()
    hrefs = [a.attrs["href"] for a in article.find_all("a") if "href" in a.attrs]
    assert not any(h.startswith("javascript:") for h in hrefs)
    mailto = [h for h in hrefs if h.startswith("mailto:")]
    assert mailto == ['mailto:a@b.example"><script>']
    assert 'https://ok.example/"><b>' in hrefs
    offices = [e for e in article.find_all("section") if e.has_class("person-office")]
    assert offices[0].find_all("h3")[0].text() == "<b>Office</b>"
    assert offices[0].find_all("address")[0].text() == "</address><i>x</i>-->"
    terms = [e for e in article.find_all("ul") if e.has_class("person-terms")][0]
    assert "<i>Group</i> — <b>Chair</b>" in terms.text()


def test_hostile_amendment_heading_procedure_and_authors(page):
    article = page.find_all("article")[0]
    amendment = by_id(page)["amdt_1"]
    texts = [e.text() for e in amendment.iter() if e.has_class("unit-text") or e.has_class("amendment-location")]
    assert texts == ["Recital <b>1</b>", "<script>alert(1)</script> original;", "[amended](javascript:alert(1))"]
    heading = [e for e in article.find_all("p") if e.has_class("unit-heading")][0]
    assert heading.text() == "<h2>Heading</h2> {{ x }}" and list(heading.iter()) == []
    procedure = [e for e in article.find_all("a") if e.has_class("doc-procedure")][0]
    assert procedure.text() == "<proc>"
    # Linked to its procedure file, the procedure percent-encoded in the URL.
    assert procedure.attrs["href"] == "https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=%3Cproc%3E"
    authors = [e for e in article.find_all("ul") if e.has_class("people-authors")][0]
    # The author who is also a responsible MEP is listed once, under the MEPs.
    assert [e.text() for e in authors.iter() if e.has_class("person-name") or e.has_class("person-group")] == [
        "<b>Bad</b> Author", "<i>group</i>",
    ]


def test_hostile_names_on_the_resolution_page(page):
    names = [e for e in page.find_all("span") if e.has_class("person-name")]
    assert names[1].text() == "<i>Evil</i> Name"
    roles = [e for e in page.find_all("span") if e.has_class("person-role")]
    assert [role.text() for role in roles] == ["Advisor <script>"]  # a lone MEP's role says nothing
