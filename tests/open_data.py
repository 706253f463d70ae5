"""Checks of the published data shared by the tests of outputs and of built sites: the
Akoma Ntoso schema, the JSON Schema, the ids of a page."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
from lxml import etree

from generator.outputs.akoma_ntoso import AKN_NAMESPACE
from generator.outputs.data import SCHEMA
from tests.paths import FIXTURES

AKOMA_NTOSO_XSD = FIXTURES / "schemas" / "akomantoso30.xsd"


@cache
def get_akoma_ntoso_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(AKOMA_NTOSO_XSD)))


def assert_valid_akoma_ntoso(data: bytes) -> etree._Element:
    """The document, parsed and validated against the OASIS schema (the error names the line)."""
    document = etree.fromstring(data)
    get_akoma_ntoso_schema().assertValid(document)
    return document


def get_eids(document: etree._Element) -> list[str]:
    return [element.get("eId") for element in document.iter() if element.get("eId") is not None]


def get_refs(document: etree._Element) -> list[str]:
    return [ref.get("href") for ref in document.iter(f"{{{AKN_NAMESPACE}}}ref")]


@cache
def get_text_data_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid_text_data(data: dict) -> None:
    errors = sorted(get_text_data_validator().iter_errors(data), key=lambda error: list(error.path))
    assert not errors, [f"{'/'.join(map(str, error.path))}: {error.message}" for error in errors]


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def get_ids(page: Path) -> set[str]:
    """The ids of an HTML page."""
    from tests.browser.test_site_links import collect

    return collect(page).ids


def find_target(site: Path, url: str, base: Path | None = None) -> tuple[Path | None, str]:
    """The file a URL of the site names, and its fragment: relative to ``base`` (a file)
    where given, else to the site's root; None for a URL outside the site."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, parts.fragment
    folder = base.parent if base is not None else site
    target = (folder / unquote(parts.path)).resolve()
    if url.split("#")[0].endswith("/") or target.is_dir():
        target = target / "index.html"
    return (target if target.is_relative_to(site.resolve()) else None), unquote(parts.fragment)


def assert_resolves(site: Path, url: str, base: Path | None = None) -> None:
    """A URL of the site names a file, and its fragment an id of that page."""
    target, fragment = find_target(site, url, base)
    assert target is not None and target.is_file(), (url, base)
    if fragment:
        assert fragment in get_ids(target), (url, fragment)
