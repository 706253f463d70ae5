from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import build_site_from_corpus
from tests.corpus_fixtures import make_sample_corpus
from tests.hostile import make_hostile_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sample_corpus():
    return make_sample_corpus()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, sample_corpus) -> Path:
    """The sample corpus built once with MkDocs (both languages)."""
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    build_site_from_corpus(sample_corpus, site_dir)
    return site_dir


@pytest.fixture(scope="session")
def hostile_corpus():
    return make_hostile_corpus()


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, hostile_corpus) -> Path:
    site_dir = tmp_path_factory.mktemp("hostile") / "site"
    build_site_from_corpus(hostile_corpus, site_dir)
    return site_dir
