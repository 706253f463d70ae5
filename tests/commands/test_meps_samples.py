"""Conformance over the Parliament's saved Member pages in ../shared/samples/meps, where
that folder exists (skipped elsewhere): issue 17's "Done when".

Mika Aaltola's saved home page is imported into a copy of the bundled content and he is
named in its text; the site built from it has his page in both languages with both
offices, both phone numbers as tel: links, the decoded e-mail as a mailto: link, his four
social accounts and none of the page's share buttons, and a vCard that vobject reads back
with the same numbers and e-mail. The former Member's page imports without an office.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
import vobject

from generator.commands.build import build_site
from generator.commands.import_meps import import_meps
from generator.read.side_files import read_directory
from tests.html_tools import read_html
from tests.paths import CONTENT, ROOT

SAMPLES = ROOT.parent / "shared" / "samples" / "meps"
AALTOLA = "member_info_aaltola_home.html"
ADINOLFI = "member_info_adinolfi_home.html"
WEBER = "member_groups_weber_term_10.html"

pytestmark = pytest.mark.skipif(not (SAMPLES / AALTOLA).exists(), reason=f"{SAMPLES} is not there")

SHARE_BUTTONS = ("share.php", "sharing/share-offsite", "intent/tweet", "whatsapp")
"""What the saved page's footer share links point at: the site's, not the Member's."""


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("meps-samples") / "content"
    shutil.copytree(CONTENT, content)
    with contextlib.redirect_stdout(io.StringIO()):
        import_meps([SAMPLES / AALTOLA, SAMPLES / ADINOLFI, SAMPLES / WEBER], content / "meps.yml")
    # Name him in the bundled text, in both languages, in place of one of its MEPs.
    for text in (content / "resolutions").glob("*/*.txt"):
        text.write_text(text.read_text(encoding="utf-8").replace("Bart Staes", "Mika AALTOLA"), encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def site(imported) -> Path:
    site_dir = imported.parent / "site"
    assert build_site(imported, site_dir) == 0
    return site_dir


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_aaltola_has_a_page_to_reach_him_in_each_language(site, lang):
    text_page = read_html(site / lang / "resolutions" / "2012-03-07-kazakhstan" / "index.html")
    assert "../../meps/mika-aaltola/" in [a.attrs.get("href") for a in text_page.find_all("a")]
    article = read_html(site / lang / "meps" / "mika-aaltola" / "index.html").find_all("article")[0]
    offices = [e for e in article.find_all("section") if e.has_class("person-office")]
    assert [office.find_all("h3")[0].text() for office in offices] == ["Brussels", "Strasbourg"]
    assert "Bât. ALTIERO SPINELLI" in offices[0].text() and "Bât. LOUISE WEISS" in offices[1].text()
    hrefs = [a.attrs.get("href", "") for a in article.find_all("a")]
    assert [h for h in hrefs if h.startswith("tel:")] == ["tel:+3222845975", "tel:+33388175975"]
    assert [h for h in hrefs if h.startswith("mailto:")] == ["mailto:mika.aaltola@europarl.europa.eu"]
    [social] = [e for e in article.find_all("ul") if e.has_class("person-social")]
    assert all("me" in a.attrs["rel"].split() for a in social.find_all("a"))
    assert sorted(a.attrs["href"] for a in social.find_all("a")) == [
        "https://www.facebook.com/MikaAaltola2024/?locale=fi_FI",
        "https://www.instagram.com/maaltola/?hl=fi",
        "https://www.linkedin.com/in/mika-aaltola-6385501b/?originalSubdomain=fi",
        "https://x.com/MikaAaltola",
    ]
    page_text = (site / lang / "meps" / "mika-aaltola" / "index.html").read_text(encoding="utf-8")
    assert not any(share in page_text for share in SHARE_BUTTONS)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_aaltolas_vcard_reads_back_with_the_same_numbers_and_email(site, lang):
    card = vobject.readOne((site / lang / "meps" / "mika-aaltola" / "mika-aaltola.vcf").read_text(encoding="utf-8"))
    assert ["".join(c for c in tel.value if c.isdigit() or c == "+") for tel in card.tel_list] == ["+3222845975", "+33388175975"]
    assert [email.value for email in card.email_list] == ["mika.aaltola@europarl.europa.eu"]


def test_the_former_member_imports_without_an_office(imported, site):
    people = {person.name: person for person in read_directory(imported / "meps.yml")}
    adinolfi = people["Isabella Adinolfi"]
    assert (adinolfi.offices, adinolfi.email, adinolfi.ep_id) == ((), "", "124831")
    assert [term.number for term in adinolfi.terms] == [9, 8]
    assert [group.name for group in adinolfi.terms[0].groups] == [
        "Non-attached Members", "Group of the European People's Party (Christian Democrats)",
    ]
    page = (site / "en" / "meps" / "isabella-adinolfi" / "index.html").read_text(encoding="utf-8")
    assert "person-office" not in page and "tel:" not in page
    assert not (site / "en" / "meps" / "isabella-adinolfi" / "isabella-adinolfi.vcf").exists()


def test_the_history_page_gives_the_terms(imported):
    weber = next(person for person in read_directory(imported / "meps.yml") if person.name == "Manfred Weber")
    assert [term.number for term in weber.terms] == [10, 9, 8, 7, 6]
    [group] = weber.terms[0].groups
    assert (group.name, group.role, group.start.isoformat(), group.end) == (
        "Group of the European People's Party (Christian Democrats)", "Chair", "2024-07-16", None,
    )
    assert weber.national_party == "Christlich-Soziale Union in Bayern e.V."
