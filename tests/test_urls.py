"""Where pages are and the relative links between them, and the official pages of a
text and its procedure (generator.urls)."""

import pytest

from generator.urls import (
    EP_DOCUMENT_PAGE,
    EP_DOCUMENT_PDF,
    EP_PROCEDURE_FILE,
    get_document_id,
    get_language_url,
    get_official_url,
    get_page_url,
    get_procedure_url,
    get_relative_url,
)


@pytest.mark.parametrize(
    "from_path, to_path, expected",
    [
        ("index.md", "resolutions/index.md", "resolutions/"),
        ("index.md", "resolutions/a.md", "resolutions/a/"),
        ("resolutions/a.md", "resolutions/b.md", "../b/"),
        ("resolutions/a.md", "meps/p.md", "../../meps/p/"),
        ("resolutions/index.md", "resolutions/a.md", "a/"),
        ("meps/p.md", "index.md", "../../"),
        ("resolutions/a.md", "resolutions/a.md", "./"),
    ],
)
def test_relative_urls(from_path, to_path, expected):
    assert get_relative_url(from_path, to_path) == expected


def test_language_urls():
    assert get_page_url("resolutions/a.md") == "resolutions/a/"
    assert get_language_url("resolutions/a.md", "fr") == "../../../fr/resolutions/a/"
    assert get_language_url("index.md", "fr") == "../fr/"
    assert get_language_url("meps/index.md", "en") == "../../en/meps/"


@pytest.mark.parametrize(
    "reference, document",
    [
        ("B7-0143/2012", "B-7-2012-0143"),
        ("RC-B9-0246/2019", "RC-9-2019-0246"),
        ("P7_TA(2014)0206", "TA-7-2014-0206"),
        ("P8_TA-PROV(2018)0383", "TA-8-2018-0383"),
        ("A9-0163/2024", "A-9-2024-0163"),
        ("P9_A(2021)0270", "A-9-2021-0270"),
        ("B10-0012/2025/REV", "B-10-2025-0012"),
        ("COM(2020)0065", ""),
        ("", ""),
    ],
)
def test_the_parliaments_id_of_a_document(reference, document):
    assert get_document_id(reference) == document


def test_official_urls_by_the_default_patterns():
    assert get_official_url(EP_DOCUMENT_PAGE, "B7-0143/2012", "en") == "https://www.europarl.europa.eu/doceo/document/B-7-2012-0143_EN.html"
    assert get_official_url(EP_DOCUMENT_PAGE, "P7_TA(2014)0206", "fr") == "https://www.europarl.europa.eu/doceo/document/TA-7-2014-0206_FR.html"
    assert get_official_url(EP_DOCUMENT_PDF, "RC-B9-0246/2019", "fr") == "https://www.europarl.europa.eu/doceo/document/RC-9-2019-0246_FR.pdf"
    assert get_official_url(EP_DOCUMENT_PAGE, "COM(2020)0065", "en") == ""  # no Parliament id to fill in
    assert get_official_url("", "B7-0143/2012", "en") == ""
    assert get_procedure_url(EP_PROCEDURE_FILE, "2013/2169(INI)", "en") == (
        "https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=2013/2169(INI)"
    )
    assert get_procedure_url(EP_PROCEDURE_FILE, "", "en") == ""


def test_a_pattern_of_the_number_as_printed_gets_it_escaped():
    assert get_official_url("https://x.example/find?q={reference}&l={lang}", "B7-0143/2012", "fr") == "https://x.example/find?q=B7-0143%2F2012&l=fr"
