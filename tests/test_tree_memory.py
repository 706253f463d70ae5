"""bench/tree_memory.py: the benchmark's measure of a process tree's memory (PSS summed)
against a tree whose shared and private memory are known."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import psutil

from tests.paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from tree_memory import TreeSample, run_measured, sample_tree  # noqa: E402

MB = 1 << 20
SHARED, PRIVATE, CHILDREN = 96 * MB, 32 * MB, 2
"""The tree: a parent writes SHARED bytes, then forks CHILDREN that each write PRIVATE
bytes of their own and only read the parent's, which stay shared copy-on-write."""

TREE = textwrap.dedent(f"""
    import os, sys, time

    def touch(size):
        block = bytearray(size)
        block[::4096] = b"x" * (size // 4096)  # every page written: in memory, not the zero page
        return block

    shared = touch({SHARED})
    children = []
    for _ in range({CHILDREN}):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            private = touch({PRIVATE})
            os.write(write, b"1")
            time.sleep(float(sys.argv[1]))
            os._exit(0)
        os.read(read, 1)
        children.append(pid)
    print("ready", flush=True)
    time.sleep(float(sys.argv[1]))
    for pid in children:
        os.waitpid(pid, 0)
""")

INTERPRETER_MAX = 30 * MB
"""What one Python process may hold beside the blocks (interpreter, libraries, heap)."""


def check_sample(sample: TreeSample) -> None:
    """The tree's PSS sum is its memory (every block once) and its RSS sum counts the shared block in each process."""
    processes = CHILDREN + 1
    blocks = SHARED + CHILDREN * PRIVATE
    assert blocks <= sample.pss <= blocks + processes * INTERPRETER_MAX
    assert sample.rss >= processes * SHARED + CHILDREN * PRIVATE
    # What the RSS sum counts more than once: the shared block in every child, and
    # little else (the interpreter's pages shared after the fork).
    assert CHILDREN * SHARED <= sample.rss - sample.pss <= CHILDREN * SHARED + processes * INTERPRETER_MAX
    assert sample.pss == sum(p.pss for p in sample.processes)


def test_sample_tree_counts_shared_pages_once():
    process = subprocess.Popen([sys.executable, "-c", TREE, "30"], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
        sample = sample_tree(psutil.Process(process.pid))
    finally:
        process.kill()
        process.wait()
    assert len(sample.processes) == CHILDREN + 1
    check_sample(sample)
    parent = next(p for p in sample.processes if p.pid == process.pid)
    # The parent's share of the block it shares with two children: a third of it.
    assert SHARED / (CHILDREN + 1) <= parent.pss <= SHARED / (CHILDREN + 1) + INTERPRETER_MAX


def test_run_measured_finds_the_peak():
    hold = 1.5
    run = run_measured([sys.executable, "-c", TREE, str(hold)])
    assert run.returncode == 0, run.stderr
    assert run.pss_samples >= 2
    check_sample(run.peak_pss)
    assert run.peak_rss >= run.peak_pss.rss
    assert run.elapsed >= hold
    assert run.cpu > 0
