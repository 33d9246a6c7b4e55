"""Read the word lists in ``mediakit/lexicons/*.csv``: data that instructors can extend.

Each list is a CSV file with a header row. A file is read once and cached. An
instructor adds a term by adding a row; no Python is needed. A malformed file gets a
:class:`~mediakit.errors.LexiconError` that names the file and the line.

>>> rows = load("furniture")
>>> sorted({r["label"] for r in rows})
['byline', 'call_to_action', 'caption', 'counter', 'dateline', 'promo', 'release_label', 'timestamp', 'widget']
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from pathlib import Path

from .errors import LexiconError

#: Columns each list must have. Lists not named here need only a header row.
REQUIRED = {
    "furniture": ("pattern", "label", "explanation"),
    "loaded": ("term", "category", "explanation", "alternative"),
    "hedges": ("term", "category", "explanation"),
    "cues": ("cue", "stance", "explanation"),
}


def lexicon_dir() -> Path:
    """The folder that holds the word lists shipped with mediakit."""
    return Path(__file__).resolve().parent / "lexicons"


@functools.cache
def load(name: str, folder: str | None = None) -> tuple[dict, ...]:
    """The rows of ``<name>.csv`` as dictionaries (read once, then cached).

    ``folder`` reads the list from another folder instead (an instructor's copy).
    Blank lines and lines whose first cell starts with ``#`` are skipped.
    """
    path = Path(folder) / f"{name}.csv" if folder else lexicon_dir() / f"{name}.csv"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"There is no word list called {name!r} (looked for {path}).") from None
    except UnicodeDecodeError as e:  # e.g. saved as Windows-1252 by a spreadsheet
        raise LexiconError(
            f'{path}: the file is not UTF-8 text (byte {e.start + 1} cannot be read). Save it again as "CSV UTF-8".'
        ) from None
    # The command line keeps the rows in its cache file, keyed by a digest of the file's whole
    # text (and the list's name, which sets the required columns): an edited list simply misses.
    # A digest, not the text itself, keeps the cache file small (it is read at every start).
    from .cache import memo, text_digest

    return memo(("lexicon-rows", 2, name, text_digest(raw)), lambda: _parse(name, path, raw))


def _parse(name: str, path: Path, raw: str) -> tuple[dict, ...]:
    """The rows of a list's text ``raw`` (see :func:`load`)."""
    # csv.reader and dict(zip()) rather than csv.DictReader: the same rows, read in a
    # third of the time (the word lists are read at every start of the command line).
    reader = csv.reader(io.StringIO(raw))
    header = next(reader, None) or []
    need = REQUIRED.get(name, ())
    missing = [c for c in need if c not in header]
    if missing:
        raise LexiconError(f"{path}: the header row lacks the column(s) {', '.join(missing)}.")
    width = len(header)
    blank = dict.fromkeys(header, "")
    rows = []
    n = 1
    for cells in reader:
        if not cells:  # an empty line (csv.DictReader skips it too)
            continue
        n += 1
        if (width and cells[0].lstrip().startswith("#")) or not any(c.strip() for c in cells):
            continue
        if len(cells) > width:
            raise LexiconError(f"{path}, line {n}: this row has more cells than the header.")
        row = dict(blank) if len(cells) < width else {}
        row.update(zip(header, map(str.strip, cells)))
        empty = [c for c in need if not row.get(c)]
        if empty and name != "loaded" or (name == "loaded" and [c for c in empty if c != "alternative"]):
            raise LexiconError(f"{path}, line {n}: the cell(s) {', '.join(empty)} are empty.")
        rows.append(row)
    return tuple(rows)


#: Lines longer than this are never page furniture (captions and credits are short).
FURNITURE_MAX_CHARS = 160


@functools.cache
def _furniture_rows() -> tuple[tuple[str, str, str, str], ...]:
    """``(pattern source, label, explanation, meta)`` per row of ``furniture.csv``."""
    return tuple((r["pattern"], r["label"], r["explanation"], r.get("meta", "")) for r in load("furniture"))


def _compile_rule(src: str) -> re.Pattern:
    try:
        return re.compile(src)
    except re.error as e:
        raise LexiconError(f"furniture.csv: the pattern {src!r} is not a valid regular expression ({e}).") from None


def require_columns(rows, name: str, cols) -> tuple:
    """``rows`` of ``<name>.csv`` if its header has every column in ``cols``; else a LexiconError.

    >>> require_columns(({"a": "1"},), "demo", ("a", "b"))
    Traceback (most recent call last):
    ...
    mediakit.errors.LexiconError: demo.csv: the header row lacks the column(s) b.
    """
    for row in rows[:1]:
        missing = [c for c in cols if c not in row]
        if missing:
            raise LexiconError(f"{name}.csv: the header row lacks the column(s) {', '.join(missing)}.")
    return rows


@functools.cache
def furniture_rules() -> tuple[tuple[re.Pattern, str, str], ...]:
    """Compiled ``(pattern, label, explanation)`` rules from ``furniture.csv``.

    Patterns are Python regular expressions matched against a stripped line; a pattern
    that should ignore case starts with ``(?i)``. The first rule that matches wins.
    An optional ``meta`` column names the page fact a matching line gives
    (``byline`` or ``date``): the loader records it in :attr:`Article.metadata`.
    """
    return tuple((_compile_rule(src), label, expl) for src, label, expl, _ in _furniture_rows())


try:  # the regular-expression parser, to index rules by the characters they can start with
    from re import _constants as _sre_c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_ANY = None  # "could start with any character"
#: The ASCII part of \\d, \\w and \\s (a line that starts with a non-ASCII character is tried on every rule).
_CATEGORY_ASCII = {
    _sre_c.CATEGORY_DIGIT: set("0123456789"),
    _sre_c.CATEGORY_SPACE: set(" \t\n\r\f\v"),
    _sre_c.CATEGORY_WORD: set("0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
}


def _first_chars(items):
    """``(chars, nullable)``: the characters a parsed pattern can start with (``None``: any)."""
    out: set = set()
    for op, av in items:
        if op is _sre_c.AT:  # ^, $, \b: consume nothing
            continue
        chars, nullable = _first_of(op, av)
        if chars is _ANY:
            return _ANY, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_of(op, av):
    c = _sre_c
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        chars = set()
        for o, v in av:
            if o is c.LITERAL:
                chars.add(chr(v))
            elif o is c.RANGE and v[1] - v[0] < 256:
                chars.update(chr(x) for x in range(v[0], v[1] + 1))
            elif o is c.CATEGORY and v in _CATEGORY_ASCII:
                chars |= _CATEGORY_ASCII[v]  # non-ASCII digits, letters, spaces: see furniture_match
            else:
                return _ANY, False
        return chars, False
    if op is c.BRANCH:
        chars, nullable = set(), False
        for sub in av[1]:
            f, n = _first_chars(sub)
            if f is _ANY:
                return _ANY, False
            chars |= f
            nullable = nullable or n
        return chars, nullable
    if op is c.SUBPATTERN:
        return _first_chars(av[-1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
        f, n = _first_chars(av[2])
        return f, (n or av[0] == 0) if f is not _ANY else False
    return _ANY, False


@functools.cache
def _furniture_index() -> tuple[dict, tuple[int, ...]]:
    """``(by_char, always)``: rule numbers by the lower-cased first character a match can
    start with, and the rules that can start anywhere (unanchored) or with any character.

    A line is then tried only against the few rules that can match its first character,
    in the CSV's order, instead of against every rule. Parsing every rule costs a few
    milliseconds: the command line keeps the index in its cache (keyed by the rules).
    """
    from .cache import memo

    sources = tuple(src for src, *_rest in _furniture_rows())
    return memo(("furniture_index", 1, sources), _build_furniture_index)


def _build_furniture_index() -> tuple[dict, tuple[int, ...]]:
    by_char: dict = {}
    always = []
    for i, (src, *_rest) in enumerate(_furniture_rows()):
        try:
            parsed = _sre_parse.parse(src)
            anchored = (
                bool(parsed.data)
                and parsed.data[0] == (_sre_c.AT, _sre_c.AT_BEGINNING)
                or (
                    len(parsed.data) > 0 and parsed.data[0][0] is _sre_c.AT and parsed.data[0][1] is _sre_c.AT_BEGINNING
                )
            )
            chars, nullable = _first_chars(parsed.data)
        except Exception:  # noqa: BLE001 - any doubt: try this rule on every line
            anchored, chars, nullable = False, _ANY, True
        # A non-ASCII letter may match an ASCII one under (?i) ("ſ" and "s", "K" and "k"): no index.
        if not anchored or chars is _ANY or nullable or any(not ch.isascii() and ch.isalpha() for ch in chars):
            always.append(i)
            continue
        for ch in {ch.lower() if ch.isascii() else ch for ch in chars}:
            by_char.setdefault(ch, []).append(i)
    merged = {k: tuple(sorted(set(v) | set(always))) for k, v in by_char.items()}
    return merged, tuple(always)


def furniture_match(line: str) -> tuple[str, str, str] | None:
    """``(label, explanation, meta)`` of the first furniture rule ``line`` matches, else ``None``.

    >>> furniture_match("By Maria Okafor")
    ('byline', 'A byline ("By Maria Okafor"): who signed the story. Check who the writer is and whether they were there.', 'byline')
    """
    s = line.strip()
    if not s or len(s) > FURNITURE_MAX_CHARS:
        return None
    rows = _furniture_rows()
    first = s[0]
    if first.isascii():
        by_char, always = _furniture_index()
        candidates = by_char.get(first.lower(), always)
    elif first.isalnum() or first.isspace() or unicodedata.category(first)[0] == "M":
        # \\d, \\w, \\s and (?i) reach beyond ASCII here ("ſ" matches "s"): try every rule
        candidates = range(len(rows))
    else:  # a quote mark, dash or symbol: only the rules that can start with it
        by_char, always = _furniture_index()
        candidates = by_char.get(first, always)
    for i in candidates:
        if _furniture_rule(rows[i][0]).search(s):
            return rows[i][1], rows[i][2], rows[i][3]
    return None


@functools.cache
def _furniture_rule(src: str) -> re.Pattern:
    """A rule's pattern, compiled on first use (a line is tried against a few rules only)."""
    return _compile_rule(src)


def _furniture_match_slow(line: str) -> tuple[str, str, str] | None:
    """Every rule on every line: the reference :func:`furniture_match` must agree with."""
    s = line.strip()
    if not s or len(s) > FURNITURE_MAX_CHARS:
        return None
    for (pattern, label, explanation), row in zip(furniture_rules(), _furniture_rows()):
        if pattern.search(s):
            return label, explanation, row[3]
    return None


def classify_furniture(line: str) -> tuple[str, str] | None:
    """``(label, explanation)`` if ``line`` is page furniture, else ``None``.

    >>> classify_furniture("5 months ago")[0], classify_furniture("30")[0]
    ('timestamp', 'counter')
    >>> classify_furniture("SUBSCRIBE TO US!")[0], classify_furniture("Loading comments...")[0]
    ('call_to_action', 'widget')
    >>> classify_furniture("Putin has voiced it.") is None, classify_furniture("Follow the money.") is None
    (True, True)
    """
    found = furniture_match(line)
    return found[:2] if found else None
