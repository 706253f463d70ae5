"""``build --site-dir``: a build writes only a site folder it made (generator.site_folder).

Row of issue 12: ``build --site-dir <an existing folder>`` (a home, ``.``, ``content``, a
symlinked folder) deleted the folder whole and exited 0. Each case here is refused in one
line, exit status 2, before anything is moved, and every file around is as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.site_folder import BUILD_RECORD, SITE_MARKER, get_build_dir
from tests.hostile.tools import (
    assert_one_line_error,
    fingerprint,
    generator_env,
    html_pages,
    make_content,
    run_generator,
)
from tests.paths import ROOT


@pytest.fixture
def world(tmp_path):
    """A working folder with a content folder, a home with files of its own, and a folder
    of someone's files, each with a file in it; the test runs commands from ``work``."""
    work = tmp_path / "work"
    make_content(work / "content")
    (work / "notes.txt").write_text("my notes\n", encoding="utf-8")
    home = tmp_path / "home"
    (home / "documents").mkdir(parents=True)
    (home / "documents" / "letter.txt").write_text("dear\n", encoding="utf-8")
    mine = work / "mine"
    mine.mkdir()
    (mine / "photo.jpg").write_bytes(b"\xff\xd8 not really a photo")
    (work / "link").symlink_to(mine)
    return tmp_path


def build(world, site_dir: str, *more: str):
    return run_generator("build", "--quiet", "--content", "content", "--site-dir", site_dir, *more,
                         cwd=world / "work", env=generator_env(HOME=str(world / "home")))


@pytest.mark.parametrize(
    "site_dir, message",
    [
        (".", "refusing to build a site into the working folder"),
        ("content", "refusing to build a site into the content folder"),
        ("content/resolutions", "refusing to build a site inside the content folder"),
        ("..", "refusing to build a site into a folder that holds"),
        ("../home", "refusing to build a site into a home folder"),
        ("/", "refusing to build a site into the root folder"),
        (str(ROOT), "refusing to build a site into the project folder"),
        ("mine", f"not a site built by this generator (it has no {SITE_MARKER}) and not empty"),
        ("link", "a symbolic link (to "),
        ("notes.txt", "not a folder"),
        ("s" * 245, "a site folder name of 245 bytes: at most 240"),
    ],
)
def test_a_folder_the_build_did_not_make_is_refused_and_left_alone(world, site_dir, message):
    project = sorted(os.listdir(ROOT))
    before = fingerprint(world)
    result = build(world, site_dir)
    assert_one_line_error(result, message)
    assert fingerprint(world) == before
    assert sorted(os.listdir(ROOT)) == project


def test_an_empty_folder_is_built_into_and_a_built_site_replaced_siblings_untouched(world):
    (world / "work" / "site").mkdir()
    before = fingerprint(world, skip=lambda path: path.name.startswith("site"))
    assert build(world, "site").returncode == 0
    site = world / "work" / "site"
    assert (site / SITE_MARKER).is_file() and "en/resolutions/2012-03-01-text-1/index.html" in html_pages(site)
    (world / "work" / "content" / "resolutions" / "2012-03-01-text-1" / "en.txt").write_text(
        "Renamed\n\n1. Calls for the release.\n", encoding="utf-8")
    assert build(world, "site").returncode == 0
    assert "Renamed" in (site / "en" / "resolutions" / "2012-03-01-text-1" / "index.html").read_text(encoding="utf-8")
    after = fingerprint(world, skip=lambda path: path.name.startswith("site"))
    after.pop("work/content/resolutions/2012-03-01-text-1/en.txt")
    before.pop("work/content/resolutions/2012-03-01-text-1/en.txt")
    assert after == before
    assert sorted(name for name in os.listdir(world / "work") if name.startswith((".site", "site"))) == ["site", "site.build"]


def test_a_site_the_build_made_then_filled_by_someone_is_still_its_own_to_replace(world):
    """The marker is what makes a folder replaceable: documented, and so is this."""
    assert build(world, "site").returncode == 0
    (world / "work" / "site" / "added-by-hand.txt").write_text("x", encoding="utf-8")
    assert build(world, "site").returncode == 0
    assert not (world / "work" / "site" / "added-by-hand.txt").exists()


@pytest.mark.slow  # builds several sites
def test_two_sites_in_one_folder_have_build_folders_of_their_own(tmp_path):
    make_content(tmp_path / "one", texts=1)
    make_content(tmp_path / "two", texts=2)
    out = tmp_path / "out"
    for content, site in (("one", "site-a"), ("two", "site-b"), ("one", "site-a")):
        assert run_generator("build", "--quiet", "--content", str(tmp_path / content), "--site-dir", str(out / site)).returncode == 0
    assert len(html_pages(out / "site-a")) < len(html_pages(out / "site-b"))
    assert not (out / "site-a" / "en" / "resolutions" / "2012-03-02-text-2").exists()
    for site in ("site-a", "site-b"):
        record = json.loads((get_build_dir(out / site) / BUILD_RECORD).read_text(encoding="utf-8"))
        assert record["site"] == str(out / site)
    assert sorted(os.listdir(out)) == ["site-a", "site-a.build", "site-b", "site-b.build"]


@pytest.mark.slow  # builds several sites
def test_a_build_folder_of_another_site_is_emptied_and_one_not_ours_refused(tmp_path):
    content = make_content(tmp_path / "content")
    assert run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(tmp_path / "a" / "site")).returncode == 0
    # Moved with its site: the record names the old place, so nothing in it is trusted.
    os.rename(tmp_path / "a", tmp_path / "b")
    result = run_generator("build", "--content", str(content), "--site-dir", str(tmp_path / "b" / "site"), "--incremental")
    assert result.returncode == 0, result.stderr
    assert "was the build folder of" in result.stderr and "building it whole" in result.stderr
    record = json.loads((tmp_path / "b" / "site.build" / BUILD_RECORD).read_text(encoding="utf-8"))
    assert record["site"] == str(tmp_path / "b" / "site")

    # A folder of that name that no build made: refused, left alone.
    (tmp_path / "c" / "site.build").mkdir(parents=True)
    (tmp_path / "c" / "site.build" / "precious.txt").write_text("mine", encoding="utf-8")
    before = fingerprint(tmp_path / "c")
    result = run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(tmp_path / "c" / "site"))
    assert_one_line_error(result, "site.build", "not a build folder of this generator")
    assert fingerprint(tmp_path / "c") == before


@contextlib.contextmanager
def read_only(folder: Path):
    """``folder`` and all in it made read-only: immutable (``chattr +i``) for root, whom
    permissions do not stop; folders of mode 555 for anyone else."""
    if os.geteuid() == 0:
        if not shutil.which("chattr") or subprocess.run(["chattr", "-R", "+i", str(folder)], capture_output=True).returncode:
            pytest.skip("no chattr +i here, and root writes into read-only folders")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-R", "-i", str(folder)], check=True)
        return
    folders = [folder, *(path for path in folder.rglob("*") if path.is_dir())]
    for path in folders:
        path.chmod(0o555)
    try:
        yield
    finally:
        for path in folders:
            path.chmod(0o755)


@pytest.mark.parametrize("incremental", [False, True])
def test_a_read_only_site_folder_is_one_line_and_the_site_stays(tmp_path, incremental):
    content = make_content(tmp_path / "content")
    site = tmp_path / "site"
    assert run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site)).returncode == 0
    (content / "resolutions" / "2012-03-01-text-1" / "en.txt").write_text("Edited\n\n1. Calls.\n", encoding="utf-8")
    before = fingerprint(tmp_path, skip=lambda path: path.name.endswith(".build"))
    with read_only(site):
        result = run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site), *["--incremental"] * incremental)
    assert_one_line_error(result, str(site), "Operation not permitted" if os.geteuid() == 0 else "Permission denied")
    assert fingerprint(tmp_path, skip=lambda path: path.name.endswith(".build")) == before
