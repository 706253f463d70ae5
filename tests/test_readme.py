"""The README's two commands are the contract with a new user and with CI."""

import re

from tests.paths import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_starts_with_the_build_and_the_test_command():
    commands = readme_commands()
    assert commands[0] == "bash scripts/install.sh && .venv/bin/python -m generator build"
    assert commands[1].startswith("bash scripts/install.sh --test && ")
    assert commands[1].endswith("-m pytest")


def test_ci_runs_the_readme_test_command_exactly():
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[1] in ci_lines
