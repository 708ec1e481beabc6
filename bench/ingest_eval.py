"""Evaluate HTML/WARC ingestion against the shared extraction benchmarks (read by path, never copied).

Usage (from the repository root)::

    .venv/bin/python bench/ingest_eval.py              # default settings
    .venv/bin/python bench/ingest_eval.py --compare    # also the alternative trafilatura settings
    .venv/bin/python bench/ingest_eval.py --errors     # list the pages that miss

Measures, on ``../shared/data/html/fundus_en`` (85 pages with ``ground_truth.jsonl``):

* title exact match: our title equals ``title`` after collapsing runs of whitespace (and trimming);
  also reported with typographic quotes (\u2018\u2019\u201c\u201d) counted as straight ones;
* publication date (day): our ``published`` equals the first 10 characters of ``publishing_date``
  (the publisher's local calendar day);
* body token F1: bag-of-words F1 of our body (every block after the title) against ``body_text``;
  tokens are ``\\w+`` runs, case-folded; the per-page F1 is averaged over pages (macro).

Each page is given what a crawler knows: its URL and crawl date (``url``, ``crawl_date``), as a WARC
record would. On ``../shared/data/html/trafilatura_eval_en`` (166 pages): the share of must-contain
snippets (``with``) found in our text and of must-not-contain snippets (``without``) absent from it, after
collapsing whitespace. On the two WARC samples: records read, articles, skips by reason, errors.
Speed (pages per second, one core) is printed too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from eventcoder.article import Article, InputError
from eventcoder.ingest import ReadOptions, ReadSummary, read_sources
from eventcoder.ingest.html import DEFAULT_OPTIONS, HtmlOptions, parse_html
from eventcoder.ingest.lang import detect

_WS = re.compile(r"\s+")
_TOK = re.compile(r"\w+")


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def norm_ws(s: str | None) -> str:
    return _WS.sub(" ", s or "").strip()


def norm_quotes(s: str | None) -> str:
    return norm_ws((s or "").translate(_QUOTES))


def bag_f1(pred: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall, F1 of the multisets of case-folded ``\\w+`` tokens."""
    p, g = Counter(_TOK.findall(pred.casefold())), Counter(_TOK.findall(gold.casefold()))
    overlap = sum((p & g).values())
    if not p or not g:
        return 0.0, 0.0, 0.0
    prec, rec = overlap / sum(p.values()), overlap / sum(g.values())
    return prec, rec, (2 * prec * rec / (prec + rec) if overlap else 0.0)


def body_of(a: Article) -> str:
    """Everything after the title block (captions, dateline and body)."""
    start = next((b.end for b in a.blocks if b.kind == "title"), 0)
    return a.text[start:]


def eval_fundus(options: HtmlOptions, errors: bool = False, with_crawl_info: bool = True) -> dict:
    base = SHARED / "html" / "fundus_en"
    rows = [json.loads(line) for line in (base / "ground_truth.jsonl").open()]
    n = titles = titles_q = dates = 0
    f1s, precs, recs = [], [], []
    langs = Counter()
    t0 = time.perf_counter()
    for r in rows:
        n += 1
        data = gzip.decompress((base / r["file"]).read_bytes())
        crawl = datetime.fromisoformat(r["crawl_date"]) if with_crawl_info else None
        try:
            a = parse_html(data, r["file"], url=r["url"] if with_crawl_info else None, crawl_date=crawl,
                           options=options)
        except InputError as err:
            if errors:
                print(f"  ERROR {err}")
            f1s.append(0.0)
            precs.append(0.0)
            recs.append(0.0)
            continue
        langs[detect(a.text)[0]] += 1
        ok_title = norm_ws(a.title) == norm_ws(r["title"])
        gold_day = (r.get("publishing_date") or "")[:10]
        ok_date = a.published is not None and a.published.isoformat() == gold_day
        titles += ok_title
        titles_q += norm_quotes(a.title) == norm_quotes(r["title"])
        dates += ok_date
        p, rc, f = bag_f1(body_of(a), r["body_text"])
        f1s.append(f)
        precs.append(p)
        recs.append(rc)
        if errors and (not ok_title or not ok_date or f < 0.85):
            print(f"  {r['file']}: title {'ok' if ok_title else repr(a.title) + ' vs ' + repr(r['title'])}; "
                  f"date {a.published} vs {gold_day}; body P {p:.2f} R {rc:.2f} F1 {f:.2f}")
    dt = time.perf_counter() - t0
    return {
        "pages": n,
        "title_exact": titles / n,
        "title_quotes": titles_q / n,
        "date_day": dates / n,
        "body_f1": sum(f1s) / n,
        "body_p": sum(precs) / n,
        "body_r": sum(recs) / n,
        "pages_per_s": n / dt,
        "languages": dict(langs),
    }


def eval_trafilatura(options: HtmlOptions, errors: bool = False) -> dict:
    base = SHARED / "html" / "trafilatura_eval_en"
    rows = [json.loads(line) for line in (base / "evaldata_en.jsonl").open()]
    with_found = with_total = without_absent = without_total = empty = dated = date_ok = 0
    for r in rows:
        data = gzip.decompress((base / r["file"]).read_bytes())
        try:
            a = parse_html(data, r["file"], url=r.get("url"), options=options)
            text = norm_ws(a.text)
        except InputError:
            a, text = None, ""
            empty += 1
        if r.get("date"):
            dated += 1
            date_ok += a is not None and a.published is not None and a.published.isoformat() == r["date"][:10]
        for s in r.get("with", []):
            with_total += 1
            hit = norm_ws(s) in text
            with_found += hit
            if errors and not hit:
                print(f"  missing in {r['file']}: {s[:60]!r}")
        for s in r.get("without", []):
            without_total += 1
            hit = norm_ws(s) in text
            without_absent += not hit
            if errors and hit:
                print(f"  unwanted in {r['file']}: {s[:60]!r}")
    return {
        "pages": len(rows),
        "with_found": with_found / with_total,
        "with_total": with_total,
        "without_absent": without_absent / without_total,
        "without_total": without_total,
        "no_text": empty,
        "date_day": date_ok / max(1, dated),
        "dated": dated,
    }


def eval_warc(path: Path) -> dict:
    summary = ReadSummary()
    t0 = time.perf_counter()
    for item in read_sources([str(path)], options=ReadOptions()):
        summary.add(item)
    return {
        "file": path.name,
        "records_read": summary.read + summary.n_skipped + len(summary.failed),
        "articles": summary.read,
        "skipped": dict(summary.skipped),
        "failed": summary.failed,
        "seconds": round(time.perf_counter() - t0, 1),
    }


CONFIGS = {
    "default (tables, balanced)": DEFAULT_OPTIONS,
    "favor_precision": replace(DEFAULT_OPTIONS, favor_precision=True),
    "favor_recall": replace(DEFAULT_OPTIONS, favor_recall=True),
    "no tables": replace(DEFAULT_OPTIONS, include_tables=False),
    "trafilatura's title": replace(DEFAULT_OPTIONS, title_rule="trafilatura"),
    "URL date first": replace(DEFAULT_OPTIONS, metadata_dates_first=False),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--compare", action="store_true", help="also run the alternative extraction settings")
    ap.add_argument("--errors", action="store_true", help="print the pages and snippets that miss")
    ap.add_argument("--no-warc", action="store_true", help="skip the WARC samples")
    args = ap.parse_args(argv)
    if not (SHARED / "html" / "fundus_en").is_dir():
        print(f"shared data not found at {SHARED}", file=sys.stderr)
        return 2
    configs = CONFIGS if args.compare else {"default": DEFAULT_OPTIONS}
    print("| settings | title exact | title (any quotes) | date (day) | body F1 | body P | body R | with found | "
          "without absent | trafilatura-set date | pages/s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, opts in configs.items():
        f = eval_fundus(opts, errors=args.errors)
        t = eval_trafilatura(opts, errors=args.errors)
        print(f"| {name} | {f['title_exact']:.1%} | {f['title_quotes']:.1%} | {f['date_day']:.1%} | {f['body_f1']:.3f} | "
              f"{f['body_p']:.3f} | {f['body_r']:.3f} | {t['with_found']:.1%} of {t['with_total']} | "
              f"{t['without_absent']:.1%} of {t['without_total']} | {t['date_day']:.1%} of {t['dated']} | "
              f"{f['pages_per_s']:.1f} |")
    f = eval_fundus(DEFAULT_OPTIONS, with_crawl_info=False)
    print(f"\nfundus without URL and crawl date (a bare file): title {f['title_exact']:.1%}, "
          f"date {f['date_day']:.1%}, body F1 {f['body_f1']:.3f}")
    print(f"fundus languages detected: {f['languages']}")
    if not args.no_warc:
        for p in sorted((SHARED / "warc").glob("*.warc.gz")):
            w = eval_warc(p)
            print(f"WARC {w['file']}: {w['records_read']} HTML response records read, {w['articles']} articles, "
                  f"skipped {w['skipped']}, failed {len(w['failed'])} ({w['seconds']} s)")
            for msg in w["failed"]:
                print(f"  {msg}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
