"""Every request a page view makes is answered: no 404, no failed request.

Material's script fetches ``sitemap.xml`` beside the page of every ``<link
rel="alternate">`` in the head; with the per-page language links there, every page view
asked for ``<other language page>/sitemap.xml``, which does not exist
(generator/outputs/sitemap.py says where the translations are listed instead).
"""

from __future__ import annotations

import pytest

from tests.browser.pages import page_paths


@pytest.mark.parametrize("path", page_paths())
def test_no_request_of_a_page_view_fails(page, site_url, path):
    failures: list[str] = []
    page.on("response", lambda response: response.status >= 400 and failures.append(f"{response.status} {response.url}"))
    # A request the browser itself gave up (net::ERR_ABORTED: a navigation, here the
    # language switch, cut a fetch of the page it left) was not refused by the site;
    # on a loaded machine the search's fetches can still be running at the click.
    page.on(
        "requestfailed",
        lambda request: request.failure != "net::ERR_ABORTED" and failures.append(f"failed {request.url}: {request.failure}"),
    )
    page.goto(f"{site_url}{path}", wait_until="networkidle")
    # The search box loads its index on first use: use it, and follow a language switch.
    if page.locator(".unit-search__input").count():
        page.locator(".unit-search__input").fill("rights")
        page.wait_for_load_state("networkidle")
    switch = page.locator(".language-switch__link")
    if switch.count():
        switch.first.click()
        page.wait_for_load_state("networkidle")
    assert failures == []
