"""The search index in shards by year (issue 16): which text goes where, and what a build
re-indexes. The browser side is tests/browser/test_search_shards.py."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from generator.commands.build import build_site
from generator.outputs import search
from generator.outputs.search import NEWEST, SEARCH_DIR, get_shard_names, get_shard_places, read_fragment_ids
from generator.read.content import find_resolution_dirs
from tests.factories import EDIT_WORD, make_corpus

SHARD_TEXTS = 4
"""The 14 texts of seed 4 (tests/browser/conftest.py) make four shards at 4 texts:
2010-2017 (4 texts), 2018-2020 (4), 2021-2022 (3), 2024-2025 (3)."""


def test_years_are_taken_oldest_first_and_a_shard_closes_before_it_would_grow_past_the_limit():
    years = {"a": "2010", "b": "2011", "c": "2011", "d": "2012", "e": "2013", "f": "2013", "g": "2013", "h": "2014"}
    assert get_shard_names(years, shard_texts=3) == {
        "a": "2010", "b": "2010", "c": "2010", "d": "2012", "e": "2013", "f": "2013", "g": "2013", "h": "2014"}


def test_a_year_with_more_texts_than_a_shard_holds_is_a_shard_of_its_own():
    years = {f"t{i}": "2020" for i in range(5)} | {"old": "2019", "new": "2021"}
    names = get_shard_names(years, shard_texts=2)
    assert names == {**{f"t{i}": "2020" for i in range(5)}, "old": "2019", "new": "2021"}


def test_undated_texts_are_in_the_oldest_shard():
    assert get_shard_names({"a": "", "b": "2010", "c": "2011"}, shard_texts=2) == {"a": "", "b": "", "c": "2011"}


def test_new_texts_of_the_latest_year_leave_the_older_shards_as_they_were():
    years = {f"{year}-{i}": str(year) for year in range(2004, 2026) for i in range(year % 5 + 1)}
    before = get_shard_names(years, shard_texts=7)
    after = get_shard_names(years | {f"2025-new-{i}": "2025" for i in range(9)}, shard_texts=7)
    newest = max(before.values())
    assert {url: name for url, name in after.items() if url in before and before[url] != newest} == {
        url: name for url, name in before.items() if name != newest}
    assert len(set(before.values())) > 3


def test_the_newest_shard_is_the_bundle_itself_and_the_others_are_inside_it():
    assert get_shard_places(["2018", "", "2010", "2024"]) == {
        "": "shards/undated/", "2010": "shards/2010/", "2018": "shards/2018/", "2024": NEWEST}
    assert get_shard_places(["2010"]) == {"2010": NEWEST}


def digest_tree(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[str, int]]:
    """Relative path -> (digest, mtime) of every file under ``folder``, but those in ``skip``."""
    return {
        path.relative_to(folder).as_posix(): (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] not in skip
    }


def shard_trees(bundle: Path) -> dict[str, dict[str, tuple[str, int]]]:
    trees = {place: digest_tree(bundle / place) for place in json.loads((bundle / search.OVERLAY_FILE).read_text())["shards"]}
    trees[NEWEST] = digest_tree(bundle, skip=(search.SHARDS_DIR, search.DELTA_DIR, search.OVERLAY_FILE))
    return trees


def edit_oldest_text(content: Path) -> str:
    """A sentence with EDIT_WORD added to paragraph 1 of the oldest English text; returns its page URL."""
    folder = find_resolution_dirs(content)[0][1]
    path = folder / "en.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("1. "))
    lines[index] = lines[index].rstrip(";:") + f"; insists on the test's edit, {EDIT_WORD};"
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"resolutions/{folder.name}/"


@pytest.fixture
def sharded(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """The 14 texts of the browser tests' corpus, built in shards of SHARD_TEXTS texts."""
    monkeypatch.setattr(search, "SHARD_TEXTS", SHARD_TEXTS)
    content = tmp_path / "content"
    make_corpus(14, content, seed=4)
    site = tmp_path / "site"
    assert build_site(content, site) == 0
    return content, site


def test_every_page_is_in_one_shard_and_the_people_in_the_newest(sharded):
    content, site = sharded
    bundle = site / "en" / SEARCH_DIR
    overlay = json.loads((bundle / search.OVERLAY_FILE).read_text(encoding="utf-8"))
    assert overlay == {"delta": None, "shards": ["shards/2021/", "shards/2018/", "shards/2010/"], "stale": []}
    pages = {place: set(read_fragment_ids(bundle / place)) for place in [NEWEST, *overlay["shards"]]}
    years = {place: {url.split("/")[1][:4] for url in urls if url.startswith("resolutions/")} for place, urls in pages.items()}
    assert years == {NEWEST: {"2024", "2025"}, "shards/2021/": {"2021", "2022"}, "shards/2018/": {"2018", "2019", "2020"},
                     "shards/2010/": {"2010", "2011", "2017"}}
    assert {url for urls in pages.values() for url in urls if not url.startswith("resolutions/")} == {
        url for url in pages[NEWEST] if not url.startswith("resolutions/")}, "people are in the newest shard"
    assert sum(map(len, pages.values())) == len(set().union(*pages.values())), "no page in two shards"
    assert len([url for urls in pages.values() for url in urls if url.startswith("resolutions/")]) == 14
    for place in overlay["shards"]:  # the newest shard's scripts and wasm serve them all
        assert sorted(path.name for path in (bundle / place).iterdir() if path.is_file())[0] == "pagefind-entry.json"
        assert not list((bundle / place).glob("*.js")) and not list((bundle / place).glob("wasm.*"))


def test_a_full_build_after_an_edit_re_indexes_only_the_shard_it_touches(sharded):
    content, site = sharded
    before = {lang: shard_trees(site / lang / SEARCH_DIR) for lang in ("en", "fr")}
    edit_oldest_text(content)
    assert build_site(content, site) == 0
    after = {lang: shard_trees(site / lang / SEARCH_DIR) for lang in ("en", "fr")}
    assert after["fr"] == before["fr"]
    changed = [place for place in before["en"] if after["en"][place] != before["en"][place]]
    assert changed == ["shards/2010/"]


def test_an_incremental_build_indexes_the_edited_page_of_an_old_shard_alone(sharded):
    content, site = sharded
    bundle = site / "en" / SEARCH_DIR
    before = shard_trees(bundle)
    old_ids = read_fragment_ids(bundle / "shards/2010/")
    edited = edit_oldest_text(content)
    assert build_site(content, site, incremental=True) == 0
    overlay = json.loads((bundle / search.OVERLAY_FILE).read_text(encoding="utf-8"))
    assert overlay == {"delta": "delta/", "shards": ["shards/2021/", "shards/2018/", "shards/2010/"],
                       "stale": [old_ids[edited]]}
    assert list(read_fragment_ids(bundle / search.DELTA_DIR)) == [edited]
    assert shard_trees(bundle) == before, "no shard is indexed again"


def test_shards_are_the_same_bytes_build_after_build(sharded, tmp_path):
    content, site = sharded
    again = tmp_path / "again"
    assert build_site(content, again) == 0
    for lang in ("en", "fr"):
        first = {name: digest for name, (digest, _) in digest_tree(site / lang / SEARCH_DIR).items()}
        second = {name: digest for name, (digest, _) in digest_tree(again / lang / SEARCH_DIR).items()}
        assert first == second
