"""A real MkDocs build of the sample corpus: nothing lost, languages right, links relative,
nothing external, and two builds byte-identical."""

from __future__ import annotations

import gzip
import hashlib
import posixpath
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.commands.build import build_site_from_corpus
from generator.languages import LANGUAGES
from tests.factories import NEW, OLD, ONLY_FR
from tests.html_tools import by_id, normalise, read_html, unit_text


def html_pages(site: Path) -> list[Path]:
    return sorted(p for lang in LANGUAGES for p in (site / lang).rglob("*.html"))


def test_every_unit_in_the_element_with_its_id(built_site, sample_corpus):
    for document in sample_corpus.documents:
        for lang in LANGUAGES:
            version = document.version(lang)
            ids = by_id(read_html(built_site / lang / "resolutions" / document.slug / "index.html"))
            for unit in version.units():
                assert normalise(unit_text(ids[unit.eid])) == normalise(unit.text), (document.slug, lang, unit.eid)


def test_html_lang_on_every_page(built_site):
    for page in html_pages(built_site):
        lang = page.relative_to(built_site).parts[0]
        assert re.search(rf'<html lang="{lang}"', page.read_text(encoding="utf-8")), page


@pytest.mark.parametrize("path", ["resolutions/2012-03-07-kazakhstan", "resolutions", "meps/keith-taylor", ""])
def test_language_switch_leads_to_the_same_page_and_back(built_site, path):
    for lang, other in (("en", "fr"), ("fr", "en")):
        page_dir = built_site / lang / path
        switch = [a for a in read_html(page_dir / "index.html").find_all("a") if a.has_class("language-switch__link")]
        assert len(switch) == 1
        link = switch[0]
        assert link.attrs["hreflang"] == other and link.attrs["lang"] == other
        target = Path(posixpath.normpath(posixpath.join(page_dir.as_posix(), link.attrs["href"])))
        assert target == built_site / other / path if path else target == built_site / other
        assert (target / "index.html").is_file()


def test_no_page_has_a_link_tag_for_materials_script_to_fetch_a_sitemap_beside(built_site):
    """Material fetches sitemap.xml beside the page of every <link rel="alternate">: a 404
    on every page view (tests/browser/test_requests.py). The sitemaps list translations."""
    for page in html_pages(built_site):
        assert [link for link in read_html(page).find_all("link") if link.attrs.get("rel") == "alternate"] == [], page


def test_all_links_relative_and_resolving(built_site):
    for page in html_pages(built_site):
        for element in read_html(page).iter():
            for attribute in ("href", "src"):
                url = element.attrs.get(attribute)
                if url is None or url.startswith(("#", "mailto:", "tel:", "https://www.europarl.europa.eu/")):
                    continue
                assert not url.startswith("/"), (page, url)
                assert "://" not in url, (page, url)
                target = posixpath.normpath(posixpath.join(page.parent.as_posix(), url.split("#")[0]))
                assert Path(target).exists() or Path(target, "index.html").exists(), (page, url)


def test_nothing_external_is_loaded(built_site):
    for page in [*html_pages(built_site), built_site / "index.html", built_site / "404.html"]:
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:link|script|img|iframe|source)\b[^>]*>", text):
            if 'rel="alternate"' in tag:
                continue
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), (page, tag)
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    for css in built_site.rglob("units.css"):
        assert "url(http" not in css.read_text(encoding="utf-8")


def test_no_search_form(built_site):
    text = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-search"' not in text
    assert not (built_site / "en" / "search").exists()


def test_missing_language_version(built_site):
    page = read_html(built_site / "fr" / "resolutions" / NEW / "index.html")
    assert page.find_all("html")[0].attrs["lang"] == "fr"
    notices = [p for p in page.find_all("p") if p.has_class("notice-missing-language")]
    assert notices and "anglais" in notices[0].text()
    recitals = [d for d in page.find_all("div") if d.has_class("units-recitals")][0]
    assert recitals.parent.attrs.get("lang") == "en"
    # The interface stays French.
    assert any(h.text().strip() == "Considérants" for h in page.find_all("h2"))
    english_page = read_html(built_site / "en" / "resolutions" / ONLY_FR / "index.html")
    assert "French" in [p for p in english_page.find_all("p") if p.has_class("notice-missing-language")][0].text()


def test_unofficial_translation_notice(built_site):
    french = read_html(built_site / "fr" / "resolutions" / OLD / "index.html")
    assert [p for p in french.find_all("p") if p.has_class("notice-unofficial")]
    english = read_html(built_site / "en" / "resolutions" / OLD / "index.html")
    assert not [p for p in english.find_all("p") if p.has_class("notice-unofficial")]


def test_citation_links_and_cited_by(built_site):
    page = read_html(built_site / "en" / "resolutions" / NEW / "index.html")
    links = by_id(page)["cit_1"].find_all("a", class_="citation-link")
    assert [a.attrs["href"] for a in links] == [f"../{OLD}/"]
    external = by_id(page)["cit_2"].find_all("a", class_="citation-link")[0]
    assert external.attrs["href"].endswith("_EN.html") and external.attrs["title"]
    cited = read_html(built_site / "fr" / "resolutions" / OLD / "index.html")
    items = [u for u in cited.find_all("ul") if u.has_class("cited-by")][0].find_all("a")
    assert [a.attrs["href"] for a in items] == [f"../{NEW}/#cit_1"]


def test_open_graph_and_description(built_site):
    page = read_html(built_site / "fr" / "resolutions" / OLD / "index.html")
    metas = {m.attrs.get("property") or m.attrs.get("name"): m.attrs.get("content") for m in page.find_all("meta")}
    assert metas["og:type"] == "article" and metas["og:locale"] == "fr_FR"
    assert metas["description"] == "Cas de Yevgeni Zhovtis — 17 septembre 2009 — Proposition de résolution"
    assert metas["og:description"] == metas["description"]


def test_root_pages(built_site):
    index = read_html(built_site / "index.html")
    links = {a.attrs["hreflang"]: a.attrs["href"] for a in index.find_all("a")}
    assert links == {"en": "en/", "fr": "fr/"}
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    assert 'href="en/"' in not_found and 'href="fr/"' in not_found and 'lang="fr"' in not_found


def test_without_a_site_url_the_sitemaps_list_nothing_and_pages_no_address(built_site):
    for lang in LANGUAGES:
        sitemap = (built_site / lang / "sitemap.xml").read_text(encoding="utf-8")
        assert sitemap.startswith("<?xml") and "<url>" not in sitemap
        page = (built_site / lang / "resolutions" / "2012-03-07-kazakhstan" / "index.html").read_text(encoding="utf-8")
        assert 'rel="canonical"' not in page and "og:url" not in page


def test_with_a_site_url_each_sitemap_lists_every_page_dated_by_its_text(sample_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/repo")
    site = tmp_path / "site"
    build_site_from_corpus(sample_corpus, site)
    for lang in LANGUAGES:
        xml = (site / lang / "sitemap.xml").read_bytes()
        assert gzip.decompress((site / lang / "sitemap.xml.gz").read_bytes()) == xml
        urls = {
            url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"): url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}lastmod")
            for url in ElementTree.fromstring(xml)
        }
        pages = {
            path.relative_to(site / lang).parent.as_posix()
            for path in (site / lang).rglob("index.html")
            if "pagefind" not in path.parts
        }
        assert set(urls) == {f"https://example.org/repo/{lang}/" + ("" if page == "." else f"{page}/") for page in pages}
        assert urls[f"https://example.org/repo/{lang}/resolutions/{OLD}/"] == "2009-09-17"
        assert urls[f"https://example.org/repo/{lang}/"] is None  # no build date anywhere
        # Each page in every language: where search engines read a page's translations.
        for url in ElementTree.fromstring(xml):
            loc = url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("{http://www.w3.org/1999/xhtml}link")}
            assert alternates == {other: loc.replace(f"/repo/{lang}/", f"/repo/{other}/", 1) for other in LANGUAGES}


def tree_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(built_site, sample_corpus, tmp_path):
    second = tmp_path / "site"
    build_site_from_corpus(sample_corpus, second)
    assert tree_digest(second) == tree_digest(built_site)
