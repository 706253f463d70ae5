"""``site.yml``, the site's settings (generator.read.site_settings): every key read, and
every mistake one line naming the file and the key's line, exit status 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.model import SiteSettings
from generator.read.site_settings import read_site_settings
from generator.urls import EP_DOCUMENT_PAGE
from tests.hostile.tools import run_generator
from tests.paths import CONTENT

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'

SETTINGS = """\
# An NGO's site.
name:
  en: NGO Watch
  fr: Veille ONG
description: What the Parliament resolved, paragraph by paragraph.
url: https://ngo.example/resolutions
logo: images/logo.svg
favicon: images/icon.png
footer: "© NGO Watch — contact@ngo.example"
sources:
  page: https://docs.example/{document}/{lang}
  pdf: ""
  procedure: https://procedures.example/?ref={procedure}&l={LANG}
"""


def write_content(folder: Path, settings: str) -> Path:
    (folder / "images").mkdir(parents=True, exist_ok=True)
    (folder / "images" / "logo.svg").write_bytes(SVG)
    (folder / "images" / "icon.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "site.yml").write_text(settings, encoding="utf-8")
    return folder


def test_every_key_is_read(tmp_path):
    settings = read_site_settings(write_content(tmp_path, SETTINGS))
    assert settings.name == {"en": "NGO Watch", "fr": "Veille ONG"}
    assert settings.description == dict.fromkeys(("en", "fr"), "What the Parliament resolved, paragraph by paragraph.")
    assert settings.url == "https://ngo.example/resolutions/"
    assert settings.logo is not None
    assert (settings.logo.name, settings.logo.path, settings.logo.data) == ("logo.svg", "images/logo.svg", SVG)
    assert settings.favicon is not None and settings.favicon.name == "favicon.png"
    assert settings.footer["fr"] == "© NGO Watch — contact@ngo.example"
    assert (settings.official_page, settings.official_pdf) == ("https://docs.example/{document}/{lang}", "")
    assert settings.procedure_file == "https://procedures.example/?ref={procedure}&l={LANG}"


def test_without_a_file_or_a_key_the_defaults_are_the_bundled_sites(tmp_path):
    assert read_site_settings(tmp_path) == SiteSettings()
    assert read_site_settings(write_content(tmp_path, "# nothing yet\n")) == SiteSettings()
    assert read_site_settings(write_content(tmp_path, "name: X\n")).official_page == EP_DOCUMENT_PAGE
    assert read_site_settings(CONTENT) == SiteSettings()  # the bundled site is the default one


@pytest.mark.parametrize(
    "settings, line, complaint",
    [
        ("nmae: X\n", 1, "nmae: unknown key 'nmae'; known keys: description, favicon, footer, logo, name, sources, url"),
        ("- name\n", 1, "expected a mapping of keys"),
        ("name: [A, B]\n", 1, "name: expected a text, or one text per language (en, fr)"),
        ("name:\n  en: A\n  de: B\n", 3, "name: de: unknown language 'de'; the site's languages: en, fr"),
        ("footer:\n  fr: {a: 1}\n", 2, "footer: fr: expected a text"),
        ("description: " + "x" * 501 + "\n", 1, "description: 501 characters: at most 500"),
        ("url: ftp://ngo.example/\n", 1, "url: expected the site's http(s):// address"),
        ("url: https://ngo.example/?page=1\n", 1, "url: expected the site's http(s):// address"),
        ("# the logo\n\nlogo: /etc/logo.svg\n", 3, "logo: expected the path of a file inside the content folder"),
        ("logo: ../logo.svg\n", 1, "logo: expected the path of a file inside the content folder"),
        ("logo: images/missing.svg\n", 1, "logo: no file"),
        ("favicon: images/logo.svg.txt\n", 1, "favicon: expected an image file (.ico, .png, .svg)"),
        ("logo: images\n", 1, "logo: expected an image file"),
        ("sources: https://x.example/\n", 1, "sources: expected a mapping of page, pdf, procedure to URL patterns"),
        ("sources:\n  pages: https://x.example/\n", 2, "sources: pages: unknown key 'pages'"),
        ("sources:\n  page: javascript:alert(1)\n", 2, "sources: page: expected an http(s):// URL pattern"),
        ("sources:\n  pdf: https://x.example/{doc}.pdf\n", 2, "sources: pdf: unknown placeholder {doc}"),
        ("sources:\n  procedure: https://x.example/{document}\n", 2, "sources: procedure: unknown placeholder {document}"),
        ("sources:\n  page: https://x.example/{document!r}\n", 2, "sources: page: unknown placeholder {document}"),
        ("sources:\n  page: https://x.example/{\n", 2, "sources: page: Single '{' encountered in format string"),
        ("name: [\n", 2, "invalid YAML"),
    ],
)
def test_a_mistake_names_the_file_and_the_line(tmp_path, settings, line, complaint):
    content = write_content(tmp_path, settings)
    with pytest.raises(InputError) as raised:
        read_site_settings(content)
    assert (raised.value.path, raised.value.line) == (str(content / "site.yml"), line)
    assert raised.value.message.startswith(complaint), raised.value.message


def test_a_logo_outside_the_content_folder_is_refused(tmp_path):
    content = write_content(tmp_path / "content", "logo: images/elsewhere.svg\n")
    (tmp_path / "elsewhere.svg").write_bytes(SVG)
    (content / "images" / "elsewhere.svg").symlink_to(tmp_path / "elsewhere.svg")
    with pytest.raises(InputError, match="outside the content folder"):
        read_site_settings(content, content.resolve())


@pytest.mark.parametrize("command", ["build", "check"])
def test_the_commands_say_it_in_one_line_and_exit_2(tmp_path, command):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "site.yml").write_text("name: Watch\nurl: not a url\n", encoding="utf-8")
    args = ["--site-dir", str(tmp_path / "site")] if command == "build" else []
    result = run_generator(command, "--content", str(content), *args)
    where, problem = f"{content / 'site.yml'}:2", "url: expected the site's http(s):// address, got 'not a url'"
    if command == "check":
        assert result.returncode == 1 and result.stdout.splitlines()[0] == f"{where}: error: {problem}"
    else:
        errors = [line for line in result.stderr.splitlines() if not line.startswith("INFO")]
        assert result.returncode == 2 and errors == [f"error: {where}: {problem}"], result.stderr
        assert not (tmp_path / "site").exists()


def test_the_bundled_example_says_the_defaults(tmp_path):
    """content/site.yml is every key commented out; uncommented, it is the bundled site."""
    lines = (CONTENT / "site.yml").read_text(encoding="utf-8").splitlines()
    settings = [
        line[2:] for line in lines if line.startswith("# ") and (line.startswith("#   ") or line[2:].split(":")[0].isidentifier())
    ]
    examples_only = ("url:", "logo:", "favicon:", "footer:", "  en: Pub", "  fr: Pub")  # no default to uncomment
    uncommented = "\n".join(line for line in settings if not line.startswith(examples_only))
    assert read_site_settings(write_content(tmp_path, uncommented + "\n")) == SiteSettings(
        name={"en": "Parliamentary resolutions", "fr": "Résolutions parlementaires"},
        description={
            "en": "Resolutions and motions for resolutions, in English and French, with a permalink to every paragraph.",
            "fr": "Résolutions et propositions de résolution, en français et en anglais, avec un lien permanent vers chaque paragraphe.",
        },
    )


def test_the_readme_example_reads(tmp_path):
    import re
    import textwrap

    from tests.paths import ROOT

    example = re.search(r"```yaml\n(.+?)\n *```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    assert example
    content = write_content(tmp_path, "")
    (content / "images" / "favicon.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (content / "site.yml").write_text(textwrap.dedent(example[1]), encoding="utf-8")
    settings = read_site_settings(content)
    assert settings.name == {"en": "NGO Watch", "fr": "Veille ONG"} and settings.url == "https://ngo.example/resolutions/"
    assert settings.official_page == EP_DOCUMENT_PAGE
