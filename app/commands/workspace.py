"""Subcommands of the coding workspace: search, retrieve, cases, attributes, memos.

``guiji search PROJECT TERM [--doc NAME…] --json`` → ``[{"document","start","end","context"}]``
``guiji retrieve PROJECT --code PATH… [--mode and|or] [--not PATH…] [--coder NAME…] [--stage NAME…]
[--doc NAME…] [--case NAME…] [--children] [--json | --out FILE.xlsx|.csv]`` →
``[{"document","start","end","text","codes","coders","stage"}]``
``guiji cases PROJECT --json``, ``guiji attributes PROJECT --json``,
``guiji memos PROJECT [--query TEXT] --json``.
"""

# Services are imported inside the commands so that `guiji --help` stays quick.

from __future__ import annotations

import argparse
from typing import Any

from app.commands import Add
from app.commands.output import print_json, say
from app.core.errors import GuijiError


def _document_ids(project: Any, names: list[str] | None) -> list[int] | None:
    from app.core import lookup

    if not names:
        return None
    return lookup.document_ids(project, names)


def cmd_search(args: argparse.Namespace) -> None:
    from app.core.project import open_project
    from app.core.search import search

    with open_project(args.project, read_only=True) as project:
        hits = search(project, args.term, document_ids=_document_ids(project, args.doc), limit=args.limit,
                      fold_scripts=not args.exact)
    if args.json:
        print_json([
            {"document": h.document, "start": h.start, "end": h.end, "context": h.context} for h in hits
        ])
    else:
        for h in hits:
            say(f"{h.document}\t{h.start}\t{h.end}\t{h.context}")


def cmd_retrieve(args: argparse.Namespace) -> None:
    from app.core import lookup
    from app.core.project import open_project
    from app.core.retrieval import export_passages, retrieve

    if args.json and args.out:
        raise GuijiError("give --json or --out, not both")
    with open_project(args.project, read_only=True) as project:
        codes = lookup.code_ids(project, args.code)
        exclude = lookup.code_ids(project, args.exclude or [])
        stage_ids = lookup.stage_ids(project, args.stage) if args.stage else None
        case_ids = lookup.case_ids(project, args.case) if args.case else None
        passages = retrieve(
            project, codes=codes, mode=args.mode, exclude=exclude, include_children=args.children,
            document_ids=_document_ids(project, args.doc), case_ids=case_ids, coders=args.coder,
            stage_ids=stage_ids, text=args.text, fold_scripts=not args.exact,
        )
    if args.out:
        path = export_passages(passages, args.out)
        say(f"wrote {len(passages)} passage(s) to {path}")
    elif args.json:
        print_json([
            {"document": p.document, "start": p.start, "end": p.end, "text": p.text, "codes": list(p.codes),
             "coders": list(p.coders), "stage": p.stage}
            for p in passages
        ])
    else:
        for p in passages:
            say(f"{p.document}\t{p.start}\t{p.end}\t{'; '.join(p.codes)}\t{'; '.join(p.coders)}\t"
                 f"{p.stage or ''}\t{p.text}")


def cmd_cases(args: argparse.Namespace) -> None:
    from app.core.cases import list_cases
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        found = list_cases(project)
    data = [
        {"name": c.name, "description": c.description, "documents": list(c.documents),
         "passages": [{"document": p.document, "start": p.start, "end": p.end, "text": p.text}
                      for p in c.passages]}
        for c in found
    ]
    if args.json:
        print_json(data)
    else:
        for c in found:
            say(f"{c.name}\t{len(c.documents)} document(s)\t{len(c.passages)} passage(s)")


def cmd_attributes(args: argparse.Namespace) -> None:
    from app.core.attributes import attribute_table, list_attributes
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        definitions = list_attributes(project)
        table = attribute_table(project)
    if args.json:
        print_json({
            "attributes": [{"name": a.name, "type": a.type} for a in definitions],
            "documents": [{"document": name, "values": values} for _id, name, values in table],
        })
    else:
        names = [a.name for a in definitions]
        say("\t".join(["document", *names]))
        for _id, name, values in table:
            say("\t".join([name, *(values.get(n, "") for n in names)]))


def cmd_memos(args: argparse.Namespace) -> None:
    from app.core.memos import list_memos
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        found = list_memos(project, args.query)
    if args.json:
        print_json([{"kind": m.kind, "title": m.title, "text": m.text} for m in found])
    else:
        for m in found:
            say(f"{m.kind}\t{m.title}\t{m.text}")


def register(add: Add) -> None:
    """Add this area's subcommands to the CLI's parser."""
    p = add("search", cmd_search, "find a term in every document (positions in code points, end exclusive)")
    p.add_argument("project")
    p.add_argument("term")
    p.add_argument("--doc", action="append", metavar="NAME", help="search only this document (repeatable)")
    p.add_argument("--limit", type=int, metavar="N", help="stop after N hits")
    p.add_argument("--exact", action="store_true",
                   help="match the characters as typed (by default Traditional and Simplified match each other)")
    p.add_argument("--json", action="store_true")

    p = add("retrieve", cmd_retrieve, "list the passages coded with codes: OR, AND (overlap), NOT; filters")
    p.add_argument("project")
    p.add_argument("--code", action="append", required=True, metavar="PATH", help="a code (repeatable)")
    p.add_argument("--mode", choices=["or", "and"], default="or")
    p.add_argument("--not", dest="exclude", action="append", metavar="PATH",
                   help="drop passages overlapping this code (repeatable)")
    p.add_argument("--children", action="store_true", help="count the codes' subcodes as the codes")
    p.add_argument("--coder", action="append", metavar="NAME")
    p.add_argument("--stage", action="append", metavar="NAME")
    p.add_argument("--doc", action="append", metavar="NAME")
    p.add_argument("--case", action="append", metavar="NAME")
    p.add_argument("--text", metavar="TERM",
                   help="only passages containing TERM (Traditional and Simplified alike unless --exact)")
    p.add_argument("--exact", action="store_true", help="match --text as typed")
    p.add_argument("--json", action="store_true")
    p.add_argument("--out", metavar="FILE", help="export to FILE.xlsx or FILE.csv")

    p = add("cases", cmd_cases, "list cases with their documents and passages")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")

    p = add("attributes", cmd_attributes, "list attribute definitions and every document's values")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")

    p = add("memos", cmd_memos, "list memos (project, documents, codes, codings), optionally filtered")
    p.add_argument("project")
    p.add_argument("--query", metavar="TEXT")
    p.add_argument("--json", action="store_true")


__all__ = ["register"]
