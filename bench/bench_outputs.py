"""The outputs of a full build, one at a time, in this process (issue 16).

    .venv/bin/python bench/bench_outputs.py CONTENT_DIR WORK_DIR [--profile NAME] [--digest FILE]

Reads and links CONTENT_DIR (a corpus of bench/make_corpus.py), then, for each output
of ``generator.outputs.get_outputs()`` except the search (Pagefind: bench/benchmark.py),
runs its ``prepare`` as a full build does and writes its files into ``WORK_DIR/site``,
and prints the wall and CPU time of each. The languages are prepared one after the
other here (no fork), so that the CPU time is the whole work's.

``--profile NAME``: cProfile the prepare of the output NAME ("text data", "feeds") and
print its top functions. ``--digest FILE``: write the SHA-256 of every file of the site
into FILE (one ``digest path`` a line), to compare the bytes of two versions of the code.
Then it builds twice more with the build folder kept: as a full build (a CI build that
restored it), then as an incremental one.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import pstats
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.link.linker import link_corpus  # noqa: E402
from generator.outputs import (  # noqa: E402
    OutputContext,
    get_output_files,
    get_outputs,
    install_file,
    store,  # noqa: E402
)
from generator.read.content import load_content  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--profile", default="")
    parser.add_argument("--digest", type=Path)
    parser.add_argument("--site-url", default="")
    args = parser.parse_args()
    gc.disable()  # as the build command runs (generator.cli)
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    content = load_content(args.content)
    corpus = link_corpus(content)
    print(f"{len(corpus.documents)} texts")
    # One language after the other, in this process: CPU time is the whole work's.
    forking = store.parallel.PARALLEL_MIN_TEXTS
    store.parallel.PARALLEL_MIN_TEXTS = 10**9
    outputs = [output for output in get_outputs() if output.name != "search"]
    build_dir = args.work / "site.build"
    runs = (("full, a new build folder", False, "site"), ("full, the build folder kept (a CI build)", False, "site-ci"),
            ("incremental", True, "site-incremental"))
    for number, (label, incremental, site_name) in enumerate(runs):
        context = OutputContext(corpus, build_dir, site_url=args.site_url, incremental=incremental, digests=content.digests)
        site = args.work / site_name
        print(f"-- {label}: output, prepare wall/cpu s, files wall/cpu s, files")
        for output in outputs:
            times = []
            profile = cProfile.Profile() if output.name == args.profile and number == 0 else None
            start, cpu = time.perf_counter(), time.process_time()
            if output.prepare:
                if profile:
                    profile.enable()
                output.prepare(context)
                if profile:
                    profile.disable()
            times.append((time.perf_counter() - start, time.process_time() - cpu))
            start, cpu = time.perf_counter(), time.process_time()
            count = 0
            for path, file in get_output_files(output, context):
                install_file(file, site / path)
                count += 1
            times.append((time.perf_counter() - start, time.process_time() - cpu))
            print(f"{output.name:12} {times[0][0]:6.2f} {times[0][1]:6.2f}   {times[1][0]:6.2f} {times[1][1]:6.2f}   {count}")
            if profile:
                pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    store.parallel.PARALLEL_MIN_TEXTS = forking
    if args.digest:
        site = args.work / "site"
        files = [path for path in sorted(site.rglob("*")) if path.is_file()]
        lines = [f"{hashlib.sha256(path.read_bytes()).hexdigest()} {path.relative_to(site)}" for path in files]
        args.digest.write_text("\n".join(lines) + "\n")
        print(f"{len(lines)} files digested into {args.digest}")


if __name__ == "__main__":
    main()
