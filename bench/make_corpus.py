"""Make a synthetic corpus of N texts in the raw page format, for benchmarks and tests.

    python bench/make_corpus.py 2000 /tmp/corpus-2000 [--seed 1]

Each text exists in English and French, about 1,500 words each, laid out like the scraped
pages (``content/resolutions/2012-03-07-kazakhstan/en.txt``): language switcher,
"[Publication](#) | DD.MM.YYYY", title, doc type, opening formula, citations, recitals,
paragraphs with points, related-news teasers, responsible MEPs, contact person, share
buttons. The sentences come from a parliamentary vocabulary drawn by a seeded random
generator, so the same N and seed always give the same bytes. The English and French
versions are drawn from parallel word lists, so both have the same units (same ids).

People come from a pool written to ``meps.yml`` that grows with N as a parliament's does
over the years: 150 MEPs and 20 staff up to 1,200 texts, then an MEP for every 8 texts
and a staff member for every 100 (2,500 MEPs and 200 staff at 20,000). About half the
texts are "European Parliament resolution"s; later texts cite earlier ones in the forms
the link stage recognises ("having regard to its resolution of 17 September 2009 on X,").
Each text's ``meta.yml`` tags it with its country's region and its topic ("Central Asia",
"human rights"), for the listing pages and the search filters.
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
}

# Parallel vocabularies: item i of the English list translates item i of the French one.
SUBJECTS = [
    ("the authorities", "les autorités"), ("the government", "le gouvernement"),
    ("the Commission", "la Commission"), ("the Council", "le Conseil"),
    ("the Member States", "les États membres"), ("the European External Action Service", "le Service européen pour l'action extérieure"),
    ("the security forces", "les forces de sécurité"), ("civil society organisations", "les organisations de la société civile"),
    ("the national parliament", "le parlement national"), ("the judiciary", "le pouvoir judiciaire"),
    ("independent observers", "les observateurs indépendants"),
    ("the Vice-President/High Representative", "la vice-présidente/haute représentante"),
    ("the United Nations", "les Nations unies"), ("the OSCE", "l'OSCE"), ("the police", "la police"),
]
VERBS = [
    ("have failed to guarantee", "n'ont pas garanti"), ("continue to restrict", "continuent de restreindre"),
    ("have committed to strengthen", "se sont engagés à renforcer"), ("must respect", "doivent respecter"),
    ("have undermined", "ont compromis"), ("should support", "devraient soutenir"),
    ("have repeatedly violated", "ont violé à plusieurs reprises"), ("are obliged to protect", "sont tenus de protéger"),
    ("have announced reforms of", "ont annoncé des réformes de"), ("should closely monitor", "devraient suivre de près"),
    ("have adopted legislation on", "ont adopté une législation sur"), ("must guarantee", "doivent garantir"),
]
OBJECTS = [
    ("freedom of expression", "la liberté d'expression"), ("freedom of assembly", "la liberté de réunion"),
    ("the rule of law", "l'état de droit"), ("the independence of the judiciary", "l'indépendance de la justice"),
    ("the rights of minorities", "les droits des minorités"), ("media freedom", "la liberté des médias"),
    ("fundamental rights", "les droits fondamentaux"), ("free and fair elections", "des élections libres et équitables"),
    ("the protection of human rights defenders", "la protection des défenseurs des droits de l'homme"),
    ("labour rights", "les droits des travailleurs"), ("the fight against corruption", "la lutte contre la corruption"),
    ("access to justice", "l'accès à la justice"), ("the right to a fair trial", "le droit à un procès équitable"),
    ("democratic institutions", "les institutions démocratiques"), ("religious freedom", "la liberté de religion"),
    ("the humanitarian situation", "la situation humanitaire"), ("gender equality", "l'égalité entre les hommes et les femmes"),
    ("the partnership and cooperation agreement", "l'accord de partenariat et de coopération"),
]
QUALIFIERS = [
    ("in the capital", "dans la capitale"), ("since the last elections", "depuis les dernières élections"),
    ("in accordance with international standards", "conformément aux normes internationales"),
    ("despite repeated calls by the international community", "malgré les appels répétés de la communauté internationale"),
    ("in the context of the ongoing negotiations", "dans le cadre des négociations en cours"),
    ("without undue delay", "sans délai injustifié"), ("throughout the country", "dans tout le pays"),
    ("in close cooperation with the European Union", "en étroite coopération avec l'Union européenne"),
    ("as a matter of urgency", "en priorité"), ("during the state of emergency", "pendant l'état d'urgence"),
    ("in the border regions", "dans les régions frontalières"), ("over the past year", "au cours de l'année écoulée"),
]
OPERATIVE_VERBS = [
    ("Calls on", "Invite"), ("Urges", "Exhorte"), ("Strongly condemns the decision of", "Condamne fermement la décision"),
    ("Welcomes the commitment of", "Se félicite de l'engagement"), ("Deplores the failure of", "Déplore l'échec"),
    ("Encourages", "Encourage"), ("Stresses the responsibility of", "Souligne la responsabilité"),
    ("Reiterates its call on", "Réitère son appel"),
    ("Expresses its concern at the attitude of", "Exprime sa préoccupation face à l'attitude"),
]
OPERATIVE_LINKS = [("to guarantee", "à garantir"), ("to respect", "à respecter"), ("to restore", "à rétablir"),
                   ("to investigate", "à enquêter sur"), ("to promote", "à promouvoir"), ("to uphold", "à défendre")]
EXTERNAL_CITATIONS = [
    ("the Universal Declaration of Human Rights of 1948", "la déclaration universelle des droits de l'homme de 1948"),
    ("the International Covenant on Civil and Political Rights", "le pacte international relatif aux droits civils et politiques"),
    (
        "the EU Guidelines on Human Rights Defenders",
        "les orientations de l'Union européenne concernant les défenseurs des droits de l'homme",
    ),
    ("the Charter of Fundamental Rights of the European Union", "la charte des droits fondamentaux de l'Union européenne"),
    ("the statement by the spokesperson of the EEAS", "la déclaration du porte-parole du SEAE"),
    (
        "the final report of the OSCE/ODIHR election observation mission",
        "le rapport final de la mission d'observation électorale de l'OSCE/BIDDH",
    ),
]
COUNTRIES = [
    ("Kazakhstan", "Kazakhstan"), ("Belarus", "Biélorussie"), ("Azerbaijan", "Azerbaïdjan"), ("Egypt", "Égypte"),
    ("Cambodia", "Cambodge"), ("Venezuela", "Venezuela"), ("Nicaragua", "Nicaragua"), ("Russia", "Russie"),
    ("Turkey", "Turquie"), ("Bahrain", "Bahreïn"), ("Myanmar", "Myanmar"), ("Uzbekistan", "Ouzbékistan"),
    ("Ethiopia", "Éthiopie"), ("Sudan", "Soudan"), ("Georgia", "Géorgie"), ("Tajikistan", "Tadjikistan"),
    ("Vietnam", "Viêt Nam"), ("Iran", "Iran"), ("Burundi", "Burundi"), ("Honduras", "Honduras"),
]
TOPICS = [
    ("Situation in {}", "Situation en {}"), ("Human rights in {}", "Droits de l'homme en {}"),
    ("Freedom of the press in {}", "Liberté de la presse en {}"), ("Elections in {}", "Élections en {}"),
    ("{}", "{}"), ("Political prisoners in {}", "Prisonniers politiques en {}"),
]
COUNTRY_REGIONS = ["Central Asia", "Eastern Europe", "South Caucasus", "North Africa", "South-East Asia",
                   "Latin America", "Latin America", "Eastern Europe", "Europe", "Middle East", "South-East Asia",
                   "Central Asia", "East Africa", "East Africa", "South Caucasus", "Central Asia", "South-East Asia",
                   "Middle East", "East Africa", "Latin America"]
"""The tag of each of COUNTRIES' region."""
TOPIC_TAGS = ["", "human rights", "freedom of the press", "elections", "", "political prisoners"]
"""The tag of each of TOPICS, if any."""
DOC_TYPES = [
    ("European Parliament resolution", "Résolution du Parlement européen"),
    ("Greens/EFA motion for a resolution", "Proposition de résolution du groupe Verts/ALE"),
]
FIRST_NAMES = ["Anna", "Barbara", "Bart", "Keith", "Maria", "Jean", "Pierre", "Ska", "Heidi", "Marie",
               "Jordi", "Ulrike", "Reinhard", "Judith", "Tamás", "Michèle", "Eva", "José", "Raül", "Sven",
               "Terry", "Claude", "Ernest", "Karima", "Helga", "Bas", "Rebecca", "François", "Yannick", "Indrek"]
LAST_NAMES = ["Lochbihler", "Staes", "Taylor", "Keller", "Bové", "Lambert", "Cramer", "Trüpel", "Romeva",
              "Harms", "Bütikofer", "Sargentini", "Meszerics", "Rivasi", "Joly", "Durand", "Giegold", "Häusling",
              "Jadot", "Tarand", "Turmes", "Auken", "Evans", "Delli", "Reimon", "Eickhout", "Hautala",
              "Schlein", "Urtasun", "Sebastià", "Andersdotter", "Zdrojewski", "Ceballos", "Lunacek", "Flautre",
              "Cohn", "Ska", "Alfonsi", "Bélier", "Vergiat"]
STAFF_ROLES = [
    ("Advisor on Foreign Affairs", "Conseiller pour les affaires étrangères"),
    ("Advisor on Human Rights", "Conseiller pour les droits de l'homme"),
    ("Press officer", "Attaché de presse"), ("Advisor on Trade", "Conseiller pour le commerce"),
]
TEASERS = [
    ("[PLENARY FLASH: Greens/EFA Priorities](#)", "Press release"), ("[Greens/EFA urge EU response](#)", "News"),
    ("[Returns Regulation vote will endanger lives](#)", "Press release"), ("[Event: human rights defenders](#)", "Event"),
]
TEASER_CATEGORIES_FR = {"Press release": "Communiqué de presse", "News": "Actualités", "Event": "Événement"}


@dataclass(frozen=True)
class Text:
    """One synthetic text: enough to write both language versions and to cite it."""

    slug: str
    date: datetime.date
    titles: tuple[str, str]
    doc_type: int
    """Index into DOC_TYPES."""
    tags: tuple[str, ...] = ()
    """``meta.yml``'s tags: the region of the country, and the topic's where it has one."""


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def long_date(date: datetime.date, lang: str) -> str:
    return f"{date.day} {MONTHS[lang][date.month - 1]} {date.year}"


SYLLABLES = ["ba", "zar", "kem", "zhe", "nov", "sa", "par", "gal", "ok", "ta", "mi", "ra", "los", "dan",
             "vi", "ko", "len", "ash", "tur", "bek", "ma", "ru", "sel", "ya", "in", "gor", "al", "mek"]


def proper_name(rng: random.Random) -> str:
    """A made-up "Firstname Lastname": there are ~30,000 of them."""
    def word(parts: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()
    return f"{word(2)} {word(3)}"


def pick(rng: random.Random, pairs) -> int:
    return rng.randrange(len(pairs))


class Sentences:
    """Draws clause structures once and renders them in both languages (same units in both)."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def clause(self) -> tuple[int, int, int, int, str]:
        r = self.rng
        # A third of the clauses name someone (a detainee, a journalist): the long tail of
        # rare words that real texts have and that makes a search index big.
        name = proper_name(r) if r.random() < 0.35 else ""
        return pick(r, SUBJECTS), pick(r, VERBS), pick(r, OBJECTS), pick(r, QUALIFIERS), name

    @staticmethod
    def render_clause(clause, lang: int) -> str:
        s, v, o, q, name = clause
        case = (f", including in the case of {name}" if lang == 0 else f", notamment dans le cas de {name}") if name else ""
        return f"{SUBJECTS[s][lang]} {VERBS[v][lang]} {OBJECTS[o][lang]} {QUALIFIERS[q][lang]}{case}"

    def clauses(self, count: int):
        return [self.clause() for _ in range(count)]


def get_people_counts(count: int) -> tuple[int, int]:
    """(MEPs, staff) for a corpus of ``count`` texts."""
    return max(150, count // 8), max(20, count // 100)


def make_people(rng: random.Random, count: int) -> tuple[list[dict], list[dict]]:
    """The MEPs and staff of a corpus of ``count`` texts, with unique names: "First Last",
    then, past those 1,200 names, "First Last-Other" (drawn only then, so that smaller
    corpora stay what they were)."""
    meps_count, staff_count = get_people_counts(count)
    names = sorted({f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES})
    rng.shuffle(names)
    if meps_count + staff_count > len(names):
        more = sorted({f"{first} {last}-{other}" for first in FIRST_NAMES for last in LAST_NAMES for other in LAST_NAMES if last != other})
        rng.shuffle(more)
        names += more[: meps_count + staff_count - len(names)]
    countries = ["Germany", "Belgium", "France", "Spain", "Sweden", "Austria", "Netherlands", "Finland"]
    meps = [
        {"name": name, "kind": "mep", "country": rng.choice(countries), "group": "Greens/EFA",
         "term": f"{2004 + 5 * rng.randrange(3)}-2024"}
        for name in names[:meps_count]
    ]
    staff = [
        {"name": name, "kind": "staff", "group": "Greens/EFA", "role_index": rng.randrange(len(STAFF_ROLES))}
        for name in names[meps_count : meps_count + staff_count]
    ]
    return meps, staff


def make_texts(count: int, rng: random.Random) -> list[Text]:
    """``count`` texts with unique slugs, dated between 2009 and 2025, oldest first."""
    start = datetime.date(2009, 1, 1)
    span = (datetime.date(2025, 12, 31) - start).days
    texts, slugs = [], set()
    for date in sorted(start + datetime.timedelta(days=rng.randrange(span)) for _ in range(count)):
        country, topic = pick(rng, COUNTRIES), pick(rng, TOPICS)
        en = TOPICS[topic][0].format(COUNTRIES[country][0])
        fr = TOPICS[topic][1].format(COUNTRIES[country][1])
        slug = f"{date.isoformat()}-{slugify(en)}"
        suffix = 2
        while slug in slugs:  # two texts on the same subject on the same day: "(II)" in real life
            slug = f"{date.isoformat()}-{slugify(en)}-{suffix}"
            suffix += 1
        slugs.add(slug)
        tags = tuple(filter(None, (COUNTRY_REGIONS[country], TOPIC_TAGS[topic])))
        texts.append(Text(slug, date, (en, fr), doc_type=rng.randrange(len(DOC_TYPES)), tags=tags))
    return texts


def recital_label(index: int) -> str:
    """A ... Z, AA, AB ... (DESIGN.md section 3)."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def write_text(folder: Path, text: Text, earlier: list[Text], meps, staff, rng: random.Random) -> None:
    sentences = Sentences(rng)
    cited = [t for t in earlier if t.doc_type == 0]
    cited = rng.sample(cited[-200:], min(len(cited[-200:]), rng.randrange(0, 3)))
    externals = rng.sample(range(len(EXTERNAL_CITATIONS)), 4)
    recitals = [sentences.clauses(rng.randrange(2, 4)) for _ in range(rng.randrange(14, 20))]
    paragraphs = []
    for _ in range(rng.randrange(12, 16)):
        has_points = rng.random() < 0.2
        points = [sentences.clauses(1) for _ in range(rng.randrange(2, 4))] if has_points else []
        paragraphs.append((pick(rng, OPERATIVE_VERBS), pick(rng, SUBJECTS), pick(rng, OPERATIVE_LINKS),
                           sentences.clauses(rng.randrange(1, 3)), points))
    responsible = rng.sample(meps, rng.randrange(1, 4))
    contact = rng.choice(staff)
    teasers = [(rng.choice(TEASERS), datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randrange(120)))
               for _ in range(3)]

    for lang_index, lang in enumerate(("en", "fr")):
        en = lang == "en"
        lines = ["", "", "[en](#) | [fr](#)", "", f"[Publication](#) | {text.date:%d.%m.%Y}", "",
                 text.titles[lang_index], "", DOC_TYPES[text.doc_type][lang_index], "",
                 "The European Parliament," if en else "Le Parlement européen,", ""]
        for target in cited:
            title = target.titles[lang_index]
            if en:
                lines.append(f"- having regard to its resolution of {long_date(target.date, lang)} on {title},")
            else:
                lines.append(f"- vu sa résolution du {long_date(target.date, lang)} sur {title},")
        for index in externals:
            lines.append(f"- {'having regard to' if en else 'vu'} {EXTERNAL_CITATIONS[index][lang_index]},")
        lines.append(f"- {'having regard to Rule 135 of its Rules of Procedure' if en else 'vu l’article 135 de son règlement intérieur'},")
        lines.append("")
        for index, clauses in enumerate(recitals):
            joiner = "; whereas " if en else "; considérant que "
            body = joiner.join(Sentences.render_clause(c, lang_index) for c in clauses)
            lines += [f"{recital_label(index)}. {'whereas' if en else 'considérant que'} {body};", ""]
        for number, (verb, subject, link, clauses, points) in enumerate(paragraphs, 1):
            body = ", and ".join(Sentences.render_clause(c, lang_index) for c in clauses) if en else \
                ", et ".join(Sentences.render_clause(c, lang_index) for c in clauses)
            head = f"{number}. {OPERATIVE_VERBS[verb][lang_index]} {SUBJECTS[subject][lang_index]} " \
                   f"{OPERATIVE_LINKS[link][lang_index]} {OBJECTS[clauses[0][2]][lang_index]}; "
            if points:
                lines.append(head + ("notes that" if en else "constate que") + f" {body}:")
                for letter, point in zip("abcdefgh", points, strict=False):
                    label = f"({letter})" if en else f"{letter})"
                    lines.append(f"{label} {Sentences.render_clause(point[0], lang_index)};")
                lines.append("")
            else:
                lines += [head + ("notes that" if en else "constate que") + f" {body};", ""]
        lines.append("Instructs its President to forward this resolution to the Council and the Commission."
                     if en else "Charge son Président de transmettre la présente résolution au Conseil et à la Commission.")
        lines[-1] = f"{len(paragraphs) + 1}. {lines[-1]}"
        lines += ["", "Recommended" if en else "Recommandé", "", "News" if en else "Actualités", "",
                  f"© European Union {text.date.year} - European Parliament", "", ""]
        for (title, category), date in teasers:
            lines += ["", title, "", f"{date:%d.%m.%Y}", "",
                      category if en else TEASER_CATEGORIES_FR[category], "", "EP European Union 2026", "", ""]
        lines += ["Responsible MEPs" if en else "Députés responsables", "", ""]
        for mep in responsible:
            lines += ["", mep["name"], "", "Member" if en else "Membre", "", ""]
        lines += ["Contact person" if en else "Personne de contact", "", "", "", contact["name"], "",
                  STAFF_ROLES[contact["role_index"]][lang_index], "",
                  "Please share" if en else "Partager", "", "[.E-Mail](#)", ""]
        (folder / f"{lang}.txt").write_text("\n".join(lines), encoding="utf-8")


def make_corpus(count: int, out_dir: Path, seed: int = 1) -> list[str]:
    """Write ``count`` texts, ``meps.yml`` and ``references.yml`` into ``out_dir``; return the slugs."""
    rng = random.Random(seed)
    meps, staff = make_people(rng, count)
    texts = make_texts(count, rng)
    resolutions = out_dir / "resolutions"
    resolutions.mkdir(parents=True, exist_ok=True)
    for index, text in enumerate(texts):
        folder = resolutions / text.slug
        folder.mkdir(exist_ok=True)
        write_text(folder, text, texts[:index], meps, staff, rng)
        (folder / "meta.yml").write_text(yaml.safe_dump({"tags": list(text.tags)}, allow_unicode=True), encoding="utf-8")
    directory = meps + [
        {"name": s["name"], "kind": "staff", "group": s["group"], "role": STAFF_ROLES[s["role_index"]][0]}
        for s in staff
    ]
    (out_dir / "meps.yml").write_text(yaml.safe_dump(directory, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (out_dir / "references.yml").write_text("[]\n", encoding="utf-8")
    return [t.slug for t in texts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of texts")
    parser.add_argument("out_dir", type=Path, help="content directory to write (resolutions/, meps.yml ...)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    slugs = make_corpus(args.count, args.out_dir, args.seed)
    print(f"{len(slugs)} texts in {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
