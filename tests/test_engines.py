"""Batch engines: output layout and schemas, resume after a kill, failures, and Spark = local.

The stories are written for these tests (short invented news items); no corpus is needed.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from eventcoder.article import Article, CodedArticle, Entity, Event, Place, Quote, TextBlock

ROOT = Path(__file__).resolve().parents[1]

COUNTRIES = ["France", "Germany", "Brazil", "Japan", "Kenya", "Canada", "India", "Mexico", "Egypt", "Peru"]
CITIES = ["Paris", "Berlin", "Brasilia", "Tokyo", "Nairobi", "Ottawa", "New Delhi", "Mexico City", "Cairo", "Lima"]
TEMPLATES = [
    "{a} and {b} signed a trade agreement in {city} on Tuesday after {n} days of talks.",
    "The government of {a} accused {b} of sending troops across the border near {city}.",
    "{a} will send {n} tonnes of food aid to {b}, the foreign ministry in {city} said on Friday.",
    "Protesters gathered outside the embassy of {b} in {city} to demand that {a} recall its ambassador.",
    "The president of {a} met the prime minister of {b} in {city} to discuss {n} joint projects.",
    "\"We expect an answer within {n} days,\" the foreign minister of {a} told reporters in {city}.",
]


def story(i: int) -> dict:
    """An invented story: two countries, a city, a date in April-June 2015 (story 7 has none)."""
    a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
    if a == b:
        b = COUNTRIES[(i + 5) % 10]
    city = CITIES[(i * 7) % 10]
    body = " ".join(t.format(a=a, b=b, city=city, n=i + 2) for t in TEMPLATES[i % 6:] + TEMPLATES[:i % 6][:1])
    rec = {"id": f"story-{i:03d}", "title": f"{a} and {b}: item {i}", "text": body,
           "url": f"https://news.example.org/{i}", "publisher": "Example Wire"}
    if i != 7:
        rec["date"] = f"2015-{4 + i % 3:02d}-{1 + i % 28:02d}"
    return rec


def write_jsonl(path: Path, n: int, extras: bool = True) -> Path:
    """``n`` stories, then (with ``extras``) a line that is not JSON, a copy of story 2 under another id
    (a duplicate by text) and a story in French (skipped as another language)."""
    lines = [json.dumps(story(i)) for i in range(n)]
    if extras:
        lines.insert(3, "{not json at all")
        dup = dict(story(2), id="story-dup", url="https://mirror.example.net/copy")
        lines.append(json.dumps(dup))
        lines.append(json.dumps({"id": "story-fr", "date": "2015-05-02", "text":
                                 "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les "
                                 "agriculteurs touchés par la sécheresse dans le sud du pays."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_warc(path: Path) -> Path:
    """A gzipped WARC file with one HTML response: the project's ministers-meet test page."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (ROOT / "tests" / "fixtures" / "ingest" / "site" / "ministers-meet.html").read_bytes()
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example.org/ministers-meet", "response",
                                                      payload=io.BytesIO(html), http_headers=headers))
    return path


def load(out: Path, ds: str) -> list[dict]:
    """Every row of dataset ``ds`` under ``out`` (partition columns included), in a canonical order."""
    import pyarrow.dataset as pds

    d = out / ds
    if not d.exists() or not any(d.rglob("*.parquet")):
        return []
    rows = pds.dataset(str(d), format="parquet", partitioning="hive").to_table().to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def ledger_chunks(out: Path) -> list[str]:
    p = out / "_ledger.jsonl"
    if not p.exists():
        return []
    return [json.loads(x)["chunk"] for x in p.read_text().splitlines() if x.strip() and '"chunk"' in x]


@pytest.fixture(scope="module")
def stories40(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("in") / "stories.jsonl", 40)


@pytest.fixture(scope="module")
def full_run(stories40, tmp_path_factory):
    """An uninterrupted local run over ``stories40``, in this process (chunks of 4)."""
    from eventcoder.engines import BatchOptions, run_local

    out = tmp_path_factory.mktemp("full") / "out"
    summary = run_local([str(stories40)], out, BatchOptions(workers=1, chunk_size=4, progress=False))
    return out, summary


# -- output records -------------------------------------------------------------------------------------
def _event() -> Event:
    fra = Entity("France", code="FRA", name="France", identifier_id="Q142", start=0, end=6)
    deu = Entity("the German chancellor", code="DEU", sector="GOV", start=20, end=41)
    return Event(story_id="s1", event="CONSULT", actor=[fra], recipient=[deu], event_text="met",
                 sequence=0, start=0, end=60, sentence="France met the German chancellor in Berlin.",
                 mode=["visit"], cameo="042", goldstein=1.9, quad_code=1, plover_score=2,
                 date="2015-05-19", date_precision="day", date_source="clause",
                 event_loc=Place("Berlin", country="DEU", lat=52.52, lon=13.4, geonameid=2950159),
                 speaker=fra, quoted=True, confidence=0.8, explanation="lexicon: meet",
                 cite_info={"url": "https://x.example/1", "title": "T", "publication": "P",
                            "published": "2015-05-19"})


def test_event_rows_keep_the_output_contract():
    import pyarrow as pa

    from eventcoder.engines.output import EVENTS, rows_of

    ev = _event()
    assert EVENTS.names == [*ev.to_dict().keys(), "story_date"], "Event.to_dict() and the events schema differ"
    art = Article(id="s1", text="France met the German chancellor in Berlin.", published=date(2015, 5, 19),
                  blocks=[TextBlock("body", 0, 43)])
    rows = rows_of(CodedArticle(article=art, events=[ev], entities=ev.actor + ev.recipient,
                                quotes=[Quote("we agree", 5, 13, speaker=ev.actor[0], speaker_text="France")]))
    back = pa.Table.from_pylist(rows["events"], schema=EVENTS).to_pylist()[0]
    expected = {**ev.to_dict(), "story_date": date(2015, 5, 19)}
    expected["plover_score"] = 2.0  # an int score is stored as DOUBLE
    assert back == expected
    assert rows["stories"][0]["n_events"] == 1 and rows["stories"][0]["words"] == 7
    assert [(r["code"], r["start"]) for r in rows["entities"]] == [("FRA", 0), ("DEU", 20)]
    assert rows["quotes"][0]["speaker"]["code"] == "FRA"


def test_partition_dirs():
    from eventcoder.engines.output import NULL_PARTITION, partition_dir

    assert partition_dir(date(2015, 5, 19)) == "year=2015/month=5"
    assert partition_dir(None) == f"year={NULL_PARTITION}/month={NULL_PARTITION}"


# -- worker: coding failures ----------------------------------------------------------------------------
class _StubCoder:
    """Codes like the real coder's interface: one event per article; "bad" fails the way the coder
    reports a failure (logged exception, empty result)."""

    def code_many(self, articles):
        for a in articles:
            if a.id == "bad":
                try:
                    raise KeyError("no such lemma")
                except KeyError:
                    logging.getLogger("eventcoder.coder").exception("coding failed for story %s", a.id)
                yield CodedArticle(article=a)
                continue
            ev = _event()
            ev.story_id = a.id
            yield CodedArticle(article=a, events=[ev], entities=list(ev.actor))

    def code(self, article):
        return next(self.code_many([article]))


def test_code_chunk_writes_rows_and_reports_coding_failures(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    from eventcoder.engines import local

    monkeypatch.setitem(local._STATE, "coder", _StubCoder())
    monkeypatch.setitem(local._STATE, "out", str(tmp_path))
    arts = [Article(id=i, text="Some words here.", published=d, source=f"in.jsonl:{n}")
            for n, (i, d) in enumerate([("a", date(2015, 5, 1)), ("bad", date(2015, 5, 2)), ("c", None)], 1)]
    res = local.code_chunk("c000003", arts)
    assert res.coded == 2
    assert [(f.input, f.story_id, f.stage) for f in res.failures] == [("in.jsonl:2", "bad", "code")]
    assert "KeyError" in res.failures[0].error and "\n" not in res.failures[0].error
    finals = sorted(f for _, f in res.files)
    assert "events/year=2015/month=5/part-c000003.parquet" in finals
    assert "events/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/part-c000003.parquet" in finals
    assert not any("bad" in r["story_id"] for tmp, f in res.files if f.startswith("stories/")
                   for r in pq.read_table(tmp).to_pylist())
    assert all(Path(tmp).name.startswith(".part-c000003.") for tmp, _ in res.files)
    assert res.rows == {"events": 2, "stories": 2, "entities": 2}


def test_parse_batches_by_words_keep_the_articles_in_order():
    """Batches of about N words; a long article is parsed alone; results come back in input order."""
    from eventcoder.engines.work import code_articles

    class Recorder:
        def __init__(self):
            self.batches = []

        def code_many(self, articles, batch_size=16):
            self.batches.append([a.id for a in articles])
            return [CodedArticle(article=a) for a in articles]

    arts = [Article(id=str(i), text=" ".join(["w"] * n)) for i, n in enumerate([300, 300, 5000, 300, 300, 300])]
    rec = Recorder()
    out = code_articles(rec, arts, batch_words=1000)
    assert [(a.id, c.article.id, e) for a, c, e in out] == [(a.id, a.id, None) for a in arts]
    assert rec.batches == [["2"], ["0", "1", "3"], ["4", "5"]]


# -- ledger ---------------------------------------------------------------------------------------------
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc heap and /proc are Linux's")
def test_release_memory_returns_a_fragmented_heap_to_the_system():
    from eventcoder.engines.work import release_memory

    def rss_mib() -> int:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmRSS:"))

    blocks = [bytes(4000) for _ in range(50_000)]  # ~200 MiB of malloc'd blocks (over pymalloc's 512 B)
    keep = blocks[::64]  # one block in 64 stays: glibc cannot shrink the heap from its top
    del blocks
    before = rss_mib()
    release_memory()
    assert before - rss_mib() > 100
    assert len(keep) == 782


def test_ledger_drops_a_torn_line_and_uncommitted_files(tmp_path):
    from eventcoder.engines.ledger import Ledger

    (tmp_path / "_ledger.jsonl").write_text('{"chunk":"c000000","fingerprint":"x"}\n{"chunk":"c0000', "utf-8")
    part = tmp_path / "events" / "year=2015" / "month=5"
    part.mkdir(parents=True)
    for name in ["part-c000000.parquet", "part-c000001.parquet", ".part-c000002.99-1.tmp", "part-m0abc.parquet",
                 "part-c000003-02.parquet"]:  # the last: a piece of an uncommitted chunk
        (part / name).write_bytes(b"x")
    led = Ledger(tmp_path)
    assert list(led.chunks) == ["c000000"]
    assert (tmp_path / "_ledger.jsonl").read_text().endswith('"x"}\n')
    assert led.recover() == (1, 2)
    assert sorted(p.name for p in part.iterdir()) == ["part-c000000.parquet", "part-m0abc.parquet"]


def test_ledger_refuses_a_damaged_middle_line(tmp_path):
    from eventcoder.article import InputError
    from eventcoder.engines.ledger import Ledger

    (tmp_path / "_ledger.jsonl").write_text('{"chunk":"c000000"}\ngarbage\n{"chunk":"c000001"}\n', "utf-8")
    with pytest.raises(InputError, match=r"_ledger.jsonl:2: unreadable ledger line"):
        Ledger(tmp_path)


# -- local engine ---------------------------------------------------------------------------------------
def test_local_run_counts_failures_skips_and_partitions(full_run):
    out, summary = full_run
    assert summary.items == 43 and summary.coded == 40
    assert dict(summary.skipped) == {"duplicate": 1, "language fr": 1}
    assert [(f.input.rsplit("/", 1)[-1], f.stage) for f in summary.failures] == [("stories.jsonl:4", "read")]
    stories = load(out, "stories")
    assert sorted(r["story_id"] for r in stories) == [f"story-{i:03d}" for i in range(40)]
    by_id = {r["story_id"]: r for r in stories}
    assert (by_id["story-001"]["year"], by_id["story-001"]["month"]) == (2015, 5)
    assert by_id["story-007"]["year"] is None and by_id["story-007"]["story_date"] is None
    assert summary.rows["stories"] == 40 and summary.rows["entities"] == len(load(out, "entities")) > 40
    # the stories report accusations, agreements, meetings: the coder finds events and quotes in them
    assert summary.rows["events"] == len(load(out, "events")) > 40
    assert summary.rows["quotes"] == len(load(out, "quotes")) > 10
    # compaction leaves one file per partition; the ledger keeps every chunk once
    for ds in ("stories", "entities"):
        for d in (out / ds).glob("year=*/month=*"):
            assert len(list(d.glob("*.parquet"))) == 1, d
    assert ledger_chunks(out) == [f"c{i:06d}" for i in range(11)]
    fails = [json.loads(x) for x in (out / "failures.jsonl").read_text().splitlines()]
    assert len(fails) == 1 and fails[0]["stage"] == "read"


def test_rerun_after_kill_between_rename_and_ledger(stories40, full_run, tmp_path):
    """The last chunk's files are in place but its ledger line is not: the rerun must not double them."""
    from eventcoder.engines import BatchOptions, run_local

    out = tmp_path / "out"
    opts = BatchOptions(workers=1, chunk_size=4, progress=False, compact=False)
    run_local([str(stories40)], out, opts)
    led = out / "_ledger.jsonl"
    lines = led.read_text().splitlines(keepends=True)
    led.write_text("".join(lines[:-3]))  # forget the last three chunks; their files stay
    (out / "stories" / "year=2015" / "month=4" / ".part-c000010.1-2.tmp").write_bytes(b"half")
    summary = run_local([str(stories40)], out, BatchOptions(workers=1, chunk_size=4, progress=False))
    assert summary.resumed == 8 and summary.chunks == 11
    for ds in ("events", "stories", "entities", "quotes"):
        assert load(out, ds) == load(full_run[0], ds), ds
    assert not list(out.rglob("*.tmp"))


def test_pieces_are_consecutive_runs_of_about_equal_words():
    from eventcoder.engines.local import pieces

    arts = [Article(id=str(i), text=" ".join(["w"] * n)) for i, n in enumerate([10, 10, 10, 10, 40, 10, 10])]
    parts = pieces(arts, 4)
    assert [a for p in parts for a in p] == arts and all(parts) and len(parts) <= 4
    assert [[a.id for a in p] for p in parts] == [["0", "1", "2"], ["3", "4"], ["5"], ["6"]]
    assert pieces(arts[:1], 8) == [arts[:1]] and pieces([], 8) == [[]]


def test_two_workers_code_the_last_chunks_in_pieces_and_write_the_same_rows(stories40, full_run, tmp_path,
                                                                             monkeypatch):
    """The last chunk per worker is coded in pieces (files part-c000009-NN), committed as one chunk;
    compaction in groups (here of 3 partitions) leaves one file per partition: the rows of a one-process
    run."""
    from eventcoder.engines import BatchOptions, local, run_local

    monkeypatch.setattr(local, "COMPACT_GROUP", 3)
    out = tmp_path / "two"
    summary = run_local([str(stories40)], out, BatchOptions(workers=2, chunk_size=4, progress=False))
    assert summary.coded == 40 and summary.chunks == 11
    recs = {json.loads(x)["chunk"]: json.loads(x) for x in (out / "_ledger.jsonl").read_text().splitlines()
            if '"chunk"' in x}
    assert sorted(recs) == [f"c{i:06d}" for i in range(11)]
    assert all(f.endswith("/part-c000008.parquet") for f in recs["c000008"]["files"])
    names = {f.rsplit("/", 1)[1] for f in recs["c000009"]["files"]}  # 4 articles, 2-3 pieces
    assert len(names) > 1 and all(re.fullmatch(r"part-c000009-0\d\.parquet", n) for n in names), names
    for ds in ("events", "stories", "entities", "quotes"):
        assert load(out, ds) == load(full_run[0], ds), ds
        for d in (out / ds).glob("year=*/month=*"):
            assert len(list(d.glob("*.parquet"))) == 1, d
    lines = (out / "_ledger.jsonl").read_text().splitlines()
    assert sum('"compact"' in x for x in lines) == sum('"compacted"' in x for x in lines) > 3
    assert not list(out.rglob("*.tmp"))


def test_a_stories_dataset_is_input_again(full_run, tmp_path):
    """Parquet input: the stories a batch wrote can be coded again, keeping ids and dates."""
    from eventcoder.engines import BatchOptions, run_local

    out = tmp_path / "again"
    summary = run_local([str(full_run[0] / "stories")], out, BatchOptions(workers=1, progress=False))
    assert summary.coded == 40 and not summary.failures
    def key(r: dict) -> tuple:
        return r["story_id"], r["story_date"], r["title"]

    assert sorted(map(key, load(out, "stories"))) == sorted(map(key, load(full_run[0], "stories")))
    assert {e["id"] for e in load(out, "events")} == {e["id"] for e in load(full_run[0], "events")}


def test_rerun_with_another_chunk_size_or_input_is_refused(stories40, full_run, tmp_path):
    from eventcoder.article import InputError
    from eventcoder.engines import BatchOptions, run_local

    with pytest.raises(InputError, match="--chunk-size 4"):
        run_local([str(stories40)], full_run[0], BatchOptions(workers=1, chunk_size=5, progress=False))
    other = write_jsonl(tmp_path / "other.jsonl", 12, extras=False)
    with pytest.raises(InputError, match="chunk c000000 was made from different input"):
        run_local([str(other)], full_run[0], BatchOptions(workers=1, chunk_size=4, progress=False))


def _children(pid: int):
    """The child processes of ``pid`` (None without psutil)."""
    try:
        import psutil
    except ImportError:
        return None
    return psutil.Process(pid).children(recursive=True)


def _cli(*args: str, env: dict | None = None, **kw):
    cmd = [sys.executable, "-m", "eventcoder.cli", "batch", *args]
    return cmd, {**os.environ, **(env or {})}


def test_killed_batch_resumes_to_exactly_the_uninterrupted_output(stories40, full_run, tmp_path):
    """SIGKILL a two-worker `eventcoder batch` after its first chunk is committed; the rerun ends with
    exactly the rows (and event ids) of an uninterrupted run: nothing lost, nothing doubled."""
    out = tmp_path / "killed"
    cmd, env = _cli(str(stories40), "--out", str(out), "--chunk-size", "4", "--workers", "2", "--quiet",
                    env={"EVENTCODER_BATCH_PAUSE": "0.5"})
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    try:
        while proc.poll() is None and time.monotonic() < deadline and not ledger_chunks(out):
            time.sleep(0.02)
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
        workers = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    done = ledger_chunks(out)
    assert 1 <= len(done) < 11, done
    if workers is not None:  # the coding processes die with the main process
        import psutil

        assert len(workers) >= 2  # two coding processes (and multiprocessing's resource tracker)
        _gone, alive = psutil.wait_procs(workers, timeout=30)
        assert not alive, alive

    cmd, env = _cli(str(stories40), "--out", str(out), "--chunk-size", "4", "--workers", "1")
    rerun = subprocess.run(cmd, check=False, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 1, rerun.stderr  # 1: the line that is not JSON failed
    assert f"resumed: {len(done)} of 11 chunks" in rerun.stderr
    assert "stories.jsonl:4:" in rerun.stderr and "Traceback" not in rerun.stderr

    full = full_run[0]
    events, expected = load(out, "events"), load(full, "events")
    assert sorted(e["id"] for e in events) == sorted(e["id"] for e in expected)
    for ds in ("events", "stories", "entities", "quotes"):
        assert load(out, ds) == load(full, ds), ds
    assert len(load(out, "stories")) == 40
    assert sorted(ledger_chunks(out)) == [f"c{i:06d}" for i in range(11)]
    assert not list(out.rglob("*.tmp"))
    assert (out / "failures.jsonl").read_text() == (full / "failures.jsonl").read_text()


def test_cli_rejects_a_file_as_out_dir(tmp_path, stories40):
    f = tmp_path / "file"
    f.write_text("x")
    from eventcoder.cli import main

    assert main(["batch", str(stories40), "--out", str(f), "--workers", "1", "--quiet"]) == 1


def test_spark_reads_a_file_delivered_as_bytes_under_its_own_name(tmp_path):
    """Files on HDFS or object storage reach the executors as bytes: they read like the local file,
    with the original URI in ids, sources and messages."""
    from eventcoder.article import InputError as Err
    from eventcoder.engines.spark import _read_bytes

    data = write_jsonl(tmp_path / "batch-7.jsonl", 4).read_bytes()
    uri = "s3a://bucket/news/batch-7.jsonl"
    items = list(_read_bytes((uri, data), {"/news/batch-7.jsonl": 5}, None, None))
    arts = [x[2] for x in items if x[1] == "A"]
    assert [x[0] for x in items] == [(5, n) for n in range(len(items))]
    assert [a.id for a in arts][:2] == ["story-000", "story-001"]
    assert arts[0].source == f"{uri}:1" and arts[0].published == date(2015, 4, 1)
    errors = [x[2] for x in items if x[1] == "E"]
    assert len(errors) == 1 and errors[0].startswith(f"{uri}:4: ")
    assert not isinstance(errors[0], Err)


# -- Spark engine ---------------------------------------------------------------------------------------
@pytest.mark.slow
def test_spark_engine_writes_the_rows_of_the_local_engine(tmp_path):
    """Spark local[2] over JSONL, Parquet and WARC input: the same rows (event ids included), skips and
    failures as the local engine."""
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (the Spark engine needs it)")
    pytest.importorskip("pyspark")
    import pyarrow as pa
    import pyarrow.parquet as pq

    from eventcoder.engines import BatchOptions, run_local
    from eventcoder.engines.spark import run_spark, session

    src = write_jsonl(tmp_path / "six.jsonl", 6)
    pq_src = tmp_path / "more.parquet"
    recs = [story(i) for i in range(20, 24)]
    pq.write_table(pa.Table.from_pylist(recs), pq_src)
    sources = [str(src), str(pq_src), str(write_warc(tmp_path / "crawl.warc.gz"))]
    local_out = tmp_path / "local"
    loc = run_local(sources, local_out, BatchOptions(workers=1, chunk_size=3, progress=False))

    spark = session("local[2]", progress=False)
    try:
        spark_out = tmp_path / "spark"
        spk = run_spark(sources, spark_out, BatchOptions(progress=False), partitions=2, spark=spark)
    finally:
        spark.stop()
    for ds in ("events", "stories", "entities", "quotes"):
        assert load(spark_out, ds) == load(local_out, ds), ds
    stories = load(spark_out, "stories")
    assert len(stories) == 11 and any("crawl.warc.gz" in (r["source"] or "") for r in stories)
    assert dict(spk.skipped) == dict(loc.skipped) == {"duplicate": 1, "language fr": 1}
    assert [f.to_dict() for f in spk.failures] == [f.to_dict() for f in loc.failures]
    assert (spark_out / "failures.jsonl").read_text() == (local_out / "failures.jsonl").read_text()
    assert spk.rows == loc.rows and spk.words == loc.words
