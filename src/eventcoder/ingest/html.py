"""HTML news pages → :class:`~eventcoder.article.Article` (trafilatura for text and metadata, htmldate
for the publication date).

* Main text: trafilatura's extraction (boilerplate, navigation, comments and "related" lists removed);
  its paragraphs become body blocks. ``Article.text`` = title + blank line + paragraphs joined by blank
  lines, laid out by :func:`eventcoder.ingest.text.parse`, so a "KYIV, Ukraine (AP) —" dateline gets
  its own block exactly as in plain-text articles. Captions are not exposed cleanly by trafilatura's
  text output and are left out.
* Title (:func:`title_candidates`): the headline the page shows (an ``<h1>``) decides between the two
  metadata titles: the JSON-LD ``headline`` of the page's article object or ``og:title``, whichever an
  ``<h1>`` repeats exactly (the JSON-LD headline when both do); when no ``<h1>`` repeats either, the JSON-LD
  headline, else ``og:title``, else the first ``<h1>``, else ``<title>``. When the two metadata titles
  differ only in quote marks, the page's plain-text title (``<title>``, ``<meta name="title">``) with the
  same words settles their form instead of the ``<h1>``. A trailing site name ("... | CBC
  News", "... - The Times of India", "... | Taipei Times" on taipeitimes.com) is cut from ``og:title`` and
  ``<title>``. Measured on the fundus pages, the JSON-LD headline agrees with the publisher's own title more
  often than ``og:title`` (trafilatura's first choice), which is often a shorter social-media variant,
  except where the ``<h1>`` shows the ``og:title`` wording. Publisher: trafilatura's ``sitename``
  (``og:site_name``, JSON-LD publisher name), falling back to the host name.
* Date: htmldate (through trafilatura) with ``original_date=True`` (the publication, not the last
  modification), ``deferred_url_extractor=True`` (dates in ``<meta>``/JSON-LD markup win over a date in
  the URL path; the URL wins only over dates found in the page text), and ``max_date`` = the crawl date
  (the WARC-Date, the HTTP fetch time, or today) plus one day, so no page is dated after it was crawled;
  the extra day allows for pages whose local date is ahead of the crawl's UTC clock. The fast search
  (markup, URL, ``<time>`` elements, precise patterns) runs first; htmldate's extensive free-text search
  only when it finds nothing, and its bare-year fallback (``YYYY-01-01``) is discarded. When the URL
  path holds a full date one day before the markup's, the URL's day is kept (a UTC timestamp of a story
  the publisher dated a day earlier in its own time zone).
* URL and id: the canonical URL the page declares (``<link rel=canonical>``, ``og:url``) or the URL it
  was fetched from; ``id`` = first 16 hex digits of the SHA-1 of that canonical URL (stable across
  crawls), or the file name when there is no URL.

Extraction settings (:data:`DEFAULT_OPTIONS`) were chosen by measurement on the fundus and trafilatura
evaluation pages: see ``bench/ingest_eval.py`` and ``docs/ingestion.md``.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..article import Article, InputError
from . import text as text_reader
from .dedup import canonical_url
from .encoding import decode_bytes, repair_text
from .report import SkipNotice

log = logging.getLogger(__name__)
for _noisy in ("trafilatura", "htmldate"):  # their per-page messages would break one-line reporting
    if logging.getLogger(_noisy).level == logging.NOTSET:  # (they log unparsable pages at ERROR, then
        logging.getLogger(_noisy).setLevel(logging.CRITICAL)  # return None: we raise InputError for it)

_WS = re.compile(r"\s+")
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class HtmlOptions:
    """trafilatura extraction settings (see ``trafilatura.bare_extraction``).

    ``favor_precision``/``favor_recall`` trade boilerplate for completeness; ``include_tables`` keeps
    table text; ``include_comments`` keeps reader comments (never wanted for event coding);
    ``min_chars``: a page whose extracted body is shorter is "no article text" (a skip).
    ``title_rule``: ``"jsonld"`` (:func:`title_candidates`) or ``"trafilatura"`` (its metadata title, for
    comparison). ``metadata_dates_first``: dates in markup win over a date in the URL (htmldate's
    ``deferred_url_extractor``); False lets the URL date win, as htmldate does by default.
    """

    favor_precision: bool = False
    favor_recall: bool = False
    include_tables: bool = True
    include_comments: bool = False
    deduplicate: bool = False
    min_chars: int = 50
    title_rule: str = "jsonld"
    metadata_dates_first: bool = True


#: The settings used unless told otherwise (the best measured ones; docs/ingestion.md).
DEFAULT_OPTIONS = HtmlOptions()


def looks_like_html(data: bytes) -> bool:
    """True when ``data`` starts like an HTML document (doctype, ``<html>``, ``<head>``, ``<body>``...)."""
    return bool(_HTML_START.match(data[:4096]))


def story_id_for(url: str | None, fallback: str) -> str:
    """Stable story id: SHA-1 of the canonical URL (16 hex digits), or ``fallback`` without a URL."""
    canon = canonical_url(url)
    if not canon:
        return fallback
    return hashlib.sha1(canon.encode("utf-8")).hexdigest()[:16]


_NON_ALNUM = re.compile(r"[\W_]+")
_TITLE_SEP = re.compile(r"\s+(?:\||-|\u2013|\u2014|\*|::|\u00b7|\u2022)\s+")
#: JSON-LD ``@type`` values of news and article objects (schema.org Article and its subtypes).
_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                  "opinionnewsarticle", "backgroundnewsarticle", "liveblogposting", "webpage", "report"}


def strip_site_name(title: str | None, site: str | None, host: str | None) -> str | None:
    """``title`` without trailing parts that name the site ("... | CBC News", "... - Lesotho Times",
    "... | The Gateway Pundit | by Cristina Laila"); after one such part, short section names
    ("National", "Bhopal News") and "by <author>" parts go too. A part names the site when it contains
    ``site`` or ``host`` or is contained in one, or when it spells the host without its spaces and
    punctuation ("Taipei Times" on host ``taipeitimes``). The title is kept whole otherwise."""
    if not title:
        return title
    names = {n.casefold() for n in (site, host) if n and len(n) > 2}
    squeezed = {sq for sq in (_NON_ALNUM.sub("", n) for n in names) if len(sq) > 2}
    cuts = list(_TITLE_SEP.finditer(title))
    end, stripped = len(title), False
    while cuts:
        c = cuts[-1]
        part = title[c.end():end].strip().casefold()
        head_words = len(title[:c.start()].split())
        site_part = any(n in part or part in n for n in names) or _NON_ALNUM.sub("", part) in squeezed
        if site_part or part.startswith("by ") or (stripped and len(part.split()) <= 3):
            if head_words < 2:
                break
            end, stripped = c.start(), stripped or site_part
            cuts.pop()
        else:
            break
    return title[:end].strip()


def _jsonld_headline(tree) -> str | None:
    """The ``headline`` of the first article-like JSON-LD object (any ``headline`` when none is typed)."""
    import json
    from html import unescape

    found: list[tuple[int, str]] = []

    def walk(obj, depth=0):
        if depth > 6:
            return
        if isinstance(obj, list):
            for x in obj:
                walk(x, depth + 1)
        elif isinstance(obj, dict):
            h = obj.get("headline")
            if isinstance(h, str) and h.strip():
                t = obj.get("@type")
                types = {str(x).casefold() for x in (t if isinstance(t, list) else [t])}
                found.append((0 if types & _ARTICLE_TYPES else 1, unescape(h)))
            for k in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                if k in obj:
                    walk(obj[k], depth + 1)

    for script in tree.xpath('//script[@type="application/ld+json"]/text()')[:20]:
        try:
            walk(json.loads(script, strict=False))
        except (ValueError, RecursionError):
            continue
    found.sort(key=lambda x: x[0])
    return found[0][1] if found else None


def title_candidates(tree, site: str | None, host: str | None) -> list[str]:
    """Title candidates, best first, cleaned and without duplicates.

    The default order is: JSON-LD headline, ``og:title``, first ``<h1>``, ``<title>`` (site names cut from
    ``og:title`` and ``<title>``). When the two metadata titles (JSON-LD headline, ``og:title``) differ and
    one of the page's first ``<h1>`` elements equals one of them exactly (after collapsing whitespace), that
    one goes first: the page shows it as its headline. The JSON-LD headline wins when an ``<h1>`` equals
    each. The comparison is exact, so an ``<h1>`` with curly quotes does not confirm an ``og:title`` with
    straight ones.

    When the two metadata titles differ only in quote marks (curly against straight, or quotes dropped), the
    ``<h1>`` cannot settle them: a CMS that curls quotes (WordPress's wptexturize, SmartyPants) does so in
    the ``<h1>`` and in the JSON-LD headline it makes from the same title, so they agree by construction.
    The page's plain-text title then decides: ``<title>`` (or its part before a site-name separator), else
    ``<meta name="title">``, when it has the same words; its own spelling is taken. Neither matching, the
    ``<h1>`` rule applies.
    """
    def meta(xpath: str) -> str | None:
        v = tree.xpath(xpath)
        return str(v[0]) if v else None

    h1s = [h for h in (_clean(h.text_content()) for h in tree.xpath("//h1")[:5]) if h and len(h) < 400]
    headline = _clean(_jsonld_headline(tree))
    og = _clean(strip_site_name(_clean(meta('//meta[@property="og:title"]/@content')), site, host))
    page_title = _clean(meta("//title/text()"))
    cands = [headline, og, h1s[0] if h1s else None, strip_site_name(page_title, site, host)]
    shown = next((c for c in (headline, og) if c and c in h1s), None)
    if headline and og and headline != og and _unquoted(headline) == _unquoted(og):
        # only the quote marks differ: the page's plain-text titles settle their form, not the <h1>
        shown = _same_words(_unquoted(og), page_title, _clean(meta('//meta[@name="title"]/@content'))) or shown
    if shown:
        cands.insert(0, shown)
    out: list[str] = []
    for c in cands:
        c = _clean(c)
        if c and len(c) < 400 and c not in out:
            out.append(c)
    return out


#: Quote marks: straight, typographic (single, double, low-9, reversed), guillemets, primes, backtick.
_QUOTE_MARKS = re.compile("[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"
                          "\u2032\u2033`\u00b4]")


def _unquoted(s: str) -> str:
    """``s`` without its quote marks, whitespace collapsed: two titles that differ only in quote style (or
    in quotes dropped) compare equal."""
    return _WS.sub(" ", _QUOTE_MARKS.sub("", s)).strip()


def _same_words(words: str, *titles: str | None) -> str | None:
    """The first of ``titles`` (``<title>``, ``<meta name="title">``), or its part before a separator
    ("... | Site"), that has exactly ``words`` once quote marks are ignored: the page's own plain-text
    spelling of that title."""
    for t in titles:
        if not t:
            continue
        for end in [len(t)] + [c.start() for c in _TITLE_SEP.finditer(t)]:
            part = t[:end].strip()
            if _unquoted(part) == words:
                return part
    return None


def _clean(s: str | None) -> str | None:
    if not s:
        return None
    s = _WS.sub(" ", repair_text(s)).strip()
    return s or None


def _max_date(crawl_date: date | datetime | None) -> str:
    d = crawl_date or datetime.now()
    if isinstance(d, datetime):
        d = d.date()
    return (d + timedelta(days=1)).isoformat()


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|[-_]|$)")


def _local_day(found: date | None, url: str | None) -> date | None:
    """The URL's day instead of ``found`` when ``found`` is the day after it: a markup timestamp written
    in UTC ("2020-02-25T03:00Z") for a story the publisher dated the 24th in its URL path; the URL carries
    the publisher's local calendar day."""
    if found is None or not url:
        return found
    m = _URL_DAY.search(url)
    if not m:
        return found
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return found
    return day if found - day == timedelta(days=1) else found


def _extensive_date(tree, url: str | None, params: dict) -> date | None:
    """htmldate's extensive search (free-text date expressions), run only when markup, URL and the
    fast patterns found nothing. Its last resort is a bare year, returned as January 1st: that is not
    a publication day, so a ``YYYY-01-01`` from this search is dropped."""
    from htmldate import find_date

    try:
        found = find_date(tree, **{**params, "extensive_search": True, "url": url})
    except Exception:  # a date heuristic failing is no reason to lose the article
        log.debug("htmldate failed", exc_info=True)
        return None
    day = _parse_day(found)
    return None if day is None or (day.month, day.day) == (1, 1) else day


def parse_html(data: bytes | str, name: str, *, url: str | None = None,
               crawl_date: date | datetime | None = None, story_id: str | None = None,
               content_type: str | None = None, published: date | None = None,
               options: HtmlOptions = DEFAULT_OPTIONS) -> Article:
    """Extract the article of one HTML page.

    Args:
        data: the page (bytes are decoded with :func:`eventcoder.ingest.encoding.decode_bytes`).
        name: the input's name for messages and ``Article.source`` (file path, WARC record, URL).
        url: the URL the page was fetched from (WARC-Target-URI, HTTP request); the page's canonical
            URL wins for ``Article.url`` and the id.
        crawl_date: when the page was fetched; no publication date after it (+1 day) is accepted.
        story_id: id to use when the page has no URL at all (default: ``name``).
        content_type: HTTP ``Content-Type`` header (its charset is used to decode).
        published: a date known from elsewhere (a feed entry), used when the page gives none.
        options: extraction settings.
    Returns:
        The article; ``language`` is left unset (see :mod:`eventcoder.ingest.lang`).
    Raises:
        InputError: the bytes are not decodable HTML (binary, empty) or lxml cannot parse them.
        SkipNotice: the page parses but has no article text (an index page, a video page...).
    """
    import trafilatura
    from trafilatura.utils import load_html

    html = decode_bytes(data, name, content_type) if isinstance(data, bytes) else data
    if not html.strip():
        raise InputError(f"{name}: empty file")
    try:
        tree = load_html(html)
    except Exception as err:  # lxml raises many types on malformed input
        raise InputError(f"{name}: malformed HTML ({err.__class__.__name__}: {err})") from err
    if tree is None:
        raise InputError(f"{name}: malformed HTML (no document could be parsed)")
    date_params = {
        "extensive_search": False,
        "original_date": True,
        "outputformat": "%Y-%m-%d",
        "max_date": _max_date(crawl_date),
        "deferred_url_extractor": options.metadata_dates_first,
    }
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=options.include_comments,
            include_tables=options.include_tables,
            favor_precision=options.favor_precision,
            favor_recall=options.favor_recall,
            deduplicate=options.deduplicate,
            date_extraction_params=date_params,
        )
    except Exception as err:  # a library failure on one page must not end a batch
        log.debug("trafilatura failed on %s", name, exc_info=True)
        raise InputError(f"{name}: HTML extraction failed ({err.__class__.__name__}: {err})") from err
    if doc is None or not (doc.text or "").strip():
        raise SkipNotice(name, "no article text found in the page", kind="no article text")
    host = (doc.hostname or "").removeprefix("www.").split(".")[0] or None
    cands = title_candidates(tree, doc.sitename, host)
    title = cands[0] if cands and options.title_rule == "jsonld" else _clean(doc.title)
    paras = [p for p in (_clean(line) for line in repair_text(doc.text).split("\n")) if p]
    heads = {c.casefold() for c in cands + [title or ""] if c}
    if paras and paras[0].casefold() in heads:
        paras = paras[1:]  # the page's <h1> repeats the title
    if sum(len(p) for p in paras) < options.min_chars:
        raise SkipNotice(name, "no article text found in the page", kind="no article text")
    page_url = doc.url if doc.url and doc.url.startswith(("http://", "https://")) else url
    pub = _parse_day(doc.date) or _extensive_date(tree, page_url, date_params)
    pub = _local_day(pub, page_url or url)
    raw = (f"# {title}\n\n" if title else "") + "\n\n".join(paras)
    article = text_reader.parse(
        raw,
        story_id=story_id_for(page_url, story_id or name),
        source=name,
        published=pub or published,
        title=title,
        url=page_url,
        publisher=_clean(doc.sitename) or _clean(doc.hostname),
    )
    return article
