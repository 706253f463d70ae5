"""The framed pages' records, packed (generator/site/parts.py): a few files a language,
each written once; what changed goes into a new pack; nothing unchecked is read."""

from __future__ import annotations

import json
import os

import pytest

from generator.site.parts import INDEX, PartsReader, PartsWriter, load_index


def write(folder, pages, kept=()):
    with PartsWriter(folder) as writer:
        for path, data in pages.items():
            writer.write(path, data)
        return writer.finish(kept)


def read_all(folder):
    with PartsReader(folder) as reader:
        return {path: reader.get(path) for path in reader.records}


def names(folder):
    return sorted(p.name for p in folder.iterdir())


PAGES = {"resolutions/a/index.md": b"A" * 100, "resolutions/b/index.md": b"B" * 100, "meps/c/index.md": b"C" * 100}


def test_records_are_read_back_and_unchanged_ones_stay_where_they_are(tmp_path):
    folder = tmp_path / "parts" / "en"
    first = write(folder, PAGES)
    assert first.written == tuple(sorted(PAGES)) and not first.unchanged and not first.removed
    assert names(folder) == ["1.pack", INDEX]
    assert read_all(folder) == PAGES
    before = (folder / "1.pack").stat().st_mtime_ns
    second = write(folder, PAGES)
    assert second.unchanged == tuple(sorted(PAGES)) and not second.written
    assert names(folder) == ["1.pack", INDEX] and (folder / "1.pack").stat().st_mtime_ns == before


def test_a_changed_page_goes_into_a_new_pack_and_a_page_neither_written_nor_kept_is_removed(tmp_path):
    folder = tmp_path / "en"
    write(folder, PAGES)
    report = write(folder, {"resolutions/a/index.md": b"new A"}, kept={"resolutions/b/index.md"})
    assert report.written == ("resolutions/a/index.md",) and report.removed == ("meps/c/index.md",)
    assert read_all(folder) == {"resolutions/a/index.md": b"new A", "resolutions/b/index.md": b"B" * 100}


def test_a_pack_mostly_superseded_is_copied_into_the_new_one(tmp_path):
    """Two thirds of 1.pack still recorded: kept; then one third: copied, and removed."""
    folder = tmp_path / "en"
    write(folder, PAGES)
    write(folder, {"resolutions/a/index.md": b"a"}, kept=set(PAGES))
    assert names(folder) == ["1.pack", "2.pack", INDEX]
    write(folder, {"resolutions/b/index.md": b"b"}, kept=set(PAGES))
    assert names(folder) == ["2.pack", "3.pack", INDEX]
    assert read_all(folder) == {"resolutions/a/index.md": b"a", "resolutions/b/index.md": b"b", "meps/c/index.md": b"C" * 100}


def test_the_fill_reads_the_records_in_the_order_of_the_packs(tmp_path):
    folder = tmp_path / "en"
    write(folder, PAGES)
    write(folder, {"resolutions/b/index.md": b"b"}, kept={"resolutions/a/index.md", "meps/c/index.md"})
    with PartsReader(folder) as reader:
        assert reader.in_order(["unknown/index.md", *sorted(PAGES)]) == [
            "resolutions/a/index.md", "meps/c/index.md", "resolutions/b/index.md", "unknown/index.md",
        ]


def test_a_stopped_write_leaves_the_last_complete_state(tmp_path):
    """Stopped by an error (Ctrl-C): its pack removed; killed: the pack it left is removed
    by the next write. The index and the packs it names are as they were."""
    folder = tmp_path / "en"
    write(folder, PAGES)
    index = (folder / INDEX).read_bytes()
    with pytest.raises(KeyboardInterrupt), PartsWriter(folder) as writer:
        writer.write("resolutions/a/index.md", b"half")
        raise KeyboardInterrupt
    assert names(folder) == ["1.pack", INDEX] and (folder / INDEX).read_bytes() == index
    (folder / "2.pack").write_bytes(b"left by a killed build")
    (folder / ".index.json.x.tmp").write_bytes(b"{")
    assert read_all(folder) == PAGES
    write(folder, {"resolutions/a/index.md": b"new"}, kept=set(PAGES))
    assert names(folder) == ["1.pack", "2.pack", INDEX] and read_all(folder)["resolutions/a/index.md"] == b"new"


def test_what_the_index_cannot_vouch_for_is_not_read(tmp_path):
    """A pack of another size than recorded (truncated, replaced), an index of another
    form, a record outside its pack or a path outside the folder: not written."""
    folder = tmp_path / "en"
    write(folder, PAGES)
    write(folder, {"resolutions/a/index.md": b"new"}, kept=set(PAGES))
    with open(folder / "2.pack", "ab") as pack:
        pack.write(b"more")
    assert set(load_index(folder)) == {"resolutions/b/index.md", "meps/c/index.md"}
    data = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    data["pages"]["../../outside/index.md"] = ["1.pack", 0, 10]
    data["pages"]["meps/c/index.md"][1] = 250
    data["pages"]["resolutions/b/index.md"] = ["../1.pack", 0, 10]
    (folder / INDEX).write_text(json.dumps(data), encoding="utf-8")
    assert set(load_index(folder)) == set()
    for other in ("[]", '{"format": "generator framed pages 0", "packs": {}, "pages": {}}', "{"):
        (folder / INDEX).write_text(other, encoding="utf-8")
        assert load_index(folder) == {}


def test_the_per_page_files_of_older_builds_are_removed_unread(tmp_path):
    folder = tmp_path / "en"
    old = folder / "resolutions" / "a" / "index.md"
    old.parent.mkdir(parents=True)
    old.write_bytes(PAGES["resolutions/a/index.md"])
    assert load_index(folder) == {}
    report = write(folder, PAGES)
    assert report.written == tuple(sorted(PAGES)) and names(folder) == ["1.pack", INDEX]
    assert not os.path.exists(folder / "resolutions")
