"""The source page layouts the parser reads: one module per layout, tried in order.

A layout knows its page's header (where the title, the date, the type, the document
number, the procedure and the authors stand, and the furniture around them) and the
furniture of its page between the units (EUR-Lex's running headers). What every page
shares, the units themselves, is read by ``generator.parse.parser`` with the shared
recognizers.

    eurlex_notice   EUR-Lex's "Document information" page: metadata, no text
    eurlex          EUR-Lex's text of a resolution as the Official Journal printed it
    greens_efa      the Greens/EFA group's document pages (the bundled sample)
    ep_document     the Parliament's own document pages (doceo, and the older
                    sides/getDoc.do ones, whose text is laid out the same way): motions
                    (B-), joint motions (RC-), reports (A-), texts adopted (TA-)
    generic         anything else: title, then type, then the text

A new source is one more module with a ``LAYOUT``, added to :func:`get_layouts`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from generator.model import Author, Citation
from generator.parse.recognizers import SourceLine


@dataclass(frozen=True)
class Header:
    """What a page's header says of its text."""

    title: str = ""
    date: datetime.date | None = None
    doc_type: str = ""
    reference: str = ""
    procedure: str = ""
    authors: tuple[Author, ...] = ()


def _unchanged(lines: list[SourceLine]) -> list[SourceLine]:
    return lines


def _never(line: SourceLine) -> bool:
    return False


def _as_read(header: Header, citations: Sequence[Citation]) -> Header:
    return header


@dataclass(frozen=True)
class Layout:
    """One source page layout."""

    name: str
    """Its name, as ``parse --json`` reports it (``layout``)."""
    recognizes: Callable[[str], bool]
    """Whether a decoded raw text is a page of this layout (a quick look at its furniture)."""
    read_header: Callable[[Sequence[SourceLine], str], Header]
    """The header's fields, from the lines before the text's body (and the file's path,
    for an error naming it)."""
    prepare: Callable[[list[SourceLine]], list[SourceLine]] = _unchanged
    """The page's lines with what only this page prints around words taken away (the
    Parliament's template tags), before anything is read."""
    complete_header: Callable[[Header, Sequence[Citation]], Header] = _as_read
    """The header with what the text's citations tell of it and the header did not (a
    report's number, where the page prints it only in the report's citation of itself)."""
    is_body_furniture: Callable[[SourceLine], bool] = _never
    """Lines of the page that may stand between units and are never words of the text."""
    has_body: bool = True
    """False for a page of metadata only: it has no units, and that is no error."""
    header_names_a_document: bool = False
    """A page whose header gave a document type is a document even with no units (an
    excerpt cut before the text begins, as a joint motion's long list of authors may be):
    no error, and ``check`` warns."""
    responsible_meps_are_authors: bool = False
    """The page's "Responsible MEPs" are the text's authors when it names no others."""


@cache
def get_layouts() -> tuple[Layout, ...]:
    """The layouts in the order they are tried: the most particular first."""
    from generator.parse.layouts import ep_document, eurlex, eurlex_notice, generic, greens_efa

    return (eurlex_notice.LAYOUT, eurlex.LAYOUT, greens_efa.LAYOUT, ep_document.LAYOUT, generic.LAYOUT)


def find_layout(text: str) -> Layout:
    """The first layout that recognizes ``text`` (the last, ``generic``, takes any)."""
    return next(layout for layout in get_layouts() if layout.recognizes(text))
