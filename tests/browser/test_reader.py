"""What a reader does, done in a real browser on the sample site served on localhost."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .pages import SAMPLE_SLUG, open_page, page_paths

LANGS = ("en", "fr")
OTHER = {"en": "fr", "fr": "en"}


def resolution_url(site_url: str, lang: str) -> str:
    return f"{site_url}{lang}/resolutions/{SAMPLE_SLUG}/"


def highlighted_ids(page) -> list[str]:
    """Ids of the units that look highlighted (background unlike an ordinary unit's)."""
    return page.evaluate(
        """() => {
            const units = [...document.querySelectorAll('.unit')];
            const plain = units.map(u => getComputedStyle(u).backgroundColor);
            const counts = {};
            plain.forEach(c => counts[c] = (counts[c] || 0) + 1);
            const usual = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
            return units.filter((u, i) => plain[i] !== usual).map(u => u.id);
        }"""
    )


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
                     return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0; }""",
        selector,
    )


@pytest.mark.parametrize("lang", LANGS)
def test_fragment_scrolls_to_and_highlights_only_that_unit(page, site_url, lang):
    page.goto(resolution_url(site_url, lang) + "#rec_C")
    page.wait_for_load_state("load")
    assert in_viewport(page, "#rec_C")
    assert highlighted_ids(page) == ["rec_C"]


@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_puts_the_absolute_unit_url_on_the_clipboard(browser, site_url, lang):
    origin = urlsplit(site_url)
    with open_page(browser, permissions=["clipboard-read", "clipboard-write"]) as page:
        page.goto(resolution_url(site_url, lang))
        button = page.locator("#para_7 .unit-copy").first
        button.click()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == resolution_url(site_url, lang) + "#para_7"
        assert copied.startswith(f"{origin.scheme}://{origin.netloc}/")
        # The reader is told, and so is a screen reader (a role=status region).
        page.wait_for_function("document.querySelector('.unit-copy-status').textContent.length > 0")
        assert page.text_content(".unit-copy-status") == {"en": "Link copied", "fr": "Lien copié"}[lang]


CITE_NAMES = {
    "en": {"rec_C": "Cite recital C", "para_7": "Cite paragraph 7"},
    "fr": {"rec_C": "Citer le considérant C", "para_7": "Citer le paragraphe 7"},
}
COPY_NAMES = {
    "en": {"cit_7": "Copy link to citation 7", "para_7": "Copy link to paragraph 7"},
    "fr": {"cit_7": "Copier le lien vers le visa 7", "para_7": "Copier le lien vers le paragraphe 7"},
}


@pytest.mark.parametrize("lang", LANGS)
def test_every_unit_gets_one_copy_and_one_cite_button_named_after_it(page, site_url, lang):
    """The HTML has no buttons; units.js adds a copy and a cite button after each unit's
    text, named in the page's language after the unit, as the permalink is."""
    page.goto(resolution_url(site_url, lang))
    buttons = page.evaluate("""() => [...document.querySelectorAll('.unit')].map(unit => {
        const actions = [...unit.children].filter(child => child.matches('.unit-actions'));
        const own = actions.length ? [...actions[0].children] : [];
        return [unit.id, actions.length, actions.length && actions[0].previousElementSibling.className,
                own.map(b => b.className), own.map(b => b.getAttribute('data-anchor')),
                own.map(b => b.getAttribute('aria-label')), own.map(b => b.textContent)];
    })""")
    assert len(buttons) == 38
    labels = {"en": ["Copy link", "Cite"], "fr": ["Copier le lien", "Citer"]}[lang]
    for unit_id, count, before, classes, anchors, _, texts in buttons:
        assert (count, before, classes, anchors, texts) == (1, "unit-text", ["unit-copy", "unit-cite"], [unit_id] * 2, labels), unit_id
    names = {unit_id: names for unit_id, _, _, _, _, names, _ in buttons}
    for unit_id, name in COPY_NAMES[lang].items():
        assert names[unit_id][0] == name
    for unit_id, name in CITE_NAMES[lang].items():
        assert names[unit_id][1] == name


@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_keeps_the_fragment_and_comes_back(page, site_url, lang):
    other = OTHER[lang]
    page.goto(resolution_url(site_url, lang) + "#rec_C")
    page.locator(f'a[hreflang="{other}"]').first.click()
    page.wait_for_url(resolution_url(site_url, other) + "#rec_C")
    assert page.evaluate("() => document.documentElement.lang") == other
    assert highlighted_ids(page) == ["rec_C"]
    page.locator(f'a[hreflang="{lang}"]').first.click()
    page.wait_for_url(resolution_url(site_url, lang) + "#rec_C")
    assert highlighted_ids(page) == ["rec_C"]


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_permalinks_and_language_switch_are_links(page_without_js, site_url, lang):
    page = page_without_js
    page.goto(resolution_url(site_url, lang))
    units = page.locator(".unit").all()
    assert len(units) == 38
    for unit in units:
        unit_id = unit.get_attribute("id")
        assert unit.locator(f'a[href="#{unit_id}"]').count() >= 1, unit_id
    # Copy and cite buttons, which cannot work without JavaScript, are not there.
    assert page.locator(".unit-copy, .unit-cite").count() == 0
    switch = page.locator(f'a[hreflang="{OTHER[lang]}"]').first
    switch.click()
    page.wait_for_url(resolution_url(site_url, OTHER[lang]))
    page.locator("a[href='#para_7']").first.click()
    assert page.url.endswith("#para_7")


def test_without_javascript_the_root_offers_both_languages(page_without_js, site_url):
    page = page_without_js
    page.goto(site_url)
    for lang in LANGS:
        link = page.locator(f'a[hreflang="{lang}"]').first
        assert link.is_visible()
    page.locator('a[hreflang="fr"]').first.click()
    page.wait_for_url(site_url + "fr/")
    assert page.evaluate("() => document.documentElement.lang") == "fr"


def test_with_javascript_the_root_follows_the_browser_language(browser, site_url):
    with open_page(browser, locale="fr-FR") as page:
        page.goto(site_url)
        page.wait_for_url(site_url + "fr/")


def test_no_request_leaves_localhost(page, site_url):
    host = urlsplit(site_url).netloc
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in page_paths():
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    outside = [url for url in requests if urlsplit(url).netloc != host and not url.startswith("data:")]
    assert requests and outside == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width,height,name", [(1280, 900, "desktop"), (390, 844, "phone")])
def test_screenshots_for_people_to_look_at(browser, site_url, artifacts_dir, lang, width, height, name):
    with open_page(browser, viewport={"width": width, "height": height}) as page:
        page.goto(resolution_url(site_url, lang) + "#para_7")
        page.wait_for_load_state("networkidle")
        target = artifacts_dir / f"resolution-{lang}-{name}.png"
        page.screenshot(path=str(target), full_page=False)
        assert target.stat().st_size > 10_000
        print(f"screenshot: {target}")
