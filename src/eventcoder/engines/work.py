"""The per-article work both engines run: code a batch of articles, turn each into output rows, and
tell which articles failed and why.

:func:`code_articles` calls :meth:`eventcoder.coder.Coder.code_many` (parsing with ``nlp.pipe``). The
coder never raises for one bad article: it logs the exception (``log.exception``) and yields an empty
result. Those log records are caught here, so such an article counts as *failed* (reported, no rows
written) rather than as a story with no events. If the batch as a whole raises (e.g. the parser itself
fails on one text), its articles are coded again one at a time, so only the bad one fails.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from ..article import Article, CodedArticle
from .output import Rows, rows_of

log = logging.getLogger(__name__)
fail_log = logging.getLogger("eventcoder.engines.failures")


#: Whitespace words per ``nlp.pipe`` batch when an engine codes (:func:`parse_batches`). A parse batch's
#: memory grows with its tokens, not its articles, and memory is what limits workers per machine: batches
#: cut by words are as large as memory allows on short articles, and a long article is parsed alone.
#: Measured on allsides articles (about 1,000 words each; docs/benchmarks.md): the parser and the entity
#: recognizer are faster on larger batches, and since the tok2vec layers embed at most 2,000 tokens at a
#: time (:func:`eventcoder.nlp.bound_tok2vec_memory`) a batch's peak grows slowly: 16,000 words (about the
#: 16 articles of the bare baseline's batches) parse 400 articles in 5 % less CPU than 6,000 words did
#: before, with a lower peak (+125 MiB against +143 MiB).
PARSE_WORDS = 16000


@dataclass
class Failure:
    """One input that produced no output: ``input`` names it (file, ``file:line``, story source),
    ``story_id`` when it was read, ``stage`` is ``"read"`` or ``"code"``, ``error`` one line."""

    input: str
    error: str
    stage: str = "code"
    story_id: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"input": self.input, "story_id": self.story_id, "stage": self.stage, "error": self.error}

    def line(self) -> str:
        """The one-line message: ``"<input>: <error>"``."""
        return f"{self.input}: {self.error}"


class _Capture(logging.Handler):
    """Collects log records that carry an exception (what ``log.exception`` emits)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.records.append(record)


def _one_line(err: BaseException) -> str:
    msg = str(err).splitlines()[0] if str(err) else "no detail"
    return f"coding failed ({err.__class__.__name__}: {msg})"


def release_memory() -> None:
    """Hand memory freed by the last batch back to the operating system: Arrow's memory pool
    (``release_unused``) and, with glibc, the C heap (``malloc_trim``, which also returns free pages in the
    middle of the heap). Parsing and Parquet writing leave the heap fragmented, so without this a coding
    process's resident memory ratchets up by tens of MiB at a time over a long run (docs/scale.md). Costs a
    few milliseconds; a no-op where neither is available."""
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
    except Exception:  # best effort: logged below
        log.debug("arrow memory pool release failed", exc_info=True)
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim`` through ctypes, or None (another C library, another system)."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        fn = libc.malloc_trim
    except (OSError, AttributeError):  # musl has no malloc_trim
        return None
    fn.argtypes = [ctypes.c_size_t]
    fn.restype = ctypes.c_int
    return fn


def parse_batches(articles: Sequence[Article], words: int) -> list[list[int]]:
    """Indices of ``articles`` cut into parse batches of about ``words`` whitespace words each (spaCy's
    ``minibatch_by_words``, 20 % tolerance): consecutive articles, and an article longer than the
    tolerated size alone. Every index appears once; batches may come out of order around a long one."""
    from spacy.training.batchers import minibatch_by_words

    lengths = [len(a.text.split()) for a in articles]
    return list(minibatch_by_words(range(len(articles)), size=words, get_length=lengths.__getitem__))


def code_articles(coder, articles: Sequence[Article], batch_size: int = 16, batch_words: int | None = None
                  ) -> list[tuple[Article, CodedArticle | None, str | None]]:
    """Code ``articles`` with ``coder`` (``batch_size`` articles per ``nlp.pipe`` batch, or, with
    ``batch_words``, batches of about that many words: :func:`parse_batches`); one ``(article, coded,
    None)`` or ``(article, None, error)`` per article, in order. ``error`` is a one-line reason. Never
    raises for a bad article."""
    if batch_words is not None and len(articles) > 1:
        out: list = [None] * len(articles)
        for idx in parse_batches(articles, batch_words):
            for i, res in zip(idx, code_articles(coder, [articles[i] for i in idx], batch_size=len(idx))):
                out[i] = res
        return out
    capture = _Capture()
    root = logging.getLogger("eventcoder")
    root.addHandler(capture)
    results: list[CodedArticle | BaseException] = []
    try:
        try:
            results = list(coder.code_many(list(articles), batch_size=batch_size))
            if len(results) != len(articles):
                raise RuntimeError(f"coder returned {len(results)} results for {len(articles)} articles")
        except Exception:  # the whole batch failed: find the bad article
            log.warning("batch of %d articles failed; coding them one at a time", len(articles), exc_info=True)
            capture.records.clear()
            results = []
            for a in articles:
                try:
                    results.append(coder.code(a))
                except Exception as err:  # one article's failure is reported, not raised
                    log.exception("coding failed for story %s", a.id)
                    results.append(err)
    finally:
        root.removeHandler(capture)
    failed: dict[str, str] = {}
    for rec in capture.records:
        args = rec.args if isinstance(rec.args, tuple) else ()
        exc = rec.exc_info[1] if rec.exc_info else None
        for arg in args:
            if isinstance(arg, str) and exc is not None:
                failed.setdefault(arg, _one_line(exc))
    out: list[tuple[Article, CodedArticle | None, str | None]] = []
    for a, r in zip(articles, results):
        if isinstance(r, BaseException):
            out.append((a, None, _one_line(r)))
        elif a.id in failed:
            out.append((a, None, failed[a.id]))
        else:
            out.append((a, r, None))
    return out


def rows_and_failures(coder, articles: Sequence[Article], batch_size: int = 16, batch_words: int | None = None
                      ) -> tuple[list[tuple[Article, Rows]], list[Failure]]:
    """Code ``articles`` (``batch_size`` per ``nlp.pipe`` batch, or about ``batch_words`` words per batch)
    and return the output rows of each coded one and the failures."""
    rows: list[tuple[Article, Rows]] = []
    failures: list[Failure] = []
    for a, coded, err in code_articles(coder, articles, batch_size, batch_words):
        if coded is None:
            fail_log.error("%s: %s", a.source or a.id, err)
            failures.append(Failure(input=a.source or a.id, error=err or "coding failed", story_id=a.id))
            continue
        try:
            rows.append((a, rows_of(coded)))
        except Exception as exc:  # a record that does not fit the schema loses one story
            log.exception("output rows failed for story %s", a.id)
            msg = str(exc).splitlines()[0] if str(exc) else "no detail"
            failures.append(Failure(input=a.source or a.id, story_id=a.id,
                                    error=f"output failed ({exc.__class__.__name__}: {msg})"))
    return rows, failures
