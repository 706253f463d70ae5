"""The site stage: one MkDocs project per language, built concurrently, and the root pages.

Why one project per language: see DESIGN.md section 6. Each language's project
(``build/mkdocs.<lang>.yml``) INHERITs the top-level ``mkdocs.yml`` and changes only
what differs. MkDocs runs as a subprocess (``python -m mkdocs build``), its public
interface, so nothing of its internals is patched or imported here.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import threading
import time
from html import escape
from pathlib import Path
from typing import Callable

import yaml

from generator.errors import BuildError
from generator.render.strings import LANGUAGE_NAMES
from generator.model import LANGUAGES
from generator.render.pages import get_interface_strings
from generator.outputs.search import get_search_strings

SITE_PACKAGE_DIR = Path(__file__).resolve().parent
"""Where the shared ``mkdocs.yml``, the theme and the hook are: package data, so that a
plain ``pip install`` builds."""

SHARED_CONFIG = SITE_PACKAGE_DIR / "mkdocs.yml"
THEME_OVERRIDES = SITE_PACKAGE_DIR / "theme"
MKDOCS_HOOK = SITE_PACKAGE_DIR / "hook.py"


def get_language_config(lang: str, docs_dir: Path, site_dir: Path, site_url: str = "") -> dict:
    """The per-language MkDocs configuration: only what differs from ``mkdocs.yml``."""
    strings = get_interface_strings(lang)
    config = {
        "INHERIT": str(SHARED_CONFIG),
        "site_name": strings["site_name"],
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        # Relative paths in an inherited file resolve against the inheriting file,
        # which lives in build/; the shared custom_dir is therefore given absolute.
        "theme": {"language": lang, "custom_dir": str(THEME_OVERRIDES)},
        # Unwraps the raw HTML blocks the renderer wraps in comments (generator.render.pages).
        "hooks": [str(MKDOCS_HOOK)],
        "nav": [
            {strings["home"]: "index.md"},
            {strings["resolutions"]: "resolutions/index.md"},
            {strings["people"]: "meps/index.md"},
        ],
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
    if site_url:
        # Only a deployment that knows its URL gets absolute sitemap entries.
        config["site_url"] = f"{site_url.rstrip('/')}/{lang}/"
    return config


def write_language_configs(build_dir: Path, site_dir: Path, site_url: str = "") -> dict[str, Path]:
    """Write ``build/mkdocs.<lang>.yml`` for every language; language -> config path."""
    paths = {}
    for lang in LANGUAGES:
        config = get_language_config(lang, build_dir / "docs" / lang, site_dir / lang, site_url)
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
    return str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp()))


def run_mkdocs_builds(
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
    env = dict(os.environ, SOURCE_DATE_EPOCH=get_source_date_epoch(newest))
    options = ["--dirty"] if dirty else []
    started = time.time()
    processes = {
        lang: subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", *options, "-f", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=path.parent,
        )
        for lang, path in config_paths.items()
    }
    outputs: dict[str, tuple[str, str]] = {}
    # Each process's pipes are drained by a thread of its own, so that a chatty build
    # cannot fill a pipe and stall while this thread watches the progress.
    readers = [
        threading.Thread(target=lambda lang=lang, process=process: outputs.__setitem__(lang, process.communicate()))
        for lang, process in processes.items()
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
    failures = []
    for lang, process in processes.items():
        stdout, stderr = outputs[lang]
        if process.returncode != 0:
            message = (stderr or stdout).strip().splitlines()
            failures.append(f"mkdocs build of {lang!r} failed: {message[-1] if message else process.returncode}")
    if failures:
        raise BuildError("; ".join(failures), str(config_paths[next(iter(config_paths))].parent))


def get_output_dirs(config_path: Path) -> tuple[Path, Path]:
    """(docs_dir, site_dir) of a per-language config written by ``write_language_configs``."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    return Path(config["docs_dir"]), Path(config["site_dir"])


def count_pages(folder: Path, suffix: str, since: float = 0.0) -> int:
    """Files named ``*suffix`` under ``folder`` (modified after ``since``), by a cheap walk."""
    count = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            if name.endswith(suffix) and (not since or os.stat(os.path.join(directory, name)).st_mtime >= since):
                count += 1
    return count


ROOT_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;min-height:100vh;
display:flex;align-items:center;justify-content:center;background:#f5f7f7;color:#1f2933}
main{max-width:32rem;padding:2rem;text-align:center}
h1{font-size:1.5rem;font-weight:600;margin:0 0 .5rem}
p{margin:.25rem 0 1.5rem;color:#52606d}
ul{list-style:none;padding:0;display:flex;gap:1rem;justify-content:center;flex-wrap:wrap}
a{display:inline-block;padding:.75rem 1.5rem;border-radius:.4rem;background:#00796b;color:#fff;
text-decoration:none;font-weight:600}
a:focus,a:hover{background:#004d40}
""".strip()


def render_language_choice() -> str:
    """``site/index.html``: two plain links; with JavaScript, the browser's language decides."""
    items = "\n".join(
        f'<li><a href="{lang}/" hreflang="{lang}" lang="{lang}">{escape(LANGUAGE_NAMES[lang])}</a></li>'
        for lang in LANGUAGES
    )
    languages = ", ".join(f'"{lang}"' for lang in LANGUAGES)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Parliamentary resolutions · Résolutions parlementaires</title>
<link rel="alternate" hreflang="en" href="en/">
<link rel="alternate" hreflang="fr" href="fr/">
<style>{ROOT_STYLE}</style>
<script>
// Follow the browser's preferred language; without JavaScript the links below remain.
(function () {{
  var offered = [{languages}];
  var wanted = (navigator.languages || [navigator.language || ""]).map(function (l) {{ return String(l).slice(0, 2).toLowerCase(); }});
  var choice = wanted.filter(function (l) {{ return offered.indexOf(l) >= 0; }})[0] || offered[0];
  location.replace(choice + "/" + location.hash);
}})();
</script>
</head>
<body>
<main>
<h1>Parliamentary resolutions</h1>
<p lang="fr">Résolutions parlementaires</p>
<ul>
{items}
</ul>
</main>
</body>
</html>
"""


def render_not_found(site_url: str = "") -> str:
    """``site/404.html``: GitHub Pages serves it for every unknown path, at any depth.

    Its links are written for the site root (``en/``, ``fr/``); served deeper, a small
    script re-bases them on the part of the path before ``/en/`` or ``/fr/``. Without
    JavaScript, from a deep path, the reader still gets both messages. A deployment that
    knows its URL (``SITE_URL``) gets absolute links, right from any depth.
    """
    root = f"{escape(site_url.rstrip('/'))}/" if site_url else ""
    items = "\n".join(
        f'<li><a href="{root}{lang}/" hreflang="{lang}" lang="{lang}" data-language-home>{escape(LANGUAGE_NAMES[lang])}</a></li>'
        for lang in LANGUAGES
    )
    languages = "|".join(LANGUAGES)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>Page not found · Page introuvable</title>
<style>{ROOT_STYLE}</style>
</head>
<body>
<main>
<h1>Page not found</h1>
<p>This page does not exist. The resolutions are here:</p>
<p lang="fr">Cette page n’existe pas. Les résolutions sont ici :</p>
<ul>
{items}
</ul>
</main>
<script>
// The site may live under a prefix (https://user.github.io/repo/): the root is what
// precedes the language folder in the requested path.
(function () {{
  var match = location.pathname.match(/^(.*?\\/)({languages})(\\/|$)/);
  if (!match) return;
  document.querySelectorAll("a[data-language-home]").forEach(function (link) {{
    link.href = match[1] + link.getAttribute("hreflang") + "/";
  }});
}})();
</script>
</body>
</html>
"""


def write_root_pages(site_dir: Path, site_url: str = "") -> None:
    """Write the root's language choice and 404 page.

    MkDocs also writes a 404.html per language, with absolute (``/assets/...``) URLs
    since it cannot know where it will be served; a static host serves only the root's
    404.html, so those are removed and ours, bilingual, is the one.
    """
    for lang in LANGUAGES:
        (site_dir / lang / "404.html").unlink(missing_ok=True)
    # Written only when changed, so that an incremental build leaves them untouched.
    for name, html in (("index.html", render_language_choice()), ("404.html", render_not_found(site_url))):
        path = site_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != html:
            path.write_text(html, encoding="utf-8")
