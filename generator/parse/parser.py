"""Parse a raw text into a :class:`~generator.model.Resolution`. Pure: no I/O.

1. The lines, cleaned (``recognizers.source_lines``: Markdown, PHP dumps, table rows);
   the page's layout (``generator.parse.layouts``), which takes away what only its page
   prints around the words (``Layout.prepare``); the conversions' fragments put together
   and run-on lines cut (``generator.parse.fragments``).
2. The header, everything before the body, is read by the layout: title, date, type,
   number, procedure, authors (completed from the citations where a page prints a field
   only there: ``Layout.complete_header``). The body starts after the opening formula
   ("The European Parliament,"), or where a page without one has its first unit.
3. The body, one pass over its lines: citations, recitals, paragraphs and their points,
   then amendments. A unit starts only where its label is the one expected next (``A``
   then ``B`` ...; ``1`` then ``2`` ...), so that "2011. The authorities ..." inside a
   recital stays in it. A line that starts no unit and is no noise continues the open
   unit (see :func:`_continues`), or is a heading printed among the units ("General
   remarks"). The body ends at the notes under the text ("[1] OJ C ..."), at what
   follows a report's resolution ("EXPLANATORY STATEMENT"), at the page's footer, at its
   related-news block ("Recommended"), or at its list of people.
4. People: "Responsible MEPs" / "Contact person", name lines each followed by its role
   line; after them ("Please share") nothing more is read but another list of people.

Lines of the body that no recognizer claims and no unit takes, before the last unit, are
returned by :func:`parse_resolution_with_skipped_lines` for ``check`` to report: they may
be words of the text.

Points: ``(a)``, ``a)``, ``(i)``, ``i)``. A run of roman points right after a lettered point
belongs to that point and gets a nested id, ``para_2__point_a__point_i`` (num ``i``), so
that ``(a) (i) (ii) (b) (i)`` stays unique; roman points with no lettered point before
them are flat, ``para_2__point_i``. "(i)" after "(h)" is the letter i; "(v)" after "(iv)"
is roman. :attr:`Paragraph.points` stays one flat tuple in document order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.errors import InputError
from generator.model import (
    Author,
    Citation,
    Heading,
    Paragraph,
    PersonRef,
    Point,
    RawText,
    Recital,
    Resolution,
    SkippedLine,
)
from generator.parse import fragments
from generator.parse import recognizers as rec
from generator.parse.amendments import AmendmentDraft, starts_amendment
from generator.parse.layouts import Header, Layout, find_layout

NO_UNITS_MESSAGE = (
    "expected at least one citation ('having regard to ...'), recital ('A. whereas ...') "
    "or paragraph ('1. ...')"
)

# A page-break continuation may follow at most this many noise lines (a running header
# or footer of the printed page); more than that is the page's related-news block.
_MAX_NOISE_LINES_IN_PAGE_BREAK = 2

_MAX_HEADING_LENGTH = 200
"""A heading among the units is shorter than this ("I. ECONOMIC GROWTH", "General remarks")."""

# The notes under the text: "[1] Texts adopted, ...", "(1) OJ C 184 E, ...", the first one
# at the start of its line, after a complete unit.
_FIRST_NOTE = re.compile(r"^(?:\[1\]|\(1\))(?:\s|$)")

# The words a line starts with where the body may end (``_ends_body``) or an amendment
# start (``starts_amendment``). Both are asked of every line of the body and most lines
# start otherwise: this one pattern tells them so, and only the rest are tested.
_MAY_END_BODY_OR_START_AMENDMENT = re.compile(
    "|".join(re.escape(words) for words in (*rec.END_OF_PAGE, *rec.END_OF_TEXT_OPENERS, *rec.END_OF_TEXT_HEADINGS))
    + rf"|\[1\]|\(1\)|(?i:{rec.AMENDMENT_WORDS})"
)


@dataclass(slots=True)
class _UnitDraft:
    """A unit being read: its lines are gathered, its text is joined at the end."""

    kind: str
    """``citation``, ``recital``, ``paragraph`` or ``point``."""
    eid: str
    num: str
    line: int
    parts: list[str]
    """Its lines as cleaned (``SourceLine.text``), the first without its label: each
    non-empty, whitespace normalised."""
    points: list[_UnitDraft] = field(default_factory=list)

    def text(self) -> str:
        # Each part is a cleaned line (``SourceLine.text``, whitespace normalised) or
        # its tail after the label, which starts at a non-space: joined by single spaces
        # they are normalised already, and normalising them again was not free.
        return " ".join(self.parts)

    def is_open(self) -> bool:
        """True when the text visibly goes on: its last line ends without punctuation
        ("... against the" before a page break)."""
        last = self.parts[-1].rstrip() if self.parts else ""
        closers = rec.TERMINAL_PUNCTUATION + ((",",) if self.kind == "citation" else ())
        return not last.endswith(closers)


@dataclass
class _PointSequence:
    """Which point labels may come next in the current paragraph."""

    last_letter: str | None = None
    last_roman: str | None = None
    """Last roman point of the current run (reset by each lettered point)."""

    def place(self, label: str) -> str | None:
        """``letter`` or ``roman`` when ``label`` is a next point, else None."""
        if self.last_roman and label == rec.next_roman(self.last_roman):
            return "roman"  # "(v)" after "(iv)"
        if label == rec.next_letter(self.last_letter):
            return "letter"  # "(i)" after "(h)"
        if label == "i" and not self.last_roman:
            return "roman"
        return None


@dataclass
class _ParseState:
    raw: RawText
    layout: Layout
    preamble: str = ""
    phase: str = "body"
    """``body``, ``people`` (a list of people) or ``trailer`` (after it)."""
    citations: list[_UnitDraft] = field(default_factory=list)
    recitals: list[_UnitDraft] = field(default_factory=list)
    paragraphs: list[_UnitDraft] = field(default_factory=list)
    amendments: list[AmendmentDraft] = field(default_factory=list)
    amendment: AmendmentDraft | None = None
    """The amendment being read."""
    points: _PointSequence = field(default_factory=_PointSequence)
    current: _UnitDraft | None = None
    """The unit that a continuation line would join."""
    headings: list[Heading] = field(default_factory=list)
    pending_headings: list[tuple[str, int]] = field(default_factory=list)
    """Headings read, waiting for the unit they stand before."""
    last_unit_line: int = 0
    """The last line of the file that a unit took: lines skipped after it are the page's."""
    blank_since_unit: bool = False
    noise_since_unit: int = 0
    after_teaser_category: bool = False
    body_ended: bool = False
    people_kind: str = ""
    pending_name: tuple[str, int] | None = None
    meps: list[PersonRef] = field(default_factory=list)
    contacts: list[PersonRef] = field(default_factory=list)
    skipped: list[SkippedLine] = field(default_factory=list)


def parse_resolution(raw: RawText) -> Resolution:
    """The structure of one raw text. Raises :class:`InputError` (with file and line) for
    an invalid date or a text without any unit."""
    return parse_resolution_with_skipped_lines(raw)[0]


def parse_resolution_with_skipped_lines(raw: RawText) -> tuple[Resolution, tuple[SkippedLine, ...]]:
    """:func:`parse_resolution`, and the lines it dropped without knowing them for noise
    (for ``check`` to report)."""
    layout = find_layout(raw.text)
    lines = fragments.join_fragments(fragments.split_run_on_lines(layout.prepare(rec.source_lines(raw.text))))
    header_end, body_start = _find_body(lines, layout)
    header = layout.read_header(lines[:header_end], raw.path)
    state = _ParseState(raw, layout, preamble=_preamble(lines, header_end, body_start))
    body = lines[body_start:]
    previous = lines[body_start - 1].end or lines[body_start - 1].number if 0 < body_start <= len(lines) else 0
    for index, line in enumerate(body):
        if line.number > previous + 1:  # blank lines were left out
            state.blank_since_unit = True
        previous = line.end or line.number
        if state.phase == "body":
            _read_body_line(state, body, index)
        else:
            _read_people_line(state, line)
    _flush_pending_name(state)
    _close_amendment(state)
    no_units = not (state.citations or state.recitals or state.paragraphs or state.amendments)
    if no_units and layout.has_body and not (layout.header_names_a_document and header.doc_type):
        raise InputError(NO_UNITS_MESSAGE, raw.path)
    skipped = tuple(s for s in state.skipped if s.line < state.last_unit_line)
    return _build_resolution(state, header), skipped


def _find_body(lines: list[rec.SourceLine], layout: Layout) -> tuple[int, int]:
    """(end of the header, start of the body): the opening formula's line between them,
    or where there is none, the first unit's line (or a list of people) starting the
    body. A page without a body is all header."""
    if not layout.has_body:
        return len(lines), len(lines)
    for index, line in enumerate(lines):
        if rec.is_opening_formula(line):
            return index, index + 1
    for index, line in enumerate(lines):
        if rec.people_section(line) or _starts_first_unit(line):
            return index, index
    return len(lines), len(lines)


def _preamble(lines: list[rec.SourceLine], header_end: int, body_start: int) -> str:
    if body_start == header_end:
        return ""
    # get_text puts the formula's comma on a line of its own: "The European Parliament ,".
    return re.sub(r"\s+,$", ",", lines[header_end].text)


def _starts_first_unit(line: rec.SourceLine) -> bool:
    recital = rec.match_recital(line.text)
    paragraph = rec.match_paragraph(line.text)
    return bool(
        rec.match_citation(line.text)
        or (recital and recital[0] == "A")
        or (paragraph and paragraph[0] == "1")
    )


# --------------------------------------------------------------------------- body


def _read_body_line(state: _ParseState, lines: list[rec.SourceLine], index: int) -> None:
    line = lines[index]
    section = rec.people_section(line)
    if section:
        _start_people(state, section)
        return
    if state.layout.is_body_furniture(line):
        return
    if not state.body_ended and _MAY_END_BODY_OR_START_AMENDMENT.match(line.text):
        if _ends_body(state, line):
            state.body_ended = True
            _close_amendment(state)
            return
        if starts_amendment(lines, index, len(state.amendments) + 1):
            _close_amendment(state)
            state.amendment = AmendmentDraft(str(len(state.amendments) + 1), line.number)
            state.amendments.append(state.amendment)
            state.current = None
            _took(state, line)
            return
    if state.amendment is not None:
        if state.amendment.read(line, state.blank_since_unit):
            state.blank_since_unit = False
            _took(state, line)
            return
        _close_amendment(state)
    if not state.body_ended and not state.amendments and _start_unit(state, line):
        state.after_teaser_category = False
        return
    if rec.is_noise(line):
        folded = line.text.casefold()
        if folded in rec.BODY_END_HEADINGS and state.current:
            state.body_ended = True
        state.noise_since_unit += 1
        state.after_teaser_category = folded in rec.TEASER_CATEGORIES
        return
    if rec.is_lone_bullet(line):
        return  # a bullet with no words after it: the start of a unit cut off (an excerpt's end)
    if state.after_teaser_category:
        # The image credit of a related-news card ("hosnysalah"): free text, but noise.
        state.after_teaser_category = False
        state.noise_since_unit += 1
        return
    if state.current and not state.body_ended and _continues(state, line):
        state.current.parts.append(line.text)
        state.blank_since_unit = False
        state.noise_since_unit = 0
        _took(state, line)
        return
    if not state.body_ended and not state.amendments and _is_heading(state, line):
        state.pending_headings.append((line.text, line.number))
        return
    # A line nobody claims, after a complete unit: the page's, not the resolution's.
    state.noise_since_unit += 1
    if not state.body_ended:
        state.skipped.append(SkippedLine(line.number, line.text))


def _ends_body(state: _ParseState, line: rec.SourceLine) -> bool:
    """The notes under the text, what follows a report's resolution ("EXPLANATORY
    STATEMENT") or a legislative resolution (the act adopted: "Position of the European
    Parliament adopted at first reading ..."), the page's footer ("Last updated: 7 May 2025").

    Asked only of the lines ``_MAY_END_BODY_OR_START_AMENDMENT`` admits: a line this
    accepts must start as that pattern says."""
    text = line.text
    if text.startswith(rec.END_OF_PAGE) or text.startswith(rec.END_OF_TEXT_OPENERS):
        return True
    if text.startswith(rec.END_OF_TEXT_HEADINGS) and text.upper() == text:
        return True
    return bool(state.current and _FIRST_NOTE.match(text) and not state.current.is_open())


def _took(state: _ParseState, line: rec.SourceLine) -> None:
    state.last_unit_line = max(state.last_unit_line, line.end or line.number)


def _close_amendment(state: _ParseState) -> None:
    state.amendment = None


def _is_heading(state: _ParseState, line: rec.SourceLine) -> bool:
    """A short line after a blank one and a complete unit (or before the first unit),
    capitalised, not ending as a sentence's part does ("General remarks", "I. ECONOMIC
    GROWTH", "Human rights"): a heading printed among the units."""
    text = line.text
    if len(text) > _MAX_HEADING_LENGTH or not (state.blank_since_unit or not state.current):
        return False
    if state.current and state.current.is_open():
        return False
    first = text[:1]
    return (first.isupper() or first.isdigit()) and not text.endswith((",", ";", ":", "."))


def _continues(state: _ParseState, line: rec.SourceLine) -> bool:
    """Whether ``line`` (no unit start, no known noise) goes on with the open unit.

    - right below it, with no blank line: a hard-wrapped line, always;
    - after blank lines only (a page break: recital O "... against the" / "repression and
      calling ..."): when the unit is visibly unfinished, or the line starts in lower case
      or with a digit ("2011. The authorities ..."), or looks like a label out of sequence
      ("C. something" while at recital P);
    - after a few noise lines (a page's running header): only an unfinished unit going on
      in lower case. After the last paragraph the related-news block is more than a few
      lines, so nothing there is taken into paragraph 13.
    """
    unit = state.current
    assert unit is not None
    if state.noise_since_unit:
        return (
            state.noise_since_unit <= _MAX_NOISE_LINES_IN_PAGE_BREAK
            and unit.is_open()
            and rec.starts_lowercase_or_digit(line.text)
        )
    if not state.blank_since_unit:
        return True
    # A label out of sequence goes on with the unit ("C. something" while at recital P),
    # but not a heading in capitals ("I. HUMAN RIGHTS").
    return (
        unit.is_open()
        or rec.starts_lowercase_or_digit(line.text)
        or bool(rec.match_recital(line.text) or rec.match_paragraph(line.text)) and not line.text.isupper()
    )


def _start_unit(state: _ParseState, line: rec.SourceLine) -> bool:
    """Start the unit whose label ``line`` carries, when it is the one expected next."""
    text = line.text
    paragraphs = state.paragraphs
    if not paragraphs:
        recitals = state.recitals
        if not recitals:
            citation = rec.match_citation(text)
            if citation is None and (state.citations or state.preamble):
                # A bulleted item among the citations that lacks "having regard to".
                citation = rec.match_bulleted(text)
            if citation is not None:
                eid = f"cit_{len(state.citations) + 1}"
                _open(state, state.citations, _UnitDraft("citation", eid, "", line.number, [citation]), line)
                return True
        recital = rec.match_recital(text)
        if recital and recital[0] == rec.next_recital_label(recitals[-1].num if recitals else None):
            label, rest = recital
            _open(state, recitals, _UnitDraft("recital", f"rec_{label}", label, line.number, [rest]), line)
            return True
    paragraph = rec.match_paragraph(text)
    if paragraph and int(paragraph[0]) == len(paragraphs) + 1 and paragraph[0][0] != "0":
        number, rest = paragraph
        state.points = _PointSequence()
        _open(state, paragraphs, _UnitDraft("paragraph", f"para_{number}", number, line.number, [rest]), line)
        return True
    if paragraphs:
        point = rec.match_point(text)
        if point:
            return _start_point(state, line, *point)
    return False


def _start_point(state: _ParseState, line: rec.SourceLine, label: str, rest: str) -> bool:
    paragraph = state.paragraphs[-1]
    sequence = state.points
    place = sequence.place(label)
    if place is None:
        return False
    if place == "letter":
        sequence.last_letter, sequence.last_roman = label, None
        eid = f"{paragraph.eid}__point_{label}"
    else:
        sequence.last_roman = label
        parent = f"__point_{sequence.last_letter}" if sequence.last_letter else ""
        eid = f"{paragraph.eid}{parent}__point_{label}"
    _open(state, paragraph.points, _UnitDraft("point", eid, label, line.number, [rest]), line)
    return True


def _open(state: _ParseState, units: list[_UnitDraft], unit: _UnitDraft, line: rec.SourceLine) -> None:
    units.append(unit)
    state.current = unit
    state.blank_since_unit = False
    state.noise_since_unit = 0
    _took(state, line)
    if state.pending_headings:
        state.headings += [Heading(text, number, unit.eid) for text, number in state.pending_headings]
        state.pending_headings = []


# --------------------------------------------------------------------------- people


def _start_people(state: _ParseState, section: str) -> None:
    _flush_pending_name(state)
    _close_amendment(state)
    state.phase = "people"
    state.people_kind = section
    state.body_ended = True
    state.current = None


def _read_people_line(state: _ParseState, line: rec.SourceLine) -> None:
    section = rec.people_section(line)
    if section:
        _start_people(state, section)
        return
    if state.phase != "people":
        return
    if rec.is_site_chrome(line) or rec.is_language_switcher(line):
        # "Please share", "[.E-Mail](#)": the list is over.
        _flush_pending_name(state)
        state.phase = "trailer"
        return
    if rec.is_noise(line) and not rec.is_whole_line_link(line):
        return  # a photo credit between people; a linked name is still a name
    if state.pending_name is None:
        state.pending_name = (line.text, line.number)
    else:
        name, number = state.pending_name
        _people_list(state).append(PersonRef(name=name, role=line.text, line=number))
        state.pending_name = None


def _flush_pending_name(state: _ParseState) -> None:
    """A name with no role line under it: kept, with role ""."""
    if state.pending_name is not None:
        name, number = state.pending_name
        _people_list(state).append(PersonRef(name=name, role="", line=number))
        state.pending_name = None


def _people_list(state: _ParseState) -> list[PersonRef]:
    return state.meps if state.people_kind == "meps" else state.contacts


# --------------------------------------------------------------------------- result


def _build_resolution(state: _ParseState, header: Header) -> Resolution:
    raw = state.raw
    # Fields by position: cheaper than by keyword for the frozen units.
    citations = tuple([Citation(d.eid, d.text(), d.line) for d in state.citations])
    header = state.layout.complete_header(header, citations)
    authors = header.authors
    if not authors and state.layout.responsible_meps_are_authors:
        authors = tuple(Author(name=m.name, group=None, line=m.line) for m in state.meps)
    return Resolution(
        path=raw.path,
        lang=raw.lang,
        title=header.title,
        date=header.date,
        doc_type=header.doc_type,
        preamble=state.preamble,
        citations=citations,
        recitals=tuple([Recital(d.eid, d.num, d.text(), d.line) for d in state.recitals]),
        paragraphs=tuple([
            Paragraph(d.eid, d.num, d.text(), d.line, tuple([Point(p.eid, p.num, p.text(), p.line) for p in d.points]))
            for d in state.paragraphs
        ]),
        meps=tuple(state.meps),
        contacts=tuple(state.contacts),
        reference=header.reference,
        procedure=header.procedure,
        authors=authors,
        amendments=tuple(draft.build() for draft in state.amendments),
        headings=tuple(state.headings),
        layout=state.layout.name,
    )
