"""PLOVER 2.0 contexts of a coded event: the ``context`` field (PLOVER manual 2.0 draft, chapter Contexts and
§Auxiliary modes).

One stage, run once per event after it is built (:func:`event_contexts`). It reads only the event, its own
sentence and the publication date, and adds four kinds of context:

1. **Cue words** of the event's sentence (``data/events/contexts.tsv``, ``kind=word``): lemmas or word forms,
   one or two words ("tariff" → economic, "human rights" → human_rights). Two-word cues are read first and
   take their words, so "tear gas" (a stop phrase, context ``-``) is no natural-resource cue and "martial
   law" is pro_autocracy, not legal. Punctuation, the possessive ``'s``, articles and "of" are skipped when
   pairing words ("freedom of the press" = "freedom press", "al-Qaeda" = "al qaeda"). A cue with condition
   ``noun`` counts only as a noun ("trade" the noun, not "traded fire"); ``not_name`` only outside a
   proper name ("the army", not "the Free Syrian Army").
2. **Actors and recipients** (``kind=sector`` and ``kind=org``): sectors the manual's definitions tie to a
   context (MIL → military, SPY → intelligence, JUD → legal, LEG → legislative, REF → migration, ...) and
   organisations by the short name the knowledge base writes in ``Entity.org`` (UNHCR → migration, IAEA →
   cbrn, groups on the UN Security Council's ISIL/Al-Qaida sanctions list → terrorism, ...).
3. **Codes**: the contexts of the event's CAMEO code in the CAMEO2PLOVER-2021 crosswalk
   (:func:`eventcoder.ontology.cameo`), the modes the manual says add a context (``kind=mode``: COERCE
   cyber → cyber), and one default: verbal cooperation or conflict (quad 1 or 3) between the governments
   (or legislatures) of two different states or intergovernmental organisations is diplomatic (manual
   §Diplomatic).
   The crosswalk's ``military`` is kept only when a side is a state or its armed forces (manual §Military
   covers state militaries only: "rebels opened fire" is no military context), its ``diplomatic`` only
   between a government and another party (manual §Diplomatic).
4. **Auxiliary modes** (manual §Auxiliary modes, "the coding engine ... put[s] that information in the
   context"): ``future``, ``hypothetical`` and ``negation`` from the event's modality, and ``historical``
   when the event's own clause dates it more than a calendar year before publication.

Contexts are returned most specific first (:data:`SPECIFICITY`), auxiliary modes last, without repeats;
``crime`` is dropped when a narrower crime context (trafficking, corruption, illegal_drugs) is present and
the event is not ``cyber`` (manual §Crime).
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .. import ontology
from ..article import Entity, Event

#: The reviewed cue table (columns kind, cue, context, condition, source).
DATA = Path(__file__).resolve().parent.parent / "data" / "events" / "contexts.tsv"

#: General contexts, most specific first: narrow issues (weapons, crimes, groups of people, hazards) before
#: the broad institutional fields they sit in (legal, executive, economic, military, diplomatic), and
#: ``crime`` after its narrower forms (manual §Crime). Our ordering; the manual gives none.
SPECIFICITY: tuple[str, ...] = (
    "cbrn", "cyber", "misinformation", "terrorism", "peacekeeping", "asylum", "illegal_drugs", "trafficking",
    "corruption", "reparations", "lgbt", "gender", "intelligence", "election", "disasters", "health",
    "migration", "natural_resource", "environment", "human_security", "repression", "human_rights",
    "rights_freedoms", "religion_ethnicity", "inequality", "territory", "pro_democracy", "pro_autocracy",
    "technology", "crime", "legislative", "legal", "executive", "political_institutions", "economic",
    "military", "diplomatic",
)

#: Event modality → auxiliary mode (manual §Auxiliary modes; DESIGN.md §4 modality values). ``alleged``
#: has no auxiliary mode.
MODALITY_MODES = {"future": "future", "hypothetical": "hypothetical", "negated": "negation"}

#: How many years before publication an event's own date must end to be ``historical`` ("the report
#: describes a past episode", manual §Auxiliary modes): more than one calendar year, so last month's events
#: stay current news.
HISTORICAL_YEARS = 1

#: Words left out when pairing two-word cues (punctuation is left out too).
_SKIP = frozenset({"'s", "\u2019s", "'", "of", "the", "a", "an"})

#: Non-state codes that are governments' organisations (PLOVER manual 2.0, table 'International Non-state
#: actor names': IGO, UN, EU).
_INTERGOVERNMENTAL = frozenset({"IGO", "UNO", "EUR"})
_NON_STATE = frozenset(ontology.NONSTATE_CODES) | {"UNK"}

#: Entity types of spaCy's English models that mark a proper name (a ``not_name`` cue inside one is no cue).
_NAME_TYPES = frozenset({"PERSON", "ORG"})

_ORDER = {c: i for i, c in enumerate(SPECIFICITY)}
_NARROW_CRIMES = frozenset({"trafficking", "corruption", "illegal_drugs"})


@dataclass(frozen=True)
class ContextRules:
    """The cue table, indexed. ``words`` and ``pairs`` map a word (or word pair) to ``(context,
    condition)`` entries (context ``-``: a stop phrase); ``sectors``, ``orgs`` and ``modes`` map a sector
    code, an ``Entity.org`` name or ``(TYPE, mode)`` to contexts."""

    words: dict[str, tuple[tuple[str, str], ...]]
    pairs: dict[tuple[str, str], tuple[tuple[str, str], ...]]
    sectors: dict[str, tuple[str, ...]]
    orgs: dict[str, tuple[str, ...]]
    modes: dict[tuple[str, str], tuple[str, ...]]


@functools.cache
def rules(path: str | Path = DATA) -> ContextRules:
    """Read and index the cue table (cached per path).

    Raises:
        ontology.OntologyError: a row names a context that is neither a PLOVER 2.0 context nor ``-``, an
            unknown kind or condition, or a cue of more than two words.
    """
    words: dict[str, list[tuple[str, str]]] = {}
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    sectors: dict[str, list[str]] = {}
    orgs: dict[str, list[str]] = {}
    modes: dict[tuple[str, str], list[str]] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
            kind, cue, ctx, cond = row["kind"], row["cue"].strip(), row["context"], row["condition"] or ""
            where = f"{path}: line {n}"
            if ctx != "-" and (not ontology.is_valid_context(ctx) or ctx in ontology.AUXILIARY_MODES):
                raise ontology.OntologyError(f"{where}: {ctx!r} is no PLOVER 2.0 general context")
            if cond not in ("", "noun", "not_name"):
                raise ontology.OntologyError(f"{where}: unknown condition {cond!r}")
            if kind == "word":
                parts = cue.lower().split()
                if len(parts) == 1:
                    words.setdefault(parts[0], []).append((ctx, cond))
                elif len(parts) == 2:
                    pairs.setdefault((parts[0], parts[1]), []).append((ctx, cond))
                else:
                    raise ontology.OntologyError(f"{where}: cue {cue!r} has more than two words")
            elif kind == "sector":
                sectors.setdefault(cue, []).append(ctx)
            elif kind == "org":
                orgs.setdefault(cue, []).append(ctx)
            elif kind == "mode":
                etype, _, mode = cue.partition("/")
                modes.setdefault((etype, mode), []).append(ctx)
            else:
                raise ontology.OntologyError(f"{where}: unknown kind {kind!r}")

    def freeze(d):
        return {k: tuple(v) for k, v in d.items()}

    return ContextRules(freeze(words), freeze(pairs), freeze(sectors), freeze(orgs), freeze(modes))


# ------------------------------------------------------------------------------------------- cue words


def _ok(tok, cond: str) -> bool:
    """Does token ``tok`` meet a cue's condition (``noun``: a noun; ``not_name``: not in a proper name)?"""
    if not cond:
        return True
    if cond == "noun":
        return tok.pos_ in ("NOUN", "PROPN")
    return tok.pos_ != "PROPN" and tok.ent_type_ not in _NAME_TYPES


def sentence_cues(tokens: Iterable, table: ContextRules | None = None) -> set[str]:
    """General contexts named by cue words among ``tokens`` (a spaCy sentence ``Span`` or any token list).

    A cue matches a token's lower-case form or its lemma ("refugees" → "refugee"). Two-word cues are tried
    first at each position and use up both words; stop phrases (context ``-``) give nothing but use up their
    words too. Source of each cue: its row in ``data/events/contexts.tsv``.
    """
    t = table or rules()
    toks = [(tok, tok.lower_, tok.lemma_.lower()) for tok in tokens
            if not (tok.is_punct or tok.is_space) and tok.lower_ not in _SKIP]
    found: set[str] = set()
    i, n = 0, len(toks)
    while i < n:
        tok, low, lem = toks[i]
        if i + 1 < n:
            nxt, low2, lem2 = toks[i + 1]
            hits = (t.pairs.get((low, low2)) or t.pairs.get((lem, lem2)) or t.pairs.get((low, lem2))
                    or t.pairs.get((lem, low2)))
            if hits:
                hits = [ctx for ctx, cond in hits if _ok(tok, cond) and _ok(nxt, cond)]
                if hits:
                    found.update(c for c in hits if c != "-")
                    i += 2
                    continue
        hits = t.words.get(low) or t.words.get(lem)
        if hits:
            found.update(ctx for ctx, cond in hits if ctx != "-" and _ok(tok, cond))
        i += 1
    return found


# ------------------------------------------------------------------------------------------- actors, codes


def _is_state(e: Entity) -> bool:
    """A state's government or armed forces: a country code with no sector, GOV or MIL."""
    return e.code not in _NON_STATE and e.sector in (None, "GOV", "MIL")


def _is_government(e: Entity) -> bool:
    """A state's government or legislature, or an intergovernmental organisation (no sector, GOV or LEG):
    the parties of diplomacy between states (manual §Diplomatic)."""
    return e.code != "UNK" and (e.code not in _NON_STATE or e.code in _INTERGOVERNMENTAL) and \
        e.sector in (None, "GOV", "LEG")


def side_contexts(entities: Iterable[Entity], table: ContextRules | None = None) -> set[str]:
    """Contexts the actors' and recipients' sectors and organisations give (``kind=sector``/``org`` rows)."""
    t = table or rules()
    out: set[str] = set()
    for e in entities:
        if e.sector:
            out.update(t.sectors.get(e.sector, ()))
        if e.org:
            out.update(t.orgs.get(e.org, ()))
    return out


def code_contexts(event: Event, table: ContextRules | None = None) -> set[str]:
    """Contexts of the event's CAMEO code (CAMEO2PLOVER-2021 crosswalk), of its type and mode (PLOVER manual
    2.0 mode tables, ``kind=mode`` rows) and the interstate diplomatic default (manual §Diplomatic).

    The crosswalk's ``military`` needs a state or its armed forces on one side (manual §Military), its
    ``diplomatic`` a government or intergovernmental organisation on one side and someone on the other
    (manual §Diplomatic: relations and negotiations of states; a president praising a team is none).
    """
    t = table or rules()
    out: set[str] = set()
    sides = [*event.actor, *event.recipient]
    if event.cameo:
        try:
            ctxs = ontology.cameo(event.cameo).plover_contexts
        except ontology.OntologyError:
            ctxs = ()
        for c in ctxs:
            if c == "military" and not any(_is_state(e) for e in sides):
                continue  # manual §Military: state militaries only
            two_sides = bool(event.actor and event.recipient)
            if c == "diplomatic" and not (two_sides and any(_is_government(e) for e in sides)):
                continue  # manual §Diplomatic: relations of states: a government and another party
            out.add(c)
    for mode in event.mode:
        out.update(t.modes.get((event.event, mode), ()))
    if event.quad_code in (1, 3) and event.actor and event.recipient and \
            all(_is_government(e) for e in sides):
        a = {(e.code, e.org) for e in event.actor}
        r = {(e.code, e.org) for e in event.recipient}
        if a.isdisjoint(r):
            out.add("diplomatic")
    return out


# ------------------------------------------------------------------------------------------- auxiliary modes


def _last_day(value: str) -> date | None:
    """The last day a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date can mean; None when it cannot be read."""
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31)
        if len(parts) == 2:
            y, m = parts
            return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
        return date(parts[0], parts[1], parts[2])
    except (ValueError, TypeError):
        return None


def auxiliary_modes(event: Event, published: date | None) -> list[str]:
    """PLOVER auxiliary modes (manual §Auxiliary modes) in the manual's order: ``historical`` when the
    event's own clause dates it (``date_source == "clause"``) and that date ends more than
    :data:`HISTORICAL_YEARS` calendar year before ``published``; then the mode of its modality
    (:data:`MODALITY_MODES`)."""
    out = []
    if published is not None and event.date and event.date_source == "clause":
        last = _last_day(event.date)
        if last is not None:
            try:
                limit = last.replace(year=last.year + HISTORICAL_YEARS)
            except ValueError:  # 29 February
                limit = last.replace(year=last.year + HISTORICAL_YEARS, day=28)
            if published > limit:
                out.append("historical")
    aux = MODALITY_MODES.get(event.modality)
    if aux:
        out.append(aux)
    return out


# ------------------------------------------------------------------------------------------- the stage


def order(contexts: Iterable[str]) -> list[str]:
    """General contexts most specific first (:data:`SPECIFICITY`), without repeats; ``crime`` dropped when a
    narrower crime context is present and ``cyber`` is not (PLOVER manual 2.0, §Crime)."""
    found = set(contexts)
    if found & _NARROW_CRIMES and "cyber" not in found:
        found.discard("crime")
    return sorted(found, key=lambda c: _ORDER.get(c, len(_ORDER)))


def event_contexts(event: Event, sent=None, published: date | None = None) -> list[str]:
    """The PLOVER 2.0 contexts of one coded event, most specific first, auxiliary modes last.

    Args:
        event: the built event (type, mode, CAMEO code, actors, recipients, modality, date).
        sent: its sentence as a spaCy ``Span`` (cue words are read from it); None: no cue words.
        published: the story's publication date (for ``historical``); None: never historical.
    Returns:
        Context names exactly as in ``data/ontology/plover_contexts.tsv``; empty when nothing applies.
    """
    t = rules()
    found = sentence_cues(sent, t) if sent is not None else set()
    found |= side_contexts([*event.actor, *event.recipient], t)
    found |= code_contexts(event, t)
    return order(found) + auxiliary_modes(event, published)
