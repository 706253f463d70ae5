"""Pages filled in from frames (generator/site/frames.py): the same bytes MkDocs and
Material write for each page, at the cost of one page of each shape.

The byte-for-byte tests build sites twice, with frames and with ``SITE_FRAMES=off``
(every page built by MkDocs), and compare every file.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from markdown import Markdown
from mkdocs.utils.meta import get_data

from generator.commands.build import build_site, build_site_from_corpus
from generator.languages import LANGUAGES
from generator.read.content import find_resolution_dirs
from generator.render.escaping import RAW_HTML_CLOSE, RAW_HTML_OPEN, assemble_page
from generator.render.pages import render_site
from generator.site.frames import (
    CONTENT,
    FRAME_PREFIX,
    FrameError,
    cut_frame,
    get_frame_page,
    get_marker,
    get_parts_data,
    keep_file,
    plan_pages,
    read_front_matter,
    read_page,
    read_parts_data,
)
from generator.site.parts import load_index
from generator.site.projects import NAV_PAGES
from generator.site.raw_html import convert_page
from tests.factories import edit_paragraph, make_corpus


def files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_the_frames_read_of_a_page_is_what_mkdocs_reads(sample_corpus, hostile_corpus, lang):
    """Its front matter as MkDocs's reader (PyYAML) reads it, and its content as Markdown
    with our extension converts it."""
    md = Markdown(extensions=["generator.site.raw_html"])
    for corpus in (sample_corpus, hostile_corpus):
        for path, page in render_site(corpus, lang).items():
            body, meta = get_data(page)
            assert read_front_matter(page) == (meta, body), path
            md.reset()
            converted = convert_page(body)
            assert converted is not None and converted[0] == md.convert(body), path


@pytest.mark.parametrize(
    "body",
    [
        "<div>\ta\tb</div>",  # tabs, which Markdown expands
        "<div>a\r\nb\rc</div>",  # line ends
        "<div>a\nb   \n</div>   ",  # spaces at line ends
        "<div>\x02wzxhzdk:0\x03</div>",  # Markdown's placeholder characters, which it drops
    ],
)
def test_content_is_what_markdown_makes_of_whitespace_and_control_characters(body):
    markdown = f"{RAW_HTML_OPEN}{body}{RAW_HTML_CLOSE}\n\n## Heading {{ #h }}\n"
    converted = convert_page(markdown)
    assert converted is not None
    assert converted[0] == Markdown(extensions=["generator.site.raw_html"]).convert(markdown)


def test_a_line_of_spaces_makes_a_page_markdown_must_convert():
    """Markdown empties it, which splits the raw block in two."""
    assert convert_page(f"{RAW_HTML_OPEN}<div>a\n   \nb</div>{RAW_HTML_CLOSE}\n") is None


def test_a_page_of_another_shape_is_built_by_mkdocs():
    other = "---\ntitle: x\n---\n\nSome *Markdown*.\n"  # an unquoted value, and Markdown
    frame_like = assemble_page({"title": "a \ue000 b"}, ["<p>x</p>"])  # a marker character
    pages = {"resolutions/a/index.md": other, "resolutions/b/index.md": frame_like}
    assert read_page(other) is None and read_page(frame_like) is None
    plan = plan_pages(pages, NAV_PAGES.values())
    assert plan.built == pages and not plan.framed


def test_the_navigation_s_pages_and_top_level_pages_are_built_by_mkdocs(sample_corpus):
    pages = render_site(sample_corpus, "en")
    plan = plan_pages(pages, NAV_PAGES.values())
    for path in NAV_PAGES.values():
        assert path in plan.built and path not in plan.framed
    assert all(path.count("/") >= 2 for path in plan.framed)
    # Every other page of ours is filled in.
    assert set(plan.framed) | set(NAV_PAGES.values()) == set(pages)


def test_a_frame_stands_for_pages_of_one_shape():
    def page(title: str, tags: int) -> str:
        links = [{"type": "application/atom+xml", "href": f"t{n}/feed.xml", "title": f"Tag {n}"} for n in range(tags)]
        return assemble_page({"title": title, "links": links}, ["<h1>x</h1>", "## Citations { #citations }"])

    pages = {
        "resolutions/a/index.md": page("A", 1),
        "resolutions/b/index.md": page("B & C", 1),
        "resolutions/c/index.md": page("C", 2),  # a head link more
        "meps/a/index.md": page("A", 1),  # another folder: other relative links
        "resolutions/a/compare/index.md": page("A", 1),  # deeper
    }
    frames = plan_pages(pages, ()).frames
    assert frames["resolutions/a/index.md"] == frames["resolutions/b/index.md"]
    assert len(set(frames.values())) == 4
    for path, frame in frames.items():
        assert frame.split("/")[0] == path.split("/")[0] and frame.count("/") == path.count("/")
        assert frame.split("/")[1].startswith(FRAME_PREFIX)


def cut(html_of: str, values: int = 2) -> None:
    """``cut_frame`` of a frame made for a page with ``values`` values, whose HTML is
    ``html_of`` with {0}, {1} ... standing for the markers and {c} for the content."""
    parts = read_page(assemble_page({f"k{n}": "v" for n in range(values)}, ["<h1>x</h1>"]))
    assert parts is not None
    frame_markdown = get_frame_page(parts)
    content = convert_page(read_front_matter(frame_markdown)[1])[0]  # type: ignore[index]
    html = html_of.format(*(get_marker(n) for n in range(values)), c=content)
    cut_frame(html, "resolutions/_frame-0/index.md", content, set(range(values)), values)


def test_a_frame_is_cut_where_its_values_are_printed_as_they_are():
    cut("<title>{0}</title><meta content='{1}'><main>{c}</main><p>{0}</p>")


@pytest.mark.parametrize(
    "html_of, problem",
    [
        ("<title>{0}</title><main>{c}</main>", "not printed"),  # a value used but not printed
        ("<title>{0}</title>{1}<main>{c}</main>{c}", "content"),  # the content twice
        ("<main>{c}</main>" + get_marker(0).replace("&", "&amp;") + "{1}", "printed changed"),  # escaped
        ("<main>{c}</main>" + get_marker(0).upper() + "{1}", "printed changed"),  # in capitals
        ("<main>{c}</main>{0}{1}<a href='../_frame-0/'>", "address"),  # the frame's folder
    ],
)
def test_a_frame_whose_values_did_not_come_out_as_they_went_in_is_refused(html_of, problem):
    with pytest.raises(FrameError, match=problem):
        cut(html_of)


def test_the_page_s_address_is_put_where_the_frame_s_was():
    parts = read_page(assemble_page({"title": "T"}, ["<h1>x</h1>"]))
    assert parts is not None
    content = convert_page(read_front_matter(get_frame_page(parts))[1])[0]  # type: ignore[index]
    html = f"<link href='https://x.org/en/resolutions/_frame-0/'><title>{get_marker(0)}</title>{content}"
    frame = cut_frame(html, "resolutions/_frame-0/index.md", content, {0}, 1)
    page = read_page(assemble_page({"title": "Kazakhstan"}, ["<h1>y</h1>"]))
    assert page is not None
    stored = read_parts_data(get_parts_data(page))
    assert stored == (["Kazakhstan"], page.content.encode("utf-8"))
    filled = frame.fill(*stored, "resolutions/k/").decode("utf-8")
    assert filled == f"<link href='https://x.org/en/resolutions/k/'><title>Kazakhstan</title>{page.content}"
    assert CONTENT == "content"


def test_a_framed_page_s_file_holds_its_values_and_content_as_they_are():
    """Values with line ends, quotes, markup and characters beyond ASCII; the content's
    bytes as they are. A file of another kind (the Markdown kept by builds before, a
    truncated one) is not read as one."""
    meta = {"title": "A \"b\" & <c>\nd\u2028é", "links": [{"href": "x/", "title": ""}], "description": "\\ \t"}
    page = read_page(assemble_page(meta, ["<h1>x\u00e9\U0001F600</h1>"]))
    assert page is not None
    data = get_parts_data(page)
    assert read_parts_data(data) == (["A \"b\" & <c>\nd\u2028é", "x/", "", "\\ \t"], page.content.encode("utf-8"))
    markdown = assemble_page(meta, ["<p>x</p>"]).encode("utf-8")
    for other in (markdown, data[: len(data) // 8], b"", data.replace(b"[", b"{", 1)):
        assert read_parts_data(other) is None


def build_both_ways(tmp_path: Path, monkeypatch, build) -> tuple[Path, Path]:
    sites = []
    for frames in ("on", "off"):
        monkeypatch.setenv("SITE_FRAMES", frames)
        site = tmp_path / frames / "site"
        build(site)
        sites.append(site)
    return sites[0], sites[1]


@pytest.mark.slow
@pytest.mark.parametrize("site_url", ["", "https://example.org/base"])
def test_a_site_with_frames_is_the_site_mkdocs_builds_page_by_page(tmp_path, monkeypatch, sample_corpus, hostile_corpus, site_url):
    """Every page kind (texts, comparisons, listings, people, the navigation's pages) of
    the sample, of the hostile corpus (markup, quotes and ampersands in every value) and
    of a synthetic one; with and without a site URL (canonical links)."""
    monkeypatch.setenv("SITE_URL", site_url)
    for name, corpus in (("sample", sample_corpus), ("hostile", hostile_corpus)):
        framed, by_mkdocs = build_both_ways(tmp_path / name, monkeypatch, lambda site, corpus=corpus: build_site_from_corpus(corpus, site))
        assert files(framed) == files(by_mkdocs), name
        assert not [path for path in files(framed) if FRAME_PREFIX in path]
    content = tmp_path / "content"
    make_corpus(12, content, seed=3)
    framed, by_mkdocs = build_both_ways(tmp_path / "corpus", monkeypatch, lambda site: build_site(content, site))
    assert files(framed) == files(by_mkdocs)
    # MkDocs built the navigation's pages and the frames, not every page.
    for lang in LANGUAGES:
        built = list((framed.parent / "site.build" / "docs" / lang).rglob("*.md"))
        assert len(built) < len(list((framed / lang).rglob("index.html"))) / 3


@pytest.mark.slow
def test_an_incremental_build_refills_the_pages_of_a_frame_that_changed(tmp_path):
    """A page whose shape changed (a tag added: one more feed link in its head) gets a
    new frame; the incremental build then equals a full build."""
    content = tmp_path / "content"
    make_corpus(6, content, seed=5)
    site = tmp_path / "incremental" / "site"
    assert build_site(content, site) == 0
    text = sorted((content / "resolutions").iterdir())[-1]
    meta = text / "meta.yml"
    values = yaml.safe_load(meta.read_text(encoding="utf-8")) if meta.exists() else {}
    values = values or {}
    values["tags"] = [*values.get("tags", []), "A tag of its own"]
    meta.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    assert build_site(content, site, incremental=True) == 0
    full = tmp_path / "full" / "site"
    assert build_site(content, full) == 0
    outside_search = {path: digest for path, digest in files(site).items() if "/pagefind/" not in path}
    assert outside_search == {path: digest for path, digest in files(full).items() if "/pagefind/" not in path}


@pytest.mark.slow
@pytest.mark.parametrize("lost", ["frames/en.html.json", "frames"])
def test_an_incremental_build_without_the_frames_it_needs_builds_them_again(tmp_path, lost):
    """The frames' HTML or the whole frames folder of the build folder gone (deleted by
    hand): the next incremental build is still the full build's site."""
    content = tmp_path / "content"
    make_corpus(4, content, seed=2)
    site = tmp_path / "incremental" / "site"
    assert build_site(content, site) == 0
    edit_paragraph(content)
    lost_path = site.parent / "site.build" / lost
    if lost_path.is_dir():
        shutil.rmtree(lost_path)
    else:
        lost_path.unlink()
    assert build_site(content, site, incremental=True) == 0
    full = tmp_path / "full" / "site"
    assert build_site(content, full) == 0
    def outside_search(site: Path) -> dict[str, str]:
        return {path: digest for path, digest in files(site).items() if "/pagefind/" not in path}

    assert outside_search(site) == outside_search(full)


def html_files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("index.html"))}


@pytest.mark.slow
def test_a_ci_build_links_the_html_it_kept_and_fills_only_what_changed(tmp_path):
    """The site folder gone, the build folder kept, one text edited: the pages that did
    not change are hard links to the HTML the build folder kept, the edited text's are
    filled again, and the site is a clean build's, byte for byte. Kept HTML no page uses
    any more is removed."""
    content = tmp_path / "content"
    make_corpus(6, content, seed=5)
    site = tmp_path / "ci" / "site"
    assert build_site(content, site) == 0
    store = site.parent / "site.build" / "html"
    before = {p.name: p.stat().st_ino for p in store.rglob("*") if p.is_file()}
    assert before and all(p.stat().st_nlink == 2 for p in html_files(site).values() if p.stat().st_ino in before.values())
    shutil.rmtree(site)
    edit_paragraph(content)
    assert build_site(content, site) == 0
    after = {p.name: p.stat().st_ino for p in store.rglob("*") if p.is_file()}
    slug = find_resolution_dirs(content)[-1][1].name
    edited = [path for path in html_files(site) if path.startswith(f"en/resolutions/{slug}/")]
    assert edited
    # A kept file is one of the same name and inode: a file removed by this build (the
    # other language's, in its process) may give its inode number to a new one.
    kept = {inode for name, inode in before.items() if after.get(name) == inode}
    linked = {path for path, p in html_files(site).items() if p.stat().st_ino in kept}
    assert linked and not linked & set(edited)  # kept pages linked, the edited text's filled again
    assert len(after) == len(before) and len(set(after) - set(before)) == len(set(before) - set(after)) > 0
    clean = tmp_path / "clean" / "site"
    assert build_site(content, clean) == 0
    assert files(site) == files(clean)


@pytest.mark.slow
def test_a_build_folder_of_the_old_format_is_rebuilt_not_read(tmp_path, caplog):
    """Builds before the framed pages' files (``parts/``) kept their Markdown in
    ``pages/``: such a build folder, even with fingerprints that match, has every framed
    page rendered again, and its ``pages/`` removed."""
    content = tmp_path / "content"
    make_corpus(4, content, seed=2)
    site = tmp_path / "site"
    assert build_site(content, site) == 0
    build_dir = site.parent / "site.build"
    (build_dir / "parts").rename(build_dir / "pages")
    shutil.rmtree(build_dir / "html")
    shutil.rmtree(site)
    with caplog.at_level("INFO", logger="generator"):
        assert build_site(content, site) == 0
    assert not (build_dir / "pages").exists()
    framed = sum(len(load_index(build_dir / "parts" / lang)) for lang in LANGUAGES)
    written = sum(int(n) for n in re.findall(r"  \w\w: (\d+) written", caplog.text))
    assert written >= framed > 0
    clean = tmp_path / "clean" / "site"
    assert build_site(content, clean) == 0
    assert files(site) == files(clean)


def test_kept_html_is_put_in_place_whole_by_a_rename(tmp_path):
    """A new file in a new folder; one over a file a site links (that file unchanged);
    one where a killed build left its temporary file."""
    path = tmp_path / "ab" / "abc"
    keep_file(path, b"one")
    assert path.read_bytes() == b"one"
    site_file = tmp_path / "site.html"
    os.link(path, site_file)
    keep_file(path, b"two")
    assert path.read_bytes() == b"two" and site_file.read_bytes() == b"one"
    (tmp_path / "ab" / f".abc.{os.getpid()}").write_bytes(b"half")
    keep_file(path, b"three")
    assert path.read_bytes() == b"three" and sorted(p.name for p in path.parent.iterdir()) == ["abc"]


def test_a_page_mkdocs_will_write_in_place_is_unlinked_from_the_kept_html_first(tmp_path):
    """``mkdocs build --dirty`` writes into a page's file: a file linked to the build
    folder's kept HTML is removed before (the kept copy stays as it was), a lone one left."""
    from generator.commands.build import unlink_if_linked

    kept, linked, lone = tmp_path / "kept", tmp_path / "linked.html", tmp_path / "lone.html"
    kept.write_bytes(b"kept")
    os.link(kept, linked)
    lone.write_bytes(b"lone")
    for path in (linked, lone, tmp_path / "absent.html"):
        unlink_if_linked(path)
    assert not linked.exists() and lone.read_bytes() == b"lone" and kept.read_bytes() == b"kept"
