"""Conformance: the parser on real pages kept outside the repository.

``../shared/samples/real`` (beside the repository's root, where it exists) holds real
Parliament, EUR-Lex and Greens/EFA pages as scraped (``raw.txt``), each with the values a
parser must read from it (``truth.json``). Every field of every text must be right, by
the rules of the set's own scorer (``score.py`` there), restated here:

- title: equal after normalisation (white space, hyphen and apostrophe variants, Markdown
  escapes and links, case of the first letter), or equal to one of ``title_alt``;
- date: the same ISO date; doc_type: equal ignoring case;
- reference: the same document number however written (P7_TA(2014)0206 = TA-7-2014-0206);
- procedure: the same procedure number (2020/2167(DEC) = 2020/2167/DEC);
- authors: the same names ("meps", else "authors"), ignoring case, word order and hyphens;
- eids: the unit ids in document order; start / end: each unit's first / last words
  (``text_start`` / ``text_end``) contained in the unit of that id.

A null in the truth wants null or "" (or [] for authors). A text without units is right
when the parser refuses it or finds none. Run with ``-s`` to see the per-field table.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.parse.parser import parse_resolution
from generator.read.decode import read_raw_text
from tests.paths import ROOT

REAL_TEXTS = ROOT.parent / "shared" / "samples" / "real"
FIELDS = ("title", "date", "doc_type", "reference", "procedure", "authors", "eids", "start", "end")

pytestmark = pytest.mark.skipif(not REAL_TEXTS.is_dir(), reason=f"no real texts at {REAL_TEXTS}")

_VARIANTS = dict.fromkeys(map(ord, "\u2010\u2011\u2012"), "-") | dict.fromkeys(map(ord, "\u2019\u2018\u02bc"), "'")


def base(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_VARIANTS).replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def lenient(text: str) -> str:
    """Without Markdown link syntax, backslash escapes, footnote calls "[1]" and blanks
    before punctuation."""
    text, previous = base(text), None
    while previous != text:
        previous = text
        text = re.sub(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|~<>])", r"\1", text)
    text = re.sub(r"\[\d{1,3}\]", "", text)
    text = re.sub(r"\s+([,;:.)])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def title_key(text: str) -> str:
    text = lenient(text)
    return text[:1].casefold() + text[1:]


def reference_key(text: str):
    text = lenient(text).upper().replace(" ", "")
    for pattern, order in (
        (r"P(\d{1,2})[_-](TA|A|B)[-_(]?(\d{4})[)-]?(\d{4})", (2, 1, 3, 4)),
        (r"(TA|A|B|RC)-(\d{1,2})-(\d{4})-(\d{4})", (1, 2, 3, 4)),
        (r"(RC-B|A|B)(\d{1,2})-(\d{4})/(\d{4})", (1, 2, 4, 3)),
    ):
        found = re.fullmatch(pattern, text)
        if found:
            kind = found[order[0]]
            return ("RC" if kind == "RC-B" else kind, *(int(found[i]) for i in order[1:]))
    found = re.fullmatch(r"(A|B|TA)/(\d{4})/(\d{4})", text)
    return (found[1], None, int(found[2]), int(found[3])) if found else text


def same_reference(truth: str, got: str) -> bool:
    a, b = reference_key(truth), reference_key(got)
    if a == b:
        return True
    return isinstance(a, tuple) and isinstance(b, tuple) and None in (a[1], b[1]) and (a[0], *a[2:]) == (b[0], *b[2:])


def procedure_key(text: str):
    text = lenient(text).upper().replace(" ", "")
    found = re.fullmatch(r"(\d{4})/(\d{4})[(/]?([A-Z]{3})\)?", text)
    return found.groups() if found else text


def name_key(name: str) -> str:
    return " ".join(sorted(base(name).casefold().replace("-", " ").split()))


def flat_units(parsed: dict) -> list[dict]:
    units = [*parsed.get("citations", []), *parsed.get("recitals", [])]
    for paragraph in parsed.get("paragraphs", []):
        units += [paragraph, *paragraph.get("points", [])]
    return units


def score(truth: dict, parsed: dict | None) -> dict[str, int | None]:
    """Field -> 1 (right), 0 (wrong) or None (not scored), as the set's scorer scores."""
    if parsed is None:
        scores: dict[str, int | None] = dict.fromkeys(FIELDS, 0)
        if not truth["units"]:
            scores.update(eids=1, start=None, end=None)
        return scores

    def simple(field, same):
        want, got = truth[field], parsed.get(field)
        if want is None:
            return int(got in (None, ""))
        return int(isinstance(got, str) and bool(got) and same(want, got))

    titles = [truth["title"], *truth.get("title_alt", [])] if truth["title"] else [truth["title"]]
    scores = {
        "title": simple("title", lambda want, got: any(title_key(t) == title_key(got) for t in titles)),
        "date": simple("date", lambda want, got: want == got.strip()),
        "doc_type": simple("doc_type", lambda want, got: title_key(want).casefold() == title_key(got).casefold()),
        "reference": simple("reference", same_reference),
        "procedure": simple("procedure", lambda want, got: procedure_key(want) == procedure_key(got)),
    }
    people = parsed.get("meps", parsed.get("authors", []))
    scores["authors"] = int(sorted(name_key(p["name"]) for p in people) == sorted(name_key(a["name"]) for a in truth["authors"]))
    units = flat_units(parsed)
    if not truth["units"]:
        scores.update(eids=int(not units), start=None, end=None)
        return scores
    scores["eids"] = int([u["eid"] for u in units] == [u["eid"] for u in truth["units"]])
    texts: dict[str, str] = {}
    for unit in units:
        texts.setdefault(unit["eid"], unit["text"])
    for field, key in (("start", "text_start"), ("end", "text_end")):
        wanted = [u for u in truth["units"] if key in u]
        found = [u for u in wanted if u["eid"] in texts and (
            base(u[key]) in base(texts[u["eid"]]) or lenient(u[key]) in lenient(texts[u["eid"]])
        )]
        scores[field] = int(len(found) == len(wanted)) if wanted else None
    return scores


def parse_json(raw_path: Path) -> dict | None:
    try:
        return parse_resolution(read_raw_text(raw_path)).to_json()
    except InputError:
        return None


def test_every_field_of_every_real_text_is_right():
    folders = sorted(path.parent for path in REAL_TEXTS.glob("*/truth.json"))
    assert folders, f"no texts in {REAL_TEXTS}"
    rows = []
    for folder in folders:
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        rows.append((truth["id"], score(truth, parse_json(folder / "raw.txt"))))
    header = f"{'id':5} " + " ".join(f"{field[:9]:>9}" for field in FIELDS)
    lines = [header, "-" * len(header)]
    lines += [f"{name:5} " + " ".join(f"{'-' if s[f] is None else s[f]:>9}" for f in FIELDS) for name, s in rows]
    totals = {f: [s[f] for _, s in rows if s[f] is not None] for f in FIELDS}
    lines.append("-" * len(header))
    lines.append(f"{'total':5} " + " ".join(f"{f'{sum(v)}/{len(v)}':>9}" for v in totals.values()))
    table = "\n".join(lines)
    print(f"\n{table}")
    wrong = [f"{name}: {field}" for name, s in rows for field in FIELDS if s[field] == 0]
    assert not wrong, f"wrong fields: {', '.join(wrong)}\n{table}"
