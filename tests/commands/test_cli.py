"""``python -m generator build`` end to end, as a user runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.html_tools import by_id, read_html
from tests.paths import ROOT

SLUG = "2012-03-07-kazakhstan"


def run_build(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "generator", "build", "--quiet", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("cli") / "site"
    result = run_build("--content", str(ROOT / "content"), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


def test_build_of_the_bundled_content(bundled_site):
    for lang, other in (("en", "fr"), ("fr", "en")):
        page = read_html(bundled_site / lang / "resolutions" / SLUG / "index.html")
        ids = by_id(page)
        expected = [f"cit_{i}" for i in range(1, 9)] + [f"rec_{c}" for c in "ABCDEFGHIJKLMNOPQ"] + [f"para_{i}" for i in range(1, 14)]
        assert all(eid in ids for eid in expected), [e for e in expected if e not in ids]
        assert page.find_all("html")[0].attrs["lang"] == lang
        switch = [a for a in page.find_all("a") if a.has_class("language-switch__link")][0]
        assert switch.attrs["href"] == f"../../../{other}/resolutions/{SLUG}/"
    assert (bundled_site / "index.html").is_file() and (bundled_site / "404.html").is_file()


def test_no_page_keeps_the_wrappers_markdown_was_spared_the_html_by(bundled_site):
    """generator.render.escaping wraps raw HTML blocks in comments; the Markdown extension (generator.site.raw_html) takes them off."""
    pages = list(bundled_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "raw-html" not in html, page


def make_content(tmp_path: Path, bad: bool) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    if bad:
        folder = content / "resolutions" / "2013-01-01-broken"
        folder.mkdir()
        (folder / "en.txt").write_text("Broken\n\nNothing that looks like a unit.\n", encoding="utf-8")
    return content


def test_a_bad_text_is_one_line_naming_the_file_and_no_site(tmp_path):
    content = make_content(tmp_path, bad=True)
    site = tmp_path / "site"
    result = run_build("--content", str(content), "--site-dir", str(site))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "2013-01-01-broken" in lines[0]
    assert not site.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")]


def test_a_yaml_syntax_error_is_one_line_naming_the_file_and_line(tmp_path):
    content = make_content(tmp_path, bad=False)
    meps = content / "meps.yml"
    lines = meps.read_text(encoding="utf-8").splitlines()
    lines.insert(len(lines) // 2, '- name: "unclosed')
    meps.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_build("--content", str(content), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 2
    messages = result.stderr.strip().splitlines()
    assert len(messages) == 1 and messages[0].startswith("error: "), messages
    assert "meps.yml" in messages[0] and "invalid YAML: found unexpected end of stream" in messages[0], messages[0]
    assert f":{len(lines) + 1}" in messages[0], messages[0]


def test_a_failed_build_leaves_the_previous_site(tmp_path):
    site = tmp_path / "site"
    assert run_build("--content", str(make_content(tmp_path / "good", bad=False)), "--site-dir", str(site)).returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    assert run_build("--content", str(make_content(tmp_path / "bad", bad=True)), "--site-dir", str(site)).returncode == 2
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_keep_going_builds_the_rest_and_exits_1(tmp_path):
    content = make_content(tmp_path, bad=True)
    site = tmp_path / "site"
    result = run_build("--content", str(content), "--site-dir", str(site), "--keep-going")
    assert result.returncode == 1
    assert "2013-01-01-broken" in result.stderr and "left out" in result.stderr
    assert (site / "en" / "resolutions" / SLUG / "index.html").is_file()
    assert not (site / "en" / "resolutions" / "2013-01-01-broken").exists()


def test_materials_end_of_life_notice_is_in_the_build_log_once(tmp_path):
    """Each MkDocs process prints it on stderr; the build logs it once, not with --quiet."""
    command = [sys.executable, "-m", "generator", "build", "--content", str(ROOT / "content"), "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Material for MkDocs reaches end of life") == 1
    assert "\x1b[" not in result.stderr  # the terminal's colour codes are not in the log


EXIT_NOW = """
import atexit, sys, threading, time
from generator.cli import exit_now
atexit.register(lambda: print("atexit ran", flush=True))
if sys.argv[1] == "thread":
    threading.Thread(target=time.sleep, args=(0.2,)).start()
print("x" * 100_000)  # more than a pipe's buffer, left in sys.stdout's
print("last line on stderr", file=sys.stderr)
exit_now(int(sys.argv[2]))
"""


@pytest.mark.parametrize("status", [0, 1, 2])
def test_a_finished_command_exits_at_once_its_output_whole_and_its_status_kept(status):
    result = subprocess.run([sys.executable, "-c", EXIT_NOW, "alone", str(status)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == status
    assert result.stdout == "x" * 100_000 + "\natexit ran\n"  # what is registered at exit runs, as in an orderly exit
    assert result.stderr == "last line on stderr\n"


def test_a_command_with_a_thread_still_running_exits_as_usual():
    result = subprocess.run([sys.executable, "-c", EXIT_NOW, "thread", "1"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout == "x" * 100_000 + "\natexit ran\n"


def test_a_build_ends_with_its_last_log_line_and_status(tmp_path):
    """``python -m generator`` ends by ``exit_now``: the log's last line is there."""
    command = [sys.executable, "-m", "generator", "build", "--content", str(ROOT / "content"), "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr.rstrip().splitlines()[-1].endswith(f"Site built in {tmp_path / 'site'}")
