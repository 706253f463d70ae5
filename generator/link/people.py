"""People: the directory (``meps.yml``), names printed in texts, and the EP's MEP list.

- ``read_directory``: read and validate ``meps.yml`` (an error names the file and entry).
- ``link_people``: one Person per person named in a text or listed in the directory;
  printed names match entries regardless of case, accents and "LASTNAME Firstname" order.
- ``import_meps``: merge the European Parliament's MEP directory XML into ``meps.yml``.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

import yaml

from generator.errors import InputError
from generator.model import Document, Person, Problem

PERSON_FIELDS = (
    "kind", "country", "national_party", "group", "term", "role",
    "email", "phone", "office", "website", "ep_id",
)
DIRECTORY_KEYS = frozenset(("name", "social", *PERSON_FIELDS))
KINDS = ("mep", "staff")

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()./-]{4,}$")
WEB_URL_RE = re.compile(r"^https?://[^\s/]+\S*$", re.IGNORECASE)
"""Only http(s): a URL from the directory becomes an ``href`` (never ``javascript:``)."""

# Lowercased inside a surname that follows the first name: "VAN DEN BERG Anna" -> "Anna van den Berg".
SURNAME_PARTICLES = frozenset("van von der den de del della di da du le la ten ter zu".split())

PROFILE_URL = "https://www.europarl.europa.eu/meps/en/{ep_id}"


# -- names -------------------------------------------------------------------------------


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: "Bündnis 90" -> "bundnis-90"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def name_key(name: str) -> str:
    """A key under which the same person's name matches however it is printed:
    "SCHULZ Werner", "werner schulz" and "Wérner Schulz" all give "schulz werner"."""
    return " ".join(sorted(slugify(name).split("-")))


def is_uppercase_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def display_name(printed: str) -> str:
    """"Firstname Lastname" from a name as printed.

    The EP prints surnames in capitals, before or after the first name ("SCHULZ Werner",
    "Magdalena ADAMOWICZ"): the capitalised words are the surname and go last, title-cased.
    A name without that clue ("Lochbihler Barbara") is kept as printed.
    """
    words = printed.split()
    surname = [w for w in words if is_uppercase_word(w)]
    given = [w for w in words if not is_uppercase_word(w)]
    if not surname:
        return " ".join(words)
    if not given:  # "WERNER SCHULZ": no clue to the order, keep it
        return " ".join(w.title() for w in words)
    surname = [
        w.lower() if w.lower() in SURNAME_PARTICLES and i < len(surname) - 1 else w.title()
        for i, w in enumerate(surname)
    ]
    return " ".join(given + surname)


def unique_slug(name: str, taken: set[str]) -> str:
    """The slug of ``name``; a second person with the same slug gets ``-2``, then ``-3`` ..."""
    base = slugify(name) or "person"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


# -- the directory (meps.yml) ------------------------------------------------------------


def check_entry(entry: dict, index: int, path: str) -> None:
    """Raise InputError naming ``path`` and the entry when an entry of meps.yml is wrong."""
    name = str(entry.get("name") or "")
    where = f"entry {index} ({name})" if name else f"entry {index}"
    if not name:
        raise InputError(f"{where}: 'name' is required", path)
    unknown = sorted(set(entry) - DIRECTORY_KEYS)
    if unknown:
        raise InputError(
            f"{where}: unknown key {unknown[0]!r}; known keys: {', '.join(sorted(DIRECTORY_KEYS))}",
            path,
        )

    def value(key: str) -> str:
        return str(entry.get(key) or "").strip()

    if value("kind") and value("kind") not in KINDS:
        raise InputError(f"{where}: kind: expected one of {', '.join(KINDS)}, got {value('kind')!r}", path)
    if value("email") and not EMAIL_RE.match(value("email")):
        raise InputError(f"{where}: email: not an e-mail address: {value('email')!r}", path)
    if value("phone") and not PHONE_RE.match(value("phone")):
        raise InputError(f"{where}: phone: expected digits, spaces and + ( ) . / -: {value('phone')!r}", path)
    if value("website") and not WEB_URL_RE.match(value("website")):
        raise InputError(f"{where}: website: expected an http(s):// URL, got {value('website')!r}", path)
    social = entry.get("social") or {}
    if not isinstance(social, dict):
        raise InputError(f"{where}: social: expected a mapping network -> URL", path)
    for network, url in social.items():
        if not WEB_URL_RE.match(str(url or "")):
            raise InputError(f"{where}: social: {network}: expected an http(s):// URL, got {url!r}", path)


def read_directory(path: Path) -> tuple[dict, ...]:
    """The entries of ``meps.yml``, validated; an absent file is an empty directory."""
    from generator.read.content import load_yaml

    if not path.exists():
        return ()
    data = load_yaml(path) or []
    if not isinstance(data, list):
        raise InputError("expected a list of people, each with a 'name'", str(path), 1)
    for index, entry in enumerate(data, 1):
        if not isinstance(entry, dict):
            raise InputError(f"entry {index}: expected a mapping with a 'name'", str(path))
        check_entry(entry, index, str(path))
    return tuple(data)


def person_from_entry(entry: Mapping, slug: str) -> Person:
    return Person(
        slug=slug,
        name=display_name(str(entry["name"])),
        social={str(k): str(v) for k, v in (entry.get("social") or {}).items()},
        **{key: str(entry.get(key) or "").strip() for key in PERSON_FIELDS},
    )


# -- people named in texts ---------------------------------------------------------------


@dataclass(frozen=True)
class PeopleLinks:
    """What the link stage learns about people (the people part of Corpus)."""

    people: tuple[Person, ...]
    """By slug."""
    responsible: Mapping[str, tuple[str, ...]]
    contact_for: Mapping[str, tuple[str, ...]]
    person_slugs: Mapping[tuple[str, str], str]
    problems: tuple[Problem, ...]


def link_people(documents: Iterable[Document], directory: Iterable[Mapping]) -> PeopleLinks:
    """Match the names printed in ``documents`` (newest first) to ``directory`` entries."""
    taken: set[str] = set()
    people: dict[str, Person] = {}
    by_key: dict[str, str] = {}
    for entry in directory:
        person = person_from_entry(entry, unique_slug(display_name(str(entry["name"])), taken))
        people[person.slug] = person
        by_key.setdefault(name_key(person.name), person.slug)  # same name twice: first wins

    person_slugs: dict[tuple[str, str], str] = {}
    indexes: dict[str, dict[str, list[str]]] = {"responsible": {}, "contact_for": {}}
    problems: list[Problem] = []
    for document in documents:
        for version in document.versions.values():
            reported: set[str] = set()
            for refs, index in ((version.meps, "responsible"), (version.contacts, "contact_for")):
                for ref in refs:
                    key = name_key(ref.name)
                    if key not in by_key:
                        person = Person(
                            slug=unique_slug(display_name(ref.name), taken),
                            name=display_name(ref.name),
                            in_directory=False,
                        )
                        people[person.slug] = person
                        by_key[key] = person.slug
                    slug = by_key[key]
                    if not people[slug].in_directory and ref.name not in reported:
                        reported.add(ref.name)
                        problems.append(Problem(version.path, "", f"unmatched person: {ref.name}"))
                    person_slugs[(document.slug, ref.name)] = slug
                    texts = indexes[index].setdefault(slug, [])
                    if document.slug not in texts:
                        texts.append(document.slug)
    return PeopleLinks(
        people=tuple(people[slug] for slug in sorted(people)),
        responsible={k: tuple(v) for k, v in indexes["responsible"].items()},
        contact_for={k: tuple(v) for k, v in indexes["contact_for"].items()},
        person_slugs=person_slugs,
        problems=tuple(problems),
    )


# -- import-meps -------------------------------------------------------------------------

# <mep> child element -> meps.yml key
XML_FIELDS = {
    "country": "country",
    "politicalGroup": "group",
    "nationalPoliticalGroup": "national_party",
    "id": "ep_id",
}


def read_mep_xml(xml_path: Path) -> list[dict]:
    """The entries of the EP's MEP directory XML (``<meps><mep><fullName/>...``)."""
    try:
        root = ElementTree.parse(xml_path).getroot()
    except ElementTree.ParseError as error:
        line, _column = error.position
        # str(error) ends with ": line 3, column 4"; the line goes into the error's place.
        reason = re.sub(r":? line \d+, column \d+$", "", str(error))
        raise InputError(f"malformed XML: {reason}", str(xml_path), line) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", str(xml_path)) from None
    if root.tag != "meps":
        raise InputError(f"expected a <meps> document, found <{root.tag}>", str(xml_path), 1)
    entries = []
    for index, mep in enumerate(root.iter("mep"), 1):
        full_name = " ".join((mep.findtext("fullName") or "").split())
        if not full_name:
            raise InputError(f"<mep> number {index} has no <fullName>", str(xml_path))
        entry = {"name": display_name(full_name), "kind": "mep"}
        for tag, key in XML_FIELDS.items():
            text = " ".join((mep.findtext(tag) or "").split())
            if text:
                entry[key] = text
        if entry.get("ep_id"):
            entry["website"] = PROFILE_URL.format(ep_id=entry["ep_id"])
        entries.append(entry)
    return entries


def merge_entries(existing: list[dict], imported: Iterable[dict]) -> tuple[list[dict], int, int]:
    """Merge imported entries into the directory by name; (entries, added, updated).

    What was set by hand wins: only keys that are absent or empty are filled in.
    Existing entries keep their order; new ones follow, sorted by name.
    """
    merged = [dict(entry) for entry in existing]
    by_key = {name_key(str(entry["name"])): entry for entry in merged}
    added: list[dict] = []
    updated = 0
    for entry in imported:
        key = name_key(entry["name"])
        if key not in by_key:
            by_key[key] = entry
            added.append(entry)
            continue
        target = by_key[key]
        changed = False
        for field_name, value in entry.items():
            if not target.get(field_name):
                target[field_name] = value
                changed = True
        updated += changed and target not in added
    merged.extend(sorted(added, key=lambda e: slugify(e["name"])))
    return merged, len(added), updated


def leading_comments(text: str) -> str:
    """The comment block at the top of a YAML file (kept on rewrite; other comments are not)."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` in one step: readers see the old file or the new one, never half."""
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False)
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


def import_meps(xml_path: Path, meps_yml_path: Path) -> int:
    """Merge the EP's MEP directory XML into ``meps.yml``; print one summary line."""
    xml_path, meps_yml_path = Path(xml_path), Path(meps_yml_path)
    imported = read_mep_xml(xml_path)
    existing = list(read_directory(meps_yml_path))
    header = leading_comments(meps_yml_path.read_text(encoding="utf-8-sig")) if meps_yml_path.exists() else ""
    entries, added, updated = merge_entries(existing, imported)
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    write_atomically(meps_yml_path, header + body)
    print(f"{meps_yml_path}: added {added}, updated {updated} (from {xml_path})")
    return 0
