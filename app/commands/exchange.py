"""Exchange with other QDA programs on the command line.

``guiji export-qdpx PROJECT OUT.qdpx``; ``guiji import-qdpx IN.qdpx PROJECT [--json]`` and
``guiji import-rqda IN.rqda PROJECT [--json]`` create PROJECT (which must not exist) and print what
was imported, what was skipped and why, and how positions were read.
"""

# Imports inside the commands keep `guiji --help` fast.

from __future__ import annotations

import argparse
from typing import Any

from app.commands import Add
from app.commands.output import print_json, say


def cmd_export_qdpx(args: argparse.Namespace) -> None:
    from app.core.exchange.qdpx_export import export_qdpx
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        report = export_qdpx(project, args.out)
    if args.json:
        print_json(report.as_dict())
        return
    say(f"wrote {report.path}: " + ", ".join(f"{n:,} {k}" for k, n in report.counts))


def _print_report(args: argparse.Namespace, report: Any) -> None:
    if args.json:
        print_json(report.as_dict())
        return
    for line in report.lines():
        say(line)


def cmd_import_qdpx(args: argparse.Namespace) -> None:
    from app.core.coders import default_coder
    from app.core.exchange.qdpx_import import import_qdpx

    _print_report(args, import_qdpx(args.source, args.project, coder=default_coder()))


def cmd_import_rqda(args: argparse.Namespace) -> None:
    from app.core.exchange.rqda import import_rqda

    _print_report(args, import_rqda(args.source, args.project))


def register(add: Add) -> None:
    """Add this area's subcommands to the parser."""
    p = add("export-qdpx", cmd_export_qdpx,
            "export the whole project as a REFI-QDA project (.qdpx) for NVivo, MAXQDA, ATLAS.ti, QualCoder…")
    p.add_argument("project")
    p.add_argument("out", metavar="OUT.qdpx")
    p.add_argument("--json", action="store_true", help='print {"file", "documents", "codes", …} as JSON')

    p = add("import-qdpx", cmd_import_qdpx,
            "create a new project from a REFI-QDA project (.qdpx, or a loose .qde); prints what was "
            "imported and what was skipped, and why")
    p.add_argument("source", metavar="IN.qdpx")
    p.add_argument("project", help="the new project file (must not exist)")
    p.add_argument("--json", action="store_true",
                   help='print {"imported", "skipped", "notes", "positions", …} as JSON')

    p = add("import-rqda", cmd_import_rqda,
            "create a new project from an RQDA project (.rqda); deleted rows are skipped")
    p.add_argument("source", metavar="IN.rqda")
    p.add_argument("project", help="the new project file (must not exist)")
    p.add_argument("--json", action="store_true",
                   help='print {"imported", "skipped", "notes", "positions", …} as JSON')
