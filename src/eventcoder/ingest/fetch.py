"""Polite, bounded HTTP fetching (httpx) for feeds and article pages.

Every request has a User-Agent, connect/read timeouts, a total deadline, a size limit, a minimum delay
between two requests to the same host, and a bounded number of retries (with exponential back-off,
honouring a short ``Retry-After``) on timeouts, connection errors, HTTP 429 and 5xx. Anything that still
fails raises :class:`~eventcoder.article.InputError` naming the URL and the reason.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Self
from urllib.parse import urlsplit

from ..article import InputError
from .encoding import DEFAULT_MAX_BYTES, size_mb

log = logging.getLogger(__name__)

#: Default User-Agent: names the tool so site operators can recognise and contact it.
USER_AGENT = "eventcoder/0.1 (news event coder; +https://github.com/eventcoder/eventcoder)"

#: HTTP statuses worth retrying (RFC 9110 §15.6 server errors, RFC 6585 §4 "429 Too Many Requests").
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchOptions:
    """HTTP settings. ``timeout``: seconds for connecting and for each read; the whole request is also
    cut at ``4 * timeout``. ``retries``: further attempts after the first. ``delay``: seconds between two
    requests to the same host. ``backoff``: first retry wait in seconds, doubled each retry (a
    ``Retry-After`` up to ``max_retry_after`` seconds is honoured instead). ``max_bytes``: the largest
    response body accepted."""

    timeout: float = 10.0
    retries: int = 2
    delay: float = 1.0
    backoff: float = 1.0
    max_retry_after: float = 30.0
    user_agent: str = USER_AGENT
    max_bytes: int | None = DEFAULT_MAX_BYTES


@dataclass
class Response:
    """A fetched body: requested ``url``, ``final_url`` after redirects, HTTP ``status``, ``content_type``
    header, ``content`` bytes, ``fetched_at`` (UTC), and the ``etag``/``last_modified`` validators."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    content: bytes
    fetched_at: datetime
    etag: str | None = None
    last_modified: str | None = None


class _Retry(Exception):
    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class Fetcher:
    """A pooled HTTP client with the limits of :class:`FetchOptions`. Use as a context manager or call
    :meth:`close`. Not thread-safe (one fetcher per thread)."""

    def __init__(self, options: FetchOptions | None = None):
        import httpx

        self.options = options or FetchOptions()
        t = self.options.timeout
        self._client = httpx.Client(
            timeout=httpx.Timeout(t, connect=t),
            headers={"User-Agent": self.options.user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=True,
            max_redirects=5,
        )
        self._last: dict[str, float] = {}
        self.requests = 0

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def _wait_for_host(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self.options.delay - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
        self._last[host] = time.monotonic()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditionally, when validators are given: a 304 comes back with empty content).

        Raises:
            InputError: not an http(s) URL, the server does not answer in time, refuses, answers with an
                error status, or sends more than ``max_bytes``; after the allowed retries.
        """
        import httpx

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"{url}: not an http(s) URL")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        opts = self.options
        attempt = 0
        while True:
            self._wait_for_host(parts.hostname)
            try:
                return self._get_once(url, headers)
            except _Retry as r:
                if attempt >= opts.retries:
                    tries = f"{attempt + 1} attempt" + ("s" if attempt else "")
                    raise InputError(f"{url}: {r.reason} (after {tries})") from None
                wait = r.wait if r.wait is not None else opts.backoff * 2**attempt
                log.info("retrying %s in %.1fs: %s", url, wait, r.reason)
                time.sleep(wait)
                attempt += 1
            except httpx.HTTPError as err:  # not retried: bad URL, too many redirects, protocol errors
                raise InputError(f"{url}: request failed ({err.__class__.__name__}: {err})") from err

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        import httpx

        opts = self.options
        limit = opts.max_bytes or (1 << 62)
        deadline = time.monotonic() + 4 * opts.timeout
        self.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                if r.status_code in RETRY_STATUSES:
                    raise _Retry(f"HTTP {r.status_code}", self._retry_after(r))
                if r.status_code == 304:
                    body = b""
                elif r.status_code >= 400:
                    raise InputError(f"{url}: HTTP {r.status_code} {r.reason_phrase}".rstrip())
                else:
                    declared = r.headers.get("Content-Length")
                    if declared and declared.isdigit() and int(declared) > limit:
                        raise InputError(f"{url}: {size_mb(int(declared))}, over the {size_mb(limit)} "
                                         "size limit (--max-bytes)")
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in r.iter_bytes():
                        size += len(chunk)
                        if size > limit:
                            raise InputError(f"{url}: over the {size_mb(limit)} size limit (--max-bytes)")
                        if time.monotonic() > deadline:
                            raise _Retry(f"no complete answer within {4 * opts.timeout:g} s")
                        chunks.append(chunk)
                    body = b"".join(chunks)
                return Response(
                    url=url,
                    final_url=str(r.url),
                    status=r.status_code,
                    content_type=r.headers.get("Content-Type"),
                    content=body,
                    fetched_at=datetime.now(UTC),
                    etag=r.headers.get("ETag"),
                    last_modified=r.headers.get("Last-Modified"),
                )
        except httpx.TimeoutException as err:
            raise _Retry(f"no answer within {opts.timeout:g} s ({err.__class__.__name__})") from err
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as err:
            raise _Retry(f"connection failed ({err.__class__.__name__}: {err or 'no detail'})") from err

    def _retry_after(self, r) -> float | None:
        value = r.headers.get("Retry-After", "")
        if value.strip().isdigit():
            return min(float(value), self.options.max_retry_after)
        return None
