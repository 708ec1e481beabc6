"""``eventcoder evaluate [--set article|plover|petrarch|pairs|cameo5] PATH... [--json] [--limit N]``."""

from __future__ import annotations

import json
import sys

from ..article import InputError


def add_parser(sub) -> None:
    p = sub.add_parser(
        "evaluate", help="score the coder against gold data",
        description="Code a gold set and score it (matching rules: shared/eval/FORMAT.md). Sets: article "
                    "(*.gold.json, or a directory of them), plover (PLOVER_GSR_CAMEO.json), petrarch "
                    "(PETRARCH validation XML), pairs (PLV_*.tsv actor pairs), cameo5 (cameo_class_*.tsv).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="gold files (article gold: files or directories)")
    p.add_argument("--set", dest="gold_set", choices=["article", "plover", "petrarch", "pairs", "cameo5"],
                   help="the kind of gold (default: guessed from each file name)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")
    p.add_argument("--limit", type=_positive, metavar="N", help="score only the first N items of a sentence set")
    p.add_argument("--show", type=_positive, default=25, metavar="N",
                   help="items listed per section of the text report (default 25)")
    p.set_defaults(func=run)


from . import positive_int as _positive


def _make_coder():
    """The coder to evaluate (a separate function so tests can swap in a stand-in)."""
    from ..coder import Coder

    return Coder()


def run(args) -> int:
    from ..evaluate import run as runner

    failed = 0
    reports = []
    coder = None
    # Check every path first so a bad one is reported before minutes of coding, and skipped.
    kinds = []
    for path in args.paths:
        try:
            kinds.append((args.gold_set or runner.guess_set(path), path))
        except InputError as err:
            failed += 1
            print(f"eventcoder: error: {err}", file=sys.stderr)
    groups = [[p for k, p in kinds if k == "article"]] + [[p] for k, p in kinds if k != "article"]
    for group in (g for g in groups if g):  # (groups may grow: a failing pooled group is split)
        kind = args.gold_set or runner.guess_set(group[0])
        try:
            if coder is None:
                coder = _make_coder()
            reports += runner.run_paths(kind, group, coder, limit=args.limit, progress=not args.json)
        except InputError as err:
            if len(group) > 1:  # one bad gold file must not lose the others: score them one by one
                groups.extend([p] for p in group)
                continue
            failed += 1
            print(f"eventcoder: error: {err}", file=sys.stderr)
        except NotImplementedError:
            print("eventcoder: error: the coder is not built yet (Coder raised NotImplementedError)",
                  file=sys.stderr)
            return 1
    if args.json:
        obj = reports[0] if len(reports) == 1 else {"reports": reports}
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(runner.format_report(r, show=args.show) for r in reports))
    sys.stdout.flush()
    return 1 if failed else 0
