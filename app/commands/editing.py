"""Subcommands that change a document's text after coding, and pseudonymisation.

``guiji edit PROJECT --doc NAME --start N --end N --text NEW [--json]``
``guiji replace PROJECT FIND REPLACEMENT [--doc NAME…] [--dry-run] [--json]``
``guiji names PROJECT [--add NAME…] [--json] [--out MAPPING.csv]`` → ``[{"name","kind","count"}]``
``guiji pseudonymise PROJECT MAPPING.csv [--json]``
``guiji history PROJECT [--doc NAME] [--json]``

Positions are code points, end exclusive. Codings, stage spans and case passages stay on their words
(see docs/editing.md); those whose words are deleted entirely are removed and listed.
"""

# Services are imported inside the commands so that `guiji --help` stays quick (and jieba unloaded).

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.commands import Add
from app.commands.output import print_json, say
from app.core.coders import default_coder

MAPPING_WARNING = (
    "warning: {path} links real names to pseudonyms. It is not part of the project and must not "
    "be shared with it: keep it somewhere safe (an encrypted folder), apart from the project."
)


def _warn(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _removed_json(removed: Any) -> list[dict[str, Any]]:
    return [{"table": r.table, "id": r.id, "start": r.start, "end": r.end, "text": r.text} for r in removed]


def _report_removed(removed: Any) -> None:
    for r in removed:
        say(f"  removed {r.table.replace('_', ' ')} {r.id} ({r.start}–{r.end}): {r.text}")


def cmd_edit(args: argparse.Namespace) -> None:
    from app.core.ops.text import edit_text
    from app.core.project import open_project

    with open_project(args.project) as project:
        change = edit_text(project, args.doc, args.start, args.end, args.text, coder=args.coder or default_coder(),
                           note=args.note or "").value
    [doc] = change.documents
    if args.json:
        print_json(
            {
                "document": doc.document,
                "start": args.start,
                "end": args.end,
                "old": doc.replaced[0],
                "new": doc.splices[0].text,
                "length": doc.new_length,
                "sha256": doc.new_sha256,
                "moved": len(change.moved),
                "removed": _removed_json(change.removed),
            }
        )
        return
    say(
        f"edited {doc.document} {args.start}–{args.end}: {doc.replaced[0]!r} → {doc.splices[0].text!r} "
        f"({len(change.moved)} range(s) moved, {len(change.removed)} removed)"
    )
    _report_removed(change.removed)


def cmd_replace(args: argparse.Namespace) -> None:
    from app.core import lookup
    from app.core.editing import preview_replace, replace_text
    from app.core.ops import text as text_ops
    from app.core.project import open_project

    with open_project(args.project, read_only=args.dry_run) as project:
        ids = lookup.document_ids(project, args.doc) if args.doc else None
        preview = preview_replace(project, args.find, args.replacement, document_ids=ids)
        if not args.dry_run and preview.hits:
            text_ops.run(project, lambda: replace_text(project, args.find, args.replacement,
                                                       coder=args.coder or default_coder(), document_ids=ids))
    if args.json:
        print_json(
            {
                "find": args.find,
                "replacement": preview.replacement,
                "applied": not args.dry_run and bool(preview.hits),
                "hits": [
                    {"document": h.document, "start": h.start, "end": h.end, "context": h.context}
                    for h in preview.hits
                ],
                "removed": _removed_json(preview.would_remove),
            }
        )
        return
    for h in preview.hits:
        say(f"{h.document}\t{h.start}\t{h.end}\t{h.context}")
    docs = len({h.document_id for h in preview.hits})
    verb = "would replace" if args.dry_run else "replaced"
    say(f"{verb} {len(preview.hits)} hit(s) in {docs} document(s)")
    _report_removed(preview.would_remove)


def cmd_names(args: argparse.Namespace) -> None:
    from app.core.project import open_project
    from app.core.pseudonyms import find_names, write_mapping

    with open_project(args.project, read_only=True) as project:
        found = find_names(project, extra=args.add or [])
    if args.out:
        path = write_mapping(args.out, found)
        _warn(MAPPING_WARNING.format(path=path))
        _warn(f"fill in the 'pseudonym' column, then run: guiji pseudonymise {args.project} {path}")
    if args.json:
        print_json([{"name": n.name, "kind": n.kind, "count": n.count} for n in found])
    elif not args.out:
        for n in found:
            say(f"{n.name}\t{n.kind}\t{n.count}")


def cmd_pseudonymise(args: argparse.Namespace) -> None:
    from app.core.project import open_project
    from app.core.pseudonyms import backups_beside, pseudonymise, read_mapping, scrub_project_file

    mapping = Path(args.mapping)
    rows = read_mapping(mapping)
    with open_project(args.project) as project:
        if mapping.resolve().parent == project.path.resolve().parent:
            _warn(
                f"warning: the mapping {mapping.name} sits beside the project; move it elsewhere before "
                "sharing the folder"
            )
        change = pseudonymise(project, rows, coder=args.coder or default_coder())
        scrub_project_file(project)
        backups = backups_beside(project)
    _warn(MAPPING_WARNING.format(path=mapping.resolve()))
    for backup in backups:
        _warn(f"warning: the backup {backup.name} beside the project still holds the real names")
    if args.json:
        print_json(
            {
                "names": len(rows),
                "replaced": change.hits,
                "documents": len(change.documents),
                "cells": len(change.cells),
                "removed": _removed_json(change.removed),
                "backups": [str(b) for b in backups],
            }
        )
        return
    say(
        f"pseudonymised: {change.hits} occurrence(s) of {len(rows)} name(s) in {len(change.documents)} "
        f"document(s), {len(change.cells)} other field(s) (names, memos, codes)"
    )
    _report_removed(change.removed)


def cmd_history(args: argparse.Namespace) -> None:
    from app.core import lookup
    from app.core.editing import document_history
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        doc_id = lookup.document_id(project, args.doc) if args.doc else None
        entries = document_history(project, doc_id)
    if args.json:
        print_json(
            [
                {
                    "document": e.document,
                    "kind": e.kind,
                    "coder": e.coder,
                    "at": e.at.isoformat(timespec="seconds") + "Z",
                    "start": e.start,
                    "end": e.end,
                    "old": e.old_text,
                    "new": e.new_text,
                    "hits": e.hits,
                    "removed": e.removed,
                    "note": e.note,
                }
                for e in entries
            ]
        )
        return
    for e in entries:
        where = f"{e.start}–{e.end}" if e.start is not None else f"{e.hits} hit(s)"
        what = f"{e.old_text!r} → {e.new_text!r}" if e.kind != "pseudonymise" else e.note
        say(f"{e.at.isoformat(timespec='seconds')}Z\t{e.document}\t{e.kind}\t{e.coder}\t{where}\t{what}")


def register(add: Add) -> None:
    """Add ``edit``, ``replace``, ``names``, ``pseudonymise`` and ``history`` to the CLI."""
    p = add(
        "edit",
        cmd_edit,
        "replace code points START–END of a document's text with NEW text, keeping "
        "every coding, stage span and case passage on its words",
    )
    p.add_argument("project")
    p.add_argument("--doc", required=True, metavar="NAME")
    p.add_argument("--start", required=True, type=int, metavar="N")
    p.add_argument("--end", required=True, type=int, metavar="N")
    p.add_argument("--text", required=True, metavar="NEW", help="the new text ('' deletes the range)")
    p.add_argument("--coder", metavar="NAME", help="who made the edit (recorded in the document history)")
    p.add_argument("--note", help="why (recorded in the document history)")
    p.add_argument("--json", action="store_true")

    p = add(
        "replace",
        cmd_replace,
        "replace every exact occurrence of FIND with REPLACEMENT in all documents "
        "(or the --doc ones), keeping codings on their words; --dry-run lists the hits only",
    )
    p.add_argument("project")
    p.add_argument("find", metavar="FIND")
    p.add_argument("replacement", metavar="REPLACEMENT")
    p.add_argument("--doc", action="append", metavar="NAME")
    p.add_argument("--dry-run", action="store_true", help="show every hit in context; change nothing")
    p.add_argument("--coder", metavar="NAME")
    p.add_argument("--json", action="store_true")

    p = add(
        "names",
        cmd_names,
        "names of people (nr), places (ns) and organisations (nt) in the transcripts, "
        "with counts; --out writes a mapping CSV to fill in for `guiji pseudonymise`",
    )
    p.add_argument("project")
    p.add_argument("--add", action="append", metavar="NAME", help="a name jieba missed (kind 'added')")
    p.add_argument("--out", metavar="MAPPING.csv", help="write name,kind,count,pseudonym (keep it apart!)")
    p.add_argument("--json", action="store_true")

    p = add(
        "pseudonymise",
        cmd_pseudonymise,
        "replace every name in MAPPING.csv (columns name, pseudonym) "
        "by its pseudonym everywhere in the project: texts, memos, code names, document names",
    )
    p.add_argument("project")
    p.add_argument("mapping", metavar="MAPPING.csv")
    p.add_argument("--coder", metavar="NAME")
    p.add_argument("--json", action="store_true")

    p = add("history", cmd_history, "the document history: every edit, replace and pseudonymisation")
    p.add_argument("project")
    p.add_argument("--doc", metavar="NAME")
    p.add_argument("--json", action="store_true")


__all__ = ["register"]
