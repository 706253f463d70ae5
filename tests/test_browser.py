"""In a real browser (Debian's chromium via Playwright): copy-link and the language switch."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.corpus_fixtures import OLD

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")


class SilentHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url(built_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SilentHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


def test_copy_link_copies_the_absolute_url_and_says_so(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    url = f"{site_url}en/resolutions/{OLD}/"
    page.goto(url)
    page.hover("#rec_A")
    page.click("#rec_A > .unit-copy")
    assert page.evaluate("navigator.clipboard.readText()") == url + "#rec_A"
    page.wait_for_function("document.querySelector('.unit-copy-status').textContent.length > 0")
    assert page.text_content(".unit-copy-status") == "Link copied"
    assert page.text_content("#rec_A > .unit-copy") == "Link copied"
    context.close()


def test_copy_buttons_are_hidden_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}en/resolutions/{OLD}/#para_1")
    assert not page.is_visible("#para_1 > .unit-copy")
    assert page.is_visible("#para_1 > .unit-label")
    context.close()


def test_language_switch_keeps_the_fragment(browser, site_url):
    page = browser.new_page()
    page.goto(f"{site_url}en/resolutions/{OLD}/#para_2")
    page.click("a.language-switch__link")
    page.wait_for_url(f"**/fr/resolutions/{OLD}/#para_2")
    assert page.evaluate("document.documentElement.lang") == "fr"
    page.click("a.language-switch__link")
    page.wait_for_url(f"**/en/resolutions/{OLD}/#para_2")
    page.close()


def test_root_follows_the_browser_language(browser, site_url):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_url("**/fr/")
    context.close()
