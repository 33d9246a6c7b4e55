"""The one record every lens produces: a :class:`Span` of the article's text.

A span points into ``article.text`` by code-point offsets (``start`` inclusive,
``end`` exclusive) and always satisfies ``article.text[span.start:span.end] == span.text``.

>>> s = Span("loaded", "label", 4, 12, "dictator", "A label judges the person.")
>>> s.text, s.end - s.start
('dictator', 8)
>>> s.with_meta(category="label").get("category")
'label'
>>> s.get("missing", "none")
'none'
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ._record import FrozenRecord

#: The layers, in the order the lenses run. These names are part of the JSON contract.
LAYERS = (
    "furniture",
    "quote",
    "attribution_cue",
    "source",
    "loaded",
    "hedge",
    "claim",
    "headline",
    "provenance",
)


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, tuple):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple):
        # (the test in line spares a call per plain value: a corpus run thaws every span's meta)
        return [_thaw(v) if isinstance(v, tuple) else v for v in value]
    return value


@dataclass(frozen=True, order=False)
class Span:
    """A piece of the article that a lens marked.

    ``layer`` is one of :data:`LAYERS`; ``label`` is the lens's finer category (for
    ``loaded``: ``label``, ``loaded_adjective`` ...; for ``source``: ``named_person`` ...).
    ``explanation`` says what the device does to a reader; ``alternative`` offers a
    neutral wording where one applies. ``meta`` holds extra facts as a sorted tuple of
    ``(key, value)`` pairs (so that spans stay hashable and immutable): links between
    spans are given as ``(start, end)`` pairs of offsets.
    """

    layer: str
    label: str
    start: int
    end: int
    text: str
    explanation: str = ""
    alternative: str = ""
    meta: tuple = field(default=(), compare=True)

    def get(self, key: str, default: Any = None) -> Any:
        """The value stored under ``key`` in ``meta``, or ``default``."""
        for k, v in self.meta:
            if k == key:
                return v
        return default

    def with_meta(self, **values: Any) -> Span:
        """A new span with ``values`` added to (or replacing keys in) ``meta``."""
        merged = dict(self.meta)
        merged.update({k: _freeze(v) for k, v in values.items()})
        return replace(self, meta=tuple(sorted(merged.items())))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether this span shares at least one character with ``[start, end)``."""
        return self.start < end and start < self.end

    def inside(self, start: int, end: int) -> bool:
        """Whether this span lies wholly within ``[start, end)``."""
        return start <= self.start and self.end <= end

    def to_dict(self) -> dict:
        """The span as the JSON contract writes it."""
        d = {
            "layer": self.layer,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "explanation": self.explanation,
        }
        if self.alternative:
            d["alternative"] = self.alternative
        if self.meta:
            d["meta"] = {k: _thaw(v) if isinstance(v, tuple) else v for k, v in self.meta}
        return d


def make_span(
    text: str, layer: str, label: str, start: int, end: int, explanation: str = "", alternative: str = "", **meta: Any
) -> Span:
    """Build a span from the full text and offsets, so its ``text`` always matches.

    >>> make_span("a daring move", "loaded", "loaded_adjective", 2, 8).text
    'daring'
    """
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"span offsets {start}..{end} fall outside a text of {len(text)} characters")
    # The meta tuple is built here (as :meth:`Span.with_meta` would), so that one Span is made, not two.
    frozen = tuple(sorted((k, _freeze(v)) for k, v in meta.items())) if meta else ()
    return Span(layer, label, start, end, text[start:end], explanation, alternative, frozen)


def sort_key(span: Span) -> tuple:
    """Document order: by start, longer first, then by layer order."""
    return (span.start, -span.end, _LAYER_ORDER.get(span.layer, len(LAYERS)), span.label, span.text)


#: Each layer's place in :data:`LAYERS` (for :func:`sort_key`).
_LAYER_ORDER = {name: i for i, name in enumerate(LAYERS)}


class Finding(FrozenRecord):
    """A fact about the whole document, not about a stretch of its text.

    ``kind`` is the family (``"provenance"``, ``"genre"``); ``label`` the finding
    (``"missing_byline"``, ``"missing_date"``, ``"missing_outlet"``, ``"missing_link"``,
    ``"dateline"``, ``"credit"``, ``"genre"``); ``explanation`` says what it means for a
    reader; ``evidence`` holds ``(start, end)`` offsets of the text that shows it (a
    dateline, a credit line, the words that mark a genre), and is empty for something
    that is missing. A finding is never drawn as a span over the text.

    >>> f = Finding("provenance", "missing_date", "No date.")
    >>> f.to_dict()
    {'kind': 'provenance', 'label': 'missing_date', 'explanation': 'No date.', 'evidence': []}
    >>> Finding("provenance", "dateline", "A dateline.", ((0, 12),)).to_dict()["evidence"]
    [[0, 12]]
    """

    kind: str
    label: str
    explanation: str
    evidence: tuple[tuple[int, int], ...] = ()

    def __init__(self, kind: str, label: str, explanation: str, evidence: tuple[tuple[int, int], ...] = ()) -> None:
        d = self.__dict__
        d["kind"] = kind
        d["label"] = label
        d["explanation"] = explanation
        d["evidence"] = evidence

    def to_dict(self) -> dict:
        """The finding as the JSON contract writes it (under the key ``"document"``)."""
        return {
            "kind": self.kind,
            "label": self.label,
            "explanation": self.explanation,
            "evidence": [list(e) for e in self.evidence],
        }
