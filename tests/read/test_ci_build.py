"""A full build with the build folder kept (CI's, the site folder gone): the parses of
texts whose bytes are unchanged come from the cache; anything else is parsed again."""

from __future__ import annotations

import shutil
import time

from generator.read.cache import RACY_SECONDS
from generator.site_folder import get_build_dir
from tests.hostile.tools import fingerprint, make_content, run_generator


def build(content, site):
    result = run_generator("build", "--content", str(content), "--site-dir", str(site))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result.stdout + result.stderr


def test_a_ci_build_reuses_the_parses_of_unchanged_texts_only(tmp_path):
    content = make_content(tmp_path / "content", texts=3)
    time.sleep(RACY_SECONDS + 0.1)  # settled: cached by the first build
    site = tmp_path / "site"
    assert "Parse cache: 0 of 3 texts unchanged, 3 parsed" in build(content, site)
    shutil.rmtree(site)
    assert get_build_dir(site).is_dir()

    edited = content / "resolutions" / "2012-03-02-text-2" / "en.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Title 2", "Title two"), encoding="utf-8")
    assert "Parse cache: 2 of 3 texts unchanged, 1 parsed" in build(content, site)
    page = (site / "en" / "resolutions" / "2012-03-02-text-2" / "index.html").read_text(encoding="utf-8")
    assert "Title two" in page

    # The same site as a build without any cache.
    clean = tmp_path / "clean"
    assert "Parse cache: 0 of 3 texts unchanged, 3 parsed" in build(content, clean)
    assert fingerprint(site) == fingerprint(clean)
