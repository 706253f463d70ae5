"""How a reader cites a text: "European Parliament resolution of 15 March 2012 on
Kazakhstan" / "Résolution du Parlement européen du 15 mars 2012 sur le Kazakhstan", from
its parsed type, date and title, as the Parliament writes a text's full title (the page
puts it in its header's ``data-cite``; units.js adds the unit and the URL).

A title is a heading ("Kazakhstan", "The return of Ukrainian children ...", "Situation
des Ouïgours en Chine"); after "on" / "sur" it becomes the subject of a sentence: an
article it starts with is lowercased ("on the return of ..."), and in French a country
or a noun whose number or gender its ending tells gets the article the Parliament writes
("sur le Kazakhstan", "sur la situation des Ouïgours", "sur les élections"). Any other
title is cited as it is.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from generator.model import Resolution
from generator.render.context import PageContext
from generator.render.strings import _

LEADING_ARTICLES = {
    "en": ("The ", "A ", "An "),
    "fr": ("Le ", "La ", "Les ", "L’", "L'", "Un ", "Une "),
}
"""What a title may start with that a sentence writes in lower case."""

FRENCH_COUNTRIES_WITHOUT_ARTICLE = frozenset({
    "Cuba", "Israël", "Madagascar", "Malte", "Chypre", "Singapour", "Monaco", "Haïti", "Bahreïn", "Oman",
    "Taïwan", "Hong Kong", "Macao", "Djibouti", "Maurice", "Nauru", "Tuvalu", "Kiribati", "Sainte-Lucie",
    "Saint-Marin", "Saint-Vincent-et-les-Grenadines", "Saint-Christophe-et-Niévès", "Sao Tomé-et-Principe",
    "Trinité-et-Tobago", "Antigua-et-Barbuda", "Porto Rico", "Gibraltar",
})
"""Countries French names without an article ("sur Cuba", "sur Israël")."""
FRENCH_MASCULINE_IN_E = frozenset({"Mexique", "Cambodge", "Mozambique", "Zimbabwe", "Belize", "Suriname", "Vatican"})
"""Countries ending in "e" that are masculine ("le Mexique"); the others are feminine ("la Chine")."""
FRENCH_SINGULAR_IN_S = frozenset({"Laos", "Honduras", "Bélarus"})
"""Countries ending in "s" that are singular ("le Laos"); the others are plural ("les Philippines")."""
FRENCH_FEMININE_ENDINGS = re.compile(r"(?:tion|sion|té)$")
"""Nouns whose ending makes them feminine: "situation", "répression", "liberté"."""


@cache
def get_french_country_names() -> frozenset[str]:
    """Every country and territory as CLDR names it in French ("Kazakhstan", "Chine")."""
    return frozenset(Locale.parse("fr").territories.values())


def get_french_article(noun: str, *, country: bool) -> str:
    """The definite article of ``noun`` (a country, or a common noun: plural, or of a
    feminine ending), "" where there is none or its gender is not known."""
    if country and noun in FRENCH_COUNTRIES_WITHOUT_ARTICLE:
        return ""
    first_word = noun.split(" ", 1)[0].split("-", 1)[0]
    if first_word.endswith(("s", "x")) and noun not in FRENCH_SINGULAR_IN_S:
        return "les "
    if first_word[:1].casefold() in "aeiouyàâéèêëîïôöûü":  # an "h" is often aspirated (la Hongrie, le Honduras)
        return "l’" if country or FRENCH_FEMININE_ENDINGS.search(first_word) else ""
    if country:
        return "la " if first_word.endswith("e") and noun not in FRENCH_MASCULINE_IN_E else "le "
    return "la " if FRENCH_FEMININE_ENDINGS.search(first_word) else ""


def get_subject(title: str, lang: str) -> str:
    """``title`` as the subject of "on ..." / "sur ..." in ``lang``."""
    for article in LEADING_ARTICLES.get(lang, ()):
        if title.startswith(article):
            return title[:1].lower() + title[1:]
    if lang != "fr":
        return title
    if title in get_french_country_names():
        return get_french_article(title, country=True) + title
    article = get_french_article(title, country=False)
    return article + title[:1].lower() + title[1:] if article else title


def get_citation(ctx: PageContext, version: Resolution) -> str:
    """The text as a reader cites it, in the page's language; its title alone where it
    has no type."""
    t = ctx.gettext
    values = {"type": version.doc_type, "date": ctx.date(version.date), "title": get_subject(version.title, ctx.lang)}
    if version.doc_type and version.date:
        return t(_("%(type)s of %(date)s on %(title)s")) % values
    if version.doc_type:
        return t(_("%(type)s on %(title)s")) % values
    return version.title
