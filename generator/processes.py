"""The child processes of a build (MkDocs, Pagefind, a build run by ``serve``): started
holding the build's lock, and stopped, not left running, when the build stops early.

A build holds a lock on its site (``generator.site_folder``) for as long as it runs. Its
children inherit that lock's file descriptor, so that a build killed outright (SIGKILL,
which it cannot see) keeps its site locked until its last child has ended: the next build
waits for them instead of cleaning up under their feet.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import subprocess
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from typing import Any, TypeVar

from generator.errors import BuildError, GeneratorError

STOP_SECONDS = 10.0
"""How long a child asked to stop (SIGTERM) may take before it is killed."""

_inherited_fds: set[int] = set()
"""The descriptors every child inherits: the locks this process holds."""

_waited_on: set[subprocess.Popen] = set()
"""The children ``run`` waits on, in any thread (``run_at_once`` stops them)."""
_waited_lock = threading.Lock()
_stopping = threading.Event()
"""Set while ``run_at_once`` stops its calls: ``start`` starts no child."""

T = TypeVar("T")


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
    """``subprocess.Popen(command, **options)``, holding the locks this process holds.

    Ctrl-C and SIGTERM are raised where the program is (``generator.cli``), and inside
    ``Popen``, between its fork and the child's exec, the exception would leave a child
    running that no one holds to stop (a build stopped as it started MkDocs left MkDocs
    running). So they wait until ``Popen`` has returned; the child, started as its parent
    was being stopped, is then stopped too, and the signal raised as it would have been.
    """
    if _stopping.is_set():
        raise BuildError("not started: the build is stopping")
    with held_signals() as heard:
        process = subprocess.Popen(command, pass_fds=tuple(sorted(_inherited_fds)), **options)
    if heard:
        stop(process)
        signal.raise_signal(heard[0])  # the handler, restored, raises it here
    return process


HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def held_signals() -> Iterator[list[int]]:
    """The signals of HELD_SIGNALS whose handlers raise (Python functions, not SIG_IGN or
    SIG_DFL) noted instead of handled while inside; yields those noted. Only the main
    thread handles signals: in another thread, nothing is held."""
    heard: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield heard
        return
    handlers = {signum: signal.getsignal(signum) for signum in HELD_SIGNALS}
    held = {signum: handler for signum, handler in handlers.items() if callable(handler)}
    for signum in held:
        signal.signal(signum, lambda signum, frame: heard.append(signum))
    try:
        yield heard
    finally:
        for signum, handler in held.items():
            signal.signal(signum, handler)


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
    with _waited_lock:
        process = start(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **options)
        _waited_on.add(process)
    try:
        stdout, stderr = process.communicate()
    except BaseException:
        stop(process)
        raise
    finally:
        with _waited_lock:
            _waited_on.discard(process)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def run_at_once(calls: Sequence[Callable[[], T]]) -> list[T]:
    """Each of ``calls`` in a thread of its own, all at once; their results in order, or
    the first one's exception. For calls that spend their time waiting on children
    (``run``): the children work at once, and the threads hold the interpreter only between them.

    Only the calling thread hears Ctrl-C or SIGTERM: then the children the calls wait on
    are stopped, a call starts no other, and each call unwinds (removing what it made)
    before the signal's exception goes on.
    """
    if len(calls) < 2:
        return [call() for call in calls]
    executor = ThreadPoolExecutor(len(calls))
    futures = [executor.submit(call) for call in calls]
    try:
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        for future in futures:
            if future in done:
                future.result()  # a call's exception, before the others end
        return [future.result() for future in futures]
    except BaseException:
        with _waited_lock:
            _stopping.set()
            running = list(_waited_on)
        for process in running:
            stop(process)
        raise
    finally:
        executor.shutdown(wait=True)  # after an error too: every call has unwound
        _stopping.clear()


class BackgroundTask:
    """``function(*args)`` on the other core: in a forked process, else in a thread.

    Why a process: indexing for search and rendering a language are Python work that, in
    a thread, would hold the interpreter's lock against the work of this process. Forked,
    the child has the corpus without pickling it. ``result()`` waits and returns the
    function's (small, pickled) result, or raises the child's GeneratorError (any other
    exception: a BuildError).
    """

    def __init__(self, function: Callable[..., Any], *args: Any):
        self.future: Future | None = None
        if "fork" not in multiprocessing.get_all_start_methods():
            executor = ThreadPoolExecutor(1)
            self.future = executor.submit(function, *args)
            executor.shutdown(wait=False)  # the task runs on; result() awaits it
            return
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=self.run, args=(sender, function, args), daemon=True)
        self.process.start()
        sender.close()

    @staticmethod
    def run(sender: Any, function: Callable[..., Any], args: tuple) -> None:
        ignore_interrupts()  # the parent terminates this process (a daemon) as it exits
        try:
            outcome: tuple[Any, GeneratorError | None] = (function(*args), None)
        except GeneratorError as error:
            outcome = (None, error)
        except BaseException as error:  # noqa: BLE001 - reported by the parent
            outcome = (None, BuildError(f"{function.__name__} failed: {type(error).__name__}: {error}"))
        try:
            sender.send(outcome)
        except BaseException:  # noqa: BLE001
            # Stopped while sending (SIGTERM from a parent that is stopping, and no longer
            # reads): a result larger than the pipe holds would block a second send for
            # ever, and the parent with it, waiting for this process to end.
            pass

    def result(self) -> Any:
        if self.future is not None:
            return self.future.result()
        try:
            value, error = self.receiver.recv()
        except EOFError:
            value, error = None, BuildError(f"the background task died (exit status {self.process.exitcode})")
        self.process.join()
        if error is not None:
            raise error
        return value
