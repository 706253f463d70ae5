"""``python -m generator import SOURCE... [--content DIR] [--force]``: pages of the
Parliament, EUR-Lex or a political group, saved or fetched, into
``content/resolutions/<slug>/<lang>.txt`` and ``meta.yml`` (docs/ARCHITECTURE.md).

A SOURCE is a saved HTML page or an http(s) URL of the Parliament's site, EUR-Lex or
the Greens/EFA group's site (fetched by ``generator.read.web``, which stays on that site).
The page becomes text as markdownify writes it (script, style and noscript left out,
``#`` headings): Markdown keeps what the parser reads (one line a paragraph, links it
strips, list items, tables), and it is the form of the real pages the parser is measured
on. The text is parsed; the folder's slug is made from the date and title the parser
reads, ``meta.yml`` gets the reference, procedure and page address. For a Parliament
document URL (doceo ``..._EN.html``, the older ``sides/getDoc.do?...&language=EN``) the
other languages' pages of the same document are fetched too.

All or nothing: every page is read, converted and parsed, and every file compared with
what is on disk, before anything is written. A page that cannot be read (not HTML, no
text of a resolution in it, an HTTP error, no connection) or a file that differs from
what would be written (without ``--force``) is one line naming it, exit status 2, and
nothing is written.
"""

from __future__ import annotations

import datetime
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import markdownify
import yaml
from bs4 import BeautifulSoup, UnicodeDammit

from generator.errors import GeneratorError, InputError
from generator.fs import holds_bytes, write_file_atomically
from generator.languages import LANGUAGES, get_language
from generator.model import RawText, Resolution
from generator.names import slugify
from generator.parse.parser import parse_resolution
from generator.read.content import SLUG_RE
from generator.read.decode import detect_language
from generator.read.side_files import leading_comments, load_yaml, read_meta
from generator.read.web import fetch_page

SITES = ("https://www.europarl.europa.eu/", "https://eur-lex.europa.eu/", "https://www.greens-efa.eu/")
"""The sites ``import`` fetches from: the Parliament's, EUR-Lex, the Greens/EFA group's."""

# A doceo document page: /doceo/document/RC-10-2025-0249_EN.html (B-, RC-, A-, TA- ...).
DOCEO_PATH = re.compile(r"^(?P<head>.*/doceo/document/)(?P<id>[A-Z]+-\d{1,2}-\d{4}-\d{4})_(?P<lang>[A-Z]{2})\.html$")
# The older page of the same documents: /sides/getDoc.do?reference=P7-TA-2014-0206&type=TA&language=EN
GETDOC_PATH = re.compile(r"/sides/getDoc\.do$")
GETDOC_REFERENCE = re.compile(r"^P(?P<term>\d{1,2})-(?P<type>[A-Z]+)-(?P<year>\d{4})-(?P<number>\d{4})$")
# EUR-Lex: /legal-content/EN/TXT/?uri=...
EURLEX_PATH = re.compile(r"/legal-content/(?P<lang>[A-Z]{2})/")

SLUG_TITLE_WORDS = 5
"""Title words in a new slug ("2014-03-11-eradication-of-torture"), more only to make it unique."""
SLUG_EDGE_WORDS = frozenset(
    "a an and at between by for from in of on the to with "
    "au aux avec d dans de des du en entre et l la le les par pour sur un une".split()
)
"""Words a slug neither starts nor ends with ("eradication-of-torture-in-the" -> "eradication-of-torture")."""


@dataclass(frozen=True)
class Page:
    """One page read and parsed."""

    source: str
    """How messages name it: the path given, or the URL fetched."""
    url: str
    """Its address: the URL fetched, or a saved page's canonical link; "" when unknown."""
    document_id: str
    """The Parliament's id of the document in the URL ("TA-7-2014-0206"), or ""."""
    alternates: tuple[str, ...]
    """The addresses of the same page in other languages that it gives
    (``<link rel="alternate" hreflang="fr">``)."""
    text: str
    """The page as text (what ``<lang>.txt`` holds)."""
    resolution: Resolution

    @property
    def lang(self) -> str:
        return self.resolution.lang

    @property
    def reference(self) -> str:
        return self.resolution.reference

    @property
    def procedure(self) -> str:
        return self.resolution.procedure


@dataclass
class ImportedDocument:
    """The pages of one document (one language each) and the folder they go into."""

    pages: dict[str, Page] = field(default_factory=dict)
    slug: str = ""

    def keys(self) -> set[str]:
        """What names the document whatever the page: its reference, its URL id, its addresses."""
        found = {f"url:{url}" for p in self.pages.values() for url in (p.url, *p.alternates) if url}
        found |= {f"id:{p.document_id}" for p in self.pages.values() if p.document_id}
        return found | {f"reference:{p.reference}" for p in self.pages.values() if p.reference}

    def first_page(self) -> Page:
        """The page the slug is made from: the first language's, else any."""
        return next(self.pages[lang] for lang in (*LANGUAGES, *self.pages) if lang in self.pages)


@dataclass(frozen=True)
class PlannedFile:
    path: Path
    data: bytes
    source: str
    """The pages it comes from, for the report."""


# --------------------------------------------------------------------------- reading pages


def is_url(source: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*://", source, re.IGNORECASE))


def site_of(url: str, sites: Iterable[str]) -> tuple[str, str]:
    """(``url``, the site of ``sites`` it is a page of); an ``http://`` address of one of
    them is its ``https://`` one (the old ``sides/getDoc.do`` links are http), and
    another site's page an InputError."""
    if url.lower().startswith("http://"):
        secure = "https://" + url[len("http://"):]
        if any(secure.startswith(site) for site in sites):
            url = secure
    site = next((site for site in sites if url.startswith(site)), None)
    if site is None:
        raise InputError(f"not a page of {', '.join(sites)}", url)
    return url, site


def read_saved_page(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror or error}", path) from None


def get_soup(data: bytes, source: str, charset: str | None = None) -> BeautifulSoup:
    """The parsed page; InputError when the bytes are not an HTML page (a PDF, a text)."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        raise InputError("not an HTML page", source)
    # Decoded as the HTTP header, else the page's <meta>, says; line ends made "\n", as an
    # HTML parser's input stream has them (EUR-Lex serves CRLF).
    markup = UnicodeDammit(data, known_definite_encodings=[charset] if charset else [], is_html=True).unicode_markup
    if markup is None:
        raise InputError("not an HTML page (cannot tell its encoding)", source)
    soup = BeautifulSoup(markup.replace("\r\n", "\n").replace("\r", "\n"), "html.parser")
    if soup.find(["html", "body", "p", "div", "h1"]) is None:
        raise InputError("not an HTML page (no html, body, div or p element)", source)
    return soup


def page_to_text(soup: BeautifulSoup) -> str:
    """The page as Markdown, as markdownify writes it (script, style, noscript left out)."""
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    # Through the markup again rather than convert_soup: the same bytes as the scraped
    # pages' markdownify text (convert_soup on this tree differs in a few blank lines).
    text = markdownify.markdownify(str(soup), heading_style=markdownify.ATX)
    return text.rstrip() + "\n"


def web_address(href: object) -> str:
    return href.strip() if isinstance(href, str) and re.match(r"^https?://", href.strip()) else ""


def canonical_url(soup: BeautifulSoup) -> str:
    """The page's own address, as a saved page says it (``<link rel="canonical">``)."""
    link = soup.find("link", rel="canonical")
    return web_address(link.get("href")) if link else ""


def alternate_urls(soup: BeautifulSoup) -> tuple[str, ...]:
    """The addresses of the page in other languages (``<link rel="alternate" hreflang>``)."""
    links = soup.find_all("link", rel="alternate", hreflang=True)
    return tuple(address for link in links if (address := web_address(link.get("href"))))


def language_in_url(url: str) -> str | None:
    """The language a Parliament or EUR-Lex URL asks for (``_EN.html``, ``language=EN``,
    ``/legal-content/EN/``), lowercase."""
    parts = urlsplit(url)
    found = DOCEO_PATH.match(parts.path) or EURLEX_PATH.search(parts.path)
    if found:
        return found.group("lang").lower()
    if GETDOC_PATH.search(parts.path):
        return next((v.lower() for k, v in parse_qsl(parts.query) if k.lower() == "language"), None)
    return None


def document_id(url: str) -> str:
    """The Parliament's id of the document a doceo or getDoc URL shows ("TA-7-2014-0206"), or ""."""
    parts = urlsplit(url)
    doceo = DOCEO_PATH.match(parts.path)
    if doceo:
        return doceo.group("id")
    if GETDOC_PATH.search(parts.path):
        reference = next((v for k, v in parse_qsl(parts.query) if k.lower() == "reference"), "")
        found = GETDOC_REFERENCE.match(reference.upper())
        if found:
            return f"{found['type']}-{found['term']}-{found['year']}-{found['number']}"
    return ""


def other_language_urls(url: str, lang: str) -> dict[str, str]:
    """The same Parliament document's page in each other language of the site ({} for
    any other URL): ``..._EN.html`` -> ``..._FR.html``, ``language=EN`` -> ``language=FR``."""
    parts = urlsplit(url)
    doceo = DOCEO_PATH.match(parts.path)
    others = [code for code in LANGUAGES if code != lang]
    if doceo:
        return {
            code: urlunsplit(parts._replace(path=f"{doceo['head']}{doceo['id']}_{code.upper()}.html"))
            for code in others
        }
    if GETDOC_PATH.search(parts.path) and language_in_url(url):
        query = parse_qsl(parts.query, keep_blank_values=True)
        return {
            code: urlunsplit(parts._replace(query=urlencode(
                [(k, code.upper() if k.lower() == "language" else v) for k, v in query], safe="()"
            )))
            for code in others
        }
    return {}


def declared_language(soup: BeautifulSoup) -> str | None:
    """The language the page declares (``<html lang="en">``), lowercase, without region."""
    declared = (soup.html.get("lang") or soup.html.get("xml:lang")) if soup.html else None
    if not isinstance(declared, str):
        return None
    return declared.split("-")[0].strip().lower() or None


def make_page(data: bytes, source: str, url: str, charset: str | None = None) -> Page:
    """Convert and parse one page; InputError naming ``source`` when it holds no resolution.

    Its language is its URL's, else the one its ``<html>`` declares, else the text's.
    """
    soup = get_soup(data, source, charset)
    url = url or canonical_url(soup)
    alternates = alternate_urls(soup)
    declared = declared_language(soup)
    text = page_to_text(soup)
    lang = language_in_url(url) or declared or detect_language(text)
    if lang not in LANGUAGES:
        raise InputError(f"a page in language {lang!r}; the site has {', '.join(LANGUAGES)}", source)
    try:
        resolution = parse_resolution(RawText(path=source, lang=lang, text=text))
    except GeneratorError as error:
        raise InputError(f"no text of a resolution in it ({error.message})", source) from None
    if not any(resolution.units()):  # a page about a document, without its text (EUR-Lex's "Document information")
        raise InputError("no text of a resolution in it (no citation, recital or paragraph)", source)
    return Page(
        source=source, url=url, document_id=document_id(url), alternates=alternates, text=text, resolution=resolution
    )


def read_source(source: str, sites: Iterable[str]) -> tuple[list[Page], list[str]]:
    """The page of ``source``, and for a Parliament document URL its other languages'
    pages; and a line for each of those the server does not have (404: not, or not yet,
    published in that language), which is left out."""
    if not is_url(source):
        return [make_page(read_saved_page(source), source, "")], []
    if not source.lower().startswith(("https://", "http://")):
        raise InputError("expected a saved HTML page or an http(s):// URL", source)
    url, site = site_of(source, sites)
    page = fetch_page(url, site)
    pages = [make_page(page.content, source, page.url, page.charset)]
    missing = []
    for code, other_url in other_language_urls(page.url, pages[0].lang).items():
        try:
            other = fetch_page(other_url, site)
        except InputError as error:
            if not error.message.startswith("HTTP 404"):
                raise
            missing.append(f"no {get_language(code).name_in_sentence} page: {other_url} ({error.message})")
            continue
        pages.append(make_page(other.content, other_url, other.url, other.charset))
    return pages, missing


# --------------------------------------------------------------------------- documents and slugs


def group_documents(sources: Iterable[list[Page]]) -> list[ImportedDocument]:
    """One document per SOURCE, and one for SOURCEs whose pages share a reference, a
    Parliament id or an address (the English and the French page given both)."""
    documents: list[ImportedDocument] = []
    for pages in sources:
        document = ImportedDocument()
        for page in pages:
            add_page(document, page)
        same = next((d for d in documents if d.keys() & document.keys()), None)
        if same is None:
            documents.append(document)
            continue
        for page in document.pages.values():
            add_page(same, page)
    return documents


def add_page(document: ImportedDocument, page: Page) -> None:
    known = document.pages.get(page.lang)
    if known is not None and known.text != page.text:
        raise InputError(
            f"a second {get_language(page.lang).name_in_sentence} page of one document (the first: {known.source})",
            page.source,
        )
    document.pages[page.lang] = page


def slug_candidates(date: datetime.date, title: str) -> Iterator[str]:
    """``YYYY-MM-DD-title-words`` with a few title words, then more, then ``-2``, ``-3`` ..."""
    # "The EU’s ..." -> "eu", not "eus"; "l’Union" -> "l", "union".
    words = slugify(re.sub(r"['’]s\b", "", title).replace("’", " ")).split("-")
    while words and words[0] in SLUG_EDGE_WORDS:
        words.pop(0)
    seen: set[str] = set()
    for count in range(min(SLUG_TITLE_WORDS, len(words)), len(words) + 1):
        kept = words[:count]
        while len(kept) > 1 and kept[-1] in SLUG_EDGE_WORDS:
            kept.pop()
        slug = "-".join([date.isoformat(), *kept])
        if slug not in seen:
            seen.add(slug)
            yield slug
    number = 2
    while True:
        yield f"{slug}-{number}"
        number += 1


def existing_folders(root: Path) -> dict[str, str]:
    """Key (reference, id, address, as ``ImportedDocument.keys``) -> slug of the folder
    of ``root`` already holding that document: an import goes on into its folder."""
    owners: dict[str, str] = {}
    if not root.is_dir():
        return owners
    for folder in sorted(root.iterdir()):
        if not (folder / "meta.yml").is_file() or not SLUG_RE.match(folder.name):
            continue
        meta = read_meta(folder / "meta.yml")
        keys = {f"url:{url}" for url in meta.source.values()}
        keys |= {f"id:{document_id(url)}" for url in meta.source.values() if document_id(url)}
        if meta.reference:
            keys.add(f"reference:{meta.reference}")
        for key in keys:
            owners.setdefault(key, folder.name)
    return owners


def choose_slug(document: ImportedDocument, root: Path, owners: Mapping[str, str], taken: set[str]) -> str:
    """The folder already holding the document, else a new slug that no folder has."""
    owner = next((owners[key] for key in sorted(document.keys()) if key in owners), None)
    if owner:
        return owner
    page = document.first_page()
    date, title = page.resolution.date, page.resolution.title
    if date is None:
        raise InputError("no date of the text in it: cannot name its folder (YYYY-MM-DD-title-words)", page.source)
    if not slugify(title):
        raise InputError("no title in it to name its folder with (YYYY-MM-DD-title-words)", page.source)
    for slug in slug_candidates(date, title):
        folder = root / slug
        same_text = any(holds_bytes(folder / get_language(p.lang).text_file, p.text.encode()) for p in document.pages.values())
        if slug not in taken and (not folder.exists() or same_text):
            return slug
    raise AssertionError("slug_candidates never ends")


# --------------------------------------------------------------------------- files


def meta_file(document: ImportedDocument, path: Path, force: bool) -> tuple[PlannedFile | None, str | None]:
    """(the meta.yml to write or None, a conflict message or None).

    The reference, procedure and page addresses fill ``meta.yml``; keys set otherwise
    (tags, adopted ...) stay. A value the file gives differently is a conflict unless
    ``force``.
    """
    pages = [document.pages[lang] for lang in LANGUAGES if lang in document.pages]
    imported: dict[str, object] = {}
    for key in ("reference", "procedure"):
        value = next((getattr(p, key) for p in pages if getattr(p, key)), "")
        if value:
            imported[key] = value
    sources = {p.lang: p.url for p in pages if p.url}
    existing = load_yaml(path) if path.is_file() else {}
    existing = existing if isinstance(existing, dict) else {}
    merged = dict(existing)
    conflicts = [key for key, value in imported.items() if merged.get(key) not in (None, "", value)]
    for key, value in imported.items():
        if force or merged.get(key) in (None, ""):
            merged[key] = value
    if sources:
        given = merged.get("source")
        known: dict = given if isinstance(given, dict) else {}
        conflicts += [f"source: {lang}" for lang, url in sources.items() if known.get(lang) not in (None, url)]
        merged["source"] = {**known, **sources} if force else {**sources, **known}
    if conflicts and not force:
        return None, f"gives {', '.join(conflicts)} otherwise"
    if merged == existing:
        return None, None
    header = leading_comments(path.read_text(encoding="utf-8-sig")) if path.is_file() else ""
    body = yaml.safe_dump(merged, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    return PlannedFile(path, (header + body).encode("utf-8"), ", ".join(p.source for p in pages)), None


def plan_files(document: ImportedDocument, root: Path, force: bool) -> tuple[list[PlannedFile], list[str], list[str]]:
    """(files to write, files already as they would be, conflict lines) of one document."""
    folder = root / document.slug
    planned: list[PlannedFile] = []
    unchanged: list[str] = []
    conflicts: list[str] = []
    for lang in LANGUAGES:
        page = document.pages.get(lang)
        if page is None:
            continue
        path = folder / get_language(lang).text_file
        data = page.text.encode("utf-8")
        if holds_bytes(path, data):
            unchanged.append(str(path))
        elif path.exists() and not force:
            conflicts.append(f"{path}: differs from the page {page.source}; --force overwrites it")
        else:
            planned.append(PlannedFile(path, data, page.source))
    meta, conflict = meta_file(document, folder / "meta.yml", force)
    if conflict:
        conflicts.append(f"{folder / 'meta.yml'}: {conflict} than the page; --force overwrites it")
    elif meta:
        planned.append(meta)
    elif (folder / "meta.yml").is_file():
        unchanged.append(str(folder / "meta.yml"))
    return planned, unchanged, conflicts


def report_errors(messages: Iterable[str]) -> int:
    for message in messages:
        print(f"error: {message}", file=sys.stderr)
    return 2


def import_pages(sources: list[str], content_dir: Path, force: bool = False, sites: Iterable[str] = SITES) -> int:
    """Import every page of ``sources`` into ``content_dir``; print one line per file.
    URLs are fetched only from ``sites`` (URL prefixes).

    0 when done; 2, with one line per problem and nothing written, when a page cannot be
    read or a file would be overwritten without ``force``.
    """
    sites = tuple(sites)
    read: list[list[Page]] = []
    errors: list[str] = []
    lines: list[str] = []
    for source in dict.fromkeys(sources):
        try:
            pages, missing = read_source(source, sites)
        except GeneratorError as error:
            errors.append(str(error))
            continue
        read.append(pages)
        lines += missing
    if errors:
        return report_errors(errors)
    root = Path(content_dir) / "resolutions"
    try:
        documents = group_documents(read)
        owners = existing_folders(root)
        taken: set[str] = set()
        for document in documents:
            document.slug = choose_slug(document, root, owners, taken)
            taken.add(document.slug)
    except GeneratorError as error:
        return report_errors([str(error)])
    planned: list[PlannedFile] = []
    written: list[str] = []
    for document in documents:
        files, unchanged, conflicts = plan_files(document, root, force)
        planned += files
        written += [f"unchanged {path}" for path in unchanged]
        errors += conflicts
    if errors:
        return report_errors(errors)
    for file in planned:
        write_file_atomically(file.path, file.data, durable=True)
        written.append(f"wrote {file.path} (from {file.source})")
    for line in [*lines, *sorted(written, key=lambda line: line.split(" ", 1)[1])]:
        print(line)
    return 0
