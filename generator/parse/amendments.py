"""Amendments: a report's or a text adopted's "Amendment 1" tables, read line by line.

    Amendment 1
    Proposal for a regulation                      what it amends ("location")
    Recital 3
    | Text proposed by the Commission | Amendment |   the table's header row
    | (3) The Member States ... | (3) The Member States ... |   one row per paragraph
    Justification                                  optional, then its text

How each conversion writes the table: markdownify as Markdown rows ("| a | b |"),
html2text as "a | b" (a row whose first cell is empty: "| b"), a page's text with a tab
between the cells; ``get_text`` writes the cells one after the other, the column lost: its
first block of lines (up to a blank line) is taken for the first column, the rest for
the second. Both columns are kept whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.model import Amendment
from generator.parse import recognizers as rec
from generator.parse.lang import get_grammars
from generator.parse.recognizers import SourceLine

_GRAMMARS = get_grammars()
_JUSTIFICATION = frozenset(g.justification_heading.casefold() for g in _GRAMMARS if g.justification_heading)
_RULE = re.compile(r"^-{3,}$")
_LOOKAHEAD = 6
"""How many lines below an amendment's heading its table's header may stand."""


def starts_amendment(lines: list[SourceLine], index: int, expected: int) -> bool:
    """Whether ``lines[index]`` heads amendment number ``expected``: "Amendment 1" with
    its table's header within a few lines."""
    number = rec.match_amendment_heading(lines[index].text)
    if number is None or int(number) != expected:
        return False
    following = lines[index + 1 : index + 1 + _LOOKAHEAD]
    for position, line in enumerate(following):
        if rec.is_amendment_table_header(line.text):
            return True
        if rec.is_amendment_column_title(line.text) and position + 1 < len(following):
            return rec.is_amendment_word(following[position + 1].text)
    return False


@dataclass
class AmendmentDraft:
    """An amendment being read."""

    num: str
    line: int
    location: list[str] = field(default_factory=list)
    original: list[str] = field(default_factory=list)
    amended: list[str] = field(default_factory=list)
    justification: list[str] = field(default_factory=list)
    phase: str = "location"
    """``location`` (above the table), ``header`` (the first column's title read, the
    second's next), ``table``, ``justification``."""
    rows: str = ""
    """How the table's rows are written: ``markdown`` ("| a | b |"), ``pipes`` ("a | b"),
    ``tabs``, ``blocks`` (get_text: no columns)."""

    def read(self, line: SourceLine, after_blank: bool) -> bool:
        """Take ``line`` if it is the amendment's; False when the amendment is over."""
        text = line.text
        if self.phase == "location":
            if rec.is_amendment_table_header(text):
                self.phase = "table"
            elif rec.is_amendment_column_title(text):
                self.phase = "header"
            elif not _RULE.match(text):
                self.location.append(text)
        elif self.phase == "header":
            self.phase = "table"  # "Amendment", the second column's title
        elif self.phase == "justification" or text.casefold() in _JUSTIFICATION:
            if self.phase == "justification":
                self.justification.append(text)
            self.phase = "justification"
        elif not self.read_row(line, after_blank):
            return False
        return True

    def read_row(self, line: SourceLine, after_blank: bool) -> bool:
        text = line.text
        rows = self.rows or ("markdown" if text.startswith("|") else "pipes" if " | " in text or text.startswith("| ")
                             else "tabs" if "\t" in line.raw else "blocks")
        if rows == "markdown" and not text.startswith("|") or rows == "pipes" and "|" not in text:
            return False  # the table is over
        self.rows = rows
        if rows == "markdown":
            cells = [rec.normalise_space(cell) for cell in text.strip().strip("|").split("|")]
        elif rows == "pipes":
            cells = [rec.normalise_space(cell) for cell in text.split("|")]
        elif rows == "tabs":
            cells = [rec.clean_line(cell) for cell in line.raw.split("\t")]
        else:
            column = self.amended if self.original and (after_blank or self.amended) else self.original
            column.append(text)
            return True
        left, right = cells[0], " ".join(cells[1:])
        if left:
            self.original.append(left)
        if right:
            self.amended.append(right)
        return True

    def build(self) -> Amendment:
        return Amendment(
            eid=f"amdt_{self.num}",
            num=self.num,
            location=" — ".join(self.location),
            original=" ".join(self.original),
            amended=" ".join(self.amended),
            line=self.line,
            justification=" ".join(self.justification),
        )
