"""How a text is cited (generator.render.citing): the Parliament's wording of a full title,
from a text's type, date and title."""

from __future__ import annotations

import pytest

from generator.link.linker import link_corpus
from generator.render.citing import get_citation, get_subject
from generator.render.context import PageContext
from tests.factories import EP_RESOLUTION, make_content, make_version


@pytest.mark.parametrize(
    "lang, doc_type, expected",
    [
        ("en", EP_RESOLUTION["en"], "European Parliament resolution of 15 March 2012 on Kazakhstan"),
        ("fr", EP_RESOLUTION["fr"], "Résolution du Parlement européen du 15 mars 2012 sur le Kazakhstan"),
        ("en", "", "Kazakhstan"),
    ],
)
def test_a_text_is_cited_by_its_type_date_and_title(lang, doc_type, expected):
    version = make_version("2012-03-15-kazakhstan", lang, title="Kazakhstan", doc_type=doc_type)
    assert get_citation(PageContext(link_corpus(make_content()), lang), version) == expected


@pytest.mark.parametrize(
    "lang, title, subject",
    [
        ("en", "Kazakhstan", "Kazakhstan"),
        ("en", "The return of Ukrainian children forcibly transferred", "the return of Ukrainian children forcibly transferred"),
        ("en", "Green growth opportunities for SMEs", "Green growth opportunities for SMEs"),
        ("fr", "Kazakhstan", "le Kazakhstan"),
        ("fr", "Chine", "la Chine"),
        ("fr", "Mexique", "le Mexique"),
        ("fr", "Iran", "l’Iran"),
        ("fr", "Ukraine", "l’Ukraine"),
        ("fr", "Philippines", "les Philippines"),
        ("fr", "Honduras", "le Honduras"),
        ("fr", "Hongrie", "la Hongrie"),
        ("fr", "Cuba", "Cuba"),
        ("fr", "Le programme de travail de la Commission pour 2018", "le programme de travail de la Commission pour 2018"),
        ("fr", "Situation des Ouïgours en Chine", "la situation des Ouïgours en Chine"),
        ("fr", "Éradication de la torture dans le monde", "l’éradication de la torture dans le monde"),
        ("fr", "Élections en Biélorussie", "les élections en Biélorussie"),
        ("fr", "Liberté de la presse en Turquie", "la liberté de la presse en Turquie"),
        # No article is guessed where neither the name nor the ending tells it.
        ("fr", "Nasrin Sotoudeh", "Nasrin Sotoudeh"),
        ("fr", "Accord de partenariat", "Accord de partenariat"),
    ],
)
def test_a_title_becomes_the_subject_of_on_or_sur(lang, title, subject):
    assert get_subject(title, lang) == subject
