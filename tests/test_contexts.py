"""PLOVER 2.0 contexts of coded events (``eventcoder.events.contexts``) and the context-agreement figure.

All sentences are written for this project. The coder tests use the session fixture ``code_text`` (one
model load); the data-file and scorer tests need no model.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from eventcoder import ontology
from eventcoder.article import CodedArticle, Entity, Event
from eventcoder.evaluate import gold as G
from eventcoder.evaluate import run as R
from eventcoder.events import contexts as C

DATA = Path(C.DATA)
ORGS = Path(ontology.DATA_DIR).parent / "organizations.tsv"
OLD = Path(ontology.DATA_DIR) / "old_plover_contexts.tsv"
AUX = set(ontology.AUXILIARY_MODES)


def only(coded, kind: str) -> Event:
    evs = [e for e in coded.events if e.event == kind]
    assert len(evs) == 1, [(e.event, e.context) for e in coded.events]
    return evs[0]


def topical(ev: Event) -> list[str]:
    return [c for c in ev.context if c not in AUX]


# ------------------------------------------------------------------------------------------- coded sentences


def test_air_strike_by_a_state_army_is_military(code_text):
    ev = only(code_text("The Syrian army carried out air strikes on rebel positions near Idlib on Monday."), "ASSAULT")
    assert "military" in ev.context
    assert not set(ev.context) & AUX


def test_tariff_announcement_is_economic(code_text):
    coded = code_text("The United States announced new tariffs on Chinese steel imports on Tuesday.")
    assert coded.events and all("economic" in e.context for e in coded.events)


def test_court_conviction_is_legal(code_text):
    coded = code_text("A court in Cairo convicted three journalists of spreading false news.")
    assert coded.events and all(e.context[:1] == ["legal"] for e in coded.events)


def test_will_meet_is_future(code_text):
    ev = only(code_text("The foreign ministers of France and Germany will meet in Berlin next week."), "AGREE")
    assert ev.modality == "future"
    assert ev.context[-1] == "future"  # auxiliary modes come last
    assert "diplomatic" in ev.context  # "foreign minister" (manual §Diplomatic: foreign ministries)


def test_event_dated_1994_in_a_2020_story_is_historical(code_text):
    ev = only(code_text("In 1994, Rwandan troops attacked refugee camps in Zaire.", "2020-06-10"), "ASSAULT")
    assert ev.date == "1994"
    assert ev.context == ["migration", "military", "historical"]


def test_sentence_without_cue_gets_no_topical_context(code_text):
    ev = only(code_text("Gunmen ambushed a bus near the town on Sunday."), "ASSAULT")
    assert ev.context == []


def test_rebels_are_no_military_context(code_text):
    # manual §Military: state militaries only; "Army" inside a rebel group's name is no cue
    ev = only(code_text("The Free Syrian Army kidnapped two journalists in Aleppo on Monday."), "ASSAULT")
    assert "military" not in ev.context


def test_tear_gas_is_no_natural_resource(code_text):
    coded = code_text("Police fired tear gas at protesters in Nairobi on Tuesday.")
    assert coded.events
    assert all("natural_resource" not in e.context for e in coded.events)


def test_designated_group_is_terrorism(code_text):
    ev = only(code_text("Islamic State militants kidnapped a group of aid workers in northern Iraq."), "ASSAULT")
    assert ev.context[:1] == ["terrorism"]


def test_specific_contexts_come_first(code_text):
    ev = only(code_text("Iran rejected demands by the IAEA to inspect its uranium enrichment facility."), "REJECT")
    assert ev.context == ["cbrn", "diplomatic"]


def test_narrow_crime_contexts(code_text):
    ev = only(code_text("Police arrested two men suspected of smuggling cocaine across the border."), "COERCE")
    assert ev.context[:2] == ["illegal_drugs", "trafficking"]
    assert "crime" not in ev.context


def test_interstate_accusation_is_diplomatic_but_domestic_praise_is_not(code_text):
    ev = only(code_text("Russia accused Ukraine of violating the agreement."), "ACCUSE")
    assert ev.context == ["diplomatic"]
    coded = code_text("The Kenyan president praised the national football team on Sunday.")
    assert all("diplomatic" not in e.context for e in coded.events)


def test_refugees_detained_at_a_border(code_text):
    ev = only(code_text("Hungarian police detained a group of refugees at the Serbian border on Friday."), "COERCE")
    assert ev.context[0] == "migration"


def test_contexts_are_valid_and_unique(code_text):
    coded = code_text("Israeli troops and police clashed with Palestinian protesters near the embassy after "
                      "parliament passed a law on refugees; the court will rule next week.")
    for e in coded.events:
        assert len(e.context) == len(set(e.context))
        assert all(ontology.is_valid_context(c) for c in e.context)
        assert e.to_dict()["context"] == e.context


# ------------------------------------------------------------------------------------------- no model


def _event(**kw) -> Event:
    base = {"story_id": "t", "event": "CONSULT", "actor": [], "recipient": [], "event_text": "met",
            "sequence": 0, "start": 0, "end": 3, "sentence": "They met."}
    base.update(kw)
    return Event(**base)


@pytest.mark.parametrize("modality, aux", [("asserted", []), ("alleged", []), ("future", ["future"]),
                                           ("hypothetical", ["hypothetical"]), ("negated", ["negation"])])
def test_modality_gives_auxiliary_mode(modality, aux):
    assert C.auxiliary_modes(_event(modality=modality), date(2020, 6, 10)) == aux


@pytest.mark.parametrize("value, source, historical", [
    ("1994", "clause", True),
    ("2019-05", "clause", True),      # ends 2019-05-31, more than a year before 2020-06-10
    ("2019-11", "clause", False),     # seven months: current news
    ("2019-06-10", "clause", False),  # exactly a year: not more than a year
    ("1994", "story", False),         # a story date is never historical
])
def test_historical_needs_own_date_over_a_year_old(value, source, historical):
    ev = _event(date=value, date_source=source)
    assert ("historical" in C.auxiliary_modes(ev, date(2020, 6, 10))) is historical
    assert C.auxiliary_modes(ev, None) == []


def test_order_and_crime_rule():
    assert C.order(["diplomatic", "cbrn", "cbrn", "legal"]) == ["cbrn", "legal", "diplomatic"]
    assert C.order(["crime", "corruption"]) == ["corruption"]  # manual §Crime
    assert C.order(["crime", "trafficking", "cyber"]) == ["cyber", "trafficking", "crime"]
    assert set(C.SPECIFICITY) == set(ontology.CONTEXTS)


def test_actor_sectors_and_orgs():
    ents = [Entity("the judges", "EGY", "JUD"), Entity("UNHCR", "IGO", org="UNHCR")]
    assert C.side_contexts(ents) == {"legal", "migration"}
    assert C.side_contexts([Entity("the rebels", "SYR", "REB")]) == set()


def test_crosswalk_military_needs_a_state():
    rebels = [Entity("rebels", "UNK", "REB")]
    state = [Entity("Syria", "SYR", None)]
    assert "military" not in C.code_contexts(_event(event="ASSAULT", cameo="194", actor=rebels))
    assert "military" in C.code_contexts(_event(event="ASSAULT", cameo="194", actor=state))
    assert "cyber" in C.code_contexts(_event(event="COERCE", mode=["cyber"], actor=state))


def test_two_word_cues_take_their_words(code_text):
    from eventcoder import nlp

    doc = nlp.load(nlp.DEFAULT_MODEL)("Police used tear gas; the martial law ended; oil prices rose.")
    assert C.sentence_cues(doc) == {"pro_autocracy", "natural_resource"}


# ------------------------------------------------------------------------------------------- data files


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_cue_table_is_well_formed():
    rows = _rows(DATA)
    assert list(rows[0]) == ["kind", "cue", "context", "condition", "source"]
    orgs = {r["org"] for r in _rows(ORGS)}
    seen = set()
    for r in rows:
        key = (r["kind"], r["cue"], r["context"])
        assert key not in seen, key
        seen.add(key)
        assert r["source"].strip(), key
        assert r["context"] == "-" or r["context"] in ontology.CONTEXTS, key
        if r["kind"] == "word":
            assert r["cue"] == r["cue"].lower() and 1 <= len(r["cue"].split()) <= 2, key
            assert r["condition"] in ("", "noun", "not_name"), key
        elif r["kind"] == "sector":
            assert r["cue"] in ontology.SECTORS, key
        elif r["kind"] == "org":
            assert r["cue"] in orgs, key  # the short name the knowledge base writes in Entity.org
        else:
            assert r["kind"] == "mode", key
            etype, mode = r["cue"].split("/")
            assert ontology.is_valid_mode(etype, mode), key
    C.rules(DATA)  # indexes without error


def test_old_gold_context_names_map_to_plover_2():
    for r in _rows(OLD):
        assert r["source"].strip()
        for c in filter(None, r["context"].split(";")):
            assert ontology.is_valid_context(c), r
    assert ontology.normalize_context("Refugees") == ("migration",)
    assert ontology.normalize_context("government") == ("executive",)
    assert ontology.normalize_context("foreign") == ()
    assert ontology.normalize_context("cbrn") == ("cbrn",)
    with pytest.raises(ontology.OntologyError):
        ontology.normalize_context("weather")


# ------------------------------------------------------------------------------------------- the figure


class ContextCoder:
    """A stand-in coder: every story gets one event of type ``kind`` by ARM against BRM, with the contexts
    ``answers[story id]``."""

    def __init__(self, kind: str, answers: dict[str, list[str]]):
        self.kind = kind
        self.answers = answers

    def code_many(self, articles):
        for a in articles:
            ev = Event(story_id=a.id, event=self.kind, actor=[Entity("Armenia", "ARM")],
                       recipient=[Entity("Burma", "MMR")], event_text="x", sequence=0, start=0, end=len(a.text),
                       sentence=a.text, context=list(self.answers.get(a.id, [])))
            yield CodedArticle(article=a, events=[ev])


def test_context_agreement_on_hand_written_gold(tmp_path):
    records = [
        {"event": "DOCUMENT"},
        {"id": "g1", "event": "ACCUSE", "context": "refugees", "text": "Armenia accused Burma over camps.",
         "source": [{"code": "ARM"}], "target": [{"code": "MMR"}], "date": "2001-01-01"},
        {"id": "g2", "event": "ACCUSE", "context": "diplomatic, military", "text": "Armenia accused Burma again.",
         "source": [{"code": "ARM"}], "target": [{"code": "MMR"}], "date": "2001-01-02"},
        {"id": "g3", "event": "ACCUSE", "context": "foreign", "text": "Armenia accused Burma once more.",
         "source": [{"code": "ARM"}], "target": [{"code": "MMR"}], "date": "2001-01-03"},
        {"id": "g4", "event": "ACCUSE", "context": "economic", "text": "Armenia accused Burma of dumping.",
         "source": [{"code": "ARM"}], "target": [{"code": "MMR"}], "date": "2001-01-04"},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records))
    stories = G.load_plover_gsr(path)
    assert [s.events[0].contexts for s in stories] == [["migration"], ["diplomatic", "military"], [], ["economic"]]
    assert any("'foreign'" in n for n in stories[2].notes)
    answers = {"g1": ["migration", "future"], "g2": ["military"], "g3": ["economic"], "g4": ["legal"]}
    report = R.run_plover(path, ContextCoder("ACCUSE", answers))
    ca = report["context_agreement"]
    assert ca["any"] == {"correct": 2, "total": 3, "accuracy": 0.6667}  # g3 has no 2.0 context: not scored
    assert ca["per_context"]["military"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert ca["per_context"]["diplomatic"]["correct"] == 0
    assert "context agreement (matched events sharing a gold context): 2/3 (0.667)" in R.format_report(report)
    # unmatched events (wrong type) are not scored
    report = R.run_plover(path, ContextCoder("REJECT", answers))
    assert report["context_agreement"]["any"]["total"] == 0
    assert "context agreement" not in R.format_report(report)
