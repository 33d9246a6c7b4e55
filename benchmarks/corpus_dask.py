"""Mark up a corpus with an existing engine: a Dask bag (or Spark ``mapPartitions``) over files.

Each partition runs ``mediakit analyze`` once, in a subprocess, on its batch of files,
and gets one compact JSON line per file back (``--format jsonl-compact``): one
interpreter start per batch, not per file, and the word lists compiled once per
batch. The lines are expanded to the full records with
:func:`mediakit.compact.expand_compact`, so the result does not depend on how the
files were split. Without Dask installed the script says so and runs the same batches
with :mod:`concurrent.futures` (the standard library), which shows the recipe too.

Usage (from the repository root)::

    python benchmarks/corpus_dask.py tests/articles/*.txt                      # a folder's articles
    python benchmarks/corpus_dask.py --batch 20 --out corpus.jsonl DIR/*.txt   # the full records, in input order

The Spark version of the same idea (not run here)::

    rdd = spark.sparkContext.parallelize(paths, numSlices=8)
    records = rdd.mapPartitions(lambda part: analyze_batch(list(part)))
    records.map(json.dumps).saveAsTextFile("marked-up")

This file imports nothing from Dask at import time; ``mediakit`` never needs Dask.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mediakit.compact import expand_compact  # noqa: E402


def analyze_batch(paths: list[str]) -> list[dict]:
    """The full JSON records of ``paths``, in order, from one ``mediakit analyze`` process.

    A file that cannot be read stops the batch with ``mediakit``'s one-line message
    (exit code 2); here it is raised as a :class:`RuntimeError` naming the batch.
    """
    if not paths:
        return []
    cmd = [sys.executable, "-m", "mediakit", "analyze", "--format", "jsonl-compact", *paths]
    p = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if p.returncode != 0:
        raise RuntimeError(f"batch starting at {paths[0]}: {p.stderr.strip()}")
    return list(expand_compact(p.stdout.splitlines()))


def batches(paths: list[str], size: int) -> list[list[str]]:
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def run_dask(paths: list[str], size: int) -> list[dict] | None:
    """With Dask: a bag of batches, one task each; ``None`` when Dask is not installed."""
    try:
        import dask.bag as db
    except ImportError:
        return None
    bag = db.from_sequence(batches(paths, size), npartitions=max(1, len(paths) // size))
    return [r for part in bag.map(analyze_batch).compute() for r in part]


def run_futures(paths: list[str], size: int, workers: int) -> list[dict]:
    """The same batches with the standard library: threads suffice, the work runs in the subprocesses."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return [r for part in pool.map(analyze_batch, batches(paths, size)) for r in part]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="article files (default: tests/articles/*.txt)")
    ap.add_argument("--batch", type=int, default=25, help="files per mediakit process (default 25)")
    ap.add_argument("--workers", type=int, default=2, help="batches at a time without Dask (default 2)")
    ap.add_argument("--out", type=Path, help="write the full records as JSON lines here")
    args = ap.parse_args(argv)
    paths = args.paths or sorted(str(p) for p in (ROOT / "tests" / "articles").glob("*.txt"))
    t = time.perf_counter()
    records = run_dask(paths, args.batch)
    engine = "dask.bag"
    if records is None:
        print(
            "dask is not installed (pip install 'dask[bag]'): running the same batches with concurrent.futures instead",
            file=sys.stderr,
        )
        records = run_futures(paths, args.batch, args.workers)
        engine = "concurrent.futures"
    wall = time.perf_counter() - t
    assert [r["source"] for r in records] == paths, "the records are not in input order"
    words = sum(len(r["text"].split()) for r in records)
    spans = sum(len(r["spans"]) for r in records)
    print(
        f"{engine}: {len(records)} articles, {words} words, {spans} spans in {wall:.2f} s ({words / wall:,.0f} words/s)"
    )
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
