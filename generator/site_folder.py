"""The site folder a build writes, the build folder beside it, and the lock between builds.

**Only its own site.** A full build makes the site in a fresh folder beside the site
folder and swaps it in by renames, replacing the old folder whole; an incremental build
writes into it. Either writes only a site folder that is absent, empty, or holds the file
:data:`SITE_MARKER`, which every build writes first into every site it makes; anything
else is a :class:`SiteFolderError` (one line, exit status 2), checked before anything
is moved. A symbolic link is refused rather than followed: the swap would replace the
link by a folder (or, followed, write beside its target, among the target's siblings),
and either surprises whoever made the link. Never, marker or not: ``/``, a home, the
working folder, the project, the content folder, or a folder holding one of them.

**A build folder per site.** ``<site>.build/`` beside the site (``site/`` ->
``site.build/``) holds what the builds of that site keep between them: the generated
Markdown (``docs/``), the MkDocs projects, the parse cache, the search bundles and the
outputs' records, and :data:`BUILD_RECORD`, which names the site folder it belongs to and
the site it last built (the folder's device and inode, which a swap changes). Two sites
in one folder have two build folders. A build folder is never trusted beyond its
record: one that records another site folder (moved, copied) is emptied first; a site
that is not the one recorded (rebuilt elsewhere, restored from a copy, or left half
updated by an interrupted build) is built whole, not incrementally; a folder of that
name without a record is not ours, and refused.

**One build at a time.** A build holds an exclusive ``fcntl.flock`` on
``<site>.build/lock`` from start to end; a second build of the same site says so in one
line and waits. Its children inherit the lock (``generator.processes``), so a killed
build keeps the site locked until they are gone too. The kernel drops the lock when the
last of them ends: no stale lock file to remove by hand.

**Leftovers.** Holding the lock, a build removes what an earlier build of the same site
left when it was killed: ``.<site>.new-*`` and ``.<site>.old-*`` folders beside the site
(each holding a marked site, or nothing) and the search's scratch folders
(``generator.outputs.search``).
"""

from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import pwd
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator import processes
from generator.errors import SiteFolderError
from generator.fs import write_file_atomically

logger = logging.getLogger(__name__)

SITE_MARKER = ".generator-site"
"""In every site folder a build makes: the mark that a later build may replace it."""
SITE_MARKER_TEXT = (
    b"This folder is a site written by the resolutions site generator (python -m generator build).\n"
    b"A build replaces it whole: keep nothing of your own in it.\n"
)

BUILD_RECORD = "site.json"
"""In the build folder: ``{"site": <site folder>, "built": [device, inode] | null}``."""
LOCK_FILE = "lock"

MAX_NAME_BYTES = 240
"""The longest site folder name: ``.<name>.new-XXXXXXXX`` beside it must fit in 255 bytes."""

PROJECT_DIR = Path(__file__).resolve().parent.parent
"""The folder that holds the ``generator`` package (the repository, or site-packages)."""


def get_build_dir(site_dir: Path) -> Path:
    """``<site>.build/`` beside the site folder: the state of that site's builds."""
    site_dir = Path(os.path.abspath(site_dir))
    return site_dir.parent / f"{site_dir.name}.build"


def get_protected_dirs(content_dir: Path | None) -> dict[Path, str]:
    """Folder -> what it is, for the folders no build may replace or hold in its site."""
    protected = {Path("/"): "the root folder", Path.cwd().resolve(): "the working folder", PROJECT_DIR: "the project folder"}
    for entry in pwd.getpwall():  # people's homes (Debian's first user id is 1000), not daemons'
        if (entry.pw_uid == 0 or entry.pw_uid >= 1000) and entry.pw_dir not in ("", "/", "/nonexistent"):
            protected.setdefault(Path(entry.pw_dir).resolve(), "a home folder")
    protected.setdefault(Path.home().resolve(), "a home folder")
    if content_dir is not None:
        protected[Path(content_dir).resolve()] = "the content folder"
    return protected


def check_not_protected(folder: Path, content_dir: Path | None, what: str) -> None:
    """Refuse ``folder`` (resolved) if it is, holds or is inside a folder a build must not touch."""
    for protected, name in get_protected_dirs(content_dir).items():
        if protected.is_relative_to(folder):
            which = name if protected == folder else f"a folder that holds {name} ({protected})"
            raise SiteFolderError(f"refusing to build a {what} into {which}: choose another --site-dir", str(folder))
    if content_dir is not None and folder.is_relative_to(Path(content_dir).resolve()):
        raise SiteFolderError(f"refusing to build a {what} inside the content folder: choose another --site-dir", str(folder))


def is_marked_site(folder: Path) -> bool:
    """Whether ``folder`` holds the marker a build writes into every site it makes."""
    try:
        return stat.S_ISREG(os.lstat(folder / SITE_MARKER).st_mode)
    except OSError:
        return False


def mark_site(folder: Path) -> None:
    (folder / SITE_MARKER).write_bytes(SITE_MARKER_TEXT)


def check_replaceable(site_dir: Path) -> None:
    """Refuse to write ``site_dir`` (resolved) unless it is absent, empty or a marked site."""
    try:
        if not site_dir.exists():
            return
        if not site_dir.is_dir():
            raise SiteFolderError("not a folder: a build writes a site folder here", str(site_dir))
        if is_marked_site(site_dir) or not any(site_dir.iterdir()):
            return
    except OSError as error:
        raise SiteFolderError(f"cannot read the site folder: {error.strerror or error}", str(site_dir)) from None
    raise SiteFolderError(
        f"not a site built by this generator (it has no {SITE_MARKER}) and not empty: "
        "a build replaces the whole folder, so it leaves it alone; choose another --site-dir",
        str(site_dir),
    )


def check_site_dir(site_dir: Path, content_dir: Path | None = None) -> Path:
    """The resolved site folder, if a build may write it (see the module docstring)."""
    site_dir = Path(site_dir)
    if site_dir.is_symlink():
        raise SiteFolderError(
            f"a symbolic link (to {site_dir.resolve()}): a build would replace the link, so it refuses; "
            "give the folder it points to as --site-dir",
            str(site_dir),
        )
    resolved = site_dir.resolve()
    if len(os.fsencode(resolved.name)) > MAX_NAME_BYTES:
        raise SiteFolderError(
            f"a site folder name of {len(os.fsencode(resolved.name))} bytes: at most {MAX_NAME_BYTES} "
            f"(a build makes .<name>.new-* and <name>.build beside it, in names of at most 255 bytes)",
            str(site_dir),
        )
    check_not_protected(resolved, content_dir, "site")
    check_replaceable(resolved)
    build_dir = get_build_dir(resolved)
    if build_dir.is_symlink() or (build_dir.exists() and not build_dir.is_dir()):
        raise SiteFolderError("the site's build folder is not a folder: move it away", str(build_dir))
    check_not_protected(build_dir, content_dir, "site's build folder")
    check_build_dir_is_ours(build_dir)  # before the lock file is made in it
    return resolved


@dataclass(frozen=True)
class BuildFolders:
    """The folders of one site's build, while it holds the lock."""

    site_dir: Path
    build_dir: Path

    def get_site_id(self) -> list[int] | None:
        try:
            info = os.lstat(self.site_dir)
        except OSError:
            return None
        return [info.st_dev, info.st_ino] if stat.S_ISDIR(info.st_mode) else None

    def is_recorded_site(self) -> bool:
        """Whether the site folder is the site the last complete build made or updated."""
        record = read_record(self.build_dir)
        return (
            record is not None
            and record.get("built") is not None
            and record.get("built") == self.get_site_id()
            and is_marked_site(self.site_dir)
        )

    def record_site(self, built: bool) -> None:
        """Record the site folder as this build's (``built``), or as no build's: until an
        update in place is complete, the site is not one to update incrementally."""
        record = {"site": str(self.site_dir), "built": self.get_site_id() if built else None}
        write_file_atomically(self.build_dir / BUILD_RECORD, json.dumps(record).encode("utf-8"))


def read_record(build_dir: Path) -> dict | None:
    """The build folder's record; None when absent or not what a build writes."""
    try:
        record = json.loads((build_dir / BUILD_RECORD).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or not isinstance(record.get("site"), str):
        return None
    built = record.get("built")
    if built is not None and not (isinstance(built, list) and len(built) == 2 and all(type(n) is int for n in built)):
        return None
    return record


def check_build_dir_is_ours(build_dir: Path) -> list[str]:
    """Refuse a build folder that holds anything but no valid record: not ours. Returns
    the names of what it holds besides its lock and record."""
    try:
        others = sorted(name for name in os.listdir(build_dir) if name not in (LOCK_FILE, BUILD_RECORD))
    except FileNotFoundError:
        return []
    except OSError as error:
        raise SiteFolderError(f"cannot read the build folder: {error.strerror or error}", str(build_dir)) from None
    if others and read_record(build_dir) is None:
        raise SiteFolderError(f"not a build folder of this generator (no valid {BUILD_RECORD}): move it away", str(build_dir))
    return others


def claim_build_dir(folders: BuildFolders) -> None:
    """Make the build folder this site's (see the module docstring), under the lock."""
    build_dir = folders.build_dir
    others = check_build_dir_is_ours(build_dir)
    record = read_record(build_dir)
    if record is not None and record["site"] != str(folders.site_dir):
        logger.info(f"{build_dir} was the build folder of {record['site']}: emptied")
        for name in others:
            path = build_dir / name
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
        record = None
    if record is None:
        folders.record_site(built=False)


def is_leftover(path: Path, site_name: str) -> bool:
    """Whether ``path`` (``.<site>.new-*`` or ``.<site>.old-*``) holds what a build puts
    there: nothing, a marked site (new), or the old site moved aside (old)."""
    if path.is_symlink() or not path.is_dir():
        return False
    contents = os.listdir(path)
    if not contents:
        return True
    if path.name.startswith(f".{site_name}.new-"):
        return is_marked_site(path)
    old_site = path / site_name
    return contents == [site_name] and not old_site.is_symlink() and (is_marked_site(old_site) or not any(old_site.iterdir()))


def remove_leftover_sites(site_dir: Path) -> None:
    """Remove the ``.<site>.new-*`` and ``.<site>.old-*`` folders a killed build left beside the site."""
    prefixes = (f".{site_dir.name}.new-", f".{site_dir.name}.old-")
    for name in sorted(os.listdir(site_dir.parent)):
        path = site_dir.parent / name
        try:
            leftover = name.startswith(prefixes) and is_leftover(path, site_dir.name)
        except OSError:
            continue
        if leftover:
            logger.info(f"Removing {path}, left by a build that was stopped")
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def hold_lock(path: Path) -> Iterator[int]:
    """Hold an exclusive lock on ``path`` (made if need be), waiting for it with one line
    of notice when another build holds it; yields its file descriptor."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        raise SiteFolderError(f"cannot open the build lock: {error.strerror or error}", str(path)) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            logger.warning(f"another build of this site is running (process {holder}, or its children): waiting for it to end")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        processes.share_with_children(fd)
        try:
            yield fd
        finally:
            processes.unshare(fd)
    finally:
        os.close(fd)  # the lock goes with the last descriptor of it (children may hold one)


@contextmanager
def claim_site(site_dir: Path, content_dir: Path | None = None) -> Iterator[BuildFolders]:
    """Check the site folder, lock its build folder, claim it and remove leftovers;
    yields the folders, locked until the block ends."""
    site_dir = check_site_dir(site_dir, content_dir)
    build_dir = get_build_dir(site_dir)
    try:
        build_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SiteFolderError(f"cannot make the build folder: {error.strerror or error}", str(build_dir)) from None
    with hold_lock(build_dir / LOCK_FILE):
        folders = BuildFolders(site_dir, build_dir)
        check_replaceable(site_dir)  # again: another build may have run while this one waited
        claim_build_dir(folders)
        remove_leftover_sites(site_dir)
        yield folders
