"""The site stage under Zensical (``SITE_GENERATOR=zensical``), Material's successor, where it
is installed: the bundled site and a small corpus of our own, every unit in the element
with its id and every internal link and fragment resolving."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.languages import LANGUAGES
from generator.read.content import load_content
from tests.browser.test_site_links import broken_links
from tests.html_tools import by_id, read_html
from tests.paths import CONTENT, ROOT

pytest.importorskip("zensical")

pytestmark = pytest.mark.zensical

CORPORA = {"bundled": CONTENT, "links": ROOT / "tests" / "fixtures" / "corpus_links"}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def zensical_site(request, tmp_path_factory) -> tuple[Path, Path]:
    content = CORPORA[request.param]
    site_dir = tmp_path_factory.mktemp(f"zensical-{request.param}") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(content), "--site-dir", str(site_dir)],
        capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, SITE_GENERATOR="zensical"), timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return content, site_dir


def test_every_unit_in_the_element_with_its_id(zensical_site):
    content, site_dir = zensical_site
    texts = load_content(content, warn=lambda diagnostic: None)
    assert texts.documents
    for document in texts.documents:
        for lang in LANGUAGES:
            ids = by_id(read_html(site_dir / lang / "resolutions" / document.slug / "index.html"))
            missing = [unit.eid for unit in document.version(lang).units() if unit.eid not in ids]
            assert missing == [], (document.slug, lang)


def test_every_internal_link_and_fragment_resolves(zensical_site):
    _, site_dir = zensical_site
    assert len(list(site_dir.rglob("*.html"))) >= 10
    assert broken_links(site_dir) == []


def test_the_headings_are_in_the_table_of_contents(zensical_site):
    _, site_dir = zensical_site
    for lang in LANGUAGES:
        page = read_html(site_dir / lang / "resolutions" / "index.html")
        toc = [a.attrs["href"] for a in page.find_all("a") if a.has_class("md-nav__link") and a.attrs.get("href", "").startswith("#year-")]
        assert toc, lang
