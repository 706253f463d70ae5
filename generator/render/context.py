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
from generator.render.strings import _, get_gettext, get_ngettext
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
        self.ngettext = get_ngettext(lang)
        self.dates: dict[tuple[datetime.date, str], str] = {}
        self.unit_heads: dict[tuple[str, str, str], str] = {}
        """(kind, id, language of the version) -> the unit's element up to its text: the
        same few hundred (``para_7`` in English) recur on every page."""

    def date(self, value: datetime.date | None, form: str = "long") -> str:
        """"7 March 2012" (``form``: babel's "long"), "7 Mar 2012" ("medium")."""
        if not value:
            return ""
        key = (value, form)
        if key not in self.dates:  # babel is slow to format a date, and dates recur
            self.dates[key] = format_date(value, form, locale=get_language(self.lang).babel_locale)
        return self.dates[key]


def get_page_front_matter(
    ctx: PageContext,
    path: str,
    title: str,
    description: str,
    og_type: str,
    links: list[dict[str, str]] | None = None,
) -> dict:
    """``links``: the page's files for its ``<head>`` (``generator.render.downloads``).

    Only values the theme prints (a page's date is in the sitemap, which
    ``generator.render.pages.get_sitemap_pages`` dates): pages filled in from a frame
    (``generator.site.frames``) have their values found where the frame printed them."""
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
    if links:
        values["links"] = links
    return values


def get_description(ctx: PageContext, version: Resolution) -> str:
    """"Title — date — document type", the line shared on social media and in search results."""
    return " — ".join(part for part in (version.title, ctx.date(version.date), version.doc_type) if part)


def render_resolution_item(ctx: PageContext, page_path: str, document: Document) -> str:
    """One line of a list of texts: date, document type, linked title (the separators
    are for a reader without styles; the stylesheet puts the three in columns)."""
    version = document.version(ctx.lang)
    href = get_relative_url(page_path, get_resolution_path(document.slug))
    lang = f' lang="{version.lang}"' if version.lang != ctx.lang else ""
    parts = []
    if version.date:
        parts.append(f'<time datetime="{version.date.isoformat()}">{text(ctx.date(version.date, "medium"))}</time>')
    if version.doc_type:
        parts.append(f'<span class="doc-type"{lang}>{text(version.doc_type)}</span>')
    parts.append(f'<a href="{text(href)}"{lang}>{text(version.title)}</a>')
    return f'<li>{SEPARATOR.join(parts)}</li>'


SEPARATOR = '<span class="separator"> · </span>'


def render_resolution_list(ctx: PageContext, page_path: str, documents: Iterable[Document]) -> str:
    """Texts one a line, for the list filter (``list-filter.js``) to narrow."""
    items = [render_resolution_item(ctx, page_path, document) for document in documents]
    return "\n".join(['<ul class="resolution-list" data-filterable>', *items, "</ul>"])


def render_list_filter(ctx: PageContext, label: str, hint: str) -> str:
    """The empty, hidden holder of a list's filter box, with the page's strings."""
    strings = {
        "label": label,
        "hint": hint,
        "count": ctx.gettext(_("%(shown)s of %(total)s shown")) % {"shown": "{shown}", "total": "{total}"},
    }
    data = " ".join(f'data-{key}="{text(value)}"' for key, value in strings.items())
    return f'<div class="list-filter" hidden {data}></div>'
