"""The Parliament's Member pages read into meps.yml entries (generator.read.member_pages).

Each fixture page in tests/fixtures/member_pages/ is a short page we wrote after the
site's layouts (current and older class names, English and French, a current and a
former Member, odd values); the ``.yml`` beside it is the entry it must give.
"""

from __future__ import annotations

import pytest
import yaml

from generator.errors import InputError
from generator.read.member_pages import decode_email, international, read_member_page
from generator.read.side_files import check_entry
from tests.paths import FIXTURES

PAGES = FIXTURES / "member_pages"
CASES = sorted(path.stem for path in PAGES.glob("*.yml"))


@pytest.mark.parametrize("case", CASES)
def test_a_member_page_gives_its_entry(case):
    page = PAGES / f"{case}.html"
    entry = read_member_page(page.read_bytes(), str(page))
    assert entry == yaml.safe_load((PAGES / f"{case}.yml").read_text(encoding="utf-8"))
    check_entry(yaml.safe_load(yaml.safe_dump(entry, allow_unicode=True)), 1, "meps.yml")  # what it gives, meps.yml holds


def test_the_fixtures_cover_every_case():
    assert CASES == ["current-member-home", "former-member", "history-older-layout-fr", "odd-values"]


def test_the_share_buttons_are_not_the_members_links():
    page = PAGES / "current-member-home.html"
    entry = read_member_page(page.read_bytes(), str(page))
    assert not any("share" in url or "whatsapp" in url for url in entry["social"].values())
    assert set(entry["social"]) == {"x", "facebook"}


def test_the_url_it_was_fetched_from_gives_the_id_and_term_when_the_page_has_no_canonical_link():
    url = "https://www.europarl.europa.eu/meps/en/990003/MARIA_DA_GRACA_EXEMPLO/history/9"
    html = (PAGES / "former-member.html").read_text(encoding="utf-8").replace(f'<link rel="canonical" href="{url}" />', "")
    assert "canonical" not in html
    entry = read_member_page(html.encode(), "page", url=url)
    assert entry["ep_id"] == "990003"
    assert [term["number"] for term in entry["terms"]] == [9, 8]
    assert entry["terms"][0]["groups"][0]["name"] == "Non-attached Members"


def test_a_page_without_a_members_header_is_one_error_naming_it():
    page = PAGES / "not-a-member-page.html"
    with pytest.raises(InputError) as raised:
        read_member_page(page.read_bytes(), str(page))
    assert raised.value.path == str(page)
    assert "not a Member's page" in raised.value.message


@pytest.mark.parametrize(
    "href, address",
    [
        ("ue[dot]aporue.lraporue[at]alotlaa.akim", "mika.aaltola@europarl.europa.eu"),
        ("mailto:someone@example.org?subject=Hello", "someone@example.org"),
        ("moc[dot]elpmaxe", ""),  # no [at]: not an address
        ("", ""),
    ],
)
def test_the_email_written_backwards_is_decoded(href, address):
    assert decode_email(href) == address


@pytest.mark.parametrize(
    "printed, written",
    [
        ("0032 2 28 45975", "+32 2 28 45975"),
        ("0033 3 88 1 75975", "+33 3 88 1 75975"),
        ("+49 30 1234", "+49 30 1234"),
        ("02 28 45975", "02 28 45975"),  # no international prefix: as printed
    ],
)
def test_phone_numbers_are_written_in_international_form(printed, written):
    assert international(printed) == written
