"""A text's units as HTML: citations (with their links), recitals, paragraphs and their
points, amendments; each an element whose id is its permalink's target."""

from __future__ import annotations

from collections.abc import Iterator

from generator.languages import LANGUAGES, get_language
from generator.model import (
    Amendment,
    Citation,
    CitationLink,
    Paragraph,
    Point,
    Recital,
    Resolution,
)
from generator.render.context import PageContext
from generator.render.escaping import SAFE_URL_SCHEMES, render_heading, text
from generator.render.strings import _
from generator.urls import (
    get_relative_url,
    get_resolution_path,
    get_url_in_language,
)


def render_citation_text(
    ctx: PageContext, slug: str, citation: Citation, version_lang: str, page_path: str = "", link_lang: str = ""
) -> str:
    """A citation's text with its links (CitationLink spans) as ``<a>``; every piece escaped.

    ``page_path``: the page it is on (the text's page unless given); ``link_lang``: the
    language of the pages its links open (the page's unless given: a comparison page
    links each column's citations to that column's language).
    """
    links = ctx.corpus.links.get((slug, version_lang, citation.eid), ())
    page_path = page_path or get_resolution_path(slug)
    link_lang = link_lang or ctx.lang
    pieces, position = [], 0
    for link in sorted(links, key=lambda link: link.start):
        href = get_citation_href(ctx, page_path, link, link_lang)
        # A span that overlaps the previous one or falls outside the text is ignored
        # rather than trusted: the text must come out whole whatever the linker says.
        if not href or link.start < position or not 0 <= link.start < link.end <= len(citation.text):
            continue
        pieces.append(text(citation.text[position:link.start]))
        title = link.title.get(link_lang) or next(iter(link.title.values()), "")
        title_attribute = f' title="{text(title)}"' if title else ""
        pieces.append(f'<a class="citation-link" href="{text(href)}"{title_attribute}>{text(citation.text[link.start:link.end])}</a>')
        position = link.end
    pieces.append(text(citation.text[position:]))
    return "".join(pieces)


def get_citation_href(ctx: PageContext, page_path: str, link: CitationLink, lang: str) -> str:
    """Internal: the cited text's page in ``lang``; external: its URL, ``lang`` first."""
    if link.slug:
        if link.slug not in ctx.corpus.by_slug:
            return ""
        target = get_resolution_path(link.slug)
        href = get_relative_url(page_path, target) if lang == ctx.lang else get_url_in_language(page_path, target, lang)
        return href + (f"#{link.eid}" if link.eid else "")
    url = link.url.get(lang) or next((link.url[code] for code in LANGUAGES if link.url.get(code)), "")
    return url if url.startswith(SAFE_URL_SCHEMES) else ""


def get_unit_name(ctx: PageContext, unit, paragraph: Paragraph | None = None, point_label: str = "") -> str:
    """How a screen reader names a unit: "recital A", "point (a) of paragraph 2"."""
    t = ctx.gettext
    if isinstance(unit, Citation):
        return t(_("citation %(num)s")) % {"num": unit.eid.removeprefix("cit_")}
    if isinstance(unit, Amendment):
        return t(_("amendment %(num)s")) % {"num": unit.num}
    if isinstance(unit, Recital):
        return t(_("recital %(num)s")) % {"num": unit.num}
    if isinstance(unit, Paragraph):
        return t(_("paragraph %(num)s")) % {"num": unit.num}
    assert paragraph is not None, "a point is named with its paragraph"
    return t(_("point %(num)s of paragraph %(paragraph)s")) % {"num": point_label, "paragraph": paragraph.num}


def get_unit_label(unit, version_lang: str) -> str:
    """The label as printed: "A.", "7.", "(a)" in English, "a)" in French; citations have none."""
    if isinstance(unit, Citation):
        return "¶"
    if isinstance(unit, Point):
        return get_language(version_lang).point_label.format(num=unit.num)
    if isinstance(unit, Amendment):
        return unit.num
    return f"{unit.num}."


def render_unit_head(ctx: PageContext, kind: str, unit, version_lang: str, paragraph: Paragraph | None = None) -> str:
    """A unit's element up to its text: the ``div`` (its id the permalink's target) and
    the permalink, its label as printed, named for screen readers ("Link to paragraph 7").

    The id, the label and the name follow from the unit's kind and id and the version's
    language, so each head is made once a language, not named and escaped again for every
    unit (bench/RESULTS.md). The caller adds the text and closes the element, after any
    nested points.

    The unit's copy-link button is not here: ``units.js`` adds it, naming it after the
    permalink's name (see ``get_interface_strings``). It does nothing without JavaScript,
    where it was hidden anyway, and it weighed on every text page's Markdown.
    """
    key = (kind, unit.eid, version_lang)
    head = ctx.unit_heads.get(key)
    if head is None:
        label = get_unit_label(unit, version_lang)
        name = get_unit_name(ctx, unit, paragraph, label)
        link_name = text(ctx.gettext(_("Link to %(unit)s")) % {"unit": name})
        eid = text(unit.eid)
        head = ctx.unit_heads[key] = (
            f'<div class="unit unit-{kind}" id="{eid}">\n'
            f'<a class="unit-label" href="#{eid}" title="{link_name}" aria-label="{link_name}">{text(label)}</a>'
        )
    return head


def render_units(ctx: PageContext, slug: str, version: Resolution) -> Iterator[str]:
    """The citations, recitals, paragraphs and amendments sections, each one raw HTML
    block; a heading printed among the units stands before its unit."""
    t = ctx.gettext
    lang = version.lang
    headings: dict[str, list[str]] = {}
    for heading in version.headings:
        headings.setdefault(heading.before, []).append(f'<p class="unit-heading">{text(heading.text)}</p>')
    if version.citations:
        yield render_heading(t(_("Citations")), "citations")
        lines = ['<div class="units units-citations">']
        if version.preamble:
            lines.append(f'<p class="preamble">{text(version.preamble)}</p>')
        for citation in version.citations:
            body = render_citation_text(ctx, slug, citation, lang)
            lines += headings.get(citation.eid, ())
            lines.append(f'{render_unit_head(ctx, "citation", citation, lang)}\n<span class="unit-text">{body}</span>\n</div>')
        lines.append("</div>")
        yield "\n".join(lines)
    elif version.preamble:
        yield f'<p class="preamble">{text(version.preamble)}</p>'
    if version.recitals:
        yield render_heading(t(_("Recitals")), "recitals")
        lines = ['<div class="units units-recitals">']
        for recital in version.recitals:
            lines += headings.get(recital.eid, ())
            lines.append(f'{render_unit_head(ctx, "recital", recital, lang)}\n<span class="unit-text">{text(recital.text)}</span>\n</div>')
        lines.append("</div>")
        yield "\n".join(lines)
    if version.paragraphs:
        yield render_heading(t(_("Operative paragraphs")), "paragraphs")
        lines = ['<div class="units units-paragraphs">']
        for paragraph in version.paragraphs:
            lines += headings.get(paragraph.eid, ())
            lines.append(f'{render_unit_head(ctx, "paragraph", paragraph, lang)}\n<span class="unit-text">{text(paragraph.text)}</span>')
            for point in paragraph.points:
                head = render_unit_head(ctx, "point", point, lang, paragraph)
                lines.append(f'{head}\n<span class="unit-text">{text(point.text)}</span>\n</div>')
            lines.append("</div>")
        lines.append("</div>")
        yield "\n".join(lines)
    if version.amendments:
        yield render_heading(t(_("Amendments")), "amendments")
        yield "\n".join(['<div class="units units-amendments">', *(render_amendment(ctx, a, lang) for a in version.amendments), "</div>"])


def render_amendment(ctx: PageContext, amendment: Amendment, version_lang: str) -> str:
    """An amendment: what it amends, then its two columns side by side, each with its title."""
    t = ctx.gettext
    lines = [render_unit_head(ctx, "amendment", amendment, version_lang)]
    if amendment.location:
        lines.append(f'<span class="amendment-location">{text(amendment.location)}</span>')
    lines.append('<div class="amendment-columns">')
    for kind, title, body in (("original", _("Original text"), amendment.original), ("amended", _("Amendment"), amendment.amended)):
        lines.append(
            f'<div class="amendment-{kind}"><span class="amendment-column-title">{text(t(title))}</span>'
            f'<span class="unit-text">{text(body)}</span></div>'
        )
    lines.append("</div>")
    if amendment.justification:
        label = text(t(_("Justification")))
        lines.append(
            f'<p class="amendment-justification"><span class="amendment-column-title">{label}</span> {text(amendment.justification)}</p>'
        )
    lines.append("</div>")
    return "\n".join(lines)
