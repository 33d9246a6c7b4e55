"""How fast is mediakit? Load + markup of the seed and of 1 MB of text, the CLI against bare Python, peak memory.

Usage (from the repository root)::

    python benchmarks/speed.py                 # all figures, about a minute
    python benchmarks/speed.py --runs 9        # more runs for steadier medians
    python benchmarks/speed.py --profile       # also a cProfile of the 1 MB markup, by lens and function
    python benchmarks/speed.py --size 0.2      # a smaller "large" text (in MB) on a slow machine

It prints figures and asserts nothing (a timed assertion would fail on a busy
machine, not on slow code). Medians of ``--runs`` runs; the process is pinned to one
core where the OS allows it, since the budget is "1 MB per second on one core".

The large text repeats the body paragraphs of the seed and of ``tests/articles/*.txt``
in a fixed shuffled order (so the lenses meet varied text, not one paragraph over
and over), under one headline, until it reaches ``--size`` MB of UTF-8.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from types import MappingProxyType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import mediakit  # noqa: E402
from mediakit import load_article  # noqa: E402
from mediakit.lenses import LENSES  # noqa: E402


def big_text(size_mb: float) -> str:
    """A text of at least ``size_mb`` MB: one headline, then varied body paragraphs."""
    seed = load_article()
    paragraphs = [p.text for p in seed.paragraphs]
    for path in sorted((ROOT / "tests" / "articles").glob("*.txt")):
        try:
            a = load_article(path)
        except mediakit.MediakitError:
            continue
        paragraphs.extend(p.text for p in a.paragraphs)
    rng = random.Random(0)
    out, size, target = [seed.headline.text], 0, int(size_mb * 1_000_000)
    while size < target:
        batch = paragraphs[:]
        rng.shuffle(batch)
        for p in batch:
            out.append(p)
            size += len(p.encode("utf-8")) + 2
            if size >= target:
                break
    return "\n\n".join(out) + "\n"


class Times:
    """Wall-clock and CPU times of repeated runs (CPU time is what counts on a shared machine)."""

    def __init__(self):
        self.wall: list[float] = []
        self.cpu: list[float] = []

    @property
    def med_cpu(self) -> float:
        return statistics.median(self.cpu)

    @property
    def med_wall(self) -> float:
        return statistics.median(self.wall)

    def __str__(self) -> str:
        return (f"cpu {self.med_cpu * 1000:8.1f} ms   wall {self.med_wall * 1000:8.1f} ms "
                f"(min {min(self.wall) * 1000:.1f}, max {max(self.wall) * 1000:.1f})")


def timed(fn, runs: int) -> Times:
    out = Times()
    for _ in range(runs):
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        fn()
        out.cpu.append(time.process_time() - c)
        out.wall.append(time.perf_counter() - t)
    return out


def per_lens(article) -> list[tuple[str, float, int]]:
    found: dict = {}
    rows = []
    for lens in LENSES:
        t = time.process_time()
        spans = lens.find(article, MappingProxyType(found))
        rows.append((lens.LAYER, time.process_time() - t, len(spans)))
        found[lens.LAYER] = tuple(spans)
    return rows


def _child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cli_times(runs: int) -> tuple[Times, Times]:
    """Wall and CPU time of `python -c pass` and of `mediakit analyze --format json` on the seed."""
    bare = [sys.executable, "-c", "pass"]
    cli = [sys.executable, "-m", "mediakit", "analyze", "--format", "json"]
    out = {"bare": Times(), "cli": Times()}
    for _ in range(runs):
        for name, cmd in (("bare", bare), ("cli", cli)):
            t, c = time.perf_counter(), _child_cpu()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=str(ROOT))
            out[name].cpu.append(_child_cpu() - c)
            out[name].wall.append(time.perf_counter() - t)
    return out["bare"], out["cli"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per measure (median reported; default 5)")
    ap.add_argument("--size", type=float, default=1.0, help="size of the large text in MB (default 1)")
    ap.add_argument("--profile", action="store_true", help="cProfile the large markup: time by lens and top functions")
    ap.add_argument("--no-cli", action="store_true", help="skip the subprocess timings")
    args = ap.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        except OSError:
            pass
    print(f"mediakit {mediakit.__version__}, Python {sys.version.split()[0]}, "
          f"cores allowed: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}, "
          f"load average {os.getloadavg()[0]:.1f}")
    print("CPU time (time.process_time) is the figure to quote on a shared machine; wall time is shown beside it.")

    # 1. the seed
    t = time.process_time()
    load_article().markup()
    cold = time.process_time() - t
    seed_load = timed(load_article, args.runs)
    seed_all = timed(lambda: load_article().markup(), args.runs)
    print("\n[seed article, 2.9 kB]")
    print(f"  first load + markup (word lists read) cpu {cold * 1000:8.1f} ms")
    print(f"  load                                  {seed_load}")
    print(f"  load + markup                         {seed_all}")

    # 2. a large text
    text = big_text(args.size)
    mb = len(text.encode("utf-8")) / 1e6
    runs = max(1, min(args.runs, 3))
    loads = timed(lambda: load_article(text), runs)
    article = load_article(text)
    marks = timed(lambda: mediakit.markup.Markup.build(article), runs)
    total = loads.med_cpu + marks.med_cpu
    print(f"\n[large text, {mb:.2f} MB, {len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences]")
    print(f"  load                                  {loads}")
    print(f"  markup (all nine lenses)              {marks}")
    print(f"  load + markup                         cpu {total * 1000:8.1f} ms  ->  {mb / total:.2f} MB/s on one core")
    print("  by lens (one run, cpu time):")
    for layer, secs, n in per_lens(article):
        print(f"    {layer:16s} {secs * 1000:9.1f} ms  {n:7d} spans  {mb / secs if secs else float('inf'):8.2f} MB/s")

    # 3. memory
    gc.collect()
    tracemalloc.start()
    a = load_article(text)
    mediakit.markup.Markup.build(a)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(f"\n[memory]\n  peak Python allocations, load + markup of {mb:.2f} MB: {peak / 1e6:.1f} MB (tracemalloc)")
    print(f"  peak resident size of this process: {rss:.0f} MB (ru_maxrss)")

    # 4. the CLI
    if not args.no_cli:
        bare, cli = cli_times(args.runs)
        print("\n[command line, seed, --format json, subprocess]")
        print(f"  python -c pass                        {bare}")
        print(f"  python -m mediakit analyze            {cli}")
        print(f"  cost over Python start-up             cpu {(cli.med_cpu - bare.med_cpu) * 1000:8.1f} ms   "
              f"wall {(cli.med_wall - bare.med_wall) * 1000:8.1f} ms")

    # 5. profile
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        mediakit.markup.Markup.build(article)
        prof.disable()
        stats = pstats.Stats(prof)
        by_module: dict[str, float] = {}
        for (filename, _line, _fn), (_cc, _nc, tt, _ct, _callers) in stats.stats.items():
            key = Path(filename).stem if "mediakit" in filename else "(python / re / other)"
            if "lenses" in filename:
                key = "lenses." + Path(filename).stem
            by_module[key] = by_module.get(key, 0.0) + tt
        print("\n[profile of the large markup: own time by module]")
        for key, tt in sorted(by_module.items(), key=lambda kv: -kv[1])[:12]:
            print(f"  {key:28s} {tt * 1000:9.1f} ms")
        print("\n[top functions by own time]")
        stats.sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
