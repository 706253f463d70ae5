"""The render stage: Corpus + language -> {relative path: Markdown text}. Pure, no I/O.

Raw texts are data, never markup. Every piece of text from a resolution or from the
directory goes into the page as an HTML-escaped raw HTML block: Python-Markdown leaves a
raw HTML block as it is, so emphasis, link syntax, ``{ #attr }`` lists, table pipes and
``---`` lines in a text stay characters. A raw block ends at a blank line, so no block we
write contains one.

Front matter values that Material prints (``title``, ``description``) are HTML-escaped
too: MkDocs renders templates with Jinja autoescaping off, and Material writes
``page.meta.title`` and ``page.meta.description`` into ``<title>``, the header and
``<meta name="description">`` as they are. Our own template (``theme_overrides/main.html``)
reads the same values and relies on the same rule: **front matter holds HTML text.**

Pages use MkDocs directory URLs (``resolutions/<slug>.md`` -> ``resolutions/<slug>/``);
every link written here is relative, because the site is served under a path prefix.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby

from babel import Locale
from babel.dates import format_date

from generator.languages import LANGUAGES, get_language
from generator.model import (
    Amendment,
    Citation,
    CitationLink,
    Corpus,
    Document,
    Membership,
    Office,
    Paragraph,
    Person,
    PersonRef,
    Point,
    Recital,
    Resolution,
)
from generator.names import slugify, split_name
from generator.render.strings import _, get_gettext
from generator.urls import (
    get_ep_member_url,
    get_language_url,
    get_person_path,
    get_person_url,
    get_relative_url,
    get_resolution_path,
    get_vcard_path,
)

SAFE_URL_SCHEMES = ("https://", "http://")
"""The only schemes an external link from our data may use (no ``javascript:``)."""


_TEXT_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
"""What ``html.escape(value, quote=False)`` replaces, in its order."""
_ATTRIBUTE_ENTITIES = (*_TEXT_ENTITIES, ('"', "&quot;"), ("'", "&#x27;"), ("\r", "&#13;"), ("\n", "&#10;"))
"""``html.escape(value, quote=True)``'s, then the line ends (see ``text``)."""


def replace_present(value: str, entities: tuple[tuple[str, str], ...]) -> str:
    """Each character of ``entities`` replaced by its entity, in order, looking first
    whether it occurs: most strings hold none of them, and unconditional replace passes
    were a quarter of rendering a language, profiled (0.9 µs a unit's text, now 0.3)."""
    for character, entity in entities:
        if character in value:
            value = value.replace(character, entity)
    return value


def html_text(value: str) -> str:
    """``html.escape(value, quote=False)``: text for element content only, never for an
    attribute (the search stage's pages for Pagefind)."""
    return replace_present(value, _TEXT_ENTITIES)


def text(value: str) -> str:
    """Text as HTML: every ``<``, ``&`` and quote escaped, so it can only ever be characters.

    Line breaks become character references: a blank line would end the raw HTML block
    and hand the rest of the text to Markdown.
    """
    return replace_present(value, _ATTRIBUTE_ENTITIES)


# --- pieces -----------------------------------------------------------------------------

LATEST_COUNT = 20
"""How many texts the home page lists."""


def render_heading(title: str, anchor: str) -> str:
    """A section heading (Markdown, so it enters the table of contents) with a stable id."""
    return f"## {text(title)} {{ #{anchor} }}"


def render_title(title: str) -> str:
    """The page's H1, as raw HTML: a hostile title must not become Markdown."""
    return f'<h1 id="title">{text(title)}</h1>'


def render_paragraph(value: str, css_class: str = "") -> str:
    class_attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{class_attribute}>{text(value)}</p>"


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
        if value not in self.dates:  # babel takes ~40 µs a date, and dates recur
            self.dates[value] = format_date(value, "long", locale=get_language(self.lang).babel_locale)
        return self.dates[value]


# What a YAML reader would not take as it is inside a double-quoted scalar: characters
# PyYAML refuses in a document, and the ones YAML 1.1 reads as line breaks (NEL, LS, PS),
# which a quoted scalar would fold into a space. JSON escapes the C0 controls itself.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted scalar: a JSON string (YAML's double-quoted
    escapes are a superset of JSON's), with the characters above escaped too."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda found: f"\\u{ord(found[0]):04x}", quoted) if _YAML_UNSAFE.search(quoted) else quoted


def get_front_matter(values: dict[str, str | list[dict[str, str]]]) -> str:
    """YAML front matter; string values must already be HTML text (see module docstring).

    Written here rather than by PyYAML's emitter, even libyaml's: the values are strings
    and lists of flat mappings of strings, and dumping them was a sixth of rendering a
    language (0.08 s of 0.48 s at 2,000 texts). Every string is quoted, so that no value
    is ever read back as another type (``2012-03-07`` as a date, ``no`` as false).
    """
    lines = ["---"]
    for key, value in values.items():
        if isinstance(value, str):
            lines.append(f"{key}: {yaml_string(value)}")
            continue
        lines.append(f"{key}:")
        for item in value:
            lines.extend(f"{'-' if index == 0 else ' '} {name}: {yaml_string(field)}" for index, (name, field) in enumerate(item.items()))
    lines.append("---\n")
    return "\n".join(lines)


def get_page_front_matter(
    ctx: PageContext, path: str, title: str, description: str, og_type: str, lastmod: datetime.date | None = None
) -> dict:
    values = {
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
    return values


def get_description(ctx: PageContext, version: Resolution) -> str:
    """"Title — date — document type", the line shared on social media and in search results."""
    return " — ".join(part for part in (version.title, ctx.date(version.date), version.doc_type) if part)


def render_citation_text(ctx: PageContext, slug: str, citation: Citation, version_lang: str) -> str:
    """A citation's text with its links (CitationLink spans) as ``<a>``; every piece escaped."""
    links = ctx.corpus.links.get((slug, version_lang, citation.eid), ())
    pieces, position = [], 0
    for link in sorted(links, key=lambda link: link.start):
        href = get_citation_href(ctx, slug, link)
        # A span that overlaps the previous one or falls outside the text is ignored
        # rather than trusted: the text must come out whole whatever the linker says.
        if not href or link.start < position or not 0 <= link.start < link.end <= len(citation.text):
            continue
        pieces.append(text(citation.text[position:link.start]))
        title = link.title.get(ctx.lang) or next(iter(link.title.values()), "")
        title_attribute = f' title="{text(title)}"' if title else ""
        pieces.append(f'<a class="citation-link" href="{text(href)}"{title_attribute}>{text(citation.text[link.start:link.end])}</a>')
        position = link.end
    pieces.append(text(citation.text[position:]))
    return "".join(pieces)


def get_citation_href(ctx: PageContext, slug: str, link: CitationLink) -> str:
    """Internal: the cited text's page in this language; external: its URL, this language first."""
    if link.slug:
        if link.slug not in ctx.corpus.by_slug:
            return ""
        href = get_relative_url(get_resolution_path(slug), get_resolution_path(link.slug))
        return href + (f"#{link.eid}" if link.eid else "")
    url = link.url.get(ctx.lang) or next((link.url[code] for code in LANGUAGES if link.url.get(code)), "")
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
    language, so each head is made once a language (naming and escaping it for every
    unit was a fifth of rendering one, profiled). The caller adds the text and closes the element,
    after any nested points.

    The unit's copy-link button is not here: ``units.js`` adds it, naming it after the
    permalink's name (see ``get_interface_strings``). It does nothing without JavaScript,
    where it was hidden anyway, and it was a fifth of a text page's Markdown.
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


RAW_HTML_OPEN = "<!--raw-html\n"
RAW_HTML_CLOSE = "\nraw-html-->"
"""Around each raw HTML block of a page, taken off again after Markdown (``generator.site.hook``).

Python-Markdown parses every tag of a raw HTML block with ``html.parser`` only to pass
the block through unchanged: 3.5 ms for a text's page of 33 KB, two thirds of MkDocs's
time on it. A comment it skips to its end (1.1 ms). Neither marker can come from a text:
text is escaped, so no ``<`` or ``>`` of ours is in it.
"""


def assemble_page(front: dict, blocks: list[str]) -> str:
    """Front matter, then the blocks (raw HTML, or Markdown headings) a blank line apart."""
    body = "\n\n".join(f"{RAW_HTML_OPEN}{block}{RAW_HTML_CLOSE}" if block.startswith("<") else block for block in blocks)
    return get_front_matter(front) + "\n" + body + "\n"


def render_resolution_page(ctx: PageContext, document: Document) -> str:
    """One text in one language: header, notices, units, people, "cited by"."""
    t = ctx.gettext
    path = get_resolution_path(document.slug)
    version = document.version(ctx.lang)
    missing = version.lang != ctx.lang
    front = get_page_front_matter(ctx, path, version.title, get_description(ctx, version), "article", document.date)

    facts = [f'<span class="doc-type">{text(version.doc_type)}</span>'] if version.doc_type else []
    if version.date:
        facts.append(f'<time datetime="{version.date.isoformat()}">{text(ctx.date(version.date))}</time>')
    reference = document.meta.reference or version.reference
    if reference:
        facts.append(f'<span class="doc-reference">{text(reference)}</span>')
    procedure = document.meta.procedure or version.procedure
    if procedure:
        facts.append(f'<span class="doc-procedure">{text(procedure)}</span>')
    facts.append(render_language_links(ctx, path, document))
    header = [
        '<header class="doc-header">',
        f'<h1 id="title" lang="{version.lang}">{text(version.title)}</h1>' if missing else f'<h1 id="title">{text(version.title)}</h1>',
        f'<p class="doc-facts">{" · ".join(facts)}</p>',
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
    return assemble_page(front, [block for block in blocks if block])


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


def render_home_page(ctx: PageContext) -> str:
    """The home of one language: what the site is, then the newest texts first."""
    t = ctx.gettext
    path = "index.md"
    site_name = t(_("Parliamentary resolutions"))
    lead = t(_("Resolutions and motions for resolutions, in English and French, with a permalink to every paragraph."))
    front = get_page_front_matter(ctx, path, site_name, lead, "website")
    all_resolutions = text(t(_("All resolutions")))
    blocks = [
        f'<h1 id="title">{text(site_name)}</h1>',
        f'<p class="lead">{text(lead)}</p>',
        render_heading(t(_("Latest texts")), "latest"),
        render_resolution_list(ctx, path, ctx.corpus.documents[:LATEST_COUNT])
        if ctx.corpus.documents
        else render_paragraph(t(_("No texts yet."))),
        f'<p><a href="{get_relative_url(path, "resolutions/index.md")}">{all_resolutions}</a></p>',
    ]
    return assemble_page(front, blocks)


def render_resolutions_index(ctx: PageContext) -> str:
    """Every text, grouped by year, newest first."""
    t = ctx.gettext
    path = "resolutions/index.md"
    front = get_page_front_matter(ctx, path, t(_("Resolutions")), t(_("All resolutions, by year.")), "website")
    blocks = [render_title(t(_("Resolutions")))]
    for year, documents in groupby(ctx.corpus.documents, key=lambda d: d.date.year if d.date else None):
        heading = str(year) if year else t(_("Undated"))
        blocks.append(render_heading(heading, f"year-{year or 'undated'}"))
        blocks.append(render_resolution_list(ctx, path, documents))
    return assemble_page(front, blocks)


@functools.cache
def get_territory_codes() -> dict[str, str]:
    """English (and French) country name, casefolded -> territory code, from babel's CLDR data."""
    codes = {}
    for locale_name in reversed(LANGUAGES):  # the first language's names win where two spell one alike
        for code, name in Locale.parse(locale_name).territories.items():
            if code.isalpha():  # "DE", not the numeric regions "150" (Europe)
                codes[name.casefold()] = code
    codes.update({"uk": "GB", "great britain": "GB", "czech republic": "CZ"})
    return codes


def get_country_name(country: str, lang: str) -> str:
    """``meps.yml`` gives countries in English ("Germany"): the page's language names them
    ("Allemagne"), by babel's CLDR data; a name CLDR does not know is shown as written."""
    code = get_territory_codes().get(country.strip().casefold())
    return Locale.parse(get_language(lang).babel_locale).territories.get(code, country) if code else country


def is_staff(ctx: PageContext, person: Person) -> bool:
    """Staff by the directory's word; a person only named in texts is staff when they are
    named only as a contact person."""
    if person.kind:
        return person.kind == "staff"
    return person.slug in ctx.corpus.contact_for and person.slug not in ctx.corpus.responsible


def surname_order(person: Person) -> tuple[str, str]:
    """As the Parliament lists its Members: by surname, accents and case aside."""
    return slugify(person.surname or split_name(person.name)[1]), slugify(person.name)


def render_people_index(ctx: PageContext) -> str:
    """MEPs by country (countries in the page's language, alphabetical), then by surname;
    then staff. A filter box (people.js) narrows the lists as one types."""
    t = ctx.gettext
    path = "meps/index.md"
    front = get_page_front_matter(ctx, path, t(_("People")), t(_("Responsible MEPs and contact persons.")), "website")

    def item(person: Person, details: tuple[str, ...]) -> str:
        href = get_relative_url(path, get_person_path(person.slug))
        shown = " · ".join(text(value) for value in details if value)
        shown = f' <span class="person-details">{shown}</span>' if shown else ""
        return f'<li><a href="{text(href)}">{text(person.name)}</a>{shown}</li>'

    def people_group(heading: str, anchor: str, people: list[Person], details: Callable[[Person], tuple[str, ...]]) -> str:
        # Raw HTML, not a Markdown heading: a country name from meps.yml is data.
        if heading:
            lines = [f'<section class="people-group" aria-labelledby="{anchor}">', f'<h3 id="{anchor}">{text(heading)}</h3>']
        else:
            lines = ['<section class="people-group">']
        lines.append('<ul class="people-list">')
        lines.extend(item(person, details(person)) for person in sorted(people, key=surname_order))
        lines.extend(["</ul>", "</section>"])
        return "\n".join(lines)

    staff = [person for person in ctx.corpus.people if is_staff(ctx, person)]
    by_country: dict[str, list[Person]] = {}
    for person in ctx.corpus.people:
        if not is_staff(ctx, person):
            by_country.setdefault(get_country_name(person.country, ctx.lang) if person.country else "", []).append(person)

    filter_strings = {
        "label": t(_("Find a person")),
        "hint": t(_("Name, country, group or party")),
        "count": t(_("%(shown)s of %(total)s shown")) % {"shown": "{shown}", "total": "{total}"},
    }
    data = " ".join(f'data-{key}="{text(value)}"' for key, value in filter_strings.items())
    blocks = [render_title(t(_("People"))), f'<div class="people-filter" hidden {data}></div>']
    if by_country:
        blocks.append(render_heading(t(_("Members of the European Parliament")), "meps"))
        for country in sorted(by_country, key=lambda name: (not name, slugify(name))):
            anchor = "country-" + (slugify(country) if country else "unknown")
            heading = country or t(_("Country not recorded"))
            blocks.append(people_group(heading, anchor, by_country[country], lambda person: (person.group, person.national_party)))
    if staff:
        blocks.append(render_heading(t(_("Staff")), "staff"))
        blocks.append(people_group("", "", staff, lambda person: (person.role, person.group)))
    return assemble_page(front, blocks)


def render_person_page(ctx: PageContext, person: Person) -> str:
    """A person: what is known, how to reach them, their terms, the texts they answer for."""
    t = ctx.gettext
    path = get_person_path(person.slug)
    facts = [
        (t(_("Country")), get_country_name(person.country, ctx.lang) if person.country else ""),
        (t(_("Political group")), person.group),
        (t(_("National party")), person.national_party),
        (t(_("Term")), person.term),
        (t(_("Role")), person.role),
    ]
    known = [(label, value) for label, value in facts if value]
    description = " — ".join([person.name, *(value for _label, value in known)])
    front = get_page_front_matter(ctx, path, person.name, description, "profile")
    blocks = [render_title(person.name)]
    if known:
        rows = [f"<dt>{text(label)}</dt><dd>{text(value)}</dd>" for label, value in known]
        blocks.append("\n".join(['<dl class="person-facts">', *rows, "</dl>"]))
    blocks.append(render_heading(t(_("Contact")), "contact"))
    blocks.append(render_contact(ctx, person))
    blocks.append(render_person_json_ld(ctx, person))
    if person.terms:
        blocks.append(render_heading(t(_("Groups and terms")), "terms"))
        blocks.append(render_terms(ctx, person))
    for heading, anchor, slugs in (
        (t(_("Responsible MEP for")), "responsible", ctx.corpus.responsible.get(person.slug, ())),
        (t(_("Contact person for")), "contact-for", ctx.corpus.contact_for.get(person.slug, ())),
    ):
        documents = [ctx.corpus.by_slug[slug] for slug in slugs if slug in ctx.corpus.by_slug]
        if documents:
            blocks.append(render_heading(heading, anchor))
            blocks.append(render_resolution_list(ctx, path, documents))
    return assemble_page(front, blocks)


NETWORK_NAMES = {
    "x": "X", "twitter": "Twitter", "facebook": "Facebook", "instagram": "Instagram", "linkedin": "LinkedIn",
    "youtube": "YouTube", "tiktok": "TikTok", "mastodon": "Mastodon", "bluesky": "Bluesky", "threads": "Threads",
}
"""How networks write their own names; any other key of ``social`` is shown capitalised."""


def get_network_name(network: str) -> str:
    return NETWORK_NAMES.get(network.casefold(), network.capitalize())


def get_own_accounts(person: Person) -> list[tuple[str, str]]:
    """The person's own accounts as (network, URL), by network; http(s) only."""
    return [(network, url) for network, url in sorted(person.social.items()) if url.startswith(SAFE_URL_SCHEMES)]


def render_contact(ctx: PageContext, person: Person) -> str:
    """How to reach the person: e-mail, website, own accounts, each office; the contact
    card to download and the Member's page on the Parliament's site."""
    t = ctx.gettext
    lines = []
    actions = []
    if person.reachable:
        card = text(get_vcard_path(person.slug).removeprefix(get_person_url(person.slug)))  # beside the page
        label = text(t(_("Add to contacts")))
        actions.append(f'<a class="person-vcard" href="{card}" type="text/vcard" download>{label}</a>')
    if person.ep_id:
        href = text(get_ep_member_url(person.ep_id, ctx.lang))
        label = text(t(_("Page on the European Parliament’s website")))
        actions.append(f'<a class="person-ep-page" href="{href}" rel="noopener">{label}</a>')
    if actions:
        lines.append(f'<p class="person-actions">{" · ".join(actions)}</p>')
    rows = []
    if person.email:
        rows.append((t(_("E-mail")), f'<a href="mailto:{text(person.email)}">{text(person.email)}</a>'))
    if person.website.startswith(SAFE_URL_SCHEMES):
        rows.append((t(_("Website")), f'<a href="{text(person.website)}" rel="me noopener">{text(person.website)}</a>'))
    accounts = get_own_accounts(person)
    if accounts:
        items = [f'<li><a href="{text(url)}" rel="me noopener">{text(get_network_name(network))}</a></li>' for network, url in accounts]
        rows.append((t(_("Social media")), "\n".join(['<ul class="person-social">', *items, "</ul>"])))
    if rows:
        items = [f"<dt>{text(label)}</dt><dd>{value}</dd>" for label, value in rows]
        lines.append("\n".join(['<dl class="person-contact">', *items, "</dl>"]))
    if person.offices:
        lines.append(render_offices(ctx, person))
    if not person.reachable:
        lines.append(render_paragraph(t(_("No contact details are recorded for this person.")), "no-contact"))
    return "\n".join(lines)


def render_offices(ctx: PageContext, person: Person) -> str:
    """Each office: its name, its address, its phone number as a ``tel:`` link."""
    t = ctx.gettext
    unnamed, phone_line = t(_("Office")), text(t(_("Phone: %(number)s")))
    lines = ['<div class="person-offices">']
    for number, office in enumerate(person.offices, 1):
        anchor = f"office-{number}"
        lines.append(f'<section class="person-office" aria-labelledby="{anchor}">')
        lines.append(f'<h3 id="{anchor}">{text(office.label or unnamed)}</h3>')
        if office.address:
            lines.append(f'<address>{"<br>".join(text(line) for line in office.address)}</address>')
        if office.phone:
            phone = f'<a href="tel:{text(office.dial)}">{text(office.phone)}</a>'
            lines.append(f'<p class="person-phone">{phone_line % {"number": phone}}</p>')
        lines.append("</section>")
    lines.append("</div>")
    return "\n".join(lines)


def render_person_json_ld(ctx: PageContext, person: Person) -> str:
    """The person as schema.org ``Person`` JSON-LD, for search engines and address books.

    Inside ``<script>``, ``<``, ``>`` and ``&`` are written as JSON escapes: no value can
    close the element or the raw block's comment.
    """
    data: dict = {"@context": "https://schema.org", "@type": "Person", "name": person.name}
    if person.surname:
        data["familyName"] = person.surname
    if get_job_title(ctx.gettext, person):
        data["jobTitle"] = get_job_title(ctx.gettext, person)
    if person.group:
        data["affiliation"] = {"@type": "Organization", "name": person.group}
    if person.email:
        data["email"] = person.email
    if person.offices:
        data["workLocation"] = [get_place_data(office) for office in person.offices]
    same_as = [get_ep_member_url(person.ep_id, ctx.lang)] if person.ep_id else []
    same_as += [url for _network, url in get_own_accounts(person)]
    if person.website.startswith(SAFE_URL_SCHEMES):
        data["url"] = person.website
    if same_as:
        data["sameAs"] = same_as
    quoted = json.dumps(data, ensure_ascii=False)
    quoted = quoted.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/ld+json">{quoted}</script>'


def is_member(person: Person) -> bool:
    """A Member of the European Parliament, by the directory's word or the Parliament's id."""
    return person.kind == "mep" or bool(person.ep_id)


def get_job_title(t: Callable[[str], str], person: Person) -> str:
    """What an address book shows under the name: a Member's office, else the person's role."""
    return t(_("Member of the European Parliament")) if is_member(person) else person.role


def get_place_data(office: Office) -> dict:
    """An office as a schema.org ``Place``: its name, ``PostalAddress`` and telephone."""
    place: dict = {"@type": "Place"}
    if office.label:
        place["name"] = office.label
    if office.address:
        street, postcode, locality = office.postal_parts
        address = {"@type": "PostalAddress", "streetAddress": ", ".join(street)}
        if postcode:
            address["postalCode"] = postcode
        if locality:
            address["addressLocality"] = locality
        place["address"] = address
    if office.phone:
        place["telephone"] = office.phone
    return place


def render_terms(ctx: PageContext, person: Person) -> str:
    """Each term served, newest first, with the groups and national parties of it."""
    t = ctx.gettext
    lines = ['<ul class="person-terms">']
    for term in person.terms:
        start, end = term.years
        name = t(_("Term %(number)s (%(start)s–%(end)s)")) % {"number": term.number, "start": start, "end": end}
        lists = [
            (t(_("Political groups")), term.groups),
            (t(_("National parties")), term.parties),
        ]
        rows = []
        for label, memberships in lists:
            if memberships:
                items = [f"<li>{render_membership(ctx, membership)}</li>" for membership in memberships]
                rows.append(f"<dt>{text(label)}</dt><dd><ul>{''.join(items)}</ul></dd>")
        details = f'\n<dl class="term-details">{"".join(rows)}</dl>' if rows else ""
        lines.append(f'<li><span class="term-name">{text(name)}</span>{details}</li>')
    lines.append("</ul>")
    return "\n".join(lines)


def render_membership(ctx: PageContext, membership: Membership) -> str:
    """"Group of the Greens/EFA — Member · 2 July 2019 – 28 April 2021"."""
    t = ctx.gettext
    shown = text(membership.name) + (f" — {text(membership.role)}" if membership.role else "")
    start, end = membership.start, membership.end
    if start and end:
        period = f"{ctx.date(start)} – {ctx.date(end)}"
    elif start:
        period = t(_("since %(date)s")) % {"date": ctx.date(start)}
    elif end:
        period = t(_("until %(date)s")) % {"date": ctx.date(end)}
    else:
        return shown
    return f'{shown} · <span class="membership-dates">{text(period)}</span>'


# --- the site ---------------------------------------------------------------------------


def get_page_builders(corpus: Corpus) -> dict[str, Callable[[PageContext], str]]:
    """Every page of a language (the same in each): relative path -> its builder."""
    builders: dict[str, Callable[[PageContext], str]] = {
        "index.md": render_home_page,
        "resolutions/index.md": render_resolutions_index,
        "meps/index.md": render_people_index,
    }
    for document in corpus.documents:
        builders[get_resolution_path(document.slug)] = functools.partial(render_resolution_page, document=document)
    for person in corpus.people:
        builders[get_person_path(person.slug)] = functools.partial(render_person_page, person=person)
    return builders


def render_site(corpus: Corpus, lang: str, paths: Iterable[str] | None = None) -> dict[str, str]:
    """Every page of one language (or those of ``paths``): relative path -> Markdown text."""
    ctx = PageContext(corpus, lang)
    builders = get_page_builders(corpus)
    return {path: builders[path](ctx) for path in (builders if paths is None else paths)}


def get_sitemap_pages(corpus: Corpus) -> dict[str, datetime.date | None]:
    """Every page of a language (the same in each) -> its ``lastmod``: a text's date."""
    pages: dict[str, datetime.date | None] = dict.fromkeys(("index.md", "resolutions/index.md", "meps/index.md"))
    pages.update((get_resolution_path(document.slug), document.date) for document in corpus.documents)
    pages.update((get_person_path(person.slug), None) for person in corpus.people)
    return pages
