"""The Parliament's own document pages: doceo (``/doceo/document/B-9-2020-0220_EN.html``)
and the older ``/sides/getDoc.do`` pages, whose text is laid out alike.

Their header, in an order that varies with the page's age and kind:

- the site's furniture: language lists ("EN - English", "bg - български"), navigation,
  "Index / Previous / Next / Full text", "Download" and PDF/Word links, the list of
  amendments' files;
- the page's title bar: "Motion for a resolution - B7-0069/2009Motion for a resolution"
  (type and number), or the <title> line "JOINT MOTION FOR A RESOLUTION on ... |
  RC-B10-0249/2025 | European Parliament";
- a motion's or report's heading: "MOTION FOR A RESOLUTION on <subject>" (older motion
  pages print no type, only "on <subject>" above the line of its tabling members; 2020's pages:
  the template's tags <TitreType>MOTION FOR A RESOLUTION</TitreType> ... <Titre>on
  <subject></Titre>), its date "4.3.2015 - (2015/2572(RSP))", "pursuant to Rule ...",
  "replacing the following motions:" and their list, the authors ("X, Y on behalf of
  the PPE Group", or the names on a line and "on behalf of ..." on the next; the last
  names of a joint motion with no group), a report's committee and "Rapporteur: X",
  "See also joint motion for a resolution RC-...";
- the "Document stages in plenary" box: "Procedure : 2013/2169(INI)", then labels
  ("Document selected :", "Texts tabled :") each with documents' numbers after or under
  it. The site prints the box in the language of the page's frame, which may not be the
  text's (an English motion in a Slovak frame: "Postup : 2014/2727(RSP)", "Postup
  dokumentu : B8-0010/2014"), so the box is also read by its shape: labels with a space
  before their colon, minutes, numbers, a caption of words alone;
- a text adopted's sitting ("Tuesday, 11 March 2014 - Strasbourg Final edition"), its
  short title, its number glued to its report's ("P7_TA(2014)0206A7-0100/2014");
- the resolution's own heading: "European Parliament resolution of 11 March 2014 on
  <subject> (2013/2169(INI))", or a motion's "European Parliament resolution on ...".

The title is the heading's subject (a text adopted's short title); the type is the page's
(a page that prints none but names members tabling its text "on behalf of" a group is a
motion's; a text adopted's: its heading's); the date a motion's date line, a text
adopted's sitting. The number is the one the page prints as the text's; where it prints
none, a motion's or report's page has it as the document its stages box selects (the
box's first label), and a report's page in its resolution's citation of the report
("having regard to the report of the Committee on ... (A9-0214/2023)"). A text adopted's
box selects its report or motion ("Document selected : A8-0135/2015"), never its own
number, and the other numbers the box lists are other documents'.
"""

from __future__ import annotations

import re

from generator.parse.lang import get_grammars
from generator.parse.layouts import Layout, ep_header
from generator.parse.recognizers import SourceLine, normalise_space

_GRAMMARS = get_grammars()
_TYPES = "|".join(re.escape(printed.upper()) for g in _GRAMMARS for printed in g.document_types)
_KINDS = "|".join(re.escape(printed) for g in _GRAMMARS for printed in g.document_types)
_HEADINGS = "|".join(f"{g.resolution_heading.replace('(?P<type>', '(?:')}\\s+{g.date_connector}\\s+\\d" for g in _GRAMMARS)
# The page's furniture (its stages box, the 2020 template's tags, its links), or a
# Parliament document's heading at the start of a line: its type in capitals ("REPORT
# on ..."), its title bar ("Motion for a resolution - B7-0069/2009"), a text adopted's
# heading with its date ("European Parliament resolution of 11 March 2014 on ...").
# The stages box in a frame of another language shows its minutes as in every language
# ("PV 17/07/2014 - 8.1") and its procedure under a label of the frame's language
# ("Postup : 2014/2727(RSP)").
_RECOGNIZED = re.compile(
    r"Document stages in plenary|Cycle de vie en séance|<TitreType>|europarl\.europa\.eu|Go back to the Europarl portal"
    rf"|^\s*(?:Procedure|Procédure)\s*:|^\s*#*\s*(?:{_TYPES})\b|^(?i:{_KINDS}) - |^\s*#*\s*(?i:{_HEADINGS})"
    r"|^\s*(?:PV|CRE) \d{2}/\d{2}/\d{4} - \d|^[^\W\d_][^\d:|\n]{0,40}\s:\s*\d{4}/\d{4}\([A-Z]{3}\)\s*$",
    re.MULTILINE,
)


def recognizes(text: str) -> bool:
    return bool(_RECOGNIZED.search(text))


# --------------------------------------------------------------------------- preparing

# The 2020 template's tags, printed as text: "<TitreType>", "</Depute>", "<RepeatBlock-By>".
_TEMPLATE_TAG = re.compile(r"</?[A-Z][A-Za-z]*(?:-[A-Za-z]+)*>")
# Their machine codes before a value: "{06/07/2020}6.7.2020", "{Verts/ALE}on behalf of ...".
_TEMPLATE_CODE = re.compile(r"^\{[^{}]*\}\s*")


def prepare(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines without the template's tags and codes (a line of a tag alone goes)."""
    prepared = []
    for line in lines:
        text = line.text
        if "<" in text or text.startswith("{"):
            text = normalise_space(_TEMPLATE_CODE.sub("", normalise_space(_TEMPLATE_TAG.sub(" ", text))))
            if not text:
                continue
            line = line._replace(text=text)
        prepared.append(line)
    return prepared


LAYOUT = Layout(
    name="ep_document",
    recognizes=recognizes,
    read_header=ep_header.read_header,
    prepare=prepare,
    complete_header=ep_header.complete_header,
    header_names_a_document=True,
)
