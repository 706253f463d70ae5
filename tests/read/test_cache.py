"""The parse cache of incremental builds (generator.read.cache): plain JSON, read back by
type, and never trusted when it is not what this code writes."""

from __future__ import annotations

import json

import pytest

from generator.read import cache
from generator.read.parallel import parse_chunk, parse_files
from tests.paths import CONTENT

TEXT = "Title\n\n1. Calls for the release of {n}.\n\n2. Instructs its President.\n"


def cache_files(tmp_path, count=3):
    paths = []
    for n in range(count):
        path = tmp_path / f"{n}.en.txt"
        path.write_text(TEXT.format(n=n), encoding="utf-8")
        paths.append((path, "en"))
    return paths


def settle(monkeypatch):
    """Files written so far count as settled (not changed in the last RACY_SECONDS)."""
    monkeypatch.setattr(cache, "RACY_SECONDS", -3600)


def first_paragraphs(results):
    return [r.resolution.paragraphs[0].text for r in results]


def test_the_cache_is_saved_only_when_it_gains_or_loses_entries(tmp_path, monkeypatch):
    files, path = cache_files(tmp_path), tmp_path / "cache" / "parsed.json"
    settle(monkeypatch)
    parse_files(files, path)
    saved = path.stat().st_mtime_ns
    assert set(cache.load_cache(path)) == {(str(path), "en") for path, _ in files}

    # Nothing new: not written again.
    assert first_paragraphs(parse_files(files, path)) == [f"Calls for the release of {n}." for n in range(3)]
    assert path.stat().st_mtime_ns == saved

    # A text edited a moment ago is parsed again, and its new parse is not cached yet;
    # its old entry, which no longer matches the file, is never used.
    monkeypatch.setattr(cache, "RACY_SECONDS", 3600)
    files[1][0].write_text(TEXT.format(n="everyone"), encoding="utf-8")
    for _ in range(2):
        assert first_paragraphs(parse_files(files, path))[1] == "Calls for the release of everyone."
    assert path.stat().st_mtime_ns == saved

    # Once settled, it is.
    settle(monkeypatch)
    parse_files(files, path)
    assert path.stat().st_mtime_ns != saved
    assert cache.load_cache(path)[(str(files[1][0]), "en")].resolution.paragraphs[0].text.endswith("everyone.")

    # A text no longer read leaves the cache.
    saved = path.stat().st_mtime_ns
    parse_files(files[:2], path)
    assert path.stat().st_mtime_ns != saved
    assert set(cache.load_cache(path)) == {(str(path), "en") for path, _ in files[:2]}


def test_a_parse_reads_back_as_the_same_records(tmp_path, monkeypatch):
    settle(monkeypatch)
    sample = CONTENT / "resolutions" / "2012-03-07-kazakhstan"
    files = [(sample / "en.txt", "en"), (sample / "fr.txt", "fr")]
    path = tmp_path / "parsed.json"
    parsed = parse_files(files, path)
    assert list(cache.load_cache(path).values()) == parsed == parse_chunk(files)


# A Parliament text's parse has authors (a group or none), amendments and headings.
PARLIAMENT_TEXT = """Motion for a resolution - B7-0069/2009Motion for a resolution
MOTION FOR A RESOLUTION on a case
15.7.2014 - (2014/2727(RSP))
Ana Gomes, Bart Staes on behalf of the S&D Group
Fabio Castaldo
Procedure : 2014/2727(RSP)
The European Parliament,
- having regard to its resolutions,

General remarks

1. Decides to amend its Rules;

Amendment 1
Rule 10
| Present text | Amendment |
| Members may not. | Members shall not. |
"""


def test_a_parliament_texts_parse_reads_back_as_the_same_records(tmp_path, monkeypatch):
    settle(monkeypatch)
    text = tmp_path / "en.txt"
    text.write_text(PARLIAMENT_TEXT, encoding="utf-8")
    path = tmp_path / "parsed.json"
    [parsed] = parse_files([(text, "en")], path)
    resolution = parsed.resolution
    assert [(a.name, a.group) for a in resolution.authors] == [("Ana Gomes", "S&D"), ("Bart Staes", "S&D"), ("Fabio Castaldo", None)]
    assert [a.eid for a in resolution.amendments] == ["amdt_1"] and resolution.headings
    assert list(cache.load_cache(path).values()) == [parsed]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x80\x04\x95",  # a pickle's first bytes
        b"[]",
        b'{"version": "other", "entries": []}',
        b'{"version": "%(version)s", "entries": [["a", "en", [1, 2, 3, 4], "d", ["not a resolution"], [], []]]}',
        b'{"version": "%(version)s", "entries": [["a", "en", [1, 2, 3, 4], "d", null, [], []]]}',
        b'{"version": "%(version)s", "entries": {"__reduce__": "os.system"}}',
    ],
)
def test_a_cache_that_is_not_ours_is_ignored(tmp_path, data):
    path = tmp_path / "parsed.json"
    path.write_bytes(data.replace(b"%(version)s", cache.get_code_version().encode()))
    assert cache.load_cache(path) == {}


def test_the_cache_is_json(tmp_path, monkeypatch):
    settle(monkeypatch)
    path = tmp_path / "parsed.json"
    parse_files(cache_files(tmp_path, 1), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == cache.get_code_version()
    assert len(data["entries"]) == 1
