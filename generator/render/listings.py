"""The pages that list texts, to browse without search and without JavaScript: the index
of every text (by year, one line a text), a page a year, a document type and a tag
(``generator.facets``), and the authors, each linked to their page (which lists their
texts). Each list has a filter box that a script (``list-filter.js``) fills in."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from generator.facets import Listing, get_label, get_listings
from generator.model import Document
from generator.render.context import PageContext, get_page_front_matter, render_list_filter, render_resolution_list
from generator.render.downloads import get_listing_links, render_links
from generator.render.escaping import assemble_page, render_heading, render_title, text
from generator.render.people import surname_order
from generator.render.strings import _
from generator.urls import get_person_path, get_relative_url

INDEX_PATH = "resolutions/index.md"
AUTHORS_PATH = "resolutions/authors/index.md"
AUTHORS_TITLE = _("Authors and responsible MEPs")


def render_text_filter(ctx: PageContext) -> str:
    return render_list_filter(ctx, ctx.gettext(_("Find a text")), ctx.gettext(_("Words of the title, a date, a type")))


def count_texts(ctx: PageContext, count: int) -> str:
    return ctx.ngettext("%(count)s text", "%(count)s texts", count) % {"count": count}


def render_browse(ctx: PageContext, page_path: str) -> str:
    """Links to every listing page: each year, type and tag with its number of texts, and
    the authors."""
    t = ctx.gettext
    listings = get_listings(ctx.corpus)
    rows = []
    for kind, label in (("years", _("By year")), ("types", _("By document type")), ("tags", _("By tag"))):
        links = [
            f'<li><a href="{text(get_relative_url(page_path, listing.path))}">{text(get_label(ctx.corpus, listing, ctx.lang))}</a>'
            f' <span class="listing-count">({len(listing.slugs)})</span></li>'
            for listing in listings[kind]
        ]
        if links:
            rows.append(f'<dt>{text(t(label))}</dt><dd><ul class="browse-links">{"".join(links)}</ul></dd>')
    if ctx.corpus.responsible:
        href = text(get_relative_url(page_path, AUTHORS_PATH))
        by_author, authors = text(t(_("By author"))), text(t(AUTHORS_TITLE))
        rows.append(f'<dt>{by_author}</dt><dd><a href="{href}">{authors}</a></dd>')
    label = text(t(_("Browse")))
    return "\n".join([f'<dl class="browse" aria-label="{label}">', *rows, "</dl>"]) if rows else ""


def render_resolutions_index(ctx: PageContext) -> str:
    """Every text, by year, newest first, one line a text; the listing pages above."""
    t = ctx.gettext
    front = get_page_front_matter(ctx, INDEX_PATH, t(_("Resolutions")), t(_("All resolutions, by year.")), "website")
    blocks = [render_title(t(_("Resolutions"))), render_browse(ctx, INDEX_PATH), render_text_filter(ctx)]
    for year, documents in groupby(ctx.corpus.documents, key=lambda d: d.date.year if d.date else None):
        heading = str(year) if year else t(_("Undated"))
        blocks.append(render_heading(heading, f"year-{year or 'undated'}"))
        blocks.append(render_resolution_list(ctx, INDEX_PATH, documents))
    return assemble_page(front, [block for block in blocks if block])


def get_listing_title(ctx: PageContext, listing: Listing) -> str:
    label = get_label(ctx.corpus, listing, ctx.lang)
    if listing.kind == "years":
        return ctx.gettext(_("Resolutions of %(year)s")) % {"year": label}
    if listing.kind == "tags":
        return ctx.gettext(_("Tag: %(tag)s")) % {"tag": label}
    return label


def render_listing_page(ctx: PageContext, listing: Listing) -> str:
    """The texts of one year, type or tag, newest first."""
    t = ctx.gettext
    title = get_listing_title(ctx, listing)
    count = count_texts(ctx, len(listing.slugs))
    feeds = get_listing_links(ctx, listing)
    front = get_page_front_matter(ctx, listing.path, title, f"{title} — {count}", "website", links=feeds)
    documents: Iterable[Document] = (ctx.corpus.by_slug[slug] for slug in listing.slugs)
    index, all_texts = text(get_relative_url(listing.path, INDEX_PATH)), text(t(_("All resolutions")))
    facts = [text(count), f'<a href="{index}">{all_texts}</a>', *([render_links(feeds)] if feeds else [])]
    blocks = [
        render_title(title),
        f'<p class="listing-facts">{" · ".join(facts)}</p>',
        render_text_filter(ctx),
        render_resolution_list(ctx, listing.path, documents),
    ]
    return assemble_page(front, blocks)


def render_authors_page(ctx: PageContext) -> str:
    """The people who answer for texts (authors, responsible MEPs), by surname, each with
    the number of their texts, linked to their page."""
    t = ctx.gettext
    title = t(AUTHORS_TITLE)
    front = get_page_front_matter(ctx, AUTHORS_PATH, title, t(_("The people who answer for the texts, by surname.")), "website")
    people = sorted((ctx.corpus.people_by_slug[slug] for slug in ctx.corpus.responsible), key=surname_order)
    items = []
    for person in people:
        href = text(get_relative_url(AUTHORS_PATH, get_person_path(person.slug)))
        count = count_texts(ctx, len(ctx.corpus.responsible[person.slug]))
        details = " · ".join(text(value) for value in (person.group, count) if value)
        items.append(f'<li><a href="{href}">{text(person.name)}</a> <span class="person-details">{details}</span></li>')
    blocks = [
        render_title(title),
        render_list_filter(ctx, t(_("Find a person")), t(_("Name, country, group or party"))),
        "\n".join(['<ul class="people-list" data-filterable>', *items, "</ul>"]),
    ]
    return assemble_page(front, blocks)

