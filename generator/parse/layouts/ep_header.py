"""The header of a Parliament text as the Parliament's pages and EUR-Lex print it: the
fields of ``ep_document`` (see there), read in one pass. EUR-Lex's text of a resolution
(``eurlex``) has the same heading, sitting, short title and number, inside its own
furniture, which it tells the reader to pass over.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence

from generator.errors import InputError
from generator.model import Author
from generator.parse import fields
from generator.parse.lang import get_grammars
from generator.parse.layouts import Header
from generator.parse.recognizers import LANGUAGE_CODES, SourceLine

_GRAMMARS = get_grammars()


_FURNITURE = frozenset(word.casefold() for g in _GRAMMARS for word in g.header_furniture)
_FURNITURE_PREFIXES = tuple(word.casefold() for g in _GRAMMARS for word in g.header_furniture_prefixes)
_REPLACING = tuple(word.casefold() for g in _GRAMMARS for word in g.replacing_motions)
_SEE_ALSO = tuple(prefix for prefix in _FURNITURE_PREFIXES if prefix.startswith(("see also", "voir aussi")))
_STAGES_LABEL = re.compile(
    rf"^(?:{fields.alternation(w for g in _GRAMMARS for w in g.stages_labels)})\s*(?::\s*(?P<value>.*))?$", re.IGNORECASE
)
_PROCEDURE_LABEL = re.compile(rf"^(?:{fields.alternation(w for g in _GRAMMARS for w in g.procedure_labels)})\s*:\s*(?P<value>.*)$")
# What the stages box lists under its labels: minutes and debates ("PV 10/03/2014 - 20",
# "CRE ..."), document numbers (glued: "P7_TA(2014)0206A7-0100/2014").
_STAGES_SITTING = re.compile(r"^(?:PV|CRE)\s+\d{2}/\d{2}/\d{4}")
_STAGES_NUMBERS = re.compile(rf"^(?:{fields.REFERENCE})+$")
# "EN - English", "bg - български", "en - English (Selected)", "(Selected)".
_LANGUAGE_ITEM = re.compile(rf"^(?:(?i:{LANGUAGE_CODES})\s+-\s+\S.*|\((?:Selected|sélectionné)\))$")
# "PDF 254kWORD 100k", "159k", "RC-10-2025-0249_EN (PDF - 147 KB)", "001-002 (DOC - 69 KB)".
_FILE_LINK = re.compile(r"(?:\b(?:PDF|WORD|DOC)\b.*\b\d+\s*(?:k|KB)\b|^\d+\s*k$)")
_LIST_MARKER = re.compile(r"^[*+•·]\s+")
_SUBJECT_LINE = re.compile(rf"^(?:{fields.alternation(w for g in _GRAMMARS for w in g.subject_openers)})\s+(?!behalf\b)\S")
# The types of the documents that have authors on their page: motions and reports, not
# the texts adopted ("European Parliament resolution").
_MOTION_TYPES = frozenset(
    name for g in _GRAMMARS for printed, name in g.document_types.items()
    if not printed.startswith(("european", "résolution", "décision", "recommandation du"))
)


class _HeaderReader:
    """One pass over the header's lines, noting each field where it is found."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.doc_type = ""
        self.title = ""
        self.reference = ""
        self.procedure = ""
        self.tabling_date: datetime.date | None = None
        self.sitting_date: datetime.date | None = None
        self.short_title = ""
        self.heading: fields.ResolutionHeading | None = None
        self.rapporteurs: list[Author] = []
        self.author_blocks: list[tuple[list[Author], bool]] = []
        """Blocks of authors in page order, each with whether the page gave their group."""
        self.pending: list[Author] = []
        """Names read that wait for the group line under them."""
        self.in_stages_box = False
        self.in_author_zone = False
        self.expect_procedure = False
        self.expect_short_title = False
        self.expect_rapporteur = False
        self.skip_next_reference = False
        self.type_heading_seen = False

    # ---------------------------------------------------------------- per line

    def read(self, line: SourceLine) -> None:
        text = _LIST_MARKER.sub("", line.text)
        folded = text.casefold()
        if self.expect_procedure:
            self.expect_procedure = False
            self.note_procedure(text)
        if not self.procedure:
            self.note_procedure(text)
        if self.read_stages_box(text):
            return
        if folded in _FURNITURE or _LANGUAGE_ITEM.match(text) or _FILE_LINK.search(text):
            self.end_author_run()
            return
        if folded.startswith(_FURNITURE_PREFIXES):
            self.skip_next_reference = folded.startswith(_SEE_ALSO)
            self.end_author_run()
            return
        if folded.startswith(_REPLACING) or fields.is_replaced_motion(text):
            return
        if self.read_heading(text):
            return
        if self.read_date(line, text):
            return
        if self.read_reference(text):
            return
        if self.read_authors(line, text):
            return
        self.end_author_run()
        if self.expect_short_title:
            self.expect_short_title = False
            if not self.short_title:
                self.short_title = text
            return
        if self.type_heading_seen and not self.title and _SUBJECT_LINE.match(text):
            self.title = fields.subject_title(text)

    def note_procedure(self, text: str) -> None:
        if not self.procedure:
            self.procedure = fields.find_procedure(text)

    def read_stages_box(self, text: str) -> bool:
        procedure_label = _PROCEDURE_LABEL.match(text)
        if procedure_label:
            self.end_author_run()
            self.in_stages_box = True
            self.expect_procedure = not procedure_label["value"]
            return True
        if _STAGES_LABEL.match(text):
            self.end_author_run()
            self.in_stages_box = True
            return True
        if self.in_stages_box:
            if _STAGES_SITTING.match(text) or _STAGES_NUMBERS.match(text.replace(" ", "")):
                return True
            self.in_stages_box = False
        return False

    def read_heading(self, text: str) -> bool:
        kind = fields.match_type_and_number(text)
        if kind:
            self.doc_type = self.doc_type or kind.doc_type
            self.reference = self.reference or kind.reference
            self.in_author_zone = kind.doc_type in _MOTION_TYPES
            return True
        heading = fields.match_type_heading(text)
        if heading:
            self.doc_type = self.doc_type or heading.doc_type
            self.title = self.title or heading.subject
            self.reference = self.reference or heading.reference
            if not heading.reference:  # the page's heading, not its <title>
                self.type_heading_seen = True
                self.in_author_zone = True
            return True
        resolution = fields.match_resolution_heading(text)
        if resolution:
            self.end_author_run()
            self.in_author_zone = False
            self.expect_short_title = False
            self.heading = self.heading or resolution
            return True
        return False

    def read_date(self, line: SourceLine, text: str) -> bool:
        sitting = fields.match_sitting_date(text)
        if sitting:
            self.sitting_date = self.sitting_date or sitting
            self.expect_short_title = not self.short_title
            return True
        tabled = fields.match_tabling_date(text)
        if tabled:
            if isinstance(tabled, tuple):
                date = fields.to_date(*tabled)
                if date is None:
                    raise InputError(f"invalid date {text.split(' ')[0]!r} (expected D.M.YYYY)", self.path, line.number)
                tabled = date
            self.tabling_date = self.tabling_date or tabled
            return True
        return False

    def read_reference(self, text: str) -> bool:
        text_adopted = fields.match_text_adopted_number(text)
        if text_adopted:
            self.reference = self.reference or text_adopted
            self.expect_short_title = not self.short_title
            return True
        pe_number = fields.match_pe_number(text)
        if pe_number is not None:
            self.reference = self.reference or pe_number
            return True
        reference = fields.match_reference_line(text)
        if reference:
            if not self.skip_next_reference:
                self.reference = self.reference or reference
            self.skip_next_reference = False
            return True
        return False

    def read_authors(self, line: SourceLine, text: str) -> bool:
        rapporteur = fields.match_rapporteur(text)
        if rapporteur:
            self.end_author_run()
            self.rapporteurs += fields.authors_of(line, rapporteur[1], None)
            self.expect_rapporteur = not rapporteur[1]
            return True
        if self.expect_rapporteur:
            self.expect_rapporteur = False
            names = fields.match_names_line(text)
            if names:
                self.rapporteurs += fields.authors_of(line, names.names, None)
                return True
        if not self.in_author_zone:
            return False
        group_line = fields.match_group_line(text)
        if group_line:
            block = self.pending + fields.authors_of(line, group_line.names, group_line.group)
            self.pending = []
            self.author_blocks.append(([Author(a.name, group_line.group, a.line) for a in block], True))
            return True
        names_line = fields.match_names_line(text)
        if names_line:
            self.pending += fields.authors_of(line, names_line.names, None)
            return True
        return False

    def end_author_run(self) -> None:
        """Names with no group line under them: a block of their own."""
        if self.pending:
            self.author_blocks.append((self.pending, False))
            self.pending = []

    # ---------------------------------------------------------------- the result

    def header(self) -> Header:
        self.end_author_run()
        heading = self.heading
        doc_type = self.doc_type or (heading.doc_type if heading else "")
        title = self.title or self.short_title or (heading.subject if heading else "")
        date = self.tabling_date or self.sitting_date or (heading.date if heading else None)
        return Header(
            title=title,
            date=date,
            doc_type=doc_type,
            reference=self.reference,
            procedure=self.procedure,
            authors=tuple(self.rapporteurs) + self.get_authors(),
        )

    def get_authors(self) -> tuple[Author, ...]:
        """The blocks with a group, and those without one where the page has such a block
        after a grouped one (a joint motion's last names) or names no group at all (a
        motion tabled by Members)."""
        grouped = [index for index, (_, has_group) in enumerate(self.author_blocks) if has_group]
        authors: list[Author] = []
        for index, (block, has_group) in enumerate(self.author_blocks):
            if has_group or (grouped and index > grouped[0]) or (not grouped and len(self.author_blocks) == 1):
                authors += block
        return tuple(authors)


def read_header(lines: Sequence[SourceLine], path: str, is_furniture: Callable[[str], bool] = lambda text: False) -> Header:
    """The header's fields; ``is_furniture``: the page's own lines to pass over."""
    reader = _HeaderReader(path)
    for line in lines:
        if not is_furniture(line.text):
            reader.read(line)
    return reader.header()
