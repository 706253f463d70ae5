"""What every page of one language shares: its context (language, strings, dates), its
front matter, and the lists of texts that many pages show."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from babel.dates import format_date

from generator.languages import LANGUAGES, get_language
from generator.model import (
    Corpus,
    Document,
    Resolution,
)
from generator.render.escaping import text
from generator.render.strings import get_gettext
from generator.urls import (
    get_language_url,
    get_relative_url,
    get_resolution_path,
)


class PageContext:
    """What every builder of one language's pages needs: the language and its strings."""

    def __init__(self, corpus: Corpus, lang: str):
        self.corpus = corpus
        self.lang = lang
        self.gettext = get_gettext(lang)
        self.dates: dict[datetime.date, str] = {}
        self.unit_heads: dict[tuple[str, str, str], str] = {}
        """(kind, id, language of the version) -> the unit's element up to its text: the
        same few hundred (``para_7`` in English) recur on every page."""

    def date(self, value: datetime.date | None) -> str:
        if not value:
            return ""
        if value not in self.dates:  # babel is slow to format a date, and dates recur
            self.dates[value] = format_date(value, "long", locale=get_language(self.lang).babel_locale)
        return self.dates[value]


def get_page_front_matter(
    ctx: PageContext,
    path: str,
    title: str,
    description: str,
    og_type: str,
    lastmod: datetime.date | None = None,
    links: list[dict[str, str]] | None = None,
) -> dict:
    """``links``: the page's files for its ``<head>`` (``generator.render.downloads``)."""
    values: dict = {
        "title": text(title),
        "description": text(description),
        "og_type": og_type,
        "og_locale": get_language(ctx.lang).og_locale,
        "alternates": [
            {"lang": code, "name": get_language(code).name, "href": get_language_url(path, code)}
            for code in LANGUAGES
            if code != ctx.lang
        ],
    }
    if lastmod:
        values["lastmod"] = lastmod.isoformat()
    if links:
        values["links"] = links
    return values


def get_description(ctx: PageContext, version: Resolution) -> str:
    """"Title — date — document type", the line shared on social media and in search results."""
    return " — ".join(part for part in (version.title, ctx.date(version.date), version.doc_type) if part)


def render_resolution_item(ctx: PageContext, page_path: str, document: Document) -> str:
    """One line of a list of texts: linked title, date, document type."""
    version = document.version(ctx.lang)
    href = get_relative_url(page_path, get_resolution_path(document.slug))
    lang = f' lang="{version.lang}"' if version.lang != ctx.lang else ""
    parts = [f'<a href="{text(href)}"{lang}>{text(version.title)}</a>']
    if version.date:
        parts.append(f'<time datetime="{version.date.isoformat()}">{text(ctx.date(version.date))}</time>')
    if version.doc_type:
        parts.append(f'<span class="doc-type"{lang}>{text(version.doc_type)}</span>')
    return f'<li>{" · ".join(parts)}</li>'


def render_resolution_list(ctx: PageContext, page_path: str, documents: Iterable[Document]) -> str:
    items = [render_resolution_item(ctx, page_path, document) for document in documents]
    return "\n".join(['<ul class="resolution-list">', *items, "</ul>"])
