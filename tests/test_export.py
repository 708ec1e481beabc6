"""Exports: GDELT 2.0 events and mentions, ICEWS TSV, PLOVER JSONL, CSV and Parquet load back, and their
layout agrees with real GDELT and ICEWS files (read from ../shared/data by path; skipped when absent)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from test_store import GENEVA, kerry, lavrov, sochi_story, spec, story

from eventcoder.article import Entity, InputError
from eventcoder.store import EventFilter, EventStore
from eventcoder.store.db import global_id
from eventcoder.store.export import (
    GDELT_EVENT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    ICEWS_COLUMNS,
    export,
    fraction_date,
    mentions_path_for,
)
from eventcoder.store.geo import country_name, iso3_to_fips

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events"
GDELT_EVENTS = SHARED / "gdelt" / "events.csv"
GDELT_MENTIONS = SHARED / "gdelt" / "mentions.csv"
ICEWS = SHARED / "icews" / "events.2018.sample.tab"

#: Columns GDELT always fills with numbers (GDELT 2.0 Event codebook: integer or floating point fields).
GDELT_NUMERIC = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "IsRootEvent", "EventCode",
                 "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                 "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type",
                 "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED"]


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture
def store(tmp_path: Path) -> EventStore:
    nato = Entity("the alliance", "IGO", None, "NATO", "NATO")
    st = EventStore(tmp_path / "events.duckdb")
    st.add(sochi_story("a1", date(2015, 5, 12), "Daily Ledger"))
    st.add(sochi_story("b1", date(2015, 5, 13), "Evening Courier", "2015-05-13"))
    st.add(story("c1", date(2015, 6, 2), "Daily Ledger",
                 ["Foreign Minister Sergei Lavrov accused the alliance of provocations.",
                  "Foreign Minister Sergei Lavrov warned Secretary of State John Kerry in Geneva."],
                 [spec(sent=0, event="ACCUSE", trigger="accused", actor=[lavrov()], recipient=[nato],
                       date="2015-06-01"),
                  spec(sent=1, event="THREATEN", trigger="warned", actor=[lavrov()], recipient=[kerry()],
                       date="2015-06-02", place=GENEVA)], url=""))
    yield st
    st.close()


def _gdelt(path: Path, cols: list[str]) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", header=None, names=cols, dtype={"SOURCEURL": str})


def test_gdelt_events_have_gdelts_61_columns_and_values(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "20150601000000.export.CSV"
    counts = export(store, "gdelt", out)
    assert counts == {"events": 3, "mentions": 4}
    lines = out.read_text().splitlines()
    assert [len(x.split("\t")) for x in lines] == [61, 61, 61]
    df = _gdelt(out, GDELT_EVENT_COLUMNS)
    consult = df[df["EventCode"] == 40].iloc[0]
    ev_id = sochi_story("a1", date(2015, 5, 12), "Daily Ledger").events[0].id
    assert consult["GLOBALEVENTID"] == global_id(ev_id)
    assert (consult["SQLDATE"], consult["MonthYear"], consult["Year"]) == (20150512, 201505, 2015)
    assert consult["FractionDate"] == pytest.approx(2015.3616, abs=1e-4)  # (4*30+12)/365
    assert (consult["Actor1Code"], consult["Actor1CountryCode"], consult["Actor1Type1Code"]) == (
        "USAGOV", "USA", "GOV")
    assert (consult["Actor1Name"], consult["Actor2Code"]) == ("JOHN KERRY", "RUSGOV")
    assert (consult["EventBaseCode"], consult["EventRootCode"], consult["QuadClass"]) == (40, 4, 1)
    assert (consult["GoldsteinScale"], consult["NumMentions"], consult["NumSources"],
            consult["NumArticles"], consult["IsRootEvent"], consult["AvgTone"]) == (1.0, 2, 2, 2, 1, 0)
    # ActionGeo in FIPS 10-4: Sochi is in Russia, FIPS "RS" (GeoNames country info)
    assert (consult["ActionGeo_Type"], consult["ActionGeo_CountryCode"], consult["ActionGeo_FullName"]) == (
        4, "RS", "Sochi, Russia")
    assert consult["ActionGeo_ADM1Code"] == "RS90"
    assert consult["ActionGeo_Lat"] == pytest.approx(43.6028)
    assert consult["Actor1Geo_Type"] == 0 and pd.isna(consult["Actor1Geo_CountryCode"])
    assert (consult["DATEADDED"], consult["SOURCEURL"]) == (20150512000000, "https://news.example.org/a1")
    accuse = df[df["EventCode"] == 112].iloc[0]
    assert (accuse["Actor2Code"], accuse["Actor2Name"], pd.isna(accuse["Actor2CountryCode"])) == (
        "IGO", "NATO", True)
    assert accuse["ActionGeo_Type"] == 0 and accuse["SOURCEURL"] == "c1"  # no URL: the story id
    threat = df[df["EventCode"] == 130].iloc[0]
    assert (threat["ActionGeo_CountryCode"], threat["ActionGeo_ADM1Code"]) == ("SZ", "SZGE")


def test_quotes_and_tabs_in_names_do_not_break_the_columns(tmp_path: Path) -> None:
    odd = Entity('"homegrown\textremists', "UNK", "REB")
    with EventStore(tmp_path / "q.duckdb") as st:
        st.add(story("q1", date(2015, 12, 6), 'The "Daily" Ledger',
                     ['Officials said "homegrown\textremists threatened Secretary of State John Kerry.'],
                     [spec(sent=0, event="THREATEN", trigger="threatened", actor=[odd], recipient=[kerry()],
                           date="2015-12-06")]))
        export(st, "gdelt", tmp_path / "q.export.CSV")
        export(st, "icews", tmp_path / "q.tab")
    g = pd.read_csv(tmp_path / "q.export.CSV", sep="\t", header=None, names=GDELT_EVENT_COLUMNS)
    assert len(g) == 1 and g.loc[0, "Actor1Name"] == "HOMEGROWN EXTREMISTS" and g.loc[0, "Actor1Code"] == "REB"
    m = pd.read_csv(tmp_path / "q.mentions.CSV", sep="\t", header=None, names=GDELT_MENTION_COLUMNS)
    assert m.loc[0, "MentionSourceName"] == "The 'Daily' Ledger"
    i = pd.read_csv(tmp_path / "q.tab", sep="\t")
    assert len(i) == 1 and i.loc[0, "Publisher"] == "The 'Daily' Ledger"


def test_gdelt_events_types_line_up_with_real_gdelt(store: EventStore, tmp_path: Path) -> None:
    real = _gdelt(_need(GDELT_EVENTS), GDELT_EVENT_COLUMNS)
    out = tmp_path / "ours.export.CSV"
    export(store, "gdelt", out)
    ours = _gdelt(out, GDELT_EVENT_COLUMNS)
    assert list(ours.columns) == list(real.columns) and len(real.columns) == 61
    for col in GDELT_NUMERIC:
        assert pd.api.types.is_numeric_dtype(real[col]), col
        assert pd.api.types.is_numeric_dtype(ours[col]), col
    # same magnitudes as GDELT's: 8-digit dates, 14-digit DATEADDED, codes and classes in range
    for df in (real, ours):
        assert df["SQLDATE"].between(19790101, 20991231).all()
        assert df["DATEADDED"].astype(str).str.len().eq(14).all()
        assert df["QuadClass"].isin([1, 2, 3, 4]).all() and df["GoldsteinScale"].abs().le(10).all()
        assert (df["FractionDate"] - df["Year"]).between(0, 1).all()


def test_fraction_date_reproduces_gdelts_values() -> None:
    real = _gdelt(_need(GDELT_EVENTS), GDELT_EVENT_COLUMNS)
    days = pd.to_datetime(real["SQLDATE"].astype(str), format="%Y%m%d")
    ours = [fraction_date(d.date()) for d in days]
    assert ours == pytest.approx(list(real["FractionDate"]), abs=1e-4)


def test_gdelt_mentions_table_and_duckdb_load(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "x.export.CSV"
    export(store, "gdelt", out, header=True)
    mpath = mentions_path_for(out)
    assert mpath.name == "x.mentions.CSV"
    m = pd.read_csv(mpath, sep="\t")
    assert list(m.columns) == GDELT_MENTION_COLUMNS
    assert len(m) == 4 and m["GLOBALEVENTID"].value_counts().max() == 2
    a1 = m[m["MentionIdentifier"] == "https://news.example.org/a1"].iloc[0]
    assert (a1["MentionType"], a1["MentionSourceName"], a1["SentenceID"], a1["InRawText"],
            a1["Confidence"], a1["MentionTimeDate"], a1["EventTimeDate"]) == (
        1, "Daily Ledger", 1, 1, 80, 20150512000000, 20150512000000)
    text = sochi_story("a1", date(2015, 5, 12), "Daily Ledger").article.text
    assert text[a1["Actor1CharOffset"]:].startswith("Secretary of State John Kerry")
    assert text[a1["Actor2CharOffset"]:].startswith("Foreign Minister Sergei Lavrov")
    assert text[a1["ActionCharOffset"]:].startswith("met Foreign Minister")
    assert a1["MentionDocLen"] == len(text)
    c1 = m[m["MentionIdentifier"] == "c1"]
    assert set(c1["MentionType"]) == {2}  # no URL: citation only
    # DuckDB reads the header-less event file with GDELT's column names
    plain = tmp_path / "plain.export.CSV"
    export(store, "gdelt", plain)
    con = duckdb.connect()
    cols = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in GDELT_EVENT_COLUMNS) + "}"
    n, mentions = con.execute(f"SELECT count(*), sum(NumMentions::INTEGER) FROM read_csv('{plain}', "
                              f"delim='\t', quote='', escape='', header=false, columns={cols})").fetchone()
    assert (n, mentions) == (3, 4)


def test_gdelt_mentions_layout_matches_real_mentions(store: EventStore, tmp_path: Path) -> None:
    real = _gdelt(_need(GDELT_MENTIONS), GDELT_MENTION_COLUMNS)
    out = tmp_path / "y.export.CSV"
    export(store, "gdelt", out)
    ours = _gdelt(mentions_path_for(out), GDELT_MENTION_COLUMNS)
    assert {len(x.split("\t")) for x in mentions_path_for(out).read_text().splitlines()} == {16}
    for col in GDELT_MENTION_COLUMNS[:4] + GDELT_MENTION_COLUMNS[6:14]:
        assert pd.api.types.is_numeric_dtype(real[col]), col
        assert pd.api.types.is_numeric_dtype(ours[col]), col
    assert ours["Confidence"].between(0, 100).all() and real["Confidence"].between(0, 100).all()


def test_icews_tsv_matches_icews_header_and_types(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "events.tab"
    assert export(store, "icews", out) == {"events": 3}
    ours = pd.read_csv(out, sep="\t")
    assert list(ours.columns) == ICEWS_COLUMNS and len(ICEWS_COLUMNS) == 20
    if ICEWS.exists():
        real = pd.read_csv(ICEWS, sep="\t")
        assert list(real.columns) == list(ours.columns)
        for col in ("Event ID", "CAMEO Code", "Intensity", "Sentence Number", "Latitude", "Longitude"):
            assert pd.api.types.is_numeric_dtype(real[col]) and pd.api.types.is_numeric_dtype(ours[col]), col
    row = ours[ours["CAMEO Code"] == 130].iloc[0]
    assert (row["Source Name"], row["Source Sectors"], row["Source Country"]) == ("Sergei Lavrov", "GOV",
                                                                                  "Russia")
    assert (row["Target Name"], row["Target Country"], row["Intensity"]) == ("John Kerry", "United States",
                                                                             -4.4)
    assert (row["City"], row["Country"], row["Event Date"], row["Sentence Number"]) == (
        "Geneva", "Switzerland", "2015-06-02", 2)
    accuse = ours[ours["CAMEO Code"] == 112].iloc[0]
    assert accuse["Target Name"] == "NATO" and pd.isna(accuse["Target Country"])  # "NA" as ICEWS writes
    assert "NA\tNA" in out.read_text()


def test_plover_jsonl_one_record_per_event(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export(store, "plover", out) == {"events": 3}
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    ids = {r[0] for r in store.con.execute("SELECT event_id FROM events").fetchall()}
    assert {r["id"] for r in recs} == ids
    for r in recs:
        for key in ("story_id", "date", "event", "mode", "context", "actor", "recipient", "event_loc",
                    "event_text", "text_info", "quad_code", "plover_score", "cameo", "goldstein", "modality",
                    "attribution", "confidence", "cite_info", "num_mentions", "num_sources", "mentions"):
            assert key in r, key
    consult = next(r for r in recs if r["event"] == "CONSULT")
    assert consult["num_mentions"] == 2 and consult["event_loc"]["name"] == "Sochi"


def test_csv_and_parquet_load_back(store: EventStore, tmp_path: Path) -> None:
    csv_path, pq_path = tmp_path / "events.csv", tmp_path / "events.parquet"
    assert export(store, "csv", csv_path) == {"events": 3}
    assert export(store, "parquet", pq_path) == {"events": 3}
    c = pd.read_csv(csv_path)
    assert len(c) == 3 and set(c["event"]) == {"CONSULT", "ACCUSE", "THREATEN"}
    assert set(c["actor_tags"]) == {"USA;USAGOV", "RUS;RUSGOV"}
    t = pq.read_table(pq_path)
    assert t.num_rows == 3 and str(t.schema.field("actor_tags").type) == "list<element: string>"
    got = dict(zip(t.column("event").to_pylist(), t.column("num_mentions").to_pylist(), strict=True))
    assert got == {"CONSULT": 2, "ACCUSE": 1, "THREATEN": 1}
    m = tmp_path / "mentions.parquet"
    assert export(store, "parquet", m, table="mentions") == {"mentions": 4}
    assert pq.read_table(m).num_rows == 4


def test_filters_apply_to_exports(store: EventStore, tmp_path: Path) -> None:
    flt = EventFilter(actor=["RUS"])
    out = tmp_path / "rus.export.CSV"
    assert export(store, "gdelt", out, flt) == {"events": 2, "mentions": 2}
    assert export(store, "csv", tmp_path / "s.csv", flt, table="stories") == {"stories": 1}
    assert export(store, "csv", tmp_path / "all.csv", table="stories") == {"stories": 3}


def test_bad_format_or_folder_is_a_one_line_error(store: EventStore, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="format 'xml'"):
        export(store, "xml", tmp_path / "x")
    with pytest.raises(InputError, match="does not exist"):
        export(store, "gdelt", tmp_path / "no" / "such" / "x.CSV")
    with pytest.raises(InputError, match="does not exist"):
        export(store, "parquet", tmp_path / "no" / "x.parquet")
    # before: csv/parquet into a directory gave DuckDB's 'IO Error: Cannot open file ...: File exists'
    for fmt in ("plover", "gdelt", "icews", "csv", "parquet"):
        with pytest.raises(InputError) as err:
            export(store, fmt, tmp_path)
        assert str(err.value) == f"{tmp_path}: is a directory (give a file name)"


def test_cli_export_writes_gdelt_pair(store: EventStore, tmp_path: Path, capsys) -> None:
    from eventcoder.cli import main

    path = store.path
    store.close()
    out = tmp_path / "cli.export.CSV"
    assert main(["export", "--db", path, "--format", "gdelt", "-o", str(out), "--type", "CONSULT"]) == 0
    assert f"wrote 1 events, 2 mentions to {out}" in capsys.readouterr().err
    assert len(out.read_text().splitlines()) == 1
    assert len((tmp_path / "cli.mentions.CSV").read_text().splitlines()) == 2


def test_cli_plover_to_stdout_appends_where_stdout_stands(store: EventStore, tmp_path: Path, capsys) -> None:
    # before: `-o -` reopened /dev/stdout for writing, which truncated the file behind the shell's `>>`
    # (`eventcoder export --format plover -o - >> all.jsonl` erased all.jsonl's earlier lines)
    import subprocess
    import sys

    from eventcoder.cli import main

    path = store.path
    store.close()
    assert main(["export", "--db", path, "--format", "plover", "-o", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(json.loads(x)["event"] for x in lines) == ["ACCUSE", "CONSULT", "THREATEN"]
    out = tmp_path / "all.jsonl"
    out.write_text("earlier line\n", encoding="utf-8")
    with open(out, "a", encoding="utf-8") as f:
        done = subprocess.run([sys.executable, "-m", "eventcoder.cli", "export", "--db", path, "--format",
                               "plover", "-o", "-", "--type", "ACCUSE"], stdout=f, stderr=subprocess.PIPE,
                              text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    got = out.read_text(encoding="utf-8").splitlines()
    assert got[0] == "earlier line" and len(got) == 2 and json.loads(got[1])["event"] == "ACCUSE"


def test_fips_conversion_facts() -> None:
    # FIPS 10-4 vs ISO 3166 (GeoNames country info): the codes that differ most famously
    assert [iso3_to_fips(c) for c in ("DEU", "GBR", "RUS", "USA", "CHN", "UKR", "CHE")] == [
        "GM", "UK", "RS", "US", "CH", "UP", "SZ"]
    assert iso3_to_fips("IGO") is None and country_name("RUS") == "Russia"


def test_cli_lists_agree_with_the_library() -> None:
    from eventcoder.cli import export as cli_export
    from eventcoder.store import export as lib

    assert (cli_export.FORMATS, cli_export.TABLES) == (lib.FORMATS, lib.TABLES)
