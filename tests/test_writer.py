"""The write stage: only changed bytes are written; stale pages go."""

from __future__ import annotations

import os

from generator.writer import write_pages


def test_writes_new_pages_and_leaves_unchanged_ones_untouched(tmp_path):
    docs = tmp_path / "docs"
    first = write_pages({"index.md": "a\n", "resolutions/x.md": "x\n"}, docs)
    assert first.written == ("index.md", "resolutions/x.md")
    os.utime(docs / "index.md", ns=(1_000_000_000, 1_000_000_000))
    second = write_pages({"index.md": "a\n", "resolutions/x.md": "changed\n"}, docs)
    assert second.unchanged == ("index.md",) and second.written == ("resolutions/x.md",)
    assert (docs / "index.md").stat().st_mtime_ns == 1_000_000_000
    assert (docs / "resolutions/x.md").read_text() == "changed\n"


def test_removes_stale_pages_and_empty_folders(tmp_path):
    docs = tmp_path / "docs"
    write_pages({"index.md": "a", "meps/p.md": "p"}, docs)
    report = write_pages({"index.md": "a"}, docs)
    assert report.removed == ("meps/p.md",)
    assert not (docs / "meps").exists()
    assert sorted(p.name for p in docs.rglob("*")) == ["index.md"]


def test_leaves_no_temporary_files(tmp_path):
    docs = tmp_path / "docs"
    write_pages({f"resolutions/{i}.md": str(i) for i in range(20)}, docs)
    assert not [p for p in docs.rglob("*") if p.name.startswith(".")]
