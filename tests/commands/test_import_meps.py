"""``import-meps``: the EP's MEP directory XML and its Member pages (files or URLs,
fetched from a server on 127.0.0.1) merged into meps.yml."""

from __future__ import annotations

import contextlib
import html
import http.server
import io
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator import cli
from generator.commands import import_meps as import_meps_module
from generator.commands.import_meps import import_meps
from generator.errors import InputError
from generator.model import Office
from generator.read import web
from generator.read.member_pages import normalise
from generator.read.side_files import read_directory
from tests.paths import FIXTURES, ROOT

PAGES = FIXTURES / "member_pages"
HOME = PAGES / "current-member-home.html"
FORMER = PAGES / "former-member.html"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


HAND_WRITTEN = """\
# People of our texts. Comments at the top are kept by import-meps.
- name: LOCHBIHLER Barbara
  kind: mep
  group: Greens/EFA
  website: https://lochbihler.example.org/
  email: ''
- name: Paolo Bergamaschi
  kind: staff
  role: Advisor on Foreign Affairs
"""


# -- the directory XML -------------------------------------------------------------------


def test_import_adds_new_people_and_fills_only_empty_keys(tmp_path, capsys):
    meps_yml = write(tmp_path / "meps.yml", HAND_WRITTEN)
    assert import_meps([FIXTURES / "meps.xml"], meps_yml) == 0
    assert "added 2, updated 1" in capsys.readouterr().out
    text = meps_yml.read_text(encoding="utf-8")
    assert text.startswith("# People of our texts. Comments at the top are kept by import-meps.\n")
    entries = yaml.safe_load(text)
    # Existing entries first, in their order; then new ones sorted by name (surname, first name).
    assert [e["name"] for e in entries] == [
        "LOCHBIHLER Barbara", "Paolo Bergamaschi", "Anna van den Berg", "Werner Schulz",
    ]
    barbara = entries[0]
    assert barbara["group"] == "Greens/EFA"  # set by hand: kept
    assert barbara["website"] == "https://lochbihler.example.org/"  # set by hand: kept
    assert barbara["country"] == "Germany"  # absent: filled
    assert barbara["ep_id"] == "96736"
    assert barbara["national_party"] == "Bündnis 90/Die Grünen"
    werner = entries[3]
    # No website: the person page links to the Member's page on the Parliament's site by
    # ep_id; ``website`` is the Member's own, which a home page gives.
    assert werner == {
        "name": "Werner Schulz",
        "surname": "Schulz",
        "kind": "mep",
        "country": "Germany",
        "group": "Group of the Greens/European Free Alliance",
        "national_party": "Bündnis 90/Die Grünen",
        "ep_id": "96858",
    }
    assert entries[2]["surname"] == "van den Berg"
    read_directory(meps_yml)  # what it writes, it can read


def test_import_twice_changes_nothing_the_second_time(tmp_path, capsys):
    meps_yml = write(tmp_path / "meps.yml", HAND_WRITTEN)
    import_meps([FIXTURES / "meps.xml", HOME], meps_yml)
    first = meps_yml.read_text(encoding="utf-8")
    import_meps([FIXTURES / "meps.xml", HOME], meps_yml)
    assert meps_yml.read_text(encoding="utf-8") == first
    assert "added 0, updated 0" in capsys.readouterr().out.splitlines()[-1]


def test_import_into_a_new_directory(tmp_path):
    meps_yml = tmp_path / "meps.yml"
    import_meps([FIXTURES / "meps.xml"], meps_yml)
    assert len(read_directory(meps_yml)) == 3


def test_malformed_xml_names_the_file_and_line_and_leaves_meps_yml_alone(tmp_path):
    meps_yml = write(tmp_path / "meps.yml", HAND_WRITTEN)
    xml = shutil.copy(FIXTURES / "meps-malformed.xml", tmp_path / "list.xml")
    with pytest.raises(InputError) as raised:
        import_meps([xml], meps_yml)
    assert (raised.value.path, raised.value.line) == (str(xml), 5)
    assert str(raised.value).startswith(f"{xml}:5: malformed XML: mismatched tag")
    assert meps_yml.read_text(encoding="utf-8") == HAND_WRITTEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.xml", "meps.yml"]


def test_an_external_entity_in_the_xml_reads_no_file(tmp_path):
    secret = write(tmp_path / "secret.txt", "TOP-SECRET")
    xml = write(tmp_path / "list.xml", f"""<?xml version="1.0"?>
<!DOCTYPE meps [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>
<meps><mep><fullName>Anna &leak; BERG</fullName><id>1</id></mep></meps>
""")
    with pytest.raises(InputError) as raised:
        import_meps([xml], tmp_path / "meps.yml")
    assert str(raised.value) == f"{xml}:3: malformed XML: undefined entity &leak;"
    assert not (tmp_path / "meps.yml").exists()


def test_entities_that_grow_out_of_proportion_are_refused(tmp_path):
    levels = [f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 9)]
    xml = write(tmp_path / "list.xml", f"""<?xml version="1.0"?>
<!DOCTYPE meps [<!ENTITY e0 "laugh">{"".join(levels)}]>
<meps><mep><fullName>&e8;</fullName></mep></meps>
""")
    with pytest.raises(InputError, match="malformed XML: limit on input amplification factor"):
        import_meps([xml], tmp_path / "meps.yml")


# -- Member pages ------------------------------------------------------------------------


def test_a_home_page_fills_a_hand_written_entry_and_keeps_what_was_set_by_hand(tmp_path, capsys):
    meps_yml = write(tmp_path / "meps.yml", """\
- name: Aino Testinen
  email: aino@own-address.example
  social: {mastodon: "https://social.example/@aino", x: "https://x.example/aino-by-hand"}
  terms:
  - number: 9
    groups: [{name: Greens/EFA, from: 2019-07-02}]
""")
    import_meps([HOME], meps_yml)
    assert "added 0, updated 1" in capsys.readouterr().out
    [aino] = read_directory(meps_yml)
    assert aino.email == "aino@own-address.example"  # set by hand
    assert aino.ep_id == "990001"
    assert aino.social == {  # network by network: hand-set ones win
        "mastodon": "https://social.example/@aino",
        "x": "https://x.example/aino-by-hand",
        "facebook": "https://facebook.example/aino.testinen",
    }
    assert [office.label for office in aino.offices] == ["Brussels", "Strasbourg"]
    assert [office.dial for office in aino.offices] == ["+3222800001", "+33388100001"]
    # Term 9's groups were set by hand; term 10 is new.
    assert [(term.number, [g.name for g in term.groups]) for term in aino.terms] == [(10, []), (9, ["Greens/EFA"])]


def test_an_office_set_by_hand_in_the_flat_keys_is_kept_and_no_other_is_added(tmp_path):
    meps_yml = write(tmp_path / "meps.yml", "- name: Aino TESTINEN\n  office: ASP 01A001\n  phone: +32 2 28 99999\n")
    import_meps([HOME], meps_yml)
    [aino] = read_directory(meps_yml)
    assert aino.offices == (Office(address=("ASP 01A001",), phone="+32 2 28 99999"),)
    assert aino.website == "https://aino-testinen.example/"


def test_a_page_finds_its_member_by_id_whatever_the_name_says(tmp_path):
    meps_yml = write(tmp_path / "meps.yml", "- name: A. Testinen-Virtanen\n  ep_id: '990001'\n")
    import_meps([HOME], meps_yml)
    [aino] = read_directory(meps_yml)
    assert (aino.name, aino.country) == ("A. Testinen-Virtanen", "Finland")


def test_a_member_of_the_same_name_with_another_id_is_another_person(tmp_path, capsys):
    meps_yml = write(tmp_path / "meps.yml", "- name: Aino Testinen\n  ep_id: '123'\n")
    import_meps([HOME], meps_yml)
    assert "added 1, updated 0" in capsys.readouterr().out
    assert [(person.ep_id, len(person.offices)) for person in read_directory(meps_yml)] == [("123", 0), ("990001", 2)]


def test_two_pages_of_one_member_make_one_entry(tmp_path, capsys):
    history = tmp_path / "history.html"
    # Aino's term-10 history page: the home page's header, with the dated lists.
    html = HOME.read_text(encoding="utf-8").replace("/AINO_TESTINEN/home", "/AINO_TESTINEN/history/10")
    html = html.replace('<section class="mt-5 mb-3">', """<div id="status"><div class="es_meps-status">
<h4 class="es_title-h4">Political groups</h4>
<ul><li><strong>16-07-2024 ...</strong> : Group of the Greens/European Free Alliance - Member</li></ul>
</div></div><section class="mt-5 mb-3">""")
    write(history, html)
    meps_yml = tmp_path / "meps.yml"
    import_meps([HOME, history], meps_yml)
    assert "added 1, updated 0" in capsys.readouterr().out
    [aino] = read_directory(meps_yml)
    assert [(term.number, [(g.name, g.role) for g in term.groups]) for term in aino.terms] == [
        (10, [("Group of the Greens/European Free Alliance", "Member")]), (9, []),
    ]


def test_the_former_members_page_gives_no_office(tmp_path):
    meps_yml = tmp_path / "meps.yml"
    import_meps([FORMER], meps_yml)
    [maria] = read_directory(meps_yml)
    assert (maria.offices, maria.email) == ((), "")
    assert maria.group == "Group of the Progressive Alliance of Socialists and Democrats in the European Parliament"


def test_a_page_it_cannot_read_leaves_meps_yml_as_it_was(tmp_path):
    meps_yml = write(tmp_path / "meps.yml", HAND_WRITTEN)
    for sources in ([PAGES / "not-a-member-page.html"], [HOME, tmp_path / "missing.html"]):
        with pytest.raises(InputError):
            import_meps(sources, meps_yml)
        assert meps_yml.read_text(encoding="utf-8") == HAND_WRITTEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meps.yml"]


def run_command(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "import-meps", *args],
        capture_output=True, text=True, encoding="utf-8", env={"PYTHONPATH": str(ROOT)},
    )


def test_import_meps_command_line(tmp_path):
    (tmp_path / "content").mkdir()
    meps_yml = write(tmp_path / "content" / "meps.yml", HAND_WRITTEN)
    content = ["--content", str(tmp_path / "content")]

    bad = run_command(str(FIXTURES / "meps-malformed.xml"), *content)
    assert bad.returncode == 2
    assert bad.stderr.startswith(f"error: {FIXTURES / 'meps-malformed.xml'}:5: malformed XML")
    assert len(bad.stderr.splitlines()) == 1
    not_a_page = run_command(str(HOME), str(PAGES / "not-a-member-page.html"), *content)
    assert (not_a_page.returncode, len(not_a_page.stderr.splitlines())) == (2, 1)
    assert not_a_page.stderr.startswith(f"error: {PAGES / 'not-a-member-page.html'}: not a Member's page")
    assert meps_yml.read_text(encoding="utf-8") == HAND_WRITTEN
    good = run_command(str(FIXTURES / "meps.xml"), str(HOME), *content)
    assert (good.returncode, good.stdout.strip()) == (
        0, f"{meps_yml}: added 3, updated 1 (from {FIXTURES / 'meps.xml'}, {HOME})"
    )


# -- URLs, fetched from a server on 127.0.0.1 ----------------------------------------------


class MemberSite(http.server.BaseHTTPRequestHandler):
    """The Parliament's MEP site as the tests need it, under /meps/."""

    routes: dict[str, tuple[int, dict[str, str], bytes]] = {
        "/meps/en/990001": (301, {"Location": "/meps/en/990001/AINO_TESTINEN/home"}, b""),
        "/meps/en/990001/AINO_TESTINEN/home": (200, {"Content-Type": "text/html; charset=utf-8"}, HOME.read_bytes()),
        "/meps/en/990003": (200, {"Content-Type": "text/html"}, FORMER.read_bytes()),
        "/meps/en/404": (404, {}, b"gone"),
        "/meps/en/away": (302, {"Location": "https://elsewhere.example/meps/en/1"}, b""),
        "/meps/en/loop": (302, {"Location": "/meps/en/loop"}, b""),
        "/meps/en/large": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 5000),
    }
    requested: list[str] = []

    def do_GET(self):  # noqa: N802 - the stdlib's name
        self.requested.append(self.path)
        if self.path == "/meps/en/slow":
            time.sleep(1.5)
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="module")
def member_site():
    """The site's base URL (http://127.0.0.1:<port>/meps/), served by a thread."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), MemberSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/meps/"
    server.shutdown()
    server.server_close()


def test_a_url_is_fetched_following_redirects_inside_the_site(tmp_path, member_site, capsys):
    meps_yml = tmp_path / "meps.yml"
    import_meps([member_site + "en/990001", member_site + "en/990003"], meps_yml, site=member_site)
    aino, maria = read_directory(meps_yml)
    assert (aino.ep_id, len(aino.offices), aino.email) == ("990001", 2, "aino.testinen@europarl.example")
    assert (maria.ep_id, maria.offices) == ("990003", ())
    assert "added 2" in capsys.readouterr().out


@pytest.mark.parametrize(
    "path, complaint",
    [
        ("en/404", "HTTP 404 Not Found"),
        ("en/away", "redirected out of"),
        ("en/loop", "more than 5 redirects"),
        ("en/large", "larger than 1000 bytes"),
        ("en/slow", "no answer within 0.5 seconds"),
    ],
)
def test_a_page_that_cannot_be_fetched_is_one_error_naming_the_url(tmp_path, member_site, monkeypatch, path, complaint):
    monkeypatch.setattr(web, "MAX_PAGE_BYTES", 1000)
    monkeypatch.setattr(web, "TIMEOUT", web.httpx.Timeout(0.5))
    meps_yml = write(tmp_path / "meps.yml", HAND_WRITTEN)
    with pytest.raises(InputError) as raised:
        import_meps([member_site + path], meps_yml, site=member_site)
    assert raised.value.path == member_site + path
    assert complaint in raised.value.message
    assert meps_yml.read_text(encoding="utf-8") == HAND_WRITTEN


def test_a_url_outside_the_site_is_refused_before_any_request(tmp_path, member_site):
    MemberSite.requested.clear()
    other = member_site.replace("/meps/", "/other/") + "page"
    with pytest.raises(InputError) as raised:
        import_meps([other], tmp_path / "meps.yml", site=member_site)
    assert raised.value.message == f"not a page of {member_site}"
    assert MemberSite.requested == []
    with pytest.raises(InputError, match="not a page of https://www.europarl.europa.eu/meps/"):
        import_meps(["http://127.0.0.1:1/meps/en/1"], tmp_path / "meps.yml")


def test_the_command_line_fetches_urls_of_the_site(tmp_path, member_site, monkeypatch, capsys):
    monkeypatch.setattr(import_meps_module, "MEP_SITE", member_site)
    (tmp_path / "content").mkdir()
    assert cli.main(["import-meps", member_site + "en/990001", "--content", str(tmp_path / "content")]) == 0
    assert "added 1, updated 0" in capsys.readouterr().out
    assert cli.main(["import-meps", member_site + "en/404", "--content", str(tmp_path / "content")]) == 2
    assert capsys.readouterr().err == f"error: {member_site}en/404: HTTP 404 Not Found\n"


# -- what it writes, the build reads -----------------------------------------------------

ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


def member_page(values: dict) -> bytes:
    """A home page in the site's current layout holding ``values``, escaped as a page would."""
    e = {key: html.escape(value) if isinstance(value, str) else value for key, value in values.items()}
    address = "<br />".join(html.escape(line) for line in values["address"])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="canonical" href="https://www.europarl.europa.eu/meps/en/{values['ep_id']}/X/home"></head><body>
<div id="presentationmep"><span class="sln-member-name">{e['name']}</span>
<h3 class="es_title-h3 sln-political-group-name">{e['group']}</h3>
<a class="link_email" href="{e['email']}">E-mail</a>
<a class="link_{e['network']}" href="https://social.example/{e['handle']}">own account</a>
<a class="link_website" href="{e['website']}">Website</a>
<div class="es_title-h3 mt-1 mb-1">{e['country']} - {e['party']}</div></div>
<div class="es_contact-card"><div class="es_title-h3">{e['label']}</div>
<div class="es_contact-card-list"><span>{address}</span><a href="tel:{e['phone']}">{e['phone']}</a></div></div>
</body></html>""".encode("utf-8", "surrogatepass")


@settings(max_examples=150, deadline=None)
@example({
    "name": "Zoë O'NEILL-ÅSTRÖM", "group": 'Group "<b>" & co', "country": "Ireland", "party": "Party: yes # no",
    "label": "- Brussels", "address": ["Rue: 1", "B-1047 Bruxelles"], "phone": "0032 2 28 00000",
    "email": "ue[dot]lraporue[at]moortsa", "website": "https://example.org/?a=1&b=2", "network": "x",
    "handle": "zoë?q=1", "ep_id": "0012",
})
@given(
    st.fixed_dictionaries({
        "name": ANY_TEXT, "group": ANY_TEXT, "country": ANY_TEXT, "party": ANY_TEXT, "label": ANY_TEXT,
        "address": st.lists(ANY_TEXT, max_size=4), "phone": ANY_TEXT, "email": ANY_TEXT, "website": ANY_TEXT,
        "network": st.text("abcdefghijklmnopqrstuvwxyz_-0123456789", min_size=1, max_size=12),
        "handle": ANY_TEXT, "ep_id": st.from_regex(r"[0-9]{1,7}", fullmatch=True),
    })
)
def test_whatever_a_page_holds_import_meps_writes_a_directory_the_build_reads(values):
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        page.write_bytes(member_page(values))
        meps_yml = Path(folder) / "meps.yml"
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                import_meps([page], meps_yml)
        except InputError as error:
            # Only the page can be wrong (no name at all): never the file it would write.
            assert error.path == str(page), error
            assert not meps_yml.exists()
            return
        [person] = read_directory(meps_yml)
        if values["email"] == "ue[dot]lraporue[at]moortsa":  # the example above: every value kept
            assert (person.name, person.email, person.website) == ("Zoë O'Neill-Åström", "astroom@europarl.eu", values["website"])
            assert (person.offices[0].address, person.offices[0].dial) == (("Rue: 1", "B-1047 Bruxelles"), "+3222800000")
            assert person.social == {"x": "https://social.example/zoë?q=1"}
        assert person.ep_id == values["ep_id"]
        assert person.group == normalise(values["group"])
        assert all(network.strip() and url.startswith("https://") for network, url in person.social.items())
        for office in person.offices:
            assert office.label == normalise(values["label"])
