"""The Greens/EFA group's document pages (greens-efa.eu, the bundled sample).

The header is the simple one (``generic``): a language switcher ("en | fr", "fr | en |
de"), a date row ("Publication | 07.03.2012", or "Document |" with the date below or
none), the title, the group's own type as printed ("Greens/EFA motion for a resolution",
"Proposition de résolution des Verts/ALE"), sometimes the authors ("Tabled by ... on
behalf of the Greens/EFA Group", "déposée par ... au nom du groupe Verts/ALE"). After the
text come the related-news teasers, then "Responsible MEPs" and "Contact person": the
responsible MEPs are the text's authors where the page names none above the text.
"""

from __future__ import annotations

import re

from generator.parse.lang import get_grammars
from generator.parse.layouts import Layout, generic

_GRAMMARS = get_grammars()
# "Responsible MEPs", not "Contact": other sites' footers have a "Contact" line too.
_PEOPLE_HEADINGS = "|".join(re.escape(h) for g in _GRAMMARS for h in g.people_headings["meps"])
_DATE_LABELS = "|".join(re.escape(label) for g in _GRAMMARS for label in g.date_labels)
# The page's own furniture: its date row ("[Publication](#) | 07.03.2012", "Document |"),
# its "Responsible MEPs" heading, or the group's name in the type line.
_FURNITURE = re.compile(
    rf"^\s*(?:\[?(?:{_DATE_LABELS})\]?(?:\([^)\n]*\))?\s*\||(?:{_PEOPLE_HEADINGS})\s*$"
    r"|(?:Greens/EFA motion|Proposition de résolution des Verts/ALE))",
    re.MULTILINE,
)


# Some word of the patterns above, looked for first: the pattern scans the whole text.
_MARKERS = ("|", "Greens/EFA", "Verts/ALE", *(h for g in _GRAMMARS for h in g.people_headings["meps"]))


def recognizes(text: str) -> bool:
    return any(marker in text for marker in _MARKERS) and bool(_FURNITURE.search(text))


LAYOUT = Layout(
    name="greens_efa",
    recognizes=recognizes,
    read_header=generic.read_header,
    responsible_meps_are_authors=True,
)
