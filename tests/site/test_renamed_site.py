"""A site renamed by its settings alone (``site.yml``): the new name, logo, favicon, footer
and URL on every page of every language, in the feeds, the data and the root pages; a
name full of markup stays text; SITE_URL wins over the file's URL."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest

from generator.commands.build import build_site
from generator.languages import LANGUAGES
from tests.html_tools import read_html
from tests.open_data import find_target
from tests.paths import CONTENT

NAMES = {"en": 'NGO <Watch> & "Friends"', "fr": "Veille d'ONG & amis"}
URL = "https://ngo.example/resolutions/"
LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="2" height="2"/></svg>'
FAVICON = b"\x89PNG\r\n\x1a\nicon"
SETTINGS = f"""\
name:
  en: '{NAMES["en"]}'
  fr: "{NAMES["fr"]}"
url: {URL}
logo: brand/logo.svg
favicon: brand/favicon.png
footer:
  en: <b>Published</b> by NGO Watch
  fr: Publié par Veille d'ONG
"""


def make_content(folder: Path) -> Path:
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    (content / "brand").mkdir()
    (content / "brand" / "logo.svg").write_bytes(LOGO)
    (content / "brand" / "favicon.png").write_bytes(FAVICON)
    (content / "site.yml").write_text(SETTINGS, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("renamed")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SITE_URL", raising=False)
        assert build_site(make_content(folder), folder / "site") == 0
    return folder / "site"


def pages(site: Path, lang: str) -> list[Path]:
    return sorted(p for p in (site / lang).rglob("index.html") if "pagefind" not in p.parts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_the_new_name_logo_favicon_and_footer(site, lang):
    for page in pages(site, lang):
        html = read_html(page)
        title = html.find_all("title")[0].text()
        assert title == NAMES[lang] or title.endswith(f" - {NAMES[lang]}"), (page, title)
        metas = {m.attrs.get("property"): m.attrs.get("content") for m in html.find_all("meta")}
        assert metas.get("og:site_name", NAMES[lang]) == NAMES[lang]
        topics = [span.text().strip() for span in html.find_all("span") if span.has_class("md-ellipsis")]
        assert topics[0] == NAMES[lang]
        logo = next(img for img in html.find_all("img") if img.attrs.get("alt") == "logo")
        assert find_target(site, logo.attrs["src"], page)[0].read_bytes() == LOGO
        icon = next(link for link in html.find_all("link") if link.attrs.get("rel") == "icon")
        assert find_target(site, icon.attrs["href"], page)[0].read_bytes() == FAVICON
        footer = [div.text().strip() for div in html.find_all("div") if div.has_class("md-copyright__highlight")]
        assert footer == ["<b>Published</b> by NGO Watch" if lang == "en" else "Publié par Veille d'ONG"]
        assert "<Watch>" not in page.read_text(encoding="utf-8")  # text, never markup


def test_the_new_url_in_sitemaps_robots_data_and_feeds(site):
    index = ElementTree.fromstring((site / "sitemap.xml").read_bytes())
    locations = [loc.text for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations == [f"{URL}{lang}/sitemap.xml" for lang in LANGUAGES]
    assert f"Sitemap: {URL}sitemap.xml" in (site / "robots.txt").read_text()
    for lang in LANGUAGES:
        entries = ElementTree.fromstring((site / lang / "sitemap.xml").read_bytes())
        locations = [loc.text for loc in entries.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        assert locations and all(location.startswith(f"{URL}{lang}/") for location in locations)
        feed = feedparser.parse((site / lang / "feed.xml").read_bytes())
        assert feed.feed.title.startswith(NAMES[lang]) and feed.feed.author == NAMES[lang]
        assert all(entry.id.startswith(f"{URL}{lang}/resolutions/") for entry in feed.entries)
    line = json.loads(gzip.decompress((site / "data" / "resolutions.jsonl.gz").read_bytes()).splitlines()[0])
    assert line["url"] == f"{URL}en/resolutions/2012-03-07-kazakhstan/"


def test_the_root_pages_have_the_new_names(site):
    root = read_html(site / "index.html")
    assert root.find_all("title")[0].text() == " · ".join(NAMES[lang] for lang in LANGUAGES)
    assert [h.text() for h in root.find_all("h1")] == [NAMES["en"]]
    icon = next(link for link in root.find_all("link") if link.attrs.get("rel") == "icon")
    assert find_target(site, icon.attrs["href"], site / "index.html")[0].read_bytes() == FAVICON
    not_found = read_html(site / "404.html")
    assert next(link for link in not_found.find_all("link") if link.attrs.get("rel") == "icon").attrs["href"].startswith(URL)


def test_site_url_in_the_environment_wins_over_the_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://preview.example/")
    assert build_site(make_content(tmp_path), tmp_path / "site") == 0
    assert "Sitemap: https://preview.example/sitemap.xml" in (tmp_path / "site" / "robots.txt").read_text()
    assert json.loads((tmp_path / "site" / "fr" / "resolutions" / "2012-03-07-kazakhstan" / "index.json").read_bytes())["url"] == (
        "https://preview.example/fr/resolutions/2012-03-07-kazakhstan/"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_its_canonical_address_and_og_url(site, lang):
    """What a shared link previews as, and what the copy and cite buttons put in."""
    for page in pages(site, lang):
        html = read_html(page)
        address = URL + page.parent.relative_to(site).as_posix().removesuffix(".") + "/"
        canonical = [link.attrs["href"] for link in html.find_all("link") if link.attrs.get("rel") == "canonical"]
        og_url = [meta.attrs["content"] for meta in html.find_all("meta") if meta.attrs.get("property") == "og:url"]
        assert canonical == [address] and og_url == [address], page
