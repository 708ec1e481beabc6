"""``eventcoder extract``: output formats and bad input (one-line errors, other inputs still coded)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "examples" / "nato-russia-brussels-2015.txt"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventcoder.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bad")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "latin1.txt").write_bytes("The Swiss président met the ministers in Genève on Monday.".encode("latin-1"))
    (d / "emptydir").mkdir()
    return {
        "missing": d / "no-such-file.txt",
        "directory": d / "emptydir",
        "empty": d / "empty.txt",
        "binary": d / "binary.bin",
        "latin1": d / "latin1.txt",
    }


@pytest.mark.parametrize("kind,reason", [
    ("missing", "no such file"),
    ("directory", "is a directory"),
    ("empty", "empty file"),
    ("binary", "not text"),
    ("latin1", "not valid UTF-8"),
])
def test_bad_input_gets_one_line_error_and_others_are_coded(bad_inputs, kind, reason):
    bad = bad_inputs[kind]
    r = run_cli("extract", str(bad), str(BUNDLED), "--format", "jsonl")
    assert r.returncode == 1
    err_lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(err_lines) == 1, r.stderr
    assert str(bad) in err_lines[0] and reason in err_lines[0]
    assert "Traceback" not in r.stderr
    events = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert events, "the good input must still be coded"
    assert {e["story_id"] for e in events} == {"nato-russia-brussels-2015"}


def test_good_input_exits_zero_and_prints_table():
    r = run_cli("extract", str(BUNDLED))
    assert r.returncode == 0, r.stderr
    assert "CONSULT" in r.stdout and "IGO/NATO" in r.stdout


def test_jsonl_stories_use_input_id(tmp_path):
    p = tmp_path / "stories.jsonl.gz"
    rows = [
        {"id": "s-1", "text": "Russian troops attacked Ukrainian positions near Donetsk on Monday.",
         "published": "2015-02-10", "title": "Fighting"},
        {"ID": "s-2", "content": "The foreign ministers of France and Germany met in Paris on Friday.",
         "date": "2015-03-06"},
        {"id": "s-3"},
    ]
    with gzip.open(p, "wt", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    r = run_cli("extract", str(p), "--format", "jsonl")
    assert r.returncode == 1  # the third line has no text
    assert f"{p}:3" in r.stderr and "no text" in r.stderr
    events = [json.loads(ln) for ln in r.stdout.splitlines()]
    by_story = {e["story_id"]: e for e in events}
    assert by_story["s-1"]["event"] == "ASSAULT"
    assert by_story["s-1"]["actor"][0]["code"] == "RUS" and by_story["s-1"]["recipient"][0]["code"] == "UKR"
    assert by_story["s-1"]["date"] == "2015-02-09"
    assert by_story["s-2"]["event"] == "CONSULT"
    assert by_story["s-2"]["event_loc"]["country"] == "FRA"


def test_output_contract_fields():
    r = run_cli("extract", str(BUNDLED), "--format", "jsonl")
    ev = json.loads(r.stdout.splitlines()[0])
    for key in ("id", "story_id", "date", "date_precision", "event", "mode", "context", "actor", "recipient",
                "event_loc", "event_text", "text_info", "quad_code", "plover_score", "cameo", "goldstein",
                "modality", "attribution", "confidence", "cite_info"):
        assert key in ev
    assert set(ev["text_info"]) >= {"sequence", "start", "end", "sentence"}
    assert set(ev["actor"][0]) >= {"entity_text", "code", "sector", "org", "name", "identifier_id"}
    assert ev["cite_info"]["url"] == "https://example.org/2015/05/19/nato-chief-presses-moscow"


def test_article_over_the_length_limit_is_an_input_error(tmp_path):
    from eventcoder.article import InputError
    from eventcoder.ingest import ReadOptions, read_sources

    p = tmp_path / "long.txt"
    p.write_text("The minister met the envoy. " * 20, encoding="utf-8")
    (err,) = list(read_sources([str(p)], options=ReadOptions(max_chars=100, languages=None)))
    assert isinstance(err, InputError) and "article too long" in str(err) and str(p) in str(err)


def test_readme_sample_output_is_what_extract_prints():
    """The README's sample block is the real output of `make demo`'s command (a regression guard)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ eventcoder extract examples/nato-russia-brussels-2015.txt\n", 1)[1].split("```", 1)[0]
    r = run_cli("extract", "examples/nato-russia-brussels-2015.txt")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines() == block.strip().splitlines()
