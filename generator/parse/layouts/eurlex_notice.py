"""EUR-Lex's "Document information" page of a Parliament document
(``/legal-content/EN/ALL/?uri=EP:P9_A(2021)0270``): metadata, and no text.

The document's heading, three times ("SECOND REPORT on <subject> (2020/2167(DEC))
Committee on Budgetary Control Rapporteur: Ryszard Czarnecki"), then labelled values,
each value under its label: "Date of document:" 30/09/2021, "Rapporteur:" Ryszard
CZARNECKI, "Form:" Report, "Procedure number:" 2020/2167/DEC. The number is the page's
"Document P9_A(2021)0270". Such a page has no units, and that is no error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.model import Author
from generator.parse import fields
from generator.parse.lang import get_grammars
from generator.parse.layouts import Header, Layout
from generator.parse.recognizers import SourceLine

_GRAMMARS = get_grammars()
_LABELS: dict[str, str] = {
    label.casefold(): field for g in _GRAMMARS for field, labels in g.notice_labels.items() for label in labels
}
_DATE_LABELS = "|".join(re.escape(label) for g in _GRAMMARS for label in g.notice_labels.get("date", ()))
_RECOGNIZED = re.compile(rf"^\s*(?:{_DATE_LABELS})\s*:", re.MULTILINE)
_LABEL_LINE = re.compile(r"^(?P<label>[^:]{2,40}?)\s*:$")
_VALUE_MARKS = re.compile(r"^(?::\s*)?(?:[*+]\s+)?")
_NUMBER = re.compile(rf"^(?:Document\s+|EUR-Lex\s+-\s+)(?P<reference>{fields.REFERENCE})\b")
_RAPPORTEUR_IN_HEADING = re.compile(
    rf"\b(?:{fields.alternation(w for g in _GRAMMARS for w in g.rapporteur_labels)})\s*:\s*(?P<names>[^:]+)$"
)


def recognizes(text: str) -> bool:
    return "EUR-Lex" in text and bool(_RECOGNIZED.search(text))


def read_header(lines: Sequence[SourceLine], path: str) -> Header:
    title = doc_type = form = reference = procedure = ""
    date = None
    heading_authors: list[Author] = []
    listed_authors: list[Author] = []
    label = ""
    for line in lines:
        text = line.text
        if label:
            value = _VALUE_MARKS.sub("", text)
            if label == "date":
                date = date or fields.match_slashed_date(value)
            elif label == "form":
                form = form or value
            elif label == "rapporteur" and not listed_authors:
                listed_authors = fields.authors_of(line, fields.split_names(value) or [], None)
            elif label == "procedure":
                procedure = procedure or fields.find_procedure(value)
            label = ""
            continue
        labelled = _LABEL_LINE.match(text)
        if labelled:
            label = _LABELS.get(labelled["label"].casefold(), "")
            continue
        number = _NUMBER.match(text)
        if number:
            reference = reference or number["reference"]
            continue
        heading = fields.match_type_heading(text)
        if heading and not title:
            title, doc_type = heading.subject, heading.doc_type
            procedure = procedure or fields.find_procedure(text)
            rapporteur = _RAPPORTEUR_IN_HEADING.search(text)
            if rapporteur:
                heading_authors = fields.authors_of(line, fields.split_names(rapporteur["names"]) or [], None)
    return Header(
        title=title,
        date=date,
        doc_type=(fields.document_type(form) if form else None) or doc_type,
        reference=reference,
        procedure=procedure,
        authors=tuple(heading_authors or listed_authors),
    )


LAYOUT = Layout(name="eurlex_notice", recognizes=recognizes, read_header=read_header, has_body=False)
