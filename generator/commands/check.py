"""``python -m generator check``: every problem of a content directory, one line each.

Errors (a text that cannot be parsed, a bad or duplicate slug, an English and a French
version whose units differ, a bad meps.yml or references.yml) make the exit status 1;
warnings (a citation that cannot be linked, a person in no directory entry, a body line
the parser dropped without knowing it for noise) do too under ``--strict``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from generator.read.content import Content, load_content
from generator.errors import GeneratorError
from generator.link.linker import link_corpus
from generator.model import LANGUAGES, Document, Problem

READER_WARNING_RE = re.compile(r"^(?P<path>.*?): warning: (?P<message>.*)$")


def problem_from_error(error: GeneratorError) -> Problem:
    path = f"{error.path}:{error.line}" if error.path and error.line else error.path
    return Problem(path or "?", "", error.message, severity="error")


def problem_from_warning(line: str) -> Problem:
    """A reader warning ("path: warning: message") as a Problem."""
    match = READER_WARNING_RE.match(line)
    if match:
        return Problem(match["path"], "", match["message"])
    return Problem("?", "", line)


def find_unit_mismatches(document: Document) -> list[Problem]:
    """One error per language version that lacks ids the other version has."""
    versions = [document.versions[lang] for lang in LANGUAGES if lang in document.versions]
    problems = []
    for version in versions:
        own = set(version.eids())
        for other in versions:
            if other is version:
                continue
            missing = [eid for eid in other.eids() if eid not in own]
            if missing:
                problems.append(Problem(
                    version.path,
                    "",
                    f"units differ from {Path(other.path).name}: missing {', '.join(missing)}",
                    severity="error",
                ))
    return problems


def find_duplicate_slugs(documents: Iterable[Document]) -> list[Problem]:
    """An alias that is another text's slug or alias: two texts would claim one URL."""
    documents = list(documents)
    owner: dict[str, str] = {d.slug: d.slug for d in documents}
    problems = []
    for document in sorted(documents, key=lambda d: d.slug):
        for alias in document.meta.aliases:
            claimed_by = owner.setdefault(alias, document.slug)
            if claimed_by != document.slug:
                what = "slug" if alias == claimed_by else "alias"
                path = Path(document.version(LANGUAGES[0]).path).parent / "meta.yml"
                problems.append(Problem(
                    str(path), "", f"alias {alias!r} is already the {what} of {claimed_by}", severity="error"
                ))
    return problems


def find_skipped_lines(content: Content, document: Document) -> list[Problem]:
    """A warning per body line the parser dropped without knowing it for noise:
    it may be words of the resolution (the parse stage keeps going without them)."""
    return [
        Problem(version.path, "", f"line {s.line}: dropped as noise: {s.text!r}")
        for version in document.versions.values()
        for s in content.skipped_lines.get(version.path, ())
    ]


def get_problems(content_dir: Path) -> list[Problem]:
    """Every problem of ``content_dir``, sorted by file, then in document order."""
    reader_warnings: list[str] = []
    try:
        content: Content = load_content(Path(content_dir), keep_going=True, warn=reader_warnings.append)
    except GeneratorError as error:  # no resolutions/, a bad meps.yml or references.yml
        return [problem_from_error(error)]
    problems = [problem_from_error(e) for e in content.failures]
    problems += [problem_from_warning(w) for w in reader_warnings]
    problems += find_duplicate_slugs(content.documents)
    for document in content.documents:
        problems += find_unit_mismatches(document)
        problems += find_skipped_lines(content, document)
    # Linking reports in document order (citations, then people) within each file;
    # a stable sort by path keeps that order, after the file's own errors.
    problems += link_corpus(content).problems
    return sorted(problems, key=lambda p: p.path)


def summary(problems: list[Problem]) -> str:
    if not problems:
        return "no problems"
    errors = sum(p.severity == "error" for p in problems)

    def count(number: int, noun: str) -> str:
        return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

    return f"{count(len(problems), 'problem')} ({count(errors, 'error')}, {count(len(problems) - errors, 'warning')})"


def run_check(content_dir: Path, strict: bool = False) -> int:
    """Print every problem and a summary; 1 on errors (on any problem with ``strict``), else 0."""
    problems = get_problems(Path(content_dir))
    for problem in problems:
        print(problem)
    print(summary(problems))
    failing = problems if strict else [p for p in problems if p.severity == "error"]
    return 1 if failing else 0
