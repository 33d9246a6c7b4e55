"""Load an article: decode it, find its headline, set page furniture apart, cut it up.

Sources: the seed (no argument), a path to a ``.txt``, ``.md`` or ``.html`` file,
bytes, or the article's text as a string. The text is decoded as UTF-8, else as
Windows-1252 or Latin-1 (``article.notes`` says so); a byte-order mark is dropped;
line endings (LF, CRLF, CR) are kept as they are. An HTML page is reduced to its
main text first (:mod:`mediakit.htmltext`). Then:

- the **headline** is the first non-furniture line of a text file when it reads like
  one (at most 200 characters, and not a long sentence ending in a full stop), a
  Markdown ``# heading``, or the page's ``<h1>``/``<title>``;
- **furniture** is every whole line that a rule of ``lexicons/furniture.csv``
  matches; bylines and dated lines also fill ``article.metadata``;
- **paragraphs** are blank-line separated blocks (or single lines, in a text that
  never leaves blank lines inside), and **sentences** come from
  :func:`mediakit.segment.sentences`.

Every part is a :class:`~mediakit.segment.Segment` whose offsets index
``article.text``. Bad input raises :class:`~mediakit.errors.ArticleError` with a
message for the student.

Not handled: text inside images or PDFs, two articles in one file (read as one),
and a headline that is not the first line (a kicker or section name above it is
taken as the headline).

>>> a = load_article()
>>> a.headline.text
'Ukraine prepares for “bargaining” with Trump by seizing Kursk region'
>>> [f.label for f in a.furniture]
['timestamp', 'counter', 'call_to_action', 'widget']
>>> len(a.paragraphs), a.text[a.paragraphs[0].start:a.paragraphs[0].end] == a.paragraphs[0].text
(13, True)
>>> load_article("   ")
Traceback (most recent call last):
...
mediakit.errors.ArticleError: The article is empty: there is no text to analyse. Check that you gave the right file or pasted the whole article.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import segment
from .errors import ArticleError
from .lexicon import furniture_match
from .segment import Segment

#: The file name of the seed article shipped inside the package.
SEED_NAME = "000_8f5fbcc5a9dbdb78.txt"
#: Larger texts are refused with a clear message (a news article is rarely over 100 kB).
MAX_BYTES = 20_000_000
_HTML_EXT = {".html", ".htm", ".xhtml"}
_TEXT_EXT = {".txt", ".md", ".markdown", ".text"}
_SURROGATE = re.compile("[\ud800-\udfff]")
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
#: Control characters other than tab, line feed, form feed and carriage return (a sign of a binary file).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
#: One line: leading blanks, the stripped content (group 1, absent on a blank line), trailing blanks, the line end.
_CONTENT_LINE = re.compile(r"[^\S\r\n]*(\S(?:[^\r\n]*\S)?)?[^\S\r\n]*(?:\r\n|\r|\n|\Z)")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+(\S.*)")
_MD_RULE = re.compile(r"(?:[=\-*_]\s*){3,}")
_BYLINE_PREFIX = re.compile(r"^[*_]*(?i:(?:written|words|reporting|story|text|additional reporting)\s+)?(?i:by)\s+")
_FURNITURE_MAX = 160
_LOOKS_HTML = re.compile(r"^\s*(<!doctype html|<html\b|<head\b|<body\b|<article\b)|<(p|h1|div|article)\b[^>]*>", re.I)


@dataclass(frozen=True)
class Article:
    """An article as loaded: its exact text, and where its parts lie in that text.

    Nothing here is ever changed after loading: methods return new objects. All
    offsets are code-point offsets into :attr:`text`.
    """

    text: str
    source: str = "<text>"
    headline: Segment | None = None
    furniture: tuple[Segment, ...] = ()
    paragraphs: tuple[Segment, ...] = ()
    sentences: tuple[Segment, ...] = ()
    format: str = "text"
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def __repr__(self) -> str:
        head = self.headline.text if self.headline else "(no headline)"
        return (
            f"<Article {head[:60]!r}: {len(self.paragraphs)} paragraphs, "
            f"{len(self.sentences)} sentences, {len(self.furniture)} furniture lines, from {self.source}>"
        )

    @property
    def title(self) -> str:
        """The headline's text, or an empty string when there is none."""
        return self.headline.text if self.headline else ""

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (a copy: offsets do not apply to it)."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def meta(self, key: str, default: str = "") -> str:
        """A piece of page metadata (``byline``, ``date``, ``outlet``, ``url``), if the page had it."""
        return dict(self.metadata).get(key, default)

    def _starts(self, name: str) -> list[int]:
        key = f"starts:{name}"
        if key not in self._cache:
            self._cache[key] = [s.start for s in getattr(self, name)]
        return self._cache[key]

    def normalized(self) -> str:
        """:func:`mediakit.segment.normalize` of :attr:`text`, computed once (lenses match on it).

        >>> a = load_article("A “quoted” headline\\n\\nBody text.")
        >>> a.normalized() == segment.normalize(a.text), a.normalized() is a.normalized()
        (True, True)
        """
        if "normalized" not in self._cache:
            self._cache["normalized"] = segment.normalize(self.text)
        return self._cache["normalized"]

    def paragraph_index(self, offset: int) -> int | None:
        """The index of the body paragraph that holds ``offset``, or ``None``."""
        i = bisect.bisect_right(self._starts("paragraphs"), offset) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return i
        return None

    def sentence_at(self, offset: int) -> Segment | None:
        """The body sentence that holds ``offset``, or ``None`` (headline, furniture, gaps)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def sentences_in(self, paragraph: int) -> tuple[Segment, ...]:
        """The sentences of body paragraph number ``paragraph`` (counting from 0)."""
        p = self.paragraphs[paragraph]
        starts = self._starts("sentences")
        return self.sentences[bisect.bisect_left(starts, p.start) : bisect.bisect_left(starts, p.end)]

    def markup(self):
        """Run every lens on the article and return the :class:`~mediakit.markup.Markup`."""
        if "markup" not in self._cache:
            from .markup import Markup

            self._cache["markup"] = Markup.build(self)
        return self._cache["markup"]


Source = str | os.PathLike | bytes | None


def seed_path() -> Path:
    """Where the seed article lives inside the installed package."""
    return Path(__file__).resolve().parent / "data" / "seed_article.txt"


def load_article(source: Source = None, *, name: str | None = None, headline: str | None = None) -> Article:
    """Load an article from the seed (no argument), a file path, raw bytes or a string of text.

    A string is read as a path when it names a file (or ends in ``.txt``, ``.md`` or
    ``.html`` and has no line break); otherwise it is the article's text itself.
    ``name`` sets how the source is reported (default: the path, ``seed`` or ``<text>``).
    ``headline`` gives the headline apart from the body text, when you have the two separately:
    it is then the headline whatever it looks like (a long sentence ending in a full stop, too).

    >>> a = load_article("The plan was approved on Monday.", headline="Council approves the plan.")
    >>> a.headline.text, len(a.paragraphs)
    ('Council approves the plan.', 1)
    """
    if headline is not None:
        return _with_headline(source, headline, name)
    if source is None:
        data = seed_path().read_bytes()
        return _from_bytes(data, name or f"seed:{SEED_NAME}", "text")
    if isinstance(source, (bytes, bytearray)):
        return _from_bytes(bytes(source), name or "<bytes>", None)
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        return _from_path(Path(source), name)
    if not isinstance(source, str):
        raise ArticleError(
            f"load_article() takes a file path or the article's text as a string, not {type(source).__name__}."
        )
    if len(source.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise _too_large(len(source.encode("utf-8", "surrogatepass")))
    fmt = "html" if _LOOKS_HTML.search(source[:5000]) else "text"
    return _from_text(source, name or "<text>", fmt, "utf-8", ())


def _with_headline(body: Source, headline: object, name: str | None) -> Article:
    """The article from a headline and a body given apart (``load_article(body, headline=...)``)."""
    if not isinstance(headline, str) or not headline.strip():
        raise ArticleError('The headline must be a line of text, for example headline="Council approves the plan".')
    if not isinstance(body, str) or _looks_like_path(body) or _LOOKS_HTML.search(body[:5000]):
        raise ArticleError(
            "headline= works with the body given as plain text (a string). "
            "For a file, put the headline on its first line and leave headline= out."
        )
    head = " ".join(headline.split())
    text = head + "\n\n" + body
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise _too_large(len(text.encode("utf-8", "surrogatepass")))
    return _from_text(text, name or "<text>", "text", "utf-8", (), headline_hint=head)


def _looks_like_path(s: str) -> bool:
    """Whether a one-line string names a file (or looks like a file name) rather than being text."""
    if "\n" in s or "\r" in s or "\x00" in s or len(s) > 1024 or not s.strip() or s != s.strip():
        return False
    p = Path(s)
    if p.suffix.lower() in _HTML_EXT | _TEXT_EXT and " " not in p.name:
        return True
    try:
        p = p.expanduser()
        return p.is_file() or (p.is_dir() and (os.sep in s or s.endswith("/")))
    except (OSError, ValueError, RuntimeError):  # RuntimeError: "~user" with no such user
        return False


def _too_large(n: int) -> ArticleError:
    return ArticleError(
        f"The article is too large ({n / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB). "
        "A news article is rarely over 0.1 MB: check that this is the right file."
    )


def _from_path(path: Path, name: str | None) -> Article:
    shown = str(path)
    if "\x00" in shown:
        raise ArticleError(f"{shown!r} is not a valid file name (it holds a NUL character).")
    try:
        path = path.expanduser()
    except RuntimeError:  # "~name" where no user has that name: take the path as written
        pass
    try:
        if not path.exists():
            raise ArticleError(
                f"There is no file at {shown!r}. Check the name and the folder "
                f"(mediakit is looking from {os.getcwd()!r})."
            )
        if path.is_dir():
            raise ArticleError(f"{shown!r} is a folder, not a file. Give the path of one article file.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_large(size)
        data = path.read_bytes()
    except ArticleError:
        raise
    except PermissionError:
        raise ArticleError(
            f"mediakit may not read {shown!r} (permission denied). Copy the article to a file you own."
        ) from None
    except OSError as e:
        raise ArticleError(f"{shown!r} could not be read ({e.strerror or e}). Check the path.") from None
    except ValueError:  # e.g. a path with a NUL character
        raise ArticleError(f"{shown!r} is not a valid file name.") from None
    suffix = path.suffix.lower()
    fmt = "html" if suffix in _HTML_EXT else "markdown" if suffix in {".md", ".markdown"} else None
    return _from_bytes(data, name or shown, fmt)


def decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Decode bytes as UTF-8, else cp1252, else latin-1; say what was done.

    Bytes that are not UTF-8 are read as Windows-1252 when they use its quotes and
    dashes (bytes 0x80-0x9F), and as Latin-1 (ISO-8859-1) otherwise: the two agree on
    every other byte.

    >>> decode("“Café” – 5 €".encode("cp1252"))[1:]
    ('cp1252', ('The file is not UTF-8. It was read as Windows-1252 (cp1252); check accented letters and quotes.',))
    >>> decode("café".encode("latin-1"))
    ('café', 'latin-1', ('The file is not UTF-8. It was read as Latin-1 (ISO-8859-1); check accented letters and quotes.',))
    """
    if len(data) > MAX_BYTES:
        raise _too_large(len(data))
    head = data[:65536]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(
            "This file is binary (it contains NUL bytes), not text. Give mediakit a .txt, .md or .html file."
        )
    notes: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        notes.append("The file starts with a byte-order mark; it was removed before reading.")
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", ("The file is UTF-16; it was decoded as such.",)
        except UnicodeDecodeError:
            raise ArticleError(
                "This file looks like UTF-16 but cannot be decoded. Save it again as UTF-8 text."
            ) from None
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            if not _C1_BYTES.search(data):
                raise UnicodeDecodeError("cp1252", b"", 0, 0, "no Windows-1252 punctuation: read as Latin-1")
            text, enc = data.decode("cp1252"), "cp1252"
            notes.append(
                "The file is not UTF-8. It was read as Windows-1252 (cp1252); check accented letters and quotes."
            )
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "latin-1"
            notes.append(
                "The file is not UTF-8. It was read as Latin-1 (ISO-8859-1); check accented letters and quotes."
            )
    controls = len(_CONTROL_CHARS.findall(text, 0, 65536))
    if controls > max(8, len(text[:65536]) // 50):
        raise ArticleError(
            "This file looks binary (it is full of control characters), not text. Give mediakit a .txt, .md or .html file."
        )
    return text, enc, tuple(notes)


def _from_bytes(data: bytes, name: str, fmt: str | None) -> Article:
    text, enc, notes = decode(data)
    if fmt is None:
        fmt = "html" if _LOOKS_HTML.search(text[:5000]) else "text"
    return _from_text(text, name, fmt, enc, notes)


def _from_text(
    text: str, name: str, fmt: str, enc: str, notes: tuple[str, ...], headline_hint: str | None = None
) -> Article:
    if "\x00" in text:
        raise ArticleError("This text contains NUL characters, so it is binary data, not an article.")
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
        notes = notes + ("The text held broken characters (lone surrogates); each was replaced by \ufffd.",)
    if text.startswith("\ufeff"):
        text = text[1:]
        if not any("byte-order mark" in n for n in notes):
            notes = notes + ("The text starts with a byte-order mark; it was removed before reading.",)
    metadata: tuple[tuple[str, str], ...] = ()
    if fmt == "html":
        from .htmltext import html_to_text

        text, headline_hint, metadata, html_notes = html_to_text(text)
        notes = notes + html_notes
    if not text.strip():
        raise ArticleError(
            "The article is empty: there is no text to analyse. "
            "Check that you gave the right file or pasted the whole article."
        )
    return _structure(text, name, fmt, enc, notes, metadata, headline_hint)


_LABELLED_TITLE = re.compile(r"(?i:video|watch|listen)\s*:\s*(?:\S+\s+){3,}\S+")
_PROMO_LINE = re.compile(r"(?:Watch|WATCH|Listen|LISTEN)\b[^.!?\"\u201c\u201d]{3,100}")
_SUBHEAD_END = ".!?,;:\"'\u201d\u2019)]\u2026"


_READ_MORE_TAIL = re.compile(r"\s+read more(?: at)?\s*:?\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)


def _title_like(line: str, words: int) -> bool:
    """Whether a first line reads like a headline: at most 200 characters (a trailing "Read more: URL"
    not counted) and not a long sentence ending in a full stop, unless it is in title case."""
    core = _READ_MORE_TAIL.sub("", line)
    if len(core) > 200:
        return False
    if not core.rstrip("\"'\u201d\u2019").endswith(".") or words <= 12:
        return True
    ws = [w for w in core.split() if w[:1].isalpha()]
    return len(ws) <= 25 and sum(w[:1].isupper() for w in ws) >= 0.7 * len(ws)


def _late_furniture(text, headline, lines, gaps, furniture):
    """Body lines that are page furniture only in context: a repeated headline, a subhead, a promo.

    A **repeated headline** is a line equal to the headline. A **subhead** is a short line
    (at most eight words, no end punctuation, capitalised) that stands between two blocks
    of the body and is followed by a longer line that ends a sentence. A **promo** is a
    line that starts with "Watch" or "Listen" and ends with no punctuation. The lines are
    moved to ``furniture`` (in place, sorted) and left out of the body.
    """
    if not lines:
        return lines, gaps
    head = " ".join(headline.text.split()).casefold() if headline is not None else None
    keep, keep_gaps, gap_next = [], [], False
    for i, (line, g) in enumerate(zip(lines, gaps)):
        t = line.text
        kind = None
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        words = t.split()
        if head and " ".join(words).casefold() == head:
            kind = "repeated_headline"
        elif _PROMO_LINE.fullmatch(t):
            kind = "promo"
        elif (
            i > 0
            and nxt
            and 1 <= len(words) <= 8
            and t[:1].isupper()
            and t[-1] not in _SUBHEAD_END
            and (g or not any(gaps))
            and nxt.rstrip("\"'\u201d\u2019) ").endswith((".", "!", "?"))
            and len(nxt.split()) > len(words) + 3
        ):
            kind = "subhead"
        if kind:
            furniture.append(Segment("furniture", line.start, line.end, t, kind))
            gap_next = True
            continue
        keep.append(line)
        keep_gaps.append(g or gap_next)
        gap_next = False
    furniture.sort(key=lambda f: f.start)
    return keep, keep_gaps


def _structure(text, name, fmt, enc, notes, metadata, headline_hint) -> Article:
    furniture: list[Segment] = []
    content: list[Segment] = []  # non-blank, non-furniture lines
    blank_before: list[bool] = []  # whether a blank or furniture line precedes each content line
    found_meta: dict[str, str] = {}
    gap = True
    for m in _CONTENT_LINE.finditer(text):
        a, b = m.span(1)
        if a < 0:  # a blank line (or the end of the text)
            gap = True
            if m.end() >= len(text):
                break
            continue
        if fmt == "markdown" and _MD_RULE.fullmatch(text, a, b):
            gap = True
            continue
        kind = furniture_match(text[a:b]) if b - a <= _FURNITURE_MAX else None
        if kind and not content and kind[0] in ("widget", "caption") and _LABELLED_TITLE.fullmatch(text, a, b):
            kind = None  # "Video: Marine survives sniper attack" as the first line is a labelled headline
        if kind:
            furniture.append(Segment("furniture", a, b, text[a:b], kind[0]))
            if kind[2]:
                found_meta.setdefault(
                    kind[2],
                    _BYLINE_PREFIX.sub("", text[a:b]).strip("*_ \u2013\u2014-") if kind[2] == "byline" else text[a:b],
                )
            gap = True
            continue
        content.append(Segment("line", a, b, text[a:b]))
        blank_before.append(gap)
        gap = False
    if not content:
        raise ArticleError(
            "The article has no text apart from page furniture (timestamps, counters, buttons). "
            "Check that you gave the whole article."
        )

    headline = None
    first = content[0]
    words = len(first.text.split())
    md_heading = _MD_HEADING.match(first.text) if fmt == "markdown" else None
    if md_heading:
        a = first.start + md_heading.start(1)
        headline = Segment("headline", a, first.end, text[a : first.end])
    elif headline_hint is not None:
        headline = Segment("headline", first.start, first.end, first.text) if first.text == headline_hint else None
    elif len(content) > 1 and _title_like(first.text, words):
        headline = Segment("headline", first.start, first.end, first.text)
    if headline is None:
        notes = notes + (
            "No headline was found: the first line reads like body text, so the whole text is treated as the body.",
        )
    body_lines = content[1:] if headline else content
    body_gaps = blank_before[1:] if headline else blank_before
    body_lines, body_gaps = _late_furniture(text, headline, body_lines, body_gaps, furniture)
    if not body_lines:
        notes = notes + ("The article has a headline but no body.",)

    # Paragraphs: blank-line separated blocks (lines inside a block are wrapped text),
    # unless the text never uses blank lines between its lines: then one line, one paragraph.
    has_blocks = any(body_gaps[1:]) and any(not g for g in body_gaps[1:])
    spans: list[list[int]] = []
    for line, g in zip(body_lines, body_gaps):
        if spans and has_blocks and not g:
            spans[-1][1] = line.end
        else:
            spans.append([line.start, line.end])
    paragraphs = [Segment("paragraph", a, b, text[a:b]) for a, b in spans]
    sentences = tuple(s for p in paragraphs for s in segment.sentences(text, p.start, p.end))
    declared = dict(metadata)
    metadata = tuple(sorted({**found_meta, **declared}.items()))
    return Article(
        text=text,
        source=name,
        headline=headline,
        furniture=tuple(furniture),
        paragraphs=tuple(paragraphs),
        sentences=sentences,
        format=fmt,
        encoding=enc,
        notes=tuple(notes),
        metadata=tuple(metadata),
    )
