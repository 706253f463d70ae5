"""generator/processes.py: a forked background task stopped while it hands its result over;
a build stopped while it starts a child."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import processes
from generator.cli import Terminated, raise_terminated
from generator.processes import BackgroundTask


def make_result(size: int) -> str:
    return "x" * size


def wait_until_blocked_writing(pid: int, seconds: float = 10.0) -> None:
    """Until the process sleeps in a write to a pipe (its result is larger than the pipe holds)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if "pipe" in Path(f"/proc/{pid}/wchan").read_text():
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"process {pid} never blocked writing its result")


def test_a_task_stopped_while_sending_its_result_ends():
    """The build stops its forked tasks with SIGTERM, which the command line raises as an
    exception; a task stopped in the middle of sending a result that nobody reads any
    more ends, rather than blocking in a second send and its parent in waiting for it."""
    previous = signal.signal(signal.SIGTERM, raise_terminated)  # as the command line runs, inherited by the fork
    task = BackgroundTask(make_result, 8 << 20)
    try:
        wait_until_blocked_writing(task.process.pid)
        task.process.terminate()
        task.process.join(10)
        assert task.process.exitcode is not None, "the task is still blocked sending"
    finally:
        signal.signal(signal.SIGTERM, previous)
        if task.process.is_alive():
            task.process.kill()
            task.process.join()


def test_a_build_stopped_while_it_starts_a_child_stops_the_child_too(monkeypatch):
    """SIGTERM (or Ctrl-C) that lands inside ``subprocess.Popen``, after its fork: under
    load a build stopped as it started MkDocs left MkDocs running, no one holding it."""
    previous = signal.signal(signal.SIGTERM, raise_terminated)  # as the command line runs
    started: list[int] = []
    execute_child = subprocess.Popen._execute_child

    def execute_child_then_stopped(self, *args, **kwargs):
        execute_child(self, *args, **kwargs)
        started.append(self.pid)
        os.kill(os.getpid(), signal.SIGTERM)  # the build is stopped here, the child running

    monkeypatch.setattr(subprocess.Popen, "_execute_child", execute_child_then_stopped)
    try:
        with pytest.raises(Terminated):
            processes.start([sys.executable, "-c", "import time; time.sleep(60)"])
        assert signal.getsignal(signal.SIGTERM) is raise_terminated  # held only while it started
    finally:
        signal.signal(signal.SIGTERM, previous)
        monkeypatch.undo()
        alive = [pid for pid in started if Path(f"/proc/{pid}").exists()]
        for pid in alive:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    assert started and not alive, "the child started as the build stopped is still running"
