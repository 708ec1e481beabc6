"""What a batch writes: four Parquet datasets, their Arrow schemas, and the rows of one coded article.

Layout of an output directory ``DIR`` (the same for the local and the Spark engine)::

    DIR/events/year=2015/month=5/part-*.parquet     one row per event (DESIGN.md §4 fields + story_date)
    DIR/stories/year=2015/month=5/part-*.parquet    one row per coded story (metadata, text, counts)
    DIR/entities/year=2015/month=5/part-*.parquet   one row per resolved actor mention
    DIR/quotes/year=2015/month=5/part-*.parquet     one row per direct quotation
    DIR/*/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/...
                                                    stories with no publication date (Hive's null)

Partitioning is Hive style by the **story** date (the publication date, ``Article.published``), not the
event date, so every row of a story sits in one partition and a month of news is one directory. The
partition columns ``year`` and ``month`` are in the paths, not in the files (Spark's convention);
DuckDB (``hive_partitioning = true``), pandas/pyarrow (``partitioning="hive"``) and Spark read them back
as integer columns (values are written without leading zeros, as Spark writes integer partition
columns, so that every reader infers an integer: DuckDB would read ``month=05`` as text). Each file
also carries ``story_date`` (a DATE) for exact date filters.

Nested fields are Arrow structs and lists, not JSON strings: ``actor``/``recipient`` are
``list<struct<entity_text, code, sector, org, name, identifier_id>>``, ``event_loc`` is a struct (null
when the event has no place), ``text_info``, ``attribution`` and ``cite_info`` are structs. DuckDB
(``actor[1].code``, ``unnest(actor)``), Spark (``actor[0].code``, ``explode``) and pandas (lists of
dicts) all read them natively. Files are zstd-compressed.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Iterable
from typing import Any

import pyarrow as pa

from ..article import CodedArticle

#: Dataset names, in the order they are written.
DATASETS = ("events", "stories", "entities", "quotes")

#: Hive's name for a null partition value (what Spark writes for a story without a date).
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"

#: Parquet compression codec for every file.
COMPRESSION = "zstd"

ENTITY = pa.struct([
    ("entity_text", pa.string()),
    ("code", pa.string()),
    ("sector", pa.string()),
    ("org", pa.string()),
    ("name", pa.string()),
    ("identifier_id", pa.string()),
])

PLACE = pa.struct([
    ("name", pa.string()),
    ("country", pa.string()),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("geonameid", pa.int64()),
    ("admin1", pa.string()),
])

#: One event: the fields of ``Event.to_dict()`` (DESIGN.md §4) in that order, then ``story_date``.
EVENTS = pa.schema([
    ("id", pa.string()),
    ("story_id", pa.string()),
    ("date", pa.string()),
    ("date_precision", pa.string()),
    ("date_source", pa.string()),
    ("event", pa.string()),
    ("mode", pa.list_(pa.string())),
    ("context", pa.list_(pa.string())),
    ("actor", pa.list_(ENTITY)),
    ("recipient", pa.list_(ENTITY)),
    ("event_loc", PLACE),
    ("event_text", pa.string()),
    ("text_info", pa.struct([
        ("sequence", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("sentence", pa.string()),
        ("block", pa.string()),
    ])),
    ("quad_code", pa.int32()),
    ("plover_score", pa.float64()),
    ("cameo", pa.string()),
    ("goldstein", pa.float64()),
    ("modality", pa.string()),
    ("attribution", pa.struct([("speaker", ENTITY), ("quoted", pa.bool_())])),
    ("confidence", pa.float64()),
    ("explanation", pa.string()),
    ("cite_info", pa.struct([
        ("url", pa.string()),
        ("title", pa.string()),
        ("publication", pa.string()),
        ("published", pa.string()),
    ])),
    ("story_date", pa.date32()),
])

#: One coded story: ``Article`` metadata, its text and blocks (offsets in events point into ``text``),
#: the number of whitespace-separated words and of events, entities and quotes found.
STORIES = pa.schema([
    ("story_id", pa.string()),
    ("story_date", pa.date32()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("publisher", pa.string()),
    ("dateline", pa.string()),
    ("language", pa.string()),
    ("source", pa.string()),
    ("words", pa.int32()),
    ("n_events", pa.int32()),
    ("n_entities", pa.int32()),
    ("n_quotes", pa.int32()),
    ("text", pa.string()),
    ("blocks", pa.list_(pa.struct([("kind", pa.string()), ("start", pa.int32()), ("end", pa.int32())]))),
])

#: One resolved mention (``Entity``): its words, codes, character offsets and the rule that resolved it.
ENTITIES = pa.schema([
    ("story_id", pa.string()),
    ("story_date", pa.date32()),
    ("entity_text", pa.string()),
    ("code", pa.string()),
    ("sector", pa.string()),
    ("org", pa.string()),
    ("name", pa.string()),
    ("identifier_id", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("rule", pa.string()),
])

#: One direct quotation (``Quote``) with its speaker.
QUOTES = pa.schema([
    ("story_id", pa.string()),
    ("story_date", pa.date32()),
    ("text", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("speaker", ENTITY),
    ("speaker_text", pa.string()),
])

SCHEMAS: dict[str, pa.Schema] = {"events": EVENTS, "stories": STORIES, "entities": ENTITIES, "quotes": QUOTES}

Rows = dict[str, list[dict[str, Any]]]


def partition(story_date: dt.date | None) -> tuple[str, str]:
    """Hive partition values ``(year, month)`` of a story date: ``("2015", "5")``; both
    :data:`NULL_PARTITION` when the story has no date."""
    if story_date is None:
        return NULL_PARTITION, NULL_PARTITION
    return str(story_date.year), str(story_date.month)


def partition_dir(story_date: dt.date | None) -> str:
    """Relative directory of a story date's partition: ``"year=2015/month=5"``."""
    y, m = partition(story_date)
    return f"year={y}/month={m}"


@functools.lru_cache(maxsize=None)
def _converter(typ: pa.DataType) -> Callable[[Any], Any]:
    """The function that casts a value to the Python type Arrow and Spark expect for ``typ`` (ints for int
    columns, floats for double columns, dicts with exactly the struct's keys; None stays None), so both
    engines build identical rows. Built once per type: rows_of runs for every article."""
    if pa.types.is_struct(typ):
        fields = [(typ.field(i).name, _converter(typ.field(i).type)) for i in range(typ.num_fields)]
        return lambda v: None if v is None else {name: conv(v.get(name)) for name, conv in fields}
    if pa.types.is_list(typ):
        item = _converter(typ.value_type)
        return lambda v: None if v is None else [item(x) for x in v]
    for test, cast in ((pa.types.is_floating, float), (pa.types.is_integer, int), (pa.types.is_boolean, bool),
                       (pa.types.is_string, str)):
        if test(typ):
            return lambda v, cast=cast: None if v is None else cast(v)
    return lambda v: v


def conform(row: dict[str, Any], schema: pa.Schema) -> dict[str, Any]:
    """``row`` with exactly the columns of ``schema``, in its order, each value cast to its type."""
    cached = _columns.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = _columns[id(schema)] = (schema, [(f.name, _converter(f.type)) for f in schema])
    return {name: conv(row.get(name)) for name, conv in cached[1]}


#: id(schema) → (schema, [(column, converter)]): :func:`conform`'s per-schema converters.
_columns: dict[int, tuple[pa.Schema, list]] = {}


def rows_of(coded: CodedArticle) -> Rows:
    """The rows one coded article adds to each dataset (see the module doc and the schemas).

    Returns:
        ``{"events": [...], "stories": [one row], "entities": [...], "quotes": [...]}``, each row a dict
        conformed to its dataset's schema.
    """
    a = coded.article
    sd = a.published
    sid = a.id
    events = [conform({**e.to_dict(), "story_date": sd}, EVENTS) for e in coded.events]
    story = conform({
        "story_id": sid,
        "story_date": sd,
        "title": a.title,
        "url": a.url,
        "publisher": a.publisher,
        "dateline": a.dateline,
        "language": a.language,
        "source": a.source,
        "words": len(a.text.split()),
        "n_events": len(coded.events),
        "n_entities": len(coded.entities),
        "n_quotes": len(coded.quotes),
        "text": a.text,
        "blocks": [{"kind": b.kind, "start": b.start, "end": b.end} for b in a.blocks],
    }, STORIES)
    entities = [conform({**e.to_dict(), "story_id": sid, "story_date": sd, "start": e.start, "end": e.end,
                         "rule": e.rule}, ENTITIES) for e in coded.entities]
    quotes = [conform({**q.to_dict(), "story_id": sid, "story_date": sd}, QUOTES) for q in coded.quotes]
    return {"events": events, "stories": [story], "entities": entities, "quotes": quotes}


def fsync_file(path: str) -> None:
    """Flush a written file to disk (so a rename after it is durable)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: str) -> None:
    """Flush a directory's entries (renames, new files) to disk; a no-op where directories cannot be
    opened (not POSIX)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_table(rows: list[dict[str, Any]], schema: pa.Schema, path: str, fsync: bool = True) -> None:
    """Write ``rows`` (conformed dicts) as one zstd Parquet file at ``path``, and fsync it unless ``fsync``
    is false (the local engine's main process fsyncs a chunk's files before it renames them, so that the
    workers do not wait on the disk)."""
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path, compression=COMPRESSION)
    if fsync:
        fsync_file(path)


def group_by_partition(articles: Iterable[tuple[dt.date | None, Rows]]
                       ) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Rows of many articles grouped by dataset and partition directory: ``{(dataset,
    "year=.../month=..."): [rows]}``; empty groups are left out."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for story_date, rows in articles:
        pdir = partition_dir(story_date)
        for ds in DATASETS:
            if rows[ds]:
                out.setdefault((ds, pdir), []).extend(rows[ds])
    return out
