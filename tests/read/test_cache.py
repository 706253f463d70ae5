"""The parse cache of incremental builds (generator.read.cache): plain JSON, read back by
type, and never trusted when it is not what this code writes."""

from __future__ import annotations

import json
import logging
import os

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

    # Once settled, it is: in the delta beside the cache, which is not written again.
    settle(monkeypatch)
    parse_files(files, path)
    delta = cache.get_delta_path(path)
    assert path.stat().st_mtime_ns == saved and len(json.loads(delta.read_bytes())["entries"]) == 1
    assert cache.load_cache(path)[(str(files[1][0]), "en")].resolution.paragraphs[0].text.endswith("everyone.")

    # A text no longer read leaves the cache, written whole again (without a delta).
    parse_files(files[:2], path)
    assert path.stat().st_mtime_ns != saved and not delta.exists()
    assert set(cache.load_cache(path)) == {(str(path), "en") for path, _ in files[:2]}
    assert cache.load_cache(path)[(str(files[1][0]), "en")].resolution.paragraphs[0].text.endswith("everyone.")


def test_a_delta_amends_only_the_cache_it_was_written_for(tmp_path, monkeypatch):
    files, path = cache_files(tmp_path), tmp_path / "cache" / "parsed.json"
    settle(monkeypatch)
    parse_files(files, path)
    files[0][0].write_text(TEXT.format(n="A"), encoding="utf-8")
    parse_files(files, path)
    delta = cache.get_delta_path(path).read_bytes()
    assert first_paragraphs(cache.load_cache(path).values())[0] == "Calls for the release of A."

    # The cache written whole again (another build folder's, restored ...): the old delta is not its.
    cache.save_cache(path, {(str(p), "en"): r for (p, _), r in zip(files, parse_chunk(files), strict=True)})
    files[0][0].write_text(TEXT.format(n=0), encoding="utf-8")
    cache.save_cache(path, {(str(p), "en"): r for (p, _), r in zip(files, parse_chunk(files), strict=True)})
    cache.get_delta_path(path).write_bytes(delta)
    assert first_paragraphs(cache.load_cache(path).values())[0] == "Calls for the release of 0."


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
        b'{"version": "%(version)s", "token": "t", "entries": [["a", "en", [1, 2, 3, 4], "d", ["not a resolution"], [], []]]}',
        b'{"version": "%(version)s", "token": "t", "entries": [["a", "en", [1, 2, 3, 4], "d", null, [], []]]}',
        b'{"version": "%(version)s", "token": "t", "entries": {"__reduce__": "os.system"}}',
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


@pytest.fixture
def parses(monkeypatch):
    """The paths of the texts actually parsed (not taken from the cache), in order."""
    from generator.parse import parser

    made, parse = [], parser.parse_resolution_with_skipped_lines

    def counted(raw):
        made.append(raw.path)
        return parse(raw)

    monkeypatch.setattr(parser, "parse_resolution_with_skipped_lines", counted)
    return made


def test_a_full_read_reuses_the_parses_of_the_same_bytes_only(tmp_path, monkeypatch, parses):
    files, path = cache_files(tmp_path), tmp_path / "cache" / "parsed.json"
    settle(monkeypatch)
    first = parse_files(files, path)
    assert len(parses) == 3

    parses.clear()
    assert parse_files(files, path) == first and parses == []

    # Edited with the same size and mtime (a stat would not tell): the bytes do.
    text = files[1][0]
    stat = text.stat()
    text.write_text(TEXT.format(n="X"), encoding="utf-8")
    assert text.stat().st_size == stat.st_size
    os.utime(text, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert first_paragraphs(parse_files(files, path))[1] == "Calls for the release of X."
    assert parses == [str(text)]
    assert cache.load_cache(path)[(str(text), "en")].resolution.paragraphs[0].text.endswith("X.")

    # Rewritten with the same bytes (a fresh checkout): not parsed again, its new stat cached.
    parses.clear()
    text.write_text(TEXT.format(n="X"), encoding="utf-8")
    assert first_paragraphs(parse_files(files, path))[1] == "Calls for the release of X." and parses == []
    assert cache.load_cache(path)[(str(text), "en")].stat_key == parsing_stat_key(text)

    # A text removed leaves the cache.
    files[2][0].unlink()
    parse_files(files[:2], path)
    assert set(cache.load_cache(path)) == {(str(p), "en") for p, _ in files[:2]}


def parsing_stat_key(path):
    from generator.read.parallel import get_stat_key

    return get_stat_key(path)


def test_an_incremental_read_trusts_an_unchanged_stat(tmp_path, monkeypatch, parses):
    files, path = cache_files(tmp_path), tmp_path / "cache" / "parsed.json"
    settle(monkeypatch)
    parse_files(files, path, trust_stat=True)
    parses.clear()
    monkeypatch.setattr("generator.read.parallel.read_input_file", None)  # not even read
    assert first_paragraphs(parse_files(files, path, trust_stat=True)) == [f"Calls for the release of {n}." for n in range(3)]
    assert parses == []


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (lambda path: path.write_bytes(path.read_bytes()[:-40]), "not what this code writes"),
        (lambda path: path.write_bytes(b"\x00garbage"), "not what this code writes"),
        (lambda path: path.write_bytes(path.read_bytes().replace(b'"title":"Title"', b'"title":7')), "not what this code writes"),
        (lambda path: path.chmod(0), None),  # unreadable (root reads it anyway)
    ],
)
def test_a_spoilt_cache_is_parsed_again_and_said(tmp_path, monkeypatch, parses, caplog, spoil, said):
    files, path = cache_files(tmp_path), tmp_path / "cache" / "parsed.json"
    settle(monkeypatch)
    first = parse_files(files, path)
    spoil(path)
    parses.clear()
    with caplog.at_level(logging.INFO):
        again = parse_files(files, path)
    assert again == first
    if said or os.geteuid() != 0:
        assert len(parses) == 3
        assert f"Parse cache {path}" in caplog.text and (said or "unreadable") in caplog.text
    path.chmod(0o644)
    assert cache.load_cache(path) == {(str(p), "en"): r for (p, _), r in zip(files, first, strict=True)}


def test_a_cache_of_other_code_is_parsed_again_and_said(tmp_path, monkeypatch, parses, caplog):
    files, path = cache_files(tmp_path), tmp_path / "cache" / "parsed.json"
    settle(monkeypatch)
    first = parse_files(files, path)
    monkeypatch.setattr(cache, "_code_version", "a generator edited since")
    parses.clear()
    with caplog.at_level(logging.INFO):
        assert parse_files(files, path) == first
    assert len(parses) == 3 and "of other code" in caplog.text
    assert json.loads(path.read_bytes())["version"] == "a generator edited since"


def test_meta_files_are_read_again_only_when_their_bytes_change(tmp_path, monkeypatch, caplog):
    from generator.read import content as reading

    folder = tmp_path / "content"
    text_dir = folder / "resolutions" / "2012-03-01-text"
    text_dir.mkdir(parents=True)
    (text_dir / "en.txt").write_text(TEXT.format(n=1), encoding="utf-8")
    (text_dir / "meta.yml").write_text("tags: [rights]\n", encoding="utf-8")
    (folder / "meps.yml").write_text("[]\n", encoding="utf-8")
    path = tmp_path / "cache" / "parsed.json"
    read, parse_meta = [], reading.parse_meta
    monkeypatch.setattr(reading, "parse_meta", lambda raw, file: read.append(file) or parse_meta(raw, file))

    def tags():
        return reading.load_content(folder, cache_path=path).documents[0].meta.tags

    assert tags() == ("rights",) and len(read) == 1
    assert tags() == ("rights",) and len(read) == 1, "from the cache"
    (text_dir / "meta.yml").write_text("tags: [press]\n", encoding="utf-8")
    assert tags() == ("press",) and len(read) == 2
    (path.parent / "meta.json").write_bytes(b'{"version": "%s", "entries": {"x": 1}}' % cache.get_code_version().encode())
    with caplog.at_level(logging.INFO):
        assert tags() == ("press",) and len(read) == 3
    assert "Meta cache" in caplog.text
    assert tags() == ("press",) and len(read) == 3


def test_an_incremental_build_reads_a_meta_file_only_when_its_stat_changes(tmp_path, monkeypatch):
    from generator.read import content as reading

    folder = tmp_path / "content"
    text_dir = folder / "resolutions" / "2012-03-01-text"
    text_dir.mkdir(parents=True)
    (text_dir / "en.txt").write_text(TEXT.format(n=1), encoding="utf-8")
    meta = text_dir / "meta.yml"
    meta.write_text("tags: [rights]\n", encoding="utf-8")
    (folder / "meps.yml").write_text("[]\n", encoding="utf-8")
    path = tmp_path / "cache" / "parsed.json"
    opened = []
    read_input_file = reading.read_input_file
    monkeypatch.setattr(reading, "read_input_file", lambda file, root: opened.append(file) or read_input_file(file, root))

    def tags():
        return reading.load_content(folder, cache_path=path, trust_stat=True).documents[0].meta.tags

    assert tags() == ("rights",) and opened == [meta]
    assert tags() == ("rights",) and opened == [meta, meta], "just written: its stat is not trusted"
    settle(monkeypatch)
    assert tags() == ("rights",) and len(opened) == 3  # its stat key cached now
    assert tags() == ("rights",) and len(opened) == 3, "known by its stat, not read"
    assert reading.load_content(folder, cache_path=path).documents[0].meta.tags == ("rights",)
    assert len(opened) == 4, "a full build reads every file"
    meta.write_text("tags: [press]\n", encoding="utf-8")
    assert tags() == ("press",) and len(opened) == 5
