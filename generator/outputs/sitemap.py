"""Each language's ``sitemap.xml`` (and ``sitemap.xml.gz``), written by the generator.

MkDocs writes both files on every build, ``--dirty`` or not, even when their bytes do not
change, so an incremental build (and the upload after it) always carried them. Our theme's
``sitemap.xml`` template renders empty, which MkDocs takes as "no sitemap"
(``_build_theme_template``: "generated empty output"), and the build writes the files
here from the corpus, only when their bytes change.

The content is what the template gave: one ``<url>`` per page, in MkDocs's file order,
dated by its text (``lastmod``) or not at all, so a rebuild changes nothing. Entries need
absolute URLs, so there are some only when the build knows the site's URL (SITE_URL).
"""

from __future__ import annotations

import datetime
import gzip
import io
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import escape

from generator.site.docs import SITE_FILE_MODE, write_if_changed

SITEMAP = "sitemap.xml"


def get_mkdocs_order(path: str) -> tuple:
    """The place of a docs file in MkDocs's walk: a folder's files before its subfolders,
    folders by name, ``index`` first in each (``mkdocs.structure.files.get_files``)."""
    folder, _, name = path.rpartition("/")
    return (tuple(folder.split("/")) if folder else (), name.rpartition(".")[0] != "index", name)


def get_page_url(path: str) -> str:
    """MkDocs's directory URL of a page: ``resolutions/x.md`` -> ``resolutions/x/``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def render_sitemap(pages: dict[str, datetime.date | None], site_url: str) -> str:
    """``pages``: docs path -> lastmod; ``site_url``: the language's root URL, or "".

    Escaped with markupsafe, as the template's ``| e`` did: the same bytes as before.
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    if site_url:
        base = site_url if site_url.endswith("/") else site_url + "/"
        for path in sorted(pages, key=get_mkdocs_order):
            lines += ["  <url>", f"    <loc>{escape(urljoin(base, get_page_url(path)))}</loc>"]
            if pages[path]:
                lines.append(f"    <lastmod>{pages[path].isoformat()}</lastmod>")
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines)


def gzip_sitemap(xml: str, mtime: int) -> bytes:
    """Deterministic gzip: the header's time is ``mtime`` (the build's SOURCE_DATE_EPOCH)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=f"{SITEMAP}.gz", fileobj=buffer, mode="wb", mtime=mtime) as stream:
        stream.write(xml.encode("utf-8"))
    return buffer.getvalue()


def write_sitemap(site_lang_dir: Path, xml: str, mtime: int) -> list[str]:
    """Write ``sitemap.xml`` and ``sitemap.xml.gz`` where their bytes change; the names written."""
    written = []
    for name, data in ((SITEMAP, xml.encode("utf-8")), (f"{SITEMAP}.gz", gzip_sitemap(xml, mtime))):
        if write_if_changed(Path(site_lang_dir) / name, data, SITE_FILE_MODE):
            written.append(name)
    return written
