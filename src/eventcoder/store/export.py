"""Exports of the event store: PLOVER JSONL, GDELT 2.0 events + mentions, ICEWS TSV, CSV and Parquet.

Every writer takes an open :class:`~eventcoder.store.db.EventStore`, an optional
:class:`~eventcoder.store.query.EventFilter` and an output path, writes one row per deduplicated event
(GDELT's mentions table: one row per mention) and returns the number of rows written.

GDELT 2.0 (GDELT 2.0 Event Database codebook V2.0, 2015; column order as in GDELT's ``*.export.CSV`` and
``*.mentions.CSV`` files): tab-separated, no header (``header=True`` adds GDELT's column names).
How our fields fill GDELT's columns:

* ``GLOBALEVENTID`` = :func:`~eventcoder.store.db.global_id` of the event id (60-bit integer, not GDELT's
  sequence); ``SQLDATE``/``MonthYear``/``Year`` from the event date (the first story's publication date when
  the event has none); ``FractionDate`` = year + ((month − 1) × 30 + day) / 365, which reproduces GDELT's
  values (e.g. 20140218 → 2014.1315).
* ``Actor1Code`` = country code (empty for ``UNK``) + sector, e.g. ``RUSGOV``; ``Actor1Name`` the upper-case
  organisation, canonical name or country name; ``Actor1CountryCode`` the ISO3 code when it is a country;
  ``Actor1Type1Code`` the PLOVER sector (CAMEO type codes and PLOVER sectors share GOV, MIL, COP, JUD, LEG,
  REB, BUS, CVL, MED, EDU, ...). ``KnownGroupCode``, ethnic and religion codes are left empty: we do not
  code them. Only the first actor and the first recipient of a compound event are written.
* ``IsRootEvent`` = 1 when a mention is in a story's headline or lead paragraph (GDELT's definition).
* ``EventCode``/``EventBaseCode``/``EventRootCode`` = the CAMEO code and its first 3 and 2 digits;
  ``QuadClass`` = PLOVER quad code (same 1..4 meaning); ``GoldsteinScale``; ``NumMentions``/``NumSources``/
  ``NumArticles`` from deduplication.
* ``AvgTone`` and ``MentionDocTone`` are 0: we do not compute tone.
* ``Actor1Geo_*``/``Actor2Geo_*``: type 0 (no actor geography is coded). ``ActionGeo_*`` from the event
  place: type 1 country, 2 US state, 3 US city, 4 world city, 5 world state; country and ADM1 codes in
  FIPS 10-4 (converted from ISO3 by :mod:`eventcoder.store.geo`); ``FeatureID`` the GeoNames id (GDELT uses
  GNS ids, a different gazetteer) or, for a country, its FIPS code as GDELT does.
* ``DATEADDED``/``EventTimeDate`` = the first story's publication date (``YYYYMMDD000000``),
  ``MentionTimeDate`` = the mentioning story's publication date; ingestion time when a story has no date.
  GDELT stamps its 15-minute update instead; for back-filled news archives the publication date is the
  useful time.
* ``SOURCEURL``/``MentionIdentifier`` = the story URL, or the story id when it has none (``MentionType`` 2,
  "citation only", instead of 1, "web").

ICEWS (Harvard Dataverse ICEWS Coded Event Data, 20-column ``.tab`` files): a header row, tab-separated,
``NA`` for missing values as ICEWS does. ``Source Sectors``/``Target Sectors`` hold PLOVER sector codes
(ICEWS's own sector vocabulary is not ours); ``Event Text`` the CAMEO code's name; ``Intensity`` the
Goldstein score; ``Event ID`` our integer id.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from ..article import InputError
from . import geo
from .db import EventStore
from .query import EventFilter, event_records

log = logging.getLogger(__name__)

#: GDELT 2.0 event table columns, in file order (GDELT 2.0 Event codebook V2.0, 61 columns).
GDELT_EVENT_COLUMNS: list[str] = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]

#: GDELT 2.0 mentions table columns, in file order (GDELT 2.0 Event codebook V2.0, 16 columns).
GDELT_MENTION_COLUMNS: list[str] = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]

#: ICEWS coded event data columns, in file order (ICEWS Dataverse .tab files, 20 columns).
ICEWS_COLUMNS: list[str] = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
]

#: Formats :func:`export` writes.
FORMATS = ("plover", "gdelt", "icews", "csv", "parquet")

#: Tables ``csv`` and ``parquet`` can write.
TABLES = ("events", "mentions", "stories", "entities", "quotes")


# ---------------------------------------------------------------------------------------------- helpers


_UNSAFE = str.maketrans({"\t": " ", "\r": " ", "\n": " ", '"': "'"})


def _clean(value: Any) -> str:
    """A field for an unquoted tab-separated line, as GDELT and ICEWS write them: None → "", tabs and line
    breaks → spaces, double quotes → single quotes (so readers with default CSV quoting, such as pandas
    and DuckDB, still see one field), floats without noise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:.6g}" if abs(value) < 1e6 else str(value)
    return str(value).translate(_UNSAFE)


def _stamp(d: date | datetime | None) -> str:
    """YYYYMMDDHHMMSS of a date (at midnight) or timestamp; "" for None."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        return d.strftime("%Y%m%d%H%M%S")
    return d.strftime("%Y%m%d") + "000000"


def fraction_date(d: date) -> float:
    """GDELT's FractionDate: year + ((month − 1) × 30 + day) / 365, 4 decimals (matches GDELT's files,
    e.g. 2014-02-18 → 2014.1315, 2020-03-17 → 2020.2110)."""
    return round(d.year + ((d.month - 1) * 30 + d.day) / 365, 4)


def _check_out(path: str | Path) -> Path:
    """``path`` as a Path, or InputError when it cannot be an output file (missing folder, a directory)."""
    p = Path(path)
    if p.parent and not p.parent.exists():
        raise InputError(f"{path}: folder {p.parent} does not exist")
    if p.is_dir():
        raise InputError(f"{path}: is a directory (give a file name)")
    return p


def _open_out(path: str | Path):
    p = _check_out(path)
    try:
        return open(p, "w", encoding="utf-8", newline="")
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror or err})") from err


def _filtered_ids_sql(flt: EventFilter | None) -> tuple[str, list[Any]]:
    """SQL selecting the event ids of ``flt`` (limit and order included)."""
    return (flt or EventFilter()).select_sql("e.event_id")


@functools.lru_cache(maxsize=512)
def cameo_name(code: str | None) -> str | None:
    """Name of a CAMEO code from :func:`eventcoder.ontology.cameo`, None when unknown."""
    if not code:
        return None
    try:
        from .. import ontology

        return ontology.cameo(code).name
    except Exception:  # noqa: BLE001 - unknown code or ontology unavailable: leave the name out
        return None


def _actor_fields(entities: list[dict]) -> list[str]:
    """GDELT's 10 actor columns for the first entity of one side (all empty for none)."""
    if not entities:
        return [""] * 10
    e = entities[0]
    code = e.get("code") or "UNK"
    country = code if code != "UNK" else ""
    sector = e.get("sector") or ""
    name = e.get("org") or e.get("name") or geo.country_name(code) or e.get("entity_text") or ""
    name = name.strip(" \"'“”‘’").upper()
    return [country + sector, name, code if geo.is_country(code) else "", "", "", "", "", sector, "", ""]


def _geo_type(country: str | None, feature: str | None, name: str | None) -> int:
    """GDELT ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (codebook)."""
    if feature == "country" or (feature is None and name and name == geo.country_name(country)):
        return 1
    us = country == "USA"
    if feature == "admin1":
        return 2 if us else 5
    return 3 if us else 4


def _action_geo(row: dict) -> list[Any]:
    """GDELT's 8 ActionGeo columns from an events row (type 0 and blanks when there is no place)."""
    name = row["place_name"]
    if not name and row["place_lat"] is None:
        return [0, "", "", "", "", "", "", ""]
    iso3 = row["place_country"]
    fips = geo.iso3_to_fips(iso3) or ""
    gtype = _geo_type(iso3, row["place_feature"], name)
    adm1 = geo.admin1_code(row["place_admin1"])
    cname = geo.country_name(iso3)
    parts = [name] if name else []
    if row["place_admin1"] and not adm1 and gtype != 1:
        parts.append(row["place_admin1"])
    if cname and cname != name:
        parts.append(cname)
    feature_id = fips if gtype == 1 else (row["place_geonameid"] if row["place_geonameid"] is not None else "")
    return [gtype, ", ".join(parts), fips, fips + (adm1 or "") if gtype != 1 else fips, "",
            row["place_lat"], row["place_lon"], feature_id]


def _event_rows(store: EventStore, flt: EventFilter | None) -> Iterator[dict[str, Any]]:
    """Events rows of ``flt`` as dicts, with the first mention's sequence and the first story's publisher
    and publication date added (``first_sequence``, ``first_publisher``, ``first_published``)."""
    sel, params = (flt or EventFilter()).select_sql()
    sql = f"""
        WITH sel AS ({sel})
        SELECT sel.*, m.first_sequence, s.source_name AS first_publisher, s.published AS first_published,
               s.ingested_at AS first_ingested
        FROM sel
        LEFT JOIN (SELECT event_id, first(sequence ORDER BY ingested_at, story_id, sequence) AS first_sequence
                   FROM mentions WHERE event_id IN (SELECT event_id FROM sel) GROUP BY event_id) m
               USING (event_id)
        LEFT JOIN stories s ON s.story_id = sel.first_story_id
        ORDER BY sel.date_day NULLS LAST, sel.event_id"""
    cur = store.con.cursor()
    try:
        cur.execute(sql, params)
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(2000):
            for r in rows:
                yield dict(zip(names, r, strict=True))
    finally:
        cur.close()


# ---------------------------------------------------------------------------------------------- writers


def write_plover(store: EventStore, path: str | Path | TextIO, flt: EventFilter | None = None) -> int:
    """PLOVER JSONL: one DESIGN.md §4 record per deduplicated event (see
    :func:`eventcoder.store.query.event_records` for the added count fields) to a file, or to an open text
    stream (``sys.stdout``: written where the stream stands, so ``>>`` appends). Returns the line count."""
    if not isinstance(path, (str, Path)):
        return _write_plover_records(store, path, flt)
    with _open_out(path) as f:
        return _write_plover_records(store, f, flt)


def _write_plover_records(store: EventStore, f: TextIO, flt: EventFilter | None) -> int:
    n = 0
    for rec in event_records(store, flt):
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def gdelt_event_row(row: dict[str, Any]) -> list[Any]:
    """The 61 GDELT 2.0 event fields of one events row (as :func:`_event_rows` yields it)."""
    day: date | None = row["date_day"] or row["first_seen"] or (
        row["date_added"].date() if row["date_added"] else None)
    cameo = row["cameo"] or ""
    added = row["first_published"] or row["first_ingested"] or row["date_added"]
    values = [
        row["global_id"],
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "", day.year if day else "",
        f"{fraction_date(day):.4f}" if day else "",
        *_actor_fields(json.loads(row["actor"] or "[]")),
        *_actor_fields(json.loads(row["recipient"] or "[]")),
        1 if row["is_root"] else 0, cameo, cameo[:3], cameo[:2], row["quad_code"], row["goldstein"],
        row["num_mentions"], row["num_sources"], row["num_articles"], 0,
        0, "", "", "", "", "", "", "",
        0, "", "", "", "", "", "", "",
        *_action_geo(row),
        _stamp(added), row["source_url"] or row["first_story_id"],
    ]
    assert len(values) == len(GDELT_EVENT_COLUMNS)
    return values


def write_gdelt(store: EventStore, path: str | Path, flt: EventFilter | None = None,
                mentions_path: str | Path | None = None, header: bool = False) -> tuple[int, int]:
    """GDELT 2.0 event table (61 columns) to ``path`` and its mentions table (16 columns) to
    ``mentions_path`` (default: :func:`mentions_path_for`). Tab-separated, no header unless ``header``.

    Returns:
        (event rows, mention rows) written.
    """
    mpath = Path(mentions_path) if mentions_path else mentions_path_for(path)
    n = 0
    with _open_out(path) as f:
        if header:
            f.write("\t".join(GDELT_EVENT_COLUMNS) + "\n")
        for row in _event_rows(store, flt):
            f.write("\t".join(_clean(v) for v in gdelt_event_row(row)) + "\n")
            n += 1
    sel, params = _filtered_ids_sql(flt)
    sql = f"""
        SELECT e.global_id, coalesce(s.published::TIMESTAMP, s.ingested_at) AS event_time,
               coalesce(m.published::TIMESTAMP, m.ingested_at) AS mention_time, m.url, m.source_name,
               m.story_id, m.sequence, m.actor1_offset, m.actor2_offset, m.action_offset, m.confidence, m.doc_len
        FROM mentions m JOIN events e USING (event_id) LEFT JOIN stories s ON s.story_id = e.first_story_id
        WHERE m.event_id IN ({sel})
        ORDER BY e.date_day NULLS LAST, e.event_id, m.ingested_at, m.story_id, m.sequence, m.mention_id"""
    k = 0
    cur = store.con.cursor()
    try:
        cur.execute(sql, params)
        with _open_out(mpath) as f:
            if header:
                f.write("\t".join(GDELT_MENTION_COLUMNS) + "\n")
            while rows := cur.fetchmany(5000):
                for (gid, etime, mtime, url, src, story, seq, a1, a2, act, conf, doclen) in rows:
                    vals = [gid, _stamp(etime), _stamp(mtime), 1 if url else 2, src, url or story,
                            (seq or 0) + 1, a1, a2, act, 1, round((conf or 0) * 100), doclen, 0, "", ""]
                    f.write("\t".join(_clean(v) for v in vals) + "\n")
                    k += 1
    finally:
        cur.close()
    return n, k


def mentions_path_for(path: str | Path) -> Path:
    """Where the GDELT mentions file goes next to an events file: ``X.export.CSV`` → ``X.mentions.CSV``,
    else ``name.mentions.ext`` (``events.tsv`` → ``events.mentions.tsv``)."""
    p = Path(path)
    if p.name.endswith(".export.CSV"):
        return p.with_name(p.name[: -len(".export.CSV")] + ".mentions.CSV")
    return p.with_name(f"{p.stem}.mentions{p.suffix}" if p.suffix else f"{p.name}.mentions")


def icews_row(row: dict[str, Any]) -> list[Any]:
    """The 20 ICEWS fields of one events row (``NA`` where ICEWS writes NA)."""

    def side(entities: list[dict]) -> tuple[Any, Any, Any]:
        if not entities:
            return "NA", "NA", "NA"
        names, sectors, countries = [], [], []
        for e in entities:
            code = e.get("code") or "UNK"
            cname = geo.country_name(code)
            nm = e.get("name") or e.get("org")
            if not nm:
                nm = f"{e['sector']} ({cname or code})" if e.get("sector") else (cname or e.get("entity_text"))
            names.append(nm)
            if e.get("sector") and e["sector"] not in sectors:
                sectors.append(e["sector"])
            if cname and cname not in countries:
                countries.append(cname)
        return "; ".join(names), ",".join(sectors) or "NA", ",".join(countries) or "NA"

    day = row["date_day"] or row["first_seen"]
    src_name, src_sec, src_c = side(json.loads(row["actor"] or "[]"))
    tgt_name, tgt_sec, tgt_c = side(json.loads(row["recipient"] or "[]"))
    gtype = _geo_type(row["place_country"], row["place_feature"], row["place_name"]) if row["place_name"] \
        else 0
    city = row["place_name"] if gtype in (3, 4) else None
    province = row["place_name"] if gtype in (2, 5) else (
        row["place_admin1"] if row["place_admin1"] and not geo.admin1_code(row["place_admin1"]) else None)
    na = "NA"
    return [
        row["global_id"], day.isoformat() if day else na, src_name, src_sec, src_c,
        cameo_name(row["cameo"]) or row["event"].capitalize(), row["cameo"] or na,
        row["goldstein"] if row["goldstein"] is not None else na, tgt_name, tgt_sec, tgt_c,
        row["first_story_id"], (row["first_sequence"] or 0) + 1, row["first_publisher"] or na,
        city or na, na, province or na, geo.country_name(row["place_country"]) or na,
        row["place_lat"] if row["place_lat"] is not None else na,
        row["place_lon"] if row["place_lon"] is not None else na,
    ]


def write_icews(store: EventStore, path: str | Path, flt: EventFilter | None = None) -> int:
    """ICEWS 20-column TSV with its header row. Returns the event rows written."""
    n = 0
    with _open_out(path) as f:
        f.write("\t".join(ICEWS_COLUMNS) + "\n")
        for row in _event_rows(store, flt):
            f.write("\t".join(_clean(v) for v in icews_row(row)) + "\n")
            n += 1
    return n


def table_sql(table: str, flt: EventFilter | None, flat: bool) -> tuple[str, list[Any]]:
    """SELECT (and parameters) for one of :data:`TABLES` restricted to the events of ``flt`` (their
    mentions, their stories...); ``flat`` joins list columns with ``;`` (for CSV).

    Raises:
        InputError: unknown table.
    """
    if table not in TABLES:
        raise InputError(f"table {table!r}: expected one of {', '.join(TABLES)}")
    sel, params = _filtered_ids_sql(flt)
    if table == "events":
        if flat:
            cols = [c for c, t in _columns("events") if t.endswith("[]")]
            replace = ", ".join(f"array_to_string({c}, ';') AS {c}" for c in cols)
            base = f"SELECT * REPLACE ({replace}) FROM events" if cols else "SELECT * FROM events"
        else:
            base = "SELECT * FROM events"
        return (f"{base} WHERE event_id IN ({sel}) ORDER BY date_day NULLS LAST, event_id", params)
    if table == "mentions":
        sql = (f"SELECT * FROM mentions WHERE event_id IN ({sel}) "
               "ORDER BY event_id, ingested_at, story_id, sequence, mention_id")
        return sql, params
    stories = f"SELECT DISTINCT story_id FROM mentions WHERE event_id IN ({sel})"
    if flt is None or flt == EventFilter():
        return f"SELECT * FROM {table} ORDER BY ALL", []
    return f"SELECT * FROM {table} WHERE story_id IN ({stories}) ORDER BY ALL", params


@functools.lru_cache(maxsize=8)
def _columns(table: str) -> tuple[tuple[str, str], ...]:
    import duckdb

    con = duckdb.connect()
    from .db import _SCHEMA

    con.execute(_SCHEMA)
    return tuple((r[0], r[1]) for r in con.execute(f"DESCRIBE {table}").fetchall())


def _copy(store: EventStore, sql: str, params: list[Any], path: str | Path, options: str) -> int:
    """Run DuckDB's ``COPY (sql) TO path (options)`` and return the number of rows written."""
    p = _check_out(path)
    n = store.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    target = str(p).replace("'", "''")
    try:
        store.con.execute(f"COPY ({sql}) TO '{target}' ({options})", params)
    except Exception as err:  # duckdb.IOException and friends: one line naming the file
        raise InputError(f"{path}: cannot write ({str(err).splitlines()[0]})") from err
    return n


def write_csv(store: EventStore, path: str | Path, flt: EventFilter | None = None, table: str = "events"
              ) -> int:
    """One table (``events`` by default) as CSV with a header; list columns joined by ``;``, JSON columns
    as JSON text. Restricted to the filtered events (their mentions, stories...). Returns the row count."""
    sql, params = table_sql(table, flt, flat=True)
    return _copy(store, sql, params, path, "FORMAT csv, HEADER true")


def write_parquet(store: EventStore, path: str | Path, flt: EventFilter | None = None,
                  table: str = "events") -> int:
    """One table as Parquet (DuckDB's writer, zstd; lists stay lists). Returns the row count."""
    sql, params = table_sql(table, flt, flat=False)
    return _copy(store, sql, params, path, "FORMAT parquet, COMPRESSION zstd")


def export(store: EventStore, fmt: str, path: str | Path, flt: EventFilter | None = None, *,
           table: str = "events", header: bool = False, mentions_path: str | Path | None = None
           ) -> dict[str, int]:
    """Write ``fmt`` (one of :data:`FORMATS`) to ``path``; returns row counts by output
    (``{"events": n}``, plus ``"mentions"`` for GDELT).

    Raises:
        InputError: unknown format or table, or an unwritable path.
    """
    if fmt == "plover":
        return {"events": write_plover(store, path, flt)}
    if fmt == "gdelt":
        n, k = write_gdelt(store, path, flt, mentions_path=mentions_path, header=header)
        return {"events": n, "mentions": k}
    if fmt == "icews":
        return {"events": write_icews(store, path, flt)}
    if fmt == "csv":
        return {table: write_csv(store, path, flt, table)}
    if fmt == "parquet":
        return {table: write_parquet(store, path, flt, table)}
    raise InputError(f"format {fmt!r}: expected one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "GDELT_EVENT_COLUMNS", "GDELT_MENTION_COLUMNS", "ICEWS_COLUMNS", "TABLES", "export",
           "fraction_date", "gdelt_event_row", "icews_row", "mentions_path_for", "write_csv", "write_gdelt",
           "write_icews", "write_parquet", "write_plover"]
