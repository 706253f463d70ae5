"""Read one raw resolution text from disk: bytes -> :class:`~generator.model.RawText`.

The raw texts were scraped from web pages and saved by hand, so this stage copes with
what such files carry: a UTF-8 BOM, CRLF or bare-CR line ends, the odd file saved as
Windows-1252. What is not text at all (empty, binary) is an :class:`InputError` naming
the file.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from pathlib import Path

from generator.errors import InputError
from generator.languages import LANGUAGES, get_language
from generator.model import Diagnostic, RawText
from generator.parse.lang import get_grammar
from generator.read.files import read_input_file

_BOM = "\ufeff"

# A text is binary when more than this share of its characters are control characters
# (other than tab, line ends and form feed). Real resolutions have none at all.
_MAX_CONTROL_SHARE = 0.05

_STRONG_MARKER_WEIGHT = 5


logger = logging.getLogger(__name__)


def _log_warning(diagnostic: Diagnostic) -> None:
    logger.warning(str(diagnostic))


def read_raw_text(
    path: str | Path,
    lang: str | None = None,
    warn: Callable[[Diagnostic], None] = _log_warning,
) -> RawText:
    """Read and decode the raw text at ``path``.

    ``lang`` wins when given; otherwise the file name says it (``en.txt``, ``x.fr.txt``);
    otherwise it is detected from the text. ``warn`` receives one-line warnings (a file
    decoded as Windows-1252).
    """
    data, _ = read_input_file(Path(path))
    return get_raw_text(data, str(path), lang, warn)


def get_raw_text(data: bytes, name: str, lang: str | None = None, warn: Callable[[Diagnostic], None] = _log_warning) -> RawText:
    """:func:`read_raw_text` of bytes already read from the file ``name``."""
    text = decode_text(data, name, warn)
    if lang is not None and lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}", name)
    return RawText(path=name, lang=lang or language_from_file_name(name) or detect_language(text), text=text)


def decode_text(data: bytes, name: str, warn: Callable[[Diagnostic], None] = _log_warning) -> str:
    """Bytes of a raw text -> str with BOM removed and every line end as ``\\n``."""
    # The tests below read the whole text only when they must: ``isspace`` where
    # ``strip`` copied the text (only to see it empty), the line ends replaced only when
    # there is a CR (a CR in the text is a CR byte); bench/RESULTS.md has the figures.
    if not data or data.isspace():
        raise InputError("empty file: expected the raw text of a resolution", name)
    if b"\x00" in data:
        raise InputError("binary file (NUL bytes): expected the raw text of a resolution", name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError("not UTF-8 (nor Windows-1252): cannot decode the file", name) from None
        warn(Diagnostic(name, "not UTF-8, decoded as Windows-1252"))
    text = text.lstrip(_BOM)
    if b"\r" in data:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _may_have_control_characters(data) and _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError("binary file (control characters): expected the raw text of a resolution", name)
    if not text or text.isspace():
        raise InputError("empty file: expected the raw text of a resolution", name)
    return text


_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ASCII_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_UTF8_C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")


def _may_have_control_characters(data: bytes) -> bool:
    """False when the text decoded from ``data`` surely has no control character.

    Decoded as UTF-8 or Windows-1252, a byte below 0x80 is that ASCII character, and
    neither decoding makes any other byte an ASCII one; the C1 controls (U+0080 to
    U+009F) are ``\\xc2\\x80`` to ``\\xc2\\x9f`` in UTF-8, and Windows-1252 decodes no byte
    to one. Real texts have no control character, and deleting those bytes with
    ``bytes.translate`` is faster than the pattern's scan of the text (bench/RESULTS.md).
    The pages all have a ``\\xc2`` (``©``), so
    the C1 search runs too, but jumps from one ``\\xc2`` to the next.
    """
    return len(data.translate(None, _ASCII_CONTROL_BYTES)) != len(data) or bool(_UTF8_C1_CONTROL.search(data))


def _control_share(text: str) -> float:
    return len(_CONTROL_CHARACTER.findall(text)) / len(text) if text else 0.0


def language_from_file_name(path: str | Path) -> str | None:
    """``en.txt`` / ``fr.txt`` / ``anything.en.txt`` -> the language; else None."""
    name = Path(path).name.lower()
    for code in LANGUAGES:
        text_file = get_language(code).text_file
        if name == text_file or name.endswith(f".{text_file}"):
            return code
    return None


@functools.cache
def get_language_markers() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Language -> (phrases that open its units, a few very common words), from each
    language's grammar: enough to tell the language of a text."""
    return {
        code: (re.compile(grammar.detection_strong, re.IGNORECASE), re.compile(grammar.detection_common, re.IGNORECASE))
        for code in LANGUAGES
        for grammar in [get_grammar(code)]
    }


def detect_language(text: str) -> str:
    """The language whose unit-opening phrases and common words the text has most of.

    A tie (no marker of any language) goes to the first language.
    """
    scores = {
        code: _STRONG_MARKER_WEIGHT * len(strong.findall(text)) + len(common.findall(text))
        for code, (strong, common) in get_language_markers().items()
    }
    return max(LANGUAGES, key=lambda code: scores[code])
