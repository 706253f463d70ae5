"""A plain ``pip install`` (not an editable checkout) builds the bundled site from another
folder: the theme, mkdocs.yml, the catalogs and the data's JSON Schema are package data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.paths import CONTENT, ROOT

pytestmark = pytest.mark.slow  # a wheel is built and installed


def test_an_installed_package_builds_the_bundled_site_from_another_folder(tmp_path):
    # From a copy of the sources (pip leaves its build folders beside them), and only
    # the package itself: its dependencies are this environment's.
    source, target = tmp_path / "source", tmp_path / "installed"
    shutil.copytree(ROOT / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(source)],
        check=True, capture_output=True, timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(CONTENT, elsewhere / "texts")
    env = dict(os.environ, PYTHONPATH=str(target))
    where = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    ).stdout
    assert where.startswith(str(target)), "the installed copy is the one run"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--quiet", "--content", "texts", "--site-dir", "public"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    page = (elsewhere / "public" / "fr" / "resolutions" / "2012-03-07-kazakhstan" / "index.html").read_text(encoding="utf-8")
    assert 'id="rec_C"' in page and "units.css" in page and "Considérants" in page
    assert (elsewhere / "public" / "en" / "pagefind" / "pagefind.js").is_file()
    assert (elsewhere / "public" / "data" / "resolution.schema.json").is_file()  # package data too
