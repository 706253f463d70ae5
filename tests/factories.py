"""Records made in code for the tests: resolutions, documents, content and whole corpora,
without the parser (one module, so that every test builds its data the same way).

- ``make_version`` / ``make_document`` / ``make_content``: one text at a time;
- ``make_sample_corpus``: three linked texts and three people, for the render and site tests;
- ``make_hostile_corpus``: a text whose every string tries to become markup;
- ``make_corpus``: a synthetic content folder of N texts (the benchmark's), and edits of
  a content folder (``edit_paragraph`` ...), for builds;
- ``make_people_content``: the bundled content with Members imported from fixture pages.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import re
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from generator.model import (
    Amendment,
    Author,
    Citation,
    CitationLink,
    Content,
    Corpus,
    Document,
    Heading,
    Membership,
    Meta,
    Office,
    Paragraph,
    Person,
    PersonRef,
    Point,
    Recital,
    Resolution,
    Term,
)
from generator.read.content import find_resolution_dirs
from tests.paths import CONTENT, FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import make_corpus as make_corpus  # noqa: E402  (the benchmark's synthetic corpus: bench/make_corpus.py)

EP_RESOLUTION = {"en": "European Parliament resolution", "fr": "Résolution du Parlement européen"}
PREAMBLES = {"en": "The European Parliament,", "fr": "Le Parlement européen,"}


def paragraph(num: str, text: str, points: Iterable[tuple[str, str]] = ()) -> Paragraph:
    """Paragraph ``num`` with its lettered ``points`` ((letter, text) pairs)."""
    return Paragraph(
        f"para_{num}", num, text, 20,
        tuple(Point(f"para_{num}__point_{p}", p, t, 21) for p, t in points),
    )


def make_version(
    slug: str = "x",
    lang: str = "en",
    *,
    title: str = "Title",
    date: datetime.date | str | None = None,
    doc_type: str = "Greens/EFA motion for a resolution",
    citations: Iterable[str] = (),
    recitals: Iterable[str | tuple[str, str]] = ("A",),
    paragraphs: Iterable[str | Paragraph] = ("1",),
    meps: Iterable[str | tuple[str, str]] = (),
    contacts: Iterable[str | tuple[str, str]] = (),
    preamble: str | None = None,
    authors: Iterable[tuple[str, str | None]] = (),
    amendments: Iterable[tuple[str, str, str]] = (),
    headings: Iterable[tuple[str, str]] = (),
    reference: str = "",
    procedure: str = "",
) -> Resolution:
    """One language version of the text ``slug``.

    ``date`` defaults to the slug's date; a recital is a label ("A": "whereas A") or a
    (label, text) pair; a paragraph a number ("1": "Calls 1") or a Paragraph; a person a
    name (role "Member" / "Advisor") or a (name, role) pair; an author a (name, group)
    pair; an amendment a (location, original, amended) triple (``amdt_1`` ...); a heading a
    (text, eid of the unit it stands before) pair.
    """
    if date is None:
        date = datetime.date.fromisoformat(slug[:10])
    elif isinstance(date, str):
        date = datetime.date.fromisoformat(date)

    def recital(item: str | tuple[str, str]) -> Recital:
        num, text = (item, f"whereas {item}") if isinstance(item, str) else item
        return Recital(f"rec_{num}", num, text, 10)

    def people(items: Iterable[str | tuple[str, str]], role: str, line: int) -> tuple[PersonRef, ...]:
        return tuple(PersonRef(*((item, role) if isinstance(item, str) else item), line) for item in items)

    return Resolution(
        path=f"content/resolutions/{slug}/{lang}.txt",
        lang=lang,
        title=title,
        date=date,
        doc_type=doc_type,
        preamble=PREAMBLES[lang] if preamble is None else preamble,
        citations=tuple(Citation(f"cit_{i}", text, i) for i, text in enumerate(citations, 1)),
        recitals=tuple(map(recital, recitals)),
        paragraphs=tuple(p if isinstance(p, Paragraph) else Paragraph(f"para_{p}", p, f"Calls {p}", 40) for p in paragraphs),
        meps=people(meps, "Member", 50),
        contacts=people(contacts, "Advisor", 60),
        reference=reference,
        procedure=procedure,
        authors=tuple(Author(name, group, 5) for name, group in authors),
        amendments=tuple(
            Amendment(f"amdt_{n}", str(n), location, original, amended, 70 + n)
            for n, (location, original, amended) in enumerate(amendments, 1)
        ),
        headings=tuple(Heading(text, 30, before) for text, before in headings),
    )


def make_document(slug: str, *versions: Resolution, **meta) -> Document:
    if "adopted" in meta and isinstance(meta["adopted"], str):
        meta["adopted"] = datetime.date.fromisoformat(meta["adopted"])
    return Document(slug=slug, versions={v.lang: v for v in versions}, meta=Meta(**meta))


def make_content(*documents: Document, directory=(), references=()) -> Content:
    return Content(documents=tuple(documents), directory=tuple(directory), references=tuple(references))


# --------------------------------------------------------------------------- the sample corpus
# Three texts: a bilingual one with points, a later English-only one whose citation links
# to the first (and a French version flagged as unofficial elsewhere), plus directory
# people with and without contact details.

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
            "en": make_version(
                OLD, "en", title="Case of Yevgeni Zhovtis", doc_type="Motion for a resolution",
                citations=["having regard to its previous resolutions on Kazakhstan,"],
                recitals=[("A", "whereas Yevgeni Zhovtis was sentenced to four years;")],
                paragraphs=[
                    paragraph("1", "Calls on the Council:", [("a", "to act;"), ("b", "to report;")]),
                    paragraph("2", "Instructs its President to forward this resolution."),
                ],
                meps=[("Barbara Lochbihler", "Member")],
            ),
            "fr": make_version(
                OLD, "fr", title="Cas de Yevgeni Zhovtis", doc_type="Proposition de résolution",
                citations=["vu ses résolutions antérieures sur le Kazakhstan,"],
                recitals=[("A", "considérant que Yevgeni Zhovtis a été condamné à quatre ans;")],
                paragraphs=[
                    paragraph("1", "invite le Conseil:", [("a", "à agir;"), ("b", "à faire rapport;")]),
                    paragraph("2", "charge son Président de transmettre la présente résolution."),
                ],
                meps=[("Barbara Lochbihler", "Membre")],
            ),
        },
        meta=Meta(reference="B7-0001/2009", unofficial=("fr",)),
    )
    new = Document(
        slug=NEW,
        versions={
            "en": make_version(
                NEW, "en", title="Kazakhstan", doc_type="Greens/EFA motion for a resolution",
                citations=[
                    "having regard to its previous resolutions on Kazakhstan, in particular the one of 17 September 2009,",
                    "having regard to its resolution on a EU Strategy for Central Asia of 15 December 2011,",
                    "having regard to Rule 110(2) of its Rules of Procedure,",
                ],
                recitals=[("A", "whereas the EU and Kazakhstan are negotiating;"), ("B", "whereas on 16 December 2011 people rallied;")],
                paragraphs=[
                    paragraph("1", "Strongly condemns the crackdown;"),
                    paragraph("2", "Calls on the Council:", [("a", "to extend the mandate;")]),
                ],
                meps=[("Barbara Lochbihler", "Member"), ("Keith Taylor", "Member")],
                contacts=[("Paolo Bergamaschi", "Advisor on Foreign Affairs")],
            ),
        },
        meta=Meta(reference="B7-0143/2012"),
    )
    only_fr = Document(
        slug=ONLY_FR,
        versions={
            "fr": make_version(
                ONLY_FR, "fr", title="Biélorussie", doc_type="Proposition de résolution",
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
                    title={
                        "en": "Resolution of 15 December 2011 on Central Asia",
                        "fr": "Résolution du 15 décembre 2011 sur l'Asie centrale",
                    },
                ),
            ),
        }
    people = (
        Person(
            slug="barbara-lochbihler", name="Barbara Lochbihler", kind="mep", country="Germany",
            national_party="Bündnis 90/Die Grünen", group="Greens/EFA", term="2009-2019",
        ),
        Person(
            slug="keith-taylor", name="Keith Taylor", kind="mep", country="United Kingdom", group="Greens/EFA",
            email="keith.taylor@example.invalid", offices=(Office(phone="+32 2 284 00 00"),),
        ),
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


# --------------------------------------------------------------------------- the hostile corpus
# Texts that try to become markup. Each must show exactly its characters and add nothing.

HOSTILE_SLUG = "2020-01-01-hostile"

HOSTILE_TEXTS = {
    "script": 'whereas <script>alert("x")</script> was said;',
    "img-onerror": "whereas <img src=x onerror=alert(1)> appeared;",
    "emphasis": "whereas *this* and _that_ and **bold** stay plain;",
    "link-syntax": "whereas [click](javascript:alert(1)) is no link;",
    "javascript-url": "whereas javascript:alert(document.cookie) is text;",
    "attr-list": "whereas { #para_1 } and {: .x #rec_A } are not attributes;",
    "table": "| a | b |\n|---|---|\n| c | d |",
    "hr-line": "---",
    "entities": "whereas &amp; and &lt;b&gt; and &#x27; stay as written;",
    "jinja": "whereas {{ config.site_name }} and {% if true %}x{% endif %} stay;",
    "html-comment": "whereas <!-- comment --> and </div></div> close nothing;",
    "autolink": "whereas <https://evil.example> and www.evil.example are text;",
    "heading": "# not a heading",
    "raw-html-marker": "whereas\nraw-html--> <div>x</div> <!--raw-html\nend no wrapper;",
}
"""Case name -> recital text. Recital labels are A, B, C ... in this order."""

HOSTILE_TITLE = 'Title <script>alert(1)</script> & "quotes" *em* {{ x }}'
HOSTILE_DOC_TYPE = "<b>motion</b> for a [resolution](javascript:alert(1))"


def recital_id(case: str) -> str:
    return f"rec_{chr(ord('A') + list(HOSTILE_TEXTS).index(case))}"


def make_hostile_corpus() -> Corpus:
    recitals = [(chr(ord("A") + i), text) for i, text in enumerate(HOSTILE_TEXTS.values())]
    version = make_version(
        HOSTILE_SLUG, "en", title=HOSTILE_TITLE, doc_type=HOSTILE_DOC_TYPE,
        citations=["having regard to <a href='javascript:alert(1)'>this</a>,"],
        recitals=recitals,
        paragraphs=[paragraph("1", "Calls for `code` and <em>markup</em>:", [("a", "to <b>stay</b> text;")])],
        meps=[("<i>Evil</i> Name", "Member <script>")],
        contacts=[("Staff <i>Person</i>", "Advisor <script>")],
        preamble="The <u>European</u> Parliament,",
        authors=[("<b>Bad</b> Author", "<i>group</i>"), ("<i>Evil</i> Name", None)],
        amendments=[("Recital <b>1</b>", "<script>alert(1)</script> original;", "[amended](javascript:alert(1))")],
        headings=[("<h2>Heading</h2> {{ x }}", "para_1")],
        procedure="<proc>",
    )
    document = Document(slug=HOSTILE_SLUG, versions={"en": version}, meta=Meta(reference="<ref>"))
    person = Person(
        slug="evil-name", name="<i>Evil</i> Name", email='a@b.example"><script>', website="javascript:alert(1)",
        country="<b>Land</b>", surname="</script><b>", ep_id='1"><script>', group="<!-- group -->",
        offices=(Office(label="<b>Office</b>", address=("</address><i>x</i>", "-->"), phone='+32"><script>'),),
        social={"<b>net</b>": 'https://ok.example/"><b>', "x": "javascript:alert(1)"},
        terms=(Term(3, groups=(Membership("<i>Group</i>", role="<b>Chair</b>"),)),),
    )
    return Corpus(
        documents=(document,),
        people=(person,),
        responsible={"evil-name": (HOSTILE_SLUG,)},
        person_slugs={(HOSTILE_SLUG, "<i>Evil</i> Name"): "evil-name"},
    )


# --------------------------------------------------------------------------- edits of a content folder

EDIT_WORD = "Quokkaville"
"""A word found in no text but the edited one."""


def edit_paragraph(content: Path) -> None:
    """The benchmark's edit: a sentence added to paragraph 1 of the newest English text."""
    path = find_resolution_dirs(content)[-1][1] / "en.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("1. "))
    lines[index] = lines[index].rstrip(";:") + f"; insists on the test's edit, {EDIT_WORD};"
    path.write_text("\n".join(lines), encoding="utf-8")


def edit_cited_title(content: Path) -> None:
    """A new title for the oldest text, which later texts cite (their links and its
    "cited by" name it), in French only."""
    path = find_resolution_dirs(content)[0][1] / "fr.txt"
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.split("\n")[5:] if line.strip())
    path.write_text(text.replace(f"\n{title}\n", f"\n{title} (révisé)\n", 1), encoding="utf-8")


def retitle_text(content: Path) -> None:
    """A new English title for the newest text, which every list of texts shows it by."""
    path = find_resolution_dirs(content)[-1][1] / "en.txt"
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.split("\n")[5:] if line.strip())
    path.write_text(text.replace(f"\n{title}\n", f"\n{title} (revised)\n", 1), encoding="utf-8")


def retag_and_redate_text(content: Path) -> None:
    """The second newest text's meta.yml: its tags replaced by a new one and one another
    text has, and a date in a year no other text has (new listing pages, and it leaves
    its year's, its tags' and the index's place it had)."""
    folder = find_resolution_dirs(content)[-2][1]
    other = (find_resolution_dirs(content)[0][1] / "meta.yml").read_text(encoding="utf-8")
    shared = next(line for line in other.split("\n") if line.startswith("- "))
    (folder / "meta.yml").write_text(f"date: 2001-05-05\ntags:\n- A tag of its own\n{shared}\n", encoding="utf-8")


def remove_text(content: Path) -> None:
    shutil.rmtree(find_resolution_dirs(content)[1][1])


def add_newest_text(content: Path) -> None:
    """A copy of the newest text, dated after every other: what the feeds, the sitemaps
    and every output dated by the newest text see change."""
    source = find_resolution_dirs(content)[-1][1]
    target = source.parent / "2099-01-01-added-text"
    shutil.copytree(source, target)
    for path in target.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\| \d{2}\.\d{2}\.\d{4}", "| 01.01.2099", text, count=1), encoding="utf-8")


# --------------------------------------------------------------------------- people imported from pages

MEMBER_PAGES = FIXTURES / "member_pages"
IMPORTED_MEMBER = "aino-testinen"
"""A Member with two offices, e-mail, website and social links (current-member-home.html)."""
FORMER_MEMBER = "maria-da-graca-exemplo"
"""A former Member: groups and parties of a term, no contact details (former-member.html)."""


def make_people_content(folder: Path) -> Path:
    """The bundled content copied into ``folder``, with two Members imported from fixture
    pages by ``import-meps``; returns the content folder."""
    from generator.commands.import_meps import import_meps

    content = folder / "content"
    shutil.copytree(CONTENT, content)
    with contextlib.redirect_stdout(io.StringIO()):
        import_meps([MEMBER_PAGES / "current-member-home.html", MEMBER_PAGES / "former-member.html"], content / "meps.yml")
    return content
