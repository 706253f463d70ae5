"""Messages to the person running a command: ``logging``, formatted as MkDocs formats its
own ("INFO    -  Building ..."), so that the generator's lines and MkDocs's read alike.

Modules log through ``logging.getLogger(__name__)`` (all under ``generator``); the
command line calls :func:`configure` once. ``--quiet`` keeps warnings and errors,
``--verbose`` adds debug lines. A progress counter on a terminal is not a log line:
:func:`get_progress` draws it in place on stderr, and only there.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

ROOT_LOGGER = "generator"


class MkDocsFormatter(logging.Formatter):
    """``LEVEL   -  message``: the level padded to eight characters, as MkDocs does."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {record.getMessage()}"


def configure(verbose: bool = False, quiet: bool = False) -> None:
    """Send the generator's messages to stderr: INFO and up, DEBUG with ``verbose``,
    WARNING and up with ``quiet``."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(MkDocsFormatter())
    logger = logging.getLogger(ROOT_LOGGER)
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO)
    logger.propagate = False


def get_progress(label: str, enabled: bool = True) -> Callable[[int, int], None] | None:
    """A ``progress(done, total)`` that redraws "label: done/total" on a terminal's stderr,
    or None where nobody would see it (not a terminal, quiet, not ``enabled``)."""
    logger = logging.getLogger(ROOT_LOGGER)
    if not enabled or not sys.stderr.isatty() or not logger.isEnabledFor(logging.INFO):
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(f"\r          {label}: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return show
