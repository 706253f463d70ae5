"""The write stage: only changed bytes are written; stale pages go."""

from __future__ import annotations

import os

import pytest

from generator.site.docs import PageWriter, write_pages


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


def test_a_changed_page_is_replaced_not_rewritten_in_place(tmp_path):
    """A reader holding the old page keeps it whole: the new bytes come in a new file."""
    docs = tmp_path / "docs"
    write_pages({"index.md": "old\n"}, docs)
    with open(docs / "index.md", "rb") as old:
        write_pages({"index.md": "new\n"}, docs)
        assert old.read() == b"old\n"
    assert (docs / "index.md").read_text() == "new\n"


def test_a_page_that_fails_half_way_leaves_no_file(tmp_path, monkeypatch):
    docs = tmp_path / "docs"

    real_write = os.write

    def write_on_a_full_disk(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data[:3]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", write_on_a_full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_pages({"index.md": "a page\n"}, docs)
    assert not list(docs.rglob("*.md"))


def test_with_the_candidates_known_only_those_are_looked_for(tmp_path):
    """An incremental build names the pages the last one left (its record): a stale one
    among them goes, with its folder; nothing outside the folder is touched, whatever the
    record says."""
    docs = tmp_path / "site.build" / "docs"
    write_pages({"index.md": "a", "meps/p.md": "p", "meps/q.md": "q"}, docs)
    (tmp_path / "outside.md").write_text("keep", encoding="utf-8")
    writer = PageWriter(docs)
    writer.write("index.md", "a")
    candidates = ["index.md", "meps/p.md", "meps/q.md", "gone.md", "../../outside.md", str(tmp_path / "outside.md")]
    report = writer.finish(kept={"meps/q.md"}, candidates=candidates)
    assert report.removed == ("meps/p.md",)
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == ["index.md", "meps/q.md"]
    assert (tmp_path / "outside.md").read_text(encoding="utf-8") == "keep"
