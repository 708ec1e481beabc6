"""Selecting deduplicated events from an :class:`~eventcoder.store.db.EventStore`.

An :class:`EventFilter` becomes a SQL ``WHERE`` clause over the ``events`` table. Actor and recipient
filters match *tags*: each entity's code (``USA``), code plus sector (``USAGOV``) and organisation
(``NATO``), so ``--actor RUS`` finds Russia and the Russian government alike, ``--actor RUSGOV`` only the
government.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from ..article import InputError
from .db import EventStore

#: PLOVER quad classes (PLOVER manual 2.0; same numbering as GDELT's QuadClass).
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def parse_date_bound(value: str, end: bool = False) -> date:
    """A date bound from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the first day of that period, or its last
    day when ``end`` (so ``--until 2015-05`` includes 31 May).

    Raises:
        InputError: the value is not one of those forms.
    """
    s = value.strip()
    try:
        if len(s) == 4:
            y = int(s)
            return date(y, 12, 31) if end else date(y, 1, 1)
        if len(s) == 7:
            y, m = int(s[:4]), int(s[5:7])
            return date(y, m, calendar.monthrange(y, m)[1] if end else 1)
        return date.fromisoformat(s)
    except ValueError as err:
        raise InputError(f"date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD") from err


def _codes(values: list[str] | tuple[str, ...]) -> list[str]:
    return [v.strip().upper() for v in values if v and v.strip()]


def check_event_types(values: list[str] | tuple[str, ...]) -> None:
    """Raise InputError for the first value that is no PLOVER event type (any case): a misspelt ``--type``
    would otherwise select nothing and look like an empty store."""
    from ..ontology import EVENT_TYPES

    for v in values:
        if v and v.strip() and v.strip().upper() not in EVENT_TYPES:
            raise InputError(f"event type {v!r}: not a PLOVER event type (expected one of "
                             f"{', '.join(EVENT_TYPES)})")


def check_cameo_prefixes(values: list[str] | tuple[str, ...]) -> None:
    """Raise InputError for the first value that is no CAMEO code prefix (1 to 4 digits, ``04`` or ``0874``)."""
    for v in values:
        s = (v or "").strip()
        if s and not (s.isascii() and s.isdigit() and len(s) <= 4):  # blank selects every code, as before
            raise InputError(f"CAMEO code prefix {v!r}: expected 1 to 4 digits (04, 043, 0874)")


@dataclass
class EventFilter:
    """Which events to select. Empty fields do not filter.

    Attributes:
        actor: tags one of which the actor side must carry (``"USA"``, ``"RUSGOV"``, ``"NATO"``).
        recipient: tags one of which the recipient side must carry.
        party: tags one of which either side must carry.
        undirected: with ``actor`` and ``recipient``, also accept the reverse direction.
        event: PLOVER event types (``"CONSULT"``).
        cameo: CAMEO code prefixes (``"04"`` is every consult code).
        quad: quad classes 1..4.
        since, until: inclusive bounds on the event date.
        place: a place name (case-insensitive) or an ISO3 country code of the event location.
        min_mentions: only events with at least this many mentions.
        story: only events mentioned by this story id.
        limit: at most this many events (in date order).
    """

    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    party: list[str] = field(default_factory=list)
    undirected: bool = False
    event: list[str] = field(default_factory=list)
    cameo: list[str] = field(default_factory=list)
    quad: list[int] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    place: str | None = None
    min_mentions: int = 1
    story: str | None = None
    limit: int | None = None

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """The SQL condition over ``events`` (aliased ``alias``) and its parameters."""
        a = f"{alias}." if alias else ""
        conds: list[str] = []
        params: list[Any] = []
        actor, recipient, party = _codes(self.actor), _codes(self.recipient), _codes(self.party)
        if actor or recipient:
            fwd = []
            rev = []
            if actor:
                fwd.append(f"list_has_any({a}actor_tags, ?::VARCHAR[])")
                rev.append(f"list_has_any({a}recipient_tags, ?::VARCHAR[])")
            if recipient:
                fwd.append(f"list_has_any({a}recipient_tags, ?::VARCHAR[])")
                rev.append(f"list_has_any({a}actor_tags, ?::VARCHAR[])")
            sides = [x for x in (actor, recipient) if x]
            if self.undirected:
                conds.append(f"(({' AND '.join(fwd)}) OR ({' AND '.join(rev)}))")
                params += sides + sides
            else:
                conds.append("(" + " AND ".join(fwd) + ")")
                params += sides
        if party:
            conds.append(f"(list_has_any({a}actor_tags, ?::VARCHAR[]) OR "
                         f"list_has_any({a}recipient_tags, ?::VARCHAR[]))")
            params += [party, party]
        if self.event:
            conds.append(f"{a}event IN (SELECT unnest(?::VARCHAR[]))")
            params.append(_codes(self.event))
        if self.cameo:
            conds.append("(" + " OR ".join(f"starts_with({a}cameo, ?)" for _ in self.cameo) + ")")
            params += [c.strip() for c in self.cameo]
        if self.quad:
            conds.append(f"{a}quad_code IN (SELECT unnest(?::INTEGER[]))")
            params.append([int(q) for q in self.quad])
        if self.since:
            conds.append(f"{a}date_day >= ?")
            params.append(self.since)
        if self.until:
            conds.append(f"{a}date_day <= ?")
            params.append(self.until)
        if self.place:
            conds.append(f"(lower({a}place_name) = lower(?) OR {a}place_country = upper(?))")
            params += [self.place.strip(), self.place.strip()]
        if self.min_mentions > 1:
            conds.append(f"{a}num_mentions >= ?")
            params.append(int(self.min_mentions))
        if self.story:
            conds.append(f"{a}event_id IN (SELECT event_id FROM mentions WHERE story_id = ?)")
            params.append(self.story)
        return (" AND ".join(conds) or "TRUE"), params

    def select_sql(self, columns: str = "e.*") -> tuple[str, list[Any]]:
        """``SELECT columns FROM events e WHERE ... ORDER BY date, id [LIMIT n]`` and its parameters."""
        where, params = self.where("e")
        sql = f"SELECT {columns} FROM events e WHERE {where} ORDER BY e.date_day NULLS LAST, e.event_id"
        if self.limit is not None:
            sql += f" LIMIT {int(self.limit)}"
        return sql, params


#: Columns of the ``eventcoder events`` table view (``event_date`` as coded: ``1998`` stays a year).
TABLE_COLUMNS = ["event_id", "event_date", "event", "actor_label", "recipient_label", "quad_code", "goldstein",
                 "place_name", "num_mentions", "num_sources", "num_articles"]


def events_frame(store: EventStore, flt: EventFilter | None = None, columns: list[str] | None = None
                 ) -> pd.DataFrame:
    """Selected events as a DataFrame (one row per deduplicated event; all ``events`` columns by default)."""
    cols = ", ".join(f"e.{c}" for c in columns) if columns else "e.*"
    sql, params = (flt or EventFilter()).select_sql(cols)
    return store.con.execute(sql, params).df()


def event_records(store: EventStore, flt: EventFilter | None = None, batch: int = 2000
                  ) -> Iterator[dict[str, Any]]:
    """Selected events as DESIGN.md §4 records, one per deduplicated event.

    Each record is the event's first mention's record (evidence, attribution, cite_info of that mention)
    with ``id`` set to the event id and these fields added: ``num_mentions``, ``num_sources``,
    ``num_articles``, ``first_seen``, ``last_seen`` (ISO dates), ``story_ids`` (distinct, sorted)
    and ``mentions`` (mention ids, in ingest order). Streams in batches of ``batch`` events.
    """
    sel, params = (flt or EventFilter()).select_sql(
        "e.event_id, e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen, e.date_day")
    sql = f"""
        WITH sel AS ({sel})
        SELECT sel.*, m.rep, m.ids, m.stories FROM sel JOIN (
            SELECT event_id, first(record ORDER BY ingested_at, story_id, sequence, mention_id) AS rep,
                   list(mention_id ORDER BY ingested_at, story_id, sequence, mention_id) AS ids,
                   list(DISTINCT story_id) AS stories
            FROM mentions WHERE event_id IN (SELECT event_id FROM sel) GROUP BY event_id) m USING (event_id)
        ORDER BY sel.date_day NULLS LAST, sel.event_id"""
    cur = store.con.cursor()
    try:
        cur.execute(sql, params)
        while rows := cur.fetchmany(batch):
            for eid, nm, ns, na, first, last, _day, rep, ids, stories in rows:
                rec = json.loads(rep)
                rec["id"] = eid
                rec.update(num_mentions=nm, num_sources=ns, num_articles=na,
                           first_seen=first.isoformat() if first else None,
                           last_seen=last.isoformat() if last else None,
                           story_ids=sorted(stories), mentions=list(ids))
                yield rec
    finally:
        cur.close()
