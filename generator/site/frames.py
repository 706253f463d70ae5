"""Pages MkDocs does not build one by one: a frame per shape of page, filled in.

MkDocs with Material spends most of a build putting the same chrome (header, navigation,
search box, footer, scripts) around thousands of pages that differ only in a few values:
a text's page and another text's page differ in their title, description, language-switch
link, address and content, and nowhere else. So MkDocs builds one page of each shape, a
*frame*, whose every page value is a marker, and the build writes the pages of that shape
by putting each page's values where the frame's markers are (``fill``). Every page of the
site is still what MkDocs and Material make of its Markdown, byte for byte: a frame is
only used when each marker came out exactly as it went in (printed as it is: escaping,
``striptags`` or any other filter would show), and the tests build whole sites both ways
and compare them (``SITE_FRAMES=off`` builds every page with MkDocs).

A page's *shape* is everything about it the theme could read other than its values: the
folder it is in and its depth (the chrome's links are relative to the page), the keys of
its front matter and how its lists nest, which values are empty, its table of contents
and whether its content has an ``<h1>`` (Material writes one when it has not). The pages
in the navigation are MkDocs's own (Material marks the current one), and so is any page
that is not of our shape (``raw_html.convert_page``).

Frames are pages of the language's MkDocs project, ``<folder>/_frame-<digest>/.../index.md``
beside the pages they stand for; the build takes their HTML out of the site after MkDocs
(``take_frames``) and fills their pages (``fill_pages``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import BuildError
from generator.fs import SITE_FILE_MODE, create_file, read_string_mapping, write_file_atomically, write_if_changed
from generator.outputs import link_or_copy
from generator.render.escaping import assemble_page
from generator.render.fingerprints import load_fingerprints
from generator.site.parts import PartsReader
from generator.site.raw_html import convert_page
from generator.urls import get_page_url

FRAME_PREFIX = "_frame-"
"""Starts a frame's folder name; no text's or person's slug can (they are ``[a-z0-9-]``)."""

_OPEN, _CLOSE = "\ue000", "\ue001"
"""Around a marker: characters of Unicode's private use area, which no page of ours has
(``read_page`` refuses a page that does)."""

_PROBE = "&<>\"'Aa"
"""In every marker: whatever the theme did to a value other than print it (escape it,
strip its tags, change its case) changes these, and the marker is not found."""

CONTENT = "content"
URL = "url"


class FrameError(BuildError):
    """A frame that MkDocs made in a way its pages cannot be filled in from."""


def get_marker(name: str | int) -> str:
    return f"{_OPEN}{name}{_PROBE}{_CLOSE}"


@dataclass(frozen=True)
class PageParts:
    """A page of ours, as MkDocs sees it."""

    meta: dict[str, Any]
    """Its front matter, as MkDocs reads it."""
    content: str
    """What Markdown makes of its body (Material prints it as ``page.content``)."""
    toc: tuple[tuple[int, str, str], ...]
    """Its headings: (level, id, HTML)."""


PARTS_HEADER = b"generator framed page 1\n"
"""Opens a framed page's record in the build folder (``get_parts_dir``): its values, then
its content, as the fill joins them into the frame's HTML. Written by this code only (a
record without it is not read as one)."""


def get_parts_data(parts: PageParts) -> bytes:
    """The bytes of a framed page's record: the header, its values (the strings of its front
    matter in order, a JSON list on one line) and its content, UTF-8."""
    values = json.dumps(list(iter_values(parts.meta)), ensure_ascii=False)
    return b"".join((PARTS_HEADER, values.encode("utf-8"), b"\n", parts.content.encode("utf-8")))


def read_parts_data(data: bytes) -> tuple[list[str], bytes] | None:
    """(values, content as UTF-8) of ``get_parts_data``'s bytes; None for other bytes."""
    if not data.startswith(PARTS_HEADER):
        return None
    end = data.find(b"\n", len(PARTS_HEADER))
    try:
        values = json.loads(data[len(PARTS_HEADER) : end]) if end > 0 else None
    except ValueError:
        return None
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        return None
    return values, data[end + 1 :]


def read_front_matter(text: str) -> tuple[dict[str, Any], str] | None:
    """(front matter, body) of a page whose front matter is as
    ``generator.render.escaping.get_front_matter`` writes it (strings, and lists of flat
    mappings of strings, every string a JSON string, which YAML reads the same); None for
    any other page."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end < 0:
        return None
    meta: dict[str, Any] = {}
    items: list[dict[str, str]] | None = None
    try:
        for line in text[4:end].split("\n"):
            if line.startswith(("- ", "  ")):
                if items is None:
                    return None
                name, _, value = line[2:].partition(": ")
                if line[0] == "-":
                    items.append({})
                elif not items:
                    return None
                items[-1][name] = json.loads(value)
                continue
            key, colon, value = line.partition(":")
            if not colon or not key or key in meta:
                return None
            if value:
                meta[key], items = json.loads(value[1:]), None
            else:
                meta[key] = items = []
    except ValueError:
        return None
    # MkDocs's reader (mkdocs.utils.meta.get_data) takes off the blank lines after it.
    return meta, text[end + 5 :].lstrip("\n")


def read_page(text: str) -> PageParts | None:
    """The parts of a page made by ``generator.render``; None for any other page."""
    if _OPEN in text or _CLOSE in text:
        return None
    front = read_front_matter(text)
    if front is None:
        return None
    converted = convert_page(front[1])
    if converted is None:
        return None
    content, tokens = converted
    return PageParts(front[0], content, tuple((t["level"], t["id"], t["html"]) for t in tokens))


def iter_values(value: Any) -> Iterator[str]:
    """The strings of a front matter value, in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from iter_values(item)
    else:
        for item in value:
            yield from iter_values(item)


def get_layout(value: Any) -> Any:
    """What of a front matter value is not its strings: keys, lengths, empty strings."""
    if isinstance(value, str):
        return bool(value)
    if isinstance(value, dict):
        return tuple((key, get_layout(item)) for key, item in value.items())
    return tuple(get_layout(item) for item in value)


def get_frame_path(path: str, parts: PageParts) -> str | None:
    """The frame of a page at ``path`` (``x/.../index.md``), None for a page built alone:
    one at the top (its links to its own folder are ``./``, a frame's would not be)."""
    folders = path.split("/")[:-1]
    if len(folders) < 2 or path.rsplit("/", 1)[-1] != "index.md":
        return None
    shape = (folders[0], len(folders), get_layout(parts.meta), parts.toc, "<h1" in parts.content)
    digest = hashlib.sha256(repr(shape).encode("utf-8")).hexdigest()[:16]
    return "/".join([folders[0], FRAME_PREFIX + digest, *(["x"] * (len(folders) - 2)), "index.md"])


def get_frame_page(parts: PageParts) -> str:
    """The Markdown of a frame for pages like ``parts``: a marker for every value and
    for the content, which has the same headings and, if the page's has one, an ``<h1``."""
    numbers = iter(range(1 << 30))

    def mark(value: Any) -> Any:
        if isinstance(value, str):
            number = next(numbers)
            return get_marker(number) if value else ""
        if isinstance(value, dict):
            return {key: mark(item) for key, item in value.items()}
        return [mark(item) for item in value]

    holder = f"<div>{get_marker(CONTENT)}{'<h1 hidden></h1>' if '<h1' in parts.content else ''}</div>"
    headings = [f"{'#' * level} {title} {{ #{anchor} }}" for level, anchor, title in parts.toc]
    return assemble_page(mark(parts.meta), [holder, *headings])


@dataclass(frozen=True)
class FramePlan:
    """Which pages of a language MkDocs builds and which are filled in."""

    built: dict[str, str]
    """Path -> Markdown: the pages MkDocs builds, the frames among them."""
    framed: dict[str, str]
    """Path -> Markdown: the pages filled in from frames."""
    frames: dict[str, str]
    """A framed page's path -> its frame's path."""


def get_frame(path: str, text: str, alone: Container[str], use_frames: bool = True) -> tuple[str, PageParts] | None:
    """(the frame's path, the page's parts) of a page filled in from a frame; None for a
    page MkDocs builds: one of ``alone`` (the navigation's), or not of our shape. It
    depends on that page alone."""
    parts = read_page(text) if use_frames and path not in alone else None
    frame = get_frame_path(path, parts) if parts else None
    return (frame, parts) if frame and parts else None


def share_pages(
    pages: Iterable[tuple[str, str]], alone: Container[str], use_frames: bool = True
) -> Iterator[tuple[str, str, str | None, PageParts | None]]:
    """Share ``pages`` (path, Markdown) out between MkDocs and the frames, a page at a
    time: (path, Markdown, its frame's path, its parts) of each, the frame and the parts
    None for a page MkDocs builds; then (path, Markdown, None, None) of each frame MkDocs
    must build for them."""
    frame_parts: dict[str, PageParts] = {}
    for path, text in pages:
        found = get_frame(path, text, alone, use_frames)
        if found is None:
            yield path, text, None, None
            continue
        frame_parts.setdefault(found[0], found[1])
        yield path, text, found[0], found[1]
    for frame, parts in sorted(frame_parts.items()):
        yield frame, get_frame_page(parts), None, None


def plan_pages(pages: Mapping[str, str], alone: Container[str], use_frames: bool = True) -> FramePlan:
    """``share_pages`` of ``pages``, all at once."""
    built, framed, frames = {}, {}, {}
    for path, text, frame, _ in share_pages(pages.items(), alone, use_frames):
        if frame is None:
            built[path] = text
        else:
            framed[path], frames[path] = text, frame
    return FramePlan(built, framed, frames)


@dataclass(frozen=True)
class Frame:
    """A frame's HTML cut at its markers, UTF-8: bytes, then (slot, bytes) pairs."""

    head: bytes
    slots: tuple[tuple[str | int, bytes], ...]
    values: int
    """How many values its pages have."""

    def fill(self, values: list[str], content: bytes, url: str) -> bytes:
        """The HTML of the page with these ``values`` and ``content`` (``read_parts_data``) at ``url``."""
        out = [self.head]
        for slot, text in self.slots:
            out.append(content if slot == CONTENT else (url if slot == URL else values[slot]).encode("utf-8"))  # type: ignore[index]
            out.append(text)
        return b"".join(out)


def get_frame_parts(frame_path: str, frame_markdown: str) -> tuple[str, set[int], int]:
    """(content, the numbers of its values that are markers, how many values) of a frame's
    Markdown (``get_frame_page``): the empty values are not markers."""
    front = read_front_matter(frame_markdown)
    converted = convert_page(front[1]) if front else None
    if front is None or converted is None:
        raise FrameError(f"{frame_path}: a frame's page is not of the shape it is made in")
    values = list(iter_values(front[0]))
    return converted[0], {number for number, value in enumerate(values) if value}, len(values)


def cut_frame(html: str, frame_path: str, content: str, marked: set[int], values: int) -> Frame:
    """``html`` (MkDocs's page of ``frame_path``, whose content was ``content`` and whose
    values ``marked`` were markers, of ``values``) cut at its markers; a FrameError if any
    marker or the content did not come out as it went in."""
    if html.count(content) != 1:
        raise FrameError(f"{frame_path}: the page's content is not in its HTML once, as it is")
    sequence: list[str | int] = []  # text, slot, text, ..., text

    def add_text(text: str) -> None:
        chunks = text.split(_OPEN)
        sequence.append(chunks[0])
        for chunk in chunks[1:]:
            name, probe, rest = chunk.partition(_PROBE + _CLOSE)
            if not probe or not name.isdigit() or int(name) not in marked:
                raise FrameError(f"{frame_path}: a value of the page is printed changed ({chunk[:40]!r})")
            sequence.extend((int(name), rest))

    before, after = html.split(content)
    add_text(before)
    sequence.append(CONTENT)
    add_text(after)
    missing = marked - {slot for slot in sequence[1::2] if isinstance(slot, int)}
    if missing:
        raise FrameError(f"{frame_path}: value(s) {sorted(missing)} of the page are not printed as they are")
    # The frame's own address stands for the page's (its canonical URL, where the
    # site's is known).
    url = get_page_url(frame_path)
    pieces: list[str | int] = []
    for index, item in enumerate(sequence):
        if index % 2:  # a slot
            pieces.append(item)
            continue
        texts = str(item).split(url)
        pieces.append(texts[0])
        for text in texts[1:]:
            pieces.extend((URL, text))
    texts = [str(text) for text in pieces[0::2]]
    if any(FRAME_PREFIX in text for text in texts):
        raise FrameError(f"{frame_path}: the frame's address is in its HTML other than as the page's URL")
    encoded = [text.encode("utf-8") for text in texts]
    return Frame(encoded[0], tuple(zip(pieces[1::2], encoded[1:], strict=True)), values)


def take_frames(site_lang_dir: Path) -> dict[str, str]:
    """The frames' HTML (frame path -> HTML), taken out of a language's built site."""
    taken = {}
    for folder in sorted(site_lang_dir.glob(f"*/{FRAME_PREFIX}*")):
        for html_path in sorted(folder.rglob("index.html")):
            relative = html_path.parent.relative_to(site_lang_dir).as_posix()
            taken[f"{relative}/index.md"] = html_path.read_text(encoding="utf-8")
        shutil.rmtree(folder)
    return taken


def fill_pages(
    site_lang_dir: Path,
    paths: Iterable[str],
    frames: Mapping[str, str],
    frame_html: Mapping[str, str],
    build_dir: Path,
    lang: str,
    keys: Mapping[str, str] | None = None,
) -> list[str]:
    """Write the HTML of the framed pages ``paths`` into a language's built site, each from
    its record in the build folder (``get_parts_dir``) and its frame (``frames``: path ->
    frame path; ``frame_html``: frame path -> its HTML); the pages written (those whose
    bytes changed).

    ``keys`` (a new site's every page): the fingerprint of each page's inputs, where it has
    one (``generator.render.fingerprints``). Such a page's HTML is kept in the build folder
    (``get_html_dir``) under a digest of its path, fingerprint and frame, and hard-linked
    into the site; a page whose HTML is kept already is linked, not filled again (a CI
    build that restores the build folder); kept HTML no page used is removed."""
    # The records are read in the order of their packs (``PartsReader.in_order``).
    with PartsReader(get_parts_dir(build_dir, lang)) as records:
        docs_dir = build_dir / "docs" / lang
        store = get_html_dir(build_dir, lang) if keys is not None else None
        cut: dict[str, Frame] = {}
        frame_digests: dict[str, str] = {}
        used: set[str] = set()
        written = []
        folders: set[Path] = set()
        for path in records.in_order(paths):
            frame_path = frames[path]
            if frame_path not in frame_html:
                raise FrameError(f"{path}: its frame {frame_path} was not built")
            url = get_page_url(path)
            html_path = site_lang_dir / url / "index.html"
            if html_path.parent not in folders:
                html_path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(html_path.parent)
            kept = None
            if store is not None and keys is not None and path in keys:
                if frame_path not in frame_digests:
                    frame_digests[frame_path] = hashlib.sha256(frame_html[frame_path].encode("utf-8")).hexdigest()
                name = hashlib.sha256(f"{path}\0{keys[path]}\0{frame_digests[frame_path]}".encode()).hexdigest()
                used.add(name)
                kept = store / name[:2] / name
                if kept.is_file():
                    if link_or_copy(kept, html_path):
                        written.append(path)
                    continue
            if frame_path not in cut:
                frame_markdown = (docs_dir / frame_path).read_text(encoding="utf-8")
                cut[frame_path] = cut_frame(frame_html[frame_path], frame_path, *get_frame_parts(frame_path, frame_markdown))
            frame = cut[frame_path]
            record = records.get(path)
            parts = read_parts_data(record) if record is not None else None
            if parts is None or len(parts[0]) != frame.values:
                raise FrameError(f"{records.folder}: {path} is not recorded as a page its frame {frame_path} can be filled with")
            data = frame.fill(parts[0], parts[1], url)
            if kept is not None:
                keep_file(kept, data)
                if link_or_copy(kept, html_path):
                    written.append(path)
            elif create_file(html_path, data) or write_if_changed(html_path, data, SITE_FILE_MODE):
                written.append(path)
        if store is not None:
            remove_unused(store, used)
    return written


def keep_file(path: Path, data: bytes) -> None:
    """``data`` into the store at ``path``, by a rename: a file of a kept page's name is
    whole, whenever the build stopped; and never written into, as the sites that link it
    are not."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        made = create_file(temporary, data)
    except FileNotFoundError:  # its folder first (made only then: most exist already)
        path.parent.mkdir(parents=True, exist_ok=True)
        made = create_file(temporary, data)
    if not made:  # a file a killed build left
        temporary.unlink()
        create_file(temporary, data)
    os.replace(temporary, path)


def remove_unused(store: Path, used: Container[str]) -> None:
    """Remove the kept pages not named in ``used`` (and files the store does not make)."""
    root = str(store)
    for directory, _, names in os.walk(root):
        for name in names:
            if name not in used:
                os.unlink(os.path.join(directory, name))


def save_frame_index(path: Path, frames: Mapping[str, str]) -> None:
    write_file_atomically(path, json.dumps(dict(sorted(frames.items())), indent=0).encode("utf-8"))


def load_frame_index(path: Path) -> dict[str, str]:
    return read_string_mapping(path)


def get_index_path(build_dir: Path, lang: str) -> Path:
    """Which frame each framed page of ``lang`` is filled from."""
    return build_dir / "frames" / f"{lang}.json"


def get_html_dir(build_dir: Path, lang: str) -> Path:
    """The filled pages' HTML, kept for the next full build (``fill_pages``)."""
    return build_dir / "html" / lang


def get_store_path(build_dir: Path, lang: str) -> Path:
    """The frames' HTML as MkDocs last built them, for a build that does not run MkDocs."""
    return build_dir / "frames" / f"{lang}.html.json"


def get_parts_dir(build_dir: Path, lang: str) -> Path:
    """The framed pages' records (``get_parts_data``), packed (``generator.site.parts``)."""
    return build_dir / "parts" / lang


OLD_PAGES_DIR = "pages"
"""In the build folder: where builds before ``get_parts_dir`` kept the framed pages'
Markdown; removed, never read."""


def has_all_frames(build_dir: Path, lang: str) -> bool:
    """Whether the frames MkDocs last built for ``lang`` are every frame its pages need
    (else MkDocs must build the language again before its pages are filled in)."""
    stored = load_frame_index(get_store_path(build_dir, lang))
    return set(load_frame_index(get_index_path(build_dir, lang)).values()) <= set(stored)


def fill_language(
    build_dir: Path, site_lang_dir: Path, lang: str, built: bool, paths: Iterable[str] | None = None,
    fingerprints: Path | None = None,
) -> int:
    """Fill a language's framed pages into its site: ``built``, just after MkDocs built
    the language (its frames are taken out of the site); else from the frames it built
    last. ``paths``: the pages to fill (None: all), to which are added those whose frame's
    HTML changed. ``fingerprints`` (a new site, all its pages): the pages' fingerprints,
    by which their HTML is kept (``fill_pages``). The number of pages whose HTML was written."""
    index = load_frame_index(get_index_path(build_dir, lang))
    store = get_store_path(build_dir, lang)
    stored = load_frame_index(store)
    if built:
        frame_html = take_frames(site_lang_dir)
        changed = {frame for frame, html in frame_html.items() if stored.get(frame) != html}
        if frame_html != stored:
            save_frame_index(store, frame_html)
    else:
        frame_html, changed = stored, set()
    wanted = set(index) if paths is None else {*paths, *(path for path, frame in index.items() if frame in changed)}
    # A page recorded without a fingerprint ("") is filled every time, never kept.
    keys = None
    if fingerprints is not None and paths is None:
        keys = {path: key for path, key in load_fingerprints(fingerprints).items() if key}
    return len(fill_pages(site_lang_dir, wanted, index, frame_html, build_dir, lang, keys))
