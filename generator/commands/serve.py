"""``python -m generator serve``: build, serve on localhost, rebuild when a source changes.

Polling (once a second) rather than a file-system watcher: no dependency, works the same
everywhere, and a corpus of texts is small enough to stat in milliseconds. A rebuild
re-renders everything but the writer only rewrites changed pages; the site is swapped
in whole (see build.py), so the server never serves a half-built site.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.commands.build import build_site
from generator.errors import GeneratorError
from generator.site.projects import SHARED_CONFIG, THEME_OVERRIDES

POLL_SECONDS = 1.0


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

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        if args and str(args[1] if len(args) > 1 else "").startswith(("4", "5")):
            super().log_message(format, *args)


def watch_and_rebuild(content_dir: Path, site_dir: Path, keep_going: bool, quiet: bool, stop: threading.Event) -> None:
    folders = [content_dir, THEME_OVERRIDES, Path(__file__).resolve().parent.parent]
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
        print(f"INFO    -  Change detected, rebuilding ({'incremental' if incremental else 'full'})", file=sys.stderr)
        try:
            build_site(content_dir, site_dir, keep_going=keep_going, quiet=True, incremental=incremental)
            print("INFO    -  Rebuilt", file=sys.stderr)
        except GeneratorError as error:
            # Keep serving the last good site; the message says what to fix.
            print(f"error: {error}", file=sys.stderr)


def serve(content_dir: Path, site_dir: Path, port: int = 8000, keep_going: bool = False, quiet: bool = False) -> int:
    """Build, then serve ``site_dir`` on http://127.0.0.1:PORT until Ctrl-C."""
    content_dir, site_dir = Path(content_dir), Path(site_dir).resolve()
    status = build_site(content_dir, site_dir, keep_going=keep_going, quiet=quiet)
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch_and_rebuild, args=(content_dir, site_dir, keep_going, quiet, stop), daemon=True
    )
    watcher.start()
    print(f"INFO    -  Serving on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nINFO    -  Stopped", file=sys.stderr)
    finally:
        stop.set()
        server.server_close()
        watcher.join(timeout=5)
    return status
