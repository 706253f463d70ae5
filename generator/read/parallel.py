"""Read and parse many texts at once: in parallel processes, and from a cache of earlier parses.

The read and parse stages of ``content.load_content`` for a whole corpus. Two ways to go
faster than one text after the other, each optional:

- **in parallel**: the texts are split into chunks parsed by this process and by worker
  processes (``fork``, one per other core). Each result is a :class:`ParsedText` in the
  input's order, with the warnings the reader gave and the error the text raised, so the
  caller reports them exactly as a serial read would.
- **from a cache** (``build/cache/parsed.pickle``, incremental builds only): a text whose
  file is unchanged is not read again. A file is unchanged when its size, mtime, ctime
  and inode are those it had when parsed (ctime changes on every write and cannot be set
  back by tools that restore mtimes), and the cache is valid only for the exact source
  of the generator that wrote it: editing any module drops it. A file changed in the
  last seconds before the cache is saved is left out of it (two writes within one tick
  of a coarse file-system clock look alike: git calls such entries "racily clean"). A
  cache that cannot be read is ignored, never trusted.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import pickle
import queue
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from generator.errors import GeneratorError, InputError
from generator.model import Resolution
from generator.parse.parser import SkippedLine

GENERATOR_DIR = Path(__file__).resolve().parent.parent

RACY_SECONDS = 2
"""Files changed this recently when the cache is saved are not cached (see above)."""

PARALLEL_MIN_TEXTS = 64
"""Fewer texts parse faster in this process than the workers take to start."""


@dataclass(frozen=True)
class ParsedText:
    """The outcome of reading and parsing one file."""

    path: Path
    stat_key: tuple[int, ...]
    """(size, mtime_ns, ctime_ns, inode) of the file when read."""
    resolution: Resolution | None
    digest: str
    """SHA-256 of the file's bytes and language: with the generator's code, what the
    resolution depends on (and so the text's pages, in incremental builds)."""
    warnings: tuple[str, ...] = ()
    error: GeneratorError | None = None
    skipped: tuple[SkippedLine, ...] = ()
    """Body lines the parser dropped without knowing them for noise (``check`` warns)."""


def get_stat_key(path: Path) -> tuple[int, ...]:
    stat = path.stat()
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


_code_version: str | None = None


def get_code_version() -> str:
    """A digest of what parses and renders: the generator's source (modules and catalogs),
    the Python and the libraries whose output goes into pages (babel's dates, PyYAML)."""
    global _code_version
    if _code_version is None:
        import platform

        import babel
        import yaml

        digest = hashlib.sha256(f"{platform.python_version()} {babel.__version__} {yaml.__version__}".encode())
        for path in sorted(p for p in GENERATOR_DIR.rglob("*") if p.is_file() and p.suffix in (".py", ".po")):
            digest.update(path.relative_to(GENERATOR_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        _code_version = digest.hexdigest()
    return _code_version


def parse_file(path: Path, lang: str) -> ParsedText:
    """Read and parse one file; an error is returned with the result, not raised."""
    from generator.parse.parser import parse_resolution_with_skipped_lines
    from generator.read.decode import get_raw_text

    warnings: list[str] = []
    try:
        stat_key = get_stat_key(path)  # before reading: a later change shows as a new stat
        data = path.read_bytes()
    except OSError as error:
        return ParsedText(path, (), None, "", (), InputError(f"cannot read file: {error.strerror or error}", str(path)))
    try:
        resolution, skipped = parse_resolution_with_skipped_lines(get_raw_text(data, str(path), lang, warn=warnings.append))
    except GeneratorError as error:
        return ParsedText(path, (), None, "", tuple(warnings), error)
    # The parse is a function of the bytes, the language and the generator's code (part
    # of every fingerprint): the digest of the bytes read stands for the resolution's.
    digest = hashlib.sha256(data + lang.encode()).hexdigest()
    return ParsedText(path, stat_key, resolution, digest, tuple(warnings), skipped=skipped)


def parse_chunk(files: list[tuple[Path, str]]) -> list[ParsedText]:
    return [parse_file(path, lang) for path, lang in files]


def parse_files(
    files: list[tuple[Path, str]],
    cache_path: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[ParsedText]:
    """Read and parse ``files`` ((path, language) pairs); results in the same order.

    ``cache_path``: reuse the parses of unchanged files found there, and save them all.
    """
    with paused_garbage_collection():
        return _parse_files(files, cache_path, progress)


@contextmanager
def paused_garbage_collection():
    """No cyclic garbage collection while the parses are built (or unpickled).

    Parsing makes millions of small objects, none of them in a cycle, and each
    allocation threshold crossed ran a collection over all of them so far: a third of
    the parse stage at 2,000 texts, two thirds of unpickling a cache. Forked workers
    inherit the pause.

    On the way out, what was made meanwhile is frozen (``gc.freeze``) before collection
    resumes: the parses live as long as the build (which froze them right after anyway),
    and otherwise the first allocation after ``gc.enable`` ran one collection over every
    object made while paused, for nothing: 0.15 s of the read stage at 2,000 texts.
    Freezing keeps nothing alive: an object is still freed when its last reference goes.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def _parse_files(
    files: list[tuple[Path, str]],
    cache_path: Path | None,
    progress: Callable[[int, int], None] | None,
) -> list[ParsedText]:
    cached = load_cache(cache_path) if cache_path else {}
    results: list[ParsedText | None] = [None] * len(files)
    to_parse = []
    for index, (path, lang) in enumerate(files):
        entry = cached.get((str(path), lang))
        try:
            unchanged = entry is not None and entry.stat_key == get_stat_key(path)
        except OSError:
            unchanged = False
        if unchanged:
            results[index] = entry
        else:
            to_parse.append(index)
    done = len(files) - len(to_parse)
    for indexes, parsed in parse_in_chunks([files[i] for i in to_parse], list(to_parse)):
        for index, result in zip(indexes, parsed):
            results[index] = result
        done += len(parsed)
        if progress:
            progress(done, len(files))
    if cache_path:
        entries = {(str(r.path), lang): r for r, (_, lang) in zip(results, files) if is_cacheable(r)}
        # Saving 50 MB takes longer than the rest of an incremental read (0.45 s of 0.8
        # at 2,000 texts): only when the cache would gain a parse (not that of a text
        # edited a moment ago, see above) or lose the entries of texts no longer read.
        # The entry of a text just edited, or now in error, may stay until then: its
        # stat key is not the file's any more, so it is never used.
        read = {(str(path), lang) for path, lang in files}
        gained = any(key not in cached or cached[key] is not entry for key, entry in entries.items())
        if gained or any(key not in read for key in cached):
            save_cache(cache_path, entries)
    return results  # type: ignore[return-value]


def parse_in_chunks(files: list[tuple[Path, str]], indexes: list[int]) -> Iterable[tuple[list[int], list[ParsedText]]]:
    """(indexes, results) chunk by chunk, in order: shared with worker processes when
    there are many files.

    This process parses chunks too, from the first on, while the workers take them from
    the last on, until the two meet: a chunk parsed here is neither pickled nor
    unpickled. With the workers parsing every chunk, pickling the results there and
    unpickling them here was a fifth of the stage's CPU time.

    Each side takes its next chunk under a lock, from bounds in shared memory; a worker
    pickles its results and puts them on a queue, which this process reads between its
    own chunks and at the end. With a ``ProcessPoolExecutor`` handing out the chunks, a
    worker waited for this process's threads (which the parse here left little of the
    GIL) to take each result and send the next chunk: it sat idle 0.14 s of its 0.76 at
    2,000 texts, and ``load_content`` took 0.865 s instead of 0.79 (best of 4 each).
    """
    workers = (os.cpu_count() or 1) - 1
    if len(files) < PARALLEL_MIN_TEXTS or workers < 1 or "fork" not in multiprocessing.get_all_start_methods():
        if files:
            yield indexes, parse_chunk(files)
        return
    # Chunks of ~25 texts: enough to share the cores evenly, and where this process and
    # the workers meet, neither waits long for the other's last chunk.
    size = max(1, min(25, len(files) // (4 * (workers + 1))))
    chunks = [(indexes[i : i + size], files[i : i + size]) for i in range(0, len(files), size)]
    # fork: the workers start with the parser already imported and the chunks in memory,
    # nothing to pickle in.
    context = multiprocessing.get_context("fork")
    lock = context.Lock()
    bounds = context.RawArray("i", [0, len(chunks)])
    """The next chunk this process takes; one past the next chunk a worker takes."""
    results = context.Queue()
    processes = [
        context.Process(target=_parse_from_the_end, args=(chunks, lock, bounds, results), daemon=True)
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    received: dict[int, list[ParsedText]] = {}
    try:
        while True:
            with lock:
                number = bounds[0]
                if number >= bounds[1]:
                    break
                bounds[0] = number + 1
            yield chunks[number][0], parse_chunk(chunks[number][1])
            while not results.empty():  # unpickle what came meanwhile, while the workers parse on
                received.update([_receive(results, processes)])
        for number in range(number, len(chunks)):
            while number not in received:
                received.update([_receive(results, processes)])
            yield chunks[number][0], received.pop(number)
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
        results.close()


def _parse_from_the_end(chunks: list[tuple[list[int], list[tuple[Path, str]]]], lock, bounds, results) -> None:
    """A worker: parse the last chunk not yet taken, until none is left."""
    try:
        while True:
            with lock:
                number = bounds[1] - 1
                if number < bounds[0]:
                    break
                bounds[1] = number
            # Pickled here, not by the queue's thread: that one got the GIL too seldom,
            # and the pickling fell behind the parse.
            results.put((number, pickle.dumps(parse_chunk(chunks[number][1]), protocol=pickle.HIGHEST_PROTOCOL)))
    except BaseException as error:  # a bug (parse_file returns a text's errors): raised in the parent
        results.put((-1, error))
    results.close()
    results.join_thread()


def _receive(results, processes) -> tuple[int, list[ParsedText]]:
    """The next (chunk number, results) a worker sent; raises what a worker raised, or an
    error when a worker ended without sending what it took."""
    while True:
        try:
            number, data = results.get(timeout=1.0)
        except queue.Empty:
            if all(process.exitcode is not None for process in processes) and results.empty():
                raise RuntimeError("a parse worker ended without sending the texts it took") from None
            continue
        if number < 0:
            raise data
        return number, pickle.loads(data)


def load_cache(path: Path) -> dict[tuple[str, str], ParsedText]:
    try:
        with open(path, "rb") as stream:
            version, entries = pickle.load(stream)
    except Exception:  # absent, truncated, from another Python: parse again
        return {}
    return entries if version == get_code_version() else {}


def is_cacheable(result: ParsedText) -> bool:
    """Parsed without error, from a file not changed in the last RACY_SECONDS."""
    return result.error is None and max(result.stat_key[1:3]) < time.time_ns() - RACY_SECONDS * 10**9


def save_cache(path: Path, entries: dict[tuple[str, str], ParsedText]) -> None:
    from generator.site.docs import write_file_atomically

    data = pickle.dumps((get_code_version(), entries), protocol=pickle.HIGHEST_PROTOCOL)
    write_file_atomically(path, data)
