"""Bounded input, no code from disk, and one line for every mistake in the content.

Rows of issue 12: a YAML alias bomb; a crafted cache, then ``build --incremental``; a FIFO
as ``en.txt`` or ``meta.yml``, ``en.txt`` linked to ``/dev/zero`` or to a text outside
the content tree; ``tags: 5``, ``unofficial_translations: 5``, ``meps.yml`` a folder,
unreadable YAML, a name over ~250 bytes; a person named "Index"; 1,000 paragraphs or
more; ``EN.TXT``, ``de.txt``, a slug dated 2012-13-45.

Each bad case is run as a user runs it (``python -m generator build``), with a timeout
of seconds: it ends with exit status 2 and one line naming the file, no traceback, no
site, and every file around as it was.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.read.cache import get_code_version
from generator.read.files import MAX_FILE_BYTES
from generator.site_folder import get_build_dir
from tests.hostile.tools import (
    TEXT,
    assert_one_line_error,
    fingerprint,
    html_pages,
    make_content,
    run_generator,
)

TEXT_DIR = "resolutions/2012-03-01-text-1"

BOMB = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""
"""The 494-byte "billion laughs" of the issue: 9^9 strings behind nine lines."""


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def meps_bomb(content: Path) -> None:
    write(content / "meps.yml", "- name: A B\n  role: x\n" + "- name: C D\n  social:\n" + "".join(
        f"    {line}\n" for line in BOMB.splitlines()))


def meta(text: str) -> Callable[[Path], None]:
    return lambda content: write(content / TEXT_DIR / "meta.yml", text)


def fifo(name: str) -> Callable[[Path], None]:
    def make(content: Path) -> None:
        (content / name).unlink(missing_ok=True)
        os.mkfifo(content / name)

    return make


def link(name: str, target: Callable[[Path], Path]) -> Callable[[Path], None]:
    def make(content: Path) -> None:
        (content / name).unlink(missing_ok=True)
        (content / name).symlink_to(target(content))

    return make


def outside_text(content: Path) -> Path:
    secret = content.parent / "secret.txt"
    write(secret, "Secret plans\n\n1. Calls for the release of the secret.\n")
    return secret


def folder_outside(content: Path) -> None:
    elsewhere = content.parent / "elsewhere"
    elsewhere.mkdir()
    write(elsewhere / "en.txt", TEXT.format(n="elsewhere"))
    (content / "resolutions" / "2012-05-05-linked").symlink_to(elsewhere)


def meps_folder(content: Path) -> None:
    (content / "meps.yml").unlink()
    (content / "meps.yml").mkdir()


def too_big(content: Path) -> None:
    line = "1. Calls for the release of everyone.\n"
    write(content / TEXT_DIR / "en.txt", "Title\n\n" + line * (MAX_FILE_BYTES // len(line) + 1))


BAD_CONTENT = {
    "yaml alias bomb in meps.yml": (meps_bomb, "meps.yml:", "YAML alias"),
    "yaml alias bomb in meta.yml": (meta(BOMB), "meta.yml:1: a YAML alias (*name) repeats the value here", ""),
    "fifo as en.txt": (fifo(f"{TEXT_DIR}/en.txt"), "en.txt: a FIFO, not a file", ""),
    "fifo as meta.yml": (fifo(f"{TEXT_DIR}/meta.yml"), "meta.yml: a FIFO, not a file", ""),
    "fifo as meps.yml": (fifo("meps.yml"), "meps.yml: a FIFO, not a file", ""),
    "en.txt linked to /dev/zero": (link(f"{TEXT_DIR}/en.txt", lambda _: Path("/dev/zero")), "en.txt: a link to /dev/zero, outside", ""),
    "en.txt linked outside": (link(f"{TEXT_DIR}/en.txt", outside_text), "en.txt: a link to", "secret.txt, outside the content folder"),
    "text folder linked outside": (folder_outside, "2012-05-05-linked: a link to", "outside the content folder"),
    "text over the size limit": (too_big, "en.txt:", f"over the limit of {MAX_FILE_BYTES} bytes"),
    "tags: 5": (meta("tags: 5\n"), "meta.yml: tags: expected a list of texts, got 5", ""),
    "tags: a mapping": (meta("tags: {a: 1}\n"), "meta.yml: tags: expected a list of texts", ""),
    "unofficial_translations: 5": (meta("unofficial_translations: 5\n"), "unofficial_translations: expected a list of texts, got 5", ""),
    "unofficial_translations: de": (meta("unofficial_translations: de\n"), "unofficial_translations: unknown language 'de'", ""),
    "reference: a list": (meta("reference: [a, b]\n"), "meta.yml: reference: expected a text, got ['a', 'b']", ""),
    "meta.yml a list": (meta("- a\n"), "meta.yml:1: expected a mapping", ""),
    "meta.yml not UTF-8": (lambda c: (c / TEXT_DIR / "meta.yml").write_bytes(b"tags: [\xff]\n"), "meta.yml: not UTF-8", ""),
    "meta.yml deeply nested": (meta("tags: " + "[" * 5000 + "]" * 5000 + "\n"), "meta.yml:1: invalid YAML", ""),
    "meps.yml a folder": (meps_folder, "meps.yml: a folder, not a file", ""),
    "meps.yml a name that is a list": (lambda c: write(c / "meps.yml", "- name: [a, b]\n"), "entry 1: name: expected a text", ""),
    "meps.yml a field that is a mapping": (
        lambda c: write(c / "meps.yml", "- name: A B\n  group: {x: 1}\n"), "entry 1 (A B): group: expected a text", ""),
    "references.yml a title that is a list": (
        lambda c: write(c / "references.yml", "- date: 2011-01-01\n  title: {en: [x]}\n"), "entry 1: title: expected a mapping", ""),
    "slug dated 2012-13-45": (
        lambda c: (c / "resolutions" / "2012-13-45-impossible").mkdir(), "2012-13-45-impossible: slug date 2012-13-45 is not a date", ""),
    "slug too long": (lambda c: (c / "resolutions" / ("2012-01-01-" + "a" * 240)).mkdir(), "slug of 251 characters: at most 200", ""),
}


@pytest.mark.parametrize("case", list(BAD_CONTENT))
def test_bad_content_is_one_line_exit_2_and_nothing_written(tmp_path, case):
    make_bad, *fragments = BAD_CONTENT[case]
    content = make_content(tmp_path / "content")
    make_bad(content)
    before = fingerprint(tmp_path)
    result = run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(tmp_path / "site"), timeout=20)
    assert_one_line_error(result, *filter(None, fragments))
    assert fingerprint(tmp_path, skip=lambda path: path.name == "site.build") == before
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("case", ["fifo as en.txt", "en.txt linked outside", "tags: 5", "slug dated 2012-13-45"])
def test_check_reports_the_same_mistakes_as_errors(tmp_path, case):
    make_bad, first, *_ = BAD_CONTENT[case]
    content = make_content(tmp_path / "content")
    make_bad(content)
    result = run_generator("check", "--content", str(content), timeout=20)
    assert result.returncode == 1 and result.stderr == "", result.stderr
    errors = [line.replace(": error: ", ": ", 1) for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 1 and first in errors[0], result.stdout


def test_parse_of_a_fifo_or_a_device_is_one_line(tmp_path):
    os.mkfifo(tmp_path / "en.txt")
    assert_one_line_error(run_generator("parse", str(tmp_path / "en.txt"), timeout=10), "en.txt: a FIFO, not a file")
    assert_one_line_error(run_generator("parse", "/dev/zero", timeout=10), "/dev/zero: a device, not a file")


def test_a_link_inside_the_content_tree_is_read(tmp_path):
    content = make_content(tmp_path / "content", texts=2)
    (content / "resolutions" / "2012-03-02-text-2" / "en.txt").unlink()
    (content / "resolutions" / "2012-03-02-text-2" / "en.txt").symlink_to(content / TEXT_DIR / "en.txt")
    result = run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr


def test_check_names_the_files_it_does_not_read(tmp_path):
    content = make_content(tmp_path / "content")
    write(content / TEXT_DIR / "EN.TXT", TEXT.format(n="shouted"))
    write(content / TEXT_DIR / "de.txt", TEXT.format(n="German"))
    write(content / "notes.md", "stray\n")
    write(content / "resolutions" / "README", "stray\n")
    write(content / TEXT_DIR / ".hidden", "editors' files are not named\n")
    result = run_generator("check", "--strict", "--content", str(content))
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if "not read" in line]
    assert lines == [
        f"{content}/notes.md: warning: not read: expected only resolutions, meps.yml, references.yml, site.yml",
        f"{content / TEXT_DIR}/EN.TXT: warning: not read: file names are lowercase (en.txt)",
        f"{content / TEXT_DIR}/de.txt: warning: not read: expected only en.txt, fr.txt, meta.yml",
        f"{content}/resolutions/README: warning: not read: resolutions/ holds one folder a text (<slug>/)",
    ]
    # A build says so too, and builds.
    result = run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0 and result.stderr.count("not read") == 4, result.stderr


def test_a_crafted_cache_is_never_run_nor_trusted(tmp_path):
    content = make_content(tmp_path / "content")
    site = tmp_path / "site"
    assert run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site)).returncode == 0
    state = get_build_dir(site)
    ran = tmp_path / "pickle-ran"

    class Exploit:
        def __reduce__(self):
            return (open, (str(ran), "w"))

    # The old cache's name, a pickle that would make a file if anything unpickled it.
    (state / "cache").mkdir(exist_ok=True)
    (state / "cache" / "parsed.pickle").write_bytes(pickle.dumps(Exploit()))
    text = content / TEXT_DIR / "en.txt"
    stat = text.stat()
    # A cache of this code's version with an entry for this very file (its stat key) that
    # is not of the shape this code writes: dropped whole, the text parsed again.
    forged = ["Forged <script>alert(1)</script>", None, "x"]
    entry = [str(text), "en", [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino], "digest", forged, [], []]
    forged_cache = {"version": get_code_version(), "token": "t", "entries": [entry]}
    (state / "cache" / "parsed.json").write_text(json.dumps(forged_cache), encoding="utf-8")
    # An outputs record naming a file outside the site, for the build to "remove".
    victim = tmp_path / "victim.txt"
    write(victim, "keep me\n")
    (state / "state" / "outputs.json").write_text(json.dumps(["../victim.txt", "/etc/hostname", "en/../../victim.txt"]), encoding="utf-8")

    result = run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site), "--incremental")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert not ran.exists()
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    page = (site / "en" / "resolutions" / "2012-03-01-text-1" / "index.html").read_text(encoding="utf-8")
    assert "Forged" not in page and "Title 1" in page


def test_a_person_named_index_or_with_a_long_name_gets_a_page_of_their_own(tmp_path):
    content = make_content(tmp_path / "content")
    long_name = "Maria " + "Dolores" * 60  # 426 characters: a file name of 255 bytes at most
    write(content / "meps.yml", json.dumps([{"name": "Index"}, {"name": long_name}, {"name": long_name + " Jr"}]))
    site = tmp_path / "site"
    result = run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    people = sorted(p.name for p in (site / "en" / "meps").iterdir() if p.is_dir())
    assert "index-2" in people and "index" not in people
    assert len(people) == 3 and all(len(slug) <= 82 for slug in people), people
    listing = (site / "en" / "meps" / "index.html").read_text(encoding="utf-8")
    assert "Maria" in listing and "index-2/" in listing  # the people index is still the index


def test_paragraph_numbers_of_any_size(tmp_path):
    text = "Title\n\n" + "".join(f"{n}. Calls for the release of prisoner {n}.\n" for n in range(1, 1206))
    write(tmp_path / "en.txt", text)
    result = run_generator("parse", "--json", str(tmp_path / "en.txt"))
    assert result.returncode == 0, result.stderr
    paragraphs = json.loads(result.stdout)["paragraphs"]
    assert [p["eid"] for p in paragraphs] == [f"para_{n}" for n in range(1, 1206)]
    assert paragraphs[999] == {"eid": "para_1000", "num": "1000", "text": "Calls for the release of prisoner 1000.", "points": []}
    # A number too long for int() (over 4,300 digits) is text, not a crash.
    write(tmp_path / "en.txt", "Title\n\n1. Calls.\n" + "9" * 5000 + ". Instructs.\n")
    result = run_generator("parse", "--json", str(tmp_path / "en.txt"))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_the_site_has_all_pages_after_the_bad_cases(tmp_path):
    """The small content of these cases builds: the refusals above are the cases' doing."""
    content = make_content(tmp_path / "content", texts=2)
    result = run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert "en/resolutions/2012-03-02-text-2/index.html" in html_pages(tmp_path / "site")
