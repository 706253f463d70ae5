"""The memory of a process tree: the sum of its processes' PSS, and their RSS for comparison.

A build forks: the parse workers, the search's background process, the second language's
renderer and filler start as copies of a process that holds the corpus, and share its
pages copy-on-write until one of them writes a page. RSS counts every page a process
maps, so a sum of RSS counts each shared page once per sharer: the tree's RSS sum is
more than the machine ever gives it. PSS (proportional set size, the kernel's
``/proc/<pid>/smaps_rollup``) counts a page shared by k processes as 1/k in each, so the
PSS of the tree's processes adds up to what the machine must have for them, each page
once. (A page shared with a process outside the tree, a library's code say, is counted
only in part; those are a few MB.)

    .venv/bin/python bench/tree_memory.py -- .venv/bin/python -m generator build ...

runs a command and prints its wall and CPU time, its tree's peak PSS with each
process's share at that moment, and the peak of the RSS sum.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

INTERVAL = 0.02
"""Seconds between two samples of the tree's RSS (cheap: ``/proc/<pid>/statm``)."""
PSS_SHARE = 0.2
"""The share of one core the PSS samples may take. The kernel walks a process's page
tables to sum its PSS: 25-65 ms a GB of RSS on this machine (quiet to busy), a quarter
of a second or more a sample of a build of 20,000 texts, which every 20 ms would keep a
core of the two busy beside the build it measures. So after a sample that took t
seconds the next waits 4t: every second or few at 20,000 texts, every few tenths of a
second at 2,000, against phases of the build that last seconds (a Pagefind run) to
minutes (rendering)."""


@dataclass(frozen=True)
class ProcessMemory:
    pid: int
    name: str
    """The process's command line, shortened."""
    rss: int
    pss: int


@dataclass(frozen=True)
class TreeSample:
    """The memory of every process of the tree at one moment (bytes)."""

    at: float
    """Seconds since the command started."""
    processes: tuple[ProcessMemory, ...]

    @property
    def rss(self) -> int:
        return sum(p.rss for p in self.processes)

    @property
    def pss(self) -> int:
        return sum(p.pss for p in self.processes)


def describe(process: psutil.Process) -> str:
    """A short name for a process of a build: its program and first arguments."""
    try:
        words = process.cmdline()
    except psutil.Error:
        return "?"
    if not words:
        return process.name()
    return " ".join(" ".join([Path(words[0]).name, *words[1:4]]).split())[:80]


def get_tree(root: psutil.Process) -> list[psutil.Process]:
    try:
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return [root]


def sample_tree(root: psutil.Process, started: float = 0.0) -> TreeSample:
    """The RSS and PSS of ``root`` and of every process under it, now. A process that
    ends while it is read is left out."""
    found = []
    for process in get_tree(root):
        try:
            memory = process.memory_full_info()  # RSS from statm, PSS from smaps_rollup
            found.append(ProcessMemory(process.pid, describe(process), memory.rss, memory.pss))
        except psutil.Error:
            continue
    return TreeSample(time.perf_counter() - started if started else 0.0, tuple(found))


def get_tree_rss(root: psutil.Process) -> int:
    """The sum of the RSS of ``root`` and every process under it, now."""
    total = 0
    for process in get_tree(root):
        try:
            total += process.memory_info().rss
        except psutil.Error:
            continue
    return total


@dataclass(frozen=True)
class MeasuredRun:
    elapsed: float
    cpu: float
    """User + system seconds of the command and every descendant it waited for."""
    returncode: int
    stderr: str
    peak_pss: TreeSample
    """The PSS sample whose sum was the highest."""
    peak_rss: int
    """The highest RSS sum sampled."""
    pss_samples: int


def run_measured(
    command: Sequence[str],
    cwd: Path | None = None,
    interval: float = INTERVAL,
    on_sample: Callable[[TreeSample], None] | None = None,
    on_line: Callable[[float, str], None] | None = None,
) -> MeasuredRun:
    """Run ``command`` (its stdout discarded), sampling its tree's RSS every ``interval``
    seconds and its PSS as often as :data:`PSS_SHARE` allows (each PSS sample to
    ``on_sample`` too; each line of its stderr to ``on_line`` as it comes, with the time)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = psutil.Popen(list(command), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    lines: list[str] = []
    reader = None
    if on_line is not None and process.stderr is not None:
        stream = process.stderr

        def read_lines() -> None:
            for raw in stream:
                line = raw.decode(errors="replace")
                lines.append(line)
                on_line(time.perf_counter() - started, line.rstrip("\n"))

        reader = threading.Thread(target=read_lines, daemon=True)
        reader.start()
    peak_pss = TreeSample(0.0, ())
    peak_rss = pss_samples = 0
    next_pss = started
    # stderr is read at the end: a build writes little there (--quiet), far less than a pipe holds.
    while process.poll() is None:
        now = time.perf_counter()
        if now >= next_pss:
            sample = sample_tree(process, started)
            pss_samples += 1
            next_pss = now + (time.perf_counter() - now) / PSS_SHARE
            if on_sample is not None:
                on_sample(sample)
            peak_pss = max(peak_pss, sample, key=lambda s: s.pss)
            peak_rss = max(peak_rss, sample.rss)
        else:
            peak_rss = max(peak_rss, get_tree_rss(process))
        time.sleep(interval)
    elapsed = time.perf_counter() - started
    if reader is not None:
        reader.join()
        stderr = "".join(lines)
    else:
        stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return MeasuredRun(elapsed, cpu, process.returncode, stderr, peak_pss, peak_rss, pss_samples)


def format_sample(sample: TreeSample) -> str:
    lines = [f"  {p.pss / 2**20:8.0f} MB PSS {p.rss / 2**20:8.0f} MB RSS  {p.pid:>7}  {p.name}" for p in sample.processes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run a command; print its process tree's peak PSS and RSS sum.")
    parser.add_argument("--interval", type=float, default=INTERVAL, help="seconds between samples")
    parser.add_argument("--timeline", action="store_true", help="print every PSS sample: time, sum, each process's share")
    parser.add_argument("--log", action="store_true", help="print the command's stderr as it comes, each line with its time")
    parser.add_argument("command", nargs="+", help="the command (after --)")
    args = parser.parse_args(argv)

    def print_sample(sample: TreeSample) -> None:
        shares = " ".join(f"{p.pid}:{p.pss >> 20}" for p in sample.processes if p.pss >= 1 << 20)
        print(f"{sample.at:7.2f} s {sample.pss >> 20:6} MB PSS {sample.rss >> 20:6} MB RSS | {shares}", flush=True)

    def print_line(at: float, line: str) -> None:
        print(f"{at:7.2f} s | {line}", flush=True)

    run = run_measured(
        args.command, Path(os.getcwd()), args.interval, print_sample if args.timeline else None, print_line if args.log else None
    )
    print(f"exit {run.returncode}, {run.elapsed:.1f} s wall, {run.cpu:.1f} CPU-s, {run.pss_samples} PSS samples")
    print(f"peak PSS sum {run.peak_pss.pss / 2**20:.0f} MB at {run.peak_pss.at:.1f} s "
          f"(RSS sum then {run.peak_pss.rss / 2**20:.0f} MB):")
    print(format_sample(run.peak_pss))
    print(f"peak RSS sum {run.peak_rss / 2**20:.0f} MB")
    if run.returncode and not args.log:
        print(run.stderr, file=sys.stderr)
    return run.returncode


if __name__ == "__main__":
    raise SystemExit(main())
