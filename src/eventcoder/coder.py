"""The pure function ``Article -> CodedArticle`` that runs the stages in order.

This is the one thing the CLI, the engines, the API and the tests call. It does no I/O and keeps no
state beyond the loaded models and knowledge base, so the local engine, the Spark engine and the
HTTP API code an article identically.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from .article import Article, CodedArticle


class Coder:
    """Codes articles into events. Load once, call many times.

    Args:
        model: spaCy model package name (default :data:`eventcoder.nlp.DEFAULT_MODEL`).
        show_negated: also return negated events (``modality == "negated"``), which are dropped by default.
        actor_dictionaries: extra PETRARCH/TABARI actor or agent dictionary files to load.
    """

    def __init__(self, model: str | None = None, show_negated: bool = False,
                 actor_dictionaries: Iterable[str] = ()):
        from . import nlp

        self.nlp = nlp.load(model or nlp.DEFAULT_MODEL)
        self.show_negated = show_negated
        self.actor_dictionaries = list(actor_dictionaries)

    def code(self, article: Article) -> CodedArticle:
        """Code one article. Never raises for odd text; an article with no events gives ``events == []``."""
        return next(self.code_many([article]))

    def code_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[CodedArticle]:
        """Code a stream of articles lazily, parsing them in batches with ``nlp.pipe``."""
        raise NotImplementedError  # filled in by the event stage


@functools.lru_cache(maxsize=1)
def default_coder() -> Coder:
    """The process-wide :class:`Coder` with default settings (loaded on first call)."""
    return Coder()


def code_article(article: Article, coder: Coder | None = None) -> CodedArticle:
    """Code ``article`` with ``coder`` (default: :func:`default_coder`)."""
    return (coder or default_coder()).code(article)
