"""How fast is mediakit? Load + markup of the seed and of 1 MB of text, the CLI against bare Python, peak memory.

Usage (from the repository root)::

    python benchmarks/speed.py                 # all figures, about a minute
    python benchmarks/speed.py --runs 9        # more runs for steadier medians
    python benchmarks/speed.py --profile       # also a cProfile of the 1 MB markup, by lens and function
    python benchmarks/speed.py --size 0.2      # a smaller "large" text (in MB) on a slow machine
    python benchmarks/speed.py --nbval         # also the notebook suite against its floor (slow: minutes)

The command-line figures use a cache folder of their own (``MEDIAKIT_CACHE_DIR``, a fresh temporary
folder warmed by the first run of each command) unless ``MEDIAKIT_CACHE_DIR`` is set or
``--keep-cache-dir`` is given: a warm start, as a user's second run, undisturbed by another
checkout of mediakit that shares ``~/.cache/mediakit``.

At the end a table gives every figure of the speed budget (issue 16) with its floor
and its target: ``mediakit analyze`` on the seed against ``python -c pass``; the
command line over a corpus of about 75 news articles in one call (words/s and MB/s,
start-up included, one process and ``--jobs 0``); the median ``exercise.check()``;
the peak memory for 1 MB of text; and with ``--nbval`` the notebook suite against
its floor (pytest plus one kernel per notebook running one empty cell), with the
time each notebook spends beyond its kernel start.

The corpus: ``tests/articles/*.txt`` and, when present, the first PolNeAR texts of
the held-out half (CRC-32 of the file name odd, as ``polnear.py --half test``) from
``--polnear`` (default ``../shared/benchmarks-data/polnear-train/text`` beside the
repository), up to ``--corpus-size`` articles (75).

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
import json
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
        return (
            f"cpu {self.med_cpu * 1000:8.1f} ms   wall {self.med_wall * 1000:8.1f} ms "
            f"(min {min(self.wall) * 1000:.1f}, max {max(self.wall) * 1000:.1f})"
        )


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


def _wall_runs(cmd, runs: int, env=None, check: bool = True) -> Times:
    """Wall and CPU time of ``runs`` runs of a command (its output thrown away)."""
    out = Times()
    for _ in range(runs):
        t, c = time.perf_counter(), _child_cpu()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check, cwd=str(ROOT), env=env)
        out.cpu.append(_child_cpu() - c)
        out.wall.append(time.perf_counter() - t)
    return out


def corpus_files(polnear: Path | None, size: int) -> list[Path]:
    """``tests/articles/*.txt``, then held-out PolNeAR texts, up to ``size`` articles."""
    import zlib

    files = sorted((ROOT / "tests" / "articles").glob("*.txt"))
    if polnear is not None and polnear.is_dir():
        held_out = [p for p in sorted(polnear.glob("*.txt")) if zlib.crc32(p.name.encode("utf-8")) % 2 == 1]
        files += held_out[: max(0, size - len(files))]
    return files[:size]


def corpus_words(files) -> tuple[int, int]:
    """Words (whitespace-separated) and UTF-8 bytes of the articles' text as loaded."""
    words = size = 0
    for p in files:
        text = load_article(p).text
        words += len(text.split())
        size += len(text.encode("utf-8"))
    return words, size


def check_times(runs: int) -> tuple[float, float, int]:
    """``(first, median, n)``: the first ``exercise.check()`` of a fresh process (answer keys read, seed
    marked up) and the median of every later one, with the solutions' own answers (``solutions/*.ipynb``)."""
    code = r"""
import ast, json, re, statistics, sys, time
from pathlib import Path
t0 = time.perf_counter()
import mediakit.exercises as mx
answers = []
for nb in sorted(Path("solutions").glob("*.ipynb")):
    names = {}
    for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
        src = "".join(cell["source"]) if cell["cell_type"] == "code" else ""
        for var, ex_id in re.findall(r'(\w+)\s*=\s*mx\.get\("([^"]+)"\)', src):
            names[var] = ex_id
        m = re.search(r"answer\s*=\s*(.*?)\n### END SOLUTION", src, re.S)
        call = re.search(r"(\w+)\.check\(answer", src)
        if m and call and call.group(1) in names:
            try:
                answers.append((names[call.group(1)], ast.literal_eval(m.group(1))))
            except (ValueError, SyntaxError):
                pass
times = []
first = None
for _ in range(RUNS):
    for ex_id, answer in answers:
        ex = mx.get(ex_id)
        t = time.perf_counter()
        ex.check(answer, save=False)
        dt = time.perf_counter() - t
        if first is None:
            first = time.perf_counter() - t0
        else:
            times.append(dt)
print(json.dumps([first, statistics.median(times), len(answers)]))
""".replace("RUNS", str(max(3, runs)))
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), check=True)
    return tuple(json.loads(p.stdout.strip().splitlines()[-1]))


def peak_memory_cli(text: str) -> tuple[float, float]:
    """Peak resident size (MB) of a fresh process that loads, marks up and writes the compact JSON of ``text``,
    and of ``python -c pass`` (the floor)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(text, encoding="utf-8")
        probe = (
            "import resource, subprocess, sys\n"
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        )
        out = []
        for cmd in (
            [sys.executable, "-m", "mediakit", "analyze", str(path), "--format", "jsonl-compact"],
            [sys.executable, "-c", "pass"],
        ):
            p = subprocess.run(
                [sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True, cwd=str(ROOT)
            )
            out.append(int(p.stdout.split()[-1]) / 1024)
    return out[0], out[1]


#: A fresh process that does what ``mediakit analyze --format json`` does on the seed, timing each
#: stage (CPU): the CLI module, the cache file read, the imports of the article and the lenses (and,
#: of those, ``dataclasses`` and the classes it builds), the markup, the JSON. Prints one JSON line.
_STARTUP_PROBE = r"""
import gc, json, sys, time
gc.disable()
clock = time.process_time
t0 = clock()
import dataclasses
t_dc = clock() - t0
spent = [0.0, 0]
_orig = dataclasses._process_class
def _timed(*a, **k):
    t = clock()
    try:
        return _orig(*a, **k)
    finally:
        spent[0] += clock() - t
        spent[1] += 1
dataclasses._process_class = _timed
t = clock()
import mediakit.cli as cli
from mediakit.cache import regex_cache
out = {"import cli": clock() - t}
t = clock()
with regex_cache() as cache:
    out["cache file read"] = clock() - t
    t = clock()
    from mediakit import article, lenses, markup
    out["import article + lenses"] = clock() - t
    t = clock()
    m = article.load_article().markup()
    out["load + markup (first)"] = clock() - t
    t = clock()
    cli._render("json", [m])
    out["render json"] = clock() - t
out["import dataclasses"] = t_dc
out["dataclass classes (%d)" % spent[1]] = spent[0]
out["total"] = clock() - t0
print(json.dumps(out))
"""


def startup_breakdown(runs: int) -> dict:
    """Median CPU seconds of each stage of a warm ``mediakit analyze`` start (see :data:`_STARTUP_PROBE`)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # .pyc files matter here
    subprocess.run([sys.executable, "-m", "mediakit", "analyze"], stdout=subprocess.DEVNULL, cwd=str(ROOT), env=env)
    rows: dict = {}
    for _ in range(runs):
        p = subprocess.run(
            [sys.executable, "-c", _STARTUP_PROBE], capture_output=True, text=True, cwd=str(ROOT), env=env, check=True
        )
        for k, v in json.loads(p.stdout.strip().splitlines()[-1]).items():
            rows.setdefault(k, []).append(v)
    return {k: statistics.median(v) for k, v in rows.items()}


def nbval_times(runs: int = 1) -> dict:
    """The notebook suite (pytest --nbval over notebooks/, solutions/, exercises/) against its floor:
    pytest with nbval over as many one-cell notebooks. Also, per notebook, the kernel start and the
    time its cells take (nbclient)."""
    import json as _json
    import tempfile

    notebooks = [p for d in ("notebooks", "solutions", "exercises") for p in sorted((ROOT / d).glob("*.ipynb"))]
    out: dict = {"n": len(notebooks), "per_notebook": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        empty = {
            "cells": [
                {"cell_type": "code", "execution_count": 1, "id": "c1", "metadata": {}, "outputs": [], "source": "pass"}
            ],
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
        for i, _ in enumerate(notebooks):
            (tmp / f"n{i:02d}.ipynb").write_text(_json.dumps(empty), encoding="utf-8")
        (tmp / "pytest.ini").write_text("[pytest]\naddopts = --nbval --nbval-current-env -p no:cacheprovider\n")
        floor = _wall_runs(
            [sys.executable, "-m", "pytest", "-q", "-c", str(tmp / "pytest.ini"), "--rootdir", str(tmp), str(tmp)],
            runs,
            check=False,
        )
    # (a stale notebook fails its comparison but is timed all the same)
    suite = _wall_runs([sys.executable, "-m", "pytest", "-q", "notebooks", "solutions", "exercises"], runs, check=False)
    out["floor"], out["suite"] = floor.med_wall, suite.med_wall
    try:
        import nbformat
        from nbclient import NotebookClient
    except ImportError:
        return out
    # the exercises save a student's answers on every check: into a folder of their own here, never beside
    # the notebooks (where they would be handed out with them); the pytest run above does the same (conftest.py)
    answers = tempfile.TemporaryDirectory(prefix="mediakit-speed-answers-")
    before = os.environ.get("MEDIAKIT_ANSWERS_DIR")
    os.environ["MEDIAKIT_ANSWERS_DIR"] = answers.name
    try:
        for path in notebooks:
            out["per_notebook"].append(_time_notebook(path, nbformat, NotebookClient))
    finally:
        if before is None:
            os.environ.pop("MEDIAKIT_ANSWERS_DIR", None)
        else:
            os.environ["MEDIAKIT_ANSWERS_DIR"] = before
        answers.cleanup()
    return out


def _time_notebook(path, nbformat, NotebookClient) -> tuple:
    """A notebook's kernel start, the time its code cells take, and its two slowest cells (nbclient)."""
    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    t = time.perf_counter()
    cells = []
    with client.setup_kernel():
        start = time.perf_counter() - t
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            c = time.perf_counter()
            try:
                client.execute_cell(cell, i)
            except Exception:  # noqa: BLE001 - an erroring cell is timed like any other
                pass
            cells.append((time.perf_counter() - c, "".join(cell.source).splitlines()[0][:60] if cell.source else ""))
    total = sum(c for c, _ in cells)
    slow = sorted(cells, reverse=True)[:2]
    return (f"{path.parent.name}/{path.name}", start, total, slow)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per measure (median reported; default 5)")
    ap.add_argument("--size", type=float, default=1.0, help="size of the large text in MB (default 1)")
    ap.add_argument("--profile", action="store_true", help="cProfile the large markup: time by lens and top functions")
    ap.add_argument("--no-cli", action="store_true", help="skip the subprocess timings")
    ap.add_argument("--nbval", action="store_true", help="also time the notebook suite against its floor (minutes)")
    ap.add_argument(
        "--polnear",
        type=Path,
        default=ROOT.parent / "shared" / "benchmarks-data" / "polnear-train" / "text",
        help="PolNeAR text folder for the corpus run (skipped if absent)",
    )
    ap.add_argument("--corpus-size", type=int, default=75, help="articles in the corpus run (default 75)")
    ap.add_argument(
        "--keep-cache-dir",
        action="store_true",
        help="time with the user's own cache folder (default: a fresh folder of this run, warmed by its first run)",
    )
    args = ap.parse_args(argv)
    # Start-up figures count the reading of .pyc files, as a user's start does: a shell that sets
    # PYTHONDONTWRITEBYTECODE would make every subprocess compile mediakit's sources afresh.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    # The command line's cache file (mediakit.cache) in a folder of this run's own, warmed by the first
    # run of each command: another checkout of mediakit on the same machine (other code, so other memo
    # values) sharing ~/.cache/mediakit would otherwise rewrite it between two timed runs.
    own_cache = None
    if not os.environ.get("MEDIAKIT_CACHE_DIR") and not args.keep_cache_dir:
        import tempfile

        own_cache = tempfile.TemporaryDirectory(prefix="mediakit-speed-")
        os.environ["MEDIAKIT_CACHE_DIR"] = own_cache.name

    all_cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        except OSError:
            pass
    print(
        f"mediakit {mediakit.__version__}, Python {sys.version.split()[0]}, "
        f"cores allowed: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
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
    if all_cores:
        try:
            os.sched_setaffinity(0, all_cores)  # the subprocesses may use every core (--jobs)
        except OSError:
            pass
    summary = []
    if not args.no_cli:
        bare, cli = cli_times(args.runs)
        print("\n[command line, seed, --format json, subprocess]")
        print(f"  python -c pass                        {bare}")
        print(f"  python -m mediakit analyze            {cli}")
        print(
            f"  cost over Python start-up             cpu {(cli.med_cpu - bare.med_cpu) * 1000:8.1f} ms   "
            f"wall {(cli.med_wall - bare.med_wall) * 1000:8.1f} ms"
        )
        print(
            "  where it goes (a warm start, stage by stage, median CPU; `import dataclasses` is timed apart, "
            "the classes it builds inside the imports):"
        )
        for stage, secs in startup_breakdown(args.runs).items():
            print(f"    {stage:34s} {secs * 1000:7.1f} ms")

    if not args.no_cli:
        # 4b. the budget of issue 16, wall time of one call each, floors beside
        env_nocache = {**os.environ, "MEDIAKIT_NO_CACHE": "1"}
        bare = _wall_runs([sys.executable, "-c", "pass"], args.runs)
        seed_cmd = [sys.executable, "-m", "mediakit", "analyze"]
        subprocess.run(seed_cmd, stdout=subprocess.DEVNULL, check=True, cwd=str(ROOT))  # the regex cache, written once
        seed = _wall_runs(seed_cmd, args.runs)
        seed_nocache = _wall_runs(seed_cmd, args.runs, env=env_nocache)
        summary.append(
            (
                "mediakit analyze, seed (text report)",
                f"{seed.med_wall * 1000:.0f} ms",
                f"python -c pass {bare.med_wall * 1000:.0f} ms",
                f"{seed.med_wall / bare.med_wall:.2f}x (target <= 2x)",
            )
        )
        summary.append(
            (
                "  same, MEDIAKIT_NO_CACHE=1",
                f"{seed_nocache.med_wall * 1000:.0f} ms",
                "",
                f"{seed_nocache.med_wall / bare.med_wall:.2f}x",
            )
        )
        polnear = (
            args.polnear
            if args.polnear.is_dir()
            else (
                Path("/work/shared/benchmarks-data/polnear-train/text")
                if Path("/work/shared/benchmarks-data/polnear-train/text").is_dir()
                else None
            )
        )
        files = corpus_files(polnear, args.corpus_size)
        words, nbytes = corpus_words(files)
        print(
            f"\n[corpus: {len(files)} articles, {words} words, {nbytes / 1e6:.2f} MB"
            f"{'' if polnear else '; PolNeAR not found, tests/articles only'}]"
        )
        for fmt in ("jsonl", "jsonl-compact"):
            for jobs in ("1", "0"):
                cmd = [sys.executable, "-m", "mediakit", "analyze", "--format", fmt, "--jobs", jobs, *map(str, files)]
                if (fmt, jobs) == ("jsonl", "1"):  # the corpus's own patterns, written to the cache once
                    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, cwd=str(ROOT))
                t = _wall_runs(cmd, max(1, min(args.runs, 3)))
                w = t.med_wall
                print(
                    f"  --format {fmt:13s} --jobs {jobs}   {t}   {words / w:9.0f} words/s  {nbytes / 1e6 / w:5.2f} MB/s"
                )
                summary.append(
                    (
                        f"CLI over the corpus, {fmt}, --jobs {jobs}",
                        f"{words / w:,.0f} words/s ({nbytes / 1e6 / w:.2f} MB/s; "
                        f"{words / t.med_cpu:,.0f} words per CPU-second)",
                        f"python -c pass {bare.med_wall * 1000:.0f} ms",
                        "target >= 170,000 words/s",
                    )
                )
        first, med, n = check_times(args.runs)
        print(
            f"\n[exercise.check(), {n} solution answers]\n  first (keys read, seed marked up) {first * 1000:.1f} ms; "
            f"median of the others {med * 1000:.2f} ms"
        )
        summary.append(
            ("exercise.check() median", f"{med * 1000:.2f} ms", f"first call {first * 1000:.0f} ms", "target <= 10 ms")
        )
        rss, rss_floor = peak_memory_cli(text)
        summary.append(
            (
                f"peak memory, analyze {mb:.2f} MB (one process)",
                f"{rss:.0f} MB resident",
                f"python -c pass {rss_floor:.0f} MB",
                f"tracemalloc peak {peak / 1e6:.0f} MB",
            )
        )
    if args.nbval:
        nb = nbval_times()
        print(f"\n[notebook suite: {nb['n']} notebooks]")
        print(f"  floor (pytest + nbval, one empty cell per notebook) {nb['floor']:.1f} s; suite {nb['suite']:.1f} s")
        for name, start, total, slow in nb["per_notebook"]:
            worst = "; ".join(f"{c:.2f} s {src!r}" for c, src in slow)
            print(f"  {name:48s} kernel {start:5.2f} s  cells {total:6.2f} s   slowest: {worst}")
        summary.append(
            (
                "nbval suite",
                f"{nb['suite']:.1f} s",
                f"floor {nb['floor']:.1f} s",
                f"{nb['suite'] / nb['floor']:.2f}x (target <= 1.5x)",
            )
        )
    if own_cache is not None:
        own_cache.cleanup()
    if summary:
        print("\n[the speed budget: figure | measured | floor | target]")
        for row in summary:
            print("  " + " | ".join(row))

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
