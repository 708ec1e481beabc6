"""Corpus-scale throughput: the batch engines beside bare spaCy parsing of the same texts, in one run.

Usage: python bench/batch_bench.py [--n 1000] [--n 10000] [--only bare1,bare2,local1,local2,spark2]
                                   [--md FILE] [--json FILE]

For each ``--n``, the first N records of ``../shared/data/text/allsides/allsides_articles.jsonl.gz`` are
copied to a temporary JSONL file (outside the repository), and each pass runs as its own process:

* ``bare1`` / ``bare2``: read the file with the batch readers (same articles, same de-duplication), load
  the model and parse every text with ``nlp.pipe`` (1 process / ``n_process=2``). Nothing else.
* ``local1`` / ``local2``: ``eventcoder.engines.run_local`` with 1 / 2 workers (full coding, Parquet
  output, ledger, compaction).
* ``spark2``: ``eventcoder.engines.run_spark`` with master ``local[2]``.

Columns: wall seconds of the whole process (interpreter start, model loading and Spark start-up
included), stories/s and words/s (whitespace words of the coded stories), peak RSS (the largest sum of
resident memory over the process and all its descendants, sampled every 0.2 s with psutil: workers,
Spark's JVM and its Python workers included), the same for PSS, sampled every second (proportional set
size: pages shared between processes, such as the coder that the local engine's forked workers
share, count once in all), and the ratio of words/s to bare parsing with the same number of
processes. With two or more ``--n``, the time ratio of the largest to the smallest run is printed per
pass. Skips cleanly when the corpus is absent. Needs psutil (``pip install -e .[dev]``).
"""

from __future__ import annotations

import os

# The CLI's setting (eventcoder.cli.BLAS_ENV), for bare spaCy and the coder alike: one BLAS thread per
# process, set before numpy is first imported.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import gzip
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "text" / "allsides" / "allsides_articles.jsonl.gz"
PASSES = ("bare1", "bare2", "local1", "local2", "spark2")
LABELS = {
    "bare1": "bare spaCy nlp.pipe, 1 process",
    "bare2": "bare spaCy nlp.pipe, 2 processes",
    "local1": "local engine, 1 worker",
    "local2": "local engine, 2 workers",
    "spark2": "Spark engine, local[2]",
}
BASE = {"local1": "bare1", "local2": "bare2", "spark2": "bare2"}


# -- child side -----------------------------------------------------------------------------------------
def child(kind: str, path: str, out: str) -> dict:
    """Run one pass in this process; return its counts (the parent measures time and memory)."""
    from eventcoder.engines import BatchOptions

    if kind.startswith("bare"):
        from eventcoder import nlp
        from eventcoder.article import Article
        from eventcoder.engines.sources import iter_items

        texts = [it.text for it in iter_items([path]) if isinstance(it, Article)]
        model = nlp.load()
        n_process = 2 if kind == "bare2" else 1
        for _doc in model.pipe(texts, batch_size=16, n_process=n_process):
            pass
        return {"stories": len(texts), "words": sum(len(t.split()) for t in texts), "events": None}
    opts = BatchOptions(workers=2 if kind == "local2" else 1, progress=False)
    if kind.startswith("local"):
        from eventcoder.engines import run_local

        s = run_local([path], out, opts)
    else:
        from eventcoder.engines import run_spark

        s = run_spark([path], out, opts, master="local[2]")
    return {"stories": s.coded, "words": s.words, "events": s.rows["events"], "failed": len(s.failures)}


# -- parent side ----------------------------------------------------------------------------------------
def measure(kind: str, path: Path, work: Path) -> dict:
    """Run pass ``kind`` as a child process; its wall time, peak RSS of its process tree and counts."""
    import psutil

    out = work / f"out-{kind}"
    result = work / f"result-{kind}.json"
    cmd = [sys.executable, __file__, "--child", kind, "--input", str(path), "--out", str(out),
           "--result", str(result)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak = peak_pss = 0
    tick = 0
    while proc.poll() is None:
        full = tick % 5 == 0  # PSS (reads /proc/*/smaps_rollup) once a second, RSS every 0.2 s
        tick += 1
        rss = pss = 0
        try:
            procs = [ps, *ps.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for p in procs:
            try:
                if full:
                    info = p.memory_full_info()
                    pss += info.pss
                else:
                    info = p.memory_info()
                rss += info.rss
            except psutil.Error:
                pass
        peak = max(peak, rss)
        if full:
            peak_pss = max(peak_pss, pss)
        time.sleep(0.2)
    err = proc.stderr.read() if proc.stderr else ""
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or not result.exists():
        raise SystemExit(f"{kind} failed (exit {proc.returncode}):\n{err[-3000:]}")
    counts = json.loads(result.read_text())
    return {"pass": kind, "seconds": wall, "peak_rss_mib": peak / 2**20, "peak_pss_mib": peak_pss / 2**20,
            **counts}


def table(n: int, rows: dict[str, dict]) -> str:
    """Markdown table of one corpus size."""
    first = next(iter(rows.values()))
    title = f"**{n} articles** ({first['stories']} coded stories, {first['words']:,} words)"
    lines = [title, "", "| pass | seconds | stories/s | words/s | peak RSS (MiB) | peak PSS (MiB) | ratio to bare |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for kind, r in rows.items():
        wps = r["words"] / r["seconds"]
        base = rows.get(BASE.get(kind, ""))
        ratio = f"{wps / (base['words'] / base['seconds']):.2f}" if base else "–"
        lines.append(f"| {LABELS[kind]} | {r['seconds']:.1f} | {r['stories'] / r['seconds']:.2f} | {wps:,.0f} | "
                     f"{r['peak_rss_mib']:,.0f} | {r['peak_pss_mib']:,.0f} | {ratio} |")
    return "\n".join(lines)


def prepare(n: int, work: Path) -> Path:
    """The first ``n`` records of the corpus as a plain JSONL file in ``work``."""
    path = work / f"allsides-{n}.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, action="append", help="articles per run (repeatable; default 1000)")
    ap.add_argument("--only", default=",".join(PASSES), help="passes to run, comma-separated")
    ap.add_argument("--md", help="also write the markdown tables to this file")
    ap.add_argument("--json", help="also write the measurements as JSON to this file")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        Path(args.result).write_text(json.dumps(child(args.child, args.input, args.out)))
        return 0
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS} (skipped)")
        return 0
    passes = [p for p in args.only.split(",") if p]
    unknown = set(passes) - set(PASSES)
    if unknown:
        ap.error(f"unknown passes: {', '.join(sorted(unknown))}")
    sizes = args.n or [1000]
    results: dict[int, dict[str, dict]] = {}
    head = (f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
            f"load average at start {os.getloadavg()[0]:.2f}")
    print(head, flush=True)
    md = [head, ""]
    with tempfile.TemporaryDirectory(prefix="batch-bench-") as tmp:
        for n in sizes:
            work = Path(tmp) / str(n)
            work.mkdir()
            path = prepare(n, work)
            results[n] = {}
            for kind in passes:
                r = measure(kind, path, work)
                results[n][kind] = r
                print(f"  n={n} {kind}: {r['seconds']:.1f} s, {r['words'] / r['seconds']:,.0f} words/s, "
                      f"peak RSS {r['peak_rss_mib']:,.0f} MiB, PSS {r['peak_pss_mib']:,.0f} MiB "
                      f"(load {os.getloadavg()[0]:.2f})", flush=True)
            md += [table(n, results[n]), ""]
    if len(sizes) > 1:
        lo, hi = min(sizes), max(sizes)
        md.append(f"time ratio {hi} / {lo} articles: " + ", ".join(
            f"{LABELS[k]} {results[hi][k]['seconds'] / results[lo][k]['seconds']:.1f}×"
            for k in passes if k in results[hi] and k in results[lo]))
    md.append(f"load average at end {os.getloadavg()[0]:.2f}")
    text = "\n".join(md)
    print(text)
    if args.md:
        Path(args.md).write_text(text + "\n", encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps({str(k): v for k, v in results.items()}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
