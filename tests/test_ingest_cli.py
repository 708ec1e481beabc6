"""``eventcoder read``: Article records as JSONL or a table, field mapping, summary and exit status."""

from __future__ import annotations

import json
from pathlib import Path

from eventcoder.cli import main
from eventcoder.cli.read import parse_size

FIX = Path(__file__).parent / "fixtures" / "ingest"
SITE = FIX / "site"


def test_read_jsonl_prints_article_records(capsys):
    assert main(["read", str(SITE / "ministers-meet.html"), "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    (line,) = out.splitlines()
    rec = json.loads(line)
    for key in ("id", "url", "title", "published", "publisher", "dateline", "language", "text", "blocks"):
        assert key in rec
    assert rec["title"] == "Ministers agree to reopen border crossings after Geneva talks"
    assert rec["published"] == "2024-03-12"
    assert rec["dateline"] == "GENEVA" and rec["language"] == "en"
    assert [b["kind"] for b in rec["blocks"]] == ["title", "dateline", "body"]
    b = rec["blocks"][0]
    assert rec["text"][b["start"]:b["end"]] == rec["title"]
    assert err.strip() == "eventcoder read: read 1 article, skipped 0, failed 0"


def test_read_summary_and_exit_status_on_failure(capsys, tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    status = main(["read", str(SITE), str(bad), "--format", "table"])
    out, err = capsys.readouterr()
    assert status == 1
    lines = out.splitlines()
    assert lines[0].split("\t") == ["id", "published", "lang", "publisher", "chars", "title"]
    assert len(lines) == 4  # header + 3 English articles
    assert f"eventcoder: error: {bad}: PNG image, not text" in err.splitlines()
    assert "eventcoder read: read 3 articles, skipped 2 (language fr: 1, no article text: 1), failed 1" in err


def test_read_field_mapping_options(capsys):
    status = main(["read", str(FIX / "stories.jsonl"), "--id-field", "story", "--text-field", "body_text",
                   "--date-field", "when", "--title-field", "headline", "--url-field", "address"])
    out, err = capsys.readouterr()
    recs = [json.loads(x) for x in out.splitlines()]
    assert [(r["id"], r["published"]) for r in recs] == [("s1", "2023-07-04"), ("s2", "2024-05-02")]
    assert recs[0]["url"].endswith("harbour-workers-end-strike")
    assert status == 1  # two bad lines
    assert "skipped 1 (duplicate: 1), failed 2" in err


def test_read_options_all_languages_keep_duplicates_max_bytes(capsys):
    assert main(["read", str(SITE / "french.html"), str(SITE / "french.html"), "--all-languages",
                 "--keep-duplicates"]) == 0
    recs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["language"] for r in recs] == ["fr", "fr"]
    assert main(["read", str(SITE / "ministers-meet.html"), "--max-bytes", "1k"]) == 1
    assert "over the 1 kB size limit (--max-bytes)" in capsys.readouterr().err


def test_parse_size():
    assert parse_size("20MB") == 20 * 1024 * 1024
    assert parse_size("500k") == 500 * 1024
    assert parse_size("1048576") == 1048576
    assert parse_size("0") == 0
