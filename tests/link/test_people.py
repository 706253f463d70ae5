"""Names printed in texts matched to the people of meps.yml (generator.link.people)."""

from generator.link.people import link_people
from generator.model import Person
from generator.read.side_files import read_directory
from tests.factories import make_document, make_version


def test_two_people_with_the_same_slug_get_a_suffix():
    directory = [Person("", "Anna Berg", kind="mep"), Person("", "Anna-Berg", kind="staff")]
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
    assert [p.message for p in links.diagnostics] == [
        "unmatched person: SCHULZ Werner",
        "unmatched person: Lochbihler Barbara",
        "unmatched person: werner schulz",
    ]


def test_a_full_directory_entry_is_accepted(tmp_path):
    path = tmp_path / "meps.yml"
    path.write_text("""\
- name: Barbara Lochbihler
  kind: mep
  email: barbara.lochbihler@europarl.europa.eu
  phone: +32 2 28 45000
  website: https://www.europarl.europa.eu/meps/en/96736
  social: {mastodon: "https://eupolicy.social/@example"}
""", encoding="utf-8")
    [entry] = read_directory(path)
    [person] = link_people([], [entry]).people
    assert person.social == {"mastodon": "https://eupolicy.social/@example"}
    assert [office.phone for office in person.offices] == ["+32 2 28 45000"]


def test_authors_are_people_named_in_the_text_and_not_a_warning():
    directory = [Person("", "Barbara Lochbihler", kind="mep")]
    version = make_version(
        "2012-01-01-x", authors=[("Barbara LOCHBIHLER", "Verts/ALE"), ("Bart Staes", "Verts/ALE")], meps=("Keith Taylor",)
    )
    links = link_people([make_document("2012-01-01-x", version)], directory)
    assert links.person_slugs == {
        ("2012-01-01-x", "Keith Taylor"): "keith-taylor",
        ("2012-01-01-x", "Barbara LOCHBIHLER"): "barbara-lochbihler",
        ("2012-01-01-x", "Bart Staes"): "bart-staes",
    }
    assert links.responsible == {p: ("2012-01-01-x",) for p in ("keith-taylor", "barbara-lochbihler", "bart-staes")}
    # Only the responsible MEP missing from the directory is a warning, not the author.
    assert [d.message for d in links.diagnostics] == ["unmatched person: Keith Taylor"]
