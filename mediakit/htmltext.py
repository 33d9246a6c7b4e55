"""Turn an HTML page into the article's plain text, headline and page metadata.

The main text is found by `trafilatura <https://trafilatura.readthedocs.io>`_, a
maintained extractor that scores the page's blocks and drops menus, footers, share
buttons and comment sections far better than a hand-written rule can. It is imported
only when an HTML page is loaded. When it is missing, fails, or finds nothing (very
short pages), a small fallback built on the standard library's :mod:`html.parser`
keeps the text of headings, paragraphs and list items (only those inside
``<article>`` or ``<main>`` when the page has one) and drops ``script``, ``style``,
``nav``, ``header``, ``footer``, ``aside``, ``form`` and blocks whose class or id
names comments, share buttons, cookie banners or related links. Either way, scripts
are never run, the content of ``<script>`` and ``<style>`` never reaches the text,
and the text that comes out is plain text: entities are decoded, tags are gone.

>>> text, headline, meta, notes = html_to_text(
...     "<html><head><title>T</title></head><body><h1>Big news</h1>"
...     "<p>First &amp; <b>only</b> paragraph.</p><script>alert(1)</script></body></html>")
>>> headline, text
('Big news', 'Big news\\n\\nFirst & only paragraph.')

Not handled: text drawn by JavaScript after the page loads (it is not in the HTML),
articles split over several pages, and paywalled text the page does not contain.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

#: Elements whose content is never article text.
_SKIP = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "template",
    "svg",
    "button",
    "iframe",
    "select",
    "object",
    "canvas",
    "math",
    "dialog",
}
#: Of those, the ones whose text must not even reach the headline.
_NEVER = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "math"}
_BLOCK = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "div",
    "article",
    "section",
    "td",
    "th",
    "figcaption",
    "main",
    "dd",
    "dt",
    "table",
    "ul",
    "ol",
    "figure",
    "br",
    "hr",
    "tr",
}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param", "track"}
_MAIN = {"article", "main"}
#: A class or id that names page furniture (only checked on elements that are not the page's frame).
_JUNK_ATTR = re.compile(
    r"comment|cookie|consent|share|sharing|social|related|newsletter|promo|advert|(^|[-_ ])ads?([-_ ]|$)"
    r"|banner|subscribe|sidebar|widget|menu|breadcrumb|popup|modal|paywall|recommend|outbrain"
    r"|taboola|footer|site-header|page-header|global-header|masthead|colophon|skip-link|site-title|site-branding|site-info"
    r"|entry-meta|byline|(^|[-_ ])nav([-_ ]|$)|navigation",
    re.I,
)
_FRAME = {"html", "body", "main", "article"}


class _Collector(HTMLParser):
    """Collect the text of block elements, skipping page furniture."""

    def __init__(self, junk_attrs: bool = True, skip_tags=_SKIP) -> None:
        super().__init__(convert_charrefs=True)
        self.junk_attrs = junk_attrs
        self.skip_tags = skip_tags
        self.stack: list[tuple[str, bool]] = []  # (tag, whether it opened a skip)
        self.skip = 0
        self.never = 0
        self.main = 0
        self.blocks: list[tuple[bool, list[str]]] = [(False, [])]
        self.title: list[str] = []
        self.h1: list[str] = []
        self.h1_done = False
        self.in_title = False
        self.in_h1 = False
        self.meta: dict[str, str] = {}

    def _new_block(self) -> None:
        if self.blocks[-1][1]:
            self.blocks.append((self.main > 0, []))
        else:
            self.blocks[-1] = (self.main > 0, [])

    def _meta(self, attrs) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        key = (a.get("name") or a.get("property") or "").lower()
        if key in ("author", "article:author", "byl", "parsely-author"):
            self.meta.setdefault("byline", a.get("content", ""))
        elif key in ("article:published_time", "date", "pubdate", "publishdate", "dc.date"):
            self.meta.setdefault("date", a.get("content", ""))
        elif key in ("og:site_name",):
            self.meta.setdefault("outlet", a.get("content", ""))
        elif key in ("og:url",):
            self.meta.setdefault("url", a.get("content", ""))

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in _VOID:
            if tag == "meta":
                self._meta(attrs)
            elif tag == "link" and dict(attrs).get("rel", "").lower() == "canonical":
                self.meta.setdefault("url", dict(attrs).get("href") or "")
            if tag in ("br", "hr"):
                self._new_block()
            return
        opens_skip = tag in self.skip_tags
        if not opens_skip and self.junk_attrs and tag not in _FRAME:
            cls = " ".join(v or "" for k, v in attrs if k.lower() in ("class", "id", "role"))
            opens_skip = bool(cls and _JUNK_ATTR.search(cls))
        self.stack.append((tag, opens_skip))
        if opens_skip:
            self.skip += 1
        if tag in _NEVER:
            self.never += 1
        if tag in _MAIN:
            self.main += 1
        if tag == "title" and not self.never:
            self.in_title = True
        elif tag == "h1" and not self.h1_done:
            self.in_h1 = True
        if tag in _BLOCK:
            self._new_block()

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in _VOID:
            return
        # Close the most recent open element of this name (and anything left open inside it).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for t, skipped in self.stack[i:]:
                    if skipped:
                        self.skip -= 1
                    if t in _NEVER:
                        self.never -= 1
                    if t in _MAIN:
                        self.main -= 1
                    if t == "h1" and self.in_h1:
                        self.in_h1 = False
                        self.h1_done = bool(_clean("".join(self.h1)))
                    if t == "title":
                        self.in_title = False
                del self.stack[i:]
                break
        if tag in _BLOCK:
            self._new_block()

    def handle_data(self, data):
        if self.never:
            return
        if self.in_title:
            self.title.append(data)
            return
        if self.in_h1:
            self.h1.append(data)
        if self.skip:
            return
        self.blocks[-1][1].append(data)


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _fallback(page: str, junk_attrs: bool = True) -> tuple[list[str], _Collector]:
    c = _Collector(junk_attrs)
    c.feed(page)
    c.close()
    in_main = [_clean("".join(b)) for m, b in c.blocks if m]
    paras = [p for p in in_main if p] or [p for p in (_clean("".join(b)) for _, b in c.blocks) if p]
    if not paras and junk_attrs:
        paras2, c2 = _fallback(page, junk_attrs=False)
        return paras2, c
    return paras, c


_TITLE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014]{1,60}$")


def _headline(c: _Collector, md_title: str | None) -> str | None:
    h1 = _clean("".join(c.h1))
    if h1:
        return h1
    if md_title and _clean(md_title):
        return _clean(md_title)
    title = _clean("".join(c.title))
    if title:
        # "Headline | Outlet" or "Headline - Outlet": keep the headline.
        trimmed = _TITLE_SUFFIX.sub("", title)
        return trimmed or title
    return None


_NOSPACE = re.compile(r"\s+")


def _rejoin(lines: list[str], paragraphs: list[str], reach: int = 60) -> list[str]:
    """Mend a paragraph that the extractor broke at inline tags (``<b>``, ``<a>``).

    On small pages trafilatura sometimes puts each inline element on its own line;
    where consecutive lines are exactly one paragraph of the simple reader (white
    space aside), that paragraph is used instead.
    """
    whole = {_NOSPACE.sub("", p): p for p in paragraphs}
    out: list[str] = []
    i = 0
    while i < len(lines):
        joined, best = "", None
        for j in range(i, min(len(lines), i + reach)):
            joined += _NOSPACE.sub("", lines[j])
            if j > i and joined in whole:
                best = j
        if best is None:
            out.append(lines[i])
            i += 1
        else:
            out.append(whole[_NOSPACE.sub("", "".join(lines[i : best + 1]))])
            i = best + 1
    return out


#: What the extractor's lines are checked against: everything but code, menus, footers and forms.
_NOT_TEXT = _NEVER | {"nav", "footer", "form", "button", "select", "dialog"}


def _only_page_text(lines: list[str], page: str) -> list[str]:
    """Keep the extractor's lines that are visible text outside menus, footers and forms.

    A safety net: on pages with no article, trafilatura may return a menu; and no line
    that only a ``<script>`` holds may ever reach the text.
    """
    c = _Collector(junk_attrs=False, skip_tags=_NOT_TEXT)
    c.feed(page)
    c.close()
    visible = _NOSPACE.sub("", "".join("".join(b) for _, b in c.blocks))
    return [line for line in lines if _NOSPACE.sub("", line) in visible]


def html_to_text(
    page: str, use_trafilatura: bool = True
) -> tuple[str, str | None, tuple[tuple[str, str], ...], tuple[str, ...]]:
    """``(text, headline, metadata, notes)`` for an HTML page.

    ``text`` is the headline, a blank line, then the body paragraphs separated by blank
    lines. ``metadata`` holds what the page declares: ``byline``, ``date``, ``outlet``,
    ``url`` (only those it has). ``use_trafilatura=False`` uses the standard-library
    reader alone (for tests, and for comparing the two).
    """
    paras_fb, c = _fallback(page)
    meta = {k: _clean(html.unescape(v)) for k, v in c.meta.items() if _clean(v)}
    notes = ["The page was HTML: only its main text was kept (menus, scripts and comments were dropped)."]
    body: list[str] = []
    md_title = None
    if use_trafilatura:
        try:
            import trafilatura  # imported here: only HTML needs it
        except ImportError:
            trafilatura = None
            notes.append("trafilatura could not be imported, so a simpler HTML reader was used.")
        if trafilatura is not None:
            try:
                extracted = trafilatura.extract(
                    page,
                    output_format="txt",
                    include_comments=False,
                    include_tables=False,
                    deduplicate=False,
                    favor_recall=True,
                )
                if extracted:
                    body = [_clean(line) for line in extracted.splitlines() if _clean(line)]
                md = trafilatura.extract_metadata(page)
                if md is not None:
                    md_title = getattr(md, "title", None)
                    for key, attr in (("byline", "author"), ("date", "date"), ("outlet", "sitename"), ("url", "url")):
                        v = getattr(md, attr, None)
                        if v and key not in meta:
                            meta[key] = _clean(str(v))
            except Exception:  # noqa: BLE001 - any failure of the extractor falls back to the simple reader
                body = []
                notes.append("trafilatura could not read this page, so a simpler HTML reader was used.")
    headline = _headline(c, md_title)
    if body:
        body = _rejoin(_only_page_text(body, page), paras_fb)
    else:
        body = paras_fb
    # The extractors often repeat the headline (or the <title>) near the top of the body.
    if headline:
        repeats = {headline, _clean("".join(c.title))}
        body = [line for i, line in enumerate(body) if i >= 5 or line not in repeats]
    parts = ([headline] if headline else []) + body
    text = "\n\n".join(parts)
    return text, headline, tuple(sorted(meta.items())), tuple(notes)
