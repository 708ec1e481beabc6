"""Dashboard tests in headless Chromium (Debian's ``chromium``, driven by Playwright) against the real server.

They paste the bundled example article and check the events table and the highlighted evidence, store
stories and open the story view, the event search, a dyad chart and the actor network, and check that the
page loads nothing from outside the server. Screenshots go to ``docs/screenshots/``. Skipped cleanly when
``/usr/bin/chromium`` or Playwright is absent.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nato-russia-brussels-2015.txt"
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PUBLISHED = "2015-05-19"

pytestmark = pytest.mark.slow

#: Short stories written for these tests (dates are their publication dates), so a dyad has a timeline
#: and the network more than two actors.
TIMELINE = [
    ("2015-02-06",
     ("# NATO and Russian envoys meet in Munich\n\nMUNICH — NATO Secretary-General Jens Stoltenberg met "
      "Russian Foreign Minister Sergei Lavrov on Friday at a security conference.\n\n"
      "Stoltenberg urged Russia to stop supporting the separatists in eastern Ukraine.")),
    ("2015-03-18",
     ("# Moscow accuses the alliance over exercises\n\nMOSCOW — Russia accused NATO on Wednesday of raising "
      "tension with military exercises near its borders.\n\nThe Kremlin denied that Russian troops had "
      "crossed into Ukraine.")),
    ("2015-04-15",
     ("# Alliance calls on Moscow to pull back\n\nBRUSSELS — NATO called on Russia on Wednesday to withdraw "
      "its forces from the Ukrainian border.\n\nLavrov accused the alliance of provoking a new arms race.")),
    ("2015-06-24",
     ("# Stoltenberg and Lavrov meet again\n\nNATO Secretary-General Jens Stoltenberg met Lavrov again on "
      "Wednesday and urged Moscow to respect the ceasefire.")),
    ("2015-05-12",
     ("# Kerry meets Putin in Sochi\n\nSOCHI — U.S. Secretary of State John Kerry met Russian President "
      "Vladimir Putin on Tuesday to discuss the war in Ukraine.\n\nKerry urged Moscow to respect the "
      "ceasefire agreed in Minsk.")),
    ("2015-03-05",
     ("# EU criticises Moscow over weapons\n\nThe European Union accused Russia on Thursday of sending "
      "weapons to the separatists in eastern Ukraine.\n\nUkraine's government urged the European Union to "
      "extend its sanctions against Russia.")),
    ("2015-06-10",
     ("# Merkel and Poroshenko meet in Berlin\n\nBERLIN — German Chancellor Angela Merkel met Ukrainian "
      "President Petro Poroshenko on Wednesday.\n\nPoroshenko accused Russia of breaking the ceasefire.")),
]


@pytest.fixture(scope="module")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def base(coder, tmp_path_factory):
    from eventcoder.web import create_app
    from eventcoder.web.server import serve_in_thread

    app = create_app(tmp_path_factory.mktemp("webui") / "ui.duckdb", coder=coder, timeout_s=60)
    with serve_in_thread(app) as url:
        yield url


@pytest.fixture(scope="module")
def client(base):
    with httpx.Client(base_url=base, timeout=120) as c:
        yield c


@pytest.fixture(scope="module")
def timeline(client):
    """The timeline stories stored through the API."""
    for i, (day, text) in enumerate(TIMELINE):
        r = client.post("/v1/stories", json={"text": text, "published": day, "id": f"timeline-{i}"})
        assert r.status_code == 201, r.text
    return client.get("/v1/events", params={"limit": 500}).json()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, base):
    """A fresh page; after the test, every request it made must have gone to the server (no CDN)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1400, "height": 950})
    pg = ctx.new_page()
    requests: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.set_default_timeout(30_000)
    yield pg
    ctx.close()
    outside = [u for u in requests if not u.startswith((base + "/", "data:"))]
    assert outside == [], f"the page loaded from outside the server: {outside}"
    assert errors == [], f"JavaScript errors: {errors}"


def _open_ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']")


def test_paste_example_shows_events_and_highlighted_spans(page, base, client, example_text):
    expected = client.post("/v1/code", json={"text": example_text, "published": PUBLISHED}).json()
    assert expected["events"], "the coder found no event in the example article (event lexicon missing?)"
    _open_ready(page, base + "/")
    page.fill("#article-text", example_text)
    page.fill("#published", PUBLISHED)
    page.click("#code-btn")
    page.wait_for_selector("#code-events tbody tr")
    rows = page.locator("#code-events tbody tr")
    assert rows.count() == len(expected["events"])
    assert rows.nth(0).locator("td").nth(2).inner_text().startswith(expected["events"][0]["event"])
    # evidence spans are highlighted where the API says they are
    marks = page.locator("#article-view mark.ev")
    assert marks.count() >= 1
    text = expected["story"]["text"]
    first = expected["events"][0]["text_info"]
    evidence = text[first["start"]:first["end"]]
    shown = page.evaluate("""() => [...document.querySelectorAll('#article-view mark.ev')]
        .filter(m => m.dataset.events.split(',').includes('0')).map(m => m.textContent).join('')""")
    assert shown == evidence
    # actors are colour-coded: a resolved entity's span carries its colour
    known = [e for e in expected["entities"] if e["code"] != "UNK"]
    assert page.locator("#article-view .ent").count() == len(expected["entities"])
    colour = page.evaluate(
        "() => document.querySelector('#article-view .ent').style.getPropertyValue('--ent')")
    assert known and colour.startswith("#")
    # hovering the evidence shows the CAMEO code, the quad class and the rule
    page.locator("#article-view mark.ev").first.hover()
    tip = page.locator("#tooltip")
    tip.wait_for(state="visible")
    tip_text = tip.inner_text()
    ev0 = expected["events"][0]
    assert ev0["event"] in tip_text and (ev0["cameo"] or "—") in tip_text
    assert "rule: " + ev0["explanation"] in tip_text
    page.screenshot(path=str(SHOTS / "code-article.png"), full_page=True)


def test_code_and_store_opens_the_story_view(page, base, client, example_text):
    _open_ready(page, base + "/")
    page.fill("#article-text", example_text)
    page.fill("#published", PUBLISHED)
    page.click("#store-btn")
    page.wait_for_url("**/#story/*")
    page.wait_for_selector("#story-result #code-events tbody tr")
    sid = page.url.split("#story/", 1)[1]
    stored = client.get(f"/v1/stories/{sid}").json()
    assert page.locator("#story-result #code-events tbody tr").count() == len(stored["events"])
    assert page.locator("#story-result mark.ev").count() >= 1
    page.hover("#story-result #code-events tbody tr >> nth=0")
    assert "stored as event " + stored["events"][0]["event_id"] in page.locator("#tooltip").inner_text()
    page.screenshot(path=str(SHOTS / "story-view.png"), full_page=True)


def test_event_search_with_filters(page, base, client, timeline):
    _open_ready(page, base + "/#events")
    page.wait_for_selector("#events-table tbody tr")
    assert page.locator("#events-table tbody tr").count() == min(50, timeline["total"])
    etype = timeline["events"][0]["event"]
    page.select_option("#f-type", etype)
    page.click("#events-btn")
    want = client.get("/v1/events", params={"type": etype}).json()["total"]
    page.wait_for_function("n => document.querySelectorAll('#events-table tbody tr').length === n", arg=want)
    cells = page.locator("#events-table tbody tr td:nth-child(2) b").all_inner_texts()
    assert cells == [etype] * want
    assert page.locator("#events-status").inner_text() == f"{want} events"
    page.screenshot(path=str(SHOTS / "events.png"), full_page=True)


def test_dyad_chart(page, base, client, timeline):
    net = client.get("/v1/network").json()
    assert net["ties"], "no ties between known actors were stored"
    top = net["ties"][0]
    a, b = top["actor"], top["recipient"]
    series = client.get(f"/v1/dyads/{a}/{b}", params={"freq": "month"}).json()["series"]
    _open_ready(page, base + "/#dyad")
    page.fill("#dyad-a", a)
    page.fill("#dyad-b", b)
    page.click("#dyad-btn")
    page.wait_for_selector("#dyad-chart")
    # one line per quad class and direction, plus the two Goldstein lines
    assert page.locator("#dyad-chart path.line").count() == 4 * 2 + 2
    # a dot per non-zero count of a quad class in a period
    dots = sum(1 for p in series for q in (1, 2, 3, 4) if p[f"quad{q}"] > 0)
    assert page.locator("#dyad-chart circle[class*='quad']").count() == dots > 0
    periods = {p["period"] for p in series}
    assert len(periods) >= 2, series
    assert page.locator("#dyad-table tbody tr").count() == sum(1 for p in series if p["events"] > 0)
    page.screenshot(path=str(SHOTS / "dyad.png"), full_page=True)


def test_actor_network(page, base, client, timeline):
    net = client.get("/v1/network", params={"top": 20}).json()
    _open_ready(page, base + "/#network")
    page.wait_for_selector("#network-chart")
    assert page.locator("#network-chart .node").count() == len(net["actors"])
    assert page.locator("#network-chart path.tie").count() == len(net["ties"])
    assert page.locator("#network-table tbody tr").count() == len(net["ties"])
    page.screenshot(path=str(SHOTS / "network.png"), full_page=True)


def test_api_docs_render_offline(page, base):
    page.goto(base + "/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary-path")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/v1/code" in p for p in paths) and any("/v1/dyads" in p for p in paths)
