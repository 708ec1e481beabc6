"""The PLOVER and CAMEO event ontology: types, modes, contexts, sectors, the CAMEO crosswalk and scores.

Everything here is read once from the reviewed tables in ``eventcoder/data/ontology/`` (TSV, one ``source``
column per row naming the codebook a fact comes from):

* ``plover_types.tsv`` — the 16 PLOVER event types with quad code, PLOVER score, CAMEO roots, whether a
  recipient is required and the type's generic CAMEO code (PLOVER manual 2.0 draft, chapter Event Categories,
  table "PLOVER conflict-cooperation scores", §CAMEO to PLOVER translation).
* ``plover_modes.tsv`` — modes per type with their PLOVER scores and the closest CAMEO code.
* ``plover_contexts.tsv`` — the 37 general contexts and the 4 auxiliary modes (manual §Auxiliary modes).
* ``plover_sectors.tsv``, ``plover_nonstate_codes.tsv`` — actor sector codes and the non-state "country" codes.
* ``cameo.tsv`` — all 311 CAMEO codes with Goldstein score and GDELT quad class (GDELT lookup tables),
  Phoenix/ConfliBERT pentaclass, and the code-level PLOVER type/mode/context (CAMEO2PLOVER-2021, with modes
  and contexts renamed to their manual 2.0 names).
* ``old_plover_names.tsv``, ``plover_mode_aliases.tsv`` — PLOVER 0.5/0.6 type names and old or off-manual
  mode labels mapped to the current ones.
* ``old_plover_contexts.tsv`` — the PLOVER gold records' (v0.5b1) context labels mapped to 2.0 contexts.

Where the sources disagree the tables say which way we went in their ``note`` column: ACCUSE scores -3 (the
manual's table prints +3, a sign typo), SANCTION is quad 4 (material conflict, as its own section says).

Names are matched case-insensitively; every function raises :class:`OntologyError` (an
:class:`~eventcoder.article.EventcoderError`) with a one-line message for an unknown type, mode or code.
"""

from __future__ import annotations

import csv
import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventcoder.article import EventcoderError

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data" / "ontology"

#: Quad categories (PLOVER manual 2.0, table "Quad categories in PLOVER"; GDELT QuadClass uses the same numbers).
QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


class OntologyError(EventcoderError):
    """An unknown PLOVER type, mode, context or CAMEO code. ``str(err)`` is one line naming it."""


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type (PLOVER manual 2.0, chapter Event Categories).

    ``quad_code`` 1..4 (see :data:`QUAD_NAMES`); ``plover_score`` on the manual's -10..+10
    conflict-cooperation scale; ``cameo_roots`` the 2-digit CAMEO cue categories it comes from;
    ``requires_recipient`` per the type's own section; ``default_cameo`` its generic CAMEO code.
    """

    name: str
    quad_code: int
    plover_score: float
    cameo_roots: tuple[str, ...]
    requires_recipient: bool
    default_cameo: str


@dataclass(frozen=True)
class PloverMode:
    """One mode of a type: its PLOVER score (None when the manual gives none, e.g. PROTEST vandalize),
    the CAMEO code closest to it and a short description."""

    event_type: str
    mode: str
    plover_score: float | None
    default_cameo: str
    description: str


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code (CAMEO 1.1b3 as used by GDELT).

    Attributes:
        code: the code as a string with its leading zero ("042", "0841", "1056").
        name: its label (GDELT's lookup, except 105-108 which follow CAMEO 1.1b3).
        goldstein: Goldstein conflict-cooperation score in [-10, +10] (GDELT CAMEO.goldsteinscale lookup).
        quad_class: GDELT QuadClass 1..4 (1: roots 01-05, 2: 06-09, 3: 10-14, 4: 15-20).
        pentaclass: Phoenix/ConfliBERT 5-way class 0..4 (0: 01-02, 1: 03-05, 2: 06-08, 3: 09-13 and 16,
            4: 14-15 and 17-20).
        plover_type: PLOVER type (CAMEO2PLOVER-2021), None for the dropped roots 01 and 02.
        plover_mode: manual 2.0 mode or None.
        plover_context: the first (main) context or None; ``plover_contexts`` has all of them.
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    pentaclass: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None
    plover_contexts: tuple[str, ...] = ()

    @property
    def root(self) -> str:
        """The 2-digit cue category ("04" for "042")."""
        return self.code[:2]


# ----------------------------------------------------------------------------------------------- loading


def _read(name: str) -> Iterator[dict[str, str]]:
    """Rows of one TSV table in :data:`DATA_DIR` as dicts (header line gives the keys)."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t")


@functools.cache
def _types() -> dict[str, PloverType]:
    out = {}
    for r in _read("plover_types.tsv"):
        out[r["event_type"]] = PloverType(
            name=r["event_type"],
            quad_code=int(r["quad_code"]),
            plover_score=float(r["plover_score"]),
            cameo_roots=tuple(r["cameo_roots"].split(";")),
            requires_recipient=r["requires_recipient"] == "yes",
            default_cameo=r["default_cameo"],
        )
    return out


@functools.cache
def _modes() -> dict[tuple[str, str], PloverMode]:
    out = {}
    for r in _read("plover_modes.tsv"):
        out[(r["event_type"], r["mode"])] = PloverMode(
            event_type=r["event_type"],
            mode=r["mode"],
            plover_score=float(r["plover_score"]) if r["plover_score"] else None,
            default_cameo=r["default_cameo"],
            description=r["description"],
        )
    return out


@functools.cache
def _contexts() -> dict[str, tuple[str, str]]:
    """context -> (kind, description); kind is "general" or "auxiliary"."""
    return {r["context"]: (r["kind"], r["description"]) for r in _read("plover_contexts.tsv")}


@functools.cache
def _cameo() -> dict[str, CameoCode]:
    out = {}
    for r in _read("cameo.tsv"):
        ctxs = tuple(c for c in r["plover_context"].split(";") if c)
        out[r["code"]] = CameoCode(
            code=r["code"],
            name=r["name"],
            goldstein=float(r["goldstein"]),
            quad_class=int(r["quad_class"]),
            pentaclass=int(r["pentaclass"]),
            plover_type=r["plover_type"] or None,
            plover_mode=r["plover_mode"] or None,
            plover_context=ctxs[0] if ctxs else None,
            plover_contexts=ctxs,
        )
    return out


@functools.cache
def _old_names() -> dict[str, tuple[str, str | None]]:
    return {r["name"].upper(): (r["event_type"], r["mode"] or None) for r in _read("old_plover_names.tsv")}


@functools.cache
def _old_contexts() -> dict[str, tuple[str, ...]]:
    return {r["name"].lower(): tuple(c for c in r["context"].split(";") if c) for r in _read("old_plover_contexts.tsv")}


@functools.cache
def _mode_aliases() -> dict[tuple[str, str], str | None]:
    return {
        (r["event_type"], r["alias"].lower()): r["mode"] or None for r in _read("plover_mode_aliases.tsv")
    }


# ------------------------------------------------------------------------------------------ public tables

#: The 16 PLOVER event types in the manual's order (PLOVER manual 2.0, chapter Event Categories).
EVENT_TYPES: tuple[str, ...] = tuple(_types())

#: Modes allowed for each type (empty tuple for types without modes), PLOVER manual 2.0 per-type mode tables.
MODES: dict[str, tuple[str, ...]] = {t: tuple(m for (tt, m) in _modes() if tt == t) for t in EVENT_TYPES}

#: The 37 general contexts (PLOVER manual 2.0, table "General contexts").
CONTEXTS: tuple[str, ...] = tuple(c for c, (kind, _) in _contexts().items() if kind == "general")

#: historical, future, hypothetical, negation (PLOVER manual 2.0, §Auxiliary modes).
AUXILIARY_MODES: tuple[str, ...] = tuple(c for c, (kind, _) in _contexts().items() if kind == "auxiliary")

#: The 25 actor sector codes, frequent ones first (PLOVER manual 2.0, table "Sector Codes").
SECTORS: tuple[str, ...] = tuple(r["sector"] for r in _read("plover_sectors.tsv"))

#: IGO UNO EUR NGO ISM IMG MNC (PLOVER manual 2.0, table "International Non-state actor names").
NONSTATE_CODES: tuple[str, ...] = tuple(r["code"] for r in _read("plover_nonstate_codes.tsv"))


# --------------------------------------------------------------------------------------------- functions


def normalize_type(name: str) -> tuple[str, str | None]:
    """Map a current or old PLOVER type name (any case) to ``(current type, implied mode or None)``.

    Old PLOVER 0.5/0.6 names (as in the PLOVER gold standard records) map per ``old_plover_names.tsv``:
    DEMAND -> ("REQUEST", None), DISAPPROVE -> ("ACCUSE", "disapprove"), INVESTIGATE -> ("ACCUSE",
    "investigate"), FIGHT -> ("ASSAULT", None). Raises :class:`OntologyError` for anything else.
    """
    key = str(name).strip().upper()
    try:
        return _old_names()[key]
    except KeyError:
        raise OntologyError(
            f"unknown PLOVER event type {name!r}: expected one of {', '.join(EVENT_TYPES)}"
        ) from None


def normalize_mode(event_type: str, mode: str) -> str | None:
    """Map a mode label of ``event_type`` to its PLOVER manual 2.0 name, or None when it has none.

    Accepts the current modes (any case) and the old or off-manual labels in ``plover_mode_aliases.tsv``
    (PLOVER gold standard v0.5b1 labels such as PROTEST "strike-hun" -> "hunger", and CAMEO2PLOVER-2021 labels
    such as ASSAULT "assassinate" -> "targeted"). Raises :class:`OntologyError` for an unknown type or mode.
    """
    etype, _ = normalize_type(event_type)
    key = str(mode).strip().lower()
    if key in MODES[etype]:
        return key
    try:
        return _mode_aliases()[(etype, key)]
    except KeyError:
        allowed = ", ".join(MODES[etype]) or "none"
        raise OntologyError(f"unknown mode {mode!r} for {etype}: allowed modes are {allowed}") from None


def is_valid_mode(event_type: str, mode: str) -> bool:
    """True when ``mode`` is a PLOVER manual 2.0 mode of ``event_type`` (exact current names; never raises)."""
    try:
        etype, _ = normalize_type(event_type)
    except OntologyError:
        return False
    return mode in MODES[etype]


def is_valid_context(context: str) -> bool:
    """True when ``context`` is one of the 37 general contexts or 4 auxiliary modes of PLOVER manual 2.0."""
    return context in _contexts()


def normalize_context(name: str) -> tuple[str, ...]:
    """Map a current or old context label (any case) to PLOVER manual 2.0 contexts.

    A current context or auxiliary mode gives itself; an old PLOVER gold-record label maps per
    ``old_plover_contexts.tsv`` (refugee → migration, resource → natural_resource, political →
    political_institutions, government → executive, rights → rights_freedoms or human_rights, ...); a label
    that table leaves unmapped ("foreign") gives ``()``. Raises :class:`OntologyError` for anything else.
    """
    key = str(name).strip().lower()
    if key in _contexts():
        return (key,)
    try:
        return _old_contexts()[key]
    except KeyError:
        raise OntologyError(f"unknown PLOVER context {name!r}") from None


def _resolve(event_type: str, mode: str | None) -> tuple[str, str | None]:
    """(current type, current mode or None); an old type name supplies its implied mode when none is given."""
    etype, implied = normalize_type(event_type)
    if mode is None or mode == "":
        return etype, implied
    return etype, normalize_mode(etype, mode)


def plover_type(event_type: str) -> PloverType:
    """The :class:`PloverType` record for a current or old type name. Raises :class:`OntologyError`."""
    return _types()[normalize_type(event_type)[0]]


def quad_code(event_type: str) -> int:
    """Quad code 1..4 of a PLOVER type (PLOVER manual 2.0, "Quad category" line of each type's section).

    1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. SANCTION is 4
    (its section and the summary-of-categories table; the manual's quad table alone says 3).
    """
    return plover_type(event_type).quad_code


def plover_score(event_type: str, mode: str | None = None) -> float:
    """PLOVER conflict-cooperation score (-10..+10) of a type, or of type+mode when the manual scores the mode.

    Source: PLOVER manual 2.0, table "PLOVER conflict-cooperation scores". A mode without a score (PROTEST
    vandalize) gets the type's score. ACCUSE is -3 (the table prints +3; see ``plover_types.tsv`` note).
    Raises :class:`OntologyError` for an unknown type or mode.
    """
    etype, m = _resolve(event_type, mode)
    if m is not None:
        s = _modes()[(etype, m)].plover_score
        if s is not None:
            return s
    return _types()[etype].plover_score


def default_cameo(event_type: str, mode: str | None = None) -> str:
    """The CAMEO code that best stands for a type (+ mode), e.g. ("CONSULT", "visit") -> "042".

    Without a mode: the type's generic code (CONSULT 040, REQUEST 100, ACCUSE 112, ASSAULT 190, ...). With a
    mode: the CAMEO code closest to it (``plover_modes.tsv``), always one whose PLOVER type is ``event_type``;
    when CAMEO has no code for the mode, the type's generic code. Raises :class:`OntologyError`.
    """
    etype, m = _resolve(event_type, mode)
    if m is not None:
        return _modes()[(etype, m)].default_cameo
    return _types()[etype].default_cameo


def cameo(code: str) -> CameoCode:
    """The :class:`CameoCode` record of a CAMEO code string ("042", "0841", "1056").

    Codes are strings with their leading zero; surrounding white space is ignored. Raises
    :class:`OntologyError` (an ``EventcoderError``) for a code not in the 311-code CAMEO/GDELT list.
    """
    key = str(code).strip()
    try:
        return _cameo()[key]
    except KeyError:
        raise OntologyError(
            f"unknown CAMEO code {code!r}: not one of the 311 CAMEO 1.1b3/GDELT codes"
        ) from None


def cameo_codes() -> tuple[str, ...]:
    """All 311 CAMEO codes in code order (2-digit roots included)."""
    return tuple(_cameo())


def cameo_to_plover(code: str) -> tuple[str | None, str | None, str | None]:
    """(PLOVER type, mode, main context) of a CAMEO code, from CAMEO2PLOVER-2021 (manual 2.0 mode names).

    E.g. "042" -> ("CONSULT", "visit", None), "163" -> ("COERCE", "restrict", "diplomatic"). The type is None
    for codes in the roots 01 and 02, which PLOVER drops (manual §CAMEO to PLOVER translation); all contexts
    are in ``cameo(code).plover_contexts``. Raises :class:`OntologyError` for an unknown code.
    """
    c = cameo(code)
    return c.plover_type, c.plover_mode, c.plover_context


def pentaclass(cameo_code: str) -> int:
    """Phoenix/ConfliBERT 5-way class 0..4 of a CAMEO code (Phoenix ``quad_conversion``).

    0 neutral (01-02), 1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict
    (09-13, 16), 4 material conflict (14-15, 17-20). Raises :class:`OntologyError` for an unknown code.
    """
    return cameo(cameo_code).pentaclass


def goldstein(cameo_code: str) -> float:
    """Goldstein score (-10..+10) of a CAMEO code (GDELT CAMEO.goldsteinscale lookup)."""
    return cameo(cameo_code).goldstein


def score(event_type: str, mode: str | None = None, cameo_code: str | None = None) -> dict[str, object]:
    """The scores the coder attaches to an event: ``{"cameo", "goldstein", "quad_code", "plover_score"}``.

    ``cameo`` is ``cameo_code`` when given, else :func:`default_cameo` of type+mode; ``goldstein`` comes from
    that CAMEO code (GDELT lookup); ``quad_code`` from the PLOVER type (manual 2.0 quad categories);
    ``plover_score`` from type+mode (:func:`plover_score`). Raises :class:`OntologyError` for an unknown
    type, mode or code.
    """
    etype, m = _resolve(event_type, mode)
    code = cameo(cameo_code).code if cameo_code else default_cameo(etype, m)
    c = cameo(code)
    if c.plover_type is not None and c.plover_type != etype:
        log.debug("CAMEO %s is %s in CAMEO2PLOVER-2021, scored as %s", code, c.plover_type, etype)
    return {
        "cameo": code,
        "goldstein": c.goldstein,
        "quad_code": _types()[etype].quad_code,
        "plover_score": plover_score(etype, m),
    }


def mode_info(event_type: str, mode: str) -> PloverMode:
    """The :class:`PloverMode` record (score, closest CAMEO code, description). Raises :class:`OntologyError`."""
    etype, m = _resolve(event_type, mode)
    if m is None:
        raise OntologyError(f"mode {mode!r} of {etype} has no PLOVER manual 2.0 equivalent")
    return _modes()[(etype, m)]


def describe_context(context: str) -> str:
    """A short description of a context or auxiliary mode. Raises :class:`OntologyError` when unknown."""
    try:
        return _contexts()[context][1]
    except KeyError:
        raise OntologyError(f"unknown PLOVER context {context!r}") from None
