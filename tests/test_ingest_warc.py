"""WARC/ARC archives: HTML responses become articles, other records are passed over, damage is reported."""

from __future__ import annotations

import gzip
import io
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventcoder.article import Article, InputError
from eventcoder.ingest import ReadOptions, ReadSummary, SkipNotice, read_sources

SITE = Path(__file__).parent / "fixtures" / "ingest" / "site"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _response(writer: WARCWriter, uri: str, body: bytes, ctype: str = "text/html; charset=utf-8",
              status: str = "200 OK", when: str = "2024-03-13T08:00:00Z"):
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                    warc_headers_dict={"WARC-Date": when})
    writer.write_record(rec)


def build_warc(gz: bool = True) -> bytes:
    """An archive with: warcinfo, a request, 2 English HTML pages, a French page, an image, a 404,
    a redirect, and the first page again under another URI (a duplicate)."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record("test.warc", {"software": "eventcoder tests"}))
    req = StatusAndHeaders("GET /ministers HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
    w.write_record(w.create_warc_record("https://news.example.org/ministers", "request", http_headers=req))
    page = (SITE / "ministers-meet.html").read_bytes()
    _response(w, "https://news.example.org/ministers", page)
    _response(w, "https://news.example.org/strike", (SITE / "url-date-only.html").read_bytes())
    _response(w, "https://news.example.org/fr", (SITE / "french.html").read_bytes())
    _response(w, "https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), ctype="image/png")
    _response(w, "https://news.example.org/gone", b"<html><body>Not found</body></html>", status="404 Not Found")
    _response(w, "https://news.example.org/old", b"", status="301 Moved Permanently")
    _response(w, "https://mirror.example.net/copy", page)
    return buf.getvalue()


def test_warc_html_responses_become_articles(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(build_warc())
    items = list(read_sources([str(p)]))
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.title for a in arts] == [
        "Ministers agree to reopen border crossings after Geneva talks",
        "Harbour workers end strike after pay deal",
    ]
    a = arts[0]
    assert a.published == date(2024, 3, 12)
    assert a.source == f"{p} [https://news.example.org/ministers]"
    assert a.url == "https://news.example.org/2024/03/15/world/ministers-agree-border-crossings"
    skips = [i for i in items if isinstance(i, SkipNotice)]
    assert [s.kind for s in skips] == ["language fr", "duplicate"]
    assert str(skips[1]).startswith(f"{p} [https://mirror.example.net/copy]: skipped: duplicate of {a.id}")
    assert not [i for i in items if isinstance(i, InputError) and not isinstance(i, SkipNotice)]


def test_uncompressed_warc_and_gzip_of_a_whole_warc(tmp_path):
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(build_warc(gz=False))
    whole = tmp_path / "crawl.dat.gz"  # a gzip of the whole archive, named oddly: sniffed by content
    whole.write_bytes(gzip.compress(build_warc(gz=False)))
    for p in (plain, whole):
        arts = [i for i in read_sources([str(p)]) if isinstance(i, Article)]
        assert len(arts) == 2, p


def test_warc_crawl_date_bounds_the_publication_date(tmp_path):
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    page = (SITE / "future-dates.html").read_bytes().replace(
        b"<title>", b'<meta name="date" content="2024-06-30"><title>')
    _response(w, "https://news.example.org/bridge", page, when="2024-05-01T10:00:00Z")
    _response(w, "https://news.example.org/bridge-later", page.replace(b"bridge", b"tunnel"),
              when="2024-07-02T10:00:00Z")
    p = tmp_path / "c.warc.gz"
    p.write_bytes(buf.getvalue())
    first, second = [i for i in read_sources([str(p)])]
    assert first.published is None  # 2024-06-30 is after the 2024-05-01 crawl
    assert second.published == date(2024, 6, 30)


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_keeps_complete_records_and_reports_once(tmp_path, gz):
    blob = build_warc(gz)
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    # cut inside the third response record (the French page): the first two articles survive
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(io.BytesIO(blob))
    offsets = {r.rec_headers.get_header("WARC-Target-URI"): it.get_record_offset() for r in it
               if r.rec_type == "response"}
    cut.write_bytes(blob[: offsets["https://news.example.org/fr"] + 300])
    items = list(read_sources([str(cut)]))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, InputError) and not isinstance(i, SkipNotice)]
    assert len(arts) == 2
    assert len(errs) == 1
    msg = str(errs[0])
    assert msg.startswith(str(cut)) and ("truncated" in msg or "corrupt" in msg) and "\n" not in msg


def test_not_a_warc_and_record_size_limit(tmp_path):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(gzip.compress(b"this is not an archive at all\n" * 5))
    (err,) = list(read_sources([str(bad)]))
    assert str(err).startswith(f"{bad}: not a WARC/ARC archive")
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(build_warc())
    items = list(read_sources([str(p)], options=ReadOptions(max_bytes=2000)))
    too_big = [str(i) for i in items if isinstance(i, InputError) and "size limit" in str(i)]
    assert len(too_big) == 2  # the 2.9 kB page and its copy; the smaller pages pass
    assert too_big[0].startswith(f"{p} [https://news.example.org/ministers]: ")


def test_response_record_without_target_uri_is_one_error_after_the_good_records(tmp_path, capsys):
    # warcio raised AttributeError ('NoneType' object has no attribute 'startswith') out of the reader,
    # which lost the reason ("cannot read (AttributeError: ...)") and named no record
    p = tmp_path / "odd.warc"
    page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>x</p></body></html>"
    bad = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
           b"Content-Length: %d\r\n\r\n" % len(page)) + page + b"\r\n\r\n"
    p.write_bytes(gzip.decompress(build_warc()) + bad)
    items = list(read_sources([str(p)]))
    errs = [str(i) for i in items if type(i) is InputError]
    assert errs == [(f"{p}: malformed record 10, its headers cannot be parsed "
                     "(AttributeError: 'NoneType' object has no attribute 'startswith')")]
    assert len([i for i in items if isinstance(i, Article)]) == 2  # the good records before it are read
    from eventcoder.cli import main

    assert main(["read", str(p), "--format", "table"]) == 1
    assert f"eventcoder: error: {errs[0]}" in capsys.readouterr().err.splitlines()


@pytest.mark.slow
def test_shared_fundus_warc_all_85_records_read():
    path = SHARED / "warc" / "fundus_en_news_sample.warc.gz"
    truth = SHARED / "html" / "fundus_en" / "ground_truth.jsonl"
    if not path.exists() or not truth.exists():
        pytest.skip("shared WARC sample not present")
    gold = {r["url"]: r for r in map(json.loads, truth.open())}
    summary = ReadSummary()
    dates_ok = n = 0
    for item in read_sources([str(path)], options=ReadOptions(languages=None, dedup=False)):
        summary.add(item)
        if isinstance(item, Article):
            uri = re.search(r"\[(.*)\]$", item.source).group(1).rstrip("\u2026")  # long URIs are cut
            (truth,) = [r for u, r in gold.items() if u.startswith(uri)]
            n += 1
            dates_ok += item.published is not None and \
                item.published.isoformat() == truth["publishing_date"][:10]
    assert summary.failed == []
    assert summary.read == 85 and n == 85
    assert dates_ok / n >= 0.85


@pytest.mark.slow
def test_shared_common_crawl_sample_reads_without_error():
    path = SHARED / "warc" / "resiliparse_cc-main_2020-34_sample.warc.gz"
    if not path.exists():
        pytest.skip("shared WARC sample not present")
    summary = ReadSummary()
    for item in read_sources([str(path)]):
        summary.add(item)
    assert summary.failed == []
    # 16 HTML responses, mostly not English: each one is an article or a skip with a reason
    assert summary.read + summary.n_skipped == 16
    assert Counter(k.split()[0] for k in summary.skipped.elements())["language"] >= 8
