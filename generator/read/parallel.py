"""Read and parse many texts at once: in worker processes, and from a cache of earlier parses.

The read and parse stages of ``content.load_content`` for a whole corpus. Two ways to go
faster than one text after the other, each optional:

- **in parallel**: the texts are split into chunks that worker processes parse (one per
  core, forked, so that they start with the parser imported). Each result is a
  :class:`ParsedText` in the input's order, with the diagnostics the reader gave and the
  error the text raised, so the caller reports them exactly as a serial read would.
- **from a cache** (``generator.read.cache``): a text whose file is unchanged is not
  parsed again (by its digest), or in an incremental build not even read (by its stat).

The workers send their parses back encoded by msgspec, not pickled: pickling the records
cost more than parsing them (bench/RESULTS.md, "Reading at 20,000").
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from generator import processes
from generator.errors import BuildError, GeneratorError, InputError
from generator.model import Diagnostic, Resolution, SkippedLine
from generator.read.files import read_input_file

logger = logging.getLogger(__name__)

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


def parse_file(path: Path, lang: str, root: Path | None = None, known_digest: str = "") -> ParsedText:
    """Read and parse one file (of the content folder ``root``, see
    ``generator.read.files``); an error is returned with the result, not raised.

    ``known_digest``: that of a parse already made (cached); a file whose digest is that
    one is not parsed again: the result has neither resolution nor error."""
    from generator.parse.parser import parse_resolution_with_skipped_lines
    from generator.read.decode import get_raw_text

    warnings: list[Diagnostic] = []
    try:
        # The stat of the file opened, taken before reading: a later change shows as a new stat.
        data, info = read_input_file(path, root)
        stat_key = get_stat_key(info)
    except InputError as error:
        return ParsedText(path, (), None, "", (), error)
    # The parse is a function of the bytes, the language and the generator's code (part
    # of every fingerprint): the digest of the bytes read stands for the resolution's.
    digest = hashlib.sha256(data + lang.encode()).hexdigest()
    if known_digest and digest == known_digest:
        return ParsedText(path, stat_key, None, digest)
    try:
        resolution, skipped = parse_resolution_with_skipped_lines(get_raw_text(data, str(path), lang, warn=warnings.append))
    except GeneratorError as error:
        return ParsedText(path, (), None, "", tuple(warnings), error)
    return ParsedText(path, stat_key, resolution, digest, tuple(warnings), skipped=skipped)


def parse_chunk(files: Sequence[tuple[Path, str]], root: Path | None = None, known: Sequence[str] = ()) -> list[ParsedText]:
    """``parse_file`` of each of ``files``; ``known``: their known digests, if any."""
    known = known or [""] * len(files)
    return [parse_file(path, lang, root, digest) for (path, lang), digest in zip(files, known, strict=True)]


def parse_chunk_in_worker(
    chunk: tuple[Sequence[tuple[Path, str]], Sequence[str]], root: Path | None = None
) -> tuple[bytes, dict[int, ParsedText]]:
    """``parse_chunk`` in a worker: the parses encoded (``cache.encode_parses``), and by
    index the results that are not a parse (errors, known digests), pickled as they are."""
    from generator.read import cache

    files, known = chunk
    parses, others = [], {}
    for index, (result, (_, lang)) in enumerate(zip(parse_chunk(files, root, known), files, strict=True)):
        if result.resolution is None:
            others[index] = result
        else:
            parses.append(cache.to_entry(result, lang))
    return cache.encode_parses(parses), others


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off: reading (and linking) makes millions of records
    that hold no cycle, and its passes over them took a third of the time
    (bench/RESULTS.md). The forked workers start with it off too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_files(
    files: list[tuple[Path, str]],
    cache_path: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    root: Path | None = None,
    trust_stat: bool = False,
) -> list[ParsedText]:
    """Read and parse ``files`` ((path, language) pairs); results in the same order.

    ``cache_path``: reuse the parses found there of files whose bytes are unchanged (by
    their digest), and save them all (``generator.read.cache``). ``trust_stat``: a file
    whose stat key is the cached one is not even read again (incremental builds).
    ``root``: the resolved content folder, outside which no file is read.
    """
    from generator.read import cache

    with paused_gc():
        cached = cache.load_cache(cache_path) if cache_path else {}
        results: list[ParsedText | None] = [None] * len(files)
        to_parse, known = [], []
        for index, (path, lang) in enumerate(files):
            entry = cached.get((str(path), lang))
            try:
                unchanged = trust_stat and entry is not None and entry.stat_key == get_stat_key(path)
            except OSError:
                unchanged = False
            if unchanged:
                results[index] = entry
            else:
                to_parse.append(index)
                known.append(entry.digest if entry else "")
        done = len(files) - len(to_parse)
        parsed_in_order = parse_in_chunks([files[i] for i in to_parse], root, known)
        reused = done
        for index, result in zip(to_parse, parsed_in_order, strict=True):
            if result.resolution is None and result.error is None:  # the bytes of the cached parse
                entry = cached[(str(files[index][0]), files[index][1])]
                result = dataclasses.replace(entry, stat_key=result.stat_key)
                reused += 1
            results[index] = result
            done += 1
            if progress and (done % CHUNK_SIZE == 0 or done == len(files)):
                progress(done, len(files))
        complete = [result for result in results if result is not None]
        assert len(complete) == len(files)
        if cache_path:
            logger.info(f"Parse cache: {reused} of {len(files)} texts unchanged, {len(files) - reused} parsed")
            cache.update_cache(cache_path, cached, complete, files)
    return complete


def parse_in_chunks(files: list[tuple[Path, str]], root: Path | None = None, known: Sequence[str] = ()) -> Iterator[ParsedText]:
    """The results of ``files`` in order: from worker processes when there are many."""
    from generator.read import cache

    workers = os.cpu_count() or 1
    known = known or [""] * len(files)
    if len(files) < PARALLEL_MIN_TEXTS or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from parse_chunk(files, root, known)
        return
    chunks = [(files[i : i + CHUNK_SIZE], known[i : i + CHUNK_SIZE]) for i in range(0, len(files), CHUNK_SIZE)]
    # fork: the workers start with the parser already imported and the chunks in
    # memory. The build forks before it starts any thread (serve runs builds as
    # processes of their own).
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=processes.ignore_interrupts) as executor:
        try:
            outcomes = executor.map(functools.partial(parse_chunk_in_worker, root=root), chunks)
            for (chunk, _), (encoded, others) in zip(chunks, outcomes, strict=True):
                parses = iter(cache.decode_parses(encoded))
                for index in range(len(chunk)):
                    yield others[index] if index in others else cache.from_entry(next(parses))
        except BrokenProcessPool:
            raise BuildError("a worker process parsing the texts ended abruptly (out of memory?)") from None
        except BaseException:
            # Interrupted: the chunks not started are dropped, not parsed before leaving.
            executor.shutdown(cancel_futures=True)
            raise
