"""RSS/Atom feeds (feedparser), fetching the articles they link to, and the watch loop's memory.

* :func:`parse_feed` turns feed bytes into :class:`FeedEntry` records (link, title, date, content).
* :func:`read_feed_file` makes articles of a *local* feed file from the entries' own content (no
  network); entries with only a short summary are skipped with a reason.
* :class:`Watcher` polls feed URLs, fetches each new linked page once (never twice, across polls and
  across runs: the fetched URLs are kept in a small SQLite side file), extracts it
  (:func:`eventcoder.ingest.html.parse_html`), checks its language and duplicates, and yields the
  articles. :func:`read_url` does the same for one URL given to ``eventcoder read`` (a page or a feed).

feedparser is only ever given bytes, never a string: given a string it may open a URL or a local file.
"""

from __future__ import annotations

import calendar
import logging
import sqlite3
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Self

from ..article import Article, InputError
from . import text as text_reader
from .dedup import Deduplicator, canonical_url
from .encoding import DEFAULT_MAX_BYTES, check_size, decode_bytes
from .fetch import Fetcher, FetchOptions
from .html import DEFAULT_OPTIONS, HtmlOptions, parse_html, story_id_for
from .lang import check as check_language
from .report import SkipNotice, one_line, tidy

log = logging.getLogger(__name__)

#: Shortest entry content (characters of text) that a local feed file's entry must have to be an article.
MIN_ENTRY_CHARS = 200


@dataclass
class FeedEntry:
    """One feed item: ``link`` (the article URL), ``title``, ``published`` date (UTC), ``entry_id``
    (guid/id), ``content`` (HTML or text of ``content:encoded``/``<content>``, else the summary)."""

    link: str | None
    title: str | None
    published: date | None
    entry_id: str | None
    content: str | None


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes hold an RSS, Atom or RDF root element."""
    h = head[:2048].lower()
    return b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h


def parse_feed(data: bytes, name: str) -> list[FeedEntry]:
    """Entries of an RSS 0.9x/1.0/2.0 or Atom feed.

    Raises:
        InputError: the bytes are not a feed (feedparser finds no feed version and no entries).
    """
    import feedparser

    if not isinstance(data, bytes):
        raise TypeError("parse_feed takes bytes")
    try:
        parsed = feedparser.parse(data)
    except Exception as err:  # feedparser should not raise, but a batch must survive it
        raise InputError(f"{name}: unreadable feed ({err.__class__.__name__}: {err})") from err
    if not parsed.get("version") and not parsed.get("entries"):
        reason = parsed.get("bozo_exception")
        raise InputError(f"{name}: not an RSS/Atom feed{f' ({reason})' if reason else ''}")
    out = []
    for e in parsed.entries:
        when = e.get("published_parsed") or e.get("updated_parsed")
        pub = None
        if when:
            try:
                pub = datetime.fromtimestamp(calendar.timegm(when), UTC).date()
            except (OverflowError, ValueError, OSError):
                pub = None
        content = None
        if e.get("content"):
            content = "\n".join(c.get("value", "") for c in e.content if c.get("value"))
        content = content or e.get("summary")
        out.append(FeedEntry(link=e.get("link"), title=e.get("title"), published=pub,
                             entry_id=e.get("id"), content=content))
    return out


def _entry_text(content: str) -> list[str]:
    """Paragraph texts of an entry's HTML (or plain) content."""
    import lxml.html

    if "<" not in content:
        return [p.strip() for p in content.split("\n\n") if p.strip()]
    try:
        root = lxml.html.fragment_fromstring(content, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several types on junk
        return []
    paras = []
    for el in root.iter("p", "li", "blockquote", "h2", "h3"):
        t = " ".join(el.text_content().split())
        if t:
            paras.append(t)
    if not paras:
        t = " ".join(root.text_content().split())
        paras = [t] if t else []
    return paras


def read_feed_file(data: bytes, name: str) -> Iterator[Article | InputError]:
    """Articles made from the entries of a local feed file (their full content, when the feed has it).

    Raises:
        InputError: not a feed.
    """
    entries = parse_feed(data, name)
    if not entries:  # a valid feed with nothing in it: say so rather than print nothing
        yield SkipNotice(name, "the feed has no entries", kind="empty feed")
    for n, entry in enumerate(entries, 1):
        where = f"{name} [{one_line(entry.link, 200) or f'entry {n}'}]"
        paras = _entry_text(entry.content or "")
        if sum(len(p) for p in paras) < MIN_ENTRY_CHARS:
            yield SkipNotice(where, "feed entry has no full text (eventcoder watch fetches the page)",
                             kind="feed entry without text")
            continue
        title = " ".join((entry.title or "").split()) or None
        raw = (f"# {title}\n\n" if title else "") + "\n\n".join(paras)
        yield text_reader.parse(raw, story_id=story_id_for(entry.link, f"{Path(name).stem}:{n}"),
                                source=where, published=entry.published, title=title, url=entry.link)


class _Table(MutableMapping):
    """A two-column SQLite table (key → value) seen as a dict; every write is committed."""

    def __init__(self, con: sqlite3.Connection, table: str):
        self.con, self.table = con, table
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value TEXT, at TEXT)")

    def __getitem__(self, key: str) -> str:
        row = self.con.execute(f"SELECT value FROM {self.table} WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return row[0]

    def __setitem__(self, key: str, value: str) -> None:
        self.con.execute(f"INSERT OR REPLACE INTO {self.table} VALUES (?, ?, ?)",
                         (key, value, datetime.now(UTC).isoformat(timespec="seconds")))
        self.con.commit()

    def __delitem__(self, key: str) -> None:
        self.con.execute(f"DELETE FROM {self.table} WHERE key = ?", (key,))
        self.con.commit()

    def __iter__(self):
        return (r[0] for r in self.con.execute(f"SELECT key FROM {self.table}").fetchall())

    def __len__(self) -> int:
        return self.con.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0]


class WatchState:
    """What ``eventcoder watch`` remembers between polls and runs, in an SQLite file.

    Tables: ``fetched`` (URL → outcome: an article id, ``"error"`` or ``"skipped"``), ``urls`` and
    ``texts`` (canonical URL / text fingerprint → article id, for :class:`Deduplicator`), ``feeds``
    (feed URL → ``"etag\\tlast-modified"`` validators for conditional GETs). ``path`` None keeps it
    in memory.
    """

    def __init__(self, path: str | Path | None = None):
        self.con = sqlite3.connect(str(path) if path else ":memory:")
        self.fetched = _Table(self.con, "fetched")
        self.urls = _Table(self.con, "urls")
        self.texts = _Table(self.con, "texts")
        self.feeds = _Table(self.con, "feeds")

    def close(self) -> None:
        """Close the file."""
        self.con.close()

    @staticmethod
    def path_for(db: str | Path) -> Path:
        """The side file kept next to a store database: ``<db>.watch.sqlite``."""
        db = Path(db)
        return db.with_name(db.name + ".watch.sqlite")


def _url_key(url: str) -> str:
    return canonical_url(url) or url


class Watcher:
    """Polls feeds and yields each new article once.

    Args:
        feeds: feed URLs.
        state: the memory (fetched URLs, duplicates, feed validators); in memory by default.
        fetch: HTTP settings (timeouts, retries, delay per host, User-Agent, size limit).
        html: extraction settings.
        languages: languages to keep (others are skipped with a reason); None keeps all.
    """

    def __init__(self, feeds: list[str], state: WatchState | None = None, fetch: FetchOptions | None = None,
                 html: HtmlOptions = DEFAULT_OPTIONS, languages: tuple[str, ...] | None = ("en",)):
        self.feeds = list(feeds)
        self.state = state or WatchState()
        self.fetcher = Fetcher(fetch)
        self.html = html
        self.languages = languages
        self.dedup = Deduplicator(self.state.urls, self.state.texts)

    def close(self) -> None:
        """Close the HTTP client (the state is the caller's)."""
        self.fetcher.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def poll(self) -> Iterator[Article | InputError]:
        """One pass over every feed: new articles, and an InputError/SkipNotice per failed or skipped
        feed or page. Pages already fetched (by canonical URL, before or after redirects) are not
        fetched again."""
        for feed_url in self.feeds:
            try:
                entries = self._feed_entries(feed_url)
            except InputError as err:
                yield tidy(err)
                continue
            for entry in entries:
                if not entry.link:
                    continue
                for item in self._entry(entry):
                    yield tidy(item)

    def _feed_entries(self, feed_url: str) -> list[FeedEntry]:
        validators = self.state.feeds.get(feed_url, "\t").split("\t", 1)
        resp = self.fetcher.get(feed_url, etag=validators[0] or None, last_modified=validators[1] or None)
        if resp.status == 304:
            log.info("%s: not modified", feed_url)
            return []
        entries = parse_feed(resp.content, feed_url)
        if resp.etag or resp.last_modified:
            self.state.feeds[feed_url] = f"{resp.etag or ''}\t{resp.last_modified or ''}"
        return entries

    def _entry(self, entry: FeedEntry) -> Iterator[Article | InputError]:
        link = entry.link
        key = _url_key(link)
        if key in self.state.fetched:
            return
        self.state.fetched[key] = "fetching"
        try:
            resp = self.fetcher.get(link)
            self.state.fetched.setdefault(_url_key(resp.final_url), "redirect")
            article = parse_html(resp.content, link, url=resp.final_url, crawl_date=resp.fetched_at,
                                 content_type=resp.content_type, published=entry.published,
                                 options=self.html)
        except InputError as err:
            self.state.fetched[key] = "error" if not isinstance(err, SkipNotice) else "skipped"
            yield err
            return
        if article.url:
            self.state.fetched.setdefault(_url_key(article.url), article.id)
        if skip := check_language(article, self.languages) or self.dedup.check(article):
            self.state.fetched[key] = "skipped"
            yield skip
            return
        self.state.fetched[key] = article.id
        yield article


def read_url(url: str, fetcher: Fetcher, html: HtmlOptions = DEFAULT_OPTIONS,
             max_entries: int = 100) -> Iterator[Article | InputError]:
    """The article at ``url``, or, when ``url`` is a feed, the articles its entries link to (at most
    ``max_entries``). Language and duplicate checks are the caller's.

    Raises:
        InputError: the URL cannot be fetched.
    """
    resp = fetcher.get(url)
    check_size(len(resp.content), url, fetcher.options.max_bytes or DEFAULT_MAX_BYTES)
    if looks_like_feed(resp.content[:2048]):
        seen: set[str] = set()
        for entry in parse_feed(resp.content, url)[:max_entries]:
            if not entry.link or _url_key(entry.link) in seen:
                continue
            seen.add(_url_key(entry.link))
            try:
                page = fetcher.get(entry.link)
                yield parse_html(page.content, entry.link, url=page.final_url, crawl_date=page.fetched_at,
                                 content_type=page.content_type, published=entry.published, options=html)
            except InputError as err:
                yield err
        return
    if resp.content_type and "html" not in resp.content_type.lower() and "xml" not in resp.content_type.lower():
        text = decode_bytes(resp.content, url, resp.content_type)
        yield text_reader.parse(text, story_id=story_id_for(resp.final_url, url), source=url,
                                url=resp.final_url)
        return
    yield parse_html(resp.content, url, url=resp.final_url, crawl_date=resp.fetched_at,
                     content_type=resp.content_type, options=html)
