"""What the headers of the Parliament's, EUR-Lex's and the groups' pages print about a text,
read from one line at a time: dates, document numbers, procedure numbers, type headings,
resolution headings, authors. Shared by the layouts (``generator.parse.layouts``), each of
which knows where on its page to look. Every pattern takes the words of every language
(``generator.parse.lang``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import Author
from generator.parse.lang import Grammar, get_grammars
from generator.parse.recognizers import SourceLine

_GRAMMARS = get_grammars()


def alternation(words: Iterable[str]) -> str:
    """A regular expression alternation of ``words``, longest first (so that "Rapporteurs"
    is tried before "Rapporteur")."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


# --------------------------------------------------------------------------- dates

_MONTHS: dict[str, int] = {name: number for g in _GRAMMARS for number, name in enumerate(g.months, start=1)}
_MONTH_NAMES = alternation(_MONTHS)
_WEEKDAYS = alternation(day for g in _GRAMMARS for day in g.weekdays)
_FIRST_DAYS = alternation(g.first_day for g in _GRAMMARS if g.first_day)
_DAY = rf"(?:{_FIRST_DAYS}|\d{{1,2}})" if _FIRST_DAYS else r"\d{1,2}"

_LONG_DATE = rf"(?P<day>{_DAY})\s+(?P<month>{_MONTH_NAMES})\s+(?P<year>\d{{4}})"
_LONG_DATE_RE = re.compile(rf"\b{_LONG_DATE}\b", re.IGNORECASE)
# "Tuesday, 11 March 2014 - Strasbourg Final edition", "Jeudi 19 décembre 2019 - Strasbourg",
# EUR-Lex's "Wednesday 11 May 2011": the date of a sitting, atop a text adopted.
_SITTING_DATE = re.compile(rf"^(?:{_WEEKDAYS}),?\s+{_LONG_DATE}(?:\s*[-–]\s*\S.*)?$", re.IGNORECASE)
# A motion's or report's date: "4.3.2015 - (2015/2572(RSP))", "6.7.2020", "17 December 2003".
_TABLING_DATE = re.compile(
    rf"^(?:(?P<nday>\d{{1,2}})\.(?P<nmonth>\d{{1,2}})\.(?P<nyear>\d{{4}})|{_LONG_DATE})(?:\s*[-–]\s*\(.*)?$", re.IGNORECASE
)
# EUR-Lex's "Date of document: 30/09/2021".
_SLASHED_DATE = re.compile(r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})$")


def to_date(day: int, month: int, year: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _long_date(found: re.Match[str]) -> datetime.date | None:
    day = found["day"]
    return to_date(1 if not day.isdigit() else int(day), _MONTHS[found["month"].casefold()], int(found["year"]))


def find_long_date(text: str) -> datetime.date | None:
    """The first date written out in ``text`` ("11 March 2014", "1er mars 2011")."""
    found = _LONG_DATE_RE.search(text)
    return _long_date(found) if found else None


def match_sitting_date(text: str) -> datetime.date | None:
    found = _SITTING_DATE.match(text)
    return _long_date(found) if found else None


def match_tabling_date(text: str) -> tuple[int, int, int] | datetime.date | None:
    """A motion's date line: (day, month, year) as printed when in figures (not
    validated: the caller reports an impossible one), else the date."""
    found = _TABLING_DATE.match(text)
    if not found:
        return None
    if found["nday"]:
        return int(found["nday"]), int(found["nmonth"]), int(found["nyear"])
    return _long_date(found)


def match_slashed_date(text: str) -> datetime.date | None:
    found = _SLASHED_DATE.match(text)
    return to_date(int(found["day"]), int(found["month"]), int(found["year"])) if found else None


# --------------------------------------------------------------------------- numbers

# The Parliament's document numbers as printed: "B7-0261/2009", "RC-B9-0246/2019",
# "A9-0163/2024" (a non-breaking hyphen for the hyphen, often), a text adopted's
# "P7_TA(2014)0206" or "P8_TA-PROV(2018)0383", EUR-Lex's "P9_A(2021)0270".
_HYPHEN = "[-\u2010\u2011]"
SESSION_DOCUMENT = rf"(?:RC{_HYPHEN})?[AB]\d{{1,2}}{_HYPHEN}\d{{4}}/\d{{4}}(?:/REV\d*)?"
_NUMBERED_DOCUMENT = r"P\d{1,2}_(?:TA(?:-PROV)?|A|B)\(\d{4}\)\d{4}"
REFERENCE = rf"(?:{SESSION_DOCUMENT}|{_NUMBERED_DOCUMENT})"
_REFERENCE_LINE = re.compile(rf"^(?P<reference>{REFERENCE})(?P<rest>.*)$")
_TEXT_ADOPTED = re.compile(rf"^(?P<reference>P\d{{1,2}}_TA(?:-PROV)?\(\d{{4}}\)\d{{4}})(?:{REFERENCE})?$")
# "B9-0246/2019 (S&D)", "ALDE (B6-0209/2008)": a motion a joint motion replaces.
_REPLACED_MOTION = re.compile(rf"^(?:{SESSION_DOCUMENT}\s*\([^()]+\)|\S+\s*\({SESSION_DOCUMENT}\))$")
# "PE614.334v01-00", "PE 585.790v02-00 A8-0296/2016": the Parliament's internal number.
_PE_NUMBER = re.compile(r"^PE\s?\d{3}\.\d{3}v\d{2}-\d{2}(?:\s+(?P<reference>\S+))?$")

_PROCEDURE = re.compile(r"\b(?P<year>\d{4})/(?P<number>\d{4})(?:\((?P<kind>[A-Z]{3})\)|/(?P<kind2>[A-Z]{3})\b)")


def normalise_reference(text: str) -> str:
    """A document number with plain hyphens ("B9‑0220/2020" -> "B9-0220/2020")."""
    return re.sub(_HYPHEN, "-", text)


def match_reference_line(text: str) -> str | None:
    """The document number a line starts with and is made of ("B8-0434/2017",
    "P7_TA(2014)0206A7-0100/2014": the text adopted, glued to its report's number)."""
    found = _REFERENCE_LINE.match(text)
    if not found:
        return None
    rest = found["rest"].strip()
    if rest and not re.fullmatch(REFERENCE, rest):
        return None
    return normalise_reference(found["reference"])


def match_text_adopted_number(text: str) -> str | None:
    """"P7_TA(2014)0206", alone or glued to the number of what it adopted."""
    found = _TEXT_ADOPTED.match(text)
    return found["reference"] if found else None


def is_replaced_motion(text: str) -> bool:
    return bool(_REPLACED_MOTION.match(text))


def match_pe_number(text: str) -> str | None:
    """"" for a PE number line, or the document number printed after it; None otherwise."""
    found = _PE_NUMBER.match(text)
    if not found:
        return None
    reference = found["reference"] or ""
    return normalise_reference(reference) if reference and re.fullmatch(REFERENCE, reference) else ""


# A report's resolution cites the report it stands in, with its number: "having regard to
# the report of the Committee on Constitutional Affairs (A9-0214/2023)".
_OWN_REPORT_CITATION = re.compile("|".join(f"(?:{g.own_report_citation})" for g in _GRAMMARS if g.own_report_citation),
                                  re.IGNORECASE)
_REPORT_NUMBER = re.compile(rf"\((?P<reference>A\d{{1,2}}{_HYPHEN}\d{{4}}/\d{{4}})\)")
REPORT_TYPES = frozenset(g.report_type for g in _GRAMMARS if g.report_type)
"""The site's names of a report, in every language."""


def find_own_report_number(citation: str) -> str:
    """The report's number in a citation of a report by its committee ("having regard to
    the report of the Committee on ... (A9-0214/2023)"), or ""."""
    if not _OWN_REPORT_CITATION.match(citation):
        return ""
    numbers = _REPORT_NUMBER.findall(citation)
    return normalise_reference(numbers[-1]) if numbers else ""


def find_procedure(text: str) -> str:
    """The procedure number in ``text`` as the Parliament writes it ("2020/2167(DEC)",
    also from EUR-Lex's "2020/2167/DEC"), or ""."""
    if "/" not in text:
        return ""
    found = _PROCEDURE.search(text)
    if not found:
        return ""
    return f"{found['year']}/{found['number']}({found['kind'] or found['kind2']})"


# --------------------------------------------------------------------------- headings

_DOCUMENT_TYPES: dict[str, str] = {printed: name for g in _GRAMMARS for printed, name in g.document_types.items()}
_SUBJECT_OPENERS = alternation(opener for g in _GRAMMARS for opener in g.subject_openers)
# "MOTION FOR A RESOLUTION on ...", "JOINT MOTION FOR A RESOLUTION", "REPORT     ***I",
# "PROPOSITION DE RÉSOLUTION sur ...": a type in capitals, then maybe the subject.
_TYPE_HEADING = re.compile(
    rf"^(?P<type>{alternation(printed.upper() for printed in _DOCUMENT_TYPES)})(?:\s+\*+I*)?"
    rf"(?:\s+(?P<subject>(?:{_SUBJECT_OPENERS})\s.*))?$"
)
# "Motion for a resolution - B7-0069/2009Motion for a resolution": a Parliament page's
# title bar, its type then its number (the type again, glued).
_TYPE_AND_NUMBER = re.compile(rf"^(?P<type>[^\d]+?)\s+[-–]\s+(?P<reference>{REFERENCE})", re.IGNORECASE)
# The page's <title>, first line of a markdownify scrape: "JOINT MOTION FOR A RESOLUTION on
# ... | RC-B10-0249/2025 | European Parliament".
_TITLE_BAR_TAIL = re.compile(rf"\s+\|\s+(?P<reference>{REFERENCE})\s+\|\s+[^|]+$")
_RESOLUTION_HEADING = re.compile(
    "|".join(
        rf"^{g.resolution_heading}(?:\s+{g.date_connector}\s+(?P<date{i}>{_DAY}\s+\S+\s+\d{{4}}))?"
        rf"(?:,?\s+(?P<subject{i}>(?:{_SUBJECT_OPENERS})\s.*))?$".replace("(?P<type>", f"(?P<type{i}>")
        for i, g in enumerate(_GRAMMARS)
    ),
    re.IGNORECASE,
)
_RESOLUTION_TYPES: dict[str, str] = {printed: name for g in _GRAMMARS for printed, name in g.resolution_types.items()}
# The tail of a heading that is not its subject: "(2013/2169(INI))", "(COM(2016)0431 –
# C8-0242/2016 – 2016/0197(COD))", then EUR-Lex's "Committee on Budgetary Control
# Rapporteur: ...".
_PROCEDURE_TAIL = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\d{4}/\d{4}\([A-Z]{3}\)\)\s*(?P<rest>.*)$")


def document_type(printed: str) -> str | None:
    """The site's name of a type as printed ("JOINT MOTION FOR A RESOLUTION"), or None."""
    folded = " ".join(printed.split()).casefold()
    return _RESOLUTION_TYPES.get(folded) or _DOCUMENT_TYPES.get(folded)


@dataclass(frozen=True)
class TypeHeading:
    doc_type: str
    subject: str
    """The title it gives ("" when the subject is printed elsewhere)."""
    reference: str = ""


def match_type_heading(text: str) -> TypeHeading | None:
    """"MOTION FOR A RESOLUTION on the case of ..." -> ("Motion for a resolution", "The
    case of ..."); also the page's title bar with its number."""
    reference = ""
    tail = _TITLE_BAR_TAIL.search(text)
    if tail:
        reference = normalise_reference(tail["reference"])
        text = text[: tail.start()]
    found = _TYPE_HEADING.match(text)
    if not found:
        return None
    doc_type = document_type(found["type"])
    assert doc_type is not None
    return TypeHeading(doc_type, subject_title(found["subject"] or ""), reference)


def match_type_and_number(text: str) -> TypeHeading | None:
    """"Motion for a resolution - B7-0069/2009Motion for a resolution" -> type and number."""
    found = _TYPE_AND_NUMBER.match(text)
    if not found:
        return None
    doc_type = document_type(found["type"])
    if doc_type is None:
        return None
    return TypeHeading(doc_type, "", normalise_reference(found["reference"]))


@dataclass(frozen=True)
class ResolutionHeading:
    doc_type: str
    date: datetime.date | None
    subject: str


def match_resolution_heading(text: str) -> ResolutionHeading | None:
    """"European Parliament resolution of 11 March 2014 on the eradication of torture in
    the world (2013/2169(INI))" -> its type, date and subject."""
    found = _RESOLUTION_HEADING.match(text)
    if not found:
        return None
    groups = {name.rstrip("0123456789"): value for name, value in found.groupdict().items() if value}
    printed = groups["type"]
    doc_type = document_type(printed) or printed[:1].upper() + printed[1:]
    date = find_long_date(groups["date"]) if "date" in groups else None
    return ResolutionHeading(doc_type, date, subject_title(groups.get("subject", "")))


def subject_title(subject: str) -> str:
    """A heading's subject as a title: without its opener ("on"), its procedure and what
    follows it, first letter capitalised."""
    subject = subject.strip()
    if not subject:
        return ""
    opener = re.match(rf"^(?:{_SUBJECT_OPENERS})\s+", subject, re.IGNORECASE)
    if opener:
        subject = subject[opener.end() :]
    tail = _PROCEDURE_TAIL.search(subject)
    if tail:
        subject = subject[: tail.start()]
    subject = subject.strip(" ,")
    return subject[:1].upper() + subject[1:]


# --------------------------------------------------------------------------- authors

_ON_BEHALF_OF = re.compile(
    "|".join(rf"^(?P<names{i}>.*?),?\s*{g.on_behalf_of}\s*[.,;]?$".replace("(?P<group>", f"(?P<group{i}>")
             for i, g in enumerate(_GRAMMARS) if g.on_behalf_of)
)
_TABLED_BY = re.compile(rf"^(?:{alternation(w for g in _GRAMMARS for w in g.tabled_by)})\s+", re.IGNORECASE)
_NAME_JOINERS = re.compile(rf",\s*(?:(?:{alternation(w for g in _GRAMMARS for w in g.name_list_joiners)})\s+)?"
                           rf"|\s+(?:{alternation(w for g in _GRAMMARS for w in g.name_list_joiners)})\s+")
_NAME_LIST_ENDS = re.compile(rf"\s+(?:{alternation(w for g in _GRAMMARS for w in g.name_list_ends)})$", re.IGNORECASE)
# A word of a person's name: capitalised ("Wiseler-Lima", "McAllister", "CZARNECKI",
# "Pîslaru", "O'Neill", "Ľubica"), or a particle ("de", "van der", "in ‘t", "i").
_DIGIT = re.compile(r"\d")
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’‘.-]*$")
_PARTICLES = frozenset("de da das del della der den di do dos du la le van von zu zum af i y e in ten ter vom 't ‘t ’t".split())
_RAPPORTEUR = re.compile(
    rf"^(?P<label>{alternation(w for g in _GRAMMARS for w in g.rapporteur_labels)})\s*:\s*(?P<names>\S.*)?$"
)


def split_names(text: str) -> list[str] | None:
    """The names of a list ("Elisabeth Jeggle, Bernd Posselt and Eija-Riitta Korhola"), or
    None when an item does not read as a person's name (two to seven words, capitalised
    but for particles)."""
    text = _NAME_LIST_ENDS.sub("", text.strip().rstrip(",;.")).replace("\u2011", "-")
    if not text or len(text) > 5000 or _DIGIT.search(text):
        return None
    names = [name.strip() for name in _NAME_JOINERS.split(text)]
    for name in names:
        words = name.split()
        if not 2 <= len(words) <= 7 or not words[0][:1].isupper():
            return None
        if not all(word.casefold() in _PARTICLES or (word[:1].isupper() and _NAME_WORD.match(word)) for word in words):
            return None
    return names


@dataclass(frozen=True)
class AuthorLine:
    names: tuple[str, ...]
    """The names on the line ("" for an "on behalf of" line alone)."""
    group: str | None
    """The group it names, or None (a list of names alone)."""
    grammar: Grammar | None = None
    """The language whose words name the group ("on behalf of", "au nom du groupe")."""


def match_group_line(text: str) -> AuthorLine | None:
    """"Name, Name on behalf of the PPE Group", "on behalf of the S&D Group" (the names on
    the lines above), "déposée par ... au nom du groupe Verts/ALE"."""
    found = _ON_BEHALF_OF.match(text)
    if not found:
        return None
    matched = {name: value for name, value in found.groupdict().items() if value is not None}
    grammar = next(_GRAMMARS[int(name[len("group"):])] for name in matched if name.startswith("group"))
    groups = {name.rstrip("0123456789"): value for name, value in matched.items()}
    group = groups["group"].strip()
    names_text = _TABLED_BY.sub("", groups.get("names", "").strip())
    if not names_text:
        return AuthorLine((), group, grammar)
    names = split_names(names_text)
    return AuthorLine(tuple(names), group, grammar) if names else None


def match_names_line(text: str) -> AuthorLine | None:
    """A line of names alone ("Fabio Massimo Castaldo", "by Vittorio Agnoletto")."""
    names = split_names(_TABLED_BY.sub("", text))
    return AuthorLine(tuple(names), None) if names else None


def match_rapporteur(text: str) -> tuple[str, list[str]] | None:
    """"Rapporteur: Gabriele Bischoff" -> ("Rapporteur", names); names [] when they are on
    the next line."""
    found = _RAPPORTEUR.match(text)
    if not found:
        return None
    if not found["names"]:
        return found["label"], []
    names = split_names(found["names"])
    return (found["label"], names) if names else None


def authors_of(line: SourceLine, names: tuple[str, ...] | list[str], group: str | None) -> list[Author]:
    return [Author(name=name, group=group, line=line.number) for name in names]
