"""Subcommands of the coding workspace: search, retrieve, cases, attributes, memos.

``guiji search PROJECT TERM [--doc NAME…] --json`` → ``[{"document","start","end","context"}]``
``guiji retrieve PROJECT --code PATH… [--mode and|or] [--not PATH…] [--coder NAME…] [--stage NAME…]
[--doc NAME…] [--case NAME…] [--children] [--json | --out FILE.xlsx|.csv]`` →
``[{"document","start","end","text","codes","coders","stage"}]``
``guiji cases PROJECT --json``, ``guiji attributes PROJECT --json``, ``guiji memos PROJECT [--query Q] --json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

Add = Callable[[str, Callable[[argparse.Namespace], int | None], str], argparse.ArgumentParser]


def _print_json(value: Any) -> None:
    sys.stdout.buffer.write((json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    sys.stdout.flush()


def _say(message: str) -> None:
    sys.stdout.buffer.write((message + "\n").encode("utf-8"))
    sys.stdout.flush()


def _document_ids(project: Any, names: list[str] | None) -> list[int] | None:
    from app.core.documents import find_document

    if not names:
        return None
    with project.read() as session:
        return [find_document(session, name).id for name in names]


def cmd_search(args: argparse.Namespace) -> None:
    from app.core.project import open_project
    from app.core.search import search

    with open_project(args.project, read_only=True) as project:
        hits = search(project, args.term, document_ids=_document_ids(project, args.doc), limit=args.limit)
    if args.json:
        _print_json([{"document": h.document, "start": h.start, "end": h.end, "context": h.context} for h in hits])
    else:
        for h in hits:
            _say(f"{h.document}\t{h.start}\t{h.end}\t{h.context}")


def register(add: Add) -> None:
    """Add this area's subcommands to the CLI's parser."""
    p = add("search", cmd_search, "find a term in every document (positions in code points, end exclusive)")
    p.add_argument("project")
    p.add_argument("term")
    p.add_argument("--doc", action="append", metavar="NAME", help="search only this document (repeatable)")
    p.add_argument("--limit", type=int, metavar="N", help="stop after N hits")
    p.add_argument("--json", action="store_true")


__all__ = ["register"]
