"""Checks on the dated office-holder knowledge base ``src/eventcoder/data/office_holders.tsv``.

The file lists who held which office when, so that the actor resolver can turn a bare name into a dated
actor ("Stoltenberg" in 2015 -> NATO, not NOR GOV; "Mugabe" in 1995 -> ZWE GOV):

* the G20 countries plus UKR, IRN, ISR, SYR, TUR, BLR (``SCOPE``): heads of state and government from 1980,
  foreign and defence ministers from 2000 (from about 1990 for USA GBR FRA DEU RUS CHN JPN ISR IRN UKR CAN AUS);
* every other sovereign state, plus PSE (PLO chairman / Palestinian Authority) and KOS: heads of state and,
  where the office matters, heads of government from 1980 (monarchs and military rulers included);
* the NATO / UN / EU leaders from 2000.

Vice-presidents (deputy presidents) carry ``vice-president``: the US from 1977, and CHN IDN TWN ARG BRA NGA KEN
ZAF GHA ZWE TUR VEN EGY RUS where the office has been held.

Communist-era leaders who held neither office carry the role ``party leader`` (General Secretaries of the
CPSU and the Chinese and Vietnamese parties) or ``paramount leader`` (Deng Xiaoping); Iran's presidents of
1980-1989, between the Supreme Leader and the prime minister, carry ``president``. Soviet and Yugoslav
federal offices are coded with the successor state (RUS, SRB).
These tests only read the file with the ``csv`` module: they are fast and need no model.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "data" / "office_holders.tsv"

HEADER = ["name", "aliases", "code", "org", "role", "sector", "start", "end", "wikidata", "note", "source"]

# Offices held by one person at a time: two terms of the same office may touch, and may overlap by at most
# a month where the changeover day is only known to the month (see the ``note`` column).
SINGLE_HOLDER_ROLES = {
    "head of state",
    "head of government",
    "foreign minister",
    "defence minister",
    "secretary-general",
    "president of the european commission",
    "president of the european council",
    "high representative",
    "party leader",
    "paramount leader",
    "president",
    "vice-president",
}
# Two states coded alike at once: the USSR presidency and the RSFSR presidency both map to RUS in 1991
OVERLAP_EXCEPTIONS = {("RUS", "head of state", "Mikhail Gorbachev", "Boris Yeltsin")}
COUNTRIES = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "data" / "countries.tsv"
FIRST_YEAR = "1980-01-01"
MAX_OVERLAP_DAYS = 31
OPEN_END = date.max
# G20 member states plus the extra countries of issue 4: all four offices are covered for these
SCOPE = (
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
    "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "UKR", "IRN", "ISR", "SYR", "BLR",
)  # fmt: skip


@pytest.fixture(scope="module")
def table() -> tuple[list[str], list[list[str]]]:
    """Header and data rows of the TSV, split on tabs with no quoting (the file's declared format)."""
    with DATA.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = [row for row in reader]
    return header, rows


@pytest.fixture(scope="module")
def records(table: tuple[list[str], list[list[str]]]) -> list[dict[str, str]]:
    """Rows as dicts keyed by the header."""
    header, rows = table
    return [dict(zip(header, row)) for row in rows]


def _span(rec: dict[str, str]) -> tuple[date, date]:
    start = date.fromisoformat(rec["start"])
    end = date.fromisoformat(rec["end"]) if rec["end"] else OPEN_END
    return start, end


def holders(records: list[dict[str, str]], role: str, code: str, on: date, org: str = "") -> list[str]:
    """Names of the holders of ``role`` for ``code`` (and ``org`` for IGO rows) on day ``on``.

    A term covers ``start <= on < end`` (the end day belongs to the successor).
    """
    out = []
    for rec in records:
        if rec["role"] != role or rec["code"] != code or rec["org"] != org:
            continue
        start, end = _span(rec)
        if start <= on < end:
            out.append(rec["name"])
    return out


def test_header_is_exact(table: tuple[list[str], list[list[str]]]) -> None:
    header, _ = table
    assert header == HEADER


def test_every_row_has_all_fields(table: tuple[list[str], list[list[str]]]) -> None:
    _, rows = table
    bad = [(i + 2, len(row)) for i, row in enumerate(rows) if len(row) != len(HEADER)]
    assert bad == []


def test_no_quoting_or_stray_whitespace() -> None:
    text = DATA.read_text(encoding="utf-8")
    assert '"' not in text
    assert text.endswith("\n")
    for lineno, line in enumerate(text.splitlines(), start=1):
        for field in line.split("\t"):
            assert field == field.strip(), f"line {lineno}: field {field!r} has surrounding whitespace"


def test_at_least_300_rows(records: list[dict[str, str]]) -> None:
    assert len(records) >= 300


def test_dates_parse_and_are_ordered(records: list[dict[str, str]]) -> None:
    for rec in records:
        start = date.fromisoformat(rec["start"])
        if rec["end"]:
            end = date.fromisoformat(rec["end"])
            assert start < end, rec
        # the file covers 1980 onwards (ministers 1990 onwards): terms that had ended before are out of scope
        assert rec["end"] == "" or rec["end"] >= FIRST_YEAR, rec
        if rec["role"] in ("foreign minister", "defence minister"):
            assert rec["end"] == "" or rec["end"] >= "1990-01-01", rec


def test_codes_orgs_sector_and_ids(records: list[dict[str, str]]) -> None:
    for rec in records:
        assert re.fullmatch(r"[A-Z]{3}", rec["code"]), rec
        if rec["code"] == "IGO":
            assert rec["org"] in {"NATO", "UN", "EU"}, rec
        else:
            assert rec["org"] == "", rec
        assert rec["sector"] == "GOV", rec
        assert rec["role"] == rec["role"].lower() and rec["role"], rec
        assert rec["wikidata"] == "" or re.fullmatch(r"Q[1-9][0-9]*", rec["wikidata"]), rec
        assert rec["source"], rec
        assert rec["name"] and "|" not in rec["name"], rec


def test_countries_are_known_and_scope_is_covered(records: list[dict[str, str]]) -> None:
    with COUNTRIES.open(encoding="utf-8", newline="") as handle:
        known = {row["code"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}
    codes = {rec["code"] for rec in records}
    assert codes - known == {"IGO"}
    assert set(SCOPE) <= codes


def test_ministers_only_for_the_scope_countries(records: list[dict[str, str]]) -> None:
    # outside SCOPE the file lists heads of state and government (and the few leader roles) only
    for rec in records:
        if rec["code"] not in SCOPE and rec["code"] != "IGO":
            assert rec["role"] not in ("foreign minister", "defence minister"), rec


def test_roles_are_known(records: list[dict[str, str]]) -> None:
    assert {rec["role"] for rec in records} <= SINGLE_HOLDER_ROLES


def test_aliases_are_clean(records: list[dict[str, str]]) -> None:
    for rec in records:
        aliases = rec["aliases"].split("|") if rec["aliases"] else []
        assert all(aliases), rec  # no empty entries such as "a||b"
        assert len(aliases) == len(set(aliases)), rec
        assert rec["name"] not in aliases, rec
        surname = rec["name"].split()[-1]
        # bare surnames are derived by the resolver; a single-word name (e.g. "Sugiono") is its own surname
        if len(rec["name"].split()) > 1:
            assert surname not in aliases, rec


def test_a_person_has_one_wikidata_id(records: list[dict[str, str]]) -> None:
    ids: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        if rec["wikidata"]:
            ids[rec["name"]].add(rec["wikidata"])
    assert {name: qids for name, qids in ids.items() if len(qids) > 1} == {}
    owners: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        if rec["wikidata"]:
            owners[rec["wikidata"]].add(rec["name"])
    assert {qid: names for qid, names in owners.items() if len(names) > 1} == {}


def test_no_duplicate_terms(records: list[dict[str, str]]) -> None:
    keys = Counter((r["name"], r["code"], r["org"], r["role"], r["start"]) for r in records)
    assert [k for k, n in keys.items() if n > 1] == []


def test_single_holder_roles_do_not_overlap(records: list[dict[str, str]]) -> None:
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for rec in records:
        if rec["role"] in SINGLE_HOLDER_ROLES:
            groups[(rec["code"], rec["org"], rec["role"])].append(rec)
    problems = []
    for key, terms in groups.items():
        terms.sort(key=lambda r: r["start"])
        for i, first in enumerate(terms):
            a_start, a_end = _span(first)
            for second in terms[i + 1 :]:
                b_start, b_end = _span(second)
                overlap = min(a_end, b_end) - max(a_start, b_start)
                if (key[0], key[2], first["name"], second["name"]) in OVERLAP_EXCEPTIONS:
                    continue
                if overlap.days > MAX_OVERLAP_DAYS:
                    problems.append((key, first["name"], first["start"], second["name"], second["start"]))
    assert problems == []


def test_each_single_holder_office_has_at_most_one_open_term(records: list[dict[str, str]]) -> None:
    open_terms = Counter((r["code"], r["org"], r["role"]) for r in records if not r["end"])
    assert [k for k, n in open_terms.items() if n > 1] == []


# --- facts the resolver depends on (DESIGN.md §1 worked example and issue 4) -------------------------------

EXAMPLE_DAY = date(2015, 5, 19)


def test_stoltenberg_is_nato_secretary_general_in_may_2015(records: list[dict[str, str]]) -> None:
    assert holders(records, "secretary-general", "IGO", EXAMPLE_DAY, org="NATO") == ["Jens Stoltenberg"]
    # ...and not on either side of his term (2014-10-01 .. 2024-10-01)
    assert holders(records, "secretary-general", "IGO", date(2014, 9, 30), org="NATO") == [
        "Anders Fogh Rasmussen"
    ]
    assert holders(records, "secretary-general", "IGO", date(2024, 10, 1), org="NATO") == ["Mark Rutte"]


def test_stoltenberg_norwegian_terms_end_before_nato(records: list[dict[str, str]]) -> None:
    # his Norwegian premierships (2000-2001, 2005-2013) end before the NATO term: on a date in the NATO
    # term a bare "Stoltenberg" can only resolve to the NATO row
    rows = [r for r in records if r["name"] == "Jens Stoltenberg"]
    assert {r["code"] for r in rows} == {"IGO", "NOR"}
    assert all(r["end"] and r["end"] <= "2014-10-01" for r in rows if r["code"] == "NOR")


def test_lavrov_is_russian_foreign_minister_in_may_2015(records: list[dict[str, str]]) -> None:
    assert holders(records, "foreign minister", "RUS", EXAMPLE_DAY) == ["Sergei Lavrov"]
    lavrov = [r for r in records if r["name"] == "Sergei Lavrov"]
    assert len(lavrov) == 1 and "Sergey Lavrov" in lavrov[0]["aliases"].split("|")


def test_reynders_is_not_in_scope(records: list[dict[str, str]]) -> None:
    # Didier Reynders (Belgian foreign minister in the example) is out of scope: BEL has heads of state and
    # government only, no ministers
    assert not any("Reynders" in r["name"] or "Reynders" in r["aliases"] for r in records)
    assert {r["role"] for r in records if r["code"] == "BEL"} <= {"head of state", "head of government"}


def test_merkel_chancellorship_ends_in_december_2021(records: list[dict[str, str]]) -> None:
    terms = [r for r in records if r["name"] == "Angela Merkel" and r["role"] == "head of government"]
    assert len(terms) == 1
    assert terms[0]["code"] == "DEU"
    assert terms[0]["start"] == "2005-11-22"
    assert terms[0]["end"].startswith("2021-12")
    assert holders(records, "head of government", "DEU", date(2023, 1, 1)) == ["Olaf Scholz"]


def test_obama_is_us_head_of_state_in_may_2015(records: list[dict[str, str]]) -> None:
    assert holders(records, "head of state", "USA", EXAMPLE_DAY) == ["Barack Obama"]
    # presidential systems carry the president as head of government too (see the report's convention)
    assert holders(records, "head of government", "USA", EXAMPLE_DAY) == ["Barack Obama"]


def test_putin_tandem_years(records: list[dict[str, str]]) -> None:
    assert holders(records, "head of state", "RUS", date(2010, 6, 1)) == ["Dmitry Medvedev"]
    assert holders(records, "head of government", "RUS", date(2010, 6, 1)) == ["Vladimir Putin"]
    assert holders(records, "head of state", "RUS", EXAMPLE_DAY) == ["Vladimir Putin"]
    putin_terms = sorted((r["role"], r["start"]) for r in records if r["name"] == "Vladimir Putin")
    assert ("head of state", "2012-05-07") in putin_terms
    assert ("head of government", "2008-05-08") in putin_terms


def test_igo_leaders_in_may_2015(records: list[dict[str, str]]) -> None:
    assert holders(records, "secretary-general", "IGO", EXAMPLE_DAY, org="UN") == ["Ban Ki-moon"]
    assert holders(records, "president of the european commission", "IGO", EXAMPLE_DAY, org="EU") == [
        "Jean-Claude Juncker"
    ]
    assert holders(records, "president of the european council", "IGO", EXAMPLE_DAY, org="EU") == [
        "Donald Tusk"
    ]
    assert holders(records, "high representative", "IGO", EXAMPLE_DAY, org="EU") == ["Federica Mogherini"]


def test_every_country_in_scope_has_its_four_offices_in_2015(records: list[dict[str, str]]) -> None:
    missing = []
    for code in SCOPE:
        for role in ("head of state", "head of government", "foreign minister", "defence minister"):
            if len(holders(records, role, code, EXAMPLE_DAY)) != 1:
                missing.append((code, role))
    assert missing == []


# --- heads of state and government outside the G20 scope, and before 2000 ----------------------------------


def test_hassan_ii_is_king_of_morocco_until_july_1999(records: list[dict[str, str]]) -> None:
    terms = [r for r in records if r["name"] == "Hassan II"]
    assert [(r["code"], r["role"], r["start"], r["end"]) for r in terms] == [
        ("MAR", "head of state", "1961-03-03", "1999-07-23")
    ]
    assert "King Hassan" in terms[0]["aliases"].split("|")
    assert holders(records, "head of state", "MAR", date(1999, 7, 23)) == ["Mohammed VI"]


def test_heads_of_state_of_the_1980s_and_1990s(records: list[dict[str, str]]) -> None:
    on_day = {
        ("USA", date(1985, 1, 1)): ["Ronald Reagan"],
        ("USA", date(1991, 1, 17)): ["George H. W. Bush"],
        ("FRA", date(1990, 1, 1)): ["François Mitterrand"],
        ("RWA", date(1994, 4, 1)): ["Juvénal Habyarimana"],
        ("JOR", date(1990, 8, 2)): ["King Hussein"],
        ("EGY", date(1990, 8, 2)): ["Hosni Mubarak"],
        ("IRQ", date(1990, 8, 2)): ["Saddam Hussein"],
        ("ZAF", date(1995, 6, 24)): ["Nelson Mandela"],
        ("CHL", date(1988, 10, 5)): ["Augusto Pinochet"],
        ("KGZ", date(1995, 1, 1)): ["Askar Akayev"],
        ("PAK", date(1985, 1, 1)): ["Muhammad Zia-ul-Haq"],
        ("PSE", date(1993, 9, 13)): ["Yasser Arafat"],
        ("DZA", date(2005, 1, 1)): ["Abdelaziz Bouteflika"],
        ("ZWE", date(2000, 1, 1)): ["Robert Mugabe"],
    }
    for (code, day), names in on_day.items():
        assert holders(records, "head of state", code, day) == names, (code, day)


def test_heads_of_government_of_the_1980s_and_1990s(records: list[dict[str, str]]) -> None:
    assert holders(records, "head of government", "GBR", date(1985, 1, 1)) == ["Margaret Thatcher"]
    assert holders(records, "head of government", "DEU", date(1990, 10, 3)) == ["Helmut Kohl"]
    assert holders(records, "head of government", "ISR", date(1993, 9, 13)) == ["Yitzhak Rabin"]
    assert holders(records, "head of government", "GRC", date(1985, 1, 1)) == ["Andreas Papandreou"]
    assert holders(records, "head of government", "GRC", date(2010, 5, 1)) == ["George Papandreou"]
    # Zimbabwe: prime minister under a ceremonial president until the executive presidency of 1987-12-31
    assert holders(records, "head of government", "ZWE", date(1985, 1, 1)) == ["Robert Mugabe"]
    assert holders(records, "head of state", "ZWE", date(1985, 1, 1)) == ["Canaan Banana"]


def test_soviet_leaders_are_coded_with_the_successor_state(records: list[dict[str, str]]) -> None:
    assert holders(records, "party leader", "RUS", date(1987, 1, 1)) == ["Mikhail Gorbachev"]
    assert holders(records, "head of state", "RUS", date(1987, 1, 1)) == ["Andrei Gromyko"]
    assert holders(records, "head of state", "RUS", date(1995, 1, 1)) == ["Boris Yeltsin"]


def test_every_country_has_a_head_of_state_row(records: list[dict[str, str]]) -> None:
    # a country whose only rows are heads of government would miss its monarch or president
    codes = {r["code"] for r in records if r["code"] != "IGO"}
    with_head = {r["code"] for r in records if r["role"] == "head of state"}
    assert codes - with_head == set()
