"""Tests for eventcoder.ontology: PLOVER types/modes/contexts, the CAMEO crosswalk and the scores.

Expected values are read off the PLOVER manual 2.0 draft score/quad tables, the GDELT Goldstein lookup and
CAMEO2PLOVER-2021; the shared-data checks compare against /work/shared (skipped when it is absent).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventcoder import ontology as ont
from eventcoder.article import EventcoderError

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DATA = Path(ont.__file__).parent / "data" / "ontology"


def _shared(rel: str) -> Path:
    p = SHARED / rel
    if not p.exists():
        pytest.skip(f"shared data absent: {p}")
    return p


# ------------------------------------------------------------------------------------------------ tables


def test_sixteen_types_in_manual_order():
    assert len(ont.EVENT_TYPES) == 16
    assert ont.EVENT_TYPES[:4] == ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")
    assert ont.EVENT_TYPES[-1] == "ASSAULT"
    assert set(ont.MODES) == set(ont.EVENT_TYPES)


def test_mode_counts_and_lists():
    assert sum(len(m) for m in ont.MODES.values()) == 67
    assert ont.MODES["CONSULT"] == ("visit", "third-party", "multilateral", "phone")
    assert ont.MODES["AGREE"] == ()
    assert ont.MODES["REQUEST"] == ont.MODES["REJECT"] == ("assist", "change", "yield", "meet")
    assert len(ont.MODES["ASSAULT"]) == 15


def test_contexts_sectors_nonstate():
    assert len(ont.CONTEXTS) == 37 and "pro_democracy" in ont.CONTEXTS and "trafficking" in ont.CONTEXTS
    assert ont.AUXILIARY_MODES == ("historical", "future", "hypothetical", "negation")
    assert len(ont.SECTORS) == 25 and ont.SECTORS[0] == "COP" and "PRE" in ont.SECTORS
    assert ont.NONSTATE_CODES == ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")
    assert ont.is_valid_context("repression") and not ont.is_valid_context("democracy")
    assert "repress" in ont.describe_context("repression")
    with pytest.raises(ont.OntologyError):
        ont.describe_context("weather")


def test_every_table_has_source_column():
    for p in DATA.glob("*.tsv"):
        with open(p, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        assert rows, p.name
        assert all(r["source"] for r in rows), p.name


# ---------------------------------------------------------------------------------------------- scores


@pytest.mark.parametrize(
    ("etype", "quad"),
    [
        ("AGREE", 1),
        ("CONCEDE", 1),
        ("RETREAT", 2),
        ("AID", 2),
        ("REQUEST", 3),
        ("ACCUSE", 3),
        ("SANCTION", 4),
        ("PROTEST", 4),
        ("ASSAULT", 4),
    ],
)
def test_quad_code(etype, quad):
    assert ont.quad_code(etype) == quad


def test_plover_scores_from_manual_table():
    assert ont.plover_score("CONSULT", "visit") == 4
    assert ont.plover_score("CONSULT") == 2.5
    assert ont.plover_score("RETREAT", "disarm") == 10
    assert ont.plover_score("ASSAULT", "unconventional") == -10
    assert ont.plover_score("ACCUSE") == -3  # manual prints +3: sign typo resolved
    assert ont.plover_score("protest", "vandalize") == -5  # no mode score: falls back to the type
    assert ont.plover_score("DISAPPROVE") == -2  # old name implies ACCUSE/disapprove
    assert ont.plover_score("PROTEST", "strike-hun") == -4.5  # GSR label -> hunger


def test_every_mode_score_matches_shared_table():
    p = _shared("ontology/plover/plover_modes.csv")
    with open(p, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 67
    for r in rows:
        assert ont.is_valid_mode(r["event_type"], r["mode"])
        if r["plover_score"]:
            assert ont.plover_score(r["event_type"], r["mode"]) == float(r["plover_score"]), r


def test_score_dict():
    assert ont.score("CONSULT", "visit") == {
        "cameo": "042",
        "goldstein": 1.9,
        "quad_code": 1,
        "plover_score": 4,
    }
    assert ont.score("ASSAULT") == {"cameo": "190", "goldstein": -10.0, "quad_code": 4, "plover_score": -9}
    s = ont.score("REQUEST", "yield", cameo_code="1056")
    assert s == {"cameo": "1056", "goldstein": -5.0, "quad_code": 3, "plover_score": -1}
    assert ont.score("FIGHT", "firearms")["cameo"] == "193"


# ------------------------------------------------------------------------------------------ CAMEO codes


@pytest.mark.parametrize(
    ("code", "gold", "quad", "penta"),
    [
        ("190", -10.0, 4, 4),
        ("042", 1.9, 1, 1),
        ("0841", 7.0, 2, 2),
        ("1056", -5.0, 3, 3),
        ("011", -0.1, 1, 0),
        ("057", 8.0, 1, 1),
        ("163", -8.0, 4, 3),
        ("0874", 10.0, 2, 2),
        ("145", -7.5, 3, 4),
    ],
)
def test_cameo_values(code, gold, quad, penta):
    c = ont.cameo(code)
    assert (c.goldstein, c.quad_class, c.pentaclass) == (gold, quad, penta)
    assert ont.pentaclass(code) == penta and ont.goldstein(code) == gold
    assert c.root == code[:2]


def test_cameo_names():
    assert ont.cameo("042").name == "Make a visit"
    assert ont.cameo("105").name == "Demand that target yields"  # CAMEO 1.1b3, not GDELT's label
    assert ont.cameo(" 044 ").name == "Meet at a 'third' location"


@pytest.mark.parametrize("bad", ["999", "42", "", "0421", "1213", "abc"])
def test_unknown_cameo_raises_package_error(bad):
    with pytest.raises(EventcoderError) as err:
        ont.cameo(bad)
    assert "\n" not in str(err.value) and "CAMEO" in str(err.value)


def test_cameo_to_plover_crosswalk():
    assert ont.cameo_to_plover("163") == ("COERCE", "restrict", "diplomatic")
    assert ont.cameo_to_plover("1712") == ("ASSAULT", "destroy", "human_security")
    assert ont.cameo_to_plover("191")[0] == "COERCE" and ont.cameo_to_plover("192")[0] == "COERCE"
    assert ont.cameo_to_plover("042") == ("CONSULT", "visit", None)
    assert ont.cameo_to_plover("0813")[0] == "RETREAT"
    assert ont.cameo_to_plover("083")[0] == "CONCEDE"
    assert ont.cameo_to_plover("186") == ("ASSAULT", "targeted", None)  # 'assassinate' renamed
    assert ont.cameo_to_plover("105") == ("REQUEST", "yield", "legal")
    assert ont.cameo_to_plover("010") == (None, None, None)  # root 01 dropped
    assert ont.cameo("094").plover_contexts == ("military", "legal")


def test_crosswalk_is_internally_consistent():
    codes = ont.cameo_codes()
    assert len(codes) == 311
    for code in codes:
        c = ont.cameo(code)
        if c.root in ("01", "02"):
            assert c.plover_type is None
            continue
        assert c.plover_type in ont.EVENT_TYPES, code
        assert c.plover_mode is None or ont.is_valid_mode(c.plover_type, c.plover_mode), code
        assert all(ont.is_valid_context(x) for x in c.plover_contexts), code
        root = int(c.root)
        expected_penta = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 or root == 16 else 4
        assert c.pentaclass == expected_penta, code
        assert c.quad_class == (1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4), code


def test_every_shared_cameo_code_present_with_same_goldstein():
    p = _shared("ontology/cameo/cameo_codes_goldstein_quad.csv")
    with open(p, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 311
    for r in rows:
        c = ont.cameo(r["cameo_code"])
        assert c.goldstein == float(r["goldstein"]), r["cameo_code"]
        assert c.quad_class == int(r["gdelt_quadclass"]), r["cameo_code"]
        assert c.pentaclass == int(r["phoenix_pentaclass"]), r["cameo_code"]


def test_types_agree_with_cameo2plover_file():
    p = _shared("gold/plover_gsr/CAMEO2PLOVER-2021.txt")
    seen = 0
    for line in p.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body or body.startswith("~") or ":" not in body:
            continue
        code, rest = body.split(":", 1)
        if len(code) < 3 or code in ("1213", "1214"):  # root headers; two codes GDELT's list lacks
            continue
        assert ont.cameo_to_plover(code)[0] == rest.split(",")[0].strip(), code
        seen += 1
    assert seen > 250


# ------------------------------------------------------------------------------------- names and modes


def test_normalize_type():
    assert ont.normalize_type("DEMAND") == ("REQUEST", None)
    assert ont.normalize_type("DISAPPROVE") == ("ACCUSE", "disapprove")
    assert ont.normalize_type("investigate") == ("ACCUSE", "investigate")
    assert ont.normalize_type(" Fight ") == ("ASSAULT", None)
    assert ont.normalize_type("consult") == ("CONSULT", None)
    for t in ont.EVENT_TYPES:
        assert ont.normalize_type(t) == (t, None)
    with pytest.raises(ont.OntologyError, match="CRIME"):
        ont.normalize_type("CRIME")
    assert issubclass(ont.OntologyError, EventcoderError)


def test_gold_standard_labels_all_normalize():
    p = _shared("gold/plover_gsr/PLOVER_GSR_CAMEO.json")
    import json

    records = [r for r in json.loads(p.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    assert len(records) == 322
    for r in records:
        etype, _ = ont.normalize_type(r["event"])
        for m in filter(None, str(r.get("mode") or "").split(",")):
            mode = ont.normalize_mode(etype, m)
            assert mode is None or ont.is_valid_mode(etype, mode), (r["id"], m)


def test_normalize_mode_and_validity():
    assert ont.normalize_mode("CONSULT", "host") == "visit"
    assert ont.normalize_mode("ASSAULT", "assassinate") == "targeted"
    assert ont.normalize_mode("RETREAT", "return") is None
    assert ont.normalize_mode("coerce", "ARREST") == "arrest"
    with pytest.raises(ont.OntologyError, match="allowed modes"):
        ont.normalize_mode("CONSULT", "telepathy")
    assert ont.is_valid_mode("ACCUSE", "allege")
    assert not ont.is_valid_mode("ACCUSE", "visit")
    assert not ont.is_valid_mode("NOPE", "visit")
    with pytest.raises(ont.OntologyError):
        ont.plover_score("CONSULT", "riot")


def test_default_cameo():
    assert ont.default_cameo("CONSULT") == "040"
    assert ont.default_cameo("CONSULT", "visit") == "042"
    assert ont.default_cameo("REQUEST", "yield") == "105"
    assert ont.default_cameo("ACCUSE") == "112"
    assert ont.default_cameo("RETREAT", "release") == "0841"
    assert ont.default_cameo("INVESTIGATE") == "090"


def test_default_cameo_always_maps_back_to_its_type():
    for t in ont.EVENT_TYPES:
        assert ont.cameo_to_plover(ont.default_cameo(t))[0] == t, t
        for m in ont.MODES[t]:
            assert ont.cameo_to_plover(ont.default_cameo(t, m))[0] == t, (t, m)


def test_plover_type_records():
    rec = ont.plover_type("sanction")
    assert rec.requires_recipient and rec.quad_code == 4 and rec.cameo_roots == ("16",)
    assert ont.plover_type("ACCUSE").cameo_roots == ("09", "11")
    assert not ont.plover_type("CONSULT").requires_recipient
    assert ont.mode_info("PROTEST", "vandalize").plover_score is None
