"""link_corpus on a small corpus built in code: citation links, cited-by, people."""

import datetime

import pytest

from generator.link.linker import link_corpus
from generator.model import CitationLink, Person, Reference
from tests.factories import EP_RESOLUTION, make_content, make_document, make_version

ZHOVTIS = "2009-09-17-zhovtis"
CENTRAL_ASIA = "2011-12-15-central-asia"
BELARUS = "2011-12-15-belarus"
KAZAKHSTAN = "2012-03-07-kazakhstan"
UZBEKISTAN = "2012-05-10-uzbekistan"

KAZAKHSTAN_CITATIONS_EN = (
    "having regard to its previous resolutions on Kazakhstan, in particular the one of 17 September 2009,",
    "having regard to paragraph 3 of its resolution on the EU Strategy for Central Asia of 15 December 2011,",
    "having regard to its resolution of 15 December 2011,",
    "having regard to its resolution of 3 March 2011,",
    "having regard to its resolution of 20 May 2010 on Uzbekistan,",
    "having regard to the Statement by the HR/VP of 17 December 2011,",
)
KAZAKHSTAN_CITATIONS_FR = (
    "vu ses résolutions antérieures sur le Kazakhstan, en particulier celle du 17 septembre 2009,",
    "vu le paragraphe 3 de sa résolution du 15 décembre 2011 sur la stratégie de l'UE pour l'Asie centrale,",
    "vu sa résolution du 15 décembre 2011,",
    "vu sa résolution du 3 mars 2011,",
    "vu sa résolution du 20 mai 2010 sur l'Ouzbékistan,",
    "vu la déclaration de la VP/HR du 17 décembre 2011,",
)

REFERENCES = [
    Reference(
        date=datetime.date(2010, 5, 20),
        title={"en": "Resolution on Uzbekistan", "fr": "Résolution sur l'Ouzbékistan"},
        url={"en": "https://example.org/uzbekistan_EN.html", "fr": "https://example.org/uzbekistan_FR.html"},
    ),
    # Same date as a corpus text: the corpus wins.
    Reference(date=datetime.date(2009, 9, 17), title={"en": "Kazakhstan: Zhovtis (external)"}, url={"en": "https://example.org/z"}),
]

DIRECTORY = [
    Person("", "Barbara Lochbihler", kind="mep", group="Greens/EFA"),
    Person("", "Paolo Bergamaschi", kind="staff", role="Advisor on Foreign Affairs"),
]


def build_corpus():
    documents = [
        make_document(
            ZHOVTIS,
            make_version(ZHOVTIS, "en", title="Kazakhstan: the case of Yevgeni Zhovtis", doc_type=EP_RESOLUTION["en"]),
            make_version(ZHOVTIS, "fr", title="Kazakhstan : le cas de Yevgeni Zhovtis", doc_type=EP_RESOLUTION["fr"]),
        ),
        # A group's motion, but meta.yml says the Parliament adopted it.
        make_document(
            CENTRAL_ASIA,
            make_version(CENTRAL_ASIA, "en", title="EU Strategy for Central Asia", paragraphs=("1", "2", "3")),
            make_version(CENTRAL_ASIA, "fr", title="Stratégie de l'UE pour l'Asie centrale", paragraphs=("1", "2", "3")),
            adopted="2011-12-15",
        ),
        make_document(BELARUS, make_version(BELARUS, "en", title="Belarus", doc_type=EP_RESOLUTION["en"])),
        make_document(
            KAZAKHSTAN,
            make_version(
                KAZAKHSTAN, "en", title="Kazakhstan", citations=KAZAKHSTAN_CITATIONS_EN,
                meps=("LOCHBIHLER Barbara", "SCHULZ Werner"), contacts=("paolo bergamaschi",),
            ),
            make_version(
                KAZAKHSTAN, "fr", title="Kazakhstan", citations=KAZAKHSTAN_CITATIONS_FR,
                meps=("Bárbara Lochbihler", "SCHULZ Werner"), contacts=("Paolo Bergamaschi",),
            ),
        ),
        make_document(
            UZBEKISTAN,
            make_version(
                UZBEKISTAN, "en", title="Uzbekistan",
                citations=("having regard to its resolution of 17 September 2009 on Kazakhstan,",),
                meps=("Barbara Lochbihler",),
            ),
        ),
    ]
    return link_corpus(make_content(*documents, directory=DIRECTORY, references=REFERENCES))


@pytest.fixture(scope="module")
def corpus():
    return build_corpus()


def linked_phrase(corpus, lang, eid):
    [link] = corpus.links[(KAZAKHSTAN, lang, eid)]
    text = next(c.text for c in corpus.by_slug[KAZAKHSTAN].versions[lang].citations if c.eid == eid)
    return link, text[link.start : link.end]


@pytest.mark.parametrize("lang, phrase", [("en", "17 September 2009"), ("fr", "17 septembre 2009")])
def test_citation_links_to_a_text_of_the_corpus_before_references(corpus, lang, phrase):
    link, linked = linked_phrase(corpus, lang, "cit_1")
    assert linked == phrase
    assert (link.slug, link.eid, dict(link.url)) == (ZHOVTIS, "", {})


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_paragraph_deep_link_to_the_subject_that_matches(corpus, lang):
    link, _ = linked_phrase(corpus, lang, "cit_2")
    assert (link.slug, link.eid) == (CENTRAL_ASIA, "para_3")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_external_reference_links_to_urls_by_language(corpus, lang):
    link, _ = linked_phrase(corpus, lang, "cit_5")
    assert link.slug == ""
    assert link.url == REFERENCES[0].url
    assert link.title == REFERENCES[0].title


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_unresolved_ambiguous_and_other_bodies_texts_get_no_link(corpus, lang):
    for eid in ("cit_3", "cit_4", "cit_6"):
        assert (KAZAKHSTAN, lang, eid) not in corpus.links


def test_unresolved_and_ambiguous_citations_are_problems(corpus):
    messages = {(p.path, p.eid, p.message) for p in corpus.diagnostics}
    en = f"content/resolutions/{KAZAKHSTAN}/en.txt"
    fr = f"content/resolutions/{KAZAKHSTAN}/fr.txt"
    assert (en, "cit_4", "unresolved citation: resolution of 3 March 2011") in messages
    assert (fr, "cit_4", "unresolved citation: resolution of 3 mars 2011") in messages
    assert (
        en, "cit_3",
        f"ambiguous citation: resolution of 15 December 2011 could be {BELARUS} or {CENTRAL_ASIA}",
    ) in messages


def test_cited_by_lists_citing_texts_newest_first(corpus):
    assert corpus.cited_by[ZHOVTIS] == ((UZBEKISTAN, "cit_1"), (KAZAKHSTAN, "cit_1"))
    assert corpus.cited_by[CENTRAL_ASIA] == ((KAZAKHSTAN, "cit_2"),)
    assert BELARUS not in corpus.cited_by


def test_lastname_firstname_and_accents_match_the_directory(corpus):
    assert corpus.person_slugs[(KAZAKHSTAN, "LOCHBIHLER Barbara")] == "barbara-lochbihler"
    assert corpus.person_slugs[(KAZAKHSTAN, "Bárbara Lochbihler")] == "barbara-lochbihler"
    assert corpus.person_slugs[(KAZAKHSTAN, "paolo bergamaschi")] == "paolo-bergamaschi"
    assert corpus.people_by_slug["barbara-lochbihler"].in_directory


def test_unmatched_person_gets_a_page_and_a_problem(corpus):
    werner = corpus.people_by_slug["werner-schulz"]
    assert (werner.name, werner.in_directory) == ("Werner Schulz", False)
    assert corpus.person_slugs[(KAZAKHSTAN, "SCHULZ Werner")] == "werner-schulz"
    unmatched = [p for p in corpus.diagnostics if p.message.startswith("unmatched person")]
    assert {(p.path, p.message) for p in unmatched} == {
        (f"content/resolutions/{KAZAKHSTAN}/en.txt", "unmatched person: SCHULZ Werner"),
        (f"content/resolutions/{KAZAKHSTAN}/fr.txt", "unmatched person: SCHULZ Werner"),
    }


def test_responsible_and_contact_texts_newest_first(corpus):
    assert corpus.responsible["barbara-lochbihler"] == (UZBEKISTAN, KAZAKHSTAN)
    assert corpus.contact_for["paolo-bergamaschi"] == (KAZAKHSTAN,)
    assert [p.slug for p in corpus.people] == sorted(p.slug for p in corpus.people)


def test_paragraph_missing_from_the_target_links_the_whole_text_and_warns():
    citing = make_version(
        "2012-01-01-x", citations=("having regard to paragraph 9 of its resolution of 17 September 2009,",)
    )
    target = make_version(ZHOVTIS, doc_type=EP_RESOLUTION["en"])
    corpus = link_corpus(make_content(make_document("2012-01-01-x", citing), make_document(ZHOVTIS, target)))
    [link] = corpus.links[("2012-01-01-x", "en", "cit_1")]
    assert (link.slug, link.eid) == (ZHOVTIS, "")
    [problem] = corpus.diagnostics
    assert "no para_9" in problem.message


def test_a_text_never_links_to_itself():
    own = make_version(
        ZHOVTIS, doc_type=EP_RESOLUTION["en"],
        citations=("having regard to its resolution of 17 September 2009,",),
    )
    corpus = link_corpus(make_content(make_document(ZHOVTIS, own)))
    assert corpus.links == {}
    assert [p.message for p in corpus.diagnostics] == ["unresolved citation: resolution of 17 September 2009"]


def test_links_are_citation_links(corpus):
    assert all(isinstance(link, CitationLink) for links in corpus.links.values() for link in links)


# --------------------------------------------------------------------------- date and subject

TORTURE = "2014-03-11-eradication-of-torture"
TORTURE_ADOPTED_SAME_DAY = "2014-03-11-smes-access-to-finance"


def link_one_citation(citation: str, *targets, lang: str = "en"):
    """The links and diagnostics of one citing text (of 2015) among ``targets``."""
    citing = make_document("2015-05-19-citing", make_version("2015-05-19-citing", lang, citations=(citation,)))
    corpus = link_corpus(make_content(citing, *targets))
    links = corpus.links.get(("2015-05-19-citing", lang, "cit_1"), ())
    return [(link.slug, link.eid) for link in links], [p.message for p in corpus.diagnostics]


def adopted(slug: str, title: str, doc_type: str = EP_RESOLUTION["en"], lang: str = "en", **meta):
    return make_document(slug, make_version(slug, lang, title=title, doc_type=doc_type), **meta)


def test_the_one_text_of_that_date_on_another_subject_gets_no_link_and_a_warning():
    links, problems = link_one_citation(
        "having regard to its resolution of 11 March 2014 on the eradication of torture in the world,",
        adopted(TORTURE_ADOPTED_SAME_DAY, "Access to finance for SMEs"),
    )
    assert links == []
    assert problems == [
        "unresolved citation: resolution of 11 March 2014"
        f" (of that date but on another subject: {TORTURE_ADOPTED_SAME_DAY})"
    ]


def test_of_two_texts_of_that_date_the_one_whose_subject_agrees_is_linked():
    links, problems = link_one_citation(
        "having regard to its resolution of 11 March 2014 on the eradication of torture in the world,",
        adopted(TORTURE_ADOPTED_SAME_DAY, "Access to finance for SMEs"),
        adopted(TORTURE, "Eradication of torture in the world"),
    )
    assert (links, problems) == ([(TORTURE, "")], [])


def test_a_reference_whose_subject_agrees_wins_over_a_corpus_text_that_disagrees():
    reference = Reference(
        date=datetime.date(2014, 3, 11), title={"en": "Eradication of torture"}, url={"en": "https://example.org/t"}
    )
    citing = make_document(
        "2015-05-19-citing",
        make_version("2015-05-19-citing", citations=("having regard to its resolution of 11 March 2014 on torture,",)),
    )
    corpus = link_corpus(
        make_content(citing, adopted(TORTURE_ADOPTED_SAME_DAY, "Access to finance for SMEs"), references=[reference])
    )
    [link] = corpus.links[("2015-05-19-citing", "en", "cit_1")]
    assert (link.slug, dict(link.url)) == ("", {"en": "https://example.org/t"})
    assert corpus.diagnostics == ()


def test_each_date_of_a_list_links_to_the_text_its_own_subject_names():
    links, problems = link_one_citation(
        "having regard to its previous resolutions on China, in particular those of 10 March 2011 on religious"
        " minorities(1), of 4 October 2018 on the detention of Uyghurs(2) and of 10 March 2011 on Tibet(3),",
        adopted("2011-03-10-china-religious-minorities", "China: religious minorities"),
        adopted("2011-03-10-china-tibet", "China: Tibet"),
        adopted("2018-10-04-uyghurs", "Mass detention of Uyghurs in China"),
    )
    assert problems == []
    assert links == [("2011-03-10-china-religious-minorities", ""), ("2018-10-04-uyghurs", ""), ("2011-03-10-china-tibet", "")]


@pytest.mark.parametrize(
    "lang, doc_type",
    [
        ("en", "European Parliament resolution"),
        ("en", "European Parliament legislative resolution"),
        ("en", "European Parliament decision"),
        ("en", "European Parliament recommendation to the Council"),
        ("fr", "Résolution du Parlement européen"),
        ("fr", "Résolution législative du Parlement européen"),
        ("fr", "Décision du Parlement européen"),
    ],
)
def test_every_text_the_parliament_adopts_is_citable(lang, doc_type):
    citation = {"en": "having regard to its legislative resolution of 11 March 2014 on torture,",
                "fr": "vu sa résolution législative du 11 mars 2014 sur la torture,"}[lang]
    links, _ = link_one_citation(citation, adopted(TORTURE, "Torture", doc_type, lang), lang=lang)
    assert links == [(TORTURE, "")]


@pytest.mark.parametrize(
    "doc_type", ["Motion for a resolution", "Joint motion for a resolution", "Report", "Proposition de résolution"]
)
def test_motions_and_reports_are_not_citable_unless_meta_says_adopted(doc_type):
    citation = "having regard to its resolution of 11 March 2014 on torture,"
    assert link_one_citation(citation, adopted(TORTURE, "Torture", doc_type))[0] == []
    assert link_one_citation(citation, adopted(TORTURE, "Torture", doc_type, adopted="2014-03-11"))[0] == [(TORTURE, "")]


def test_a_position_at_first_reading_is_named_so_in_messages():
    _, problems = link_one_citation("having regard to its position at first reading of 16 April 2014 on procurement,")
    assert problems == ["unresolved citation: position of 16 April 2014"]
