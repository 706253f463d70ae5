"""``python -m generator check``: every problem of a content directory, one line each.

Errors (a text that cannot be parsed, a bad or duplicate slug, an English and a French
version whose units differ, a bad meps.yml or references.yml) make the exit status 1;
warnings (a citation that cannot be linked, a person in no directory entry, a body line
the parser dropped without knowing it for noise) do too under ``--strict``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

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
    """A warning per body line the parser dropped without knowing it for noise:
    it may be words of the resolution (the parse stage keeps going without them)."""
    return [
        Diagnostic(version.path, f"dropped as noise: {s.text!r}", line=s.line)
        for version in document.versions.values()
        for s in content.skipped_lines.get(version.path, ())
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
