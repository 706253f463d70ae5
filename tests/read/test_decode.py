"""Tests of generator.read.decode: decoding, line ends, language, files that are no text."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.errors import InputError
from generator.model import Diagnostic, Severity
from generator.parse.parser import parse_resolution
from generator.read import decode as reader
from generator.read.decode import detect_language, language_from_file_name, read_raw_text
from tests.paths import CONTENT

ENGLISH = "Kazakhstan\n\nThe European Parliament,\n\n- having regard to its resolutions,\n\nA. whereas the talks go on;\n"
FRENCH = "Kazakhstan\n\nLe Parlement européen,\n\n– vu ses résolutions,\n\nA. considérant que les négociations continuent ;\n"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom_and_crlf(tmp_path):
    path = write(tmp_path, "en.txt", b"\xef\xbb\xbf" + ENGLISH.replace("\n", "\r\n").encode("utf-8"))
    raw = read_raw_text(path)
    assert raw.text == ENGLISH
    assert raw.lang == "en"
    assert raw.path == str(path)


def test_bare_cr_and_mixed_line_ends(tmp_path):
    raw = read_raw_text(write(tmp_path, "en.txt", b"one\rtwo\r\nthree\nfour"))
    assert raw.text.split("\n") == ["one", "two", "three", "four"]


def test_windows_1252_is_decoded_with_a_warning(tmp_path):
    path = write(tmp_path, "fr.txt", FRENCH.replace("’", "'").encode("cp1252"))
    warnings: list[Diagnostic] = []
    raw = read_raw_text(path, warn=warnings.append)
    assert raw.text == FRENCH.replace("’", "'")
    assert warnings == [Diagnostic(str(path), "not UTF-8, decoded as Windows-1252", Severity.WARNING)]
    assert parse_resolution(raw).recitals[0].text == "considérant que les négociations continuent ;"


def test_default_warning_is_logged(tmp_path, caplog):
    path = write(tmp_path, "en.txt", "caf\u00e9 1. Calls.".encode("cp1252"))
    read_raw_text(path)
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", f"{path}: warning: not UTF-8, decoded as Windows-1252")
    ]


def test_utf8_file_gives_no_warning(tmp_path):
    warnings: list[Diagnostic] = []
    read_raw_text(write(tmp_path, "fr.txt", FRENCH.encode("utf-8")), warn=warnings.append)
    assert warnings == []


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n \r\n"])
def test_empty_file_is_an_error(tmp_path, data):
    path = write(tmp_path, "en.txt", data)
    with pytest.raises(InputError) as raised:
        read_raw_text(path)
    assert raised.value.path == str(path)
    assert "empty file" in str(raised.value)
    assert str(raised.value).startswith(str(path))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # NUL bytes
        ENGLISH.encode("utf-16"),  # UTF-16 is NUL bytes too, for ASCII text
        bytes(range(1, 32)) * 20 + b"text",  # mostly control characters
    ],
)
def test_binary_file_is_an_error(tmp_path, data):
    path = write(tmp_path, "en.txt", data)
    with pytest.raises(InputError) as raised:
        read_raw_text(path)
    assert raised.value.path == str(path)
    assert "binary file" in raised.value.message


_BYTES = st.lists(
    st.one_of(st.binary(max_size=4), st.sampled_from([b"\xc2\x80", b"\xc2\x9f", b"\xc2\xa9", b"\xc3\xa9", b"\x7f", b"\x85"])),
    max_size=20,
).map(b"".join)


@settings(max_examples=500, deadline=None)
@given(_BYTES)
@example(b"\xc2\x85")
@example("é\x1f".encode("cp1252"))
def test_no_control_character_where_the_bytes_promise_none(data):
    # decode_text counts control characters only where the bytes may hold one.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not reader._may_have_control_characters(data):
            assert reader._control_share(text) == 0


def test_undecodable_file_is_an_error(tmp_path):
    # 0x81 is undefined in Windows-1252, and not UTF-8 either.
    path = write(tmp_path, "en.txt", b"Kazakhstan \x81\x8d 1. Calls.")
    with pytest.raises(InputError, match="not UTF-8"):
        read_raw_text(path)


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(InputError) as raised:
        read_raw_text(tmp_path / "nowhere" / "en.txt")
    assert raised.value.path.endswith("en.txt")


def test_language_argument_wins_over_file_name_and_text(tmp_path):
    path = write(tmp_path, "en.txt", FRENCH.encode("utf-8"))
    assert read_raw_text(path, lang="fr").lang == "fr"
    assert read_raw_text(path).lang == "en"  # the file name says so


def test_unknown_language_argument_is_an_error(tmp_path):
    path = write(tmp_path, "en.txt", ENGLISH.encode("utf-8"))
    with pytest.raises(InputError, match="unknown language 'de'"):
        read_raw_text(path, lang="de")


@pytest.mark.parametrize(
    ("name", "lang"),
    [("en.txt", "en"), ("fr.txt", "fr"), ("EN.TXT", "en"), ("kazakhstan.fr.txt", "fr"),
     ("2012-03-07.en.txt", "en"), ("resolution.txt", None), ("french.txt", None), ("en.md", None)],
)
def test_language_from_file_name(name, lang):
    assert language_from_file_name(name) == lang


def test_language_detected_from_the_text(tmp_path):
    assert read_raw_text(write(tmp_path, "a.txt", FRENCH.encode("utf-8"))).lang == "fr"
    assert read_raw_text(write(tmp_path, "b.txt", ENGLISH.encode("utf-8"))).lang == "en"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("- having regard to its resolution of 15 December 2011,", "en"),
        ("A. whereas the authorities detained three leaders;", "en"),
        ("– vu sa résolution du 15 décembre 2011,", "fr"),
        ("A. considérant que les autorités ont arrêté trois dirigeants ;", "fr"),
        ("1. condamne fermement la répression et demande une enquête", "fr"),
        ("1. Strongly condemns the crackdown and calls for an investigation", "en"),
        ("12345", "en"),  # undecidable: English
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_bundled_sample_files_language_and_decoding():

    sample = CONTENT / "resolutions" / "2012-03-07-kazakhstan"
    for lang in ("en", "fr"):
        raw = read_raw_text(sample / f"{lang}.txt", warn=pytest.fail)
        assert raw.lang == lang == detect_language(raw.text)
        assert "\r" not in raw.text and not raw.text.startswith("\ufeff")
