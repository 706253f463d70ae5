"""Each text as Akoma Ntoso 3.0: valid against the OASIS schema (a copy in
tests/fixtures/schemas), its eIds the page's ids, its structure the text's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from generator.model import Corpus, Paragraph, Point
from generator.outputs import OutputContext
from generator.outputs.akoma_ntoso import AKN_NAMESPACE, attribute, escape_text, get_akoma_ntoso
from generator.outputs.xml_chars import xml_text
from tests.factories import NEW, OLD, make_document, make_hostile_corpus, make_sample_corpus, make_version, paragraph
from tests.open_data import assert_valid_akoma_ntoso, get_eids, get_refs
from tests.paths import GOLDEN

A = f"{{{AKN_NAMESPACE}}}"
REPORT = "2024-05-02-report"


def make_report_corpus() -> Corpus:
    """A text with headings among its units, a point of a point, amendments and a
    character XML cannot hold."""
    points = (Point("para_2__point_a", "a", "to act:", 21), Point("para_2__point_a__point_i", "i", "at once;", 22),
              Point("para_2__point_b", "b", "to report;", 23))
    version = make_version(
        REPORT, "en", doc_type="REPORT on the situation", reference="A9-0163/2024", procedure="2023/2077(INI)",
        citations=["having regard to Article 1,", "having regard to Article 2,"],
        recitals=[("A", "whereas a form feed \x0c stood here;"), ("B", "whereas B;")],
        paragraphs=[paragraph("1", "Notes;"), Paragraph("para_2", "2", "Calls on the Commission:", 20, points), paragraph("3", "Ends.")],
        amendments=[("Recital 3", "Text amended;", "Text as amended;"), ("Article 2 a (new)", "", "A new article;")],
        headings=[("Legal basis", "cit_2"), ("General remarks", "para_2"), ("Final", "para_3")],
        authors=[("Anna Example", "Renew")],
    )
    return Corpus(documents=(make_document(REPORT, version),), people=())


def get_document(corpus: Corpus, slug: str, lang: str, site_url: str = ""):
    data = get_akoma_ntoso(OutputContext(corpus, Path("unused"), site_url=site_url), corpus.by_slug[slug], lang)
    return assert_valid_akoma_ntoso(data)


@pytest.mark.parametrize("make_corpus", [make_sample_corpus, make_hostile_corpus, make_report_corpus])
def test_every_version_is_valid_and_its_eids_are_its_unit_ids(make_corpus):
    corpus = make_corpus()
    for document in corpus.documents:
        for lang, version in document.versions.items():
            assert get_eids(get_document(corpus, document.slug, lang)) == list(version.eids())


def test_a_resolution_and_a_motion_and_their_frbr_names():
    corpus = make_sample_corpus()
    motion = get_document(corpus, NEW, "en")
    assert motion.find(f"{A}doc").get("name") == "motion"
    identification = motion.find(f"{A}doc/{A}meta/{A}identification")
    values = {level: identification.find(f"{A}FRBR{level}/{A}FRBRthis").get("value") for level in ("Work", "Expression", "Manifestation")}
    assert values == {
        "Work": f"/akn/eu/doc/motion/2012-03-07/{NEW}/!main",
        "Expression": f"/akn/eu/doc/motion/2012-03-07/{NEW}/eng@/!main",
        "Manifestation": f"/akn/eu/doc/motion/2012-03-07/{NEW}/eng@/!main.xml",
    }
    assert identification.find(f"{A}FRBRWork/{A}FRBRnumber").get("value") == "B7-0143/2012"
    french = get_document(corpus, OLD, "fr").find(f"{A}doc/{A}meta/{A}identification/{A}FRBRExpression/{A}FRBRlanguage")
    assert french.get("language") == "fra"
    extra = make_document("2013-01-01-adopted", make_version("2013-01-01-adopted", "en"), adopted="2013-01-01")
    adopted = make_sample_corpus(extra_documents=(extra,))
    assert get_document(adopted, "2013-01-01-adopted", "en").find(f"{A}doc").get("name") == "resolution"


def test_preface_preamble_and_body_hold_the_text():
    corpus = make_sample_corpus()
    doc = get_document(corpus, OLD, "en").find(f"{A}doc")
    assert doc.findtext(f"{A}preface/{A}p/{A}docTitle") == "Case of Yevgeni Zhovtis"
    assert doc.findtext(f"{A}preface/{A}p/{A}docType") == "Motion for a resolution"
    assert doc.findtext(f"{A}preamble/{A}formula/{A}p") == "The European Parliament,"
    recital = doc.find(f"{A}preamble/{A}recitals/{A}recital")
    assert (recital.get("eId"), recital.findtext(f"{A}num"), recital.findtext(f"{A}p")) == (
        "rec_A", "A.", "whereas Yevgeni Zhovtis was sentenced to four years;"
    )
    paragraph = doc.find(f"{A}mainBody/{A}paragraph")
    assert paragraph.findtext(f"{A}intro/{A}p") == "Calls on the Council:"
    assert [(p.get("eId"), p.findtext(f"{A}num"), p.findtext(f"{A}content/{A}p")) for p in paragraph.findall(f"{A}point")] == [
        ("para_1__point_a", "(a)", "to act;"), ("para_1__point_b", "(b)", "to report;")
    ]


def test_headings_points_of_points_and_amendments():
    doc = get_document(make_report_corpus(), REPORT, "en").find(f"{A}doc")
    assert [c.findtext(f"{A}heading") for c in doc.findall(f"{A}preamble/{A}citations")] == [None, "Legal basis"]
    divisions = doc.findall(f"{A}mainBody/{A}hcontainer[@name='division']")
    assert [(d.findtext(f"{A}heading"), [p.get("eId") for p in d.findall(f"{A}paragraph")]) for d in divisions] == [
        ("General remarks", ["para_2"]), ("Final", ["para_3"])
    ]
    point = divisions[0].find(f"{A}paragraph/{A}point")
    assert point.findtext(f"{A}intro/{A}p") == "to act:"
    assert point.find(f"{A}point").get("eId") == "para_2__point_a__point_i"
    amendment = doc.find(f"{A}mainBody/{A}hcontainer[@name='amendment']")
    assert (amendment.get("eId"), amendment.findtext(f"{A}subheading")) == ("amdt_1", "Recital 3")
    columns = {c.get("class"): c.findtext(f"{A}p") for c in amendment.findall(f"{A}content/{A}blockContainer")}
    assert columns == {"original": "Text amended;", "amended": "Text as amended;"}
    assert doc.findtext(f"{A}preamble/{A}recitals/{A}recital/{A}p") == "whereas a form feed \ufffd stood here;"
    assert doc.findtext(f"{A}preface/{A}p[@class='authors']/{A}docProponent") == "Anna Example (Renew)"


def test_citation_links_are_refs_to_the_cited_page():
    corpus = make_sample_corpus()
    document = get_document(corpus, NEW, "en")
    assert get_refs(document) == [f"../{OLD}/", "https://www.europarl.europa.eu/doceo/document/TA-7-2011-0588_EN.html"]
    citation = document.find(f".//{A}citation/{A}p")
    assert "".join(citation.itertext()) == corpus.by_slug[NEW].versions["en"].citations[0].text
    absolute = get_refs(get_document(corpus, NEW, "en", site_url="https://example.org/x/"))
    assert absolute[0] == f"https://example.org/x/en/resolutions/{OLD}/"


GOLDEN_CORPORA = [make_sample_corpus, make_hostile_corpus, make_report_corpus]


@pytest.mark.parametrize("make_corpus", GOLDEN_CORPORA)
def test_the_bytes_are_the_golden_files(make_corpus):
    """The documents are written as text: their bytes are those lxml's pretty print gave
    when they were built as trees (``tests/golden/outputs``, made so), escapes, empty
    elements and one-line citations with links included.

    After an intended change: ``UPDATE_GOLDEN=1 .venv/bin/python -m pytest
    tests/outputs/test_akoma_ntoso.py -k golden``, and review ``git diff tests/golden``.
    """
    corpus = make_corpus()
    for document in corpus.documents:
        for lang in document.versions:
            golden = GOLDEN / "outputs" / f"{document.slug}.{lang}.akn.xml"
            produced = get_akoma_ntoso(OutputContext(corpus, Path("unused")), document, lang)
            if os.environ.get("UPDATE_GOLDEN"):
                golden.write_bytes(produced)
            assert produced == golden.read_bytes(), f"{golden.name}: regenerate with UPDATE_GOLDEN=1"


def test_values_are_escaped_as_lxml_escapes_them():
    """What the golden files may not hold: every character libxml2 escapes, in text and
    in an attribute, and one XML cannot hold."""
    value = "a&b<c>d\"e'f\ng\rh\ti é]]>\x0cz"
    element = etree.Element("p", {"x": xml_text(value)})
    element.text = xml_text(value)
    assert f"<p{attribute('x', value)}>{escape_text(value)}</p>" == etree.tostring(element, encoding="unicode")
