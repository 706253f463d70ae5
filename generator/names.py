"""People's names and slugs: how a name printed in a text is shown, keyed and put in a URL."""

from __future__ import annotations

import functools
import re
import unicodedata

SURNAME_PARTICLES = frozenset("van von der den de del della di da du le la ten ter zu".split())
"""Lowercased inside a surname that follows the first name: "VAN DEN BERG Anna" -> "Anna van den Berg"."""


NAMES_CACHED = 1 << 16
"""Slugs and keys remembered: a corpus prints the same few thousand names and tags in
every text, and linking and the listings ask for them hundreds of thousands of times."""

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=NAMES_CACHED)
def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: "Bündnis 90" -> "bundnis-90"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


@functools.lru_cache(maxsize=NAMES_CACHED)
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
    given, surname = split_name(printed)
    return " ".join(part for part in (given, surname) if part)


def split_name(printed: str) -> tuple[str, str]:
    """(first names, surname) of a name as printed, the surname written as ``display_name``
    writes it: "Juan Fernando LÓPEZ AGUILAR" -> ("Juan Fernando", "López Aguilar").

    The capitalised words are the surname. Without that clue the surname is the last word
    and the particles before it ("Anna van den Berg" -> "van den Berg"); a name in
    capitals only ("WERNER SCHULZ") keeps its order and its last word is the surname.
    """
    words = printed.split()
    surname = [w for w in words if is_uppercase_word(w)]
    given = [w for w in words if not is_uppercase_word(w)]
    if not surname or not given:
        words = [w.title() for w in words] if surname else words
        start = max(len(words) - 1, 0)
        while start > 1 and words[start - 1].lower() in SURNAME_PARTICLES:
            start -= 1
        return " ".join(words[:start]), " ".join(words[start:])
    surname = [
        w.lower() if w.lower() in SURNAME_PARTICLES and i < len(surname) - 1 else w.title()
        for i, w in enumerate(surname)
    ]
    return " ".join(given), " ".join(surname)


MAX_SLUG_LENGTH = 80
"""A person's slug names a page file (``meps/<slug>/index.md``) and its folder: a name of any
length gives at most this many characters (before a ``-2`` that keeps it unique)."""

RESERVED_SLUGS = frozenset({"index"})
"""Names of pages of ``meps/`` that are not a person's: ``meps/index.md`` lists them."""


def unique_slug(name: str, taken: set[str]) -> str:
    """The slug of ``name``, cut to MAX_SLUG_LENGTH; a second person with the same slug,
    or one whose slug is a reserved page's (a person named "Index"), gets ``-2``, then ``-3`` ..."""
    base = slugify(name)[:MAX_SLUG_LENGTH].rstrip("-") or "person"
    slug, number = base, 1
    while slug in taken or slug in RESERVED_SLUGS:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug
