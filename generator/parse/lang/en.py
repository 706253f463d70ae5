"""English: the Parliament's and the political groups' English pages."""

from generator.parse.lang import Grammar

GRAMMAR = Grammar(
    opening_formula=r"(?:The\s+)?European Parliament",
    citation_opener="having regard to",
    detection_strong=r"\b(?:having regard to|whereas|european parliament)\b",
    detection_common=r"\b(?:the|and|of|to|on|calls)\b",
    people_headings={
        "meps": ("Responsible MEPs", "Responsible MEP"),
        "contacts": ("Contact person", "Contact persons", "Contact", "Contacts"),
    },
    date_labels=("Publication", "Document", "Date"),
    teaser_categories=("News", "Press release", "Article", "Event", "Video", "Podcast"),
    body_end_headings=("Recommended", "Related", "Related articles"),
    site_chrome=(
        "Please share", "Share", "E-Mail", "Email", "Print",
        "Back to top", "Menu", "Search",
    ),
    citation_phrases={
        # "its resolution", "its previous resolutions", "the European Parliament's
        # resolution", "European Parliament resolution of ..."
        "anchor": r"\b(?:its|the\s+(?:European\s+)?Parliament's)\s+"
        r"(?:(?:previous|earlier|recent|latest|last|many|numerous|various|several)\s+)*"
        r"resolutions?\b|\b(?:European\s+)?Parliament\s+resolutions?\b",
        # "its resolution of 17 September 2009" / "its resolution adopted on ..."
        "direct": r"^\s*(?:adopted\s+)?(?:of|on|dated)\s+(?:the\s+)?$",
        # "its resolution on a EU Strategy for Central Asia of 15 December 2011"
        "subject": r"^\s*,?\s+(?:on|concerning|about)\s+[^;]+?,?\s+(?:adopted\s+on|of|dated)\s+(?:the\s+)?$",
        # "... in particular the one of 17 September 2009", "those of 20 January 2011"
        "backref": r"\b(?:the\s+ones?|those|that)\s+(?:adopted\s+)?(?:of|on)\s+(?:the\s+)?$",
        # A subject that goes on with "and the ..." has left the resolution:
        # "its resolution on Kazakhstan and the Statement by the HR/VP of 17 December 2011".
        "subject_break": r"\b(?:and|as\s+well\s+as)\s+(?:to\s+)?(?:the|its|a|an)\s",
        # "those of 20 January 2011 and 17 December 2009", "of A, B and of C"
        "joiner": r"^\s*(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+)(?:(?:of|on)\s+)?(?:the\s+)?$",
        # "paragraph 3 of its resolution of ..."
        "paragraph_before": r"\bparagraph\s+(\d+)\s+of\s+(?:the\s+)?$",
        # "its resolution of 17 September 2009 on ..., and in particular paragraph 3 thereof"
        "paragraph_after": r"\bparagraph\s+(\d+)\s+thereof\b",
        "day": r"(\d{1,2})(?:st|nd|rd|th)?",
        "stopwords": "its the previous earlier recent resolution resolutions regard particular "
        "with one ones those that and of on in to for a an thereof paragraph having adopted "
        "european parliament parliament's case dated concerning about",
    },
)
