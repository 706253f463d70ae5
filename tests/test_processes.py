"""generator/processes.py: a forked background task stopped while it hands its result over."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from generator.cli import raise_terminated
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
