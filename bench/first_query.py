"""What a reader's first search costs: bytes transferred and time to results, in Chromium.

Serves a built site on 127.0.0.1 under a path prefix (``/repo/``, as on GitHub Pages),
opens a text's page, types a query into the header's search box and records every
response the search makes (pagefind.js, its entry file, the wasm, the page table, index
chunks, fragments, and search.js itself).

Bytes are counted as a static host sends them: Pagefind's index files are gzipped on
disk and sent as they are; text assets (.js, .json, .css) are counted gzip-compressed,
as GitHub Pages and any common host serve them. The raw sum is reported too.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
PREFIX = "repo"
TEXT_SUFFIXES = (".js", ".json", ".css", ".html")


@dataclass(frozen=True)
class QueryCost:
    query: str
    requests: int
    bytes_sent: int
    """As a gzip-serving host sends them."""
    bytes_raw: int
    cold_ms: float
    """From the first keystroke to results shown, the index not yet loaded."""
    warm_ms: float
    """A second query once loaded, from the keystroke to results (debounce included)."""
    hits: int
    first_hit: str
    first_href: str


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def sent_size(path: str, body: bytes) -> int:
    return len(gzip.compress(body, 6)) if path.endswith(TEXT_SUFFIXES) else len(body)


def measure_first_query(
    site_dir: Path, lang: str, page: str, query: str, second_query: str, browser=None
) -> QueryCost:
    """Open ``page`` (relative to the language root), search ``query``, then ``second_query``.

    ``browser``: a Playwright browser to use (the tests share one); else one is launched.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own_browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
            )
            try:
                return measure_first_query(site_dir, lang, page, query, second_query, own_browser)
            finally:
                own_browser.close()

    with tempfile.TemporaryDirectory() as root:
        (Path(root) / PREFIX).symlink_to(Path(site_dir).resolve(), target_is_directory=True)
        server = serve(Path(root))
        base = f"http://127.0.0.1:{server.server_address[1]}/{PREFIX}/{lang}/"
        context = browser.new_context()
        try:
            tab = context.new_page()
            tab.goto(base + page, wait_until="load")
            responses = []
            tab.on("response", lambda response: responses.append(response))
            box = tab.locator(".unit-search__input")
            started = time.perf_counter()
            box.focus()
            box.fill(query)
            tab.wait_for_selector(".unit-search__results li, .unit-search__status:not(:empty)")
            cold_ms = (time.perf_counter() - started) * 1000
            tab.wait_for_load_state("networkidle")
            first = tab.locator(".unit-search__hit").first
            first_hit = first.inner_text().split("\n")[0] if first.count() else ""
            first_href = first.get_attribute("href") if first.count() else ""
            hits = tab.locator(".unit-search__hit").count()
            sizes = []
            for response in responses:
                path = response.url.split("?")[0]
                body = response.body()
                sizes.append((sent_size(path, body), len(body)))
            # Once loaded: the next query's time, from keystroke to results.
            tab.evaluate("document.querySelector('.unit-search__results').innerHTML = ''")
            started = time.perf_counter()
            box.fill(second_query)
            tab.wait_for_selector(".unit-search__results li, .unit-search__status:not(:empty)")
            warm_ms = (time.perf_counter() - started) * 1000
        finally:
            context.close()
            server.shutdown()
    return QueryCost(
        query=query, requests=len(sizes), bytes_sent=sum(s for s, _ in sizes), bytes_raw=sum(r for _, r in sizes),
        cold_ms=cold_ms, warm_ms=warm_ms, hits=hits, first_hit=first_hit, first_href=first_href or "",
    )


if __name__ == "__main__":
    import sys

    site, lang, page, query, second = sys.argv[1:6]
    print(measure_first_query(Path(site), lang, page, query, second))
