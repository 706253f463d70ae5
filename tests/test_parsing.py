"""Tests of generator.read.parallel: texts shared with a worker process come back whole, in order,
and a worker that fails is an error here, not a hang."""

from __future__ import annotations

import os
import time

import pytest

from generator.read import parallel as parsing

TEXT = "Title\n\n1. Calls for the release of {n}.\n\n2. Instructs its President.\n"


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.setattr(parsing, "PARALLEL_MIN_TEXTS", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    paths = []
    for n in range(8):
        path = tmp_path / f"{n}.en.txt"
        path.write_text(TEXT.format(n=n), encoding="utf-8")
        paths.append((path, "en"))
    return paths


def slow_here(monkeypatch, in_worker):
    """parse_chunk slowed down in this process (so that the worker takes chunks), and
    replaced by ``in_worker`` in the worker."""
    parent, parse_chunk = os.getpid(), parsing.parse_chunk

    def patched(chunk):
        if os.getpid() != parent:
            return in_worker(chunk)
        time.sleep(0.2)
        return parse_chunk(chunk)

    monkeypatch.setattr(parsing, "parse_chunk", patched)


def test_parallel_results_are_the_serial_ones_in_order(files, monkeypatch):
    serial = parsing.parse_chunk(files)
    slow_here(monkeypatch, parsing.parse_chunk)
    parallel = parsing.parse_files(files)
    assert [r.resolution.paragraphs[0].text for r in parallel] == [f"Calls for the release of {n}." for n in range(8)]
    assert parallel == serial


def test_an_error_in_the_worker_is_raised_here(files, monkeypatch):
    def fail(chunk):
        raise ValueError("a bug in the worker")

    slow_here(monkeypatch, fail)
    with pytest.raises(ValueError, match="a bug in the worker"):
        parsing.parse_files(files)


def test_a_worker_that_dies_is_an_error_here(files, monkeypatch):
    slow_here(monkeypatch, lambda chunk: os._exit(3))
    with pytest.raises(RuntimeError, match="ended without sending"):
        parsing.parse_files(files)


def cache_files(tmp_path, count=3):
    paths = []
    for n in range(count):
        path = tmp_path / f"{n}.en.txt"
        path.write_text(TEXT.format(n=n), encoding="utf-8")
        paths.append((path, "en"))
    return paths


def settle(monkeypatch):
    """Files written so far count as settled (not changed in the last RACY_SECONDS)."""
    monkeypatch.setattr(parsing, "RACY_SECONDS", -3600)


def first_paragraphs(results):
    return [r.resolution.paragraphs[0].text for r in results]


def test_the_cache_is_saved_only_when_it_gains_or_loses_entries(tmp_path, monkeypatch):
    files, cache = cache_files(tmp_path), tmp_path / "cache" / "parsed.pickle"
    settle(monkeypatch)
    parsing.parse_files(files, cache)
    saved = cache.stat().st_mtime_ns
    assert set(parsing.load_cache(cache)) == {(str(path), "en") for path, _ in files}

    # Nothing new: not written again.
    assert first_paragraphs(parsing.parse_files(files, cache)) == [f"Calls for the release of {n}." for n in range(3)]
    assert cache.stat().st_mtime_ns == saved

    # A text edited a moment ago is parsed again, and its new parse is not cached yet;
    # its old entry, which no longer matches the file, is never used.
    monkeypatch.setattr(parsing, "RACY_SECONDS", 3600)
    files[1][0].write_text(TEXT.format(n="everyone"), encoding="utf-8")
    for _ in range(2):
        assert first_paragraphs(parsing.parse_files(files, cache))[1] == "Calls for the release of everyone."
    assert cache.stat().st_mtime_ns == saved

    # Once settled, it is.
    settle(monkeypatch)
    parsing.parse_files(files, cache)
    assert cache.stat().st_mtime_ns != saved
    assert parsing.load_cache(cache)[(str(files[1][0]), "en")].resolution.paragraphs[0].text.endswith("everyone.")

    # A text no longer read leaves the cache.
    saved = cache.stat().st_mtime_ns
    parsing.parse_files(files[:2], cache)
    assert cache.stat().st_mtime_ns != saved
    assert set(parsing.load_cache(cache)) == {(str(path), "en") for path, _ in files[:2]}
