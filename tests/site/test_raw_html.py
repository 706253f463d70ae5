"""The Markdown extension for our pages (generator/site/raw_html.py): the HTML and table of
contents Python-Markdown itself makes of them, with their raw blocks unwrapped, at the
cost of one raw block."""

from __future__ import annotations

import pytest
from markdown import Markdown

from generator.languages import LANGUAGES
from generator.render.escaping import RAW_HTML_CLOSE, RAW_HTML_OPEN, assemble_page, render_heading
from generator.render.pages import render_site
from generator.site.raw_html import unwrap_raw_html


def body(page: str) -> str:
    """A page without its front matter, as MkDocs hands it to Markdown."""
    return page.split("---\n", 2)[2]


def convert(markdown: str, extensions: list) -> tuple[str, list]:
    md = Markdown(extensions=extensions, extension_configs={"toc": {"permalink": False}})
    html = md.convert(markdown)
    return html, getattr(md, "toc_tokens", [])


def by_markdown(markdown: str) -> tuple[str, list]:
    """What Markdown makes of the page on its own (attr_list for the headings' ids, toc)."""
    html, toc = convert(markdown, ["attr_list", "toc"])
    return unwrap_raw_html(html), toc


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_as_markdown_makes_it(sample_corpus, hostile_corpus, lang):
    for corpus in (sample_corpus, hostile_corpus):
        for path, page in render_site(corpus, lang).items():
            assert convert(body(page), ["generator.site.raw_html"]) == by_markdown(body(page)), path


def test_the_headings_give_the_table_of_contents(sample_corpus):
    page = render_site(sample_corpus, "en")["resolutions/index.md"]
    _, toc = convert(body(page), ["generator.site.raw_html"])
    assert toc and all(token["id"].startswith("year-") and token["level"] == 2 for token in toc)


def test_a_page_of_another_shape_is_left_to_markdown_and_unwrapped():
    markdown = f"{RAW_HTML_OPEN}<p>raw</p>{RAW_HTML_CLOSE}\n\nSome *Markdown*.\n"
    html, _ = convert(markdown, ["generator.site.raw_html"])
    assert html == "<p>raw</p>\n\n<p>Some <em>Markdown</em>.</p>"


def test_a_heading_s_text_stays_characters():
    """Markdown would read the stars as emphasis; a heading's text is HTML text already."""
    page = assemble_page({}, ["<h1>x</h1>", render_heading("*a* & b", "h")])
    html, toc = convert(body(page), ["generator.site.raw_html"])
    assert '<h2 id="h">*a* &amp; b</h2>' in html and toc[0]["name"] == "*a* &amp; b"


def test_markdown_s_placeholders_in_a_text_stay_text():
    """Markdown marks its stashed blocks with STX/ETX placeholders; one in a text (control
    characters are data) must not pull a stashed block into the page."""
    page = assemble_page({}, ["<h1>x</h1>", "<p>\x02wzxhzdk:0\x03 and \x02wzxhzdk:7\x03</p>"])
    html, _ = convert(body(page), ["generator.site.raw_html"])
    assert html.count("<h1>x</h1>") == 1 and "wzxhzdk:0" in html
