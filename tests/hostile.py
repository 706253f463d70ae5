"""Texts that try to become markup. Each must show exactly its characters and add nothing."""

from __future__ import annotations

import datetime

from generator.model import Corpus, Document, Meta, Person
from tests.corpus_fixtures import make_resolution, paragraph

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
    version = make_resolution(
        "en", HOSTILE_TITLE, datetime.date(2020, 1, 1), doc_type=HOSTILE_DOC_TYPE,
        citations=["having regard to <a href='javascript:alert(1)'>this</a>,"],
        recitals=recitals,
        paragraphs=[paragraph("1", "Calls for `code` and <em>markup</em>:", [("a", "to <b>stay</b> text;")])],
        meps=[("<i>Evil</i> Name", "Member <script>")],
        preamble="The <u>European</u> Parliament,",
    )
    document = Document(slug=HOSTILE_SLUG, versions={"en": version}, meta=Meta(reference="<ref>"))
    person = Person(slug="evil-name", name="<i>Evil</i> Name", email='a@b.example"><script>', website="javascript:alert(1)", country="<b>Land</b>")
    return Corpus(
        documents=(document,),
        people=(person,),
        responsible={"evil-name": (HOSTILE_SLUG,)},
        person_slugs={(HOSTILE_SLUG, "<i>Evil</i> Name"): "evil-name"},
    )
