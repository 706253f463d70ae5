"""``import-meps``: the EP's MEP directory XML merged into meps.yml."""

import shutil
from pathlib import Path

import pytest
import yaml

from generator.commands.import_meps import import_meps
from generator.errors import InputError
from generator.read.side_files import read_directory
from tests.paths import FIXTURES, ROOT


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

    (tmp_path / "content").mkdir()
    meps_yml = write(tmp_path / "content" / "meps.yml", HAND_WRITTEN)

    def run(xml: Path):
        return subprocess.run(
            [sys.executable, "-m", "generator", "import-meps", str(xml), "--content", str(tmp_path / "content")],
            capture_output=True, text=True, encoding="utf-8", env={"PYTHONPATH": str(ROOT)},
        )

    bad = run(FIXTURES / "meps-malformed.xml")
    assert bad.returncode == 2
    assert bad.stderr.startswith(f"error: {FIXTURES / 'meps-malformed.xml'}:5: malformed XML")
    assert len(bad.stderr.splitlines()) == 1
    good = run(FIXTURES / "meps.xml")
    assert (good.returncode, good.stdout.strip()) == (
        0, f"{meps_yml}: added 2, updated 1 (from {FIXTURES / 'meps.xml'})"
    )
