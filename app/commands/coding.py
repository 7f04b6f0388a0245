"""Coding subcommands: ``codes`` (list or add), ``code`` (apply one) and ``codings`` (list)."""

from __future__ import annotations

import argparse
from typing import Any

from app.commands import Add
from app.commands.output import print_json, say
from app.core.errors import GuijiError


def cmd_codes(args: argparse.Namespace) -> None:
    from app.core.codebook import list_codes
    from app.core.ops.codes import create_code_path
    from app.core.project import open_project

    if args.action == "add":
        if not args.path:
            raise GuijiError("codes add needs a code PATH (names joined by '/')")
        with open_project(args.project) as project:
            code = create_code_path(project, args.path, color=args.color).value
        if args.json:
            print_json({"path": code.path, "color": code.color, "codings": code.codings})
        else:
            say(f"created code {code.path} ({code.color})")
        return
    if args.action is not None:
        raise GuijiError(f"unknown codes action '{args.action}' (use: add)")
    with open_project(args.project, read_only=True) as project:
        codes = list_codes(project)
    if args.json:
        print_json([{"path": c.path, "color": c.color, "codings": c.codings} for c in codes])
    else:
        for c in codes:
            say(f"{c.path}\t{c.color}\t{c.codings}")


def cmd_code(args: argparse.Namespace) -> None:
    from app.core.coders import default_coder
    from app.core.ops.codings import apply_coding
    from app.core.project import open_project

    with open_project(args.project) as project:
        coding = apply_coding(
            project, document=args.doc, code=args.code, start=args.start, end=args.end,
            coder=args.coder or default_coder(), stage=args.stage, memo=args.memo or "",
        ).value
    if args.json:
        print_json(coding_json(coding))
    else:
        say(f"coded {coding.document} {coding.start}–{coding.end} with {coding.code}: {coding.text}")


def coding_json(c: Any) -> dict[str, Any]:
    """The JSON object of one coding (``code --json``, ``codings --json``)."""
    return {
        "document": c.document, "start": c.start, "end": c.end, "text": c.text,
        "code": c.code, "coder": c.coder, "stage": c.stage,
    }


def cmd_codings(args: argparse.Namespace) -> None:
    from app.core import lookup
    from app.core.coding import list_codings
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        doc_id = lookup.document_id(project, args.doc) if args.doc else None
        codings = list_codings(project, document_id=doc_id)
    if args.json:
        print_json([coding_json(c) for c in codings])
    else:
        for c in codings:
            say(f"{c.document}\t{c.start}\t{c.end}\t{c.code}\t{c.coder}\t{c.stage or ''}\t{c.text}")


def register(add: Add) -> None:
    """Add this area's subcommands to the parser."""
    p = add("codes", cmd_codes, "list codes, or `codes PROJECT add PATH` to create one and its parents")
    p.add_argument("project")
    p.add_argument("action", nargs="?", choices=["add"])
    p.add_argument("path", nargs="?")
    p.add_argument("--color", help="#RRGGBB")
    p.add_argument("--json", action="store_true")

    p = add("code", cmd_code, "apply a code to a range of a document (code points, end exclusive)")
    p.add_argument("project")
    p.add_argument("--doc", required=True, metavar="NAME")
    p.add_argument("--start", required=True, type=int, metavar="N")
    p.add_argument("--end", required=True, type=int, metavar="N")
    p.add_argument("--code", required=True, metavar="PATH")
    p.add_argument("--coder", metavar="NAME")
    p.add_argument("--stage", metavar="NAME")
    p.add_argument("--memo")
    p.add_argument("--json", action="store_true")

    p = add("codings", cmd_codings, "list codings with their text and effective stage")
    p.add_argument("project")
    p.add_argument("--doc", metavar="NAME")
    p.add_argument("--json", action="store_true")
