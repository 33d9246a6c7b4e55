"""Measure mediakit's attribution, source and quote lenses against PolNeAR.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attribution relations in US
political news: a ``Cue`` (the reporting verb or phrase), its ``Source`` and its
``Content``, as brat standoff files. This script reads that format from a folder
that holds ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``, runs
mediakit's lenses on every text (loaded with :func:`mediakit.load_article`, whose
text is checked to be identical to the file's, so that offsets compare) and prints:

- cue detection: a predicted ``attribution_cue`` span is right when it overlaps a
  gold Cue; a gold Cue is found when a predicted cue overlaps it;
- source detection: the same for ``source`` spans against gold Sources (and for the
  cue's linked source phrase, which also covers pronouns such as "he");
- cue -> source linking: a predicted (cue, source) pair is right when one gold
  relation has a Cue overlapping the cue and a Source overlapping the source;
- content: the same for (cue, content) pairs, for information.

When a text has several annotators, the first annotation file (in name order) is used.
No data is copied anywhere: the script only reads the folder it is given.

    python benchmarks/polnear.py                       # ../shared/benchmarks-data/polnear-train
    python benchmarks/polnear.py --data PATH --limit 100
    python benchmarks/polnear.py --half dev            # develop on one half, check on --half test
    python benchmarks/polnear.py --speed               # 1 MB through the three lenses and the markup

Times are CPU times (``time.process_time``), so that other work on a shared machine
counts less; they are printed, never asserted.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import zlib
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT = next(
    (
        p / "shared" / "benchmarks-data" / "polnear-train"
        for p in REPO.parents
        if (p / "shared" / "benchmarks-data" / "polnear-train").is_dir()
    ),
    REPO.parent / "shared" / "benchmarks-data" / "polnear-train",
)


def read_ann(path: Path):
    """``(spans, relations)``: spans ``{id: (label, [(start, end), ...])}``, relations as dicts role -> id."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            ranges = []
            for piece in offsets.split(";"):
                a, _, b = piece.strip().partition(" ")
                try:
                    ranges.append((int(a), int(b)))
                except ValueError:
                    pass
            if ranges:
                spans[parts[0]] = (label, ranges)
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            rel: dict[str, str] = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                role = role.rstrip("0123456789")
                if role and ref and role not in rel:
                    rel[role] = ref
            relations.append(rel)
    return spans, relations


def overlaps(a: tuple[int, int], ranges) -> bool:
    return any(a[0] < e and s < a[1] for s, e in ranges)


_TOKEN_RE = re.compile(r"\w+|[^\w\s]")


def token_set(text: str, ranges) -> set[int]:
    """Start offsets of the word and punctuation tokens of ``text`` that overlap any of ``ranges``."""
    out: set[int] = set()
    for s, e in ranges:
        for m in _TOKEN_RE.finditer(text, s, e):
            out.add(m.start())
        # a token cut by the range start still counts
        if s > 0 and text[s - 1 : s + 1].isalnum() and len(text[s - 1 : s + 1]) == 2:
            j = s
            while j > 0 and text[j - 1].isalnum():
                j -= 1
            out.add(j)
    return out


class TokenTally:
    """Token-level precision/recall/F1: tokens inside predicted spans against tokens inside gold spans."""

    def __init__(self):
        self.tp = self.n_p = self.n_g = 0

    def add(self, text: str, pred, gold) -> tuple[set[int], set[int]]:
        p, g = token_set(text, pred), token_set(text, gold)
        self.tp += len(p & g)
        self.n_p += len(p)
        self.n_g += len(g)
        return p, g

    def figures(self):
        p = self.tp / self.n_p if self.n_p else 0.0
        r = self.tp / self.n_g if self.n_g else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def line(self, name: str) -> str:
        p, r, f = self.figures()
        return f"{name:<34} P={p:.3f} ({self.tp}/{self.n_p})  R={r:.3f} ({self.tp}/{self.n_g})  F1={f:.3f}"


class Tally:
    def __init__(self):
        self.tp_p = self.n_p = self.tp_g = self.n_g = 0

    def add(self, tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> None:
        self.tp_p += tp_pred
        self.n_p += n_pred
        self.tp_g += tp_gold
        self.n_g += n_gold

    def line(self, name: str) -> str:
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_g / self.n_g if self.n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{name:<34} P={p:.3f} ({self.tp_p}/{self.n_p})  R={r:.3f} ({self.tp_g}/{self.n_g})  F1={f:.3f}"


def half_of(name: str) -> str:
    """``dev`` or ``test``: a fixed split by a hash of the file name (CRC-32, even = dev).

    Develop rules on ``dev`` and look at ``test`` only to check that they generalise.
    """
    return "dev" if zlib.crc32(name.encode("utf-8")) % 2 == 0 else "test"


def corpus(data: Path, half: str | None = None):
    """``(text_dir, {name: first .ann file}, sorted names)`` of a PolNeAR folder, only ``half`` if given;
    ``None`` (after one line on stderr) when the folder does not hold the brat layout."""
    text_dir, ann_dir = data / "text", data / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        print(f"error: {data} does not hold text/ and attributions/ folders (PolNeAR brat format).", file=sys.stderr)
        return None
    by_text: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        by_text.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    names = sorted(n for n in by_text if (text_dir / f"{n}.txt").exists() and (half is None or half_of(n) == half))
    return text_dir, by_text, names


def evaluate(data: Path, limit: int | None = None, verbose: bool = False, half: str | None = None) -> int:
    from mediakit import load_article
    from mediakit.lenses import run

    listed = corpus(data, half)
    if listed is None:
        return 2
    text_dir, by_text, names = listed
    if limit:
        names = names[:limit]
    cue_t, src_t, phrase_t, link_t, content_t = Tally(), Tally(), Tally(), Tally(), Tally()
    cue_tok, src_tok = TokenTally(), TokenTally()
    missed_cues: dict[str, int] = defaultdict(int)
    missed_srcs: dict[str, int] = defaultdict(int)
    false_cues: dict[str, int] = defaultdict(int)
    false_srcs: dict[str, int] = defaultdict(int)
    quote_direct = quote_in_content = 0
    skipped = 0
    stance = defaultdict(int)
    seconds = 0.0
    chars = 0
    for name in names:
        raw = (text_dir / f"{name}.txt").read_bytes().decode("utf-8")
        spans, relations = read_ann(by_text[name])
        article = load_article(text_dir / f"{name}.txt")
        if article.text != raw:
            skipped += 1
            continue
        t0 = time.process_time()
        found = run(article, ["source"])
        seconds += time.process_time() - t0
        chars += len(raw)
        gold = []
        for rel in relations:
            cue = spans.get(rel.get("Cue", ""))
            if cue is None:
                continue
            src = spans.get(rel.get("Source", ""))
            con = spans.get(rel.get("Content", ""))
            gold.append((cue[1], src[1] if src else None, con[1] if con else None))
        gold_cues = [g[0] for g in gold]
        gold_srcs = [g[1] for g in gold if g[1]]
        cues = found["attribution_cue"]
        pred = [(c.start, c.end) for c in cues]
        cue_t.add(
            sum(1 for p in pred if any(overlaps(p, g) for g in gold_cues)),
            len(pred),
            sum(1 for g in gold_cues if any(overlaps(p, g) for p in pred)),
            len(gold_cues),
        )
        srcs = [(s.start, s.end) for s in found["source"]]
        gold_cue_ranges = [r for g in gold_cues for r in g]
        gold_src_ranges = [r for g in gold_srcs for r in g]
        pt, gt = cue_tok.add(raw, pred, gold_cue_ranges)
        ps, gs = src_tok.add(raw, srcs, gold_src_ranges)
        if verbose:
            for sp, gp, miss, false in ((pt, gt, missed_cues, false_cues), (ps, gs, missed_srcs, false_srcs)):
                for t in gp - sp:
                    miss[_TOKEN_RE.match(raw, t).group(0).lower()] += 1
                for t in sp - gp:
                    false[_TOKEN_RE.match(raw, t).group(0).lower()] += 1
        src_t.add(
            sum(1 for p in srcs if any(overlaps(p, g) for g in gold_srcs)),
            len(srcs),
            sum(1 for g in gold_srcs if any(overlaps(p, g) for p in srcs)),
            len(gold_srcs),
        )

        # a nested cue ("X said her team plans ...") shows the outer speaker as its source and keeps the
        # inner phrase in meta inner_source; PolNeAR links the inner one, so that is what is compared
        def linked(c):
            return tuple(c.get("inner_source") or c.get("source"))

        phrases = [linked(c) for c in cues if c.get("source")]
        phrase_t.add(
            sum(1 for p in phrases if any(overlaps(p, g) for g in gold_srcs)),
            len(phrases),
            sum(1 for g in gold_srcs if any(overlaps(p, g) for p in phrases)),
            len(gold_srcs),
        )
        pairs = [((c.start, c.end), linked(c)) for c in cues if c.get("source")]
        gold_pairs = [(g[0], g[1]) for g in gold if g[1]]
        link_t.add(
            sum(1 for pc, ps in pairs if any(overlaps(pc, gc) and overlaps(ps, gs) for gc, gs in gold_pairs)),
            len(pairs),
            sum(1 for gc, gs in gold_pairs if any(overlaps(pc, gc) and overlaps(ps, gs) for pc, ps in pairs)),
            len(gold_pairs),
        )
        cpairs = [((c.start, c.end), tuple(c.get("content"))) for c in cues]
        gold_c = [(g[0], g[2]) for g in gold if g[2]]
        content_t.add(
            sum(1 for pc, ps in cpairs if any(overlaps(pc, gc) and overlaps(ps, gs) for gc, gs in gold_c)),
            len(cpairs),
            sum(1 for gc, gs in gold_c if any(overlaps(pc, gc) and overlaps(ps, gs) for pc, ps in cpairs)),
            len(gold_c),
        )
        gold_contents = [g[2] for g in gold if g[2]]
        for q in found["quote"]:
            if q.label == "direct":
                quote_direct += 1
                quote_in_content += any(overlaps((q.start, q.end), g) for g in gold_contents)
        for c in cues:
            stance[c.label] += 1
        if verbose:
            for c in cues:
                ok = any(overlaps((c.start, c.end), g) for g in gold_cues)
                if not ok and verbose > 1:
                    print(f"  FP cue {name}: {c.text!r} in {article.text[max(0, c.start - 60) : c.end + 40]!r}")
    print(
        f"PolNeAR: {len(names) - skipped} texts ({skipped} skipped: loaded text differs from the file), "
        f"{chars / 1e6:.2f} M characters, from {data}"
    )
    print(cue_tok.line("cue tokens"))
    print(src_tok.line("source tokens (source layer)"))
    print("-- any overlap --")
    print(cue_t.line("cue detection"))
    print(src_t.line("source detection (source layer)"))
    print(phrase_t.line("source detection (cue's source)"))
    print(link_t.line("cue -> source linking"))
    print(content_t.line("cue -> content (overlap)"))
    if quote_direct:
        print(
            f"direct quotes inside a gold Content: {quote_in_content}/{quote_direct} "
            f"({quote_in_content / quote_direct:.3f})"
        )
    print("cue stances:", dict(sorted(stance.items())))
    if verbose:
        for name, d in (
            ("missed cue tokens", missed_cues),
            ("false cue tokens", false_cues),
            ("missed source tokens", missed_srcs),
            ("false source tokens", false_srcs),
        ):
            print(name + ":", ", ".join(f"{w} {n}" for w, n in sorted(d.items(), key=lambda x: -x[1])[:60]))
    print(
        f"time: {seconds:.2f} s CPU for the furniture/quote/attribution/source lenses "
        f"({seconds / max(chars, 1) * 1e6:.3f} s per million characters, article by article)"
    )
    return 0


def speed(megabytes: float = 1.0, repeat: int = 3, data: Path | None = None) -> int:
    """Time the quote, attribution and source lenses, and the whole markup, on ``megabytes`` of text.

    The text is PolNeAR's texts (sorted by name) joined by blank lines under one headline
    line when ``data`` holds them, else the seed repeated. Best of ``repeat`` runs (CPU time).
    """
    from mediakit import load_article
    from mediakit.lenses import attribution, quotes, sources

    seed = load_article().text
    size = int(megabytes * 1_000_000)
    files = sorted((data / "text").glob("*.txt")) if data is not None and (data / "text").is_dir() else []
    if files:
        parts, total = ["Officials Say Ukraine Talks Will Resume Next Week"], 0
        for f in files:
            parts.append(f.read_text(encoding="utf-8").strip())
            total += len(parts[-1]) + 2
            if total >= size:
                break
        text, origin = "\n\n".join(parts)[:size], "PolNeAR texts joined"
    else:
        text, origin = ((seed + "\n\n") * (size // (len(seed) + 2) + 1))[:size], "the seed repeated"
    load_article(seed).markup()  # warm up: word lists read, patterns compiled
    best = None
    for _ in range(repeat):
        article = load_article(text)
        found: dict = {}
        t0 = time.process_time()
        found["quote"] = tuple(quotes.find(article, found))
        t1 = time.process_time()
        found["attribution_cue"] = tuple(attribution.find(article, found))
        t2 = time.process_time()
        found["source"] = tuple(sources.find(article, found))
        t3 = time.process_time()
        times = (t3 - t0, t1 - t0, t2 - t1, t3 - t2)
        best = times if best is None or times[0] < best[0] else best
    counts = {k: len(v) for k, v in found.items()}
    whole = None
    for _ in range(repeat):
        article = load_article(text)
        t0 = time.process_time()
        article.markup()
        t1 = time.process_time() - t0
        whole = t1 if whole is None else min(whole, t1)
    print(
        f"{len(text) / 1e6:.2f} M characters ({origin}): quote+attribution+source {best[0]:.3f} s CPU "
        f"(quote, which runs the shared attribution analysis, {best[1]:.3f} s; attribution {best[2]:.3f} s; "
        f"source {best[3]:.3f} s); all nine lenses (markup) {whole:.3f} s; best of {repeat}; spans {counts}"
    )
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT, help=f"PolNeAR folder (default {DEFAULT})")
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    ap.add_argument(
        "--verbose",
        "-v",
        action="count",
        default=0,
        help="print the most often missed / false tokens (-vv: also every false-positive cue)",
    )
    ap.add_argument(
        "--half",
        choices=("dev", "test"),
        default=None,
        help="only one half of the texts (a fixed split by file-name hash): develop on dev",
    )
    ap.add_argument("--speed", action="store_true", help="time the lenses on 1 MB of text and stop")
    args = ap.parse_args(argv)
    if args.speed:
        return speed(data=args.data)
    return evaluate(args.data, args.limit, args.verbose, args.half)


if __name__ == "__main__":
    sys.exit(main())
