"""The seed article, scored against its hand-coded gold as in ../shared/eval/FORMAT.md (issue 2's bar)."""

from __future__ import annotations

import pytest

from conftest import EXAMPLE, EXAMPLE_GOLD, shared_path


@pytest.fixture(scope="module")
def report(coder):
    shared_path("examples", EXAMPLE_GOLD.name)
    from eventcoder import evaluate

    return evaluate.run_article(EXAMPLE_GOLD, coder)


@pytest.fixture(scope="module")
def coded(coder):
    shared_path("examples", EXAMPLE.name)
    from eventcoder.ingest import read_sources

    (article,) = list(read_sources([str(EXAMPLE)]))
    return coder.code(article)


def test_all_required_events_found(report):
    assert report["recall"] == 1.0, report["missed"]
    assert report["matched_required"] == report["required"] == 7


def test_at_most_two_events_outside_gold(report):
    assert len(report["false_positives"]) <= 2, report["false_positives"]


def test_nothing_forbidden(report, coded):
    assert report["forbidden_hits"] == []
    for e in coded.events:
        for ent in e.actor + e.recipient:
            assert ent.code != "NOR"
            assert "Ukraine Withdrawal" not in ent.entity_text


def test_headline_not_doubled(coded):
    consults = [e for e in coded.events if e.event == "CONSULT" and e.date == "2015-05-19"]
    assert len(consults) == 1
    assert consults[0].block == "body"


def test_dates_and_places_as_gold(report, coded):
    acc = report["accuracy"]
    for key in ("date", "location_country"):
        a = acc[key]
        assert a["total"] > 0 and a["correct"] == a["total"], (key, a)
    brussels = [e for e in coded.events if e.event == "CONSULT" and e.date == "2015-05-19"][0]
    assert (brussels.event_loc.name, brussels.event_loc.country) == ("Brussels", "BEL")


def test_every_event_has_evidence_inside_the_article(coded):
    text = coded.article.text
    for e in coded.events:
        assert 0 <= e.start < e.end <= len(text)
        assert e.event_text and e.sentence
        assert text[e.start:e.end].strip()


def test_layout_recognised(coded):
    a = coded.article
    assert a.title == "NATO Head Urges Ukraine Withdrawal at Meeting With Lavrov"
    assert a.dateline == "BRUSSELS"
    assert str(a.published) == "2015-05-19"
    kinds = [b.kind for b in a.blocks]
    assert kinds[:4] == ["title", "caption", "dateline", "body"]
    assert a.url.startswith("https://www.themoscowtimes.com/2015/05/19/")
    body = next(b for b in a.blocks if b.kind == "body")
    assert "BRUSSELS" not in a.text[body.start:body.end]
    assert "relations with his government since" in a.text  # paragraph broken mid-sentence rejoined


def test_actors_resolved(coded):
    by_text = {}
    for e in coded.entities:
        by_text.setdefault(e.entity_text, e)
    assert by_text["Jens Stoltenberg"].code == "IGO" and by_text["Jens Stoltenberg"].org == "NATO"
    assert by_text["Stoltenberg"].org == "NATO"
    assert by_text["Sergei Lavrov"].code == "RUS" and by_text["Sergei Lavrov"].sector == "GOV"
    assert by_text["Didier Reynders"].code == "BEL"
    assert (by_text["Moscow"].code, by_text["Moscow"].sector) == ("RUS", "GOV")
    assert by_text["the alliance"].org == "NATO"
    assert by_text["The NATO chief"].org == "NATO"
    top = next(e for e in coded.entities if e.entity_text.endswith("top diplomat"))
    assert (top.code, top.sector) == ("RUS", "GOV")


def test_quotes_with_speakers(report):
    (q,) = report["quotes"].values()
    assert q["found"] == 5
    assert q["speaker_correct"] >= 4
