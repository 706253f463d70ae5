"""The two pages at the root of the site, beside the language folders: the language
choice (``index.html``) and the one 404 page a static host serves (``404.html``).

Both speak every language at once (a reader there has not chosen one yet): the first
language's strings first, each other language's marked with its ``lang``.
"""

from __future__ import annotations

from html import escape

from generator.languages import LANGUAGES, get_language
from generator.model import SiteSettings
from generator.outputs import Output, OutputContext
from generator.outputs.branding import get_asset_path
from generator.render.strings import _, get_gettext, get_site_name

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

NOT_FOUND = _("Page not found")
NOT_FOUND_TEXT = _("This page does not exist. The resolutions are here:")


def in_every_language(message: str) -> list[str]:
    """``message`` translated into each language, in the order of the languages."""
    return [get_gettext(lang)(message) for lang in LANGUAGES]


def render_in_every_language(message: str, heading: str = "", translations: list[str] | None = None) -> str:
    """The first language's ``message`` (in ``<heading>`` if given, else ``<p>``), then
    each other language's in a ``<p lang>``; ``translations``: the message in each
    language, where it is not a catalog's."""
    first, *others = translations or in_every_language(message)
    lines = [f"<{heading}>{escape(first)}</{heading}>" if heading else f"<p>{escape(first)}</p>"]
    lines += [f'<p lang="{lang}">{escape(translated)}</p>' for lang, translated in zip(LANGUAGES[1:], others, strict=True)]
    return "\n".join(lines)


def render_language_items(root: str = "", attributes: str = "") -> str:
    """One link a language, to its home, named in that language."""
    return "\n".join(
        f'<li><a href="{root}{lang}/" hreflang="{lang}" lang="{lang}"{attributes}>{escape(get_language(lang).name)}</a></li>'
        for lang in LANGUAGES
    )


def get_site_names(settings: SiteSettings) -> list[str]:
    """The site's name in each language, each once (a name the same in every language is one)."""
    return list(dict.fromkeys(get_site_name(settings, lang) for lang in LANGUAGES))


def render_favicon(settings: SiteSettings, root: str) -> str:
    """The operator's favicon, at ``root`` (the site's root as the page links it); "" without one."""
    if not settings.favicon:
        return ""
    return f'<link rel="icon" href="{escape(root)}{LANGUAGES[0]}/{escape(get_asset_path(settings.favicon))}">\n'


def render_language_choice(settings: SiteSettings) -> str:
    """``site/index.html``: a link a language; with JavaScript, the browser's language decides."""
    names = [get_site_name(settings, lang) for lang in LANGUAGES]
    alternates = "\n".join(f'<link rel="alternate" hreflang="{lang}" href="{lang}/">' for lang in LANGUAGES)
    languages = ", ".join(f'"{lang}"' for lang in LANGUAGES)
    return f"""<!doctype html>
<html lang="{LANGUAGES[0]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(" · ".join(get_site_names(settings)))}</title>
{alternates}
{render_favicon(settings, "")}<style>{ROOT_STYLE}</style>
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
{render_in_every_language("", "h1", names)}
<ul>
{render_language_items()}
</ul>
</main>
</body>
</html>
"""


def render_not_found(site_url: str = "", settings: SiteSettings | None = None) -> str:
    """``site/404.html``: GitHub Pages serves it for every unknown path, at any depth.

    Its links are written for the site root (``en/``, ``fr/``); served deeper, a small
    script re-bases them on the part of the path before the language folder. Without
    JavaScript, from a deep path, the reader still gets the message. A deployment that
    knows its URL (``SITE_URL``) gets absolute links, right from any depth.
    """
    root = f"{escape(site_url.rstrip('/'))}/" if site_url else ""
    favicon = render_favicon(settings, f"{site_url.rstrip('/')}/") if settings and site_url else ""
    languages = "|".join(LANGUAGES)
    return f"""<!doctype html>
<html lang="{LANGUAGES[0]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(" · ".join(in_every_language(NOT_FOUND)))}</title>
{favicon}<style>{ROOT_STYLE}</style>
</head>
<body>
<main>
<h1>{escape(in_every_language(NOT_FOUND)[0])}</h1>
{render_in_every_language(NOT_FOUND_TEXT)}
<ul>
{render_language_items(root, " data-language-home")}
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


def get_root_files(context: OutputContext, lang: str | None) -> dict[str, bytes]:
    return {
        "index.html": render_language_choice(context.corpus.settings).encode("utf-8"),
        "404.html": render_not_found(context.site_url, context.corpus.settings).encode("utf-8"),
    }


OUTPUT = Output("root pages", get_root_files, per_language=False)
