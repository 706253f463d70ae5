from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from generator.commands.build import build_site_from_corpus
from generator.log import ROOT_LOGGER
from tests.factories import make_hostile_corpus, make_sample_corpus

# Playwright drives Debian's Chromium (installed by ``scripts/install.sh --test``; a test
# tool's own browser download cannot work here), headless, with background networking
# off so that the browser itself makes no request of its own. One browser per session:
# Playwright's sync API allows one instance at a time.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(autouse=True)
def _generator_logger_as_found():
    """A test that runs the command line configures the ``generator`` logger (its own
    handler, no propagation): put it back, so that a later test's ``caplog`` sees records
    whatever ran before it."""
    logger = logging.getLogger(ROOT_LOGGER)
    handlers, level, propagate = logger.handlers[:], logger.level, logger.propagate
    yield
    logger.handlers[:], logger.level, logger.propagate = handlers, level, propagate


@pytest.fixture(scope="session")
def sample_corpus():
    return make_sample_corpus()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, sample_corpus) -> Path:
    """The sample corpus built once with MkDocs (both languages)."""
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    build_site_from_corpus(sample_corpus, site_dir)
    return site_dir


@pytest.fixture(scope="session")
def hostile_corpus():
    return make_hostile_corpus()


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, hostile_corpus) -> Path:
    site_dir = tmp_path_factory.mktemp("hostile") / "site"
    build_site_from_corpus(hostile_corpus, site_dir)
    return site_dir


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/install.sh --test`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
