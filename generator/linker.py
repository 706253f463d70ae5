"""The link stage: parsed texts + directory -> Corpus (people, who is responsible for what).

Citation links and "cited by" are resolved here too (see issue 4); this first version
links people only.
"""

from __future__ import annotations

import re
import unicodedata

from generator.content import Content
from generator.model import Corpus, Document, Person

PERSON_FIELDS = (
    "kind", "country", "national_party", "group", "term", "role",
    "email", "phone", "office", "website", "ep_id",
)


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: "Bündnis 90" -> "bundnis-90"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def name_key(name: str) -> str:
    """A key under which the same person's name matches however it is printed."""
    return " ".join(sorted(slugify(name).split("-")))


def person_from_entry(entry: dict) -> Person:
    social = {k: str(v) for k, v in (entry.get("social") or {}).items()}
    return Person(
        slug=slugify(str(entry["name"])),
        name=str(entry["name"]),
        social=social,
        **{key: str(entry.get(key) or "") for key in PERSON_FIELDS},
    )


def sort_newest_first(documents) -> tuple[Document, ...]:
    by_slug = sorted(documents, key=lambda d: d.slug)
    return tuple(sorted(by_slug, key=lambda d: d.date.toordinal() if d.date else 0, reverse=True))


def link_corpus(content: Content) -> Corpus:
    """Build the Corpus the renderer reads."""
    documents = sort_newest_first(content.documents)
    people = {p.slug: p for p in map(person_from_entry, content.directory)}
    by_key = {name_key(p.name): p.slug for p in people.values()}
    person_slugs: dict[tuple[str, str], str] = {}
    responsible: dict[str, list[str]] = {}
    contact_for: dict[str, list[str]] = {}
    for document in documents:
        for version in document.versions.values():
            for refs, index in ((version.meps, responsible), (version.contacts, contact_for)):
                for ref in refs:
                    slug = by_key.get(name_key(ref.name))
                    if slug is None:
                        person = Person(slug=slugify(ref.name), name=ref.name, in_directory=False)
                        slug = person.slug
                        people.setdefault(slug, person)
                        by_key[name_key(ref.name)] = slug
                    person_slugs[(document.slug, ref.name)] = slug
                    if document.slug not in index.setdefault(slug, []):
                        index[slug].append(document.slug)
    return Corpus(
        documents=documents,
        people=tuple(people[slug] for slug in sorted(people)),
        responsible={k: tuple(v) for k, v in responsible.items()},
        contact_for={k: tuple(v) for k, v in contact_for.items()},
        person_slugs=person_slugs,
    )
