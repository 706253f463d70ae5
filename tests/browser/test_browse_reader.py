"""Browsing, comparing, citing, and reading on a phone, in print and in the dark, in Chromium."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from .pages import SAMPLE_SLUG, open_page

LANGS = ("en", "fr")


def text_url(site_url: str, lang: str, suffix: str = "") -> str:
    return f"{site_url}{lang}/resolutions/{SAMPLE_SLUG}/{suffix}"


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
    target = urljoin(page.url, person.get_attribute("href"))
    person.click()
    # As the other steps do: the person's page loaded before its headings are counted
    # (on a loaded machine the count came while the page was still arriving).
    page.wait_for_url(target)
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


def test_on_a_phone_a_title_has_the_width_of_the_list_under_its_date_and_type(browser, corpus_url):
    with open_page(browser, viewport={"width": 390, "height": 844}) as page:
        page.goto(f"{corpus_url}en/resolutions/tags/south-east-asia/")
        row = page.locator(".resolution-list > li").first
        date, title = row.locator("time").bounding_box(), row.locator("a").bounding_box()
        assert title["y"] >= date["y"] + date["height"] - 1 and title["width"] > 250, (date, title)


def test_the_index_filter_box_narrows_the_list_and_its_years(page, corpus_url):
    page.goto(f"{corpus_url}en/resolutions/")
    box = page.get_by_role("searchbox", name="Find a text")
    box.fill("vietnam")
    visible = page.locator(".resolution-list > li:visible > a").all_inner_texts()
    assert visible == ["Freedom of the press in Vietnam", "Political prisoners in Vietnam"]
    assert page.locator("h2:visible").all_inner_texts() == ["2024", "2021"]
    assert page.locator(".list-filter__count").inner_text() == "2 of 14 shown"


@pytest.mark.parametrize("lang", LANGS)
def test_the_comparison_aligns_the_two_versions_unit_by_unit(page, site_url, lang):
    page.goto(text_url(site_url, lang))
    page.locator("a.doc-comparison").click()
    page.wait_for_url(text_url(site_url, lang, "compare/"))
    rows = page.evaluate("""() => [...document.querySelectorAll('.comparison-row')].map(row => [row.id,
        [...row.querySelectorAll(':scope > .comparison-cell')].map(cell => cell.lang),
        row.querySelector(':scope > .unit-label').getAttribute('href')])""")
    page.goto(text_url(site_url, lang))
    ids = page.evaluate("() => [...document.querySelectorAll('.unit[id]')].map(unit => unit.id)")
    other = {"en": "fr", "fr": "en"}[lang]
    assert rows == [[eid, [lang, other], f"#{eid}"] for eid in ids]
    # Each cell holds its own language's text of that unit.
    page.goto(text_url(site_url, other, "#rec_C"))
    other_text = page.locator("#rec_C > .unit-text").inner_text()
    page.goto(text_url(site_url, lang, "compare/#rec_C"))
    assert page.locator(f'#rec_C > .comparison-cell[lang="{other}"] .unit-text').inner_text() == other_text
    assert page.evaluate("() => document.querySelector(':target').id") == "rec_C"
    top = page.evaluate("() => document.querySelector('#rec_C').getBoundingClientRect().top")
    assert 0 <= top < 300


def test_on_a_phone_the_comparison_puts_one_language_under_the_other(browser, site_url):
    with open_page(browser, viewport={"width": 390, "height": 844}) as page:
        page.goto(text_url(site_url, "en", "compare/#para_7"))
        cells = page.locator("#para_7 > .comparison-cell")
        first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
        assert second["y"] >= first["y"] + first["height"] - 1 and abs(second["x"] - first["x"]) < 1
        assert page.locator("#para_7 .comparison-language").all_inner_texts() == ["ENGLISH", "FRANÇAIS"]


CITATIONS = {
    "en": "Greens/EFA motion for a resolution of 7 March 2012 on Kazakhstan, paragraph 7, {url}#para_7",
    "fr": "Proposition de résolution des Verts/ALE du 7 mars 2012 sur le Kazakhstan, paragraphe 7, {url}#para_7",
}


@pytest.mark.parametrize("lang", LANGS)
def test_cite_puts_a_citation_of_the_unit_on_the_clipboard(browser, site_url, lang):
    with open_page(browser, permissions=["clipboard-read", "clipboard-write"]) as page:
        # Opened from a search hit: the ?highlight= of the address is not part of the citation.
        page.goto(text_url(site_url, lang, "?highlight=release"))
        page.locator("#para_7 > .unit-actions .unit-cite").click()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == CITATIONS[lang].format(url=text_url(site_url, lang))
        page.wait_for_function("document.querySelector('.unit-copy-status').textContent.length > 0")
        assert page.text_content(".unit-copy-status") == {"en": "Citation copied", "fr": "Citation copiée"}[lang]
        page.locator(".doc-cite").click()
        whole = page.evaluate("() => navigator.clipboard.readText()")
        assert whole == CITATIONS[lang].split(", ")[0] + ", " + text_url(site_url, lang)


def test_on_a_touch_screen_the_buttons_show_without_a_first_tap(browser, site_url):
    def opacity(page) -> list[str]:
        return page.evaluate("""() => ['cit_1', 'rec_C', 'para_7'].map(id => {
            const actions = document.querySelector('#' + id + ' > .unit-actions');
            const style = getComputedStyle(actions);
            return style.display === 'none' ? '0' : style.opacity; })""")

    with open_page(browser, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True) as page:
        page.goto(text_url(site_url, "en"))
        assert opacity(page) == ["1", "1", "1"]
    with open_page(browser, viewport={"width": 1280, "height": 900}) as page:
        page.goto(text_url(site_url, "en"))
        page.mouse.move(0, 0)
        assert opacity(page) == ["0", "0", "0"]  # a mouse shows them on the unit it is over


def luminance(rgb: str) -> float:
    red, green, blue = (int(part) / 255 for part in rgb.split("(")[1].split(")")[0].split(",")[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_dark_mode_follows_the_system_and_the_toggle(browser, site_url, artifacts_dir):
    with open_page(browser, viewport={"width": 1280, "height": 900}, color_scheme="dark") as page:
        page.goto(text_url(site_url, "en", "#para_7"))
        background = "() => getComputedStyle(document.body).backgroundColor"
        assert luminance(page.evaluate(background)) < 0.2
        target = artifacts_dir / "resolution-en-dark.png"
        page.wait_for_timeout(500)  # the header's title has faded to the text's
        page.screenshot(path=str(target))
        page.locator('label[title="Switch to light mode"]').click()
        page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
        assert luminance(page.evaluate(background)) > 0.9


@pytest.mark.parametrize("lang", LANGS)
def test_a_phone_header_keeps_the_title_and_the_whole_placeholder(browser, site_url, artifacts_dir, lang):
    with open_page(browser, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True) as page:
        page.goto(f"{site_url}{lang}/")
        title = page.evaluate("""() => { const span = document.querySelector('.md-header__topic .md-ellipsis');
            return [span.getBoundingClientRect().width, span.scrollWidth, span.clientWidth, span.textContent.trim()]; }""")
        width, full, shown, name = title
        assert name == {"en": "Parliamentary resolutions", "fr": "Résolutions parlementaires"}[lang]
        assert full <= shown and width > 150, title
        room = page.evaluate("""() => { const input = document.querySelector('.unit-search__input');
            const style = getComputedStyle(input);
            const context = document.createElement('canvas').getContext('2d');
            context.font = style.font;
            return [input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
                    context.measureText(input.placeholder).width]; }""")
        assert room[0] >= room[1], room
        page.screenshot(path=str(artifacts_dir / f"home-{lang}-phone-header.png"))


def test_a_phone_reaches_the_sections_of_a_long_text(browser, site_url):
    with open_page(browser, viewport={"width": 390, "height": 844}) as page:
        page.goto(text_url(site_url, "en"))
        contents = page.locator(".page-contents")
        contents.locator("summary").click()
        contents.get_by_role("link", name="Operative paragraphs").click()
        page.wait_for_url(text_url(site_url, "en", "#paragraphs"))
        assert 0 <= page.evaluate("() => document.querySelector('#paragraphs').getBoundingClientRect().top") < 300
    with open_page(browser, viewport={"width": 1280, "height": 900}) as page:
        page.goto(text_url(site_url, "en"))
        assert page.locator(".page-contents").is_hidden()  # the sidebar has the table of contents


def test_print_shows_the_address_date_and_labels_in_short_lines(page, site_url):
    page.goto(text_url(site_url, "en", "?highlight=release#para_7"))
    page.emulate_media(media="print")
    address = page.locator(".page-address")
    assert address.is_visible() and address.inner_text() == text_url(site_url, "en")
    assert page.locator(".doc-facts time").is_visible()
    assert page.locator("#para_7 > .unit-label").is_visible() and page.locator("#para_7 > .unit-label").inner_text() == "7."
    assert page.locator(".unit-search, .unit-actions").evaluate_all("all => all.filter(e => e.offsetParent)") == []
    # Characters a line, over the longest unit's lines.
    per_line = page.evaluate("""() => {
        const texts = [...document.querySelectorAll('.unit-text')];
        const longest = texts.sort((a, b) => b.textContent.length - a.textContent.length)[0];
        const range = document.createRange();
        range.selectNodeContents(longest);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        return longest.textContent.length / lines.size; }""")
    assert 40 < per_line <= 80


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width,height,name", [(1280, 900, "desktop"), (390, 844, "phone")])
def test_screenshots_of_the_new_pages(browser, site_url, corpus_url, artifacts_dir, lang, width, height, name):
    with open_page(browser, viewport={"width": width, "height": height}) as page:
        for label, url in (("compare", text_url(site_url, lang, "compare/#rec_C")),
                           ("listing", f"{corpus_url}{lang}/resolutions/"),
                           ("tag", f"{corpus_url}{lang}/resolutions/tags/south-east-asia/")):
            page.goto(url)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            target = artifacts_dir / f"{label}-{lang}-{name}.png"
            page.screenshot(path=str(target))
            assert target.stat().st_size > 10_000
