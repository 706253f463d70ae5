"""Text that XML can hold: the characters XML 1.0 does not allow, replaced.

A raw text may carry control characters (a form feed from a PDF, a stray NUL); lxml
refuses them in an element's text or an attribute, and so does every XML reader. They
become U+FFFD, the replacement character, so the text keeps its length and its links
their offsets.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character outside XML 1.0's ``Char`` production."""


def xml_text(value: str) -> str:
    """``value`` with every character XML cannot hold replaced by U+FFFD."""
    if value.isprintable():  # most text: no control character, no surrogate (a quick test in C)
        return value
    return _NOT_XML.sub("\ufffd", value) if _NOT_XML.search(value) else value
