"""Skips and the end-of-run summary of a read.

A :class:`SkipNotice` is an :class:`~eventcoder.article.InputError` for an input that was read fine but
is deliberately not coded (not English, a duplicate, a page with no article text). Code that only knows
``InputError`` reports it like any error; code that wants to can tell the two apart. :class:`ReadSummary`
counts what a run read, skipped and failed, and formats the end-of-run lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..article import Article, InputError

_SPACE = re.compile(r"[\s\x00-\x1f\x7f]+")


def one_line(name: str | None, limit: int = 300) -> str:
    """``name`` (a path, URI or record name taken from the input) fit for a one-line message: runs of
    whitespace and control characters become one space, and it is cut to ``limit`` characters."""
    s = _SPACE.sub(" ", str(name or "")).strip()
    return s if len(s) <= limit else s[: limit - 1] + "\u2026"


class SkipNotice(InputError):
    """An input deliberately not coded. ``str()`` is the one-line message ``"<input>: skipped: <reason>"``.

    Attributes:
        source: the input (file, ``file:line``, WARC record URI, URL).
        reason: why, e.g. ``"language de, not English"``, ``"duplicate of <id>"``, ``"no article text"``.
        kind: the reason's category for summaries: ``"language"``, ``"duplicate"``, ``"no text"``, ...
    """

    def __init__(self, source: str, reason: str, kind: str | None = None):
        source, reason = one_line(source), one_line(reason)
        super().__init__(f"{source}: skipped: {reason}")
        self.source = source
        self.reason = reason
        self.kind = kind or reason


def tidy(item: Article | InputError) -> Article | InputError:
    """``item`` with an error message that spans several lines (a library's exception text, a name from
    the input) folded into one line; Articles and one-line errors unchanged."""
    if isinstance(item, InputError) and not isinstance(item, SkipNotice):
        msg = str(item)
        if "\n" in msg or "\r" in msg or len(msg) > 1000:
            return InputError(one_line(msg, 1000))
    return item


@dataclass
class ReadSummary:
    """Counts of one run: articles read, skips by kind, failures (with their messages).

    Feed every item :func:`eventcoder.ingest.read_sources` yields to :meth:`add`; print :meth:`lines`.
    """

    read: int = 0
    skipped: Counter = field(default_factory=Counter)
    failed: list[str] = field(default_factory=list)

    def add(self, item: Article | InputError) -> None:
        """Count one item: an Article (read), a :class:`SkipNotice` (skipped) or an InputError (failed)."""
        if isinstance(item, SkipNotice):
            self.skipped[item.kind] += 1
        elif isinstance(item, InputError):
            self.failed.append(str(item))
        else:
            self.read += 1

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    def lines(self, max_failures: int = 20) -> list[str]:
        """The summary: one line of totals, then up to ``max_failures`` failure lines."""
        skips = ", ".join(f"{k}: {n}" for k, n in self.skipped.most_common())
        out = [
            (f"read {self.read} article{'s' if self.read != 1 else ''}, "
             f"skipped {self.n_skipped}{f' ({skips})' if skips else ''}, failed {len(self.failed)}")
        ]
        for msg in self.failed[:max_failures]:
            out.append(f"  failed: {msg}")
        if len(self.failed) > max_failures:
            out.append(f"  ... and {len(self.failed) - max_failures} more failures")
        return out
