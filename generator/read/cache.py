"""The parse cache of incremental builds: plain JSON, never code.

``site.build/cache/parsed.json`` (in the build folder of ``site/``) holds, for every text
parsed without error, the file's stat key, its digest and its parse. A text whose file has the same size, mtime, ctime and
inode as when it was parsed is not read again (ctime changes on every write and cannot
be set back by tools that restore mtimes). The cache is valid only for the exact source
of the generator that wrote it (:func:`get_code_version`): editing any module drops it.
A file changed in the last seconds before the cache is saved is left out of it (two
writes within one tick of a coarse file-system clock look alike: git calls such entries
"racily clean"). A cache that cannot be read, or whose data is not what this code writes,
is ignored, never trusted: the texts are parsed again.

Records are written as JSON arrays of their fields in order (a date as ISO text) and read
back by the types of the fields, checked one by one.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import time
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.fs import write_file_atomically
from generator.model import Diagnostic, Resolution, Severity, SkippedLine
from generator.read.parallel import ParsedText

GENERATOR_DIR = Path(__file__).resolve().parent.parent

RACY_SECONDS = 2
"""Files changed this recently when the cache is saved are not cached (see above)."""


class CacheError(ValueError):
    """Data in the cache that is not what this code writes."""


_code_version: str | None = None


def get_code_version() -> str:
    """A digest of what parses and renders: the generator's source (modules, catalogs and
    theme), the Python and the libraries whose output goes into pages (babel's dates)."""
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


# --------------------------------------------------------------------------- records <-> JSON


def to_data(value: Any) -> Any:
    """A record (frozen dataclass), tuple, date or enum as JSON data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [to_data(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, (tuple, list)):
        return [to_data(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Severity):
        return value.value
    if isinstance(value, Mapping):
        return {str(key): to_data(item) for key, item in value.items()}
    return value


def _expect(kind: type) -> Callable[[Any], Any]:
    def check(data: Any) -> Any:
        if type(data) is not kind:
            raise CacheError(f"expected {kind.__name__}, got {type(data).__name__}")
        return data

    return check


@cache
def get_decoder(annotation: Any) -> Callable[[Any], Any]:
    """The function that reads back what :func:`to_data` wrote of a value of type ``annotation``."""
    origin = typing.get_origin(annotation)
    if annotation in (str, int, bool):
        return _expect(annotation)
    if annotation is datetime.date:
        return lambda data: datetime.date.fromisoformat(_expect(str)(data))
    if annotation is Severity:
        return lambda data: Severity(_expect(str)(data))
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(annotation)
        if len(options) == 2 and type(None) in options:
            inner = get_decoder(next(option for option in options if option is not type(None)))
            return lambda data: None if data is None else inner(data)
    if origin is tuple:
        arguments = typing.get_args(annotation)
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            item = get_decoder(arguments[0])
            return lambda data: tuple(item(entry) for entry in _expect(list)(data))
        items = [get_decoder(argument) for argument in arguments]
        return lambda data: tuple(read(entry) for read, entry in zip(items, _expect(list)(data), strict=True))
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        hints = typing.get_type_hints(annotation)
        fields = [get_decoder(hints[f.name]) for f in dataclasses.fields(annotation)]
        record = annotation

        def read_record(data: Any) -> Any:
            values = _expect(list)(data)
            if len(values) != len(fields):
                raise CacheError(f"{record.__name__}: expected {len(fields)} fields, got {len(values)}")
            return record(*(read(value) for read, value in zip(fields, values, strict=True)))

        return read_record
    raise TypeError(f"no cache decoder for {annotation!r}")


# --------------------------------------------------------------------------- the cache file


def encode_entry(result: ParsedText, lang: str) -> list:
    return [str(result.path), lang, list(result.stat_key), result.digest, to_data(result.resolution),
            to_data(result.warnings), to_data(result.skipped)]


def decode_entry(data: Any) -> tuple[tuple[str, str], ParsedText]:
    path, lang, stat_key, digest, resolution, warnings, skipped = _expect(list)(data)
    return (_expect(str)(path), _expect(str)(lang)), ParsedText(
        path=Path(path),
        stat_key=get_decoder(tuple[int, ...])(stat_key),
        resolution=get_decoder(Resolution)(resolution),
        digest=_expect(str)(digest),
        warnings=get_decoder(tuple[Diagnostic, ...])(warnings),
        skipped=get_decoder(tuple[SkippedLine, ...])(skipped),
    )


def load_cache(path: Path) -> dict[tuple[str, str], ParsedText]:
    """(path, language) -> the cached parse; empty when absent, stale or not ours."""
    try:
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict) or data.get("version") != get_code_version():
            return {}
        return dict(decode_entry(entry) for entry in _expect(list)(data.get("entries")))
    except (OSError, ValueError, TypeError, GeneratorError):  # absent, truncated, not ours: parse again
        return {}


def is_cacheable(result: ParsedText) -> bool:
    """Parsed without error, from a file not changed in the last RACY_SECONDS."""
    return result.error is None and max(result.stat_key[1:3]) < time.time_ns() - RACY_SECONDS * 10**9


def save_cache(path: Path, entries: Mapping[tuple[str, str], ParsedText]) -> None:
    data = {"version": get_code_version(), "entries": [encode_entry(result, lang) for (_, lang), result in entries.items()]}
    write_file_atomically(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def update_cache(
    path: Path,
    cached: Mapping[tuple[str, str], ParsedText],
    results: Iterable[ParsedText],
    files: Iterable[tuple[Path, str]],
) -> None:
    """Save the cacheable ``results`` of ``files``, when that changes what the cache holds.

    Saving takes longer than the rest of an incremental read: only when the cache would
    gain a parse (not that of a text edited a moment ago, see above) or lose the entries
    of texts no longer read. The entry of a text just edited, or now in error, may stay
    until then: its stat key is not the file's any more, so it is never used.
    """
    files = list(files)
    entries = {(str(r.path), lang): r for r, (_, lang) in zip(results, files, strict=True) if is_cacheable(r)}
    read = {(str(file), lang) for file, lang in files}
    gained = any(key not in cached or cached[key] is not entry for key, entry in entries.items())
    if gained or any(key not in read for key in cached):
        save_cache(path, entries)
