"""The render stage: golden Markdown for the bundled sample, and Markdown that renders to
exactly the source words.

Regenerate the golden files after an intended change, then review the diff::

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_pages.py
"""

from __future__ import annotations

import difflib
import html
import os
import random
import subprocess
import sys

import pytest
import yaml
from markdown_it import MarkdownIt
from mkdocs.utils.meta import get_data

from generator.languages import LANGUAGES
from generator.link.linker import link_corpus
from generator.read.content import load_content
from generator.render.escaping import get_front_matter, html_text, text
from generator.render.pages import render_site
from generator.site.raw_html import unwrap_raw_html
from generator.urls import get_resolution_path
from tests.html_tools import by_id, normalise, parse_html, unit_text
from tests.paths import CONTENT, GOLDEN, ROOT

GOLDEN_SITE = GOLDEN / "site"


@pytest.fixture(scope="module")
def bundled_corpus():
    return link_corpus(load_content(CONTENT, warn=lambda diagnostic: None))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_golden_markdown_of_the_bundled_content(bundled_corpus, lang):
    pages = render_site(bundled_corpus, lang)
    golden_dir = GOLDEN_SITE / lang
    if os.environ.get("UPDATE_GOLDEN"):
        for old in golden_dir.rglob("*.md"):
            old.unlink()
        for path, markdown in pages.items():
            (golden_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (golden_dir / path).write_text(markdown, encoding="utf-8")
    expected = {p.relative_to(golden_dir).as_posix(): p.read_text(encoding="utf-8") for p in golden_dir.rglob("*.md")}
    assert sorted(pages) == sorted(expected), "pages differ; UPDATE_GOLDEN=1 to regenerate"
    for path, markdown in pages.items():
        if markdown != expected[path]:
            diff = "".join(difflib.unified_diff(
                expected[path].splitlines(True), markdown.splitlines(True), f"golden/{lang}/{path}", "rendered"
            ))
            pytest.fail(f"{path} differs from its golden file (UPDATE_GOLDEN=1 to regenerate):\n{diff}")


def markdown_to_html(markdown: str) -> str:
    """Another Markdown implementation's HTML of a page, raw HTML unwrapped as our Markdown extension does."""
    body = markdown.split("---\n", 2)[2]
    return unwrap_raw_html(MarkdownIt("commonmark", {"html": True}).render(body))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markdown_renders_to_the_source_words(sample_corpus, bundled_corpus, hostile_corpus, lang):
    for corpus in (sample_corpus, bundled_corpus, hostile_corpus):
        pages = render_site(corpus, lang)
        for document in corpus.documents:
            ids = by_id(parse_html(markdown_to_html(pages[get_resolution_path(document.slug)])))
            for unit in document.version(lang).units():
                assert normalise(unit_text(ids[unit.eid])) == normalise(unit.text), (document.slug, unit.eid)


RENDER_DIGEST = """
import hashlib, sys
from generator.link.linker import link_corpus
from generator.read.content import load_content
from generator.render.pages import render_site
corpus = link_corpus(load_content(__import__("pathlib").Path(sys.argv[1])))
pages = {lang: render_site(corpus, lang) for lang in ("en", "fr")}
print(hashlib.sha256(repr(sorted((lang, sorted(p.items())) for lang, p in pages.items())).encode()).hexdigest())
"""


def test_the_same_content_renders_to_the_same_bytes_in_any_process():
    """Nothing of a process (hash seed, order of sets and dicts) goes into a page."""
    digests = {
        subprocess.run(
            [sys.executable, "-c", RENDER_DIGEST, str(CONTENT)], capture_output=True, text=True, check=True,
            cwd=ROOT, env=dict(os.environ, PYTHONHASHSEED=seed),
        ).stdout
        for seed in ("1", "2", "random")
    }
    assert len(digests) == 1


def test_empty_links_mapping_renders(sample_corpus):
    from dataclasses import replace

    pages = render_site(replace(sample_corpus, links={}), "en")
    assert "citation-link" not in pages[get_resolution_path("2012-03-07-kazakhstan")]


def test_dates_in_each_language(sample_corpus):
    """Written out on a text's page; shorter in the lists of texts, one line a text."""
    for lang, long, short in (("en", "7 March 2012", "7 Mar 2012"), ("fr", "7 mars 2012", "7 mars 2012")):
        pages = render_site(sample_corpus, lang)
        assert f'<time datetime="2012-03-07">{long}</time>' in pages["resolutions/2012-03-07-kazakhstan/index.md"]
        assert f'<time datetime="2012-03-07">{short}</time>' in pages["index.md"]


def test_resolutions_index_is_grouped_by_year_newest_first(sample_corpus):
    index = render_site(sample_corpus, "en")["resolutions/index.md"]
    years = [line.split()[1] for line in index.splitlines() if line.startswith("## ")]
    assert years == ["2012", "2011", "2009"]


AWKWARD_STRINGS = [
    "plain", "", "2012-03-07", "no", "null", "1.5", "~", "- dash", "key: value", "# hash", "'quoted' \"both\"",
    "&amp;lt;script&amp;gt; &#10;", "back\\slash", "tab\tcontrol\x01\x1f\x7f\x85 C1\x9f",
    "line\u2028separators\u2029", "bom\ufeff nonchar\ufffe\uffff", "Liberté — « guillemets » 中文 😀",
    "   spaces around   ", "{flow}", "[list]", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`", "|", ">",
]


@pytest.mark.parametrize("value", AWKWARD_STRINGS)
def test_front_matter_reads_back_exactly(value):
    """Every string comes back from YAML as it went in, and as a string, through both
    PyYAML and MkDocs's own front matter reader."""
    values = {"title": value, "alternates": [{"lang": "fr", "name": value, "href": value}], "lastmod": "2012-03-07"}
    front = get_front_matter(values)
    assert yaml.safe_load(front.strip().removeprefix("---").removesuffix("---")) == values
    assert get_data(front + "\nbody\n") == ("body\n", values)


def test_text_escapes_as_html_escape_does_and_line_ends_too():
    # html_text is the element-content half, for the search stage's pages.
    alphabet = "&<>\"'\r\nab é&amp;#;"
    generator = random.Random(5)
    for value in ["", "plain", "&amp;", *("".join(generator.choices(alphabet, k=generator.randint(1, 12))) for _ in range(2000))]:
        expected = html.escape(value, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")
        assert text(value) == expected, value
        assert html_text(value) == html.escape(value, quote=False), value


def test_a_parliament_text_shows_what_its_page_gave(sample_corpus):
    """Authors with their group (linked like responsible MEPs), the parsed reference and
    procedure (meta.yml's win), headings before their unit, amendments with both columns."""
    from dataclasses import replace

    from tests.factories import make_document, make_version, paragraph

    slug = "2014-03-11-torture"
    version = make_version(
        slug, "en", title="Torture", doc_type="Motion for a resolution", reference="B7-0261/2014",
        procedure="2014/2000(RSP)", paragraphs=[paragraph("1", "Condemns torture;")],
        authors=[("Barbara Lochbihler", "Verts/ALE"), ("Ana Gomes", "S&D"), ("Fabio Castaldo", None)],
        headings=[("General remarks", "para_1")],
        amendments=[("Proposal for a regulation — Recital 3", "(3) The old text.", "(3) The new text.")],
    )
    document = make_document(slug, version, procedure="2014/2001(RSP)")
    corpus = replace(
        sample_corpus,
        documents=(*sample_corpus.documents, document),
        person_slugs={**sample_corpus.person_slugs, (slug, "Barbara Lochbihler"): "barbara-lochbihler"},
    )
    page = parse_html(markdown_to_html(render_site(corpus, "en")[get_resolution_path(slug)]))
    ids = by_id(page)
    facts = {e.attrs["class"]: e.text() for e in page.iter() if e.attrs.get("class", "").startswith("doc-")}
    assert facts["doc-reference"] == "B7-0261/2014"
    assert facts["doc-procedure"] == "2014/2001(RSP)"
    authors = next(e for e in page.iter() if e.has_class("people-authors"))
    items = [[part.text() for part in li.iter() if part.attrs.get("class", "").startswith("person-")] for li in authors.children
             if getattr(li, "tag", "") == "li"]
    assert items == [["Barbara Lochbihler", "Verts/ALE"], ["Ana Gomes", "S&D"], ["Fabio Castaldo"]]
    assert [a.attrs["href"] for a in authors.iter() if a.tag == "a"] == ["../../meps/barbara-lochbihler/"]
    heading = next(e for e in page.iter() if e.has_class("unit-heading"))
    assert heading.text() == "General remarks"
    amendment = ids["amdt_1"]
    assert unit_text(amendment) == "(3) The old text. (3) The new text."
    assert [e.text() for e in amendment.iter() if e.has_class("amendment-column-title")] == ["Original text", "Amendment"]
    label = next(e for e in amendment.iter() if e.has_class("unit-label"))
    assert (label.attrs["href"], label.attrs["aria-label"]) == ("#amdt_1", "Link to amendment 1")
