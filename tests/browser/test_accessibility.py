"""axe-core (the npm package, injected into each page) finds no serious or critical
violation, in the light scheme and in the dark one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .pages import open_page, page_paths

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", page_paths(), ids=lambda p: p or "root")
def test_no_serious_accessibility_violation(browser, site_url, path, scheme):
    with open_page(browser, viewport={"width": 1280, "height": 900}, color_scheme=scheme) as page:
        check_page(page, site_url, path, scheme)


def check_page(page, site_url: str, path: str, scheme: str) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `bash scripts/install.sh --test`")
    if path == "":
        # The root redirects at once (to the browser's language): check its own page by
        # serving it without the redirect script.
        def without_redirect(route):
            html = route.fetch().text()
            route.fulfill(body=re.sub(r"<script>.*?</script>", "", html, flags=re.S), content_type="text/html")

        page.route(site_url, without_redirect)
    page.goto(site_url + path)
    assert page.url == site_url + path
    if path:  # a page of the theme, in the scheme the system asks for
        expected = {"light": "default", "dark": "slate"}[scheme]
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == expected
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document)")
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                    for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == []
