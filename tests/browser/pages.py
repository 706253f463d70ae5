"""The page types every site-wide check visits, in both languages."""

from __future__ import annotations

from pathlib import Path

SAMPLE_SLUG = "2012-03-07-kazakhstan"
SAMPLE_PERSON = "barbara-lochbihler"


def page_paths() -> list[str]:
    """Site-relative paths: the root, each home, a resolution, a person and each index."""
    paths = [""]
    for lang in ("en", "fr"):
        paths += [
            f"{lang}/",
            f"{lang}/resolutions/",
            f"{lang}/resolutions/{SAMPLE_SLUG}/",
            f"{lang}/meps/",
            f"{lang}/meps/{SAMPLE_PERSON}/",
        ]
    return paths


def page_file(site: Path, path: str) -> Path:
    return site / path / "index.html"
