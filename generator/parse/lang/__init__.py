"""Each language's grammar: the words of the source pages that the parser and the linker
read, one module per language (``en.py``, ``fr.py``), named by its code.

The parser's patterns take the words of every language at once (a French page may carry
English page furniture, and a text's language is not always known before it is parsed);
the linker reads a citation with the phrases of the citation's own language.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from generator.languages import LANGUAGES


@dataclass(frozen=True)
class Grammar:
    """The words of one language's source pages. Patterns are regular expression
    sources (matched ignoring case); word lists are compared case-folded."""

    opening_formula: str
    """The line that opens the body: "The European Parliament," (the pattern without
    the comma)."""
    citation_opener: str
    """What starts a citation: "having regard to"."""
    detection_strong: str
    """Phrases that open units in this language, for telling the language of a text."""
    detection_common: str
    """A few very common words of the language (one fifth the weight of the above)."""
    people_headings: Mapping[str, tuple[str, ...]]
    """``meps`` / ``contacts`` -> the headings of those lists of people."""
    date_labels: tuple[str, ...]
    """Words printed before a page's date: "Publication | 07.03.2012"."""
    teaser_categories: tuple[str, ...]
    """The category line of a related-news card ("News", "Press release")."""
    body_end_headings: tuple[str, ...]
    """Headings after which the resolution is over: the related-news block."""
    site_chrome: tuple[str, ...]
    """Whole lines of a site's navigation and buttons ("Share", "Print")."""
    citation_phrases: Mapping[str, str] = field(default_factory=dict)
    """The linker's phrases of citations naming the Parliament's own texts
    (see ``generator.link.citations``)."""


@cache
def get_grammar(code: str) -> Grammar:
    """The grammar of language ``code`` (module ``generator.parse.lang.<code>``)."""
    module = importlib.import_module(f"{__name__}.{code}")
    grammar: Grammar = module.GRAMMAR
    return grammar


def get_grammars() -> tuple[Grammar, ...]:
    """Every language's grammar, in the order of the languages."""
    return tuple(get_grammar(code) for code in LANGUAGES)
