"""Parse a raw text into a :class:`~generator.model.Resolution`. Pure: no I/O.

One pass over the lines, in these phases:

``header`` then ``doc_type``
    Switchers and the publication date, then the title (the first line that is none of
    those), then the document type (the lines between the title and the opening formula
    or first unit). A date line is taken anywhere before the body.
``body``
    Citations, recitals, paragraphs and their points. A unit starts only where its label
    is the one expected next (``A`` then ``B`` ...; ``1`` then ``2`` ...), so that "2011. The
    authorities ..." inside a recital stays in it. A line that starts no unit and is no
    noise continues the open unit (see :func:`_continues`).
``people``
    "Responsible MEPs" / "Contact person": name lines, each followed by its role line.
``trailer``
    After the people ("Please share"): nothing more is read but another list of people.

Lines that no recognizer claims and no unit continues are dropped; the body's are
returned by :func:`parse_resolution_with_skipped_lines` for ``check`` to report.

What each line is comes from :mod:`generator.parse.recognizers`; this module keeps the state.

Points: ``(a)``, ``a)``, ``(i)``, ``i)``. A run of roman points right after a lettered point
belongs to that point and gets a nested id, ``para_2__point_a__point_i`` (num ``i``), so
that ``(a) (i) (ii) (b) (i)`` stays unique; roman points with no lettered point before
them are flat, ``para_2__point_i``. "(i)" after "(h)" is the letter i; "(v)" after "(iv)"
is roman. :attr:`Paragraph.points` stays one flat tuple in document order.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from generator.errors import InputError
from generator.model import Citation, Paragraph, PersonRef, Point, RawText, Recital, Resolution, SkippedLine
from generator.parse import recognizers as rec

NO_UNITS_MESSAGE = (
    "expected at least one citation ('having regard to ...'), recital ('A. whereas ...') "
    "or paragraph ('1. ...')"
)

# A page-break continuation may follow at most this many noise lines (a running header
# or footer of the printed page); more than that is the page's related-news block.
_MAX_NOISE_LINES_IN_PAGE_BREAK = 2


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
        # they are normalised already. Normalising again was ~7% of the parse.
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
    phase: str = "header"
    title: str = ""
    doc_type_parts: list[str] = field(default_factory=list)
    preamble: str = ""
    date: datetime.date | None = None
    citations: list[_UnitDraft] = field(default_factory=list)
    recitals: list[_UnitDraft] = field(default_factory=list)
    paragraphs: list[_UnitDraft] = field(default_factory=list)
    points: _PointSequence = field(default_factory=_PointSequence)
    current: _UnitDraft | None = None
    """The unit that a continuation line would join."""
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
    state = _ParseState(raw)
    previous = 0
    for line in rec.source_lines(raw.text):
        if line.number > previous + 1:  # blank lines were left out
            state.blank_since_unit = True
        previous = line.number
        if state.phase in ("header", "doc_type"):
            if _read_header_line(state, line):
                continue
        if state.phase == "body":
            _read_body_line(state, line)
        else:
            _read_people_line(state, line)
    _flush_pending_name(state)
    if not (state.citations or state.recitals or state.paragraphs):
        raise InputError(NO_UNITS_MESSAGE, raw.path)
    return _build_resolution(state), tuple(state.skipped)


# --------------------------------------------------------------------------- header


def _read_header_line(state: _ParseState, line: rec.SourceLine) -> bool:
    """Read a header line; False when the line opens the body and must be read there."""
    printed_date = rec.match_date_line(line)
    if printed_date:
        if state.date is None:
            state.date = rec.to_date(*printed_date)
            if state.date is None:
                raise InputError(f"invalid date {line.text.split('|')[-1].strip()!r} (expected DD.MM.YYYY)",
                                 state.raw.path, line.number)
        return True
    if rec.is_opening_formula(line):
        state.preamble = line.text
        state.phase = "body"
        return True
    if rec.people_section(line) or _starts_unit_in_header(line):
        # Before the noise test: a citation may be one whole Markdown link.
        state.phase = "body"
        return False
    if rec.is_date_label(line) or rec.is_noise(line):
        return True
    if state.phase == "header":
        state.title = line.text
        state.phase = "doc_type"
    else:
        state.doc_type_parts.append(line.text)
    return True


def _starts_unit_in_header(line: rec.SourceLine) -> bool:
    recital = rec.match_recital(line.text)
    paragraph = rec.match_paragraph(line.text)
    return bool(
        rec.match_citation(line.text)
        or (recital and recital[0] == "A")
        or (paragraph and paragraph[0] == "1")
    )


# --------------------------------------------------------------------------- body


def _read_body_line(state: _ParseState, line: rec.SourceLine) -> None:
    section = rec.people_section(line)
    if section:
        _start_people(state, section)
        return
    if not state.body_ended and _start_unit(state, line):
        state.after_teaser_category = False
        return
    if rec.is_noise(line):
        folded = line.text.casefold()
        if folded in rec.BODY_END_HEADINGS and state.current:
            state.body_ended = True
        state.noise_since_unit += 1
        state.after_teaser_category = folded in rec.TEASER_CATEGORIES
        return
    if state.after_teaser_category:
        # The image credit of a related-news card ("hosnysalah"): free text, but noise.
        state.after_teaser_category = False
        state.noise_since_unit += 1
        return
    if state.current and not state.body_ended and _continues(state, line):
        state.current.parts.append(line.text)
        state.blank_since_unit = False
        state.noise_since_unit = 0
        return
    # A line nobody claims, after a complete unit: the page's, not the resolution's.
    state.noise_since_unit += 1
    if not state.body_ended:
        state.skipped.append(SkippedLine(line.number, line.text))


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
    return (
        unit.is_open()
        or rec.starts_lowercase_or_digit(line.text)
        or bool(rec.match_recital(line.text) or rec.match_paragraph(line.text))
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
                _open(state, state.citations, _UnitDraft("citation", eid, "", line.number, [citation]))
                return True
        recital = rec.match_recital(text)
        if recital and recital[0] == rec.next_recital_label(recitals[-1].num if recitals else None):
            label, rest = recital
            _open(state, recitals, _UnitDraft("recital", f"rec_{label}", label, line.number, [rest]))
            return True
    paragraph = rec.match_paragraph(text)
    if paragraph and int(paragraph[0]) == len(paragraphs) + 1 and paragraph[0][0] != "0":
        number, rest = paragraph
        state.points = _PointSequence()
        _open(state, paragraphs, _UnitDraft("paragraph", f"para_{number}", number, line.number, [rest]))
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
    _open(state, paragraph.points, _UnitDraft("point", eid, label, line.number, [rest]))
    return True


def _open(state: _ParseState, units: list[_UnitDraft], unit: _UnitDraft) -> None:
    units.append(unit)
    state.current = unit
    state.blank_since_unit = False
    state.noise_since_unit = 0


# --------------------------------------------------------------------------- people


def _start_people(state: _ParseState, section: str) -> None:
    _flush_pending_name(state)
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


def _build_resolution(state: _ParseState) -> Resolution:
    raw = state.raw
    return Resolution(
        path=raw.path,
        lang=raw.lang,
        title=state.title,
        date=state.date,
        doc_type=rec.normalise_space(" ".join(state.doc_type_parts)),
        preamble=state.preamble,
        # Fields by position: a third cheaper than by keyword for the frozen units.
        citations=tuple([Citation(d.eid, d.text(), d.line) for d in state.citations]),
        recitals=tuple([Recital(d.eid, d.num, d.text(), d.line) for d in state.recitals]),
        paragraphs=tuple([
            Paragraph(d.eid, d.num, d.text(), d.line, tuple([Point(p.eid, p.num, p.text(), p.line) for p in d.points]))
            for d in state.paragraphs
        ]),
        meps=tuple(state.meps),
        contacts=tuple(state.contacts),
    )
