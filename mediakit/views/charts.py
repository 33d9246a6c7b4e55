"""One matplotlib chart per lens, labelled and readable in colour and in grey.

``chart(markup, name)`` draws the chart called ``name``: one of :data:`CHARTS`
(the nine layer names, plus ``attribution_by_paragraph``). The lens module names
(``quotes``, ``sources``, ``attribution`` ...) are accepted too. Colours are
Okabe–Ito and every series also has its own hatch, so a chart printed in grey
still reads. Counts are drawn on integer axes and written at the end of each bar.

Without ``ax`` it returns a new :class:`matplotlib.figure.Figure` (closed in pyplot,
so a notebook shows it once, as the cell's value; save it with ``fig.savefig``).
With ``ax`` it draws into that Axes and returns it. A layer with nothing in it gives
a chart that says so. Nothing here sets a matplotlib backend.

Charts are drawn to be read on a projector: 100 dpi, 9 inches wide, and every text
at least 12 points (about 17 px at the notebook's size). Every chart has alt text:
:func:`describe` says in words what the chart shows, and :func:`chart_html` returns
the chart as an ``<img>`` with that ``alt`` and a caption (what a lesson should show,
so that a screen reader does not say "No description has been provided").

The loaded-language chart counts the words that judge; a place-name spelling such
as "Kiev" is a provenance clue (see the provenance chart), not loaded language, and a
contested naming is shown as a "naming choice", not as a judgement.

>>> from mediakit import load_article
>>> fig = chart(load_article().markup(), "furniture")
>>> fig.axes[0].get_title()
'Page furniture by kind (4 lines)'
>>> chart(load_article().markup(), "pie")
Traceback (most recent call last):
...
mediakit.errors.MediakitError: There is no chart called 'pie'. The charts are: furniture, quote, attribution_cue, source, loaded, hedge, claim, headline, provenance, attribution_by_paragraph.
"""

from __future__ import annotations

from ..errors import MediakitError
from ..spans import LAYERS
from . import as_markup
from .palette import HATCHES, SEQUENCE, SUPPORT_COLOURS, SUPPORT_HATCHES, pretty

#: The chart names, in lesson order.
CHARTS = LAYERS + ("attribution_by_paragraph",)

#: Other names students may type, and the chart they mean.
ALIASES = {
    "quotes": "quote",
    "attribution": "attribution_cue",
    "cues": "attribution_cue",
    "sources": "source",
    "hedges": "hedge",
    "claims": "claim",
    "loaded_language": "loaded",
}

#: Labels in the order their bars are drawn (others follow, sorted).
ORDER = {
    "quote": ("direct", "scare", "term"),
    "attribution_cue": ("neutral", "hedged", "loaded", "emotion"),
    "source": ("named_person", "named_organisation", "vague_group", "anonymous"),
    "loaded": (
        "label",
        "loaded_noun",
        "loaded_verb",
        "loaded_adjective",
        "loaded_adverb",
        "dramatic_framing",
        "scare_quote",
        "superlative",
        "hyperbole",
        "spelling",
    ),
    "hedge": ("hedge", "certainty"),
    "claim": ("unattributed_judgement", "unattributed_fact", "mind_reading"),
    "headline": ("stated", "hedged", "attributed", "absent"),
}
VOICES = ("writer", "paraphrase", "speaker", "quoted")
#: Loaded-lens labels that are not judgements: left out of the loaded chart (spelling is provenance).
NOT_LOADED = ("spelling",)
#: Category names as the lessons say them.
NAMES = {"contested_naming": "naming choice (no verdict)", "scare_quote": "scare quotes"}
#: Text sizes in points (at 100 dpi, 12 pt is about 17 px): legible on a projector.
FONT: dict = {
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 12,
    "figure.titlesize": 15,
}
DPI = 100
WIDTH = 9.0
#: Per-paragraph charts draw at most this many paragraphs (a long text gets a note).
MAX_PARAGRAPHS = 40
_EDGE = "#333333"


def chart(markup, name: str, ax=None):
    """Draw the chart ``name`` for ``markup``; return the Figure (or ``ax`` when given)."""
    key = ALIASES.get(name, name) if isinstance(name, str) else name
    if key not in CHARTS:
        raise MediakitError(f"There is no chart called {name!r}. The charts are: {', '.join(CHARTS)}.")
    markup = as_markup(markup)
    import matplotlib

    with matplotlib.rc_context(FONT):
        fig, ax, own = _axes(ax, _height(markup, key))
        _DRAW[key](markup, ax)
        if own:
            fig.tight_layout()
    return fig if own else ax


def _label(x: str) -> str:
    return NAMES.get(x, pretty(x))


def describe(markup, name: str) -> str:
    """The chart's alt text: what it shows, in one or two sentences with its numbers.

    >>> from mediakit import load_article
    >>> describe(load_article().markup(), "furniture")
    'Bar chart: Page furniture by kind (4 lines). call to action: 1; counter: 1; timestamp: 1; widget: 1.'
    """
    key = ALIASES.get(name, name) if isinstance(name, str) else name
    if key not in CHARTS:
        raise MediakitError(f"There is no chart called {name!r}. The charts are: {', '.join(CHARTS)}.")
    markup = as_markup(markup)
    fig = chart(markup, key)
    title = fig.axes[0].get_title()
    if key == "headline":
        report = _report(markup)
        parts = [f"{t.text}: {t.support}" for t in (report.terms if report else ())]
    elif key == "attribution_by_paragraph":
        from .tables import attribution_by_paragraph

        df = attribution_by_paragraph(markup)
        parts = [
            f"\u00b6{int(r.paragraph)}: {int(r.attributed)} attributed, {int(r.unattributed)} not"
            for r in df.itertuples()
        ]
    else:
        spans = [sp for sp in _layer(markup, key) if not (key == "loaded" and sp.label in NOT_LOADED)]
        counts: dict[str, int] = {}
        for sp in spans:
            counts[sp.label] = counts.get(sp.label, 0) + 1
        parts = [f"{_label(x)}: {counts[x]}" for x in _ordered(key, counts)]
        if key == "loaded" and any(sp.label in NOT_LOADED for sp in _layer(markup, key)):
            parts.append("spellings such as Kiev are counted with the provenance clues, not here")
    kind = "Bar chart" if key not in ("hedge", "claim", "attribution_by_paragraph") else "Stacked bar chart"
    body = "; ".join(parts) if parts else "nothing found"
    return f"{kind}: {title}. {body}."


class ChartView:
    """A chart with its alt text, shown in a notebook as ``<img alt=...>`` with a caption."""

    def __init__(self, figure, alt: str):
        self.figure, self.alt = figure, alt

    def __repr__(self) -> str:  # the plain-text view (and no memory address in a stored notebook)
        return self.alt

    def _repr_html_(self) -> str:
        import base64
        import html
        import io

        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", dpi=DPI)
        data = base64.b64encode(buf.getvalue()).decode("ascii")
        alt = html.escape(self.alt, quote=True)
        return (
            f'<figure class="mk-chart" style="margin:.5em 0"><img src="data:image/png;base64,{data}" alt="{alt}" '
            f'style="max-width:100%;height:auto"><figcaption style="font-size:.95em">{alt}</figcaption></figure>'
        )


def chart_html(markup, name: str) -> ChartView:
    """The chart ``name`` as an image with alt text and a caption (for a lesson's last line).

    >>> from mediakit import load_article
    >>> 'alt="Bar chart: Page furniture' in chart_html(load_article().markup(), "furniture")._repr_html_()
    True
    """
    return ChartView(chart(markup, name), describe(markup, name))


# -- plumbing -----------------------------------------------------------------------------


def _axes(ax, height: float):
    if ax is not None:
        return ax.figure, ax, False
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(WIDTH, height), dpi=DPI)
    plt.close(fig)  # not kept by pyplot: the notebook shows the returned figure once
    return fig, ax, True


def _height(markup, key: str) -> float:
    if key in ("hedge", "claim", "attribution_by_paragraph"):
        return 5.0
    if key == "headline":
        report = _report(markup)
        n = len(report.terms) if report is not None else 0
    else:
        n = len(set(s.label for s in _layer(markup, key)))
    return max(3.2, 0.6 * n + 2.0)


def _layer(markup, name):
    return markup.layer(name) if name in getattr(markup, "layers", LAYERS) else ()


def _report(markup):
    try:
        return markup.headline
    except Exception:  # a lens being rewritten must not break a chart
        return None


def _ordered(name: str, labels) -> list[str]:
    first = [x for x in ORDER.get(name, ()) if x in labels]
    return first + sorted(x for x in labels if x not in first)


def _integer_axis(axis) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _empty(ax, title: str, xlabel: str, ylabel: str, what: str) -> None:
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.text(
        0.5,
        0.5,
        f"Nothing found: {what}.\nRead the text yourself: the lens may have missed some.",
        ha="center",
        va="center",
        transform=ax.transAxes,
        fontsize=13,
        wrap=True,
    )


def _count_bars(markup, ax, name: str, title: str, ylabel: str, what: str) -> None:
    """Horizontal bars: how many spans of each label a layer holds."""
    spans = _layer(markup, name)
    counts: dict[str, int] = {}
    for s in spans:
        counts[s.label] = counts.get(s.label, 0) + 1
    xlabel = "Number found"
    if not counts:
        _empty(ax, title, xlabel, ylabel, what)
        return
    labels = _ordered(name, counts)
    ys = list(range(len(labels)))[::-1]
    for i, (lab, y) in enumerate(zip(labels, ys)):
        ax.barh(
            y,
            counts[lab],
            color=SEQUENCE[i % len(SEQUENCE)],
            hatch=HATCHES[i % len(HATCHES)],
            edgecolor=_EDGE,
            linewidth=0.8,
        )
        ax.text(counts[lab], y, f" {counts[lab]}", va="center", ha="left", fontsize=12)
    ax.set_yticks(ys, [_label(x) for x in labels])
    ax.set_xlim(0, max(counts.values()) * 1.15 + 0.5)
    _integer_axis(ax.xaxis)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)


def _simple(name: str, title: str, ylabel: str, what: str):
    def draw(markup, ax):
        n = len(_layer(markup, name))
        _count_bars(markup, ax, name, title.format(n=n, s="" if n == 1 else "s"), ylabel, what)

    return draw


def _stacked_by_paragraph(markup, ax, name: str, title: str, what: str) -> None:
    spans = _layer(markup, name)
    from .tables import _Locator

    loc = _Locator(markup.article)
    n_par = len(markup.article.paragraphs)
    counts: dict[str, dict] = {}
    has_head = False
    for s in spans:
        p = loc.paragraph(s.start)
        if p is None:
            continue
        has_head |= p == 0
        counts.setdefault(s.label, {})
        counts[s.label][p] = counts[s.label].get(p, 0) + 1
    xlabel = "Body paragraph" + (" (H = headline)" if has_head else "")
    ylabel = "Number found"
    total = sum(sum(v.values()) for v in counts.values())
    if not total:
        _empty(ax, title.format(n=0, s="s"), xlabel, ylabel, what)
        return
    shown = min(n_par, MAX_PARAGRAPHS)
    xs = ([0] if has_head else []) + list(range(1, shown + 1))
    if shown < n_par:
        title += f" (paragraphs 1 to {shown} of {n_par})"
    bottom = [0] * len(xs)
    for i, lab in enumerate(_ordered(name, counts)):
        vals = [counts[lab].get(x, 0) for x in xs]
        ax.bar(
            range(len(xs)),
            vals,
            bottom=bottom,
            label=pretty(lab),
            color=SEQUENCE[i % len(SEQUENCE)],
            hatch=HATCHES[i % len(HATCHES)],
            edgecolor=_EDGE,
            linewidth=0.8,
        )
        bottom = [b + v for b, v in zip(bottom, vals)]
    ax.set_xticks(range(len(xs)), ["H" if x == 0 else str(x) for x in xs])
    _integer_axis(ax.yaxis)
    ax.set_ylim(0, max(bottom) + 0.6)
    ax.set_title(title.format(n=total, s="" if total == 1 else "s"))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper right", fontsize=12, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)


def _loaded(markup, ax) -> None:
    spans = [s for s in _layer(markup, "loaded") if s.label not in NOT_LOADED]
    title = f"Loaded language by category and voice ({len(spans)} found)"
    xlabel, ylabel = "Number found", "Category"
    if not spans:
        _empty(ax, title, xlabel, ylabel, "no loaded language was flagged")
        return
    table: dict[str, dict[str, int]] = {}
    for s in spans:
        v = s.get("voice") or "unknown"
        table.setdefault(s.label, {})
        table[s.label][v] = table[s.label].get(v, 0) + 1
    labels = _ordered("loaded", table)
    voices = [v for v in VOICES if any(v in d for d in table.values())]
    voices += sorted({v for d in table.values() for v in d} - set(voices))
    ys = list(range(len(labels)))[::-1]
    left = [0] * len(labels)
    names = {
        "writer": "writer's own voice",
        "speaker": "inside a direct quote (speaker)",
        "quoted": "inside a direct quote (speaker)",
        "paraphrase": "paraphrase of a source",
        "unknown": "voice not given",
    }
    for i, v in enumerate(voices):
        vals = [table[lab].get(v, 0) for lab in labels]
        ax.barh(
            ys,
            vals,
            left=left,
            label=names.get(v, pretty(v)),
            color=SEQUENCE[i % len(SEQUENCE)],
            hatch=HATCHES[i % len(HATCHES)],
            edgecolor=_EDGE,
            linewidth=0.8,
        )
        left = [a + b for a, b in zip(left, vals)]
    for y, total in zip(ys, left):
        ax.text(total, y, f" {total}", va="center", ha="left", fontsize=12)
    ax.set_yticks(ys, [_label(x) for x in labels])
    ax.set_xlim(0, max(left) * 1.15 + 0.5)
    _integer_axis(ax.xaxis)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="lower right", fontsize=12, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)


def _headline(markup, ax) -> None:
    report = _report(markup)
    levels = ORDER["headline"][::-1]  # absent, attributed, hedged, stated
    xlabel, ylabel = "How far the body backs the term", "Headline term"
    if report is None:
        _empty(ax, "Headline support", xlabel, ylabel, "this article has no headline")
        return
    title = f"Headline support: {float(report.support):.2f} of 1"
    terms = list(report.terms)
    if not terms:
        _empty(ax, title, xlabel, ylabel, "the headline lens found no terms")
        return
    ys = list(range(len(terms)))[::-1]
    seen = set()
    for y, t in zip(ys, terms):
        k = levels.index(t.support) + 1 if t.support in levels else 0.5
        lab = t.support if t.support not in seen else None
        seen.add(t.support)
        ax.barh(
            y,
            k,
            color=SUPPORT_COLOURS.get(t.support, "#999999"),
            hatch=SUPPORT_HATCHES.get(t.support, ""),
            edgecolor=_EDGE,
            linewidth=0.8,
            label=lab,
        )
        ax.text(k, y, f" {t.support}", va="center", ha="left", fontsize=12)
    ax.set_yticks(ys, [_wrap(t.text) for t in terms])
    ax.set_xticks(range(1, len(levels) + 1), list(levels))
    ax.set_xlim(0, len(levels) + 1.2)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)


def _wrap(s: str, n: int = 28) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def _attribution_by_paragraph(markup, ax) -> None:
    from .tables import attribution_by_paragraph

    df = attribution_by_paragraph(markup)
    title = "Attributed and unattributed sentences per paragraph"
    xlabel, ylabel = "Body paragraph", "Sentences"
    if df.empty or int(df["sentences"].sum()) == 0:
        _empty(ax, title, xlabel, ylabel, "the article has no body sentences")
        return
    if len(df) > MAX_PARAGRAPHS:
        title += f" (1 to {MAX_PARAGRAPHS} of {len(df)})"
        df = df.head(MAX_PARAGRAPHS)
    xs = list(range(len(df)))
    att = [int(v) for v in df["attributed"]]
    una = [int(v) for v in df["unattributed"]]
    ax.bar(
        xs,
        att,
        label="attributed (a source or quote)",
        color=SEQUENCE[0],
        hatch=HATCHES[0],
        edgecolor=_EDGE,
        linewidth=0.8,
    )
    ax.bar(
        xs,
        una,
        bottom=att,
        label="unattributed (writer's own voice)",
        color=SEQUENCE[1],
        hatch=HATCHES[1],
        edgecolor=_EDGE,
        linewidth=0.8,
    )
    claims = [int(v) for v in df["unattributed_claims"]]
    if any(claims):
        ax.scatter(
            [x for x, c in zip(xs, claims) if c],
            [a + u + 0.35 for a, u, c in zip(att, una, claims) if c],
            marker="*",
            s=80,
            color=SEQUENCE[3],
            edgecolor=_EDGE,
            linewidth=0.6,
            zorder=3,
            label="holds an unattributed claim",
        )
    ax.set_xticks(xs, [str(int(p)) for p in df["paragraph"]])
    _integer_axis(ax.yaxis)
    ax.set_ylim(0, max(a + u for a, u in zip(att, una)) + 1.2)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=12, frameon=False, ncol=3)
    ax.spines[["top", "right"]].set_visible(False)


_DRAW = {
    "furniture": _simple(
        "furniture", "Page furniture by kind ({n} line{s})", "Kind", "no page furniture was set apart"
    ),
    "quote": _simple("quote", "Quotations by kind ({n} found)", "Kind", "no quotation marks were found"),
    "attribution_cue": _simple(
        "attribution_cue",
        "Attribution cues by stance ({n} found)",
        "Stance of the cue",
        "no attribution cues were found",
    ),
    "source": _simple("source", "Who is cited: sources by type ({n} found)", "Type of source", "no sources were found"),
    "loaded": _loaded,
    "hedge": lambda m, ax: _stacked_by_paragraph(
        m,
        ax,
        "hedge",
        "Hedges and certainty markers per paragraph ({n} found)",
        "no hedges or certainty markers were found",
    ),
    "claim": lambda m, ax: _stacked_by_paragraph(
        m, ax, "claim", "Unattributed claims per paragraph ({n} found)", "no unattributed claims were found"
    ),
    "headline": _headline,
    "provenance": _simple(
        "provenance", "Provenance clues by kind ({n} found)", "Kind of clue", "no provenance clues were found"
    ),
    "attribution_by_paragraph": _attribution_by_paragraph,
}
assert tuple(_DRAW) == CHARTS
