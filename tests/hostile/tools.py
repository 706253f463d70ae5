"""What the hostile-input and careless-use tests share: running the command line as a user
does, the one-line error every mistake must be, and fingerprints of the files around a
command, to show it left them as they were."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.paths import ROOT

SLUG = "2012-03-07-kazakhstan"
TEXT = "Title {n}\n\n1. Calls for the release of {n}.\n\n2. Instructs its President.\n"
"""A small text that parses: the content of most cases here."""


def generator_env(**extra: str) -> dict[str, str]:
    """The environment of a command run as a user runs it, this checkout first on the path."""
    path = os.pathsep.join(filter(None, [*extra.pop("PYTHONPATH", "").split(os.pathsep), str(ROOT)]))
    return dict(os.environ, PYTHONPATH=path, **extra)


def run_generator(*args: str, cwd: Path = ROOT, timeout: float = 60, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m generator ARGS`` to its end (``timeout`` seconds at most)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env or generator_env(),
    )


def start_generator(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.Popen:
    """``python -m generator ARGS`` in a session of its own (its children with it), running;
    SIGINT as a terminal delivers it (Python's default handler, whatever this run has)."""
    return subprocess.Popen(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or generator_env(),
        start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str, status: int = 2) -> str:
    """The command failed with ``status`` and said why in one line holding ``fragments``."""
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == status, (result.returncode, result.stderr)
    assert len(lines) == 1, lines
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def fingerprint(folder: Path, skip: Callable[[Path], bool] = lambda path: False) -> dict[str, str]:
    """Relative path -> digest of the file, target of the link, or "folder", for all of
    ``folder`` but what ``skip`` (and its contents)."""
    prints = {}
    for directory, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not skip(Path(directory, name))]
        for name in sorted(folders + files):
            path = Path(directory, name)
            if skip(path):
                continue
            relative = path.relative_to(folder).as_posix()
            if path.is_symlink():
                prints[relative] = f"-> {os.readlink(path)}"
            elif path.is_dir():
                prints[relative] = "folder"
            elif path.is_file():
                prints[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                prints[relative] = "special"
        folders[:] = [name for name in folders if not Path(directory, name).is_symlink()]
    return prints


def make_content(folder: Path, texts: int = 1) -> Path:
    """A small content folder: ``texts`` short English texts, an empty directory of people."""
    for n in range(1, texts + 1):
        text_dir = folder / "resolutions" / f"2012-03-{n:02d}-text-{n}"
        text_dir.mkdir(parents=True)
        (text_dir / "en.txt").write_text(TEXT.format(n=n), encoding="utf-8")
    (folder / "meps.yml").write_text("[]\n", encoding="utf-8")
    return folder


def copy_bundled_content(folder: Path) -> Path:
    shutil.copytree(ROOT / "content", folder)
    return folder


def wait_for(predicate: Callable[[], object], seconds: float = 30, what: str = "") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"waited {seconds} s for {what or predicate}")


def session_processes(session: int) -> list[int]:
    """The processes still in the session ``session`` (a build started by start_generator)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            # After the command: state, ppid, pgrp, session.
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def html_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
