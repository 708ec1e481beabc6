"""eventcoder: news articles in, PLOVER political event data out.

Public API::

    from eventcoder import Article, Coder, code_article
    coded = code_article(Article(id="s1", text="...", published=date(2015, 5, 19)))
    for event in coded.events:
        print(event.to_dict())
"""

from .article import Article, CodedArticle, Entity, Event, EventcoderError, InputError, Place, Quote

__all__ = [
    "Article",
    "CodedArticle",
    "Coder",
    "Entity",
    "Event",
    "EventcoderError",
    "InputError",
    "Place",
    "Quote",
    "code_article",
]

__version__ = "0.1.0"


def __getattr__(name: str):
    # Coder loads spaCy; import it lazily so that `import eventcoder` stays light.
    if name in ("Coder", "code_article"):
        from . import coder

        return getattr(coder, name)
    raise AttributeError(name)
