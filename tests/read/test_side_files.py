"""The side files of content/: meps.yml (generator.read.side_files)."""

import datetime
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.model import Membership, Office
from generator.read.side_files import read_directory
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
