"""Values a build computes from its corpus in several stages, computed once."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from generator.model import Corpus

T = TypeVar("T")


def per_corpus(function: Callable[[Corpus], T]) -> Callable[[Corpus], T]:
    """``function(corpus)``, computed again only for another corpus than last time (by
    identity: a Corpus is frozen). The value is shared by every caller: it must be
    immutable (tuples, a ``MappingProxyType``). At 20,000 texts the page list and the
    listings each took seconds, asked for by the render, fingerprint, search and feed
    stages over and over (bench/RESULTS.md)."""
    last: dict[str, Any] = {}
    lock = threading.Lock()  # the search indexes languages in threads (processes.run_at_once)

    @functools.wraps(function)
    def wrapper(corpus: Corpus) -> T:
        with lock:
            if last.get("corpus") is not corpus:
                last.clear()
                last["value"] = function(corpus)
                last["corpus"] = corpus
            return last["value"]

    return wrapper
