"""The highlighted article as HTML: a notebook fragment, or a whole page to project.

:func:`render` draws the article with one highlight per span, a row of layer
switches, a legend and a list of every finding. It needs no JavaScript and no
network: the switches are plain checkboxes that CSS sibling selectors read, so they
work in JupyterLab's output area and in a page opened from disk.

Guarantees (each one is tested):

* Article text, explanations, labels and the source name are always HTML-escaped
  (``html.escape(..., quote=True)``): an article containing ``<script>`` shows the
  tag as text and runs nothing.
* The whole article text, furniture and line breaks included, sits inside one
  ``<div class="mk-text">`` that holds no other text: :func:`text_region` returns
  that region, and with its tags stripped and its entities unescaped it equals
  ``article.text`` exactly. Badges, tooltips and paragraph numbers are drawn by CSS
  (``::before``/``::after``), so they add no characters to the text.
* Overlapping and nested spans are cut at every boundary and nested; a span that
  crosses another is split into pieces (the first piece carries the explanation,
  the last one the badge). Spans of one layer with the same extent (say four
  "missing ..." provenance findings on the headline) share one highlight whose
  explanation lists them all.
* Output is deterministic. Element ids start with a short SHA-1 of the article text
  and the layers shown, so two different renders in one notebook never toggle each
  other. Two renders of the same text with the same layers share their ids; that is
  harmless, since their content is identical.

Accessibility: every highlight has a cue that is not colour (an underline or border
style per layer and a badge letter), and its explanation appears on hover and on
keyboard focus (``tabindex="0"``; the finding list is linked by
``aria-describedby``). Colours are Okabe–Ito, drawn as translucent backgrounds on the
page's own text colour, so JupyterLab's light and dark themes both read.

The tooltip is drawn under the line of the highlight, across the width of the text
box, so it never runs off the right edge.

What it does not do: show spans of zero length in the text (they are listed under
"All findings"); the tooltips need CSS, so an untrusted notebook (whose outputs
JupyterLab sanitises) shows the highlights without them.

>>> from mediakit import load_article
>>> m = load_article().markup()
>>> page = render(m, layers=["furniture"])
>>> import html, re
>>> html.unescape(re.sub("<[^>]+>", "", text_region(page))) == m.article.text
True
>>> render(m, layers=["furniture"]) == page          # deterministic
True
"""

from __future__ import annotations

import hashlib
import html as _html
import re
from bisect import bisect_right
from typing import Iterable

from ..errors import MediakitError
from ..spans import LAYERS, Span
from . import as_markup
from .palette import STYLE, rgba, pretty

__all__ = ["render", "text_region", "legend", "highlight", "show", "CSS", "block_id"]


def esc(value) -> str:
    """HTML-escape any value, quotes included (for text and for attribute values)."""
    return _html.escape(str(value), quote=True)


# -- CSS ----------------------------------------------------------------------------

def _layer_css() -> str:
    rules = []
    for name, st in STYLE.items():
        c = st.colour
        line = "currentColor" if name == "provenance" else c
        sel = f".mk-view .mk-l-{name}"
        base = {
            "furniture": f"text-decoration: line-through 2px {c};",
            "quote": f"background: {rgba(c, .22)}; text-decoration: underline double {c}; text-decoration-thickness: 3px; text-underline-offset: 3px;",
            "attribution_cue": f"background: {rgba(c, .22)}; text-decoration: underline solid {c}; text-decoration-thickness: 3px; text-underline-offset: 2px;",
            "source": f"background: {rgba(c, .16)}; border: 2px solid {c}; border-radius: 3px; padding: 0 1px;",
            "loaded": f"background: {rgba(c, .24)}; text-decoration: underline wavy {c}; text-decoration-thickness: 1.5px; text-underline-offset: 4px;",
            "hedge": f"background: {rgba(c, .40)}; text-decoration: underline dotted currentColor; text-decoration-thickness: 2px; text-underline-offset: 3px;",
            "claim": f"background: {rgba(c, .14)}; text-decoration: underline dashed {c}; text-decoration-thickness: 2px; text-underline-offset: 7px;",
            "headline": f"background: {rgba(c, .22)}; text-decoration: overline solid {c}; text-decoration-thickness: 3px;",
            "provenance": f"border: 2px dashed {line}; border-radius: 3px; padding: 0 1px;",
        }[name]
        rules.append(f"{sel} {{ {base} }}")
        badge = '"furniture: " attr(data-label)' if name == "furniture" else f'"{st.badge}"'
        rules.append(f"{sel}.mk-end::after {{ content: {badge}; border-color: {line}; background: {rgba(c, .18)}; }}")
        off = f".mk-view .mk-t-{name}:not(:checked) ~ "
        rules.append(f"{off}.mk-text .mk-l-{name} {{ background: none; text-decoration: none; border-color: transparent; }}")
        rules.append(f"{off}.mk-text .mk-l-{name}::after, {off}.mk-text .mk-l-{name}::before {{ content: none; display: none; }}")
        rules.append(f"{off}.mk-findings .mk-f-{name} {{ display: none; }}")
    return "\n".join(rules)


_BASE_CSS = r"""
.mk-view { --mk-tip-bg: var(--jp-layout-color1, var(--mk-page-bg, #ffffff));
  --mk-tip-fg: var(--jp-ui-font-color0, var(--mk-page-fg, #111111));
  --mk-rule: var(--jp-border-color1, rgba(127, 127, 127, .5));
  --mk-focus: var(--jp-brand-color1, #0072B2);
  font-family: var(--jp-content-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif);
  color: inherit; line-height: 1.5; max-width: 52em; }
.mk-view { position: relative; }
.mk-view .mk-switches { margin: .2em 0 .2em; font-weight: 600; }
.mk-view input.mk-toggle { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.mk-view label.mk-key { display: inline-block; cursor: pointer; white-space: nowrap; margin: .15em .5em .15em 0;
  padding: .1em .45em .1em .3em; border: 1px solid var(--mk-rule); border-radius: 5px; font-weight: 400; }
.mk-view label.mk-key::before { content: "\2713"; display: inline-block; width: 1.05em; height: 1.05em; line-height: 1.05em;
  margin-right: .35em; text-align: center; font-weight: 700; border: 2px solid currentColor; border-radius: 3px;
  vertical-align: -0.15em; font-size: .9em; }
.mk-view input.mk-toggle:not(:checked) + label.mk-key::before { content: ""; }
.mk-view input.mk-toggle:not(:checked) + label.mk-key { opacity: .62; }
.mk-view input.mk-toggle:focus-visible + label.mk-key { outline: 3px solid var(--mk-focus); outline-offset: 2px; }
.mk-view input.mk-toggle:focus + label.mk-key { outline: 3px solid var(--mk-focus); outline-offset: 2px; }
.mk-view input.mk-toggle:focus:not(:focus-visible) + label.mk-key { outline: none; }
.mk-view .mk-count { opacity: .75; font-variant-numeric: tabular-nums; }
.mk-view .mk-swatch { display: inline-block; padding: 0 .3em; line-height: 1.3; font-size: .9em; }
.mk-view details.mk-legend-box { margin: .3em 0; }
.mk-view details.mk-legend-box summary { cursor: pointer; font-weight: 600; }
.mk-view .mk-legend { margin: .5em 0; padding: .3em .7em; border-left: 3px solid var(--mk-rule); font-size: .92em; }
.mk-view dl.mk-legend { width: auto; overflow: visible; }
.mk-view .mk-legend dt { display: block; float: none; width: auto; padding: 0; margin: .25em 0 0; font-weight: 600; }
.mk-view .mk-legend dd { display: block; float: none; width: auto; padding: 0; margin: 0 0 0 1.5em; }
.mk-view .mk-legend .mk-how { opacity: .8; font-style: italic; }
.mk-view .mk-note { margin: .4em 0; padding: .3em .6em; border: 1px dashed var(--mk-rule); border-radius: 4px; font-size: .92em; }
.mk-view pre.mk-pre { all: unset; display: block; white-space: pre-wrap; overflow-wrap: anywhere; font: inherit;
  line-height: inherit; color: inherit; background: none; border: 0; margin: 0; padding: 0; overflow: visible; }
.mk-view .mk-text { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.05; font-size: 1.02em;
  margin: .6em 0; padding: .6em .8em; border: 1px solid var(--mk-rule); border-radius: 6px; }
.mk-view .mk-head { font-size: 1.3em; font-weight: 700; line-height: 1.6; }
.mk-view .mk-par::before { content: attr(data-p); font-size: .7em; opacity: .6; margin-right: .45em;
  font-variant-numeric: tabular-nums; font-weight: 400; }
.mk-view .mk-furn { opacity: .62; font-size: .88em; font-style: italic; }
.mk-view .mk-hl { color: inherit; background: none; padding: 0; border-radius: 2px; text-decoration-skip-ink: none;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.mk-view .mk-hl.mk-nw { white-space: pre; }
.mk-view .mk-hl.mk-end::after, .mk-view .mk-swatch::after { display: inline-block; margin-left: 2px; padding: 0 3px;
  font-size: .62em; line-height: 1.25; font-weight: 700; font-style: normal; vertical-align: super;
  border: 1px solid; border-radius: 3px; text-decoration: none; color: inherit; white-space: nowrap; }
.mk-view .mk-hl[data-tip] { cursor: help; }
.mk-view .mk-hl[data-tip]:focus { outline: 3px solid var(--mk-focus); outline-offset: 1px; }
.mk-view .mk-hl[data-tip]:hover::before, .mk-view .mk-hl[data-tip]:focus::before {
  content: attr(data-tip); position: absolute; left: .8em; right: .8em; top: auto; margin-top: 2.15em; z-index: 20;
  padding: .45em .65em; white-space: pre-line; overflow-wrap: anywhere;
  font-size: .85rem; line-height: 1.4; font-weight: 400; font-style: normal; text-align: left;
  background: var(--mk-tip-bg); color: var(--mk-tip-fg); border: 1px solid var(--mk-rule); border-radius: 5px;
  box-shadow: 0 2px 8px rgba(0, 0, 0, .3); pointer-events: none; text-decoration: none; }
.mk-view .mk-hl[data-tip]:hover:has(.mk-hl[data-tip]:hover)::before { display: none; }
.mk-view .mk-report { margin: .8em 0; }
.mk-view .mk-report h3 { margin: .2em 0; font-size: 1.1em; }
.mk-view .mk-score { font-size: 1.15em; font-weight: 700; }
.mk-view table.mk-table { border-collapse: collapse; font-size: .92em; margin: .4em 0; table-layout: auto; }
.mk-view table.mk-table th, .mk-view table.mk-table td { border: 1px solid var(--mk-rule); padding: .25em .5em;
  text-align: left; vertical-align: top; }
.mk-view details.mk-findings { margin: .6em 0; font-size: .92em; }
.mk-view details.mk-findings summary { cursor: pointer; font-weight: 600; }
.mk-view details.mk-findings li { margin: .2em 0; }
.mk-view .mk-quiet { opacity: .75; }
"""

#: The stylesheet every render embeds (scoped under ``.mk-view``; no fonts, no URLs).
CSS = _BASE_CSS + _layer_css() + "\n"

_PAGE_CSS = """
:root { color-scheme: light dark; }
body.mk-page { --mk-page-bg: #ffffff; --mk-page-fg: #151515; background: var(--mk-page-bg); color: var(--mk-page-fg);
  margin: 0 auto; padding: 1.2em 1.6em 3em; max-width: 56em; font-size: 18px; }
@media (prefers-color-scheme: dark) { body.mk-page { --mk-page-bg: #1b1b1d; --mk-page-fg: #e9e9e9; } }
body.mk-page header { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
body.mk-page header h1 { font-size: 1.5em; margin: .2em 0; }
body.mk-page header p { margin: .3em 0; }
@media print { .mk-view .mk-text { line-height: 1.9; } .mk-view details.mk-findings { display: none; } }
"""


# -- helpers ---------------------------------------------------------------------------

def block_id(text: str, layers: Iterable[str]) -> str:
    """The id prefix of a render: ``mk-`` and 10 hex digits of SHA-1(text, layers).

    >>> block_id("abc", ["quote"]) == block_id("abc", ["quote"]) != block_id("abc", ["loaded"])
    True
    """
    h = hashlib.sha1()
    h.update(text.encode("utf-8", "surrogatepass"))
    h.update(b"\x00" + ",".join(layers).encode("ascii", "replace"))
    return "mk-" + h.hexdigest()[:10]


def _layers(markup, layers) -> tuple[str, ...]:
    if layers is None:
        return tuple(getattr(markup, "layers", LAYERS))
    if isinstance(layers, str):
        layers = [layers]
    layers = list(layers)
    for name in layers:
        if name not in LAYERS:
            raise MediakitError(f"There is no layer called {name!r}. The layers are: {', '.join(LAYERS)}.")
    return tuple(x for x in LAYERS if x in layers)


_SAFE_CLASS = re.compile(r"[^a-z0-9_-]+")


def _cls(label) -> str:
    return _SAFE_CLASS.sub("-", str(label).lower())[:40] or "x"


def _slice(text: str, value) -> str:
    """The text at a ``(start, end)`` meta value, or ``""`` when it is not one."""
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        a, b = value
        if 0 <= a <= b <= len(text):
            return text[a:b]
    return ""


_VOICE = {"writer": "writer's own voice", "speaker": "the speaker's words, inside a quote",
          "paraphrase": "paraphrase of what a source said"}


def explain(span: Span, text: str) -> str:
    """The plain-text explanation shown for one span (before escaping).

    >>> from mediakit.spans import Span
    >>> explain(Span("loaded", "label", 0, 8, "dictator", "A label judges.", "Russian President",
    ...              (("voice", "writer"),)), "dictator")
    "Loaded language: label (writer's own voice)\\nA label judges.\\nNeutral alternative: Russian President"
    """
    st = STYLE.get(span.layer)
    head = f"{st.name if st else span.layer}: {pretty(span.label)}"
    extra = []
    voice = span.get("voice")
    if voice:
        extra.append(_VOICE.get(voice, str(voice)))
    for key, word in (("speaker", "speaker"), ("source", "source"), ("role", "role")):
        t = _slice(text, span.get(key))
        if t:
            extra.append(f"{word}: {t}")
    if extra:
        head += " (" + "; ".join(extra) + ")"
    lines = [head]
    if span.explanation:
        lines.append(span.explanation)
    note = span.get("note")
    if note and note != span.explanation:
        lines.append(str(note))
    if span.alternative:
        lines.append(f"Neutral alternative: {span.alternative}")
    return "\n".join(lines)


# -- the text region ---------------------------------------------------------------------

class _Node:
    __slots__ = ("start", "end", "rank", "kind", "span", "seg", "fid", "last_open", "pieces")

    def __init__(self, start, end, rank, kind, span=None, seg=None, fid=None):
        self.start, self.end, self.rank, self.kind = start, end, rank, kind
        self.span, self.seg, self.fid = span, seg, fid
        self.last_open = -1
        self.pieces = 0


def _structure(article) -> list[_Node]:
    """Headline, body paragraphs and furniture lines, as outermost nodes."""
    if article is None:
        return []
    nodes = []
    if article.headline is not None:
        nodes.append(_Node(article.headline.start, article.headline.end, -1, "head", seg=article.headline))
    for i, p in enumerate(article.paragraphs, 1):
        nodes.append(_Node(p.start, p.end, -1, "par", seg=(i, p)))
    for f in article.furniture:
        nodes.append(_Node(f.start, f.end, -1, "furn", seg=f))
    return nodes


def _open_tag(node: _Node, text: str, uid: str, end: bool, piece: int, tips=None) -> str:
    if node.kind == "head":
        return '<span class="mk-head" role="heading" aria-level="2">'
    if node.kind == "par":
        return f'<span class="mk-par" data-p="&#182;{node.seg[0]}">'
    if node.kind == "furn":
        return f'<span class="mk-furn" data-kind="{esc(node.seg.label)}">'
    group = node.span                      # the spans of one layer with the same extent
    s = group[0]
    labels = []
    for g in group:
        if g.label not in labels:
            labels.append(g.label)
    classes = f"mk-hl mk-l-{_cls(s.layer)} " + " ".join(f"mk-c-{_cls(x)}" for x in labels)
    first = piece == 1
    if not first:
        classes += " mk-cont"
    if end:
        classes += " mk-end"
    if node.end - node.start <= 32 and "\n" not in s.text and "\r" not in s.text:
        classes += " mk-nw"                # a short highlight never wraps away from its badge
    attrs = f'class="{classes}"'
    if s.layer == "furniture":
        attrs += f' data-label="{esc(", ".join(pretty(x) for x in labels))}"'
    if first:
        tip = "\n\n".join(tips[i] for i in node.fid) if tips is not None and node.fid else \
            "\n\n".join(explain(g, text) for g in group)
        attrs += f' tabindex="0" data-tip="{esc(tip)}"'
        if node.fid:
            attrs += ' aria-describedby="' + " ".join(f"{uid}-f{i}" for i in node.fid) + '"'
    return f"<mark {attrs}>"


def _close_tag(node: _Node) -> str:
    return "</span>" if node.kind in ("head", "par", "furn") else "</mark>"


def _text_html(text: str, spans: Iterable[Span], structure: list[_Node], uid: str,
               fids: dict | None = None, tips: list | None = None) -> str:
    """Escaped ``text`` with every span (and the structure) wrapped in nested elements."""
    n = len(text)
    nodes = list(structure)
    order = {name: i for i, name in enumerate(LAYERS)}
    groups: dict[tuple, list[Span]] = {}
    for s in spans:
        if 0 <= s.start < s.end <= n:
            groups.setdefault((s.layer, s.start, s.end), []).append(s)
    for (layer, a, b), group in groups.items():
        fid = [fids[id(g)] for g in group if id(g) in fids] if fids else []
        nodes.append(_Node(a, b, order.get(layer, len(LAYERS)), "span", span=group, fid=fid))
    nodes.sort(key=lambda x: (x.start, -x.end, x.rank))
    starts: dict[int, list[_Node]] = {}
    ends: dict[int, int] = {}
    for x in nodes:
        starts.setdefault(x.start, []).append(x)
        ends[x.end] = ends.get(x.end, 0) + 1
    points = sorted(set(starts) | set(ends) | {0, n})

    out: list = []          # strings, or [node, is_last_piece, piece_number] for open tags
    stack: list[_Node] = []
    pos = 0
    for p in points:
        if p > pos:
            out.append(esc(text[pos:p]))
            pos = p
        reopen: list[_Node] = []
        left = ends.get(p, 0)
        while left and stack:
            x = stack.pop()
            out.append(_close_tag(x))
            if x.end == p:
                left -= 1
                out[x.last_open][1] = True       # its last piece: carries the badge
            else:
                reopen.append(x)
        opening = reopen + starts.get(p, [])
        opening.sort(key=lambda x: (-x.end, x.rank, x.start))
        for x in opening:
            x.pieces += 1
            x.last_open = len(out)
            out.append([x, False, x.pieces])
            stack.append(x)
    if pos < n:  # cannot happen (n is a point), kept for safety
        out.append(esc(text[pos:n]))
    for x in reversed(stack):  # cannot happen either: every node ends at a point
        out.append(_close_tag(x))
    parts = []
    for item in out:
        if isinstance(item, list):
            parts.append(_open_tag(item[0], text, uid, item[1], item[2], tips))
        else:
            parts.append(item)
    return "".join(parts)


#: The text sits in a ``<pre>`` (styled as ordinary text) so that tools that re-serialise
#: HTML, such as nbconvert's "export as HTML" (BeautifulSoup), keep blank lines and runs
#: of spaces between highlights. The empty span keeps a leading newline of the article:
#: the HTML parser drops a newline that comes straight after ``<pre>``.
_PRE = '<pre class="mk-pre"><span class="mk-start"></span>'

_REGION_OPEN = re.compile(r'<div class="mk-text"[^>]*>')


def text_region(html: str) -> str:
    """The inner HTML of the ``<div class="mk-text">`` of a render: the article text alone.

    The region holds only the article's text inside one ``<pre>`` and inline elements
    (``span``, ``mark``), never a ``<div>``, so it ends at the first ``</div>`` after it
    opens. With its
    tags stripped and its entities unescaped it equals the article's text exactly.

    >>> text_region('<div class="mk-view"><div class="mk-text">a &amp; <mark>b</mark></div></div>')
    'a &amp; <mark>b</mark>'
    >>> text_region("<p>no text here</p>")
    Traceback (most recent call last):
    ...
    mediakit.errors.MediakitError: This HTML has no <div class="mk-text"> region: it was not made by mediakit.views.html.render().
    """
    m = _REGION_OPEN.search(html)
    if not m:
        raise MediakitError('This HTML has no <div class="mk-text"> region: it was not made by '
                            "mediakit.views.html.render().")
    end = html.find("</div>", m.end())
    if end < 0:
        raise MediakitError('The <div class="mk-text"> region of this HTML is not closed.')
    return html[m.end():end]


# -- legend, report, findings ------------------------------------------------------------

def _swatch(layer: str, sample: str = "Abc") -> str:
    return (f'<span class="mk-swatch mk-hl mk-end mk-l-{_cls(layer)}" aria-hidden="true"'
            + (' data-label="label"' if layer == "furniture" else "") + f">{esc(sample)}</span>")


def legend(layers: Iterable[str] = LAYERS, counts: dict | None = None) -> str:
    """A ``<dl class="mk-legend">`` that explains each layer shown (only those).

    >>> "Loaded language" in legend(["loaded"]) and "Sources" not in legend(["loaded"])
    True
    """
    if isinstance(layers, str):
        layers = [layers]
    rows = []
    for name in layers:
        st = STYLE.get(name)
        if st is None:
            raise MediakitError(f"There is no layer called {name!r}. The layers are: {', '.join(LAYERS)}.")
        count = ""
        if counts is not None:
            k = counts.get(name, 0)
            count = f' <span class="mk-count">({k} found)</span>'
        rows.append(f'<dt class="mk-lg-{name}">{_swatch(name)} {esc(st.name)}{count}</dt>'
                    f'<dd>{esc(st.meaning)} <span class="mk-how">Marked with: {esc(st.cue)}, '
                    f'badge &#8220;{esc(st.badge)}&#8221;.</span></dd>')
    return '<dl class="mk-legend" aria-label="Legend">' + "".join(rows) + "</dl>"


def _report_html(markup) -> str:
    try:
        report = markup.headline
    except Exception as exc:  # a lens being rewritten must not break the page
        return f'<p class="mk-note">The headline report could not be made: {esc(exc)}</p>'
    if report is None:
        return '<p class="mk-note">This article has no headline, so there is nothing to compare with the body.</p>'
    text = markup.article.text
    out = ['<section class="mk-report" aria-label="Headline check">',
           "<h3>Headline check: does the body back the headline?</h3>",
           f'<p>Overall support: <span class="mk-score">{float(report.support):.2f}</span> out of 1 '
           "(1: the body states every term of the headline in its own voice; 0: the body never mentions them).</p>"]
    if not report.terms:
        out.append('<p class="mk-quiet">The headline lens found no terms to check.</p>')
    else:
        out.append('<table class="mk-table"><thead><tr><th scope="col">Headline term</th>'
                   '<th scope="col">Support in the body</th><th scope="col">Evidence (body sentences)</th>'
                   '<th scope="col">Note</th></tr></thead><tbody>')
        for t in report.terms:
            ev = []
            for e in t.evidence or ():
                s = _slice(text, tuple(e) if isinstance(e, list) else e)
                if s:
                    p = markup.article.paragraph_index(e[0])
                    where = f"&#182;{p + 1} " if p is not None else ""
                    ev.append(f"{where}&#8220;{esc(_short(s))}&#8221;")
            out.append(f"<tr><td>{esc(t.text)}</td><td>{esc(t.support)}</td>"
                       f"<td>{'<br>'.join(ev) or '&#8212;'}</td><td>{esc(t.note)}</td></tr>")
        out.append("</tbody></table>")
    out.append("</section>")
    return "".join(out)


def _short(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "\u2026"


class _Places:
    """Where an offset lies: "headline", "¶3", "page furniture" or "" (binary search)."""

    def __init__(self, article):
        self.article = article
        self.pstarts = [p.start for p in article.paragraphs] if article is not None else []
        self.fstarts = [f.start for f in article.furniture] if article is not None else []

    def __call__(self, offset: int) -> str:
        a = self.article
        if a is None:
            return ""
        h = a.headline
        if h is not None and h.start <= offset < max(h.end, h.start + 1):
            return "headline"
        i = bisect_right(self.pstarts, offset) - 1
        if i >= 0 and offset < a.paragraphs[i].end:
            return f"\u00b6{i + 1}"
        i = bisect_right(self.fstarts, offset) - 1
        if i >= 0 and offset < a.furniture[i].end:
            return "page furniture"
        return ""


def _findings_html(spans, text, uid, article, tips) -> str:
    where = _Places(article)
    items = []
    for i, s in enumerate(spans):
        st = STYLE.get(s.layer)
        w = where(s.start)
        place = f" ({w})" if w else ""
        quoted = f"&#8220;{esc(_short(s.text, 120))}&#8221;" if s.text else "<em>(no place in the text)</em>"
        body = esc(tips[i]).replace("\n", "<br>")
        items.append(f'<li id="{uid}-f{i}" class="mk-f mk-f-{_cls(s.layer)}">{_swatch(s.layer, st.badge if st else "?")} '
                     f"{quoted}{esc(place)}<br>{body}</li>")
    return (f'<details class="mk-findings"><summary>All {len(spans)} findings, in reading order</summary>'
            f'<ol>{"".join(items)}</ol></details>')


# -- render ------------------------------------------------------------------------------

def render(markup, layers: Iterable[str] | str | None = None, standalone: bool = False, *,
           findings: bool = True, report: bool | None = None, show_legend: bool = True) -> str:
    """The highlighted article as HTML.

    ``layers`` keeps only those layers (default: the markup's own layers; a single
    name is accepted). ``standalone=True`` returns a whole ``<!doctype html>`` page
    with the stylesheet inline, for projecting without Jupyter. ``findings`` adds the
    list of every finding; ``report`` the headline check (default: when the
    ``headline`` layer is shown); ``show_legend`` the legend.
    """
    markup = as_markup(markup)
    article = markup.article
    text = article.text
    shown = _layers(markup, layers)
    uid = block_id(text, shown)
    spans = [s for s in markup.spans if s.layer in shown]
    fids = {id(s): i for i, s in enumerate(spans)}
    tips = [explain(s, text) for s in spans]
    counts = {name: 0 for name in shown}
    for s in spans:
        counts[s.layer] += 1

    parts = [f'<div class="mk-view" id="{uid}" lang="en">', f"<style>{CSS}</style>"]
    if shown:
        parts.append(f'<div class="mk-switches" id="{uid}-sw">Layers (untick to hide):</div>')
        for name in shown:
            st = STYLE[name]
            parts.append(f'<input type="checkbox" class="mk-toggle mk-t-{name}" id="{uid}-t-{name}" checked'
                         f' aria-describedby="{uid}-sw">'
                         f'<label class="mk-key mk-k-{name}" for="{uid}-t-{name}">{_swatch(name)} {esc(st.name)} '
                         f'<span class="mk-count">({counts[name]})</span></label>')
    else:
        parts.append('<p class="mk-note">No layers are shown: pass layers=["quote", ...] to see highlights.</p>')
    if show_legend and shown:
        opened = " open" if len(shown) <= 3 or standalone else ""
        parts.append(f'<details class="mk-legend-box"{opened}><summary>What the layers mean</summary>'
                     f"{legend(shown, counts)}</details>")
    held = tuple(getattr(markup, "layers", LAYERS))
    missing = [STYLE[n].name for n in shown if n not in held]
    if missing:
        parts.append('<p class="mk-note">Not in this markup (it was made with only()): '
                     + esc(", ".join(missing)) + ".</p>")
    empty = [STYLE[n].name for n in shown if counts[n] == 0 and n in held]
    if empty:
        parts.append('<p class="mk-note">Nothing was found in: ' + esc(", ".join(empty)) + ". "
                     "Either the article has none, or the lens missed them: read the text yourself.</p>")
    skipped = [s for s in spans if s.start == s.end]
    if skipped:
        parts.append(f'<p class="mk-note">{len(skipped)} finding(s) have no place in the text '
                     "(for example a missing byline); they are in the list of findings below.</p>")
    parts.append(f'<div class="mk-text" id="{uid}-text">{_PRE}'
                 f"{_text_html(text, spans, _structure(article), uid, fids, tips)}</pre></div>")
    if report if report is not None else ("headline" in shown):
        parts.append(_report_html(markup))
    if findings and spans:
        parts.append(_findings_html(spans, text, uid, article, tips))
    parts.append("</div>")
    fragment = "".join(parts)
    if not standalone:
        return fragment
    return _page(markup, fragment, shown)


def _page(markup, fragment: str, shown) -> str:
    from .. import __version__
    article = markup.article
    title = article.headline.text if article.headline is not None else f"Article from {article.source}"
    notes = "".join(f"<p class=\"mk-quiet\">{esc(n)}</p>" for n in getattr(article, "notes", ()))
    return ("<!doctype html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)} &#8212; mediakit</title>\n"
            f"<style>{_PAGE_CSS}</style>\n</head>\n"
            '<body class="mk-page">\n<header>\n'
            f"<h1>{esc(title)}</h1>\n"
            f"<p>A close reading made by mediakit {esc(__version__)} from <code>{esc(article.source)}</code>. "
            "Each layer below marks one kind of device. Hover over a highlight, or move to it with the Tab key, "
            "to read why it is marked; untick a layer to hide it. The marks are a machine's first reading: "
            "check them against the text.</p>\n"
            f"{notes}</header>\n<main>\n{fragment}\n</main>\n</body>\n</html>\n")


# -- small helpers for lessons and exercises ------------------------------------------------

def highlight(source, spans: Iterable[Span], *, explanations: bool = True) -> str:
    """Highlight ``spans`` in a passage: ``source`` is a string, an Article or a Markup.

    No switches, legend or list: just the text region, for exercises and feedback.

    >>> from mediakit.spans import make_span
    >>> t = "He is a <b>daring</b> man"
    >>> out = highlight(t, [make_span(t, "loaded", "loaded_adjective", 11, 17)])
    >>> "&lt;b&gt;<mark" in out and "daring</mark>&lt;/b&gt;" in out
    True
    """
    article = getattr(source, "article", None) or (source if hasattr(source, "paragraphs") else None)
    text = article.text if article is not None else source
    if not isinstance(text, str):
        raise MediakitError("highlight() takes the passage as a string, an Article or a Markup.")
    spans = list(spans)
    for s in spans:
        if not (0 <= s.start <= s.end <= len(text)) or text[s.start:s.end] != s.text:
            raise MediakitError(f"The span {s.text!r} ({s.start}..{s.end}) does not match this passage: "
                                "build spans from the same text you highlight.")
    if not explanations:
        spans = [Span(s.layer, s.label, s.start, s.end, s.text) for s in spans]
    layers = sorted({s.layer for s in spans})
    uid = block_id(text, layers)
    return (f'<div class="mk-view mk-passage" id="{uid}"><style>{CSS}</style>'
            f'<div class="mk-text">{_PRE}{_text_html(text, spans, _structure(article), uid)}</pre></div></div>')


def show(markup, layers: Iterable[str] | str | None = None, **kwargs):
    """An ``IPython.display.HTML`` object of :func:`render` (for a notebook cell's last line)."""
    from IPython.display import HTML
    return HTML(render(markup, layers=layers, **kwargs))
