"""The people index: MEPs by country (named in the page's language), then surname; then staff."""

from __future__ import annotations

import re

import pytest

from generator.model import Corpus, Person
from generator.render.pages import render_site
from generator.render.people import get_country_name


def make_people_corpus() -> Corpus:
    people = (
        Person(slug="anna-nowak", name="Anna Nowak", kind="mep", country="Poland"),
        Person(slug="barbara-lochbihler", name="Barbara Lochbihler", kind="mep", country="Germany"),
        Person(slug="hans-weber", name="Hans Weber", kind="mep", country="germany"),
        # By surname, as the Parliament lists its Members: "Zoe Adams" first, "López Aguilar" under L.
        Person(slug="zoe-adams", name="Zoe Adams", kind="mep", country="Germany"),
        Person(
            slug="juan-fernando-lopez-aguilar", name="Juan Fernando López Aguilar", surname="López Aguilar",
            kind="mep", country="Germany",
        ),
        Person(slug="mira-x", name="Mira X", kind="mep", country="Atlantis <b>"),
        Person(slug="paolo-bergamaschi", name="Paolo Bergamaschi", kind="staff", role="Advisor"),
        # Only named in texts: a responsible MEP, and a contact person.
        Person(slug="werner-schulz", name="Werner Schulz", in_directory=False),
        Person(slug="jo-contact", name="Jo Contact", in_directory=False),
    )
    return Corpus(
        documents=(),
        people=tuple(sorted(people, key=lambda person: person.slug)),  # as the linker gives them
        responsible={"werner-schulz": ("x",)},
        contact_for={"jo-contact": ("x",)},
    )


def section_order(markdown: str) -> list[str]:
    """Headings and people, in page order."""
    return re.findall(r"^## ([^{]+?) \{|<h3 id=\"[^\"]+\">([^<]+)</h3>|<li><a href=\"[^\"]+\">([^<]+)</a>", markdown, re.M)


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", ["Members of the European Parliament", "Atlantis &lt;b&gt;", "Mira X", "Germany",
                "Zoe Adams", "Barbara Lochbihler", "Juan Fernando López Aguilar", "Hans Weber",
                "Poland", "Anna Nowak", "Country not recorded",
                "Werner Schulz", "Staff", "Paolo Bergamaschi", "Jo Contact"]),
        ("fr", ["Députés au Parlement européen", "Allemagne", "Zoe Adams", "Barbara Lochbihler",
                "Juan Fernando López Aguilar", "Hans Weber",
                "Atlantis &lt;b&gt;", "Mira X", "Pologne", "Anna Nowak", "Pays non renseigné",
                "Werner Schulz", "Collaborateurs", "Paolo Bergamaschi", "Jo Contact"]),
    ],
)
def test_meps_by_country_in_the_page_language_then_staff(lang, expected):
    markdown = render_site(make_people_corpus(), lang)["meps/index.md"]
    found = ["".join(groups).strip() for groups in section_order(markdown)]
    assert found == expected


def test_country_names_come_from_cldr_and_unknown_ones_stay_as_written():
    assert get_country_name("United Kingdom", "fr") == "Royaume-Uni"
    assert get_country_name("Belgique", "en") == "Belgium"
    assert get_country_name("Atlantis", "fr") == "Atlantis"
