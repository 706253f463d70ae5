"""Browsing the texts without search: the index, its filter box and the listing pages, in Chromium."""

from __future__ import annotations


def test_without_javascript_the_index_leads_to_every_listing(page_without_js, corpus_url):
    page = page_without_js
    page.goto(f"{corpus_url}en/resolutions/")
    browse = page.locator("dl.browse")
    assert browse.locator("a").all_inner_texts()[:3] == ["2025", "2024", "2022"]
    assert "South-East Asia" in browse.locator("a").all_inner_texts()
    browse.get_by_role("link", name="2017", exact=True).click()
    page.wait_for_url(f"{corpus_url}en/resolutions/years/2017/")
    assert page.locator("h1").inner_text() == "Resolutions of 2017"
    dates = page.locator(".resolution-list time").evaluate_all("times => times.map(t => t.dateTime)")
    assert dates == ["2017-02-24", "2017-01-12"]
    page.goto(f"{corpus_url}en/resolutions/tags/south-east-asia/")
    assert page.locator(".resolution-list > li").count() == 5
    page.goto(f"{corpus_url}en/resolutions/")
    page.get_by_role("link", name="Authors and responsible MEPs").click()
    person = page.locator(".people-list a").first
    person.click()
    assert page.locator("h2#responsible").count() == 1


def test_the_index_is_one_line_a_text(page, corpus_url):
    page.goto(f"{corpus_url}en/resolutions/")
    rows = page.locator(".resolution-list > li")
    assert rows.count() == 14
    heights = rows.evaluate_all("rows => rows.map(row => row.getBoundingClientRect().height)")
    line = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.resolution-list > li > a')).lineHeight)")
    assert max(heights) < 1.6 * line
    # Date, type, title, in that order across the line.
    lefts = rows.first.locator("time, .doc-type, a").evaluate_all("parts => parts.map(p => p.getBoundingClientRect().left)")
    assert lefts == sorted(lefts) and len(lefts) == 3


def test_the_index_filter_box_narrows_the_list_and_its_years(page, corpus_url):
    page.goto(f"{corpus_url}en/resolutions/")
    box = page.get_by_role("searchbox", name="Find a text")
    box.fill("vietnam")
    visible = page.locator(".resolution-list > li:visible > a").all_inner_texts()
    assert visible == ["Freedom of the press in Vietnam", "Political prisoners in Vietnam"]
    assert page.locator("h2:visible").all_inner_texts() == ["2024", "2021"]
    assert page.locator(".list-filter__count").inner_text() == "2 of 14 shown"
