"""Measure the loaded-language lens against the Propaganda Techniques Corpus (PTC).

    python benchmarks/ptc.py --data ../shared/benchmarks-data/ptc-train [--limit N] [--by-category] [--speed]
                             [--half dev|check] [--without scare_quote,superlative] [--categories label,...]

The corpus (SemEval-2020 Task 11; Da San Martino et al., EMNLP 2019) is not shipped
with mediakit: point ``--data`` at a folder holding ``articles/article<ID>.txt`` and
``labels-TC.tsv`` (``id<TAB>technique<TAB>start<TAB>end``, code-point offsets, end
exclusive). Gold spans are those of ``Loaded_Language`` and ``Name_Calling,Labeling``.

Figures printed:

- span level, overlap match: a predicted span is correct when it shares a character
  with a gold span; a gold span is found when a prediction overlaps it. Overall
  (either technique), and per technique, where predictions are typed: ``label``
  spans count as Name_Calling,Labeling, every other category as Loaded_Language
  (the untyped recall per technique is printed too);
- token level: the words (``\\w+``) inside gold spans against the words inside
  predicted spans;
- with ``--by-category``: how many predictions of each loaded category hit a gold span;
- ``--half dev`` / ``--half check``: only the articles whose numeric ID is even (dev) or
  odd (check). Tune word lists and rules on the dev half only; the check half then shows
  whether a change generalises (the kit is measured on held-out PTC data);
- ``--without CATS`` / ``--categories CATS`` (comma-separated loaded categories): drop
  those categories' predictions, or keep only those, before scoring. The kit's own
  lessons need superlatives and scare quotes, which PTC rarely marks:
  ``--without scare_quote,superlative`` shows the figures without them;
- PTC-comparable categories: P/R/F1 with only the categories PTC's two techniques can judge
  (:data:`NOT_COMPARABLE` left out), and how many of the others overlap a span of any PTC
  technique (a superlative is often PTC's Exaggeration,Minimisation);
- paragraph level: a paragraph (text between blank lines, or one line where the article
  has no blank lines) is positive if it holds any gold span; predicted positive if the
  lens flags a loaded word in the writer's own voice in it (``contested_naming`` spans,
  which give a choice and no verdict, never count);
- with ``--false-flags N`` (``--half dev`` only): up to N predictions of each category that overlap
  no gold span, with their voice and context, to group the false flags by cause on the tuning half;
- timing: load + all lenses up to ``loaded`` per article, and with ``--speed`` the three
  word lenses (loaded, hedges, claims) on about 1 MB of the corpus's text.

The lens runs with the quote and attribution lenses before it (as in the kit), and every
voice (writer, quoted) counts as a span-level prediction, since the corpus marks
loaded words inside quotations too. Spans that give a choice and no verdict
(``contested_naming``, meta ``verdict`` = ``choice``) are never counted as predictions.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mediakit  # noqa: E402
from mediakit.lenses import claims, hedges, loaded, run  # noqa: E402

TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
#: Loaded categories that PTC's two techniques do not cover (printed apart, never dropped from the main figures).
NOT_IN_PTC = ("scare_quote", "superlative", "spelling")
#: The categories comparable with PTC's two techniques: every category but those that PTC files under
#: another technique or none (superlatives and hyperbole are its Exaggeration,Minimisation; a scare
#: quote is a device of punctuation PTC does not annotate as such; "spelling" is no verdict). The kit
#: keeps them for its lessons; the comparable figures only show what PTC can judge.
NOT_COMPARABLE = NOT_IN_PTC + ("hyperbole",)
_TOKEN = re.compile(r"\w+")


def read_gold(data: Path, techniques=TECHNIQUES) -> dict[str, list[tuple[str, int, int]]]:
    """The gold spans of ``techniques`` (all techniques if ``None``) by article ID."""
    gold: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    with open(data / "labels-TC.tsv", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                continue
            aid, tech, s, e = parts
            if techniques is None or tech in techniques:
                gold[aid].append((tech, int(s), int(e)))
    return gold


def technique_of(category: str) -> str:
    return "Name_Calling,Labeling" if category == "label" else "Loaded_Language"


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def tokens(text: str, spans) -> set[int]:
    out = set()
    for m in _TOKEN.finditer(text):
        if overlaps((m.start(), m.end()), spans):
            out.add(m.start())
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The paragraphs of ``text`` as ``(start, end)``: blocks between blank lines, or lines if there are none."""
    sep = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", text) else r"\n"
    out, pos = [], 0
    for m in re.finditer(sep, text):
        if text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "benchmarks-data" / "ptc-train"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (by file name)")
    ap.add_argument("--by-category", action="store_true", help="precision of each loaded category")
    ap.add_argument("--speed", action="store_true", help="time the three word lenses on ~1 MB of text")
    ap.add_argument(
        "--alone",
        action="store_true",
        help="run the loaded lens without the quote and attribution lenses (no scare quotes, all voices 'writer')",
    )
    ap.add_argument(
        "--half", choices=("dev", "check"), help="only the articles with an even (dev) or odd (check) numeric ID"
    )
    ap.add_argument(
        "--without",
        default="",
        metavar="CATS",
        help="comma-separated loaded categories whose predictions are dropped before scoring",
    )
    ap.add_argument(
        "--categories",
        default="",
        metavar="CATS",
        help="comma-separated loaded categories: score only their predictions",
    )
    ap.add_argument(
        "--false-flags",
        type=int,
        default=0,
        metavar="N",
        help="print up to N predictions of each category that overlap no gold span, with their context "
        "(tuning half only: needs --half dev)",
    )
    args = ap.parse_args(argv)
    if args.false_flags and args.half != "dev":
        print("ptc.py: --false-flags reads the tuning half only: add --half dev", file=sys.stderr)
        return 2
    without = {c.strip() for c in args.without.split(",") if c.strip()}
    only = {c.strip() for c in args.categories.split(",") if c.strip()}
    unknown = sorted((without | only) - set(loaded.CATEGORIES))
    if unknown:
        print(
            f"ptc.py: unknown loaded categor{'y' if len(unknown) == 1 else 'ies'} {', '.join(unknown)}; "
            f"use {', '.join(loaded.CATEGORIES)}",
            file=sys.stderr,
        )
        return 2
    data = Path(args.data)
    if not (data / "labels-TC.tsv").is_file() or not (data / "articles").is_dir():
        print(f"ptc.py: no PTC data at {data} (expected articles/ and labels-TC.tsv)", file=sys.stderr)
        return 2
    gold = read_gold(data)
    gold_any = read_gold(data, None)
    files = sorted((data / "articles").glob("article*.txt"))
    if args.half:
        parity = 0 if args.half == "dev" else 1
        files = [f for f in files if int(re.sub(r"\D", "", f.stem) or 0) % 2 == parity]
    if args.limit:
        files = files[: args.limit]

    n_pred = tp_pred = n_gold = tp_gold = 0
    typed = {t: [0, 0, 0, 0] for t in TECHNIQUES}  # tp_pred, n_pred, tp_gold, n_gold
    untyped_recall = {t: [0, 0] for t in TECHNIQUES}
    tok_tp = tok_pred = tok_gold = 0
    par = [0, 0, 0]  # true positives, predicted positives, gold positives
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    cmp_ = [0, 0, 0, 0]  # comparable categories: tp_pred, n_pred, tp_gold, n_gold
    other_technique: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # hits on any PTC technique
    false_flags: dict[str, list[str]] = defaultdict(list)  # category -> predictions overlapping no gold span
    mismatched = boms = 0
    chars = 0
    t0 = time.perf_counter()
    for path in files:
        aid = path.stem.replace("article", "")
        raw = path.read_bytes().decode("utf-8")
        article = mediakit.load_article(path)
        # A byte-order mark is dropped by the loader; the labels count it, so shift by one.
        shift = 1 if raw.startswith("\ufeff") and article.text == raw[1:] else 0
        if article.text != raw[shift:]:
            mismatched += 1
            continue
        chars += len(raw)
        boms += shift
        pred = loaded.find(article, {}) if args.alone else run(article, layers=["loaded"])["loaded"]
        pred = [p for p in pred if p.label not in getattr(loaded, "NO_VERDICT", ())]
        if without or only:
            pred = [p for p in pred if p.label not in without and (not only or p.label in only)]
        if shift:
            pred = [
                p.__class__(
                    p.layer, p.label, p.start + shift, p.end + shift, p.text, p.explanation, p.alternative, p.meta
                )
                for p in pred
            ]
        g = gold.get(aid, [])
        gspans = [(s, e) for _, s, e in g]
        pspans = [(p.start, p.end) for p in pred]
        n_pred += len(pspans)
        n_gold += len(gspans)
        for p in pred:
            hit = overlaps((p.start, p.end), gspans)
            tp_pred += hit
            if not hit and len(false_flags[p.label]) < args.false_flags:
                a, b = p.start - shift, p.end - shift
                around = (article.text[max(0, a - 60) : a] + "[" + p.text + "]" + article.text[b : b + 40]).replace(
                    "\n", " "
                )
                false_flags[p.label].append(f"{p.get('voice') or 'writer':7s} {aid}: {around}")
            by_cat[p.label][0] += hit
            by_cat[p.label][1] += 1
            t = technique_of(p.label)
            typed[t][1] += 1
            typed[t][0] += overlaps((p.start, p.end), [(s, e) for tt, s, e in g if tt == t])
        comparable = [(p.start, p.end) for p in pred if p.label not in NOT_COMPARABLE]
        cmp_[0] += sum(overlaps(x, gspans) for x in comparable)
        cmp_[1] += len(comparable)
        cmp_[2] += sum(overlaps(x, comparable) for x in gspans)
        cmp_[3] += len(gspans)
        any_spans = [(s, e) for _, s, e in gold_any.get(aid, [])]
        for p in pred:
            if p.label in NOT_COMPARABLE:
                other_technique[p.label][0] += overlaps((p.start, p.end), any_spans)
                other_technique[p.label][1] += 1
        for tech, s, e in g:
            found = overlaps((s, e), pspans)
            tp_gold += found
            untyped_recall[tech][0] += found
            untyped_recall[tech][1] += 1
            typed[tech][3] += 1
            typed[tech][2] += overlaps((s, e), [(p.start, p.end) for p in pred if technique_of(p.label) == tech])
        writer = [(p.start, p.end) for p in pred if (p.get("voice") or "writer") == "writer"]
        for a, b in paragraphs(raw):
            g_pos = overlaps((a, b), gspans)
            p_pos = any(a <= s < b for s, _ in writer)
            par[0] += g_pos and p_pos
            par[1] += p_pos
            par[2] += g_pos
        gt, pt = tokens(raw, gspans), tokens(raw, pspans)
        tok_tp += len(gt & pt)
        tok_pred += len(pt)
        tok_gold += len(gt)
    elapsed = time.perf_counter() - t0

    scope = []
    if args.half:
        scope.append(f"{args.half} half")
    if without:
        scope.append(f"without {', '.join(sorted(without))}")
    if only:
        scope.append(f"only {', '.join(sorted(only))}")
    print(
        f"PTC ({data}{'; ' + '; '.join(scope) if scope else ''}): {len(files) - mismatched} articles, {chars / 1e6:.2f} MB; "
        f"gold spans {n_gold}, predicted spans {n_pred}"
    )
    if mismatched:
        print(f"  {mismatched} article(s) skipped: the loaded text differs from the file")
    if boms:
        print(f"  {boms} article(s) start with a byte-order mark: offsets shifted by one to match the labels")
    p, r, f = prf(tp_pred, n_pred, tp_gold, n_gold)
    print(f"span overlap, both techniques : P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for t in TECHNIQUES:
        tp_p, n_p, tp_g, n_g = typed[t]
        p, r, f = prf(tp_p, n_p, tp_g, n_g)
        ur = untyped_recall[t][0] / untyped_recall[t][1] if untyped_recall[t][1] else 0.0
        print(f"  {t:24s} typed: P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (gold {n_g}, untyped recall {ur:.3f})")
    n_c = sum(n for c, (_, n) in by_cat.items() if c not in NOT_IN_PTC)
    tp_c = sum(h for c, (h, _) in by_cat.items() if c not in NOT_IN_PTC)
    print(
        f"  precision without {', '.join(NOT_IN_PTC)} (devices PTC does not mark as loaded language): "
        f"{tp_c / n_c if n_c else 0:.3f} ({tp_c}/{n_c})"
    )
    p, r, f = prf(*cmp_)
    print(
        f"PTC-comparable categories (without {', '.join(NOT_COMPARABLE)}): P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
        f"({cmp_[1]} predictions)"
    )
    if other_technique:
        print(
            "  the others against any PTC technique (e.g. Exaggeration,Minimisation): "
            + ", ".join(f"{c} {h}/{n} {h / n:.3f}" for c, (h, n) in sorted(other_technique.items()))
        )
    p, r, f = prf(tok_tp, tok_pred, tok_tp, tok_gold)
    print(
        f"token level                   : P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold tokens {tok_gold}, predicted {tok_pred})"
    )
    p, r, f = prf(par[0], par[1], par[0], par[2])
    print(
        f"paragraph level (writer's voice): P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold paragraphs {par[2]}, predicted {par[1]})"
    )
    if args.by_category:
        print("precision by loaded category:")
        for cat, (hit, n) in sorted(by_cat.items(), key=lambda kv: -kv[1][1]):
            print(f"  {cat:18s} {hit:5d}/{n:<5d} {hit / n:.3f}")
    if args.false_flags:
        print(f"false flags (up to {args.false_flags} per category; group them by cause before changing a list):")
        for cat, rows in sorted(false_flags.items()):
            print(f"  {cat}:")
            for row in rows:
                print(f"    {row}")
    print(f"time: {elapsed:.2f} s for load + lenses up to 'loaded' ({chars / 1e6 / elapsed:.2f} MB/s)")

    if args.speed:
        texts = [p.read_text(encoding="utf-8") for p in sorted((data / "articles").glob("article*.txt"))]
        big = "\n\n".join(texts)
        while len(big) < 1_000_000:
            big += "\n\n" + big
        big = big[:1_000_000]
        article = mediakit.load_article(big)
        found = {} if args.alone else dict(run(article, layers=["source"]))
        loaded.matcher(), hedges.matcher(), claims.judgement_matcher()  # word lists read once, as in a session
        clock = time.process_time  # CPU time of this process: fair on a shared machine
        w0, t1 = time.perf_counter(), clock()
        loaded.candidates(article)  # the one shared scan of the text (the first word lens pays it)
        t_scan = clock()
        found["loaded"] = tuple(loaded.find(article, found))
        t2 = clock()
        found["hedge"] = tuple(hedges.find(article, found))
        t3 = clock()
        found["claim"] = tuple(claims.find(article, found))
        t4, w1 = clock(), time.perf_counter()
        print(
            f"speed on {len(big) / 1e6:.2f} MB (CPU seconds): shared scan {t_scan - t1:.3f}, loaded {t2 - t_scan:.3f} "
            f"({len(found['loaded'])} spans), hedges {t3 - t2:.3f} ({len(found['hedge'])}), claims {t4 - t3:.3f} "
            f"({len(found['claim'])}); total {t4 - t1:.3f} s CPU, {w1 - w0:.3f} s wall"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
