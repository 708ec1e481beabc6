"""Property-based robustness: random bytes and text through every reader, and random text through the
coder. Nothing may raise; every problem is an InputError with one line naming the input."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventcoder.article import Article, InputError, TextBlock
from eventcoder.ingest import ReadOptions, read_sources
from eventcoder.ingest.encoding import decode_bytes
from eventcoder.ingest.feeds import parse_feed
from eventcoder.ingest.html import parse_html

#: File names that route bytes to each reader (plain, HTML, JSONL, WARC, feed, gzip variants).
NAMES = ["a.txt", "a.html", "a.html.gz", "a.jsonl", "a.jsonl.gz", "a.warc", "a.warc.gz", "a.arc.gz",
         "a.xml", "a.rss", "noext", "a.gz"]

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bytes with structure the readers look for, so the fuzzing gets past the first checks.
PREFIXES = [b"", b"<!DOCTYPE html><html><body><p>", b"WARC/1.0\r\nWARC-Type: response\r\n",
            b'{"id": "x", "text": "', b"<?xml version='1.0'?><rss version='2.0'><channel><item>",
            b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>", b"\x1f\x8b\x08\x00", b"\xef\xbb\xbf",
            b"filedesc://x 0.0.0.0 20200101000000 text/plain 10\n"]


def _check(items: list, path: str) -> None:
    for item in items:
        assert isinstance(item, (Article, InputError)), type(item)
        if isinstance(item, InputError):
            msg = str(item)
            assert "\n" not in msg, msg
            assert msg.startswith(path), msg
        else:
            assert isinstance(item.text, str)
            for b in item.blocks:
                assert 0 <= b.start <= b.end <= len(item.text)


def _read(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        items = list(read_sources([str(p)], options=ReadOptions(max_bytes=1 << 20)))
        _check(items, str(p))


@FUZZ
@given(name=st.sampled_from(NAMES), prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2000),
       compress=st.booleans())
def test_random_bytes_through_every_reader(name, prefix, data, compress):
    blob = prefix + data
    if compress:
        blob = gzip.compress(blob)
    _read(name, blob)


@FUZZ
@given(name=st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.xml"]), text=st.text(max_size=1500),
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_random_text_in_each_format(name, text, encoding):
    if name == "a.html":
        doc = f"<html><head><title>{text[:80]}</title></head><body><article><p>{text}</p></article></body></html>"
    elif name == "a.jsonl":
        doc = json.dumps({"id": "r", "text": text, "title": text[:40], "date": text[:12]}) + "\n" + text
    elif name == "a.xml":
        doc = f"<rss version='2.0'><channel><item><title>{text[:50]}</title><description>{text}</description>" \
              f"<link>{text[:30]}</link></item></channel></rss>"
    else:
        doc = text
    _read(name, doc.encode(encoding, errors="replace"))


@FUZZ
@given(data=st.binary(max_size=3000))
def test_library_entry_points_on_random_bytes(data):
    for fn in (lambda: decode_bytes(data, "x"), lambda: parse_feed(data, "x"),
               lambda: parse_html(data, "x", url="https://example.org/2024/01/02/a")):
        try:
            fn()
        except InputError as err:
            assert "\n" not in str(err) and str(err).startswith("x")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=600), title_len=st.integers(min_value=0, max_value=40))
def test_random_text_through_the_coder(coder, text, title_len):
    title_len = min(title_len, len(text))
    blocks = ([TextBlock("title", 0, title_len)] if title_len else []) + [TextBlock("body", title_len, len(text))]
    art = Article(id="fuzz", text=text, blocks=blocks)
    try:
        coded = coder.code(art)
    except NotImplementedError:
        pytest.skip("Coder.code_many is not implemented yet")
    assert coded.article is art
    for ev in coded.events:
        assert 0 <= ev.start <= ev.end <= len(text)
