"""Names, the directory (meps.yml) and import-meps."""

import shutil
from pathlib import Path

import pytest
import yaml

from generator.errors import InputError
from generator.link.people import display_name, import_meps, link_people, name_key, read_directory
from tests.builders import make_document, make_version

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    "printed, shown",
    [
        ("SCHULZ Werner", "Werner Schulz"),
        ("Werner SCHULZ", "Werner Schulz"),
        ("VAN DEN BERG Anna", "Anna van den Berg"),
        ("MÜLLER-LÜDENSCHEIDT Jean-Luc", "Jean-Luc Müller-Lüdenscheidt"),
        ("Lochbihler Barbara", "Lochbihler Barbara"),  # no capitals, no clue to the order
        ("Barbara  Lochbihler", "Barbara Lochbihler"),
    ],
)
def test_display_name_is_firstname_lastname(printed, shown):
    assert display_name(printed) == shown


@pytest.mark.parametrize("printed", ["SCHULZ Werner", "schulz werner", "Werner Schulz", "Wérner SCHULZ"])
def test_name_key_ignores_case_accents_and_order(printed):
    assert name_key(printed) == name_key("Werner Schulz")


def test_two_people_with_the_same_slug_get_a_suffix():
    directory = [{"name": "Anna Berg", "kind": "mep"}, {"name": "Anna-Berg", "kind": "staff"}]
    people = link_people([], directory).people
    assert [(p.slug, p.kind) for p in people] == [("anna-berg", "mep"), ("anna-berg-2", "staff")]


def test_unmatched_names_in_texts_get_one_person_each():
    version = make_version("2012-01-01-x", meps=("SCHULZ Werner", "Lochbihler Barbara"), contacts=("werner schulz",))
    links = link_people([make_document("2012-01-01-x", version)], [])
    assert [(p.slug, p.name, p.in_directory) for p in links.people] == [
        ("lochbihler-barbara", "Lochbihler Barbara", False),
        ("werner-schulz", "Werner Schulz", False),
    ]
    assert links.contact_for == {"werner-schulz": ("2012-01-01-x",)}
    assert [p.message for p in links.problems] == [
        "unmatched person: SCHULZ Werner",
        "unmatched person: Lochbihler Barbara",
        "unmatched person: werner schulz",
    ]


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


def test_a_full_directory_entry_is_accepted(tmp_path):
    path = write(tmp_path / "meps.yml", """\
- name: Barbara Lochbihler
  kind: mep
  email: barbara.lochbihler@europarl.europa.eu
  phone: +32 2 28 45000
  website: https://www.europarl.europa.eu/meps/en/96736
  social: {mastodon: "https://eupolicy.social/@example"}
""")
    [entry] = read_directory(path)
    [person] = link_people([], [entry]).people
    assert person.social == {"mastodon": "https://eupolicy.social/@example"}
    assert person.phone == "+32 2 28 45000"


def test_the_bundled_directory_is_valid():
    assert len(read_directory(Path(__file__).parent.parent / "content" / "meps.yml")) == 4


# -- import-meps -------------------------------------------------------------------------

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


def test_import_adds_new_people_and_fills_only_empty_keys(tmp_path, capsys):
    meps_yml = write(tmp_path / "meps.yml", HAND_WRITTEN)
    assert import_meps(FIXTURES / "meps.xml", meps_yml) == 0
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
    assert werner == {
        "name": "Werner Schulz",
        "kind": "mep",
        "country": "Germany",
        "group": "Group of the Greens/European Free Alliance",
        "national_party": "Bündnis 90/Die Grünen",
        "ep_id": "96858",
        "website": "https://www.europarl.europa.eu/meps/en/96858",
    }
    read_directory(meps_yml)  # what it writes, it can read


def test_import_twice_changes_nothing_the_second_time(tmp_path, capsys):
    meps_yml = write(tmp_path / "meps.yml", HAND_WRITTEN)
    import_meps(FIXTURES / "meps.xml", meps_yml)
    first = meps_yml.read_text(encoding="utf-8")
    import_meps(FIXTURES / "meps.xml", meps_yml)
    assert meps_yml.read_text(encoding="utf-8") == first
    assert "added 0, updated 0" in capsys.readouterr().out.splitlines()[-1]


def test_import_into_a_new_directory(tmp_path):
    meps_yml = tmp_path / "meps.yml"
    import_meps(FIXTURES / "meps.xml", meps_yml)
    assert len(read_directory(meps_yml)) == 3


def test_malformed_xml_names_the_file_and_line_and_leaves_meps_yml_alone(tmp_path):
    meps_yml = write(tmp_path / "meps.yml", HAND_WRITTEN)
    xml = shutil.copy(FIXTURES / "meps-malformed.xml", tmp_path / "list.xml")
    with pytest.raises(InputError) as raised:
        import_meps(xml, meps_yml)
    assert (raised.value.path, raised.value.line) == (str(xml), 5)
    assert str(raised.value).startswith(f"{xml}:5: malformed XML: mismatched tag")
    assert meps_yml.read_text(encoding="utf-8") == HAND_WRITTEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.xml", "meps.yml"]


def test_import_meps_command_line(tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    (tmp_path / "content").mkdir()
    meps_yml = write(tmp_path / "content" / "meps.yml", HAND_WRITTEN)

    def run(xml: Path):
        return subprocess.run(
            [sys.executable, "-m", "generator", "import-meps", str(xml), "--content", str(tmp_path / "content")],
            capture_output=True, text=True, encoding="utf-8", env={"PYTHONPATH": str(root)},
        )

    bad = run(FIXTURES / "meps-malformed.xml")
    assert bad.returncode == 2
    assert bad.stderr.startswith(f"error: {FIXTURES / 'meps-malformed.xml'}:5: malformed XML")
    assert len(bad.stderr.splitlines()) == 1
    good = run(FIXTURES / "meps.xml")
    assert (good.returncode, good.stdout.strip()) == (
        0, f"{meps_yml}: added 2, updated 1 (from {FIXTURES / 'meps.xml'})"
    )
