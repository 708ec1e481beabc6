"""Read-side helpers the API needs on top of :mod:`eventcoder.store` and :mod:`eventcoder.analysis`.

The store has functions for filtered events (:func:`~eventcoder.store.query.event_records`), dyad
series (:func:`~eventcoder.analysis.dyad.dyad_series`) and networks
(:func:`~eventcoder.analysis.network.actor_network`); those are used as they are. What it lacks is
written here, thinly, over its tables: one stored story with its entities, quotes and event mentions
(:func:`get_story`), a story list (:func:`list_stories`), an event count (:func:`count_events`) and a
page of events at an offset (:func:`events_page`).

The store keeps no article text (``stories`` has ``text_len`` only), yet the story view highlights
evidence spans in the text. Stories stored through the API therefore also get a row in a side table,
:data:`TEXT_TABLE` (``story_id``, ``text``, ``blocks`` JSON), in the same DuckDB file; stories ingested by
the CLI have no row there and their view shows the evidence sentences only.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
from datetime import date
from typing import Any

from ..analysis.dyad import dyad_series
from ..analysis.network import actor_network
from ..article import Article
from ..store.db import EventStore
from ..store.query import EventFilter, event_records

#: Side table of the web API: the text and block layout of the stories it stored.
TEXT_TABLE = "web_story_texts"


def ensure_text_table(store: EventStore) -> None:
    """Create :data:`TEXT_TABLE` when missing (writable stores only)."""
    store.con.execute(f"CREATE TABLE IF NOT EXISTS {TEXT_TABLE} "
                      "(story_id VARCHAR PRIMARY KEY, text VARCHAR NOT NULL, blocks JSON)")


def _has_text_table(store: EventStore) -> bool:
    return bool(store.con.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' "
                                  "AND table_name = ?", [TEXT_TABLE]).fetchone())


def save_text(store: EventStore, article: Article) -> None:
    """Keep ``article``'s text and blocks for the story view (replaces an earlier version)."""
    blocks = json.dumps([{"kind": b.kind, "start": b.start, "end": b.end} for b in article.blocks])
    store.con.execute(f"INSERT OR REPLACE INTO {TEXT_TABLE} VALUES (?, ?, ?)",
                      [article.id, article.text, blocks])


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def get_story(store: EventStore, story_id: str) -> dict[str, Any] | None:
    """One stored story as the API's ``StoryResponse`` dict, or None when no such story is stored.

    ``events`` are the story's own event mentions (their DESIGN.md §4 records, in text order), each with
    the ``event_id`` of the deduplicated event it was merged into; ``entities`` and ``quotes`` are in
    text order; ``story.text`` is None unless the story was stored through the API.
    """
    con = store.con
    row = con.execute("SELECT story_id, title, url, publisher, published, dateline FROM stories "
                      "WHERE story_id = ?", [story_id]).fetchone()
    if row is None:
        return None
    sid, title, url, publisher, published, dateline = row
    text, blocks = None, []
    if _has_text_table(store):
        t = con.execute(f"SELECT text, blocks FROM {TEXT_TABLE} WHERE story_id = ?", [sid]).fetchone()
        if t:
            text, blocks = t[0], json.loads(t[1] or "[]")
    entities = [
        {"entity_text": r[0], "code": r[1], "sector": r[2], "org": r[3], "name": r[4], "identifier_id": r[5],
         "start": r[6], "end": r[7], "rule": r[8]}
        for r in con.execute("SELECT entity_text, code, sector, org, name, identifier_id, start_char, "
                             "end_char, rule FROM entities WHERE story_id = ? ORDER BY idx",
                             [sid]).fetchall()]
    quotes = []
    for q in con.execute("SELECT text, start_char, end_char, speaker_text, speaker_code, speaker_sector, "
                         "speaker_org, speaker_name FROM quotes WHERE story_id = ? ORDER BY idx",
                         [sid]).fetchall():
        speaker = ({"entity_text": q[3] or "", "code": q[4], "sector": q[5], "org": q[6], "name": q[7]}
                   if q[4] else None)
        quotes.append({"text": q[0], "start": q[1], "end": q[2], "speaker": speaker, "speaker_text": q[3]})
    events = []
    for rec, eid in con.execute("SELECT record, event_id FROM mentions WHERE story_id = ? "
                                "ORDER BY sequence, start_char, mention_id", [sid]).fetchall():
        d = json.loads(rec)
        d["event_id"] = eid
        events.append(d)
    return {
        "story": {"id": sid, "text": text, "blocks": blocks, "published": _iso(published), "title": title,
                  "url": url, "publisher": publisher, "dateline": dateline},
        "events": events, "entities": entities, "quotes": quotes,
    }


def list_stories(store: EventStore, limit: int, offset: int) -> dict[str, Any]:
    """Stored stories, most recently ingested first: ``{"total", "limit", "offset", "stories"}``."""
    total = store.con.execute("SELECT count(*) FROM stories").fetchone()[0]
    rows = store.con.execute(
        "SELECT story_id, title, published, publisher, n_events, ingested_at FROM stories "
        "ORDER BY ingested_at DESC, story_id LIMIT ? OFFSET ?", [limit, offset]).fetchall()
    stories = [{"id": r[0], "title": r[1], "published": _iso(r[2]), "publisher": r[3], "n_events": r[4] or 0,
                "ingested_at": _iso(r[5])} for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "stories": stories}


def count_events(store: EventStore, flt: EventFilter) -> int:
    """Number of deduplicated events that ``flt`` selects (its ``limit`` ignored)."""
    where, params = flt.where("e")
    return store.con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


def events_page(store: EventStore, flt: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    """Events ``offset .. offset+limit`` (date order) of those ``flt`` selects, as records of
    :func:`~eventcoder.store.query.event_records`: ``{"total", "limit", "offset", "events"}``.

    The store's query has a limit but no offset, so the first ``offset + limit`` events are selected and
    the first ``offset`` skipped (cheap for the page sizes and offsets the API allows).
    """
    total = count_events(store, flt)
    sel = dataclasses.replace(flt, limit=offset + limit)
    events = list(itertools.islice(event_records(store, sel), offset, offset + limit))
    return {"total": total, "limit": limit, "offset": offset, "events": events}


def _num(v: Any) -> float | None:
    """A float, or None for NaN/None (JSON has no NaN)."""
    if v is None:
        return None
    f = float(v)
    return None if math.isnan(f) else f


def dyad(store: EventStore, a: str, b: str, freq: str, since: date | None, until: date | None,
         weight: str) -> dict[str, Any]:
    """The dyad series of :func:`~eventcoder.analysis.dyad.dyad_series` as JSON-ready rows.

    Raises:
        InputError: from ``dyad_series`` (unknown ``freq``/``weight``, ``a == b``).
    """
    df = dyad_series(store, a, b, freq=freq, since=since, until=until, weight=weight)
    a, b = a.strip().upper(), b.strip().upper()
    series = [
        {"period": r.period.date().isoformat(), "direction": r.direction,
         **{c: int(getattr(r, c)) for c in ("events", "mentions", "quad1", "quad2", "quad3", "quad4")},
         "goldstein_mean": _num(r.goldstein_mean), "plover_mean": _num(r.plover_mean)}
        for r in df.itertuples(index=False)]
    return {"a": a, "b": b, "freq": freq, "directions": [f"{a}→{b}", f"{b}→{a}"], "series": series}


def network(store: EventStore, flt: EventFilter, level: str, top: int) -> dict[str, Any]:
    """The ``top`` actors of :func:`~eventcoder.analysis.network.actor_network` and the ties among them.

    Raises:
        InputError: unknown ``level``.
    """
    net = actor_network(store, flt, level=level).top(top)
    actors = [{"actor": r.actor, "events": int(r.events), "degree": int(r.degree),
               "out_events": int(r.out_events), "in_events": int(r.in_events)}
              for r in net.actors.itertuples(index=False)]
    ties = [{"actor": r.actor, "recipient": r.recipient, "events": int(r.events), "mentions": int(r.mentions),
             "coop": int(r.coop), "conflict": int(r.conflict), "goldstein_mean": _num(r.goldstein_mean)}
            for r in net.ties.itertuples(index=False)]
    return {"level": level, "actors": actors, "ties": ties}
