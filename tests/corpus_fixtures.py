"""A small hand-built corpus for the renderer and site tests, independent of the parser.

Three texts: a bilingual one with points, a later English-only one whose citation links
to the first (and a French version flagged as unofficial elsewhere), plus directory
people with and without contact details.
"""

from __future__ import annotations

import datetime

from generator.model import (
    Citation,
    CitationLink,
    Corpus,
    Document,
    Meta,
    Paragraph,
    Person,
    PersonRef,
    Point,
    Recital,
    Resolution,
)


def make_resolution(lang: str, title: str, date: datetime.date, doc_type: str = "Motion for a resolution", citations=(), recitals=(), paragraphs=(), meps=(), contacts=(), preamble: str | None = None) -> Resolution:
    return Resolution(
        path=f"content/resolutions/x/{lang}.txt",
        lang=lang,
        title=title,
        date=date,
        doc_type=doc_type,
        preamble=preamble if preamble is not None else ("The European Parliament," if lang == "en" else "Le Parlement européen,"),
        citations=tuple(Citation(f"cit_{i}", text, i) for i, text in enumerate(citations, 1)),
        recitals=tuple(Recital(f"rec_{num}", num, text, 10) for num, text in recitals),
        paragraphs=tuple(paragraphs),
        meps=tuple(PersonRef(name, role, 50) for name, role in meps),
        contacts=tuple(PersonRef(name, role, 60) for name, role in contacts),
    )


def paragraph(num: str, text: str, points=()) -> Paragraph:
    return Paragraph(
        f"para_{num}", num, text, 20,
        tuple(Point(f"para_{num}__point_{p}", p, t, 21) for p, t in points),
    )


OLD = "2009-09-17-zhovtis"
NEW = "2012-03-07-kazakhstan"
ONLY_FR = "2011-05-12-belarus"


def make_sample_corpus(
    extra_documents: tuple[Document, ...] = (),
    links=None,
) -> Corpus:
    old = Document(
        slug=OLD,
        versions={
            "en": make_resolution(
                "en", "Case of Yevgeni Zhovtis", datetime.date(2009, 9, 17),
                citations=["having regard to its previous resolutions on Kazakhstan,"],
                recitals=[("A", "whereas Yevgeni Zhovtis was sentenced to four years;")],
                paragraphs=[paragraph("1", "Calls on the Council:", [("a", "to act;"), ("b", "to report;")]), paragraph("2", "Instructs its President to forward this resolution.")],
                meps=[("Barbara Lochbihler", "Member")],
            ),
            "fr": make_resolution(
                "fr", "Cas de Yevgeni Zhovtis", datetime.date(2009, 9, 17), doc_type="Proposition de résolution",
                citations=["vu ses résolutions antérieures sur le Kazakhstan,"],
                recitals=[("A", "considérant que Yevgeni Zhovtis a été condamné à quatre ans;")],
                paragraphs=[paragraph("1", "invite le Conseil:", [("a", "à agir;"), ("b", "à faire rapport;")]), paragraph("2", "charge son Président de transmettre la présente résolution.")],
                meps=[("Barbara Lochbihler", "Membre")],
            ),
        },
        meta=Meta(reference="B7-0001/2009", unofficial=("fr",)),
    )
    new = Document(
        slug=NEW,
        versions={
            "en": make_resolution(
                "en", "Kazakhstan", datetime.date(2012, 3, 7), doc_type="Greens/EFA motion for a resolution",
                citations=[
                    "having regard to its previous resolutions on Kazakhstan, in particular the one of 17 September 2009,",
                    "having regard to its resolution on a EU Strategy for Central Asia of 15 December 2011,",
                    "having regard to Rule 110(2) of its Rules of Procedure,",
                ],
                recitals=[("A", "whereas the EU and Kazakhstan are negotiating;"), ("B", "whereas on 16 December 2011 people rallied;")],
                paragraphs=[paragraph("1", "Strongly condemns the crackdown;"), paragraph("2", "Calls on the Council:", [("a", "to extend the mandate;")])],
                meps=[("Barbara Lochbihler", "Member"), ("Keith Taylor", "Member")],
                contacts=[("Paolo Bergamaschi", "Advisor on Foreign Affairs")],
            ),
        },
        meta=Meta(reference="B7-0143/2012"),
    )
    only_fr = Document(
        slug=ONLY_FR,
        versions={
            "fr": make_resolution(
                "fr", "Biélorussie", datetime.date(2011, 5, 12), doc_type="Proposition de résolution",
                recitals=[("A", "considérant que les élections n'ont pas été libres;")],
                paragraphs=[paragraph("1", "demande la libération des prisonniers politiques;")],
            ),
        },
    )
    documents = sorted((old, new, only_fr, *extra_documents), key=lambda d: (-(d.date.toordinal() if d.date else 0), d.slug))
    if links is None:
        text = new.versions["en"].citations[0].text
        start = text.index("17 September 2009")
        text2 = new.versions["en"].citations[1].text
        start2 = text2.index("15 December 2011")
        links = {
            (NEW, "en", "cit_1"): (CitationLink(start, start + len("17 September 2009"), slug=OLD, eid=""),),
            (NEW, "en", "cit_2"): (
                CitationLink(
                    start2, start2 + len("15 December 2011"),
                    url={"en": "https://www.europarl.europa.eu/doceo/document/TA-7-2011-0588_EN.html", "fr": "https://www.europarl.europa.eu/doceo/document/TA-7-2011-0588_FR.html"},
                    title={"en": "Resolution of 15 December 2011 on Central Asia", "fr": "Résolution du 15 décembre 2011 sur l'Asie centrale"},
                ),
            ),
        }
    people = (
        Person(slug="barbara-lochbihler", name="Barbara Lochbihler", kind="mep", country="Germany", national_party="Bündnis 90/Die Grünen", group="Greens/EFA", term="2009-2019"),
        Person(slug="keith-taylor", name="Keith Taylor", kind="mep", country="United Kingdom", group="Greens/EFA", email="keith.taylor@example.invalid", phone="+32 2 284 00 00"),
        Person(slug="paolo-bergamaschi", name="Paolo Bergamaschi", kind="staff", group="Greens/EFA", role="Advisor on Foreign Affairs"),
    )
    person_slugs = {
        (OLD, "Barbara Lochbihler"): "barbara-lochbihler",
        (NEW, "Barbara Lochbihler"): "barbara-lochbihler",
        (NEW, "Keith Taylor"): "keith-taylor",
        (NEW, "Paolo Bergamaschi"): "paolo-bergamaschi",
    }
    return Corpus(
        documents=tuple(documents),
        people=people,
        links=links,
        cited_by={OLD: ((NEW, "cit_1"),)},
        responsible={"barbara-lochbihler": (NEW, OLD), "keith-taylor": (NEW,)},
        contact_for={"paolo-bergamaschi": (NEW,)},
        person_slugs=person_slugs,
    )
