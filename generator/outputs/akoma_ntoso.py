"""Each text as an Akoma Ntoso 3.0 document, beside its page: ``/<lang>/resolutions/<slug>/akn.xml``.

Akoma Ntoso (OASIS LegalDocML) is the XML of parliaments' texts; legislation.gov.uk and
the Parliament's own services publish it. A resolution is a ``<doc name="resolution">``
(a text the Parliament adopted; anything else, motions and reports, is a ``motion``),
made of:

- ``<meta>``: FRBR identification: the work (the text, whatever its language), the
  expression (this language's version) and the manifestation (this file), named by AKN's
  naming convention (``/akn/eu/doc/resolution/2012-03-07/<slug>/eng@/!main.xml``);
- ``<preface>``: title, document type, number, date, procedure and authors, as printed;
- ``<preamble>``: the opening formula, the citations and the recitals (a heading printed
  among them opens a new ``<citations>`` or ``<recitals>`` with that heading);
- ``<mainBody>``: the paragraphs with their points (a point of a point inside it), the
  paragraphs under a printed heading in an ``<hcontainer name="division">``, then the
  amendments, each an ``<hcontainer name="amendment">`` of the text amended and the text
  as amended.

Every unit's ``eId`` is its id on the page (``cit_1``, ``rec_C``, ``para_2__point_a``,
``amdt_1``), and no other element has one, so an ``eId`` of this file is always a
permalink of the page. That is why the agents of ``<identification>`` (the publisher,
the Parliament) are named by their ontology IRIs in ``<references>`` without an eId of
their own. A citation's links are ``<ref href>`` to the page (at the unit) of the cited
text, or to its official page: absolute where the build knows the site's URL, else
relative to this file.

Made with lxml, which escapes every value; the characters XML cannot hold are replaced
first (``generator.outputs.xml_chars``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from functools import cache

from babel.dates import format_date
from lxml import etree

from generator.languages import get_language
from generator.link.linker import adoption_date
from generator.model import Amendment, Citation, Document, Heading, Paragraph, Point, Recital, Resolution
from generator.outputs import OutputContext
from generator.outputs.text_data import get_link_target, get_version
from generator.outputs.xml_chars import xml_text
from generator.render.strings import get_site_name
from generator.render.units import get_unit_label

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = f"{{{AKN_NAMESPACE}}}"
PARLIAMENT = "/ontology/organization/eu/europeanParliament"
PUBLISHER = "/ontology/organization/publisher"


TAGS: dict[str, str] = {}
"""Element name -> its qualified name (``{namespace}name``), made once."""


def add(parent: etree._Element, tag: str, text: str = "", **attributes: str) -> etree._Element:
    """A child element ``tag`` of ``parent``, with ``text`` and ``attributes`` (``class_``
    for ``class``), each value made XML text."""
    qualified = TAGS.get(tag) or TAGS.setdefault(tag, A + tag)
    if attributes:
        element = etree.SubElement(parent, qualified, {name.rstrip("_"): xml_text(value) for name, value in attributes.items()})
    else:
        element = etree.SubElement(parent, qualified)
    if text:
        element.text = xml_text(text)
    return element


@cache
def get_long_date(day: datetime.date, lang: str) -> str:
    """"7 March 2012" / "7 mars 2012": as the page writes it."""
    return format_date(day, "long", locale=get_language(lang).babel_locale)


def get_work_iri(document: Document, name: str) -> str:
    """The work's IRI: ``/akn/eu/doc/<name>/<date>/<slug>`` (the slug: the text's number in this site)."""
    day = document.date or datetime.date.fromisoformat(document.slug[:10])
    return f"/akn/eu/doc/{name}/{day.isoformat()}/{document.slug}"


def add_frbr(parent: etree._Element, level: str, this: str, uri: str, day: str, date_name: str, author: str) -> etree._Element:
    element = add(parent, f"FRBR{level}")
    add(element, "FRBRthis", value=this)
    add(element, "FRBRuri", value=uri)
    add(element, "FRBRdate", date=day, name=date_name)
    add(element, "FRBRauthor", href=author)
    return element


def add_meta(doc: etree._Element, context: OutputContext, document: Document, version: Resolution, name: str) -> None:
    work = get_work_iri(document, name)
    expression = f"{work}/{get_language(version.lang).iso_639_2}@"
    day = (version.date or document.date or datetime.date.fromisoformat(document.slug[:10])).isoformat()
    meta = add(doc, "meta")
    identification = add(meta, "identification", source="#publisher")
    frbr_work = add_frbr(identification, "Work", f"{work}/!main", work, day, name, PARLIAMENT)
    add(frbr_work, "FRBRcountry", value="eu")
    if version.reference:
        add(frbr_work, "FRBRnumber", value=version.reference)
    add(frbr_work, "FRBRname", value=name)
    frbr_expression = add_frbr(identification, "Expression", f"{expression}/!main", expression, day, name, PARLIAMENT)
    add(frbr_expression, "FRBRlanguage", language=get_language(version.lang).iso_639_2)
    # The manifestation is dated by its text, not by the build: the same content always
    # gives the same bytes, and a new text changes no other text's file.
    add_frbr(identification, "Manifestation", f"{expression}/!main.xml", f"{expression}.akn", day, "publication", PUBLISHER)
    references = add(meta, "references", source="#publisher")
    add(references, "TLCOrganization", href=PARLIAMENT, showAs="European Parliament")
    add(references, "TLCOrganization", href=PUBLISHER, showAs=get_site_name(context.corpus.settings, version.lang))


def add_preface(doc: etree._Element, version: Resolution) -> None:
    preface = add(doc, "preface")
    add(add(preface, "p", class_="title"), "docTitle", version.title)
    if version.doc_type:
        add(add(preface, "p", class_="type"), "docType", version.doc_type)
    if version.reference:
        add(add(preface, "p", class_="reference"), "docNumber", version.reference)
    if version.date:
        add(add(preface, "p", class_="date"), "docDate", get_long_date(version.date, version.lang), date=version.date.isoformat())
    if version.procedure:
        add(add(preface, "p", class_="procedure"), "docNumber", version.procedure)
    if version.authors:
        authors = add(preface, "p", class_="authors")
        for author in version.authors:
            add(authors, "docProponent", f"{author.name} ({author.group})" if author.group else author.name)


def add_citation_text(parent: etree._Element, context: OutputContext, document: Document, version: Resolution, citation: Citation) -> None:
    """The citation's text in a ``<p>``, each of its links a ``<ref>``."""
    paragraph = add(parent, "p")
    last: etree._Element | None = None
    position = 0
    text = citation.text
    for link in sorted(context.corpus.links.get((document.slug, version.lang, citation.eid), ()), key=lambda link: link.start):
        if link.start < position or not 0 <= link.start < link.end <= len(text):
            continue
        target = get_link_target(context, version.lang, link)
        if target is None:
            continue
        before = xml_text(text[position : link.start])
        if last is None:
            paragraph.text = before
        else:
            last.tail = before
        last = add(paragraph, "ref", text[link.start : link.end], href=get_href(context, version.lang, document.slug, target))
        position = link.end
    rest = xml_text(text[position:])
    if last is None:
        paragraph.text = rest
    else:
        last.tail = rest


def get_href(context: OutputContext, lang: str, slug: str, target: Mapping[str, str | None]) -> str:
    """A link's target for a file beside the page of ``slug``: an official page as it
    is; a text of the site absolute where the URL is known, else relative to this file."""
    if target["slug"] is None or context.site_url:
        return str(target["url"])
    return f"../{target['slug']}/" + (f"#{target['unit']}" if target["unit"] else "")


def add_units_with_headings(
    parent: etree._Element,
    container: str,
    units: Iterable[Citation | Recital],
    headings: Mapping[str, list[Heading]],
    add_unit,
) -> None:
    """``<citations>`` or ``<recitals>``: a new one at each heading printed before a unit."""
    current: etree._Element | None = None
    for unit in units:
        if current is None or unit.eid in headings:
            current = add(parent, container)
            for heading in headings.get(unit.eid, ()):
                add(current, "heading", heading.text)
        add_unit(current, unit)


def add_preamble(
    doc: etree._Element, context: OutputContext, document: Document, version: Resolution, headings: Mapping[str, list[Heading]]
) -> None:
    if not (version.preamble or version.citations or version.recitals):
        return
    preamble = add(doc, "preamble")
    if version.preamble:
        add(add(preamble, "formula", name="enactingFormula"), "p", version.preamble)

    def add_citation(container: etree._Element, citation: Citation) -> None:
        add_citation_text(add(container, "citation", eId=citation.eid), context, document, version, citation)

    def add_recital(container: etree._Element, recital: Recital) -> None:
        element = add(container, "recital", eId=recital.eid)
        add(element, "num", get_unit_label(recital, version.lang))
        add(element, "p", recital.text)

    add_units_with_headings(preamble, "citations", version.citations, headings, add_citation)
    add_units_with_headings(preamble, "recitals", version.recitals, headings, add_recital)


def add_paragraph(parent: etree._Element, paragraph: Paragraph, lang: str) -> None:
    """A paragraph: its text (the intro of its points, when it has some), its points,
    each point of a point (``para_2__point_a__point_i``) inside its point."""
    element = add(parent, "paragraph", eId=paragraph.eid)
    add(element, "num", get_unit_label(paragraph, lang))
    if not paragraph.points:
        add(add(element, "content"), "p", paragraph.text)
        return
    if paragraph.text:
        add(add(element, "intro"), "p", paragraph.text)
    points: dict[str, etree._Element] = {}
    for point in paragraph.points:
        owner = points.get(point.eid.rpartition("__")[0], element)
        points[point.eid] = add_point(owner, point, lang)


def add_point(parent: etree._Element, point: Point, lang: str) -> etree._Element:
    """A point; a point of it goes inside, after its text (which is then its intro)."""
    if len(parent) and parent[-1].tag == A + "content" and parent.tag == A + "point":
        parent[-1].tag = A + "intro"  # the text of a point that turns out to have points
    element = add(parent, "point", eId=point.eid)
    add(element, "num", get_unit_label(point, lang))
    add(add(element, "content"), "p", point.text)
    return element


def add_amendment(parent: etree._Element, amendment: Amendment) -> None:
    element = add(parent, "hcontainer", name="amendment", eId=amendment.eid)
    add(element, "num", amendment.num)
    if amendment.location:
        add(element, "subheading", amendment.location)
    content = add(element, "content")
    for kind, body in (("original", amendment.original), ("amended", amendment.amended), ("justification", amendment.justification)):
        if body or kind != "justification":
            add(add(content, "blockContainer", class_=kind), "p", body)


def add_main_body(doc: etree._Element, version: Resolution, headings: Mapping[str, list[Heading]]) -> None:
    body = add(doc, "mainBody")
    parent = body
    for paragraph in version.paragraphs:
        if paragraph.eid in headings:
            parent = add(body, "hcontainer", name="division")
            for heading in headings[paragraph.eid]:
                add(parent, "heading", heading.text)
        add_paragraph(parent, paragraph, version.lang)
    for amendment in version.amendments:
        add_amendment(body, amendment)
    if not len(body):
        add(body, "p")  # a text of no paragraphs still has a (required) main body


def get_akoma_ntoso(context: OutputContext, document: Document, lang: str) -> bytes:
    """The Akoma Ntoso document of ``document``'s version in ``lang`` (which it has)."""
    version = get_version(document, lang)
    name = "resolution" if adoption_date(document) else "motion"
    # The headings the page shows: those before a citation, a recital or a paragraph.
    headings: dict[str, list[Heading]] = {}
    for heading in version.headings:
        headings.setdefault(heading.before, []).append(heading)
    root = etree.Element(A + "akomaNtoso", nsmap={None: AKN_NAMESPACE})
    doc = add(root, "doc", name=name)
    add_meta(doc, context, document, version, name)
    add_preface(doc, version)
    add_preamble(doc, context, document, version, headings)
    add_main_body(doc, version, headings)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
