"""What a page offers besides itself: a text's data (JSON, Akoma Ntoso), the feeds (Atom)
and the corpus dump, made by ``generator.outputs``.

Each page lists them twice: for programs, as front matter ``links`` that the theme writes
into the ``<head>`` as ``<link rel="alternate" type>`` (``site/theme/main.html``), and for
readers, as visible links. Every link is relative.
"""

from __future__ import annotations

from generator.facets import Listing, get_tags
from generator.model import Document, Person
from generator.render.context import PageContext
from generator.render.escaping import render_heading, text
from generator.render.strings import _
from generator.urls import (
    CORPUS_DUMP_PATH,
    LATEST_FEED_PATH,
    TEXT_DATA_SCHEMA_PATH,
    get_akoma_ntoso_path,
    get_language_url,
    get_page_url,
    get_person_feed_path,
    get_person_path,
    get_resolution_path,
    get_tag_feed_path,
    get_text_data_path,
)

JSON_TYPE = "application/json"
AKOMA_NTOSO_TYPE = "application/akn+xml"
ATOM_TYPE = "application/atom+xml"
DUMP_TYPE = "application/gzip"

Link = dict[str, str]
"""A link to a file: its ``type``, relative ``href``, ``title`` (HTML text) and, where the
file is in another language than the page, ``hreflang``."""


def get_language_root(path: str) -> str:
    """The way from the page at ``path`` up to its language's folder ("../../")."""
    return "../" * get_page_url(path).count("/")


def make_link(media_type: str, href: str, title: str, hreflang: str = "") -> Link:
    link = {"type": media_type, "href": text(href), "title": text(title)}
    if hreflang:
        link["hreflang"] = hreflang
    return link


def render_links(links: list[Link]) -> str:
    """The visible links, one after the other."""
    items = []
    for link in links:
        hreflang = f' hreflang="{link["hreflang"]}"' if "hreflang" in link else ""
        items.append(f'<a href="{link["href"]}" type="{link["type"]}"{hreflang}>{link["title"]}</a>')
    return " · ".join(items)


def get_text_links(ctx: PageContext, document: Document) -> list[Link]:
    """A text's data (of the version its page shows: the other language's where this
    one is missing) and the feeds of its tags."""
    t = ctx.gettext
    path = get_resolution_path(document.slug)
    version = document.version(ctx.lang)
    # The data is beside the page of the version: this folder, or the other language's.
    folder = "" if version.lang == ctx.lang else get_language_url(path, version.lang)
    hreflang = version.lang if version.lang != ctx.lang else ""
    links = [
        make_link(JSON_TYPE, folder + get_text_data_path(document.slug).rpartition("/")[2], t(_("JSON")), hreflang),
        make_link(AKOMA_NTOSO_TYPE, folder + get_akoma_ntoso_path(document.slug).rpartition("/")[2], t(_("Akoma Ntoso (XML)")), hreflang),
    ]
    root = get_language_root(path)
    for tag_slug, tag in get_tags(document):
        links.append(make_link(ATOM_TYPE, root + get_tag_feed_path(tag_slug), t(_("Texts tagged %(tag)s")) % {"tag": tag}))
    return links


def get_listing_links(ctx: PageContext, listing: Listing) -> list[Link]:
    """A tag's listing page: the feed of its texts."""
    if listing.kind != "tags":
        return []
    href = get_language_root(listing.path) + get_tag_feed_path(listing.key)
    return [make_link(ATOM_TYPE, href, ctx.gettext(_("Feed of these texts (Atom)")))]


def render_text_downloads(ctx: PageContext, document: Document) -> list[str]:
    """The "Data and feeds" section of a text's page."""
    links = render_links(get_text_links(ctx, document))
    return [render_heading(ctx.gettext(_("Data and feeds")), "data"), f'<p class="doc-downloads">{links}</p>']


def get_dump_link(ctx: PageContext) -> Link:
    """The corpus dump, from a language's home page."""
    return make_link(DUMP_TYPE, f"../{CORPUS_DUMP_PATH}", ctx.gettext(_("Every text as data (JSON Lines, gzip)")))


def get_home_links(ctx: PageContext) -> list[Link]:
    """The home page's: the feed of the newest texts, the corpus dump and its schema."""
    t = ctx.gettext
    return [
        make_link(ATOM_TYPE, LATEST_FEED_PATH, t(_("Feed of the latest texts (Atom)"))),
        get_dump_link(ctx),
        make_link(JSON_TYPE, f"../{TEXT_DATA_SCHEMA_PATH}", t(_("The data's JSON Schema"))),
    ]


def render_home_downloads(ctx: PageContext) -> list[str]:
    links = render_links(get_home_links(ctx))
    return [render_heading(ctx.gettext(_("Data and feeds")), "data"), f'<p class="site-downloads">{links}</p>']


def get_person_links(ctx: PageContext, person: Person) -> list[Link]:
    """The feed of the texts a person answers for, where there are any."""
    slugs = (*ctx.corpus.responsible.get(person.slug, ()), *ctx.corpus.contact_for.get(person.slug, ()))
    if not any(slug in ctx.corpus.by_slug for slug in slugs):  # as generator.outputs.feeds finds them
        return []
    href = get_person_feed_path(person.slug).removeprefix(get_page_url(get_person_path(person.slug)))  # beside the page
    return [make_link(ATOM_TYPE, href, ctx.gettext(_("Texts of %(name)s")) % {"name": person.name})]


def render_person_downloads(ctx: PageContext, person: Person) -> list[str]:
    links = get_person_links(ctx, person)
    if not links:
        return []
    label = text(ctx.gettext(_("Feed of these texts (Atom)")))
    return [f'<p class="person-feed"><a href="{links[0]["href"]}" type="{ATOM_TYPE}">{label}</a></p>']
