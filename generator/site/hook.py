"""A MkDocs hook (``hooks:`` in each language's config, ``generator.site.projects``): after Markdown,
each raw HTML block of a page is unwrapped from the comment the generator put around it
(``generator.render.escaping.RAW_HTML_OPEN``), so the page's HTML is the block, byte for byte.
"""

from __future__ import annotations

from generator.render.escaping import RAW_HTML_CLOSE, RAW_HTML_OPEN


def on_page_content(html: str, page, config, files) -> str:
    return html.replace(RAW_HTML_OPEN, "").replace(RAW_HTML_CLOSE, "")
