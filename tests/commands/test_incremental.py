"""Incremental builds (``build --incremental``): after an edit, the same site as a full
build of the same content, byte for byte but for the search bundles, and only files
whose bytes changed rewritten.

The search bundles differ by design: an incremental build indexes the changed pages into
an overlay (generator.outputs.search), which tests/browser/test_incremental_search.py checks
finds what a full build's bundle finds. A full build after incremental ones is again
the full build, byte for byte.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from generator.commands.build import build_site
from generator.outputs.search import DELTA_DIR, SEARCH_DIR
from tests.factories import (
    add_newest_text,
    edit_cited_title,
    edit_paragraph,
    make_corpus,
    remove_text,
    retag_and_redate_text,
    retitle_text,
)

pytestmark = pytest.mark.slow  # several full and incremental builds each


def snapshot(site: Path) -> dict[str, tuple[int, str]]:
    """Relative path -> (mtime_ns, sha256) of every file of the site, nothing excluded."""
    return {
        p.relative_to(site).as_posix(): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def outside_search(files: dict[str, tuple[int, str]]) -> dict[str, str]:
    """Path -> digest of every file but those of the search bundles (``<lang>/pagefind/``)."""
    return {path: digest for path, (_, digest) in files.items() if path.split("/")[1:2] != [SEARCH_DIR]}


@pytest.mark.parametrize(
    "edit", [edit_paragraph, edit_cited_title, retitle_text, retag_and_redate_text, remove_text, add_newest_text]
)
def test_an_incremental_build_after_an_edit_equals_a_full_build(tmp_path, edit):
    content = tmp_path / "content"
    make_corpus(6, content, seed=5)
    site = tmp_path / "incremental" / "site"
    assert build_site(content, site) == 0
    assert build_site(content, site, incremental=True) == 0
    before = snapshot(site)

    edit(content)
    assert build_site(content, site, incremental=True) == 0
    after = snapshot(site)

    full = tmp_path / "full" / "site"
    assert build_site(content, full) == 0
    assert outside_search(after) == outside_search(snapshot(full))
    rewritten = [path for path, (mtime, _) in after.items() if path not in before or before[path][0] != mtime]
    assert rewritten, "the edit changed nothing"
    assert [path for path in rewritten if path in before and before[path][1] == after[path][1]] == []


@pytest.mark.parametrize("edit, undo", [(edit_paragraph, False), (remove_text, False), (edit_paragraph, True)])
def test_a_full_build_after_incremental_ones_is_a_full_build_byte_for_byte(tmp_path, edit, undo):
    """Also when the edit is undone before the full build: the main bundle then indexes
    the pages as they are, but the overlay that hid one of them must go."""
    content = tmp_path / "content"
    make_corpus(6, content, seed=5)
    site = tmp_path / "site"
    assert build_site(content, site) == 0
    shutil.copytree(content, tmp_path / "original")
    edit(content)
    assert build_site(content, site, incremental=True) == 0
    assert (site / "en" / SEARCH_DIR / DELTA_DIR).is_dir() or edit is remove_text
    if undo:
        shutil.rmtree(content)
        shutil.copytree(tmp_path / "original", content)
    assert build_site(content, site) == 0

    fresh = tmp_path / "fresh" / "site"
    assert build_site(content, fresh) == 0
    assert {path: digest for path, (_, digest) in snapshot(site).items()} == {
        path: digest for path, (_, digest) in snapshot(fresh).items()
    }
    assert not (site / "en" / SEARCH_DIR / DELTA_DIR).exists()


def test_an_incremental_build_after_the_settings_changed_builds_the_site_whole(tmp_path, caplog):
    """The site's name is on every page, which ``mkdocs build --dirty`` would not build
    again: a change of site.yml makes the incremental build a full one."""
    content = tmp_path / "content"
    make_corpus(6, content, seed=5)
    site = tmp_path / "incremental" / "site"
    assert build_site(content, site) == 0
    (content / "site.yml").write_text("name: Watch\nurl: https://watch.example/\n", encoding="utf-8")
    with caplog.at_level("INFO"):
        assert build_site(content, site, incremental=True) == 0
    assert "The site's settings changed: building the site whole" in caplog.text
    full = tmp_path / "full" / "site"
    assert build_site(content, full) == 0
    assert outside_search(snapshot(site)) == outside_search(snapshot(full))
    assert "<title>Watch - Watch</title>" in (site / "en" / "index.html").read_text(encoding="utf-8")  # the page's, the site's


def test_parsing_and_rendering_in_worker_processes_change_nothing(tmp_path, monkeypatch):
    """Below PARALLEL_MIN_TEXTS texts everything runs in-process (the texts' data and the
    feeds are made one language after the other too); forced, the same site."""
    from generator.read import parallel as parsing

    content = tmp_path / "content"
    make_corpus(6, content, seed=7)
    serial = tmp_path / "serial" / "site"
    assert build_site(content, serial) == 0
    monkeypatch.setattr(parsing, "PARALLEL_MIN_TEXTS", 1)
    parallel = tmp_path / "parallel" / "site"
    assert build_site(content, parallel) == 0
    assert {path: digest for path, (_, digest) in snapshot(parallel).items()} == {
        path: digest for path, (_, digest) in snapshot(serial).items()
    }


def test_a_ci_build_keeping_the_build_folder_renders_only_what_changed_and_is_a_clean_build(tmp_path, caplog):
    """A CI runner keeps ``site.build/`` between runs (a cache), not the site: the full
    build renders only the pages whose inputs changed, and is the clean build, byte for byte."""
    content = tmp_path / "content"
    make_corpus(6, content, seed=5)
    site = tmp_path / "ci" / "site"
    assert build_site(content, site) == 0
    shutil.rmtree(site)
    edit_paragraph(content)
    caplog.clear()
    with caplog.at_level("INFO", logger="generator"):
        assert build_site(content, site) == 0
    written = [int(m.group(1)) for m in re.finditer(r"  en: (\d+) written, (\d+) unchanged", caplog.text)]
    unchanged = [int(m.group(2)) for m in re.finditer(r"  en: (\d+) written, (\d+) unchanged", caplog.text)]
    assert written and 0 < written[0] <= 4 and unchanged[0] > 10
    clean = tmp_path / "clean" / "site"
    assert build_site(content, clean) == 0
    assert {p: d for p, (_, d) in snapshot(site).items()} == {p: d for p, (_, d) in snapshot(clean).items()}
