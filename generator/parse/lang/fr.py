"""French: the Parliament's and the political groups' French pages."""

from generator.parse.lang import Grammar

GRAMMAR = Grammar(
    opening_formula=r"(?:Le\s+Parlement européen|Parlement européen(?=\s*,))",
    citation_opener="vu",
    detection_strong=r"(?:\bvu\b|\bconsidérant\b|\bparlement européen\b)",
    detection_common=r"\b(?:le|la|les|des|du|et|sur|demande)\b",
    people_headings={
        "meps": ("Députés responsables", "Député responsable", "Députée responsable", "Eurodéputés responsables"),
        "contacts": ("Personne de contact", "Personnes de contact"),
    },
    date_labels=("Publié le",),
    teaser_categories=("Actualités", "Actualité", "Communiqué de presse", "Événement", "Vidéo"),
    body_end_headings=("Recommandé", "Recommandés", "À lire aussi", "Avis juridique - Politique de confidentialité", "Avis juridique"),
    site_chrome=(
        "Partager", "Veuillez partager", "Partagez", "Courriel", "Imprimer",
        "Retour en haut", "Haut de page", "Rechercher",
    ),
    citation_phrases={
        # "sa résolution", "ses résolutions antérieures", "ses précédentes résolutions", "sa
        # résolution législative", "sa position", "sa recommandation", "sa décision", "la
        # résolution du Parlement européen du ..."
        "anchor": r"\b(?:sa|ses)\s+(?:(?:précédentes|dernières|récentes|nombreuses|diverses)\s+)*"
        r"(?:résolutions?|positions?|recommandations?|décisions?)"
        r"(?:\s+(?:législatives?|antérieures|précédentes|récentes))*\b"
        r"|\b(?:résolutions?(?:\s+législatives?)?|positions?|recommandations?|décisions?)\s+du\s+Parlement\s+européen\b",
        # "sa résolution du 15 décembre 2011", "... adoptée le 1er mars 2011", "sa position en
        # première lecture du 16 avril 2014"
        "direct": r"^\s*(?:en\s+première\s+lecture\s+)?(?:adoptées?\s+le|en\s+date\s+du|du|de)\s+$",
        # "sa résolution sur la stratégie de l'UE pour l'Asie centrale du 15 décembre 2011"
        "subject": r"^\s*,?\s+(?:sur|concernant|relatives?\s+(?:à|au|aux))\s+[^;]+?,?\s+"
        r"(?:adoptées?\s+le|en\s+date\s+du|du)\s+$",
        # "..., en particulier celle du 17 septembre 2009", "celles du 20 janvier 2011"
        "backref": r"\b(?:celles?|celle-ci)\s+(?:adoptées?\s+le|en\s+date\s+du|du)\s+$",
        # "sa résolution sur le Kazakhstan et la déclaration de la HR/VP du 17 décembre 2011"
        "subject_break": r"\bet\s+(?:à\s+)?(?:la\s|le\s|les\s|l['’]|sa\s|ses\s|son\s|au\s|aux\s|à\s)",
        # Between two dates of a list: "celles du 20 janvier 2011 et du 17 décembre 2009",
        # "ses résolutions du A, du B et du C", "du A sur X et celle du B"
        "joiner": r"\s*(?:,\s*(?:et\s+)?|\bet\s+)(?:celles?\s+)?(?:du\s+|de\s+|le\s+)?",
        # ... after the subject of the date before it: "celles du 18 avril 2019 sur la
        # Chine(1), du 4 octobre 2018 sur la détention arbitraire ..."
        "list_subject": r"\s*,?\s+(?:sur|concernant|relatives?\s+(?:à|au|aux))\s+[^;]*?",
        # "le paragraphe 3 de sa résolution du ...", "paragraphe 3 de la résolution du Parlement"
        "paragraph_before": r"\bparagraphe\s+(\d+)\s+(?:de\s+(?:la\s+)?|du\s+)$",
        # "sa résolution du ..., et notamment son paragraphe 3", "le paragraphe 3 de celle-ci"
        "paragraph_after": r"\b(?:son\s+paragraphe\s+(\d+)|paragraphe\s+(\d+)\s+de\s+celle-ci)\b",
        "day": r"(1er|\d{1,2})",
        # Words that say nothing of what a text is about: left out of subjects and titles.
        "stopwords": "sa ses resolution resolutions anterieures precedentes recentes particulier "
        "celle celles celle-ci notamment paragraphe son sur du de des la le les et en un une "
        "pour dans adoptee adoptees date parlement europeen cas relative relatives concernant "
        "legislative legislatives position positions recommandation decision premiere lecture",
        # Words many titles share: they tell apart two texts of a day, but a subject and a
        # title that share only these do not agree.
        "generic_words": "situation droits homme union etat etats membre membres monde international internationale",
        # The document types of texts the Parliament adopted (the ones a citation can name).
        "adopted_type": r"^\s*(?:Résolution(?:\s+législative)?|Position|Recommandation|Décision)"
        r"\s+du\s+Parlement\s+européen\b",
    },
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
            "octobre", "novembre", "décembre"),
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    first_day="1er",
    document_types={
        "proposition de résolution": "Proposition de résolution",
        "proposition de résolution commune": "Proposition de résolution commune",
        "rapport": "Rapport",
        "deuxième rapport": "Rapport",
        "troisième rapport": "Rapport",
        "rapport annuel": "Rapport",
        "recommandation": "Rapport",
        "résolution du parlement européen": "Résolution du Parlement européen",
        "résolution législative du parlement européen": "Résolution législative du Parlement européen",
        "décision du parlement européen": "Décision du Parlement européen",
        "recommandation du parlement européen": "Recommandation du Parlement européen",
    },
    motion_type="Proposition de résolution",
    joint_motion_type="Proposition de résolution commune",
    report_type="Rapport",
    # "vu le rapport de la commission des affaires constitutionnelles (A9-0214/2023)", "vu
    # le deuxième rapport de la commission ...", "vu la recommandation de la commission ...".
    own_report_citation=r"vu (?:le|la|les) (?:[\w-]+ )?(?:rapports?|recommandation)(?: [\w-]+)? de la commission\b",
    resolution_heading=r"(?P<type>(?:Proposition de |Projet de )?(?:résolution|décision|recommandation)(?: législative)?"
    r" du Parlement européen|Proposition de résolution(?: commune)?)",
    resolution_types={
        "proposition de résolution du parlement européen": "Proposition de résolution",
        "projet de résolution du parlement européen": "Proposition de résolution",
        "projet de résolution législative du parlement européen": "Résolution législative du Parlement européen",
    },
    date_connector="du",
    subject_openers=("sur", "concernant", "relative à", "relatif à", "à"),
    on_behalf_of=r"\bau nom du groupe (?P<group>\S.*?)",
    tabled_by=("déposée par", "Déposée par", "par"),
    name_list_joiners=("et",),
    name_list_ends=("et autres",),
    rapporteur_labels=("Rapporteur", "Rapporteure", "Rapporteurs", "Corapporteurs", "Rapporteur pour avis", "Rapporteure pour avis"),
    procedure_labels=("Procédure",),
    stages_labels=(
        "Cycle de vie en séance", "Cycle relatif au document", "Cycles relatifs aux documents", "Sélectionner un document",
        "Textes déposés", "Débats", "Votes", "Textes adoptés", "Explications de votes",
    ),
    header_furniture=(
        "Index", "Précédent", "Suivant", "Texte intégral", "Textes adoptés", "Télécharger", "Amendements",
        "Parlement européen", "Retour au portail Europarl", "Choisissez la langue de votre document :",
        "Autres sitesVoir les autres sites", "Journal officiel de l'Union européenne", "Journal officiel de l’Union européenne",
        "Informations sur le document", "Tout développer", "Tout réduire", "Dates", "Informations diverses",
        "Classifications", "Langues et formats disponibles", "Procédure", "Lien", "Texte", "Aide",
        "Imprimer cette page", "Édition définitive", "Edition définitive", "Édition provisoire", "Edition provisoire",
        "Édition révisée", "Edition révisée",
    ),
    header_furniture_prefixes=(
        "avec demande d'inscription à l'ordre du jour", "avec demande d’inscription à l’ordre du jour",
        "conformément à l'article", "conformément à l’article", "conformément aux articles", "déposée conformément",
        "déposée à la suite", "pour clore le débat", "voir aussi la proposition de résolution commune", "nb: ",
        "ce document n'est pas disponible", "ce document n’est pas disponible", "accès au contenu de la page",
        "accès direct au menu des langues",
    ),
    replacing_motions=(
        "en remplacement des propositions de résolution suivantes",
        "en remplacement des propositions de résolution déposées par les groupes suivants",
    ),
    notice_labels={
        "date": ("Date du document",),
        "form": ("Forme",),
        "rapporteur": ("Rapporteur",),
        "procedure": ("Numéro de procédure",),
    },
    committee_openers=("Commission des", "Commission du", "Commission de la", "Commission de l'", "Commission de l’",
                       "Commission spéciale", "Commission d'enquête", "Commission d’enquête"),
    amendment_heading="Amendement",
    amendment_columns=("Texte proposé par la Commission", "Texte en vigueur", "Projet", "Position du Conseil",
                       "Proposition de résolution", "Projet d'avis", "Projet d’avis", "Projet de rapport"),
    justification_heading="Justification",
    end_of_text_headings=(
        "EXPOSÉ DES MOTIFS", "ANNEXE", "INFORMATIONS SUR L'ADOPTION", "INFORMATIONS SUR L’ADOPTION", "VOTE FINAL PAR APPEL NOMINAL",
        "PROCÉDURE DE LA COMMISSION", "PROCÉDURE – COMMISSION", "AVIS DE LA", "OPINION MINORITAIRE", "LETTRE DE LA",
        "POSITION SOUS FORME D'AMENDEMENTS", "POSITION SOUS FORME D’AMENDEMENTS", "TABLE DES MATIÈRES",
    ),
    end_of_page=("Dernière mise à jour", "Avis juridique"),
    end_of_text_openers=("Position du Parlement européen arrêtée en",),
)
