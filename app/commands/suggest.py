"""Subcommands of code suggestions: suggest, train, keywords, evaluate.

``guiji suggest PROJECT [--doc NAME] [--threshold X] [--unit sentence|turn] --json`` →
``[{"document","start","end","code","score","source","reason"}]`` (``source``: ``keyword`` or ``model``)
``guiji suggest PROJECT --stages [--doc NAME] --json`` → ``[{"document","start","end","stage","score","reason"}]``
``guiji train PROJECT [--json]`` trains the project's model and saves it in the project file.
``guiji keywords PROJECT --doc NAME [--start N --end N] [--top N] [--textrank] --json`` →
``[{"term","weight","count","method"}]``: in-vivo proposals for new code names.
``guiji evaluate PROJECT [--folds K] [--threshold X] [--unit sentence|turn] --json`` →
``{"keywords", "model", "combined": {"precision","recall","f1","macro",…}, "per_code", "folds", …}``.
"""

# Services are imported inside the commands so that `guiji --help` stays quick (spaCy is heavy).

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.commands import Add
from app.commands.output import print_json, say

# The same as app.core.nlp.model.DEFAULT_THRESHOLD (a test checks), without importing it for --help.
DEFAULT_THRESHOLD = 0.3


def _document_id(project: Any, name: str | None) -> int | None:
    from app.core import lookup

    if name is None:
        return None
    return lookup.document_id(project, name)


def _threshold(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return number


def cmd_suggest_stages(args: argparse.Namespace) -> None:
    from app.core.nlp.stages import suggest_stages
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        found = suggest_stages(project, document_id=_document_id(project, args.doc))
    if args.json:
        print_json([s.as_dict() for s in found])
    else:
        for s in found:
            say(f"{s.document}\t{s.start}\t{s.end}\t{s.stage}\t{s.score:.2f}\t{s.reason}")


def cmd_suggest(args: argparse.Namespace) -> None:
    if getattr(args, "stages", False):
        cmd_suggest_stages(args)
        return
    from app.core.nlp.model import model_status
    from app.core.nlp.suggest import suggest
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        status = model_status(project)
        if not status.usable:
            print(
                f"{project.path.name}: no learned model yet (run `guiji train`); keyword rules only",
                file=sys.stderr,
            )
        found = suggest(project, document_id=_document_id(project, args.doc), threshold=args.threshold,
                        kind=args.unit, show_all=args.all)
    if args.json:
        print_json([s.as_dict() for s in found])
    else:
        for s in found:
            say(f"{s.document}\t{s.start}\t{s.end}\t{s.code}\t{s.score:.2f}\t{s.source}\t{s.reason}")


def cmd_train(args: argparse.Namespace) -> None:
    from app.core.nlp.model import train
    from app.core.project import open_project

    with open_project(args.project) as project:
        report = train(project, kind=args.unit)
    if args.json:
        print_json(report.as_dict())
    else:
        say(
            f"trained on {report.units} units ({report.positives} coded) for {report.labels} codes in "
            f"{report.seconds:.1f} s ({report.epochs} epochs); model saved in the project "
            f"({report.size_bytes / 1e6:.1f} MB)"
        )


def cmd_keywords(args: argparse.Namespace) -> None:
    from app.core.nlp.invivo import document_key_terms
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        doc_id = _document_id(project, args.doc)
        assert doc_id is not None
        terms = document_key_terms(project, doc_id, start=args.start, end=args.end, top=args.top,
                                   method="textrank" if args.textrank else "tfidf")
    if args.json:
        print_json([t.as_dict() for t in terms])
    else:
        for t in terms:
            say(f"{t.term}\t{t.weight:.3f}\t{t.count}")


def cmd_evaluate(args: argparse.Namespace) -> None:
    from app.core.nlp.evaluate import evaluate
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        result = evaluate(project, folds=args.folds, threshold=args.threshold, kind=args.unit).as_dict()
    if args.json:
        print_json(result)
        return
    say(f"{result['folds']}-fold cross-validation by document over {result['documents']} coded documents, "
         f"{result['units']} {result['unit']} units, threshold {result['threshold']}")
    say(f"{'':10}{'precision':>10}{'recall':>8}{'F1':>7}   (macro P / R / F1)")
    for method in ("keywords", "model", "combined"):
        m = result[method]
        macro = m["macro"]
        say(f"{method:10}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>7.3f}   "
             f"({macro['precision']:.3f} / {macro['recall']:.3f} / {macro['f1']:.3f})")


def register(add: Add) -> None:
    """Add ``suggest``, ``train``, ``keywords`` and ``evaluate`` to the CLI's parser."""
    def unit_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--unit", choices=("sentence", "turn"), default="sentence",
                       help="suggest for sentences (default) or whole speaker turns")

    p = add("suggest", cmd_suggest, "suggest codes for the sentences of a document (or of every document), "
            "from keyword rules and the learned model, with score and reason")
    p.add_argument("project")
    p.add_argument("--doc", metavar="NAME", help="only this document")
    p.add_argument("--threshold", type=_threshold, default=DEFAULT_THRESHOLD,
                   help=f"lowest model score suggested (default {DEFAULT_THRESHOLD})")
    unit_option(p)
    p.add_argument("--all", action="store_true",
                   help="also what is found but not listed by default (codes whose measured trust is low)")
    p.add_argument("--stages", action="store_true",
                   help='suggest stages from time expressions instead: [{"document","start","end","stage",'
                        '"score","reason"}]')
    p.add_argument("--json", action="store_true",
                   help='print [{"document","start","end","code","score","source","reason"}]')

    p = add("train", cmd_train,
            "train the project's suggestion model on its codings and save it in the project")
    p.add_argument("project")
    unit_option(p)
    p.add_argument("--json", action="store_true", help="print the training report as JSON")

    p = add("keywords", cmd_keywords, "key terms of a document or passage (TF-IDF, or TextRank), "
            "proposed as new code names")
    p.add_argument("project")
    p.add_argument("--doc", metavar="NAME", required=True)
    p.add_argument("--start", type=int, help="passage start (code points)")
    p.add_argument("--end", type=int, help="passage end (code points, exclusive)")
    p.add_argument("--top", type=int, default=20, help="how many terms (default 20)")
    p.add_argument("--textrank", action="store_true", help="use TextRank instead of TF-IDF (slower)")
    p.add_argument("--json", action="store_true", help='print [{"term","weight","count","method"}]')

    p = add("evaluate", cmd_evaluate,
            "cross-validate the suggestions (by document): precision, recall and F1 of keyword rules, "
            "the model and both, per code too")
    p.add_argument("project")
    p.add_argument("--folds", type=int, default=5, help="folds (at most the number of coded documents)")
    p.add_argument("--threshold", type=_threshold, default=DEFAULT_THRESHOLD,
                   help=f"lowest model score counted as a suggestion (default {DEFAULT_THRESHOLD})")
    unit_option(p)
    p.add_argument("--json", action="store_true",
                   help='print {"keywords","model","combined","per_code","folds",…} as JSON')
