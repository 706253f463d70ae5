"""EUR-Lex's text of a Parliament resolution as the Official Journal published it
(``/legal-content/EN/TXT/?uri=CELEX:52015IP0198``).

Its header: the site's furniture ("EUR-Lex Access to European Union law"), "Document
52015IP0198", the document's title (its heading, or its short title and heading run
together), "OJ C 353, 27.9.2016, p. 27–34 (BG, ES, ...)", then the Official Journal's
page head ("27.9.2016 / EN / Official Journal of the European Union / C 353/27"), the
sitting ("Wednesday 11 May 2011", on older texts), the text adopted's number
"P8_TA(2015)0198", its short title, its heading "European Parliament resolution of 19
May 2015 on ..." and the Journal's number "(2016/C 353/03)". The dates of the Journal are
the publication's, never the text's: the date is the heading's.

Between the units the Journal's page heads come again, which are no words of the text;
the citations have no bullets, and each unit's label stands in a table cell of its own
("A." then "whereas ..."; "— |" then "having regard to ... |" as the page's text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.parse import fields
from generator.parse.lang import get_grammars
from generator.parse.layouts import Header, Layout, ep_header
from generator.parse.recognizers import SourceLine

_GRAMMARS = get_grammars()
_JOURNAL_TITLES = "|".join(
    re.escape(title) for g in _GRAMMARS for title in g.header_furniture if title.startswith(("Official Journal", "Journal officiel"))
)
_RECOGNIZED = re.compile(rf"EUR-Lex|^\s*(?:{_JOURNAL_TITLES})\s*\|?\s*$", re.MULTILINE)

# The Journal's page head and references: "C 353/27", "CE 377/35", "L 123/4", "EN",
# "27.9.2016", "OJ C 353, 27.9.2016, p. 27–34 (BG, ...)", "(2016/C 353/03)", "2012/C 377 E/06",
# "Document 52015IP0198" (the CELEX number).
_JOURNAL_LINE = re.compile(
    r"^(?:(?:C|L|CE)\s?\d+\s?E?/\d+|[A-Z]{2}|\d{1,2}\.\d{1,2}\.\d{4}|(?:OJ|JO)\s+(?:C|L|CE)\s.*"
    r"|\(?\d{4}/(?:C|L)\s?\d+\s?E?/\d+\)?|Document\s+\d{5}[A-Z]{1,2}\d{4}.*"
    rf"|{_JOURNAL_TITLES})$"
)


_MARKERS = ("EUR-Lex", "Official Journal", "Journal officiel")
"""One of these is in every EUR-Lex page: looked for before the pattern, which scans
the whole text (a good part of a short text's parse, where none is)."""


def recognizes(text: str) -> bool:
    return any(marker in text for marker in _MARKERS) and bool(_RECOGNIZED.search(text))


def is_journal_line(text: str) -> bool:
    return bool(_JOURNAL_LINE.match(text))


def prepare(lines: list[SourceLine]) -> list[SourceLine]:
    """Table cells as the page's text writes them ("— |", "having regard to ... |"):
    without their bar."""
    prepared = []
    for line in lines:
        text = line.text
        if text.endswith("|") or text.startswith("| "):
            text = text.strip(" |")
            if not text:
                continue
            line = line._replace(text=text)
        prepared.append(line)
    return prepared


def read_header(lines: Sequence[SourceLine], path: str) -> Header:
    return ep_header.read_header(lines, path, is_furniture=is_journal_line)


def is_body_furniture(line: SourceLine) -> bool:
    """The Journal's page heads between the units, and the sitting's date atop each page."""
    return is_journal_line(line.text) or fields.match_sitting_date(line.text) is not None


LAYOUT = Layout(
    name="eurlex",
    recognizes=recognizes,
    read_header=read_header,
    prepare=prepare,
    is_body_furniture=is_body_furniture,
    header_names_a_document=True,
)
