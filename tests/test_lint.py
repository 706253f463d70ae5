"""The code stays clean for ruff (pycodestyle, pyflakes, bugbear, import order) and mypy,
with the settings in pyproject.toml: the test command runs both."""

from __future__ import annotations

import subprocess
import sys

from tests.paths import ROOT


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    result = run("ruff", "check", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing():
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
