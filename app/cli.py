"""The command line: ``guiji SUBCOMMAND ...``. Thin: it parses, calls app.core, prints.

Positions are code points, end exclusive. ``--json`` prints one JSON document on stdout; errors go
to stderr with a non-zero exit code. The subcommands, options and JSON keys are a contract.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app import __version__
from app.commands.output import print_json as _print_json
from app.commands.output import say as _say
from app.core.errors import GuijiError

EXIT_ERROR = 1


def default_coder() -> str:
    """The coder name used when none is given: ``GUIJI_CODER`` or the login name."""
    return os.environ.get("GUIJI_CODER") or getpass.getuser() or "coder"


# --- subcommands ---------------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> None:
    from app.core.project import create_project
    from app.core.templates import apply_template

    with create_project(args.project) as project:
        if args.template:
            apply_template(project, args.template)
    _say(f"created {args.project}")


def cmd_import(args: argparse.Namespace) -> None:
    from app.core.documents import import_files
    from app.core.project import open_project

    with open_project(args.project) as project:
        docs = import_files(project, args.files)
    if args.json:
        _print_json([{"name": d.name, "characters": d.length, "encoding": d.source_encoding} for d in docs])
    else:
        for doc in docs:
            _say(f"imported {doc.name} ({doc.length} characters, {doc.source_encoding or doc.source_format})")


def cmd_info(args: argparse.Namespace) -> None:
    from app.core.info import project_info
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        info = project_info(project).as_dict()
    if args.json:
        _print_json(info)
    else:
        for key, value in info.items():
            _say(f"{key}: {value}")


def cmd_codes(args: argparse.Namespace) -> None:
    from app.core.codebook import create_code, list_codes
    from app.core.project import open_project

    if args.action == "add":
        if not args.path:
            raise GuijiError("codes add needs a code PATH (names joined by '/')")
        with open_project(args.project) as project:
            code = create_code(project, args.path, color=args.color)
        if args.json:
            _print_json({"path": code.path, "color": code.color, "codings": code.codings})
        else:
            _say(f"created code {code.path} ({code.color})")
        return
    if args.action is not None:
        raise GuijiError(f"unknown codes action '{args.action}' (use: add)")
    with open_project(args.project, read_only=True) as project:
        codes = list_codes(project)
    if args.json:
        _print_json([{"path": c.path, "color": c.color, "codings": c.codings} for c in codes])
    else:
        for c in codes:
            _say(f"{c.path}\t{c.color}\t{c.codings}")


def cmd_code(args: argparse.Namespace) -> None:
    from app.core.codebook import find_code
    from app.core.coding import apply_coding
    from app.core.documents import find_document
    from app.core.project import open_project
    from app.core.stages import find_stage

    with open_project(args.project) as project:
        with project.read() as session:
            doc_id = find_document(session, args.doc).id
            code_id = find_code(session, args.code).id
            stage_id = find_stage(session, args.stage).id if args.stage else None
        coding = apply_coding(
            project, document_id=doc_id, code_id=code_id, start=args.start, end=args.end,
            coder=args.coder or default_coder(), stage_id=stage_id, memo=args.memo or "",
        )
    if args.json:
        _print_json(_coding_json(coding))
    else:
        _say(f"coded {coding.document} {coding.start}–{coding.end} with {coding.code}: {coding.text}")


def _coding_json(c: Any) -> dict[str, Any]:
    return {
        "document": c.document, "start": c.start, "end": c.end, "text": c.text,
        "code": c.code, "coder": c.coder, "stage": c.stage,
    }


def cmd_codings(args: argparse.Namespace) -> None:
    from app.core.coding import list_codings
    from app.core.documents import find_document
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        doc_id = None
        if args.doc:
            with project.read() as session:
                doc_id = find_document(session, args.doc).id
        codings = list_codings(project, document_id=doc_id)
    if args.json:
        _print_json([_coding_json(c) for c in codings])
    else:
        for c in codings:
            _say(f"{c.document}\t{c.start}\t{c.end}\t{c.code}\t{c.coder}\t{c.stage or ''}\t{c.text}")


def cmd_screenshot(args: argparse.Namespace) -> None:
    from app.ui.screenshot import render_screenshot

    render_screenshot(Path(args.out), project=Path(args.project) if args.project else None, doc=args.doc,
                      language=args.lang)
    _say(f"wrote {args.out}")


def cmd_sample(args: argparse.Namespace) -> None:
    from app.core.sample import build_sample_project

    path = build_sample_project(Path(args.project))
    _say(f"created sample project {path}")


# --- parser --------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="guiji",
        description="Guiji (轨迹): qualitative coding and process tracing. "
        "Without a subcommand, `guiji [PROJECT]` opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"guiji {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int | None], help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    p = add("new", cmd_new, "create a project")
    p.add_argument("project")
    p.add_argument("--template", help="a framework template to start from")

    p = add("import", cmd_import, "add documents (.txt in any common encoding, .docx, .md), all or nothing")
    p.add_argument("project")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true")

    p = add("info", cmd_info, "counts of documents, characters, codes, codings, stages, coders")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")

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

    p = add("screenshot", cmd_screenshot, "render the main window offscreen to a PNG")
    p.add_argument("out", metavar="OUT.png")
    p.add_argument("--project")
    p.add_argument("--doc", metavar="NAME")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default: the system's)")

    p = add("sample", cmd_sample, "build the bundled sample project at PROJECT")
    p.add_argument("project")

    from app.commands import AREAS

    for area in AREAS:
        importlib.import_module(f"app.commands.{area}").register(add)
    return parser


def subcommand_names() -> set[str]:
    """Every subcommand the CLI knows (app.__main__ sends anything else to the desktop app)."""
    parser = build_parser()
    for action in parser._actions:  # argparse keeps subparsers here
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in ("stage",) and args.action in ("add", "assign") and not args.name:
        parser.error(f"stage {args.action} needs a stage NAME")
    if args.command is None:
        parser.print_help()
        return 0
    try:
        code = args.func(args)
    except GuijiError as exc:
        sys.stderr.write(f"guiji: error: {exc}\n")
        return EXIT_ERROR
    return int(code or 0)
