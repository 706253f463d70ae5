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
from collections.abc import Callable
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from generator.model import SiteSettings

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "messages"

def _(message: str) -> str:
    """Mark a string for extraction where it is defined; translated where it is used."""
    return message


SITE_NAME = _("Parliamentary resolutions")
"""The site's name where ``site.yml`` gives none."""
SITE_DESCRIPTION = _("Resolutions and motions for resolutions, in English and French, with a permalink to every paragraph.")
"""The line under the name on the home page where ``site.yml`` gives none."""


def get_site_name(settings: SiteSettings, lang: str) -> str:
    """The site's name in ``lang``: ``site.yml``'s, else the catalog's."""
    return settings.name.get(lang) or get_gettext(lang)(SITE_NAME)


def get_site_description(settings: SiteSettings, lang: str) -> str:
    return settings.description.get(lang) or get_gettext(lang)(SITE_DESCRIPTION)


@cache
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


def get_ngettext(lang: str) -> Callable[[str, str, int], str]:
    """The ``ngettext`` function of ``lang``: the form of a message for a number."""
    return get_translations(lang).ngettext


CITATIONS = {
    "text": _("%(text)s, %(url)s"),
    "citation": _("%(text)s, citation %(num)s, %(url)s"),
    "recital": _("%(text)s, recital %(num)s, %(url)s"),
    "paragraph": _("%(text)s, paragraph %(num)s, %(url)s"),
    "point": _("%(text)s, paragraph %(paragraph)s, point (%(num)s), %(url)s"),
    "amendment": _("%(text)s, amendment %(num)s, %(url)s"),
}
"""How a reader cites the text, or one of its units by kind ("European Parliament
resolution of 15 March 2012 on Kazakhstan, paragraph 7, https://..."): units.js fills in
``{text}`` (the page header's data-cite), the unit's numbers from its id and its URL."""

CITATION_PLACEHOLDERS = {"text": "{text}", "num": "{num}", "paragraph": "{paragraph}", "url": "{url}"}


def get_interface_strings(lang: str) -> dict[str, str]:
    """Strings the theme templates need (per-language config ``extra``), translated."""
    t = get_gettext(lang)
    return {
        "copy_link": t(_("Copy link")),
        # units.js names each unit's copy button: it finds the unit's name in its
        # permalink's name with the first template and puts it into the second.
        "link_to_unit": t(_("Link to %(unit)s")) % {"unit": "{unit}"},
        "copy_link_to_unit": t(_("Copy link to %(unit)s")) % {"unit": "{unit}"},
        "copied": t(_("Link copied")),
        # The cite buttons (units.js): a unit's citation is the text's (the page header's
        # data-cite), the unit as a citation names it, and its URL (CITATIONS).
        "cite": t(_("Cite")),
        "cite_unit": t(_("Cite %(unit)s")) % {"unit": "{unit}"},
        "cite_text": t(_("Cite this text")),
        "cited": t(_("Citation copied")),
        **{f"citation_{kind}": t(message) % CITATION_PLACEHOLDERS for kind, message in CITATIONS.items()},
        "languages": t(_("Languages")),
        "home": t(_("Home")),
        "resolutions": t(_("Resolutions")),
        "people": t(_("People")),
        "not_found": t(_("Page not found")),
        "latest_texts": t(_("Latest texts")),
        "dark_mode": t(_("Switch to dark mode")),
        "light_mode": t(_("Switch to light mode")),
    }


# How a hit reads, per kind of unit: the title of the text, then the unit as a reader
# cites it ("see paragraph 7"; a French citation is a "visa", a recital a "considérant").
UNIT_TITLES = {
    "citation": _("%(title)s — citation %(num)s"),
    "recital": _("%(title)s — recital %(num)s"),
    "paragraph": _("%(title)s — paragraph %(num)s"),
    "point": _("%(title)s — paragraph %(paragraph)s (%(num)s)"),
    "amendment": _("%(title)s — amendment %(num)s"),
}


SEARCH_FILTER_LABELS = {
    "year": _("Year"),
    "type": _("Document type"),
    "author": _("Author"),
    "tag": _("Tag"),
}
"""The search box's filters, in the order it offers them: the names of the filters the
index gives each text (``generator.outputs.search.get_search_head``)."""


def get_search_strings(lang: str) -> dict:
    """The search box's strings in ``lang``, for the theme (per-language ``extra.search``).

    The hit titles are templates with ``{title}``, ``{num}``, ``{paragraph}``: the search
    script fills them in from a hit's unit id; the counts have ``{count}`` and
    ``{query}``, in a form for one result and one for more (the script picks by the
    count; none is shown for no result).
    """
    t = get_gettext(lang)
    placeholders = {"title": "{title}", "num": "{num}", "paragraph": "{paragraph}", "count": "{count}",
                    "query": "{query}", "shown": "{shown}"}
    messages = {
        "label": _("Search"),
        "placeholder": _("Search the resolutions"),
        "results": _("Search results"),
        "no_results": _("No results for “%(query)s”"),
        "results_one": _("1 result for “%(query)s”"),
        "results_many": _("%(count)s results for “%(query)s”"),
        "prefix_one": _("No whole word “%(query)s”; 1 result for words that begin with it"),
        "prefix_many": _("No whole word “%(query)s”; %(count)s results for words that begin with it"),
        "count_one": _("1 result"),
        "count_many": _("%(count)s results"),
        "partial": _("%(count)s+ results for “%(query)s” so far, searching older texts…"),
        "partial_count": _("%(count)s+ results so far, searching older texts…"),
        "searching": _("Searching older texts…"),
        "more": _("More results (%(shown)s of %(count)s shown)"),
        "filters": _("Filters"),
        "filter_all": _("All"),
    }
    strings: dict = {name: t(message) % placeholders for name, message in messages.items()}
    strings["filter_labels"] = {name: t(label) for name, label in SEARCH_FILTER_LABELS.items()}
    strings.update({f"title_{kind}": t(message) % placeholders for kind, message in UNIT_TITLES.items()})
    return strings
