"""The site stage: one MkDocs project per language, built concurrently, and the root pages.

Why one project per language: see DESIGN.md section 6. Each language's project
(``site.build/mkdocs.<lang>.yml``, in the build folder beside the site) is the shared
``mkdocs.yml`` with what differs merged in, written whole: no ``INHERIT``, which Zensical
reads differently from MkDocs (it appends inherited lists). MkDocs runs as a subprocess
(``python -m mkdocs build``), its public interface, so nothing of its internals is
patched or imported here; the pages' raw HTML is handled by a Markdown extension
(``generator.site.raw_html``), which Zensical runs too.
"""

from __future__ import annotations

import datetime
import html
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from generator import processes
from generator.errors import BuildError
from generator.languages import LANGUAGES
from generator.model import SiteSettings
from generator.outputs.branding import get_asset_path
from generator.render.strings import get_interface_strings, get_search_strings, get_site_name

logger = logging.getLogger(__name__)

SITE_PACKAGE_DIR = Path(__file__).resolve().parent
"""Where the shared ``mkdocs.yml`` and the theme are: package data, so that a plain
``pip install`` builds."""

SHARED_CONFIG = SITE_PACKAGE_DIR / "mkdocs.yml"
THEME_OVERRIDES = SITE_PACKAGE_DIR / "theme"


def merge_config(shared: dict, changes: dict) -> dict:
    """``shared`` with ``changes`` merged in as MkDocs merges an ``INHERIT``ed file:
    mappings key by key, any other value (a list too) replaced."""
    merged = dict(shared)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_config(merged[key], value)
        else:
            merged[key] = value
    return merged


NAV_PAGES = {"home": "index.md", "resolutions": "resolutions/index.md", "people": "meps/index.md"}
"""The navigation: interface string of its title -> page. MkDocs builds these pages
itself, never from a frame (Material marks the current one)."""


def get_palettes(strings: dict[str, str]) -> list[dict]:
    """Material's palettes: light and dark, the reader's system's choice first, each with
    the toggle to the other, named in the page's language. "custom": the colours are
    set in units.css, dark enough for WCAG AA contrast in both schemes (Material's teal
    links on white are 3.8:1; ours are 6.3:1)."""
    return [
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "custom", "accent": "custom",
         "toggle": {"icon": "material/weather-night", "name": strings["dark_mode"]}},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "custom", "accent": "custom",
         "toggle": {"icon": "material/weather-sunny", "name": strings["light_mode"]}},
    ]


def get_language_config(lang: str, docs_dir: Path, site_dir: Path, site_url: str = "", settings: SiteSettings | None = None) -> dict:
    """The per-language MkDocs configuration, whole: ``mkdocs.yml`` and what differs;
    ``docs_dir`` relative to the folder the configuration is written in.

    The site's name and footer notice (``site.yml``) are HTML text, escaped here: Material
    prints ``site_name`` and ``copyright`` as they are (our theme prints them so
    everywhere, ``partials/header.html`` and ``partials/nav.html``)."""
    settings = settings or SiteSettings()
    strings = get_interface_strings(lang)
    strings["latest_feed"] = f"{get_site_name(settings, lang)} — {strings['latest_texts']}"
    theme: dict = {"language": lang, "custom_dir": str(THEME_OVERRIDES), "palette": get_palettes(strings)}
    # The operator's images, which the branding output puts there.
    if settings.logo:
        theme["logo"] = get_asset_path(settings.logo)
    if settings.favicon:
        theme["favicon"] = get_asset_path(settings.favicon)
    changes = {
        "site_name": html.escape(get_site_name(settings, lang)),
        # Relative to the config's folder (the build folder): Zensical 0.0.73 stops on
        # an absolute docs_dir.
        "docs_dir": docs_dir.as_posix(),
        "site_dir": str(site_dir),
        # The config is written in the build folder, against which relative paths
        # would resolve: the theme's folder is given absolute.
        "theme": theme,
        "nav": [{strings[name]: path} for name, path in NAV_PAGES.items()],
        "extra": {
            "lang": lang,
            "strings": strings,
            # The header's search box (theme_overrides/partials/unit-search.html).
            "search": get_search_strings(lang),
            # Material includes partials/alternate.html (overridden by our per-page
            # language switch) when extra.alternate is set; a list would also make
            # base.html link every page to the other language's home, so: true.
            "alternate": True,
        },
    }
    if settings.footer.get(lang):
        changes["copyright"] = html.escape(settings.footer[lang])
    if site_url:
        # Only a deployment that knows its URL gets absolute sitemap entries.
        changes["site_url"] = f"{site_url.rstrip('/')}/{lang}/"
    return merge_config(yaml.safe_load(SHARED_CONFIG.read_text(encoding="utf-8")), changes)


def write_language_configs(build_dir: Path, site_dir: Path, site_url: str = "", settings: SiteSettings | None = None) -> dict[str, Path]:
    """Write ``<build folder>/mkdocs.<lang>.yml`` for every language; language -> config path."""
    paths = {}
    for lang in LANGUAGES:
        config = get_language_config(lang, Path("docs", lang), site_dir / lang, site_url, settings)
        path = build_dir / f"mkdocs.{lang}.yml"
        text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths[lang] = path
    return paths


def get_source_date_epoch(newest: datetime.date | None) -> str:
    """MkDocs stamps sitemap.xml.gz with the build time unless SOURCE_DATE_EPOCH is set;
    the newest text's date keeps two builds of the same content byte-identical."""
    day = newest or datetime.date(1970, 1, 1)
    return str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp()))


SITE_GENERATORS = ("mkdocs", "zensical")
"""What builds the projects, chosen by ``SITE_GENERATOR`` (MkDocs unless set): MkDocs with
Material, or Zensical, its authors' successor, which reads the same configuration."""


def get_site_generator() -> str:
    generator = os.environ.get("SITE_GENERATOR", "") or "mkdocs"
    if generator not in SITE_GENERATORS:
        raise BuildError(f"SITE_GENERATOR is {generator!r}: it can be {' or '.join(SITE_GENERATORS)}")
    return generator


def uses_frames() -> bool:
    """Whether pages are filled in from frames (``generator.site.frames``): with MkDocs,
    unless ``SITE_FRAMES=off`` (every page built by MkDocs, for comparison). Zensical
    builds every page itself."""
    return get_site_generator() == "mkdocs" and os.environ.get("SITE_FRAMES", "") != "off"


def get_site_generator_command(generator: str, dirty: bool) -> list[str]:
    """The command line that builds one language's project, but for ``-f config``."""
    if generator == "zensical":
        # Zensical has no --dirty: it builds the whole language again (its own cache,
        # .cache/ in the build folder, spares it the unchanged pages' Markdown).
        return [sys.executable, "-m", "zensical", "build"]
    return [sys.executable, "-m", "mkdocs", "build", "-q", *(["--dirty"] if dirty else [])]


def write_zensical_configs(config_paths: dict[str, Path]) -> dict[str, tuple[Path, Path]]:
    """Zensical builds only inside its configuration's folder (0.0.73: "site_dir must be
    within project root"): each language's configuration again, ``zensical.<lang>.yml``,
    building into ``zensical/<lang>/`` of the build folder. Language -> (that
    configuration, the site folder the language is then moved to)."""
    staged = {}
    for lang, path in config_paths.items():
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
        destination = Path(config["site_dir"])
        config["site_dir"] = str(path.parent / "zensical" / lang)
        staged_path = path.with_name(f"zensical.{lang}.yml")
        staged_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        staged[lang] = (staged_path, destination)
    return staged


def move_site_folder(built: Path, destination: Path) -> None:
    """Put a language's folder that Zensical built in its place in the site (in an
    incremental build, over the one built before; the outputs are written again after)."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    os.replace(built, destination)


def run_site_builds(
    config_paths: dict[str, Path],
    newest: datetime.date | None,
    dirty: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Build every language's project at once, as subprocesses; any failure is a BuildError.

    ``dirty``: rebuild only the pages whose Markdown is newer than their HTML (``mkdocs
    build --dirty``), in place; the writer leaves unchanged Markdown untouched.
    ``progress(pages built, pages)``: called twice a second while MkDocs runs (MkDocs
    itself is quiet), counting the HTML pages written since the builds started.
    """
    generator = get_site_generator()
    staged = write_zensical_configs(config_paths) if generator == "zensical" else {}
    build_paths = {lang: staged[lang][0] if staged else path for lang, path in config_paths.items()}
    env = dict(os.environ, SOURCE_DATE_EPOCH=get_source_date_epoch(newest))
    command = get_site_generator_command(generator, dirty)
    started = time.time()
    children: dict[str, subprocess.Popen] = {}
    outputs: dict[str, tuple[str, str]] = {}
    try:
        # One at a time inside the try: a build stopped between two starts stops the first.
        for lang, path in build_paths.items():
            children[lang] = processes.start(
                [*command, "-f", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=path.parent
            )
        wait_for_builds(children, outputs, build_paths, started, progress)
    except BaseException:  # interrupted: no MkDocs goes on writing into a site being removed
        for child in children.values():
            processes.stop(child)
        raise
    report_messages(outputs, generator)
    failures = []
    for lang, process in children.items():
        stdout, stderr = outputs[lang]
        if process.returncode != 0:
            message = (stderr or stdout).strip().splitlines()
            failures.append(f"{generator} build of {lang!r} failed: {message[-1] if message else process.returncode}")
    if failures:
        raise BuildError("; ".join(failures), str(config_paths[next(iter(config_paths))].parent))
    for lang, (staged_path, destination) in staged.items():
        move_site_folder(staged_path.parent / "zensical" / lang, destination)


_TERMINAL_CODES = re.compile(r"\x1b\[[0-9;]*m")


def report_messages(outputs: dict[str, tuple[str, str]], generator: str) -> None:
    """What the ``generator``'s processes printed on stderr, in the build's log (not with
    ``--quiet``: nothing is wrong), once however many printed it: with MkDocs, Material's
    notice of its end of life (it names Zensical, which the site stage can move to:
    README, "Building with Zensical")."""
    seen = set()
    for _, stderr in outputs.values():
        message = _TERMINAL_CODES.sub("", stderr).strip()
        if message and message not in seen:
            seen.add(message)
            for line in message.splitlines():
                if line.strip():
                    logger.info(f"{generator}: {line.strip()}")


def wait_for_builds(
    children: dict[str, subprocess.Popen],
    outputs: dict[str, tuple[str, str]],
    config_paths: dict[str, Path],
    started: float,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Wait for the MkDocs ``children``, putting their (stdout, stderr) in ``outputs``."""
    # Each process's pipes are drained by a thread of its own, so that a chatty build
    # cannot fill a pipe and stall while this thread watches the progress.
    readers = [
        threading.Thread(target=lambda lang=lang, child=child: outputs.__setitem__(lang, child.communicate()), daemon=True)
        for lang, child in children.items()
    ]
    for reader in readers:
        reader.start()
    if progress:
        folders = [get_output_dirs(path) for path in config_paths.values()]
        total = sum(count_pages(docs_dir, ".md") for docs_dir, _ in folders)
        while any(reader.is_alive() for reader in readers):
            progress(sum(count_pages(site_dir, ".html", since=started) for _, site_dir in folders), total)
            for reader in readers:
                reader.join(0.5 / len(readers))
        progress(total, total)
    for reader in readers:
        reader.join()


def get_output_dirs(config_path: Path) -> tuple[Path, Path]:
    """(docs_dir, site_dir) of a per-language config written by ``write_language_configs``."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    return config_path.parent / config["docs_dir"], Path(config["site_dir"])


def count_pages(folder: Path, suffix: str, since: float = 0.0) -> int:
    """Files named ``*suffix`` under ``folder`` (modified after ``since``), by a cheap walk."""
    count = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            if name.endswith(suffix) and (not since or os.stat(os.path.join(directory, name)).st_mtime >= since):
                count += 1
    return count


def remove_mkdocs_not_found_pages(site_dir: Path) -> None:
    """Delete the 404.html MkDocs writes in each language's folder.

    Its URLs are absolute (``/assets/...``), since MkDocs cannot know where it will be
    served, and a static host serves only the root's 404.html: the root pages output
    writes that one, in every language.
    """
    for lang in LANGUAGES:
        (site_dir / lang / "404.html").unlink(missing_ok=True)
