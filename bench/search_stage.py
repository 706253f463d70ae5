"""The search stage alone: Pagefind's time and memory over a content folder, in shards.

    bench/search_stage.py CONTENT OUT [--shard-texts N] [--site SITE]

Reads and links CONTENT, then writes each language's search index into OUT (as the build
does into ``site.build/search/``), one language after the other, and prints per language
the wall time, the Pagefind runs' CPU time and the largest Pagefind run's peak memory
(each run under ``/usr/bin/time``: ``ru_maxrss`` of this process's children would count
the forked child's copy of this process, corpus and all, before it runs Pagefind). ``--site``: copy
the bundles into SITE/<lang>/pagefind/ (a built site, small or not), so that
bench/first_query.py can search them in Chromium without a full build at that size.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.languages import LANGUAGES  # noqa: E402
from generator.link.linker import link_corpus  # noqa: E402
from generator.outputs import search  # noqa: E402
from generator.read.content import load_content  # noqa: E402


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--shard-texts", type=int, default=search.SHARD_TEXTS)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    args = parser.parse_args(argv)
    search.SHARD_TEXTS = args.shard_texts
    runs = Path(tempfile.mkstemp(prefix="search-stage-", suffix=".txt")[1])
    command = search.get_pagefind_command()
    search.get_pagefind_command = lambda: ["/usr/bin/time", "-a", "-o", str(runs), "-f", "%M", *command]
    started = time.perf_counter()
    corpus = link_corpus(load_content(args.content, warn=lambda diagnostic: None))
    print(f"read and linked {len(corpus.documents)} texts in {time.perf_counter() - started:.1f} s")
    shutil.rmtree(args.out, ignore_errors=True)
    for lang in args.languages.split(","):
        runs.write_text("")
        cpu, started = children_cpu_s(), time.perf_counter()
        pages = search.write_search_indexes(corpus, args.out, [lang])
        wall = time.perf_counter() - started
        bundle = args.out / lang / search.SEARCH_DIR
        shards = 1 + len(list((bundle / search.SHARDS_DIR).iterdir())) if (bundle / search.SHARDS_DIR).is_dir() else 1
        peaks = [int(line) / 1024 for line in runs.read_text().split() if line.isdigit()]
        print(f"{lang}: {pages.get(lang, 0)} pages in {shards} shard(s): {wall:.1f} s wall, "
              f"Pagefind {children_cpu_s() - cpu:.1f} s CPU in {len(peaks)} run(s), "
              f"largest run {max(peaks, default=0):.0f} MB, runs {' '.join(f'{peak:.0f}' for peak in peaks)} MB")
        if args.site:
            target = args.site / lang / search.SEARCH_DIR
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(bundle, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
