"""Convert a document's script (Traditional ↔ Simplified Chinese) keeping every coding on its words.

``guiji convert PROJECT --doc NAME --to hans|hant [--variant tw|hk] [--dry-run] [--json]`` →
``{"document","to","variant","config","applied","old_length","new_length","changed","moved"}``

One unit of work and one row of the document history (``guiji history``); see docs/variants.md.
"""

# Services are imported inside the command so that `guiji --help` stays quick (OpenCC unloaded).

from __future__ import annotations

import argparse
from collections.abc import Callable

from app.commands.output import print_json, say

Add = Callable[[str, Callable[[argparse.Namespace], int | None], str], argparse.ArgumentParser]


def cmd_convert(args: argparse.Namespace) -> None:
    from app.core import lookup
    from app.core.coders import default_coder
    from app.core.convert import convert_document, preview_convert
    from app.core.project import open_project

    with open_project(args.project, read_only=args.dry_run) as project:
        doc_id = lookup.document_id(project, args.doc)
        plan = preview_convert(project, doc_id, args.to, args.variant)
        applied = False
        if not args.dry_run and plan.splices:
            convert_document(project, doc_id, args.to, args.variant, coder=args.coder or default_coder())
            applied = True
    if args.json:
        print_json(
            {
                "document": plan.document,
                "to": args.to,
                "variant": args.variant,
                "config": plan.config,
                "applied": applied,
                "old_length": plan.old_length,
                "new_length": plan.new_length,
                "changed": plan.changed_characters,
                "moved": len(plan.moved),
            }
        )
        return
    if not plan.splices:
        say(f"{plan.document} is already in that script: nothing to change")
        return
    verb = "would convert" if args.dry_run else "converted"
    say(
        f"{verb} {plan.document} with OpenCC {plan.config}: {plan.changed_characters} character(s) changed, "
        f"{plan.old_length} → {plan.new_length} characters, {len(plan.moved)} range(s) moved, none removed"
    )


def register(add: Add) -> None:
    p = add("convert", cmd_convert, "convert to Simplified or Traditional Chinese (codings stay on their words)")
    p.add_argument("project")
    p.add_argument("--doc", required=True, metavar="NAME", help="the document to convert")
    p.add_argument("--to", required=True, choices=["hans", "hant"], help="Simplified (hans) or Traditional (hant)")
    p.add_argument("--variant", choices=["tw", "hk"], help="regional spellings and phrases (Taiwan, Hong Kong)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    p.add_argument("--coder", metavar="NAME", help="who converted it (recorded in the document history)")
    p.add_argument("--json", action="store_true")


__all__ = ["cmd_convert", "register"]
