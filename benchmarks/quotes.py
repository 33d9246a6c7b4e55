"""Measure mediakit's quote lens against the quotations inside PolNeAR's gold Content spans.

PolNeAR (see ``benchmarks/polnear.py``) marks the ``Content`` of every attribution. A
quotation inside a gold Content is someone's own words, so the kit's ``quote`` layer
should call it ``direct`` or ``partial`` (not ``scare`` or ``term``). This script
builds that gold set without using the kit's own quote pairing:

- the double quotation marks of a gold Content (straight ``"``, curly ``“ ”`` and the
  typewriter pairs ``''`` / ````` `` ````` of the NYT texts) are paired in order: a
  curly or backtick mark says whether it opens or closes; a straight mark or ``''``
  opens when the character before it is a space, a line start or an opening bracket,
  and closes otherwise;
- a Content that opens with a quotation mark and ends with one (after its final
  punctuation) is one quotation, even when it runs over paragraphs (the newspaper
  convention re-opens the quote at each new paragraph), unless a mark closes the
  first quotation before the first paragraph break (then the writer's words stand
  between two quotations: ""...," X said ... <break> "..."");
- every other closed pair inside a Content is one quotation.

Single quotation marks are left out (in these texts they are nearly always
apostrophes or quotes nested inside a double-quoted quote).

It prints, on one half of the corpus (``--half dev`` or ``--half test``, the split of
``benchmarks/polnear.py``):

- recall: a gold quotation is found when a kit ``quote`` span labelled ``direct`` or
  ``partial`` covers at least half of its characters; also by size (five words or
  more: "full"; fewer: "short", the partial quotes of the issue) and the labels the
  kit gave to the quotations it did not count;
- precision where it can be measured: the share of the kit's ``direct`` and ``partial``
  quotes that overlap a gold Content (a quotation the annotators did not attribute
  counts against the kit, so this is a lower bound).

    python benchmarks/quotes.py --half dev [-v]   # -v prints the missed gold quotations

Times are not measured here (see ``benchmarks/polnear.py --speed``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from polnear import DEFAULT, corpus, read_ann  # noqa: E402

_MARK = re.compile("''|``|\"|\u201c|\u201d")
_WORD = re.compile(r"\w+")
_END_PUNCT = " \t\n.,;:!?)\u2014-"


def _opens(text: str, pos: int, mark: str) -> bool:
    if mark in ("\u201c", "``"):
        return True
    if mark == "\u201d":
        return False
    before = text[pos - 1] if pos > 0 else "\n"
    return before.isspace() or before in "([{\u2014-/"


def _closes_before_break(text: str, marks: list[tuple[int, str]]) -> bool:
    """Whether a mark closes the opening quotation before the first paragraph break: then the Content
    holds two quotations with the writer's words between them (""We like ...," Adelson said ...
    <break> "It's changing ..."), not one quotation over paragraphs."""
    brk = text.find("\n", marks[0][0])
    return any(not _opens(text, pos, mark) for pos, mark in marks[1:] if brk == -1 or pos < brk)


def gold_quotes(text: str, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations ``(start, end)`` (marks included) inside one gold Content (its ranges)."""
    a, b = min(r[0] for r in content), max(r[1] for r in content)
    inner = text[a:b].strip()
    start = a + (len(text[a:b]) - len(text[a:b].lstrip()))
    stripped_end = b
    while stripped_end > a and text[stripped_end - 1] in _END_PUNCT:
        stripped_end -= 1
    marks = [(m.start(), m.group(0)) for m in _MARK.finditer(text, a, b)]
    if (
        len(marks) >= 2
        and marks[0][0] == start
        and _opens(text, marks[0][0], marks[0][1])
        and marks[-1][0] + len(marks[-1][1]) >= stripped_end
        and not _opens(text, marks[-1][0], marks[-1][1])
        and "\n" in inner
        and not _closes_before_break(text, marks)
    ):
        return [(marks[0][0], marks[-1][0] + len(marks[-1][1]))]  # a quotation over paragraphs
    out, opened = [], None
    for pos, mark in marks:
        if _opens(text, pos, mark):
            opened = pos
        elif opened is not None:
            if "\n" not in text[opened:pos]:
                out.append((opened, pos + len(mark)))
            opened = None
    return out


def evaluate(data: Path, half: str | None, verbose: bool) -> int:
    from mediakit import load_article
    from mediakit.lenses import run

    listed = corpus(data, half)
    if listed is None:
        return 2
    text_dir, by_text, names = listed
    found = {"full": [0, 0], "short": [0, 0]}
    missed_as: Counter = Counter()
    kit_n = kit_in = 0
    misses = []
    for name in names:
        raw = (text_dir / f"{name}.txt").read_bytes().decode("utf-8")
        spans, relations = read_ann(by_text[name])
        article = load_article(text_dir / f"{name}.txt")
        if article.text != raw:
            continue
        contents, cue_of = [], {}
        for rel in relations:
            con = spans.get(rel.get("Content", ""))
            if con is not None and rel.get("Cue") in spans:
                contents.append(con[1])
                for q in gold_quotes(raw, con[1]):
                    cue_of.setdefault(q, spans[rel["Cue"]][1])
        gold = sorted(cue_of)
        result = run(article, ["quote", "attribution_cue"])
        quotes = result["quote"]
        kit_cues = [(c.start, c.end) for c in result["attribution_cue"]]
        speech = [q for q in quotes if q.label in ("direct", "partial")]
        for gs, ge in gold:
            size = "full" if len(_WORD.findall(raw, gs, ge)) >= 5 else "short"
            found[size][1] += 1
            hit = any(min(ge, q.end) - max(gs, q.start) >= (ge - gs) / 2 for q in speech)
            if hit:
                found[size][0] += 1
                continue
            other = [q.label for q in quotes if q.start < ge and gs < q.end]
            cue_found = any(a < e and s < b for a, b in kit_cues for s, e in cue_of[(gs, ge)])
            missed_as[(other[0] if other else "none") + (", cue found" if cue_found else ", cue missed")] += 1
            if verbose:
                tag = (other[0] if other else "none") + ("" if cue_found else "/nocue")
                misses.append(f"  {name[:40]} [{tag}] {raw[max(0, gs - 70) : ge + 20]!r}")
        all_content = [r for c in contents for r in c]
        for q in speech:
            kit_n += 1
            kit_in += any(q.start < e and s < q.end for s, e in all_content)
    f_ok, f_n = found["full"]
    s_ok, s_n = found["short"]
    n = f_n + s_n
    print(f"PolNeAR quotations inside gold Content ({half or 'all'} half, {len(names)} texts): {n}")
    print(f"direct-quote recall (direct or partial)  {(f_ok + s_ok) / max(n, 1):.3f} ({f_ok + s_ok}/{n})")
    print(f"  full (5+ words)                        {f_ok / max(f_n, 1):.3f} ({f_ok}/{f_n})")
    print(f"  short (1-4 words, partial quotes)      {s_ok / max(s_n, 1):.3f} ({s_ok}/{s_n})")
    print("  missed gold quotations, by the kit's label and whether it found the gold cue:")
    for k, v in missed_as.most_common():
        print(f"    {k:<28} {v}")
    print(
        f"precision (kit direct/partial inside a gold Content, a lower bound) {kit_in / max(kit_n, 1):.3f} "
        f"({kit_in}/{kit_n})"
    )
    if verbose:
        print("\n".join(misses))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT, help=f"PolNeAR folder (default {DEFAULT})")
    ap.add_argument("--half", choices=("dev", "test"), default=None, help="only one half of the texts")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every missed gold quotation")
    args = ap.parse_args(argv)
    return evaluate(args.data, args.half, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
