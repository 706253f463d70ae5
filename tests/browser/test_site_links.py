"""Every internal link of the built site resolves to a file, every fragment to an id."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

EXTERNAL_SCHEMES = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:")


class LinkCollector(HTMLParser):
    """Collects ids and the URLs in href/src attributes of one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for name in ("href", "src"):
            value = attributes.get(name)
            if value is not None and not (tag == "link" and attributes.get("rel") == "canonical"):
                self.urls.append(value)


def collect(path: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def resolve(site: Path, page: Path, url: str) -> tuple[Path | None, str]:
    """The file a relative URL on ``page`` points at (None if outside the site) and its fragment."""
    page_url = "/" + page.relative_to(site).as_posix()
    target = urlsplit(urljoin(page_url, url))
    path = unquote(target.path)
    if not path.startswith("/"):
        return None, target.fragment
    file = site / path.lstrip("/")
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(target.fragment)


def broken_links(site: Path) -> list[str]:
    pages = sorted(site.rglob("*.html"))
    parsed = {page: collect(page) for page in pages}
    broken = []
    for page, collector in parsed.items():
        for url in collector.urls:
            if url.lower().startswith(EXTERNAL_SCHEMES) or url.startswith("//"):
                continue
            if url.startswith("/"):
                broken.append(f"{page.relative_to(site)}: absolute path {url!r} breaks under a prefix")
                continue
            file, fragment = resolve(site, page, url)
            if file is None or not file.is_file():
                broken.append(f"{page.relative_to(site)}: {url!r} -> no file")
                continue
            if fragment and file.suffix == ".html":
                ids = parsed[file].ids if file in parsed else collect(file).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: {url!r} -> no id {fragment!r}")
    return broken


def test_every_internal_link_and_fragment_resolves(sample_site):
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) >= 10, "the sample site should have home, indexes, a text and people pages"
    assert broken_links(sample_site) == []


def test_the_link_checker_catches_a_broken_link_and_fragment(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="here"><a href="../b/">b</a><a href="#nowhere">x</a><a href="#here">ok</a>'
        '<a href="../a/#here">ok</a><a href="/abs/">abs</a><a href="https://example.org/">ext</a></p>'
    )
    problems = broken_links(tmp_path)
    assert problems == [
        "a/index.html: '../b/' -> no file",
        "a/index.html: '#nowhere' -> no id 'nowhere'",
        "a/index.html: absolute path '/abs/' breaks under a prefix",
    ]
