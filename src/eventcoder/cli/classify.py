"""``eventcoder classify --input pairs.jsonl [--output FILE]``: the PLOVER type of an actor pair in a text.

Reads one ``{"id", "text", "source", "target"}`` object per line (``source`` and ``target`` are the actor
spans in ``text``) and writes ``{"id", "event"}`` per line, ``event`` a PLOVER type or "NONE"
(docs/output.md). A bad line gets a one-line error on stderr naming the line and the reason; the other lines
go on; the exit status is 1 if any line failed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

from ..article import EventcoderError, InputError


def add_parser(sub) -> None:
    p = sub.add_parser("classify", help="PLOVER type of actor pairs (JSONL in, JSONL out)",
                       description="Classify the event between a source and a target span of a text. Input: "
                                   'JSONL lines {"id", "text", "source", "target"}; output: {"id", "event"}.')
    p.add_argument("--input", required=True, metavar="FILE", help="JSONL file of pairs ('-' for stdin)")
    p.add_argument("--output", metavar="FILE", help="write the results here instead of stdout")
    p.set_defaults(func=run)


def _make_coder():
    """The coder (a separate function so tests can swap in a stand-in)."""
    from ..coder import Coder

    return Coder()


def _lines(path: str) -> Iterator[str]:
    if path == "-":
        yield from sys.stdin
        return
    try:
        with open(path, encoding="utf-8-sig") as fh:
            yield from fh
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not valid UTF-8 ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None


def parse_pair(line: str) -> dict[str, Any]:
    """One input line as ``{"id", "text", "source", "target"}``.

    Raises:
        InputError: not JSON, not an object, ``id`` missing, or ``text``/``source``/``target`` missing,
            not a string or empty (the message is the reason, without the line number).
    """
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}")
    if obj.get("id") in (None, ""):
        raise InputError("no 'id'")
    for key in ("text", "source", "target"):
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"'{key}' missing or not a non-empty string")
    return obj


def run(args) -> int:
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    except OSError as err:
        raise InputError(f"{args.output}: cannot be written ({err.strerror or err})") from None
    failed = 0
    coder = None
    try:
        for n, line in enumerate(_lines(args.input), start=1):
            if not line.strip():
                continue
            try:
                pair = parse_pair(line)
                if coder is None:
                    coder = _make_coder()
                event = coder.classify(pair["text"], pair["source"], pair["target"])
            except NotImplementedError:
                print("eventcoder: error: Coder.classify is not built yet", file=sys.stderr)
                return 1
            except EventcoderError as err:
                failed += 1
                print(f"eventcoder: error: {args.input}: line {n}: {err}", file=sys.stderr)
                continue
            except Exception as err:  # noqa: BLE001 - one bad pair must not end the batch
                failed += 1
                print(f"eventcoder: error: {args.input}: line {n}: classifier failed "
                      f"({type(err).__name__}: {err})", file=sys.stderr)
                continue
            out.write(json.dumps({"id": pair["id"], "event": event or "NONE"}, ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0
