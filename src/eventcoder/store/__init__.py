"""Event store: coded stories in DuckDB, events deduplicated across stories, queries and exports.

>>> from eventcoder.store import EventStore, EventFilter, events_frame
>>> with EventStore("eventcoder.duckdb") as store:          # doctest: +SKIP
...     store.add(coded_article)
...     df = events_frame(store, EventFilter(actor=["USA"], recipient=["RUS"]))

The store knows only the records of :mod:`eventcoder.article`; see :mod:`.db` for the tables,
:mod:`.dedup` for the deduplication rule, :mod:`.query` for filters and :mod:`.export` for the formats.
Names are imported on first use, so ``import eventcoder.store`` does not load DuckDB or pandas. The
export writers are in :mod:`eventcoder.store.export` (``from eventcoder.store.export import export``).
"""

from __future__ import annotations

import importlib
from typing import Any

#: Default store file of the CLI commands.
DEFAULT_DB = "eventcoder.duckdb"

_LAZY = {
    "EventStore": ".db", "IngestStats": ".db", "open_store": ".db",
    "FORMATS": ".export",
    "EventFilter": ".query", "event_records": ".query", "events_frame": ".query", "parse_date_bound": ".query",
}

__all__ = ["DEFAULT_DB", "FORMATS", "EventFilter", "EventStore", "IngestStats", "event_records",
           "events_frame", "open_store", "parse_date_bound"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
