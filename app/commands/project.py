"""Project subcommands: ``new``, ``import`` and ``info``."""

from __future__ import annotations

import argparse

from app.commands import Add
from app.commands.output import print_json, say


def cmd_new(args: argparse.Namespace) -> None:
    from app.core.project import create_project
    from app.core.templates import apply_template

    with create_project(args.project) as project:
        if args.template:
            apply_template(project, args.template)
    say(f"created {args.project}")


def cmd_import(args: argparse.Namespace) -> None:
    from app.core.ops.entities import import_documents
    from app.core.project import open_project

    with open_project(args.project) as project:
        docs = import_documents(project, args.files, to=args.to, variant=args.variant).value
    if args.json:
        print_json([{"name": d.name, "characters": d.length, "encoding": d.source_encoding} for d in docs])
    else:
        for doc in docs:
            say(f"imported {doc.name} ({doc.length} characters, {doc.source_encoding or doc.source_format})")


def cmd_info(args: argparse.Namespace) -> None:
    from app.core.info import project_info
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        info = project_info(project).as_dict()
    if args.json:
        print_json(info)
    else:
        for key, value in info.items():
            say(f"{key}: {value}")


def register(add: Add) -> None:
    """Add this area's subcommands to the parser."""
    p = add("new", cmd_new, "create a project")
    p.add_argument("project")
    p.add_argument("--template", help="a framework template to start from")

    p = add("import", cmd_import, "add documents (.txt in any common encoding, .docx, .md), all or nothing")
    p.add_argument("project")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--to", choices=["hans", "hant"],
                   help="convert the Chinese text to Simplified (hans) or Traditional (hant) as it is stored "
                        "(default: keep the script of the file)")
    p.add_argument("--variant", choices=["tw", "hk"],
                   help="with --to: Taiwan or Hong Kong usage (to hant: write it; to hans: read it, e.g. 軟體 → 软件)")
    p.add_argument("--json", action="store_true")

    p = add("info", cmd_info, "counts of documents, characters, codes, codings, stages, coders")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
