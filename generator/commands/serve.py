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
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.site.projects import SHARED_CONFIG, THEME_OVERRIDES

logger = logging.getLogger(__name__)

POLL_SECONDS = 1.0
GENERATOR_DIR = Path(__file__).resolve().parent.parent


def get_source_state(folders: list[Path], files: list[Path]) -> dict[str, tuple[int, int]]:
    """Path -> (mtime, size) of every file that can change the site."""
    state = {}
    for folder in folders:
        for path in folder.rglob("*") if folder.is_dir() else ():
            if path.is_file():
                stat = path.stat()
                state[str(path)] = (stat.st_mtime_ns, stat.st_size)
    for path in files:
        if path.is_file():
            stat = path.stat()
            state[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return state


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site; logs only errors, so rebuild messages stay readable."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        if args and str(args[1] if len(args) > 1 else "").startswith(("4", "5")):
            super().log_message(format, *args)


def run_build(content_dir: Path, site_dir: Path, keep_going: bool, quiet: bool, incremental: bool = False) -> int:
    """``python -m generator build`` in a process of its own; its exit status."""
    command = [sys.executable, "-m", "generator", "build", "--content", str(content_dir), "--site-dir", str(site_dir)]
    command += ["--keep-going"] * keep_going + ["--quiet"] * quiet + ["--incremental"] * incremental
    # The same generator as this one, installed or not, first on the path.
    path = os.pathsep.join(filter(None, [str(GENERATOR_DIR.parent), os.environ.get("PYTHONPATH")]))
    return subprocess.run(command, env=dict(os.environ, PYTHONPATH=path)).returncode


def watch_and_rebuild(content_dir: Path, site_dir: Path, keep_going: bool, stop: threading.Event) -> None:
    folders = [content_dir, THEME_OVERRIDES, GENERATOR_DIR]
    files = [SHARED_CONFIG]
    state = get_source_state(folders, files)
    while not stop.wait(POLL_SECONDS):
        current = get_source_state(folders, files)
        if current == state:
            continue
        changed = {path for path in state.keys() | current.keys() if state.get(path) != current.get(path)}
        state = current
        # An edit of the texts alone rebuilds only what it changes; an incremental build
        # does not see changes of the theme, mkdocs.yml or the generator: those rebuild all.
        content_prefix = str(content_dir) + os.sep
        incremental = all(path.startswith(content_prefix) for path in changed)
        logger.info(f"Change detected, rebuilding ({'incremental' if incremental else 'full'})")
        # The build's own messages say what to fix; this process serves the last good site.
        status = run_build(content_dir, site_dir, keep_going, quiet=True, incremental=incremental)
        logger.info("Rebuilt" if status == 0 else f"Rebuild failed (exit status {status}); still serving the last good site")


def serve(content_dir: Path, site_dir: Path, port: int = 8000, keep_going: bool = False, quiet: bool = False) -> int:
    """Build, then serve ``site_dir`` on http://127.0.0.1:PORT until Ctrl-C."""
    content_dir, site_dir = Path(content_dir).resolve(), Path(site_dir).resolve()
    status = run_build(content_dir, site_dir, keep_going, quiet)
    if status not in (0, 1):
        return status
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    stop = threading.Event()
    watcher = threading.Thread(target=watch_and_rebuild, args=(content_dir, site_dir, keep_going, stop), daemon=True)
    watcher.start()
    logger.info(f"Serving on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        logger.info("Stopped")
    finally:
        stop.set()
        server.server_close()
        watcher.join(timeout=5)
    return status
