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

Written as text rather than built as an lxml tree: the document's shape is fixed, and
building ~190 lxml elements a version with a Python call each was most of the texts'
data's time (bench/RESULTS.md). The bytes are those of lxml's ``tostring(pretty_print=True)``
(the tests compare them with golden files and validate every document against the Akoma
Ntoso schema): two spaces of indentation a level, an element holding text and elements
(a citation with links) on one line, each value escaped as libxml2 escapes it, after the
characters XML cannot hold are replaced (``generator.outputs.xml_chars``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from babel.dates import format_date

from generator.languages import get_language
from generator.link.linker import adoption_date
from generator.model import Amendment, Citation, Document, Heading, Paragraph, Point, Recital, Resolution
from generator.outputs import OutputContext
from generator.outputs.text_data import get_link_target, get_version
from generator.outputs.xml_chars import xml_text
from generator.render.strings import get_site_name
from generator.render.units import get_unit_label

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
PARLIAMENT = "/ontology/organization/eu/europeanParliament"
PUBLISHER = "/ontology/organization/publisher"


XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\n\r\t]')
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
"""As libxml2 writes them: in text ``&``, ``<``, ``>`` and a CR; in an attribute also ``"``, LF and tab."""


def _escape(match: re.Match[str]) -> str:
    return _ESCAPES[match.group()]


def escape_text(value: str) -> str:
    """``value`` as an element's text."""
    value = xml_text(value)
    return _TEXT_SPECIAL.sub(_escape, value) if _TEXT_SPECIAL.search(value) else value


def attribute(name: str, value: str) -> str:
    """`` name="value"``, the value escaped."""
    value = xml_text(value)
    if _ATTRIBUTE_SPECIAL.search(value):
        value = _ATTRIBUTE_SPECIAL.sub(_escape, value)
    return f' {name}="{value}"'


def attributes(**values: str) -> str:
    """`` name="value"`` for each (``class_`` for ``class``), in order, each value escaped."""
    return "".join(attribute(name.rstrip("_"), value) for name, value in values.items())


@cache
def get_eid_attribute(eid: str) -> str:
    """`` eId="..."``: the same few hundred ids in every text, made once."""
    return attribute("eId", eid)


class Writer:
    """The document's lines, an element a line, indented by its depth."""

    def __init__(self) -> None:
        self.parts = [XML_DECLARATION]
        self.indent = ""

    def leaf(self, tag: str, text: str = "", attrs: str = "") -> None:
        """An element of text only (or empty)."""
        if text:
            self.parts.append(f"{self.indent}<{tag}{attrs}>{escape_text(text)}</{tag}>\n")
        else:
            self.parts.append(f"{self.indent}<{tag}{attrs}/>\n")

    def open(self, tag: str, attrs: str = "") -> None:
        """An element of elements, which ``close`` ends; at least one is written between."""
        self.parts.append(f"{self.indent}<{tag}{attrs}>\n")
        self.indent += "  "

    def close(self, tag: str) -> None:
        self.indent = self.indent[:-2]
        self.parts.append(f"{self.indent}</{tag}>\n")

    def wrap(self, outer: str, outer_attrs: str, tag: str, text: str = "", attrs: str = "") -> None:
        """``<outer><tag>text</tag></outer>``, on three lines."""
        self.open(outer, outer_attrs)
        self.leaf(tag, text, attrs)
        self.close(outer)

    def line(self, xml: str) -> None:
        self.parts.append(f"{self.indent}{xml}\n")

    def get_bytes(self) -> bytes:
        return "".join(self.parts).encode("utf-8")


@cache
def get_long_date(day: datetime.date, lang: str) -> str:
    """"7 March 2012" / "7 mars 2012": as the page writes it."""
    return format_date(day, "long", locale=get_language(lang).babel_locale)


def get_work_iri(document: Document, name: str) -> str:
    """The work's IRI: ``/akn/eu/doc/<name>/<date>/<slug>`` (the slug: the text's number in this site)."""
    day = document.date or datetime.date.fromisoformat(document.slug[:10])
    return f"/akn/eu/doc/{name}/{day.isoformat()}/{document.slug}"


def open_frbr(xml: Writer, level: str, this: str, uri: str, day: str, date_name: str, author: str) -> None:
    xml.open(f"FRBR{level}")
    xml.leaf("FRBRthis", attrs=attributes(value=this))
    xml.leaf("FRBRuri", attrs=attributes(value=uri))
    xml.leaf("FRBRdate", attrs=attributes(date=day, name=date_name))
    xml.leaf("FRBRauthor", attrs=attributes(href=author))


def write_meta(xml: Writer, context: OutputContext, document: Document, version: Resolution, name: str) -> None:
    work = get_work_iri(document, name)
    expression = f"{work}/{get_language(version.lang).iso_639_2}@"
    day = (version.date or document.date or datetime.date.fromisoformat(document.slug[:10])).isoformat()
    xml.open("meta")
    xml.open("identification", attributes(source="#publisher"))
    open_frbr(xml, "Work", f"{work}/!main", work, day, name, PARLIAMENT)
    xml.leaf("FRBRcountry", attrs=attributes(value="eu"))
    if version.reference:
        xml.leaf("FRBRnumber", attrs=attributes(value=version.reference))
    xml.leaf("FRBRname", attrs=attributes(value=name))
    xml.close("FRBRWork")
    open_frbr(xml, "Expression", f"{expression}/!main", expression, day, name, PARLIAMENT)
    xml.leaf("FRBRlanguage", attrs=attributes(language=get_language(version.lang).iso_639_2))
    xml.close("FRBRExpression")
    # The manifestation is dated by its text, not by the build: the same content always
    # gives the same bytes, and a new text changes no other text's file.
    open_frbr(xml, "Manifestation", f"{expression}/!main.xml", f"{expression}.akn", day, "publication", PUBLISHER)
    xml.close("FRBRManifestation")
    xml.close("identification")
    xml.open("references", attributes(source="#publisher"))
    xml.leaf("TLCOrganization", attrs=attributes(href=PARLIAMENT, showAs="European Parliament"))
    xml.leaf("TLCOrganization", attrs=attributes(href=PUBLISHER, showAs=get_site_name(context.corpus.settings, version.lang)))
    xml.close("references")
    xml.close("meta")


def write_preface(xml: Writer, version: Resolution) -> None:
    xml.open("preface")
    xml.wrap("p", attributes(class_="title"), "docTitle", version.title)
    if version.doc_type:
        xml.wrap("p", attributes(class_="type"), "docType", version.doc_type)
    if version.reference:
        xml.wrap("p", attributes(class_="reference"), "docNumber", version.reference)
    if version.date:
        date = attributes(date=version.date.isoformat())
        xml.wrap("p", attributes(class_="date"), "docDate", get_long_date(version.date, version.lang), date)
    if version.procedure:
        xml.wrap("p", attributes(class_="procedure"), "docNumber", version.procedure)
    if version.authors:
        xml.open("p", attributes(class_="authors"))
        for author in version.authors:
            xml.leaf("docProponent", f"{author.name} ({author.group})" if author.group else author.name)
        xml.close("p")
    xml.close("preface")


def get_citation_text(context: OutputContext, document: Document, version: Resolution, citation: Citation) -> str:
    """The citation's text in a ``<p>``, each of its links a ``<ref>``: one line (text
    and elements mixed are not indented)."""
    parts = ["<p>"]
    position = 0
    text = citation.text
    for link in sorted(context.corpus.links.get((document.slug, version.lang, citation.eid), ()), key=lambda link: link.start):
        if link.start < position or not 0 <= link.start < link.end <= len(text):
            continue
        target = get_link_target(context, version.lang, link)
        if target is None:
            continue
        href = attribute("href", get_href(context, version.lang, document.slug, target))
        parts.append(f"{escape_text(text[position : link.start])}<ref{href}>{escape_text(text[link.start : link.end])}</ref>")
        position = link.end
    parts.append(f"{escape_text(text[position:])}</p>")
    return "".join(parts)


def get_href(context: OutputContext, lang: str, slug: str, target: Mapping[str, str | None]) -> str:
    """A link's target for a file beside the page of ``slug``: an official page as it
    is; a text of the site absolute where the URL is known, else relative to this file."""
    if target["slug"] is None or context.site_url:
        return str(target["url"])
    return f"../{target['slug']}/" + (f"#{target['unit']}" if target["unit"] else "")


def write_units_with_headings(
    xml: Writer,
    container: str,
    units: Iterable[Citation | Recital],
    headings: Mapping[str, list[Heading]],
    write_unit,
) -> None:
    """``<citations>`` or ``<recitals>``: a new one at each heading printed before a unit."""
    opened = False
    for unit in units:
        if not opened or unit.eid in headings:
            if opened:
                xml.close(container)
            xml.open(container)
            opened = True
            for heading in headings.get(unit.eid, ()):
                xml.leaf("heading", heading.text)
        write_unit(unit)
    if opened:
        xml.close(container)


def write_preamble(
    xml: Writer, context: OutputContext, document: Document, version: Resolution, headings: Mapping[str, list[Heading]]
) -> None:
    if not (version.preamble or version.citations or version.recitals):
        return
    xml.open("preamble")
    if version.preamble:
        xml.wrap("formula", attributes(name="enactingFormula"), "p", version.preamble)

    def write_citation(citation: Citation) -> None:
        xml.open("citation", get_eid_attribute(citation.eid))
        xml.line(get_citation_text(context, document, version, citation))
        xml.close("citation")

    def write_recital(recital: Recital) -> None:
        xml.open("recital", get_eid_attribute(recital.eid))
        xml.leaf("num", get_unit_label(recital, version.lang))
        xml.leaf("p", recital.text)
        xml.close("recital")

    write_units_with_headings(xml, "citations", version.citations, headings, write_citation)
    write_units_with_headings(xml, "recitals", version.recitals, headings, write_recital)
    xml.close("preamble")


def write_paragraph(xml: Writer, paragraph: Paragraph, lang: str) -> None:
    """A paragraph: its text (the intro of its points, when it has some), its points,
    each point of a point (``para_2__point_a__point_i``) inside its point."""
    xml.open("paragraph", get_eid_attribute(paragraph.eid))
    xml.leaf("num", get_unit_label(paragraph, lang))
    if not paragraph.points:
        xml.wrap("content", "", "p", paragraph.text)
        xml.close("paragraph")
        return
    if paragraph.text:
        xml.wrap("intro", "", "p", paragraph.text)
    # A point goes inside the last point before it whose id is its own less a level;
    # else in the paragraph.
    latest: dict[str, int] = {}
    children: dict[int, list[int]] = {}
    top = []
    for index, point in enumerate(paragraph.points):
        owner = latest.get(point.eid.rpartition("__")[0])
        if owner is None:
            top.append(index)
        else:
            children.setdefault(owner, []).append(index)
        latest[point.eid] = index
    for index in top:
        write_point(xml, paragraph.points, index, children, lang)
    xml.close("paragraph")


def write_point(xml: Writer, points: Sequence[Point], index: int, children: Mapping[int, list[int]], lang: str) -> None:
    """A point; its points go inside, after its text (which is then its intro)."""
    point = points[index]
    xml.open("point", get_eid_attribute(point.eid))
    xml.leaf("num", get_unit_label(point, lang))
    xml.wrap("intro" if index in children else "content", "", "p", point.text)
    for child in children.get(index, ()):
        write_point(xml, points, child, children, lang)
    xml.close("point")


def write_amendment(xml: Writer, amendment: Amendment) -> None:
    xml.open("hcontainer", attributes(name="amendment", eId=amendment.eid))
    xml.leaf("num", amendment.num)
    if amendment.location:
        xml.leaf("subheading", amendment.location)
    xml.open("content")
    for kind, body in (("original", amendment.original), ("amended", amendment.amended), ("justification", amendment.justification)):
        if body or kind != "justification":
            xml.wrap("blockContainer", attributes(class_=kind), "p", body)
    xml.close("content")
    xml.close("hcontainer")


def write_main_body(xml: Writer, version: Resolution, headings: Mapping[str, list[Heading]]) -> None:
    if not (version.paragraphs or version.amendments):
        xml.wrap("mainBody", "", "p")  # a text of no paragraphs still has a (required) main body
        return
    xml.open("mainBody")
    division = False
    for paragraph in version.paragraphs:
        if paragraph.eid in headings:
            if division:
                xml.close("hcontainer")
            xml.open("hcontainer", attributes(name="division"))
            division = True
            for heading in headings[paragraph.eid]:
                xml.leaf("heading", heading.text)
        write_paragraph(xml, paragraph, version.lang)
    if division:
        xml.close("hcontainer")
    for amendment in version.amendments:
        write_amendment(xml, amendment)
    xml.close("mainBody")


def get_akoma_ntoso(context: OutputContext, document: Document, lang: str) -> bytes:
    """The Akoma Ntoso document of ``document``'s version in ``lang`` (which it has)."""
    version = get_version(document, lang)
    name = "resolution" if adoption_date(document) else "motion"
    # The headings the page shows: those before a citation, a recital or a paragraph.
    headings: dict[str, list[Heading]] = {}
    for heading in version.headings:
        headings.setdefault(heading.before, []).append(heading)
    xml = Writer()
    xml.open("akomaNtoso", attributes(xmlns=AKN_NAMESPACE))
    xml.open("doc", attributes(name=name))
    write_meta(xml, context, document, version, name)
    write_preface(xml, version)
    write_preamble(xml, context, document, version, headings)
    write_main_body(xml, version, headings)
    xml.close("doc")
    xml.close("akomaNtoso")
    return xml.get_bytes()
