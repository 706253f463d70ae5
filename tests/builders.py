"""Build small corpora in code: Resolutions and Documents without the parser."""

from __future__ import annotations

import datetime

from generator.read.content import Content
from generator.model import Citation, Document, Meta, Paragraph, PersonRef, Recital, Resolution

EP_RESOLUTION = {"en": "European Parliament resolution", "fr": "Résolution du Parlement européen"}


def make_version(
    slug: str,
    lang: str = "en",
    *,
    title: str = "Title",
    date: str | None = None,
    doc_type: str = "Greens/EFA motion for a resolution",
    citations: tuple[str, ...] = (),
    recitals: tuple[str, ...] = ("A",),
    paragraphs: tuple[str, ...] = ("1",),
    meps: tuple[str, ...] = (),
    contacts: tuple[str, ...] = (),
) -> Resolution:
    """One language version; ``date`` defaults to the slug's date."""
    return Resolution(
        path=f"content/resolutions/{slug}/{lang}.txt",
        lang=lang,
        title=title,
        date=datetime.date.fromisoformat(date or slug[:10]),
        doc_type=doc_type,
        preamble="The European Parliament," if lang == "en" else "Le Parlement européen,",
        citations=tuple(Citation(f"cit_{i}", text, i) for i, text in enumerate(citations, 1)),
        recitals=tuple(Recital(f"rec_{n}", n, f"whereas {n}", 20) for n in recitals),
        paragraphs=tuple(Paragraph(f"para_{n}", n, f"Calls {n}", 40) for n in paragraphs),
        meps=tuple(PersonRef(name, "Member", 60) for name in meps),
        contacts=tuple(PersonRef(name, "Advisor", 70) for name in contacts),
    )


def make_document(slug: str, *versions: Resolution, **meta) -> Document:
    if "adopted" in meta and isinstance(meta["adopted"], str):
        meta["adopted"] = datetime.date.fromisoformat(meta["adopted"])
    return Document(slug=slug, versions={v.lang: v for v in versions}, meta=Meta(**meta))


def make_content(*documents: Document, directory=(), references=()) -> Content:
    return Content(documents=tuple(documents), directory=tuple(directory), references=tuple(references))
