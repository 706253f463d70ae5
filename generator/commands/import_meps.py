"""``python -m generator import-meps FILE``: merge the European Parliament's MEP directory XML
into ``meps.yml``. What was set by hand wins: only keys that are absent or empty are filled.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from pathlib import Path

import yaml

from generator.errors import InputError
from generator.fs import write_file_atomically
from generator.names import display_name, name_key, slugify
from generator.read.side_files import read_directory_entries

PROFILE_URL = "https://www.europarl.europa.eu/meps/en/{ep_id}"

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


def import_meps(xml_path: Path, meps_yml_path: Path) -> int:
    """Merge the EP's MEP directory XML into ``meps.yml``; print one summary line."""
    xml_path, meps_yml_path = Path(xml_path), Path(meps_yml_path)
    imported = read_mep_xml(xml_path)
    existing = list(read_directory_entries(meps_yml_path))
    header = leading_comments(meps_yml_path.read_text(encoding="utf-8-sig")) if meps_yml_path.exists() else ""
    entries, added, updated = merge_entries(existing, imported)
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    write_file_atomically(meps_yml_path, (header + body).encode("utf-8"), durable=True)
    print(f"{meps_yml_path}: added {added}, updated {updated} (from {xml_path})")
    return 0
