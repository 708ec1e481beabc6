"""Event store benchmark on the AllSides 2015 subset (read by path from ../shared, never copied).

Usage (from the repository root)::

    .venv/bin/python bench/store_bench.py                 # all 3,230 articles
    .venv/bin/python bench/store_bench.py --n 200         # a quick run
    .venv/bin/python bench/store_bench.py --cache /tmp/coded.pkl   # keep the coded stories for reruns

What it does and reports:

1. ingest: reads the articles (``eventcoder.ingest.read_sources``), codes them
   (``Coder.code_many``) and stores them (``EventStore.add``), timing coding and storing apart;
2. re-ingest: the same articles again (``has_story`` skips them before coding, and ``add`` of the
   coded stories returns False); checks that no table changed (row counts and a checksum of ``events``);
3. deduplication: mentions, events, mentions merged (across stories / within a story), events
   reported by 2+ stories and 2+ sources, the most reported events;
4. queries: median wall time of typical queries over ``--repeat`` runs (filters, JSONL records, dyad
   series, network) and of each export, with the exports loaded back (GDELT with GDELT's 61 column names
   by pandas and DuckDB, ICEWS, Parquet);
5. pictures: the USA–RUS dyad for 2015 by month (``docs/dyad-usa-rus-2015.png``) and the 2015 actor
   network (``docs/network-2015.png``).

``--json FILE`` writes every figure as JSON.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DATA = SHARED / "text" / "allsides" / "allsides_2015_subset.jsonl.gz"
sys.path.insert(0, str(ROOT / "src"))

import pandas as pd

from eventcoder.analysis.dyad import dyad_series, plot_dyad
from eventcoder.analysis.network import actor_network, plot_network
from eventcoder.article import Article, InputError
from eventcoder.store import EventFilter, EventStore, event_records, events_frame
from eventcoder.store.export import GDELT_EVENT_COLUMNS, ICEWS_COLUMNS, export
from eventcoder.store.query import parse_date_bound


def read_articles(n: int | None) -> tuple[list[Article], int]:
    """The first ``n`` readable articles of the subset (all when None) and the number of read errors/skips."""
    from eventcoder.ingest import read_sources

    arts, bad = [], 0
    for item in read_sources([str(DATA)]):
        if isinstance(item, InputError):
            bad += 1
            continue
        arts.append(item)
        if n is not None and len(arts) >= n:
            break
    return arts, bad


def code(articles: list[Article], batch_size: int, cache: Path | None) -> tuple[list, float]:
    """Coded articles (from ``cache`` when it holds the same story ids) and the coding time in seconds."""
    ids = [a.id for a in articles]
    if cache and cache.exists():
        with cache.open("rb") as f:
            saved = pickle.load(f)
        if saved.get("ids") == ids:
            print(f"coded stories from cache {cache} (coding took {saved['seconds']:.0f} s)")
            return saved["coded"], saved["seconds"]
    from tqdm import tqdm

    from eventcoder.coder import Coder

    t0 = time.perf_counter()
    coder = Coder()
    coded = list(tqdm(coder.code_many(articles, batch_size=batch_size), total=len(articles), unit="story",
                      desc="coding", file=sys.stderr))
    seconds = time.perf_counter() - t0
    if cache:
        with cache.open("wb") as f:
            pickle.dump({"ids": ids, "coded": coded, "seconds": seconds}, f)
    return coded, seconds


def fingerprint(store: EventStore) -> dict:
    """Row counts of every table and an order-free checksum of the events table."""
    out = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
           for t in ("stories", "entities", "quotes", "mentions", "events")}
    out["events_checksum"] = store.con.execute(
        "SELECT coalesce(sum(hash(event_id, num_mentions, num_sources, num_articles, first_seen, last_seen)), 0)"
        " FROM events").fetchone()[0]
    return out


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median wall time (ms) of ``repeat`` calls and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=None, help="number of articles (default: all 3,230)")
    ap.add_argument("--db", help="store file (default: a temporary file)")
    ap.add_argument("--cache", type=Path, help="pickle of the coded stories, reused when the ids match")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=5, help="runs per timed query")
    ap.add_argument("--docs", type=Path, default=ROOT / "docs", help="where the PNGs go")
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"{DATA}: not found (the shared data is needed for this benchmark)", file=sys.stderr)
        return 2
    res: dict = {"n_requested": args.n}
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "bench.duckdb")
    if Path(db).exists():
        Path(db).unlink()

    # 1. ingest ------------------------------------------------------------------------------------------
    t0 = time.perf_counter()
    articles, bad = read_articles(args.n)
    res["read_s"] = round(time.perf_counter() - t0, 2)
    res["articles"], res["read_skipped_or_failed"] = len(articles), bad
    coded, code_s = code(articles, args.batch_size, args.cache)
    res["code_s"] = round(code_s, 1)
    store = EventStore(db)
    t0 = time.perf_counter()
    for c in coded:
        store.add(c)
    store_s = time.perf_counter() - t0
    res["store_s"] = round(store_s, 2)
    res["store_ms_per_story"] = round(1000 * store_s / max(1, len(coded)), 2)
    res["ingest_stats"] = store.stats.as_dict()
    first = fingerprint(store)
    res["after_first_ingest"] = first
    res["count_mismatches"] = store.check_counts()
    print(f"ingested {len(coded)} stories: coding {code_s:.0f} s "
          f"({len(coded) / max(code_s, 1e-9):.1f} stories/s), storing {store_s:.1f} s "
          f"({res['store_ms_per_story']} ms/story); {first}")

    # 2. re-ingest -------------------------------------------------------------------------------------------
    store.reset_stats()
    t0 = time.perf_counter()
    again, _ = read_articles(args.n)
    would_code = sum(1 for a in again if not store.has_story(a))
    added = sum(1 for c in coded if store.add(c))
    res["reingest_s"] = round(time.perf_counter() - t0, 2)
    second = fingerprint(store)
    res["reingest"] = {"to_code": would_code, "added": added, "unchanged": second == first}
    print(f"re-ingest: {would_code} stories to code, {added} added, tables unchanged: {second == first} "
          f"({res['reingest_s']} s)")

    # 3. deduplication -------------------------------------------------------------------------------------------
    s = store.summary()
    st = res["ingest_stats"]
    res["dedup"] = {
        "mentions": s["mentions"], "events": s["events"], "merged": s["merged"],
        "merged_across_stories": st["merged_across"], "merged_within_story": st["merged_within"],
        "events_2plus_stories": s["multi_story_events"], "events_2plus_sources": s["multi_source_events"],
        "date_range": [s["first_date"], s["last_date"]],
    }
    top = store.con.execute("""
        SELECT event, actor_label, recipient_label, date_day, place_name, num_mentions, num_sources,
               num_articles FROM events ORDER BY num_articles DESC, num_mentions DESC, event_id LIMIT 8""").df()
    res["most_reported"] = json.loads(top.to_json(orient="records", date_format="iso"))
    print(f"dedup: {res['dedup']}")
    print(top.to_string(index=False))

    # 4. queries and exports -------------------------------------------------------------------------------------
    y2015 = {"since": parse_date_bound("2015"), "until": parse_date_bound("2015", end=True)}
    queries = {
        "events by actor USA (table columns)": lambda: len(events_frame(
            store, EventFilter(actor=["USA"]), columns=["event_id", "event", "date_day"])),
        "directed USA->RUS": lambda: len(events_frame(store, EventFilter(actor=["USA"], recipient=["RUS"]))),
        "either side RUS, 2015": lambda: len(events_frame(store, EventFilter(party=["RUS"], **y2015))),
        "type ACCUSE, quad 3": lambda: len(events_frame(store, EventFilter(event=["ACCUSE"], quad=[3]))),
        "place country RUS": lambda: len(events_frame(store, EventFilter(place="RUS"))),
        "JSONL records USA<->RUS": lambda: len(list(event_records(
            store, EventFilter(actor=["USA"], recipient=["RUS"], undirected=True)))),
        "all events as JSONL records": lambda: len(list(event_records(store))),
        "dyad USA-RUS 2015 by month": lambda: int(dyad_series(store, "USA", "RUS", "month",
                                                              **y2015)["events"].sum()),
        "dyad USA-RUS 2015 by day": lambda: int(dyad_series(store, "USA", "RUS", "day",
                                                            **y2015)["events"].sum()),
        "actor network (country level)": lambda: len(actor_network(store).actors),
    }
    res["queries_ms"] = {}
    for name, fn in queries.items():
        ms, rows = timed(fn, args.repeat)
        res["queries_ms"][name] = {"ms": round(ms, 1), "rows": rows}
        print(f"  {name:40s} {ms:8.1f} ms  ({rows} rows)")
    out = Path(tmp.name)
    res["exports"] = {}
    for fmt, path in (("gdelt", out / "bench.export.CSV"), ("icews", out / "bench.tab"),
                      ("plover", out / "bench.jsonl"), ("csv", out / "bench.csv"),
                      ("parquet", out / "bench.parquet")):
        t0 = time.perf_counter()
        counts = export(store, fmt, path)
        ms = (time.perf_counter() - t0) * 1000
        res["exports"][fmt] = {"ms": round(ms, 1), "rows": counts, "bytes": path.stat().st_size}
        print(f"  export {fmt:8s} {ms:8.1f} ms  {counts}")
    # load back
    def read_tsv(path: Path, **kw) -> pd.DataFrame:
        return pd.read_csv(path, sep="\t", **kw) if path.stat().st_size else pd.DataFrame()

    g = read_tsv(out / "bench.export.CSV", header=None, names=GDELT_EVENT_COLUMNS, dtype={"SOURCEURL": str})
    gm = read_tsv(out / "bench.mentions.CSV", header=None)
    import duckdb

    cols = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in GDELT_EVENT_COLUMNS) + "}"
    dn = duckdb.connect().execute(
        f"SELECT count(*) FROM read_csv('{out / 'bench.export.CSV'}', delim='\t', quote='', escape='', "
        f"header=false, columns={cols})").fetchone()[0] if len(g) else 0
    ic = read_tsv(out / "bench.tab")
    pq = pd.read_parquet(out / "bench.parquet")
    pl = sum(1 for _ in (out / "bench.jsonl").open())
    res["load_back"] = {
        "gdelt_events_pandas": len(g), "gdelt_columns": g.shape[1], "gdelt_events_duckdb": dn,
        "gdelt_mentions": len(gm), "gdelt_mentions_columns": gm.shape[1],
        "icews_rows": len(ic), "icews_header_ok": list(ic.columns) == ICEWS_COLUMNS,
        "parquet_rows": len(pq), "plover_lines": pl,
        "events": s["events"], "mentions": s["mentions"],
    }
    print(f"load back: {res['load_back']}")

    # 5. pictures ------------------------------------------------------------------------------------------------
    args.docs.mkdir(exist_ok=True)
    dy = dyad_series(store, "USA", "RUS", "month", **y2015)
    res["dyad_usa_rus_2015"] = json.loads(dy.assign(period=dy["period"].dt.strftime("%Y-%m")).to_json(
        orient="records"))
    if dy["events"].sum():
        plot_dyad(dy, args.docs / "dyad-usa-rus-2015.png", freq="month",
                  title=f"USA–RUS events by month, 2015 (AllSides 2015 subset, {len(coded)} stories)")
        print(f"wrote {args.docs / 'dyad-usa-rus-2015.png'} ({int(dy['events'].sum())} events)")
    else:
        print("no USA-RUS events: dyad plot not written")
    net = actor_network(store, EventFilter(**y2015)).top(15)
    res["network_top"] = json.loads(net.actors.to_json(orient="records"))
    if len(net.actors):
        plot_network(net, args.docs / "network-2015.png",
                     title=f"Top {len(net.actors)} actors and their ties, 2015 (AllSides subset)")
        print(f"wrote {args.docs / 'network-2015.png'}")
    print(net.actors.head(15).to_string(index=False))
    res["db_bytes"] = Path(db).stat().st_size
    store.close()
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, default=str))
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
