"""Each language's grammar: the words of the source pages that the parser and the linker
read, one module per language (``en.py``, ``fr.py``), named by its code.

The parser's patterns take the words of every language at once (a French page may carry
English page furniture, and a text's language is not always known before it is parsed);
the linker reads a citation with the phrases of the citation's own language.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from generator.languages import LANGUAGES


@dataclass(frozen=True)
class Grammar:
    """The words of one language's source pages. Patterns are regular expression
    sources (matched ignoring case); word lists are compared case-folded."""

    opening_formula: str
    """The line that opens the body: "The European Parliament," (the pattern without
    the comma)."""
    citation_opener: str
    """What starts a citation: "having regard to"."""
    detection_strong: str
    """Phrases that open units in this language, for telling the language of a text."""
    detection_common: str
    """A few very common words of the language (one fifth the weight of the above)."""
    people_headings: Mapping[str, tuple[str, ...]]
    """``meps`` / ``contacts`` -> the headings of those lists of people."""
    date_labels: tuple[str, ...]
    """Words printed before a page's date: "Publication | 07.03.2012"."""
    teaser_categories: tuple[str, ...]
    """The category line of a related-news card ("News", "Press release")."""
    body_end_headings: tuple[str, ...]
    """Headings after which the resolution is over: the related-news block."""
    site_chrome: tuple[str, ...]
    """Whole lines of a site's navigation and buttons ("Share", "Print")."""
    citation_phrases: Mapping[str, str] = field(default_factory=dict)
    """The linker's phrases of citations naming the Parliament's own texts
    (see ``generator.link.citations``)."""

    # ----------------------------------------------------------------- the pages' headers
    months: tuple[str, ...] = ()
    """The twelve month names, lower case ("march" / "mars"), for dates written out."""
    weekdays: tuple[str, ...] = ()
    """The weekday names that open a sitting's date ("Tuesday, 11 March 2014")."""
    first_day: str = ""
    """How the first of a month is written, when not "1" ("1er")."""
    document_types: Mapping[str, str] = field(default_factory=dict)
    """A document's type as a page prints it in its heading or title, case-folded ->
    the type as the site names it: "joint motion for a resolution" -> "Joint motion for
    a resolution"; "second report" -> "Report"."""
    motion_type: str = ""
    """The site's name of a motion for a resolution ("Motion for a resolution"): the type
    of a page that prints none but names the members tabling its text "on behalf of" a
    group (the Parliament's older motion pages, whose heading is only the subject)."""
    joint_motion_type: str = ""
    """The same for a page that also lists the motions it replaces."""
    report_type: str = ""
    """The site's name of a report ("Report"), whose resolution cites the report itself."""
    own_report_citation: str = ""
    """How a report's resolution cites the report it stands in ("having regard to the
    report of the Committee on ... (A9-0214/2023)"): the beginning of that citation."""
    resolution_heading: str = ""
    """The heading of a resolution's text: the type ("European Parliament resolution",
    "Motion for a European Parliament resolution"), then optionally "of <date>", then the
    subject. A pattern with the named group ``type``; the layouts add date and subject."""
    resolution_types: Mapping[str, str] = field(default_factory=dict)
    """What the heading's ``type`` names, case-folded -> the site's type, where it is not
    the type itself ("motion for a european parliament resolution" -> "Motion for a
    resolution")."""
    date_connector: str = ""
    """The word between a heading's type and its date ("of" / "du")."""
    subject_openers: tuple[str, ...] = ()
    """The words that open a heading's subject ("on": "MOTION FOR A RESOLUTION on ...")."""
    on_behalf_of: str = ""
    """The tail of an author line naming the group, with the named group ``group``:
    "... on behalf of the PPE Group" / "... au nom du groupe PPE"."""
    tabled_by: tuple[str, ...] = ()
    """The words before a list of authors ("Tabled by", "by" / "déposée par", "par")."""
    name_list_joiners: tuple[str, ...] = ()
    """The words before the last name of a list ("and" / "et")."""
    name_list_ends: tuple[str, ...] = ()
    """The words that end a list of names without naming anyone ("and others")."""
    rapporteur_labels: tuple[str, ...] = ()
    """"Rapporteur", "Rapporteure" ...: the label of a report's author."""
    procedure_labels: tuple[str, ...] = ()
    """"Procedure" / "Procédure": the label of the procedure number ("Procedure : 2013/2169(INI)")."""
    stages_labels: tuple[str, ...] = ()
    """The labels of a Parliament page's "Document stages in plenary" box; the
    references listed under them are other documents' ("Texts tabled :")."""
    header_furniture: tuple[str, ...] = ()
    """Whole lines of the Parliament's and EUR-Lex's page headers that are never the
    text's ("Full text", "Texts adopted", "Official Journal of the European Union")."""
    header_furniture_prefixes: tuple[str, ...] = ()
    """Beginnings of such lines ("with request for inclusion in the agenda", "pursuant
    to Rule", "See also joint motion"), compared case-folded."""
    replacing_motions: tuple[str, ...] = ()
    """The line before a joint motion's list of the motions it replaces."""
    notice_labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """EUR-Lex "Document information" labels: ``date``, ``form``, ``rapporteur``,
    ``procedure`` -> the labels ("Date of document:")."""
    committee_openers: tuple[str, ...] = ()
    """The beginning of a committee's name in a report's heading ("Committee on")."""

    # ----------------------------------------------------------------- the body
    amendment_heading: str = ""
    """The word that heads an amendment ("Amendment" / "Amendement")."""
    amendment_columns: tuple[str, ...] = ()
    """The headers of an amendment table's first column ("Text proposed by the
    Commission", "Present text"); the second is ``amendment_heading``."""
    justification_heading: str = ""
    """The heading of an amendment's justification ("Justification")."""
    end_of_text_headings: tuple[str, ...] = ()
    """Upper-case headings of what follows a report's or text adopted's resolution
    ("EXPLANATORY STATEMENT", "ANNEX"): its body is over. Beginnings, compared as printed."""
    end_of_page: tuple[str, ...] = ()
    """Beginnings of a page's footer lines ("Last updated:", "Legal notice")."""
    end_of_text_openers: tuple[str, ...] = ()
    """Beginnings of what follows a legislative resolution in a text adopted: the act as
    Parliament adopted it ("Position of the European Parliament adopted at first reading")."""


@cache
def get_grammar(code: str) -> Grammar:
    """The grammar of language ``code`` (module ``generator.parse.lang.<code>``)."""
    module = importlib.import_module(f"{__name__}.{code}")
    grammar: Grammar = module.GRAMMAR
    return grammar


def get_grammars() -> tuple[Grammar, ...]:
    """Every language's grammar, in the order of the languages."""
    return tuple(get_grammar(code) for code in LANGUAGES)
