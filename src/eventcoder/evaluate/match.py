"""Matching system events to gold events, and the scores (``shared/eval/FORMAT.md``, followed exactly).

A system event (:class:`eventcoder.article.Event`) matches a gold event (:class:`~.gold.GoldEvent`) when

1. the PLOVER ``event`` types are equal;
2. every gold actor entity has a system actor entity with the same ``code`` (and ``org`` when the gold gives
   one), and the same for recipients; for symmetric events actor and recipient are pooled on both sides and
   compared as one set; an empty gold side accepts anything;
3. the system event's evidence span overlaps the gold evidence: the clause ``start..end``, or else the
   system event's sentence, overlaps the place of the gold ``evidence`` words in the article text (found with
   white space, quote marks and case normalised). One-sentence stories have no gold evidence: always true.

Matching is greedy and one-to-one, best pair first (largest clause overlap, then required before optional
gold, then higher system confidence). A further system event that matches an already matched gold event is a
**duplicate**: reported, neither credited nor counted against precision. Precision = matched system events /
(system events − duplicates); recall = matched required gold / required gold; F1 their harmonic mean.

Choices this module makes where FORMAT.md is silent (each one documented where it is made):

* Codes compare after mapping ``UNO`` to IGO/org UN and ``EUR`` to IGO/org EU (PLOVER manual 2.0,
  §Non-state actor names); org names compare without case, dots or spaces ("U.N." = "UN").
* A gold entity with ``code=None`` (PETRARCH ``---``) matches any system entity on its side.
* The actor and recipient sides are pooled when the gold event *or* the system event is symmetric (a system
  that codes a meeting as symmetric has no direction to get wrong).
* Gold evidence that cannot be found in the text does not block a match (it is reported in ``warnings``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..article import Entity, Event
from .gold import Forbidden, GoldEntity, GoldEvent

#: Row/column label of the confusion matrix for "no event" (a missed gold event or a spurious system event).
NONE = "NONE"

# ------------------------------------------------------------------------------------------- evidence

#: Characters folded before searching evidence: typographic quotes, dashes and look-alikes.
_FOLD = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
}


def _fold(text: str) -> tuple[str, list[int]]:
    """``text`` lower-cased, quotes/dashes folded and white-space runs collapsed to one space, with the index
    in ``text`` of every character of the result."""
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        ch = _FOLD.get(ch, ch)
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        out.append(ch.lower())
        index.append(i)
    return "".join(out), index


def find_evidence(text: str, evidence: str) -> tuple[int, int] | None:
    """Character span ``[start, end)`` of ``evidence`` in ``text``, or None when it is not there.

    White space (including line breaks), typographic quotes and dashes and letter case are normalised on
    both sides, so evidence typed with straight quotes on one line finds a paragraph with curly quotes.
    Offsets are into the original ``text``.
    """
    if not evidence or not text:
        return None
    hay, index = _fold(text)
    needle, _ = _fold(evidence.strip())
    pos = hay.find(needle)
    if pos < 0 or not needle:
        return None
    return index[pos], index[pos + len(needle) - 1] + 1


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _sentence_span(text: str, ev: Event) -> tuple[int, int] | None:
    """Span of the system event's sentence in ``text``: the occurrence of ``ev.sentence`` nearest its clause."""
    sent = (ev.sentence or "").strip()
    if not sent or not text:
        return None
    best = None
    pos = text.find(sent)
    while pos >= 0:
        span = (pos, pos + len(sent))
        if best is None or (ev.start >= 0 and span[0] <= ev.start < span[1]):
            best = span
        pos = text.find(sent, pos + 1)
    return best


def _clause_span(ev: Event) -> tuple[int, int] | None:
    return (ev.start, ev.end) if 0 <= ev.start < ev.end else None


# ------------------------------------------------------------------------------------------- entities


def _org_key(org: str | None) -> str | None:
    return re.sub(r"[\s.]", "", org).upper() if org else None


def canonical(code: str | None, org: str | None) -> tuple[str, str | None]:
    """(code, org key) with the PLOVER non-state shorthands ``UNO``/``EUR`` spelt as IGO + UN/EU
    (PLOVER manual 2.0, §Non-state actor names) and org names upper-cased without dots or spaces."""
    c = (code or "").strip().upper()
    o = _org_key(org)
    if c == "UNO":
        return "IGO", o or "UN"
    if c == "EUR":
        return "IGO", o or "EU"
    return c, o


def entity_matches(gold: GoldEntity, system: Entity) -> bool:
    """True when ``system`` is the entity ``gold`` asks for: same code (``gold.code=None`` accepts any),
    and the same org when the gold gives one. Sectors are not compared here (scored on their own)."""
    if gold.code is None:
        return True
    gc, go = canonical(gold.code, gold.org)
    sc, so = canonical(system.code, system.org)
    if gc != sc:
        return False
    return go is None or go == so


def side_matches(gold: Sequence[GoldEntity], system: Sequence[Entity]) -> bool:
    """Every gold entity has a matching system entity (an empty gold side accepts any system side)."""
    return all(any(entity_matches(g, s) for s in system) for g in gold)


def _pooled(gold: GoldEvent, ev: Event) -> bool:
    return gold.symmetric or bool(getattr(ev, "symmetric", False))


def actors_match(gold: GoldEvent, ev: Event) -> bool:
    """Rule 2 of FORMAT.md: actor and recipient codes (pooled for symmetric events)."""
    if _pooled(gold, ev):
        return side_matches(gold.actor + gold.recipient, list(ev.actor) + list(ev.recipient))
    return side_matches(gold.actor, ev.actor) and side_matches(gold.recipient, ev.recipient)


# ------------------------------------------------------------------------------------------- alignment


@dataclass
class _Story:
    """What the matcher needs to know about one story: its text and where each gold evidence lies."""

    text: str | None
    spans: dict[int, tuple[int, int] | None]  # id(gold event) -> evidence span (None: not found / no evidence)
    check_span: bool

    def span_score(self, gold: GoldEvent, ev: Event) -> float | None:
        """Rule 3: None when the spans do not overlap; otherwise 1 + fraction of the gold evidence the clause
        covers (clause overlap), or 0.5 when only the sentence overlaps or the evidence was not found."""
        if not self.check_span or gold.evidence is None:
            return 1.0
        gspan = self.spans.get(id(gold))
        if gspan is None:
            return 0.5
        clause = _overlap(gspan, _clause_span(ev))
        if clause:
            return 1.0 + clause / max(1, gspan[1] - gspan[0])
        if self.text is not None and _overlap(gspan, _sentence_span(self.text, ev)):
            return 0.5
        return None


Score = tuple[Any, ...]


def align(
    gold: Sequence[GoldEvent],
    system: Sequence[Event],
    score: Callable[[GoldEvent, Event], Score | None],
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Greedy one-to-one alignment, best pair first.

    Args:
        score: for a (gold, system) pair, a sortable tuple (higher is better), or None when they cannot pair.
    Returns:
        ``(pairs, duplicates)``: ``pairs`` as (gold index, system index); ``duplicates`` as (system index,
        gold index) for each unpaired system event that could pair with an already paired gold event.
    """
    cands: list[tuple[Score, int, int]] = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            sc = score(g, s)
            if sc is not None:
                cands.append((sc, gi, si))
    cands.sort(key=lambda c: (c[0], -c[2], -c[1]), reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _sc, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gi, si))
    dups: dict[int, int] = {}
    for _sc, gi, si in cands:
        if si not in used_s and si not in dups and gi in used_g:
            dups[si] = gi
    return sorted(pairs), sorted(dups.items())


# ------------------------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    """A correct/total counter with its accuracy (None when nothing was scored)."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total,
                "accuracy": round(self.correct / self.total, 4) if self.total else None}


def prf(matched_sys: int, system: int, matched_req: int, required: int) -> dict[str, float | None]:
    """Precision, recall and F1, rounded to 4 places.

    Precision is None with no system events, recall None with no required gold; F1 is then 0 when the other
    figure is 0 (nothing found, or everything wrong), else None.
    """
    p = matched_sys / system if system else None
    r = matched_req / required if required else None
    if p is not None and r is not None:
        f: float | None = 2 * p * r / (p + r) if p + r > 0 else 0.0
    else:  # one side undefined: F1 is 0 when the other is 0 (nothing right), else undefined
        f = 0.0 if (p == 0.0 or r == 0.0) else None
    return {"precision": None if p is None else round(p, 4), "recall": None if r is None else round(r, 4),
            "f1": None if f is None else round(f, 4)}


def _ents(ents: Iterable[Entity]) -> list[str]:
    return [f"{e.code}{'/' + e.sector if e.sector else ''}{'/' + e.org if e.org else ''}" for e in ents]


def _gents(ents: Iterable[GoldEntity]) -> list[str]:
    return [f"{e.code or '---'}{'/' + e.sector if e.sector else ''}{'/' + e.org if e.org else ''}" for e in ents]


def describe_event(ev: Event) -> dict[str, Any]:
    """Short JSON summary of a system event for reports."""
    return {"event": ev.event, "mode": list(ev.mode), "actor": _ents(ev.actor), "recipient": _ents(ev.recipient),
            "event_text": ev.event_text, "start": ev.start, "end": ev.end, "sentence": ev.sentence,
            "date": ev.date, "confidence": round(ev.confidence, 3)}


def describe_gold(g: GoldEvent) -> dict[str, Any]:
    """Short JSON summary of a gold event for reports."""
    return {"id": g.id, "event": g.event, "mode": g.mode, "required": g.required, "symmetric": g.symmetric,
            "actor": _gents(g.actor), "recipient": _gents(g.recipient), "evidence": g.evidence, "date": g.date}


def date_matches(gold_date: str, system_date: str | None) -> bool:
    """FORMAT.md: same day, or same month when the gold gives only a month ("YYYY-MM"); a gold year
    ("YYYY") asks for the same year. A system date less precise than the gold is wrong."""
    if not system_date:
        return False
    return system_date[: len(gold_date)] == gold_date and len(system_date) >= len(gold_date)


def forbidden_hits(events: Iterable[Event], forbidden: Sequence[Forbidden]) -> list[dict[str, Any]]:
    """System events whose actor or recipient is a forbidden entity: same code (and org, when given), or an
    ``entity_text`` that contains the forbidden text (case and white space ignored)."""
    hits = []
    for ev in events:
        for side, ents in (("actor", ev.actor), ("recipient", ev.recipient)):
            for ent in ents:
                for f in forbidden:
                    bad = False
                    if f.code:
                        fc, fo = canonical(f.code, f.org)
                        ec, eo = canonical(ent.code, ent.org)
                        bad = fc == ec and (fo is None or fo == eo)
                    if not bad and f.entity_text:
                        bad = " ".join(f.entity_text.lower().split()) in " ".join(ent.entity_text.lower().split())
                    if bad:
                        hits.append({"side": side, "entity_text": ent.entity_text, "code": ent.code,
                                     "rule": f.code or f.entity_text, "why": f.why, "event": describe_event(ev)})
    return hits


def _sector_checks(gold: GoldEvent, ev: Event) -> list[bool]:
    """One result per gold entity that gives a sector: does a matching system entity on its side (pooled for
    symmetric events) carry that sector?"""
    if _pooled(gold, ev):
        sides = [(gold.actor + gold.recipient, list(ev.actor) + list(ev.recipient))]
    else:
        sides = [(gold.actor, list(ev.actor)), (gold.recipient, list(ev.recipient))]
    out = []
    for gents, sents in sides:
        for g in gents:
            if g.sector:
                out.append(any(entity_matches(g, s) and s.sector == g.sector for s in sents))
    return out


@dataclass
class StoryResult:
    """Matching result of one story (indices refer to the lists given to :meth:`Scorer.add`)."""

    story_id: str
    matched: list[tuple[GoldEvent, Event]] = field(default_factory=list)
    duplicates: list[tuple[Event, GoldEvent]] = field(default_factory=list)
    false_positives: list[Event] = field(default_factory=list)
    missed: list[GoldEvent] = field(default_factory=list)
    missed_optional: list[GoldEvent] = field(default_factory=list)
    confusion: list[tuple[str, str]] = field(default_factory=list)
    forbidden: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class Scorer:
    """Accumulates matches over stories and reports the FORMAT.md scores.

    Use :meth:`add` once per story (an article, or one sentence of a sentence set), then :meth:`report`.
    """

    def __init__(self) -> None:
        self.stories = 0
        self.system = 0
        self.dups = 0
        self.matched = 0
        self.required = 0
        self.matched_required = 0
        self.per_type: dict[str, Counter[str]] = {}
        self.confusion: Counter[tuple[str, str]] = Counter()
        self.acc = {k: Tally() for k in ("sector", "date", "location_country", "mode")}
        self.type_aligned = Tally()  # issue 4: share of type-aligned events whose actor codes also match
        self.type_aligned_sector = Tally()
        self.context = Tally()  # matched pairs whose gold gives contexts: does the system share one?
        self.context_per: dict[str, Tally] = {}  # per gold context: did the system give it?
        self.results: list[StoryResult] = []

    def _type(self, name: str) -> Counter[str]:
        return self.per_type.setdefault(name, Counter())

    def add(
        self,
        story_id: str,
        gold: Sequence[GoldEvent],
        system: Sequence[Event],
        text: str | None = None,
        forbidden: Sequence[Forbidden] = (),
    ) -> StoryResult:
        """Match one story's system events to its gold events and add the counts.

        Args:
            story_id: for reports.
            gold: the story's gold events (required and optional).
            system: the coder's events for the story.
            text: the article text the system offsets point into; None for one-sentence stories (the
                evidence test is then always true).
            forbidden: entities no event may have (article gold).
        Returns:
            The :class:`StoryResult` (also kept in :attr:`results`).
        """
        res = StoryResult(story_id)
        check = text is not None and any(g.evidence for g in gold)
        spans: dict[int, tuple[int, int] | None] = {}
        for g in gold:
            if check and g.evidence:
                spans[id(g)] = find_evidence(text or "", g.evidence)
                if spans[id(g)] is None:
                    res.warnings.append(f"{story_id}: evidence of gold event {g.id!r} not found in the text")
        story = _Story(text, spans, check)

        def main_score(g: GoldEvent, s: Event) -> Score | None:
            if g.event != s.event or not actors_match(g, s):
                return None
            sp = story.span_score(g, s)
            return None if sp is None else (sp, g.required, s.confidence)

        pairs, dups = align(gold, system, main_score)
        paired_s = {si for _, si in pairs}
        dup_s = {si for si, _ in dups}
        res.matched = [(gold[gi], system[si]) for gi, si in pairs]
        res.duplicates = [(system[si], gold[gi]) for si, gi in dups]
        res.false_positives = [s for si, s in enumerate(system) if si not in paired_s and si not in dup_s]
        paired_g = {gi for gi, _ in pairs}
        res.missed = [g for gi, g in enumerate(gold) if gi not in paired_g and g.required]
        res.missed_optional = [g for gi, g in enumerate(gold) if gi not in paired_g and not g.required]

        # counts
        self.stories += 1
        self.system += len(system)
        self.dups += len(dups)
        self.matched += len(pairs)
        self.required += sum(g.required for g in gold)
        self.matched_required += sum(g.required for g, _ in res.matched)
        for i, s in enumerate(system):
            c = self._type(s.event)
            c["system"] += 1
            c["duplicates"] += i in dup_s
        for g in gold:
            self._type(g.event)["required"] += g.required
        for g, s in res.matched:
            c = self._type(g.event)
            c["matched"] += 1
            c["matched_required"] += g.required

        # accuracies on matched pairs (FORMAT.md: sector, date, location country, mode, each on its own)
        for g, s in res.matched:
            for ok in _sector_checks(g, s):
                self.acc["sector"].add(ok)
            if g.date:
                self.acc["date"].add(date_matches(g.date, s.date))
            if g.event_loc and g.event_loc.country:
                self.acc["location_country"].add(bool(s.event_loc) and s.event_loc.country == g.event_loc.country)
            if g.mode:
                self.acc["mode"].add(g.mode in s.mode)
            if g.contexts:  # context agreement: at least one of the gold's contexts among the system's
                self.context.add(not set(g.contexts).isdisjoint(s.context))
                for c in g.contexts:
                    self.context_per.setdefault(c, Tally()).add(c in s.context)

        # confusion: matched pairs on the diagonal; the rest aligned by actors + evidence, any type;
        # unaligned required gold -> (type, NONE), unaligned non-duplicate system -> (NONE, type).
        rest_g = [gi for gi in range(len(gold)) if gi not in paired_g]
        rest_s = [si for si in range(len(system)) if si not in paired_s and si not in dup_s]

        def any_type_score(g: GoldEvent, s: Event) -> Score | None:
            if not actors_match(g, s):
                return None
            sp = story.span_score(g, s)
            return None if sp is None else (sp, g.required, s.confidence)

        cpairs, _ = align([gold[i] for i in rest_g], [system[i] for i in rest_s], any_type_score)
        res.confusion = [(g.event, g.event) for g, _ in res.matched]
        res.confusion += [(gold[rest_g[a]].event, system[rest_s[b]].event) for a, b in cpairs]
        aligned_g = {rest_g[a] for a, _ in cpairs}
        aligned_s = {rest_s[b] for _, b in cpairs}
        res.confusion += [(gold[gi].event, NONE) for gi in rest_g if gi not in aligned_g and gold[gi].required]
        res.confusion += [(NONE, system[si].event) for si in rest_s if si not in aligned_s]
        self.confusion.update(res.confusion)

        # issue 4 actor figure: align on type + evidence, then check actor/recipient codes
        def type_score(g: GoldEvent, s: Event) -> Score | None:
            if g.event != s.event:
                return None
            sp = story.span_score(g, s)
            return None if sp is None else (sp, actors_match(g, s), g.required, s.confidence)

        tpairs, _ = align(gold, system, type_score)
        for gi, si in tpairs:
            ok = actors_match(gold[gi], system[si])
            self.type_aligned.add(ok)
            if ok:
                for sok in _sector_checks(gold[gi], system[si]):
                    self.type_aligned_sector.add(sok)

        res.forbidden = forbidden_hits(system, forbidden) if forbidden else []
        self.results.append(res)
        return res

    def report(self) -> dict[str, Any]:
        """JSON-ready scores: overall and per-type P/R/F1, confusion matrix, accuracies on matched pairs,
        the issue-4 actor figure, and the lists (missed required gold, false positives, duplicates,
        forbidden hits, warnings)."""
        per_type = {}
        for t in sorted(self.per_type):
            c = self.per_type[t]
            per_type[t] = {"system": c["system"], "duplicates": c["duplicates"], "matched": c["matched"],
                           "required": c["required"], "matched_required": c["matched_required"],
                           **prf(c["matched"], c["system"] - c["duplicates"], c["matched_required"], c["required"])}
        labels = sorted(({g for g, _ in self.confusion} | {s for _, s in self.confusion}) - {NONE}) + [NONE]
        matrix = {g: {s: self.confusion[(g, s)] for s in labels if self.confusion[(g, s)]} for g in labels}
        res = self.results
        return {
            "stories": self.stories,
            "system_events": self.system,
            "duplicates": self.dups,
            "matched": self.matched,
            "required": self.required,
            "matched_required": self.matched_required,
            **prf(self.matched, self.system - self.dups, self.matched_required, self.required),
            "per_type": per_type,
            "confusion": {"labels": labels, "matrix": {g: row for g, row in matrix.items() if row}},
            "accuracy": {k: t.to_dict() for k, t in self.acc.items()},
            "actor_agreement": {
                "definition": "of the events aligned with gold on type and evidence, the share whose actor and "
                              "recipient codes also match (issue 4); sector accuracy over those",
                "codes": self.type_aligned.to_dict(),
                "sector": self.type_aligned_sector.to_dict(),
            },
            "context_agreement": {
                "definition": "of the matched events whose gold gives contexts, the share whose contexts include "
                              "at least one of the gold's (old labels mapped to PLOVER 2.0); per gold context, "
                              "the share of its matched events that carry it",
                "any": self.context.to_dict(),
                "per_context": {c: t.to_dict() for c, t in sorted(self.context_per.items(),
                                                                  key=lambda kv: (-kv[1].total, kv[0]))},
            },
            "missed": [{"story": r.story_id, **describe_gold(g)} for r in res for g in r.missed],
            "false_positives": [{"story": r.story_id, **describe_event(s)} for r in res for s in r.false_positives],
            "duplicates_list": [{"story": r.story_id, "gold": g.id, **describe_event(s)}
                                for r in res for s, g in r.duplicates],
            "forbidden_hits": [{"story": r.story_id, **h} for r in res for h in r.forbidden],
            "warnings": [w for r in res for w in r.warnings],
        }


# ------------------------------------------------------------------------------------------- classification


def classification_scores(gold: Sequence[str | int], system: Sequence[str | int]) -> dict[str, Any]:
    """Accuracy, per-class precision/recall/F1, macro-F1 (over the gold classes) and the confusion matrix.

    ``gold[i]`` and ``system[i]`` are the labels of item ``i``; a system label that is no gold class
    (e.g. "NONE") counts as an error for the gold class and appears in the matrix.
    """
    if len(gold) != len(system):
        raise ValueError("gold and system label lists differ in length")
    n = len(gold)
    correct = sum(g == s for g, s in zip(gold, system))
    gold_classes = sorted(set(gold), key=str)
    per = {}
    for c in gold_classes:
        tp = sum(g == c and s == c for g, s in zip(gold, system))
        ns = sum(s == c for s in system)
        ng = sum(g == c for g in gold)
        per[str(c)] = {"gold": ng, "system": ns, "correct": tp, **prf(tp, ns, tp, ng)}
    f1s = [v["f1"] or 0.0 for v in per.values()]
    conf = Counter((str(g), str(s)) for g, s in zip(gold, system))
    labels = [str(c) for c in gold_classes] + sorted({str(s) for s in system} - {str(c) for c in gold_classes})
    return {
        "items": n,
        "correct": correct,
        "accuracy": round(correct / n, 4) if n else None,
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
        "per_class": per,
        "confusion": {"labels": labels,
                      "matrix": {g: {s: conf[(g, s)] for s in labels if conf[(g, s)]} for g in labels
                                 if any(conf[(g, s)] for s in labels)}},
    }
