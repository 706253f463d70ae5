"""``robots.txt`` at the site's root: every page may be crawled, and where the build knows
the site's URL, the sitemap index is named (``Sitemap:`` takes an absolute URL only).

Crawlers read ``robots.txt`` at the root of a host only: a site served under a path
(``https://user.github.io/repository/``) is covered by the host's file, not this one,
which then only names the sitemap to whoever reads it. A custom domain or a user site
(``https://user.github.io/``) is at a host's root.
"""

from __future__ import annotations

from generator.outputs import Output, OutputContext
from generator.outputs.sitemap import SITEMAP


def render_robots(site_url: str) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/{SITEMAP}"]
    return "\n".join(lines) + "\n"


def get_robots_files(context: OutputContext, lang: str | None) -> dict[str, bytes]:
    return {"robots.txt": render_robots(context.site_url).encode("utf-8")}


OUTPUT = Output("robots.txt", get_robots_files, per_language=False)
