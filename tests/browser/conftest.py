"""Fixtures for tests that look at the built site as a reader would.

The sample site is built once per test session into a temporary folder and served on
127.0.0.1 by a thread; the ``browser`` fixture (tests/conftest.py) drives it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from tests.browser.pages import open_page
from tests.factories import make_corpus, make_people_content

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SLUG = "2012-03-07-kazakhstan"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The bundled content, with two Members imported from fixture pages by import-meps
    (one with offices), built into a fresh site folder."""
    from generator.commands.build import build_site

    folder = tmp_path_factory.mktemp("browser")
    site_dir = folder / "site"
    status = build_site(make_people_content(folder), site_dir)
    assert status == 0
    return site_dir


CORPUS_SIZE, CORPUS_SEED = 14, 4
"""The synthetic corpus of the search and listing tests (bench/make_corpus.py): every
text has "Council" (its last paragraph), none "torture"; two are of 2017; five are
tagged "South-East Asia"."""


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory) -> Path:
    from generator.commands.build import build_site

    folder = tmp_path_factory.mktemp("corpus")
    make_corpus(CORPUS_SIZE, folder / "content", seed=CORPUS_SEED)
    assert build_site(folder / "content", folder / "site") == 0
    return folder / "site"


@pytest.fixture(scope="session")
def corpus_url(corpus_site: Path):
    """The synthetic corpus's site served on localhost, under a path prefix."""
    with served(corpus_site.parent) as base:
        yield f"{base}{corpus_site.name}/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@contextlib.contextmanager
def served(directory: Path):
    """``directory`` served on 127.0.0.1 by a thread; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(sample_site: Path):
    """Base URL of the sample site served on localhost, under a path prefix like GitHub Pages'."""
    # Serve the parent folder so the site lives under /site/: a project site on GitHub
    # Pages is served under /<repository>/, and every link must survive that.
    with served(sample_site.parent) as base:
        yield f"{base}{sample_site.name}/"


@pytest.fixture
def page(browser):
    with open_page(browser, viewport={"width": 1280, "height": 900}) as page:
        yield page


@pytest.fixture
def page_without_js(browser):
    with open_page(browser, java_script_enabled=False) as page:
        yield page


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where screenshots go for people to look at (named in the test output)."""
    folder = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pytest_terminal_summary(terminalreporter):
    """Name the folder the screenshots went to, for people to look at."""
    folder = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "test-artifacts"))
    shots = sorted(folder.glob("*.png")) if folder.is_dir() else []
    if shots:
        terminalreporter.write_line(f"screenshots ({len(shots)}) for people to look at: {folder}")
