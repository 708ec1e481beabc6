"""Duplicate articles: the same canonical URL, or the same text, is coded once.

Two keys are checked, in order:

* the canonical URL (:func:`canonical_url`: courlan's normalisation, which lower-cases the host, drops
  default ports, sorts the query and removes tracking parameters such as ``utm_*`` and ``fbclid``; the
  ``#fragment`` is dropped too), and
* a fingerprint of the body text (:func:`text_key`: SHA-1 of its words, case-folded), so a story
  syndicated under several URLs, or the same JSONL record twice under two ids, is coded once.

The first article seen wins; later ones become a :class:`~eventcoder.ingest.report.SkipNotice`
"duplicate of <id>".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import MutableMapping

from ..article import Article
from .report import SkipNotice

_WORD = re.compile(r"\w+")


def canonical_url(url: str | None) -> str | None:
    """``url`` normalised for identity (see module doc); None for None, empty or non-HTTP(S) URLs
    that courlan cannot normalise (those are returned stripped of their fragment)."""
    if not url or not url.strip():
        return None
    url = url.strip()
    try:
        from courlan import normalize_url

        norm = normalize_url(url)
    except Exception:  # noqa: BLE001 - courlan raises ValueError/TypeError on odd input
        norm = url
    return norm.split("#", 1)[0] or None


def text_key(article: Article) -> str | None:
    """SHA-1 (hex) of the case-folded words of the article's body blocks (all text when it has none);
    None when the body has no words."""
    body = [article.text[b.start:b.end] for b in article.blocks if b.kind == "body"]
    words = _WORD.findall((" ".join(body) if body else article.text).casefold())
    if not words:
        return None
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


class Deduplicator:
    """Remembers canonical URLs and text fingerprints of the articles it has let through.

    Args:
        urls, texts: where to remember them (key → article id); plain dicts by default, or persistent
            mappings (``eventcoder watch`` keeps them in a side file next to its database).
    """

    def __init__(self, urls: MutableMapping[str, str] | None = None,
                 texts: MutableMapping[str, str] | None = None):
        self.urls: MutableMapping[str, str] = {} if urls is None else urls
        self.texts: MutableMapping[str, str] = {} if texts is None else texts

    def check(self, article: Article) -> SkipNotice | None:
        """A :class:`SkipNotice` when ``article`` duplicates one already seen; otherwise remember it and
        return None."""
        ukey = canonical_url(article.url)
        tkey = text_key(article)
        where = article.source or article.id
        if ukey is not None and (first := self.urls.get(ukey)) is not None:
            return SkipNotice(where, f"duplicate of {first} (same URL)", kind="duplicate")
        if tkey is not None and (first := self.texts.get(tkey)) is not None:
            return SkipNotice(where, f"duplicate of {first} (same text)", kind="duplicate")
        if ukey is not None:
            self.urls[ukey] = article.id
        if tkey is not None:
            self.texts[tkey] = article.id
        return None
