"""The parse cache: typed JSON, never code.

(And beside it ``meta.json``, the same for the texts' ``meta.yml``: :class:`MetaCache`.)

``site.build/cache/parsed.json`` (in the build folder of ``site/``) holds, for every text
parsed without error, the file's stat key, its digest and its parse, for the exact source
of the generator that wrote it (:func:`get_code_version`: editing any module drops it).
Two builds use it, each trusting what it can prove:

- a full build (the one deployed, and CI's with the build folder kept) reads every file
  and reuses a parse only when the digest of the bytes read (and the language) is the
  one cached: the parse is a function of those and of the code;
- an incremental build (authoring) does not read again a file whose size, mtime, ctime
  and inode are as when it was parsed (ctime changes on every write and cannot be set
  back by tools that restore mtimes); a file whose stat changed is read and digested,
  and reused if its bytes did not change.

A file changed in the last seconds before the cache is saved is left out of it (two
writes within one tick of a coarse file-system clock look alike: git calls such entries
"racily clean"). A cache that cannot be read, or whose data is not what this code writes
(checked field by field by msgspec against the records' types), is ignored, never
trusted: the texts are parsed again, and the log says why.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import msgspec

from generator.fs import write_file_atomically
from generator.model import Diagnostic, Meta, Resolution, SkippedLine
from generator.read.parallel import ParsedText

logger = logging.getLogger(__name__)

GENERATOR_DIR = Path(__file__).resolve().parent.parent

RACY_SECONDS = 2
"""Files changed this recently when the cache is saved are not cached (see above)."""


_code_version: str | None = None


def get_code_version() -> str:
    """A digest of what parses and renders: the generator's source (modules, catalogs and
    theme), the Python and the libraries whose output goes into pages (babel's dates)."""
    global _code_version
    if _code_version is None:
        import platform

        import babel
        import yaml

        digest = hashlib.sha256(
            f"{platform.python_version()} {babel.__version__} {yaml.__version__} {msgspec.__version__}".encode()
        )
        for path in sorted(p for p in GENERATOR_DIR.rglob("*") if p.is_file() and p.suffix in (".py", ".po")):
            digest.update(path.relative_to(GENERATOR_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        _code_version = digest.hexdigest()
    return _code_version


# --------------------------------------------------------------------------- records <-> JSON

Entry = tuple[str, str, tuple[int, ...], str, Resolution, tuple[Diagnostic, ...], tuple[SkippedLine, ...]]
"""A parse as stored (and as sent back by a worker): path, language, stat key, digest,
resolution, warnings, skipped lines."""


@dataclass(frozen=True)
class CacheFile:
    version: str
    entries: list[Entry]


_json_encoder = msgspec.json.Encoder()
_json_decoder = msgspec.json.Decoder(CacheFile)
_msgpack_encoder = msgspec.msgpack.Encoder()
_msgpack_decoder = msgspec.msgpack.Decoder(list[Entry])


def to_entry(result: ParsedText, lang: str) -> Entry:
    assert result.resolution is not None
    return (str(result.path), lang, result.stat_key, result.digest, result.resolution, result.warnings, result.skipped)


def from_entry(entry: Entry) -> ParsedText:
    path, _, stat_key, digest, resolution, warnings, skipped = entry
    return ParsedText(Path(path), stat_key, resolution, digest, warnings, skipped=skipped)


def encode_parses(entries: list[Entry]) -> bytes:
    """Parses as a worker sends them to its parent: MessagePack, 3x faster both ways than
    pickling the records (bench/RESULTS.md, "Reading at 20,000")."""
    return _msgpack_encoder.encode(entries)


def decode_parses(data: bytes) -> list[Entry]:
    return _msgpack_decoder.decode(data)


# --------------------------------------------------------------------------- the cache file


def load_cache(path: Path) -> dict[tuple[str, str], ParsedText]:
    """(path, language) -> the cached parse; empty when absent, stale or not ours."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        logger.info(f"Parse cache {path} unreadable ({error.strerror}): parsing every text")
        return {}
    try:
        cached = _json_decoder.decode(data)
    except msgspec.MsgspecError as error:
        logger.info(f"Parse cache {path} is not what this code writes ({error}): parsing every text")
        return {}
    if cached.version != get_code_version():
        logger.info(f"Parse cache {path} is of other code: parsing every text")
        return {}
    return {(entry[0], entry[1]): from_entry(entry) for entry in cached.entries}


def is_cacheable(result: ParsedText) -> bool:
    """Parsed without error, from a file not changed in the last RACY_SECONDS."""
    return result.error is None and max(result.stat_key[1:3]) < time.time_ns() - RACY_SECONDS * 10**9


SAVE_BATCH = 1000
"""Entries encoded at a time when the cache is saved: the whole file at once was a copy
of the corpus's texts in memory (538 MB at 20,000 texts)."""


def save_cache(path: Path, entries: Mapping[tuple[str, str], ParsedText]) -> None:
    """Write the cache as :class:`CacheFile` (JSON), encoded a batch of entries at a time."""
    items = [to_entry(result, lang) for (_, lang), result in entries.items()]

    def pieces() -> Iterator[bytes]:
        yield b'{"version":' + _json_encoder.encode(get_code_version()) + b',"entries":['
        for start in range(0, len(items), SAVE_BATCH):
            yield (b"," if start else b"") + _json_encoder.encode(items[start : start + SAVE_BATCH])[1:-1]
        yield b"]}"

    write_file_atomically(path, pieces())


def update_cache(
    path: Path,
    cached: Mapping[tuple[str, str], ParsedText],
    results: Iterable[ParsedText],
    files: Iterable[tuple[Path, str]],
) -> None:
    """Save the cacheable ``results`` of ``files``, when that changes what the cache holds.

    Only when the cache would gain a parse (not that of a text edited a moment ago, see
    above), a file's new stat key, or lose the entries of texts no longer read. The entry
    of a text just edited, or now in error, may stay until then: its digest and stat key
    are not the file's any more, so it is never used.
    """
    files = list(files)
    entries = {(str(r.path), lang): r for r, (_, lang) in zip(results, files, strict=True) if is_cacheable(r)}
    read = {(str(file), lang) for file, lang in files}
    gained = any(
        key not in cached or (cached[key].digest, cached[key].stat_key) != (entry.digest, entry.stat_key)
        for key, entry in entries.items()
    )
    if gained or any(key not in read for key in cached):
        save_cache(path, entries)


# --------------------------------------------------------------------------- meta.yml


@dataclass(frozen=True)
class MetaFile:
    version: str
    entries: dict[str, tuple[str, Meta]]


_meta_decoder = msgspec.json.Decoder(MetaFile)


class MetaCache:
    """The ``meta.yml`` read (path -> digest of its bytes, Meta): reading one with the
    YAML loader took longer than parsing its text (bench/RESULTS.md). A file whose
    bytes have the digest cached is not read as YAML again."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.cached: dict[str, tuple[str, Meta]] = {}
        self.read: dict[str, tuple[str, Meta]] = {}
        if path is None:
            return
        try:
            data = _meta_decoder.decode(path.read_bytes())
        except FileNotFoundError:
            return
        except (OSError, msgspec.MsgspecError) as error:
            logger.info(f"Meta cache {path} is not what this code writes ({error}): reading every meta.yml")
            return
        if data.version == get_code_version():
            self.cached = data.entries

    def get(self, raw: bytes, path: Path, parse: Callable[[bytes, Path], Meta]) -> Meta:
        """The Meta of the bytes ``raw`` of ``path``: cached, or ``parse``d (its errors raised)."""
        digest = hashlib.sha256(raw).hexdigest()
        entry = self.cached.get(str(path))
        if entry is None or entry[0] != digest:
            entry = (digest, parse(raw, path))
        self.read[str(path)] = entry
        return entry[1]

    def save(self) -> None:
        """Save what was read, when it is not what the cache holds."""
        if self.path is not None and self.read != self.cached:
            write_file_atomically(self.path, _json_encoder.encode(MetaFile(get_code_version(), self.read)))
