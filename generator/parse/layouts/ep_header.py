"""The header of a Parliament text as the Parliament's pages and EUR-Lex print it: the
fields of ``ep_document`` (see there), read in one pass. EUR-Lex's text of a resolution
(``eurlex``) has the same heading, sitting, short title and number, inside its own
furniture, which it tells the reader to pass over.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable, Sequence

from generator.errors import InputError
from generator.model import Author, Citation
from generator.parse import fields
from generator.parse.lang import Grammar, get_grammars
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
_FIRST_NUMBER = re.compile(fields.REFERENCE)
# The box as the page's frame prints it in any of the Parliament's languages, whatever the
# language of the text (an English motion in a Slovak frame: "Postup : 2014/2727(RSP)",
# "Postup v rámci schôdze", "Postup dokumentu : B8-0010/2014", "Predkladané texty :"):
# the procedure's label and number; a caption (words alone); labels, a space before their
# colon, with nothing after them or the box's values.
_FRAME_PROCEDURE_LABEL = re.compile(r"^[^\W\d_][^\d:|]{0,40}\s:\s*(?P<value>\d{4}/\d{4}\([A-Z]{3}\))$")
_FRAME_LABEL = re.compile(r"^[^\W\d_][^\d:|]{0,60}\s:(?:\s+(?P<value>\S.*))?$")
_FRAME_CAPTION = re.compile(r"^[^\W\d_][^\W\d_]*(?: [^\W\d_]+){0,7}$")
# "EN - English", "bg - български", "en - English (Selected)", "(Selected)".
_LANGUAGE_ITEM = re.compile(rf"^(?:(?i:{LANGUAGE_CODES})\s+-\s+\S.*|\((?:Selected|sélectionné)\))$")
# "PDF 254kWORD 100k", "159k", "RC-10-2025-0249_EN (PDF - 147 KB)", "001-002 (DOC - 69 KB)".
_FILE_LINK = re.compile(r"(?:\b(?:PDF|WORD|DOC)\b.*\b\d+\s*(?:k|KB)\b|^\d+\s*k$)")
_LIST_MARKER = re.compile(r"^[*+•·]\s+")
_SUBJECT_LINE = re.compile(rf"^(?:{fields.alternation(w for g in _GRAMMARS for w in g.subject_openers)})\s+(?!behalf\b)\S")
# The types of the documents that have authors on their page: motions and reports, not
# the texts adopted ("European Parliament resolution"). The document their page's stages
# box selects is the document itself; a text adopted's box selects the report or motion
# it adopted.
_DOCUMENT_TYPES = frozenset(
    name for g in _GRAMMARS for printed, name in g.document_types.items()
    if not printed.startswith(("european", "résolution", "décision", "recommandation du"))
)
# The motions: their page names the members tabling them, on lines of names; a report
# names its rapporteurs after their label alone ("Rapporteur: X").
_MOTION_TYPES = _DOCUMENT_TYPES - fields.REPORT_TYPES
_SESSION_DOCUMENT = re.compile(rf"^{fields.SESSION_DOCUMENT}$")


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
        self.box_labels = 0
        """Labels read in the stages box being read: the first is the selected document's."""
        self.selected_document = ""
        """The number of the document the stages box selects ("Document selected : B8-0017/2014")."""
        self.awaiting_selected = False
        """The box's first label was read without its number: it may be on the next line."""
        self.replaces_motions = False
        self.tabling_grammar: Grammar | None = None
        """The language of the first line naming members "on behalf of" a group, on a page
        that printed no type before it."""
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
            self.replaces_motions = True
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
        if self.read_frame_label(text):
            return
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
        procedure_label = _PROCEDURE_LABEL.match(text) or _FRAME_PROCEDURE_LABEL.match(text)
        if procedure_label:
            self.end_author_run()
            self.open_stages_box()
            self.expect_procedure = not procedure_label["value"]
            return True
        label = _STAGES_LABEL.match(text)
        if not label and self.in_stages_box:
            label = _FRAME_LABEL.match(text)
            if label and not self.box_value_fits(label["value"]):
                label = None
        if label:
            self.end_author_run()
            if not self.in_stages_box:
                self.open_stages_box()
            if ":" in text:  # a label, not the box's caption ("Document stages in plenary")
                self.read_box_label(label["value"] or "")
            return True
        if self.in_stages_box:
            if _STAGES_SITTING.match(text):
                self.awaiting_selected = False
                return True
            if _STAGES_NUMBERS.match(text.replace(" ", "")):
                if self.awaiting_selected:
                    self.note_selected_document(text)
                return True
            if self.is_box_caption(text):
                return True
            self.in_stages_box = False
        return False

    def read_frame_label(self, text: str) -> bool:
        """A label of the stages box in the page frame's language, where no box is open
        (a box with no procedure line above it): it opens one."""
        found = _FRAME_LABEL.match(text)
        if not found or not self.box_value_fits(found["value"]):
            return False
        self.open_stages_box()
        self.read_box_label(found["value"] or "")
        return True

    def open_stages_box(self) -> None:
        self.in_stages_box = True
        self.box_labels = 0
        self.awaiting_selected = False

    def read_box_label(self, value: str) -> None:
        """A label of the box with what follows its colon: the first label's number is
        the selected document's, on its line or the next."""
        self.box_labels += 1
        first = self.box_labels == 1
        self.awaiting_selected = first and not value
        if first and _STAGES_NUMBERS.match(value.replace(" ", "")):
            self.note_selected_document(value)

    def note_selected_document(self, numbers: str) -> None:
        """The first of the box's numbers (glued, as "P7_TA(2014)0206A7-0100/2014")."""
        self.awaiting_selected = False
        found = _FIRST_NUMBER.match(numbers.replace(" ", ""))
        if found and not self.selected_document:
            self.selected_document = fields.normalise_reference(found[0])

    @staticmethod
    def box_value_fits(value: str | None) -> bool:
        """Nothing, minutes or document numbers: what the box prints after a label."""
        return not value or bool(_STAGES_SITTING.match(value) or _STAGES_NUMBERS.match(value.replace(" ", "")))

    @staticmethod
    def is_box_caption(text: str) -> bool:
        """Words alone in the box: its caption ("Postup v rámci schôdze") or a link
        ("Vysvetlenie hlasovaní", explanations of votes); not the resolution's heading
        that may follow the box ("European Parliament resolution on Yemen")."""
        return (
            bool(_FRAME_CAPTION.match(text))
            and text[:1].isupper()
            and not text.isupper()
            and fields.match_resolution_heading(text) is None
        )

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
                self.in_author_zone = heading.doc_type in _MOTION_TYPES
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
            return self.read_tabling_line(line, text)
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

    def read_tabling_line(self, line: SourceLine, text: str) -> bool:
        """Names and their group on one line ("Judith Sargentini, Jean Lambert on behalf of
        the Verts/ALE Group") where no type heading opened the authors' place: the older
        motion pages print only the subject ("on Sudan, ...") above their authors. The
        names read below it, up to the resolution's heading, are authors too."""
        if self.doc_type or self.heading is not None:
            return False
        group_line = fields.match_group_line(text)
        if group_line is None or not group_line.names:
            return False
        self.in_author_zone = True
        self.tabling_grammar = self.tabling_grammar or group_line.grammar
        self.author_blocks.append((fields.authors_of(line, group_line.names, group_line.group), True))
        return True

    def end_author_run(self) -> None:
        """Names with no group line under them: a block of their own."""
        if self.pending:
            self.author_blocks.append((self.pending, False))
            self.pending = []

    # ---------------------------------------------------------------- the result

    def header(self) -> Header:
        self.end_author_run()
        heading = self.heading
        doc_type = self.doc_type or self.tabled_type() or (heading.doc_type if heading else "")
        title = self.title or self.short_title or (heading.subject if heading else "")
        date = self.tabling_date or self.sitting_date or (heading.date if heading else None)
        reference = self.reference
        if not reference and doc_type in _DOCUMENT_TYPES and _SESSION_DOCUMENT.match(self.selected_document):
            reference = self.selected_document
        return Header(
            title=title,
            date=date,
            doc_type=doc_type,
            reference=reference,
            procedure=self.procedure,
            authors=tuple(self.rapporteurs) + self.get_authors(),
        )

    def tabled_type(self) -> str:
        """A motion's type, for a page that printed none but named members tabling it."""
        grammar = self.tabling_grammar
        if grammar is None:
            return ""
        return grammar.joint_motion_type if self.replaces_motions else grammar.motion_type

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


def complete_header(header: Header, citations: Sequence[Citation]) -> Header:
    """A report's number, where its page prints it only in the citation of the report by
    its resolution ("vu le rapport de la commission des affaires constitutionnelles
    (A9-0214/2023)", the last citation of a current doceo report's page)."""
    if header.reference or header.doc_type not in fields.REPORT_TYPES:
        return header
    for citation in reversed(citations):
        number = fields.find_own_report_number(citation.text)
        if number:
            return dataclasses.replace(header, reference=number)
    return header
