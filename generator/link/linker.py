"""The link stage: parsed texts + meps.yml + references.yml -> Corpus.

Citations that name a resolution by date link to the cited text (a text of this corpus,
else an entry of references.yml); each text learns which later texts cite it ("cited
by"); names printed in texts link to people. What cannot be linked is a Diagnostic in
``Corpus.problems``, never a silent guess.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from generator.link.citations import Mention, Target, TargetChoice, find_mentions, find_targets
from generator.link.people import link_people
from generator.model import CitationLink, Content, Corpus, Diagnostic, Document, Reference, Resolution
from generator.parse.lang import get_grammar


@cache
def get_adopted_type_pattern(lang: str) -> re.Pattern:
    """The document types of texts the Parliament adopted, in ``lang`` ("European
    Parliament resolution", "... legislative resolution", "... decision", "Résolution du
    Parlement européen" ...): not a group's or a committee's motion, nor a report."""
    return re.compile(get_grammar(lang).citation_phrases["adopted_type"], re.IGNORECASE)


def is_adopted_text(version: Resolution) -> bool:
    return bool(get_adopted_type_pattern(version.lang).match(version.doc_type))


def sort_newest_first(documents: Iterable[Document]) -> tuple[Document, ...]:
    by_slug = sorted(documents, key=lambda d: d.slug)
    return tuple(sorted(by_slug, key=lambda d: d.date.toordinal() if d.date else 0, reverse=True))


def adoption_date(document: Document) -> datetime.date | None:
    """The date the Parliament adopted a text (``meta.yml``'s ``adopted``, else the date of a
    text whose type is one of the Parliament's own), or None when it adopted none."""
    if document.meta.adopted:
        return document.meta.adopted
    if any(map(is_adopted_text, document.versions.values())):
        return document.date
    return None


def get_corpus_targets(documents: Iterable[Document]) -> list[Target]:
    """The texts of the corpus a citation can name: the ones the Parliament adopted."""
    targets = []
    for document in documents:
        date = adoption_date(document)
        if date:
            targets.append(
                Target(
                    date=date,
                    title={lang: v.title for lang, v in document.versions.items()},
                    slug=document.slug,
                    eids=frozenset(eid for v in document.versions.values() for eid in v.eids()),
                )
            )
    return targets


def get_reference_targets(references: Iterable[Reference]) -> list[Target]:
    """The entries of references.yml."""
    return [Target(date=reference.date, title=reference.title, url=reference.url) for reference in references]


def group_by_date(targets: Iterable[Target]) -> dict[datetime.date, list[Target]]:
    grouped: dict[datetime.date, list[Target]] = {}
    for target in targets:
        grouped.setdefault(target.date, []).append(target)
    return grouped


def describe(mention: Mention, text: str) -> str:
    return f"{mention.kind} of {text[mention.start:mention.end]}"


def one_of(labels: list[str]) -> str:
    """"A or B", "A, B or C"."""
    return " or ".join([", ".join(labels[:-1]), labels[-1]]) if len(labels) > 1 else labels[0]


def choose_target(mention: Mention, corpus_targets: Iterable[Target], reference_targets: Iterable[Target]) -> TargetChoice:
    """A text of the corpus first, else an entry of references.yml; the texts of that date
    left out for their subject, of both, when neither has one."""
    in_corpus = find_targets(mention, corpus_targets)
    if in_corpus.targets:
        return in_corpus
    in_references = find_targets(mention, reference_targets)
    if in_references.targets:
        return in_references
    return TargetChoice((), in_corpus.other_subjects + in_references.other_subjects)


def unresolved_message(mention: Mention, text: str, choice: TargetChoice) -> str:
    message = f"unresolved citation: {describe(mention, text)}"
    if choice.other_subjects:
        # The texts of that date, so that a reader sees the date was not the problem.
        message += f" (of that date but on another subject: {', '.join(t.label for t in choice.other_subjects)})"
    return message


@dataclass(frozen=True)
class CitationLinks:
    """What the link stage learns from citations (the citation part of Corpus)."""

    links: Mapping[tuple[str, str, str], tuple[CitationLink, ...]]
    cited_by: Mapping[str, tuple[tuple[str, str], ...]]
    diagnostics: tuple[Diagnostic, ...]


def link_citations(documents: tuple[Document, ...], references: Iterable[Reference]) -> CitationLinks:
    """Link each mention of a resolution in ``documents`` (newest first) to its target.

    A mention resolves to a text of the corpus first, else to an entry of references.yml,
    of its date and not on another subject; none is "unresolved" (naming the texts of
    that date left out for their subject), several left after the subject tie-break is
    "ambiguous": both are diagnostics, and neither gets a link.
    """
    corpus_targets = group_by_date(get_corpus_targets(documents))
    reference_targets = group_by_date(get_reference_targets(references))
    links: dict[tuple[str, str, str], tuple[CitationLink, ...]] = {}
    citing: dict[str, set[tuple[str, str]]] = {}
    diagnostics: list[Diagnostic] = []
    for document in documents:
        for lang, version in document.versions.items():
            for citation in version.citations:
                found = []
                for mention in find_mentions(citation.text, lang):
                    # A text does not cite itself (it may cite another text of its own day).
                    own = [t for t in corpus_targets.get(mention.date, ()) if t.slug != document.slug]
                    choice = choose_target(mention, own, reference_targets.get(mention.date, ()))
                    candidates = choice.targets
                    if not candidates:
                        diagnostics.append(Diagnostic(
                            version.path, unresolved_message(mention, citation.text, choice),
                            line=citation.line, eid=citation.eid,
                        ))
                        continue
                    if len(candidates) > 1:
                        labels = one_of([t.label for t in candidates])
                        diagnostics.append(Diagnostic(
                            version.path,
                            f"ambiguous citation: {describe(mention, citation.text)} could be {labels}",
                            line=citation.line,
                            eid=citation.eid,
                        ))
                        continue
                    target = candidates[0]
                    eid = ""
                    if mention.paragraph and target.slug:
                        eid = f"para_{mention.paragraph}"
                        if eid not in target.eids:
                            diagnostics.append(Diagnostic(
                                version.path,
                                f"citation names paragraph {mention.paragraph} of {target.slug}, "
                                f"which has no {eid}; linked to the whole text",
                                line=citation.line,
                                eid=citation.eid,
                            ))
                            eid = ""
                    found.append(CitationLink(
                        start=mention.start,
                        end=mention.end,
                        slug=target.slug,
                        eid=eid,
                        url=dict(target.url),
                        title=dict(target.title),
                    ))
                    if target.slug:
                        citing.setdefault(target.slug, set()).add((document.slug, citation.eid))
                if found:
                    links[(document.slug, lang, citation.eid)] = tuple(found)
    return CitationLinks(links=links, cited_by=sort_citing(citing, documents), diagnostics=tuple(diagnostics))


def sort_citing(
    citing: Mapping[str, set[tuple[str, str]]], documents: tuple[Document, ...]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each target's (citing slug, citation eid) pairs: newest citing text first, then citation order."""
    position = {document.slug: index for index, document in enumerate(documents)}

    def citation_number(eid: str) -> int:
        return int(eid.rpartition("_")[2]) if eid.rpartition("_")[2].isdigit() else 0

    return {
        slug: tuple(sorted(pairs, key=lambda pair: (position[pair[0]], citation_number(pair[1]))))
        for slug, pairs in citing.items()
    }


def link_corpus(content: Content) -> Corpus:
    """Build the Corpus the renderer reads."""
    documents = sort_newest_first(content.documents)
    citations = link_citations(documents, content.references)
    people = link_people(documents, content.directory)
    return Corpus(
        documents=documents,
        people=people.people,
        links=citations.links,
        cited_by=citations.cited_by,
        responsible=people.responsible,
        contact_for=people.contact_for,
        person_slugs=people.person_slugs,
        diagnostics=citations.diagnostics + people.diagnostics,
        settings=content.settings,
    )
