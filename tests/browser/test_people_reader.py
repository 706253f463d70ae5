"""What a reader does on a person page and on the people index, in Chromium."""

from __future__ import annotations

import json

import pytest
import vobject

from .pages import PERSON_WITH_OFFICES

LANGS = ("en", "fr")


def person_url(site_url: str, lang: str, slug: str = PERSON_WITH_OFFICES) -> str:
    return f"{site_url}{lang}/meps/{slug}/"


@pytest.mark.parametrize("lang", LANGS)
def test_a_reader_can_call_write_and_follow_a_member(page, site_url, lang):
    page.goto(person_url(site_url, lang))
    offices = page.locator(".person-office")
    assert offices.locator("h3").all_inner_texts() == ["Brussels", "Strasbourg"]
    assert offices.nth(1).locator("address").inner_text().splitlines()[-1] == "F-67070 Strasbourg Cedex"
    phones = page.locator('a[href^="tel:"]')
    assert [phones.nth(i).get_attribute("href") for i in range(phones.count())] == ["tel:+3222800001", "tel:+33388100001"]
    assert phones.first.is_visible()
    mail = page.locator('a[href^="mailto:"]')
    assert (mail.count(), mail.inner_text()) == (1, "aino.testinen@europarl.example")
    own = page.locator('a[rel~="me"]')
    assert own.all_inner_texts() == ["https://aino-testinen.example/", "Facebook", "X"]
    ep_page = page.locator("a.person-ep-page")
    assert ep_page.get_attribute("href") == f"https://www.europarl.europa.eu/meps/{lang}/990001"
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert [place["telephone"] for place in data["workLocation"]] == ["+32 2 28 00001", "+33 3 88 1 00001"]


@pytest.mark.parametrize("lang", LANGS)
def test_add_to_contacts_downloads_a_card_with_the_same_numbers(page, site_url, lang):
    page.goto(person_url(site_url, lang))
    with page.expect_download() as download_info:
        page.locator("a.person-vcard").click()
    download = download_info.value
    assert download.suggested_filename == f"{PERSON_WITH_OFFICES}.vcf"
    card = vobject.readOne(open(download.path(), encoding="utf-8").read())
    assert [tel.value for tel in card.tel_list] == ["+32 2 28 00001", "+33 3 88 1 00001"]
    assert card.email.value == "aino.testinen@europarl.example"
    assert card.fn.value == "Aino Testinen"


def visible_names(page) -> list[str]:
    return page.locator(".people-list > li:visible > a").all_inner_texts()


@pytest.mark.parametrize("lang, country, label", [("en", "Finland", "Find a person"), ("fr", "Finlande", "Trouver une personne")])
def test_the_filter_box_narrows_the_index_as_one_types(page, site_url, lang, country, label):
    page.goto(f"{site_url}{lang}/meps/")
    everyone = visible_names(page)
    assert len(everyone) == 6
    box = page.get_by_role("searchbox", name=label)
    box.fill("testinen")
    assert visible_names(page) == ["Aino Testinen"]
    assert page.locator(".people-group:visible h3").all_inner_texts() == [country]
    assert page.locator("h2#staff").is_hidden()
    status = page.locator(".list-filter__count")
    assert status.inner_text() == ("1 of 6 shown" if lang == "en" else "1 sur 6 affichés")
    box.fill("GREENS " + country.upper()[:4].lower())  # every word, case and accents aside
    assert visible_names(page) == ["Aino Testinen"]
    box.fill("exemplo")  # the former Member, by surname
    assert visible_names(page) == ["Maria da Graça Exemplo"]
    box.fill("graca")  # accents aside
    assert visible_names(page) == ["Maria da Graça Exemplo"]
    box.fill("nobody-is-called-this")
    assert visible_names(page) == []
    box.fill("")
    assert visible_names(page) == everyone
    assert page.locator("h2#staff").is_visible()


def test_without_javascript_the_index_lists_everyone_and_has_no_box(page_without_js, site_url):
    page = page_without_js
    page.goto(f"{site_url}en/meps/")
    assert page.locator(".list-filter input").count() == 0
    assert page.locator(".list-filter").is_hidden()
    # MEPs by country, then by surname, as the Parliament lists them; then staff.
    assert page.locator(".people-group h3").all_inner_texts() == ["Belgium", "Finland", "Germany", "Portugal", "United Kingdom"]
    assert visible_names(page) == [
        "Bart Staes", "Aino Testinen", "Barbara Lochbihler", "Maria da Graça Exemplo", "Keith Taylor", "Paolo Bergamaschi",
    ]
