"""Plain-text articles, with or without a news layout.

Recognised layout (the shape of many saved news pages; every part optional)::

    # Title line
    May 19, 2015                      <- a date alone on a line: the publication date
    A photo caption paragraph.        <- paragraphs before the dateline paragraph are captions
    BRUSSELS — First body paragraph   <- "PLACE —" (or "PLACE, Country —", "PLACE (Agency) -") opens the body
    More body paragraphs...
    Original url: <https://...>       <- the story URL (also "URL:", "Source:")

The title, captions and body are joined by blank lines into ``Article.text``; ``Article.blocks`` marks
each part, and the dateline words get a ``dateline`` block of their own so no stage mistakes
"BRUSSELS" for an actor. A paragraph broken in the middle of a sentence (no final punctuation, the
next one starting in lower case) is joined back with a space.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlparse

from ..article import Article, TextBlock

_PARA_SPLIT = re.compile(r"\n\s*\n")
_TITLE = re.compile(r"^#{1,3}\s+(.+)$")
_URL_LINE = re.compile(r"^(?:original\s+url|url|source|link)\s*:\s*<?(\S*?)>?\s*$", re.IGNORECASE)
_BARE_URL = re.compile(r"^<?(https?://\S+?)>?$")
# "BRUSSELS —", "WASHINGTON, D.C. -", "KYIV, Ukraine (Reuters) —", "LONDON, Jan 5 (Reuters) -": upper-case
# place, optional ", Region", optional ", Month day[, year]", optional "(Agency)", then a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'\u2019-]{1,40}?(?:,\s*[A-Z][A-Za-z .'\u2019-]{1,30}?)?)"
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*\([A-Za-z .]{2,30}\))?\s*(?:[\u2014\u2013]|--?)\s+"
)
_SENT_END = re.compile(r"[.!?\"'\u201d\u2019)]\s*$")
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    "august|september|october|november|december"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})$",
    re.IGNORECASE,
)


#: A photo credit glued before its caption by scraped pages ("Image copyright Reuters Image caption Rex
#: Tillerson is in China ..."): the credit would run into the caption's first name.
_PHOTO_CREDIT = re.compile(r"(?m)^[ \t]*Image copyright\b[^\n]{0,80}?(?:Image caption[ \t]*|$)")


def dateline_at(text: str) -> tuple[str, int] | None:
    """The dateline opening ``text`` ("ISLAMABAD (AP) — ", "LONDON, Jan 5 (Reuters) - ") as (place as
    written, length of the dateline in characters), or None."""
    m = _DATELINE.match(text)
    return (m.group("place").strip(), m.end()) if m else None


def drop_photo_credits(text: str) -> str:
    """``text`` without scraped photo-credit prefixes ("Image copyright AP Image caption "); the caption stays.

    Page furniture, not the story's words: kept, the credit's agency is read as part of the next name
    ("Reuters ... Rex Tillerson" coded as a British journalist)."""
    return _PHOTO_CREDIT.sub("", text) if "Image copyright" in text else text


def parse_date_line(line: str) -> date | None:
    """The date of a line that holds only a date ("May 19, 2015", "19 May 2015", "2015-05-19"), else None."""
    line = line.strip()
    if len(line) > 40 or not _DATE_LINE.match(line):
        return None
    import dateparser

    parsed = dateparser.parse(line, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def _publisher_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _rejoin_broken(paras: list[str]) -> list[str]:
    out: list[str] = []
    for p in paras:
        if out and not _SENT_END.search(out[-1]) and p[:1].islower():
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    return out


def parse(raw: str, story_id: str, source: str | None = None, published: date | None = None,
          title: str | None = None, url: str | None = None, publisher: str | None = None) -> Article:
    """Build an :class:`Article` from plain text, recognising the layout described in the module doc.

    Args:
        raw: the whole file's text.
        story_id: the story id (the file name without extension for files).
        published, title, url, publisher: metadata known from elsewhere; the text's own win only
            where these are None.
    Returns:
        The article; ``text`` holds title, captions and body (metadata lines removed).
    """
    paras = [re.sub(r"[ \t]*\n[ \t]*", " ", p).strip()
             for p in _PARA_SPLIT.split(drop_photo_credits(raw.replace("\r\n", "\n")))]
    paras = [p for p in paras if p]
    kinds: list[str] = []
    kept: list[str] = []
    i = 0
    # Leading title and date lines.
    if paras and (m := _TITLE.match(paras[0])):
        title = title or m.group(1).strip()
        kept.append(m.group(1).strip())
        kinds.append("title")
        i = 1
    while i < len(paras) and i < 3 and (d := parse_date_line(paras[i])):
        published = published or d
        i += 1
    rest = paras[i:]
    # URL lines anywhere (usually at the end).
    body: list[str] = []
    j = 0
    while j < len(rest):
        p = rest[j]
        m = _URL_LINE.match(p)
        if m:
            found = m.group(1)
            if not found and j + 1 < len(rest) and (m2 := _BARE_URL.match(rest[j + 1])):
                found = m2.group(1)
                j += 1
            url = url or found or None
        else:
            body.append(p)
        j += 1
    body = _rejoin_broken(body)
    # Captions: paragraphs before a dateline paragraph near the top.
    dateline_at = next((k for k, p in enumerate(body[:4]) if _DATELINE.match(p)), None)
    for k, p in enumerate(body):
        kept.append(p)
        kinds.append("caption" if dateline_at is not None and k < dateline_at else "body")

    text_parts: list[str] = []
    blocks: list[TextBlock] = []
    dateline = None
    pos = 0
    for kind, p in zip(kinds, kept):
        if text_parts:
            pos += 2
        start = pos
        if kind == "body" and dateline is None and (m := _DATELINE.match(p)) and k_is_first(kinds, kept, p):
            dateline = m.group("place").strip()
            blocks.append(TextBlock("dateline", start, start + m.end()))
            blocks.append(TextBlock("body", start + m.end(), start + len(p)))
        else:
            blocks.append(TextBlock(kind, start, start + len(p)))
        text_parts.append(p)
        pos += len(p)
    text = "\n\n".join(text_parts)
    return Article(
        id=story_id,
        text=text,
        blocks=_merge_body(blocks),
        published=published,
        title=title,
        url=url,
        publisher=publisher or _publisher_from_url(url),
        dateline=dateline,
        source=source,
    )


def k_is_first(kinds: list[str], kept: list[str], p: str) -> bool:
    """True when paragraph ``p`` is the first body paragraph (only it can carry a dateline)."""
    for kind, q in zip(kinds, kept):
        if kind == "body":
            return q is p
    return False


def _merge_body(blocks: list[TextBlock]) -> list[TextBlock]:
    """Join adjacent body blocks into one (the blank lines between paragraphs included)."""
    out: list[TextBlock] = []
    for b in blocks:
        if out and b.kind == "body" and out[-1].kind == "body":
            out[-1] = TextBlock("body", out[-1].start, b.end)
        else:
            out.append(b)
    return out
