"""How names printed in texts are shown and matched (generator.names)."""

import pytest

from generator.names import display_name, name_key


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
