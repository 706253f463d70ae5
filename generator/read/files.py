"""Reading an input file within bounds: a regular file, inside the content tree, of a
size a resolution can have.

A content tree comes from people and tools that make mistakes (and, on a shared machine,
from people who may mean harm): a FIFO in place of ``en.txt`` would block a read for
ever, a link to ``/dev/zero`` would fill the memory, a link to a file elsewhere would
publish it. Every input file is therefore opened without blocking and without following
a final link (a link is followed only to a file inside the content tree), checked to be a
regular file under :data:`MAX_FILE_BYTES`, and read to at most that size.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.errors import InputError

MAX_FILE_BYTES = 5 * 1024 * 1024
"""The largest input file read (5 MB): a long resolution is ~100 KB, the EP's whole
directory of MEPs in ``meps.yml`` under 1 MB."""

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
"""O_NONBLOCK: opening a FIFO returns at once (and the file is then refused) instead of
waiting for a writer; for a regular file it changes nothing."""

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def describe_kind(mode: int) -> str:
    """What a file that is not a regular file is ("a FIFO"), for an error message."""
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def is_inside(path: Path, root: Path) -> bool:
    """Whether the real path of ``path`` is ``root`` (a resolved folder) or inside it."""
    return Path(os.path.realpath(path)).is_relative_to(root)


def get_outside_error(path: Path, root: Path) -> InputError:
    """The error of a link (``path``) that leads out of the content folder ``root``."""
    target = os.path.realpath(path)
    return InputError(f"a link to {target}, outside the content folder {root}: only files inside it are read", str(path))


def open_input_file(path: Path, root: Path | None) -> int:
    """A file descriptor of ``path``, opened for reading without blocking; a final link is
    followed only to a file inside ``root`` (when given)."""
    try:
        return os.open(path, _OPEN_FLAGS | os.O_NOFOLLOW)
    except OSError as error:
        if error.errno != errno.ELOOP:  # ELOOP: the name is a link
            raise
    if root is not None and not is_inside(path, root):
        raise get_outside_error(path, root)
    return os.open(os.path.realpath(path), _OPEN_FLAGS)


def read_to_end(descriptor: int, size: int, limit: int) -> bytes:
    """The bytes of an open file of ``size`` bytes (as its stat says), to at most ``limit``
    + 1: a file that grows while read stops there."""
    chunks, total = [], 0
    while total <= limit:
        chunk = os.read(descriptor, min(max(size - total, 0) + 1, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_input_file(path: Path, root: Path | None = None, limit: int = MAX_FILE_BYTES) -> tuple[bytes, os.stat_result]:
    """The bytes of ``path`` and its stat, read as the module docstring says; anything
    else is an InputError naming the file.

    ``root``: the resolved content folder, whose files only are read (None: any file,
    for ``parse FILE``). A folder of ``path`` that is a link is the caller's to check
    (``generator.read.content`` checks the text folders).
    """
    name = str(path)
    try:
        descriptor = open_input_file(Path(path), root)
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"{describe_kind(info.st_mode)}, not a file: only regular files are read", name)
            if info.st_size > limit:
                raise InputError(f"{info.st_size} bytes, over the limit of {limit} bytes for an input file", name)
            data = read_to_end(descriptor, info.st_size, limit)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror or error}", name) from None
    if len(data) > limit:  # grew while read
        raise InputError(f"over the limit of {limit} bytes for an input file", name)
    return data, info
