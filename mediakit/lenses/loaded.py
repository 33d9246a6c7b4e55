"""Loaded-language lens: words in the writer's own voice that carry judgement.

(Stub: being written.)
"""

from __future__ import annotations

from ..spans import Span

LAYER = "loaded"


def find(article, found) -> list[Span]:
    return []
