"""Codebook, templates, stages and paper tables on the command line.

``guiji templates [--json]``; ``guiji codebook export PROJECT OUT`` / ``import PROJECT IN
[--dry-run] [--json]``; ``guiji table PROJECT OUT --kind K [--first N] [--by document|case]``;
``guiji saturation PROJECT OUT [--order coding|document]``; ``guiji stage PROJECT [add|assign|
rename|move|delete] …`` (``add`` and ``assign`` as they always were).
"""

from __future__ import annotations

import argparse
from typing import Any

from app.commands import Add
from app.commands.output import print_json, say
from app.core.errors import GuijiError


def cmd_templates(args: argparse.Namespace) -> None:
    from app.core.ops.codebook import apply_template
    from app.core.project import open_project
    from app.core.templates import list_templates

    if args.action == "apply":
        if not (args.project and args.name):
            raise GuijiError("templates apply needs PROJECT and a template NAME")
        with open_project(args.project) as project:
            report = apply_template(project, args.name).value
        say(f"merged template {args.name}: {report.codes_added} codes and {report.stages_added} stages "
             f"added, {report.codes_filled} codes' empty fields filled")
        return
    templates = list_templates()
    if args.json:
        print_json([t.as_dict() for t in templates])
        return
    for t in templates:
        say(f"{t.name}\t{t.codes} codes, {t.stages} stages\t{t.title}")


def cmd_codebook(args: argparse.Namespace) -> None:
    from app.core.exchange.codebook_io import export_codebook, import_codebook
    from app.core.project import open_project

    if args.action == "export":
        with open_project(args.project, read_only=True) as project:
            out = export_codebook(project, args.file, lang=args.lang)
        say(f"wrote {out}")
        return
    from app.core.ops import codebook as codebook_ops

    with open_project(args.project, read_only=args.dry_run) as project:
        result = (import_codebook(project, args.file, dry_run=True) if args.dry_run
                  else codebook_ops.import_codebook(project, args.file).value)
    if args.json:
        print_json(result.as_dict())
        return
    if args.dry_run:
        say(f"dry run: nothing was changed; importing {result.file} would do:")
    for line in result.preview_lines():
        say(line)
    if not args.dry_run:
        say(f"imported {result.file}")


def cmd_table(args: argparse.Namespace) -> None:
    from app.core.project import open_project
    from app.core.tables import write_paper_table

    with open_project(args.project, read_only=True) as project:
        if args.kind == "agreement":  # issue 17: its own builder (app.core.agreement_table)
            from app.core.agreement_table import write_agreement_table

            out = write_agreement_table(project, args.out, coders=args.coders, unit=args.unit, codes=args.code,
                                        documents=args.doc, lang=args.lang)
        else:
            out = write_paper_table(project, args.out, args.kind, first=args.first, by=args.by, lang=args.lang)
    say(f"wrote {out}")


def cmd_saturation(args: argparse.Namespace) -> None:
    from app.core.project import open_project
    from app.core.saturation import saturation, write_saturation

    with open_project(args.project, read_only=True) as project:
        if args.json:
            print_json([
                {"document": r.document, "codes": r.codes_used, "new": r.new, "cumulative": r.cumulative,
                 "new_codes": list(r.new_codes)}
                for r in saturation(project, order=args.order)
            ])
        if args.out:
            out = write_saturation(project, args.out, order=args.order)
            if not args.json:
                say(f"wrote {out}")
        elif not args.json:
            raise GuijiError("saturation needs OUT (.csv or .xlsx) or --json")


def cmd_exemplar(args: argparse.Namespace) -> None:
    from app.core.ops.codebook import set_exemplar
    from app.core.project import open_project
    from app.core.tables import find_coding

    with open_project(args.project) as project:
        coding_id = find_coding(project, args.doc, args.start, args.end, args.code)
        set_exemplar(project, coding_id, not args.off)
    state = "no longer an example" if args.off else "an example for the coding-example table"
    say(f"the coding of {args.doc} {args.start}–{args.end} is {state}")


def cmd_stage(args: argparse.Namespace) -> None:
    from app.core.ops import stages as ops
    from app.core.project import open_project
    from app.core.stages import list_stages

    if args.action in ("rename", "move", "delete") and not args.name:
        raise GuijiError(f"stage {args.action} needs a stage NAME")
    if args.action == "add":
        with open_project(args.project) as project:
            stage = ops.add_stage(project, args.name, after=args.after).value
        say(f"added stage {stage.name}")
    elif args.action == "assign":
        if not args.doc:
            raise GuijiError("stage assign needs --doc NAME")
        if (args.start is None) != (args.end is None):
            raise GuijiError("give both --start and --end, or neither (the whole document)")
        with open_project(args.project) as project:
            if args.start is None:
                ops.set_document_stage(project, args.doc, args.name)
            else:
                from app.core.coders import default_coder

                ops.set_span_stage(project, args.doc, args.start, args.end, args.name,
                                   coder=args.coder or default_coder())
        say(f"assigned {args.doc} to stage {args.name}")
    elif args.action in ("rename", "move", "delete"):
        with open_project(args.project) as project:
            if args.action == "rename":
                if not args.new_name:
                    raise GuijiError("stage rename needs the NEW name: stage PROJECT rename OLD NEW")
                renamed = ops.edit_stage(project, args.name, name=args.new_name)
                say(f"renamed stage {args.name} to {renamed.value.name if renamed else args.new_name}")
            elif args.action == "move":
                _move(project, args.name, args.after, args.to)
                say("stages: " + " → ".join(s.name for s in list_stages(project)))
            else:
                snapshot = ops.delete_stage(project, args.name).value
                say(f"deleted stage {args.name} ({len(snapshot.spans)} spans removed, "
                     f"{len(snapshot.document_ids)} documents and "
                     f"{len(snapshot.coding_ids)} codings unstaged)")
    else:
        with open_project(args.project, read_only=True) as project:
            stages = list_stages(project)
        if args.json:
            print_json([{"name": s.name, "position": s.position, "color": s.color} for s in stages])
        else:
            for s in stages:
                say(s.name)


def _move(project: Any, name: str, after: str | None, to: int | None) -> None:
    from app.core import lookup
    from app.core.ops.stages import move_stage
    from app.core.stages import list_stages

    stage_id = lookup.stage_id(project, name)
    after_id = lookup.optional_stage_id(project, after)
    if (after_id is None) == (to is None):
        raise GuijiError("stage move needs --to N (1 = first) or --after NAME")
    if to is not None:
        if to < 1:
            raise GuijiError("--to counts from 1 (the first stage)")
        move_stage(project, stage_id, to - 1)
        return
    others = [s.id for s in list_stages(project) if s.id != stage_id]
    move_stage(project, stage_id, others.index(after_id) + 1 if after_id in others else 0)


def register(add: Add) -> None:
    """Add this area's subcommands to the parser."""
    p = add("templates", cmd_templates,
            "list the framework templates (`guiji new P --template NAME`), or "
            "`templates apply PROJECT NAME` to merge one into a project")
    p.add_argument("action", nargs="?", choices=["apply"])
    p.add_argument("project", nargs="?")
    p.add_argument("name", nargs="?")
    p.add_argument("--json", action="store_true")

    p = add("codebook", cmd_codebook,
            "export the codebook (.qdc .docx .xlsx .csv .md) or import one (.qdc .qde .qdpx .xlsx .csv), "
            "merging by name")
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("project")
    p.add_argument("file", metavar="FILE",
                   help="OUT for export, IN for import; the extension picks the format")
    p.add_argument("--dry-run", action="store_true", help="import: print what would change, change nothing")
    p.add_argument("--json", action="store_true", help="import: print the plan as JSON")
    p.add_argument("--lang", choices=["zh", "en", "both"],
                   help="export: headings and labels in Chinese, English, or both in separate columns or lines "
                        "(default: the original bilingual layout)")

    p = add("table", cmd_table, "write a table for a paper (.docx or .xlsx)")
    p.add_argument("project")
    p.add_argument("out", metavar="OUT")
    p.add_argument("--kind", required=True,
                   choices=["coding-examples", "stage-frequencies", "code-document", "agreement"])
    p.add_argument("--first", type=int, metavar="N",
                   help="coding-examples: the first N codings of each code (default: the chosen exemplars, "
                        "else the first 3)")
    p.add_argument("--by", choices=["document", "case"], default="document",
                   help="code-document: columns are documents (default) or cases")
    p.add_argument("--lang", choices=["zh", "en", "both"],
                   help="titles, headers and notes in Chinese (default), English, or both on separate lines")
    p.add_argument("--coders", nargs="+", metavar="NAME",
                   help="agreement: the coders compared (default: every coder of the project)")
    p.add_argument("--unit", default="sentence", metavar="UNIT",
                   help="agreement: sentence (default), turn, chars:N or segment:X (see `guiji agreement`)")
    p.add_argument("--code", nargs="+", action="extend", metavar="PATH", help="agreement: only these codes")
    p.add_argument("--doc", nargs="+", action="extend", metavar="NAME", help="agreement: only these documents")

    p = add("exemplar", cmd_exemplar, "choose a coding as an example for `table --kind coding-examples`")
    p.add_argument("project")
    p.add_argument("--doc", required=True, metavar="NAME")
    p.add_argument("--start", required=True, type=int, metavar="N")
    p.add_argument("--end", required=True, type=int, metavar="N")
    p.add_argument("--code", metavar="PATH", help="needed when several codings share the range")
    p.add_argument("--off", action="store_true", help="no longer an example")

    p = add("saturation", cmd_saturation, "new codes introduced per document in coding order (.csv or .xlsx)")
    p.add_argument("project")
    p.add_argument("out", metavar="OUT", nargs="?")
    p.add_argument("--order", choices=["coding", "document"], default="coding")
    p.add_argument("--json", action="store_true")

    p = add("stage", cmd_stage,
            "list stages, `add NAME [--after NAME]`, `assign STAGE --doc NAME [--start N --end N]`, "
            "`rename OLD NEW`, `move NAME --to N | --after NAME`, `delete NAME`")
    p.add_argument("project")
    p.add_argument("action", nargs="?", choices=["add", "assign", "rename", "move", "delete"])
    p.add_argument("name", nargs="?")
    p.add_argument("new_name", nargs="?", metavar="NEW")
    p.add_argument("--after", metavar="NAME")
    p.add_argument("--to", type=int, metavar="N")
    p.add_argument("--doc", metavar="NAME")
    p.add_argument("--start", type=int, metavar="N")
    p.add_argument("--end", type=int, metavar="N")
    p.add_argument("--coder", metavar="NAME", help="assign --start/--end: who marks the span (default: GUIJI_CODER)")
    p.add_argument("--json", action="store_true")
