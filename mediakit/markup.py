"""The marked-up article: what every lens found, in one object that every view reads.

>>> from mediakit import load_article
>>> m = load_article().markup()
>>> [s.text for s in m.layer("furniture")]
['5 months ago', '30', 'SUBSCRIBE TO US!', 'Loading comments...']
>>> m.only("furniture").layers
('furniture',)
>>> sorted(m.to_dict())
['document', 'genre', 'headline', 'source', 'spans', 'text']
>>> m.genre, sorted(f.label for f in m.findings if f.kind == "provenance")
('news report', ['missing_byline', 'missing_date', 'missing_link', 'missing_outlet'])
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import MediakitError
from .spans import LAYERS, Finding, Span, sort_key


class Markup:
    """The result of running the lenses on an article.

    A ``Markup`` never changes. :meth:`only` and :meth:`where` return new objects.
    """

    def __init__(
        self, article, spans: Iterable[Span], layers: Iterable[str] = LAYERS, findings: Iterable[Finding] | None = None
    ):
        self.article = article
        self.layers = tuple(layers)
        self.spans = tuple(sorted((s for s in spans if s.layer in self.layers), key=sort_key))
        self._findings = tuple(findings) if findings is not None else None

    @classmethod
    def build(cls, article) -> Markup:
        """Run every lens on ``article`` (in the order of :data:`mediakit.lenses.LENSES`)."""
        from .lenses import run

        found = run(article)
        return cls(article, [s for spans in found.values() for s in spans], findings=_findings(article, found))

    # -- reading ---------------------------------------------------------------
    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in self.counts().items())
        return f"<Markup of {self.article.source}: {counts}>"

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self):
        return iter(self.spans)

    def layer(self, name: str) -> tuple[Span, ...]:
        """The spans of one layer, in document order."""
        _check_layer(name)
        return tuple(s for s in self.spans if s.layer == name)

    def labels(self, name: str) -> dict[str, int]:
        """How many spans of each label a layer holds, e.g. ``{"label": 1, ...}``."""
        out: dict[str, int] = {}
        for s in self.layer(name):
            out[s.label] = out.get(s.label, 0) + 1
        return dict(sorted(out.items()))

    def counts(self) -> dict[str, int]:
        """The number of spans in each layer, in lens order."""
        return {name: sum(1 for s in self.spans if s.layer == name) for name in self.layers}

    def at(self, offset: int) -> tuple[Span, ...]:
        """The spans that cover character ``offset``."""
        return tuple(s for s in self.spans if s.start <= offset < s.end)

    def find_text(self, text: str, layer: str | None = None) -> tuple[Span, ...]:
        """The spans whose text is exactly ``text`` (case-insensitive), optionally in one layer."""
        t = text.casefold()
        return tuple(s for s in self.spans if s.text.casefold() == t and (layer is None or s.layer == layer))

    # -- new objects -----------------------------------------------------------
    def only(self, *layers: str) -> Markup:
        """A new Markup that keeps only the named layers (for a lesson that needs a few)."""
        for name in layers:
            _check_layer(name)
        keep = tuple(x for x in LAYERS if x in layers)
        return Markup(self.article, self.spans, keep, self._findings)

    def where(self, **fields) -> Markup:
        """A new Markup that keeps the spans whose fields equal the values given.

        >>> from mediakit import load_article
        >>> [s.text for s in load_article().markup().where(label="counter")]
        ['30']
        """

        def ok(s: Span) -> bool:
            return all((getattr(s, k) if hasattr(s, k) else s.get(k)) == v for k, v in fields.items())

        return Markup(self.article, [s for s in self.spans if ok(s)], self.layers, self._findings)

    # -- the document ----------------------------------------------------------
    @property
    def findings(self) -> tuple[Finding, ...]:
        """Document-level findings (:class:`~mediakit.spans.Finding`): the genre, then provenance.

        They are facts about the whole text (no byline, no date, a dateline that names the
        outlet), so they are never spans: the JSON lists them under ``"document"``.
        """
        if self._findings is None:
            from .lenses import run

            self._findings = _findings(self.article, run(self.article))
        return self._findings

    @property
    def genre(self) -> str:
        """``"news report"``, ``"analysis"``, ``"opinion"`` or ``"press release"`` (:mod:`mediakit.genre`)."""
        from .genre import detect

        return detect(self.article).label

    # -- headline --------------------------------------------------------------
    @property
    def headline(self):
        """The :class:`~mediakit.lenses.headline.HeadlineReport` (``None`` without a headline)."""
        from .lenses import headline

        return headline.report(self.article, [s for s in self.spans if s.layer == "headline"])

    # -- outputs ---------------------------------------------------------------
    def to_dict(self) -> dict:
        """The JSON contract as a dictionary."""
        report = self.headline
        return {
            "source": self.article.source,
            "text": self.article.text,
            "headline": report.to_dict() if report else None,
            "genre": self.genre,
            "document": [f.to_dict() for f in self.findings],
            "spans": [s.to_dict() for s in self.spans],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The JSON contract as a string (stable keys, UTF-8 characters kept)."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_frame(self, layer: str | None = None):
        """A pandas DataFrame of the spans (one layer, or all)."""
        from .views.tables import to_frame

        return to_frame(self, layer)

    def to_html(self, layers: Iterable[str] | None = None, standalone: bool = False) -> str:
        """The highlighted article as HTML (a fragment, or a whole page with ``standalone``)."""
        from .views.html import render

        return render(self, layers=layers, standalone=standalone)

    def _repr_html_(self) -> str:
        return self.to_html()

    def chart(self, name: str, ax=None):
        """Draw one lens's chart with matplotlib; see :mod:`mediakit.views.charts`."""
        from .views.charts import chart

        return chart(self, name, ax=ax)


def _findings(article, found) -> tuple[Finding, ...]:
    """The genre finding, then every lens's ``findings(article, found)`` (lenses that have one)."""
    from .genre import finding
    from .lenses import LENSES

    out = [finding(article)]
    for lens in LENSES:
        fn = getattr(lens, "findings", None)
        if fn is not None:
            out.extend(fn(article, found))
    return tuple(out)


def _check_layer(name: str) -> None:
    if name not in LAYERS:
        raise MediakitError(f"There is no layer called {name!r}. The layers are: {', '.join(LAYERS)}.")
