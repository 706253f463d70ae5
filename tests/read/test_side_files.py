"""The side files of content/: meps.yml (generator.read.side_files)."""

from pathlib import Path

import pytest

from generator.errors import InputError
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
