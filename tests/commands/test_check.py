"""``python -m generator check``: one line per problem, a summary, exit status 0 / 1."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import FIXTURES, ROOT

FIXTURE = FIXTURES / "corpus_links"
KAZAKHSTAN = "corpus/resolutions/2012-03-07-kazakhstan"

WARNINGS = [
    f"{KAZAKHSTAN}/en.txt:11: cit_3: warning: ambiguous citation: resolution of 15 December 2011"
    " could be 2011-12-15-belarus or 2011-12-15-central-asia",
    f"{KAZAKHSTAN}/en.txt:12: cit_4: warning: unresolved citation: resolution of 3 March 2011",
    f"{KAZAKHSTAN}/en.txt:28: warning: unmatched person: SCHULZ Werner",
    f"{KAZAKHSTAN}/fr.txt:11: cit_3: warning: ambiguous citation: resolution of 15 décembre 2011"
    " could be 2011-12-15-belarus or 2011-12-15-central-asia",
    f"{KAZAKHSTAN}/fr.txt:12: cit_4: warning: unresolved citation: resolution of 3 mars 2011",
    f"{KAZAKHSTAN}/fr.txt:28: warning: unmatched person: SCHULZ Werner",
]


def check(cwd: Path, *options: str) -> tuple[int, list[str]]:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", *options],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8",
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.stderr == ""
    return result.returncode, result.stdout.splitlines()


@pytest.fixture
def corpus(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "corpus")
    return tmp_path


def test_warnings_only_exit_0_and_are_listed_by_file_then_document_order(corpus):
    status, lines = check(corpus, "--content", "corpus")
    assert lines == WARNINGS + ["6 problems (0 errors, 6 warnings)"]
    assert status == 0


def test_strict_fails_on_warnings(corpus):
    status, lines = check(corpus, "--content", "corpus", "--strict")
    assert lines[-1] == "6 problems (0 errors, 6 warnings)"
    assert status == 1


def test_every_error_is_reported_and_exit_1(corpus):
    root = corpus / "corpus" / "resolutions"
    (root / "2012-13-Bad_Slug").mkdir()
    (root / "kazakhstan-old").mkdir()
    (root / "2012-04-01-garbage").mkdir()
    (root / "2012-04-01-garbage" / "en.txt").write_text("hello\n", encoding="utf-8")
    (root / "2011-12-15-belarus" / "meta.yml").write_text("aliases: [2011-12-15-central-asia]\n", encoding="utf-8")
    fr = root / "2012-03-07-kazakhstan" / "fr.txt"
    fr.write_text(
        "".join(line for line in fr.read_text(encoding="utf-8").splitlines(True) if not line.startswith("B. ")),
        encoding="utf-8",
    )
    status, lines = check(corpus, "--content", "corpus")
    errors = [line for line in lines if ": error: " in line]
    assert errors[0] == (
        "corpus/resolutions/2011-12-15-belarus/meta.yml: error: "
        "alias '2011-12-15-central-asia' is already the slug of 2011-12-15-central-asia"
    )
    assert f"{KAZAKHSTAN}/fr.txt: error: units differ from en.txt: missing rec_B" in errors
    assert errors[2].startswith("corpus/resolutions/2012-04-01-garbage/en.txt: error: ")
    assert errors[3:] == [
        f"corpus/resolutions/{slug}: error: slug does not follow YYYY-MM-DD-title-words"
        " (lowercase ASCII, digits, hyphens)"
        for slug in ("2012-13-Bad_Slug", "kazakhstan-old")
    ]
    # The fr file's own error comes before its units' problems.
    fr_lines = [line for line in lines if line.startswith(f"{KAZAKHSTAN}/fr.txt")]
    assert ": error: units differ" in fr_lines[0]
    assert lines[-1] == "11 problems (5 errors, 6 warnings)"
    assert status == 1


def test_a_bad_directory_is_one_error_line(corpus):
    (corpus / "corpus" / "meps.yml").write_text("- name: A B\n  twitter: '@ab'\n", encoding="utf-8")
    status, lines = check(corpus, "--content", "corpus")
    assert lines[0].startswith("corpus/meps.yml: error: entry 1 (A B): unknown key 'twitter'")
    assert (status, lines[-1]) == (1, "1 problem (1 error, 0 warnings)")


def test_the_bundled_sample_passes_strict():
    status, lines = check(ROOT, "--content", "content", "--strict")
    assert (status, lines) == (0, ["no problems"])


def test_a_body_line_read_as_no_unit_is_an_error(corpus):
    text = corpus / "corpus" / "resolutions" / "2011-12-15-belarus" / "en.txt"
    # An unlabelled paragraph between the recital and paragraph 1: its words would be lost.
    text.write_text(text.read_text(encoding="utf-8").replace("\n1. ", "\nCalls for free elections;\n\n1. "), encoding="utf-8")
    status, lines = check(corpus, "--content", "corpus")
    number = text.read_text(encoding="utf-8").split("\n").index("Calls for free elections;") + 1
    assert lines[0] == (
        f"corpus/resolutions/2011-12-15-belarus/en.txt:{number}: error: "
        "line read as no unit nor page furniture, left out of the text: 'Calls for free elections;'"
    )
    assert (status, lines[-1]) == (1, "7 problems (1 error, 6 warnings)")


def test_lines_after_the_last_unit_are_the_pages(corpus):
    text = corpus / "corpus" / "resolutions" / "2011-12-15-belarus" / "en.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n\nFollow us on social media;\n", encoding="utf-8")
    status, lines = check(corpus, "--content", "corpus")
    assert (status, lines) == (0, WARNINGS + ["6 problems (0 errors, 6 warnings)"])


def test_a_document_type_that_is_the_whole_header_is_an_error(corpus):
    text = corpus / "corpus" / "resolutions" / "2011-12-15-belarus" / "en.txt"
    header = "European Parliament resolution " + "Document selected : A7-0100/2014 Texts tabled : A7-0100/2014 " * 3
    text.write_text(text.read_text(encoding="utf-8").replace("\nEuropean Parliament resolution\n", f"\n{header}\n"), encoding="utf-8")
    status, lines = check(corpus, "--content", "corpus")
    errors = [line for line in lines if ": error: " in line]
    assert errors == [
        "corpus/resolutions/2011-12-15-belarus/en.txt: error: document type 'European Parliament resolution Document selected :"
        " A7-0100/2014 Texts tabled…': 213 characters; correct it in meta.yml or the text"
    ]
    assert status == 1


@pytest.mark.parametrize(
    ("title", "problem"),
    [
        ("Index Previous Next Full text Procedure : 2013/2169(INI)", "reads like page furniture"),
        ("• EN - English", "reads like page furniture"),
        ("Belarus " * 70, "559 characters"),
    ],
)
def test_a_title_that_reads_like_page_furniture_is_an_error(corpus, title, problem):
    text = corpus / "corpus" / "resolutions" / "2011-12-15-belarus" / "en.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("\nBelarus\n", f"\n{title}\n"), encoding="utf-8")
    status, lines = check(corpus, "--content", "corpus")
    errors = [line for line in lines if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith("corpus/resolutions/2011-12-15-belarus/en.txt: error: title ")
    assert errors[0].endswith(f": {problem}; correct it in meta.yml or the text")
    assert status == 1
