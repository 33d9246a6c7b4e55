"""Measure the headline lens's ``support`` against FNC-1 (Fake News Challenge, stage 1).

FNC-1 pairs a headline with an article body and labels the pair's stance:
0 agree, 1 disagree, 2 discuss, 3 unrelated. A body that is about the headline
(related: agree, disagree, discuss) should back more of the headline than a body
about something else (unrelated), so ``support`` should rank related pairs above
unrelated ones. FNC-1 gives the headline apart from the body, so this script loads each
pair as ``load_article(body, headline=headline)`` (with ``--as-text``, as one text
``headline + "\\n\\n" + body`` whose first line the loader must recognise as a headline),
runs the lenses up to ``headline`` and reports:

The pairs are split into two fixed halves by the parity of the body ID (``--half dev``:
even IDs, where the weights were set; ``--half check``: odd IDs, to judge them; ``both``
prints both). For each half it reports:

- ROC-AUC of ``relatedness`` (the report's lexical relatedness) and of ``support``
  for related vs unrelated, and the best-threshold accuracy;
- ROC-AUC of ``states`` (does the body state the headline in its own voice?) for
  agree vs (discuss + disagree), the "states vs discusses or disputes" question;
- mean support per stance; AUC of agree vs discuss and agree vs disagree (the
  lens is not a stance detector: these show what its levels and dispute notes add);
- a word-overlap baseline (share of the headline's content stems found in the body);
- how many pairs, how many headlines the loader did not take as a headline, the time.

Usage (from the repository root)::

    python benchmarks/fnc1.py --data ../shared/benchmarks-data/fnc1-train --limit 3000 --seed 1 --half both

The data are not part of mediakit: download FNC-1 from its public repository and
point ``--data`` at the folder with ``train_bodies.csv`` and ``train_stances.csv``.
Cite: Pomerleau & Rao, Fake News Challenge stage 1 (FNC-1), 2017.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from pathlib import Path

STANCES = {0: "agree", 1: "disagree", 2: "discuss", 3: "unrelated"}
NAMES = {"agree": 0, "disagree": 1, "discuss": 2, "unrelated": 3}


def read(data: Path):
    csv.field_size_limit(sys.maxsize)
    with open(data / "train_bodies.csv", encoding="utf-8", newline="") as f:
        bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(f)}
    pairs = []
    with open(data / "train_stances.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            s = r["Stance"].strip()
            stance = int(s) if s.isdigit() else NAMES[s.lower()]
            pairs.append((r["Headline"], int(r["Body_ID"]), stance))
    return bodies, pairs


def stratified(pairs, limit, seed):
    if not limit or limit >= len(pairs):
        return list(pairs)
    rng = random.Random(seed)
    by: dict = {}
    for p in pairs:
        by.setdefault(p[2], []).append(p)
    out = []
    for stance in sorted(by):
        group = by[stance]
        k = max(1, round(limit * len(group) / len(pairs)))
        out += rng.sample(group, min(k, len(group)))
    rng.shuffle(out)
    return out


def auc(pos, neg):
    """ROC-AUC by the rank-sum (Mann-Whitney) formula, ties counted half."""
    if not pos or not neg:
        return float("nan")
    allv = sorted([(v, 1) for v in pos] + [(v, 0) for v in neg])
    rank_sum, i, n = 0.0, 0, len(allv)
    while i < n:
        j = i
        while j < n and allv[j][0] == allv[i][0]:
            j += 1
        avg = (i + 1 + j) / 2
        rank_sum += avg * sum(1 for k in range(i, j) if allv[k][1])
        i = j
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def best_accuracy(pos, neg):
    """The best accuracy of the rule 'related if score >= t' over all thresholds t."""
    pts = sorted([(v, 1) for v in pos] + [(v, 0) for v in neg], reverse=True)
    best, tp, fp, best_t = len(neg), 0, 0, float("inf")  # threshold above every score: all unrelated
    i = 0
    while i < len(pts):
        t = pts[i][0]
        while i < len(pts) and pts[i][0] == t:
            tp += pts[i][1]
            fp += 1 - pts[i][1]
            i += 1
        correct = tp + (len(neg) - fp)
        if correct > best:
            best, best_t = correct, t
    return best / (len(pos) + len(neg)), best_t


def overlap(headline_text, body_text):
    """Baseline: the share of the headline's content stems that occur anywhere in the body."""
    from mediakit import segment
    from mediakit.lenses import headline as H

    stop = H._stopwords()
    hs = {
        H.stem(w.text, irregular=False)
        for w in segment.words(headline_text)
        if stop.get(w.text.lower(), "") != "function"
    }
    if not hs:
        return 0.0
    bs = {H.stem(w.text, irregular=False) for w in segment.words(body_text)}
    return len(hs & bs) / len(hs)


def half_of(body_id: int) -> str:
    """``dev`` for an even body ID, ``check`` for an odd one (the fixed split)."""
    return "dev" if body_id % 2 == 0 else "check"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--data",
        default=str(Path(__file__).resolve().parents[2] / "shared/benchmarks-data/fnc1-train"),
        help="folder with train_bodies.csv and train_stances.csv",
    )
    ap.add_argument("--limit", type=int, default=3000, help="stratified subset size per half (0 = all pairs)")
    ap.add_argument("--seed", type=int, default=1, help="random seed of the subset")
    ap.add_argument(
        "--half",
        choices=("dev", "check", "both"),
        default="both",
        help="dev = even body IDs (tune here), check = odd body IDs (judge here)",
    )
    ap.add_argument(
        "--as-text",
        action="store_true",
        help="load headline and body as one text, so the loader must find the headline (a pair whose "
        "headline it does not take scores 0)",
    )
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "train_stances.csv").exists():
        print(f"fnc1: no train_stances.csv in {data} (give --data)", file=sys.stderr)
        return 2
    bodies, pairs = read(data)
    for half in ("dev", "check") if args.half == "both" else (args.half,):
        run_half(half, bodies, [p for p in pairs if half_of(p[1]) == half], len(pairs), args)
    return 0


def run_half(half, bodies, pairs, total, args):
    from mediakit import load_article
    from mediakit.lenses import headline, run

    sample = stratified(pairs, args.limit, args.seed)
    keys = ("support", "relatedness", "states", "baseline word overlap")
    scores = {k: {s: [] for s in STANCES} for k in keys}
    no_headline = 0
    errors: list = []
    levels: dict = {}
    backings: dict = {}
    t0, c0 = time.perf_counter(), time.process_time()
    chars = 0
    for title, body_id, stance in sample:
        body = bodies[body_id]
        text = title.strip() + "\n\n" + body
        chars += len(text)
        a = load_article(text) if args.as_text else load_article(body, headline=title)
        if a.headline is None or a.headline.text != " ".join(title.split()):
            no_headline += 1
            got = {"support": 0.0, "relatedness": 0.0, "states": 0.0}
        else:
            try:
                found = run(a, layers=["headline"])
            except Exception as e:  # a lens still under development: count it, show the first one, go on
                errors.append(f"{type(e).__name__}: {e} (body {body_id})")
                continue
            rep = headline.report(a, found["headline"])
            got = {
                "support": rep.support,
                "relatedness": getattr(rep, "relatedness", 0.0),
                "states": getattr(rep, "states", 0.0),
            }  # older versions had only support
            for t in rep.terms:
                levels[t.support] = levels.get(t.support, 0) + 1
                backings[getattr(t, "backing", "")] = backings.get(getattr(t, "backing", ""), 0) + 1
        got["baseline word overlap"] = overlap(title, body)
        for k in keys:
            scores[k][stance].append(got[k])
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0

    n = sum(len(v) for v in scores["support"].values())
    print(
        f"== FNC-1 train, half '{half}' ({'even' if half == 'dev' else 'odd'} body IDs): {n} pairs "
        f"(of {len(pairs)} in this half, {total} in all; stratified, seed {args.seed}), "
        f"{sum(len(v) for s, v in scores['support'].items() if s != 3)} related, {len(scores['support'][3])} unrelated"
    )
    print(f"time: {dt:.1f} s wall, {cpu:.1f} s CPU; {len(sample) / max(cpu, 1e-9):.0f} pairs/s")
    print(f"headline not recognised by the loader: {no_headline} (scored 0)")
    if errors:
        print(f"pairs left out because a lens raised an error: {len(errors)}; first: {errors[0]}")
    print("term levels: " + ", ".join(f"{k} {levels.get(k, 0)}" for k in headline.LEVELS))
    print("term backing: " + ", ".join(f"{k} {backings.get(k, 0)}" for k in getattr(headline, "BACKINGS", ())))
    for name in keys:
        sc = scores[name]
        rel = [v for s in (0, 1, 2) for v in sc[s]]
        a_ = auc(rel, sc[3])
        acc, thr = best_accuracy(rel, sc[3])
        print(f"{name}:")
        print(
            f"  ROC-AUC related vs unrelated: {a_:.3f}; best-threshold accuracy {acc:.3f} "
            f"(all-unrelated {len(sc[3]) / max(n, 1):.3f})"
        )
        print(
            "  mean per stance: "
            + ", ".join(f"{STANCES[s]} {sum(v) / len(v):.3f} (n={len(v)})" for s, v in sc.items() if v)
        )
        print(
            f"  AUC agree vs (discuss + disagree): {auc(sc[0], sc[1] + sc[2]):.3f}; "
            f"agree vs discuss {auc(sc[0], sc[2]):.3f}; agree vs disagree {auc(sc[0], sc[1]):.3f}"
        )
    print()


if __name__ == "__main__":
    sys.exit(main())
