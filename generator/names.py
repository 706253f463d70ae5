"""People's names and slugs: how a name printed in a text is shown, keyed and put in a URL."""

from __future__ import annotations

import re
import unicodedata

SURNAME_PARTICLES = frozenset("van von der den de del della di da du le la ten ter zu".split())
"""Lowercased inside a surname that follows the first name: "VAN DEN BERG Anna" -> "Anna van den Berg"."""


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
