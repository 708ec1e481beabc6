"""Event store: schema, idempotent ingest, per-story transactions, deduplication across stories, filters.

Stories are built by hand from sentences written for these tests, with real codes and scores: CAMEO 040
"consult" has Goldstein 1.0 and PLOVER score 2.5 (quad 1); CAMEO 112 "accuse" −2.0 and −3.0 (quad 3);
CAMEO 130 "threaten" −4.4 and −3.5 (quad 3); CAMEO 070 "provide aid" 7.0 and 10.0 (quad 2) (GDELT's
CAMEO.goldsteinscale lookup; PLOVER manual 2.0 score table). The helpers here are imported by
test_export.py and test_analysis.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from eventcoder.article import Article, CodedArticle, Entity, Event, InputError, Place, Quote, TextBlock
from eventcoder.store import EventFilter, EventStore, dedup, event_records, events_frame
from eventcoder.store.db import content_hash, global_id, source_name

# ------------------------------------------------------------------------------------------------ builders

#: (cameo, goldstein, quad_code, plover_score) per PLOVER type used here (see the module doc for sources).
SCORES = {
    "CONSULT": ("040", 1.0, 1, 2.5),
    "ACCUSE": ("112", -2.0, 3, -3.0),
    "THREATEN": ("130", -4.4, 3, -3.5),
    "AID": ("070", 7.0, 2, 10.0),
}

SOCHI = Place("Sochi", "RUS", 43.6028, 39.7342, 491422, "90", "city")
GENEVA = Place("Geneva", "CHE", 46.2022, 6.1457, 2660646, "GE", "city")


def ent(text: str, code: str, sector: str | None = None, org: str | None = None, name: str | None = None
        ) -> Entity:
    """An entity (offsets are filled in by :func:`story`)."""
    return Entity(text, code, sector, org, name)


def kerry() -> Entity:
    return ent("Secretary of State John Kerry", "USA", "GOV", name="John Kerry")


def lavrov() -> Entity:
    return ent("Foreign Minister Sergei Lavrov", "RUS", "GOV", name="Sergei Lavrov")


def spec(**kw) -> dict:
    """One event of :func:`story` (keyword arguments as listed there)."""
    return kw


def story(sid: str, published: date | None, publisher: str | None, paragraphs: list[str],
          events: list[dict], title: str | None = None, url: str | None = None) -> CodedArticle:
    """A coded story: ``paragraphs`` joined by blank lines (one sentence each); each event dict has
    ``sent`` (paragraph index), ``event``, ``trigger``, ``actor``, ``recipient`` (Entity lists) and
    optional ``date``, ``place``, ``symmetric``, ``modality``, ``confidence``, ``mode``."""
    parts = ([title] if title else []) + paragraphs
    text = "\n\n".join(parts)
    blocks, pos = [], 0
    for i, p in enumerate(parts):
        blocks.append(TextBlock("title" if title and i == 0 else "body", pos, pos + len(p)))
        pos += len(p) + 2
    art = Article(id=sid, text=text, blocks=blocks, published=published, title=title,
                  url=url if url is not None else f"https://news.example.org/{sid}", publisher=publisher,
                  source=f"{sid}.txt")
    body = [b for b in blocks if b.kind == "body"]
    coded_events, entities = [], []
    for spec in events:
        b = body[spec["sent"]]
        sentence = text[b.start:b.end]

        def place_ents(ents: list[Entity], sentence=sentence, b=b) -> list[Entity]:
            out = []
            for e in ents:
                k = sentence.find(e.entity_text)
                e = Entity(e.entity_text, e.code, e.sector, e.org, e.name,
                           start=b.start + k if k >= 0 else -1, end=b.start + k + len(e.entity_text) if k >= 0
                           else -1, rule="test")
                out.append(e)
                entities.append(e)
            return out

        cameo, gold, quad, score = SCORES[spec["event"]]
        trig = sentence.find(spec["trigger"])
        coded_events.append(Event(
            story_id=sid, event=spec["event"], actor=place_ents(spec["actor"]),
            recipient=place_ents(spec["recipient"]), event_text=spec["trigger"], sequence=spec["sent"],
            start=b.start, end=b.end, sentence=sentence, mode=list(spec.get("mode", [])), cameo=cameo,
            goldstein=gold, quad_code=quad, plover_score=score, date=spec.get("date"),
            date_precision=spec.get("precision", "day" if spec.get("date") else None),
            date_source="clause" if spec.get("date") else None, event_loc=spec.get("place"),
            modality=spec.get("modality", "asserted"), confidence=spec.get("confidence", 0.8),
            symmetric=spec.get("symmetric", False), block="body",
            explanation=f"test trigger at {b.start + max(trig, 0)}",
            cite_info={"url": art.url, "title": title, "publication": publisher,
                       "published": published.isoformat() if published else None}))
    quotes = [Quote("We spoke frankly", 0, 16, lavrov(), "Lavrov")] if events else []
    return CodedArticle(art, entities, coded_events, quotes)


def sochi_story(sid: str, published: date, publisher: str, event_date: str = "2015-05-12",
                place: Place | None = SOCHI, sent_text: str | None = None) -> CodedArticle:
    """One story reporting Kerry meeting Lavrov (CONSULT USA GOV → RUS GOV)."""
    s = sent_text or "Secretary of State John Kerry met Foreign Minister Sergei Lavrov in Sochi on Tuesday."
    return story(sid, published, publisher, [s, "Both sides called the talks useful."],
                 [spec(sent=0, event="CONSULT", trigger="met", actor=[kerry()], recipient=[lavrov()],
                       date=event_date, place=place, symmetric=True)],
                 title="Kerry and Lavrov talk in Sochi")


@pytest.fixture
def db(tmp_path: Path) -> EventStore:
    store = EventStore(tmp_path / "events.duckdb")
    yield store
    store.close()


def counts(store: EventStore) -> dict:
    return store.summary()


# ------------------------------------------------------------------------------------------- deduplication


def test_same_event_in_two_stories_one_day_apart_is_one_event(db: EventStore) -> None:
    assert db.add(sochi_story("a1", date(2015, 5, 12), "Daily Ledger", "2015-05-12"))
    assert db.add(sochi_story("b1", date(2015, 5, 13), "Evening Courier", "2015-05-13",
                              sent_text="Kerry's talks with Foreign Minister Sergei Lavrov took place in "
                                        "Sochi; Secretary of State John Kerry met him for hours."))
    s = counts(db)
    assert (s["stories"], s["mentions"], s["events"], s["merged"]) == (2, 2, 1, 1)
    row = db.con.execute("SELECT event_id, num_mentions, num_sources, num_articles, first_seen, last_seen, "
                         "date_day, is_root FROM events").fetchone()
    first_id = sochi_story("a1", date(2015, 5, 12), "Daily Ledger").events[0].id
    assert row == (first_id, 2, 2, 2, date(2015, 5, 12), date(2015, 5, 13), date(2015, 5, 12), True)
    assert db.stats.merged_across == 1 and db.stats.events_created == 1
    assert db.check_counts() == 0


def test_two_days_apart_or_other_place_are_distinct_events(db: EventStore) -> None:
    db.add(sochi_story("a1", date(2015, 5, 12), "Daily Ledger", "2015-05-12"))
    db.add(sochi_story("c1", date(2015, 5, 14), "Daily Ledger", "2015-05-14"))
    db.add(sochi_story("g1", date(2015, 5, 12), "Evening Courier", "2015-05-12", place=GENEVA))
    db.add(sochi_story("n1", date(2015, 5, 12), "Evening Courier", "2015-05-12", place=None))
    db.add(sochi_story("n2", date(2015, 5, 12), "Morning Star", "2015-05-11", place=None))
    s = counts(db)
    assert (s["mentions"], s["events"]) == (5, 4)
    rows = db.con.execute("SELECT place_name, date_day, num_mentions, num_sources FROM events "
                          "ORDER BY date_day, place_name NULLS FIRST").fetchall()
    assert rows == [(None, date(2015, 5, 12), 2, 2), ("Geneva", date(2015, 5, 12), 1, 1),
                    ("Sochi", date(2015, 5, 12), 1, 1), ("Sochi", date(2015, 5, 14), 1, 1)]


def test_mentions_in_one_story_merge_and_count_once_as_article(db: EventStore) -> None:
    c = story("m1", date(2015, 5, 13), "Daily Ledger",
              ["Secretary of State John Kerry met Foreign Minister Sergei Lavrov on Tuesday.",
               "Later Secretary of State John Kerry met Foreign Minister Sergei Lavrov again over dinner.",
               "Foreign Minister Sergei Lavrov accused Secretary of State John Kerry of meddling."],
              [spec(sent=0, event="CONSULT", trigger="met", actor=[kerry()], recipient=[lavrov()],
                    date="2015-05-12"),
               spec(sent=1, event="CONSULT", trigger="met", actor=[kerry()], recipient=[lavrov()],
                    date="2015-05-12"),
               spec(sent=2, event="ACCUSE", trigger="accused", actor=[lavrov()], recipient=[kerry()],
                    date="2015-05-12")])
    db.add(c)
    assert (db.stats.events_created, db.stats.merged_within, db.stats.merged_across) == (2, 1, 0)
    rows = db.con.execute("SELECT event, num_mentions, num_articles, num_sources, is_root FROM events "
                          "ORDER BY event").fetchall()
    assert rows == [("ACCUSE", 1, 1, 1, False), ("CONSULT", 2, 1, 1, True)]


def test_symmetric_events_merge_across_direction_but_directed_do_not(db: EventStore) -> None:
    def one(sid: str, actor: list[Entity], recipient: list[Entity], event: str, symmetric: bool) -> CodedArticle:
        return story(sid, date(2015, 5, 12), sid.upper(),
                     ["Secretary of State John Kerry and Foreign Minister Sergei Lavrov met and argued."],
                     [spec(sent=0, event=event, trigger="met", actor=actor, recipient=recipient,
                           date="2015-05-12", symmetric=symmetric)])

    db.add(one("p1", [kerry()], [lavrov()], "CONSULT", True))
    db.add(one("p2", [lavrov()], [kerry()], "CONSULT", True))
    db.add(one("p3", [kerry()], [lavrov()], "ACCUSE", False))
    db.add(one("p4", [lavrov()], [kerry()], "ACCUSE", False))
    assert dict(db.con.execute("SELECT event, count(*) FROM events GROUP BY event").fetchall()) == {
        "CONSULT": 1, "ACCUSE": 2}


def test_sector_and_modality_are_part_of_the_event_identity(db: EventStore) -> None:
    russia = ent("Russia", "RUS")
    db.add(story("r1", date(2015, 5, 12), "A", ["Secretary of State John Kerry met Russia."],
                 [spec(sent=0, event="CONSULT", trigger="met", actor=[kerry()], recipient=[russia],
                       date="2015-05-12")]))
    db.add(story("r2", date(2015, 5, 12), "B", [("Secretary of State John Kerry met Foreign Minister "
                                                "Sergei Lavrov.")],
                 [spec(sent=0, event="CONSULT", trigger="met", actor=[kerry()], recipient=[lavrov()],
                       date="2015-05-12")]))
    db.add(story("r3", date(2015, 5, 12), "C", [("Secretary of State John Kerry may meet Foreign Minister "
                                                "Sergei Lavrov.")],
                 [spec(sent=0, event="CONSULT", trigger="may meet", actor=[kerry()], recipient=[lavrov()],
                       date="2015-05-12", modality="future")]))
    assert counts(db)["events"] == 3


def test_dedup_choose_nearest_then_earliest_then_smallest_id() -> None:
    k = dedup.DedupKey("CONSULT|x", date(2015, 5, 12), True)
    cands = [(date(2015, 5, 11), "bbb"), (date(2015, 5, 13), "aaa"), (date(2015, 5, 12), "zzz")]
    assert dedup.choose(cands, k) == "zzz"
    assert dedup.choose(cands[:2], k) == "bbb"  # both 1 day away: the earlier date wins
    assert dedup.choose([(date(2015, 5, 14), "a")], k) is None
    assert dedup.choose([(None, "a")], k) is None
    assert dedup.choose([(None, "a")], dedup.DedupKey("k", None, True)) == "a"
    assert dedup.parse_event_date("2015-05") == (date(2015, 5, 1), "month")
    assert dedup.parse_event_date("2015") == (date(2015, 1, 1), "year")
    assert dedup.parse_event_date("last spring") == (None, None)


def test_month_precision_events_merge_only_within_a_story(db: EventStore) -> None:
    sent = "Secretary of State John Kerry met Foreign Minister Sergei Lavrov in Munich last February."
    for sid in ("x1", "x2"):
        db.add(story(sid, date(2015, 5, 19), sid, [sent, sent, sent],
                     [spec(sent=k, event="CONSULT", trigger="met", actor=[kerry()], recipient=[lavrov()],
                           date=d, precision="month") for k, d in enumerate(("2015-02", "2015-02", "2015-03"))]))
    rows = db.con.execute("SELECT first_story_id, event_date, date_precision, num_mentions FROM events "
                          "ORDER BY 1, 2").fetchall()
    assert rows == [("x1", "2015-02", "month", 2), ("x1", "2015-03", "month", 1),
                    ("x2", "2015-02", "month", 2), ("x2", "2015-03", "month", 1)]


def test_events_with_unknown_actor_merge_only_within_a_story(db: EventStore) -> None:
    officials = ent("Officials", "UNK", "GOV")
    for sid, pub in (("u1", date(2015, 5, 4)), ("u2", date(2015, 5, 4))):
        db.add(story(sid, pub, sid, ["Officials accused the press of bias.", "Officials again accused the press."],
                     [spec(sent=k, event="ACCUSE", trigger="accused", actor=[officials],
                           recipient=[], date="2015-05-04") for k in (0, 1)]))
    assert db.con.execute("SELECT first_story_id, num_mentions FROM events ORDER BY 1").fetchall() == [
        ("u1", 2), ("u2", 2)]


def test_ingest_order_gives_the_same_events_every_time(tmp_path: Path) -> None:
    stories = [sochi_story(f"s{i}", date(2015, 5, 11 + i % 3), f"P{i % 4}", f"2015-05-{11 + i % 3:02d}")
               for i in range(8)]
    tables = []
    for name in ("one", "two"):
        with EventStore(tmp_path / f"{name}.duckdb") as st:
            for c in stories:
                st.add(c)
            tables.append(st.con.execute("SELECT event_id, global_id, num_mentions, num_sources, date_day "
                                         "FROM events ORDER BY event_id").fetchall())
    assert tables[0] == tables[1]
    assert sum(r[2] for r in tables[0]) == 8


# --------------------------------------------------------------------------------- idempotence, transactions


def test_same_story_twice_changes_nothing(db: EventStore) -> None:
    c = sochi_story("a1", date(2015, 5, 12), "Daily Ledger")
    assert db.add(c) is True
    before = counts(db)
    snapshot = db.con.execute("SELECT * FROM events").fetchall()
    assert db.has_story(c.article)
    assert db.add(sochi_story("a1", date(2015, 5, 12), "Daily Ledger")) is False
    assert counts(db) == before
    assert db.con.execute("SELECT * FROM events").fetchall() == snapshot
    assert db.stats.stories_skipped == 1 and db.stats.stories_added == 1


def test_changed_story_replaces_its_old_version(db: EventStore) -> None:
    db.add(sochi_story("a1", date(2015, 5, 12), "Daily Ledger"))
    db.add(sochi_story("b1", date(2015, 5, 12), "Evening Courier"))
    changed = story("b1", date(2015, 5, 12), "Evening Courier",
                    ["Foreign Minister Sergei Lavrov accused Secretary of State John Kerry of bad faith."],
                    [spec(sent=0, event="ACCUSE", trigger="accused", actor=[lavrov()], recipient=[kerry()],
                          date="2015-05-12")])
    assert db.add(changed) is True
    assert db.stats.stories_replaced == 1
    rows = db.con.execute("SELECT event, num_mentions, num_articles FROM events ORDER BY event").fetchall()
    assert rows == [("ACCUSE", 1, 1), ("CONSULT", 1, 1)]
    assert db.check_counts() == 0
    assert db.con.execute("SELECT count(*) FROM stories").fetchone()[0] == 2


def test_delete_story_recounts_and_drops_orphan_events(db: EventStore) -> None:
    db.add(sochi_story("a1", date(2015, 5, 12), "Daily Ledger"))
    db.add(sochi_story("b1", date(2015, 5, 13), "Evening Courier", "2015-05-13"))
    db.add(sochi_story("c1", date(2015, 5, 20), "Daily Ledger", "2015-05-20"))
    assert db.delete_story("a1") and not db.delete_story("a1")
    rows = db.con.execute("SELECT date_day, num_mentions, num_sources, first_seen FROM events ORDER BY 1"
                          ).fetchall()
    assert rows == [(date(2015, 5, 12), 1, 1, date(2015, 5, 13)), (date(2015, 5, 20), 1, 1, date(2015, 5, 20))]
    assert db.delete_story("c1")
    assert counts(db)["events"] == 1 and db.check_counts() == 0


def test_story_failing_midway_leaves_nothing_and_rerun_stores_it(db: EventStore, monkeypatch) -> None:
    db.add(sochi_story("a1", date(2015, 5, 12), "Daily Ledger"))
    before = counts(db)
    real = EventStore._insert

    def failing(self, table, cols, rows):
        if table == "mentions":
            raise RuntimeError("disk full (simulated)")
        return real(self, table, cols, rows)

    monkeypatch.setattr(EventStore, "_insert", failing)
    with pytest.raises(RuntimeError, match="simulated"):
        db.add(sochi_story("b1", date(2015, 5, 13), "Evening Courier", "2015-05-13"))
    assert counts(db) == before
    assert db.con.execute("SELECT count(*) FROM entities WHERE story_id = 'b1'").fetchone()[0] == 0
    monkeypatch.setattr(EventStore, "_insert", real)
    assert db.add(sochi_story("b1", date(2015, 5, 13), "Evening Courier", "2015-05-13"))
    assert db.con.execute("SELECT num_mentions, num_articles FROM events").fetchall() == [(2, 2)]


def test_process_killed_inside_a_story_transaction_leaves_no_half_story(tmp_path: Path) -> None:
    path = tmp_path / "crash.duckdb"
    script = textwrap.dedent(f"""
        import os, sys
        from datetime import date
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_store import sochi_story
        from eventcoder.store import EventStore
        st = EventStore({str(path)!r})
        st.add(sochi_story("a1", date(2015, 5, 12), "Daily Ledger"))
        real = EventStore._insert
        def dying(self, table, cols, rows):
            real(self, table, cols, rows)
            if table == "mentions":
                os._exit(3)   # hard crash after some rows of story b1 were written, before commit
        EventStore._insert = dying
        st.add(sochi_story("b1", date(2015, 5, 13), "Evening Courier", "2015-05-13"))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode == 3, proc.stderr
    with EventStore(path) as st:
        assert st.con.execute("SELECT story_id FROM stories").fetchall() == [("a1",)]
        assert counts(st)["mentions"] == 1 and counts(st)["entities"] == 2
        assert st.add(sochi_story("b1", date(2015, 5, 13), "Evening Courier", "2015-05-13"))
        assert st.con.execute("SELECT num_mentions FROM events").fetchall() == [(2,)]


# ------------------------------------------------------------------------------------------ what is stored


def test_every_mention_keeps_its_evidence_and_record(db: EventStore) -> None:
    c = sochi_story("a1", date(2015, 5, 12), "Daily Ledger")
    db.add(c)
    ev = c.events[0]
    row = db.con.execute("SELECT mention_id, sentence, start_char, end_char, event_text, sequence, "
                         "confidence, record FROM mentions").fetchone()
    assert row[:7] == (ev.id, ev.sentence, ev.start, ev.end, "met", 0, 0.8)
    assert c.article.text[row[2]:row[3]] == ev.sentence
    assert json.loads(row[7]) == ev.to_dict()
    st = db.con.execute("SELECT title, publisher, source_name, published, content_hash, n_events FROM stories"
                        ).fetchone()
    assert st == ("Kerry and Lavrov talk in Sochi", "Daily Ledger", "Daily Ledger", date(2015, 5, 12),
                  content_hash(c.article), 1)
    ents = db.con.execute("SELECT entity_text, code, sector, start_char FROM entities ORDER BY idx").fetchall()
    assert ents[0][:3] == ("Secretary of State John Kerry", "USA", "GOV")
    assert c.article.text[ents[0][3]:ents[0][3] + len(ents[0][0])] == ents[0][0]
    assert db.con.execute("SELECT speaker_code, speaker_name FROM quotes").fetchall() == [("RUS", "Sergei Lavrov")]
    evrow = db.con.execute("SELECT global_id, actor_tags, recipient_tags, actor_label, cameo, goldstein, "
                           "quad_code, plover_score, place_name, place_country FROM events").fetchone()
    assert evrow == (global_id(ev.id), ["USA", "USAGOV"], ["RUS", "RUSGOV"], "USAGOV", "040", 1.0, 1, 2.5,
                     "Sochi", "RUS")


def test_source_name_falls_back_to_url_host() -> None:
    a = Article(id="x", text="t", url="https://www.example.com/a/b")
    assert source_name(a) == "example.com"
    assert source_name(Article(id="y", text="t")) == "unknown"
    assert source_name(Article(id="z", text="t", publisher=" Reuters ")) == "Reuters"


def test_story_without_events_is_stored_and_skipped_on_rerun(db: EventStore) -> None:
    c = story("e0", date(2015, 6, 1), "Daily Ledger", ["The weather was mild in Moscow."], [])
    assert db.add(c) and not db.add(c)
    assert counts(db)["stories"] == 1 and counts(db)["events"] == 0


# -------------------------------------------------------------------------------------------------- errors


def test_missing_corrupt_and_foreign_databases_give_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.duckdb: no such event store") as e:
        EventStore(tmp_path / "nope.duckdb", read_only=True)
    assert "\n" not in str(e.value)
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database file at all\n" * 200)
    for ro in (True, False):
        with pytest.raises(InputError, match="bad.duckdb: cannot open as an event store") as e:
            EventStore(bad, read_only=ro)
        assert "\n" not in str(e.value)
    import duckdb

    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(InputError, match="not an eventcoder event store"):
        EventStore(other)
    with pytest.raises(InputError, match="not an eventcoder event store"):
        EventStore(other, read_only=True)


def test_cli_reports_missing_and_corrupt_db_in_one_line(tmp_path: Path, capsys) -> None:
    from eventcoder.cli import main

    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("eventcoder: error: ") and "none.duckdb" in err and "\n" not in err
    (tmp_path / "x.duckdb").write_text("garbage " * 100)
    assert main(["dyad", "USA", "RUS", "--db", str(tmp_path / "x.duckdb")]) == 1
    err = capsys.readouterr().err.strip()
    assert "x.duckdb: cannot open as an event store" in err and "\n" not in err


# ------------------------------------------------------------------------------------------------- queries


@pytest.fixture
def filled(db: EventStore) -> EventStore:
    nato = ent("the alliance", "IGO", None, "NATO", "NATO")
    ukr = ent("Ukraine", "UKR", "GOV")
    db.add(sochi_story("a1", date(2015, 5, 12), "Daily Ledger"))
    db.add(sochi_story("b1", date(2015, 5, 13), "Evening Courier", "2015-05-13"))
    db.add(story("c1", date(2015, 6, 2), "Daily Ledger",
                 ["Foreign Minister Sergei Lavrov accused the alliance of provocations.",
                  "Secretary of State John Kerry pledged aid to Ukraine.",
                  "Foreign Minister Sergei Lavrov warned Secretary of State John Kerry in Geneva."],
                 [spec(sent=0, event="ACCUSE", trigger="accused", actor=[lavrov()], recipient=[nato],
                       date="2015-06-01"),
                  spec(sent=1, event="AID", trigger="pledged aid", actor=[kerry()], recipient=[ukr],
                       date="2015-06-02"),
                  spec(sent=2, event="THREATEN", trigger="warned", actor=[lavrov()], recipient=[kerry()],
                       date="2015-06-02", place=GENEVA)]))
    return db


def _events(store: EventStore, **kw) -> list[str]:
    df = events_frame(store, EventFilter(**kw), columns=["event"])
    return list(df["event"])


def test_filters_by_side_direction_type_quad_date_and_place(filled: EventStore) -> None:
    assert _events(filled, actor=["USA"], recipient=["RUS"]) == ["CONSULT"]
    assert _events(filled, actor=["RUS"], recipient=["USA"]) == ["THREATEN"]
    assert _events(filled, actor=["usa"], recipient=["RUS"], undirected=True) == ["CONSULT", "THREATEN"]
    assert _events(filled, party=["NATO"]) == ["ACCUSE"]
    assert _events(filled, party=["nato"]) == ["ACCUSE"]
    assert _events(filled, recipient=["IGO"]) == ["ACCUSE"]
    assert _events(filled, actor=["RUSGOV"]) == ["ACCUSE", "THREATEN"]
    assert _events(filled, actor=["RUSMIL"]) == []
    assert _events(filled, event=["aid", "consult"]) == ["CONSULT", "AID"]
    assert _events(filled, quad=[3]) == ["ACCUSE", "THREATEN"]
    assert _events(filled, cameo=["07"]) == ["AID"]
    assert _events(filled, since=date(2015, 6, 1), until=date(2015, 6, 1)) == ["ACCUSE"]
    assert _events(filled, place="geneva") == ["THREATEN"]
    assert _events(filled, place="RUS") == ["CONSULT"]
    assert _events(filled, min_mentions=2) == ["CONSULT"]
    assert _events(filled, story="b1") == ["CONSULT"]
    assert len(_events(filled, limit=2)) == 2


def test_organisation_tags_match_in_any_case(db: EventStore) -> None:
    isil = ent("the militants", "ISM", "REB", "Islamic State", "Islamic State")
    db.add(story("i1", date(2015, 11, 14), "Daily Ledger",
                 ["The militants threatened Secretary of State John Kerry."],
                 [spec(sent=0, event="THREATEN", trigger="threatened", actor=[isil], recipient=[kerry()],
                       date="2015-11-14")]))
    assert _events(db, actor=["Islamic State"]) == ["THREATEN"]
    assert _events(db, actor=["ISMREB"], recipient=["usagov"]) == ["THREATEN"]


def test_event_records_carry_counts_and_mentions(filled: EventStore) -> None:
    recs = list(event_records(filled, EventFilter(event=["CONSULT"])))
    assert len(recs) == 1
    r = recs[0]
    assert (r["num_mentions"], r["num_sources"], r["num_articles"]) == (2, 2, 2)
    assert (r["first_seen"], r["last_seen"], r["story_ids"]) == ("2015-05-12", "2015-05-13", ["a1", "b1"])
    assert r["id"] == r["mentions"][0] and len(r["mentions"]) == 2
    assert r["actor"][0]["code"] == "USA" and r["text_info"]["sentence"].startswith("Secretary of State")


def test_cli_events_table_jsonl_csv(filled: EventStore, capsys) -> None:
    from eventcoder.cli import main

    path = filled.path
    filled.close()
    assert main(["events", "--db", path, "--actor", "RUS"]) == 0
    out = capsys.readouterr().out
    assert "ACCUSE" in out and "THREATEN" in out and "CONSULT" not in out and "NATO" in out
    assert main(["events", "--db", path, "--format", "jsonl", "--quad", "3", "--quad", "4"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["event"] for x in lines] == ["ACCUSE", "THREATEN"]
    assert main(["events", "--db", path, "--format", "csv", "--since", "2015-06"]) == 0
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["event"] for r in rows] == ["ACCUSE", "THREATEN", "AID"]  # by date, then id
    assert [r["date_day"] for r in rows] == ["2015-06-01", "2015-06-02", "2015-06-02"]
    assert next(r for r in rows if r["event"] == "AID")["actor_tags"] == "USA;USAGOV"
    assert main(["events", "--db", path, "--since", "2015-13"]) == 1
    assert "2015-13" in capsys.readouterr().err


@pytest.mark.slow
def test_cli_ingest_end_to_end(tmp_path: Path, capsys) -> None:
    """Ingest real text files twice through the CLI: the second run stores nothing new."""
    from eventcoder.cli import main
    from eventcoder.coder import Coder

    bare = Coder.__new__(Coder)  # probe without loading models
    try:
        next(iter(bare.code_many([])), None)
    except NotImplementedError:
        pytest.skip("Coder.code_many is not implemented yet")
    except (AttributeError, TypeError):  # an implemented coder on a bare object lacks its models: go on
        pass
    src = tmp_path / "stories.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "t1", "date": "2015-05-19", "source": "Test Wire",
         "text": "Russia's foreign minister met NATO's chief in Brussels on Tuesday."},
        {"id": "t2", "date": "2015-05-20", "source": "Other Wire",
         "text": "NATO's secretary-general and Russia's top diplomat met in Brussels on Tuesday."},
        "not json at all"]) + "\n")
    db = str(tmp_path / "e.duckdb")
    assert main(["ingest", str(src), "--db", db, "--no-progress"]) == 1  # the bad line is an error
    first = capsys.readouterr()
    assert "2 stories stored" in first.out and "stories.jsonl:3" in first.err
    with EventStore(db, read_only=True) as st:
        before = st.summary()
        assert st.check_counts() == 0
        assert st.con.execute("SELECT count(*) FROM mentions WHERE record IS NULL OR sentence IS NULL"
                              ).fetchone()[0] == 0
    assert before["stories"] == 2
    main(["ingest", str(src), "--db", db, "--no-progress"])
    second = capsys.readouterr().out
    assert "0 stories stored" in second and "2 already stored" in second
    with EventStore(db, read_only=True) as st:
        assert st.summary() == before


def test_cli_events_table_shows_dates_at_their_precision(db: EventStore, capsys) -> None:
    # before: the table printed date_day, so an event of '1998' read 1998-01-01 and one of '2015-05' 2015-05-01
    from eventcoder.cli import main

    db.add(story("y1", date(2015, 6, 2), "Daily Ledger",
                 ["In 1998 Foreign Minister Sergei Lavrov accused the alliance of provocations.",
                  "In May Foreign Minister Sergei Lavrov warned Secretary of State John Kerry."],
                 [spec(sent=0, event="ACCUSE", trigger="accused", actor=[lavrov()], recipient=[],
                       date="1998", precision="year"),
                  spec(sent=1, event="THREATEN", trigger="warned", actor=[lavrov()], recipient=[kerry()],
                       date="2015-05", precision="month")]))
    path = db.path
    db.close()
    assert main(["events", "--db", path]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    assert [(r[1], r[2]) for r in rows] == [("1998", "ACCUSE"), ("2015-05", "THREATEN")]
