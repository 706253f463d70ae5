"""``python -m generator check``: every problem of a content directory, one line each.

Errors (a text that cannot be parsed, a line of a text's body read as neither a unit nor
page furniture, a title or document type that reads like page furniture, a bad or
duplicate slug, an English and a French version whose units differ, a bad meps.yml or
references.yml) make the exit status 1; warnings (a citation that cannot be linked, a
person in no directory entry, a page with no units, a file of the content folder that
nothing reads) do too under ``--strict``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from generator.commands.parse import shorten
from generator.errors import GeneratorError
from generator.languages import LANGUAGES
from generator.link.linker import link_corpus
from generator.model import Content, Diagnostic, Document, Severity
from generator.read.content import load_content


def diagnostic_from_error(error: GeneratorError) -> Diagnostic:
    return Diagnostic(error.path or "?", error.message, Severity.ERROR, line=error.line)


def find_unit_mismatches(document: Document) -> list[Diagnostic]:
    """One error per language version that lacks ids another version has."""
    versions = [document.versions[lang] for lang in LANGUAGES if lang in document.versions]
    diagnostics = []
    for version in versions:
        own = set(version.eids())
        for other in versions:
            if other is version:
                continue
            missing = [eid for eid in other.eids() if eid not in own]
            if missing:
                diagnostics.append(Diagnostic(
                    version.path,
                    f"units differ from {Path(other.path).name}: missing {', '.join(missing)}",
                    Severity.ERROR,
                ))
    return diagnostics


def find_duplicate_slugs(documents: Iterable[Document]) -> list[Diagnostic]:
    """An alias that is another text's slug or alias: two texts would claim one URL."""
    documents = list(documents)
    owner: dict[str, str] = {d.slug: d.slug for d in documents}
    diagnostics = []
    for document in sorted(documents, key=lambda d: d.slug):
        for alias in document.meta.aliases:
            claimed_by = owner.setdefault(alias, document.slug)
            if claimed_by != document.slug:
                what = "slug" if alias == claimed_by else "alias"
                path = Path(document.version(LANGUAGES[0]).path).parent / "meta.yml"
                diagnostics.append(Diagnostic(
                    str(path), f"alias {alias!r} is already the {what} of {claimed_by}", Severity.ERROR
                ))
    return diagnostics


def find_skipped_lines(content: Content, document: Document) -> list[Diagnostic]:
    """An error per line between the opening formula and the last unit that the parser
    read as no unit and no known page furniture: words of the text would be lost."""
    return [
        Diagnostic(
            version.path,
            f"line read as no unit nor page furniture, left out of the text: {shorten(s.text, _QUOTED_WIDTH)!r}",
            Severity.ERROR,
            line=s.line,
        )
        for version in document.versions.values()
        for s in content.skipped_lines.get(version.path, ())
    ]


_QUOTED_WIDTH = 80
"""Characters of a line quoted in a message."""

_MAX_LENGTHS = {"title": 500, "document type": 200}
"""A title or document type longer than this is the page's header taken for it. The
Parliament's titles run past 200 characters (a consent recommendation's: 201, a
legislative resolution's on a proposal amending several regulations: ~300); its types
are a few words."""

# What a page's furniture reads like ("Procedure : 2013/2169(INI)", "Full text", "EN -
# English", "bg | en | fr"), as a title or type would never read.
_FURNITURE = re.compile(
    r"(?:^|\s)(?:Procedure|Procédure)\s*:|\bFull text\b|\bTexte intégral\b|\bDocument stages in plenary\b"
    r"|\bCycle de vie en séance\b|(?:^|\s)[A-Za-z]{2}\s+-\s+(?:English|français|Deutsch|español|български)\b"
    r"|^\W*[a-z]{2}(?:\s*\|\s*[a-z]{2})+\W*$",
    re.IGNORECASE,
)


def find_furniture_fields(document: Document) -> list[Diagnostic]:
    """An error per title or document type that reads like page furniture: the parser
    took the page's header for it (a layout it does not know)."""
    diagnostics = []
    for version in document.versions.values():
        for name, value in (("title", version.title), ("document type", version.doc_type)):
            if len(value) > _MAX_LENGTHS[name]:
                problem = f"{len(value)} characters"
            elif _FURNITURE.search(value):
                problem = "reads like page furniture"
            else:
                continue
            diagnostics.append(Diagnostic(
                version.path,
                f"{name} {shorten(value, _QUOTED_WIDTH)!r}: {problem}; correct it in meta.yml or the text",
                Severity.ERROR,
            ))
    return diagnostics


def find_texts_without_units(document: Document) -> list[Diagnostic]:
    """A warning per version that has no units: a page of metadata only (EUR-Lex's
    "Document information"), or one cut before its text, not the text itself."""
    return [
        Diagnostic(version.path, f"no units: the page ({version.layout}) holds the document's header, not its text")
        for version in document.versions.values()
        if not any(True for _ in version.units())
    ]


def get_diagnostics(content_dir: Path) -> list[Diagnostic]:
    """Every problem of ``content_dir``, sorted by file, then in document order."""
    reader_warnings: list[Diagnostic] = []
    try:
        content = load_content(Path(content_dir), keep_going=True, warn=reader_warnings.append)
    except GeneratorError as error:  # no resolutions/, a bad meps.yml or references.yml
        return [diagnostic_from_error(error)]
    diagnostics = [diagnostic_from_error(e) for e in content.failures]
    diagnostics += reader_warnings
    diagnostics += find_duplicate_slugs(content.documents)
    for document in content.documents:
        diagnostics += find_unit_mismatches(document)
        diagnostics += find_skipped_lines(content, document)
        diagnostics += find_furniture_fields(document)
        diagnostics += find_texts_without_units(document)
    # Linking reports in document order (citations, then people) within each file;
    # a stable sort by path keeps that order, after the file's own errors.
    diagnostics += link_corpus(content).diagnostics
    return sorted(diagnostics, key=lambda d: d.path)


def summary(diagnostics: list[Diagnostic]) -> str:
    if not diagnostics:
        return "no problems"
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)

    def count(number: int, noun: str) -> str:
        return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

    return f"{count(len(diagnostics), 'problem')} ({count(errors, 'error')}, {count(len(diagnostics) - errors, 'warning')})"


def run_check(content_dir: Path, strict: bool = False) -> int:
    """Print every problem and a summary; 1 on errors (on any problem with ``strict``), else 0."""
    diagnostics = get_diagnostics(Path(content_dir))
    for diagnostic in diagnostics:
        print(diagnostic)
    print(summary(diagnostics))
    failing = diagnostics if strict else [d for d in diagnostics if d.severity is Severity.ERROR]
    return 1 if failing else 0
