"""Several coders on the command line: intercoder agreement and merging projects.

``guiji agreement PROJECT --coders A B [C…] [--unit sentence|turn|chars:N|segment[:X]] [--code PATH…]
[--doc NAME…] [--json]`` and ``guiji merge PROJECT OTHER [--dry-run] [--json]`` (OTHER a ``.guiji``
project or a ``.qdpx`` file). The agreement table for a paper is ``guiji table … --kind agreement``.
"""

from __future__ import annotations

import argparse

from app.commands import Add
from app.commands.output import print_json, say


def _number(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def cmd_agreement(args: argparse.Namespace) -> None:
    from app.core.agreement import agreement
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        result = agreement(project, args.coders, unit=args.unit, codes=args.code, documents=args.doc)
    if args.json:
        print_json(result.as_dict())
        return
    what = "codings" if result.unit.startswith("segment") else "units"
    say(f"agreement of {', '.join(result.coders)} by {result.unit}: {len(result.documents)} documents, "
        f"{result.n_units} {what}")
    say("code\tpercent\tkappa\tfleiss_kappa\talpha\talpha 95% CI\tcu_alpha\tn\tcodings")
    for name, figures in [*result.per_code.items(), ("(overall)", result.overall)]:
        ci = "—" if figures.alpha_ci is None else f"[{figures.alpha_ci[0]:.3f}, {figures.alpha_ci[1]:.3f}]"
        codings = ", ".join(f"{coder} {count}" for coder, count in figures.codings.items())
        say(f"{name}\t{_number(figures.percent, 1)}\t{_number(figures.kappa)}\t{_number(figures.fleiss_kappa)}\t"
            f"{_number(figures.alpha)}\t{ci}\t{_number(figures.cu_alpha)}\t{figures.n}\t{codings}")


def cmd_merge(args: argparse.Namespace) -> None:
    from app.core.merge import merge_file
    from app.core.project import open_project

    with open_project(args.project, read_only=args.dry_run) as project:
        report = merge_file(project, args.other, dry_run=args.dry_run)
    if args.json:
        print_json(report.as_dict())
        return
    if args.dry_run:
        say(f"dry run: nothing was changed; merging {report.source} would do:")
    for line in report.lines():
        say(line)


def register(add: Add) -> None:
    p = add("agreement", cmd_agreement, "intercoder agreement of two or more coders, per code and overall")
    p.add_argument("project")
    p.add_argument("--coders", nargs="+", required=True, metavar="NAME", help="two or more coders")
    p.add_argument("--unit", default="sentence", metavar="UNIT",
                   help="sentence (default), turn, chars:N (windows of N characters) or segment:X (codings "
                        "matched when they overlap by at least X%% of their union; segment alone is 90%%)")
    p.add_argument("--code", nargs="+", action="extend", metavar="PATH",
                   help="only these codes (each on its own; default: every code the coders used)")
    p.add_argument("--doc", nargs="+", action="extend", metavar="NAME", help="only these documents")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")

    p = add("merge", cmd_merge, "merge another copy of the project (.guiji) or a .qdpx file into PROJECT")
    p.add_argument("project")
    p.add_argument("other", metavar="OTHER", help="a .guiji project or a .qdpx file")
    p.add_argument("--dry-run", action="store_true", help="print what would be merged, change nothing")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
