"""What the HTML-to-text conversions do to a page's lines, undone before the units are read.

- ``BeautifulSoup.get_text("\\n")`` writes each text node on a line of its own: a label
  alone on its line, then the unit's text below it ("A." / "whereas ..."), the opening
  formula's comma on the next line ("The European Parliament" / ","), an amendment's
  number under its heading ("Amendment" / "1"). :func:`join_fragments` puts them back
  together.
- html2text (and markdownify, in a table cell) may write a whole resolution on one line:
  :func:`split_run_on_lines` cuts such a line where units start, so that the parser reads
  it as it reads any page.

Both keep each piece's line number (the line the piece starts on), so that a message
still names the line of the file.
"""

from __future__ import annotations

import re

from generator.parse import recognizers as rec
from generator.parse.lang import get_grammars
from generator.parse.recognizers import SourceLine

_GRAMMARS = get_grammars()

# A label alone: "A.", "12.", "a.", "(a)", "a)", "(iv)", a bullet, "–".
_LONE_LABEL = re.compile(rf"^(?:[A-Z]{{1,3}}\.|[a-z]{{1,2}}\.|\d+\.|\(?[a-z]{{1,6}}\)|{rec.BULLET})$")
# Punctuation alone: the comma after "The European Parliament", after a footnote call.
_LONE_PUNCTUATION = re.compile(r"^[,;:.)]+$")
_MAX_FRAGMENT = 6
"""Longer than this, a line is neither a lone label nor lone punctuation."""
_MAX_AMENDMENT_WORD = max(_MAX_FRAGMENT, *(len(g.amendment_heading) for g in _GRAMMARS))
"""Longer than this, a line is no fragment at all ("Amendment" alone is one)."""


def join_fragments(lines: list[SourceLine]) -> list[SourceLine]:
    """Lone labels joined to the text below them, lone punctuation to the text above."""
    joined: list[SourceLine] = []
    index, count = 0, len(lines)
    while index < count:
        line = lines[index]
        text = line.text
        index += 1
        if len(text) > _MAX_AMENDMENT_WORD:  # most lines: nothing to join
            joined.append(line)
            continue
        following = lines[index] if index < count else None
        if following is not None and (
            (len(text) <= _MAX_FRAGMENT and _LONE_LABEL.match(text) and not _LONE_LABEL.match(following.text))
            or (following.text.isdigit() and rec.is_amendment_word(text))  # "Amendment" / "1"
        ):
            joined.append(_joined(line, following))
            index += 1
        elif joined and len(text) <= _MAX_FRAGMENT and _LONE_PUNCTUATION.match(text):
            joined[-1] = _joined(joined[-1], line)
        else:
            joined.append(line)
    return joined


def _joined(first: SourceLine, second: SourceLine) -> SourceLine:
    end = max(first.end, second.end, second.number)
    return SourceLine(first.number, f"{first.raw} {second.raw}", f"{first.text} {second.text}", end if end > first.number else 0)


_RUN_ON_LENGTH = 2000
"""A line longer than this may hold several units (a unit of the sample is at most ~700
characters; the longest of the real texts read, ~1,900)."""

_OPENING_FORMULAS = "|".join(g.opening_formula for g in _GRAMMARS)
_CITATION_OPENERS = "|".join(g.citation_opener for g in _GRAMMARS)
# Where a unit starts inside a run-on line: before the opening formula and after it;
# before a bullet and a citation; after a unit's closing punctuation, before a label
# ("...degradation; B. whereas", "...; 12. Calls", "...: (a) to"); before the first
# footnote of the notes after the text ("... the Commission. [1] Texts adopted").
_BULLET = rec.BULLET
_UNIT_START = re.compile(
    rf"\s(?=(?i:{_OPENING_FORMULAS})\s*,)"
    rf"|(?<=,)\s(?=(?:{_BULLET}\s*)?(?i:{_CITATION_OPENERS})\b)"
    rf"|(?<=[,;:.])\s(?=(?:[A-Z]{{1,3}}|\d+)\.\s|\([a-z]{{1,6}}\)\s|\[1\]\s|{_BULLET}\s)"
)


def split_run_on_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """Lines longer than a few units cut where units may start.

    A cut where no unit starts does no harm: the pieces have the same line number, so
    the parser reads a piece that starts no unit as the text of the unit before it.
    """
    if not any(len(line.text) > _RUN_ON_LENGTH for line in lines):
        return lines
    split: list[SourceLine] = []
    for line in lines:
        if len(line.text) <= _RUN_ON_LENGTH:
            split.append(line)
            continue
        text, start = line.text, 0
        for found in _UNIT_START.finditer(text):
            split.append(SourceLine(line.number, text[start : found.start()], text[start : found.start()]))
            start = found.end()
        split.append(SourceLine(line.number, text[start:], text[start:]))
    return [line for line in split if line.text]
