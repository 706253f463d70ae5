"""generator/processes.py: a forked background task stopped while it hands its result over;
a build stopped while it starts a child; calls run at once in threads, and stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator import processes
from generator.cli import Terminated, raise_terminated
from generator.errors import GeneratorError
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


def test_calls_run_at_once_each_in_a_thread_and_give_their_results_in_order(tmp_path):
    """Two children that each wait for the other's file: they end only if they run at once."""
    def waits_for(mine: str, theirs: str) -> str:
        script = (
            f"open({str(tmp_path / mine)!r}, 'w').close()\nimport os, time\ndeadline = time.monotonic() + 30\n"
            f"while not os.path.exists({str(tmp_path / theirs)!r}) and time.monotonic() < deadline: time.sleep(0.01)\n"
            f"print({mine!r} if os.path.exists({str(tmp_path / theirs)!r}) else 'alone')"
        )
        return processes.run([sys.executable, "-c", script]).stdout.strip()

    assert processes.run_at_once([lambda: waits_for("a", "b"), lambda: waits_for("b", "a")]) == ["a", "b"]


def test_calls_stopped_at_once_stop_their_children_and_start_no_other(tmp_path):
    """Ctrl-C heard by the calling thread while each call waits on a child: the children
    are stopped, a call that goes on starts no child, and each call unwinds first."""
    unwound: list[str] = []
    started = tmp_path / "started"

    def waits(name: str) -> None:
        try:
            processes.run([sys.executable, "-c", f"open({str(started)!r} + {name!r}, 'w').close()\nimport time; time.sleep(60)"])
            processes.run([sys.executable, "-c", "pass"])  # refused: the calls are stopping
        finally:
            unwound.append(name)

    def interrupt_when_both_started() -> None:
        deadline = time.monotonic() + 20
        while not (Path(f"{started}a").exists() and Path(f"{started}b").exists()) and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGINT)

    interrupter = threading.Thread(target=interrupt_when_both_started)
    begun = time.monotonic()
    interrupter.start()
    with pytest.raises(KeyboardInterrupt):
        processes.run_at_once([lambda: waits("a"), lambda: waits("b")])
    interrupter.join()
    assert sorted(unwound) == ["a", "b"]
    assert time.monotonic() - begun < processes.STOP_SECONDS + 20  # not the children's 60 s
    assert processes.run([sys.executable, "-c", "print('again')"]).stdout == "again\n"  # once stopped, children start again


def test_calls_at_once_stop_the_others_when_one_fails():
    def fails() -> None:
        raise GeneratorError("bad")

    begun = time.monotonic()
    with pytest.raises(GeneratorError, match="bad"):
        processes.run_at_once([lambda: processes.run([sys.executable, "-c", "import time; time.sleep(60)"]), fails])
    assert time.monotonic() - begun < processes.STOP_SECONDS + 20
