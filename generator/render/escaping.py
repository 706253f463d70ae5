"""How text goes into a page: escaped, in raw HTML blocks that Markdown leaves alone.

Raw texts are data, never markup. Every piece of text from a resolution or from the
directory goes into the page as an HTML-escaped raw HTML block: Python-Markdown leaves a
raw HTML block as it is, so emphasis, link syntax, ``{ #attr }`` lists, table pipes and
``---`` lines in a text stay characters. A raw block ends at a blank line, so no block we
write contains one.

Front matter values that Material prints (``title``, ``description``) are HTML-escaped
too: MkDocs renders templates with Jinja autoescaping off, and Material writes
``page.meta.title`` and ``page.meta.description`` into ``<title>``, the header and
``<meta name="description">`` as they are. Our own template (``site/theme/main.html``)
reads the same values and relies on the same rule: **front matter holds HTML text.**
"""

from __future__ import annotations

import json
import re

SAFE_URL_SCHEMES = ("https://", "http://")
"""The only schemes an external link from our data may use (no ``javascript:``)."""


_TEXT_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
"""What ``html.escape(value, quote=False)`` replaces, in its order."""


_ATTRIBUTE_ENTITIES = (*_TEXT_ENTITIES, ('"', "&quot;"), ("'", "&#x27;"), ("\r", "&#13;"), ("\n", "&#10;"))
"""``html.escape(value, quote=True)``'s, then the line ends (see ``text``)."""


def replace_present(value: str, entities: tuple[tuple[str, str], ...]) -> str:
    """Each character of ``entities`` replaced by its entity, in order, looking first
    whether it occurs: most strings hold none of them, and unconditional replace passes
    were a large part of rendering a language (bench/RESULTS.md)."""
    for character, entity in entities:
        if character in value:
            value = value.replace(character, entity)
    return value


def html_text(value: str) -> str:
    """``html.escape(value, quote=False)``: text for element content only, never for an
    attribute (the search stage's pages for Pagefind)."""
    return replace_present(value, _TEXT_ENTITIES)


def text(value: str) -> str:
    """Text as HTML: every ``<``, ``&`` and quote escaped, so it can only ever be characters.

    Line breaks become character references: a blank line would end the raw HTML block
    and hand the rest of the text to Markdown.
    """
    return replace_present(value, _ATTRIBUTE_ENTITIES)


# --- pieces -----------------------------------------------------------------------------


def render_heading(title: str, anchor: str) -> str:
    """A section heading (Markdown, so it enters the table of contents) with a stable id."""
    return f"## {text(title)} {{ #{anchor} }}"


HEADING = re.compile(r"## (.*) \{ #([\w-]+) \}")
"""A heading as ``render_heading`` writes it: its (escaped) text and its anchor."""


def render_contents(label: str, blocks: list[str]) -> str:
    """The sections of a page (its ``render_heading`` blocks) as a list of links, folded
    in a ``<details>``: the table of contents of a phone, where Material shows the
    sidebar's only for pages in the navigation (the stylesheet hides it where the
    sidebar is shown). "" for a page of fewer than two sections."""
    sections = [found.groups() for block in blocks if (found := HEADING.fullmatch(block))]
    if len(sections) < 2:
        return ""
    items = "".join(f'<li><a href="#{anchor}">{title}</a></li>' for title, anchor in sections)
    return f'<details class="page-contents"><summary>{text(label)}</summary><ul>{items}</ul></details>'


def render_title(title: str) -> str:
    """The page's H1, as raw HTML: a hostile title must not become Markdown."""
    return f'<h1 id="title">{text(title)}</h1>'


def render_paragraph(value: str, css_class: str = "") -> str:
    class_attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{class_attribute}>{text(value)}</p>"


# What a YAML reader would not take as it is inside a double-quoted scalar: characters
# PyYAML refuses in a document, and the ones YAML 1.1 reads as line breaks (NEL, LS, PS),
# which a quoted scalar would fold into a space. JSON escapes the C0 controls itself.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted scalar: a JSON string (YAML's double-quoted
    escapes are a superset of JSON's), with the characters above escaped too."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda found: f"\\u{ord(found[0]):04x}", quoted) if _YAML_UNSAFE.search(quoted) else quoted


def get_front_matter(values: dict[str, str | list[dict[str, str]]]) -> str:
    """YAML front matter; string values must already be HTML text (see module docstring).

    Written here rather than by PyYAML's emitter, even libyaml's: the values are strings
    and lists of flat mappings of strings, and PyYAML's emitter took a good part of
    rendering a language (bench/RESULTS.md). Every string is quoted, so that no value
    is ever read back as another type (``2012-03-07`` as a date, ``no`` as false).
    """
    lines = ["---"]
    for key, value in values.items():
        if isinstance(value, str):
            lines.append(f"{key}: {yaml_string(value)}")
            continue
        lines.append(f"{key}:")
        for item in value:
            lines.extend(f"{'-' if index == 0 else ' '} {name}: {yaml_string(field)}" for index, (name, field) in enumerate(item.items()))
    lines.append("---\n")
    return "\n".join(lines)


RAW_HTML_OPEN = "<!--raw-html\n"


RAW_HTML_CLOSE = "\nraw-html-->"
"""Around each raw HTML block of a page, taken off again by our Markdown extension (``generator.site.raw_html``).

Python-Markdown parses every tag of a raw HTML block with ``html.parser`` only to pass
the block through unchanged, which was most of MkDocs's time on a text's page; a comment
it skips to its end (bench/RESULTS.md). Neither marker can come from a text: text is
escaped, so no ``<`` or ``>`` of ours is in it.
"""


def assemble_page(front: dict, blocks: list[str]) -> str:
    """Front matter, then the blocks (raw HTML, or Markdown headings) a blank line apart."""
    body = "\n\n".join(f"{RAW_HTML_OPEN}{block}{RAW_HTML_CLOSE}" if block.startswith("<") else block for block in blocks)
    return get_front_matter(front) + "\n" + body + "\n"
