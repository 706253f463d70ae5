"""The site's languages: one record each, in the order they are offered.

Everything that differs between languages and is not a translated interface string
(those are in the gettext catalogs, ``generator/render/locales``) or a word of the
source pages (those are in each language's grammar, ``generator/parse/lang``) is here.
Adding a language is a record here, a catalog and a grammar module (see the README).
"""

from __future__ import annotations

from dataclasses import dataclass


def _(message: str) -> str:
    """Mark a string for extraction; it is translated where it is used."""
    return message


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str
    """ISO 639-1 code: the ``<code>.txt`` file of a text, the ``/<code>/`` of every URL."""
    name: str
    """The language's name in itself, as a reader looks for it in a language switch."""
    name_in_sentence: str
    """The language's name as the interface uses it inside a sentence (a msgid, so the
    catalogs translate it: "English" is "anglais" on a French page)."""
    babel_locale: str
    """The babel locale of dates ("7 March 2012", "7 mars 2012")."""
    og_locale: str
    """Open Graph's ``language_TERRITORY``."""
    point_label: str
    """How a point's label is printed, ``{num}`` standing for its letter: "(a)", "a)"."""
    iso_639_2: str
    """The three-letter code (ISO 639-2/T) of Akoma Ntoso's FRBR names: "eng", "fra"."""

    @property
    def text_file(self) -> str:
        """The name of a text's file in this language in ``content/resolutions/<slug>/``."""
        return f"{self.code}.txt"


REGISTRY: tuple[Language, ...] = (
    Language("en", "English", _("English"), "en_GB", "en_GB", "({num})", "eng"),
    Language("fr", "Français", _("French"), "fr", "fr_FR", "{num})", "fra"),
)

LANGUAGES: tuple[str, ...] = tuple(language.code for language in REGISTRY)
"""The codes, in the order the languages are offered; the first is the default."""

_BY_CODE = {language.code: language for language in REGISTRY}


def get_language(code: str) -> Language:
    """The record of ``code``; a KeyError for a language the site does not have."""
    return _BY_CODE[code]
