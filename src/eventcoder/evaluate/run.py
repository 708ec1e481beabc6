"""Runners: code a gold set with a :class:`~eventcoder.coder.Coder` and score it; and the readable report.

Each ``run_*`` function returns one JSON-ready report dict with a ``set`` key (article, plover, petrarch,
pairs, cameo5); :func:`format_report` turns any of them into text. The ``coder`` argument is anything with
the :class:`~eventcoder.coder.Coder` methods the set needs (``code_many`` for event sets, ``classify`` for
actor pairs), so tests can pass a stand-in.

A coder failure on one story never ends a run: that story is coded again on its own, and if it still
fails its gold events count as missed and the error is listed under ``coder_errors``.
``NotImplementedError`` is the exception: it means the coder is not built yet and propagates.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .. import ontology
from ..article import Article, CodedArticle, Event, EventcoderError, InputError, Quote, TextBlock
from . import gold as G
from .match import NONE, Scorer, _fold, classification_scores

log = logging.getLogger(__name__)

#: Names of the gold sets, as ``eventcoder evaluate --set`` takes them.
SETS = ("article", "plover", "petrarch", "pairs", "cameo5")

#: Stories coded per ``code_many`` call.
BATCH = 32


# -------------------------------------------------------------------------------------------- coding


def _progress(items: Iterable[Any], total: int, desc: str, show: bool) -> Iterable[Any]:
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="story", disable=None, leave=False)


def code_articles(coder: Any, articles: Sequence[Article], progress: bool = False,
                  desc: str = "coding") -> list[tuple[CodedArticle | None, str | None]]:
    """Code ``articles`` with ``coder.code_many`` in batches of :data:`BATCH`.

    Returns:
        One ``(coded, None)`` or ``(None, error message)`` per article, in order. A batch that raises is
        coded again one article at a time, so one bad article loses only itself.
    Raises:
        NotImplementedError: the coder is not built yet.
    """
    out: list[tuple[CodedArticle | None, str | None]] = []
    batches = [articles[i:i + BATCH] for i in range(0, len(articles), BATCH)]
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(articles), desc=desc, unit="story", disable=None, leave=False)
    try:
        for batch in batches:
            try:
                coded = list(coder.code_many(batch))
                if len(coded) != len(batch):
                    raise RuntimeError(f"code_many returned {len(coded)} results for {len(batch)} articles")
                out.extend((c, None) for c in coded)
            except NotImplementedError:
                raise
            except Exception:  # retry one by one so one bad story loses only itself
                log.debug("batch failed, coding one by one", exc_info=True)
                for art in batch:
                    try:
                        out.append((next(iter(coder.code_many([art]))), None))
                    except NotImplementedError:
                        raise
                    except Exception as err:  # noqa: BLE001
                        out.append((None, f"{art.id}: {type(err).__name__}: {err}"))
            if bar is not None:
                bar.update(len(batch))
    finally:
        if bar is not None:
            bar.close()
    return out


def sentence_article(story_id: str, text: str, published: Any = None, source: str | None = None) -> Article:
    """One sentence as a one-block :class:`Article` (how sentence sets are coded: one story per sentence)."""
    return Article(id=story_id, text=text, published=published, blocks=[TextBlock("body", 0, len(text))],
                   source=source)


# -------------------------------------------------------------------------------------------- articles


def read_gold_article(gold: G.ArticleGold) -> Article:
    """The article a gold file describes, read by :func:`eventcoder.ingest.read_file` (which splits title,
    captions, dateline and body); its publication date defaults to the gold's ``published``.

    Raises:
        InputError: the text file is missing or cannot be read.
    """
    from ..ingest import read_file

    if not gold.text_file.is_file():
        raise InputError(f"{gold.path}: its article {gold.text_file} does not exist")
    for item in read_file(str(gold.text_file), published=gold.published):
        if isinstance(item, Article):
            if item.published is None:
                item.published = gold.published
            return item
        if isinstance(item, InputError):
            raise item
    raise InputError(f"{gold.text_file}: no article in the file")


def _norm_quote(text: str) -> str:
    return _fold(text)[0].strip(" ,.;:!?\"'")


def score_quotes(expected: Sequence[G.GoldQuote], found: Sequence[Quote]) -> dict[str, Any]:
    """Direct quotes: a gold quote is found when a system quote's text contains it or is contained in it
    (quotes, case and white space normalised; trailing punctuation ignored); its speaker is right when the
    gold speaker's surname appears in the system speaker's name, entity text or speaker text."""
    found_n = speaker_ok = 0
    missed = []
    wrong_speaker = []
    for gq in expected:
        gt = _norm_quote(gq.text)
        hit = next((q for q in found if (qt := _norm_quote(q.text)) and (gt in qt or qt in gt)), None)
        if hit is None:
            missed.append({"speaker": gq.speaker, "text": gq.text})
            continue
        found_n += 1
        names = [hit.speaker_text or ""]
        if hit.speaker:
            names += [hit.speaker.name or "", hit.speaker.entity_text or ""]
        surname = gq.speaker.split()[-1].lower() if gq.speaker.split() else ""
        if surname and any(surname in n.lower() for n in names):
            speaker_ok += 1
        else:
            wrong_speaker.append({"text": gq.text, "gold": gq.speaker,
                                  "system": hit.speaker.name if hit.speaker else hit.speaker_text})
    n = len(expected)
    return {"gold": n, "found": found_n, "recall": round(found_n / n, 4) if n else None,
            "speaker_correct": speaker_ok,
            "speaker_accuracy": round(speaker_ok / found_n, 4) if found_n else None,
            "missed": missed, "wrong_speaker": wrong_speaker}


def score_metadata(expected: dict[str, Any], article: Article) -> dict[str, Any]:
    """Each expected metadata field (title, published, dateline, publisher, url) against the article's:
    text compared with quotes/case/white space normalised, dates as ISO strings, URLs without a final "/"."""
    out: dict[str, Any] = {}
    for key, want in expected.items():
        got = getattr(article, key, None)
        if key == "published":
            got = got.isoformat() if got else None
            ok = got == str(want)
        elif key == "url":
            ok = bool(got) and str(got).rstrip("/") == str(want).rstrip("/")
        else:
            ok = bool(got) and _fold(str(got))[0].strip() == _fold(str(want))[0].strip()
        out[key] = {"gold": want, "system": got, "ok": ok}
    return out


def _expand_article_paths(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*.gold.json")) if p.is_dir() else [p])
    return out


def run_articles(paths: Iterable[str | Path], coder: Any) -> dict[str, Any]:
    """Score the coder on article gold files (``*.gold.json``; directories are searched for them).

    Returns:
        The :meth:`Scorer.report` over all articles (micro-averaged) plus ``set``, ``paths``, per-article
        ``quotes`` and ``metadata`` scores and ``coder_errors``.
    Raises:
        InputError: a gold file or its article cannot be read (nothing is coded then).
        NotImplementedError: the coder is not built yet.
    """
    golds = [G.load_article_gold(p) for p in _expand_article_paths(paths)]
    if not golds:
        raise InputError(f"{', '.join(map(str, paths))}: no *.gold.json files")
    articles = [read_gold_article(g) for g in golds]
    coded = code_articles(coder, articles)
    scorer = Scorer()
    quotes: dict[str, Any] = {}
    metadata: dict[str, Any] = {}
    errors = []
    for g, art, (ca, err) in zip(golds, articles, coded):
        if ca is None:
            errors.append(err)
            scorer.add(g.doc, g.events, [], text=art.text)
            continue
        scorer.add(g.doc, g.events, ca.events, text=ca.article.text, forbidden=g.forbidden)
        if g.quotes:
            quotes[g.doc] = score_quotes(g.quotes, ca.quotes)
        if g.metadata:
            metadata[g.doc] = score_metadata(g.metadata, ca.article)
    return {"set": "article", "paths": [str(g.path) for g in golds], **scorer.report(),
            "quotes": quotes, "metadata": metadata, "coder_errors": errors}


def run_article(gold_path: str | Path, coder: Any) -> dict[str, Any]:
    """Score the coder on one article gold file (see :func:`run_articles`)."""
    return run_articles([gold_path], coder)


# -------------------------------------------------------------------------------------------- sentence sets


def run_sentences(set_name: str, path: str | Path, stories: Sequence[G.SentenceGold], coder: Any,
                  limit: int | None = None, progress: bool = False) -> dict[str, Any]:
    """Score the coder on a sentence set: each sentence coded as its own story (dated by the record), its
    events matched to the sentence's gold events (no evidence test: the story is the sentence).

    Returns:
        The :meth:`Scorer.report` plus ``set``, ``path``, ``limit``, ``notes`` (gold codings left out by the
        loader, e.g. CAMEO codes with no PLOVER type) and ``coder_errors``.
    """
    stories = list(stories[:limit] if limit else stories)
    articles = [sentence_article(s.id, s.text, s.date, f"{path}:{s.id}") for s in stories]
    coded = code_articles(coder, articles, progress=progress, desc=set_name)
    scorer = Scorer()
    errors = []
    for s, (ca, err) in zip(stories, coded):
        if ca is None:
            errors.append(err)
        scorer.add(s.id, s.events, ca.events if ca else [], text=None)
    notes = [f"{s.id}: {n}" for s in stories for n in s.notes]
    return {"set": set_name, "path": str(path), "limit": limit, **scorer.report(), "notes": notes,
            "coder_errors": errors}


def run_plover(path: str | Path, coder: Any, limit: int | None = None, progress: bool = False) -> dict[str, Any]:
    """Score the coder on the PLOVER gold-standard records (:func:`~.gold.load_plover_gsr`)."""
    return run_sentences("plover", path, G.load_plover_gsr(path), coder, limit, progress)


def run_petrarch(path: str | Path, coder: Any, limit: int | None = None, progress: bool = False) -> dict[str, Any]:
    """Score the coder on a PETRARCH validation XML file (:func:`~.gold.load_petrarch`)."""
    return run_sentences("petrarch", path, G.load_petrarch(path), coder, limit, progress)


# -------------------------------------------------------------------------------------------- classification


def run_pairs(path: str | Path, coder: Any, limit: int | None = None, progress: bool = False) -> dict[str, Any]:
    """Score ``coder.classify(text, source, target)`` on an actor-pair TSV (:func:`~.gold.load_pairs`).

    The system's CONCEDE and RETREAT count as YIELD, like the gold (FORMAT.md). A row the coder fails on
    is scored as "ERROR" (wrong) and listed under ``coder_errors``.

    Returns:
        :func:`~.match.classification_scores` plus ``set``, ``path``, ``limit``, ``coder_errors``.
    """
    rows = G.load_pairs(path)
    rows = rows[:limit] if limit else rows
    predicted: list[str] = []
    errors = []
    for row in _progress(rows, len(rows), "pairs", progress):
        try:
            label = str(coder.classify(row.text, row.source, row.target) or NONE)
        except NotImplementedError:
            raise
        except Exception as err:  # noqa: BLE001 - one bad row must not end the run
            errors.append(f"{row.id}: {type(err).__name__}: {err}")
            label = "ERROR"
        predicted.append(G.merge_yield(label))
    return {"set": "pairs", "path": str(path), "limit": limit,
            **classification_scores([r.label for r in rows], predicted), "coder_errors": errors}


def event_cameo(ev: Event) -> str | None:
    """The CAMEO code of a system event: its ``cameo`` field, else the code that stands for its PLOVER type
    and mode (:func:`eventcoder.ontology.default_cameo`); None when neither is known."""
    if ev.cameo:
        return ev.cameo
    try:
        return ontology.default_cameo(ev.event, ev.mode[0] if ev.mode else None)
    except EventcoderError:
        try:
            return ontology.default_cameo(ev.event)
        except EventcoderError:
            return None


def sentence_pentaclass(events: Sequence[Event]) -> int:
    """The 5-way CAMEO class of a sentence from its coded events.

    Choice (documented in the report): the pentaclass (:func:`eventcoder.ontology.pentaclass`, Phoenix
    ``quad_conversion``) of the CAMEO code (:func:`event_cameo`) of the most confident event (the first in
    text order on ties); 0 ("neutral") when the sentence has no event with a known CAMEO code. The coder
    drops PLOVER's non-events (CAMEO 01-02), so class 0 is what "no event" means here.
    """
    best: tuple[float, int] | None = None
    for ev in events:
        code = event_cameo(ev)
        if code is None:
            continue
        try:
            cls = ontology.pentaclass(code)
        except EventcoderError:
            continue
        if best is None or ev.confidence > best[0]:
            best = (ev.confidence, cls)
    return best[1] if best else 0


def run_cameo5(path: str | Path, coder: Any, limit: int | None = None, progress: bool = False) -> dict[str, Any]:
    """Score the coder on the 5-way CAMEO class TSV (:func:`~.gold.load_cameo5`) via
    :func:`sentence_pentaclass` on each sentence's coded events.

    Returns:
        :func:`~.match.classification_scores` (accuracy, macro-F1, per class, confusion) plus ``set``,
        ``path``, ``limit``, ``rule`` (the choice above) and ``coder_errors``.
    """
    rows = G.load_cameo5(path)
    rows = rows[:limit] if limit else rows
    coded = code_articles(coder, [sentence_article(r.id, r.text, None, str(path)) for r in rows],
                          progress=progress, desc="cameo5")
    predicted = []
    errors = []
    for (ca, err) in coded:
        if ca is None:
            errors.append(err)
            predicted.append(-1)
        else:
            predicted.append(sentence_pentaclass(ca.events))
    return {"set": "cameo5", "path": str(path), "limit": limit,
            "rule": "class of a sentence = pentaclass of the CAMEO code of its most confident event; "
                    "0 when it has no event",
            **classification_scores([r.label for r in rows], predicted), "coder_errors": errors}


# -------------------------------------------------------------------------------------------- dispatch


def guess_set(path: str | Path) -> str:
    """Which gold set a path holds, from its name (and, for an unnamed TSV, its first line).

    ``*.gold.json`` or a directory of them → article; other ``.json`` → plover; ``.xml`` → petrarch;
    ``PLV_*.tsv`` or a TSV with a ``gold_root`` column → pairs; ``cameo_class*.tsv`` or another
    ``sentence<TAB>label`` TSV → cameo5.

    Raises:
        InputError: the set cannot be told (name the set with ``--set``).
    """
    p = Path(path)
    name = p.name.lower()
    if p.is_dir():
        if any(p.glob("*.gold.json")):
            return "article"
    elif name.endswith(".gold.json"):
        return "article"
    elif name.endswith(".json"):
        return "plover"
    elif name.endswith(".xml"):
        return "petrarch"
    elif name.endswith(".tsv"):
        if name.startswith("plv"):
            return "pairs"
        if name.startswith("cameo_class"):
            return "cameo5"
        try:
            with p.open(encoding="utf-8") as fh:
                first = fh.readline()
        except OSError as err:
            raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None
        if "gold_root" in first.rstrip("\r\n").split("\t"):
            return "pairs"
        if first.rstrip("\r\n").rpartition("\t")[2].strip().isdigit():
            return "cameo5"
    raise InputError(f"{path}: cannot tell which gold set this is; name it with --set {'|'.join(SETS)}")


def run_paths(set_name: str | None, paths: Sequence[str | Path], coder: Any, limit: int | None = None,
              progress: bool = False) -> list[dict[str, Any]]:
    """Evaluate every path: article gold files together in one report, every other file in its own.

    Raises:
        InputError: a path's set cannot be guessed or its gold cannot be read.
    """
    kinds = [(set_name or guess_set(p), p) for p in paths]
    reports = []
    articles = [p for k, p in kinds if k == "article"]
    if articles:
        reports.append(run_articles(articles, coder))
    runners = {"plover": run_plover, "petrarch": run_petrarch, "pairs": run_pairs, "cameo5": run_cameo5}
    for kind, p in kinds:
        if kind != "article":
            reports.append(runners[kind](p, coder, limit=limit, progress=progress))
    return reports


# -------------------------------------------------------------------------------------------- text report


def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _acc(d: dict[str, Any]) -> str:
    return f"{d['correct']}/{d['total']} ({_f(d['accuracy'])})"


def _matrix(labels: list[str], matrix: dict[str, dict[str, int]], width: int = 5) -> list[str]:
    rows = [g for g in labels if g in matrix]
    cols = [c for c in labels if any(c in matrix[g] for g in rows)]
    lines = ["  " + " " * 10 + "".join(c[:4].rjust(width) for c in cols)]
    for g in rows:
        lines.append("  " + g[:10].ljust(10) + "".join(
            (str(matrix[g].get(c, "")) or ".").rjust(width) for c in cols))
    return lines


def _listing(title: str, items: list[Any], show: int, fmt) -> list[str]:
    if not items:
        return []
    lines = [f"{title} ({len(items)}):"]
    lines += ["  " + fmt(x) for x in items[:show]]
    if len(items) > show:
        lines.append(f"  ... and {len(items) - show} more (see --json)")
    return lines


def _ev_line(x: dict[str, Any]) -> str:
    who = ",".join(x["actor"]) or "-"
    whom = ",".join(x["recipient"]) or "-"
    mode = f"/{x['mode'][0]}" if x.get("mode") else ""
    text = x.get("event_text") or ""
    return f"[{x['story']}] {x['event']}{mode} {who} -> {whom}: \"{text}\" @{x['start']}-{x['end']}"


def _gold_line(x: dict[str, Any]) -> str:
    sym = " <->" if x["symmetric"] else " ->"
    where = f": \"{x['evidence']}\"" if x.get("evidence") else ""
    return (f"[{x['story']}] {x['id']}: {x['event']}{'/' + x['mode'] if x['mode'] else ''} "
            f"{','.join(x['actor']) or '-'}{sym} {','.join(x['recipient']) or '-'}{where}")


def format_report(report: dict[str, Any], show: int = 25) -> str:
    """A readable text report of any ``run_*`` report; lists are cut to ``show`` items each."""
    if report["set"] in ("pairs", "cameo5"):
        return _format_classification(report, show)
    r = report
    where = ", ".join(r["paths"]) if "paths" in r else r["path"]
    lines = [f"== {r['set']} gold: {where} ({r['stories']} stories"
             + (f", first {r['limit']}" if r.get("limit") else "") + ") =="]
    lines.append(f"system events {r['system_events']} (duplicates {r['duplicates']}), matched {r['matched']}; "
                 f"required gold {r['required']}, found {r['matched_required']}")
    lines.append(f"precision {_f(r['precision'])}  recall {_f(r['recall'])}  F1 {_f(r['f1'])}")
    lines.append("")
    lines.append(f"  {'type':10} {'sys':>4} {'dup':>4} {'match':>5} {'req':>4} {'found':>5}   P      R      F1")
    for t, c in r["per_type"].items():
        lines.append(f"  {t:10} {c['system']:4} {c['duplicates']:4} {c['matched']:5} {c['required']:4} "
                     f"{c['matched_required']:5}   {_f(c['precision'])}  {_f(c['recall'])}  {_f(c['f1'])}")
    if r["confusion"]["matrix"]:
        lines += ["", "confusion (rows: gold type, columns: system type; NONE = missed / spurious):"]
        lines += _matrix(r["confusion"]["labels"], r["confusion"]["matrix"])
    acc = r["accuracy"]
    lines += ["", "on matched pairs: " + "  ".join(f"{k.replace('_', ' ')} {_acc(v)}" for k, v in acc.items())]
    aa = r["actor_agreement"]
    lines.append(f"actor agreement (type+evidence aligned, codes also match): {_acc(aa['codes'])}; "
                 f"sector {_acc(aa['sector'])}")
    ca = r.get("context_agreement")
    if ca and ca["any"]["total"]:
        per = ", ".join(f"{c} {v['correct']}/{v['total']}" for c, v in ca["per_context"].items())
        lines.append(f"context agreement (matched events sharing a gold context): {_acc(ca['any'])}; per gold "
                     f"context: {per}")
    lines.append("")
    lines += _listing("missed required gold events", r["missed"], show, _gold_line)
    lines += _listing("false positives", r["false_positives"], show, _ev_line)
    lines += _listing("duplicates (not counted)", r["duplicates_list"], show,
                      lambda x: _ev_line(x) + f" = gold {x['gold']}")
    lines += _listing("forbidden entities in events", r["forbidden_hits"], show,
                      lambda x: f"[{x['story']}] {x['side']} {x['entity_text']!r} ({x['code']}): {x['why']}")
    for doc, q in (r.get("quotes") or {}).items():
        lines.append(f"quotes [{doc}]: found {q['found']}/{q['gold']}, speaker right {q['speaker_correct']}")
        lines += ["  missed: " + m["text"] for m in q["missed"]]
    for doc, md in (r.get("metadata") or {}).items():
        bad = [f"{k} (gold {v['gold']!r}, got {v['system']!r})" for k, v in md.items() if not v["ok"]]
        lines.append(f"metadata [{doc}]: {len(md) - len(bad)}/{len(md)} right" + ("; wrong: " + "; ".join(bad)
                                                                                 if bad else ""))
    lines += _listing("gold warnings", r["warnings"], show, str)
    lines += _listing("gold codings left out", r.get("notes") or [], show, str)
    lines += _listing("coder errors", r["coder_errors"], show, str)
    return "\n".join(lines).rstrip() + "\n"


def _format_classification(r: dict[str, Any], show: int) -> str:
    lines = [f"== {r['set']} gold: {r['path']} ({r['items']} items"
             + (f", first {r['limit']}" if r.get("limit") else "") + ") =="]
    lines.append(f"accuracy {_f(r['accuracy'])} ({r['correct']}/{r['items']})  macro-F1 {_f(r['macro_f1'])}")
    if r.get("rule"):
        lines.append(f"rule: {r['rule']}")
    lines += ["", f"  {'class':10} {'gold':>5} {'sys':>5} {'right':>5}   P      R      F1"]
    for c, v in r["per_class"].items():
        lines.append(f"  {c:10} {v['gold']:5} {v['system']:5} {v['correct']:5}   "
                     f"{_f(v['precision'])}  {_f(v['recall'])}  {_f(v['f1'])}")
    lines += ["", "confusion (rows: gold, columns: system):"]
    lines += _matrix(r["confusion"]["labels"], r["confusion"]["matrix"])
    lines += _listing("coder errors", r["coder_errors"], show, str)
    return "\n".join(lines).rstrip() + "\n"
