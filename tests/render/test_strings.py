"""The interface strings: the catalogs in the repository are complete and compile."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

import generator
from generator.render.strings import LOCALES_DIR, get_gettext


def read_catalog(path):
    with path.open("rb") as stream:
        return read_po(stream)


def test_every_msgid_has_a_french_translation():
    template = read_catalog(LOCALES_DIR / "messages.pot")
    french = read_catalog(LOCALES_DIR / "fr" / "LC_MESSAGES" / "messages.po")
    msgids = [message.id for message in template if message.id]
    assert msgids, "empty template"
    missing = [msgid for msgid in msgids if msgid not in french or not french[msgid].string]
    assert missing == [], "untranslated (see generator/render/strings.py for the update commands)"


def test_french_catalog_has_no_obsolete_or_fuzzy_entries():
    french = read_catalog(LOCALES_DIR / "fr" / "LC_MESSAGES" / "messages.po")
    assert not french.obsolete
    assert not [m.id for m in french if m.id and m.fuzzy]


def test_template_is_up_to_date_with_the_code():
    """Every _("...") in the generator is in the template (run pybabel extract if not)."""
    from babel.messages.extract import extract_from_dir

    extracted = {message[2] for message in extract_from_dir(str(Path(generator.__file__).parent))}
    template = {m.id for m in read_catalog(LOCALES_DIR / "messages.pot") if m.id}
    assert extracted == template


def test_compiled_translations():
    assert get_gettext("fr")("Recitals") == "Considérants"
    assert get_gettext("en")("Recitals") == "Recitals"
    assert get_gettext("fr")("Copy link") == "Copier le lien"
