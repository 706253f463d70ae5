"""The side files of content/: meps.yml and meta.yml (generator.read.side_files)."""

import datetime
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.model import Membership, Office
from generator.read.side_files import read_directory, read_meta
from tests.paths import CONTENT


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "entry, complaint",
    [
        ("- name: A B\n  twitter: x\n", "entry 1 (A B): unknown key 'twitter'"),
        ("- kind: mep\n", "entry 1: 'name' is required"),
        ("- name: A B\n  email: not-an-address\n", "email: not an e-mail address"),
        ("- name: A B\n  phone: call me\n", "phone: expected digits"),
        ("- name: A B\n  website: javascript:alert(1)\n", "website: expected an http(s):// URL"),
        ("- name: A B\n  social: {mastodon: 'javascript:alert(1)'}\n", "social: mastodon: expected an http(s)"),
        ("- name: A B\n  kind: lobbyist\n", "kind: expected one of mep, staff"),
        ("- name: A B\n  ep_id: '../1'\n", "ep_id: expected the Parliament's number"),
        ("- name: A B\n  offices: Brussels\n", "offices: expected a list of offices, each a mapping"),
        ("- name: A B\n  offices: [{label: X, room: 1}]\n", "offices: 1: unknown key 'room'"),
        ("- name: A B\n  offices: [{label: X}]\n", "offices: 1: expected an address or a phone number"),
        ("- name: A B\n  offices: [{phone: call me}]\n", "offices: 1: phone: expected digits"),
        ("- name: A B\n  offices: [{address: {street: x}}]\n", "offices: 1: address: expected lines of text"),
        ("- name: A B\n  terms: [{number: ten}]\n", "terms: number: expected the term's number"),
        ("- name: A B\n  terms: [{number: true}]\n", "terms: number: expected the term's number"),
        ("- name: A B\n  terms: [{number: 9, groups: [{from: 2019-07-02}]}]\n", "terms: 9: groups: 'name' is required"),
        ("- name: A B\n  terms: [{number: 9, groups: [{name: G, to: soon}]}]\n", "terms: 9: groups: to: expected a date"),
    ],
)
def test_directory_errors_name_the_file_and_the_entry(tmp_path, entry, complaint):
    path = write(tmp_path / "meps.yml", entry)
    with pytest.raises(InputError) as raised:
        read_directory(path)
    assert raised.value.path == str(path)
    assert complaint in raised.value.message


def test_the_bundled_directory_is_valid():
    assert len(read_directory(CONTENT / "meps.yml")) == 4


def test_offices_terms_and_the_flat_office_keys_are_read(tmp_path):
    path = write(tmp_path / "meps.yml", """\
- name: Juan Fernando LÓPEZ AGUILAR
  office: ASP 01A001
  phone: +32 2 28 00000
  offices:
  - label: Strasbourg
    address: |
      Bât. LOUISE WEISS

      F-67070 Strasbourg Cedex
  terms:
  - number: 9
  - number: 10
    groups:
    - {name: Group X, from: 2024-07-16, role: Chair}
    - {name: Group Y, from: '2019-07-02', to: 2024-07-15}
""")
    [person] = read_directory(path)
    assert (person.name, person.surname) == ("Juan Fernando López Aguilar", "López Aguilar")
    assert person.offices == (
        Office(address=("ASP 01A001",), phone="+32 2 28 00000"),
        Office(label="Strasbourg", address=("Bât. LOUISE WEISS", "F-67070 Strasbourg Cedex")),
    )
    assert person.offices[1].postal_parts == (("Bât. LOUISE WEISS",), "F-67070", "Strasbourg Cedex")
    assert [term.number for term in person.terms] == [10, 9]  # newest first
    assert person.terms[0].groups == (
        Membership("Group X", datetime.date(2024, 7, 16), None, "Chair"),
        Membership("Group Y", datetime.date(2019, 7, 2), datetime.date(2024, 7, 15)),
    )
    assert person.terms[0].years == (2024, 2029)


def test_a_surname_set_by_hand_wins(tmp_path):
    path = write(tmp_path / "meps.yml", "- name: Anna van den Berg\n- name: Peter van Dalen\n  surname: Dalen\n")
    assert [person.surname for person in read_directory(path)] == ["van den Berg", "Dalen"]


def test_meta_corrects_title_date_and_type_per_language(tmp_path):
    import datetime

    from generator.read.side_files import read_meta
    from tests.factories import make_version

    path = write(tmp_path / "meta.yml", (
        "title: {en: Uyghurs in China, fr: Les Ouïgours en Chine}\n"
        "date: 2019-12-19\n"
        "doc_type: Joint motion for a resolution\n"
        "reference: RC-B9-0246/2019\n"
    ))
    meta = read_meta(path)
    english = meta.correct(make_version("2019-12-18-x", "en", title="Index", doc_type="Full text"))
    french = meta.correct(make_version("2019-12-18-x", "fr", title="Index"))
    assert (english.title, english.date, english.doc_type, english.reference) == (
        "Uyghurs in China", datetime.date(2019, 12, 19), "Joint motion for a resolution", "RC-B9-0246/2019",
    )
    assert (french.title, french.doc_type) == ("Les Ouïgours en Chine", "Joint motion for a resolution")
    untouched = make_version("2019-12-18-x", "en")
    from generator.model import Meta

    assert Meta().correct(untouched) is untouched


@pytest.mark.parametrize(
    "text, complaint",
    [
        ("title: {de: Titel}\n", "title: unknown language 'de'"),
        ("title: [a, b]\n", "title: expected a text, or one text per language (en, fr)"),
        ("date: yesterday\n", "date: expected a date YYYY-MM-DD, got 'yesterday'"),
        ("subject: x\n", "unknown key 'subject'"),
    ],
)
def test_meta_errors_name_the_file(tmp_path, text, complaint):
    from generator.read.side_files import read_meta

    path = write(tmp_path / "meta.yml", text)
    with pytest.raises(InputError) as raised:
        read_meta(path)
    assert raised.value.path == str(path)
    assert complaint in raised.value.message


def test_meta_source_is_the_imported_page_of_each_language(tmp_path):
    path = write(tmp_path / "meta.yml", (
        "reference: P7_TA(2014)0206\n"
        "source:\n"
        "  en: https://www.europarl.europa.eu/doceo/document/TA-7-2014-0206_EN.html\n"
        "  fr: https://www.europarl.europa.eu/doceo/document/TA-7-2014-0206_FR.html\n"
    ))
    meta = read_meta(path)
    assert meta.reference == "P7_TA(2014)0206"
    assert meta.source == {
        "en": "https://www.europarl.europa.eu/doceo/document/TA-7-2014-0206_EN.html",
        "fr": "https://www.europarl.europa.eu/doceo/document/TA-7-2014-0206_FR.html",
    }


@pytest.mark.parametrize(
    "source, complaint",
    [
        ("source: https://example.org/page\n", "source: expected a mapping language -> URL"),
        ("source: {de: 'https://example.org/page'}\n", "source: unknown language 'de'"),
        ("source: {en: 'javascript:alert(1)'}\n", "source: en: expected an http(s):// URL"),
    ],
)
def test_meta_source_errors_name_the_file(tmp_path, source, complaint):
    path = write(tmp_path / "meta.yml", source)
    with pytest.raises(InputError) as raised:
        read_meta(path)
    assert raised.value.path == str(path)
    assert complaint in raised.value.message


def test_the_corrections_reach_the_read_content(tmp_path):
    from generator.read.content import load_content

    folder = tmp_path / "resolutions" / "2012-03-07-x"
    folder.mkdir(parents=True)
    write(folder / "en.txt", "Index\n\nThe European Parliament,\n\n1. Condemns.\n")
    write(folder / "meta.yml", "title: Kazakhstan\n")
    [document] = load_content(tmp_path).documents
    assert document.versions["en"].title == "Kazakhstan"


