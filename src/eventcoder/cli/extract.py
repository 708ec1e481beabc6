"""``eventcoder extract SOURCE... [--format table|jsonl|json] [--published YYYY-MM-DD]``."""

from __future__ import annotations

import json
import sys
from datetime import date

from ..article import InputError


def add_parser(sub) -> None:
    p = sub.add_parser("extract", help="code articles and print their events",
                       description="Code news articles (text, JSONL, HTML, WARC) and print their PLOVER events.")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="files, directories or globs")
    p.add_argument("--format", choices=["table", "jsonl", "json"], default="table",
                   help="table (default): readable; jsonl: one event per line (docs/output.md); json: one "
                        "JSON object per story and line, with its text, blocks, events, entities and quotes")
    p.add_argument("--published", type=_date, help="publication date for stories that carry none (YYYY-MM-DD)")
    p.add_argument("--show-negated", action="store_true", help="also print negated and hypothetical events")
    p.add_argument("--actor-dictionary", action="append", default=[], metavar="PATH",
                   help="PETRARCH/TABARI actor or agent dictionary to add (repeatable)")
    from .read import add_source_options

    add_source_options(p)
    p.set_defaults(func=run)


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError:
        import argparse

        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}") from None


def run(args) -> int:
    from ..coder import Coder
    from ..ingest import SkipNotice, read_sources
    from .read import read_options

    failed = 0
    out = sys.stdout

    def good_articles():
        nonlocal failed
        for item in read_sources(args.sources, published=args.published, options=read_options(args)):
            if isinstance(item, SkipNotice):  # not coded on purpose (language, duplicate): not a failure
                print(f"eventcoder: {item}", file=sys.stderr)
                continue
            if isinstance(item, InputError):
                failed += 1
                print(f"eventcoder: error: {item}", file=sys.stderr)
                continue
            yield item

    coder = Coder(show_negated=args.show_negated, actor_dictionaries=args.actor_dictionary)
    for coded in coder.code_many(good_articles()):
        if args.format == "jsonl":
            for e in coded.events:
                out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        elif args.format == "json":
            out.write(json.dumps({
                "story": coded.article.to_dict(),
                "events": [e.to_dict() for e in coded.events],
                "entities": [dict(e.to_dict(), start=e.start, end=e.end, rule=e.rule) for e in coded.entities],
                "quotes": [q.to_dict() for q in coded.quotes],
            }, ensure_ascii=False) + "\n")
        else:
            out.write(format_table(coded))
        out.flush()
    return 1 if failed else 0


def _ent(e) -> str:
    s = e.code
    if e.org:
        s += f"/{e.org}"
    if e.sector:
        s += f" {e.sector}"
    return s


def format_table(coded) -> str:
    """A readable table of one story's events: event, actor → recipient, date, place, evidence."""
    a = coded.article
    lines = [f"== {a.id}" + (f" — {a.title}" if a.title else "") + (f" ({a.published})" if a.published else "")]
    if not coded.events:
        lines.append("   (no events)")
    for e in coded.events:
        ev = e.event + (f"/{e.mode[0]}" if e.mode else "")
        arrow = "↔" if e.symmetric else "→"
        actors = ", ".join(_ent(x) for x in e.actor) or "-"
        recips = ", ".join(_ent(x) for x in e.recipient) or "-"
        place = f"{e.event_loc.name}, {e.event_loc.country}" if e.event_loc else "-"
        evidence = a.text[e.start:e.end].replace("\n", " ")
        if len(evidence) > 90:
            evidence = evidence[:87] + "..."
        mod = "" if e.modality == "asserted" else f" [{e.modality}]"
        lines.append(f"   {ev:<22} {actors} {arrow} {recips}{mod}")
        lines.append(f"   {'':<22} {e.date or '-'}  {place}  cameo {e.cameo}  \u201c{evidence}\u201d")
    return "\n".join(lines) + "\n"
