"""Time the headline and provenance lenses on long texts (prints figures; asserts nothing).

The text is the seed's headline followed by its body repeated up to the size asked
(0.25, 0.5 and 1 MB by default): a worst case, since every repetition holds every
headline word, quote, cue and provenance clue again. The lenses that run before
(quotes, attribution, hedges ...) run once first; only ``headline.find`` and
``provenance.find`` are timed, as the best of three runs, in CPU seconds (what the
lens costs) and wall seconds (what you wait, which also shows how busy the machine is).

    python benchmarks/headline_provenance_speed.py [--sizes 0.25 0.5 1]
"""

from __future__ import annotations

import argparse
import os
import time
from types import MappingProxyType


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1.0], help="sizes in MB")
    args = ap.parse_args(argv)

    import mediakit
    from mediakit.lenses import LENSES, headline, provenance

    seed = mediakit.load_article().text
    head, _, body = seed.partition("\n")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for mb in args.sizes:
        n = int(mb * 1_000_000)
        text = head + "\n" + body * (n // len(body) + 1)
        article = mediakit.load_article(text)
        found: dict = {}
        for lens in LENSES:
            if lens in (headline, provenance):
                continue
            found[lens.LAYER] = tuple(lens.find(article, MappingProxyType(found)))
        view = MappingProxyType(found)
        line = [f"{len(text) / 1e6:.2f} MB, {len(article.sentences)} sentences:"]
        for lens in (headline, provenance):
            best_cpu = best_wall = float("inf")
            for _ in range(3):
                article._cache.clear()
                c, w = time.process_time(), time.perf_counter()
                spans = lens.find(article, view)
                best_cpu = min(best_cpu, time.process_time() - c)
                best_wall = min(best_wall, time.perf_counter() - w)
            line.append(f"{lens.LAYER} {best_cpu:.3f} s CPU / {best_wall:.3f} s wall ({len(spans)} spans);")
        print(" ".join(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
