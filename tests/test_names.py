"""How names printed in texts are shown and matched (generator.names)."""

import pytest

from generator.names import display_name, name_key, split_name


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


@pytest.mark.parametrize(
    "printed, parts",
    [
        ("Mika AALTOLA", ("Mika", "Aaltola")),
        ("Juan Fernando LÓPEZ AGUILAR", ("Juan Fernando", "López Aguilar")),
        ("Pilar DEL CASTILLO VERA", ("Pilar", "del Castillo Vera")),
        ("Peter van DALEN", ("Peter van", "Dalen")),  # the capitals are the surname, as the EP sorts it
        ("VAN DEN BERG Anna", ("Anna", "van den Berg")),
        ("Anna van den Berg", ("Anna", "van den Berg")),  # no capitals: the last word and its particles
        ("Barbara Lochbihler", ("Barbara", "Lochbihler")),
        ("WERNER SCHULZ", ("Werner", "Schulz")),
        ("Madonna", ("", "Madonna")),
        ("", ("", "")),
    ],
)
def test_split_name_finds_the_surname_lists_sort_by(printed, parts):
    assert split_name(printed) == parts
    assert display_name(printed) == " ".join(part for part in parts if part)
