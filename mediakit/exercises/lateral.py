"""The lateral-reading pack and the "when the machine is wrong" exercise.

The pack (``mediakit/data/lateral/``) holds short documents written for the kit, standing in
for what a search returns when you check the seed article: the outlet's about page, the
report it relays, a wire story, a fact-check and a think tank's staff page. Each starts with a
line saying what it stands in for, and has a byline and a date. The exercises are in
``mediakit/keys/lateral.toml`` (SIFT: Stop, Investigate, Find, Trace) and
``mediakit/keys/machine_wrong.toml`` (judge the lenses on an opinion column of the kit's own,
``mediakit/data/genre_articles/opinion_bus_lanes.txt``).

>>> [d.name for d in pack()][:2]
['01_outlet_about.md', '02_report_standin.md']
>>> print(document("04_fact_check.md").byline)
Fact-check desk, stand-in written for mediakit
>>> [e.id for e in exercises()][:2]
['lateral-stop', 'lateral-investigate']

Not handled: the pack is fixed text; it does not fetch anything (nothing in mediakit uses the
network). For real searches, see ``online.md`` in the pack.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import MediakitError
from .keys import keys_dir, load_key

#: The words every pack document's first line must contain: it says it is written for the kit.
LABEL = "Written for mediakit as"


def pack_dir() -> Path:
    """The folder of the lateral-reading pack."""
    return Path(str(resources.files("mediakit") / "data" / "lateral"))


def genre_dir() -> Path:
    """The folder of the bundled articles of other genres."""
    return Path(str(resources.files("mediakit") / "data" / "genre_articles"))


@dataclass(frozen=True)
class Document:
    """One pack document: its file name, label line, title, byline, date and text."""

    name: str
    label: str
    title: str
    byline: str
    date: str
    text: str


def _read(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    if LABEL not in first:
        raise MediakitError(f"{path.name}: the first line should say what it stands in for ('{LABEL} ...').")
    title = re.search(r"^# (.+)$", text, re.MULTILINE)
    byline = re.search(r"^Byline: (.+)$", text, re.MULTILINE)
    date = re.search(r"^Date: (.+)$", text, re.MULTILINE)
    for what, m in (("title (# ...)", title), ("byline (Byline: ...)", byline), ("date (Date: ...)", date)):
        if m is None:
            raise MediakitError(f"{path.name}: the document has no {what}.")
    assert title is not None and byline is not None and date is not None  # for the type checker
    return Document(
        path.name,
        first.lstrip("> ").strip(),
        title.group(1).strip(),
        byline.group(1).strip(),
        date.group(1).strip(),
        text,
    )


def pack() -> list[Document]:
    """The pack's documents (not the README or the online variant), in file order."""
    return [_read(p) for p in sorted(pack_dir().glob("[0-9][0-9]_*.md"))]


def document(name: str) -> Document:
    """One pack document by file name."""
    for d in pack():
        if d.name == name:
            return d
    raise MediakitError(f"The pack has no document {name!r}; it has: {', '.join(d.name for d in pack())}.")


@functools.cache
def _key(name: str):
    return load_key(keys_dir() / f"{name}.toml")


def exercises() -> list:
    """The SIFT exercises on the seed (``keys/lateral.toml``)."""
    return list(_key("lateral"))


def machine_wrong() -> list:
    """The "when the machine is wrong" exercise (``keys/machine_wrong.toml``)."""
    return list(_key("machine_wrong"))


def genre_article(name: str = "opinion_bus_lanes.txt"):
    """A bundled article of another genre, loaded as an :class:`~mediakit.article.Article`."""
    from ..article import load_article

    path = genre_dir() / name
    if not path.is_file():
        raise MediakitError(f"There is no bundled article {name!r} in {genre_dir()}.")
    return load_article(path.read_text(encoding="utf-8"), name=name)
