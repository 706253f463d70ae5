"""A Python-Markdown extension (``markdown_extensions`` in each language's config,
``generator.site.projects``) for the pages the renderer writes: raw HTML blocks wrapped in
comments (``generator.render.escaping.RAW_HTML_OPEN``) and ``## heading { #id }`` lines.

Such a page is already HTML but for its headings, so the extension turns the headings into
what Markdown would make of them (``<h2 id="id">heading</h2>``), unwraps the raw blocks,
hands the whole page to Markdown as one stashed raw block and gives the site generator the
table of contents (``toc_tokens``) the headings make. Markdown then has one paragraph to
process instead of every block of the page. A page of any other shape is left to Markdown,
and only its raw blocks are unwrapped after it.

It is a Markdown extension, not a hook of one site generator: MkDocs and Zensical both
build their pages with Python-Markdown and read the table of contents from ``toc_tokens``.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import nest_toc_tokens
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from generator.render.escaping import RAW_HTML_CLOSE, RAW_HTML_OPEN

_HEADING = re.compile(r"(#{1,6}) ([^\n]+?) \{ #([A-Za-z0-9_-]+) \}")
"""A heading as ``generator.render.escaping.render_heading`` writes it: its text is HTML
text already (escaped), and goes into the page as it is, as the text of a raw block does
(Markdown would read an interface string's ``*`` as emphasis)."""


def unwrap_raw_html(html: str) -> str:
    """``html`` with the comment wrappers of its raw blocks taken off."""
    return html.replace(RAW_HTML_OPEN, "").replace(RAW_HTML_CLOSE, "")


def get_page_html(text: str) -> tuple[str, list[dict[str, Any]]] | None:
    """(HTML, flat table of contents) of a page made of wrapped raw blocks and headings
    a blank line apart; None for a page of any other shape."""
    parts, tokens = [], []
    for block in text.strip("\n").split("\n\n"):
        if block.startswith(RAW_HTML_OPEN) and block.endswith(RAW_HTML_CLOSE) and block.count(RAW_HTML_CLOSE) == 1:
            # Markdown ends a raw block with a line end of its own, before the one
            # that ends every block.
            parts.append(block[len(RAW_HTML_OPEN) : -len(RAW_HTML_CLOSE)] + "\n")
            continue
        heading = _HEADING.fullmatch(block)
        if not heading:
            return None
        hashes, title, anchor = heading.groups()
        level, title = len(hashes), title.strip()
        parts.append(f'<h{level} id="{anchor}">{title}</h{level}>')
        tokens.append({"level": level, "id": anchor, "name": title, "html": title, "data-toc-label": ""})
    return "\n".join(parts).rstrip("\n"), tokens


def is_block_html(md_is_block_level: Any, html: str) -> bool:
    """Whether Markdown puts ``html``, stashed as a block, in the page as it is (not in a
    ``<p>``): its first tag is a block-level one."""
    return bool(html) and md_is_block_level(html[1:].split(" ", 1)[0].split(">", 1)[0])


_BLANK_LINE = re.compile(r"(?<=\n) +\n")


def normalize_whitespace(text: str) -> str:
    """``text`` as Python-Markdown's first preprocessor (``NormalizeWhitespace``, tab
    length 4) hands it on. Each step only where it changes something: the blank-line
    pattern alone took a quarter of filling a page in (bench/RESULTS.md)."""
    if "\x02" in text or "\x03" in text:
        text = text.replace("\x02", "").replace("\x03", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text += "\n\n"
    if "\t" in text:
        text = text.expandtabs(4)
    return _BLANK_LINE.sub("\n", text) if "\n " in text else text


_BLOCK_LEVEL = Markdown().is_block_level


def convert_page(text: str) -> tuple[str, list[dict[str, Any]]] | None:
    """(what ``Markdown(extensions=[this one]).convert(text)`` returns, its flat table of
    contents) for a page of our shape, without running Markdown; None for a page of any
    other shape (Markdown must convert it). ``generator.site.frames`` fills pages with it,
    and its tests hold it to Markdown's own output."""
    if not text.strip():
        return None
    page = get_page_html(normalize_whitespace(text))
    if page is None or not is_block_html(_BLOCK_LEVEL, page[0]):
        return None
    return unwrap_raw_html(page[0]).strip(), page[1]


class _PagePreprocessor(Preprocessor):
    """A page of our shape becomes one stashed raw block (after whitespace is normalised,
    as Markdown does for any page: tabs are expanded)."""

    def __init__(self, md: Markdown, extension: RawHtmlExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        page = get_page_html("\n".join(lines))
        if page is None or not is_block_html(self.md.is_block_level, page[0]):
            return lines
        html, self.extension.toc_tokens = page
        return [self.md.htmlStash.store(html)]


class _TableOfContentsTreeprocessor(Treeprocessor):
    """After the ``toc`` extension (which found no heading in the stashed page): the
    headings' table of contents."""

    def __init__(self, md: Markdown, extension: RawHtmlExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: Any) -> None:
        if self.extension.toc_tokens is not None:
            self.md.toc_tokens = nest_toc_tokens(self.extension.toc_tokens)


class _UnwrapPostprocessor(Postprocessor):
    """A page Markdown processed itself: its raw blocks' wrappers off, after the raw
    blocks are back in the page."""

    def run(self, text: str) -> str:
        return unwrap_raw_html(text)


class RawHtmlExtension(Extension):
    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.toc_tokens: list[dict[str, Any]] | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.registerExtension(self)
        # After normalize_whitespace (30), before html_block (20).
        md.preprocessors.register(_PagePreprocessor(md, self), "generator_raw_html_page", 25)
        # After toc (5).
        md.treeprocessors.register(_TableOfContentsTreeprocessor(md, self), "generator_raw_html_toc", 1)
        # After raw_html (30), which puts the stashed blocks back.
        md.postprocessors.register(_UnwrapPostprocessor(md), "generator_raw_html_unwrap", 5)

    def reset(self) -> None:
        self.toc_tokens = None


def makeExtension(**kwargs: Any) -> RawHtmlExtension:  # noqa: N802 - Python-Markdown's name
    return RawHtmlExtension(**kwargs)
