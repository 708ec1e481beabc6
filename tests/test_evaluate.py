"""Tests of ``eventcoder.evaluate`` (gold loaders, matching, metrics, runners) and the evaluate/classify CLIs.

Everything here is fast and needs no spaCy model: the matcher is tested with hand-built
:class:`~eventcoder.article.Event` records on texts written for these tests. The loaders are tested on the
real gold files in ``../shared`` (skipped when it is absent), and one integration test per gold set runs the
real :class:`~eventcoder.coder.Coder` on the first few items, skipped until the coder is built.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eventcoder import ontology
from eventcoder.article import CodedArticle, Entity, Event, InputError, Place, Quote
from eventcoder.cli import main
from eventcoder.evaluate import gold as G
from eventcoder.evaluate import match as M
from eventcoder.evaluate import run as R

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "data" / "gold"
NATO_GOLD = SHARED / "examples" / "nato-lavrov-2015-05-19.gold.json"
GSR = GOLD / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
PETR2 = GOLD / "petrarch_validation" / "PETR2_GSR_validation.UD.xml"
PETR_UNIT = GOLD / "petrarch_validation" / "PETR.UnitTest.records.xml"
PLV = GOLD / "zsp_plover" / "PLV_train.tsv"
CAMEO5 = GOLD / "conflibert_cameo" / "cameo_class_train.tsv"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available (../shared absent)")
    return path


# ---------------------------------------------------------------------------------------------- helpers

# A short story written for these tests (not from any source).
STORY = (
    "Norway and Chile signed a fisheries agreement in Oslo on Monday. "
    "Hours later the Chilean navy seized a Norwegian trawler off Valparaiso. "
    "Norway demanded that Chile release the crew at once. "
    "Oslo also criticised the Blue Harbour Group for its role in the affair. "
    "Separately, gunmen attacked a police post in the south."
)


def ent(code: str, sector: str | None = None, org: str | None = None, text: str = "x") -> Entity:
    return Entity(entity_text=text, code=code, sector=sector, org=org)


def ev(kind: str, actor: list[Entity], recipient: list[Entity], words: str, text: str = STORY, **kw) -> Event:
    """A system event whose clause is ``words`` in ``text``, inside its sentence."""
    start = text.index(words)
    s0 = text.rfind(". ", 0, start)
    s0 = 0 if s0 < 0 else s0 + 2
    s1 = text.find(". ", start)
    s1 = len(text) if s1 < 0 else s1 + 1
    return Event(story_id="t", event=kind, actor=actor, recipient=recipient, event_text=words, sequence=0,
                 start=start, end=start + len(words), sentence=text[s0:s1], **kw)


def gev(gid: str, kind: str, actor, recipient, evidence: str | None = None, **kw) -> G.GoldEvent:
    return G.GoldEvent(id=gid, event=kind, actor=actor, recipient=recipient, evidence=evidence, **kw)


NOR, CHL = G.GoldEntity("NOR"), G.GoldEntity("CHL")


# ---------------------------------------------------------------------------------------------- evidence


def test_find_evidence_normalises_white_space_quotes_and_case():
    text = "He asked for \u201cmore  openness\u201d\nand   restraint from Lima."
    span = M.find_evidence(text, 'asked for "More openness" and restraint')
    assert span is not None
    assert text[span[0]:span[1]] == "asked for \u201cmore  openness\u201d\nand   restraint"


def test_find_evidence_absent_gives_none():
    assert M.find_evidence(STORY, "signed a trade agreement") is None
    assert M.find_evidence(STORY, "") is None


# ---------------------------------------------------------------------------------------------- entities


def test_entity_codes_orgs_and_wildcards():
    assert M.entity_matches(G.GoldEntity("IGO", org="UN"), ent("UNO"))
    assert M.entity_matches(G.GoldEntity("IGO", org="U.N."), ent("IGO", org="UN"))
    assert not M.entity_matches(G.GoldEntity("IGO", org="NATO"), ent("IGO", org="EU"))
    assert not M.entity_matches(G.GoldEntity("IGO", org="NATO"), ent("IGO"))
    assert M.entity_matches(G.GoldEntity("IGO"), ent("IGO", org="NATO"))  # gold gives no org: any
    assert M.entity_matches(G.GoldEntity(None, sector="REB"), ent("UNK", "REB"))  # PETRARCH "---REB"
    assert not M.entity_matches(NOR, ent("CHL"))
    # sectors are scored separately, never block a match
    assert M.entity_matches(G.GoldEntity("CHL", "MIL"), ent("CHL", "GOV"))


def test_symmetric_events_pool_actor_and_recipient():
    sym = gev("g", "AGREE", [NOR], [CHL], symmetric=True)
    one_way = gev("g", "AGREE", [NOR], [CHL])
    reversed_ev = ev("AGREE", [ent("CHL")], [ent("NOR")], "signed")
    assert M.actors_match(sym, reversed_ev)
    assert not M.actors_match(one_way, reversed_ev)
    reversed_ev.symmetric = True  # the system says the event has no direction
    assert M.actors_match(one_way, reversed_ev)


def test_empty_gold_recipient_accepts_any_and_compound_actors_need_all():
    assert M.actors_match(gev("g", "REJECT", [NOR], []), ev("REJECT", [ent("NOR")], [ent("CHL")], "demanded"))
    both = gev("g", "AGREE", [NOR, CHL], [])
    assert not M.actors_match(both, ev("AGREE", [ent("NOR")], [], "signed"))
    assert M.actors_match(both, ev("AGREE", [ent("NOR"), ent("CHL")], [], "signed"))


# ---------------------------------------------------------------------------------------------- scorer


def story_gold() -> list[G.GoldEvent]:
    return [
        gev("pact", "AGREE", [NOR], [CHL], "Norway and Chile signed a fisheries agreement", symmetric=True,
            date="2024-03", event_loc=G.GoldPlace("Oslo", "NOR")),
        gev("seize", "COERCE", [G.GoldEntity("CHL", "MIL")], [NOR], "the Chilean navy seized a Norwegian trawler",
            mode="seize", date="2024-03-05"),
        gev("demand", "REQUEST", [NOR], [CHL], "Norway demanded that Chile release the crew"),
        gev("criticise", "ACCUSE", [NOR], [], "criticised the Blue Harbour Group", required=False),
    ]


def story_system() -> list[Event]:
    return [
        ev("AGREE", [ent("NOR")], [ent("CHL")], "signed a fisheries agreement", date="2024-03-04",
           event_loc=Place("Oslo", "NOR"), confidence=0.9),
        ev("AGREE", [ent("CHL")], [ent("NOR")], "signed a fisheries agreement", confidence=0.8),  # duplicate
        ev("COERCE", [ent("CHL", "MIL")], [ent("NOR")], "seized a Norwegian trawler", mode=["seize"],
           date="2024-03-04"),
        ev("THREATEN", [ent("NOR")], [ent("CHL")], "demanded that Chile release"),  # wrong type
        ev("REQUEST", [ent("CHL")], [ent("NOR")], "release the crew"),  # right type, wrong direction
        ev("ACCUSE", [ent("NOR", "GOV")], [ent("UNK", text="Blue Harbour Group")], "criticised"),  # optional
        ev("ASSAULT", [ent("UNK", "UAF")], [ent("CHL", "COP")], "gunmen attacked a police post"),  # spurious
    ]


def test_scorer_precision_recall_duplicates_and_lists():
    sc = M.Scorer()
    res = sc.add("t", story_gold(), story_system(), text=STORY)
    assert [(g.id, s.event) for g, s in res.matched] == [("pact", "AGREE"), ("seize", "COERCE"),
                                                         ("criticise", "ACCUSE")]
    assert [(s.actor[0].code, g.id) for s, g in res.duplicates] == [("CHL", "pact")]
    assert [g.id for g in res.missed] == ["demand"]
    assert sorted(s.event for s in res.false_positives) == ["ASSAULT", "REQUEST", "THREATEN"]
    rep = sc.report()
    # 7 system events, 1 duplicate, 3 matched (2 required + 1 optional); 3 required gold, 2 found
    assert (rep["system_events"], rep["duplicates"], rep["matched"]) == (7, 1, 3)
    assert rep["precision"] == 0.5
    assert rep["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert rep["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3), abs=1e-4)
    agree = rep["per_type"]["AGREE"]
    assert (agree["system"], agree["duplicates"], agree["precision"], agree["recall"]) == (2, 1, 1.0, 1.0)
    request = rep["per_type"]["REQUEST"]
    assert (request["required"], request["matched"], request["recall"], request["f1"]) == (1, 0, 0.0, 0.0)
    assert [m["id"] for m in rep["missed"]] == ["demand"]
    assert rep["warnings"] == []


def test_confusion_matrix_aligns_any_type_and_has_none_row():
    sc = M.Scorer()
    sc.add("t", story_gold(), story_system(), text=STORY)
    m = sc.report()["confusion"]["matrix"]
    assert m["AGREE"] == {"AGREE": 1}
    assert m["REQUEST"] == {"THREATEN": 1}  # same actors and evidence, other type
    assert m["NONE"] == {"ASSAULT": 1, "REQUEST": 1}  # spurious events (the duplicate is not counted)
    assert sc.report()["confusion"]["labels"][-1] == M.NONE


def test_accuracies_on_matched_pairs_and_actor_agreement():
    sc = M.Scorer()
    sc.add("t", story_gold(), story_system(), text=STORY)
    acc = sc.report()["accuracy"]
    assert acc["sector"] == {"correct": 1, "total": 1, "accuracy": 1.0}  # CHL/MIL
    assert acc["date"] == {"correct": 1, "total": 2, "accuracy": 0.5}  # month right, day wrong
    assert acc["location_country"]["correct"] == 1 and acc["location_country"]["total"] == 1
    assert acc["mode"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    aa = sc.report()["actor_agreement"]["codes"]
    # type+evidence aligned: pact, seize, criticise (codes right), demand<->REQUEST CHL->NOR (codes wrong)
    assert (aa["correct"], aa["total"]) == (3, 4)


def test_evidence_must_overlap():
    gold = [gev("seize", "COERCE", [CHL], [NOR], "the Chilean navy seized a Norwegian trawler")]
    elsewhere = ev("COERCE", [ent("CHL")], [ent("NOR")], "gunmen attacked a police post")
    sc = M.Scorer()
    res = sc.add("t", gold, [elsewhere], text=STORY)
    assert res.matched == [] and len(res.false_positives) == 1
    # same sentence but another clause: the sentence overlap is enough
    near = ev("COERCE", [ent("CHL")], [ent("NOR")], "Hours later")
    assert M.Scorer().add("t", gold, [near], text=STORY).matched


def test_clause_overlap_picks_the_right_gold_event_in_one_sentence():
    gold = [gev("withdraw", "REQUEST", [NOR], [CHL], "demanded that Chile release the crew", required=False),
            gev("at-once", "REQUEST", [NOR], [CHL], "at once")]
    system = [ev("REQUEST", [ent("NOR")], [ent("CHL")], "at once")]
    res = M.Scorer().add("t", gold, system, text=STORY)
    assert [g.id for g, _ in res.matched] == ["at-once"]


def test_missing_evidence_is_a_warning_not_a_block():
    gold = [gev("g", "AGREE", [NOR], [CHL], "words that are not in the story")]
    sc = M.Scorer()
    res = sc.add("t", gold, [ev("AGREE", [ent("NOR")], [ent("CHL")], "signed")], text=STORY)
    assert res.matched and "not found" in sc.report()["warnings"][0]


def test_forbidden_codes_and_texts():
    bad = [G.Forbidden(code="CHL", why="x"), G.Forbidden(entity_text="blue  harbour", why="not an actor")]
    hits = M.forbidden_hits(story_system(), bad)
    assert {(h["side"], h["code"]) for h in hits} == {("recipient", "CHL"), ("actor", "CHL"),
                                                      ("recipient", "UNK")}
    assert sum(h["rule"] == "blue  harbour" for h in hits) == 1


def test_date_matches():
    assert M.date_matches("2015-02", "2015-02-17")
    assert M.date_matches("2015-02", "2015-02")
    assert not M.date_matches("2015-02", "2015-05-19")
    assert not M.date_matches("2015-05-19", "2015-05")
    assert not M.date_matches("2015-05-19", None)


def test_classification_scores():
    gold = ["AID", "AID", "ACCUSE", "ACCUSE"]
    system = ["AID", "NONE", "ACCUSE", "AID"]
    s = M.classification_scores(gold, system)
    assert s["accuracy"] == 0.5
    aid, accuse = s["per_class"]["AID"], s["per_class"]["ACCUSE"]
    assert (aid["precision"], aid["recall"]) == (0.5, 0.5)
    assert (accuse["precision"], accuse["recall"]) == (1.0, 0.5)
    assert s["macro_f1"] == pytest.approx((0.5 + 2 / 3) / 2, abs=1e-4)
    assert s["confusion"]["matrix"]["AID"] == {"AID": 1, "NONE": 1}


# ---------------------------------------------------------------------------------------------- 5-way rule


def test_sentence_pentaclass_uses_most_confident_event():
    quiet = ev("CONSULT", [ent("NOR")], [ent("CHL")], "signed", cameo="042", confidence=0.9)
    loud = ev("ASSAULT", [ent("UNK")], [ent("CHL")], "attacked", cameo="190", confidence=0.4)
    assert R.sentence_pentaclass([loud, quiet]) == ontology.pentaclass("042") == 1
    assert R.sentence_pentaclass([]) == 0
    no_code = ev("ASSAULT", [ent("UNK")], [ent("CHL")], "attacked")  # falls back to the type's CAMEO code
    assert R.sentence_pentaclass([no_code]) == 4


# ---------------------------------------------------------------------------------------------- loaders


def test_parse_phoenix_codes():
    assert G.parse_phoenix_code("USAGOV") == G.GoldEntity("USA", "GOV", None, "USAGOV")
    assert G.parse_phoenix_code("PSEREBHMSGOV").sector == "REB"
    assert G.parse_phoenix_code("PSEGZACVL").sector is None  # GZA is a region, not a sector
    un = G.parse_phoenix_code("IGOUNOMIL")
    assert (un.code, un.org, un.sector) == ("IGO", "UN", "MIL")
    assert G.parse_phoenix_code("IGOEUREEC").org == "EU"
    img = G.parse_phoenix_code("IMGMUSISI")
    assert (img.code, img.sector) == ("IMG", None)
    reb = G.parse_phoenix_code("---REB")
    assert (reb.code, reb.sector) == (None, "REB")
    assert G.parse_phoenix_code("---") is None and G.parse_phoenix_code("") is None


def test_load_petrarch_repairs_real_file_quirks(tmp_path):
    # the two layouts of the real files: a header mentioning <EventCoding...> in '#' prose, records written
    # as a self-closed <Sentence/> followed by their parts and a stray </Sentence>, and nested records.
    xml = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
#   prose that mentions <EventCoding...> records
<Sentences>
<Sentence date="20100301" id="S1" category="T"/>
<EventCoding eventcode="042" sourcecode="NORGOV" targetcode="CHL" />
<EventCoding eventcode="042" sourcecode="CHL" targetcode="NORGOV" />
<EventCoding eventcode="903" sourcecode="NOR" targetcode="CHL" />
<Text>
Norway's premier visited
Chile.
</Text>
</Sentence>
<Sentence date="100302" id="S2" category="T">
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
</Sentences>
</Validation>
"""
    path = tmp_path / "mini.xml"
    path.write_text(xml, encoding="utf-8")
    s1, s2 = G.load_petrarch(path)
    assert s1.text == "Norway's premier visited Chile."
    assert s1.date.isoformat() == "2010-03-01" and s2.date.isoformat() == "2010-03-02"
    (visit,) = s1.events  # the two directions merged into one symmetric event; 903 is left out
    assert (visit.event, visit.mode, visit.symmetric, visit.cameo) == ("CONSULT", "visit", True, "042")
    assert visit.actor == [G.GoldEntity("NOR", "GOV", None, "NORGOV")]
    assert any("903" in n for n in s1.notes)
    assert s2.events == []


def test_load_petrarch_brings_compound_codings_back_to_lists(tmp_path):
    # PETRARCH writes one coding per dyad; PLOVER lists compound sides in one event (manual 2.0, actor and
    # recipient): two actors against one target, the same dyad twice (with and without a sector), a meeting
    # of three coded pairwise, and two different types that must stay apart.
    xml = """<Validation><Sentences>
<Sentence date="20100301" id="C1"><Text>Dutch and Belgian activists protested in Paris.</Text>
<EventCoding eventcode="141" sourcecode="NLDOPP" targetcode="FRA" />
<EventCoding eventcode="141" sourcecode="BELOPP" targetcode="FRA" />
<EventCoding eventcode="190" sourcecode="NLD" targetcode="FRACVL" />
<EventCoding eventcode="190" sourcecode="NLD" targetcode="FRA" />
</Sentence>
<Sentence date="20100301" id="C2"><Text>Peru, Chile and Bolivia met.</Text>
<EventCoding eventcode="040" sourcecode="PER" targetcode="CHL" />
<EventCoding eventcode="040" sourcecode="CHL" targetcode="PER" />
<EventCoding eventcode="040" sourcecode="PER" targetcode="BOL" />
<EventCoding eventcode="040" sourcecode="BOL" targetcode="PER" />
<EventCoding eventcode="040" sourcecode="CHL" targetcode="BOL" />
<EventCoding eventcode="040" sourcecode="BOL" targetcode="CHL" />
</Sentence>
</Sentences></Validation>"""
    path = tmp_path / "compound.xml"
    path.write_text(xml, encoding="utf-8")
    s1, s2 = G.load_petrarch(path)
    protest, assault = s1.events
    assert protest.event == "PROTEST" and [a.code for a in protest.actor] == ["NLD", "BEL"]
    assert [r.code for r in protest.recipient] == ["FRA"] and protest.id == "C1#1+2"
    assert assault.event == "ASSAULT" and assault.recipient == [G.GoldEntity("FRA", "CVL", None, "FRACVL")]
    (meeting,) = s2.events
    assert meeting.symmetric and {a.code for a in meeting.actor} == {"PER", "CHL", "BOL"}
    assert meeting.recipient == []


def test_load_petrarch_bad_xml_is_one_line_error(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text("<Validation><Sentences><Sentence id='x'></Validation>", encoding="utf-8")
    with pytest.raises(InputError, match="bad.xml: not well-formed XML"):
        G.load_petrarch(path)
    with pytest.raises(InputError, match="no such file"):
        G.load_petrarch(tmp_path / "absent.xml")


def test_load_article_gold_example():
    g = G.load_article_gold(need(NATO_GOLD))
    assert g.published.isoformat() == "2015-05-19"
    assert g.text_file == NATO_GOLD.parent / "nato-lavrov-2015-05-19.txt"
    assert len(g.events) == 11 and sum(e.required for e in g.events) == 7
    consult = g.events[0]
    assert consult.symmetric and consult.actor == [G.GoldEntity("IGO", None, "NATO")]
    assert consult.event_loc == G.GoldPlace("Brussels", "BEL")
    assert {f.code for f in g.forbidden} == {"NOR", None}
    assert g.metadata["dateline"] == "BRUSSELS" and len(g.quotes) == 5


def test_load_plover_gsr():
    stories = G.load_plover_gsr(need(GSR))
    assert len(stories) == 322  # 323 records less the DOCUMENT header
    types = Counter(e.event for s in stories for e in s.events)
    assert set(types) <= set(ontology.EVENT_TYPES)
    assert types["ASSAULT"] == 15 + 17  # FIGHT folded into ASSAULT
    assert types["ACCUSE"] == 16 + 9  # DISAPPROVE + INVESTIGATE
    assert types["REQUEST"] == 34  # DEMAND
    modes = Counter(e.mode for s in stories for e in s.events)
    assert modes["disapprove"] == 16 and modes["investigate"] == 9
    assert sum(e.symmetric for s in stories for e in s.events) == 18  # (SRC/TAR: ...) markup
    codes = {a.code for s in stories for e in s.events for a in e.actor + e.recipient}
    assert {"JPN", "ITA"} <= codes and not {"JAP", "ITL", "VTN"} & codes
    assert all(s.date.isoformat() == "2000-01-01" for s in stories)


def test_load_petrarch_real_files():
    stories = G.load_petrarch(need(PETR2))
    assert len(stories) == 78
    assert all(s.text for s in stories)
    assert sum(not s.events for s in stories) >= 12  # noevents records
    first = stories[0]
    assert (first.events[0].event, first.events[0].actor[0].code, first.events[0].recipient[0].code) == (
        "CONSULT", "USA", "CHN")
    assert all(e.event in ontology.EVENT_TYPES for s in stories for e in s.events)
    unit = G.load_petrarch(need(PETR_UNIT))
    assert len(unit) == 284 and unit[0].id == "DEMO-00"


def test_load_pairs_and_cameo5():
    rows = G.load_pairs(need(PLV))
    assert len(rows) == 1050
    labels = Counter(r.label for r in rows)
    assert len(labels) == 15 and "CONCEDE" not in labels and "RETREAT" not in labels
    assert all(r.source and r.target and r.text for r in rows)
    five = G.load_cameo5(need(CAMEO5))
    assert len(five) == 1349  # no header row
    assert Counter(r.label for r in five) == {0: 240, 1: 248, 2: 303, 3: 337, 4: 221}


def test_load_cameo5_header_and_bad_rows(tmp_path):
    p = tmp_path / "c.tsv"
    p.write_text("sentence\tlabel\nTroops fired on a crowd.\t4\n", encoding="utf-8")
    assert [(r.text, r.label) for r in G.load_cameo5(p)] == [("Troops fired on a crowd.", 4)]
    p.write_text("Troops fired.\t4\nNo tab here\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        G.load_cameo5(p)
    p.write_text("Troops fired.\t7\n", encoding="utf-8")
    with pytest.raises(InputError, match="outside 0..4"):
        G.load_cameo5(p)


def test_guess_set(tmp_path):
    assert R.guess_set("x/a.gold.json") == "article"
    assert R.guess_set("x/PLOVER_GSR_CAMEO.json") == "plover"
    assert R.guess_set("x/PETR2_GSR_validation.UD.xml") == "petrarch"
    assert R.guess_set("x/PLV_test.tsv") == "pairs"
    assert R.guess_set("x/cameo_class_test.tsv") == "cameo5"
    other = tmp_path / "mine.tsv"
    other.write_text("id\tsentence\tsource\ttarget\tgold_root\n", encoding="utf-8")
    assert R.guess_set(other) == "pairs"
    with pytest.raises(InputError, match="--set"):
        R.guess_set(tmp_path / "notes.txt")


# ---------------------------------------------------------------------------------------------- runners


class ScriptedCoder:
    """A stand-in coder: for each article, events from ``script`` (words in the text -> event kind, actor
    codes, recipient codes), placed where the words are. ``fail`` lists story ids it raises on."""

    def __init__(self, script=(), fail=(), label="NONE"):
        self.script = list(script)
        self.fail = set(fail)
        self.label = label
        self.calls = 0

    def code_many(self, articles):
        for a in articles:
            self.calls += 1
            if a.id in self.fail:
                raise RuntimeError(f"cannot code {a.id}")
            events = [ev(kind, [ent(c) for c in act], [ent(c) for c in rec], words, text=a.text)
                      for words, kind, act, rec in self.script if words in a.text]
            for e in events:
                e.story_id = a.id
            quotes = [Quote("release the crew", 0, 5, speaker=ent("NOR", text="Ola Nordmann"))]
            yield CodedArticle(article=a, events=events, quotes=quotes)

    def classify(self, text, source, target):
        if "boom" in text:
            raise ValueError("cannot parse")
        return self.label


def write_article_gold(tmp_path: Path) -> Path:
    (tmp_path / "pact.txt").write_text(STORY.replace(". ", ".\n\n"), encoding="utf-8")
    gold = {
        "doc": "pact", "text_file": "pact.txt", "published": "2024-03-04",
        "events": [
            {"id": "pact", "required": True, "event": "AGREE", "symmetric": True, "actor": [{"code": "NOR"}],
             "recipient": [{"code": "CHL"}], "evidence": "Norway and Chile signed a fisheries agreement"},
            {"id": "seize", "required": True, "event": "COERCE", "actor": [{"code": "CHL", "sector": "MIL"}],
             "recipient": [{"code": "NOR"}], "evidence": "the Chilean navy seized a Norwegian trawler"},
        ],
        "forbidden": [{"why": "not an actor", "entity_text": "Blue Harbour"}],
        "quotes": [{"speaker": "Ola Nordmann", "text": "release the crew"}],
        "metadata": {"published": "2024-03-04"},
    }
    path = tmp_path / "pact.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_run_article_with_scripted_coder(tmp_path):
    path = write_article_gold(tmp_path)
    coder = ScriptedCoder([("signed a fisheries agreement", "AGREE", ["CHL"], ["NOR"]),
                           ("gunmen attacked", "ASSAULT", ["UNK"], ["CHL"])])
    rep = R.run_article(path, coder)
    assert (rep["set"], rep["stories"], rep["matched"], rep["system_events"]) == ("article", 1, 1, 2)
    assert (rep["precision"], rep["recall"]) == (0.5, 0.5)
    assert [m["id"] for m in rep["missed"]] == ["seize"]
    assert rep["quotes"]["pact"]["found"] == 1 and rep["quotes"]["pact"]["speaker_correct"] == 1
    assert rep["metadata"]["pact"]["published"]["ok"]
    text = R.format_report(rep)
    assert "seize" in text and "recall 0.500" in text and "false positives (1)" in text
    json.dumps(rep)  # JSON-ready


def test_run_sentences_isolates_a_failing_story():
    stories = [G.SentenceGold("s1", "Norway and Chile signed a fisheries agreement.", None,
                              [gev("g1", "AGREE", [NOR], [CHL], symmetric=True)]),
               G.SentenceGold("s2", "Chile seized a trawler.", None, [gev("g2", "COERCE", [CHL], [])])]
    coder = ScriptedCoder([("signed", "AGREE", ["NOR"], ["CHL"]), ("seized", "COERCE", ["CHL"], [])],
                          fail={"s2"})
    rep = R.run_sentences("plover", "mem", stories, coder)
    assert (rep["matched"], rep["required"], rep["recall"]) == (1, 2, 0.5)
    assert len(rep["coder_errors"]) == 1 and rep["coder_errors"][0].startswith("s2: RuntimeError")


def test_run_pairs_merges_yield_and_survives_errors(tmp_path):
    p = tmp_path / "PLV_mini.tsv"
    p.write_text("sentence_id\tsentence\tsource\ttarget\tgold_root\n"
                 "1\tChile freed the crew of Norway.\tChile\tNorway\tYIELD\n"
                 "2\tChile boom Norway.\tChile\tNorway\tASSAULT\n", encoding="utf-8")
    rep = R.run_pairs(p, ScriptedCoder(label="RETREAT"))
    assert rep["accuracy"] == 0.5 and rep["per_class"]["YIELD"]["correct"] == 1
    assert len(rep["coder_errors"]) == 1 and "ValueError" in rep["coder_errors"][0]
    assert "macro-F1" in R.format_report(rep)


def test_run_cameo5(tmp_path):
    p = tmp_path / "cameo_class_mini.tsv"
    p.write_text("Gunmen attacked a police post.\t4\nThe talks went on.\t0\n", encoding="utf-8")
    rep = R.run_cameo5(p, ScriptedCoder([("attacked", "ASSAULT", ["UNK"], ["CHL"])]))
    assert rep["accuracy"] == 1.0 and rep["macro_f1"] == 1.0


# ---------------------------------------------------------------------------------------------- CLI


def test_cli_evaluate_json(tmp_path, monkeypatch, capsys):
    import eventcoder.cli.evaluate as cli_eval

    path = write_article_gold(tmp_path)
    monkeypatch.setattr(cli_eval, "_make_coder",
                        lambda: ScriptedCoder([("seized a Norwegian trawler", "COERCE", ["CHL"], ["NOR"])]))
    assert main(["evaluate", str(path), "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert (rep["matched_required"], rep["required"], rep["precision"]) == (1, 2, 1.0)
    assert rep["accuracy"]["sector"] == {"correct": 0, "total": 1, "accuracy": 0.0}  # CHL without MIL


def test_cli_evaluate_unknown_set_is_one_line_error(tmp_path, monkeypatch, capsys):
    import eventcoder.cli.evaluate as cli_eval

    monkeypatch.setattr(cli_eval, "_make_coder", lambda: ScriptedCoder())
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert main(["evaluate", str(tmp_path / "notes.txt")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "notes.txt" in err[0] and "--set" in err[0]


def test_cli_classify_reports_bad_lines_and_goes_on(tmp_path, monkeypatch, capsys):
    import eventcoder.cli.classify as cli_cls

    monkeypatch.setattr(cli_cls, "_make_coder", lambda: ScriptedCoder(label="AID"))
    inp = tmp_path / "pairs.jsonl"
    inp.write_text(
        json.dumps({"id": "a", "text": "Chile sent food to Peru.", "source": "Chile", "target": "Peru"}) + "\n"
        "{not json\n"
        + json.dumps({"id": "c", "text": "Chile sent food.", "source": "Chile"}) + "\n"
        "\n"
        + json.dumps({"id": "d", "text": "Chile boom Peru.", "source": "Chile", "target": "Peru"}) + "\n"
        + json.dumps({"id": 5, "text": "Peru thanked Chile.", "source": "Peru", "target": "Chile"}) + "\n",
        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["classify", "--input", str(inp), "--output", str(out)]) == 1
    assert [json.loads(x) for x in out.read_text().splitlines()] == [{"id": "a", "event": "AID"},
                                                                      {"id": 5, "event": "AID"}]
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3
    assert "line 2: not valid JSON" in err[0]
    assert "line 3: 'target' missing" in err[1]
    assert "line 5: classifier failed (ValueError" in err[2]


def test_cli_classify_missing_input(tmp_path, capsys):
    assert main(["classify", "--input", str(tmp_path / "none.jsonl")]) == 1
    assert "none.jsonl: no such file" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------- real coder


@pytest.fixture(scope="session")
def real_coder():
    """The real Coder, loaded once; skips while ``Coder.code_many`` is not built."""
    from eventcoder.coder import Coder

    coder = Coder()
    probe = R.sentence_article("probe", "Chile signed an agreement with Peru on Monday.")
    try:
        list(coder.code_many([probe]))
    except NotImplementedError:
        pytest.skip("Coder.code_many is not built yet")
    return coder


def _check_event_report(rep: dict, stories: int) -> None:
    assert rep["stories"] == stories
    assert rep["coder_errors"] == []
    assert 0 <= rep["matched"] <= rep["system_events"] - rep["duplicates"]
    assert rep["precision"] is None or 0.0 <= rep["precision"] <= 1.0
    json.dumps(rep)


@pytest.mark.slow
def test_real_coder_article_example(real_coder):
    rep = R.run_article(need(NATO_GOLD), real_coder)
    _check_event_report(rep, 1)
    assert rep["required"] == 7
    assert rep["warnings"] == []  # every gold evidence is found in the ingested text


@pytest.mark.slow
def test_real_coder_plover_gsr(real_coder):
    _check_event_report(R.run_plover(need(GSR), real_coder, limit=5), 5)


@pytest.mark.slow
def test_real_coder_petrarch(real_coder):
    _check_event_report(R.run_petrarch(need(PETR2), real_coder, limit=5), 5)


@pytest.mark.slow
def test_real_coder_cameo5(real_coder):
    rep = R.run_cameo5(need(CAMEO5), real_coder, limit=5)
    assert rep["items"] == 5 and rep["coder_errors"] == []


@pytest.mark.slow
def test_real_coder_pairs(real_coder):
    try:
        real_coder.classify("Chile sent food to Peru.", "Chile", "Peru")
    except (NotImplementedError, AttributeError):
        pytest.skip("Coder.classify is not built yet")
    rep = R.run_pairs(need(PLV), real_coder, limit=5)
    assert rep["items"] == 5 and rep["coder_errors"] == []
    assert set(rep["confusion"]["labels"]) <= set(ontology.EVENT_TYPES) | {"YIELD", "NONE"}


def _oracle_events(gold: G.ArticleGold, text: str) -> list[Event]:
    """System events copied from the gold, placed where the gold evidence is in ``text``."""
    out = []
    for g in gold.events:
        start, end = M.find_evidence(text, g.evidence)
        out.append(Event(
            story_id=gold.doc, event=g.event, event_text=g.evidence, sequence=0, start=start, end=end,
            sentence=text[start:end], mode=[g.mode] if g.mode else [], date=g.date,
            actor=[ent(a.code, a.sector, a.org) for a in g.actor],
            recipient=[ent(a.code, a.sector, a.org) for a in g.recipient],
            event_loc=Place(g.event_loc.name, g.event_loc.country) if g.event_loc else None))
    return out


def test_oracle_events_score_perfectly_on_the_example_article():
    gold = G.load_article_gold(need(NATO_GOLD))
    article = R.read_gold_article(gold)
    system = _oracle_events(gold, article.text)
    mirror = _oracle_events(gold, article.text)[0]  # the meeting coded again in the other direction
    mirror.actor, mirror.recipient = mirror.recipient, mirror.actor
    sc = M.Scorer()
    sc.add(gold.doc, gold.events, system + [mirror], text=article.text, forbidden=gold.forbidden)
    rep = sc.report()
    assert (rep["precision"], rep["recall"], rep["matched"], rep["duplicates"]) == (1.0, 1.0, 11, 1)
    assert rep["warnings"] == [] and rep["false_positives"] == [] and rep["forbidden_hits"] == []
    assert all(v["accuracy"] == 1.0 for v in rep["accuracy"].values())
    assert rep["actor_agreement"]["codes"]["accuracy"] == 1.0


def test_norwegian_stoltenberg_is_a_false_positive_and_a_forbidden_hit():
    gold = G.load_article_gold(need(NATO_GOLD))
    article = R.read_gold_article(gold)
    wrong = _oracle_events(gold, article.text)[0]
    wrong.actor = [ent("NOR", "GOV", text="Stoltenberg")]  # in 2015 he speaks for NATO, not Norway
    sc = M.Scorer()
    sc.add(gold.doc, gold.events, [wrong], text=article.text, forbidden=gold.forbidden)
    rep = sc.report()
    assert (rep["matched"], len(rep["false_positives"])) == (0, 1)
    assert [(h["code"], h["entity_text"]) for h in rep["forbidden_hits"]] == [("NOR", "Stoltenberg")]
    assert rep["confusion"]["matrix"]["NONE"] == {"CONSULT": 1}


def test_cli_evaluate_coder_not_built(tmp_path, monkeypatch, capsys):
    import eventcoder.cli.evaluate as cli_eval

    class Unbuilt:
        def code_many(self, articles):
            raise NotImplementedError

    monkeypatch.setattr(cli_eval, "_make_coder", Unbuilt)
    assert main(["evaluate", str(write_article_gold(tmp_path))]) == 1
    assert "not built yet" in capsys.readouterr().err
