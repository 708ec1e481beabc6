"""The actor knowledge base: countries, organisations, roles and office holders, loaded from data files.

Files (``src/eventcoder/data/``, TSV with a ``source`` column, written and reviewed for this project):

* ``countries.tsv``: ISO3 code, names, adjectives, demonyms, capital, metonyms (seats of power).
* ``organizations.tsv``: international and national organisations with aliases, code, country, sector.
* ``roles.tsv``: role and group nouns → PLOVER sector (PLOVER manual 2.0, §Sector codes), kind, rank.
* ``office_holders.tsv``: people with offices and dated terms (start, end).
* ``leaders.tsv``: leaders of armed groups, movements and churches, with dated terms (same columns).
* ``peoples.tsv``: peoples without a state of their own (Igbo, Hutu, Kurds) and the countries they live in.
* ``dated_names.tsv``: names that meant another country before a date ("Congo" while the DRC was Zaire,
  "Juba" before South Sudan existed), with the dates they held.

Matching is on :func:`norm` keys (lower case, curly quotes straightened, a leading "the" dropped).
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Matching key for a name: lower case, accents and curly quotes folded, leading "the " removed,
    "'s" dropped, whitespace collapsed. ``norm("the Kremlin's") == "kremlin"``."""
    t = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2014", "-").replace("\u2013", "-")
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = _SPACES.sub(" ", t.strip().lower())
    t = _THE.sub("", t)
    if t.endswith("'s"):
        t = t[:-2]
    elif t.endswith("'"):
        t = t[:-1]
    return t


@dataclass(frozen=True)
class KBActor:
    """A knowledge-base answer for a name.

    ``kind`` says what the name is: ``country`` (a country's name), ``metonym`` (capital or seat of power
    standing for the government, sector GOV), ``org`` (organisation), ``person`` (office holder),
    ``adjective`` / ``demonym`` (a country's people or attribute).
    """

    code: str
    kind: str
    sector: str | None = None
    org: str | None = None
    name: str | None = None
    wikidata: str | None = None
    role: str | None = None
    start: date | None = None
    end: date | None = None
    rank: int = 3


@dataclass(frozen=True)
class Role:
    """A role or group noun: PLOVER ``sector``, ``kind`` (person/group/institution), ``rank`` 1 (head) .. 3."""

    term: str
    sector: str
    kind: str
    rank: int


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [
            {k: (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def _split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _date(cell: str) -> date | None:
    try:
        return date.fromisoformat(cell) if cell else None
    except ValueError:
        return None


#: Abbreviated titles written before a name, as written (with the dot), and the role word they stand for.
TITLE_ABBREVIATIONS = {"sen.": "senator", "rep.": "congressman", "gov.": "governor", "lt. gov.": "governor",
                       "sens.": "senators", "reps.": "congressmen", "gen.": "general", "adm.": "admiral",
                       "amb.": "ambassador"}


class KnowledgeBase:
    """Name → actor lookups over the shipped data files (plus any imported dictionaries).

    Attributes:
        names: norm(name) → list of :class:`KBActor` (countries, metonyms, organisations, people).
        adjectives: norm(adjective) → ISO3 ("russian" → "RUS").
        demonyms: norm(plural people noun) → ISO3 ("russians" → "RUS").
        roles: norm(term) → :class:`Role`.
        surnames: norm(surname) → office-holder entries with that surname.
        countries: ISO3 → canonical name.
    """

    def __init__(self) -> None:
        self.names: dict[str, list[KBActor]] = {}
        self.adjectives: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.roles: dict[str, Role] = {}
        self.surnames: dict[str, list[KBActor]] = {}
        self.countries: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.peoples: dict[str, tuple[str, ...]] = {}
        self.dated: dict[str, list[KBActor]] = {}
        self._country_words: dict[str, list[tuple[str, str]]] | None = None
        self.max_role_words = 1
        self.acronyms: set[str] = set()
        self._cased: set[str] = set()
        self._load()
        #: last words of every role term: a common noun outside this set names no actor by its role
        self.role_heads = {t.split()[-1] for t in self.roles} | set(TITLE_ABBREVIATIONS)

    def _add(self, key: str, actor: KBActor) -> None:
        k = norm(key)
        if not k:
            return
        letters = key.replace(".", "").replace("-", "")
        if letters.isalpha() and letters.isupper() and len(letters) <= 6:
            if k not in self._cased:
                self.acronyms.add(k)  # "WHO", "US", "AU": match only when written in capitals
        else:
            self._cased.add(k)
            self.acronyms.discard(k)
        lst = self.names.setdefault(k, [])
        if actor not in lst:
            lst.append(actor)

    def _load(self) -> None:
        for r in _rows("countries.tsv"):
            code = r["code"]
            self.countries[code] = r["name"]
            for n in [r["name"], *_split(r.get("names", ""))]:
                self._add(n, KBActor(code, "country", name=r["name"], wikidata=r.get("wikidata") or None))
            for a in _split(r.get("adjectives", "")):
                self.adjectives.setdefault(norm(a), code)
            for d in _split(r.get("demonyms", "")):
                self.demonyms.setdefault(norm(d), code)
            if r.get("capital"):
                self.capitals[norm(r["capital"])] = code
            for m in _split(r.get("metonyms", "")):
                self._add(m, KBActor(code, "metonym", sector="GOV", name=r["name"]))
        for r in _rows("organizations.tsv"):
            code = r.get("country") or r["code"]
            actor = KBActor(
                code,
                "org",
                sector=r.get("sector") or None,
                org=r["org"] if not r.get("country") else None,
                name=r.get("name") or r["org"],
                wikidata=r.get("wikidata") or None,
            )
            for n in [r["org"], r.get("name", ""), *_split(r.get("aliases", ""))]:
                self._add(n, actor)
        for r in _rows("peoples.tsv"):
            for f in _split(r["forms"]):
                self.peoples[norm(f)] = tuple(_split(r["countries"]))
        for r in _rows("dated_names.tsv"):
            self.dated.setdefault(norm(r["name"]), []).append(KBActor(
                r["code"], r["kind"], sector="CVL" if r["kind"] == "city" else None,
                name=self.countries.get(r["code"]), start=_date(r["start"]), end=_date(r["end"])))
        for r in _rows("roles.tsv"):
            term = norm(r["term"])
            try:
                rank = int(r.get("rank") or 3)
            except ValueError:
                rank = 3
            self.roles.setdefault(term, Role(term, r["sector"], r.get("kind") or "group", rank))
            self.max_role_words = max(self.max_role_words, len(term.split()))
        for r in _rows("office_holders.tsv") + _rows("leaders.tsv"):
            actor = KBActor(
                r["code"],
                "person",
                sector=r.get("sector") or "GOV",
                org=r.get("org") or None,
                name=r["name"],
                wikidata=r.get("wikidata") or None,
                role=r.get("role") or None,
                start=_date(r.get("start", "")),
                end=_date(r.get("end", "")),
                rank=1 if r.get("role") in ("head of state", "head of government", "secretary-general") else 2,
            )
            for n in [r["name"], *_split(r.get("aliases", ""))]:
                for form in _name_forms(n):
                    self._add(form, actor)
                    parts = norm(form).split()
                    if len(parts) > 1:
                        lst = self.surnames.setdefault(parts[-1], [])
                        if actor not in lst:
                            lst.append(actor)

    # -- lookups -------------------------------------------------------------------------------------
    @functools.cached_property
    def person_first_words(self) -> frozenset[str]:
        """First words (normalised) of the people's names of two words or more: where a name can start."""
        return frozenset(k.split()[0] for k, lst in self.names.items()
                         if " " in k and any(a.kind == "person" for a in lst))

    def lookup(self, text: str, on: date | None = None) -> list[KBActor]:
        """Every entry whose name, alias or metonym is ``text`` (after :func:`norm`). An alias known only
        as an acronym ("WHO", "US") matches only text written in capitals, never "who" or "us"
        (four letters or more: also in title case, "Nato", "Farc"; see :func:`_acronym_form`).

        With a date ``on``, a name that meant something else then (``dated_names.tsv``) gives only that:
        "Congo" in 1990 is the Republic of the Congo (the DRC was Zaire), "Juba" in 2000 a Sudanese city
        (kind ``city``, sector CVL, as cities are coded), not South Sudan's government."""
        k = norm(text)
        if k in self.acronyms and not _acronym_form(text, k):
            return []
        if on is not None and k in self.dated:
            then = [a for a in self.dated[k] if _in_term(a, on)]
            if then:
                return then
        return self.names.get(k, [])

    def country_of_word(self, word: str) -> str | None:
        """ISO3 for a country name, adjective or demonym ("Russia", "Russian", "Russians"), else None."""
        k = norm(word)
        if k in self.acronyms and not _acronym_form(word, k):
            return None
        if k in self.adjectives:
            return self.adjectives[k]
        if k in self.demonyms:
            return self.demonyms[k]
        for a in self.lookup(word):
            if a.kind in ("country", "metonym"):
                return a.code
        return None

    def role(self, term: str) -> Role | None:
        """The :class:`Role` of a role or group noun phrase ("foreign minister", "troops"), else None. The
        abbreviated titles of :data:`TITLE_ABBREVIATIONS` ("Sen.", "Rep.", "Gov.") count as their words."""
        return self.roles.get(norm(TITLE_ABBREVIATIONS.get(term.strip().lower(), term)))

    def person(self, name: str, on: date | None) -> KBActor | None:
        """The office held by ``name`` on date ``on``.

        A full name is looked up directly; a single word as a surname. Among terms covering ``on`` the
        highest-ranked office wins. When the person held office but not on ``on`` (or ``on`` is None and
        no term is open), the answer has sector ``ELI`` (former office holder, PLOVER manual 2.0 §Sector
        codes) with the latest office's country; when all their terms begin after ``on``, the country of
        the first with no sector and no organisation. None when the name is unknown or a surname is
        shared by several people in office on that date.
        """
        k = norm(name)
        bare = name.strip()[4:] if name.strip()[:4].lower() == "the " else name
        if k in self.acronyms and _acronym_form(bare, k):
            return None  # "UN", "the UN" are the organisation, never the surname of Kim Jong Un
        cands = [a for a in self.lookup(name) if a.kind == "person"]
        if not cands and len(k.split()) == 1:
            cands = self.surnames.get(k, [])
            if len({a.name for a in cands}) > 1:
                current = {a.name for a in cands if _in_term(a, on)}
                if len(current) == 1:
                    cands = [a for a in cands if a.name in current]
                elif len({a.code for a in cands}) != 1 or current:
                    return None
                # else: several people of one country share the surname (the two Presidents Bush) and none
                # is in office: the country is known, the person not; fall through to the ELI answer
        if not cands:
            return None
        current = [a for a in cands if _in_term(a, on)]
        if current:
            return min(current, key=lambda a: a.rank)
        past = [a for a in cands if on is None or (a.start and a.start <= on)]
        if not past:
            # in office only after ``on`` (or the story date is unknown and wrong): the country is still
            # theirs, the office not yet; no sector (a title in the text may give one)
            first = min(cands, key=lambda a: a.start or date.min)
            return KBActor(first.code, "person", sector=None, org=None, name=first.name,
                           wikidata=first.wikidata, role=None)
        last = max(past, key=lambda a: a.end or date.max)
        return KBActor(last.code, "person", sector="ELI", org=last.org, name=last.name,
                       wikidata=last.wikidata, role=f"former {last.role}" if last.role else None)


    @functools.lru_cache(maxsize=8192)  # noqa: B019 (one knowledge base per process)
    def near_country(self, word: str) -> str | None:
        """The country name, capital, adjective or demonym that ``word`` misspells ("Afganistan",
        "Ethopia", "Phillippines", "Khatmandu"), or None: one word of 6 letters or more with a capital
        initial, the same initial, one edit away (two from 9 letters), not a plural ("the Americas"), all
        answers of one country."""
        k = norm(word)
        if len(k) < 6 or not word[:1].isupper() or not k.isalpha() or self.lookup(word) \
                or self.country_of_word(word):
            return None
        if self._country_words is None:  # one-word country names, capitals, adjectives, demonyms by initial
            words = {n: a.code for n, lst in self.names.items() for a in lst
                     if a.kind in ("country", "metonym") and " " not in n}
            words.update((w, c) for d in (self.adjectives, self.demonyms) for w, c in d.items() if " " not in w)
            by_initial: dict[str, list[tuple[str, str]]] = {}
            for w, c in words.items():
                by_initial.setdefault(w[:1], []).append((w, c))
            self._country_words = by_initial
        limit = 2 if len(k) >= 9 else 1
        found = {w: c for w, c in self._country_words.get(k[:1], ())
                 if abs(len(w) - len(k)) <= limit and k != w + "s" and _edits(w, k, limit) <= limit}
        return min(found) if found and len(set(found.values())) == 1 else None

    @functools.lru_cache(maxsize=8192)  # noqa: B019 (one knowledge base per process)
    def near_people(self, word: str) -> str | None:
        """The form of a people without a state (``peoples.tsv``) that ``word`` misspells ("Chenchen" for
        "Chechen", "Pashtoon" for "Pashtun"), as its :func:`norm` key in :attr:`peoples`, or None. Same
        limits as :meth:`near_country`: one capitalised word of 6 letters or more, the same initial, one edit
        away (two from 9 letters), not a plural of the form, not itself a known name or country word, and
        every form found of one people (one country list)."""
        k = norm(word)
        if len(k) < 6 or not word[:1].isupper() or not k.isalpha() or k in self.peoples or self.lookup(word) \
                or self.country_of_word(word):
            return None
        limit = 2 if len(k) >= 9 else 1
        found = {f: codes for f, codes in self.peoples.items() if " " not in f and f[:1] == k[:1]
                 and abs(len(f) - len(k)) <= limit and k != f + "s" and _edits(f, k, limit) <= limit}
        return min(found) if found and len(set(found.values())) == 1 else None

    def _surnames_by_initial(self) -> dict[str, list[tuple[str, list[KBActor]]]]:
        """:attr:`surnames` filed by initial, in their order (rebuilt when surnames are added)."""
        cached = self.__dict__.get("_surname_index")
        if cached is None or cached[0] != len(self.surnames):
            index: dict[str, list[tuple[str, list[KBActor]]]] = {}
            for surname, actors in self.surnames.items():
                index.setdefault(surname[:1], []).append((surname, actors))
            cached = self.__dict__["_surname_index"] = (len(self.surnames), index)
        return cached[1]

    def near_person(self, name: str, on: date | None, anytime: bool = False) -> KBActor | None:
        """The one office holder in office on ``on`` whose name ``name`` misspells ("Abdelaziz Bouteflicka",
        "Dos Sontas"): same surname initial, surname at most 2 edits away (1 for a bare surname or one of
        five letters or less), and for a full name another word in common. None when not exactly one.

        With ``anytime``, a full name (first name and surname) may also misspell a former holder ("President
        Francois Mitterand" in a story dated after his term; never one whose terms all begin after ``on``):
        the caller dates the answer with :meth:`person`."""
        words = norm(name).split()
        if not words or len(words[-1]) < 5:
            return None
        last, rest = words[-1], set(words[:-1])
        if anytime and not rest:
            return None
        limit = 2 if rest and len(last) > 5 else 1
        found = [a for surname, actors in self._surnames_by_initial().get(last[:1], ())
                 if surname != last and abs(len(surname) - len(last)) <= limit
                 for a in actors if (_in_term(a, on) or (anytime and (on is None or (a.start and a.start <= on))))
                 and (not rest or rest & set(norm(a.name).split()))
                 and _edits(surname, last, limit) <= limit]
        return min(found, key=lambda a: a.rank) if len({a.name for a in found}) == 1 else None


def _edits(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance between ``a`` and ``b``; with ``limit``, ``limit + 1`` as soon as the distance
    is sure to exceed ``limit`` (no later row of the table has a smaller value than its row's smallest)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if limit is not None and min(row) > limit:
            return limit + 1
    return row[-1]


_ARTICLE = re.compile(r"\b(al|el|ad|ag|an|ar|as|ash|at|az|ul)-(?=\w)", re.IGNORECASE)


def _name_forms(name: str) -> list[str]:
    """A name and its usual press variants for the Arabic article: "Omar al-Bashir" is also written
    "Omar el Bashir", "Omar Bashir" (and its surname alone is "Bashir"); "Zia-ul-Haq" "Zia ul Haq"."""
    forms = [name]
    spaced = _ARTICLE.sub(lambda m: m.group(1) + " ", name)
    if spaced != name:
        forms.append(spaced)
        forms.append(_ARTICLE.sub("", name))
        forms.append(re.sub(r"\b(al|el) (?=\w)", "el ", spaced, flags=re.IGNORECASE))
    return list(dict.fromkeys(forms))


#: Acronyms that are also English words: only ever matched in capitals.
_WORD_ACRONYMS = {"pace", "shape", "care", "aids", "hope", "iris", "isis"}


def _acronym_form(text: str, key: str) -> bool:
    """True when ``text`` is written as an acronym: in capitals ("NATO"), or, for four letters or more
    that are not an English word, in title case ("Nato", "Farc", as the Guardian and BBC write them)."""
    bare = text.replace(".", "")
    if bare.isupper():
        return True
    return len(bare) >= 4 and bare[:1].isupper() and bare[1:].islower() and key not in _WORD_ACRONYMS


def _in_term(a: KBActor, on: date | None) -> bool:
    if on is None:
        return a.end is None
    return (a.start is None or a.start <= on) and (a.end is None or on <= a.end)


@functools.cache
def default_kb() -> KnowledgeBase:
    """The knowledge base of the shipped data files, loaded once per process."""
    return KnowledgeBase()
