"""The plain data passed between pipeline stages.

Every record is a frozen dataclass: a stage reads the records of the stage before it
and builds new ones; nothing is mutated or decorated after the fact. With slots (but
``Corpus``, whose cached properties need a ``__dict__``): a corpus is millions of them,
and a ``__dict__`` each was a third of the memory they took (bench/RESULTS.md).

    read   -> RawText
    parse  -> Resolution
    link   -> Corpus (Documents, People, CitationLinks, Problems)
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from generator.errors import GeneratorError
from generator.languages import LANGUAGES
from generator.urls import EP_DOCUMENT_PAGE, EP_DOCUMENT_PDF, EP_PROCEDURE_FILE, get_official_url, get_procedure_url


@dataclass(frozen=True, slots=True)
class RawText:
    """One raw text as read from ``content/``, decoded, before parsing."""

    path: str
    """The file's path as given (used in every message about it)."""
    lang: str
    """Language code, ``en`` or ``fr``."""
    text: str
    """The decoded text: BOM removed, line ends normalised to ``\\n``."""


@dataclass(frozen=True, slots=True)
class Point:
    """A lettered or numbered point of an operative paragraph: ``(a) to extend ...``."""

    eid: str
    """Akoma Ntoso id, e.g. ``para_2__point_a``."""
    num: str
    """The label without punctuation: ``a``, ``iv``."""
    text: str
    """The text without its label, whitespace normalised."""
    line: int
    """1-based line of the source where the point starts."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A "having regard to ..." / "vu ..." item."""

    eid: str
    """``cit_1``, ``cit_2`` ... in order of appearance."""
    text: str
    """The text without its bullet, whitespace normalised."""
    line: int
    """1-based line of the source where the citation starts."""


@dataclass(frozen=True, slots=True)
class Recital:
    """A "whereas ..." / "considérant que ..." item labelled ``A.`` ... ``Z.``, ``AA.`` ..."""

    eid: str
    """``rec_A`` ... ``rec_AA``."""
    num: str
    """The label without its dot: ``A``, ``AA``."""
    text: str
    """The text without its label, whitespace normalised."""
    line: int
    """1-based line of the source where the recital starts."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """An operative paragraph ``7. Calls for ...`` and its points."""

    eid: str
    """``para_7``."""
    num: str
    """The label without its dot: ``7``."""
    text: str
    """The paragraph's own text (before its first point), whitespace normalised."""
    line: int
    """1-based line of the source where the paragraph starts."""
    points: tuple[Point, ...] = ()
    """The paragraph's points, in order."""


@dataclass(frozen=True, slots=True)
class Amendment:
    """An amendment of a report or a text adopted: a table of the text amended ("Text
    proposed by the Commission", "Present text") beside the amendment."""

    eid: str
    """``amdt_1``, ``amdt_2`` ... by the printed number."""
    num: str
    """The printed number: ``1``."""
    location: str
    """What it amends, as printed under its number ("Proposal for a regulation Recital 3"), or ""."""
    original: str
    """The first column: the text amended, whitespace normalised ("" for an addition)."""
    amended: str
    """The second column: the text as amended ("" for a deletion)."""
    line: int
    """1-based line of the source where the amendment starts ("Amendment 1")."""
    justification: str = ""
    """The justification printed under the table, or ""."""

    @property
    def text(self) -> str:
        """Both columns, for what reads every unit's text (search)."""
        return " ".join(part for part in (self.original, self.amended) if part)


Unit = Citation | Recital | Paragraph | Point | Amendment
"""Anything with an id that a permalink can point at."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading printed among the units ("General remarks", "I. ECONOMIC GROWTH"): kept,
    with the unit it stands before."""

    text: str
    line: int
    before: str
    """The id of the unit it stands before ("" after the last unit)."""


@dataclass(frozen=True, slots=True)
class Author:
    """A person who tabled or drafted the text, as the page names them: "X, Y on behalf of
    the PPE Group", a report's rapporteur, the Greens/EFA page's responsible MEPs."""

    name: str
    """The name as printed, whitespace normalised, non-breaking hyphens as hyphens."""
    group: str | None
    """The political group the page gives for the name ("PPE", "Verts/ALE"), or None."""
    line: int
    """1-based line of the source where the name stands."""


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person named in a text: a responsible MEP or a contact person."""

    name: str
    """The name as printed, whitespace normalised (may be "SCHULZ Werner")."""
    role: str
    """The role line printed under the name ("Member", "Advisor on Foreign Affairs"), or ""."""
    line: int
    """1-based line of the source where the name stands."""


@dataclass(frozen=True, slots=True)
class SkippedLine:
    """A line of a text's body, before its last unit, that no recognizer claimed and no
    unit took: left out of the text, and an error of ``check`` (it may be words of the
    resolution)."""

    line: int
    """1-based line number in the source."""
    text: str
    """The line, links stripped and whitespace normalised."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """One language version of one text, as parsed from its raw text. No I/O, no links."""

    path: str
    """The source file, for messages."""
    lang: str
    """``en`` or ``fr``."""
    title: str
    """The title line ("Kazakhstan")."""
    date: datetime.date | None
    """The publication date, when the page gives one."""
    doc_type: str
    """What stands between the title and the opening formula ("Greens/EFA motion for a resolution")."""
    preamble: str
    """The opening formula ("The European Parliament," / "Le Parlement européen,"), or ""."""
    citations: tuple[Citation, ...] = ()
    recitals: tuple[Recital, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    meps: tuple[PersonRef, ...] = ()
    """Responsible MEPs (the page's list of them), in the order printed."""
    contacts: tuple[PersonRef, ...] = ()
    """Contact persons, in the order printed."""
    reference: str = ""
    """The text's own document number as printed ("B7-0261/2009", "P7_TA(2014)0206"), or ""."""
    procedure: str = ""
    """The procedure number ("2013/2169(INI)"), or ""."""
    authors: tuple[Author, ...] = ()
    """Who tabled or drafted the text, in page order."""
    amendments: tuple[Amendment, ...] = ()
    """The amendments after the paragraphs (a report's, a text adopted's), in order."""
    headings: tuple[Heading, ...] = ()
    """Headings printed among the units, in order."""
    layout: str = ""
    """The source page layout that was recognised (``generator.parse.layouts``)."""

    def units(self) -> Iterator[Unit]:
        """Every unit in document order, points right after their paragraph."""
        yield from self.citations
        yield from self.recitals
        for paragraph in self.paragraphs:
            yield paragraph
            yield from paragraph.points
        yield from self.amendments

    def responsible_meps(self) -> tuple[PersonRef, ...]:
        """The MEPs responsible for the text: the page's list of them, or where it has
        none (the Parliament's own pages), the authors."""
        if self.meps:
            return self.meps
        return tuple(PersonRef(name=a.name, role=a.group or "", line=a.line) for a in self.authors)

    def eids(self) -> tuple[str, ...]:
        """The ids of all units, in document order."""
        return tuple(unit.eid for unit in self.units())

    def to_json(self) -> dict:
        """The ``parse --json`` object of DESIGN.md section 5 (plus ``preamble`` and ``headings``).

        ``meps`` lists :meth:`responsible_meps`: on a Parliament page, the authors (role:
        their group)."""

        def person(ref: PersonRef) -> dict:
            return {"name": ref.name, "role": ref.role}

        return {
            "lang": self.lang,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "doc_type": self.doc_type,
            "preamble": self.preamble,
            "citations": [{"eid": c.eid, "text": c.text} for c in self.citations],
            "recitals": [{"eid": r.eid, "num": r.num, "text": r.text} for r in self.recitals],
            "paragraphs": [
                {
                    "eid": p.eid,
                    "num": p.num,
                    "text": p.text,
                    "points": [{"eid": q.eid, "num": q.num, "text": q.text} for q in p.points],
                }
                for p in self.paragraphs
            ],
            "meps": [person(m) for m in self.responsible_meps()],
            "contacts": [person(c) for c in self.contacts],
            "reference": self.reference or None,
            "procedure": self.procedure or None,
            "authors": [{"name": a.name, "group": a.group} for a in self.authors],
            "amendments": [
                {"eid": a.eid, "num": a.num, "location": a.location, "original": a.original, "amended": a.amended,
                 "justification": a.justification}
                for a in self.amendments
            ],
            "headings": [{"text": h.text, "before": h.before} for h in self.headings],
            "layout": self.layout,
        }


@dataclass(frozen=True, slots=True)
class Meta:
    """What ``meta.yml`` says of a text; every key optional."""

    reference: str = ""
    """E.g. ``B7-0143/2012``."""
    procedure: str = ""
    """E.g. ``2012/2554(RSP)``."""
    adopted: datetime.date | None = None
    """Date of adoption by the Parliament, where the text is an adopted resolution."""
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    """Other slugs this text was published under."""
    unofficial: tuple[str, ...] = ()
    """Languages whose version is an unofficial translation (``unofficial_translations: [fr]``)."""
    title: Mapping[str, str] = field(default_factory=dict)
    """Language code -> the title, where the page gives a wrong one (``title:`` one for
    every language, or one per language)."""
    date: datetime.date | None = None
    """The text's date, where the page gives a wrong one or none."""
    doc_type: Mapping[str, str] = field(default_factory=dict)
    """Language code -> the document type, where the page gives a wrong one."""
    source: Mapping[str, str] = field(default_factory=dict)
    """Language -> the address of the page that version was imported from (``import``)."""

    def correct(self, version: Resolution) -> Resolution:
        """``version`` with what this meta.yml says instead of what its page says: title,
        date, type, reference, procedure."""
        changes: dict[str, Any] = {
            "title": self.title.get(version.lang),
            "date": self.date,
            "doc_type": self.doc_type.get(version.lang),
            "reference": self.reference,
            "procedure": self.procedure,
        }
        changes = {name: value for name, value in changes.items() if value and value != getattr(version, name)}
        return dataclasses.replace(version, **changes) if changes else version


@dataclass(frozen=True, slots=True)
class Document:
    """One text of the corpus in all the languages it exists in."""

    slug: str
    """``YYYY-MM-DD-title-words``: the permanent identifier, part of every URL."""
    versions: Mapping[str, Resolution]
    """Language code -> parsed version; at least one."""
    meta: Meta = field(default_factory=Meta)

    def version(self, lang: str) -> Resolution:
        """The version in ``lang``, or else the first one that exists (for a missing language)."""
        if lang in self.versions:
            return self.versions[lang]
        return next(self.versions[code] for code in LANGUAGES if code in self.versions)

    @property
    def date(self) -> datetime.date | None:
        return next((v.date for v in map(self.version, LANGUAGES) if v.date), None)


@dataclass(frozen=True, slots=True)
class Reference:
    """An entry of ``references.yml``: a text cited by texts of the corpus but not in it."""

    date: datetime.date
    """The date citations name it by ("its resolution of 15 December 2011")."""
    title: Mapping[str, str] = field(default_factory=dict)
    """Title by language, for a link's title attribute and to tell apart two of a day."""
    url: Mapping[str, str] = field(default_factory=dict)
    """Its official page by language (http or https)."""


POSTAL_LINE_RE = re.compile(r"^((?:[A-Z]{1,2}-)?\d{4,5})\s+(\S.*)$")
"""The last line of a continental European address: postcode (with the country's letter,
as the Parliament prints it: "B-1047", "F-67070") and locality."""


@dataclass(frozen=True, slots=True)
class Office:
    """A place where a person can be reached: an office of a Member in Brussels or
    Strasbourg, or whatever ``meps.yml`` gives."""

    label: str = ""
    """Where it is, as the source names it ("Brussels", "Strasbourg"), or ""."""
    address: tuple[str, ...] = ()
    """The postal address, a line an item, as printed."""
    phone: str = ""
    """The office's phone number, in international form where known ("+32 2 28 45975")."""

    @property
    def dial(self) -> str:
        """The phone number for a ``tel:`` URI (RFC 3966): its digits and leading ``+``."""
        return "".join(c for c in self.phone if c.isdigit() or c == "+")

    @property
    def postal_parts(self) -> tuple[tuple[str, ...], str, str]:
        """(street lines, postcode, locality): the address split for address books, where
        its last line reads as "postcode locality"; else every line is a street line."""
        if self.address:
            found = POSTAL_LINE_RE.match(self.address[-1])
            if found:
                return self.address[:-1], found[1], found[2]
        return self.address, "", ""


@dataclass(frozen=True, slots=True)
class Membership:
    """A period in a political group or a national party, as the Parliament lists it."""

    name: str
    """The group or party as printed ("Group of the Greens/European Free Alliance")."""
    start: datetime.date | None = None
    end: datetime.date | None = None
    """None while it lasts (or where not given)."""
    role: str = ""
    """The role held in it ("Chair", "Member"), or ""."""


TERM_YEARS = 5
FIRST_TERM_YEAR = 1979


@dataclass(frozen=True, slots=True)
class Term:
    """A parliamentary term a Member served in: its number and what the Member belonged to."""

    number: int
    """1 for 1979-1984 ... 10 for 2024-2029."""
    groups: tuple[Membership, ...] = ()
    """Political groups, in the order of their start."""
    parties: tuple[Membership, ...] = ()
    """National parties, in the order of their start."""

    @property
    def years(self) -> tuple[int, int]:
        """The years the term began and ended: elections every five years since 1979."""
        start = FIRST_TERM_YEAR + TERM_YEARS * (self.number - 1)
        return start, start + TERM_YEARS


@dataclass(frozen=True, slots=True)
class Person:
    """An entry of ``meps.yml``, or a person named in a text and in no directory entry."""

    slug: str
    """URL slug: lowercase ASCII words joined by hyphens (``barbara-lochbihler``)."""
    name: str
    """Display name, "Firstname Lastname"."""
    kind: str = ""
    """``mep`` or ``staff`` (or "" when unknown)."""
    surname: str = ""
    """The part of ``name`` lists sort by ("López Aguilar", "van den Berg")."""
    country: str = ""
    national_party: str = ""
    group: str = ""
    term: str = ""
    """Free text ("2009-2019"); ``terms`` has the Parliament's record."""
    role: str = ""
    email: str = ""
    offices: tuple[Office, ...] = ()
    website: str = ""
    """The person's own website."""
    ep_id: str = ""
    """The Parliament's number for a Member (``256810``): their page on its site."""
    social: Mapping[str, str] = field(default_factory=dict)
    """The person's own accounts by network name (``x``, ``mastodon`` ...)."""
    terms: tuple[Term, ...] = ()
    """Parliamentary terms served, newest first."""
    in_directory: bool = True
    """False for a person only named in texts."""

    @property
    def reachable(self) -> bool:
        """Whether anything says how to reach the person (then they have a contact card)."""
        return bool(self.email or self.offices or self.website or self.social)


@dataclass(frozen=True, slots=True)
class CitationLink:
    """A date phrase inside a citation that points at a cited text."""

    start: int
    """Offset of the phrase in the citation's ``text`` (same language version)."""
    end: int
    """End offset (exclusive)."""
    slug: str = ""
    """Target inside the corpus, or "" for an external reference."""
    eid: str = ""
    """Target unit inside that text ("" for the whole text)."""
    url: Mapping[str, str] = field(default_factory=dict)
    """External target, language code -> URL (used when ``slug`` is "")."""
    title: Mapping[str, str] = field(default_factory=dict)
    """External target's title by language, for the link's title attribute."""


class Severity(enum.Enum):
    """How much a diagnostic matters: an error fails ``check`` (and stops a build where it
    is about input); a warning fails only ``check --strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something ``check`` reports about the content: one line naming file, line and unit."""

    path: str
    """The file it is about."""
    message: str
    severity: Severity = Severity.WARNING
    line: int | None = None
    """1-based line in ``path``, where known."""
    eid: str = ""
    """The unit it is about ("cit_3"), or ""."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.eid:
            where = f"{where}: {self.eid}"
        return f"{where}: {self.severity.value}: {self.message}"


@dataclass(frozen=True, slots=True)
class SiteAsset:
    """A file of the content folder that the site shows as it is: the logo, the favicon."""

    name: str
    """The name the site publishes it under ("logo.svg")."""
    path: str
    """Where it is in the content folder, as ``site.yml`` names it ("images/ngo.svg")."""
    data: bytes


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """What ``site.yml`` says of the site as a whole (README, "Your own site"); every key
    optional, the defaults being the bundled site's."""

    name: Mapping[str, str] = field(default_factory=dict)
    """Language -> the site's name; a language not given has the catalog's
    ("Parliamentary resolutions")."""
    description: Mapping[str, str] = field(default_factory=dict)
    """Language -> the line under the name on the home page (and the feeds' subtitle)."""
    url: str = ""
    """Where the site is deployed ("https://example.org/resolutions/"), or ""; the
    SITE_URL environment variable wins over it (``get_site_url``)."""
    logo: SiteAsset | None = None
    """The header's logo; None: Material's icon."""
    favicon: SiteAsset | None = None
    """The browser tab's icon; None: Material's."""
    footer: Mapping[str, str] = field(default_factory=dict)
    """Language -> a notice at the foot of every page (plain text), or none."""
    official_page: str = EP_DOCUMENT_PAGE
    """URL pattern of a text's official page (``generator.urls.get_official_url``); "": none."""
    official_pdf: str = EP_DOCUMENT_PDF
    """URL pattern of a text's official PDF; "": none."""
    procedure_file: str = EP_PROCEDURE_FILE
    """URL pattern of a procedure's file (``generator.urls.get_procedure_url``); "": none."""

    def get_site_url(self, environment: Mapping[str, str]) -> str:
        """The deployed site's URL: ``SITE_URL`` in ``environment`` where it is set and not
        empty (a build for another address, a preview, needs no edit of the content),
        else ``url``; "" when neither says."""
        return environment.get("SITE_URL", "").strip() or self.url

    def get_sources(self, reference: str, procedure: str, lang: str) -> dict[str, str]:
        """A text's official page and PDF (by its number, ``reference``) and its
        procedure's file, in ``lang``: "page", "pdf", "procedure" -> URL, "" where a
        pattern is off or the text has nothing to fill it with. Its page links them
        and its data lists them."""
        return {
            "page": get_official_url(self.official_page, reference, lang),
            "pdf": get_official_url(self.official_pdf, reference, lang),
            "procedure": get_procedure_url(self.procedure_file, procedure, lang),
        }


@dataclass(frozen=True, slots=True)
class Content:
    """Everything read from a content directory, before linking."""

    documents: tuple[Document, ...]
    """By slug."""
    directory: tuple[Person, ...] = ()
    """The people of ``meps.yml``, in the file's order (without slugs: the link stage gives them)."""
    references: tuple[Reference, ...] = ()
    """The entries of ``references.yml``."""
    failures: tuple[GeneratorError, ...] = ()
    """Texts and badly named folders left out under ``keep_going``."""
    digests: Mapping[str, str] = field(default_factory=dict)
    """Slug -> digest of the document's versions and meta: what its pages depend on, of
    the document itself (incremental builds)."""
    skipped_lines: Mapping[str, tuple[SkippedLine, ...]] = field(default_factory=dict)
    """Text path -> body lines the parser read as no unit nor page furniture."""
    settings: SiteSettings = field(default_factory=SiteSettings)
    """What ``site.yml`` says."""


@dataclass(frozen=True)
class Corpus:
    """Everything the renderer needs: texts, people, and the links between them."""

    documents: tuple[Document, ...]
    """Newest first, then by slug."""
    people: tuple[Person, ...]
    """By slug."""
    links: Mapping[tuple[str, str, str], tuple[CitationLink, ...]] = field(default_factory=dict)
    """(slug, lang, citation eid) -> the links inside that citation's text."""
    cited_by: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """Slug -> (citing slug, citation eid) pairs."""
    responsible: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Person slug -> slugs of the texts they are a responsible MEP of, newest first."""
    contact_for: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Person slug -> slugs of the texts they are the contact person of, newest first."""
    person_slugs: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(text slug, name as printed) -> person slug."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """What linking could not do (unresolved citations, unmatched people)."""
    settings: SiteSettings = field(default_factory=SiteSettings)
    """The site's settings (``site.yml``): its name, logo, URL, the patterns of official URLs."""

    @cached_property
    def by_slug(self) -> Mapping[str, Document]:
        """Slug -> document (aliases not included)."""
        return {d.slug: d for d in self.documents}

    @cached_property
    def people_by_slug(self) -> Mapping[str, Person]:
        return {p.slug: p for p in self.people}
