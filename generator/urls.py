"""Where every page is (URL contract: DESIGN.md section 4), and the relative links between pages.

A page is named by its Markdown path inside a language's docs folder
(``resolutions/<slug>/index.md``); MkDocs gives it a directory URL (``resolutions/<slug>/``).
Every link the generator writes is relative, because the site is served under a path
prefix (GitHub Pages project sites).

Every page is an ``index.md`` so that its folder in the docs is its folder in the site: a
link relative to the page's URL, as MkDocs leaves raw HTML, is then also a link relative
to its Markdown file, as Zensical reads the links of raw HTML.
"""

from __future__ import annotations

import re
from urllib.parse import quote


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
    return get_url_in_language(path, path, lang)


def get_url_in_language(from_path: str, to_path: str, lang: str) -> str:
    """The relative URL from a page to another page in language ``lang``."""
    depth = get_page_url(from_path).count("/")
    return "../" * (depth + 1) + f"{lang}/" + get_page_url(to_path)


def get_resolution_path(slug: str) -> str:
    return f"resolutions/{slug}/index.md"


def get_comparison_path(slug: str) -> str:
    """A text's two languages side by side: ``resolutions/<slug>/compare/``."""
    return f"resolutions/{slug}/compare/index.md"


def get_person_path(slug: str) -> str:
    return f"meps/{slug}/index.md"


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


# -- the files beside a text's page and the feeds (inside a language's site folder) -------


def get_text_data_path(slug: str) -> str:
    """A text's data as JSON, beside its page: ``resolutions/<slug>/index.json``."""
    return f"resolutions/{slug}/index.json"


def get_akoma_ntoso_path(slug: str) -> str:
    """A text's Akoma Ntoso document, beside its page: ``resolutions/<slug>/akn.xml``."""
    return f"resolutions/{slug}/akn.xml"


LATEST_FEED_PATH = "feed.xml"
"""The feed of a language's newest texts, at the language's root."""


def get_person_feed_path(slug: str) -> str:
    """The feed of the texts a person answers for, beside their page."""
    return f"meps/{slug}/feed.xml"


def get_tag_feed_path(tag_slug: str) -> str:
    """The feed of the texts of one tag (``generator.names.slugify`` of the tag)."""
    return f"tags/{tag_slug}/feed.xml"


CORPUS_DUMP_PATH = "data/resolutions.jsonl.gz"
"""Inside the site folder (not a language's): every text's data, one JSON object a line."""
TEXT_DATA_SCHEMA_PATH = "data/resolution.schema.json"
"""Inside the site folder: the JSON Schema of a text's data (and of each line of the dump)."""


# -- the official pages of a text and of its procedure (site.yml's ``sources``) ---------

EP_DOCUMENT_PAGE = "https://www.europarl.europa.eu/doceo/document/{document}_{LANG}.html"
"""The Parliament's page of one of its documents: ``{document}`` is its id in the
Parliament's URLs (``get_document_id``), ``{LANG}`` the language in capitals."""
EP_DOCUMENT_PDF = "https://www.europarl.europa.eu/doceo/document/{document}_{LANG}.pdf"
EP_PROCEDURE_FILE = "https://oeil.secure.europarl.europa.eu/oeil/{lang}/procedure-file?reference={procedure}"
"""The Legislative Observatory's file of a procedure ("2013/2169(INI)")."""

TEXT_PLACEHOLDERS = ("document", "reference", "lang", "LANG")
"""What a pattern of a text's official page or PDF may name."""
PROCEDURE_PLACEHOLDERS = ("procedure", "lang", "LANG")
"""What a pattern of a procedure's file may name."""

_SESSION_DOCUMENT = re.compile(r"^(?P<joint>RC-)?(?P<series>[AB])(?P<term>\d{1,2})-(?P<number>\d{4})/(?P<year>\d{4})(?:/REV\d*)?$")
"""A document of a sitting as printed: "B7-0143/2012", "RC-B9-0246/2019", "A9-0163/2024"."""
_NUMBERED_DOCUMENT = re.compile(r"^P(?P<term>\d{1,2})_(?P<series>TA|A|B)(?:-PROV)?\((?P<year>\d{4})\)(?P<number>\d{4})$")
"""A text adopted as printed: "P7_TA(2014)0206", "P8_TA-PROV(2018)0383"; EUR-Lex's "P9_A(2021)0270"."""


def get_document_id(reference: str) -> str:
    """The Parliament's id of the document numbered ``reference`` in its URLs:
    "B7-0143/2012" -> "B-7-2012-0143", "RC-B9-0246/2019" -> "RC-9-2019-0246",
    "P7_TA(2014)0206" -> "TA-7-2014-0206"; "" for a number of another form."""
    found = _SESSION_DOCUMENT.match(reference)
    if found:
        series = "RC" if found["joint"] else found["series"]
    else:
        found = _NUMBERED_DOCUMENT.match(reference)
        if not found:
            return ""
        series = found["series"]
    return f"{series}-{int(found['term'])}-{found['year']}-{found['number']}"


def get_official_url(pattern: str, reference: str, lang: str) -> str:
    """The official page (or PDF) of the text numbered ``reference``, in ``lang``, by a
    pattern of ``site.yml`` (``SiteSettings.official_page``, ``official_pdf``); "" where
    there is no pattern, no reference, or the pattern names the ``{document}`` id and
    the reference is of no form the Parliament's URLs have."""
    if not pattern or not reference:
        return ""
    document = get_document_id(reference)
    if "{document}" in pattern and not document:
        return ""
    return pattern.format(document=document, reference=quote(reference, safe=""), lang=lang, LANG=lang.upper())


def get_procedure_url(pattern: str, procedure: str, lang: str) -> str:
    """The file of the procedure ``procedure`` ("2013/2169(INI)") in ``lang`` by
    ``SiteSettings.procedure_file``; "" without a pattern or a procedure."""
    if not pattern or not procedure:
        return ""
    return pattern.format(procedure=quote(procedure, safe="/()"), lang=lang, LANG=lang.upper())
