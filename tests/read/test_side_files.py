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


def test_the_corrections_reach_the_read_content(tmp_path):
    from generator.read.content import load_content

    folder = tmp_path / "resolutions" / "2012-03-07-x"
    folder.mkdir(parents=True)
    write(folder / "en.txt", "Index\n\nThe European Parliament,\n\n1. Condemns.\n")
    write(folder / "meta.yml", "title: Kazakhstan\n")
    [document] = load_content(tmp_path).documents
    assert document.versions["en"].title == "Kazakhstan"
