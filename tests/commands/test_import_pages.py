"""``import``: saved pages and URLs into content/resolutions/<slug>/.

URLs are fetched from a server on 127.0.0.1 serving the fixture pages of
``tests/fixtures/pages`` (short reproductions of each layout, written for these tests):
no test reaches any other host.
"""

from __future__ import annotations

import datetime
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.commands.import_pages import (
    SITES,
    document_id,
    get_soup,
    import_pages,
    language_in_url,
    make_page,
    other_language_urls,
    page_to_text,
    site_of,
    slug_candidates,
)
from generator.errors import InputError
from tests.paths import FIXTURES

PAGES = FIXTURES / "pages"
GREENS_EN = PAGES / "greens_en.html"
GREENS_FR = PAGES / "greens_fr.html"
GREENS_SLUG = "2012-03-15-belarus-the-case-of-ales"
GREENS_EN_URL = "https://www.greens-efa.eu/en/article/document/belarus-the-case-of-ales-bialiatski"
GREENS_FR_URL = "https://www.greens-efa.eu/fr/article/document/belarus-the-case-of-ales-bialiatski"
DOCEO = "/doceo/document/{}_{}.html"
DOCEO_B_EN = "/doceo/document/B-7-2009-0069_EN.html"
DOCEO_B_FR = "/doceo/document/B-7-2009-0069_FR.html"
GETDOC = "/sides/getDoc.do?type=TA&reference=P8-TA-2015-0198&language={}"


# --------------------------------------------------------------------------- pure functions


@pytest.mark.parametrize(
    "url, lang, others",
    [
        (
            "https://www.europarl.europa.eu/doceo/document/RC-10-2025-0249_EN.html",
            "en",
            {"fr": "https://www.europarl.europa.eu/doceo/document/RC-10-2025-0249_FR.html"},
        ),
        (
            "https://www.europarl.europa.eu/doceo/document/TA-7-2014-0206_FR.html",
            "fr",
            {"en": "https://www.europarl.europa.eu/doceo/document/TA-7-2014-0206_EN.html"},
        ),
        (
            "http://www.europarl.europa.eu/sides/getDoc.do?reference=P7-TA-2014-0206&type=TA&language=EN",
            "en",
            {"fr": "http://www.europarl.europa.eu/sides/getDoc.do?reference=P7-TA-2014-0206&type=TA&language=FR"},
        ),
        ("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52015IP0198", "en", {}),
        (GREENS_EN_URL, None, {}),
    ],
)
def test_the_other_language_of_a_parliament_document_page(url, lang, others):
    assert language_in_url(url) == lang
    assert other_language_urls(url, lang or "en") == others


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.europarl.europa.eu/doceo/document/A-9-2024-0163_EN.html", "A-9-2024-0163"),
        ("http://www.europarl.europa.eu/sides/getDoc.do?reference=P7-TA-2014-0206&type=TA&language=EN", "TA-7-2014-0206"),
        ("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52015IP0198", ""),
    ],
)
def test_a_parliament_url_names_its_document_whatever_the_page(url, expected):
    assert document_id(url) == expected


@pytest.mark.parametrize(
    "date, title, first",
    [
        ("2014-03-11", "Eradication of torture in the world", "2014-03-11-eradication-of-torture"),
        ("2025-05-07", "The return of Ukrainian children forcibly transferred", "2025-05-07-return-of-ukrainian-children-forcibly"),
        ("2019-12-19", "La situation des Ouïghours en Chine (China Cables)", "2019-12-19-situation-des-ouighours-en-chine"),
        ("2015-06-01", "L’accueil des réfugiés dans l’Union", "2015-06-01-accueil-des-refugies"),
        ("2020-07-06", "The EU’s public health strategy post-COVID-19", "2020-07-06-eu-public-health-strategy-post"),
    ],
)
def test_a_slug_is_the_date_and_a_few_title_words(date, title, first):
    candidates = slug_candidates(datetime.date.fromisoformat(date), title)
    assert next(candidates) == first


def test_a_taken_slug_grows_by_title_words_then_by_number():
    candidates = slug_candidates(datetime.date(2014, 3, 11), "Eradication of torture in the world today")
    assert [next(candidates) for _ in range(4)] == [
        "2014-03-11-eradication-of-torture",
        "2014-03-11-eradication-of-torture-in-the-world",
        "2014-03-11-eradication-of-torture-in-the-world-today",
        "2014-03-11-eradication-of-torture-in-the-world-today-2",
    ]


def test_an_http_address_of_the_parliament_is_fetched_as_https_and_other_sites_are_refused():
    old_page = "http://www.europarl.europa.eu/sides/getDoc.do?reference=P7-TA-2014-0206&type=TA&language=EN"
    assert site_of(old_page, SITES) == ("https" + old_page[4:], "https://www.europarl.europa.eu/")
    with pytest.raises(InputError, match="not a page of"):
        site_of("https://www.europarl.europa.eu.example.org/doceo/document/TA-7-2014-0206_EN.html", SITES)


def test_the_page_as_text_keeps_the_words_and_drops_scripts_and_styles():
    soup = get_soup(
        b"<html><head><style>p{}</style><script>var x = 1;</script></head><body>"
        b"<h1>Title</h1><p>A.<span> </span>whereas <a href='/x'>this</a>;</p><noscript>enable it</noscript></body></html>",
        "page.html",
    )
    assert page_to_text(soup) == "# Title\n\nA. whereas [this](/x);\n"


def test_a_page_is_decoded_as_its_meta_element_says():
    # Saved as Windows-1252, as its <meta> says: the dashes are dashes.
    page = make_page((PAGES / "getdoc-ta_EN.html").read_bytes(), "getdoc-ta_EN.html", "")
    assert "\n– having regard to its resolution of 5 February 2013 on improving access to finance for SMEs(1),\n" in page.text


@pytest.mark.parametrize("data", [b"%PDF-1.4\n...", b"having regard to its resolution,\n", b"", b"<<>>"])
def test_what_is_not_html_is_refused(data):
    with pytest.raises(InputError, match="not an HTML page"):
        get_soup(data, "page")


# --------------------------------------------------------------------------- a server on 127.0.0.1


@dataclass
class PageServer:
    """Serves fixture pages at the paths of the real sites; anything else is a 404."""

    base: str
    routes: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Path with query -> (fixture file in tests/fixtures/pages, Content-Type)."""
    requested: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, fixture: str, content_type: str = "text/html; charset=UTF-8") -> str:
        self.routes[path] = (fixture, content_type)
        return self.url(path)


@pytest.fixture
def server(monkeypatch, sites) -> Iterator[PageServer]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # never through a proxy, whatever the environment says
    state: dict[str, PageServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            pages = state["server"]
            pages.requested.append(self.path)
            if self.path not in pages.routes:
                self.send_error(404, "Not Found")
                return
            fixture, content_type = pages.routes[self.path]
            body = (PAGES / fixture).read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # quiet
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state["server"] = PageServer(f"http://127.0.0.1:{httpd.server_address[1]}")
    sites.append(state["server"].base + "/")
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state["server"]
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: the connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/doceo/document/TA-9-2019-0110_EN.html"


# --------------------------------------------------------------------------- the command


@dataclass
class Run:
    status: int
    out: list[str]
    err: list[str]


@pytest.fixture
def sites() -> list[str]:
    """The sites import may fetch from in a test: the real ones (never reached), and the
    test's server on 127.0.0.1 once it runs."""
    return list(SITES)


@pytest.fixture
def run_import(tmp_path, capsys, sites):
    content = tmp_path / "content"

    def run(*arguments: str | Path) -> Run:
        sources = [str(a) for a in arguments if a != "--force"]
        status = import_pages(sources, content, force="--force" in arguments, sites=sites)
        captured = capsys.readouterr()
        return Run(status, captured.out.splitlines(), captured.err.splitlines())

    run.content = content  # type: ignore[attr-defined]
    return run


def test_the_command_line_imports_a_saved_page(tmp_path, capsys):
    content = tmp_path / "content"
    assert main(["import", str(GREENS_EN), "--content", str(content), "--quiet"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"wrote {content / 'resolutions' / GREENS_SLUG / 'en.txt'} (from {GREENS_EN})"


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_saved_page_becomes_a_text_and_its_meta_yml(run_import):
    result = run_import(GREENS_EN)
    folder = run_import.content / "resolutions" / GREENS_SLUG
    assert (result.status, result.err) == (0, [])
    assert result.out == [
        f"wrote {folder / 'en.txt'} (from {GREENS_EN})",
        f"wrote {folder / 'meta.yml'} (from {GREENS_EN})",
    ]
    text = (folder / "en.txt").read_text(encoding="utf-8")
    assert "\n[Publication](/en/documents) | 15.03.2012\n" in text
    assert "\n* having regard to its previous resolutions on Belarus, in particular that of 16 February 2012,\n" in text
    assert "window.dataLayer" not in text and ".teaser" not in text
    # The saved page says where it comes from: meta.yml keeps it.
    assert yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8")) == {"source": {"en": GREENS_EN_URL}}


def test_the_english_and_french_pages_of_one_text_go_into_one_folder(run_import):
    result = run_import(GREENS_FR, GREENS_EN)
    assert result.status == 0
    folder = run_import.content / "resolutions" / GREENS_SLUG  # from the English title
    assert sorted(files_under(run_import.content)) == [
        f"resolutions/{GREENS_SLUG}/{name}" for name in ("en.txt", "fr.txt", "meta.yml")
    ]
    meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))
    assert meta == {"source": {"en": GREENS_EN_URL, "fr": GREENS_FR_URL}}


def test_importing_again_changes_nothing(run_import):
    assert run_import(GREENS_EN).status == 0
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in run_import.content.rglob("*.*")}
    result = run_import(GREENS_EN)
    assert result.status == 0
    assert all(line.startswith("unchanged ") for line in result.out) and len(result.out) == 2
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in run_import.content.rglob("*.*")} == before


def test_a_changed_file_is_never_overwritten_without_force(run_import):
    assert run_import(GREENS_EN).status == 0
    text_file = run_import.content / "resolutions" / GREENS_SLUG / "en.txt"
    text_file.write_text(text_file.read_text(encoding="utf-8") + "corrected by hand\n", encoding="utf-8")
    edited = text_file.read_bytes()

    refused = run_import(GREENS_EN)
    assert refused.status == 2
    assert refused.err == [f"error: {text_file}: differs from the page {GREENS_EN}; --force overwrites it"]
    assert refused.out == []
    assert text_file.read_bytes() == edited

    forced = run_import(GREENS_EN, "--force")
    assert forced.status == 0
    assert forced.out == [f"wrote {text_file} (from {GREENS_EN})", f"unchanged {text_file.parent / 'meta.yml'}"]
    assert b"corrected by hand" not in text_file.read_bytes()


def test_meta_yml_keeps_its_other_keys_and_refuses_a_different_source(run_import):
    folder = run_import.content / "resolutions" / GREENS_SLUG
    folder.mkdir(parents=True)
    meta = folder / "meta.yml"
    # The folder of the document (its French page's address), which says another English one.
    meta.write_text(
        f"# kept\ntags: [belarus]\nsource:\n  en: https://example.org/elsewhere\n  fr: {GREENS_FR_URL}\n", encoding="utf-8"
    )
    refused = run_import(GREENS_EN)
    assert refused.status == 2
    assert refused.err == [f"error: {meta}: gives source: en otherwise than the page; --force overwrites it"]
    assert not (folder / "en.txt").exists()

    assert run_import(GREENS_EN, "--force").status == 0
    assert meta.read_text(encoding="utf-8").startswith("# kept\n")
    assert yaml.safe_load(meta.read_text(encoding="utf-8")) == {
        "tags": ["belarus"], "source": {"en": GREENS_EN_URL, "fr": GREENS_FR_URL}
    }


def test_an_import_goes_on_into_the_folder_that_holds_the_document(run_import):
    # The slug is permanent: a folder whose meta.yml names the page keeps it.
    folder = run_import.content / "resolutions" / "2012-03-15-bialiatski"
    folder.mkdir(parents=True)
    (folder / "meta.yml").write_text(f"source:\n  en: {GREENS_EN_URL}\n", encoding="utf-8")
    assert run_import(GREENS_EN).status == 0
    assert sorted(files_under(run_import.content)) == [
        "resolutions/2012-03-15-bialiatski/en.txt", "resolutions/2012-03-15-bialiatski/meta.yml"
    ]


def test_a_slug_held_by_another_text_grows_by_a_title_word(run_import):
    other = run_import.content / "resolutions" / GREENS_SLUG
    other.mkdir(parents=True)
    (other / "en.txt").write_text("another text\n", encoding="utf-8")
    result = run_import(GREENS_EN)
    assert result.status == 0
    assert (run_import.content / "resolutions" / f"{GREENS_SLUG}-bialiatski" / "en.txt").is_file()
    assert (other / "en.txt").read_text(encoding="utf-8") == "another text\n"


def test_a_fetched_page_is_written_with_its_url(run_import, server):
    url = server.serve("/en/article/document/belarus-the-case-of-ales-bialiatski", "greens_en.html")
    result = run_import(url)
    assert result.status == 0
    folder = run_import.content / "resolutions" / GREENS_SLUG
    assert result.out[0] == f"wrote {folder / 'en.txt'} (from {url})"
    assert (folder / "en.txt").read_text(encoding="utf-8") == make_page(GREENS_EN.read_bytes(), str(GREENS_EN), "").text
    assert yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8")) == {"source": {"en": url}}
    assert server.requested == ["/en/article/document/belarus-the-case-of-ales-bialiatski"]


def test_a_parliament_url_brings_the_other_language_page_of_the_document(run_import, server):
    url = server.serve(DOCEO_B_EN, "doceo-b_EN.html")
    server.serve(DOCEO_B_FR, "doceo-b_FR.html")
    result = run_import(url)
    assert result.status == 0, result.err
    assert server.requested == [DOCEO_B_EN, DOCEO_B_FR]
    [folder] = (run_import.content / "resolutions").iterdir()
    assert folder.name.startswith("2009-09-14-")
    assert sorted(files_under(folder)) == ["en.txt", "fr.txt", "meta.yml"]
    assert "sur le cas de Yevgeni Zhovtis au Kazakhstan" in (folder / "fr.txt").read_text(encoding="utf-8")
    meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))
    assert meta["source"] == {"en": url, "fr": server.url(DOCEO_B_FR)}


def test_a_page_missing_in_the_other_language_is_said_and_left_out(run_import, server):
    url = server.serve(DOCEO_B_EN, "doceo-b_EN.html")
    result = run_import(url)
    assert result.status == 0
    assert result.out[0] == f"no French page: {server.url(DOCEO_B_FR)} (HTTP 404 Not Found)"
    [folder] = (run_import.content / "resolutions").iterdir()
    assert sorted(files_under(folder)) == ["en.txt", "meta.yml"]


def test_the_older_getdoc_page_brings_its_other_language_and_its_encoding_is_read(run_import, server):
    url = server.serve(GETDOC.format("EN"), "getdoc-ta_EN.html", "text/html")
    server.serve(GETDOC.format("FR"), "getdoc-ta_FR.html", "text/html; charset=UTF-8")
    result = run_import(url)
    assert result.status == 0, result.err
    assert server.requested == [GETDOC.format("EN"), GETDOC.format("FR")]
    [folder] = (run_import.content / "resolutions").iterdir()
    assert "\n– having regard to its resolution of 5 February 2013" in (folder / "en.txt").read_text(encoding="utf-8")
    assert "\n– vu sa résolution du 5 février 2013" in (folder / "fr.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "source, message",
    [
        ("{server}/doceo/document/TA-9-2019-0999_EN.html", "{source}: HTTP 404 Not Found"),
        ("{server}/pdf", "{source}: not an HTML page"),
        ("{closed}", "{source}: cannot fetch: [Errno 111] Connection refused"),
        ("https://example.org/doceo/document/TA-7-2014-0206_EN.html", "{source}: not a page of https://www.europarl.europa.eu/"),
        ("ftp://example.org/page.html", "{source}: expected a saved HTML page or an http(s):// URL"),
        (str(PAGES / "not-a-page.pdf"), "{source}: not an HTML page"),
        (str(PAGES / "not-a-page.txt"), "{source}: not an HTML page"),
        (str(PAGES / "no-such-page.html"), "{source}: cannot read file: No such file or directory"),
        (str(PAGES / "eurlex-info_EN.html"), "{source}: no text of a resolution in it ("),
    ],
)
def test_a_page_it_cannot_read_is_one_line_exit_2_and_nothing_written(run_import, server, sites, source, message):
    server.serve("/pdf", "not-a-page.pdf", "application/pdf")
    closed = closed_port_url()
    sites.append(closed.split("/doceo/")[0] + "/")
    source = source.format(server=server.base, closed=closed)
    # With a good page before it: nothing is written at all.
    result = run_import(GREENS_EN, source)
    assert result.status == 2
    assert result.out == []
    [line] = result.err
    assert line.startswith("error: " + message.format(source=source))
    assert not run_import.content.exists()


# --------------------------------------------------------------------------- the Parliament's and EUR-Lex's layouts

@pytest.mark.parametrize(
    "document, fixture, languages, slug, reference, procedure",
    [
        ("TA-7-2014-0206", "doceo-ta", ("EN", "FR"), "2014-03-11-eradication-of-torture", "P7_TA(2014)0206", "2013/2169(INI)"),
        ("RC-9-2019-0246", "doceo-rc", ("EN", "FR"), "2019-12-17-situation-of-the-uyghurs", "RC-B9-0246/2019", "2019/2945(RSP)"),
        ("A-9-2022-0100", "doceo-a", ("EN",), "2022-03-24-protection-of-journalists", "A9-0100/2022", "2021/2200(INI)"),
    ],
)
def test_a_parliament_document_goes_into_the_folder_of_its_date_and_title(
    run_import, server, document, fixture, languages, slug, reference, procedure
):
    urls = {lang.lower(): server.serve(DOCEO.format(document, lang), f"{fixture}_{lang}.html") for lang in languages}
    result = run_import(urls["en"])
    assert result.status == 0, result.err
    folder = run_import.content / "resolutions" / slug
    assert sorted(files_under(run_import.content)) == sorted(
        [f"resolutions/{slug}/{lang}.txt" for lang in urls] + [f"resolutions/{slug}/meta.yml"]
    )
    meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))
    assert meta == {"reference": reference, "procedure": procedure, "source": urls}


def test_a_eurlex_page_is_named_by_the_date_of_the_text_not_of_the_official_journal(run_import, server):
    url = server.serve("/legal-content/EN/TXT/?uri=CELEX:52015IP0198", "eurlex-oj_EN.html")
    result = run_import(url)
    assert result.status == 0, result.err
    assert server.requested == ["/legal-content/EN/TXT/?uri=CELEX:52015IP0198"]  # not a Parliament page: no other language
    folder = run_import.content / "resolutions" / "2015-05-19-green-growth-opportunities-for-smes"
    assert yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8")) == {
        "reference": "P8_TA(2015)0198", "procedure": "2014/2209(INI)", "source": {"en": url},
    }


def test_two_english_pages_of_one_document_are_refused(run_import):
    # The Parliament's page and EUR-Lex's of the same text adopted (P8_TA(2015)0198): which is the text?
    result = run_import(PAGES / "getdoc-ta_EN.html", PAGES / "eurlex-oj_EN.html")
    assert result.status == 2
    assert result.err == [
        f"error: {PAGES / 'eurlex-oj_EN.html'}: a second English page of one document"
        f" (the first: {PAGES / 'getdoc-ta_EN.html'})"
    ]
    assert not run_import.content.exists()
