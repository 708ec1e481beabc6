"""HTTP API tests against the real server (uvicorn on 127.0.0.1, ephemeral port) with the real coder.

The coder is the session-wide one of ``conftest.py`` (shared with the browser tests). Error tests also use
small stand-in coders (one that sleeps, one that raises) to reach the timeout and coder-failure paths.
"""

from __future__ import annotations

import itertools
import json
import time
from datetime import date
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nato-russia-brussels-2015.txt"
PUBLISHED = "2015-05-19"
MAX_BODY = 200_000


@pytest.fixture(scope="module")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def base(coder, tmp_path_factory):
    """Base URL of a server over a fresh store."""
    from eventcoder.web import create_app
    from eventcoder.web.server import serve_in_thread

    db = tmp_path_factory.mktemp("web") / "api.duckdb"
    app = create_app(db, coder=coder, max_body_bytes=MAX_BODY, timeout_s=60)
    with serve_in_thread(app) as url:
        yield url


@pytest.fixture(scope="module")
def client(base):
    with httpx.Client(base_url=base, timeout=120) as c:
        yield c


@pytest.fixture(scope="module")
def stored(client, example_text):
    """The example article stored through the API (the response of the first POST)."""
    r = client.post("/v1/stories", json={"text": example_text, "published": PUBLISHED})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["events"], "the coder found no event in the example article (event lexicon missing?)"
    return body


def _error(r: httpx.Response, status: int, code: str) -> str:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code, body
    msg = body["error"]["message"]
    assert msg and "\n" not in msg
    return msg


# -- the server and its docs ------------------------------------------------------------------------------

def test_server_listens_on_loopback(base, client):
    assert base.startswith("http://127.0.0.1:") and int(base.rsplit(":", 1)[1]) > 0
    assert client.get("/v1/health").json()["status"] == "ok"


def test_openapi_lists_the_routes_and_docs_are_local(client):
    spec = client.get("/openapi.json").json()
    for path in ("/v1/code", "/v1/stories", "/v1/stories/{story_id}", "/v1/events", "/v1/dyads/{a}/{b}",
                 "/v1/network"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/v1/code"] and "get" in spec["paths"]["/v1/events"]
    html = client.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in html and "cdn." not in html
    asset = client.get("/docs-assets/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.content) > 100_000


def test_meta_gives_ontology_names(client):
    meta = client.get("/v1/meta").json()
    assert len(meta["event_types"]) == 16 and "CONSULT" in meta["event_types"]
    assert meta["quad_classes"]["4"] == "material conflict"
    assert meta["cameo_names"]["040"].lower().startswith("consult")
    assert meta["max_body_bytes"] == MAX_BODY


# -- coding ----------------------------------------------------------------------------------------------

def test_code_returns_exactly_what_the_coder_gives(client, coder, example_text):
    from eventcoder.ingest.text import parse

    stories_before = client.get("/v1/stories").json()["total"]
    r = client.post("/v1/code", json={"text": example_text, "published": PUBLISHED})
    assert r.status_code == 200, r.text
    data = r.json()
    story = data["story"]
    assert story["id"].startswith("web-") and story["published"] == PUBLISHED
    assert story["title"] == "NATO Chief Presses Moscow Over Ukraine in First Talks Since Winter"
    assert story["dateline"] == "BRUSSELS"
    direct = coder.code(parse(example_text, story_id=story["id"], published=date.fromisoformat(PUBLISHED)))
    assert story["text"] == direct.article.text
    assert data["events"] == json.loads(json.dumps([e.to_dict() for e in direct.events]))
    assert [e["entity_text"] for e in data["entities"]] == [e.entity_text for e in direct.entities]
    assert data["elapsed_ms"] > 0
    # nothing stored
    assert client.get("/v1/stories").json()["total"] == stories_before


def test_code_offsets_point_into_the_text(client, example_text):
    data = client.post("/v1/code", json={"text": example_text, "published": PUBLISHED}).json()
    text = data["story"]["text"]
    assert data["events"], "the coder found no event in the example article (event lexicon missing?)"
    for ev in data["events"]:
        ti = ev["text_info"]
        assert 0 <= ti["start"] < ti["end"] <= len(text)
        assert text[ti["start"]:ti["end"]].strip() in ti["sentence"]
        assert ev["explanation"], ev
    for ent in data["entities"]:
        assert text[ent["start"]:ent["end"]] == ent["entity_text"]
    for q in data["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    assert {e["code"] for e in data["entities"]} >= {"RUS", "BEL"}


def test_code_html_page(client):
    paras = [("NATO Secretary-General Jens Stoltenberg met Russian Foreign Minister Sergei Lavrov in "
              "Brussels on Tuesday, the first meeting of the two men since the winter."),
             ("Stoltenberg urged Russia to withdraw its troops from eastern Ukraine, officials said after "
              "the talks, which lasted more than an hour and covered the ceasefire agreed in Minsk.")]
    html = ("<!doctype html><html><head><title>NATO chief meets Lavrov | Example News</title>"
            '<meta property="og:title" content="NATO chief meets Lavrov">'
            '<meta property="article:published_time" content="2015-05-19T10:00:00Z"></head><body>'
            "<nav><a href='/'>Home</a></nav><article><h1>NATO chief meets Lavrov</h1>"
            + "".join(f"<p>{p}</p>" for p in paras) + "</article><footer>(c) Example</footer></body></html>")
    r = client.post("/v1/code", json={"html": html, "url": "https://news.example.org/2015/05/19/nato-lavrov"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["story"]["title"] == "NATO chief meets Lavrov"
    assert data["story"]["published"] == "2015-05-19"
    assert "Home" not in data["story"]["text"] and "Stoltenberg urged Russia" in data["story"]["text"]
    assert any(e["code"] == "RUS" for e in data["entities"])


# -- storing and reading ---------------------------------------------------------------------------------

def test_store_then_read_the_story(client, stored, example_text):
    sid = stored["story"]["id"]
    assert stored["stored"] is True and stored["events"]
    assert all(ev["event_id"] and ev["story_id"] == sid for ev in stored["events"])
    again = client.post("/v1/stories", json={"text": example_text, "published": PUBLISHED})
    assert again.status_code == 200 and again.json()["stored"] is False
    got = client.get(f"/v1/stories/{sid}")
    assert got.status_code == 200
    body = got.json()
    assert body["story"]["text"] == stored["story"]["text"] and body["story"]["text"].startswith("NATO Chief")
    assert [e["id"] for e in body["events"]] == [e["id"] for e in stored["events"]]
    assert len(body["entities"]) == len(stored["entities"]) > 0
    listed = client.get("/v1/stories").json()
    assert sid in [s["id"] for s in listed["stories"]]
    assert next(s for s in listed["stories"] if s["id"] == sid)["n_events"] == len(stored["events"])


def test_store_with_own_id(client):
    text = "Russian Foreign Minister Sergei Lavrov met Belgian Foreign Minister Didier Reynders in Brussels."
    r = client.post("/v1/stories", json={"text": text, "published": "2015-05-20", "id": "my-story-1"})
    assert r.status_code == 201, r.text
    assert r.json()["story"]["id"] == "my-story-1"
    assert client.get("/v1/stories/my-story-1").json()["story"]["published"] == "2015-05-20"


def test_store_says_when_it_replaced_a_story_of_the_same_id(client):
    # before: a second POST with the same id and another text answered 201 {"stored": true} like a new story,
    # though the first story and its events were gone
    first = client.post("/v1/stories", json={"id": "same-id", "text": "Egypt and Sudan held talks in Cairo."})
    assert first.status_code == 201 and first.json()["replaced"] is False
    second = client.post("/v1/stories", json={"id": "same-id", "text": "Iran and Iraq held talks in Baghdad."})
    assert second.status_code == 201 and second.json()["stored"] is True and second.json()["replaced"] is True
    assert client.get("/v1/stories/same-id").json()["story"]["text"].startswith("Iran and Iraq")


def test_events_filters_and_pages(client, stored):
    all_events = client.get("/v1/events", params={"limit": 500}).json()
    assert all_events["total"] == len(all_events["events"]) >= len({e["event_id"] for e in stored["events"]})
    ids = [e["id"] for e in all_events["events"]]
    assert set(ids) >= {e["event_id"] for e in stored["events"]}
    # pages concatenate to the full list
    paged = []
    for offset in range(0, len(ids), 2):
        page = client.get("/v1/events", params={"limit": 2, "offset": offset}).json()
        assert page["total"] == len(ids) and page["offset"] == offset
        paged += [e["id"] for e in page["events"]]
    assert paged == ids
    # a type filter keeps exactly the events of that type
    etype = stored["events"][0]["event"]
    typed = client.get("/v1/events", params={"type": etype, "limit": 500}).json()
    assert typed["total"] == sum(e["event"] == etype for e in all_events["events"]) > 0
    assert all(e["event"] == etype for e in typed["events"])
    # an actor filter: every event carries the tag on its actor side
    ev = next(e for e in stored["events"] if e["actor"])
    tag = ev["actor"][0]["org"] or ev["actor"][0]["code"]
    by_actor = client.get("/v1/events", params={"actor": tag, "limit": 500}).json()
    assert by_actor["total"] >= 1
    for e in by_actor["events"]:
        assert any(tag in (a["code"], a["org"], f"{a['code']}{a['sector'] or ''}") for a in e["actor"])
    # story and date filters
    assert client.get("/v1/events", params={"story": stored["story"]["id"]}).json()["total"] == \
        len({e["event_id"] for e in stored["events"]})
    assert client.get("/v1/events", params={"since": "2016"}).json()["total"] == 0
    assert client.get("/v1/events", params={"quad": [1, 2, 3, 4]}).json()["total"] == \
        sum(e["quad_code"] in (1, 2, 3, 4) for e in all_events["events"])


def test_dyad_series_counts_the_stored_events(client, stored):
    ev = next(e for e in stored["events"] if e["actor"] and e["recipient"] and e["date"])
    a = ev["actor"][0]["org"] or ev["actor"][0]["code"]
    b = ev["recipient"][0]["org"] or ev["recipient"][0]["code"]
    r = client.get(f"/v1/dyads/{a}/{b}", params={"freq": "day"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["directions"] == [f"{a}→{b}", f"{b}→{a}"]
    fwd = sum(p["events"] for p in data["series"] if p["direction"] == f"{a}→{b}")
    expected = client.get("/v1/events", params={"actor": a, "recipient": b, "limit": 500}).json()
    assert fwd == sum(1 for e in expected["events"] if e["date"]) >= 1
    day = ev["date"][:10]
    assert day in {p["period"] for p in data["series"]}
    for p in data["series"]:
        assert p["events"] == p["quad1"] + p["quad2"] + p["quad3"] + p["quad4"]


def test_network_has_the_stored_ties(client, stored):
    net = client.get("/v1/network").json()
    ties = {(t["actor"], t["recipient"]) for t in net["ties"]}
    ev = next(e for e in stored["events"] if e["actor"] and e["recipient"]
              and e["actor"][0]["code"] != "UNK" and e["recipient"][0]["code"] != "UNK")
    a = ev["actor"][0]["org"] or ev["actor"][0]["code"]
    b = ev["recipient"][0]["org"] or ev["recipient"][0]["code"]
    if a != b:
        assert (a, b) in ties
    assert {x["actor"] for x in net["actors"]} >= {a, b}


# -- malformed input: clear 4xx JSON errors, never a 5xx -------------------------------------------------

@pytest.mark.parametrize("body, status, code", [
    (b'{"text": "abc"', 400, "malformed_json"),
    (b"\xff\xfe{}", 400, "malformed_json"),
    (b"{}", 422, "invalid_request"),
    (b'{"text": "a", "html": "<p>b</p>"}', 422, "invalid_request"),
    (b'{"text": "   "}', 422, "invalid_request"),
    (b'{"text": 5}', 422, "invalid_request"),
    (b'{"text": "x", "published": "2015-02-30"}', 422, "invalid_request"),
    (b'{"text": "x", "colour": "red"}', 422, "invalid_request"),
    (b"[1, 2]", 422, "invalid_request"),
    (b'{"html": "<html><body><nav>menu</nav></body></html>"}', 400, "bad_input"),
])
def test_malformed_code_requests(client, body, status, code):
    r = client.post("/v1/code", content=body, headers={"content-type": "application/json"})
    _error(r, status, code)


def test_messages_name_the_problem(client):
    assert "text" in _error(client.post("/v1/code", json={}), 422, "invalid_request")
    assert "published" in _error(client.post("/v1/code", json={"text": "x", "published": "19 May"}), 422,
                                 "invalid_request")
    assert "JSON" in _error(client.post("/v1/code", content=b"hello", headers={"content-type": "text/plain"}),
                            422, "invalid_request")


def test_body_that_is_not_utf8_is_malformed_json(client):
    # a Latin-1 byte inside a JSON string: FastAPI's own answer was 400 "There was an error parsing the body"
    r = client.post("/v1/code", content=b'{"text": "Caf\xe9 owners protested."}',
                    headers={"content-type": "application/json"})
    assert _error(r, 400, "malformed_json") == ("request body is not valid JSON: not UTF-8 "
                                                "(byte 0xe9 at offset 13)")




def test_body_size_limit(client):
    big = json.dumps({"text": "word " * (MAX_BODY // 5 + 10)}).encode()
    r = client.post("/v1/code", content=big, headers={"content-type": "application/json"})
    assert "larger than" in _error(r, 413, "too_large")

    def chunks():  # no Content-Length: the limit is enforced while reading
        for i in range(0, len(big), 16_384):
            yield big[i:i + 16_384]

    _error(client.post("/v1/code", content=chunks(), headers={"content-type": "application/json"}), 413,
           "too_large")
    # the server is still fine afterwards
    assert client.get("/v1/health").status_code == 200


@pytest.mark.parametrize("path, status, code", [
    ("/v1/stories/no-such-story", 404, "not_found"),
    ("/v1/nothing-here", 404, "not_found"),
    ("/v1/events?since=2015-13", 400, "bad_input"),
    ("/v1/events?quad=9", 422, "invalid_request"),
    ("/v1/events?limit=0", 422, "invalid_request"),
    ("/v1/events?limit=abc", 422, "invalid_request"),
    ("/v1/events?min_mentions=-1", 422, "invalid_request"),
    ("/v1/dyads/NATO/NATO", 400, "bad_input"),
    ("/v1/dyads/NATO/R%20US", 422, "invalid_request"),
    ("/v1/dyads/NATO/RUS?freq=year", 422, "invalid_request"),
    ("/v1/network?level=planet", 422, "invalid_request"),
])
def test_bad_queries(client, path, status, code):
    _error(client.get(path), status, code)


def test_unknown_event_type_or_cameo_prefix_is_refused(client, stored):
    # before: type=BOGUS and cameo=xx answered 200 with no events, as if the store were empty
    msg = _error(client.get("/v1/events?type=BOGUS"), 422, "invalid_request")
    assert msg.startswith("type: event type 'BOGUS': not a PLOVER event type (expected one of AGREE, ")
    msg = _error(client.get("/v1/network?cameo=04x"), 422, "invalid_request")
    assert msg == "cameo: CAMEO code prefix '04x': expected 1 to 4 digits (04, 043, 0874)"
    assert client.get("/v1/events?type=consult&cameo=04").json()["total"] >= 1  # any case, real prefixes


def test_wrong_method(client):
    _error(client.put("/v1/code", json={"text": "x"}), 405, "method_not_allowed")


class _SlowCoder:
    """Stands in for a coder that takes too long."""

    def code(self, article):
        time.sleep(1.5)
        raise AssertionError("the request should have timed out first")


class _BrokenCoder:
    """Stands in for a coder with a bug."""

    def code(self, article):
        raise ValueError("tokenizer exploded")


@pytest.fixture
def make_server(tmp_path):
    """Start servers over throw-away stores with a given coder; stop them after the test."""
    from contextlib import ExitStack

    from eventcoder.web import create_app
    from eventcoder.web.server import serve_in_thread

    n = itertools.count()
    with ExitStack() as stack:
        def start(coder, **kw):
            app = create_app(tmp_path / f"s{next(n)}.duckdb", coder=coder, **kw)
            return stack.enter_context(serve_in_thread(app))

        yield start


def test_article_over_the_readers_length_limit_is_bad_input(make_server):
    # the CLI readers refuse an article over 200,000 characters; the API handed it to the coder (270,000
    # characters held the single coding thread for 21 s). The stand-in coder raises if it is reached.
    url = make_server(_BrokenCoder())  # the default body limit, 2,000 kB
    text = "Officials met on Monday. " * 8001  # 200,025 characters, 200,024 once the last space is stripped
    r = httpx.post(url + "/v1/code", json={"text": text}, timeout=60)
    assert _error(r, 400, "bad_input") == ("request text: article too long (200,024 characters; the limit is "
                                           "200,000: split it into stories)")
    html = "<html><body><article><p>" + text + "</p></article></body></html>"
    r = httpx.post(url + "/v1/code", json={"html": html}, timeout=60)
    assert _error(r, 400, "bad_input").startswith("request html: article too long (")
    r = httpx.post(url + "/v1/code", json={"text": text[:199_990]}, timeout=60)
    assert "tokenizer exploded" in _error(r, 422, "coding_failed")  # under the limit: coded


def test_coding_timeout_gives_408(make_server):
    url = make_server(_SlowCoder(), timeout_s=0.3)
    r = httpx.post(url + "/v1/code", json={"text": "NATO met Russia."}, timeout=30)
    assert "longer than 0.3 s" in _error(r, 408, "timeout")


def test_slow_body_gives_408(make_server):
    import socket

    url = make_server(_BrokenCoder(), timeout_s=0.5)
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"POST /v1/code HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{\"text\": ")  # and then nothing more
        reply = sock.makefile("rb")
        status = reply.readline().decode()
        headers = {}
        while (line := reply.readline().decode().strip()):
            k, _, v = line.partition(":")
            headers[k.lower()] = v.strip()
        body = reply.read(int(headers["content-length"]))
    assert status.startswith("HTTP/1.1 408")
    assert json.loads(body)["error"]["code"] == "timeout"


def test_coder_failure_gives_422(make_server):
    url = make_server(_BrokenCoder())
    r = httpx.post(url + "/v1/code", json={"text": "NATO met Russia.", "id": "bad-1"}, timeout=30)
    msg = _error(r, 422, "coding_failed")
    assert "bad-1" in msg and "tokenizer exploded" in msg


def test_read_only_store_refuses_writes(tmp_path, coder):
    from eventcoder.store import EventStore
    from eventcoder.web import create_app
    from eventcoder.web.server import serve_in_thread

    db = tmp_path / "ro.duckdb"
    EventStore(db).close()

    with serve_in_thread(create_app(db, coder=coder, read_only=True)) as url:
        r = httpx.post(url + "/v1/stories", json={"text": "NATO met Russia."}, timeout=30)
        assert "read-only" in _error(r, 403, "read_only")
        assert httpx.get(url + "/v1/events").json()["total"] == 0
        assert httpx.get(url + "/v1/meta").json()["read_only"] is True


def test_missing_read_only_store_is_a_clear_error(tmp_path, coder):
    from eventcoder.article import InputError
    from eventcoder.web import create_app

    with pytest.raises(InputError, match="no such event store"):
        create_app(tmp_path / "absent.duckdb", coder=coder, read_only=True)


def test_serve_command_is_registered():
    from eventcoder.cli import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.duckdb", "--port", "8123", "--read-only"])
    assert (args.db, args.port, args.read_only, args.host) == ("x.duckdb", 8123, True, "127.0.0.1")
    assert args.func.__module__ == "eventcoder.cli.serve"


def test_serve_on_a_busy_port_is_one_line_before_loading_the_coder(tmp_path, capsys, monkeypatch):
    # before: 'eventcoder: serving ... on http://127.0.0.1:8765/' was printed, the models loaded, then
    # uvicorn's own 'ERROR: [Errno 98] error while attempting to bind ...' and exit status 3
    import socket

    import eventcoder.coder
    from eventcoder.cli import main

    def no_coder(*a, **k):
        raise AssertionError("the coder must not be loaded")

    monkeypatch.setattr(eventcoder.coder, "Coder", no_coder)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port)]) == 1
    assert capsys.readouterr().err == (f"eventcoder: error: 127.0.0.1:{port}: cannot listen there "
                                       "(address already in use)\n")
    assert main(["serve", "--db", str(tmp_path / "s.duckdb"), "--host", "no-such-host.invalid"]) == 1
    assert capsys.readouterr().err.startswith("eventcoder: error: --host no-such-host.invalid: not an address")


def test_serve_on_port_0_prints_the_port_it_got(tmp_path, capsys, monkeypatch):
    # before: 'serving ... on http://127.0.0.1:0/', which names no port anyone can reach
    import uvicorn

    import eventcoder.coder
    from eventcoder.cli import main

    served = []
    monkeypatch.setattr(eventcoder.coder, "Coder", lambda *a, **k: object())
    monkeypatch.setattr(uvicorn.Server, "run",
                        lambda self, sockets=None: served.extend(s.getsockname()[1] for s in sockets))
    assert main(["serve", "--db", str(tmp_path / "s.duckdb"), "--port", "0"]) == 0
    port = served[0]
    assert port > 0
    assert capsys.readouterr().out == (f"eventcoder: serving {tmp_path / 's.duckdb'} on http://127.0.0.1:{port}/ "
                                       "(API docs at /docs)\n")
