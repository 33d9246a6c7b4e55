"""Is markup linear in the length of a hostile paste? Times 16, 32 and 64 kB of each hostile input.

Usage (from the repository root)::

    python benchmarks/hostile.py                  # every input at 16, 32 and 64 kB
    python benchmarks/hostile.py dots said        # only some inputs
    python benchmarks/hostile.py --sizes 16 32 64 128 --profile dots

Each input is one short line repeated up to the size (a run of "." or "!", repeated
"said" or "according to", quotes left open ...), under a one-line headline, loaded
and marked up through every lens. For each input it prints the seconds at each size
and the ratio of each time to the one before: about 2 for each doubling is linear,
about 4 is quadratic. It asserts nothing (a timed assertion fails on a busy machine,
not on slow code). ``--profile NAME`` prints a cProfile of the largest size.
"""

from __future__ import annotations

import argparse
import cProfile
import math
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mediakit import load_article  # noqa: E402

#: name -> the unit repeated up to the size. Made up here; no corpus text.
INPUTS = {
    "dots": ".",
    "bangs": "!",
    "questions": "?",
    "ellipses": "\u2026",
    "dot-space": ". ",
    "initials": "A. ",
    "straight quotes": '"',
    "curly quotes": "\u201c",
    "said": "he said ",
    "according to": "according to him ",
    "said, quoted": '"Yes," he said. ',
    "newlines": "a\n",
    "blank lines": "a\n\n",
    "dashes": "-",
    "brackets": "(",
    "no spaces": "x",
    "one long word with marks": "ab.",
}


def make(unit: str, kb: int) -> str:
    n = kb * 1000 // len(unit.encode("utf-8"))
    return "Hostile headline\n\n" + unit * n


def time_one(text: str) -> float:
    start = time.perf_counter()
    load_article(text).markup()
    return time.perf_counter() - start


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("names", nargs="*", help=f"inputs to time (default: all): {', '.join(INPUTS)}")
    p.add_argument("--sizes", nargs="+", type=int, default=[16, 32, 64], help="sizes in kB (default 16 32 64)")
    p.add_argument("--profile", action="store_true", help="print a cProfile of each input at the largest size")
    args = p.parse_args(argv)
    names = args.names or list(INPUTS)
    unknown = [n for n in names if n not in INPUTS]
    if unknown:
        p.error(f"unknown input(s) {', '.join(unknown)}; choose from: {', '.join(INPUTS)}")
    print(
        f"{'input':<26}"
        + "".join(f"{str(k) + ' kB':>10}" for k in args.sizes)
        + "   ratios (2 = linear, 4 = quadratic)"
    )
    time_one(make("x ", 1))  # load the word lists once, outside the timings
    worst = 0.0
    for name in names:
        times = [time_one(make(INPUTS[name], kb)) for kb in args.sizes]
        ratios = [b / a if a > 0.02 else float("nan") for a, b in zip(times, times[1:])]
        worst = max([worst] + [r for r in ratios if not math.isnan(r)])
        print(
            f"{name:<26}" + "".join(f"{t:>9.2f}s" for t in times) + "   " + " ".join(f"{r:.1f}" for r in ratios),
            flush=True,
        )
        if args.profile:
            prof = cProfile.Profile()
            text = make(INPUTS[name], args.sizes[-1])
            prof.runcall(lambda t=text: load_article(t).markup())
            pstats.Stats(prof).sort_stats("cumulative").print_stats(12)
    print(f"worst ratio per doubling: {worst:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
