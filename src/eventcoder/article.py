"""The typed document every stage reads and enriches, and the coded records it produces.

An :class:`Article` is what ingest makes: the article text (title, captions and body joined, with
:class:`TextBlock` offsets saying which part is which) and its metadata. A :class:`CodedArticle` is what
:func:`eventcoder.coder.code_article` returns: the article with its entities, events and quotes.

All character offsets are Python string indices into ``Article.text`` (end exclusive).
The output field names follow the PLOVER JSON spec (``plover_json_fields.json``) and DESIGN.md §4.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

#: Kinds of text block. Only ``body`` and ``title``/``caption`` text are coded; ``dateline`` is a place.
BLOCK_KINDS = ("title", "caption", "dateline", "body")


class EventcoderError(Exception):
    """Root of every error this package raises on purpose. ``str(err)`` is one line for the user."""


class InputError(EventcoderError):
    """An input (file, record, request) cannot be read. The message names the input and the reason."""


@dataclass(frozen=True)
class TextBlock:
    """One part of the article text: ``kind`` in :data:`BLOCK_KINDS`, ``[start, end)`` offsets into ``Article.text``."""

    kind: str
    start: int
    end: int


@dataclass
class Article:
    """A news story as read from its source.

    Attributes:
        id: story id (the input's ``id`` field, or the file name).
        text: title, captions and body paragraphs joined by blank lines; every offset points into this.
        blocks: which span of ``text`` is title, caption, dateline or body (in text order).
        published: publication date, or None when unknown.
        title, url, publisher, dateline (the place name of a "BRUSSELS —" dateline, upper case as written),
        language (ISO 639-1 when known).
        source: where it was read from (file path, URL), for error messages.
    """

    id: str
    text: str
    blocks: list[TextBlock] = field(default_factory=list)
    published: date | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    dateline: str | None = None
    language: str | None = None
    source: str | None = None

    def block_at(self, offset: int) -> str:
        """Kind of the block that holds character ``offset``; ``body`` when no block covers it."""
        for b in self.blocks:
            if b.start <= offset < b.end:
                return b.kind
        return "body"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready record (``published`` as ISO date string)."""
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d


@dataclass
class Entity:
    """A resolved actor or recipient (DESIGN.md §4 ``Entity``).

    ``code`` is ISO 3166 alpha-3, a PLOVER non-state code (IGO, UNO, EUR, NGO, ISM, IMG, MNC) or ``UNK``
    when nothing resolves it; ``sector`` a PLOVER sector code (PLOVER manual 2.0, §Sector codes) or None;
    ``org`` the organisation's short name (``"NATO"``); ``name`` the canonical person or organisation
    name; ``identifier_id`` a Wikidata QID. ``start``/``end`` locate the words in the article text;
    ``rule`` says what resolved it (for explanations).
    """

    entity_text: str
    code: str = "UNK"
    sector: str | None = None
    org: str | None = None
    name: str | None = None
    identifier_id: str | None = None
    start: int = -1
    end: int = -1
    rule: str | None = None

    def key(self) -> tuple[str, str | None, str | None]:
        """Identity used for merging and dyads: (code, sector, org)."""
        return (self.code, self.sector, self.org)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_text": self.entity_text,
            "code": self.code,
            "sector": self.sector,
            "org": self.org,
            "name": self.name,
            "identifier_id": self.identifier_id,
        }


@dataclass
class Place:
    """A gazetteer place: ``country`` ISO3, ``lat``/``lon`` in decimal degrees (WGS84), GeoNames id."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None
    feature: str | None = None  # "country", "city", "admin1"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "admin1": self.admin1,
        }


@dataclass
class Quote:
    """A direct quotation: ``text`` without the marks, its offsets, and its speaker (or None)."""

    text: str
    start: int
    end: int
    speaker: Entity | None = None
    speaker_text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_text": self.speaker_text,
        }


@dataclass
class Event:
    """One coded event (DESIGN.md §4; PLOVER JSON fields).

    ``event`` is a PLOVER type (PLOVER manual 2.0); ``cameo`` a CAMEO code string ("1056"); ``goldstein``
    in [-10, 10]; ``quad_code`` 1..4 (verbal coop, material coop, verbal conflict, material conflict);
    ``plover_score`` the manual's conflict-cooperation score. ``date`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    with ``date_precision`` day/month/year and ``date_source`` "clause" or "story". ``start``/``end`` are
    the evidence span (the clause) in the article text; ``sequence`` the sentence index.
    """

    story_id: str
    event: str
    actor: list[Entity]
    recipient: list[Entity]
    event_text: str
    sequence: int
    start: int
    end: int
    sentence: str
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    quad_code: int | None = None
    plover_score: float | None = None
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    event_loc: Place | None = None
    modality: str = "asserted"
    speaker: Entity | None = None
    quoted: bool = False
    confidence: float = 0.5
    explanation: str = ""
    symmetric: bool = False
    block: str = "body"
    cite_info: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Stable id: SHA-1 of story id, sentence index, event type and actor/recipient codes (16 hex chars)."""
        parts = [
            self.story_id,
            str(self.sequence),
            self.event,
            ",".join(sorted(f"{e.code}{e.sector or ''}{e.org or ''}" for e in self.actor)),
            ",".join(sorted(f"{e.code}{e.sector or ''}{e.org or ''}" for e in self.recipient)),
        ]
        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The output record of DESIGN.md §4 (JSON-ready)."""
        return {
            "id": self.id,
            "story_id": self.story_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "event": self.event,
            "mode": list(self.mode),
            "context": list(self.context),
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "event_loc": self.event_loc.to_dict() if self.event_loc else None,
            "event_text": self.event_text,
            "text_info": {
                "sequence": self.sequence,
                "start": self.start,
                "end": self.end,
                "sentence": self.sentence,
                "block": self.block,
            },
            "quad_code": self.quad_code,
            "plover_score": self.plover_score,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "modality": self.modality,
            "attribution": {
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "quoted": self.quoted,
            },
            "confidence": round(self.confidence, 3),
            "explanation": self.explanation,
            "cite_info": dict(self.cite_info),
        }


@dataclass
class CodedArticle:
    """What coding one article yields: the article, its resolved entities, events and direct quotes."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
