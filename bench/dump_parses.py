"""Write the ``parse --json`` output of every raw text under some folders into one file.

    .venv/bin/python bench/dump_parses.py OUT PATH [PATH ...]

A PATH is a folder (every ``*.txt`` under it, in sorted order, but the parser fixture
files), a raw text, or a parser fixture file (``tests/fixtures/parse/*.txt``: each case's
input). For each text OUT holds its name, then what ``parse --json`` prints and the lines
``check`` would report as skipped, or the one-line error of a text that does not parse.
Two dumps made before and after a change to the parser compare byte for byte (``cmp``)
when the change alters no parse.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from generator.errors import InputError
from generator.model import RawText
from generator.parse.parser import parse_resolution_with_skipped_lines
from generator.read.decode import get_raw_text, read_raw_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "parse"


def raw_texts(path: Path) -> Iterator[tuple[str, RawText | InputError]]:
    """(name, raw text or its decoding error) of each text ``path`` stands for."""
    if path.is_dir():
        for file in sorted(path.rglob("*.txt")):
            if file.parent.resolve() != FIXTURES:
                yield from raw_texts(file)
        return
    if path.parent.resolve() == FIXTURES:
        if str(ROOT) not in sys.path:  # the fixture reader is the tests'
            sys.path.insert(0, str(ROOT))
        from tests.parse.test_parser import read_fixture_cases

        for name, raw_input, _ in read_fixture_cases(path):
            label = f"{path}: {name}"
            try:
                yield label, get_raw_text(raw_input.encode("utf-8"), "input.txt", None, lambda _: None)
            except InputError as error:
                yield label, error
        return
    try:
        yield str(path), read_raw_text(path, warn=lambda _: None)
    except InputError as error:
        yield str(path), error


def dump(raw: RawText | InputError) -> str:
    if isinstance(raw, InputError):
        return f"decoding error: {raw}"
    try:
        resolution, skipped = parse_resolution_with_skipped_lines(raw)
    except InputError as error:
        return f"error: {error}"
    lines = [json.dumps(resolution.to_json(), ensure_ascii=False, indent=2)]
    lines += [f"skipped {line.line}: {line.text}" for line in skipped]
    return "\n".join(lines)


def main(out: str, *paths: str) -> int:
    count = 0
    with open(out, "w", encoding="utf-8") as file:
        for path in paths:
            for name, raw in raw_texts(Path(path)):
                file.write(f"=== {name}\n{dump(raw)}\n")
                count += 1
    print(f"{count} texts dumped to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
