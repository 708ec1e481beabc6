"""Language identification (py3langid, a NumPy port of langid.py, Lui & Baldwin 2012).

The coder's models and lexicons are English, so an article in another language must be skipped, not
coded as if it were English. Short or ambiguous texts get no label (None) and pass: py3langid's
normalised probability falls with length, so a headline-sized English text often scores below
:data:`MIN_CONFIDENCE` for every language, and skipping it would lose real English stories.
"""

from __future__ import annotations

import functools

from ..article import Article
from .report import SkipNotice

#: Smallest normalised probability for a language label to count (py3langid ``norm_probs=True``).
#: 0.9 measured here: English sentences of 8+ words score > 0.99, two-word strings < 0.1.
MIN_CONFIDENCE = 0.9

#: Characters of text looked at (the start of the article carries the signal; langid is linear in length).
MAX_CHARS = 5000


#: Varieties py3langid tells apart, counted as their macrolanguage (ISO 639-3 macrolanguage mappings):
#: Wu and Cantonese as Chinese, Moroccan and Egyptian Arabic as Arabic, Nigerian Pidgin as English (it
#: shares English news vocabulary), Ancient Hebrew/Greek as Hebrew/Greek, Southern Uzbek as Uzbek,
#: Nynorsk as Norwegian. Without this a Chinese page scores zh 0.85 + wuu 0.15 and passes as "unknown".
_MACRO = {"wuu": "zh", "yue": "zh", "ary": "ar", "arz": "ar", "pcm": "en", "hbo": "he", "grc": "el",
          "uzs": "uz", "nn": "no"}


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """The language of ``text`` as ``(ISO 639-1 code, probability)``; ``(None, p)`` when no language
    reaches :data:`MIN_CONFIDENCE` (short, mixed or non-linguistic text)."""
    sample = text[:MAX_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    totals: dict[str, float] = {}
    for label, p in _identifier().rank(sample):
        key = _MACRO.get(label, label)
        totals[key] = totals.get(key, 0.0) + p
    lang, prob = max(totals.items(), key=lambda kv: kv[1])
    if lang == "zxx":  # "no linguistic content"
        return None, prob
    return (lang if prob >= MIN_CONFIDENCE else None), prob


def check(article: Article, accept: tuple[str, ...] | None = ("en",)) -> SkipNotice | None:
    """Set ``article.language`` (when unset) and return a :class:`SkipNotice` when it is a language
    outside ``accept`` (None or empty: accept every language); else None.

    A language given by the source (``article.language`` already set, e.g. a JSONL field) is trusted.
    """
    if article.language is None:
        article.language, _ = detect(article.text)
    lang = article.language
    if accept and lang is not None and lang.split("-")[0].lower() not in accept:
        names = "/".join(accept) if accept != ("en",) else "English"
        return SkipNotice(article.source or article.id, f"language {lang}, not {names}", kind=f"language {lang}")
    return None
