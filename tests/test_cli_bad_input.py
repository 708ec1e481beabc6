"""User errors found by trying the CLI as a new user: each gets one line naming the input and the reason,
never a traceback, and never a silent empty result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.cli import main
from eventcoder.ingest import jsonl


def _usage_error(argv: list[str], capsys) -> str:
    """Run a command that argparse must refuse; return its last stderr line."""
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.strip().splitlines()[-1]


@pytest.mark.parametrize("argv, option", [
    (["events", "--limit", "-3"], "--limit"),
    (["events", "--min-mentions", "0"], "--min-mentions"),
    (["export", "--format", "csv", "-o", "x.csv", "--limit", "0"], "--limit"),
    (["network", "--top", "-1"], "--top"),
    (["network", "--ties", "0"], "--ties"),
    (["ingest", "a.txt", "--batch-size", "0"], "--batch-size"),
    (["ingest", "a.txt", "--batch-size", "-1"], "--batch-size"),
    (["ingest", "a.txt", "--limit", "-1"], "--limit"),
])
def test_counts_below_one_are_usage_errors(argv, option, tmp_path, capsys):
    # before: --limit -3 was a DuckDB BinderException traceback, --batch-size 0 stored nothing and said
    # "0 stories stored", --batch-size -1 and --limit -1 an islice ValueError traceback
    db = tmp_path / "e.duckdb"
    line = _usage_error([*argv, "--db", str(db)], capsys)
    assert f"argument {option}: not a positive whole number" in line
    assert not db.exists()


def test_batch_out_dir_that_cannot_be_created_is_one_line(tmp_path, capsys):
    src = tmp_path / "story.txt"
    src.write_text("Russia and China signed a trade agreement on Monday.\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = blocker / "sub"  # a directory under a regular file
    assert main(["batch", str(src), "--out", str(out), "--workers", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"eventcoder: error: {out}: cannot create the output directory (Not a directory)"


def test_batch_out_dir_is_created_with_its_parents(tmp_path):
    from eventcoder.cli.batch import check_local_out

    out = tmp_path / "a" / "b"
    check_local_out(str(out))
    assert out.is_dir()
    check_local_out("s3a://bucket/out")  # URIs are left to the engine
    assert not Path("s3a:").exists()


def _read_jsonl(tmp_path: Path, records: list) -> list:
    f = tmp_path / "s.jsonl"
    f.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n",
                 encoding="utf-8")
    return list(jsonl.read(str(f)))


@pytest.mark.parametrize("value", ["yesterday", "2 hours ago", "next week", "Tuesday", "March 5", "2015"])
def test_jsonl_relative_or_partial_published_dates_are_errors(value, tmp_path):
    # before: "yesterday" became the day before the run, "next week" a date in the future, "March 5" the
    # 5th of March of the current year, "2015" today's month and day in 2015
    (item,) = _read_jsonl(tmp_path, [{"id": "a", "text": "Russia met China.", "published": value}])
    msg = str(item)
    assert msg.startswith(f"{tmp_path / 's.jsonl'}:1: unreadable date {value!r}")
    assert "year and a month" in msg


@pytest.mark.parametrize("value, expected", [
    ("2015-05-19T10:00:00Z", "2015-05-19"),
    ("2015/05/19", "2015-05-19"),
    ("Tue, 19 May 2015 10:00:00 GMT", "2015-05-19"),
    ("May 19, 2015", "2015-05-19"),
    ("May 2015", "2015-05-01"),
])
def test_jsonl_absolute_published_dates_are_read(value, expected, tmp_path):
    (art,) = _read_jsonl(tmp_path, [{"id": "a", "text": "Russia met China.", "published": value}])
    assert art.published.isoformat() == expected


def test_jsonl_line_that_is_not_json_says_so(tmp_path):
    items = _read_jsonl(tmp_path, ['{bad json', {"id": "ok", "text": "Russia met China."}])
    assert str(items[0]) == (f"{tmp_path / 's.jsonl'}:1: not valid JSON "
                             "(Expecting property name enclosed in double quotes at column 2)")
    assert items[1].id == "ok"


def test_ingest_prints_bad_inputs_as_errors(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    db = tmp_path / "e.duckdb"
    assert main(["ingest", str(missing), "--db", str(db), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert f"eventcoder: error: {missing}: no such file" in err.splitlines()


@pytest.mark.parametrize("option, value, message", [
    ("--type", "BOGUS", "event type 'BOGUS': not a PLOVER event type (expected one of AGREE, CONSULT, "),
    ("--cameo", "xx", "CAMEO code prefix 'xx': expected 1 to 4 digits (04, 043, 0874)"),
    ("--cameo", "12345", "CAMEO code prefix '12345': expected 1 to 4 digits (04, 043, 0874)"),
])
@pytest.mark.parametrize("command", [["events"], ["export", "--format", "plover", "-o", "-"], ["network"]])
def test_unknown_event_type_or_cameo_prefix_is_an_error(command, option, value, message, tmp_path, capsys):
    # before: `events --type BOGUS` printed "no events match" with status 0, as if the store were empty
    from eventcoder.store import EventStore

    db = tmp_path / "e.duckdb"
    EventStore(db).close()
    assert main([*command, "--db", str(db), option, value]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"eventcoder: error: {message}") and captured.err.count("\n") == 1


@pytest.mark.parametrize("content", ["<!-- only a comment -->", "Russia condemned the strike on Monday."])
def test_unparsable_html_is_one_line_without_library_log_lines(content, tmp_path, capsys, caplog):
    # before: trafilatura logged 'ERROR trafilatura.utils: lxml parsing failed: Document is empty' (and
    # 'parsed tree length: 0 ...') above our own error, two or three lines for one bad page
    page = tmp_path / "page.html"
    page.write_text(content, encoding="utf-8")
    assert main(["extract", str(page)]) == 1
    assert capsys.readouterr().err == f"eventcoder: error: {page}: malformed HTML (no document could be parsed)\n"
    assert [r.getMessage() for r in caplog.records if r.name.startswith(("trafilatura", "htmldate"))] == []


def test_ingest_says_when_a_story_of_another_source_replaces_a_stored_one(tmp_path, capsys):
    # before: d1/story.txt and d2/story.txt (story ids are file names) printed "2 stories stored
    # (1 replaced)" and the store silently kept only the second article
    from eventcoder.store import EventStore

    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    first, second = tmp_path / "d1" / "story.txt", tmp_path / "d2" / "story.txt"
    first.write_text("Russia and China signed a trade agreement on Monday.\n", encoding="utf-8")
    second.write_text("Iran and Iraq held talks in Baghdad on Sunday.\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    assert main(["ingest", str(first), str(second), "--db", str(db), "--no-progress"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [(f"eventcoder: warning: {second}: story id 'story' was stored from {first}; "
                                 "this story replaces it (give the stories distinct ids)")]
    assert "2 stories stored (1 replaced)" in out
    with EventStore(db, read_only=True) as st:
        assert st.story_source("story") == str(second) and st.story_source("other") is None
    # the same file again, changed: an update of the stored story, no warning
    second.write_text("Iran and Iraq held talks in Baghdad on Monday.\n", encoding="utf-8")
    assert main(["ingest", str(second), "--db", str(db), "--no-progress"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "1 stories stored (1 replaced)" in out


@pytest.mark.parametrize("record, message", [
    ({"id": ["x"], "text": "Egypt condemned the strike."}, "the id is a list, not a string or number"),
    ({"id": {"a": 1}, "text": "Peru condemned the strike."}, "the id is an object, not a string or number"),
    ({"id": True, "text": "Cuba condemned the strike."}, "the id is true, not a string or number"),
    ({"id": "b2", "text": 42}, "the text is a number, not a string"),
    ({"id": "b3", "text": ["Chile condemned the strike."]}, "the text is a list, not a string"),
])
def test_jsonl_id_or_text_of_the_wrong_kind_says_so(record, message, tmp_path):
    # before: ids ["x"] and {"a": 1} became the story ids "['x']" and "{'a': 1}"; a text of 42 was "no text
    # (looked for text, content, ...)" although the text field was there
    items = _read_jsonl(tmp_path, [record, {"id": 7, "text": "Russia met China."}])
    assert str(items[0]) == f"{tmp_path / 's.jsonl'}:1: {message}"
    assert items[1].id == "7"  # a number is still an id


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_source_without_a_size_is_read_only_up_to_the_limit(capsys):
    # before: a device or pipe reports size 0, so the size check passed and read_bytes read it whole:
    # `eventcoder extract /dev/zero` grew until the kernel killed it (status 137)
    from eventcoder.article import InputError
    from eventcoder.ingest import read_bytes

    with pytest.raises(InputError) as err:
        read_bytes("/dev/zero", max_bytes=1000)
    assert str(err.value) == "/dev/zero: over the 1000 bytes size limit (--max-bytes)"
    assert main(["extract", "/dev/zero", "--max-bytes", "2k"]) == 1
    assert capsys.readouterr().err == "eventcoder: error: /dev/zero: over the 2 kB size limit (--max-bytes)\n"


@pytest.mark.parametrize("option, value", [("--timeout", "-1"), ("--timeout", "0"), ("--timeout", "inf"),
                                           ("--interval", "-5"), ("--interval", "nan"), ("--timeout", "ten")])
def test_watch_seconds_must_be_positive(option, value, tmp_path, capsys):
    # before: --timeout -1 ended in a traceback from socket.settimeout ('Timeout value out of range') at the
    # first request; --interval -5 was taken as no pause at all
    db = tmp_path / "w.duckdb"
    line = _usage_error(["watch", "http://127.0.0.1:9/feed.xml", "--db", str(db), "--once", option, value],
                        capsys)
    assert line == f"eventcoder watch: error: argument {option}: not a positive number of seconds: {value!r}"
    assert not db.exists()


@pytest.mark.parametrize("value", ["nan", "-1", "0", "inf"])
def test_serve_timeout_must_be_positive(value, tmp_path, capsys):
    # before: --timeout nan served, and every POST /v1/code answered 'coding took longer than nan s'
    db = tmp_path / "s.duckdb"
    line = _usage_error(["serve", "--db", str(db), "--timeout", value], capsys)
    assert line == f"eventcoder serve: error: argument --timeout: not a positive number of seconds: {value!r}"
    assert not db.exists()


def test_version_option(capsys):
    # before: 'eventcoder --version' was "error: unrecognized arguments: --version" (status 2)
    from eventcoder import __version__

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"eventcoder {__version__}\n"


@pytest.mark.parametrize("content", ["May 5, 2020\n", "Original url:\n\n<https://example.org/x>\n",
                                     "May 5, 2020\n\nOriginal url:\n\n<https://example.org/x>\n"])
def test_text_file_of_metadata_lines_only_is_an_error(content, tmp_path, capsys):
    # before: read as an article with empty text; extract printed '(no events)' with status 0 (the HTTP API
    # already refused such a text: 'no article text (only metadata lines)')
    f = tmp_path / "meta.txt"
    f.write_text(content, encoding="utf-8")
    assert main(["extract", str(f)]) == 1
    assert capsys.readouterr().err == f"eventcoder: error: {f}: no article text (only metadata lines)\n"
