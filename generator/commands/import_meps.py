"""``python -m generator import-meps SOURCE...``: merge what the European Parliament
publishes about its Members into ``meps.yml``.

A source is the Parliament's MEP directory XML (names and ids of a term's Members), or a
page of its MEP site about one Member (a home page: contact details; a "history of
parliamentary service" page: the groups and parties of a term), saved as a file or
given as an ``https://`` URL of that site, which is fetched.

What was set by hand wins: only keys that are absent or empty are filled in (social
links network by network, terms term by term). Every source is read before anything is
written, and ``meps.yml`` is written only as ``read_directory`` will read it: a source
that cannot be read leaves it as it was.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

from generator.errors import InputError
from generator.fs import write_file_atomically
from generator.names import display_name, name_key, slugify, split_name
from generator.read.files import read_input_file
from generator.read.member_pages import read_member_page
from generator.read.side_files import FLAT_OFFICE_KEYS, check_entry, leading_comments, read_directory_entries
from generator.read.web import fetch_page, is_url

MEP_SITE = "https://www.europarl.europa.eu/meps/"
"""The only site ``import-meps`` fetches from."""

# <mep> child element -> meps.yml key
XML_FIELDS = {
    "country": "country",
    "politicalGroup": "group",
    "nationalPoliticalGroup": "national_party",
    "id": "ep_id",
}

DIRECTORY_XML_RE = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)\s*)*<meps[\s>/]", re.S)
"""A source whose first element is ``<meps>``: the directory XML (else: a Member's page)."""


def read_mep_xml(data: bytes, source: str) -> list[dict]:
    """The entries of the EP's MEP directory XML (``<meps><mep><fullName/>...``).

    Parsed with the standard library's expat parser, which resolves no external entity
    (nothing outside the document is ever read) and stops entity expansion that grows
    out of proportion (expat 2.4's protection against "billion laughs").
    """
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        line, _column = error.position
        # str(error) ends with ": line 3, column 4"; the line goes into the error's place.
        reason = re.sub(r":? line \d+, column \d+$", "", str(error))
        raise InputError(f"malformed XML: {reason}", source, line) from None
    if root.tag != "meps":
        raise InputError(f"expected a <meps> document, found <{root.tag}>", source, 1)
    entries = []
    for index, mep in enumerate(root.iter("mep"), 1):
        full_name = " ".join((mep.findtext("fullName") or "").split())
        if not full_name:
            raise InputError(f"<mep> number {index} has no <fullName>", source)
        entry = {"name": display_name(full_name), "surname": split_name(full_name)[1], "kind": "mep"}
        for tag, key in XML_FIELDS.items():
            text = " ".join((mep.findtext(tag) or "").split())
            if text:
                entry[key] = text
        entries.append(entry)
    return entries


def read_source(source: str, site: str) -> list[dict]:
    """The entries a source gives: a file's, or a fetched page's (``source`` is a URL)."""
    url, charset = "", None
    if is_url(source):
        page = fetch_page(source, site)
        data, url, charset = page.content, page.url, page.charset
    else:
        data, _ = read_input_file(Path(source))  # a regular file, of at most 5 MB
    if DIRECTORY_XML_RE.match(data):
        return read_mep_xml(data, source)
    return [read_member_page(data, source, url, charset)]


# -- merging -----------------------------------------------------------------------------


class DirectoryIndex:
    """The entries of the directory by ``ep_id`` and by name, to find the one an imported
    entry is about: the one with its ``ep_id``, else the one with its name."""

    def __init__(self, entries: Iterable[dict]):
        self.by_id: dict[str, dict] = {}
        self.by_name: dict[str, dict] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: dict) -> None:
        if entry.get("ep_id"):
            self.by_id.setdefault(str(entry["ep_id"]), entry)
        self.by_name.setdefault(name_key(str(entry["name"])), entry)

    def find(self, imported: dict) -> dict | None:
        ep_id = str(imported.get("ep_id") or "")
        found = self.by_id.get(ep_id) if ep_id else None
        if found is None:
            found = self.by_name.get(name_key(imported["name"]))
            if found is not None and ep_id and found.get("ep_id") and str(found["ep_id"]) != ep_id:
                return None  # two Members of one name: the ids tell them apart
        return found


def fill_entry(target: dict, imported: dict) -> bool:
    """Fill ``target``'s absent or empty keys from ``imported``; True if anything changed."""
    changed = False
    for key, value in imported.items():
        if key == "social":
            social = dict(target.get("social") or {})
            for network, url in value.items():
                if not social.get(network):
                    social[network] = url
            if social != (target.get("social") or {}):
                target["social"], changed = social, True
        elif key == "terms":
            terms = merge_terms(target.get("terms") or [], value)
            if terms != (target.get("terms") or []):
                target["terms"], changed = terms, True
        elif key == "offices" and any(target.get(flat) for flat in FLAT_OFFICE_KEYS):
            continue  # an office set by hand in the flat keys is the person's office
        elif not target.get(key):
            target[key], changed = value, True
    return changed


def merge_terms(existing: list[dict], imported: Iterable[dict]) -> list[dict]:
    """Terms by number, newest first: a term's lists are filled where they are empty."""
    terms = {term["number"]: dict(term) for term in existing}
    for term in imported:
        target = terms.setdefault(term["number"], {"number": term["number"]})
        for key, value in term.items():
            if not target.get(key):
                target[key] = value
    return [terms[number] for number in sorted(terms, reverse=True)]


def merge_entries(existing: list[dict], imported: Iterable[dict]) -> tuple[list[dict], int, int]:
    """Merge imported entries into the directory; (entries, added, updated).

    Existing entries keep their order; new ones follow, sorted by name.
    """
    merged = [dict(entry) for entry in existing]
    index = DirectoryIndex(merged)
    existing_ids = {id(entry) for entry in merged}
    added: list[dict] = []
    updated: set[int] = set()
    for entry in imported:
        target = index.find(entry)
        if target is None:
            added.append(dict(entry))
            index.add(added[-1])
        elif fill_entry(target, entry):
            index.add(target)  # it may have an ep_id now
            if id(target) in existing_ids:
                updated.add(id(target))
    merged.extend(sorted(added, key=lambda e: slugify(e["name"])))
    return merged, len(added), len(updated)


# -- writing -----------------------------------------------------------------------------


def dump_directory(entries: list[dict], header: str, path: Path) -> bytes:
    """``meps.yml``'s bytes, checked as ``read_directory`` will check them."""
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    for index, entry in enumerate(yaml.safe_load(body) or [], 1):
        check_entry(entry, index, str(path))
    return (header + body).encode("utf-8")


def import_meps(sources: Sequence[str | Path], meps_yml_path: Path, site: str = "") -> int:
    """Merge the sources into ``meps.yml``; print one summary line. URLs are fetched only
    inside ``site`` (by default the Parliament's MEP site)."""
    meps_yml_path = Path(meps_yml_path)
    imported = [entry for source in sources for entry in read_source(str(source), site or MEP_SITE)]
    existing = list(read_directory_entries(meps_yml_path))
    header = leading_comments(meps_yml_path.read_text(encoding="utf-8-sig")) if meps_yml_path.exists() else ""
    entries, added, updated = merge_entries(existing, imported)
    write_file_atomically(meps_yml_path, dump_directory(entries, header, meps_yml_path), durable=True)
    print(f"{meps_yml_path}: added {added}, updated {updated} (from {', '.join(map(str, sources))})")
    return 0
