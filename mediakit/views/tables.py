"""pandas tables of a Markup: every span, and one summary per lesson.

:func:`to_frame` gives one row per span, in document order. The summaries give the
columns a lesson talks about: :func:`sources_table`, :func:`quotes_table`,
:func:`loaded_table`, :func:`headline_table` and :func:`attribution_by_paragraph`.
They read the meta keys of the cross-lens contract (``speaker``, ``cue``, ``role``,
``source``, ``voice`` ...) and leave a cell empty when a lens did not set one.

Paragraph numbers count body paragraphs from 1, as the lessons do; ``0`` is the
headline, and an empty cell (``<NA>``) is page furniture or a gap between lines.

pandas is imported when a function is called, not when this module is imported.

Every table is a :class:`ReadableFrame`: a plain pandas DataFrame whose notebook view
(:func:`frame_html`) is left-aligned, wraps long prose at word boundaries, never cuts
a cell short, shows a line break as a line break (not a literal ``\\n``), an empty
cell as empty (not ``<NA>``), and escapes every cell. ``to_frame(m, "source")`` adds a
``refers_to`` column: whom a pronoun or role stands for, when the lens says so.

>>> from mediakit import load_article
>>> df = to_frame(load_article().markup(), "furniture")
>>> list(df.columns)
['layer', 'label', 'text', 'start', 'end', 'paragraph', 'sentence', 'voice', 'explanation', 'alternative']
>>> df["text"].tolist()
['5 months ago', '30', 'SUBSCRIBE TO US!', 'Loading comments...']
"""

from __future__ import annotations

from bisect import bisect_right

from ..spans import Span
from . import as_markup

__all__ = [
    "to_frame",
    "sources_table",
    "quotes_table",
    "loaded_table",
    "headline_table",
    "attribution_by_paragraph",
    "COLUMNS",
    "frame_html",
]

#: The columns of :func:`to_frame`, in order.
COLUMNS = ("layer", "label", "text", "start", "end", "paragraph", "sentence", "voice", "explanation", "alternative")


def _pd():
    import pandas as pd

    return pd


class _Locator:
    """Paragraph number and sentence of an offset, by binary search (linear overall)."""

    def __init__(self, article):
        self.article = article
        self.pstarts = [p.start for p in article.paragraphs]
        self.head = article.headline

    def paragraph(self, offset: int):
        """1-based body paragraph, 0 for the headline, ``None`` elsewhere."""
        h = self.head
        if h is not None and h.start <= offset < max(h.end, h.start + 1):
            return 0
        i = bisect_right(self.pstarts, offset) - 1
        if i >= 0 and offset < self.article.paragraphs[i].end:
            return i + 1
        return None

    def sentence(self, offset: int) -> str:
        s = self.article.sentence_at(offset)
        return s.text if s is not None else ""


def _slice(text: str, value) -> str:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        a, b = value
        if 0 <= a <= b <= len(text):
            return text[a:b]
    return ""


def _frame(rows: list[dict], columns, int_columns=()):
    pd = _pd()
    df = pd.DataFrame(rows, columns=list(columns))
    for c in int_columns:
        df[c] = df[c].astype("Int64")
    return _readable()(df)


_TABLE_CSS = (
    "<style>table.mk-frame { border-collapse: collapse; margin: .4em 0; font-size: .95em; } "
    "table.mk-frame th, table.mk-frame td { text-align: left; vertical-align: top; white-space: pre-line; "
    "overflow-wrap: break-word; word-break: normal; hyphens: none; padding: .3em .6em; "
    "border: 1px solid var(--jp-border-color2, #bbb); line-height: 1.4; } "
    "table.mk-frame td { max-width: 34em; } table.mk-frame th { font-weight: 700; }</style>"
)


def _cell(value) -> str:
    import html

    try:
        if value is None or (not isinstance(value, str) and _pd().isna(value)):
            return ""
    except (TypeError, ValueError):
        pass
    return html.escape(str(value), quote=True)


def frame_html(df, caption: str = "") -> str:
    """A DataFrame as a readable HTML table: left-aligned, wrapped, whole cells, escaped.

    >>> import pandas as pd
    >>> out = frame_html(pd.DataFrame({"note": ["one <b>\\ntwo"], "n": [pd.NA]}))
    >>> "one &lt;b&gt;\\ntwo" in out and "&lt;NA&gt;" not in out and "text-align: left" in out
    True
    """
    head = "".join(f'<th scope="col">{_cell(c)}</th>' for c in df.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in df.itertuples(index=False, name=None)
    )
    cap = f"<caption>{_cell(caption)}</caption>" if caption else ""
    return f'{_TABLE_CSS}<table class="mk-frame">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


_READABLE = None


def _readable():
    """The DataFrame subclass whose notebook view is :func:`frame_html` (made once pandas is imported)."""
    global _READABLE
    if _READABLE is None:
        pd = _pd()

        class ReadableFrame(pd.DataFrame):
            """A pandas DataFrame shown in notebooks as a readable table (see :func:`frame_html`)."""

            @property
            def _constructor(self):
                return ReadableFrame

            def _repr_html_(self):
                return frame_html(self)

        ReadableFrame.__module__ = __name__
        _READABLE = ReadableFrame
    return _READABLE


def __getattr__(name):
    if name == "ReadableFrame":  # importable (and picklable) once pandas is there
        return _readable()
    raise AttributeError(name)


def _spans(markup, layer):
    """The spans of ``layer`` (an empty tuple when the markup does not hold it)."""
    if layer not in getattr(markup, "layers", ()):
        markup.layer(layer)  # raises MediakitError for an unknown name
        return ()
    return markup.layer(layer)


def to_frame(markup, layer: str | None = None):
    """One row per span (of one layer, or all), in document order; see :data:`COLUMNS`."""
    markup = as_markup(markup)
    spans = markup.spans if layer is None else markup.layer(layer)
    loc = _Locator(markup.article)
    text = markup.article.text
    rows = [
        {
            "layer": s.layer,
            "label": s.label,
            "text": s.text,
            "start": s.start,
            "end": s.end,
            "paragraph": loc.paragraph(s.start),
            "sentence": loc.sentence(s.start),
            "voice": s.get("voice") or "",
            "explanation": _pilcrow(s.explanation),
            "alternative": s.alternative,
            "refers_to": _name(text, s.get("refers_to")),
        }
        for s in spans
    ]
    columns = COLUMNS + (("refers_to",) if layer == "source" else ())
    return _frame(rows, columns, ("start", "end", "paragraph"))


def _pilcrow(text: str) -> str:
    from .html import pilcrow

    return pilcrow(text) if text else text


def _name(text: str, value) -> str:
    if isinstance(value, str):
        return value
    return _slice(text, value)


class _CueIndex:
    """Finds the attribution cue whose ``source`` meta is (or overlaps) a source span.

    An exact ``(start, end)`` match wins; otherwise the nearest few cue sources that
    start before the span ends are tried (by binary search, so the table stays linear).
    """

    def __init__(self, cues):
        self.exact: dict[tuple, Span] = {}
        self.at: dict[tuple, Span] = {}  # (start, end) of each cue
        ranges = []
        for c in cues:
            self.at.setdefault((c.start, c.end), c)
            v = c.get("source")
            if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, int) for x in v):
                self.exact.setdefault((v[0], v[1]), c)
                ranges.append((v[0], v[1], c))
        ranges.sort(key=lambda r: (r[0], r[1]))
        self.ranges = ranges
        self.starts = [r[0] for r in ranges]

    def find(self, source: Span) -> Span | None:
        hit = self.exact.get((source.start, source.end))
        if hit is not None:
            return hit
        i = bisect_right(self.starts, source.end - 1) - 1
        for a, b, c in reversed(self.ranges[max(i - 4, 0) : i + 1]):
            if a < source.end and source.start < b:
                return c
        return None


def sources_table(markup):
    """Who is cited: columns ``source, label, role, cue, stance, paragraph, refers_to``.

    ``cue`` and ``stance`` come from the attribution cue that cites the source
    (empty when none does: a source mentioned but not quoted or paraphrased, or a
    markup made with ``only("source")``, which holds no cues). ``refers_to`` is whom a
    pronoun ("he", a relative "who") or a role stands for, when the source lens says so.
    """
    markup = as_markup(markup)
    text = markup.article.text
    loc = _Locator(markup.article)
    cues = _CueIndex(_spans(markup, "attribution_cue"))
    rows = []
    for s in _spans(markup, "source"):
        cue = cues.find(s)
        if cue is None and isinstance(s.get("cue"), (list, tuple)):
            cue = cues.at.get(tuple(s.get("cue")))  # a relative "who": the cue its meta names
        rows.append(
            {
                "source": s.text,
                "label": s.label,
                "role": _slice(text, s.get("role")),
                "cue": cue.text if cue is not None else "",
                "stance": cue.label if cue is not None else "",
                "paragraph": loc.paragraph(s.start),
                "refers_to": _name(text, s.get("refers_to")),
            }
        )
    return _frame(rows, ("source", "label", "role", "cue", "stance", "paragraph", "refers_to"), ("paragraph",))


def quotes_table(markup):
    """Quotations: columns ``quote, label, speaker, cue, paragraph`` (speaker and cue from meta)."""
    markup = as_markup(markup)
    text = markup.article.text
    loc = _Locator(markup.article)
    rows = [
        {
            "quote": s.text,
            "label": s.label,
            "speaker": _name(text, s.get("speaker")),
            "cue": _slice(text, s.get("cue")),
            "paragraph": loc.paragraph(s.start),
        }
        for s in _spans(markup, "quote")
    ]
    return _frame(rows, ("quote", "label", "speaker", "cue", "paragraph"), ("paragraph",))


def loaded_table(markup):
    """Loaded words: columns ``term, category, voice, alternative, explanation, paragraph``."""
    markup = as_markup(markup)
    loc = _Locator(markup.article)
    rows = [
        {
            "term": s.text,
            "category": s.label,
            "voice": s.get("voice") or "",
            "alternative": s.alternative,
            "explanation": _pilcrow(s.explanation),
            "paragraph": loc.paragraph(s.start),
        }
        for s in _spans(markup, "loaded")
    ]
    return _frame(rows, ("term", "category", "voice", "alternative", "explanation", "paragraph"), ("paragraph",))


def findings_table(markup):
    """Facts about the page as a whole (``markup.findings``): columns ``finding, kind, explanation, paragraph``.

    ``paragraph`` is where the evidence stands (a dateline, a credit), empty for something missing.
    """
    markup = as_markup(markup)
    loc = _Locator(markup.article)
    rows = [
        {
            "finding": f.label.replace("_", " "),
            "kind": f.kind,
            "explanation": _pilcrow(f.explanation),
            "paragraph": loc.paragraph(f.evidence[0][0]) if f.evidence else None,
        }
        for f in getattr(markup, "findings", ())
    ]
    return _frame(rows, ("finding", "kind", "explanation", "paragraph"), ("paragraph",))


def headline_table(markup):
    """The headline check: columns ``term, support, evidence, note``.

    ``evidence`` holds the body sentences that back the term, each with its
    paragraph number (``"¶2: ..."``), joined by line breaks. The overall score is
    ``markup.headline.support``.
    """
    markup = as_markup(markup)
    cols = ("term", "support", "evidence", "note")
    report = markup.headline
    if report is None:
        return _frame([], cols)
    text = markup.article.text
    loc = _Locator(markup.article)
    rows = []
    for t in report.terms:
        ev = []
        for e in t.evidence or ():
            s = _slice(text, tuple(e))
            if s:
                p = loc.paragraph(e[0])
                ev.append((f"\u00b6{p}: " if p else "") + " ".join(s.split()))
        rows.append({"term": t.text, "support": t.support, "evidence": "\n".join(ev), "note": _pilcrow(t.note)})
    return _frame(rows, cols)


def _mark(sentences, starts, a: int, b: int, flags: list) -> None:
    """Set ``flags[i]`` for every sentence that shares a character with ``[a, b)``."""
    if b <= a:
        return
    i = max(bisect_right(starts, a) - 1, 0)
    while i < len(sentences) and sentences[i].start < b:
        if sentences[i].end > a:
            flags[i] = True
        i += 1


def attribution_by_paragraph(markup):
    """Per body paragraph: how many sentences, and how many are attributed, quoted or claims.

    Columns: ``paragraph`` (from 1), ``sentences``, ``attributed`` (sentences that hold
    an attribution cue or the content it attributes, or a direct quote), ``unattributed``
    (the rest), ``unattributed_claims`` (claim spans that start there), ``quoted``
    (sentences holding a direct quote) and ``text`` (the paragraph's opening words).
    """
    markup = as_markup(markup)
    article = markup.article
    sents = article.sentences
    starts = [s.start for s in sents]
    attributed = [False] * len(sents)
    quoted = [False] * len(sents)
    held = getattr(markup, "layers", ())
    for c in markup.layer("attribution_cue") if "attribution_cue" in held else ():
        _mark(sents, starts, c.start, c.end, attributed)
        v = c.get("content")
        if isinstance(v, (list, tuple)) and len(v) == 2:
            _mark(sents, starts, v[0], v[1], attributed)
    for q in markup.layer("quote") if "quote" in held else ():
        if q.label == "direct":
            _mark(sents, starts, q.start, q.end, quoted)
            _mark(sents, starts, q.start, q.end, attributed)
    loc = _Locator(article)
    claims = [0] * len(article.paragraphs)
    for c in markup.layer("claim") if "claim" in held else ():
        p = loc.paragraph(c.start)
        if p:
            claims[p - 1] += 1
    rows = []
    pstarts = [p.start for p in article.paragraphs]
    per = [[0, 0, 0] for _ in article.paragraphs]
    for i, s in enumerate(sents):
        k = bisect_right(pstarts, s.start) - 1
        if 0 <= k < len(per):
            per[k][0] += 1
            per[k][1] += attributed[i]
            per[k][2] += quoted[i]
    for k, p in enumerate(article.paragraphs):
        n, a, q = per[k]
        words = " ".join(p.text.split()[:8])
        rows.append(
            {
                "paragraph": k + 1,
                "sentences": n,
                "attributed": a,
                "unattributed": n - a,
                "unattributed_claims": claims[k],
                "quoted": q,
                "text": words + (" \u2026" if len(p.text.split()) > 8 else ""),
            }
        )
    return _frame(
        rows,
        ("paragraph", "sentences", "attributed", "unattributed", "unattributed_claims", "quoted", "text"),
        ("paragraph", "sentences", "attributed", "unattributed", "unattributed_claims", "quoted"),
    )
