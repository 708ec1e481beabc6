"""Deduplication of event mentions into real-world events (pure functions, no database).

The rule (issue 7, after GDELT 2.0's events/mentions split): two mentions report the same event when they
have the same PLOVER event type, the same modality, the same actor and recipient codes, the same place (or
both no place), and dates within one day. Concretely:

* actors and recipients compare as sets of :meth:`Entity.key` triples ``(code, sector, org)``, so
  "Moscow" (RUS GOV) and "the Kremlin" (RUS GOV) agree while "Russia" (RUS, no sector) and RUS GOV do not;
* for symmetric events (CONSULT-style meetings, ``Event.symmetric``) the two sides are unordered;
* places compare by GeoNames id, else by lower-cased name and country; no place matches only no place;
* day-precision dates (or, when the event has no date, the story's publication date) match when at most
  one day apart; month- and year-precision dates match only the identical month or year, and only
  within one story (a month is not "within a day": across stories such dates cannot tell two events apart);
* an event whose actor is unknown (no entity with a code other than ``UNK``; for symmetric events on
  either side) is matched only within its own story: ten stories in which "officials" make some request
  on the same day are not one event.

Matching is incremental and deterministic: an event's date is the date of its first mention and never
moves; a new mention joins the candidate event with the same key whose date is nearest (ties: the earlier
date, then the smaller event id), else it starts a new event. Ingesting the same stories in the same order
therefore always gives the same events; a different order can split a chain of day-apart reports
differently (e.g. reports on the 1st, 2nd and 3rd: 1st+2nd merge, the 3rd is two days from the event's date).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from ..article import Entity, Event, Place

log = logging.getLogger(__name__)

#: Largest distance, in days, between two day-precision dates of the same event (issue 7: "within a day").
DAY_WINDOW = 1


@dataclass(frozen=True)
class DedupKey:
    """What a mention is matched on: ``key`` must be equal; ``day`` within :data:`DAY_WINDOW` when ``window``.

    ``day`` is the event date as a :class:`datetime.date` (first day of the month/year for coarser
    precisions), or None when neither the event nor its story has a date.
    """

    key: str
    day: date | None
    window: bool


def entity_key(e: Entity) -> str:
    """``"code/sector/org"`` of an entity (empty parts for None), e.g. ``"RUS/GOV/"``, ``"IGO//NATO"``."""
    return f"{e.code}/{e.sector or ''}/{e.org or ''}"


def side_key(entities: list[Entity]) -> str:
    """Order-free key of one side (actor or recipient): sorted distinct entity keys joined by ``+``; ``-``
    for an empty side."""
    return "+".join(sorted({entity_key(e) for e in entities})) or "-"


def place_key(p: Place | None) -> str:
    """``"gn:<geonameid>"``, else ``"<name lower>|<country>"``, else ``""`` for no place."""
    if p is None:
        return ""
    if p.geonameid is not None:
        return f"gn:{p.geonameid}"
    return f"{(p.name or '').strip().lower()}|{p.country or ''}"


def parse_event_date(value: str | None, precision: str | None = None) -> tuple[date | None, str | None]:
    """An event date string as (date, precision).

    ``"2015-05-19"`` → (2015-05-19, "day"); ``"2015-05"`` → (2015-05-01, "month"); ``"2015"`` →
    (2015-01-01, "year"). ``precision`` overrides the one read from the string's length. An unreadable
    string gives (None, None) and a debug log line, never an exception (a coder slip must not stop ingest).
    """
    if not value:
        return None, None
    s = value.strip()
    try:
        if len(s) >= 10:
            d, p = date.fromisoformat(s[:10]), "day"
        elif len(s) == 7:
            d, p = date(int(s[:4]), int(s[5:7]), 1), "month"
        elif len(s) == 4:
            d, p = date(int(s), 1, 1), "year"
        else:
            raise ValueError(s)
    except ValueError:
        log.debug("unreadable event date %r", value)
        return None, None
    return d, (precision or p)


def dedup_key(ev: Event, published: date | None) -> DedupKey:
    """The :class:`DedupKey` of one event mention (see the module doc for the rule).

    Args:
        ev: the coded event.
        published: the story's publication date, used when the event has no date of its own.
    """
    day, precision = parse_event_date(ev.date, ev.date_precision)
    if day is None:
        day, precision = published, "day" if published else None
    actors, recipients = side_key(ev.actor), side_key(ev.recipient)
    if ev.symmetric and recipients < actors:
        actors, recipients = recipients, actors
    window = precision in (None, "day")
    cls = "day" if window else f"{precision}:{ev.date}"
    parts = [ev.event, ev.modality or "asserted", actors, recipients, place_key(ev.event_loc), cls]
    sides = ev.actor + (ev.recipient if ev.symmetric else [])
    if not window or not any(e.code and e.code != "UNK" for e in sides):
        parts.append(f"story:{ev.story_id}")
    return DedupKey("|".join(parts), day, window)


def choose(candidates: list[tuple[date | None, str]], k: DedupKey) -> str | None:
    """The event id a mention with key ``k`` joins, among ``candidates`` = [(event day, event id)] that share
    ``k.key``; None when none is close enough.

    With a window, the nearest day within :data:`DAY_WINDOW` wins (ties: earlier day, then smaller id);
    a mention without a day matches only an event without a day. Without a window (month/year precision)
    the key already holds the date, so the smallest id wins.
    """
    best: tuple[int, date | None, str] | None = None
    for day, eid in candidates:
        if k.window and (day is None) != (k.day is None):
            continue
        dist = abs((day - k.day).days) if (k.window and day is not None and k.day is not None) else 0
        if dist > DAY_WINDOW:
            continue
        cand = (dist, day, eid)
        if best is None or (cand[0], cand[1] or date.min, cand[2]) < (best[0], best[1] or date.min, best[2]):
            best = cand
    return best[2] if best else None
