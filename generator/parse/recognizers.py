"""What one line of a raw text is: the recognizers the parser runs, in order.

Each recognizer looks at one :class:`SourceLine` and says whether it is its kind of line
(and returns what it found). They know nothing of the lines around; the parser
(:mod:`generator.parse.parser`) holds the state (which label comes next, whether the body has
ended) and decides. Every pattern is compiled once, here.

The quirks they handle come from the scraped pages (see the sample
``content/resolutions/2012-03-07-kazakhstan/en.txt``): language switchers, site chrome,
related-news teasers, PHP ``var_dump`` leftovers, Markdown syntax and tables, the bullets
and labels of every layout. What only one page layout prints is its layout's
(``generator.parse.layouts``).
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from generator.parse.lang import get_grammars

# --------------------------------------------------------------------------- cleaning


class SourceLine(NamedTuple):
    """One line of the raw text, with what the recognizers look at.

    A named tuple rather than a frozen dataclass: as immutable, and made faster (a
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``), for
    every line of every text.
    """

    number: int
    """1-based line number in the original file."""
    raw: str
    """The line with PHP dumps removed, otherwise as in the file (for the noise patterns
    that look at Markdown syntax, e.g. a teaser title that is one whole link)."""
    text: str
    """The line with Markdown links reduced to their text, whitespace normalised."""
    end: int = 0
    """The last line of the file it stands for, when that is not ``number``: a label
    alone on its line joined to its text below (``generator.parse.fragments``)."""


# ``var_dump`` leftovers of the site's PHP templates: ``string(3) "185"`` and
# ``array(7) { ["x"]=> string(3) "y" ... }`` over several lines, sometimes glued to the
# start of a unit's line (``string(3) "185"A. whereas ...``).
_PHP_DUMP_START = re.compile(r'string\((\d+)\) "|array\(\d+\) \{')
_PHP_STRING_AT = re.compile(r'string\((\d+)\) "')
_PHP_SCALAR_LINE = re.compile(r"^[ \t]*(?:int\(-?\d+\)|float\([-\d.eE+]+\)|bool\((?:true|false)\)|NULL)[ \t]*$", re.MULTILINE)
_PHP_MARKER = re.compile(r"\((?:(?<=string\()|(?<=array\()|(?<=int\()|(?<=float\()|(?<=bool\())")
"""A ``(`` that ends ``string(``, ``array(``, ``int(``, ``float(`` or ``bool(``: with ``NULL``,
what every match of the patterns above contains. Most texts have none, and this one
search (the engine jumps from one ``(`` to the next, and only there looks behind) tells
so faster than running those patterns (figures: bench/RESULTS.md)."""


def _skip_php_string(text: str, start: int, length: int) -> int:
    """End (after the closing quote) of a dumped PHP string whose body starts at ``start``.

    PHP counts bytes; the body is taken as ``length`` UTF-8 bytes when a quote stands
    there, else (the page was re-encoded, line ends changed) up to the next quote.
    """
    end, size = start, 0
    while end < len(text) and size < length:
        size += len(text[end].encode("utf-8"))
        end += 1
    if size == length and text.startswith('"', end):
        return end + 1
    quote = text.find('"', start)
    return len(text) if quote < 0 else quote + 1


def _skip_php_array(text: str, start: int) -> int:
    """End (after the matching ``}``) of a dumped array whose ``{`` ends at ``start``."""
    depth, position = 1, start
    while position < len(text) and depth:
        char = text[position]
        if char == "s":
            string = _PHP_STRING_AT.match(text, position)
            if string:
                position = _skip_php_string(text, string.end(), int(string.group(1)))
                continue
        elif char == "[" and text.startswith('["', position):
            # An array key ``["key"]=>``: skip it whole, so braces in keys do not count.
            close = text.find('"]', position + 2)
            if close >= 0:
                position = close + 2
                continue
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        position += 1
    return position


def strip_php_dumps(text: str) -> str:
    """The text with PHP ``var_dump`` output removed; line ends inside a dump are kept,
    so that every line keeps its number."""
    if "NULL" not in text and not _PHP_MARKER.search(text):
        return text
    pieces: list[str] = []
    position = 0
    while found := _PHP_DUMP_START.search(text, position):
        pieces.append(text[position : found.start()])
        if found.group(1) is not None:
            end = _skip_php_string(text, found.end(), int(found.group(1)))
        else:
            end = _skip_php_array(text, found.end())
        pieces.append("\n" * text.count("\n", found.start(), end))
        position = end
    pieces.append(text[position:])
    return _PHP_SCALAR_LINE.sub("", "".join(pieces))


# ``[text](url)`` -> ``text``; an image ``![alt](src)`` goes whole (it is never a word of
# the resolution). ``[A.](#) whereas ...`` thus becomes ``A. whereas ...``. A link's target
# may hold one level of parentheses: the Parliament's procedure links end
# "reference=2020/2691(RSP))" (html2text escapes them: "2691\(RSP\)"); a link's text may
# hold one level of brackets: a footnote call "[[1]](#_ftn1)".
_LINK_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_MARKDOWN_IMAGE = re.compile(rf"!\[[^\]\n]*\]{_LINK_TARGET}")
_MARKDOWN_LINK = re.compile(rf"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]{_LINK_TARGET}")
# ``<https://...>``: markdownify's autolinks.
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
# Markdown's backslash escapes of ASCII punctuation: html2text writes "7.5.2025 \- (...)",
# markdownify "P9\_TA(2024)0315".
_BACKSLASH_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
# A Markdown heading's marks: "# JOINT MOTION FOR A RESOLUTION on ...".
_HEADING_MARKS = re.compile(r"^\s*#{1,6}\s+")


def strip_markdown_links(line: str) -> str:
    if "](" not in line:
        return line
    return _MARKDOWN_LINK.sub(r"\1", _MARKDOWN_IMAGE.sub("", line))


def strip_markdown(line: str) -> str:
    """A line without Markdown's link syntax, backslash escapes and heading marks: the
    words a reader sees."""
    line = strip_markdown_links(line)
    if "<" in line:
        line = _AUTOLINK.sub(r"\1", line)
    if "\\" in line:
        line = _BACKSLASH_ESCAPE.sub(r"\1", line)
    if "#" in line:
        line = _HEADING_MARKS.sub("", line)
    return line


def normalise_space(text: str) -> str:
    """Runs of whitespace -> one space, stripped."""
    return " ".join(text.split())


def clean_line(raw: str) -> str:
    """What the recognizers read of a raw line: Markdown stripped, whitespace normalised."""
    return normalise_space(strip_markdown(raw))


def source_lines(text: str) -> list[SourceLine]:
    """The cleaned lines of a decoded raw text that have any text left, numbered from 1:
    a gap in the numbers stands for blank lines.

    Half the lines of a page are empty, and they are left out rather than made into
    SourceLines.

    Most lines need neither link stripping nor more than stripping their ends: a line
    whose only whitespace is single spaces (``isprintable``: every whitespace character
    but the space is unprintable) is normalised by ``strip(" ")``, as ``str.split`` would
    cut it exactly at those spaces; splitting every line into words and joining them
    again was half the time of this function (bench/RESULTS.md).
    """
    lines = [
        SourceLine(number, raw, cleaned)
        for number, raw in enumerate(strip_php_dumps(text).split("\n"), start=1)
        if raw
        and (
            cleaned := raw.strip(" ")
            if "](" not in raw and "  " not in raw and "\\" not in raw and "<" not in raw and "#" not in raw
            and raw.isprintable()
            else clean_line(raw)
        )
    ]
    if text.startswith("|") or "\n|" in text:  # a Markdown table's rows start their lines
        lines = expand_table_rows(lines)
    return lines


# --------------------------------------------------------------------------- tables

# A Markdown table's separator row: "| --- | :---: |".
_TABLE_SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")
# Inside a table cell markdownify keeps a block's paragraphs on one line, two spaces
# apart: the Parliament's 2020 pages hold a whole resolution in one cell
# ("The European Parliament,  \uf02d having regard to ...,  A. whereas ...").
_CELL_PARAGRAPHS = re.compile(r"\s{2,}")


def expand_table_rows(lines: list[SourceLine]) -> list[SourceLine]:
    """Markdown table rows ("| a | b |") as one line per cell paragraph, on the row's line
    number; separator rows and empty cells left out.

    The rows of an amendment table ("| Text proposed by the Commission | Amendment |" and
    the rows under it) stay whole: their columns are the amendment's two texts
    (``generator.parse.amendments``).
    """
    expanded: list[SourceLine] = []
    in_amendment_table = False
    for line in lines:
        if not line.text.startswith("|"):
            # html2text writes a table's rows "a | b", and "| b" when the first cell is empty.
            in_amendment_table = is_amendment_table_header(line.text) or in_amendment_table and "|" in line.text
            expanded.append(line)
            continue
        cells = [cell.strip() for cell in line.raw.strip().strip("|").split("|")]
        if all(not cell or _TABLE_SEPARATOR_CELL.match(cell) for cell in cells):
            continue
        if in_amendment_table or is_amendment_table_header(line.text):
            in_amendment_table = True
            expanded.append(line)
            continue
        for cell in cells:
            for paragraph in _CELL_PARAGRAPHS.split(cell):
                cleaned = clean_line(paragraph)
                if cleaned:
                    expanded.append(SourceLine(line.number, paragraph, cleaned))
    return expanded


# --------------------------------------------------------------------------- noise

LANGUAGE_CODES = "bg|cs|da|de|el|en|es|et|fi|fr|ga|hr|hu|it|lt|lv|mt|nl|pl|pt|ro|sk|sl|sv"
"""The codes of the European Union's languages, as the sites' language menus print them."""
# "[en](#) | [fr](#)", "fr | en", "EN | FR | DE".
_LANGUAGE_SWITCHER = re.compile(
    rf"^(?:\[?(?:{LANGUAGE_CODES})\]?(?:\([^)]*\))?)(?:\s*\|\s*\[?(?:{LANGUAGE_CODES})\]?(?:\([^)]*\))?)+$",
    re.IGNORECASE,
)


def _folded(lines: Iterable[str]) -> frozenset[str]:
    return frozenset(line.casefold() for line in lines)


_GRAMMARS = get_grammars()

# Teaser categories: on the page each related-news card reads category, image credit,
# linked title, date. The line after a category is the credit ("hosnysalah",
# "EP European Union 2026"), free text that no other pattern would catch.
TEASER_CATEGORIES: frozenset[str] = _folded(word for g in _GRAMMARS for word in g.teaser_categories)

# Section headings after which the resolution's body is over: the related-news block.
BODY_END_HEADINGS: frozenset[str] = _folded(word for g in _GRAMMARS for word in g.body_end_headings)

# The beginnings of a page's footer ("Last updated: 7 May 2025"), and the upper-case
# headings of what follows a report's or text adopted's resolution ("EXPLANATORY
# STATEMENT", "ANNEX"): after either the text is over.
END_OF_PAGE: tuple[str, ...] = tuple(prefix for g in _GRAMMARS for prefix in g.end_of_page)
END_OF_TEXT_HEADINGS: tuple[str, ...] = tuple(heading for g in _GRAMMARS for heading in g.end_of_text_headings)
END_OF_TEXT_OPENERS: tuple[str, ...] = tuple(opener for g in _GRAMMARS for opener in g.end_of_text_openers)

# Whole lines of the site's own chrome (navigation, section headings, share buttons),
# compared case-folded after link stripping: every language's, and the few that are
# the same in all ("[.E-Mail](#)" is the share button's label, "[Zur Navigation]" a
# German skip link left in the English page).
SITE_CHROME: frozenset[str] = (
    TEASER_CATEGORIES
    | BODY_END_HEADINGS
    | _folded(word for g in _GRAMMARS for word in g.site_chrome)
    | _folded((".E-Mail", "Zur Navigation", "Publication |", "Document |", "Publication", "Document"))
)

# Image credits and copyright lines: "© European Union 2013 - European Parliament",
# "©zsofia-vera", "EP European Union 2026".
_COPYRIGHT = re.compile(
    r"^(?:©|(?:(?:EP|PE)\s+)?(?:European Union|Union européenne|European Parliament|Parlement européen)\s+\d{4}\b)",
    re.IGNORECASE,
)
# A teaser's title: the whole line is one Markdown link ("[PLENARY FLASH: ...](#)"), or a
# bracketed navigation label ("[Zur Navigation]"); not a footnote call alone on its line
# ("[3]", as get_text writes it inside a unit).
_WHOLE_LINE_LINK = re.compile(r"^!?\[(?!\d+\])[^\]]*\](?:\([^)]*\))?$")


def is_language_switcher(line: SourceLine) -> bool:
    return "|" in line.raw and bool(_LANGUAGE_SWITCHER.match(line.raw.strip()))


_LONGEST_SITE_CHROME = max(map(len, SITE_CHROME))


def is_site_chrome(line: SourceLine) -> bool:
    # As in ``people_section``: a line too long to be chrome is not casefolded.
    return len(line.text) <= _LONGEST_SITE_CHROME and line.text.casefold() in SITE_CHROME


def is_copyright(line: SourceLine) -> bool:
    return bool(_COPYRIGHT.match(line.text))


def is_whole_line_link(line: SourceLine) -> bool:
    return line.raw.lstrip().startswith(("[", "![")) and bool(_WHOLE_LINE_LINK.match(line.raw.strip()))


def is_publication_line(line: SourceLine) -> bool:
    """A page's date line ("Publication | 07.03.2012"), or a teaser's date alone."""
    return bool(_DATE_LINE.match(line.text))


NOISE_RECOGNIZERS: tuple[tuple[str, Callable[[SourceLine], bool]], ...] = (
    ("site_chrome", is_site_chrome),
    ("teaser_title", is_whole_line_link),
    ("copyright", is_copyright),
    ("publication_line", is_publication_line),
    ("language_switcher", is_language_switcher),
)
"""Recognizers of lines that are never part of a unit, cheapest first: the parser asks
of every line that starts no unit whether one of them claims it."""


def noise_kind(line: SourceLine) -> str | None:
    """The name of the noise recognizer that claims ``line``, or None."""
    for name, recognizes in NOISE_RECOGNIZERS:
        if recognizes(line):
            return name
    return None


def is_noise(line: SourceLine) -> bool:
    return noise_kind(line) is not None


# --------------------------------------------------------------------------- header

# "Publication | 07.03.2012" (the switcher row of the page, "[Publication](#) | ..."
# before link stripping), "Document | 07.03.2012", or the date alone.
_DATE_LABELS = "|".join(re.escape(label) for g in _GRAMMARS for label in g.date_labels)
_DATE_LINE = re.compile(
    rf"^(?:(?:{_DATE_LABELS})\s*\|\s*)?(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>\d{{4}})$",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(rf"^(?:{_DATE_LABELS})\s*\|$", re.IGNORECASE)


def match_date_line(line: SourceLine) -> tuple[int, int, int] | None:
    """(day, month, year) of a date line, as printed (not validated)."""
    found = _DATE_LINE.match(line.text)
    if not found:
        return None
    return int(found["day"]), int(found["month"]), int(found["year"])


def is_date_label(line: SourceLine) -> bool:
    """``Publication |`` / ``Document |`` with the date on a line of its own below."""
    return bool(_DATE_LABEL.match(line.text))


def to_date(day: int, month: int, year: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


_OPENING_FORMULA = re.compile("|".join(rf"^{g.opening_formula}\s*,?$" for g in _GRAMMARS), re.IGNORECASE)

# --------------------------------------------------------------------------- amendments

AMENDMENT_WORDS = "|".join(re.escape(g.amendment_heading) for g in _GRAMMARS if g.amendment_heading)
"""The headings' word ("Amendment", "Amendement"), as a pattern's alternation."""
_AMENDMENT_COLUMNS = "|".join(re.escape(column) for g in _GRAMMARS for column in g.amendment_columns)
_AMENDMENT_HEADING = re.compile(rf"^(?:{AMENDMENT_WORDS})\s+(?P<num>\d+)$", re.IGNORECASE)
# "| Text proposed by the Commission | Amendment |" (markdownify), "Present text |
# Amendment" (html2text), the two titles with only a space between (a page's text).
_AMENDMENT_TABLE_HEADER = re.compile(
    rf"^\|?\s*(?:{_AMENDMENT_COLUMNS})\s*\|?\s*(?:{AMENDMENT_WORDS})\s*\|?$", re.IGNORECASE
)
_AMENDMENT_COLUMN = re.compile(rf"^(?:{_AMENDMENT_COLUMNS})$", re.IGNORECASE)
_AMENDMENT_WORD = re.compile(rf"^(?:{AMENDMENT_WORDS})$", re.IGNORECASE)


def match_amendment_heading(text: str) -> str | None:
    """The number of an amendment's heading ("Amendment 12"), or None."""
    found = _AMENDMENT_HEADING.match(text)
    return found["num"] if found else None


def is_amendment_table_header(text: str) -> bool:
    """The header row of an amendment table, both titles on one line."""
    return bool(_AMENDMENT_TABLE_HEADER.match(text))


def is_amendment_column_title(text: str) -> bool:
    """The first column's title alone on its line ("Present text"), as get_text writes it."""
    return bool(_AMENDMENT_COLUMN.match(text))


def is_amendment_word(text: str) -> bool:
    """"Amendment" alone: the second column's title, or a heading whose number is on the next line."""
    return bool(_AMENDMENT_WORD.match(text))


def is_opening_formula(line: SourceLine) -> bool:
    """"The European Parliament," / "Le Parlement européen,"."""
    return bool(_OPENING_FORMULA.match(line.text))


# --------------------------------------------------------------------------- people

_PEOPLE_HEADINGS: dict[str, str] = {
    heading.casefold(): section
    for grammar in _GRAMMARS
    for section, headings in grammar.people_headings.items()
    for heading in headings
}


_LONGEST_PEOPLE_HEADING = max(map(len, _PEOPLE_HEADINGS))


def people_section(line: SourceLine) -> str | None:
    """``meps`` or ``contacts`` for the heading of a list of people, else None."""
    # Asked of every line of the body: a line too long to be a heading is not casefolded
    # (case folding never shortens a text): most of this function's time otherwise.
    if len(line.text) > _LONGEST_PEOPLE_HEADING:
        return None
    return _PEOPLE_HEADINGS.get(line.text.casefold())


# --------------------------------------------------------------------------- units

# A bullet before a citation: hyphen, en/em dash, bullet, middle dot, minus, Markdown
# list markers, or a character of the private use area: the Parliament's 2020 pages
# print the Symbol font's dash as U+F02D. Many pages have it; some have none, some a
# tab after it; a motion of 2014 has an underscore typed for one ("_  having regard to").
BULLET = r"[-‐‑‒–—―•·∙◦▪*+−_\ue000-\uf8ff]"
_CITATION_OPENERS = "|".join(g.citation_opener for g in _GRAMMARS)
_CITATION = re.compile(rf"^(?:{BULLET}\s*)?(?P<text>(?:{_CITATION_OPENERS})\b.*)$", re.IGNORECASE)
_BULLETED = re.compile(rf"^{BULLET}\s+(?P<text>\S.*)$")
_RECITAL = re.compile(r"^(?P<num>[A-Z]{1,3})\s?\.\s+(?P<text>\S.*)$")
# Paragraph numbers of any size a text can reach (a billion, far beyond what fits in an
# input file): the parser compares them as int(), which Python refuses past 4,300 digits.
_PARAGRAPH = re.compile(r"^(?P<num>\d{1,9})\s?\.\s+(?P<text>\S.*)$")
_POINT = re.compile(rf"^(?:{BULLET}\s*)?\(?(?P<num>[a-z]{{1,6}})\)\s+(?P<text>\S.*)$")


_LONE_BULLET = re.compile(rf"^{BULLET}$")


def is_lone_bullet(line: SourceLine) -> bool:
    return len(line.text) == 1 and bool(_LONE_BULLET.match(line.text))


def match_citation(text: str) -> str | None:
    """The citation's text ("having regard to ...", "vu ...") without its bullet."""
    found = _CITATION.match(text)
    return found["text"] if found else None


def match_bulleted(text: str) -> str | None:
    """The text of a bulleted line (a citation that lacks "having regard to")."""
    found = _BULLETED.match(text)
    return found["text"] if found else None


def match_recital(text: str) -> tuple[str, str] | None:
    """(label, text) of ``A. whereas ...``; the label is not checked against the sequence."""
    found = _RECITAL.match(text)
    return (found["num"], found["text"]) if found else None


def match_paragraph(text: str) -> tuple[str, str] | None:
    """(number, text) of ``1. Condemns ...``."""
    found = _PARAGRAPH.match(text)
    return (found["num"], found["text"]) if found else None


def match_point(text: str) -> tuple[str, str] | None:
    """(label, text) of ``(a) ...``, ``a) ...``, ``(iv) ...``."""
    found = _POINT.match(text)
    return (found["num"], found["text"]) if found else None


# --------------------------------------------------------------------------- sequences


@functools.cache  # asked of each line that reads like a recital or point: few labels, pure
def next_recital_label(label: str | None) -> str:
    """The label after ``label``: A, B ... Z, AA, AB ... AZ, BA ... (None -> A)."""
    if not label:
        return "A"
    letters = list(label)
    position = len(letters) - 1
    while position >= 0 and letters[position] == "Z":
        letters[position] = "A"
        position -= 1
    if position < 0:
        return "A" + "".join(letters)
    letters[position] = chr(ord(letters[position]) + 1)
    return "".join(letters)


@functools.cache
def next_letter(label: str | None) -> str:
    """Point letters: a, b ... z, then aa, ab ..."""
    return next_recital_label(label.upper() if label else None).lower()


_ROMAN_DIGITS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)


def to_roman(number: int) -> str:
    digits = []
    for value, numeral in _ROMAN_DIGITS:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)


_ROMAN_VALUES = {to_roman(n): n for n in range(1, 200)}


@functools.cache
def next_roman(label: str | None) -> str:
    """Roman point numbers: i, ii, iii, iv ... (None -> i)."""
    return to_roman(_ROMAN_VALUES[label] + 1) if label else "i"


# Words that end a unit: after them a page break does not continue it.
TERMINAL_PUNCTUATION = (";", ".", ":", "!", "?")


def starts_lowercase_or_digit(text: str) -> bool:
    first = text[:1]
    return first.islower() or first.isdigit()
