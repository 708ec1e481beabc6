"""The event trigger lexicon: verbs and nouns that report events, loaded from ``data/events/``.

* ``triggers.tsv``: lemma, pos (VERB/NOUN), requires (conditions), PLOVER event, mode, CAMEO code,
  recipient slots. ``REPORT`` rows are reporting verbs, ``NONE`` rows block a construction.
* ``complement_modes.tsv``: the mode a control verb's complement gives ("call on X to *withdraw*" → yield).
* ``reporting_verbs.tsv``: verbs that attribute speech (report), allege, deny, or state intent.

Every row names its codebook source (CAMEO 1.1b3 code, PLOVER manual 2.0 section).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "events"

#: Default recipient slots, in priority order, when a trigger row names none.
DEFAULT_RECIPIENT = ("obj", "iobj", "prep:with", "prep:to", "prep:on", "prep:against", "prep:at")


@dataclass(frozen=True)
class Trigger:
    """One lexicon row. ``requires`` maps a condition kind to allowed lemmas: prt, prep, obj, mod, head,
    xcomp, pobj, cpobj, opobj, pred, purpose (what each checks: ``Extractor._holds`` in ``extract.py``)."""

    lemma: str
    pos: str
    event: str
    mode: str | None
    cameo: str | None
    recipient: tuple[str, ...]
    requires: tuple[tuple[str, frozenset[str]], ...] = field(default=())
    source: str = ""

    @property
    def specificity(self) -> int:
        return len(self.requires)

    def describe(self) -> str:
        req = " ".join(f"{k}={'|'.join(sorted(v))}" if v else k for k, v in self.requires)
        return f"lexicon {self.pos.lower()} '{self.lemma}'" + (f" [{req}]" if req else "")


def _parse_requires(cell: str) -> tuple[tuple[str, frozenset[str]], ...]:
    out = []
    for part in (cell or "").split():
        if "=" in part:
            k, v = part.split("=", 1)
            out.append((k, frozenset(x.lower() for x in v.split("|") if x)))
        else:
            out.append((part, frozenset()))
    return tuple(out)


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in r.items() if k}
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


@dataclass
class Lexicon:
    """Trigger rows by (lemma, pos), complement modes and reporting-verb kinds."""

    triggers: dict[tuple[str, str], list[Trigger]]
    complement: dict[str, dict[str, str]]  # lemma → {event family: mode}
    reporting: dict[str, str]  # lemma → report | allege | deny | intend

    @functools.cached_property
    def control_verbs(self) -> frozenset[str]:
        """Lemmas of verbs with a row that requires a "to V" complement ("vowed *to fight*")."""
        return frozenset(lemma for (lemma, pos), rows in self.triggers.items()
                         if pos == "VERB" and any(k == "xcomp" for r in rows for k, _ in r.requires))

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        """Rows for ``lemma`` as ``pos``, most specific first."""
        return self.triggers.get((lemma.lower(), pos), [])


@functools.cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    for r in _rows("triggers.tsv"):
        rec = tuple(r.get("recipient", "").split()) or DEFAULT_RECIPIENT
        t = Trigger(
            lemma=r["lemma"].lower(),
            pos=(r.get("pos") or "VERB").upper(),
            event=r["event"].upper(),
            mode=r.get("mode") or None,
            cameo=r.get("cameo") or None,
            recipient=rec,
            requires=_parse_requires(r.get("requires", "")),
            source=r.get("source", ""),
        )
        triggers.setdefault((t.lemma, t.pos), []).append(t)
    for lst in triggers.values():
        lst.sort(key=lambda t: -t.specificity)
    complement: dict[str, dict[str, str]] = {}
    for r in _rows("complement_modes.tsv"):
        complement.setdefault(r["lemma"].lower(), {})[(r.get("event") or "REQUEST").upper()] = r["mode"]
    reporting = {r["lemma"].lower(): r["kind"].lower() for r in _rows("reporting_verbs.tsv")}
    return Lexicon(triggers, complement, reporting)
