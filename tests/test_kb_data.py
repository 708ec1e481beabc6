"""Checks on the actor knowledge files in ``src/eventcoder/data``.

The files are plain TSV (UTF-8, one header line, no quoting, ``|`` between the items of a multi-valued cell), so
these tests read them with the ``csv`` module only: no spaCy, no project loader. They check the format the
loader relies on and a set of facts the resolver needs (PLOVER manual 2.0, §Country names and §Sector codes).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventcoder" / "data"
SHARED = ROOT.parent / "shared"
PLOVER_DIR = SHARED / "data" / "ontology" / "plover"

COUNTRY_COLUMNS = [
    "code",
    "name",
    "names",
    "adjectives",
    "demonyms",
    "capital",
    "metonyms",
    "wikidata",
    "source",
]
ORG_COLUMNS = ["org", "code", "name", "aliases", "country", "sector", "wikidata", "source"]
ROLE_COLUMNS = ["term", "sector", "kind", "rank", "source"]
LEADER_COLUMNS = ["name", "aliases", "code", "org", "role", "sector", "start", "end", "wikidata", "note", "source"]

# PLOVER manual 2.0, §Sector codes (table "Sector Codes"); used when ../shared is absent.
_FREQUENT_SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK"}
_OTHER_SECTORS = {
    "AGR",
    "BUS",
    "CRM",
    "CVL",
    "EDU",
    "ELI",
    "JRN",
    "LAB",
    "MED",
    "REF",
    "OPP",
    "PRE",
    "REL",
    "SOC",
}
PLOVER_SECTORS = _FREQUENT_SECTORS | _OTHER_SECTORS
# PLOVER manual 2.0, §Non-state international actors (UNO and EUR are not used: the gold data codes them IGO).
NONSTATE_CODES = {"IGO", "NGO", "ISM", "IMG", "MNC"}
COUNTRY_LIST_FIELDS = ("names", "adjectives", "demonyms", "metonyms")

# Partially recognized entities that are also ISO 3166-1 entries (Western Sahara is ESH).
ISO_TERRITORIES = {"Western Sahara"}

CODE_RE = re.compile(r"^[A-Z]{3}$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")


def _read(name: str) -> tuple[list[str], list[list[str]]]:
    """Read one TSV file as (header, rows) without interpreting quotes."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return lines[0], lines[1:]


def _dicts(name: str) -> list[dict[str, str]]:
    header, rows = _read(name)
    return [dict(zip(header, row, strict=True)) for row in rows]


def _items(cell: str) -> list[str]:
    return cell.split("|") if cell else []


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    return _dicts("countries.tsv")


@pytest.fixture(scope="module")
def orgs() -> list[dict[str, str]]:
    return _dicts("organizations.tsv")


@pytest.fixture(scope="module")
def roles() -> list[dict[str, str]]:
    return _dicts("roles.tsv")


@pytest.fixture(scope="module")
def sectors() -> set[str]:
    path = PLOVER_DIR / "plover_sector_codes.csv"
    if not path.exists():
        return PLOVER_SECTORS
    with path.open(encoding="utf-8", newline="") as handle:
        found = {row["sector_code"] for row in csv.DictReader(handle)}
    assert found == PLOVER_SECTORS, "the fallback list in this test drifted from the PLOVER sector table"
    return found


@pytest.fixture(scope="module")
def country_index(countries: list[dict[str, str]]) -> dict[str, set[str]]:
    """Lowercased name, adjective, demonym or metonym -> the set of country codes it appears under."""
    index: dict[str, set[str]] = defaultdict(set)
    for row in countries:
        for field in COUNTRY_LIST_FIELDS:
            for item in _items(row[field]):
                index[item.lower()].add(row["code"])
    return index


@pytest.fixture(scope="module")
def org_index(orgs: list[dict[str, str]]) -> dict[str, set[str]]:
    """Lowercased alias -> the set of org keys it appears under."""
    index: dict[str, set[str]] = defaultdict(set)
    for row in orgs:
        for alias in _items(row["aliases"]):
            index[alias.lower()].add(row["org"])
    return index


@pytest.fixture(scope="module")
def role_index(roles: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["term"]: row for row in roles}


# --- format -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "columns"),
    [("countries.tsv", COUNTRY_COLUMNS), ("organizations.tsv", ORG_COLUMNS), ("roles.tsv", ROLE_COLUMNS),
     ("leaders.tsv", LEADER_COLUMNS), ("peoples.tsv", ["people", "forms", "countries", "source"]),
     ("dated_names.tsv", ["name", "code", "kind", "start", "end", "note", "source"])],
)
def test_header_rows_and_source(name: str, columns: list[str]) -> None:
    header, rows = _read(name)
    assert header == columns
    for number, row in enumerate(rows, start=2):
        assert len(row) == len(columns), f"{name}:{number} has {len(row)} fields"
        record = dict(zip(columns, row, strict=True))
        assert record["source"].strip(), f"{name}:{number} has no source"
        for column, cell in record.items():
            assert cell == cell.strip(), f"{name}:{number} {column} has surrounding spaces"
            assert '"' not in cell, f"{name}:{number} {column} has a double quote"
            items = _items(cell)
            assert all(item and item == item.strip() for item in items), (
                f"{name}:{number} {column} empty item"
            )
            assert len({item.lower() for item in items}) == len(items), f"{name}:{number} {column} repeats"
            if column in {"names", "aliases", "metonyms"}:
                assert not any(item.lower().startswith("the ") for item in items), (
                    f"{name}:{number} {column} has a leading article"
                )


def test_counts(
    countries: list[dict[str, str]], orgs: list[dict[str, str]], roles: list[dict[str, str]]
) -> None:
    assert len(countries) >= 240
    assert len(orgs) >= 150
    assert len(roles) >= 250


# --- countries.tsv ------------------------------------------------------------------------------------------


def test_country_codes_and_qids(countries: list[dict[str, str]]) -> None:
    codes = [row["code"] for row in countries]
    assert len(codes) == len(set(codes))
    assert all(CODE_RE.match(code) for code in codes)
    qids = [row["wikidata"] for row in countries if row["wikidata"]]
    assert all(QID_RE.match(qid) for qid in qids)
    assert len(qids) == len(set(qids))
    for row in countries:
        assert row["name"] in _items(row["names"]), f"{row['code']}: canonical name missing from names"


def test_plover_special_country_codes(countries: list[dict[str, str]]) -> None:
    """PLOVER manual 2.0 §Country names: Kosovo is KOS; Antarctica, Hong Kong and Palestine have their own."""
    by_code = {row["code"]: row for row in countries}
    for code in ("KOS", "PSE", "HKG", "TWN", "ATA", "VAT"):
        assert code in by_code
    assert "XKX" not in by_code
    assert by_code["KOS"]["name"] == "Kosovo"
    assert by_code["PSE"]["wikidata"] == "Q219060"


def test_no_country_string_maps_to_two_countries(country_index: dict[str, set[str]]) -> None:
    clashes = {item: codes for item, codes in country_index.items() if len(codes) > 1}
    assert not clashes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kremlin", "RUS"),
        ("Moscow", "RUS"),
        ("Downing Street", "GBR"),
        ("White House", "USA"),
        ("U.S.", "USA"),
        ("Britons", "GBR"),
        ("Belgian", "BEL"),
        ("Brussels", "BEL"),
        ("Russians", "RUS"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Zhongnanhai", "CHN"),
        ("Élysée", "FRA"),
        ("Burma", "MMR"),
        ("Türkiye", "TUR"),
        ("Czechia", "CZE"),
        ("Côte d'Ivoire", "CIV"),
        ("DRC", "COD"),
        ("DPRK", "PRK"),
        ("Republic of Korea", "KOR"),
        ("Palestinians", "PSE"),
        ("Congolese", "COD"),
    ],
)
def test_country_facts(country_index: dict[str, set[str]], text: str, code: str) -> None:
    assert country_index[text.lower()] == {code}


def test_capitals_of_major_states(countries: list[dict[str, str]]) -> None:
    capital = {row["code"]: row["capital"] for row in countries}
    assert capital["RUS"] == "Moscow"
    assert capital["USA"] == "Washington"
    assert capital["DEU"] == "Berlin"
    assert capital["KAZ"] == "Astana"
    wikidata = {row["code"]: row["wikidata"] for row in countries}
    assert (wikidata["RUS"], wikidata["USA"], wikidata["GBR"], wikidata["BEL"]) == (
        "Q159",
        "Q30",
        "Q145",
        "Q31",
    )


# --- organizations.tsv --------------------------------------------------------------------------------------


def test_org_codes_countries_and_sectors(
    orgs: list[dict[str, str]], countries: list[dict[str, str]], sectors: set[str]
) -> None:
    country_codes = {row["code"] for row in countries}
    keys = [row["org"] for row in orgs]
    assert len(keys) == len(set(keys))
    for row in orgs:
        key = row["org"]
        assert CODE_RE.match(row["code"]), key
        assert row["code"] in NONSTATE_CODES | country_codes, key
        assert row["aliases"], key
        if row["code"] in country_codes:
            assert row["country"] == row["code"], key
        if row["code"] in {"IGO", "NGO", "ISM", "IMG"}:
            assert row["country"] == "", key
        if row["country"]:
            assert row["country"] in country_codes, key
        assert row["sector"] == "" or row["sector"] in sectors, key
        assert row["wikidata"] == "" or QID_RE.match(row["wikidata"]), key


def test_no_org_alias_maps_to_two_orgs(org_index: dict[str, set[str]]) -> None:
    clashes = {alias: keys for alias, keys in org_index.items() if len(keys) > 1}
    assert not clashes


def test_org_aliases_do_not_repeat_country_strings(
    org_index: dict[str, set[str]], country_index: dict[str, set[str]]
) -> None:
    assert not set(org_index) & set(country_index)


@pytest.mark.parametrize(
    ("alias", "key", "code", "sector"),
    [
        ("North Atlantic Treaty Organization", "NATO", "IGO", ""),
        ("NATO", "NATO", "IGO", ""),
        ("U.N.", "UN", "IGO", ""),
        ("E.U.", "EU", "IGO", ""),
        ("Daesh", "Islamic State", "IMG", "REB"),
        ("Hamas", "Hamas", "PSE", "REB"),
        ("Taliban", "Taliban", "AFG", "REB"),
        ("Ansar Allah", "Houthis", "YEM", "REB"),
        ("Pentagon", "Pentagon", "USA", "MIL"),
        ("IDF", "IDF", "ISR", "MIL"),
        ("FSB", "FSB", "RUS", "SPY"),
        ("State Duma", "Duma", "RUS", "LEG"),
        ("Doctors Without Borders", "MSF", "NGO", "MED"),
        ("UNIFIL", "UNIFIL", "IGO", "MIL"),
        ("Gazprom", "Gazprom", "RUS", "BUS"),
    ],
)
def test_org_facts(
    orgs: list[dict[str, str]], org_index: dict[str, set[str]], alias: str, key: str, code: str, sector: str
) -> None:
    assert org_index[alias.lower()] == {key}
    row = next(row for row in orgs if row["org"] == key)
    assert (row["code"], row["sector"]) == (code, sector)


def test_org_wikidata(orgs: list[dict[str, str]]) -> None:
    qid = {row["org"]: row["wikidata"] for row in orgs}
    assert (qid["NATO"], qid["UN"], qid["EU"]) == ("Q7184", "Q1065", "Q458")


def test_partially_recognized_entities_follow_plover(
    orgs: list[dict[str, str]], org_index: dict[str, set[str]], country_index: dict[str, set[str]]
) -> None:
    """PLOVER manual 2.0 §Partially recognized entities: the claimant's code plus the PRE sector."""
    path = PLOVER_DIR / "plover_partially_recognized_entities.csv"
    if not path.exists():
        pytest.skip("../shared PLOVER ontology not present")
    by_key = {row["org"]: row for row in orgs}
    with path.open(encoding="utf-8", newline="") as handle:
        entries = list(csv.DictReader(handle))
    assert entries
    for entry in entries:
        if entry["entity"] in ISO_TERRITORIES:
            # An ISO 3166 territory keeps its own row in countries.tsv; folding it into the claimant is the
            # resolver's job, as for the other dependencies (PLOVER manual 2.0 §Non-independent territories).
            assert len(country_index[entry["entity"].lower()]) == 1, entry["entity"]
            continue
        keys = org_index.get(entry["entity"].lower())
        assert keys and len(keys) == 1, entry["entity"]
        row = by_key[next(iter(keys))]
        assert row["sector"] == "PRE", entry["entity"]
        assert {row["code"]} == country_index[entry["assigned_country"].lower()], entry["entity"]


# --- roles.tsv ----------------------------------------------------------------------------------------------


def test_role_rows(roles: list[dict[str, str]], sectors: set[str]) -> None:
    terms = [row["term"] for row in roles]
    assert len(terms) == len(set(terms))
    for row in roles:
        assert row["term"] == row["term"].lower(), row["term"]
        assert row["sector"] in sectors, row["term"]
        assert row["kind"] in {"person", "group", "institution"}, row["term"]
        assert row["rank"] in {"1", "2", "3"}, row["term"]


def test_roles_cover_every_sector(roles: list[dict[str, str]], sectors: set[str]) -> None:
    assert {row["sector"] for row in roles} == sectors


def test_role_terms_do_not_repeat_names(
    roles: list[dict[str, str]], org_index: dict[str, set[str]], country_index: dict[str, set[str]]
) -> None:
    terms = {row["term"] for row in roles}
    assert not terms & set(org_index)
    assert not terms & set(country_index)


@pytest.mark.parametrize(
    ("term", "sector", "kind", "rank"),
    [
        ("foreign minister", "GOV", "person", "2"),
        ("president", "GOV", "person", "1"),
        ("secretary-general", "GOV", "person", "1"),
        ("troops", "MIL", "group", "3"),
        ("army", "MIL", "institution", "2"),
        ("rebels", "REB", "group", "3"),
        ("separatists", "REB", "group", "3"),
        ("protesters", "CVL", "group", "3"),
        ("police", "COP", "institution", "2"),
        ("security forces", "COP", "group", "3"),
        ("court", "JUD", "institution", "2"),
        ("lawmakers", "LEG", "group", "3"),
        ("opposition", "OPP", "institution", "3"),
        ("party", "PTY", "institution", "3"),
        ("journalists", "JRN", "group", "3"),
        ("former president", "ELI", "person", "3"),
        ("unknown gunmen", "UAF", "group", "3"),
        ("refugees", "REF", "group", "3"),
    ],
)
def test_role_facts(
    role_index: dict[str, dict[str, str]], term: str, sector: str, kind: str, rank: str
) -> None:
    row = role_index[term]
    assert (row["sector"], row["kind"], row["rank"]) == (sector, kind, rank)


def test_singular_and_plural_agree(role_index: dict[str, dict[str, str]]) -> None:
    """A plural that is listed beside its singular carries the same sector."""
    pairs = [(term, term + "s") for term in role_index if term + "s" in role_index]
    assert len(pairs) >= 60
    for singular, plural in pairs:
        assert role_index[singular]["sector"] == role_index[plural]["sector"], singular


def test_leaders_codes_sectors_and_terms(countries: list[dict[str, str]], sectors: set[str]) -> None:
    """Leaders of armed groups, movements and churches: a country or non-state code, a PLOVER sector, and
    ISO dates with the start before the end."""
    codes = {row["code"] for row in countries} | NONSTATE_CODES
    for row in _dicts("leaders.tsv"):
        assert row["code"] in codes and row["sector"] in sectors, row["name"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["start"]), row["name"]
        assert row["end"] == "" or row["start"] <= row["end"], row["name"]


def test_peoples_live_in_listed_countries(countries: list[dict[str, str]]) -> None:
    codes = {row["code"] for row in countries}
    _, rows = _read("peoples.tsv")
    assert len(rows) >= 40
    for people, forms, where, _source in rows:
        assert _items(where) and set(_items(where)) <= codes, f"peoples.tsv {people}: unknown code in {where}"
        assert _items(forms), f"peoples.tsv {people}: no forms"


def test_dated_names_are_known_countries_with_an_end(countries: list[dict[str, str]]) -> None:
    """Names that meant another country before a date: a known code, kind country or city, and an end date
    (after which the name means what ``countries.tsv`` says)."""
    codes = {row["code"] for row in countries}
    for row in _dicts("dated_names.tsv"):
        assert row["code"] in codes and row["kind"] in ("country", "city"), row["name"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["end"]), row["name"]
        assert row["start"] == "" or row["start"] <= row["end"], row["name"]
