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
import shutil
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import BuildError
from generator.fs import SITE_FILE_MODE, create_file, write_file_atomically, write_if_changed
from generator.render.escaping import assemble_page
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


def get_frame_content(parts: PageParts) -> str:
    """What Markdown makes of the body of ``get_frame_page(parts)``."""
    front = read_front_matter(get_frame_page(parts))
    converted = convert_page(front[1]) if front else None
    if converted is None:
        raise FrameError("a frame's page is not of the shape it is made in")
    return converted[0]


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
) -> Iterator[tuple[str, str, str | None]]:
    """Share ``pages`` (path, Markdown) out between MkDocs and the frames, a page at a
    time: (path, Markdown, its frame's path) of each, the frame None for a page MkDocs
    builds; then (path, Markdown, None) of each frame MkDocs must build for them."""
    frame_parts: dict[str, PageParts] = {}
    for path, text in pages:
        found = get_frame(path, text, alone, use_frames)
        if found is None:
            yield path, text, None
            continue
        frame_parts.setdefault(found[0], found[1])
        yield path, text, found[0]
    for frame, parts in sorted(frame_parts.items()):
        yield frame, get_frame_page(parts), None


def plan_pages(pages: Mapping[str, str], alone: Container[str], use_frames: bool = True) -> FramePlan:
    """``share_pages`` of ``pages``, all at once."""
    built, framed, frames = {}, {}, {}
    for path, text, frame in share_pages(pages.items(), alone, use_frames):
        if frame is None:
            built[path] = text
        else:
            framed[path], frames[path] = text, frame
    return FramePlan(built, framed, frames)


@dataclass(frozen=True)
class Frame:
    """A frame's HTML cut at its markers: text, then (slot, text) pairs."""

    head: str
    slots: tuple[tuple[str | int, str], ...]

    def fill(self, parts: PageParts, url: str) -> str:
        values = list(iter_values(parts.meta))
        out = [self.head]
        for slot, text in self.slots:
            out.append(parts.content if slot == CONTENT else url if slot == URL else values[slot])  # type: ignore[index]
            out.append(text)
        return "".join(out)


def cut_frame(html: str, frame_path: str, content: str, marked: set[int]) -> Frame:
    """``html`` (MkDocs's page of ``frame_path``, whose content was ``content`` and whose
    values ``marked`` were markers) cut at its markers; a FrameError if any marker or the
    content did not come out as it went in."""
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
    return Frame(texts[0], tuple(zip(pieces[1::2], texts[1:], strict=True)))


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
    site_lang_dir: Path, framed: Mapping[str, str], frames: Mapping[str, str], frame_html: Mapping[str, str]
) -> list[str]:
    """Write the HTML of the ``framed`` pages (path -> Markdown) into a language's built
    site, each from its frame (``frames``: path -> frame path; ``frame_html``: frame path ->
    its HTML); the pages written (those whose bytes changed)."""
    cut: dict[str, Frame] = {}
    written = []
    folders: set[Path] = set()
    for path in sorted(framed):
        parts = read_page(framed[path])
        if parts is None:
            raise FrameError(f"{path}: not a page a frame can be filled with")
        frame_path = frames[path]
        if frame_path not in frame_html:
            raise FrameError(f"{path}: its frame {frame_path} was not built")
        if frame_path not in cut:
            marked = {number for number, value in enumerate(iter_values(parts.meta)) if value}
            cut[frame_path] = cut_frame(frame_html[frame_path], frame_path, get_frame_content(parts), marked)
        html_path = site_lang_dir / get_page_url(path) / "index.html"
        if html_path.parent not in folders:
            html_path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(html_path.parent)
        data = cut[frame_path].fill(parts, get_page_url(path)).encode("utf-8")
        if create_file(html_path, data) or write_if_changed(html_path, data, SITE_FILE_MODE):
            written.append(path)
    return written


def save_frame_index(path: Path, frames: Mapping[str, str]) -> None:
    write_file_atomically(path, json.dumps(dict(sorted(frames.items())), indent=0).encode("utf-8"))


def load_frame_index(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and all(isinstance(v, str) for v in data.values()) else {}


def get_index_path(build_dir: Path, lang: str) -> Path:
    """Which frame each framed page of ``lang`` is filled from."""
    return build_dir / "frames" / f"{lang}.json"


def get_store_path(build_dir: Path, lang: str) -> Path:
    """The frames' HTML as MkDocs last built them, for a build that does not run MkDocs."""
    return build_dir / "frames" / f"{lang}.html.json"


def get_pages_dir(build_dir: Path, lang: str) -> Path:
    """The Markdown of the framed pages (MkDocs reads ``docs/<lang>/``, not this)."""
    return build_dir / "pages" / lang


def has_all_frames(build_dir: Path, lang: str) -> bool:
    """Whether the frames MkDocs last built for ``lang`` are every frame its pages need
    (else MkDocs must build the language again before its pages are filled in)."""
    stored = load_frame_index(get_store_path(build_dir, lang))
    return set(load_frame_index(get_index_path(build_dir, lang)).values()) <= set(stored)


def fill_language(build_dir: Path, site_lang_dir: Path, lang: str, built: bool, paths: Iterable[str] | None = None) -> int:
    """Fill a language's framed pages into its site: ``built``, just after MkDocs built
    the language (its frames are taken out of the site); else from the frames it built
    last. ``paths``: the pages to fill (None: all), to which are added those whose frame's
    HTML changed. The number of pages whose HTML was written."""
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
    return len(fill_pages(site_lang_dir, MarkdownFiles(get_pages_dir(build_dir, lang), wanted), index, frame_html))


class MarkdownFiles(Mapping[str, str]):
    """Pages' Markdown by path, each read when it is asked for: a language's pages read
    all at once were most of a filling process's memory (bench/RESULTS.md)."""

    def __init__(self, folder: Path, paths: Iterable[str]):
        self.folder = folder
        self.paths = sorted(paths)
        self.known = set(self.paths)

    def __getitem__(self, path: str) -> str:
        if path not in self.known:
            raise KeyError(path)
        return (self.folder / path).read_text(encoding="utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)
