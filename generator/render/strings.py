"""Interface strings in each language, through gettext catalogs managed with babel.

The catalogs live in the repository as text (``generator/render/locales``) and are compiled in
memory at build time, so no binary ``.mo`` file is ever committed or left out of date.

Update the catalogs after changing a ``_("...")`` string::

    pybabel extract --no-location --omit-header --sort-output -o generator/render/locales/messages.pot generator
    pybabel update --no-wrap --no-fuzzy-matching -i generator/render/locales/messages.pot -d generator/render/locales

then translate the new ``msgstr`` entries in ``generator/render/locales/fr/LC_MESSAGES/messages.po``
(``tests/test_i18n.py`` fails while one is empty).
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Callable

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "messages"

BABEL_LOCALES = {"en": "en_GB", "fr": "fr"}
"""Our language code -> the babel locale used for dates ("7 March 2012", "7 mars 2012")."""

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
"""Each language's name in that language: what a reader looks for in a language switch."""


def _(message: str) -> str:
    """Mark a string for extraction where it is defined; translated where it is used."""
    return message


@lru_cache(maxsize=None)
def get_translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang`` (English is the source language: no catalog)."""
    path = LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def get_gettext(lang: str) -> Callable[[str], str]:
    """The ``gettext`` function of ``lang``."""
    return get_translations(lang).gettext
