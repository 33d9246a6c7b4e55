"""Attribution lens: the cues that tie content to a source, with their stance.

(Stub: being written.)
"""

from __future__ import annotations

from ..spans import Span

LAYER = "attribution_cue"


def find(article, found) -> list[Span]:
    return []
