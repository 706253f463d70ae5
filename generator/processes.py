"""The child processes of a build (MkDocs, Pagefind, a build run by ``serve``): started
holding the build's lock, and stopped, not left running, when the build stops early.

A build holds a lock on its site (``generator.site_folder``) for as long as it runs. Its
children inherit that lock's file descriptor, so that a build killed outright (SIGKILL,
which it cannot see) keeps its site locked until its last child has ended: the next build
waits for them instead of cleaning up under their feet.
"""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Sequence
from typing import Any

STOP_SECONDS = 10.0
"""How long a child asked to stop (SIGTERM) may take before it is killed."""

_inherited_fds: set[int] = set()
"""The descriptors every child inherits: the locks this process holds."""


def share_with_children(fd: int) -> None:
    _inherited_fds.add(fd)


def unshare(fd: int) -> None:
    _inherited_fds.discard(fd)


def ignore_interrupts() -> None:
    """In a forked worker of a build: Ctrl-C is the parent's to handle (a terminal sends it
    to the whole process group), which stops its workers; the worker would otherwise die
    of it, printing a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start(command: Sequence[str], **options: Any) -> subprocess.Popen:
    """``subprocess.Popen(command, **options)``, holding the locks this process holds."""
    return subprocess.Popen(command, pass_fds=tuple(sorted(_inherited_fds)), **options)


def stop(process: subprocess.Popen, seconds: float = STOP_SECONDS) -> None:
    """Ask ``process`` to stop (SIGTERM: it cleans up), kill it if it has not within
    ``seconds``, and wait for it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.kill()
    process.wait()


def run(command: Sequence[str], **options: Any) -> subprocess.CompletedProcess:
    """``subprocess.run(command, capture_output=True, text=True)``, but a child is asked
    to stop (and given time to) when this process is interrupted, not killed at once."""
    process = start(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **options)
    try:
        stdout, stderr = process.communicate()
    except BaseException:
        stop(process)
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
