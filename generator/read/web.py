"""Pages fetched from the web for the import commands, with httpx.

A command fetches only from the one site it imports from (``site``, a URL prefix): a URL
outside it is refused before any request, and so is a redirect that leads out of it.
Time and size are bounded. A page that cannot be had is an InputError naming its URL,
as a file that cannot be read names the file.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from generator.errors import InputError

USER_AGENT = "resolutions-site-generator (import-meps)"
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
MAX_REDIRECTS = 5
MAX_PAGE_BYTES = 16 * 1024 * 1024
"""A Member's page is ~100 KB; anything this large is not one."""


@dataclass(frozen=True)
class WebPage:
    """A page as the server sent it."""

    url: str
    """Where it was found, after redirects."""
    content: bytes
    charset: str | None
    """The encoding named in the response's Content-Type, if any."""


def is_url(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def fetch_page(url: str, site: str) -> WebPage:
    """GET ``url``, which must be inside ``site``, following redirects only inside it."""
    if not url.startswith(site):
        raise InputError(f"not a page of {site}", url)
    asked = url
    try:
        with httpx.Client(timeout=TIMEOUT, headers={"User-Agent": USER_AGENT}, follow_redirects=False) as client:
            for _redirect in range(MAX_REDIRECTS + 1):
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = str(response.url.join(response.headers.get("location", "")))
                        if not url.startswith(site):
                            raise InputError(f"redirected out of {site}, to {url}", asked)
                        continue
                    if response.status_code != 200:
                        raise InputError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip(), asked)
                    return WebPage(str(response.url), read_body(response, asked), response.charset_encoding)
    except httpx.TimeoutException:
        raise InputError(f"no answer within {TIMEOUT.read:g} seconds", asked) from None
    except httpx.HTTPError as error:
        raise InputError(f"cannot fetch: {error}", asked) from None
    raise InputError(f"more than {MAX_REDIRECTS} redirects", asked)


def read_body(response: httpx.Response, url: str) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_PAGE_BYTES:
            raise InputError(f"larger than {MAX_PAGE_BYTES} bytes", url)
        chunks.append(chunk)
    return b"".join(chunks)
