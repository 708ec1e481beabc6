"""Throughput of the coder against a bare spaCy pass over the same texts, in the same run.

Usage: python bench/throughput.py [--n 200] [--path ../shared/data/text/allsides/allsides_2015_subset.jsonl.gz]

Prints articles/s, words/s (whitespace words of the article text) and peak RSS for (1) a bare
``nlp.pipe`` over the texts with the same model and (2) the full coder (parse + actors + events +
dates + places), and their ratio. One process, one core. Skips cleanly when the corpus is absent.
"""

from __future__ import annotations

import os

# The CLI's setting (eventcoder.cli.BLAS_ENV), for bare spaCy and the coder alike: one BLAS thread per
# process, set before numpy is first imported.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "text" / "allsides" / "allsides_2015_subset.jsonl.gz"


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="number of articles (default 200)")
    ap.add_argument("--path", default=str(DEFAULT))
    args = ap.parse_args(argv)
    if not Path(args.path).exists():
        print(f"corpus not found: {args.path} (skipped)")
        return 0
    from eventcoder.coder import Coder
    from eventcoder.ingest import jsonl

    articles = []
    for item in jsonl.read(args.path):
        if hasattr(item, "text"):
            articles.append(item)
        if len(articles) >= args.n:
            break
    words = sum(len(a.text.split()) for a in articles)
    coder = Coder()
    _ = coder.gazetteer  # load outside the timed part
    coder.code(articles[0])  # warm-up
    rss0 = peak_rss_mb()

    t = time.perf_counter()
    for _doc in coder.nlp.pipe((a.text for a in articles), batch_size=16):
        pass
    bare = time.perf_counter() - t
    rss_bare = peak_rss_mb()

    t = time.perf_counter()
    n_events = 0
    for coded in coder.code_many(articles):
        n_events += len(coded.events)
    full = time.perf_counter() - t
    rss_full = peak_rss_mb()

    print(f"articles: {len(articles)}  words: {words}  (avg {words / len(articles):.0f} words/article)")
    print(f"{'pass':<22}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'peak RSS MiB':>14}")
    print(f"{'bare spaCy nlp.pipe':<22}{bare:>9.1f}{len(articles) / bare:>12.2f}{words / bare:>10.0f}{rss_bare:>14.0f}")
    print(f"{'eventcoder':<22}{full:>9.1f}{len(articles) / full:>12.2f}{words / full:>10.0f}{rss_full:>14.0f}")
    print(f"ratio eventcoder/bare: {bare / full:.2f}   events: {n_events}   "
          f"({n_events / len(articles):.1f} per article)   RSS after load: {rss0:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
