"""Coding quality on every shared gold set, as one markdown table (the figures of docs/evaluation.md).

Usage: python bench/quality.py [--limit N]

Runs ``eventcoder evaluate``'s runners with one Coder over: the example article gold, PLOVER gold
records, PETR2 GSR validation, the actor-pair set and the 5-way CAMEO class set. Skips sets whose
files are absent (../shared is read by path, never copied).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = [
    ("article", SHARED / "examples" / "nato-lavrov-2015-05-19.gold.json"),
    ("plover", SHARED / "data" / "gold" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"),
    ("petrarch", SHARED / "data" / "gold" / "petrarch_validation" / "PETR2_GSR_validation.UD.xml"),
    ("pairs", SHARED / "data" / "gold" / "zsp_plover" / "PLV_train.tsv"),
    ("cameo5", SHARED / "data" / "gold" / "conflibert_cameo" / "cameo_class_train.tsv"),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", help="also write the full reports to this file")
    args = ap.parse_args(argv)
    from eventcoder import evaluate
    from eventcoder.coder import Coder

    coder = Coder()
    rows = []
    full = {}
    for name, path in SETS:
        if not path.exists():
            print(f"{name}: {path} absent, skipped", file=sys.stderr)
            continue
        t = time.perf_counter()
        r = evaluate.run_paths(name, [path], coder, limit=args.limit)
        r = r[0] if isinstance(r, list) else r
        secs = time.perf_counter() - t
        full[name] = r
        if name in ("pairs", "cameo5"):
            rows.append((name, f"accuracy {r['accuracy']:.3f}", f"macro-F1 {r['macro_f1']:.3f}", "", "", "", secs))
        else:
            aa = r.get("actor_agreement", {})
            codes = aa.get("codes", {}).get("accuracy")
            sector = aa.get("sector", {}).get("accuracy")
            ctx = r.get("context_agreement", {}).get("any", {})  # only sets whose gold gives contexts
            rows.append((name, f"P {r['precision'] or 0:.3f} R {r['recall'] or 0:.3f}", f"F1 {r['f1'] or 0:.3f}",
                         f"{codes:.3f}" if codes is not None else "-", f"{sector:.3f}" if sector is not None else "-",
                         f"{ctx['accuracy']:.3f} ({ctx['correct']}/{ctx['total']})" if ctx.get("total") else "",
                         secs))
    print("| set | precision / recall or accuracy | F1 | actor+recipient codes agree (type-aligned) | sector "
          "| context agreement (matched) | seconds |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]:.0f} |")
    if args.json:
        Path(args.json).write_text(json.dumps(full, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
