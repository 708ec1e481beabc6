"""Evaluation: gold loaders (:mod:`.gold`), matching and metrics (:mod:`.match`), runners (:mod:`.run`).

Typical use from a test or a benchmark::

    from eventcoder import evaluate
    from eventcoder.coder import Coder

    report = evaluate.run_article("../shared/examples/nato-lavrov-2015-05-19.gold.json", Coder())
    report["precision"], report["recall"], report["missed"]

Every ``run_*`` returns a JSON-ready dict (see :func:`.run.format_report` for the text form). Matching
follows ``shared/eval/FORMAT.md``; the choices it leaves open are documented in :mod:`.match`.
"""

from .gold import (
    ArticleGold,
    ClassGold,
    Forbidden,
    GoldEntity,
    GoldEvent,
    GoldPlace,
    GoldQuote,
    PairGold,
    SentenceGold,
    load_article_gold,
    load_cameo5,
    load_pairs,
    load_petrarch,
    load_plover_gsr,
    merge_yield,
    parse_phoenix_code,
)
from .match import Scorer, actors_match, classification_scores, find_evidence
from .run import (
    SETS,
    format_report,
    guess_set,
    run_article,
    run_articles,
    run_cameo5,
    run_pairs,
    run_paths,
    run_petrarch,
    run_plover,
    run_sentences,
    sentence_pentaclass,
)

__all__ = [
    "SETS",
    "ArticleGold",
    "ClassGold",
    "Forbidden",
    "GoldEntity",
    "GoldEvent",
    "GoldPlace",
    "GoldQuote",
    "PairGold",
    "Scorer",
    "SentenceGold",
    "actors_match",
    "classification_scores",
    "find_evidence",
    "format_report",
    "guess_set",
    "load_article_gold",
    "load_cameo5",
    "load_pairs",
    "load_petrarch",
    "load_plover_gsr",
    "merge_yield",
    "parse_phoenix_code",
    "run_article",
    "run_articles",
    "run_cameo5",
    "run_pairs",
    "run_paths",
    "run_petrarch",
    "run_plover",
    "run_sentences",
    "sentence_pentaclass",
]
