"""Pydantic models of the HTTP API (the only place the project uses pydantic: the API boundary).

Response models mirror the records of :mod:`eventcoder.article` as their ``to_dict()`` methods write them
(DESIGN.md §4 output contract); they allow extra fields so a record from the store, which adds
``num_mentions`` and friends, passes through unchanged.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: Longest story id a client may choose (ids appear in URLs and file names).
MAX_ID_CHARS = 200


class ErrorBody(BaseModel):
    """``code``: a short machine-readable reason (``invalid_request``, ``too_large``, ``timeout``...);
    ``message``: one line for a person, naming the input and the reason."""

    code: str
    message: str


class ErrorResponse(BaseModel):
    """Every 4xx/5xx answer of the API: ``{"error": {"code", "message"}}``."""

    error: ErrorBody


class CodeRequest(BaseModel):
    """An article to code: exactly one of ``text`` (plain text; a ``# Title`` first line, a date line,
    captions and a ``BRUSSELS —`` dateline are recognised as in ``eventcoder extract``) or ``html`` (a
    news page; its main text and metadata are extracted with trafilatura).

    ``published`` (ISO date) anchors relative dates ("on Tuesday"); for text it wins over a date line in
    the text, for HTML the page's own date wins. ``id`` names the story (default: a hash of the input).
    """

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="plain-text article")
    html: str | None = Field(default=None, description="HTML page of an article")
    published: date | None = Field(default=None, description="publication date, YYYY-MM-DD")
    url: str | None = Field(default=None, max_length=2000, description="where the article was published")
    title: str | None = Field(default=None, max_length=1000, description="headline, if not in the text")
    publisher: str | None = Field(default=None, max_length=200, description="publication name")
    id: str | None = Field(default=None, min_length=1, max_length=MAX_ID_CHARS,
                           pattern=r"^[^\x00-\x1f/?#]+$", description="story id (default: hash of input)")

    @model_validator(mode="after")
    def _one_input(self) -> CodeRequest:
        given = [k for k in ("text", "html") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'text' or 'html'")
        if not getattr(self, given[0]).strip():
            raise ValueError(f"'{given[0]}' is empty")
        return self


class EntityOut(BaseModel):
    """An actor, recipient or speaker (DESIGN.md §4 ``Entity``)."""

    model_config = ConfigDict(extra="allow")

    entity_text: str
    code: str
    sector: str | None = None
    org: str | None = None
    name: str | None = None
    identifier_id: str | None = None


class EntitySpanOut(EntityOut):
    """A resolved entity mention with its place in the article text (``[start, end)`` character offsets)
    and the ``rule`` that resolved it."""

    start: int
    end: int
    rule: str | None = None


class QuoteOut(BaseModel):
    """A direct quotation with its offsets and speaker."""

    text: str
    start: int
    end: int
    speaker: EntityOut | None = None
    speaker_text: str | None = None


class PlaceOut(BaseModel):
    """Event location (GeoNames gazetteer; ``country`` ISO3, ``lat``/``lon`` decimal degrees)."""

    model_config = ConfigDict(extra="allow")

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None


class TextInfo(BaseModel):
    """The evidence: sentence index, ``[start, end)`` offsets of the evidence span in the article text."""

    model_config = ConfigDict(extra="allow")

    sequence: int
    start: int
    end: int
    sentence: str
    block: str | None = None


class Attribution(BaseModel):
    speaker: EntityOut | None = None
    quoted: bool = False


class EventOut(BaseModel):
    """One coded event: the DESIGN.md §4 record (``Event.to_dict()``); ``explanation`` names the rule."""

    model_config = ConfigDict(extra="allow")

    id: str
    story_id: str
    date: str | None = None
    date_precision: str | None = None
    event: str
    mode: list[str] = []
    context: list[str] = []
    actor: list[EntityOut] = []
    recipient: list[EntityOut] = []
    event_loc: PlaceOut | None = None
    event_text: str = ""
    text_info: TextInfo
    quad_code: int | None = None
    plover_score: float | None = None
    cameo: str | None = None
    goldstein: float | None = None
    modality: str = "asserted"
    attribution: Attribution = Attribution()
    confidence: float = 0.5
    explanation: str = ""
    cite_info: dict[str, Any] = {}


class StoredEventOut(EventOut):
    """A deduplicated stored event: its first mention's record with ``id`` = the event id, plus counts
    (GDELT-style ``num_mentions``/``num_sources``/``num_articles``) and the stories that report it."""

    num_mentions: int = 1
    num_sources: int = 1
    num_articles: int = 1
    first_seen: str | None = None
    last_seen: str | None = None
    story_ids: list[str] = []
    mentions: list[str] = []


class BlockOut(BaseModel):
    kind: str
    start: int
    end: int


class StoryOut(BaseModel):
    """Article metadata and text (``text`` is None for a stored story ingested without the web API)."""

    id: str
    text: str | None = None
    blocks: list[BlockOut] = []
    published: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    dateline: str | None = None


class CodeResponse(BaseModel):
    """The coded article: story, events (text order), entities (text order) and quotes."""

    story: StoryOut
    events: list[EventOut]
    entities: list[EntitySpanOut]
    quotes: list[QuoteOut]
    elapsed_ms: float = Field(description="coding time on the server, milliseconds")


class StoredMentionOut(EventOut):
    """An event mention of a stored story (its own record) and the deduplicated ``event_id`` it joined."""

    event_id: str


class StoryResponse(BaseModel):
    """A stored story. ``stored`` (POST only): False when the same story was already stored unchanged;
    ``replaced`` (POST only): True when it replaced a stored story of the same id and other content."""

    story: StoryOut
    events: list[StoredMentionOut]
    entities: list[EntitySpanOut]
    quotes: list[QuoteOut]
    stored: bool | None = None
    replaced: bool | None = None


class StorySummary(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    n_events: int = 0
    ingested_at: str | None = None


class StoryList(BaseModel):
    total: int
    limit: int
    offset: int
    stories: list[StorySummary]


class EventPage(BaseModel):
    """One page of stored events: ``total`` matching, ``events`` from ``offset`` (date order)."""

    total: int
    limit: int
    offset: int
    events: list[StoredEventOut]


class DyadPoint(BaseModel):
    """One period and direction of a dyad series (``period``: first day, ISO date)."""

    period: str
    direction: str
    events: int
    mentions: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_mean: float | None = None
    plover_mean: float | None = None


class DyadResponse(BaseModel):
    a: str
    b: str
    freq: str
    directions: list[str]
    series: list[DyadPoint]


class NetworkActor(BaseModel):
    actor: str
    events: int
    degree: int
    out_events: int
    in_events: int


class NetworkTie(BaseModel):
    actor: str
    recipient: str
    events: int
    mentions: int
    coop: int
    conflict: int
    goldstein_mean: float | None = None


class NetworkResponse(BaseModel):
    level: str
    actors: list[NetworkActor]
    ties: list[NetworkTie]


class MetaResponse(BaseModel):
    """Ontology facts the dashboard shows: PLOVER types, quad class names, CAMEO code names."""

    version: str
    event_types: list[str]
    quad_classes: dict[int, str]
    cameo_names: dict[str, str]
    read_only: bool
    max_body_bytes: int
    timeout_s: float
