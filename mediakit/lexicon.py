"""Read the word lists in ``mediakit/lexicons/*.csv``: data that instructors can extend.

Each list is a CSV file with a header row. A file is read once and cached. An
instructor adds a term by adding a row; no Python is needed. A malformed file gets a
:class:`~mediakit.errors.LexiconError` that names the file and the line.

>>> rows = load("furniture")
>>> sorted({r["label"] for r in rows})
['byline', 'call_to_action', 'caption', 'counter', 'timestamp', 'widget']
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources
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
    return Path(str(resources.files("mediakit") / "lexicons"))


@functools.lru_cache(maxsize=None)
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
    reader = csv.DictReader(io.StringIO(raw))
    need = REQUIRED.get(name, ())
    missing = [c for c in need if c not in (reader.fieldnames or ())]
    if missing:
        raise LexiconError(f"{path}: the header row lacks the column(s) {', '.join(missing)}.")
    rows = []
    for n, row in enumerate(reader, start=2):
        first = next(iter(row.values()), "") or ""
        if not any((v or "").strip() for v in row.values()) or first.lstrip().startswith("#"):
            continue
        if None in row:
            raise LexiconError(f"{path}, line {n}: this row has more cells than the header.")
        empty = [c for c in need if not (row.get(c) or "").strip()]
        if empty and name != "loaded" or (name == "loaded" and [c for c in empty if c != "alternative"]):
            raise LexiconError(f"{path}, line {n}: the cell(s) {', '.join(empty)} are empty.")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return tuple(rows)


#: Lines longer than this are never page furniture (captions and credits are short).
FURNITURE_MAX_CHARS = 160


@functools.lru_cache(maxsize=None)
def _furniture_table() -> tuple[tuple[re.Pattern, str, str, str], ...]:
    rules = []
    for row in load("furniture"):
        try:
            rules.append((re.compile(row["pattern"]), row["label"], row["explanation"], row.get("meta", "")))
        except re.error as e:
            raise LexiconError(f"furniture.csv: the pattern {row['pattern']!r} is not a valid regular expression ({e}).") from None
    return tuple(rules)


def furniture_rules() -> tuple[tuple[re.Pattern, str, str], ...]:
    """Compiled ``(pattern, label, explanation)`` rules from ``furniture.csv``.

    Patterns are Python regular expressions matched against a stripped line; a pattern
    that should ignore case starts with ``(?i)``. The first rule that matches wins.
    An optional ``meta`` column names the page fact a matching line gives
    (``byline`` or ``date``): the loader records it in :attr:`Article.metadata`.
    """
    return tuple((p, label, expl) for p, label, expl, _ in _furniture_table())


def furniture_match(line: str) -> tuple[str, str, str] | None:
    """``(label, explanation, meta)`` of the first furniture rule ``line`` matches, else ``None``.

    >>> furniture_match("By Maria Okafor")
    ('byline', 'A byline ("By Maria Okafor"): who signed the story. Check who the writer is and whether they were there.', 'byline')
    """
    s = line.strip()
    if not s or len(s) > FURNITURE_MAX_CHARS:
        return None
    for pattern, label, explanation, meta in _furniture_table():
        if pattern.search(s):
            return label, explanation, meta
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
