"""Names printed in texts (responsible MEPs, contact persons, authors) -> the people of
``meps.yml``: one Person per person named in a text or listed in the directory. A printed name matches an entry regardless of case, accents
and "LASTNAME Firstname" order; a name that matches none is a person of its own, and a
warning.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.model import Diagnostic, Document, Person
from generator.names import display_name, name_key, split_name, unique_slug


@dataclass(frozen=True)
class PeopleLinks:
    """What the link stage learns about people (the people part of Corpus)."""

    people: tuple[Person, ...]
    """By slug."""
    responsible: Mapping[str, tuple[str, ...]]
    contact_for: Mapping[str, tuple[str, ...]]
    person_slugs: Mapping[tuple[str, str], str]
    diagnostics: tuple[Diagnostic, ...]


def link_people(documents: Iterable[Document], directory: Iterable[Person]) -> PeopleLinks:
    """Match the names printed in ``documents`` (newest first) to the ``directory``'s people,
    and give everyone their slug."""
    taken: set[str] = set()
    people: dict[str, Person] = {}
    by_key: dict[str, str] = {}
    for entry in directory:
        person = dataclasses.replace(entry, slug=unique_slug(entry.name, taken))
        people[person.slug] = person
        by_key.setdefault(name_key(person.name), person.slug)  # same name twice: first wins

    person_slugs: dict[tuple[str, str], str] = {}
    indexes: dict[str, dict[str, list[str]]] = {"responsible": {}, "contact_for": {}}
    diagnostics: list[Diagnostic] = []
    for document in documents:
        for version in document.versions.values():
            reported: set[str] = set()
            # The authors of a Parliament text are many (a joint motion's, dozens) and
            # the directory lists those the site has details of: an author it does not
            # list is a person of their own, and no problem. A responsible MEP or a
            # contact person it does not list is a warning: whom should readers reach?
            named = (
                [(ref.name, ref.line, "responsible", True) for ref in version.meps]
                + [(ref.name, ref.line, "contact_for", True) for ref in version.contacts]
                + [(author.name, author.line, "responsible", False) for author in version.authors]
            )
            for printed, line, index, warn in named:
                key = name_key(printed)
                if key not in by_key:
                    person = Person(
                        slug=unique_slug(display_name(printed), taken),
                        name=display_name(printed),
                        surname=split_name(printed)[1],
                        in_directory=False,
                    )
                    people[person.slug] = person
                    by_key[key] = person.slug
                slug = by_key[key]
                if warn and not people[slug].in_directory and printed not in reported:
                    reported.add(printed)
                    diagnostics.append(Diagnostic(version.path, f"unmatched person: {printed}", line=line))
                person_slugs[(document.slug, printed)] = slug
                texts = indexes[index].setdefault(slug, [])
                if document.slug not in texts:
                    texts.append(document.slug)
    return PeopleLinks(
        people=tuple(people[slug] for slug in sorted(people)),
        responsible={k: tuple(v) for k, v in indexes["responsible"].items()},
        contact_for={k: tuple(v) for k, v in indexes["contact_for"].items()},
        person_slugs=person_slugs,
        diagnostics=tuple(diagnostics),
    )


