"""Build-time and search benchmark at growing corpus sizes (issues 5 and 16).

    .venv/bin/python bench/benchmark.py --sizes 2000,20000   # the targets of issue 16
    .venv/bin/python bench/benchmark.py --sizes 100,500      # quicker

For each N it makes a synthetic corpus (bench/make_corpus.py), then measures:

- the generator's own stages in this process: read, parse, link, render, write;
- a full build (``python -m generator build``, a fresh site): wall time, peak memory of
  the whole process tree (the sum of its processes' PSS, which counts a page shared
  copy-on-write by forked processes once, and for comparison the sum of their RSS:
  bench/tree_memory.py), ms per HTML page. The stages and the full
  build are measured twice each, in turn, and the faster of each kept (``ROUNDS``);
- the search index (Pagefind, both languages);
- the MkDocs builds of the two languages concurrently and one after the other;
- a reader's first search in Chromium: bytes transferred and time to results
  (bench/first_query.py);
- an incremental build (``build --incremental``) after editing one text: its time and
  how many files of the site it rewrote, and whether any of those kept the same bytes;
- a CI build: a full build after editing another text, with the build folder kept from
  the previous build and no site folder (a CI runner restores a cache of
  ``<site>.build/`` into a fresh checkout), against the clean full build.

It prints one table (metrics by N) and PASS/FAIL against each target of issue 16 (a
target for a size that was not run says so). It is a script, not a test: it takes ~10
minutes at N = 2,000 on 2 cores, and tens of minutes and several GB at N = 20,000.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from first_query import QueryCost, measure_first_query  # noqa: E402
from make_corpus import make_corpus  # noqa: E402
from tree_memory import TreeSample, format_sample, run_measured  # noqa: E402

from generator.commands.build import write_languages  # noqa: E402
from generator.languages import LANGUAGES  # noqa: E402
from generator.link.linker import link_corpus  # noqa: E402
from generator.model import Corpus  # noqa: E402
from generator.outputs.search import write_search_indexes  # noqa: E402
from generator.read.content import find_resolution_dirs, load_content  # noqa: E402
from generator.site.projects import run_site_builds, write_language_configs  # noqa: E402
from generator.site_folder import get_build_dir  # noqa: E402

QUERIES = {"en": ("rights", "prisoners", "torture"), "fr": ("liberté", "prisonniers", "torture")}
"""A common word (in most texts) for the first query, a rarer one for the second, and one
no synthetic text has for the third ("torture": the second query of runs before
2026-12-02's fourth round, whose "first hits" were then "no results")."""

SMALL, LARGE = 2_000, 20_000
"""The two sizes issue 16 sets targets at."""
FULL_BUILD_SMALL_MAX_S = 10.0
FULL_BUILD_LARGE_MAX_S = 150.0
MS_PER_PAGE_GROWTH_MAX = 1.2
PEAK_MEMORY_MAX = 3 << 30
FIRST_QUERY_BYTES_MAX = 300_000
FIRST_HIT_COLD_MS_MAX = 1000
RESULTS_MS_MAX = 300
INCREMENTAL_MAX_S = 5.0
CI_BUILD_SHARE_MAX = 0.3


@dataclass
class Measures:
    size: int
    stages: dict[str, float] = field(default_factory=dict)
    full_build_s: float = 0.0
    peak_pss: TreeSample = field(default_factory=lambda: TreeSample(0.0, ()))
    """The full build's process tree at its highest PSS sum: what the machine must have."""
    peak_rss: int = 0
    """The highest sum of its processes' RSS: every page shared copy-on-write by forked
    processes counted once per process (the issue's first measure)."""
    html_pages: int = 0
    search_s: float = 0.0
    sequential_s: float = 0.0
    concurrent_s: float = 0.0
    queries: dict[str, QueryCost] = field(default_factory=dict)
    incremental_s: float = 0.0
    ci_build_s: float = 0.0
    rewritten: int = 0
    rewritten_same_bytes: list[str] = field(default_factory=list)
    removed: int = 0

    @property
    def generator_s(self) -> float:
        return sum(self.stages.values())

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.full_build_s / max(self.html_pages, 1)


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def measure_stages(content_dir: Path, scratch: Path) -> tuple[dict[str, float], Corpus]:
    """The generator's own stages, one by one, as build_site runs them.

    Read and parse are one stage, ``load_content``, as in the build: the texts are read
    and parsed together by worker processes (generator.read.parallel), so their times no
    longer add up separately; render and write likewise (``write_languages``).
    """
    stages = {}
    os.sync()  # see ``measure``
    gc.disable()  # as the build command runs the stages (generator.cli)
    try:
        content, stages["read+parse"] = timed(load_content, content_dir, warn=lambda diagnostic: None)
        corpus, stages["link"] = timed(link_corpus, content)
        # Render and write are one stage too: each language renders and writes its own
        # pages, the two at once (generator.commands.build.write_languages).
        _, stages["render+write"] = timed(write_languages, corpus, scratch, None, parallel=True)
    finally:
        gc.enable()
    return stages, corpus


def run_with_peak_memory(command: list[str]) -> tuple[float, TreeSample, int]:
    """Run ``command``; its wall time, its process tree's peak PSS sample and its peak RSS sum
    (bench/tree_memory.py)."""
    os.sync()  # see ``measure``
    run = run_measured(command, ROOT)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{run.stderr}")
    return run.elapsed, run.peak_pss, run.peak_rss


def build_languages(build_dir: Path, site_dir: Path, concurrently: bool) -> float:
    """The MkDocs builds of the languages, at once (as the build runs them) or one by one,
    into ``site_dir`` (a new folder: see ``measure``)."""
    build_dir.mkdir(parents=True, exist_ok=True)
    config_paths = write_language_configs(build_dir, site_dir)
    os.sync()  # see ``measure``
    started = time.perf_counter()
    if concurrently:
        run_site_builds(config_paths, None)
    else:
        for lang, path in config_paths.items():
            run_site_builds({lang: path}, None)
    return time.perf_counter() - started


def snapshot(site_dir: Path) -> dict[str, tuple[int, str]]:
    """Relative path -> (mtime_ns, sha1) of every file of the site."""
    return {
        path.relative_to(site_dir).as_posix(): (path.stat().st_mtime_ns, hashlib.sha1(path.read_bytes()).hexdigest())
        for path in site_dir.rglob("*")
        if path.is_file()
    }


def edit_one_text(content_dir: Path, oldest: bool = False) -> Path:
    """Add a sentence to paragraph 1 of the newest (or oldest) text's English version."""
    folder = find_resolution_dirs(content_dir)[0 if oldest else -1][1]
    path = folder / "en.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("1. "))
    lines[index] = lines[index].rstrip(";:") + "; insists on the benchmark's edit;"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


ROUNDS = 2
"""The generator's stages and the full build are each measured this many times, one
after the other in turn, and the faster time of each kept: this machine is shared, and
one busy spell should not decide the share of the generator (it moved from 9% to 12%
between runs of the same code)."""


def measure(size: int, work_dir: Path, seed: int, browser: bool) -> Measures:
    """Every figure for one corpus size, in ``work_dir/<size>/`` (which must not exist).

    Nothing is deleted until the whole run is over (``main``): on this machine's disk
    (ext4), creating files in the ~30 s after thousands were deleted takes 10 to 30 times
    as long (0.06 s for 2,000 files fresh, 0.56 s six seconds after deleting 2,000), so a
    stage that follows a deletion measures the file system, not the stage. Each stage
    writes into a folder of its own instead, as a first build does, and each timed step
    starts with ``os.sync()``: the previous step's 100-400 MB of written files are on the
    disk then, not being written back during the next one.
    """
    measures = Measures(size)
    base = work_dir / str(size)
    content_dir = base / "content"
    make_corpus(size, content_dir, seed)
    python = [sys.executable, "-m", "generator"]

    # The stages and the full build, alternated, ROUNDS times each; the faster run of each
    # is kept (and the higher peak of memory).
    stage_runs, build_runs = [], []
    rounds = ROUNDS if size < LARGE else 1  # a build at 20,000 takes minutes and GBs
    for round_ in range(rounds):
        print(f"N={size}: generator stages ({round_ + 1}/{rounds})", file=sys.stderr)
        stage_runs.append(measure_stages(content_dir, base / f"scratch-docs-{round_}"))
        print(f"N={size}: full build ({round_ + 1}/{rounds})", file=sys.stderr)
        # A folder of its own each time, its build folder included: nothing from the previous build.
        site_dir = base / f"full-{round_}" / "site"
        build_runs.append(run_with_peak_memory(
            [*python, "build", "--content", str(content_dir), "--site-dir", str(site_dir), "--quiet"]
        ))
    measures.stages, corpus = min(stage_runs, key=lambda run: sum(run[0].values()))
    measures.full_build_s = min(seconds for seconds, _, _ in build_runs)
    measures.peak_pss = max((pss for _, pss, _ in build_runs), key=lambda sample: sample.pss)
    measures.peak_rss = max(rss for _, _, rss in build_runs)
    print(f"N={size}: peak PSS {measures.peak_pss.pss >> 20} MB at {measures.peak_pss.at:.1f} s:\n"
          f"{format_sample(measures.peak_pss)}", file=sys.stderr)
    measures.html_pages = sum(1 for _ in site_dir.rglob("*.html"))

    print(f"N={size}: search index", file=sys.stderr)
    os.sync()
    _, measures.search_s = timed(write_search_indexes, corpus, base / "search-index")

    if size < LARGE:  # four more site builds: minutes at 20,000, and no target of issue 16
        print(f"N={size}: languages one after the other, then concurrently", file=sys.stderr)
        build_dir = get_build_dir(site_dir)
        # Best of two of each, alternated: the machine may be shared, and a busy spell should
        # not decide which way wins.
        runs = [(concurrently, build_languages(build_dir, base / f"site-by-language-{run}-{concurrently}", concurrently))
                for run in range(2) for concurrently in (False, True)]
        measures.sequential_s = min(seconds for concurrently, seconds in runs if not concurrently)
        measures.concurrent_s = min(seconds for concurrently, seconds in runs if concurrently)

    if browser:
        print(f"N={size}: first query in Chromium", file=sys.stderr)
        page = f"resolutions/{corpus.documents[0].slug}/"
        for lang, (query, second, absent) in QUERIES.items():
            measures.queries[lang] = measure_first_query(site_dir, lang, page, query, second, absent_query=absent)

    print(f"N={size}: incremental build after editing one text", file=sys.stderr)
    # Restore the configs the benchmark's by-language builds pointed elsewhere.
    subprocess.run([*python, "build", "--content", str(content_dir), "--site-dir", str(site_dir),
                    "--quiet", "--incremental"], cwd=ROOT, check=True)
    before = snapshot(site_dir)
    edit_one_text(content_dir)
    time.sleep(0.01)  # a distinct mtime for the edited text's pages
    measures.incremental_s, _, _ = run_with_peak_memory(
        [*python, "build", "--content", str(content_dir), "--site-dir", str(site_dir), "--quiet", "--incremental"]
    )
    after = snapshot(site_dir)
    rewritten = [path for path, (mtime, _) in after.items() if path not in before or before[path][0] != mtime]
    measures.rewritten = len(rewritten)
    measures.rewritten_same_bytes = [p for p in rewritten if p in before and before[p][1] == after[p][1]]
    measures.removed = len(set(before) - set(after))

    print(f"N={size}: CI build, build folder kept, one text changed", file=sys.stderr)
    # Moved away, not deleted (see above): the CI runner's checkout has no site folder.
    os.replace(site_dir, base / "site-before-ci")
    edit_one_text(content_dir, oldest=True)
    measures.ci_build_s, _, _ = run_with_peak_memory(
        [*python, "build", "--content", str(content_dir), "--site-dir", str(site_dir), "--quiet"]
    )
    return measures


def verdict(ok: bool | None) -> str:
    """PASS or FAIL; None (a size the target needs was not run): NOT RUN."""
    if ok is None:
        return "NOT RUN"
    return "PASS" if ok else "FAIL"


def format_report(results: list[Measures]) -> str:
    sizes = [m.size for m in results]
    rows: list[tuple[str, list[str]]] = []

    def row(name: str, values) -> None:
        rows.append((name, [str(v) for v in values]))

    for stage in ("read+parse", "link", "render+write"):
        row(f"generator: {stage} (s)", [f"{m.stages[stage]:.2f}" for m in results])
    row("generator: total (s)", [f"{m.generator_s:.2f}" for m in results])
    row("full build, wall (s)", [f"{m.full_build_s:.1f}" for m in results])
    row("generator share of full build", [f"{m.generator_s / m.full_build_s:.1%}" for m in results])
    row("HTML pages", [m.html_pages for m in results])
    row("ms per page (full build)", [f"{m.ms_per_page:.1f}" for m in results])
    row("peak memory, process tree, PSS sum (MB)", [f"{m.peak_pss.pss / 2**20:.0f}" for m in results])
    row("peak memory, process tree, RSS sum (MB)", [f"{m.peak_rss / 2**20:.0f}" for m in results])
    row("search index, Pagefind, both languages (s)", [f"{m.search_s:.1f}" for m in results])
    row("MkDocs, languages one after the other (s)", [f"{m.sequential_s:.1f}" for m in results])
    row("MkDocs, languages concurrently (s)", [f"{m.concurrent_s:.1f}" for m in results])
    row("concurrent / sequential", [f"{m.concurrent_s / m.sequential_s:.2f}" if m.sequential_s else "-" for m in results])
    for lang in LANGUAGES:
        if all(lang in m.queries for m in results):
            query = results[0].queries[lang].query
            row(f"first search '{query}' ({lang}): requests to the first hits", [m.queries[lang].first_requests for m in results])
            row(f"first search '{query}' ({lang}): KB sent to the first hits",
                [f"{m.queries[lang].first_bytes_sent / 1000:.0f}" for m in results])
            row(f"first search '{query}' ({lang}): ms to the first hits, cold", [f"{m.queries[lang].cold_ms:.0f}" for m in results])
            row(f"first search '{query}' ({lang}): requests, KB sent (raw) to the complete list (every shard)",
                [f"{m.queries[lang].requests}, {m.queries[lang].bytes_sent / 1000:.0f} ({m.queries[lang].bytes_raw / 1000:.0f})"
                 for m in results])
            row(f"first search '{query}' ({lang}): ms to the complete list, cold", [f"{m.queries[lang].complete_ms:.0f}" for m in results])
            second = QUERIES[lang][1]
            row(f"next search '{second}' ({lang}): ms to the first hits", [f"{m.queries[lang].warm_ms:.0f}" for m in results])
            row(f"next search '{second}' ({lang}): ms to the complete list", [f"{m.queries[lang].warm_complete_ms:.0f}" for m in results])
            absent = QUERIES[lang][2]
            row(f"then '{absent}', in no text ({lang}): ms to \"no results\" (every shard)",
                [f"{m.queries[lang].absent_ms:.0f}" if m.queries[lang].absent_ms is not None else "-" for m in results])
            row(f"first search ({lang}): first hit", [m.queries[lang].first_hit for m in results])
    row("incremental build after editing one text (s)", [f"{m.incremental_s:.1f}" for m in results])
    row("incremental / full build", [f"{m.incremental_s / m.full_build_s:.1%}" for m in results])
    row("files rewritten (of which same bytes)", [f"{m.rewritten} ({len(m.rewritten_same_bytes)})" for m in results])
    row("files removed", [m.removed for m in results])
    row("CI build, build folder kept, one text changed (s)", [f"{m.ci_build_s:.1f}" for m in results])
    row("CI build / clean full build", [f"{m.ci_build_s / m.full_build_s:.2f}" for m in results])

    header = ["metric", *[f"N={n}" for n in sizes]]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join([name, *values]) + " |" for name, values in rows]

    by_size = {m.size: m for m in results}
    small, large = by_size.get(SMALL), by_size.get(LARGE)

    def at(*measures: Measures | None, holds) -> bool | None:
        """Whether ``holds(*measures)``; None if a size it needs was not run."""
        return None if None in measures else bool(holds(*measures))

    checks: list[tuple[str, bool | None]] = [
        (f"full build at N={LARGE} <= {FULL_BUILD_LARGE_MAX_S:.0f} s", at(large, holds=lambda m: m.full_build_s <= FULL_BUILD_LARGE_MAX_S)),
        (f"ms per page at N={LARGE} <= {MS_PER_PAGE_GROWTH_MAX}x N={SMALL}",
         at(large, small, holds=lambda m, n: m.ms_per_page <= MS_PER_PAGE_GROWTH_MAX * n.ms_per_page)),
        (f"peak memory of the process tree (PSS sum) at N={LARGE} <= {PEAK_MEMORY_MAX >> 30} GB",
         at(large, holds=lambda m: m.peak_pss.pss <= PEAK_MEMORY_MAX)),
        (f"first search at N={LARGE} <= {FIRST_QUERY_BYTES_MAX // 1000} KB to the first hits (every language)",
         at(large, holds=lambda m: m.queries and all(q.first_bytes_sent <= FIRST_QUERY_BYTES_MAX for q in m.queries.values()))),
        (f"first hits at N={LARGE} < {FIRST_HIT_COLD_MS_MAX} ms cold and < {RESULTS_MS_MAX} ms once loaded (every language)",
         at(large, holds=lambda m: m.queries
            and all(q.cold_ms < FIRST_HIT_COLD_MS_MAX and q.warm_ms < RESULTS_MS_MAX for q in m.queries.values()))),
        (f"full build at N={SMALL} <= {FULL_BUILD_SMALL_MAX_S:.0f} s", at(small, holds=lambda m: m.full_build_s <= FULL_BUILD_SMALL_MAX_S)),
        (f"build after editing one text at N={LARGE} (--incremental) <= {INCREMENTAL_MAX_S:.0f} s",
         at(large, holds=lambda m: m.incremental_s <= INCREMENTAL_MAX_S)),
        (f"CI build with the build folder kept and one text changed <= {CI_BUILD_SHARE_MAX}x a clean build (every N)",
         all(m.ci_build_s <= CI_BUILD_SHARE_MAX * m.full_build_s for m in results)),
        ("incremental build rewrites only files whose bytes change (every N)",
         all(not m.rewritten_same_bytes for m in results)),
    ]
    lines.append("")
    lines += [f"- {verdict(ok)}: {name}" for name, ok in checks]
    same = sorted({p for m in results for p in m.rewritten_same_bytes})
    if same:
        lines.append(f"- rewritten with the same bytes: {', '.join(same)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build-time and search benchmark (issues 5 and 16).")
    parser.add_argument("--sizes", default=f"{SMALL},{LARGE}", help="corpus sizes, comma-separated")
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/resolutions-bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-browser", action="store_true", help="skip the first-search measure (Chromium)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and sites (in --work-dir) after the run")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    # A folder of its own for this run; earlier runs' folders are deleted only once this
    # one has measured everything (see ``measure``).
    args.work_dir.mkdir(parents=True, exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=args.work_dir))
    load_before = os.getloadavg()[0]
    try:
        results = [measure(size, run_dir, args.seed, browser=not args.no_browser) for size in sizes]
        print(f"`{' '.join(['python', 'bench/benchmark.py', *(argv if argv is not None else sys.argv[1:])])}` — "
              f"{datetime.date.today().isoformat()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
              f"load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after\n")
        print(format_report(results))
    finally:
        if not args.keep:  # this run's folder, and any an interrupted run left
            for folder in args.work_dir.glob("run-*"):
                shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
