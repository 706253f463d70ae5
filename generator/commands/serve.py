"""``python -m generator serve``: build, serve on localhost, rebuild when a source changes.

Each build, the first and every rebuild, runs as a process of its own
(``python -m generator build``): a build forks workers, which a process that runs server
threads must not do; a rebuild after an edit of the generator's code runs the new code;
and a build that fails or crashes leaves this process serving the last good site.

Polling (once a second) rather than a file-system watcher: no dependency, works the same
everywhere, and a corpus of texts is small enough to stat in milliseconds. The site is
swapped in whole by a full build (see ``generator.commands.build``), so the server never
serves a half-built site; an edit of the texts alone is rebuilt incrementally, in place.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import stat
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator import processes
from generator.errors import GeneratorError
from generator.site.projects import SHARED_CONFIG, THEME_OVERRIDES

logger = logging.getLogger(__name__)

POLL_SECONDS = 1.0
GENERATOR_DIR = Path(__file__).resolve().parent.parent


def get_source_state(folders: list[Path], files: list[Path]) -> dict[str, tuple[int, int]]:
    """Path -> (mtime, size) of every file that can change the site.

    A file that goes while it is looked at (an editor saves by writing a temporary file
    and renaming it) is left out: the next look sees the rename.
    """
    state = {}
    paths = [path for folder in folders if folder.is_dir() for path in folder.rglob("*")] + files
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            state[str(path)] = (info.st_mtime_ns, info.st_size)
    return state


class SiteServer(ThreadingHTTPServer):
    """Serves the site; a request that fails is one line, not the standard library's
    traceback, and a reader who goes away (a closed tab, a timeout) is not a failure."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return
        logger.error(f"request from {client_address} failed: {type(error).__name__}: {error}")


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site; logs only errors, so rebuild messages stay readable."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        if args and str(args[1] if len(args) > 1 else "").startswith(("4", "5")):
            super().log_message(format, *args)


class BuildRunner:
    """Runs ``python -m generator build`` in a process of its own, one at a time, for the
    first build and every rebuild; and stops the one running when ``serve`` stops.

    The build takes the site's lock itself (``generator.site_folder``): a rebuild waits
    for a ``build`` the user started meanwhile, and the other way round.
    """

    def __init__(self, content_dir: Path, site_dir: Path, keep_going: bool):
        self.command = [sys.executable, "-m", "generator", "build", "--content", str(content_dir), "--site-dir", str(site_dir)]
        self.command += ["--keep-going"] * keep_going
        self.lock = threading.Lock()
        self.running: subprocess.Popen | None = None
        self.stopped = False

    def run(self, quiet: bool, incremental: bool = False) -> int:
        """Build; the exit status (that of an interrupted build once ``serve`` stops)."""
        # The same generator as this one, installed or not, first on the path.
        path = os.pathsep.join(filter(None, [str(GENERATOR_DIR.parent), os.environ.get("PYTHONPATH")]))
        with self.lock:
            if self.stopped:  # as if started and stopped at once
                return -signal.SIGTERM
            self.running = build = processes.start(
                [*self.command, *["--quiet"] * quiet, *["--incremental"] * incremental], env=dict(os.environ, PYTHONPATH=path)
            )
        return build.wait()

    def stop(self, heard: bool) -> None:
        """Stop the running build, if any, and start no other. ``heard``: it was sent the
        same signal (Ctrl-C reaches the whole process group) and is stopping already:
        it is given the time to clean up before being asked again."""
        with self.lock:
            self.stopped = True
            build = self.running
        if build is None or build.poll() is not None:
            return
        if heard:
            try:
                build.wait(processes.STOP_SECONDS)
            except subprocess.TimeoutExpired:
                pass
        processes.stop(build)


def get_watched(content_dir: Path) -> tuple[list[Path], list[Path]]:
    """The folders and files whose changes change the site."""
    return [content_dir, THEME_OVERRIDES, GENERATOR_DIR], [SHARED_CONFIG]


def watch_and_rebuild(runner: BuildRunner, content_dir: Path, state: dict[str, tuple[int, int]], stop: threading.Event) -> None:
    """Rebuild whenever a source differs from ``state``, until ``stop``. Nothing a user
    does to the sources (a bad edit, a file that vanishes) ends the watch: each failure
    is reported in one line, the last good site stays served, and the next change is
    rebuilt."""
    folders, files = get_watched(content_dir)
    while not stop.wait(POLL_SECONDS):
        try:
            state = rebuild_if_changed(runner, content_dir, folders, files, state)
        except Exception as error:  # noqa: BLE001 - the watch must go on; the next change retries
            logger.error(f"Rebuild failed: {type(error).__name__}: {error}; still serving the last good site")


def rebuild_if_changed(
    runner: BuildRunner, content_dir: Path, folders: list[Path], files: list[Path], state: dict[str, tuple[int, int]]
) -> dict[str, tuple[int, int]]:
    """Rebuild if the sources differ from ``state``; the sources' state now."""
    current = get_source_state(folders, files)
    if current == state:
        return state
    changed = {path for path in state.keys() | current.keys() if state.get(path) != current.get(path)}
    # An edit of the texts alone rebuilds only what it changes; an incremental build
    # does not see changes of the theme, mkdocs.yml or the generator: those rebuild all.
    content_prefix = str(content_dir) + os.sep
    incremental = all(path.startswith(content_prefix) for path in changed)
    logger.info(f"Change detected, rebuilding ({'incremental' if incremental else 'full'})")
    # The build's own messages say what to fix; this process serves the last good site.
    status = runner.run(quiet=True, incremental=incremental)
    if runner.stopped:  # serve is stopping: the build was stopped, not failed
        return current
    logger.info("Rebuilt" if status == 0 else f"Rebuild failed (exit status {status}); still serving the last good site")
    return current


def get_server(port: int, site_dir: Path) -> SiteServer:
    """The server of ``site_dir`` on 127.0.0.1:``port``; a port in use is a GeneratorError."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    try:
        return SiteServer(("127.0.0.1", port), handler)
    except OSError as error:
        raise GeneratorError(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}") from None


def serve(content_dir: Path, site_dir: Path, port: int = 8000, keep_going: bool = False, quiet: bool = False) -> int:
    """Build, then serve ``site_dir`` on http://127.0.0.1:PORT until Ctrl-C.

    Ctrl-C (or SIGTERM) while a build runs stops it too: it removes what it made and the
    site stays the last good one.
    """
    content_dir, site_dir = Path(content_dir).resolve(), Path(site_dir).resolve()
    # The port first: a port in use is said at once, not after the build.
    server = get_server(port, site_dir)
    runner = BuildRunner(content_dir, site_dir, keep_going)
    stop = threading.Event()
    # The sources as the first build reads them: an edit made while it runs is rebuilt.
    state = get_source_state(*get_watched(content_dir))
    watcher = threading.Thread(target=watch_and_rebuild, args=(runner, content_dir, state, stop), daemon=True)
    try:
        status = runner.run(quiet)
        if status not in (0, 1):
            return status
        watcher.start()
        logger.info(f"Serving on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)")
        server.serve_forever()
    except KeyboardInterrupt:
        runner.stop(heard=True)
        if not watcher.is_alive():  # stopped during the first build
            raise
        logger.info("Stopped")
    except BaseException:
        runner.stop(heard=False)
        raise
    finally:
        stop.set()
        server.server_close()
        if watcher.is_alive():
            watcher.join(timeout=5)
    return status
