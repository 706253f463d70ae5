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
from urllib.parse import urljoin

from markupsafe import escape

from generator.languages import LANGUAGES
from generator.outputs import Output, OutputContext
from generator.render.pages import get_sitemap_pages
from generator.site.projects import get_source_date_epoch
from generator.urls import get_page_url

SITEMAP = "sitemap.xml"


def get_mkdocs_order(path: str) -> tuple:
    """The place of a docs file in MkDocs's walk: a folder's files before its subfolders,
    folders by name, ``index`` first in each (``mkdocs.structure.files.get_files``)."""
    folder, _, name = path.rpartition("/")
    return (tuple(folder.split("/")) if folder else (), name.rpartition(".")[0] != "index", name)


def render_sitemap(pages: dict[str, datetime.date | None], site_url: str, lang: str = "") -> str:
    """``pages``: docs path -> lastmod; ``site_url``: the site's root URL, or "";
    ``lang``: the language whose sitemap this is ("": the pages are at the site's root).

    Each entry lists the same page in every language (``xhtml:link rel="alternate"``),
    the way search engines read a page's translations from a sitemap. The pages do not
    carry them as ``<link rel="alternate" hreflang>``: Material's script fetches
    ``sitemap.xml`` beside every such link's page (to map its language selector), and
    the language roots alone have one, so every page view asked for a file that is not
    there; search engines want absolute URLs in them anyway, which only a build that
    knows its URL can write. Escaped with markupsafe, as MkDocs's template's ``| e`` did.
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    if site_url:
        root = site_url if site_url.endswith("/") else site_url + "/"
        base = urljoin(root, f"{lang}/") if lang else root
        for path in sorted(pages, key=get_mkdocs_order):
            lines += ["  <url>", f"    <loc>{escape(urljoin(base, get_page_url(path)))}</loc>"]
            lastmod = pages[path]
            if lastmod:
                lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
            if lang:
                for other in LANGUAGES:
                    href = escape(urljoin(root, f"{other}/{get_page_url(path)}"))
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" href="{href}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines)


def gzip_sitemap(xml: str, mtime: int) -> bytes:
    """Deterministic gzip: the header's time is ``mtime`` (the build's SOURCE_DATE_EPOCH)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=f"{SITEMAP}.gz", fileobj=buffer, mode="wb", mtime=mtime) as stream:
        stream.write(xml.encode("utf-8"))
    return buffer.getvalue()


def get_sitemap_files(context: OutputContext, lang: str | None) -> dict[str, bytes]:
    """``sitemap.xml`` and ``sitemap.xml.gz`` of one language; the gzip header dated by the
    newest text (the build's SOURCE_DATE_EPOCH), so that a rebuild changes no byte."""
    xml = render_sitemap(get_sitemap_pages(context.corpus), context.site_url, lang or "")
    mtime = int(get_source_date_epoch(context.newest_date))
    return {SITEMAP: xml.encode("utf-8"), f"{SITEMAP}.gz": gzip_sitemap(xml, mtime)}


OUTPUT = Output("sitemap", get_sitemap_files)


def render_sitemap_index(site_url: str) -> str:
    """``site/sitemap.xml``: the sitemap index over each language's sitemap, the one file a
    search engine (or ``robots.txt``) needs to be told of. Absolute URLs only, as sitemaps
    want; a build that does not know its URL writes none (``get_sitemap_index_files``)."""
    root = site_url if site_url.endswith("/") else site_url + "/"
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for lang in LANGUAGES:
        lines += ["  <sitemap>", f"    <loc>{escape(urljoin(root, f'{lang}/{SITEMAP}'))}</loc>", "  </sitemap>"]
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def get_sitemap_index_files(context: OutputContext, lang: str | None) -> dict[str, bytes]:
    return {SITEMAP: render_sitemap_index(context.site_url).encode("utf-8")} if context.site_url else {}


INDEX_OUTPUT = Output("sitemap index", get_sitemap_index_files, per_language=False)
