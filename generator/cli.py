"""Command line: ``python -m generator parse|build|check|serve|import|import-meps`` (DESIGN.md section 5).

A user's mistake (bad input, bad layout) is one line on stderr naming the file and line,
and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from generator import log
from generator.errors import GeneratorError
from generator.languages import LANGUAGES

EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130
"""128 + SIGINT, as shells report a command stopped by Ctrl-C."""
EXIT_TERMINATED = 143
"""128 + SIGTERM."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse's, but a mistake on the command line is one line too (argparse prints the
    whole usage before it), exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"error: {message} (see {self.prog} --help)\n")


def get_port(text: str) -> int:
    """A TCP port number for ``serve --port``: 0 (any free port) to 65535."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number (0 to 65535): {port}")
    return port


def get_argument_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="python -m generator",
        description="Static multilingual site for published parliamentary resolutions.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_verbosity(sub: argparse.ArgumentParser) -> None:
        group = sub.add_mutually_exclusive_group()
        group.add_argument("--quiet", action="store_true", help="only warnings and errors")
        group.add_argument("--verbose", action="store_true", help="also debug messages")

    parse = commands.add_parser("parse", help="one raw text -> its structure")
    parse.add_argument("file", type=Path)
    parse.add_argument("--json", action="store_true", help="print the structure as JSON")
    parse.add_argument("--lang", choices=LANGUAGES, help="language (default: detected)")
    add_verbosity(parse)

    def add_content(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--content", type=Path, default=Path("content"), help="content directory")

    def add_build_options(sub: argparse.ArgumentParser) -> None:
        add_content(sub)
        sub.add_argument("--site-dir", type=Path, default=Path("site"), help="output directory")
        sub.add_argument("--keep-going", action="store_true", help="skip bad texts, report them")
        add_verbosity(sub)

    build = commands.add_parser("build", help="build the whole site")
    add_build_options(build)
    build.add_argument(
        "--incremental", action="store_true",
        help="update the existing site in place: only changed pages and languages (not for deployment)",
    )

    check = commands.add_parser("check", help="report problems; non-zero exit on errors")
    add_content(check)
    check.add_argument("--strict", action="store_true", help="non-zero exit on any problem")
    add_verbosity(check)

    serve = commands.add_parser("serve", help="build, serve on localhost, rebuild on change")
    add_build_options(serve)
    serve.add_argument("--port", type=get_port, default=8000, help="port on 127.0.0.1 (0: any free port)")

    import_pages = commands.add_parser(
        "import", help="saved pages or URLs of resolutions -> content/resolutions/<slug>/"
    )
    import_pages.add_argument("sources", nargs="+", metavar="SOURCE", help="a saved HTML page or an http(s):// URL")
    add_content(import_pages)
    import_pages.add_argument("--force", action="store_true", help="overwrite files that differ from the pages")
    add_verbosity(import_pages)

    import_meps = commands.add_parser(
        "import-meps", help="merge the EP's MEP directory XML or Members' pages (files or URLs) into meps.yml"
    )
    import_meps.add_argument(
        "sources", nargs="+", metavar="SOURCE",
        help="the directory XML, or a Member's home or history page: a saved file or an https:// URL of the EP's MEP site",
    )
    add_content(import_meps)
    add_verbosity(import_meps)
    return parser


@contextmanager
def without_garbage_collection() -> Iterator[None]:
    """No cyclic garbage collection while a build runs in this process.

    A build makes millions of small objects that live as long as it does and are in no
    cycle: each allocation threshold crossed ran a collection over all of them so far,
    for nothing (bench/RESULTS.md). The build's own process is this command's: the
    library functions leave the collector alone.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run(args: argparse.Namespace) -> int:
    if args.command == "parse":
        from generator.commands.parse import run_parse

        return run_parse(str(args.file), args.json, args.lang)
    if args.command == "build":
        from generator.commands.build import build_site

        with without_garbage_collection():
            return build_site(args.content, args.site_dir, keep_going=args.keep_going, incremental=args.incremental)
    if args.command == "check":
        from generator.commands.check import run_check

        return run_check(args.content, strict=args.strict)
    if args.command == "serve":
        from generator.commands.serve import serve

        return serve(args.content, args.site_dir, port=args.port, keep_going=args.keep_going, quiet=args.quiet)
    if args.command == "import":
        from generator.commands.import_pages import import_pages

        return import_pages(args.sources, args.content, force=args.force)
    if args.command == "import-meps":
        from generator.commands.import_meps import import_meps

        return import_meps(args.sources, args.content / "meps.yml")
    raise AssertionError(args.command)


class Terminated(BaseException):
    """SIGTERM, raised where the program is, like KeyboardInterrupt for SIGINT: what the
    build made so far is removed on the way out (``finally`` and ``except BaseException``)."""


def raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    try:  # Ctrl-C from the very start ends in one line too
        args = get_argument_parser().parse_args(argv)
        log.configure(verbose=args.verbose, quiet=args.quiet)
        signal.signal(signal.SIGTERM, raise_terminated)
        return run(args)
    except GeneratorError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as error:
        # The machine's answer to a file operation (a read-only folder, a full disk): the
        # user's to fix, named in one line like every other.
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("interrupted (Ctrl-C): stopped, nothing half-made left", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("terminated (SIGTERM): stopped, nothing half-made left", file=sys.stderr)
        return EXIT_TERMINATED


def exit_now(status: int) -> NoReturn:
    """End the process with ``status``: at once when nothing needs the interpreter's exit.

    A build leaves millions of objects (the corpus, its pages' records) that a normal exit
    frees one by one, for nothing, seconds after the last line was printed. When no other
    thread runs and no child process is left, what an orderly exit would still do is only
    that and flushing the output, done here first: ``os._exit`` then skips the freeing.
    Otherwise (a thread, a child to wait for) the exit is the usual one.
    """
    if threading.active_count() > 1 or multiprocessing.active_children():
        sys.exit(status)
    # What is registered to run at exit (multiprocessing's clean-up of its temporary
    # folder among it): CPython's own exit runs these the same way, before freeing.
    atexit._run_exitfuncs()
    logging.shutdown()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed or broken pipe: as ``sys.exit`` would end
        sys.exit(status)
    os._exit(status)
