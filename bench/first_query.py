"""What a reader's first search costs: bytes transferred and time to results, in Chromium.

Serves a built site on 127.0.0.1 under a path prefix (``/repo/``, as on GitHub Pages),
opens a text's page, types a query into the header's search box and records every
response the search makes (pagefind.js, its entry file, the wasm, the page table, index
chunks, fragments, and search.js itself).

Bytes are counted as a static host sends them: Pagefind's index files are gzipped on
disk and sent as they are; text assets (.js, .json, .css) are counted gzip-compressed,
as GitHub Pages and any common host serve them. The raw sum is reported too.

Times are taken by the page's own clock (``performance.now()``), from the input event
to the first hit in the list, the box's typing pause included: what a reader waits. The
index is in shards (generator/outputs/search.py): the first hits are the newest shard's,
and the list is complete once every shard has answered (it is ``aria-busy`` until then);
bytes and requests are counted both up to the first hits and up to the complete list.
Timing from Python instead (Playwright's ``fill`` then ``wait_for_selector``) adds the
round trips to the browser and the selector's polling, 60-90 ms on this machine.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import tempfile
import threading
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
    complete_ms: float
    """From the first keystroke to the complete list (every shard searched)."""
    first_requests: int
    """Requests answered by the time the first hits showed."""
    first_bytes_sent: int
    """Bytes (as a gzip-serving host sends them) of those requests."""
    warm_ms: float
    """A second query once loaded, from the keystroke to its first hits (the newest shard's;
    debounce included), or to "no results", which only every shard can tell."""
    warm_complete_ms: float
    """The second query, from the keystroke to the complete list (every shard searched)."""
    absent_ms: float | None
    """A third query once loaded, of a word no text has: from the keystroke to "no
    results", which only every shard can tell (None: not asked)."""
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


TIMED_SEARCH = """(query) => new Promise((resolve, reject) => {
  const list = document.querySelector(".unit-search__results");
  const status = document.querySelector(".unit-search__status");
  const input = document.querySelector(".unit-search__input");
  list.innerHTML = "";
  status.textContent = "";
  let first = null;
  const observer = new MutationObserver(() => {
    const busy = list.getAttribute("aria-busy") === "true";
    if (first === null && (list.children.length || (status.textContent && !busy))) {
      first = performance.now();
    }
    if (first !== null && status.textContent && !busy) {
      observer.disconnect();
      resolve({first: first - started, complete: performance.now() - started, firstAt: performance.timeOrigin + first});
    }
  });
  observer.observe(list, {attributes: true, attributeFilter: ["aria-busy"]});
  observer.observe(list, {childList: true});
  observer.observe(status, {childList: true, characterData: true, subtree: true});
  setTimeout(() => reject(new Error("no results after 20 s")), 20000);
  const started = performance.now();
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
})"""
"""Type ``query`` into the box at once; resolves to the ms until hits (or "no results")
show, the ms until the list is complete, and the epoch time of the first hits."""


def sent_size(path: str, body: bytes) -> int:
    return len(gzip.compress(body, 6)) if path.endswith(TEXT_SUFFIXES) else len(body)


def measure_first_query(
    site_dir: Path, lang: str, page: str, query: str, second_query: str, browser=None, absent_query: str | None = None
) -> QueryCost:
    """Open ``page`` (relative to the language root), search ``query``, then ``second_query``
    (then ``absent_query``, a word no text has).

    ``browser``: a Playwright browser to use (the tests share one); else one is launched.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own_browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
            )
            try:
                return measure_first_query(site_dir, lang, page, query, second_query, own_browser, absent_query)
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
            cold = tab.evaluate(TIMED_SEARCH, query)
            tab.wait_for_load_state("networkidle")
            first = tab.locator(".unit-search__hit").first
            first_hit = first.inner_text().split("\n")[0] if first.count() else ""
            first_href = first.get_attribute("href") if first.count() else ""
            hits = tab.locator(".unit-search__hit").count()
            sizes, first_sizes, seen = [], [], set()
            for response in responses:
                # A URL asked for again (each Pagefind instance loads the newest shard's
                # page table, wasm and fragments) comes from the browser's cache: the
                # server sees it once.
                if response.url in seen:
                    continue
                seen.add(response.url)
                path = response.url.split("?")[0]
                body = response.body()
                sizes.append((sent_size(path, body), len(body)))
                timing = response.request.timing
                if timing["startTime"] + timing["responseEnd"] <= cold["firstAt"]:
                    first_sizes.append(sizes[-1][0])
            # Once loaded: the next query's times, from keystroke to the first hits and to
            # the complete list.
            warm = tab.evaluate(TIMED_SEARCH, second_query)
            absent = tab.evaluate(TIMED_SEARCH, absent_query) if absent_query else None
        finally:
            context.close()
            server.shutdown()
    return QueryCost(
        query=query, requests=len(sizes), bytes_sent=sum(s for s, _ in sizes), bytes_raw=sum(r for _, r in sizes),
        cold_ms=cold["first"], complete_ms=cold["complete"], first_requests=len(first_sizes),
        first_bytes_sent=sum(first_sizes), warm_ms=warm["first"], warm_complete_ms=warm["complete"],
        absent_ms=absent["first"] if absent else None, hits=hits,
        first_hit=first_hit, first_href=first_href or "",
    )


if __name__ == "__main__":
    import sys

    site, lang, page, query, second = sys.argv[1:6]
    print(measure_first_query(Path(site), lang, page, query, second))
