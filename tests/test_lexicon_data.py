"""Checks of the event lexicon files and the development sentence set (csv module only, no spaCy model).

Files checked:

* ``src/eventcoder/data/events/triggers.tsv`` -- verb and noun triggers with PLOVER type, mode, CAMEO code and
  where the recipient is found;
* ``src/eventcoder/data/events/complement_modes.tsv`` -- the mode a control verb's complement gives;
* ``src/eventcoder/data/events/reporting_verbs.tsv`` -- verbs that report, allege, deny or intend;
* ``tests/data/event_cases.tsv`` -- hand-written development sentences with the events they must give.

Codebooks: PLOVER manual 2.0 draft (types, modes, §CAMEO vs. PLOVER) and CAMEO 1.1b3 codes. When the shared
ontology files (``../shared/data/ontology``) are present, modes and CAMEO codes are checked against them too;
otherwise the tests use the mode table below, copied from the manual's mode tables.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path

import countrynames
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventcoder" / "data" / "events"
CASES = ROOT / "tests" / "data" / "event_cases.tsv"
SHARED_ONTOLOGY = ROOT.parent / "shared" / "data" / "ontology"

EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
SPECIAL_EVENTS = ("REPORT", "NONE")

#: PLOVER manual 2.0 mode tables (CONSULT, RETREAT, REQUEST/REJECT, ACCUSE, THREATEN, PROTEST, SANCTION,
#: MOBILIZE, COERCE, ASSAULT); the other six types have no modes.
MANUAL_MODES: dict[str, set[str]] = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    },
    "ASSAULT": {
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    },
}

#: CAMEO 2-digit roots each PLOVER type may carry. The base is the CAMEO -> PLOVER table (manual 2.0
#: §CAMEO vs. PLOVER); the extra roots are the manual's own reassignments: apologies are CONCEDE (§SUPPORT
#: ambiguity 2, CAMEO 055), convictions are SANCTION convict (CAMEO 116), blockade and occupation are COERCE
#: (CAMEO 191/192 in CAMEO2PLOVER-2021), violent repression and property destruction are ASSAULT (CAMEO 175,
#: 1712), refusals of entry are REJECT and REQUESTs may cite CAMEO 10 only.
ALLOWED_ROOTS: dict[str, set[str]] = {
    "AGREE": {"03"},
    "CONSULT": {"04"},
    "SUPPORT": {"05"},
    "CONCEDE": {"08", "05"},
    "COOPERATE": {"06"},
    "AID": {"07"},
    "RETREAT": {"08"},
    "REQUEST": {"10", "02"},  # CAMEO 02 appeals and 10 demands are both PLOVER REQUEST
    "ACCUSE": {"09", "11"},
    "REJECT": {"12", "01"},  # denials of accusations: PLOVER REJECT (issue 3), CAMEO 016 deny responsibility
    "THREATEN": {"13"},
    "PROTEST": {"14"},
    "SANCTION": {"16", "11"},
    "MOBILIZE": {"15"},
    "COERCE": {"17", "19"},
    "ASSAULT": {"17", "18", "19", "20"},
}

TRIGGER_HEADER = ["lemma", "pos", "requires", "event", "mode", "cameo", "recipient", "source"]
COMPLEMENT_HEADER = ["lemma", "event", "mode", "cameo", "source"]
REPORTING_HEADER = ["lemma", "kind", "source"]
CASES_HEADER = ["id", "sentence", "published", "event", "mode", "actor", "recipient", "modality", "note"]

REPORTING_KINDS = {"report", "allege", "deny", "intend"}
MODALITIES = {"asserted", "negated", "future", "hypothetical", "alleged"}
NONSTATE_CODES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
EXTRA_COUNTRY_CODES = {"KOS", "PSE", "HKG", "TWN"}  # PLOVER manual 2.0 §Country names

WORD = r"[a-zà-öø-ÿ][a-zà-öø-ÿ'-]*"  # lower-case lemma, accents allowed ("chargé")
LEMMA_RE = re.compile(rf"^{WORD}$")
WORDS = rf"(?:{WORD}|\*)(?:\|{WORD})*"
CONDITION_RES = {
    "prt": re.compile(rf"^prt={WORDS}$"),
    "prep": re.compile(rf"^prep={WORDS}$"),
    "obj": re.compile(rf"^obj={WORDS}$"),
    "mod": re.compile(rf"^mod={WORDS}$"),
    "head": re.compile(rf"^head={WORDS}$"),
    "xcomp": re.compile(rf"^xcomp(={WORDS})?$"),
    "pobj": re.compile(rf"^pobj={WORDS}$"),
    "cpobj": re.compile(rf"^cpobj={WORDS}$"),
    "opobj": re.compile(rf"^opobj={WORDS}$"),
    "pred": re.compile(rf"^pred={WORDS}$"),
    "purpose": re.compile(rf"^purpose={WORDS}$"),
}
SLOT_RE = re.compile(r"^(obj|iobj|xcomp_subj|ccomp_subj|comp_from|poss|of|recip|swap|prep:[a-z]+|obj:[a-z]+)$")
CODE_RE = re.compile(r"^[A-Z]{3}(?::[A-Za-z0-9 .&'-]+)?$")


def read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Read a TAB-separated file with a header (no quoting); every row must have the header's width."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = []
        for lineno, fields in enumerate(reader, start=2):
            assert len(fields) == len(header), (
                f"{path.name}:{lineno}: {len(fields)} fields, want {len(header)}"
            )
            rows.append(dict(zip(header, fields, strict=True)))
    return header, rows


@pytest.fixture(scope="module")
def triggers() -> list[dict[str, str]]:
    return read_tsv(DATA / "triggers.tsv")[1]


@pytest.fixture(scope="module")
def complements() -> list[dict[str, str]]:
    return read_tsv(DATA / "complement_modes.tsv")[1]


@pytest.fixture(scope="module")
def reporting() -> list[dict[str, str]]:
    return read_tsv(DATA / "reporting_verbs.tsv")[1]


@pytest.fixture(scope="module")
def cases() -> list[dict[str, str]]:
    return read_tsv(CASES)[1]


@pytest.fixture(scope="module")
def modes() -> dict[str, set[str]]:
    """Valid modes per type: the shared plover_modes.csv when present, else the manual table above."""
    path = SHARED_ONTOLOGY / "plover" / "plover_modes.csv"
    if not path.exists():
        return MANUAL_MODES
    table: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            table.setdefault(row["event_type"], set()).add(row["mode"])
    return table


def cameo_codes() -> set[str] | None:
    path = SHARED_ONTOLOGY / "cameo" / "cameo_codes_goldstein_quad.csv"
    if not path.exists():
        return None
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["cameo_code"] for row in csv.DictReader(fh)}


def parse_requires(text: str) -> list[tuple[str, str]]:
    """Split a ``requires`` cell into (kind, condition) pairs; raise ValueError on bad syntax."""
    out = []
    for cond in text.split():
        kind = cond.split("=", 1)[0]
        pattern = CONDITION_RES.get(kind)
        if pattern is None or not pattern.match(cond):
            raise ValueError(f"bad condition {cond!r}")
        out.append((kind, cond))
    kinds = Counter(k for k, _ in out if k != "prep")
    if any(n > 1 for n in kinds.values()):
        raise ValueError(f"repeated condition in {text!r}")
    return out


def is_country_code(code: str) -> bool:
    if code in EXTRA_COUNTRY_CODES:
        return True
    return countrynames.to_code_3(code) == code


# --------------------------------------------------------------------------------------------- headers
@pytest.mark.parametrize(
    ("path", "header"),
    [
        (DATA / "triggers.tsv", TRIGGER_HEADER),
        (DATA / "complement_modes.tsv", COMPLEMENT_HEADER),
        (DATA / "reporting_verbs.tsv", REPORTING_HEADER),
        (CASES, CASES_HEADER),
    ],
    ids=["triggers", "complement_modes", "reporting_verbs", "event_cases"],
)
def test_header(path: Path, header: list[str]) -> None:
    assert read_tsv(path)[0] == header


def test_manual_mode_table_matches_shared_file(modes: dict[str, set[str]]) -> None:
    if modes is MANUAL_MODES:
        pytest.skip("../shared/data/ontology/plover/plover_modes.csv not present")
    assert modes == MANUAL_MODES


def test_parse_requires_rejects_bad_syntax() -> None:
    assert parse_requires("prt=out obj=troop|force prep=from prep=of") == [
        ("prt", "prt=out"),
        ("obj", "obj=troop|force"),
        ("prep", "prep=from"),
        ("prep", "prep=of"),
    ]
    for bad in ("obj=", "prt=out prt=up", "subj=x", "xcomp=1", "obj=Troop"):
        with pytest.raises(ValueError):
            parse_requires(bad)


# --------------------------------------------------------------------------------------------- triggers
def test_trigger_fields(triggers: list[dict[str, str]]) -> None:
    for row in triggers:
        where = f"{row['lemma']} {row['pos']} [{row['requires']}]"
        assert LEMMA_RE.match(row["lemma"]), where
        assert row["pos"] in ("VERB", "NOUN"), where
        assert row["event"] in EVENT_TYPES + SPECIAL_EVENTS, where
        assert row["source"].strip(), where
        parse_requires(row["requires"])
        for slot in row["recipient"].split():
            assert SLOT_RE.match(slot), f"{where}: bad recipient slot {slot!r}"
        if row["event"] in SPECIAL_EVENTS:
            assert row["mode"] == "" and row["cameo"] == "", where
        else:
            assert re.fullmatch(r"\d{2,4}", row["cameo"]), where
            assert "CAMEO" in row["source"] and "PLOVER" in row["source"], where


def test_trigger_modes_are_valid_for_type(triggers: list[dict[str, str]], modes: dict[str, set[str]]) -> None:
    bad = [
        (r["lemma"], r["event"], r["mode"])
        for r in triggers
        if r["mode"] and r["mode"] not in modes.get(r["event"], set())
    ]
    assert bad == []


def test_trigger_cameo_root_agrees_with_type(triggers: list[dict[str, str]]) -> None:
    bad = [
        (r["lemma"], r["requires"], r["event"], r["cameo"])
        for r in triggers
        if r["event"] in ALLOWED_ROOTS and r["cameo"][:2] not in ALLOWED_ROOTS[r["event"]]
    ]
    assert bad == []


def test_trigger_cameo_codes_exist(triggers: list[dict[str, str]]) -> None:
    codes = cameo_codes()
    if codes is None:
        pytest.skip("../shared CAMEO code table not present")
    missing = sorted({r["cameo"] for r in triggers if r["cameo"] and r["cameo"] not in codes})
    assert missing == []


def test_no_duplicate_trigger_keys(triggers: list[dict[str, str]]) -> None:
    keys = Counter((r["lemma"], r["pos"], " ".join(sorted(r["requires"].split()))) for r in triggers)
    assert [k for k, n in keys.items() if n > 1] == []


def test_trigger_coverage(triggers: list[dict[str, str]]) -> None:
    counts = Counter(r["event"] for r in triggers)
    assert len(triggers) >= 600
    thin = {t: counts[t] for t in EVENT_TYPES if counts[t] < 20}
    assert thin == {}
    assert counts["NONE"] + counts["REPORT"] >= 30


def best_row(
    rows: list[dict[str, str]],
    lemma: str,
    pos: str,
    *,
    prt: str | None = None,
    preps: tuple[str, ...] = (),
    obj: str | None = None,
    mods: tuple[str, ...] = (),
    head: str | None = None,
    xcomp: bool = False,
) -> dict[str, str] | None:
    """The row the extractor should pick for a token with these parse features: every condition of the row
    holds, and among those the row with the most conditions wins (the rule stated in the lexicon brief)."""

    def holds(kind: str, cond: str) -> bool:
        value = cond.split("=", 1)[1] if "=" in cond else ""
        words = set(value.split("|"))
        if kind == "prt":
            return prt == value
        if kind == "prep":
            return value in preps
        if kind == "obj":
            return obj is not None and ("*" in words or obj in words)
        if kind == "mod":
            return bool(words & set(mods))
        if kind == "head":
            return head in words
        return xcomp  # kind == "xcomp"

    best: dict[str, str] | None = None
    best_n = -1
    for row in rows:
        if row["lemma"] != lemma or row["pos"] != pos:
            continue
        conds = parse_requires(row["requires"])
        if all(holds(k, c) for k, c in conds) and len(conds) > best_n:
            best, best_n = row, len(conds)
    return best


@pytest.mark.parametrize(
    ("lemma", "pos", "features", "event", "mode"),
    [
        ("meet", "VERB", {"obj": "deadline"}, "NONE", ""),
        ("meet", "VERB", {"preps": ("with",)}, "CONSULT", ""),
        ("say", "VERB", {}, "REPORT", ""),
        ("tell", "VERB", {"obj": "israel", "xcomp": True}, "REQUEST", ""),
        ("deny", "VERB", {"obj": "accusation"}, "REJECT", ""),
        ("call", "VERB", {"preps": ("on",), "xcomp": True}, "REQUEST", ""),
        ("call", "VERB", {"obj": "election"}, "NONE", ""),
        ("strike", "NOUN", {"mods": ("hunger",)}, "PROTEST", "hunger"),
        ("strike", "NOUN", {"head": "go"}, "PROTEST", "strike"),
        ("strike", "NOUN", {"mods": ("air",)}, "ASSAULT", "aerial"),
        ("strike", "VERB", {"obj": "deal"}, "SUPPORT", ""),
        ("ceremony", "NOUN", {"mods": ("signing",)}, "SUPPORT", ""),
        ("summon", "VERB", {"obj": "ambassador"}, "ACCUSE", "disapprove"),
        ("release", "VERB", {"obj": "hostage"}, "RETREAT", "release"),
        ("release", "VERB", {"obj": "report"}, "REPORT", ""),
        ("hold", "VERB", {"obj": "talk"}, "CONSULT", ""),
        ("hold", "VERB", {"obj": "election"}, "NONE", ""),
        ("hold", "VERB", {"obj": "exercise", "preps": ("with",)}, "COOPERATE", ""),
        ("fire", "VERB", {"obj": "minister"}, "SANCTION", "expel"),
        ("fire", "VERB", {"preps": ("on",)}, "ASSAULT", "firearms"),
        ("fire", "VERB", {"mods": ("test",), "obj": "missile"}, "MOBILIZE", "weapons"),
        ("charge", "VERB", {"obj": "activist", "preps": ("with",)}, "ACCUSE", "allege"),
        ("charge", "VERB", {"obj": "protester", "preps": ("with",)}, "ASSAULT", "crowd-control"),
        ("attack", "VERB", {"obj": "plan"}, "ACCUSE", "disapprove"),
        ("attack", "VERB", {"obj": "convoy"}, "ASSAULT", ""),
        ("attack", "NOUN", {"mods": ("cyber",)}, "COERCE", "cyber"),
        ("pull", "VERB", {"prt": "out", "obj": "troop"}, "RETREAT", "withdraw"),
        ("walk", "VERB", {"prt": "away"}, "SANCTION", "withdraw"),
        ("impose", "VERB", {"obj": "sanction"}, "SANCTION", "discontinue"),
        ("impose", "VERB", {"obj": "curfew"}, "COERCE", "curfew"),
        ("delay", "VERB", {"obj": "shipment"}, "COERCE", "withhold"),
        ("remove", "VERB", {"obj": "military"}, "RETREAT", "withdraw"),
        ("test", "VERB", {"obj": "missile"}, "MOBILIZE", "weapons"),
        ("seek", "VERB", {"xcomp": True}, "NONE", ""),
        ("beat", "VERB", {"obj": "rival"}, "NONE", ""),
    ],
)
def test_traps_resolve_as_documented(
    triggers: list[dict[str, str]], lemma: str, pos: str, features: dict, event: str, mode: str
) -> None:
    row = best_row(triggers, lemma, pos, **features)
    assert row is not None
    assert (row["event"], row["mode"]) == (event, mode)


# --------------------------------------------------------------------------------------------- complements
def test_complement_modes(complements: list[dict[str, str]], modes: dict[str, set[str]]) -> None:
    codes = cameo_codes()
    keys = Counter((r["lemma"], r["event"]) for r in complements)
    assert [k for k, n in keys.items() if n > 1] == []
    for row in complements:
        where = f"{row['lemma']} {row['event']}"
        assert LEMMA_RE.match(row["lemma"]), where
        assert row["event"] in ("REQUEST", "THREATEN"), where
        assert row["mode"] in modes[row["event"]], where
        assert row["cameo"][:2] == ("10" if row["event"] == "REQUEST" else "13"), where
        if codes is not None:
            assert row["cameo"] in codes, where
        assert row["source"].strip(), where
    by_family = Counter((r["event"], r["mode"]) for r in complements)
    for event in ("REQUEST", "THREATEN"):
        for mode in modes[event]:
            assert by_family[(event, mode)] >= 3, (event, mode)


# --------------------------------------------------------------------------------------------- reporting verbs
def test_reporting_verbs(reporting: list[dict[str, str]], triggers: list[dict[str, str]]) -> None:
    lemmas = Counter(r["lemma"] for r in reporting)
    assert [k for k, n in lemmas.items() if n > 1] == []
    assert {r["kind"] for r in reporting} <= REPORTING_KINDS
    assert {"say", "accord", "claim", "deny"} <= set(lemmas)
    plain = {r["lemma"]: r["event"] for r in triggers if r["pos"] == "VERB" and r["requires"] == ""}
    # a pure reporting verb must not be an unconditional event trigger
    clash = [
        r["lemma"]
        for r in reporting
        if r["kind"] == "report" and plain.get(r["lemma"], "REPORT") not in SPECIAL_EVENTS
    ]
    assert clash == []
    # every unconditional REPORT trigger is known to the reporting list
    unknown = sorted(lem for lem, ev in plain.items() if ev == "REPORT" and lem not in lemmas)
    assert unknown == []


# --------------------------------------------------------------------------------------------- event cases
def _codes(cell: str) -> list[str]:
    return [c for c in cell.split("|") if c]


def test_event_cases_fields(cases: list[dict[str, str]], modes: dict[str, set[str]]) -> None:
    ids = Counter(r["id"] for r in cases)
    assert [k for k, n in ids.items() if n > 1] == []
    published: dict[str, str] = {}
    for row in cases:
        where = row["id"]
        sentence = row["sentence"]
        assert sentence == sentence.strip() and "  " not in sentence and sentence[-1] in ".!?\"'", where
        day = date.fromisoformat(row["published"])
        assert date(2015, 1, 1) <= day <= date(2024, 12, 31), where
        assert published.setdefault(sentence, row["published"]) == row["published"], where
        assert row["event"] in EVENT_TYPES + ("NONE",), where
        for mode in _codes(row["mode"]):
            assert row["event"] != "NONE" and mode in modes.get(row["event"], set()), where
        assert row["modality"] in MODALITIES | {""}, where
        for code in _codes(row["actor"]) + _codes(row["recipient"]):
            assert CODE_RE.match(code), (where, code)
            base = code.split(":", 1)[0]
            assert base in NONSTATE_CODES or is_country_code(base), (where, code)
        if row["event"] == "NONE":
            assert row["actor"] == "" and row["recipient"] == "", where
            assert row["modality"] in {"", "negated", "hypothetical", "future", "alleged"}, where
        else:
            assert row["actor"], where
            assert row["modality"], where
        speaker = re.search(r"(?:^|; )speaker=([^;]+)", row["note"])
        if speaker:
            assert CODE_RE.match(speaker.group(1)), where
        if row["note"].startswith("symmetric;"):  # pooled actor/recipient set (shared eval/FORMAT.md rule 2)
            assert len(_codes(row["actor"]) + _codes(row["recipient"])) >= 2, where


def test_event_cases_coverage(cases: list[dict[str, str]]) -> None:
    counts = Counter(r["event"] for r in cases)
    assert {t: counts[t] for t in EVENT_TYPES if counts[t] < 8} == {}
    traps = [r for r in cases if r["id"].startswith("trap-")]
    assert len(traps) >= 30
    assert counts["NONE"] >= 10
    assert {r["modality"] for r in traps} >= {"negated", "hypothetical", "future", "alleged", "asserted"}
