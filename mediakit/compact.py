"""The compact JSON Lines form of the JSON contract, for corpus runs, and its reader.

``mediakit analyze --format jsonl-compact`` (or ``--format jsonl --compact``) writes
the same information as ``--format jsonl`` in about a third of the bytes. The full form
repeats each span's explanation (a sentence or three) and its text on every span; the
compact form gives each explanation once, in a *legend*, and each span points to it.

The stream, one JSON object per line:

- a **header** first: ``{"format": "mediakit-compact", "version": 1}``;
- a **legend** record before the first article that needs new entries:
  ``{"legend": [{"id": 0, "layer": "loaded", "label": "label", "explanation": "...",
  "alternative": "..."}, ...]}``. An entry is one (layer, label, explanation,
  alternative); ``alternative`` appears only where it applies. Ids count up from 0
  across the whole stream and never change meaning;
- one **article** record per input, in input order: ``source``, ``text`` and
  ``headline`` exactly as in the full form, and ``spans`` as arrays
  ``[start, end, id]`` or ``[start, end, id, meta]``. A span's text is
  ``text[start:end]``.

:func:`expand_compact` turns the stream back into the full records,
:class:`Compactor` writes it:

>>> full = {"source": "s", "text": "A daring, daring move.", "headline": None, "spans": [
...     {"layer": "loaded", "label": "loaded_adjective", "start": 2, "end": 8, "text": "daring",
...      "explanation": "Praises.", "alternative": "bold"},
...     {"layer": "loaded", "label": "loaded_adjective", "start": 10, "end": 16, "text": "daring",
...      "explanation": "Praises.", "alternative": "bold", "meta": {"voice": "writer"}}]}
>>> records = Compactor().stream([full])
>>> records[1:]   # doctest: +NORMALIZE_WHITESPACE
[{'legend': [{'id': 0, 'layer': 'loaded', 'label': 'loaded_adjective', 'explanation': 'Praises.', 'alternative': 'bold'}]},
 {'source': 's', 'text': 'A daring, daring move.', 'headline': None, 'spans': [[2, 8, 0], [10, 16, 0, {'voice': 'writer'}]]}]
>>> list(expand_compact(records)) == [full]
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .errors import MediakitError

FORMAT = "mediakit-compact"
VERSION = 1
HEADER = {"format": FORMAT, "version": VERSION}


class Compactor:
    """Turns full records (:meth:`mediakit.markup.Markup.to_dict`) into compact ones, keeping one legend."""

    def __init__(self):
        self.ids: dict[tuple, int] = {}

    def header(self) -> dict:
        """The first record of a stream."""
        return dict(HEADER)

    def records(self, full: dict) -> list[dict]:
        """The records for one article: a legend record (when it brings new entries), then the article."""
        new: list[dict] = []
        spans = []
        ids = self.ids
        for s in full["spans"]:
            alt = s.get("alternative", "")
            key = (s["layer"], s["label"], s["explanation"], alt)
            i = ids.get(key)
            if i is None:
                i = ids[key] = len(ids)
                entry = {"id": i, "layer": key[0], "label": key[1], "explanation": key[2]}
                if alt:
                    entry["alternative"] = alt
                new.append(entry)
            meta = s.get("meta")
            spans.append([s["start"], s["end"], i, meta] if meta else [s["start"], s["end"], i])
        article = {k: v for k, v in full.items() if k != "spans"}
        article["spans"] = spans
        return ([{"legend": new}] if new else []) + [article]

    def stream(self, fulls: Iterable[dict]) -> list[dict]:
        """The whole stream for ``fulls``: the header, then legend and article records."""
        out = [self.header()]
        for full in fulls:
            out.extend(self.records(full))
        return out


def _dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def expand_compact(records: Iterable) -> Iterator[dict]:
    """The full records (as :meth:`~mediakit.markup.Markup.to_dict` gives them) of a compact stream.

    ``records`` are dictionaries or JSON lines (an open file works). The header and
    legend records are read, not yielded.
    """
    legend: dict[int, dict] = {}
    for n, rec in enumerate(records, start=1):
        if isinstance(rec, (str, bytes)):
            if not rec.strip():
                continue
            rec = json.loads(rec)
        if "format" in rec and "spans" not in rec:
            if rec.get("format") != FORMAT or rec.get("version") != VERSION:
                raise MediakitError(f"record {n}: not a {FORMAT} version {VERSION} stream ({rec!r})")
            continue
        if "legend" in rec:
            for entry in rec["legend"]:
                legend[entry["id"]] = entry
            continue
        text = rec["text"]
        spans = []
        for item in rec["spans"]:
            start, end, i = item[0], item[1], item[2]
            try:
                entry = legend[i]
            except KeyError:
                raise MediakitError(
                    f"record {n}: span {item!r} points to legend entry {i}, which no earlier legend record gives"
                ) from None
            s = {
                "layer": entry["layer"],
                "label": entry["label"],
                "start": start,
                "end": end,
                "text": text[start:end],
                "explanation": entry["explanation"],
            }
            if entry.get("alternative"):
                s["alternative"] = entry["alternative"]
            if len(item) > 3 and item[3]:
                s["meta"] = item[3]
            spans.append(s)
        full = {k: v for k, v in rec.items() if k != "spans"}
        full["spans"] = spans
        yield full
