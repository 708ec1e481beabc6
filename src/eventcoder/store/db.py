"""The event store: coded stories in a DuckDB file, each real-world event once with all its mentions.

Tables (GDELT 2.0 keeps events and mentions apart the same way; see the GDELT 2.0 Event codebook):

``stories``   one row per stored story: metadata, ``content_hash``, ``ingested_at`` (UTC).
``entities``  the story's resolved entities (``story_id``, ``idx``, code, sector, org, name, offsets).
``quotes``    the story's direct quotes with their speakers.
``mentions``  one row per coded event occurrence: ``mention_id`` (the :attr:`Event.id` of the occurrence),
              the ``event_id`` it was merged into, story, sentence index, character offsets (evidence
              span, first actor, first recipient, trigger), sentence and trigger text (the evidence), date as coded, modality, attribution, confidence, the source name
              and the full DESIGN.md §4 record as JSON (``record``).
``events``    one row per deduplicated event (:mod:`eventcoder.store.dedup`): type, mode, context, CAMEO,
              Goldstein, quad class, PLOVER score, actor/recipient entities (JSON) with their codes,
              sectors, orgs and filter tags as lists, date, place, and GDELT-style counts
              ``num_mentions`` / ``num_sources`` / ``num_articles`` with ``first_seen`` / ``last_seen``
              (earliest and latest publication date of the stories that mention it).

An event's attributes are those of its first mention; its ``event_id`` is that mention's id and its
``global_id`` a 60-bit integer taken from the id (GDELT's integer GLOBALEVENTID).

Each story is stored in one transaction: a failure or a crash part-way leaves nothing of it, and the next
run stores it whole. A story whose id and content hash are already stored is skipped (idempotence); one
whose id is stored with a different content hash replaces the old version.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlparse

import duckdb
import pyarrow as pa

from ..article import Article, CodedArticle, Entity, Event, InputError
from . import DEFAULT_DB, dedup

log = logging.getLogger(__name__)

#: Bumped when the table layout changes; a store with another version is refused with a clear error.
SCHEMA_VERSION = "1"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS stories (
    story_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, title VARCHAR, url VARCHAR,
    publisher VARCHAR, source_name VARCHAR, published DATE, dateline VARCHAR, language VARCHAR,
    source VARCHAR, text_len INTEGER, n_entities INTEGER, n_events INTEGER, n_quotes INTEGER,
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    story_id VARCHAR NOT NULL, idx INTEGER NOT NULL, entity_text VARCHAR, code VARCHAR, sector VARCHAR,
    org VARCHAR, name VARCHAR, identifier_id VARCHAR, start_char INTEGER, end_char INTEGER, rule VARCHAR,
    PRIMARY KEY (story_id, idx)
);
CREATE TABLE IF NOT EXISTS quotes (
    story_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start_char INTEGER, end_char INTEGER,
    speaker_text VARCHAR, speaker_code VARCHAR, speaker_sector VARCHAR, speaker_org VARCHAR,
    speaker_name VARCHAR, PRIMARY KEY (story_id, idx)
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, global_id BIGINT NOT NULL, dedup_key VARCHAR NOT NULL,
    event VARCHAR NOT NULL, mode VARCHAR[], context VARCHAR[], modality VARCHAR, cameo VARCHAR,
    goldstein DOUBLE, quad_code TINYINT, plover_score DOUBLE, is_symmetric BOOLEAN,
    actor JSON, recipient JSON,
    actor_codes VARCHAR[], actor_sectors VARCHAR[], actor_orgs VARCHAR[], actor_tags VARCHAR[],
    actor_label VARCHAR,
    recipient_codes VARCHAR[], recipient_sectors VARCHAR[], recipient_orgs VARCHAR[],
    recipient_tags VARCHAR[], recipient_label VARCHAR,
    event_date VARCHAR, date_precision VARCHAR, date_day DATE,
    place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
    place_geonameid BIGINT, place_feature VARCHAR,
    num_mentions INTEGER NOT NULL DEFAULT 0, num_sources INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0, first_seen DATE, last_seen DATE, is_root BOOLEAN,
    first_story_id VARCHAR, source_url VARCHAR, date_added TIMESTAMP
);
CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL, story_id VARCHAR NOT NULL,
    sequence INTEGER, start_char INTEGER, end_char INTEGER, block VARCHAR, in_lead BOOLEAN,
    sentence VARCHAR, event_text VARCHAR, event VARCHAR, event_date VARCHAR, date_precision VARCHAR,
    date_source VARCHAR, modality VARCHAR, quoted BOOLEAN, speaker_code VARCHAR, speaker_name VARCHAR,
    confidence DOUBLE, actor1_offset INTEGER, actor2_offset INTEGER, action_offset INTEGER,
    source_name VARCHAR, url VARCHAR,
    published DATE, seen DATE, doc_len INTEGER, record JSON, ingested_at TIMESTAMP
);
"""

_STORY_COLS = ["story_id", "content_hash", "title", "url", "publisher", "source_name", "published",
               "dateline", "language", "source", "text_len", "n_entities", "n_events", "n_quotes",
               "ingested_at"]
_ENTITY_COLS = ["story_id", "idx", "entity_text", "code", "sector", "org", "name", "identifier_id",
                "start_char", "end_char", "rule"]
_QUOTE_COLS = ["story_id", "idx", "text", "start_char", "end_char", "speaker_text", "speaker_code",
               "speaker_sector", "speaker_org", "speaker_name"]
_EVENT_COLS = ["event_id", "global_id", "dedup_key", "event", "mode", "context", "modality", "cameo",
               "goldstein", "quad_code", "plover_score", "is_symmetric", "actor", "recipient",
               "actor_codes", "actor_sectors", "actor_orgs", "actor_tags", "actor_label",
               "recipient_codes", "recipient_sectors", "recipient_orgs", "recipient_tags", "recipient_label",
               "event_date", "date_precision", "date_day", "place_name", "place_country", "place_admin1",
               "place_lat", "place_lon", "place_geonameid", "place_feature", "first_story_id", "source_url",
               "date_added"]
_MENTION_COLS = ["mention_id", "event_id", "story_id", "sequence", "start_char", "end_char", "block",
                 "in_lead", "sentence", "event_text", "event", "event_date", "date_precision", "date_source",
                 "modality", "quoted", "speaker_code", "speaker_name", "confidence", "actor1_offset",
                 "actor2_offset", "action_offset", "source_name", "url", "published", "seen", "doc_len", "record",
                 "ingested_at"]

#: DuckDB column type → Arrow type, for :meth:`EventStore._insert`.
_ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
    "TINYINT": pa.int8(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string()),
}

_RECOUNT = """
UPDATE events SET num_mentions = a.n, num_sources = a.s, num_articles = a.a, first_seen = a.f,
    last_seen = a.l, is_root = a.r
FROM (SELECT event_id, count(*) AS n, count(DISTINCT source_name) AS s, count(DISTINCT story_id) AS a,
             min(seen) AS f, max(seen) AS l, bool_or(in_lead) AS r
      FROM mentions WHERE list_contains(?, event_id) GROUP BY event_id) AS a
WHERE events.event_id = a.event_id
"""


@dataclass
class IngestStats:
    """Counters of one :class:`EventStore` session (reset by :meth:`EventStore.reset_stats`).

    ``merged_across``: mentions that joined an event first reported by another story (cross-story
    deduplication); ``merged_within``: mentions that joined an event already reported earlier in the
    same story. ``mentions_added == events_created + merged_across + merged_within``.
    """

    stories_added: int = 0
    stories_skipped: int = 0
    stories_replaced: int = 0
    mentions_added: int = 0
    events_created: int = 0
    merged_across: int = 0
    merged_within: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def content_hash(article: Article) -> str:
    """SHA-1 (hex) of the story's text and metadata: a changed story gets a new hash and replaces the old."""
    payload = json.dumps([article.id, article.text, article.published.isoformat() if article.published
                          else None, article.title, article.url, article.publisher], ensure_ascii=False)
    return hashlib.sha1(payload.encode()).hexdigest()


def source_name(article: Article) -> str:
    """The story's source for ``num_sources``: its publisher, else its URL's host without ``www.``, else
    ``"unknown"`` (all stories of unknown origin then count as one source)."""
    if article.publisher and article.publisher.strip():
        return article.publisher.strip()
    if article.url:
        host = urlparse(article.url if "//" in article.url else "//" + article.url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host
    return "unknown"


def global_id(event_id: str) -> int:
    """GDELT-style integer id of an event id: its first 15 hex digits as an integer (< 2**60, fits BIGINT)."""
    return int(event_id[:15].ljust(15, "0"), 16)


def entity_tags(entities: list[Entity]) -> list[str]:
    """Filter tags of one side: each entity's code, code+sector (``"RUSGOV"``) and org in upper case
    (``"NATO"``, ``"ISLAMIC STATE"``); filters upper-case what they are given."""
    tags: list[str] = []
    for e in entities:
        for t in (e.code, f"{e.code}{e.sector}" if e.sector else None, e.org.upper() if e.org else None):
            if t and t not in tags:
                tags.append(t)
    return tags


def entity_label(entities: list[Entity]) -> str:
    """Short display label of one side, GDELT-like: org or code, plus sector ("RUSGOV", "NATO"); ``+``
    between compound actors; ``""`` for none."""
    return "+".join(f"{e.org or e.code}{e.sector or ''}" for e in entities)


def _lead_end(article: Article) -> int:
    """End offset of the lead paragraph: the first body block, or the text up to the first blank line."""
    for b in article.blocks:
        if b.kind == "body":
            return b.end
    cut = article.text.find("\n\n", 1)
    return cut if cut > 0 else len(article.text)


def _action_offset(ev: Event, text: str) -> int:
    """Character offset of the trigger words (``event_text``, up to an ellipsis as in "called on ... to
    withdraw") in the article ``text``: their first occurrence in the evidence span, else its start."""
    head = (ev.event_text or "").split("...")[0].strip()
    k = text.find(head, max(ev.start, 0), max(ev.end, ev.start)) if head else -1
    return k if k >= 0 else ev.start


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class EventStore:
    """An event store in a DuckDB file.

    Args:
        path: the DuckDB file (created with its tables unless ``read_only``).
        read_only: open for queries only (several readers may share the file).

    Raises:
        InputError: the file is missing (read-only), locked by another writer, not a DuckDB database,
            not an eventcoder store, or of another schema version. The message is one line naming ``path``.
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        self.stats = IngestStats()
        if read_only and not Path(self.path).exists():
            raise InputError(f"{self.path}: no such event store (create it with `eventcoder ingest`)")
        if Path(self.path).is_dir():
            raise InputError(f"{self.path}: is a directory, not an event store")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            reason = str(err).splitlines()[0] if str(err) else err.__class__.__name__
            if "lock" in reason.lower():
                reason = "locked by another process"
            raise InputError(f"{self.path}: cannot open as an event store ({reason})") from err
        try:
            self._check_schema()
        except BaseException:
            self.con.close()
            raise

    def _check_schema(self) -> None:
        tables = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables "
                                                  "WHERE table_schema = 'main'").fetchall()}
        if not self.read_only and "events" not in tables:
            if tables - {"meta"}:
                raise InputError(f"{self.path}: a DuckDB database but not an eventcoder event store")
            self.con.execute(_SCHEMA)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
            return
        if "events" not in tables or "meta" not in tables:
            raise InputError(f"{self.path}: not an eventcoder event store (no events table)")
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if not row or row[0] != SCHEMA_VERSION:
            raise InputError(f"{self.path}: event store schema version {row[0] if row else '?'}, "
                             f"this eventcoder reads version {SCHEMA_VERSION}")

    # -- lifetime ---------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database (idempotent)."""
        try:
            self.con.close()
        except duckdb.Error:  # pragma: no cover - already closed
            pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reset_stats(self) -> None:
        self.stats = IngestStats()

    # -- writing ----------------------------------------------------------------------------------------

    def has_story(self, article: Article) -> bool:
        """True when this story (same id and same content hash) is already stored: coding it can be skipped."""
        row = self.con.execute("SELECT content_hash FROM stories WHERE story_id = ?", [article.id]).fetchone()
        return bool(row) and row[0] == content_hash(article)

    def story_source(self, story_id: str) -> str | None:
        """Where the stored story ``story_id`` was read from (``Article.source``: a file, ``file.jsonl:LINE``,
        ``archive [URI]``), or None when no such story is stored (or it carries no source)."""
        row = self.con.execute("SELECT source FROM stories WHERE story_id = ?", [story_id]).fetchone()
        return row[0] if row else None

    def add(self, coded: CodedArticle) -> bool:
        """Store one coded story with its entities, quotes and event mentions, deduplicating the events.

        Returns False (and changes nothing) when the story is already stored with the same content hash;
        True when it was stored (a stored story with the same id but other content is replaced).
        The whole story is one transaction: on any exception nothing of it is kept and the exception
        propagates.
        """
        art = coded.article
        h = content_hash(art)
        row = self.con.execute("SELECT content_hash FROM stories WHERE story_id = ?", [art.id]).fetchone()
        if row and row[0] == h:
            self.stats.stories_skipped += 1
            return False
        stats = IngestStats()
        self.con.begin()
        try:
            if row:
                self._delete_story(art.id)
                stats.stories_replaced += 1
            self._insert_story(coded, h, stats)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        stats.stories_added += 1
        for k, v in stats.as_dict().items():
            setattr(self.stats, k, getattr(self.stats, k) + v)
        return True

    def delete_story(self, story_id: str) -> bool:
        """Remove a story and its mentions (events left without mentions go too; counts are recomputed).
        Returns False when no such story is stored."""
        if not self.con.execute("SELECT 1 FROM stories WHERE story_id = ?", [story_id]).fetchone():
            return False
        self.con.begin()
        try:
            self._delete_story(story_id)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return True

    def _delete_story(self, story_id: str) -> None:
        touched = [r[0] for r in self.con.execute(
            "SELECT DISTINCT event_id FROM mentions WHERE story_id = ?", [story_id]).fetchall()]
        for table in ("mentions", "entities", "quotes", "stories"):
            self.con.execute(f"DELETE FROM {table} WHERE story_id = ?", [story_id])
        if touched:
            self.con.execute("DELETE FROM events WHERE list_contains(?, event_id) AND event_id NOT IN "
                             "(SELECT event_id FROM mentions)", [touched])
            self.con.execute(_RECOUNT, [touched])

    def _insert(self, table: str, cols: list[str], rows: list[list[Any]]) -> None:
        """Insert ``rows`` (values in ``cols`` order) through an Arrow table: ~15x faster than executemany."""
        if not rows:
            return
        types = self._arrow_types(table)
        data = pa.table({c: pa.array([r[i] for r in rows], type=types[c]) for i, c in enumerate(cols)})
        self.con.register("_eventcoder_rows", data)
        try:
            self.con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT * FROM _eventcoder_rows")
        finally:
            self.con.unregister("_eventcoder_rows")

    def _arrow_types(self, table: str) -> dict[str, pa.DataType]:
        """Arrow type of each column of ``table`` (from DuckDB's DESCRIBE), cached per store."""
        cache = self.__dict__.setdefault("_types", {})
        if table not in cache:
            cache[table] = {name: _ARROW[t] for name, t, *_ in self.con.execute(f"DESCRIBE {table}").fetchall()}
        return cache[table]

    def _insert_story(self, coded: CodedArticle, chash: str, stats: IngestStats) -> None:
        art = coded.article
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        src = source_name(art)
        self._insert("stories", _STORY_COLS, [[
            art.id, chash, art.title, art.url, art.publisher, src, art.published, art.dateline, art.language,
            art.source, len(art.text), len(coded.entities), len(coded.events), len(coded.quotes), now]])
        self._insert("entities", _ENTITY_COLS, [
            [art.id, i, e.entity_text, e.code, e.sector, e.org, e.name, e.identifier_id, e.start, e.end, e.rule]
            for i, e in enumerate(coded.entities)])
        self._insert("quotes", _QUOTE_COLS, [
            [art.id, i, q.text, q.start, q.end, q.speaker_text,
             *((q.speaker.code, q.speaker.sector, q.speaker.org, q.speaker.name) if q.speaker
               else (None, None, None, None))]
            for i, q in enumerate(coded.quotes)])
        if not coded.events:
            return
        events = sorted(coded.events, key=lambda e: (e.sequence, e.start, e.end, e.id))
        keys = [dedup.dedup_key(ev, art.published) for ev in events]
        candidates: dict[str, list[tuple[date | None, str]]] = {}
        for key, day, eid in self.con.execute(
                "SELECT dedup_key, date_day, event_id FROM events WHERE list_contains(?, dedup_key)",
                [sorted({k.key for k in keys})]).fetchall():
            candidates.setdefault(key, []).append((day, eid))
        seen_day = art.published or now.date()
        lead_end = _lead_end(art)
        used: set[str] = set()
        new_events: list[list[Any]] = []
        new_ids: set[str] = set()
        mentions: list[list[Any]] = []
        for ev, k in zip(events, keys, strict=True):
            mid = ev.id
            n = 1
            while mid in used:  # the same type and actors twice in one sentence: keep both mentions
                mid = f"{ev.id}-{n}"
                n += 1
            used.add(mid)
            eid = dedup.choose(candidates.get(k.key, []), k)
            if eid is None:
                eid = mid
                candidates.setdefault(k.key, []).append((k.day, eid))
                new_ids.add(eid)
                new_events.append(self._event_row(ev, eid, k, art, now))
                stats.events_created += 1
            elif eid in new_ids:
                stats.merged_within += 1
            else:
                stats.merged_across += 1
            record = ev.to_dict()
            record["id"] = mid
            mentions.append([
                mid, eid, art.id, ev.sequence, ev.start, ev.end, ev.block,
                ev.block in ("title", "body") and ev.start < lead_end, ev.sentence, ev.event_text, ev.event,
                ev.date, ev.date_precision, ev.date_source, ev.modality, ev.quoted,
                ev.speaker.code if ev.speaker else None, ev.speaker.name if ev.speaker else None,
                float(ev.confidence),
                ev.actor[0].start if ev.actor and ev.actor[0].start >= 0 else -1,
                ev.recipient[0].start if ev.recipient and ev.recipient[0].start >= 0 else -1,
                _action_offset(ev, art.text), src, art.url, art.published, seen_day, len(art.text), _json(record), now])
            stats.mentions_added += 1
        self._insert("events", _EVENT_COLS, new_events)
        self._insert("mentions", _MENTION_COLS, mentions)
        self.con.execute(_RECOUNT, [sorted({m[1] for m in mentions})])

    @staticmethod
    def _event_row(ev: Event, eid: str, k: dedup.DedupKey, art: Article, now: datetime) -> list[Any]:
        loc = ev.event_loc
        _, precision = dedup.parse_event_date(ev.date, ev.date_precision)
        return [
            eid, global_id(eid), k.key, ev.event, list(ev.mode), list(ev.context), ev.modality, ev.cameo,
            ev.goldstein, ev.quad_code, ev.plover_score, ev.symmetric,
            _json([e.to_dict() for e in ev.actor]), _json([e.to_dict() for e in ev.recipient]),
            [e.code for e in ev.actor], [e.sector or "" for e in ev.actor], [e.org or "" for e in ev.actor],
            entity_tags(ev.actor), entity_label(ev.actor),
            [e.code for e in ev.recipient], [e.sector or "" for e in ev.recipient],
            [e.org or "" for e in ev.recipient], entity_tags(ev.recipient), entity_label(ev.recipient),
            ev.date, precision or ("day" if k.day else None), k.day,
            loc.name if loc else None, loc.country if loc else None, loc.admin1 if loc else None,
            loc.lat if loc else None, loc.lon if loc else None, loc.geonameid if loc else None,
            loc.feature if loc else None, art.id, art.url, now,
        ]

    # -- reading ----------------------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Counts of the store: stories, entities, quotes, mentions, events, ``merged`` (mentions − events:
        how many mentions deduplication folded into an existing event), ``multi_story_events`` (events
        reported by two or more stories), ``multi_source_events``, and the event date range."""
        q = self.con.execute
        out: dict[str, Any] = {t: q(f"SELECT count(*) FROM {t}").fetchone()[0]
                               for t in ("stories", "entities", "quotes", "mentions", "events")}
        out["merged"] = out["mentions"] - out["events"]
        out["multi_story_events"] = q("SELECT count(*) FROM events WHERE num_articles > 1").fetchone()[0]
        out["multi_source_events"] = q("SELECT count(*) FROM events WHERE num_sources > 1").fetchone()[0]
        lo, hi = q("SELECT min(date_day), max(date_day) FROM events").fetchone()
        out["first_date"] = lo.isoformat() if lo else None
        out["last_date"] = hi.isoformat() if hi else None
        return out

    def check_counts(self) -> int:
        """Number of events whose stored counts disagree with their mentions (0 in a healthy store)."""
        return self.con.execute("""
            SELECT count(*) FROM events e LEFT JOIN (
                SELECT event_id, count(*) n, count(DISTINCT story_id) a, count(DISTINCT source_name) s
                FROM mentions GROUP BY event_id) m USING (event_id)
            WHERE m.n IS DISTINCT FROM e.num_mentions OR m.a IS DISTINCT FROM e.num_articles
               OR m.s IS DISTINCT FROM e.num_sources""").fetchone()[0]


def open_store(path: str | Path, read_only: bool = True) -> EventStore:
    """Open an existing store for queries (default read-only); see :class:`EventStore` for the errors."""
    return EventStore(path, read_only=read_only)


__all__ = ["DEFAULT_DB", "EventStore", "IngestStats", "content_hash", "entity_label", "entity_tags",
           "global_id", "open_store", "source_name"]
