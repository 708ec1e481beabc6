"""Tests for eventcoder.when: temporal expressions, clause dates, the story-date fallback."""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.when import EventDate, event_date, is_future, parse_date_expression, story_date

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "nato-lavrov-2015-05-19.txt"
TUESDAY = date(2015, 5, 19)  # a Tuesday


@pytest.fixture(scope="session")
def nlp():
    from eventcoder import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def cases_module():
    spec = importlib.util.spec_from_file_location("when_where_eval", ROOT / "bench" / "when_where_eval.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, mod)  # dataclasses look their module up while the file runs
    spec.loader.exec_module(mod)
    return sys.modules[spec.name]


def _date(expr: str, published: date | None = TUESDAY, future: bool = False) -> tuple[str, str] | None:
    ed = parse_date_expression(expr, published, future=future)
    return (ed.value, ed.precision) if ed else None


@pytest.mark.parametrize(("expr", "want"), [
    ("Tuesday", ("2015-05-19", "day")),  # the publication day itself, not a week back
    ("on Tuesday", ("2015-05-19", "day")),
    ("Tuesday night", ("2015-05-19", "day")),
    ("Sunday", ("2015-05-17", "day")),
    ("Friday", ("2015-05-15", "day")),
    ("last Tuesday", ("2015-05-12", "day")),
    ("yesterday", ("2015-05-18", "day")),
    ("last night", ("2015-05-18", "day")),
    ("today", ("2015-05-19", "day")),
    ("last February", ("2015-02", "month")),
    ("late February", ("2015-02", "month")),
    ("mid-March", ("2015-03", "month")),
    ("late March", ("2015-03", "month")),
    ("September", ("2014-09", "month")),  # the latest September not after publication
    ("last May", ("2014-05", "month")),
    ("three months ago", ("2015-02", "month")),
    ("five days ago", ("2015-05-14", "day")),
    ("a year ago", ("2014", "year")),
    ("earlier this month", ("2015-05", "month")),
    ("last month", ("2015-04", "month")),
    ("last week", ("2015-05", "month")),
    ("last year", ("2014", "year")),
    ("late last year", ("2014", "year")),
    ("earlier this year", ("2015", "year")),
    ("in 2014", ("2014", "year")),
    ("2015", ("2015", "year")),
    ("early 2014", ("2014", "year")),
    ("March 2014", ("2014-03", "month")),
    ("May 19", ("2015-05-19", "day")),
    ("Feb. 3", ("2015-02-03", "day")),
    ("Dec. 25", ("2014-12-25", "day")),
    ("Feb. 3, 2013", ("2013-02-03", "day")),
    ("Tuesday, May 19", ("2015-05-19", "day")),
])
def test_past_expressions(expr, want):
    assert _date(expr) == want


@pytest.mark.parametrize("expr", [
    "the first time in three months", "three months", "three years", "a decade", "the past three months",
    "the 1990s", "recent weeks", "decades", "", "   ", "every Tuesday", "before Tuesday",
])
def test_durations_and_vague_spans_are_not_dates(expr):
    assert parse_date_expression(expr, TUESDAY) is None


@pytest.mark.parametrize(("expr", "want"), [
    ("Friday", ("2015-05-22", "day")),
    ("next Tuesday", ("2015-05-26", "day")),
    ("next week", ("2015-05", "month")),
    ("next month", ("2015-06", "month")),
    ("early next year", ("2016", "year")),
    ("March", ("2016-03", "month")),
    ("Feb. 3", ("2016-02-03", "day")),
    ("tomorrow", ("2015-05-20", "day")),
])
def test_future_expressions(expr, want):
    assert _date(expr, future=True) == want


def test_never_after_publication_unless_future():
    # a plain weekday or month never lands after the story in a past clause
    assert _date("Friday") == ("2015-05-15", "day")
    assert _date("May 25") == ("2014-05-25", "day")
    # words that point forward are the text saying the event is to come
    assert _date("next week") == ("2015-05", "month")
    assert _date("tomorrow") == ("2015-05-20", "day")
    assert _date("later this month") == ("2015-05", "month")


def test_without_publication_date_only_absolute_expressions_resolve():
    assert _date("Tuesday", None) is None
    assert _date("last February", None) is None
    assert _date("three months ago", None) is None
    assert _date("in 2014", None) == ("2014", "year")
    assert _date("March 2014", None) == ("2014-03", "month")
    assert _date("Feb. 3, 2013", None) == ("2013-02-03", "day")


def test_leap_day_without_year():
    assert _date("Feb. 29", date(2015, 5, 19)) == ("2012-02-29", "day")
    assert _date("Feb. 29", date(2015, 5, 19), future=True) == ("2016-02-29", "day")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_text_gives_a_date_or_none(text):
    ed = parse_date_expression(text, TUESDAY)
    assert ed is None or (ed.precision in ("day", "month", "year") and len(ed.value) in (4, 7, 10))


def test_event_date_record():
    ed = parse_date_expression("last February", TUESDAY)
    assert ed == EventDate("2015-02", "month", "clause", "last February")
    with pytest.raises(AttributeError):
        ed.value = "2015-03"  # frozen


def test_story_date():
    assert story_date(TUESDAY) == EventDate("2015-05-19", "day", "story", None)
    assert story_date(None) is None


def _sent_and_trigger(nlp, text: str, trigger: str):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    return tok.sent, tok


def test_event_date_uses_the_triggers_clause(nlp):
    sent, tok = _sent_and_trigger(nlp, "Negotiators will meet in Minsk next week, the ministry said on Monday.", "meet")
    assert event_date(sent, tok, TUESDAY) == EventDate("2015-05", "month", "clause", "next week")
    sent, tok = _sent_and_trigger(nlp, "Negotiators will meet in Minsk next week, the ministry said on Monday.", "said")
    assert event_date(sent, tok, TUESDAY).value == "2015-05-18"


def test_event_date_ignores_a_relative_clause(nlp):
    text = "Police said protesters who had gathered in Kiev last week clashed with troops on Saturday."
    sent, tok = _sent_and_trigger(nlp, text, "clashed")
    assert event_date(sent, tok, TUESDAY).value == "2015-05-16"
    sent, tok = _sent_and_trigger(nlp, text, "gathered")
    assert event_date(sent, tok, TUESDAY) == EventDate("2015-05", "month", "clause", "last week")


def test_event_date_duration_gives_none(nlp):
    sent, tok = _sent_and_trigger(nlp, "The ministers met for the first time in three months.", "met")
    assert event_date(sent, tok, TUESDAY) is None


def test_nominal_event_and_relating_preposition(nlp):
    text = "It was the first meeting of the two envoys since talks in Munich last February."
    sent, tok = _sent_and_trigger(nlp, text, "talks")
    assert event_date(sent, tok, TUESDAY) == EventDate("2015-02", "month", "clause", "last February")
    sent, tok = _sent_and_trigger(nlp, text, "meeting")
    assert event_date(sent, tok, TUESDAY) is None  # the February date is the talks', not the meeting's


@pytest.mark.parametrize(("text", "trigger", "want"), [
    ("The foreign ministers will meet in Riga on Friday.", "meet", True),
    ("Turkey plans to host a summit in Istanbul.", "host", True),
    ("The president is due to visit Tokyo on Friday.", "visit", True),
    ("Parliament voted to hold elections in May.", "hold", True),
    ("The foreign ministers met in Riga on Friday.", "met", False),
    ("They would have met in Riga on Friday.", "met", False),
])
def test_is_future(nlp, text, trigger, want):
    _, tok = _sent_and_trigger(nlp, text, trigger)
    assert is_future(tok) is want


def test_future_clause_dates_forward(nlp):
    sent, tok = _sent_and_trigger(nlp, "The foreign ministers will meet in Riga on Friday.", "meet")
    assert event_date(sent, tok, TUESDAY).value == "2015-05-22"
    sent, tok = _sent_and_trigger(nlp, "The foreign ministers met in Riga on Friday.", "met")
    assert event_date(sent, tok, TUESDAY).value == "2015-05-15"


def _example_sentence(nlp, pattern: str):
    if not EXAMPLE.exists():
        pytest.skip(f"{EXAMPLE} not available")
    text = EXAMPLE.read_text(encoding="utf-8")
    para = next((p for p in text.split("\n\n") if re.search(pattern, p)), None)
    if para is None:
        pytest.skip("example article changed")
    para = re.sub(r"^[A-Z][A-Z .,]+ \u2014 ", "", para.strip())
    return nlp(para)


def test_example_article_met_tuesday(nlp):
    doc = _example_sentence(nlp, r"met Tuesday")
    tok = next(t for t in doc if t.text == "met")
    assert event_date(tok.sent, tok, TUESDAY) == EventDate("2015-05-19", "day", "clause", "Tuesday")


def test_example_article_munich_talks(nlp):
    doc = _example_sentence(nlp, r"talks in Munich")
    tok = next(t for t in doc if t.text == "talks")
    ed = event_date(tok.sent, tok, TUESDAY)
    assert (ed.value, ed.precision, ed.source) == ("2015-02", "month", "clause")


def test_case_file_date_accuracy(nlp, cases_module):
    """Dates of the hand-written cases (tests/data/when_where_cases.tsv): at least 95% right."""
    outcomes = cases_module.evaluate(nlp)
    assert len(outcomes) >= 50
    right = sum(o.date_ok for o in outcomes)
    bad = cases_module.failures(outcomes, "date")
    assert right / len(outcomes) >= 0.95, f"{right}/{len(outcomes)} dates right; failures:\n" + "\n".join(bad)


def test_heldout_date_accuracy(nlp, cases_module):
    """Dates of the held-out cases (written after the rules; first-run figures in docs): at least 90% right."""
    outcomes = cases_module.evaluate(nlp, path=cases_module.HELDOUT)
    right = sum(o.date_ok for o in outcomes)
    bad = cases_module.failures(outcomes, "date")
    assert right / len(outcomes) >= 0.90, f"{right}/{len(outcomes)} dates right; failures:\n" + "\n".join(bad)
