"""The HTTP API and dashboard: one FastAPI app over one :class:`~eventcoder.coder.Coder` and one event store.

Routes (OpenAPI at ``/docs``, schema at ``/openapi.json``):

``POST /v1/code``            code an article (``{"text"|"html", "published", "url", ...}``); nothing stored
``POST /v1/stories``         code and store it (201; 200 when the same story was already stored)
``GET  /v1/stories``         stored stories, newest first;  ``GET /v1/stories/{id}``: one, with its events
``GET  /v1/events``          stored events with the ``eventcoder events`` filters, paginated
``GET  /v1/dyads/{a}/{b}``   the dyad series (``eventcoder dyad``);  ``GET /v1/network``: the actor network
``GET  /v1/meta``, ``/v1/health``   ontology names for the dashboard; liveness
``GET  /``                   the dashboard (``static/``: plain HTML, JS and CSS, no CDN, works offline)

Limits and errors: request bodies over ``max_body_bytes`` get 413, bodies slower than ``timeout_s`` to
arrive and work (coding, queries) longer than ``timeout_s`` get 408. Every error is a JSON body
``{"error": {"code", "message"}}``: 400 malformed JSON or bad input (dates, HTML with no article),
404 unknown story or path, 403 writing to a read-only store, 413, 408, 422 a request that does not fit
the schema or an article the coder fails on. Malformed input never gives a 5xx.

Coding runs on one worker thread (the coder is shared and spaCy pipelines are not meant for concurrent
calls; requests queue, and one whose turn does not come within ``timeout_s`` is dropped unstarted).
Store access runs on another single thread, so the DuckDB connection is never used concurrently.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..article import Article, CodedArticle, EventcoderError, InputError
from ..store.db import DEFAULT_DB, EventStore
from ..store.query import EventFilter, check_cameo_prefixes, check_event_types, parse_date_bound
from . import models, views

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"

#: Default largest request body: 2 MB (a long news article is under 100 kB of text; HTML pages are larger).
DEFAULT_MAX_BODY_BYTES = 2_000_000
#: Default limit on receiving a body and on one piece of work (coding, a query), seconds.
DEFAULT_TIMEOUT_S = 30.0
#: Largest page of ``GET /v1/events`` and ``GET /v1/stories``, and the largest offset.
MAX_PAGE = 500
MAX_OFFSET = 100_000

_STATUS_CODES = {400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                 408: "timeout", 413: "too_large", 415: "unsupported_media_type", 422: "invalid_request",
                 500: "internal"}

#: The dashboard may load nothing from elsewhere (no CDN); Swagger UI at /docs needs its inline script.
_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")

T = TypeVar("T")


class ApiError(Exception):
    """An error answer: HTTP ``status``, short ``code`` and one-line ``message``."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON error body ``{"error": {"code", "message"}}`` with ``status``."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


class BodyLimitMiddleware:
    """ASGI middleware: refuse bodies over ``max_bytes`` (413) and bodies that take longer than
    ``timeout_s`` to arrive (408), whether or not a ``Content-Length`` header announces them."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout_s: float):
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await error_response(400, "bad_request", "Content-Length header is not a number")(
                    scope, receive, send)
                return
            if int(declared) > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
        received = 0
        deadline = time.monotonic() + self.timeout_s
        started = False

        async def limited_receive() -> Message:
            nonlocal received, deadline
            if deadline == float("inf"):  # the body is in: wait for a disconnect without a limit
                return await receive()
            try:
                msg = await asyncio.wait_for(receive(), max(0.001, deadline - time.monotonic()))
            except TimeoutError:
                raise StarletteHTTPException(408, f"request body not received within {self.timeout_s:g} s") \
                    from None
            if msg["type"] == "http.request":
                received += len(msg.get("body", b""))
                if received > self.max_bytes:
                    raise StarletteHTTPException(413, self._message())
                if not msg.get("more_body", False):
                    deadline = float("inf")  # the body is in; work has its own limit
            return msg

        async def watched_send(msg: Message) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, limited_receive, watched_send)
        except StarletteHTTPException as err:  # raised outside a route (e.g. while serving static files)
            if started or err.status_code not in (408, 413):
                raise
            await error_response(err.status_code, _STATUS_CODES[err.status_code], str(err.detail))(
                scope, receive, send)

    def _message(self) -> str:
        return f"request body larger than {self.max_bytes} bytes"

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        await error_response(413, "too_large", self._message(), headers={"Connection": "close"})(
            scope, receive, send)


@dataclass
class _State:
    coder: Any
    store: EventStore
    read_only: bool
    max_body_bytes: int
    timeout_s: float
    code_pool: ThreadPoolExecutor
    store_pool: ThreadPoolExecutor

    async def run(self, pool: ThreadPoolExecutor, what: str, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` on ``pool`` within ``timeout_s`` (408 otherwise; a queued call is cancelled)."""
        loop = asyncio.get_running_loop()
        fut = loop.run_in_executor(pool, functools.partial(fn, *args))
        try:
            return await asyncio.wait_for(fut, self.timeout_s)
        except TimeoutError:
            raise ApiError(408, "timeout", f"{what} took longer than {self.timeout_s:g} s") from None


def _story_id(req: models.CodeRequest) -> str:
    """The client's id, else ``web-`` + 16 hex digits of the SHA-1 of the input (same input, same id)."""
    if req.id:
        return req.id.strip()
    raw = (req.text if req.text is not None else req.html) or ""
    return "web-" + hashlib.sha1(raw.encode("utf-8", "replace")).hexdigest()[:16]


def build_article(req: models.CodeRequest) -> Article:
    """The :class:`Article` of a request: text through :func:`eventcoder.ingest.text.parse`, HTML through
    :func:`eventcoder.ingest.html.parse_html` (trafilatura).

    Raises:
        InputError: the text holds no article text, or the HTML is unreadable or has no article in it, or
            the article is longer than the readers accept (:func:`eventcoder.ingest.length_error`).
    """
    from ..ingest import length_error

    sid = _story_id(req)
    if req.text is not None:
        from ..ingest.text import parse

        art = parse(req.text, story_id=sid, source="request text", published=req.published, title=req.title,
                    url=req.url, publisher=req.publisher)
        if not art.text.strip():
            raise InputError("request text: no article text (only metadata lines)")
    else:
        from ..ingest.html import parse_html

        art = parse_html(req.html or "", "request html", url=req.url, story_id=sid, published=req.published)
        if req.id:
            art.id = sid  # the page's URL would give another id; the client's wins
        art.title = req.title or art.title
        art.publisher = req.publisher or art.publisher
    too_long = length_error(art, "request text" if req.text is not None else "request html")
    if too_long is not None:
        raise too_long
    return art


def _code(coder: Any, req: models.CodeRequest) -> tuple[CodedArticle, float]:
    art = build_article(req)
    t0 = time.perf_counter()
    try:
        coded = coder.code(art)
    except EventcoderError as err:
        raise ApiError(422, "coding_failed", f"story {art.id}: {err}") from err
    except Exception as err:  # any coder failure is the article's problem, never a 500
        log.warning("coding failed for story %s", art.id, exc_info=True)
        raise ApiError(422, "coding_failed",
                       f"story {art.id}: the coder failed on this article ({err.__class__.__name__}: {err})"
                       ) from err
    return coded, (time.perf_counter() - t0) * 1000


def _story_dict(art: Article) -> dict[str, Any]:
    return {"id": art.id, "text": art.text,
            "blocks": [{"kind": b.kind, "start": b.start, "end": b.end} for b in art.blocks],
            "published": art.published.isoformat() if art.published else None, "title": art.title,
            "url": art.url, "publisher": art.publisher, "dateline": art.dateline}


def coded_dict(coded: CodedArticle) -> dict[str, Any]:
    """A :class:`CodedArticle` as the ``CodeResponse`` dict (without ``elapsed_ms``): events as
    ``Event.to_dict()``, entities with their offsets and rule, quotes."""
    return {
        "story": _story_dict(coded.article),
        "events": [e.to_dict() for e in coded.events],
        "entities": [{**e.to_dict(), "start": e.start, "end": e.end, "rule": e.rule} for e in coded.entities],
        "quotes": [q.to_dict() for q in coded.quotes],
    }


def _undecodable_body_message(err: UnicodeDecodeError) -> str:
    """One line for a request body that is not UTF-8: the first bad byte and its offset."""
    bad = err.object[err.start:err.start + 1]
    where = f"byte 0x{bad[0]:02x} at offset {err.start}" if bad else err.reason
    return f"request body is not valid JSON: not UTF-8 ({where})"


def _validation_message(err: RequestValidationError) -> tuple[int, str, str]:
    errors = err.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        first = next(e for e in errors if e.get("type") == "json_invalid")
        detail = (first.get("ctx") or {}).get("error", "")
        return 400, "malformed_json", f"request body is not valid JSON ({detail})".replace(" ()", "")
    parts = []
    for e in errors[:3]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x != "body") or "body"
        msg = str(e.get("msg", "invalid")).removeprefix("Value error, ")
        if e.get("type") in ("model_attributes_type", "dict_type") and loc == "body":
            msg = "expected a JSON object (send Content-Type: application/json)"
        parts.append(f"{loc}: {msg}")
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    return 422, "invalid_request", "; ".join(parts) + more


# -- dependencies ------------------------------------------------------------------------------------------


def event_filter(
    actor: Annotated[list[str], Query(description="actor side carries one of these tags (USA, RUSGOV, NATO)",
                                      max_length=20)] = [],  # noqa: B006 - FastAPI query list default
    recipient: Annotated[list[str], Query(description="recipient side carries one of these tags",
                                          max_length=20)] = [],  # noqa: B006
    party: Annotated[list[str], Query(description="either side carries one of these tags",
                                      max_length=20)] = [],  # noqa: B006
    undirected: Annotated[bool, Query(description="with actor and recipient, also the reverse")] = False,
    event_type: Annotated[list[str], Query(alias="type", description="PLOVER event types",
                                           max_length=20)] = [],  # noqa: B006
    cameo: Annotated[list[str], Query(description="CAMEO code prefixes (04: every consult code)",
                                      max_length=20)] = [],  # noqa: B006
    quad: Annotated[list[int], Query(description="quad classes 1..4", max_length=4)] = [],  # noqa: B006
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD", max_length=10)] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)",
                                       max_length=10)] = None,
    place: Annotated[str | None, Query(description="place name or ISO3 country", max_length=200)] = None,
    min_mentions: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    story: Annotated[str | None, Query(description="only events this story mentions", max_length=200)] = None,
) -> EventFilter:
    """The :class:`EventFilter` of the query parameters (``type`` is the PLOVER event type).

    Raises:
        ApiError: 422 for a quad class outside 1..4, an unknown event type, a CAMEO prefix that is not 1 to 4
            digits, or an over-long value.
        InputError: a malformed ``since``/``until`` (400).
    """
    bad = [q for q in quad if q not in (1, 2, 3, 4)]
    if bad:
        raise ApiError(422, "invalid_request", f"quad: {bad[0]} is not a quad class (1..4)")
    for name, values in (("actor", actor), ("recipient", recipient), ("party", party), ("type", event_type),
                         ("cameo", cameo)):
        for v in values:
            if len(v) > 50:
                raise ApiError(422, "invalid_request", f"{name}: value longer than 50 characters")
    for name, check, values in (("type", check_event_types, event_type),
                                ("cameo", check_cameo_prefixes, cameo)):
        try:  # an unknown type or code would select nothing, as if the store were empty
            check(values)
        except InputError as err:
            raise ApiError(422, "invalid_request", f"{name}: {err}") from None
    return EventFilter(actor=actor, recipient=recipient, party=party, undirected=undirected,
                       event=event_type, cameo=cameo, quad=quad,
                       since=parse_date_bound(since) if since else None,
                       until=parse_date_bound(until, end=True) if until else None,
                       place=place or None, min_mentions=min_mentions, story=story or None)

Filter = Annotated[EventFilter, Depends(event_filter)]
Tag = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9_]{1,30}$", description="actor tag (USA, RUSGOV, NATO)")]


def create_app(db_path: str | Path = DEFAULT_DB, coder: Any = None,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, timeout_s: float = DEFAULT_TIMEOUT_S,
               read_only: bool = False) -> FastAPI:
    """Build the app.

    Args:
        db_path: the DuckDB event store (created unless ``read_only``; ``":memory:"`` for a throw-away one).
        coder: a loaded :class:`~eventcoder.coder.Coder` (or anything with
            ``.code(Article) -> CodedArticle``); default: load one now (a few seconds). One coder serves
            the whole process; its lazily loaded parts (the gazetteer) are loaded here too.
        max_body_bytes: largest request body; larger ones get 413.
        timeout_s: limit, in seconds, on receiving a body and on each piece of work; past it, 408.
        read_only: open the store read-only (``POST /v1/stories`` then answers 403); several processes
            may then serve the same file.

    Raises:
        InputError: the store cannot be opened (missing for ``read_only``, locked, not an event store).
    """
    if max_body_bytes < 1 or timeout_s <= 0:
        raise InputError(f"limits: max_body_bytes {max_body_bytes} and timeout_s {timeout_s} "
                         "must be positive")
    store = EventStore(db_path, read_only=read_only)
    try:
        if not read_only:
            views.ensure_text_table(store)
        if coder is None:
            from ..coder import Coder

            coder = Coder()
        _warm_up(coder)
    except BaseException:
        store.close()
        raise
    state = _State(coder=coder, store=store, read_only=read_only, max_body_bytes=max_body_bytes,
                   timeout_s=timeout_s, code_pool=ThreadPoolExecutor(1, thread_name_prefix="eventcoder-code"),
                   store_pool=ThreadPoolExecutor(1, thread_name_prefix="eventcoder-store"))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        state.code_pool.shutdown(wait=False, cancel_futures=True)
        state.store_pool.submit(store.close).result()
        state.store_pool.shutdown(wait=True)

    app = FastAPI(
        title="eventcoder",
        version=__version__,
        summary="News articles in, PLOVER political event data out.",
        description="Code articles into PLOVER events (who did what to whom, when, where, according to "
                    "whom), store them, and query events, dyads and actor networks. Errors are "
                    '`{"error": {"code", "message"}}`.',
        docs_url=None, redoc_url=None, lifespan=lifespan,
        responses={400: {"model": models.ErrorResponse}, 408: {"model": models.ErrorResponse},
                   413: {"model": models.ErrorResponse}, 422: {"model": models.ErrorResponse}},
    )
    app.state.eventcoder = state
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes, timeout_s=timeout_s)

    # -- errors ------------------------------------------------------------------------------------------
    @app.exception_handler(ApiError)
    async def _api_error(_req: Request, err: ApiError) -> JSONResponse:
        return error_response(err.status, err.code, err.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_req: Request, err: RequestValidationError) -> JSONResponse:
        return error_response(*_validation_message(err))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_req: Request, err: StarletteHTTPException) -> JSONResponse:
        if err.status_code == 400 and isinstance(err.__cause__, UnicodeDecodeError):
            # FastAPI turns a body it cannot decode into "There was an error parsing the body"
            return error_response(400, "malformed_json", _undecodable_body_message(err.__cause__))
        code = _STATUS_CODES.get(err.status_code, "error")
        message = str(err.detail) if err.detail else code.replace("_", " ")
        if err.status_code == 404 and err.detail == "Not Found":
            message = f"no such path: {_req.url.path}"
        return error_response(err.status_code, code, message, headers=getattr(err, "headers", None))

    @app.exception_handler(EventcoderError)
    async def _input(_req: Request, err: EventcoderError) -> JSONResponse:
        return error_response(400, "bad_input", str(err))

    @app.exception_handler(Exception)
    async def _internal(_req: Request, err: Exception) -> JSONResponse:
        log.error("internal error on %s %s", _req.method, _req.url.path, exc_info=err)
        return error_response(500, "internal",
                              f"internal error ({err.__class__.__name__}); see the server log")

    # -- routes --------------------------------------------------------------------------------------------
    @app.get("/v1/health", tags=["meta"])
    async def health() -> dict[str, Any]:
        """Liveness: ``{"status": "ok", "version", "read_only"}``."""
        return {"status": "ok", "version": __version__, "read_only": state.read_only}

    @app.get("/v1/meta", tags=["meta"], response_model=models.MetaResponse)
    async def meta() -> dict[str, Any]:
        """PLOVER event types (PLOVER manual 2.0), quad class names and CAMEO code names (CAMEO 1.1b3) for
        labels and tooltips, and the server's limits."""
        return _meta(state)

    @app.post("/v1/code", tags=["coding"], response_model=models.CodeResponse)
    async def code(req: models.CodeRequest) -> dict[str, Any]:
        """Code one article and return its events, entities and quotes. Nothing is stored."""
        coded, ms = await state.run(state.code_pool, "coding", _code, state.coder, req)
        return {**coded_dict(coded), "elapsed_ms": round(ms, 1)}

    @app.post("/v1/stories", tags=["stories"], response_model=models.StoryResponse, status_code=201,
              responses={200: {"model": models.StoryResponse, "description": "already stored, unchanged"},
                         403: {"model": models.ErrorResponse}})
    async def add_story(req: models.CodeRequest) -> JSONResponse:
        """Code one article and store it (events deduplicated against the store). 201 when stored, 200
        when the same story (id and content) was already there; the body is the stored story, with
        ``replaced`` true when a stored story of the same id but other content gave way to it."""
        if state.read_only:
            raise ApiError(403, "read_only", f"{state.store.path}: the store is open read-only")
        coded, _ms = await state.run(state.code_pool, "coding", _code, state.coder, req)

        def store_it() -> tuple[bool, bool, dict[str, Any] | None]:
            before = state.store.stats.stories_replaced
            added = state.store.add(coded)
            views.save_text(state.store, coded.article)
            replaced = state.store.stats.stories_replaced > before
            return added, replaced, views.get_story(state.store, coded.article.id)

        added, replaced, story = await state.run(state.store_pool, "storing", store_it)
        body = models.StoryResponse.model_validate({**(story or {}), "stored": added, "replaced": replaced})
        return JSONResponse(body.model_dump(mode="json"), status_code=201 if added else 200)

    @app.get("/v1/stories", tags=["stories"], response_model=models.StoryList)
    async def stories(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                      offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> dict[str, Any]:
        """Stored stories, most recently stored first."""
        return await state.run(state.store_pool, "listing stories", views.list_stories, state.store, limit,
                               offset)

    @app.get("/v1/stories/{story_id:path}", tags=["stories"], response_model=models.StoryResponse,
             responses={404: {"model": models.ErrorResponse}})
    async def story(story_id: str) -> dict[str, Any]:
        """One stored story: metadata, text (when stored through this API), entities, quotes and its event
        mentions, each with the deduplicated ``event_id`` it belongs to."""
        found = await state.run(state.store_pool, "reading the story", views.get_story, state.store, story_id)
        if found is None:
            raise ApiError(404, "not_found", f"story {story_id!r}: not in the store")
        return found

    @app.get("/v1/events", tags=["events"], response_model=models.EventPage)
    async def events(flt: Filter, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                     offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> dict[str, Any]:
        """Stored (deduplicated) events matching the filters of ``eventcoder events``, in date order."""
        return await state.run(state.store_pool, "the event query", views.events_page, state.store, flt,
                               limit, offset)

    @app.get("/v1/dyads/{a}/{b}", tags=["analysis"], response_model=models.DyadResponse)
    async def dyad(a: Tag, b: Tag,
                   freq: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
                   since: Annotated[str | None, Query(max_length=10)] = None,
                   until: Annotated[str | None, Query(max_length=10)] = None,
                   weight: Annotated[str, Query(pattern="^(events|mentions)$")] = "events") -> dict[str, Any]:
        """Both directions of the dyad A–B per period: event and mention counts, counts per quad class,
        mean Goldstein and PLOVER scores (as ``eventcoder dyad``)."""
        lo = parse_date_bound(since) if since else None
        hi = parse_date_bound(until, end=True) if until else None
        return await state.run(state.store_pool, "the dyad query", views.dyad, state.store, a, b, freq, lo,
                               hi, weight)

    @app.get("/v1/network", tags=["analysis"], response_model=models.NetworkResponse)
    async def network(flt: Filter, level: Annotated[str, Query(pattern="^(country|sector)$")] = "country",
                      top: Annotated[int, Query(ge=2, le=200)] = 25) -> dict[str, Any]:
        """The actor network of the selected events: the ``top`` actors by events and the ties among them."""
        return await state.run(state.store_pool, "the network query", views.network, state.store, flt,
                               level, top)

    # -- dashboard and docs ----------------------------------------------------------------------------------
    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers={"Content-Security-Policy": _CSP,
                                                                 "Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    swagger = _swagger_dir()
    if swagger is not None:
        app.mount("/docs-assets", StaticFiles(directory=swagger), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs():
        if swagger is None:  # pragma: no cover - swagger-ui-py is a dependency
            return get_swagger_ui_html(openapi_url="/openapi.json", title="eventcoder API")
        return get_swagger_ui_html(openapi_url="/openapi.json", title="eventcoder API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    return app


def _warm_up(coder: Any) -> None:
    """Load what the coder loads lazily (the gazetteer, a few seconds) now, not on the first request."""
    try:
        getattr(coder, "gazetteer", None)
    except Exception:  # no gazetteer: events simply get no place
        log.warning("gazetteer could not be loaded; events will have no place", exc_info=True)


def _swagger_dir() -> Path | None:
    """Swagger UI's files from the ``swagger-ui-py`` package (Apache-2.0), so /docs works offline too."""
    try:
        import swagger_ui
    except ImportError:
        log.warning("swagger-ui-py not installed: /docs loads Swagger UI from its CDN")
        return None
    d = Path(swagger_ui.__file__).resolve().parent / "static"
    return d if (d / "swagger-ui-bundle.js").exists() else None


@functools.cache
def _ontology_names() -> tuple[list[str], dict[int, str], dict[str, str]]:
    from .. import ontology

    names = {c: ontology.cameo(c).name for c in ontology.cameo_codes()}
    return list(ontology.EVENT_TYPES), dict(ontology.QUAD_NAMES), names


def _meta(state: _State) -> dict[str, Any]:
    types, quads, cameo = _ontology_names()
    return {"version": __version__, "event_types": types, "quad_classes": quads, "cameo_names": cameo,
            "read_only": state.read_only, "max_body_bytes": state.max_body_bytes,
            "timeout_s": state.timeout_s}
