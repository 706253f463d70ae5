"""The store of files made ahead (generator.outputs.store): what a build keeps, it
reuses only while its fingerprint and, in a full build, its bytes are those recorded."""

from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path

from generator.outputs import OutputContext
from generator.outputs.data import LINES, get_dump_path, prepare_data
from generator.outputs.store import FOLDERS, MANIFEST, OLD_MANIFEST, Store, Work
from tests.factories import make_sample_corpus


def make_store(tmp_path: Path) -> Store:
    return Store(OutputContext(make_sample_corpus(), tmp_path), "test", "en")


def run(store: Store, fingerprints: dict[str, str], verify: bool = True) -> list[str]:
    """Update the store with a work a key (``key/file.txt`` holding its fingerprint); the keys made."""
    made = []

    def make(key: str, fingerprint: str) -> dict[str, bytes]:
        made.append(key)
        return {f"{key}/file.txt": fingerprint.encode()}

    works = [
        Work(key, fingerprint, functools.partial(make, key, fingerprint))
        for key, fingerprint in fingerprints.items()
    ]
    store.update(works, verify=verify)
    return made


def test_a_build_with_the_store_kept_makes_only_what_changed(tmp_path):
    store = make_store(tmp_path)
    assert run(store, {"a": "1", "b": "1"}) == ["a", "b"]
    assert run(store, {"a": "1", "b": "2"}) == ["b"]
    assert store.get_file("b/file.txt").read_bytes() == b"2"
    assert run(store, {"a": "1"}) == []
    assert not store.get_file("b/file.txt").exists()  # a work no longer done: its files removed
    assert sorted(store.get_files()) == ["a/file.txt"]


def test_a_full_build_makes_again_a_kept_file_whose_bytes_changed(tmp_path):
    store = make_store(tmp_path)
    run(store, {"a": "1", "b": "1"})
    store.get_file("a/file.txt").write_bytes(b"tampered")
    store.get_file("b/file.txt").unlink()
    assert run(store, {"a": "1", "b": "1"}) == ["a", "b"]
    assert store.get_file("a/file.txt").read_bytes() == b"1"


def test_the_files_are_kept_in_a_few_folders_whatever_their_paths(tmp_path):
    store = make_store(tmp_path)
    run(store, {f"text-{n}": "1" for n in range(100)} | {"x" * 250: "1"})
    folders = {path.name for path in store.folder.iterdir() if path.is_dir()}
    assert 1 < len(folders) <= FOLDERS
    assert store.get_file("text-7/file.txt").read_bytes() == b"1"
    assert store.get_file("x" * 250 + "/file.txt").read_bytes() == b"1"  # a path longer than a name may be


def test_a_store_of_files_kept_at_their_paths_is_emptied_and_made_again(tmp_path):
    store = make_store(tmp_path)
    (store.folder / "a").mkdir(parents=True)
    (store.folder / "a" / "file.txt").write_bytes(b"1")
    (store.folder / OLD_MANIFEST).write_text(json.dumps({"a": ["1", {"a/file.txt": "0" * 64}]}))
    assert run(store, {"a": "1"}) == ["a"]
    assert sorted(path.name for path in store.folder.iterdir() if not path.is_dir()) == [MANIFEST]
    assert not (store.folder / "a").exists()
    assert sorted(store.get_files()) == ["a/file.txt"]


def test_an_incremental_build_trusts_the_files_it_made(tmp_path):
    store = make_store(tmp_path)
    run(store, {"a": "1"})
    store.get_file("a/file.txt").write_bytes(b"edited")
    assert run(store, {"a": "1"}, verify=False) == []


def test_a_manifest_that_is_not_the_stores_vouches_for_nothing(tmp_path):
    store = make_store(tmp_path)
    run(store, {"a": "1", "b": "1"})
    manifest = store.folder / MANIFEST
    manifest.write_text("{not json")
    assert run(store, {"a": "1", "b": "1"}) == ["a", "b"]
    # The form before the digests were recorded: [fingerprint, paths].
    manifest.write_text(json.dumps({"a": ["1", ["a/file.txt"]], "b": ["1", ["../../outside"]]}))
    assert run(store, {"a": "1", "b": "1"}) == ["a", "b"]
    manifest.write_text(json.dumps({"a": ["1", {"../a/file.txt": "0" * 64}]}))
    assert run(store, {"a": "1"}) == ["a"]


def test_a_work_without_fingerprint_is_made_every_time(tmp_path):
    store = make_store(tmp_path)
    works = [Work("a", None, lambda: {"a.txt": b"x"})]
    assert store.update(works) == 1
    assert store.update(works) == 1


def test_a_full_build_with_the_data_kept_reuses_it_and_remakes_a_damaged_line_of_the_dump(tmp_path):
    corpus = make_sample_corpus()
    context = OutputContext(corpus, tmp_path, digests={document.slug: "1" for document in corpus.documents})
    assert sum(prepare_data(context).values()) == sum(len(document.versions) for document in corpus.documents)
    dump = get_dump_path(context).read_bytes()
    assert sum(prepare_data(context).values()) == 0  # a CI build: nothing changed, nothing made
    lines = Store(context, "data", "en").folder / LINES
    damaged = bytearray(lines.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    lines.write_bytes(bytes(damaged))
    prepare_data(context)
    assert get_dump_path(context).read_bytes() == dump
    assert gzip.decompress(dump).count(b"\n") == sum(len(document.versions) for document in corpus.documents)
