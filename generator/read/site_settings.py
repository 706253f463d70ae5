"""``site.yml``: the settings of the site as a whole (its name, logo, address, the patterns
of official URLs, a footer notice), read into a ``SiteSettings``.

The file is optional and so is each key; what it does not say is the bundled site's
(``SiteSettings``' defaults). It lives in the content folder, beside the texts it
publishes: one folder is one site, which ``--content`` names, and ``check`` reads it with
the rest. A mistake is an InputError naming the file and the line of the key.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from generator.errors import InputError
from generator.languages import LANGUAGES
from generator.model import SiteAsset, SiteSettings
from generator.read.files import is_inside, read_input_file
from generator.read.side_files import KeyLines, describe_value, is_text, load_yaml_with_lines
from generator.urls import PROCEDURE_PLACEHOLDERS, TEXT_PLACEHOLDERS

SETTINGS_FILE = "site.yml"
"""Its name in the content folder."""

TEXT_KEYS = ("name", "description", "footer")
"""Keys whose value is a text for every language, or one text per language."""
ASSET_SUFFIXES = {
    "logo": (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif"),
    "favicon": (".ico", ".png", ".svg"),
}
"""Keys whose value is an image of the content folder, and the kinds of file each may be."""
SOURCE_KEYS = {
    "page": ("official_page", TEXT_PLACEHOLDERS),
    "pdf": ("official_pdf", TEXT_PLACEHOLDERS),
    "procedure": ("procedure_file", PROCEDURE_PLACEHOLDERS),
}
"""``sources:`` key -> the SiteSettings field it sets, and the placeholders its pattern may name."""
KEYS = ("url", "sources", *TEXT_KEYS, *ASSET_SUFFIXES)

MAX_TEXT_LENGTH = 500
"""A name, description or footer notice is a line or two."""

SITE_URL_RE = re.compile(r"^https?://[^\s/?#]+(?:/[^\s?#]*)?$", re.IGNORECASE)
"""An http(s) address of a folder, without query or fragment."""


class SettingsReader:
    """Reads the values of one settings file, each error naming the file and the key's line."""

    def __init__(self, path: Path, lines: KeyLines):
        self.path = path
        self.lines = lines

    def error(self, message: str, *keys: str) -> InputError:
        line = self.lines.get(keys) or self.lines.get(keys[:1]) if keys else None
        return InputError(f"{': '.join(keys)}: {message}" if keys else message, str(self.path), line or 1)

    def check_keys(self, data: Mapping[Any, Any], known: tuple[str, ...], *where: str) -> None:
        for key in data:
            if key not in known:
                raise self.error(f"unknown key {describe_value(key)}; known keys: {', '.join(sorted(known))}", *where, str(key))

    def read_texts(self, value: object, key: str) -> dict[str, str]:
        """A text for every language, or ``{en: text, fr: text}``."""
        if value is None:
            return {}
        if is_text(value):
            return dict.fromkeys(LANGUAGES, self.check_text(value, key))
        if not isinstance(value, dict):
            raise self.error(f"expected a text, or one text per language ({', '.join(LANGUAGES)}), got {describe_value(value)}", key)
        texts = {}
        for lang, text in value.items():
            if lang not in LANGUAGES:
                raise self.error(f"unknown language {describe_value(lang)}; the site's languages: {', '.join(LANGUAGES)}", key, str(lang))
            if text is not None:
                texts[lang] = self.check_text(text, key, lang)
        return texts

    def check_text(self, value: object, *keys: str) -> str:
        if not is_text(value):
            raise self.error(f"expected a text, got {describe_value(value)}", *keys)
        text = " ".join(str(value).split())
        if len(text) > MAX_TEXT_LENGTH:
            raise self.error(f"{len(text)} characters: at most {MAX_TEXT_LENGTH}", *keys)
        return text

    def read_url(self, value: object) -> str:
        if value is None or value == "":
            return ""
        if not is_text(value) or not SITE_URL_RE.match(str(value).strip()):
            raise self.error(f"expected the site's http(s):// address, got {describe_value(value)}", "url")
        url = str(value).strip()
        return url if url.endswith("/") else url + "/"

    def read_asset(self, value: object, key: str, content_dir: Path, root: Path | None) -> SiteAsset | None:
        """An image of the content folder, by its path relative to the folder."""
        if value is None or value == "":
            return None
        suffixes = ASSET_SUFFIXES[key]
        relative = PurePosixPath(str(value)) if isinstance(value, str) else None
        if relative is None or relative.is_absolute() or ".." in relative.parts or not relative.name:
            raise self.error(f"expected the path of a file inside the content folder, got {describe_value(value)}", key)
        if relative.suffix.lower() not in suffixes:
            raise self.error(f"expected an image file ({', '.join(suffixes)}), got {describe_value(value)}", key)
        path = content_dir / relative
        if not os.path.lexists(path):
            raise self.error(f"no file {path}", key)
        if root is not None and not is_inside(path, root):
            raise self.error(f"{path} is outside the content folder {root}: only files inside it are read", key)
        try:
            data, _ = read_input_file(path, root)
        except InputError as error:
            raise self.error(f"{path}: {error.message}", key) from None
        return SiteAsset(name=f"{key}{relative.suffix.lower()}", path=relative.as_posix(), data=data)

    def read_sources(self, value: object) -> dict[str, str]:
        """``sources:``: the URL patterns, by SiteSettings field; a pattern given as "" or
        null turns those links off."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.error(f"expected a mapping of {', '.join(SOURCE_KEYS)} to URL patterns", "sources")
        self.check_keys(value, tuple(SOURCE_KEYS), "sources")
        patterns = {}
        for key, pattern in value.items():
            field_name, placeholders = SOURCE_KEYS[key]
            patterns[field_name] = self.check_pattern(pattern, placeholders, "sources", key)
        return patterns

    def check_pattern(self, pattern: object, placeholders: tuple[str, ...], *keys: str) -> str:
        """An http(s) URL in which only ``placeholders`` stand in braces (``{document}``)."""
        if pattern is None or pattern == "":
            return ""
        if not isinstance(pattern, str) or not SITE_URL_RE.match(pattern.split("?")[0]):
            raise self.error(f"expected an http(s):// URL pattern, got {describe_value(pattern)}", *keys)
        try:
            fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(pattern) if name is not None]
        except ValueError as error:
            message = f"{error} in {describe_value(pattern)} (a brace of the URL itself is written twice)"
            raise self.error(message, *keys) from None
        for name, spec, conversion in fields:
            if name not in placeholders or spec or conversion:
                known = ", ".join(f"{{{p}}}" for p in placeholders)
                raise self.error(f"unknown placeholder {{{name}}} in {describe_value(pattern)}; known: {known}", *keys)
        return pattern


def read_site_settings(content_dir: Path, root: Path | None = None) -> SiteSettings:
    """The settings of ``content_dir/site.yml``; an absent file gives the defaults."""
    path = content_dir / SETTINGS_FILE
    if not os.path.lexists(path):
        return SiteSettings()
    data, lines = load_yaml_with_lines(path, root)
    reader = SettingsReader(path, lines)
    if data is None:
        return SiteSettings()
    if not isinstance(data, dict):
        raise reader.error(f"expected a mapping of keys ({', '.join(KEYS)})")
    reader.check_keys(data, KEYS)
    texts = {key: reader.read_texts(data.get(key), key) for key in TEXT_KEYS}
    return SiteSettings(
        name=texts["name"],
        description=texts["description"],
        footer=texts["footer"],
        url=reader.read_url(data.get("url")),
        logo=reader.read_asset(data.get("logo"), "logo", content_dir, root),
        favicon=reader.read_asset(data.get("favicon"), "favicon", content_dir, root),
        **reader.read_sources(data.get("sources")),
    )


def get_settings_files(settings: SiteSettings) -> tuple[str, ...]:
    """The names at the top of the content folder that the settings read: the file
    itself and the first folder (or file) of each image it names."""
    assets = [asset for asset in (settings.logo, settings.favicon) if asset]
    return (SETTINGS_FILE, *(PurePosixPath(asset.path).parts[0] for asset in assets))
