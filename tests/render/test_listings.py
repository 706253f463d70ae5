"""What texts are browsed by (generator.facets), their listing pages, a text's citation, and
its comparison page (generator.render.listings, pages, comparison)."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup

from generator.facets import get_author_slugs, get_label, get_listings
from generator.link.linker import link_corpus
from generator.model import SiteSettings
from generator.render.comparison import merge_ids, render_comparison_page
from generator.render.context import PageContext
from generator.render.pages import get_page_builders, get_sitemap_pages, render_site
from generator.site.raw_html import unwrap_raw_html
from tests.factories import EP_RESOLUTION, make_content, make_document, make_version, paragraph
from tests.html_tools import parse_html


def html_of(markdown: str):
    """A page's Markdown as the HTML its raw blocks give (the hook unwraps them)."""
    return parse_html(unwrap_raw_html(markdown))


def make_browse_corpus():
    """Three texts: two of 2012 (one tagged twice, one English only), one of 2010."""
    return link_corpus(make_content(
        make_document(
            "2012-03-15-kazakhstan",
            make_version("2012-03-15-kazakhstan", "en", title="Kazakhstan", doc_type=EP_RESOLUTION["en"],
                         authors=[("Anna Keller", "Verts/ALE")]),
            make_version("2012-03-15-kazakhstan", "fr", title="Kazakhstan", doc_type=EP_RESOLUTION["fr"],
                         authors=[("Anna Keller", "Verts/ALE")]),
            tags=("Human rights", "Central Asia"),
        ),
        make_document(
            "2012-01-10-belarus",
            make_version("2012-01-10-belarus", "en", title="Belarus", doc_type="Motion for a resolution",
                         meps=["Bart Staes", "Anna Keller"]),
            tags=("human rights",),
        ),
        make_document(
            "2010-06-01-iran",
            make_version("2010-06-01-iran", "en", title="Iran", doc_type=EP_RESOLUTION["en"]),
            make_version("2010-06-01-iran", "fr", title="Iran", doc_type=EP_RESOLUTION["fr"]),
        ),
    ))


@pytest.fixture(scope="module")
def corpus():
    return make_browse_corpus()


def test_listings_by_year_type_and_tag(corpus):
    listings = get_listings(corpus)
    assert [(listing.key, listing.slugs) for listing in listings["years"]] == [
        ("2012", ("2012-03-15-kazakhstan", "2012-01-10-belarus")), ("2010", ("2010-06-01-iran",)),
    ]
    assert [(listing.key, len(listing.slugs)) for listing in listings["types"]] == [
        ("european-parliament-resolution", 2), ("motion-for-a-resolution", 1),
    ]
    # "Human rights" and "human rights" are one tag, named as most texts write it.
    assert [(listing.key, len(listing.slugs)) for listing in listings["tags"]] == [("human-rights", 2), ("central-asia", 1)]
    assert get_label(corpus, listings["tags"][0], "en") == "Human rights"
    assert [listing.path for listing in listings["tags"]] == [
        "resolutions/tags/human-rights/index.md", "resolutions/tags/central-asia/index.md",
    ]


def test_a_type_is_named_in_each_language_by_its_texts(corpus):
    resolutions = get_listings(corpus)["types"][0]
    assert get_label(corpus, resolutions, "en") == "European Parliament resolution"
    assert get_label(corpus, resolutions, "fr") == "Résolution du Parlement européen"


def test_a_texts_authors_are_its_authors_and_responsible_meps_once(corpus):
    belarus = corpus.by_slug["2012-01-10-belarus"]
    names = [corpus.people_by_slug[slug].name for slug in get_author_slugs(corpus, belarus)]
    assert names == ["Bart Staes", "Anna Keller"]


def test_every_listing_page_and_comparison_is_built_and_in_the_sitemap(corpus):
    paths = set(get_page_builders(corpus))
    assert {
        "resolutions/years/2012/index.md", "resolutions/years/2010/index.md", "resolutions/types/motion-for-a-resolution/index.md",
        "resolutions/tags/central-asia/index.md", "resolutions/authors/index.md",
        "resolutions/2012-03-15-kazakhstan/compare/index.md", "resolutions/2010-06-01-iran/compare/index.md",
    } <= paths
    assert "resolutions/2012-01-10-belarus/compare/index.md" not in paths  # one language: nothing to compare
    assert set(get_sitemap_pages(corpus)) == paths


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_listing_page_lists_its_texts_newest_first(corpus, lang):
    page = html_of(render_site(corpus, lang, ["resolutions/tags/human-rights/index.md"])["resolutions/tags/human-rights/index.md"])
    links = [a.attrs["href"] for a in page.find_all("a") if "resolution-list" in (a.parent.parent.attrs.get("class") or "")]
    assert links == ["../../2012-03-15-kazakhstan/", "../../2012-01-10-belarus/"]


@pytest.mark.parametrize(
    "sequences, merged",
    [
        ([["a", "b", "c"], ["a", "b", "c"]], ["a", "b", "c"]),
        ([["a", "c"], ["a", "b", "c"]], ["a", "b", "c"]),
        ([["a", "b"], ["x", "a", "b", "y"]], ["x", "a", "b", "y"]),
        ([["a", "b", "c"], ["a", "c"]], ["a", "b", "c"]),
        ([[], ["a"]], ["a"]),
    ],
)
def test_units_merge_in_the_first_versions_order(sequences, merged):
    assert merge_ids(sequences) == merged


def test_a_unit_one_version_lacks_has_an_empty_cell_in_its_row():
    corpus = link_corpus(make_content(make_document(
        "2012-03-15-x",
        make_version("2012-03-15-x", "en", recitals=["A", "B"], paragraphs=[paragraph("1", "Calls", [("a", "to act;")])]),
        make_version("2012-03-15-x", "fr", recitals=["A"], paragraphs=[paragraph("1", "Invite", [("a", "à agir;")])]),
    )))
    document = corpus.documents[0]
    page = html_of(render_comparison_page(PageContext(corpus, "fr"), document))
    rows = [row for row in page.find_all("div") if row.has_class("comparison-row")]
    cells = [[(cell.attrs["lang"], "comparison-cell-empty" in cell.attrs["class"]) for cell in row.find_all("div")] for row in rows]
    assert [row.attrs["id"] for row in rows] == ["rec_A", "rec_B", "para_1", "para_1__point_a"]
    assert cells[1] == [("fr", True), ("en", False)]
    assert all(row == [("fr", False), ("en", False)] for index, row in enumerate(cells) if index != 1)
    labels = [row.find_all("a")[0].text() for row in rows]
    assert labels == ["A.", "B.", "1.", "a)"]


def render_facts(settings, lang, **version):
    """The facts line of a text's page under ``settings`` (``site.yml``)."""
    content = make_content(make_document("2013-10-09-sources", make_version("2013-10-09-sources", lang, **version)))
    corpus = link_corpus(dataclasses.replace(content, settings=settings))
    markdown = render_site(corpus, lang, ["resolutions/2013-10-09-sources/index.md"])["resolutions/2013-10-09-sources/index.md"]
    return BeautifulSoup(unwrap_raw_html(markdown), "html.parser").select_one(".doc-facts")


@pytest.mark.parametrize("lang, page, pdf, procedure", [
    ("en", "https://www.europarl.europa.eu/doceo/document/A-7-2013-0305_EN.html",
     "https://www.europarl.europa.eu/doceo/document/A-7-2013-0305_EN.pdf",
     "https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=2013/2040(INI)"),
    ("fr", "https://www.europarl.europa.eu/doceo/document/A-7-2013-0305_FR.html",
     "https://www.europarl.europa.eu/doceo/document/A-7-2013-0305_FR.pdf",
     "https://oeil.secure.europarl.europa.eu/oeil/fr/procedure-file?reference=2013/2040(INI)"),
])
def test_a_text_links_its_official_page_pdf_and_procedure_file_in_the_pages_language(lang, page, pdf, procedure):
    facts = render_facts(SiteSettings(), lang, reference="A7-0305/2013", procedure="2013/2040(INI)")
    assert facts.select_one("a.doc-reference")["href"] == page
    assert facts.select_one("a.doc-reference").get_text() == "A7-0305/2013"
    assert facts.select_one("a.doc-pdf")["href"] == pdf
    assert facts.select_one("a.doc-procedure")["href"] == procedure
    assert facts.select_one("a.doc-procedure").get_text() == "2013/2040(INI)"
    assert {link["hreflang"] for link in facts.select("a.doc-reference, a.doc-pdf, a.doc-procedure")} == {lang}


def test_an_operators_patterns_make_the_links_and_an_empty_one_turns_its_link_off():
    settings = SiteSettings(
        official_page="https://parliament.example/texts/{reference}?lang={lang}", official_pdf="", procedure_file=""
    )
    facts = render_facts(settings, "en", reference="A7-0305/2013", procedure="2013/2040(INI)")
    assert facts.select_one("a.doc-reference")["href"] == "https://parliament.example/texts/A7-0305%2F2013?lang=en"
    assert facts.select_one(".doc-pdf") is None
    assert facts.select_one("a.doc-procedure") is None
    assert facts.select_one("span.doc-procedure").get_text() == "2013/2040(INI)"


def test_a_number_of_no_form_the_parliaments_urls_have_is_plain_text():
    facts = render_facts(SiteSettings(), "en", reference="Doc 12/3")
    assert facts.select_one("a.doc-reference") is None and facts.select_one(".doc-pdf") is None
    assert facts.select_one("span.doc-reference").get_text() == "Doc 12/3"
