"""English: the Parliament's and the political groups' English pages."""

from generator.parse.lang import Grammar

GRAMMAR = Grammar(
    # "European Parliament" alone is the logo line of the Parliament's pages: without
    # "The", only with its comma.
    opening_formula=r"(?:The\s+European Parliament|European Parliament(?=\s*,))",
    citation_opener="having regard to",
    detection_strong=r"\b(?:having regard to|whereas|european parliament)\b",
    detection_common=r"\b(?:the|and|of|to|on|calls)\b",
    people_headings={
        "meps": ("Responsible MEPs", "Responsible MEP"),
        "contacts": ("Contact person", "Contact persons", "Contact", "Contacts"),
    },
    date_labels=("Publication", "Document", "Date"),
    teaser_categories=("News", "Press release", "Article", "Event", "Video", "Podcast"),
    body_end_headings=("Recommended", "Related", "Related articles", "Legal notice - Privacy policy", "Legal notice"),
    site_chrome=(
        "Please share", "Share", "E-Mail", "Email", "Print",
        "Back to top", "Top", "Menu", "Search",
    ),
    citation_phrases={
        # "its resolution", "its previous resolutions", "its legislative resolution", "its
        # position", "its recommendation", "its decision", "the European Parliament's
        # resolution", "European Parliament (legislative) resolution of ...", "the position of
        # the European Parliament at first reading of ..."
        "anchor": r"\b(?:its|the\s+(?:European\s+)?Parliament's)\s+"
        r"(?:(?:previous|earlier|recent|latest|last|many|numerous|various|several)\s+)*"
        r"(?:legislative\s+)?(?:resolutions?|positions?|recommendations?|decisions?)\b"
        r"|\b(?:European\s+)?Parliament\s+(?:legislative\s+)?(?:resolutions?|positions?|recommendations?|decisions?)\b"
        r"|\b(?:legislative\s+)?(?:resolutions?|positions?|recommendations?|decisions?)\s+of\s+(?:the\s+)?European\s+Parliament\b",
        # "its resolution of 17 September 2009" / "its resolution adopted on ..." / "its
        # position at first reading of 16 April 2014"
        "direct": r"^\s*(?:(?:at|in)\s+first\s+reading\s+)?(?:adopted\s+)?(?:of|on|dated)\s+(?:the\s+)?$",
        # "its resolution on a EU Strategy for Central Asia of 15 December 2011"
        "subject": r"^\s*,?\s+(?:on|concerning|about)\s+[^;]+?,?\s+(?:adopted\s+on|of|dated)\s+(?:the\s+)?$",
        # "... in particular the one of 17 September 2009", "those of 20 January 2011",
        # "in particular that of 11 March 2014"
        "backref": r"\b(?:the\s+ones?|those|that)\s+(?:adopted\s+)?(?:of|on)\s+(?:the\s+)?$",
        # A subject that goes on with "and the ..." has left the resolution:
        # "its resolution on Kazakhstan and the Statement by the HR/VP of 17 December 2011".
        "subject_break": r"\b(?:and|as\s+well\s+as)\s+(?:to\s+)?(?:the|its|a|an)\s",
        # Between two dates of a list: "those of 20 January 2011 and 17 December 2009",
        # "of A, B and of C", "of A on X and that of B"
        "joiner": r"\s*(?:,\s*(?:and\s+)?|\band\s+|\bas\s+well\s+as\s+)(?:(?:the\s+ones?|those|that)\s+)?"
        r"(?:(?:of|on)\s+)?(?:the\s+)?",
        # ... after the subject of the date before it: "those of 18 April 2019 on China[1], of
        # 4 October 2018 on mass arbitrary detention ..."
        "list_subject": r"\s*,?\s+(?:on|concerning|about)\s+[^;]*?",
        # "paragraph 3 of its resolution of ..."
        "paragraph_before": r"\bparagraph\s+(\d+)\s+of\s+(?:the\s+)?$",
        # "its resolution of 17 September 2009 on ..., and in particular paragraph 3 thereof"
        "paragraph_after": r"\bparagraph\s+(\d+)\s+thereof\b",
        "day": r"(\d{1,2})(?:st|nd|rd|th)?",
        # Words that say nothing of what a text is about: left out of subjects and titles.
        "stopwords": "its the previous earlier recent resolution resolutions regard particular "
        "with one ones those that and of on in to for a an thereof paragraph having adopted "
        "european parliament parliament's case cases dated concerning about notably legislative "
        "position recommendation decision first reading",
        # Words many titles share: they tell apart two texts of a day, but a subject and a
        # title that share only these do not agree ("situation of human rights in China" is
        # not "Situation of human rights in Nicaragua").
        "generic_words": "situation human rights union state states member members world international",
        # The document types of texts the Parliament adopted (the ones a citation can name).
        "adopted_type": r"^\s*(?:European\s+Parliament\s+(?:legislative\s+)?"
        r"(?:resolution|position|recommendation|decision)|Position\s+of\s+the\s+European\s+Parliament)\b",
    },
    months=("january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"),
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    document_types={
        "motion for a resolution": "Motion for a resolution",
        "joint motion for a resolution": "Joint motion for a resolution",
        "report": "Report",
        "second report": "Report",
        "third report": "Report",
        "annual report": "Report",
        # A recommendation (a consent or Rule 118 recommendation) is an A- document,
        # the Parliament's series of reports, and filed as "Form: Report" on EUR-Lex.
        "recommendation": "Report",
        "european parliament resolution": "European Parliament resolution",
        "european parliament legislative resolution": "European Parliament legislative resolution",
        "european parliament decision": "European Parliament decision",
        "european parliament recommendation": "European Parliament recommendation",
    },
    motion_type="Motion for a resolution",
    joint_motion_type="Joint motion for a resolution",
    report_type="Report",
    # "having regard to the report of the Committee on Foreign Affairs and the opinion of
    # ...", "having regard to the second report of the Committee ...", "... the
    # recommendation of the Committee ..." (a consent recommendation, also an A- document).
    own_report_citation=r"having regard to the (?:[\w-]+ )?(?:reports?|recommendation) of the (?:[\w-]+ )?Committees?\b",
    resolution_heading=r"(?P<type>(?:Motion for an? |Draft )?European Parliament (?:legislative )?(?:resolution|decision|recommendation)"
    r"|(?:Joint )?Motion for a resolution)",
    resolution_types={
        "motion for a european parliament resolution": "Motion for a resolution",
        "draft european parliament resolution": "Motion for a resolution",
        "draft european parliament legislative resolution": "European Parliament legislative resolution",
    },
    date_connector="of",
    subject_openers=("on", "concerning", "to"),
    # "On behalf of" glued to the last name on the Greens/EFA site's lists ("HautalaOn behalf of").
    on_behalf_of=r"(?:\b|(?<=[a-z]))[Oo]n behalf of(?: the)? (?P<group>\S.*?)(?: [Gg]roup)?",
    tabled_by=("Tabled by", "tabled by", "by"),
    name_list_joiners=("and",),
    name_list_ends=("and others",),
    rapporteur_labels=("Rapporteur", "Rapporteurs", "Co-rapporteurs", "Rapporteur for the opinion"),
    procedure_labels=("Procedure",),
    stages_labels=(
        "Document stages in plenary", "Document selected", "Select a document", "Texts tabled", "Debates",
        "Votes", "Texts adopted", "Explanations of votes",
    ),
    header_furniture=(
        "Index", "Previous", "Next", "Full text", "Texts adopted", "Download", "Amendments", "European Parliament",
        "Go back to the Europarl portal", "Choose the language of your document:", "Other websitesView other websites",
        "Official Journal of the European Union", "EUR-Lex Access to European Union law", "Back to EUR-Lex homepage",
        "This document is an excerpt from the EUR-Lex website", "Choose the experimental features you want to try",
        "Document information", "Expand all", "Collapse all", "Dates", "Miscellaneous information", "Classifications",
        "Languages and formats available", "Procedure", "Link", "Text", "Help", "Print this page", "Menu",
        "Final edition", "Provisional edition", "Revised edition",
    ),
    header_furniture_prefixes=(
        "with request for inclusion in the agenda", "pursuant to rule", "pursuant to rules", "to wind up the debate",
        "further to the", "see also joint motion", "see also the joint motion", "nb: this", "this document is not available",
        "access to page content", "direct access to language menu", "tabled pursuant to", "tabled under rule",
    ),
    replacing_motions=("replacing the following motions", "replacing the motions by the following groups"),
    notice_labels={
        "date": ("Date of document",),
        "form": ("Form",),
        "rapporteur": ("Rapporteur",),
        "procedure": ("Procedure number",),
    },
    committee_openers=("Committee on", "Special Committee on", "Committee of Inquiry"),
    amendment_heading="Amendment",
    amendment_columns=(
        "Text proposed by the Commission", "Present text", "Draft", "Council position", "Motion for a resolution",
        "Draft opinion", "Draft report", "Proposal for a decision",
    ),
    justification_heading="Justification",
    end_of_text_headings=(
        "EXPLANATORY STATEMENT", "ANNEX", "INFORMATION ON ADOPTION", "FINAL VOTE BY ROLL CALL", "PROCEDURE – COMMITTEE",
        "PROCEDURE - COMMITTEE", "OPINION OF THE", "MINORITY OPINION", "LETTER OF THE", "POSITION IN THE FORM OF AMENDMENTS",
        "CONTENTS",
    ),
    end_of_page=("Last updated:", "Legal notice"),
    end_of_text_openers=("Position of the European Parliament adopted at",),
)
