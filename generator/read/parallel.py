"""Read and parse many texts at once: in worker processes, and from a cache of earlier parses.

The read and parse stages of ``content.load_content`` for a whole corpus. Two ways to go
faster than one text after the other, each optional:

- **in parallel**: the texts are split into chunks that worker processes parse (one per
  core, forked, so that they start with the parser imported). Each result is a
  :class:`ParsedText` in the input's order, with the diagnostics the reader gave and the
  error the text raised, so the caller reports them exactly as a serial read would.
- **from a cache** (``generator.read.cache``, incremental builds only): a text whose
  file is unchanged is not read again.
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from generator import processes
from generator.errors import BuildError, GeneratorError, InputError
from generator.model import Diagnostic, Resolution, SkippedLine
from generator.read.files import read_input_file

PARALLEL_MIN_TEXTS = 64
"""Fewer texts parse faster in this process than the workers take to start."""

CHUNK_SIZE = 25
"""Texts a worker parses at a time: enough to share the cores evenly, few enough that
no core waits long for another's last chunk."""


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
    warnings: tuple[Diagnostic, ...] = ()
    error: GeneratorError | None = None
    skipped: tuple[SkippedLine, ...] = ()
    """Body lines the parser read as no unit nor page furniture (``check`` errors)."""


def get_stat_key(path: Path | os.stat_result) -> tuple[int, ...]:
    stat = path if isinstance(path, os.stat_result) else path.stat()
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def parse_file(path: Path, lang: str, root: Path | None = None) -> ParsedText:
    """Read and parse one file (of the content folder ``root``, see
    ``generator.read.files``); an error is returned with the result, not raised."""
    from generator.parse.parser import parse_resolution_with_skipped_lines
    from generator.read.decode import get_raw_text

    warnings: list[Diagnostic] = []
    try:
        # The stat of the file opened, taken before reading: a later change shows as a new stat.
        data, info = read_input_file(path, root)
        stat_key = get_stat_key(info)
    except InputError as error:
        return ParsedText(path, (), None, "", (), error)
    try:
        resolution, skipped = parse_resolution_with_skipped_lines(get_raw_text(data, str(path), lang, warn=warnings.append))
    except GeneratorError as error:
        return ParsedText(path, (), None, "", tuple(warnings), error)
    # The parse is a function of the bytes, the language and the generator's code (part
    # of every fingerprint): the digest of the bytes read stands for the resolution's.
    digest = hashlib.sha256(data + lang.encode()).hexdigest()
    return ParsedText(path, stat_key, resolution, digest, tuple(warnings), skipped=skipped)


def parse_chunk(files: list[tuple[Path, str]], root: Path | None = None) -> list[ParsedText]:
    return [parse_file(path, lang, root) for path, lang in files]


def parse_files(
    files: list[tuple[Path, str]],
    cache_path: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    root: Path | None = None,
) -> list[ParsedText]:
    """Read and parse ``files`` ((path, language) pairs); results in the same order.

    ``cache_path``: reuse the parses of unchanged files found there, and save them all.
    ``root``: the resolved content folder, outside which no file is read.
    """
    from generator.read import cache

    cached = cache.load_cache(cache_path) if cache_path else {}
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
    parsed_in_order = parse_in_chunks([files[i] for i in to_parse], root)
    for index, result in zip(to_parse, parsed_in_order, strict=True):
        results[index] = result
        done += 1
        if progress and (done % CHUNK_SIZE == 0 or done == len(files)):
            progress(done, len(files))
    complete = [result for result in results if result is not None]
    assert len(complete) == len(files)
    if cache_path:
        cache.update_cache(cache_path, cached, complete, files)
    return complete


def parse_in_chunks(files: list[tuple[Path, str]], root: Path | None = None) -> Iterator[ParsedText]:
    """The results of ``files`` in order: from worker processes when there are many."""
    workers = os.cpu_count() or 1
    if len(files) < PARALLEL_MIN_TEXTS or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from parse_chunk(files, root)
        return
    chunks = [files[i : i + CHUNK_SIZE] for i in range(0, len(files), CHUNK_SIZE)]
    # fork: the workers start with the parser already imported and the chunks in
    # memory. The build forks before it starts any thread (serve runs builds as
    # processes of their own).
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=processes.ignore_interrupts) as executor:
        try:
            for results in executor.map(functools.partial(parse_chunk, root=root), chunks):
                yield from results
        except BrokenProcessPool:
            raise BuildError("a worker process parsing the texts ended abruptly (out of memory?)") from None
        except BaseException:
            # Interrupted: the chunks not started are dropped, not parsed before leaving.
            executor.shutdown(cancel_futures=True)
            raise
