"""The side files of ``content/``: each text's ``meta.yml``, ``meps.yml`` and ``references.yml``,
read into typed records (``Meta``, ``Person``, ``Reference``). A file that does not say
what it should is an InputError naming the file (and the entry or line).
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.errors import InputError
from generator.languages import LANGUAGES
from generator.model import Membership, Meta, Office, Person, Reference, Term
from generator.names import display_name, split_name
from generator.read.files import read_input_file

META_KEYS = {
    "reference", "procedure", "adopted", "tags", "aliases", "unofficial_translations", "title", "date", "doc_type", "source",
}

PERSON_FIELDS = (
    "kind", "surname", "country", "national_party", "group", "term", "role", "email", "website", "ep_id",
)
"""The keys of a ``meps.yml`` entry that are a Person's text fields of the same name."""
FLAT_OFFICE_KEYS = ("office", "phone")
"""One office in two flat keys, as entries were written before ``offices``: still read."""
DIRECTORY_KEYS = frozenset(("name", "social", "offices", "terms", *PERSON_FIELDS, *FLAT_OFFICE_KEYS))
OFFICE_KEYS = frozenset(("label", "address", "phone"))
TERM_KEYS = frozenset(("number", "groups", "national_parties"))
MEMBERSHIP_KEYS = frozenset(("name", "from", "to", "role"))
KINDS = ("mep", "staff")

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()./-]{4,}$")
WEB_URL_RE = re.compile(r"^https?://[^\s/]+\S*$", re.IGNORECASE)
"""Only http(s): a URL from the directory becomes an ``href`` (never ``javascript:``)."""


FAST_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's reader with PyYAML's safe constructors, where PyYAML was built with it: the
same data, many times faster (``meps.yml`` and ``references.yml`` are read on every build)."""


def load_yaml(path: Path, root: Path | None = None) -> Any:
    """Read a YAML file (within the bounds of ``generator.read.files``); a syntax error is
    an InputError naming the file and line, and so is an alias (see ``check_no_aliases``)."""
    return load_yaml_with_lines(path, root, with_lines=False)[0]


KeyLines = dict[tuple[str, ...], int]
"""The path of keys to a value of a YAML document (``("sources", "page")``) -> the
1-based line of its key."""


def load_yaml_with_lines(
    path: Path, root: Path | None = None, with_lines: bool = True, data: bytes | None = None
) -> tuple[Any, KeyLines]:
    """``load_yaml``, and the line of every key of the document's mappings (none
    without ``with_lines``): what an error about a value names. ``data``: the file's
    bytes, already read."""
    if data is None:
        data, _ = read_input_file(path, root)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 ({error.reason})", str(path)) from None
    loader = FAST_YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        check_no_aliases(node, path)
        return loader.construct_document(node), get_key_lines(node) if with_lines else {}
    except yaml.YAMLError as error:
        fast_error = error
    finally:
        loader.dispose()
    raise get_yaml_error(text, path, fast_error)


def get_key_lines(root: yaml.Node) -> KeyLines:
    """The line of each key of the mappings under ``root`` (keys that are scalars)."""
    lines: KeyLines = {}
    stack: list[tuple[tuple[str, ...], yaml.Node]] = [((), root)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    lines[(*where, str(key.value))] = key.start_mark.line + 1
                    stack.append(((*where, str(key.value)), value))
    return lines


def check_no_aliases(root: yaml.Node, path: Path) -> None:
    """Refuse a document in which a node is reached twice: an alias (``*name``).

    An alias repeats a value without its text: a few hundred bytes of aliases of aliases
    ("billion laughs") stand for billions of values, which every reader of the data then
    walks (5 GB and minutes for a 494-byte meps.yml). The content files have no use for
    them. The walk visits each node once, without recursion.
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            message = "a YAML alias (*name) repeats the value here (&name): aliases are not read, write the values out"
            raise InputError(message, str(path), node.start_mark.line + 1)
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += (key, value)


def get_yaml_error(text: str, path: Path, fast_error: yaml.YAMLError) -> InputError:
    """The InputError of a YAML syntax error, worded as PyYAML's own reader words it
    (libyaml's problems read differently); libyaml's where that reader gives up (it
    recurses once a nesting level: a file of 5,000 ``[`` exhausts Python's stack)."""
    error: yaml.YAMLError = fast_error
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as python_error:
        error = python_error
    except RecursionError:
        pass
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark else None
    problem = getattr(error, "problem", None) or "invalid YAML"
    return InputError(f"invalid YAML: {problem}", str(path), line)


def describe_value(value: object, width: int = 60) -> str:
    """A value of the user's for an error message: its repr, cut to one short line."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def is_text(value: object) -> bool:
    """A YAML scalar that reads as text: a string or a number (``reference: 2012``), not
    a boolean (``yes``), a date, a list or a mapping."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def get_text(data: Mapping[str, Any], key: str, path: Path, where: str = "") -> str:
    """``data[key]`` as text ("" when absent); anything but text is an InputError."""
    value = data.get(key)
    if value is None:
        return ""
    if not is_text(value):
        raise InputError(f"{where}{key}: expected a text, got {describe_value(value)}", str(path))
    return str(value).strip()


def get_texts(data: Mapping[str, Any], key: str, path: Path) -> tuple[str, ...]:
    """``data[key]`` as a list of texts (a string alone is a list of one); else an InputError."""
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(is_text(item) for item in value):
        raise InputError(f"{key}: expected a list of texts, got {describe_value(value)}", str(path))
    return tuple(str(item) for item in value)


def leading_comments(text: str) -> str:
    """The comment block at the top of a YAML file: a command that rewrites the file
    (``import``, ``import-meps``) keeps it; other comments are not kept."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


def read_meta(path: Path, root: Path | None = None) -> Meta:
    """Read a ``meta.yml``; an absent file is an empty Meta."""
    if not os.path.lexists(path):
        return Meta()
    return parse_meta(read_input_file(path, root)[0], path)


def parse_meta(raw: bytes, path: Path) -> Meta:
    """The Meta of the bytes of the ``meta.yml`` at ``path``."""
    data = load_yaml_with_lines(path, with_lines=False, data=raw)[0] or {}
    if not isinstance(data, dict):
        raise InputError("expected a mapping of keys (reference, procedure, ...)", str(path), 1)
    unknown = sorted((str(key) for key in set(data) - META_KEYS), key=str)
    if unknown:
        raise InputError(
            f"unknown key {describe_value(unknown[0])}; known keys: {', '.join(sorted(META_KEYS))}", str(path)
        )
    adopted = read_date(data, "adopted", path)
    unofficial = get_texts(data, "unofficial_translations", path)
    for lang in unofficial:
        if lang not in LANGUAGES:
            raise InputError(f"unofficial_translations: unknown language {describe_value(lang)}", str(path))
            raise InputError(f"unofficial_translations: unknown language {describe_value(lang)}", str(path))
    source = data.get("source") or {}
    if not isinstance(source, dict):
        raise InputError("source: expected a mapping language -> URL of the page", str(path))
    for lang, url in source.items():
        if lang not in LANGUAGES:
            raise InputError(f"source: unknown language {describe_value(lang)}", str(path))
        if not WEB_URL_RE.match(str(url or "")):
            raise InputError(f"source: {lang}: expected an http(s):// URL, got {describe_value(url)}", str(path))
    return Meta(
        reference=get_text(data, "reference", path),
        procedure=get_text(data, "procedure", path),
        adopted=adopted,
        tags=get_texts(data, "tags", path),
        aliases=get_texts(data, "aliases", path),
        unofficial=unofficial,
        title=read_per_language(data, "title", path),
        date=read_date(data, "date", path),
        doc_type=read_per_language(data, "doc_type", path),
        source={str(lang): str(url) for lang, url in source.items()},
    )


def read_date(data: Mapping[str, Any], key: str, path: Path) -> datetime.date | None:
    """The date under ``key`` (YAML reads YYYY-MM-DD as a date), or None."""
    value = data.get(key)
    if value is None or (isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{key}: expected a date YYYY-MM-DD, got {describe_value(value)}", str(path)) from None


def read_per_language(data: Mapping[str, Any], key: str, path: Path) -> dict[str, str]:
    """``key: text`` (every language) or ``key: {en: text, fr: text}`` -> language -> text."""
    value = data.get(key)
    if value is None:
        return {}
    if isinstance(value, str):
        return dict.fromkeys(LANGUAGES, value.strip())
    if isinstance(value, dict) and all(isinstance(text, str) for text in value.values()):
        unknown = sorted(str(lang) for lang in value if lang not in LANGUAGES)
        if unknown:
            raise InputError(f"{key}: unknown language {describe_value(unknown[0])}", str(path))
        return {lang: text.strip() for lang, text in value.items()}
    raise InputError(f"{key}: expected a text, or one text per language ({', '.join(LANGUAGES)})", str(path))


def read_list(path: Path, required_key: str, root: Path | None = None) -> tuple[dict, ...]:
    """Read a YAML list of mappings, each with ``required_key``; an absent file is empty."""
    if not os.path.lexists(path):
        return ()
    data = load_yaml(path, root) or []
    if not isinstance(data, list):
        raise InputError(f"expected a list of entries, each with {required_key!r}", str(path), 1)
    for index, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not entry.get(required_key):
            raise InputError(f"entry {index}: expected a mapping with {required_key!r}", str(path))
    return tuple(data)


# -- meps.yml ---------------------------------------------------------------------------


def check_entry(entry: dict, index: int, path: str) -> None:
    """Raise InputError naming ``path`` and the entry when an entry of meps.yml is wrong."""
    raw_name = entry.get("name")
    name = str(raw_name).strip() if is_text(raw_name) else ""
    where = f"entry {index} ({name})" if name else f"entry {index}"
    if raw_name is not None and not is_text(raw_name):
        raise InputError(f"{where}: name: expected a text, got {describe_value(raw_name)}", path)
    if not name:
        raise InputError(f"{where}: 'name' is required", path)
    unknown = sorted((key for key in entry if key not in DIRECTORY_KEYS), key=str)
    if unknown:
        raise InputError(
            f"{where}: unknown key {describe_value(unknown[0])}; known keys: {', '.join(sorted(DIRECTORY_KEYS))}",
            path,
        )

    def value(key: str) -> str:
        return get_text(entry, key, Path(path), f"{where}: ")

    for key in (*PERSON_FIELDS, *FLAT_OFFICE_KEYS):
        value(key)  # every field is a text
    if value("kind") and value("kind") not in KINDS:
        raise InputError(f"{where}: kind: expected one of {', '.join(KINDS)}, got {value('kind')!r}", path)
    if value("email") and not EMAIL_RE.match(value("email")):
        raise InputError(f"{where}: email: not an e-mail address: {describe_value(value('email'))}", path)
    check_phone(value("phone"), f"{where}: phone", path)
    if value("ep_id") and not re.fullmatch(r"[0-9]+", value("ep_id")):
        raise InputError(
            f"{where}: ep_id: expected the Parliament's number of the Member (digits), got {describe_value(value('ep_id'))}", path
        )
    if value("website") and not WEB_URL_RE.match(value("website")):
        raise InputError(f"{where}: website: expected an http(s):// URL, got {describe_value(value('website'))}", path)
    social = entry.get("social") or {}
    if not isinstance(social, dict):
        raise InputError(f"{where}: social: expected a mapping network -> URL", path)
    for network, url in social.items():
        if not is_text(network) or not is_text(url) or not WEB_URL_RE.match(str(url)):
            network_name = network if is_text(network) else describe_value(network)
            raise InputError(f"{where}: social: {network_name}: expected an http(s):// URL, got {describe_value(url)}", path)
    check_offices(entry.get("offices"), f"{where}: offices", path)
    check_terms(entry.get("terms"), f"{where}: terms", path)


def check_phone(phone: str, where: str, path: str) -> None:
    if phone and not PHONE_RE.match(phone):
        raise InputError(f"{where}: expected digits, spaces and + ( ) . / -: {describe_value(phone)}", path)


def check_mappings(items: object, keys: frozenset[str], what: str, where: str, path: str) -> list[dict]:
    """``items`` as a list of mappings with no key outside ``keys`` (an absent list is empty)."""
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise InputError(f"{where}: expected a list of {what}, each a mapping", path)
    for number, item in enumerate(items, 1):
        unknown = sorted((key for key in item if key not in keys), key=str)
        if unknown:
            raise InputError(f"{where}: {number}: unknown key {describe_value(unknown[0])}; known keys: {', '.join(sorted(keys))}", path)
        for key in keys & {"label", "name", "role", "phone"}:
            get_text(item, key, Path(path), f"{where}: {number}: ")
    return items


def check_offices(offices: object, where: str, path: str) -> None:
    for number, office in enumerate(check_mappings(offices, OFFICE_KEYS, "offices", where, path), 1):
        address = office.get("address")
        if address is not None and not isinstance(address, str | list):
            raise InputError(f"{where}: {number}: address: expected lines of text", path)
        if isinstance(address, list) and not all(isinstance(line, str) for line in address):
            raise InputError(f"{where}: {number}: address: expected lines of text", path)
        check_phone(str(office.get("phone") or "").strip(), f"{where}: {number}: phone", path)
        if not address_lines(address) and not str(office.get("phone") or "").strip():
            raise InputError(f"{where}: {number}: expected an address or a phone number", path)


def check_terms(terms: object, where: str, path: str) -> None:
    for term in check_mappings(terms, TERM_KEYS, "terms", where, path):
        number = term.get("number")
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 99:
            raise InputError(f"{where}: number: expected the term's number (1 for 1979-1984), got {number!r}", path)
        for key in ("groups", "national_parties"):
            memberships = check_mappings(term.get(key), MEMBERSHIP_KEYS, key, f"{where}: {number}: {key}", path)
            for membership in memberships:
                if not str(membership.get("name") or "").strip():
                    raise InputError(f"{where}: {number}: {key}: 'name' is required", path)
                for bound in ("from", "to"):
                    if optional_date(membership.get(bound)) is INVALID_DATE:
                        raise InputError(
                            f"{where}: {number}: {key}: {bound}: expected a date YYYY-MM-DD, got {membership.get(bound)!r}", path
                        )


INVALID_DATE = datetime.date.min
"""What ``optional_date`` gives for a value that is no date."""


def optional_date(value: object) -> datetime.date | None:
    """A date of meps.yml (a YAML date, or text YYYY-MM-DD), None when absent, else INVALID_DATE."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return INVALID_DATE


def address_lines(address: str | list | None) -> tuple[str, ...]:
    """An address given as lines, or as one text with a line a line, without blank lines."""
    lines = address.splitlines() if isinstance(address, str) else address or []
    return tuple(" ".join(str(line).split()) for line in lines if str(line).strip())


def read_directory_entries(path: Path, root: Path | None = None) -> tuple[dict, ...]:
    """The entries of ``meps.yml`` as mappings, validated; an absent file is an empty
    directory. ``import-meps`` rewrites the file from these."""

    if not os.path.lexists(path):
        return ()
    data = load_yaml(path, root) or []
    if not isinstance(data, list):
        raise InputError("expected a list of people, each with a 'name'", str(path), 1)
    for index, entry in enumerate(data, 1):
        if not isinstance(entry, dict):
            raise InputError(f"entry {index}: expected a mapping with a 'name'", str(path))
        check_entry(entry, index, str(path))
    return tuple(data)


def read_directory(path: Path, root: Path | None = None) -> tuple[Person, ...]:
    """The people of ``meps.yml`` (their slugs are given by the link stage)."""
    return tuple(person_from_entry(entry) for entry in read_directory_entries(path, root))


def person_from_entry(entry: Mapping[str, Any], slug: str = "") -> Person:
    """The Person of a checked ``meps.yml`` entry."""
    fields: dict[str, Any] = {key: str(entry.get(key) or "").strip() for key in PERSON_FIELDS}
    fields["surname"] = fields["surname"] or split_name(str(entry["name"]))[1]
    return Person(
        slug=slug,
        name=display_name(str(entry["name"])),
        social={str(k): str(v) for k, v in (entry.get("social") or {}).items()},
        offices=get_offices(entry),
        terms=tuple(sorted(map(get_term, entry.get("terms") or ()), key=lambda term: -term.number)),
        **fields,
    )


def get_offices(entry: Mapping[str, Any]) -> tuple[Office, ...]:
    """The entry's offices: the flat ``office``/``phone`` keys first, as one, then ``offices``."""
    offices = []
    flat_address, flat_phone = address_lines(str(entry.get("office") or "")), str(entry.get("phone") or "").strip()
    if flat_address or flat_phone:
        offices.append(Office(address=flat_address, phone=flat_phone))
    for office in entry.get("offices") or ():
        offices.append(
            Office(
                label=" ".join(str(office.get("label") or "").split()),
                address=address_lines(office.get("address")),
                phone=str(office.get("phone") or "").strip(),
            )
        )
    return tuple(offices)


def get_term(term: Mapping[str, Any]) -> Term:
    def memberships(key: str) -> tuple[Membership, ...]:
        return tuple(
            Membership(
                name=" ".join(str(item["name"]).split()),
                start=optional_date(item.get("from")),
                end=optional_date(item.get("to")),
                role=" ".join(str(item.get("role") or "").split()),
            )
            for item in term.get(key) or ()
        )

    return Term(number=int(term["number"]), groups=memberships("groups"), parties=memberships("national_parties"))


# -- references.yml ---------------------------------------------------------------------


def read_references(path: Path, root: Path | None = None) -> tuple[Reference, ...]:
    """The entries of ``references.yml``: each a ``date``, ``title`` and ``url`` by language."""
    entries = read_list(path, "date", root)
    for index, entry in enumerate(entries, 1):
        date = entry["date"]
        if not isinstance(date, datetime.date):
            try:
                datetime.date.fromisoformat(str(date))
            except ValueError:
                raise InputError(f"entry {index}: date: expected YYYY-MM-DD, got {describe_value(date)}", str(path)) from None
        for key in ("title", "url"):
            texts = entry.get(key) or {}
            if not isinstance(texts, dict) or not all(is_text(lang) and is_text(text) for lang, text in texts.items()):
                raise InputError(f"entry {index}: {key}: expected a mapping language -> text", str(path))
        for lang, url in (entry.get("url") or {}).items():
            if not re.match(r"^https?://", str(url)):
                raise InputError(f"entry {index}: url: {lang}: expected an http(s):// URL", str(path))
    return tuple(
        Reference(
            date=as_date(entry["date"]),
            title={str(k): str(v) for k, v in (entry.get("title") or {}).items()},
            url={str(k): str(v) for k, v in (entry.get("url") or {}).items()},
        )
        for entry in entries
    )


def as_date(value: object) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


