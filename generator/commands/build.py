"""``python -m generator build``: the whole pipeline, one stage after the other.

    read+parse  content/              -> Content      (generator.read.content)
    link        Content               -> Corpus       (generator.link.linker)
    render      Corpus, language      -> {path: md}   (generator.render.pages)
    write       {path: md}            -> build/docs/<lang>/   (generator.site.docs)
    site        build/mkdocs.<lang>.yml -> site/      (generator.site.projects)
    search      Corpus, language      -> site/<lang>/pagefind/  (generator.outputs.search)

The site is built into a fresh folder beside ``site_dir`` and swapped in at the end, so
a failing build leaves the previous site as it was. ``build/`` (beside ``site_dir``)
keeps the generated Markdown between builds: the writer only touches changed pages.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
import multiprocessing
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Mapping

from generator.read.content import load_content
from generator.link.linker import link_corpus
from generator.errors import BuildError, GeneratorError
from generator.model import LANGUAGES, Corpus
from generator.read import parallel as parsing
from generator.render.fingerprints import get_page_fingerprints, load_fingerprints, save_fingerprints
from generator.render.pages import get_page_builders, get_sitemap_pages, render_site
from generator.outputs.search import install_search_indexes, write_search_indexes
from generator.site.projects import get_source_date_epoch, run_mkdocs_builds, write_language_configs, write_root_pages
from generator.outputs.sitemap import get_page_url, render_sitemap, write_sitemap
from generator.site.docs import WriteReport, write_pages


EXIT_OK = 0
EXIT_SOME_TEXTS_FAILED = 1
"""With ``--keep-going``: the site was built, but without the texts reported."""


class StageLog:
    """One line per stage on stderr (unless quiet), and a progress counter on terminals."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.interactive = not quiet and sys.stderr.isatty()

    def stage(self, message: str) -> None:
        if not self.quiet:
            print(f"INFO    -  {message}", file=sys.stderr)

    def warn(self, message: str) -> None:
        print(f"WARNING -  {message}", file=sys.stderr)

    def progress(self, label: str):
        def show(done: int, total: int) -> None:
            if self.interactive:
                end = "\n" if done == total else ""
                print(f"\r          {label}: {done}/{total}", end=end, file=sys.stderr, flush=True)

        return show


class BackgroundTask:
    """``function(*args)`` on the other core: in a forked process, else in a thread.

    Why a process: the search records and the pages handed to Pagefind are Python work
    (a second a language at 2,000 texts) that, in a thread, held the interpreter's lock
    against the render stage; rendering is all Python. Forked, the child has the corpus
    without pickling it. ``result()`` waits and returns the function's (small, pickled)
    result, or raises the child's GeneratorError (any other exception: a BuildError).
    """

    def __init__(self, function, *args):
        if "fork" not in multiprocessing.get_all_start_methods():
            executor = ThreadPoolExecutor(1)
            self.future: Future | None = executor.submit(function, *args)
            executor.shutdown(wait=False)  # the task runs on; result() awaits it
            return
        self.future = None
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=self.run, args=(sender, function, args), daemon=True)
        self.process.start()
        sender.close()

    @staticmethod
    def run(sender, function, args) -> None:
        try:
            sender.send((function(*args), None))
        except GeneratorError as error:
            sender.send((None, error))
        except BaseException as error:  # noqa: BLE001 - reported by the parent
            sender.send((None, BuildError(f"{function.__name__} failed: {type(error).__name__}: {error}")))

    def result(self):
        if self.future is not None:
            return self.future.result()
        try:
            value, error = self.receiver.recv()
        except EOFError:
            value, error = None, BuildError(f"the background task died (exit status {self.process.exitcode})")
        self.process.join()
        if error is not None:
            raise error
        return value


def get_build_dir(site_dir: Path) -> Path:
    return site_dir.resolve().parent / "build"


def swap_in(new_site: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``new_site`` with renames only: never a half-copied site."""
    old_site = None
    if site_dir.exists():
        old_site = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
        os.replace(site_dir, old_site / site_dir.name)
    os.replace(new_site, site_dir)
    if old_site:
        shutil.rmtree(old_site, ignore_errors=True)


def report_problems(corpus: Corpus, messages: StageLog) -> None:
    """What ``check`` would report does not stop a build, but the builder hears of it."""
    if not corpus.problems:
        return
    if not messages.quiet:
        for problem in corpus.problems:
            messages.warn(str(problem))
    messages.warn(f"{len(corpus.problems)} problem(s) in the content; `python -m generator check` lists them")


def build_site(
    content_dir: Path, site_dir: Path, keep_going: bool = False, quiet: bool = False, incremental: bool = False
) -> int:
    """Build the site; 0 when complete, 1 when ``keep_going`` left bad texts out.

    ``incremental``: update the existing site in place (see ``update_site``).
    """
    messages = StageLog(quiet)

    messages.stage(f"Reading texts from {content_dir}")
    # Incremental builds keep the parses of unchanged texts (generator.read.parallel); a full
    # build, the one deployed, reads and parses every text.
    cache_path = get_build_dir(Path(site_dir)) / "cache" / "parsed.pickle" if incremental else None
    content = load_content(
        Path(content_dir), keep_going=keep_going, warn=messages.warn, progress=messages.progress("texts read"),
        cache_path=cache_path,
    )

    # The texts live until the end of the build: out of the garbage collector's sight,
    # so that each later collection does not walk the whole corpus again.
    gc.freeze()

    messages.stage("Linking citations and people")
    corpus = link_corpus(content)
    report_problems(corpus, messages)

    build_site_from_corpus(corpus, Path(site_dir), messages, incremental=incremental, digests=content.digests)

    if content.failures:
        for failure in content.failures:
            messages.warn(f"left out: {failure}")
        messages.warn(f"{len(content.failures)} text(s) left out; exit status {EXIT_SOME_TEXTS_FAILED}")
        return EXIT_SOME_TEXTS_FAILED
    return EXIT_OK


def build_site_from_corpus(
    corpus: Corpus,
    site_dir: Path,
    messages: StageLog | None = None,
    incremental: bool = False,
    digests: Mapping[str, str] | None = None,
) -> None:
    """The render, write and site stages (the tests start here with hand-built corpora).

    ``digests`` (``Content.digests``), in an incremental build: render only the pages
    whose inputs changed; without them every page is rendered (and compared).
    """
    messages = messages or StageLog(quiet=True)
    site_dir = site_dir.resolve()
    build_dir = get_build_dir(site_dir)
    site_url = os.environ.get("SITE_URL", "")

    in_place = incremental and all((site_dir / lang).is_dir() for lang in LANGUAGES)
    if in_place:
        # Pagefind (a process of its own) indexes the changed pages (generator.outputs.search's
        # overlay) on the second core while this one renders, writes and runs MkDocs.
        messages.stage("Indexing changed pages for search (Pagefind), in the background")
        indexing = BackgroundTask(write_search_indexes, corpus, build_dir / "search", LANGUAGES, True)
    else:
        # Before rendering: Pagefind's memory then adds to the corpus's alone, not to
        # the rendered pages' (the 1 GB budget at 2,000 texts, bench/RESULTS.md).
        messages.stage("Indexing every language for search (Pagefind)")
        write_search_indexes(corpus, build_dir / "search")

    messages.stage(f"Rendering {len(corpus.documents)} texts in {len(LANGUAGES)} languages")
    messages.stage(f"Writing pages to {build_dir / 'docs'}")
    changed_languages, removed_pages = [], {}
    reports = write_languages(corpus, build_dir, digests if in_place else None, parallel=not in_place)
    for lang, report in reports.items():
        messages.stage(f"  {lang}: {len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.removed)} removed")
        if report.written or report.removed:
            changed_languages.append(lang)
        removed_pages[lang] = report.removed

    if in_place:
        update_site(corpus, site_dir, build_dir, changed_languages, removed_pages, site_url, messages)
        messages.stage("Installing the search index")
        indexing.result()
        install_search_indexes(build_dir / "search", site_dir)
        messages.stage(f"Site updated in {site_dir}")
        return

    messages.stage(f"Building the site with MkDocs into {site_dir}")
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    new_site = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        config_paths = write_language_configs(build_dir, new_site, site_url)
        run_mkdocs_builds(
            config_paths, corpus.documents[0].date if corpus.documents else None,
            progress=messages.progress("pages built") if messages.interactive else None,
        )
        install_search_indexes(build_dir / "search", new_site)
        write_sitemaps(corpus, new_site, site_url)
        write_root_pages(new_site, site_url)
        # mkdtemp makes the folder private; a site is for everyone to read.
        new_site.chmod(0o755)
        swap_in(new_site, site_dir)
    except BaseException:
        shutil.rmtree(new_site, ignore_errors=True)
        raise
    messages.stage(f"Site built in {site_dir}")


def write_language(corpus: Corpus, lang: str, build_dir: Path, digests: Mapping[str, str] | None) -> WriteReport:
    """Render and write one language's pages; with ``digests`` only those whose inputs changed."""
    fingerprints_path = build_dir / "cache" / f"pages.{lang}.json"
    if digests is not None:
        return write_changed_pages(corpus, lang, build_dir / "docs" / lang, digests, fingerprints_path)
    # Pages written without fingerprints: a recorded one may no longer match.
    fingerprints_path.unlink(missing_ok=True)
    return write_pages(render_site(corpus, lang), build_dir / "docs" / lang)


def write_languages(
    corpus: Corpus, build_dir: Path, digests: Mapping[str, str] | None, parallel: bool
) -> dict[str, WriteReport]:
    """Every language's pages. ``parallel`` (and many texts): the languages at once, each
    but the first in a forked process, which returns only its WriteReport.

    Each process holds one language's pages (~100 MB at 2,000 texts) beside the corpus
    it shares with its parent; the build's peak stays Pagefind's, earlier.
    """
    forked = {}
    if parallel and len(corpus.documents) >= parsing.PARALLEL_MIN_TEXTS and (os.cpu_count() or 1) > 1:
        forked = {lang: BackgroundTask(write_language, corpus, lang, build_dir, digests) for lang in LANGUAGES[1:]}
    reports = {}
    for lang in LANGUAGES:
        reports[lang] = forked[lang].result() if lang in forked else write_language(corpus, lang, build_dir, digests)
    return reports


def write_changed_pages(
    corpus: Corpus, lang: str, docs_dir: Path, digests: Mapping[str, str], fingerprints_path: Path
) -> WriteReport:
    """Render and write only the pages whose inputs changed (``generator.render.fingerprints``).

    The record is removed while pages are written and saved after: a build stopped
    half-way cannot leave a fingerprint that vouches for a page it did not write.
    """
    fingerprints = get_page_fingerprints(corpus, digests, lang)
    previous = load_fingerprints(fingerprints_path)
    paths = get_page_builders(corpus)
    kept = {path for path in paths if path in fingerprints and previous.get(path) == fingerprints[path] and (docs_dir / path).is_file()}
    fingerprints_path.unlink(missing_ok=True)
    report = write_pages(render_site(corpus, lang, [path for path in paths if path not in kept]), docs_dir, kept)
    save_fingerprints(fingerprints_path, fingerprints)
    return report


def update_site(
    corpus: Corpus,
    site_dir: Path,
    build_dir: Path,
    changed_languages: list[str],
    removed_pages: dict[str, tuple[str, ...]],
    site_url: str,
    messages: StageLog,
) -> None:
    """The site and search stages of an incremental build, in place.

    Only the languages whose Markdown changed are rebuilt, with ``mkdocs build --dirty``
    (only pages whose Markdown is newer than their HTML), which leaves the HTML of a
    removed page behind: that is deleted here. The caller syncs the search bundles file
    by file. Faster, but not atomic like a full build, and blind to changes
    of the theme or of mkdocs.yml: for authoring (``serve``), not for deployment.
    """
    if not changed_languages:
        messages.stage("No page changed: MkDocs not run")
        return
    messages.stage(f"Updating {', '.join(changed_languages)} in place in {site_dir}")
    config_paths = write_language_configs(build_dir, site_dir, site_url)
    newest = corpus.documents[0].date if corpus.documents else None
    run_mkdocs_builds({lang: config_paths[lang] for lang in changed_languages}, newest, dirty=True)
    for lang, removed in removed_pages.items():
        for path in removed:
            remove_page_html(site_dir / lang, path)
    write_sitemaps(corpus, site_dir, site_url)
    write_root_pages(site_dir, site_url)


def remove_page_html(site_lang_dir: Path, markdown_path: str) -> None:
    """Delete the HTML MkDocs made of ``markdown_path`` (``x/index.html``), and its folder if empty."""
    html = site_lang_dir / get_page_url(markdown_path) / "index.html"
    html.unlink(missing_ok=True)
    if html.parent != site_lang_dir and html.parent.is_dir() and not any(html.parent.iterdir()):
        html.parent.rmdir()


def write_sitemaps(corpus: Corpus, site_dir: Path, site_url: str) -> None:
    """Each language's sitemap, written only when its bytes change (generator.outputs.sitemap)."""
    pages = get_sitemap_pages(corpus)
    mtime = int(get_source_date_epoch(corpus.documents[0].date if corpus.documents else None))
    for lang in LANGUAGES:
        lang_url = f"{site_url.rstrip('/')}/{lang}/" if site_url else ""
        write_sitemap(site_dir / lang, render_sitemap(pages, lang_url), mtime)
