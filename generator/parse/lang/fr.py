"""French: the Parliament's and the political groups' French pages."""

from generator.parse.lang import Grammar

GRAMMAR = Grammar(
    opening_formula=r"Le Parlement européen",
    citation_opener="vu",
    detection_strong=r"(?:\bvu\b|\bconsidérant\b|\bparlement européen\b)",
    detection_common=r"\b(?:le|la|les|des|du|et|sur|demande)\b",
    people_headings={
        "meps": ("Députés responsables", "Député responsable", "Députée responsable", "Eurodéputés responsables"),
        "contacts": ("Personne de contact", "Personnes de contact"),
    },
    date_labels=("Publié le",),
    teaser_categories=("Actualités", "Actualité", "Communiqué de presse", "Événement", "Vidéo"),
    body_end_headings=("Recommandé", "Recommandés", "À lire aussi"),
    site_chrome=(
        "Partager", "Veuillez partager", "Partagez", "Courriel", "Imprimer",
        "Retour en haut", "Rechercher",
    ),
    citation_phrases={
        # "sa résolution", "ses résolutions antérieures", "ses précédentes résolutions",
        # "la résolution du Parlement européen du ..."
        "anchor": r"\b(?:sa|ses)\s+(?:(?:précédentes|dernières|récentes|nombreuses|diverses)\s+)*"
        r"résolutions?(?:\s+(?:antérieures|précédentes|récentes))?\b"
        r"|\brésolutions?\s+du\s+Parlement\s+européen\b",
        # "sa résolution du 15 décembre 2011", "... adoptée le 1er mars 2011"
        "direct": r"^\s*(?:adoptées?\s+le|en\s+date\s+du|du|de)\s+$",
        # "sa résolution sur la stratégie de l'UE pour l'Asie centrale du 15 décembre 2011"
        "subject": r"^\s*,?\s+(?:sur|concernant|relatives?\s+(?:à|au|aux))\s+[^;]+?,?\s+"
        r"(?:adoptées?\s+le|en\s+date\s+du|du)\s+$",
        # "..., en particulier celle du 17 septembre 2009", "celles du 20 janvier 2011"
        "backref": r"\b(?:celles?|celle-ci)\s+(?:adoptées?\s+le|en\s+date\s+du|du)\s+$",
        # "sa résolution sur le Kazakhstan et la déclaration de la HR/VP du 17 décembre 2011"
        "subject_break": r"\bet\s+(?:à\s+)?(?:la\s|le\s|les\s|l['’]|sa\s|ses\s|son\s|au\s|aux\s|à\s)",
        # "celles du 20 janvier 2011 et du 17 décembre 2009"
        "joiner": r"^\s*(?:,\s*(?:et\s+)?|et\s+)(?:du\s+|de\s+|le\s+)?$",
        # "le paragraphe 3 de sa résolution du ...", "paragraphe 3 de la résolution du Parlement"
        "paragraph_before": r"\bparagraphe\s+(\d+)\s+(?:de\s+(?:la\s+)?|du\s+)$",
        # "sa résolution du ..., et notamment son paragraphe 3", "le paragraphe 3 de celle-ci"
        "paragraph_after": r"\b(?:son\s+paragraphe\s+(\d+)|paragraphe\s+(\d+)\s+de\s+celle-ci)\b",
        "day": r"(1er|\d{1,2})",
        "stopwords": "sa ses resolution resolutions anterieures precedentes recentes particulier "
        "celle celles celle-ci notamment paragraphe son sur du de des la le les et en un une "
        "pour dans adoptee adoptees date parlement europeen cas relative relatives concernant",
    },
)
