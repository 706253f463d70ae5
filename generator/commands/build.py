"""``python -m generator build``: the whole pipeline, one stage after the other.

    read+parse  content/                     -> Content                  (generator.read)
    link        Content                      -> Corpus                   (generator.link)
    render      Corpus, language             -> {path: md}               (generator.render)
    write       {path: md}                   -> site.build/docs/<lang>/  (generator.site.docs)
    site        site.build/mkdocs.<lang>.yml -> site/<lang>/             (generator.site.projects)
    outputs     Corpus, language             -> files beside the pages   (generator.outputs)

The site is built into a fresh folder beside ``site_dir`` and swapped in at the end, so
a failing or interrupted build leaves the previous site as it was. The build folder
beside it (``site.build/`` for ``site/``) keeps the generated Markdown between builds: the
writer only touches changed pages. Which folders a build may write, the build folder's
record and the lock that keeps builds of one site apart: ``generator.site_folder``.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from generator.fs import holds_bytes, write_if_changed
from generator.languages import LANGUAGES
from generator.link.linker import link_corpus
from generator.log import get_progress
from generator.model import Corpus, SiteSettings
from generator.outputs import OutputContext, get_outputs, write_outputs
from generator.outputs.search import remove_scratch_dirs
from generator.processes import BackgroundTask
from generator.read.content import load_content
from generator.read.parallel import PARALLEL_MIN_TEXTS, paused_gc
from generator.render.fingerprints import get_page_fingerprints, load_fingerprints, save_fingerprints
from generator.render.pages import get_page_builders, iter_site
from generator.site.docs import PageWriter, WriteReport
from generator.site.frames import (
    OLD_PAGES_DIR,
    fill_language,
    get_index_path,
    get_parts_data,
    get_parts_dir,
    has_all_frames,
    load_frame_index,
    save_frame_index,
    share_pages,
)
from generator.site.parts import PartsWriter, Record, load_index
from generator.site.projects import (
    NAV_PAGES,
    remove_mkdocs_not_found_pages,
    run_site_builds,
    uses_frames,
    write_language_configs,
)
from generator.site_folder import BuildFolders, check_replaceable, claim_site, mark_site
from generator.urls import get_page_url

logger = logging.getLogger(__name__)

T = TypeVar("T")

EXIT_OK = 0
EXIT_SOME_TEXTS_FAILED = 1
"""With ``--keep-going``: the site was built, but without the texts reported."""


def swap_in(new_site: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``new_site`` with renames only: never a half-copied site.
    Only a site folder a build may replace is moved (checked once more, just before)."""
    check_replaceable(site_dir)
    if not site_dir.exists():
        os.replace(new_site, site_dir)
        return
    old_site = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
    try:
        os.replace(site_dir, old_site / site_dir.name)
    except BaseException:
        old_site.rmdir()
        raise
    try:
        os.replace(new_site, site_dir)
    except BaseException:
        os.replace(old_site / site_dir.name, site_dir)  # the old site back in its place
        old_site.rmdir()
        raise
    shutil.rmtree(old_site, ignore_errors=True)


def report_diagnostics(corpus: Corpus) -> None:
    """What ``check`` would report does not stop a build, but the builder hears of it."""
    if not corpus.diagnostics:
        return
    for diagnostic in corpus.diagnostics:
        logger.info(str(diagnostic))
    logger.warning(f"{len(corpus.diagnostics)} problem(s) in the content; `python -m generator check` lists them")


def build_site(content_dir: Path, site_dir: Path, keep_going: bool = False, incremental: bool = False) -> int:
    """Build the site; 0 when complete, 1 when ``keep_going`` left bad texts out.

    ``incremental``: update the existing site in place (see ``update_site``).
    """
    with claim_site(Path(site_dir), Path(content_dir)) as folders:
        logger.info(f"Reading texts from {content_dir}")
        # Every build reuses the parses of unchanged texts (generator.read.cache): a full
        # build, the one deployed, those whose bytes it read are the cached ones; an
        # incremental build also trusts the files' stat.
        with paused_gc():
            content = load_content(
                Path(content_dir), keep_going=keep_going, progress=get_progress("texts read"),
                cache_path=folders.build_dir / "cache" / "parsed.json", trust_stat=incremental,
            )
            logger.info("Linking citations and people")
            corpus = link_corpus(content)
        report_diagnostics(corpus)
        # The corpus lives to the end: out of the collector's passes, which would also
        # write to every page of it in the processes forked from here (copies, not shares).
        gc.freeze()
        try:
            in_place = incremental and can_update_in_place(folders, corpus.settings)
            build_into(corpus, folders, in_place, digests=content.digests)
        finally:
            gc.unfreeze()

    if content.failures:
        for failure in content.failures:
            logger.warning(f"left out: {failure}")
        logger.warning(f"{len(content.failures)} text(s) left out; exit status {EXIT_SOME_TEXTS_FAILED}")
        return EXIT_SOME_TEXTS_FAILED
    return EXIT_OK


SETTINGS_RECORD = "state/settings.sha256"
"""In the build folder: a digest of the settings (``site.yml``) the site was last built with."""


def get_settings_digest(settings: SiteSettings) -> bytes:
    return hashlib.sha256(repr(settings).encode("utf-8")).hexdigest().encode("ascii")


def can_update_in_place(folders: BuildFolders, settings: SiteSettings) -> bool:
    """Whether an incremental build can update the site in place: it is the site this
    build folder last built, whole, with the same settings (else the build is a full
    one: the site's name, logo and footer are on every page, which ``mkdocs build
    --dirty`` would not build again)."""
    if all((folders.site_dir / lang).is_dir() for lang in LANGUAGES) and folders.is_recorded_site():
        if holds_bytes(folders.build_dir / SETTINGS_RECORD, get_settings_digest(settings)):
            return True
        logger.info("The site's settings changed: building the site whole")
        return False
    if folders.site_dir.exists():
        logger.info(f"{folders.site_dir} is not the site {folders.build_dir} last built: building it whole")
    return False


def build_site_from_corpus(
    corpus: Corpus,
    site_dir: Path,
    incremental: bool = False,
    digests: Mapping[str, str] | None = None,
) -> None:
    """The render, write, site and output stages (the tests start here with hand-built corpora).

    ``digests`` (``Content.digests``), in an incremental build: render only the pages
    whose inputs changed; without them every page is rendered (and compared).
    """
    with claim_site(Path(site_dir)) as folders:
        build_into(corpus, folders, incremental and can_update_in_place(folders, corpus.settings), digests)


def build_into(corpus: Corpus, folders: BuildFolders, in_place: bool, digests: Mapping[str, str] | None) -> None:
    """``build_site_from_corpus`` in the claimed ``folders``; ``in_place``: incrementally."""
    site_dir, build_dir = folders.site_dir, folders.build_dir
    removed = remove_scratch_dirs(build_dir / "search")
    if removed:
        logger.info(f"Removed {len(removed)} scratch folder(s) of the search, left by a build that was stopped")
    context = OutputContext(
        corpus, build_dir, site_url=corpus.settings.get_site_url(os.environ), incremental=in_place, digests=digests or {}
    )

    if digests:
        # Asked for by the writer and by the outputs' preparation: computed once, here,
        # before the preparation's process is forked.
        for lang in LANGUAGES:
            get_page_fingerprints(corpus, digests, lang)
    preparing = [output for output in get_outputs() if output.prepare]
    # In the background, in a process forked from one that has the corpus, on the second
    # core while this one renders, writes and runs MkDocs: in an incremental build every
    # preparation, in a full one those that wait on a program of their own (Pagefind,
    # which alone left a core idle for a third of a full build: bench/RESULTS.md). The
    # others of a full build: in this process once the pages are filled (``after``).
    beside = [output for output in preparing if in_place or output.prepare_beside]
    after = [output for output in preparing if output not in beside]
    if beside:
        changed = "changed pages, " if in_place else ""
        logger.info(f"Preparing {', '.join(o.name for o in beside)} ({changed}in the background)")
    tasks = [BackgroundTask(output.prepare, context) for output in beside if output.prepare]

    logger.info(f"Rendering {len(corpus.documents)} texts in {len(LANGUAGES)} languages")
    logger.info(f"Writing pages to {build_dir / 'docs'}")
    # With the content's digests, only pages whose inputs changed since the build folder's
    # last build are rendered, in a full build too (a CI run that keeps the build folder).
    reports = write_languages(corpus, build_dir, digests, parallel=not in_place, in_place=in_place)
    for lang, report in reports.items():
        written = len(report.built.written) + len(report.framed.written)
        unchanged = len(report.built.unchanged) + len(report.framed.unchanged)
        logger.info(f"  {lang}: {written} written, {unchanged} unchanged, {len(report.removed)} removed")

    if in_place:
        # Until the update is complete the site is no build's: a build stopped half-way
        # leaves one that the next build makes whole.
        folders.record_site(built=False)
        update_site(corpus, site_dir, build_dir, reports, context.site_url)
        finish_tasks(tasks)
        logger.info("Writing the outputs")
        write_outputs(context, site_dir)
        folders.record_site(built=True)
        write_if_changed(build_dir / SETTINGS_RECORD, get_settings_digest(corpus.settings))
        logger.info(f"Site updated in {site_dir}")
        return

    logger.info(f"Building the site with MkDocs into {site_dir}")
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    new_site = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        mark_site(new_site)  # first: a build killed from here on leaves a folder known as its own
        config_paths = write_language_configs(build_dir, new_site, context.site_url, corpus.settings)
        run_site_builds(config_paths, context.newest_date, progress=get_progress("pages built"))
        remove_mkdocs_not_found_pages(new_site)
        logger.info("Filling the pages in from their frames")
        fill_languages(build_dir, new_site, LANGUAGES)
        # While the search's last Pagefind runs, on the core it leaves idle; no process
        # forked for them, no copy of the corpus more than rendering's.
        logger.info(f"Preparing {', '.join(o.name for o in after)}")
        for output in after:
            if output.prepare:
                output.prepare(context)
        finish_tasks(tasks)
        logger.info("Writing the outputs")
        write_outputs(context, new_site)
        # mkdtemp makes the folder private; a site is for everyone to read.
        new_site.chmod(0o755)
        swap_in(new_site, site_dir)
    except BaseException:
        shutil.rmtree(new_site, ignore_errors=True)
        raise
    folders.record_site(built=True)
    write_if_changed(build_dir / SETTINGS_RECORD, get_settings_digest(corpus.settings))
    logger.info(f"Site built in {site_dir}")


def finish_tasks(tasks: list[BackgroundTask]) -> None:
    """Wait for the outputs' preparations (their errors are the build's)."""
    for task in tasks:
        task.result()


@dataclass(frozen=True)
class LanguageReport:
    """What the write stage did for one language."""

    built: WriteReport
    """The pages MkDocs builds (``site.build/docs/<lang>/``), its frames among them."""
    framed: WriteReport
    """The pages filled in from frames (their records in ``site.build/parts/<lang>/``)."""

    @property
    def removed(self) -> tuple[str, ...]:
        """Pages gone from the site (not merely moved between MkDocs and the frames)."""
        present = {*self.built.written, *self.built.unchanged, *self.framed.written, *self.framed.unchanged}
        return tuple(sorted({*self.built.removed, *self.framed.removed} - present))


def write_language_pages(
    pages: Iterable[tuple[str, str]],
    build_dir: Path,
    lang: str,
    kept: set[str],
    kept_frames: Mapping[str, str],
    candidates: set[str] | None = None,
    records: dict[str, Record] | None = None,
) -> LanguageReport:
    """Write a language's pages, as they are rendered, where MkDocs and the frames take
    them (``generator.site.frames``); ``kept``: pages known to be right already
    (``kept_frames``: the frames of those that are framed); ``candidates``: every page
    the build folder may hold, where known (``PageWriter.finish``); ``records``: the
    framed pages' records, where loaded already (``parts.load_index``)."""
    index_path = get_index_path(build_dir, lang)
    index_path.unlink(missing_ok=True)  # written again once the pages it names are
    shutil.rmtree(build_dir / OLD_PAGES_DIR / lang, ignore_errors=True)
    with contextlib.suppress(OSError):  # the other language's may be there still
        (build_dir / OLD_PAGES_DIR).rmdir()
    built = PageWriter(build_dir / "docs" / lang)
    frames = dict(kept_frames)
    with PartsWriter(get_parts_dir(build_dir, lang), records) as framed:
        for path, text, frame, parts in share_pages(pages, NAV_PAGES.values(), uses_frames()):
            if frame is None or parts is None:
                built.write(path, text)
            else:
                # What the fill joins into the frame, parsed here once.
                framed.write(path, get_parts_data(parts))
                frames[path] = frame
        report = LanguageReport(built.finish(kept | set(kept_frames.values()), candidates), framed.finish(kept))
    save_frame_index(index_path, frames)
    return report


def get_fingerprints_path(build_dir: Path, lang: str, frames: bool) -> Path:
    """The page fingerprints of ``lang``'s last build, with frames or all by MkDocs."""
    return build_dir / "cache" / (f"pages.{lang}.json" if frames else f"pages.{lang}.mkdocs.json")


def write_language(
    corpus: Corpus, lang: str, build_dir: Path, digests: Mapping[str, str] | None, in_place: bool = False
) -> LanguageReport:
    """Render and write one language's pages; with ``digests`` only those whose inputs
    changed (``in_place``: an incremental build, which trusts its record of pages)."""
    # The pages kept are where the last build wrote them, for MkDocs or for the frames:
    # one record for each way, the other's dropped.
    fingerprints_path = get_fingerprints_path(build_dir, lang, uses_frames())
    get_fingerprints_path(build_dir, lang, not uses_frames()).unlink(missing_ok=True)
    if digests:
        return write_changed_pages(corpus, lang, build_dir, digests, fingerprints_path, in_place)
    # Pages written without fingerprints: a recorded one may no longer match.
    fingerprints_path.unlink(missing_ok=True)
    return write_language_pages(iter_site(corpus, lang), build_dir, lang, set(), {})


def write_languages(
    corpus: Corpus, build_dir: Path, digests: Mapping[str, str] | None, parallel: bool, in_place: bool = False
) -> dict[str, LanguageReport]:
    """Every language's pages. ``parallel`` (and many texts): the languages at once, each
    but the first in a forked process, which returns only its report.

    Each process writes its language's pages as it renders them, beside the corpus it
    shares with its parent.
    """
    parallel = parallel and len(corpus.documents) >= PARALLEL_MIN_TEXTS
    return run_per_language(write_language, lambda lang: (corpus, lang, build_dir, digests, in_place), parallel)


def run_per_language(function: Callable[..., T], arguments: Callable[[str], tuple], parallel: bool) -> dict[str, T]:
    """``function(*arguments(lang))`` for every language; ``parallel`` (and a second core):
    each language but the first in a forked process, which returns only the result."""
    forked = {}
    if parallel and (os.cpu_count() or 1) > 1:
        forked = {lang: BackgroundTask(function, *arguments(lang)) for lang in LANGUAGES[1:]}
    return {lang: forked[lang].result() if lang in forked else function(*arguments(lang)) for lang in LANGUAGES}


def write_changed_pages(
    corpus: Corpus, lang: str, build_dir: Path, digests: Mapping[str, str], fingerprints_path: Path, in_place: bool = False
) -> LanguageReport:
    """Render and write only the pages whose inputs changed (``generator.render.fingerprints``).

    The record is removed while pages are written and saved after: a build stopped
    half-way cannot leave a fingerprint that vouches for a page it did not write.
    """
    fingerprints = get_page_fingerprints(corpus, digests, lang)
    previous = load_fingerprints(fingerprints_path)
    index = load_frame_index(get_index_path(build_dir, lang))
    records = load_index(get_parts_dir(build_dir, lang))
    paths = get_page_builders(corpus)

    built_root = str(build_dir / "docs" / lang)

    def is_written(path: str) -> bool:
        """Its page is where the last build put it: a framed page's record in the packs,
        another's Markdown file (strings: Path objects cost seconds at 80,000 pages)."""
        return path in records if path in index else os.path.isfile(f"{built_root}/{path}")

    kept = {path for path in paths if path in fingerprints and previous.get(path) == fingerprints[path] and is_written(path)}
    # The record names every page the last build left (those without a fingerprint with
    # ""): in an incremental build (the author's), the only pages that may be stale. A
    # full build looks at every file; so does one after a record of older code, without them.
    candidates = set(previous) if in_place and EVERY_PAGE_RECORDED in previous else None
    fingerprints_path.unlink(missing_ok=True)
    rendered = iter_site(corpus, lang, [path for path in paths if path not in kept])
    kept_frames = {path: index[path] for path in kept if path in index}
    report = write_language_pages(rendered, build_dir, lang, kept, kept_frames, candidates, records)
    save_fingerprints(fingerprints_path, {**dict.fromkeys(paths, ""), **fingerprints})
    return report


EVERY_PAGE_RECORDED = "meps/index.md"
"""A page of every site that has no fingerprint: in a record of pages only when the record
names every page (``write_changed_pages``)."""


def fill_languages(build_dir: Path, site_dir: Path, built: Iterable[str], paths: Mapping[str, Iterable[str]] | None = None) -> int:
    """Fill every language's framed pages into ``site_dir`` (``generator.site.frames``);
    ``built``: the languages MkDocs just built; ``paths``: by language, the pages to fill
    (None: all). The languages at once when all are filled (a full build)."""
    built = set(built)

    def arguments(lang: str) -> tuple:
        if paths is None:  # a new site: its pages' HTML kept by their fingerprints
            return build_dir, site_dir / lang, lang, lang in built, None, get_fingerprints_path(build_dir, lang, True)
        return build_dir, site_dir / lang, lang, lang in built, paths.get(lang, ())

    return sum(run_per_language(fill_language, arguments, parallel=paths is None).values())


def update_site(corpus: Corpus, site_dir: Path, build_dir: Path, reports: Mapping[str, LanguageReport], site_url: str) -> None:
    """The site stage of an incremental build, in place.

    Only the languages whose MkDocs pages (frames included) changed are rebuilt, with
    ``mkdocs build --dirty`` (only pages whose Markdown is newer than their HTML); then
    the framed pages that changed, and those whose frame did, are filled in. The HTML of
    a removed page is deleted here. Faster, but not atomic like a full build, and blind to
    changes of the theme or of mkdocs.yml: for authoring (``serve``), not for deployment.
    """
    built = [
        lang for lang, report in reports.items()
        if report.built.written or report.built.removed or not has_all_frames(build_dir, lang)
    ]
    if built:
        logger.info(f"Updating {', '.join(built)} in place in {site_dir}")
        for lang in built:  # MkDocs writes into a page's file: not into the build folder's kept HTML
            for path in reports[lang].built.written:
                unlink_if_linked(site_dir / lang / get_page_url(path) / "index.html")
        config_paths = write_language_configs(build_dir, site_dir, site_url, corpus.settings)
        newest = corpus.documents[0].date if corpus.documents else None
        run_site_builds({lang: config_paths[lang] for lang in built}, newest, dirty=True)
        remove_mkdocs_not_found_pages(site_dir)
    else:
        logger.info("No page MkDocs builds changed: MkDocs not run")
    filled = fill_languages(build_dir, site_dir, built, {lang: report.framed.written for lang, report in reports.items()})
    if filled:
        logger.info(f"{filled} page(s) filled in from their frames")
    for lang, report in reports.items():
        for path in report.removed:
            remove_page_html(site_dir / lang, path)


def unlink_if_linked(path: Path) -> None:
    """Delete ``path`` if it is a hard link (a framed page's HTML kept in the build folder)."""
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_nlink > 1:
            path.unlink()


def remove_page_html(site_lang_dir: Path, markdown_path: str) -> None:
    """Delete the HTML MkDocs made of ``markdown_path`` (``x/index.html``), and its folder if empty."""
    html = site_lang_dir / get_page_url(markdown_path) / "index.html"
    html.unlink(missing_ok=True)
    if html.parent != site_lang_dir and html.parent.is_dir() and not any(html.parent.iterdir()):
        html.parent.rmdir()
