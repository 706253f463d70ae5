"""Tests of generator.parse.parser (and generator.parse.recognizers) on fixtures, the sample and random texts.

Fixture cases live in ``tests/fixtures/parse/*.txt``, in the markdown-it-py fixture layout:

    name of the case
    .
    raw input (escapes: {BOM} {CR} {TAB} {NBSP}, and {DOT} for a "." that would end the section)
    .
    expected JSON: a subset of the ``parse --json`` object; lists must match in length,
    objects only in the keys given. Extra keys: "lines" ({eid or person name: line}),
    "error" (a substring of the InputError's message) and "error_line".
    .

Golden files ``tests/golden/parse/2012-03-07-kazakhstan.{en,fr}.json`` hold the whole
``parse --json`` output of the bundled sample. After a deliberate change, regenerate them
with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/parse/test_parser.py -k golden

and review the diff (``git diff tests/golden``) before committing it.
"""

from __future__ import annotations

import collections
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.errors import InputError
from generator.model import RawText
from generator.parse import recognizers
from generator.parse.parser import parse_resolution
from generator.read.decode import decode_text, read_raw_text
from tests import paths

ROOT = paths.ROOT
FIXTURES = paths.FIXTURES / "parse"
GOLDEN = paths.GOLDEN / "parse"
SAMPLE = ROOT / "content" / "resolutions" / "2012-03-07-kazakhstan"

_ESCAPES = {"{BOM}": "\ufeff", "{CR}": "\r", "{TAB}": "\t", "{NBSP}": "\u00a0", "{DOT}": "."}


# --------------------------------------------------------------------------- fixtures


def read_fixture_cases(path: Path) -> list[tuple[str, str, dict]]:
    """(name, raw input, expected) of each case of a fixture file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, position = [], 0
    while position < len(lines):
        if not lines[position].strip():
            position += 1
            continue
        name = lines[position]
        assert lines[position + 1] == ".", f"{path.name}:{position + 2}: expected '.' after the case name"
        sections, position = [], position + 2
        for _ in range(2):
            end = lines.index(".", position)
            sections.append("\n".join(lines[position:end]))
            position = end + 1
        raw_input, expected = sections
        for escape, char in _ESCAPES.items():
            raw_input = raw_input.replace(escape, char)
        cases.append((name, raw_input + "\n", json.loads(expected)))
    return cases


FIXTURE_CASES = [
    pytest.param(raw_input, expected, id=f"{path.stem}: {name}")
    for path in sorted(FIXTURES.glob("*.txt"))
    for name, raw_input, expected in read_fixture_cases(path)
]


def assert_subset(expected, actual, where="$"):
    """``expected`` is found in ``actual``: same scalars, same list lengths, given keys."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{where}: no key {key!r}"
            assert_subset(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: expected a list, got {actual!r}"
        assert len(actual) == len(expected), f"{where}: {len(actual)} items, expected {len(expected)}: {actual!r}"
        for index, (item, actual_item) in enumerate(zip(expected, actual, strict=False)):
            assert_subset(item, actual_item, f"{where}[{index}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def line_numbers(resolution) -> dict[str, int]:
    """Unit id or person name -> line where it starts."""
    numbers = {unit.eid: unit.line for unit in resolution.units()}
    numbers.update((person.name, person.line) for person in resolution.meps + resolution.contacts)
    return numbers


def test_fixture_files_have_many_cases():
    assert len(FIXTURE_CASES) >= 30


@pytest.mark.parametrize(("raw_input", "expected"), FIXTURE_CASES)
def test_fixture(tmp_path, raw_input, expected):
    source = tmp_path / "input.txt"  # no language in the name: detected from the text
    source.write_bytes(raw_input.encode("utf-8"))
    expected = dict(expected)
    error = expected.pop("error", None)
    error_line = expected.pop("error_line", None)
    lines = expected.pop("lines", {})
    if error is not None:
        with pytest.raises(InputError) as raised:
            parse_resolution(read_raw_text(source))
        assert error in raised.value.message
        assert raised.value.path == str(source)
        assert raised.value.line == error_line
        return
    resolution = parse_resolution(read_raw_text(source))
    assert_subset(expected, resolution.to_json())
    numbers = line_numbers(resolution)
    for key, number in lines.items():
        assert numbers.get(key) == number, f"line of {key}"


# --------------------------------------------------------------------------- the sample


def parse_sample(lang: str):
    return parse_resolution(read_raw_text(SAMPLE / f"{lang}.txt"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_golden(lang):
    golden = GOLDEN / f"2012-03-07-kazakhstan.{lang}.json"
    produced = json.dumps(parse_sample(lang).to_json(), ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8"), f"regenerate with UPDATE_GOLDEN=1 (see {__name__})"


SAMPLE_EIDS = (
    tuple(f"cit_{n}" for n in range(1, 9))
    + tuple(f"rec_{letter}" for letter in "ABCDEFGHIJKLMNOPQ")
    + tuple(f"para_{n}" for n in range(1, 14))
)


def test_done_when_english_sample():
    resolution = parse_sample("en")
    assert resolution.lang == "en"
    assert resolution.title == "Kazakhstan"
    assert resolution.date.isoformat() == "2012-03-07"
    assert resolution.doc_type == "Greens/EFA motion for a resolution"
    assert resolution.preamble == "The European Parliament,"
    assert [c.eid for c in resolution.citations] == [f"cit_{n}" for n in range(1, 9)]
    assert [r.eid for r in resolution.recitals] == [f"rec_{x}" for x in "ABCDEFGHIJKLMNOPQ"]
    assert [p.eid for p in resolution.paragraphs] == [f"para_{n}" for n in range(1, 14)]
    assert resolution.eids() == SAMPLE_EIDS
    assert [(m.name, m.role) for m in resolution.meps] == [
        ("Barbara Lochbihler", "Member"), ("Bart Staes", "Member"), ("Keith Taylor", "Member"),
    ]
    assert [(c.name, c.role) for c in resolution.contacts] == [("Paolo Bergamaschi", "Advisor on Foreign Affairs")]
    recital_o = resolution.recitals[14]
    assert recital_o.eid == "rec_O"
    assert "against the repression and calling" in recital_o.text
    assert recital_o.text.endswith("fined others who participated;")
    assert resolution.citations[0].text.startswith("having regard to its previous resolutions on Kazakhstan")
    assert resolution.paragraphs[-1].text.endswith("Cooperation in Europe.")
    # Lines of the original file: the first citation, recital O (before its page break),
    # the recital after it, the last paragraph, the contact.
    assert (resolution.citations[0].line, recital_o.line, resolution.recitals[15].line) == (13, 50, 54)
    assert resolution.paragraphs[-1].line == 73
    assert resolution.contacts[0].line == 141


def test_done_when_french_sample():
    french, english = parse_sample("fr"), parse_sample("en")
    assert french.lang == "fr"
    assert french.eids() == english.eids() == SAMPLE_EIDS
    assert french.title == "Kazakhstan"
    assert french.date == english.date
    assert french.doc_type == "Proposition de résolution des Verts/ALE"
    assert french.preamble == "Le Parlement européen,"
    assert french.citations[0].text == "vu ses résolutions antérieures sur le Kazakhstan, en particulier celle du 17 septembre 2009,"
    assert french.recitals[0].text.startswith("considérant que")
    assert "contre la répression et appelant" in french.recitals[14].text
    assert french.paragraphs[0].text.startswith("condamne fermement")
    assert [(m.name, m.role) for m in french.meps] == [
        ("Barbara Lochbihler", "Membre"), ("Bart Staes", "Membre"), ("Keith Taylor", "Membre"),
    ]
    assert [(c.name, c.role) for c in french.contacts] == [
        ("Paolo Bergamaschi", "Conseiller pour les affaires étrangères"),
    ]


# --------------------------------------------------------------------------- no word is lost

# Every line of the sample pages that is not the resolution's: written out by hand, not
# computed by the recognizers under test.
SAMPLE_NOISE_LINES = {
    "en": [
        "[en](#) | [fr](#)", "[Publication](#) | 07.03.2012", "Recommended", "News",
        "© European Union 2013 - European Parliament", "[PLENARY FLASH: Greens/EFA Priorities 27 to 30 April](#)",
        "27.04.2026", "Press release", "hosnysalah", "[Israel: Greens/EFA urge EU response to death penalty l...](#)",
        "01.04.2026", "News", "©zsofia-vera", "[PLENARY FLASH: Greens/EFA Priorities 9 to 12 March](#)",
        "09.03.2026", "Press release", "EP European Union 2026",
        "[Returns Regulation vote will endanger lives & violate ...](#)", "09.03.2026",
        "Responsible MEPs", "Contact person", "Please share", "[.E-Mail](#)",
    ],
    "fr": [
        "fr | en", "[Publication](#) | 07.03.2012", "Recommandé", "Actualités",
        "© Union européenne 2013 - Parlement européen", "[FLASH PLÉNIÈRE : les priorités des Verts/ALE du 27 au 30 avril](#)",
        "27.04.2026", "Communiqué de presse", "hosnysalah",
        "[Israël : les Verts/ALE demandent une réponse de l’UE à la peine de mort...](#)",
        "01.04.2026", "Actualités", "©zsofia-vera", "[FLASH PLÉNIÈRE : les priorités des Verts/ALE du 9 au 12 mars](#)",
        "09.03.2026", "Communiqué de presse", "PE Union européenne 2026",
        "[Le règlement sur les retours mettra des vies en danger et violera...](#)", "09.03.2026",
        "Députés responsables", "Personne de contact", "Partager", "[.E-Mail](#)",
    ],
}
_LABEL_OR_BULLET = re.compile(r"^(?:[A-Z]{1,2}\.|\d{1,3}\.|[-–•])$")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_word_is_lost(lang):
    source_lines = (SAMPLE / f"{lang}.txt").read_text(encoding="utf-8").split("\n")
    noise = collections.Counter(SAMPLE_NOISE_LINES[lang])
    kept_lines = []
    for line in source_lines:
        if noise[line.strip()]:
            noise[line.strip()] -= 1
        else:
            kept_lines.append(line)
    assert not +noise, f"noise lines not found in the sample: {+noise}"
    source_words = collections.Counter(
        word for line in kept_lines for index, word in enumerate(line.split())
        if not (index == 0 and _LABEL_OR_BULLET.match(word))
    )

    resolution = parse_sample(lang)
    texts = [resolution.title, resolution.doc_type, resolution.preamble]
    texts += [unit.text for unit in resolution.units()]
    texts += [f"{person.name} {person.role}" for person in resolution.meps + resolution.contacts]
    parsed_words = collections.Counter(word for text in texts for word in text.split())

    assert parsed_words == source_words
    assert resolution.date.strftime("%d.%m.%Y") == "07.03.2012"


# --------------------------------------------------------------------------- property test

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8).filter(
    lambda word: word not in {"vu", "i", "v", "x"}
)
_WORDS = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_CAPITALISED = _WORDS.map(lambda words: words[:1].upper() + words[1:]).filter(
    # A name or role that reads like the page's chrome ("News", "Contact") is not one.
    lambda words: words.casefold() not in recognizers.SITE_CHROME and not recognizers.people_section(
        recognizers.SourceLine(0, words, words)
    )
)
_NOISE_BLOCKS = [
    ["[en](#) | [fr](#)"],
    ["fr | en"],
    ['string(3) "185"'],
    ["array(2) {", '  ["id"]=>', '  string(3) "185"', '  ["x"]=>', "  int(7)", "}"],
    ["News", "", "© European Union 2013 - European Parliament", "", "[PLENARY FLASH: Priorities](#)", "", "27.04.2026"],
    ["Press release", "", "hosnysalah", "", "[Returns Regulation vote ...](#)", "", "09.03.2026"],
]


@st.composite
def generated_pages(draw):
    """(raw page text, expected units and people) in the layout of the sample page."""
    citations = draw(st.lists(_WORDS, max_size=4))
    recitals = draw(st.lists(_WORDS, max_size=30))
    paragraphs = draw(st.lists(st.tuples(_CAPITALISED, st.lists(_WORDS, max_size=3)), max_size=14))
    if not (citations or recitals or paragraphs):
        paragraphs = [("Condemns", [])]
    people = draw(st.lists(st.tuples(_CAPITALISED, _CAPITALISED), max_size=3))
    page_breaks = draw(st.booleans())

    def noise():
        return draw(st.sampled_from(_NOISE_BLOCKS)) if draw(st.integers(0, 3)) == 0 else []

    lines = ["[en](#) | [fr](#)", "", "[Publication](#) | 07.03.2012", "", "Kazakhstan", "",
             "Greens/EFA motion for a resolution", "", "The European Parliament,", ""]
    expected = []
    for index, text in enumerate(citations, start=1):
        bullet = draw(st.sampled_from(["- ", "– ", "• ", "* ", ""]))
        lines += noise() + [f"{bullet}having regard to {text},"]
        expected.append((f"cit_{index}", f"having regard to {text},"))
    label = None
    for text in recitals:
        label = recognizers.next_recital_label(label)
        glue = draw(st.sampled_from(["", 'string(3) "185"', "[{}](#)"]))
        start = f"[{label}.](#)" if glue == "[{}](#)" else f"{glue}{label}."
        words = f"whereas {text}".split()
        if page_breaks and len(words) > 1:
            cut = draw(st.integers(1, len(words) - 1))
            lines += noise() + ["", f"{start}  {' '.join(words[:cut])}", "", f"{' '.join(words[cut:])};"]
        else:
            lines += noise() + ["", f"{start} {' '.join(words)};"]
        expected.append((f"rec_{label}", f"whereas {text};"))
    for number, (text, points) in enumerate(paragraphs, start=1):
        lines += noise() + [f"{number}. {text}{':' if points else '.'}"]
        expected.append((f"para_{number}", f"{text}{':' if points else '.'}"))
        letter = None
        for point in points:
            letter = recognizers.next_letter(letter)
            lines.append(f"{draw(st.sampled_from(['({})', '{})'])).format(letter)} {point};")
            expected.append((f"para_{number}__point_{letter}", f"{point};"))
    lines += ["", "Recommended", ""] + _NOISE_BLOCKS[4] + [""] + _NOISE_BLOCKS[5]
    if people:
        lines += ["", "Responsible MEPs"]
        for name, role in people:
            lines += ["", "", name, "", role]
    lines += ["", "Please share", "", "[.E-Mail](#)", ""]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + newline.join(lines), expected, people


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_pages())
def test_generated_pages_parse_back(page):
    raw_text, expected_units, expected_people = page
    text = decode_text(raw_text.encode("utf-8"), "generated/en.txt")
    resolution = parse_resolution(RawText(path="generated/en.txt", lang="en", text=text))
    assert [(unit.eid, unit.text) for unit in resolution.units()] == expected_units
    assert [(person.name, person.role) for person in resolution.meps] == expected_people
    assert resolution.title == "Kazakhstan"
    assert resolution.doc_type == "Greens/EFA motion for a resolution"


# --------------------------------------------------------------------------- direct calls


def test_parse_is_pure_and_names_the_file_when_no_units():
    raw = RawText(path="content/resolutions/x/en.txt", lang="en", text="Kazakhstan\n\nRecommended\n")
    with pytest.raises(InputError) as raised:
        parse_resolution(raw)
    assert str(raised.value).startswith("content/resolutions/x/en.txt: expected at least one citation")


_WHITESPACE = "".join(chr(code) for code in range(0x110000) if chr(code).isspace())
_LINE_PIECES = st.one_of(
    st.sampled_from(_WHITESPACE),
    st.sampled_from([" ", "  ", "\n", "a", "Bé", "1.", "](", "[x](#)", "![i](p)", "\u200b", "\xad"]),
    st.sampled_from(['string(1) "x"', "NULL", "int(3)", "array(1) {", "}"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=40).map("".join))
@example("a  b \n a\tb\n\xa0a\n[a](b)  c\n![i](p) x\n \u2003 \n")
def test_source_lines_clean_each_line_as_defined(text):
    # source_lines takes shortcuts (strip only, for a line whose only whitespace is single
    # spaces); each line must come out as links stripped, then whitespace normalised.
    lines = recognizers.strip_php_dumps(text).split("\n")
    expected = [
        recognizers.SourceLine(number, raw, " ".join(recognizers.strip_markdown_links(raw).split()))
        for number, raw in enumerate(lines, start=1)
    ]
    assert recognizers.source_lines(text) == [line for line in expected if line.text]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("[en](#) | [fr](#)", "language_switcher"),
        ("EN | FR | DE", "language_switcher"),
        ("Publication | 07.03.2012", "publication_line"),
        ("07.03.2012", "publication_line"),
        ("[PLENARY FLASH: Priorities](#)", "teaser_title"),
        ("© European Union 2013 - European Parliament", "copyright"),
        ("Please share", "site_chrome"),
        ("Veuillez partager", "site_chrome"),
        ("Recommended", "site_chrome"),
        ("Kazakhstan", None),
        ("A. whereas the talks go on;", None),
    ],
)
def test_noise_kind_names_the_recognizer_that_claims_a_line(line, kind):
    [source] = recognizers.source_lines(line)
    assert recognizers.noise_kind(source) == kind
    assert recognizers.is_noise(source) == (kind is not None)


def test_recital_labels_follow_z_with_aa():
    labels = ["A"]
    for _ in range(60):
        labels.append(recognizers.next_recital_label(labels[-1]))
    assert labels[25:29] == ["Z", "AA", "AB", "AC"]
    assert labels[51:54] == ["AZ", "BA", "BB"]
    assert recognizers.next_recital_label("ZZ") == "AAA"


def test_roman_numerals():
    assert [recognizers.to_roman(n) for n in (1, 4, 9, 14, 40)] == ["i", "iv", "ix", "xiv", "xl"]
    assert recognizers.next_roman("viii") == "ix"


# --------------------------------------------------------------------------- parse command


def test_run_parse_prints_the_json_object(capsys):
    from generator.commands.parse import run_parse

    assert run_parse(str(SAMPLE / "en.txt"), as_json=True, lang=None) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads((GOLDEN / "2012-03-07-kazakhstan.en.json").read_text(encoding="utf-8"))


def test_run_parse_prints_an_outline(capsys):
    from generator.commands.parse import run_parse

    assert run_parse(str(SAMPLE / "fr.txt"), as_json=False, lang="fr") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == ["Kazakhstan", "date: 2012-03-07", "type: Proposition de résolution des Verts/ALE"]
    assert "cit_1    vu ses résolutions antérieures sur le Kazakhstan, en particulier celle du 17 septembre 2009," in lines
    unit_lines = [line for line in lines if re.match(r"^(cit|rec|para)_", line)]
    assert [line.split()[0] for line in unit_lines] == list(SAMPLE_EIDS)
    assert all(len(line) <= 9 + 100 for line in unit_lines)
    assert any(line.endswith("…") for line in unit_lines)
    assert "  Paolo Bergamaschi (Conseiller pour les affaires étrangères)" in lines


def test_run_parse_raises_input_error_for_the_cli(tmp_path):
    from generator.commands.parse import run_parse

    empty = tmp_path / "en.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError):
        run_parse(str(empty), as_json=True, lang=None)


def test_unknown_lines_of_the_body_are_reported_as_skipped():
    from generator.parse.parser import SkippedLine, parse_resolution_with_skipped_lines

    # A line that reads as no unit, no heading (it ends as a unit does) and no noise,
    # between two units; what follows the last unit is the page's and not reported.
    text = "Kazakhstan\n1. Calls for the release.\n\nCalls on the Council to act;\n\n2. Deplores.\n\nRecommended\n\nOther site;\n"
    resolution, skipped = parse_resolution_with_skipped_lines(RawText("x/en.txt", "en", text))
    assert resolution.eids() == ("para_1", "para_2")
    assert skipped == (SkippedLine(4, "Calls on the Council to act;"),)
    for lang in ("en", "fr"):  # every line of the sample pages is either used or known noise
        assert parse_resolution_with_skipped_lines(read_raw_text(SAMPLE / f"{lang}.txt"))[1] == ()
