"""Tests of generator.parsing: texts shared with a worker process come back whole, in order,
and a worker that fails is an error here, not a hang."""

from __future__ import annotations

import os
import time

import pytest

from generator import parsing

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
