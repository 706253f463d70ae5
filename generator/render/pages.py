"""The render stage: Corpus + language -> {relative path: Markdown text}. Pure, no I/O.

The pages of a language (``get_page_builders``): the home, the index of texts, a page a
text (``render_resolution_page``), the people index and a page a person
(``generator.render.people``). How text goes into them is ``generator.render.escaping``.

Pages use MkDocs directory URLs (``resolutions/<slug>/index.md`` -> ``resolutions/<slug>/``);
every link written here is relative, because the site is served under a path prefix.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType

from generator.facets import get_listing_path, get_listings, get_tags, get_type_key
from generator.languages import LANGUAGES, get_language
from generator.memo import per_corpus
from generator.model import (
    Corpus,
    Document,
    PersonRef,
    Resolution,
)
from generator.render.citing import get_citation
from generator.render.comparison import has_comparison, render_comparison_page
from generator.render.context import PageContext, get_description, get_page_front_matter, render_resolution_list
from generator.render.downloads import get_dump_link, get_text_links, render_home_downloads, render_text_downloads
from generator.render.escaping import assemble_page, render_contents, render_heading, render_paragraph, text
from generator.render.listings import AUTHORS_PATH, INDEX_PATH, render_authors_page, render_listing_page, render_resolutions_index
from generator.render.people import render_people_index, render_person_page
from generator.render.strings import _, get_site_description, get_site_name
from generator.render.units import render_units
from generator.urls import (
    get_comparison_path,
    get_language_url,
    get_person_path,
    get_relative_url,
    get_resolution_path,
)

LATEST_COUNT = 20
"""How many texts the home page lists."""
HOME_PATH = "index.md"


def render_people(
    ctx: PageContext, page_path: str, slug: str, refs: tuple[PersonRef, ...], heading: str, anchor: str, *, shared_role_says_nothing: bool
) -> Iterator[str]:
    """A list of the people a text names, each linked to their page, with their role where
    it says something: a contact's role does, but "Member" after every MEP of a text does
    not (``shared_role_says_nothing``: the role more than half of them share is left out,
    so that only the others stand out, a Vice-Chair among Members)."""
    items = []
    if shared_role_says_nothing and refs:
        role, count = Counter(ref.role for ref in refs).most_common(1)[0]
        if count * 2 > len(refs):
            refs = tuple(dataclasses.replace(ref, role="") if ref.role == role else ref for ref in refs)
    for ref in refs:
        person_slug = ctx.corpus.person_slugs.get((slug, ref.name))
        name = text(ref.name)
        if person_slug:
            href = get_relative_url(page_path, get_person_path(person_slug))
            name = f'<a href="{text(href)}">{name}</a>'
        role = f' <span class="person-role">{text(ref.role)}</span>' if ref.role else ""
        items.append(f'<li><span class="person-name">{name}</span>{role}</li>')
    if items:
        yield render_heading(heading, anchor)
        yield "\n".join([f'<ul class="people people-{anchor}">', *items, "</ul>"])


def render_authors(ctx: PageContext, page_path: str, slug: str, version: Resolution) -> Iterator[str]:
    """The text's authors, each linked to their page, with their group; those the list of
    responsible MEPs below names already are not listed twice."""
    listed = {ref.name for ref in version.meps}
    items = []
    for author in version.authors:
        if author.name in listed:
            continue
        person_slug = ctx.corpus.person_slugs.get((slug, author.name))
        name = text(author.name)
        if person_slug:
            name = f'<a href="{text(get_relative_url(page_path, get_person_path(person_slug)))}">{name}</a>'
        group = f' <span class="person-group">{text(author.group)}</span>' if author.group else ""
        items.append(f'<li><span class="person-name">{name}</span>{group}</li>')
    if items:
        yield render_heading(ctx.gettext(_("Authors")), "authors")
        yield "\n".join(['<ul class="people people-authors">', *items, "</ul>"])


def render_language_links(ctx: PageContext, path: str, document: Document) -> str:
    """"Languages: English · Français", each an existing version, the current one marked."""
    t = ctx.gettext
    links = []
    for code in LANGUAGES:
        if code not in document.versions:
            continue
        name = text(get_language(code).name)
        if code == ctx.lang:
            links.append(f'<strong aria-current="page" lang="{code}">{name}</strong>')
        else:
            href = text(get_language_url(path, code))
            links.append(f'<a href="{href}" hreflang="{code}" lang="{code}">{name}</a>')
    label = text(t(_("Languages:")))
    return f'<span class="doc-languages">{label} {" · ".join(links)}</span>'


def render_resolution_page(ctx: PageContext, document: Document) -> str:
    """One text in one language: header, notices, units, people, "cited by"."""
    t = ctx.gettext
    path = get_resolution_path(document.slug)
    version = document.version(ctx.lang)
    missing = version.lang != ctx.lang
    links = get_text_links(ctx, document)
    front = get_page_front_matter(ctx, path, version.title, get_description(ctx, version), "article", links)

    facts = []
    if version.doc_type:
        type_href = text(get_relative_url(path, get_listing_path("types", get_type_key(document))))
        facts.append(f'<a class="doc-type-link" href="{type_href}"><span class="doc-type">{text(version.doc_type)}</span></a>')
    if version.date:
        facts.append(f'<time datetime="{version.date.isoformat()}">{text(ctx.date(version.date))}</time>')
    facts.extend(render_sources(ctx, document, version))
    facts.append(render_language_links(ctx, path, document))
    header = [
        f'<header class="doc-header" data-cite="{text(get_citation(ctx, version))}">',
        f'<h1 id="title" lang="{version.lang}">{text(version.title)}</h1>' if missing else f'<h1 id="title">{text(version.title)}</h1>',
        f'<p class="doc-facts">{" · ".join(facts)}</p>',
        *render_doc_links(ctx, path, document),
        "</header>",
    ]
    blocks = ["\n".join(header)]
    if missing:
        notice = t(_("This text is not available in %(missing)s; it is shown in %(language)s.")) % {
            "missing": t(get_language(ctx.lang).name_in_sentence),
            "language": t(get_language(version.lang).name_in_sentence),
        }
        blocks.append(f'<p class="notice notice-missing-language" role="note">{text(notice)}</p>')
    elif ctx.lang in document.meta.unofficial:
        notice = text(t(_("Unofficial translation")))
        explanation = text(t(_("Only the original language versions are authentic.")))
        blocks.append(f'<p class="notice notice-unofficial" role="note"><strong>{notice}</strong> — {explanation}</p>')

    body = list(render_units(ctx, document.slug, version))
    body += render_authors(ctx, path, document.slug, version)
    body += render_people(ctx, path, document.slug, version.meps, t(_("Responsible MEPs")), "meps", shared_role_says_nothing=True)
    body += render_people(ctx, path, document.slug, version.contacts, t(_("Contact person")), "contact", shared_role_says_nothing=False)
    # Shown in another language, the text keeps its own ``lang`` (screen readers,
    # hyphenation, search) while headings, our interface strings, keep the page's.
    blocks.extend(wrap_in_language(body, version.lang) if missing else body)
    blocks.extend(render_cited_by(ctx, document))
    blocks.extend(render_text_downloads(ctx, document))
    blocks.insert(1, render_contents(t(_("Contents")), blocks))
    return assemble_page(front, [block for block in blocks if block])


def render_sources(ctx: PageContext, document: Document, version: Resolution) -> Iterator[str]:
    """The text's number linked to its official page in the page's language, with its
    official PDF beside it, and its procedure linked to the procedure's file: the
    URL patterns of ``site.yml`` (``SiteSettings.get_sources``). Where a pattern is off,
    or the number is of no form the pattern can use, the number is plain text."""
    t = ctx.gettext
    reference = document.meta.reference or version.reference
    procedure = document.meta.procedure or version.procedure
    sources = ctx.corpus.settings.get_sources(reference, procedure, ctx.lang)
    if reference:
        pdf = ""
        if sources["pdf"]:
            pdf_label = text(t(_("Official PDF")))
            pdf = f' (<a class="doc-pdf" href="{text(sources["pdf"])}" type="application/pdf" hreflang="{ctx.lang}">{pdf_label}</a>)'
        yield render_source_link(ctx, sources["page"], reference, "doc-reference", t(_("Official page of the text"))) + pdf
    if procedure:
        label = text(t(_("Procedure")))
        yield f'{label} ' + render_source_link(ctx, sources["procedure"], procedure, "doc-procedure", t(_("Procedure file")))


def render_source_link(ctx: PageContext, url: str, label: str, css_class: str, title: str) -> str:
    """An official page, in the page's language; the label as plain text without one."""
    if not url:
        return f'<span class="{css_class}">{text(label)}</span>'
    return f'<a class="{css_class}" href="{text(url)}" hreflang="{ctx.lang}" title="{text(title)}">{text(label)}</a>'


def render_doc_links(ctx: PageContext, path: str, document: Document) -> Iterator[str]:
    """The text's other views and listings: its versions side by side, its tags."""
    t = ctx.gettext
    links = []
    if has_comparison(document):
        href = text(get_relative_url(path, get_comparison_path(document.slug)))
        label = text(t(_("Side by side")))
        links.append(f'<a class="doc-comparison" href="{href}">{label}</a>')
    tags = [
        f'<a class="doc-tag" href="{text(get_relative_url(path, get_listing_path("tags", key)))}">{text(tag)}</a>'
        for key, tag in get_tags(document)
    ]
    if tags:
        label = text(t(_("Tags:")))
        links.append(f'<span class="doc-tags">{label} {", ".join(tags)}</span>')
    if links:
        yield f'<p class="doc-links">{" · ".join(links)}</p>'


def wrap_in_language(blocks: list[str], lang: str) -> list[str]:
    """Wrap each raw HTML block (the text) in ``<div lang>``; Markdown headings stay out."""
    wrapped = []
    for block in blocks:
        if block.startswith("<"):
            wrapped.append(f'<div lang="{lang}">\n{block}\n</div>')
        else:
            wrapped.append(block)
    return wrapped


def render_cited_by(ctx: PageContext, document: Document) -> Iterator[str]:
    """Later texts whose citations point at this one, each linked to the citing citation."""
    citing = ctx.corpus.cited_by.get(document.slug, ())
    path = get_resolution_path(document.slug)
    items = []
    for citing_slug, eid in citing:
        citing_document = ctx.corpus.by_slug.get(citing_slug)
        if citing_document is None:
            continue
        citing_version = citing_document.version(ctx.lang)
        href = get_relative_url(path, get_resolution_path(citing_slug)) + f"#{eid}"
        date = f' <span class="doc-date">{text(ctx.date(citing_version.date))}</span>' if citing_version.date else ""
        # One text may cite this one in several citations: each link names the one it
        # opens ("Kazakhstan — citation 3" / "Kazakhstan — visa 3"), the title in its
        # own language (it may be a version in the other one).
        title = f'<span lang="{citing_version.lang}">{text(citing_version.title)}</span>'
        label = text(ctx.gettext(_("%(title)s — citation %(num)s"))) % {"title": title, "num": text(eid.removeprefix("cit_"))}
        items.append(f'<li><a href="{text(href)}">{label}</a>{date}</li>')
    if items:
        yield render_heading(ctx.gettext(_("Cited by")), "cited-by")
        yield "\n".join(['<ul class="cited-by">', *items, "</ul>"])


def render_home_page(ctx: PageContext) -> str:
    """The home of one language: what the site is, then the newest texts first."""
    t = ctx.gettext
    path = HOME_PATH
    site_name = get_site_name(ctx.corpus.settings, ctx.lang)
    lead = get_site_description(ctx.corpus.settings, ctx.lang)
    # Every page's <head> links the feed already (the theme); the home's adds the dump.
    front = get_page_front_matter(ctx, path, site_name, lead, "website", links=[get_dump_link(ctx)])
    all_resolutions = text(t(_("All resolutions")))
    blocks = [
        f'<h1 id="title">{text(site_name)}</h1>',
        f'<p class="lead">{text(lead)}</p>',
        render_heading(t(_("Latest texts")), "latest"),
        render_resolution_list(ctx, path, ctx.corpus.documents[:LATEST_COUNT])
        if ctx.corpus.documents
        else render_paragraph(t(_("No texts yet."))),
        f'<p><a href="{get_relative_url(path, "resolutions/index.md")}">{all_resolutions}</a></p>',
        *render_home_downloads(ctx),
    ]
    return assemble_page(front, blocks)


@per_corpus
def get_page_builders(corpus: Corpus) -> Mapping[str, Callable[[PageContext], str]]:
    """Every page of a language (the same in each): relative path -> its builder."""
    builders: dict[str, Callable[[PageContext], str]] = {
        HOME_PATH: render_home_page,
        INDEX_PATH: render_resolutions_index,
        "meps/index.md": render_people_index,
    }
    for listings in get_listings(corpus).values():
        for listing in listings:
            builders[listing.path] = functools.partial(render_listing_page, listing=listing)
    if corpus.responsible:
        builders[AUTHORS_PATH] = render_authors_page
    for document in corpus.documents:
        builders[get_resolution_path(document.slug)] = functools.partial(render_resolution_page, document=document)
        if has_comparison(document):
            builders[get_comparison_path(document.slug)] = functools.partial(render_comparison_page, document=document)
    for person in corpus.people:
        builders[get_person_path(person.slug)] = functools.partial(render_person_page, person=person)
    return MappingProxyType(builders)


def render_site(corpus: Corpus, lang: str, paths: Iterable[str] | None = None) -> dict[str, str]:
    """Every page of one language (or those of ``paths``): relative path -> Markdown text."""
    return dict(iter_site(corpus, lang, paths))


def iter_site(corpus: Corpus, lang: str, paths: Iterable[str] | None = None) -> Iterator[tuple[str, str]]:
    """``render_site``'s pages one at a time, for a writer that need not hold them all."""
    ctx = PageContext(corpus, lang)
    builders = get_page_builders(corpus)
    for path in builders if paths is None else paths:
        yield path, builders[path](ctx)


def get_sitemap_pages(corpus: Corpus) -> dict[str, datetime.date | None]:
    """Every page of a language (the same in each) -> its ``lastmod``: a text's date for
    its page and its comparison."""
    pages: dict[str, datetime.date | None] = dict.fromkeys(get_page_builders(corpus))
    for document in corpus.documents:
        pages[get_resolution_path(document.slug)] = document.date
        if has_comparison(document):
            pages[get_comparison_path(document.slug)] = document.date
    return pages
