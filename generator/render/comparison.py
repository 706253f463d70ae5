"""A text's language versions side by side (``resolutions/<slug>/compare/``): one row a
unit, aligned by its id, which every version shares (DESIGN.md section 3).

The row carries the unit's id, so ``compare/#para_7`` opens that row; its label, as the
page's language prints it, is the row's permalink. The page's language is the first
column; a unit that one version lacks has an empty cell there, so that nothing is
aligned with the wrong unit. On a phone the cells of a row stack (``units.css``).
"""

from __future__ import annotations

from collections.abc import Iterator

from babel.lists import format_list

from generator.languages import LANGUAGES, get_language
from generator.model import Amendment, Citation, Document, Paragraph, Resolution, Unit
from generator.render.context import PageContext, get_page_front_matter
from generator.render.escaping import assemble_page, render_contents, render_heading, text
from generator.render.strings import _
from generator.render.units import get_unit_label, get_unit_name, render_citation_text
from generator.urls import get_comparison_path, get_relative_url, get_resolution_path, get_url_in_language


def has_comparison(document: Document) -> bool:
    """A text in more than one language has a comparison page (in every language)."""
    return len(document.versions) > 1


def get_columns(ctx: PageContext, document: Document) -> list[str]:
    """The languages of the columns: the page's first, then the others in the site's order."""
    return sorted(document.versions, key=lambda code: (code != ctx.lang, LANGUAGES.index(code)))


SECTIONS = (
    ("citations", _("Citations"), lambda version: version.citations),
    ("recitals", _("Recitals"), lambda version: version.recitals),
    ("paragraphs", _("Operative paragraphs"), lambda version: tuple(get_paragraph_units(version))),
    ("amendments", _("Amendments"), lambda version: version.amendments),
)
"""Each section of a text: its anchor, its heading, its units in a version."""


def get_paragraph_units(version: Resolution) -> Iterator[Unit]:
    for paragraph in version.paragraphs:
        yield paragraph
        yield from paragraph.points


def merge_ids(sequences: list[list[str]]) -> list[str]:
    """The ids of every sequence, in the first's order; an id only a later one has goes
    after the id it follows there."""
    merged: list[str] = []
    for sequence in sequences:
        previous = -1
        for eid in sequence:
            if eid in merged:
                previous = merged.index(eid)
            else:
                previous += 1
                merged.insert(previous, eid)
    return merged


def get_paragraphs(version: Resolution) -> dict[str, Paragraph]:
    """Point id -> its paragraph (a point is named with it)."""
    return {point.eid: paragraph for paragraph in version.paragraphs for point in paragraph.points}


def render_cell_text(ctx: PageContext, document: Document, unit: Unit, lang: str) -> str:
    """A unit's text in one column: a citation with its links (to the pages of the
    column's language), an amendment with what it amends and its two texts."""
    if isinstance(unit, Citation):
        body = render_citation_text(ctx, document.slug, unit, lang, get_comparison_path(document.slug), lang)
        return f'<span class="unit-text">{body}</span>'
    if isinstance(unit, Amendment):
        t = ctx.gettext
        parts = [f'<span class="amendment-location">{text(unit.location)}</span>'] if unit.location else []
        for title, body in ((_("Original text"), unit.original), (_("Amendment"), unit.amended)):
            parts.append(f'<span class="amendment-column-title">{text(t(title))}</span><span class="unit-text">{text(body)}</span>')
        return "".join(parts)
    return f'<span class="unit-text">{text(unit.text)}</span>'


def render_rows(ctx: PageContext, document: Document, columns: list[str], units: dict[str, dict[str, Unit]], ids: list[str]) -> str:
    """One row a unit: its permalink, labelled as the first version that has it prints
    it, then a cell a language (with that language's name, which a phone shows)."""
    paragraphs = {code: get_paragraphs(document.versions[code]) for code in columns}
    headings: dict[str, dict[str, list[str]]] = {code: {} for code in columns}
    for code in columns:
        for heading in document.versions[code].headings:
            headings[code].setdefault(heading.before, []).append(heading.text)
    lines = ['<div class="comparison-rows">']
    for eid in ids:
        label_lang = next(code for code in columns if eid in units[code])
        unit = units[label_lang][eid]
        label = get_unit_label(unit, label_lang)
        name = get_unit_name(ctx, unit, paragraphs[label_lang].get(eid), label)
        link_name = text(ctx.gettext(_("Link to %(unit)s")) % {"unit": name})
        cells = []
        for code in columns:
            found = units[code].get(eid)
            printed = "".join(f'<p class="unit-heading">{text(heading)}</p>' for heading in headings[code].get(eid, ()))
            body = render_cell_text(ctx, document, found, code) if found else ""
            empty = "" if found else " comparison-cell-empty"
            cells.append(
                f'<div class="comparison-cell{empty}" lang="{code}">'
                f'<span class="comparison-language">{text(get_language(code).name)}</span>{printed}{body}</div>'
            )
        lines.append(
            f'<div class="comparison-row comparison-{type(unit).__name__.lower()}" id="{text(eid)}">'
            f'<a class="unit-label" href="#{text(eid)}" title="{link_name}" aria-label="{link_name}">{text(label)}</a>'
            f'{"".join(cells)}</div>'
        )
    lines.append("</div>")
    return "\n".join(lines)


def render_comparison_page(ctx: PageContext, document: Document) -> str:
    """The text's versions side by side, a section at a time, one row a unit; above, a
    heading a column, the version's title linked to its page."""
    t = ctx.gettext
    path = get_comparison_path(document.slug)
    columns = get_columns(ctx, document)
    title = t(_("%(title)s — side by side")) % {"title": document.version(ctx.lang).title}
    languages = [t(get_language(code).name_in_sentence) for code in columns]
    description = t(_("The text in %(languages)s, unit by unit.")) % {
        "languages": format_list(languages, locale=get_language(ctx.lang).babel_locale)
    }
    front = get_page_front_matter(ctx, path, title, description, "article")
    text_page = get_resolution_path(document.slug)
    heads = []
    for code in columns:
        href = get_relative_url(path, text_page) if code == ctx.lang else get_url_in_language(path, text_page, code)
        heads.append(
            f'<a class="comparison-head" href="{text(href)}" hreflang="{code}" lang="{code}">'
            f'<span class="comparison-head-language">{text(get_language(code).name)}</span> '
            f'<span class="comparison-head-title">{text(document.versions[code].title)}</span></a>'
        )
    blocks = [f'<h1 id="title">{text(title)}</h1>', f'<div class="comparison-heads">{"".join(heads)}</div>']
    for anchor, heading, get_units in SECTIONS:
        sequences = {code: get_units(document.versions[code]) for code in columns}
        ids = merge_ids([[unit.eid for unit in sequences[code]] for code in columns])
        if ids:
            units = {code: {unit.eid: unit for unit in sequences[code]} for code in columns}
            blocks.append(render_heading(t(heading), anchor))
            blocks.append(render_rows(ctx, document, columns, units, ids))
    blocks.insert(2, render_contents(t(_("Contents")), blocks))
    return assemble_page(front, [block for block in blocks if block])
