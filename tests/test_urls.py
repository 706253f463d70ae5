"""Where pages are and the relative links between them (generator.urls)."""

import pytest

from generator.urls import get_language_url, get_page_url, get_relative_url


@pytest.mark.parametrize(
    "from_path, to_path, expected",
    [
        ("index.md", "resolutions/index.md", "resolutions/"),
        ("index.md", "resolutions/a.md", "resolutions/a/"),
        ("resolutions/a.md", "resolutions/b.md", "../b/"),
        ("resolutions/a.md", "meps/p.md", "../../meps/p/"),
        ("resolutions/index.md", "resolutions/a.md", "a/"),
        ("meps/p.md", "index.md", "../../"),
        ("resolutions/a.md", "resolutions/a.md", "./"),
    ],
)
def test_relative_urls(from_path, to_path, expected):
    assert get_relative_url(from_path, to_path) == expected


def test_language_urls():
    assert get_page_url("resolutions/a.md") == "resolutions/a/"
    assert get_language_url("resolutions/a.md", "fr") == "../../../fr/resolutions/a/"
    assert get_language_url("index.md", "fr") == "../fr/"
    assert get_language_url("meps/index.md", "en") == "../../en/meps/"
