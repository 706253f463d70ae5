"""A page of no known layout, read as the simplest pages are laid out: the title, then the
document type, then the text.

The header's first line that is no known furniture (a language switcher, a date line,
site chrome) is the title; the lines after it, up to the body, are the document type,
but for a line naming the authors ("Tabled by X, Y on behalf of the Greens/EFA Group",
"déposée par X au nom du groupe Verts/ALE"). A date line ("Publication | 07.03.2012",
"07.03.2012") is the date.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.errors import InputError
from generator.model import Author
from generator.parse import fields
from generator.parse import recognizers as rec
from generator.parse.layouts import Header, Layout
from generator.parse.recognizers import SourceLine


def read_header(lines: Sequence[SourceLine], path: str) -> Header:
    title = ""
    doc_type_parts: list[str] = []
    date = None
    authors: list[Author] = []
    for line in lines:
        printed_date = rec.match_date_line(line)
        if printed_date:
            if date is None:
                date = rec.to_date(*printed_date)
                if date is None:
                    raise InputError(f"invalid date {line.text.split('|')[-1].strip()!r} (expected DD.MM.YYYY)", path, line.number)
            continue
        if rec.is_date_label(line) or rec.is_noise(line):
            continue
        if title:
            author_line = fields.match_group_line(line.text)
            if author_line and author_line.names:
                authors += fields.authors_of(line, author_line.names, author_line.group)
                continue
            doc_type_parts.append(line.text)
        else:
            title = line.text
    return Header(title=title, date=date, doc_type=rec.normalise_space(" ".join(doc_type_parts)), authors=tuple(authors))


LAYOUT = Layout(name="generic", recognizes=lambda text: True, read_header=read_header)
