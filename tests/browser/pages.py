"""The page types every site-wide check visits, in both languages, and a page of a
browser context of its own."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SAMPLE_SLUG = "2012-03-07-kazakhstan"
SAMPLE_PERSON = "barbara-lochbihler"
PERSON_WITH_OFFICES = "aino-testinen"
"""Imported from a fixture Member page into the sample site (tests/browser/conftest.py)."""


def page_paths() -> list[str]:
    """Site-relative paths: the root, each home, a resolution and its comparison, two
    people (one with offices), each index and a listing of each kind."""
    paths = [""]
    for lang in ("en", "fr"):
        paths += [
            f"{lang}/",
            f"{lang}/resolutions/",
            f"{lang}/resolutions/{SAMPLE_SLUG}/",
            f"{lang}/resolutions/{SAMPLE_SLUG}/compare/",
            f"{lang}/resolutions/years/2012/",
            f"{lang}/resolutions/types/greens-efa-motion-for-a-resolution/",
            f"{lang}/resolutions/tags/human-rights/",
            f"{lang}/resolutions/authors/",
            f"{lang}/meps/",
            f"{lang}/meps/{SAMPLE_PERSON}/",
            f"{lang}/meps/{PERSON_WITH_OFFICES}/",
        ]
    return paths


def page_file(site: Path, path: str) -> Path:
    return site / path / "index.html"


@contextmanager
def open_page(browser: Any, **options: Any) -> Iterator[Any]:
    """A page in a browser context of its own (``options``: Playwright's ``new_context``
    ones: a viewport, a colour scheme, a locale, permissions), closed after."""
    context = browser.new_context(**options)
    try:
        yield context.new_page()
    finally:
        context.close()
