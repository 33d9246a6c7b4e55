"""The lenses, one module each, run in a fixed order.

Each lens module has ``LAYER`` (its layer name, one of :data:`mediakit.spans.LAYERS`)
and ``find(article, found) -> list[Span]``. ``found`` maps the layer names of the
lenses that ran before to their spans, so a later lens can build on an earlier one
(``loaded`` knows which words sit inside quotes; ``claim`` knows which sentences are
attributed). A lens never changes the article and never changes ``found``.

>>> [lens.LAYER for lens in LENSES] == list(LAYERS)
True
"""

from __future__ import annotations

from types import MappingProxyType

from ..spans import LAYERS, Span, sort_key
from . import attribution, claims, furniture, headline, hedges, loaded, provenance, quotes, sources

#: The lenses in the order they run. Later lenses read what earlier ones found.
LENSES = (furniture, quotes, attribution, sources, loaded, hedges, claims, headline, provenance)


def run(article, layers=None) -> dict[str, tuple[Span, ...]]:
    """Run the lenses on ``article``; return ``{layer: spans}`` in document order.

    ``layers`` limits the run to those layers and the ones they depend on (all
    earlier lenses run anyway, as later ones read them).
    """
    found: dict[str, tuple[Span, ...]] = {}
    last = max((LAYERS.index(x) for x in layers), default=-1) if layers else len(LAYERS) - 1
    for lens in LENSES[: last + 1]:
        spans = lens.find(article, MappingProxyType(found))
        for s in spans:
            if s.layer != lens.LAYER or article.text[s.start : s.end] != s.text:
                raise AssertionError(f"lens {lens.__name__} produced a span that does not index the text: {s!r}")
        found[lens.LAYER] = tuple(sorted(spans, key=sort_key))
    return found
