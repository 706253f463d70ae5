"""Tests of generator.read.parallel: texts shared with a worker process come back whole, in order,
and a worker that fails is an error here, not a hang."""

from __future__ import annotations

import os

import pytest

from generator.errors import BuildError
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


def in_workers(monkeypatch, tmp_path, instead=None):
    """``parse_file`` as it is in this process, and in the (forked) workers ``instead``
    (by default the same); each file's parse leaves a note of the process that made it."""
    parent, parse_file = os.getpid(), parsing.parse_file
    notes = tmp_path / "notes"
    notes.mkdir()

    def patched(path, lang, root=None, known_digest=""):
        (notes / f"{path.name}.{os.getpid()}").touch()
        if os.getpid() != parent and instead is not None:
            return instead(path, lang)
        return parse_file(path, lang, root, known_digest)

    monkeypatch.setattr(parsing, "parse_file", patched)
    return lambda: {int(note.name.rpartition(".")[2]) for note in notes.iterdir()}


def test_parallel_results_are_the_serial_ones_in_order(files, monkeypatch, tmp_path):
    serial = parsing.parse_chunk(files)
    processes = in_workers(monkeypatch, tmp_path)
    parallel = parsing.parse_files(files)
    assert [r.resolution.paragraphs[0].text for r in parallel] == [f"Calls for the release of {n}." for n in range(8)]
    assert parallel == serial
    assert os.getpid() not in processes(), "parsed by the workers"


def test_errors_and_warnings_come_back_from_the_workers_in_order(files, monkeypatch, tmp_path):
    files[3][0].write_bytes(b"")  # an error
    files[5][0].write_bytes(TEXT.format(n="Jos\xe9").encode("cp1252"))  # a warning
    serial = parsing.parse_chunk(files)
    processes = in_workers(monkeypatch, tmp_path)
    parallel = parsing.parse_files(files)
    assert [str(r.error) if r.error else r.resolution.paragraphs[0].text for r in parallel] == [
        str(r.error) if r.error else r.resolution.paragraphs[0].text for r in serial
    ]
    assert "empty file" in str(parallel[3].error) and "Windows-1252" in str(parallel[5].warnings[0])
    assert [r.warnings for r in parallel] == [r.warnings for r in serial]
    assert [r.resolution for r in parallel] == [r.resolution for r in serial]
    assert os.getpid() not in processes()


def test_an_error_in_a_worker_is_raised_here(files, monkeypatch, tmp_path):
    def fail(path, lang):
        raise ValueError("a bug in the worker")

    in_workers(monkeypatch, tmp_path, fail)
    with pytest.raises(ValueError, match="a bug in the worker"):
        parsing.parse_files(files)


def test_a_worker_that_dies_is_an_error_here(files, monkeypatch, tmp_path):
    in_workers(monkeypatch, tmp_path, lambda path, lang: os._exit(3))
    with pytest.raises(BuildError, match="ended abruptly"):
        parsing.parse_files(files)
