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
import secrets
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
    token: str
    """Random, new with every whole cache; a delta holds the token of the cache it amends."""
    entries: list[Entry]


class CachedParses(dict[tuple[str, str], ParsedText]):
    """(path, language) -> the cached parse, and what the whole cache (not its delta) holds."""

    token = ""
    base: dict[tuple[str, str], tuple[str, tuple[int, ...]]]

    def __init__(self) -> None:
        super().__init__()
        self.base = {}


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


def get_delta_path(path: Path) -> Path:
    return path.with_suffix(".delta.json")


def read_cache_file(path: Path) -> CacheFile | None:
    """The cache file at ``path`` when it is this code's; else None (and the log says why)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        logger.info(f"Parse cache {path} unreadable ({error.strerror}): parsing every text")
        return None
    try:
        cached = _json_decoder.decode(data)
    except msgspec.MsgspecError as error:
        logger.info(f"Parse cache {path} is not what this code writes ({error}): parsing every text")
        return None
    if cached.version != get_code_version():
        logger.info(f"Parse cache {path} is of other code: parsing every text")
        return None
    return cached


def load_cache(path: Path) -> CachedParses:
    """(path, language) -> the cached parse; empty when absent, stale or not ours. The
    delta beside the cache amends it when it was written for it (its token)."""
    cached = CachedParses()
    whole = read_cache_file(path)
    if whole is None:
        return cached
    cached.token = whole.token
    for entry in whole.entries:
        cached[entry[0], entry[1]] = from_entry(entry)
    cached.base = {key: (result.digest, result.stat_key) for key, result in cached.items()}
    delta = read_cache_file(get_delta_path(path)) if get_delta_path(path).exists() else None
    if delta is not None and delta.token == whole.token:
        for entry in delta.entries:
            cached[entry[0], entry[1]] = from_entry(entry)
    return cached


def is_cacheable(result: ParsedText) -> bool:
    """Parsed without error, from a file not changed in the last RACY_SECONDS."""
    return result.error is None and max(result.stat_key[1:3]) < time.time_ns() - RACY_SECONDS * 10**9


SAVE_BATCH = 1000
"""Entries encoded at a time when the cache is saved: the whole file at once was a copy
of the corpus's texts in memory (538 MB at 20,000 texts)."""

DELTA_SHARE = 16
"""A delta of up to one entry in this many (or 64) is written beside the cache instead
of the whole cache again: one text edited at 20,000 texts rewrote 538 MB."""


def save_cache(path: Path, entries: Mapping[tuple[str, str], ParsedText], token: str = "") -> None:
    """Write ``entries`` as a :class:`CacheFile` (JSON), a batch at a time: the whole
    cache (a new token, and its old delta removed) or, with ``token``, its delta."""
    items = [to_entry(result, lang) for (_, lang), result in entries.items()]

    def pieces() -> Iterator[bytes]:
        yield b'{"version":%s,"token":%s,"entries":[' % (
            _json_encoder.encode(get_code_version()), _json_encoder.encode(token or secrets.token_hex(16))
        )
        for start in range(0, len(items), SAVE_BATCH):
            yield (b"," if start else b"") + _json_encoder.encode(items[start : start + SAVE_BATCH])[1:-1]
        yield b"]}"

    write_file_atomically(get_delta_path(path) if token else path, pieces())
    if not token:
        get_delta_path(path).unlink(missing_ok=True)  # after: a delta left by a crash has the old token


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
    are not the file's any more, so it is never used. A few new entries go to the delta.
    """
    files = list(files)
    entries = {(str(r.path), lang): r for r, (_, lang) in zip(results, files, strict=True) if is_cacheable(r)}
    read = {(str(file), lang) for file, lang in files}
    gained = any(
        key not in cached or (cached[key].digest, cached[key].stat_key) != (entry.digest, entry.stat_key)
        for key, entry in entries.items()
    )
    lost = any(key not in read for key in cached)
    if not (gained or lost):
        return
    token = getattr(cached, "token", "")
    base = getattr(cached, "base", {})
    changed = {key: entry for key, entry in entries.items() if base.get(key) != (entry.digest, entry.stat_key)}
    if token and not lost and len(changed) <= max(64, len(entries) // DELTA_SHARE):
        save_cache(path, changed, token)
    else:
        save_cache(path, entries)


# --------------------------------------------------------------------------- meta.yml


@dataclass(frozen=True)
class MetaFile:
    version: str
    entries: dict[str, tuple[str, tuple[int, ...], Meta]]
    """Path -> the digest of its bytes, its stat key (empty when it had just changed), its Meta."""


_meta_decoder = msgspec.json.Decoder(MetaFile)


class MetaCache:
    """The ``meta.yml`` read (path -> digest of its bytes, stat key, Meta): reading one
    with the YAML loader took longer than parsing its text (bench/RESULTS.md). A file
    whose bytes have the digest cached is not read as YAML again; in an incremental
    build, one whose stat key is the cached one is not read at all (as the texts)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.cached: dict[str, tuple[str, tuple[int, ...], Meta]] = {}
        self.read: dict[str, tuple[str, tuple[int, ...], Meta]] = {}
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

    def get_unchanged(self, path: Path, stat_key: tuple[int, ...]) -> Meta | None:
        """The Meta cached for ``path`` if its stat key is ``stat_key``; else None."""
        entry = self.cached.get(str(path))
        if entry is None or not entry[1] or entry[1] != stat_key:
            return None
        self.read[str(path)] = entry
        return entry[2]

    def get(self, raw: bytes, path: Path, parse: Callable[[bytes, Path], Meta], stat_key: tuple[int, ...] = ()) -> Meta:
        """The Meta of the bytes ``raw`` of ``path`` (whose stat key is ``stat_key``, when
        known): cached, or ``parse``d (its errors raised)."""
        digest = hashlib.sha256(raw).hexdigest()
        if stat_key and max(stat_key[1:3]) >= time.time_ns() - RACY_SECONDS * 10**9:
            stat_key = ()  # changed a moment ago: a change within the same tick would look alike
        entry = self.cached.get(str(path))
        meta = entry[2] if entry is not None and entry[0] == digest else parse(raw, path)
        self.read[str(path)] = (digest, stat_key, meta)
        return meta

    def save(self) -> None:
        """Save what was read, when it is not what the cache holds."""
        if self.path is not None and self.read != self.cached:
            write_file_atomically(self.path, _json_encoder.encode(MetaFile(get_code_version(), self.read)))
