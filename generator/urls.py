"""Where every page is (URL contract: DESIGN.md section 4), and the relative links between pages.

A page is named by its Markdown path inside a language's docs folder
(``resolutions/<slug>.md``); MkDocs gives it a directory URL (``resolutions/<slug>/``).
Every link the generator writes is relative, because the site is served under a path
prefix (GitHub Pages project sites).
"""

from __future__ import annotations


def get_page_url(path: str) -> str:
    """The directory URL of a page, relative to its language's root: ``resolutions/x/``."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def get_relative_url(from_path: str, to_path: str) -> str:
    """The relative URL from one page to another of the same language."""
    # posixpath.relpath, for directory URLs without "." or "..": relpath calls abspath
    # twice, and a page links to many others (bench/RESULTS.md).
    from_parts = get_page_url(from_path).split("/")[:-1]
    to_parts = get_page_url(to_path).split("/")[:-1]
    common = 0
    while common < min(len(from_parts), len(to_parts)) and from_parts[common] == to_parts[common]:
        common += 1
    relative = "/".join([".."] * (len(from_parts) - common) + to_parts[common:])
    return relative + "/" if relative else "./"


def get_language_url(path: str, lang: str) -> str:
    """The relative URL from a page to the same page in language ``lang``."""
    depth = get_page_url(path).count("/")
    return "../" * (depth + 1) + f"{lang}/" + get_page_url(path)


def get_resolution_path(slug: str) -> str:
    return f"resolutions/{slug}.md"


def get_person_path(slug: str) -> str:
    return f"meps/{slug}.md"


def get_resolution_url(slug: str) -> str:
    """A text's page, relative to the language root: ``resolutions/<slug>/``."""
    return get_page_url(get_resolution_path(slug))


def get_person_url(slug: str) -> str:
    """A person's page, relative to the language root: ``meps/<slug>/``."""
    return get_page_url(get_person_path(slug))


def get_vcard_path(slug: str) -> str:
    """A person's contact card, beside their page (inside the language's site folder)."""
    return f"meps/{slug}/{slug}.vcf"


EP_MEP_PAGE = "https://www.europarl.europa.eu/meps/{lang}/{ep_id}"
"""A Member's page on the Parliament's site, in one of its languages (it redirects to the
Member's home page, or to a former Member's last term)."""


def get_ep_member_url(ep_id: str, lang: str) -> str:
    return EP_MEP_PAGE.format(lang=lang, ep_id=ep_id)
