"""``import`` of the real saved pages of ``../shared/samples/real`` (where that folder exists).

Each ``source.html`` is imported as a user would, into a fresh content folder; the text
it becomes is parsed and scored against the folder's ``truth.json`` with the set's own
``score.py`` rules (the per-field table is printed). A page whose truth has no units
(EUR-Lex's "Document information" pages) holds no text of a resolution: ``import``
refuses it, every other one it writes. The pages scraped with markdownify become exactly
their ``raw.txt``.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from dataclasses import dataclass

import pytest

from generator.commands.import_pages import get_soup, import_pages, page_to_text
from generator.model import RawText
from generator.parse.parser import parse_resolution
from tests.paths import ROOT

REAL = ROOT.parent / "shared" / "samples" / "real"
SAMPLES = sorted(p.parent for p in REAL.glob("*/source.html")) if REAL.is_dir() else []

pytestmark = pytest.mark.skipif(not SAMPLES, reason=f"no real samples at {REAL}")



def load_score():
    """The set's own scoring rules (``score.py`` beside the texts)."""
    spec = importlib.util.spec_from_file_location("real_samples_score", REAL / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Imported:
    truth: dict
    status: int
    """Exit status of ``import``."""
    message: str
    """What it printed on stderr."""
    text: str
    """The page as import turns it into text."""
    scores: dict
    """score.py's per-field scores of the parse of ``text`` (None: not scored)."""


def parse_json(text: str, lang: str) -> dict | None:
    """What ``parse FILE --json`` prints for ``text``, or None where it fails."""
    try:
        return parse_resolution(RawText("page", lang, text)).to_json()
    except Exception:  # noqa: BLE001 - a failed parse scores 0, as score.py has it
        return None


@pytest.fixture(scope="module")
def score():
    return load_score()


@pytest.fixture(scope="module")
def imported(tmp_path_factory, score) -> list[Imported]:
    found = []
    for sample in SAMPLES:
        truth = json.loads((sample / "truth.json").read_text(encoding="utf-8"))
        stderr = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
            status = import_pages([str(sample / "source.html")], tmp_path_factory.mktemp(truth["id"]))
        text = page_to_text(get_soup((sample / "source.html").read_bytes(), "source.html"))
        scores, _ = score.score_text(truth, parse_json(text, truth["lang"]))
        found.append(Imported(truth, status, stderr.getvalue(), text, scores))
    return found


def table(fields, rows: list[Imported]) -> str:
    head = f"{'id':5} " + " ".join(f"{f[:9]:>9}" for f in fields) + "  import"
    lines = [head, "-" * len(head)]
    for row in rows:
        cells = " ".join(f"{'-' if row.scores[f] is None else row.scores[f]:>9}" for f in fields)
        lines.append(f"{row.truth['id']:5} {cells}  {'wrote it' if row.status == 0 else f'exit {row.status}'}")
    totals = []
    for f in fields:
        values = [row.scores[f] for row in rows if row.scores[f] is not None]
        totals.append(f"{sum(values)}/{len(values)}")
    lines += ["-" * len(head), f"{'total':5} " + " ".join(f"{t:>9}" for t in totals)]
    return "\n".join(lines)


def test_a_page_scraped_with_markdownify_becomes_exactly_its_raw_text(imported):
    markdownify_scrapes = [row for row in imported if row.truth["scrape"] == "markdownify"]
    assert markdownify_scrapes
    for row in markdownify_scrapes:
        raw = (REAL / next(p.name for p in SAMPLES if p.name.startswith(row.truth["id"])) / "raw.txt").read_text(encoding="utf-8")
        assert row.text == raw.rstrip() + "\n", row.truth["id"]


def test_every_field_of_every_imported_page_is_right(imported, score, capsys):
    with capsys.disabled():
        print("\nimport of ../shared/samples/real/*/source.html, scored with its score.py:\n" + table(score.FIELDS, imported))
    wrong = {row.truth["id"]: [f for f in score.FIELDS if row.scores[f] == 0] for row in imported if 0 in row.scores.values()}
    assert wrong == {}
    assert [row.truth["id"] for row in imported if row.truth["units"] and row.status != 0] == []


def test_a_page_without_the_text_of_a_resolution_is_refused(imported):
    refused = [row for row in imported if not row.truth["units"]]
    assert refused
    for row in refused:
        assert row.status == 2 and "no text of a resolution in it" in row.message, row.message
