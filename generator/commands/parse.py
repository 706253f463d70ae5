"""``python -m generator parse FILE [--json] [--lang en|fr]``: one raw text -> its structure.

The team's ``cli.py`` wires :func:`run_parse` into the command line and turns an
:class:`~generator.errors.InputError` into one line on stderr and exit status 2.
"""

from __future__ import annotations

import json

from generator.model import Resolution, SkippedLine
from generator.parse.parser import parse_resolution_with_skipped_lines
from generator.read.decode import read_raw_text

_OUTLINE_WIDTH = 100
"""Characters of a unit's text shown on its outline line."""


def run_parse(path: str, as_json: bool, lang: str | None) -> int:
    """Print the parse of ``path`` (JSON, or a readable outline); return the exit status."""
    resolution, skipped_lines = parse_resolution_with_skipped_lines(read_raw_text(path, lang))
    if as_json:
        print(json.dumps(resolution.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_outline(resolution, skipped_lines))
    return 0


def render_outline(resolution: Resolution, skipped_lines: tuple[SkippedLine, ...] = ()) -> str:
    """Title, date, type, number, procedure and layout, then one line per unit (``cit_1
    having regard to ...``), then authors and people, then the body lines that were read
    as no unit nor page furniture."""
    lines = [
        resolution.title or "(no title)",
        f"date: {resolution.date.isoformat() if resolution.date else '(none)'}",
        f"type: {resolution.doc_type or '(none)'}",
        f"language: {resolution.lang}",
        f"reference: {resolution.reference or '(none)'}",
        f"procedure: {resolution.procedure or '(none)'}",
        f"layout: {resolution.layout}",
        "",
    ]
    if resolution.preamble:
        lines.append(resolution.preamble)
    units = list(resolution.units())
    width = max(len(unit.eid) for unit in units) if units else 0
    lines.extend(f"{unit.eid:<{width}}  {shorten(unit.text, _OUTLINE_WIDTH)}" for unit in units)
    if resolution.authors:
        lines += ["", "Authors:"]
        lines.extend(f"  {author.name}" + (f" ({author.group})" if author.group else "") for author in resolution.authors)
    for heading, people in (("Responsible MEPs", resolution.meps), ("Contact persons", resolution.contacts)):
        if people:
            lines += ["", f"{heading}:"]
            lines.extend(f"  {person.name}" + (f" ({person.role})" if person.role else "") for person in people)
    if skipped_lines:
        lines += ["", "Lines read as no unit nor page furniture (check reports them):"]
        lines.extend(f"  {resolution.path}:{skipped.line}: {shorten(skipped.text, _OUTLINE_WIDTH)}"
                     for skipped in skipped_lines)
    return "\n".join(lines)


def shorten(text: str, width: int) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, with "…" when cut."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"
