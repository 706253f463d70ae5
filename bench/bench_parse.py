"""How many raw texts of the sample's size ``parse_resolution`` reads per second, on one core.

    /work/venv/bin/python bench/bench_parse.py [SECONDS]

Parses the bundled sample (English and French, already decoded) over and over for about
two seconds and prints the rate against the target of 500 texts per second. Not a test:
timing depends on the machine.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from generator.parse.parser import parse_resolution
from generator.read.decode import read_raw_text

TARGET_PER_SECOND = 500
SAMPLE = Path(__file__).resolve().parent.parent / "content" / "resolutions" / "2012-03-07-kazakhstan"


def main(seconds: float = 2.0) -> None:
    texts = [read_raw_text(SAMPLE / f"{lang}.txt") for lang in ("en", "fr") if (SAMPLE / f"{lang}.txt").exists()]
    size = sum(len(raw.text) for raw in texts) // len(texts)
    parsed = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for raw in texts:
            parse_resolution(raw)
        parsed += len(texts)
    rate = parsed / elapsed
    verdict = "ok" if rate >= TARGET_PER_SECOND else "BELOW TARGET"
    print(f"parse_resolution: {rate:,.0f} texts/s ({parsed} texts of ~{size:,} characters in {elapsed:.2f} s, "
          f"one core); target {TARGET_PER_SECOND}/s: {verdict}")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 2.0)
