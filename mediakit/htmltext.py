"""Turn an HTML page into the article's plain text, headline and page metadata.

The main text is found by `trafilatura <https://trafilatura.readthedocs.io>`_, a
well-kept extractor that scores the page's blocks and drops menus, footers, share
buttons and comment sections far better than a hand-written rule can. It is imported
only when an HTML page is loaded. When it finds nothing (very short pages), a small
fallback built on the standard library's :mod:`html.parser` keeps the text of
headings, paragraphs and list items and drops ``script``, ``style``, ``nav``,
``header``, ``footer``, ``aside`` and ``form``. Either way, scripts are never run and
the text that comes out is plain text: entities are decoded, tags are gone.

>>> text, headline, meta, notes = html_to_text(
...     "<html><head><title>T</title></head><body><h1>Big news</h1>"
...     "<p>First &amp; <b>only</b> paragraph.</p><script>alert(1)</script></body></html>")
>>> headline, text
('Big news', 'Big news\\n\\nFirst & only paragraph.')
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg", "button", "iframe"}
_BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "article", "section", "td", "figcaption"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param", "track"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.blocks: list[list[str]] = [[]]
        self.title: list[str] = []
        self.h1: list[str] = []
        self.in_title = False
        self.in_h1 = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in _VOID:
            if tag == "meta":
                a = {k.lower(): (v or "") for k, v in attrs}
                key = (a.get("name") or a.get("property") or "").lower()
                if key in ("author", "article:author"):
                    self.meta.setdefault("byline", a.get("content", ""))
                elif key in ("article:published_time", "date", "pubdate"):
                    self.meta.setdefault("date", a.get("content", ""))
                elif key in ("og:site_name",):
                    self.meta.setdefault("outlet", a.get("content", ""))
                elif key in ("og:url",):
                    self.meta.setdefault("url", a.get("content", ""))
            return
        if tag in _SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "h1":
            self.in_h1 = True
        if tag in _BLOCK:
            self.blocks.append([])

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in _SKIP and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        elif tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK:
            self.blocks.append([])

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
            return
        if self.skip:
            return
        if self.in_h1:
            self.h1.append(data)
        self.blocks[-1].append(data)


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _fallback(page: str) -> tuple[list[str], _Collector]:
    c = _Collector()
    c.feed(page)
    c.close()
    paras = [_clean("".join(b)) for b in c.blocks]
    return [p for p in paras if p], c


def html_to_text(page: str) -> tuple[str, str | None, tuple[tuple[str, str], ...], tuple[str, ...]]:
    """``(text, headline, metadata, notes)`` for an HTML page.

    ``text`` is the headline, a blank line, then the body paragraphs separated by blank
    lines. ``metadata`` holds what the page declares: ``byline``, ``date``, ``outlet``,
    ``url`` (only those it has).
    """
    paras_fb, c = _fallback(page)
    headline = _clean("".join(c.h1)) or _clean(html.unescape("".join(c.title))) or None
    meta = {k: _clean(v) for k, v in c.meta.items() if _clean(v)}
    notes = ["The page was HTML: only its main text was kept (menus, scripts and comments were dropped)."]
    body: list[str] = []
    try:
        import trafilatura  # imported here: only HTML needs it
        extracted = trafilatura.extract(page, output_format="txt", include_comments=False,
                                        include_tables=False, deduplicate=False, favor_recall=True)
        if extracted:
            body = [_clean(line) for line in extracted.splitlines() if _clean(line)]
        md = trafilatura.extract_metadata(page)
        if md is not None:
            for key, attr in (("byline", "author"), ("date", "date"), ("outlet", "sitename"), ("url", "url")):
                v = getattr(md, attr, None)
                if v and key not in meta:
                    meta[key] = _clean(str(v))
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        notes.append("trafilatura is not installed, so a simpler HTML reader was used.")
    if not body:
        body = [p for p in paras_fb if p != headline]
    if body and headline and body[0] == headline:
        body = body[1:]
    parts = ([headline] if headline else []) + body
    text = "\n\n".join(parts)
    return text, headline, tuple(sorted(meta.items())), tuple(notes)
