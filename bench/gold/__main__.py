"""``python -m bench.gold`` (``make eval-suggestions``): the suggestion protocols on the gold set, as JSON.

Builds a throw-away project from the gold set (bench/gold/README.md), then runs what ``guiji evaluate``
runs — train on the first 30 % of each transcript (cut at a speaker turn) and suggest the rest; and
cross-validation by document — plus the stage suggestions against the gold stages. Prints one JSON
object; ``--full`` keeps the per-code tables.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.gold.load import GoldError, build_project, load


def _brief(report: dict[str, Any]) -> dict[str, Any]:
    keep = ("keywords", "keywords_all_turns", "model", "combined", "top1", "units", "coded_units",
            "training_codings", "training_units", "folds", "seconds")
    return {k: report[k] for k in keep if k in report}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gold", description=__doc__)
    parser.add_argument("--full", action="store_true", help="keep per-code figures and trust")
    parser.add_argument("--threshold", type=float, default=None, help="calibrated model threshold")
    args = parser.parse_args(argv)
    try:
        gold = load()
    except GoldError as exc:
        print(f"eval-suggestions: {exc}", file=sys.stderr)
        return 2
    from app.core.nlp.evaluate import evaluate
    from app.core.nlp.model import DEFAULT_THRESHOLD

    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    with tempfile.TemporaryDirectory() as tmp:
        project = build_project(Path(tmp) / "gold.guiji", gold)
        try:
            report = evaluate(project, threshold=threshold).as_dict()
            stages = _stage_accuracy(project)
        finally:
            project.close()
    protocols = report["protocols"]
    out: dict[str, Any] = {
        "gold": {"codings": len(gold.codings), "codes": len({c.code for c in gold.codings}),
                 "documents": len(gold.texts)},
        "threshold": threshold,
        "split": protocols["split"] if args.full else _brief(protocols["split"]),
        "by_document": protocols["by_document"] if args.full else _brief(protocols["by_document"]),
        "stages": stages,
    }
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


def _stage_accuracy(project: Any) -> dict[str, Any] | None:
    """Stage suggestions against the gold stages (None until stage suggestions exist)."""
    try:
        from app.core.nlp.stages import evaluate_stages
    except ImportError:
        return None
    return evaluate_stages(project)


if __name__ == "__main__":
    raise SystemExit(main())
