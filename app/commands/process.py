"""Process tracing on the command line: transitions, links, figures, the stage report.

``guiji transitions PROJECT --json`` → ``{"stages": [...], "transitions": [{"from_stage", "from_code",
"to_stage", "to_code", "count", "cases"}]}``; ``--csv OUT`` writes the sequences in long format
(``case, stage, code, position, …``). ``guiji figure PROJECT OUT --kind K`` writes .svg/.pdf/.png.
``guiji stage-report PROJECT OUT.docx``. ``guiji links PROJECT [--json]``, ``links PROJECT add …``,
``links PROJECT evidence LINK …``, ``links PROJECT delete LINK``.
"""

# Services (and Qt, for figures) are imported inside the commands so that `guiji --help` stays quick.

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.commands import Add
from app.commands.output import print_json, say
from app.core.errors import GuijiError


def _selection(args: argparse.Namespace) -> Any:
    from app.core.process.data import Selection

    return Selection(units=tuple(args.case or ()), coders=tuple(args.coder or ()),
                     dimension=getattr(args, "dimension", None))


def _warn(message: str) -> None:
    sys.stderr.buffer.write((message + "\n").encode("utf-8"))
    sys.stderr.flush()


def cmd_transitions(args: argparse.Namespace) -> None:
    from app.core.process.transitions import transitions, write_sequences_csv
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        result = transitions(project, level=args.level, unit=args.unit, selection=_selection(args),
                             min_count=args.min_count)
        if args.csv:
            out = write_sequences_csv(result, args.csv)
            if not args.json:
                say(f"wrote {out}")
    if args.json:
        print_json(result.as_json())
    elif not args.csv:
        say("from_stage\tfrom_code\tto_stage\tto_code\tcount\tcases")
        for t in result.transitions:
            say(f"{t.from_stage}\t{t.from_code}\t{t.to_stage}\t{t.to_code}\t{t.count}\t{'、'.join(t.cases)}")


def cmd_figure(args: argparse.Namespace) -> None:
    from app.core.process.figures import FigureRequest, build_figure
    from app.core.process.layout import FigureOptions
    from app.core.project import open_project
    from app.ui.figures.renderer import choose_family, ensure_gui, export_figure, pixel_size, qt_measure

    if args.width_mm <= 20 or args.width_mm > 2000:
        raise GuijiError(f"--width-mm {args.width_mm:g}: a figure is 20–2000 mm wide (85 one column, 170 two)")
    if args.font_size is not None and not 4 <= args.font_size <= 36:
        raise GuijiError(f"--font-size {args.font_size:g}: use 4–36 pt")
    ensure_gui()
    family = choose_family(args.font)
    request = FigureRequest(kind=args.kind, level=args.level, unit=args.unit, selection=_selection(args),
                            min_count=args.min_count, min_transition=args.min_transition, document=args.doc,
                            order=args.order)
    # A figure has one language; "both" writes one figure per language (OUT.zh.pdf and OUT.en.pdf).
    target = Path(args.out)
    outputs = ([(lang, target.with_name(f"{target.stem}.{lang}{target.suffix}")) for lang in ("zh", "en")]
               if args.lang == "both" else [(args.lang or "zh", target)])
    with open_project(args.project, read_only=True) as project:
        for lang, path in outputs:
            options = FigureOptions(width=args.width_mm, font_size=args.font_size, font_family=family,
                                    grayscale=args.grayscale, measure=qt_measure(family), lang=lang)
            figure = build_figure(project, request, options)
            out = export_figure(figure, path, dpi=args.dpi, family=family, title=args.kind)
            for note in figure.notes:
                _warn(f"note: {note}")
            size = f"{figure.width:.1f} × {figure.height:.1f} mm"
            if out.suffix.lower() == ".png":
                px = pixel_size(figure, args.dpi)
                size += f", {px.width()} × {px.height()} px at {args.dpi:g} dpi"
            say(f"wrote {out} ({args.kind}, {size}, font {family})")


def cmd_stage_report(args: argparse.Namespace) -> None:
    from app.core.process.report import write_stage_report
    from app.core.project import open_project

    with open_project(args.project, read_only=True) as project:
        out = write_stage_report(project, args.out, level=args.level, unit=args.unit, selection=_selection(args),
                                 lang=args.lang or "zh")
    say(f"wrote {out}")


def _link_json(link: Any) -> dict[str, Any]:
    from app.core.process.links import relation_label

    return {
        "id": link.id, "from": link.source, "to": link.target, "from_stage": link.source_stage,
        "to_stage": link.target_stage, "relation": link.relation, "label": relation_label(link.relation),
        "memo": link.memo, "verdict": link.summary.verdict,
        "evidence": [{"id": e.id, "document": e.document, "start": e.start, "end": e.end, "text": e.text,
                      "code": e.code, "test": e.test, "stance": e.stance, "note": e.note} for e in link.evidence],
    }


def cmd_links(args: argparse.Namespace) -> None:
    from app.core.ops import links as link_ops
    from app.core.process import links
    from app.core.project import open_project

    action = args.action or "list"
    with open_project(args.project, read_only=action == "list") as project:
        if action == "list":
            found = links.list_links(project)
            if args.json:
                print_json([_link_json(link) for link in found])
            else:
                for link in found:
                    say(f"{link.id}\t{link.source}\t{link.label}\t{link.target}\t{link.summary.short()}")
            return
        if action == "add":
            if not (args.source and args.target):
                raise GuijiError("links add needs --from PATH and --to PATH")
            from app.core.coders import default_coder

            link = link_ops.create_link(project, args.source, args.target, args.relation,
                                        source_stage=args.from_stage, target_stage=args.to_stage,
                                        memo=args.memo or "", coder=default_coder()).value
            print_json(_link_json(link)) if args.json else say(f"link {link.id}: {link.source} "
                                                                   f"—{link.label}→ {link.target}")
            return
        if args.link is None:
            raise GuijiError(f"links {action} needs the link's id")
        if action == "delete":
            gone = link_ops.delete_link(project, args.link).value
            say(f"deleted link {gone.link.id} and its {len(gone.link.evidence)} evidence passage(s)")
            return
        evidence = _evidence_coding(project, args)
        item = link_ops.add_evidence(project, args.link, evidence, test=args.test, stance=args.stance,
                                     note=args.memo or "").value
        say(f"evidence {item.id}: {item.document} {item.start}–{item.end} ({item.test}, {item.stance})")


def _evidence_coding(project: Any, args: argparse.Namespace) -> int:
    from app.core import lookup

    if args.doc is None or args.start is None or args.end is None:
        raise GuijiError("links evidence needs --doc NAME --start N --end N (and --code PATH when several "
                         "codings share the range)")
    ids = lookup.coding_ids_at(project, args.doc, args.start, args.end, code=args.code, coders=args.coder)
    if not ids:
        raise GuijiError(f"{args.doc}: no coding at {args.start}–{args.end}")
    if len(ids) > 1:
        raise GuijiError(f"{args.doc}: {len(ids)} codings at {args.start}–{args.end}; name one with --code "
                         "and --coder")
    return ids[0]


def _filters(p: argparse.ArgumentParser, *, level_help: str) -> None:
    p.add_argument("--level", default="1", metavar="L",
                   help=level_help + " (default 1: the codes under the dimensions; 0 = dimensions; 'code' = "
                                     "the codes as applied; or a level name such as 'strategy')")
    p.add_argument("--unit", choices=["auto", "case", "document"], default="auto",
                   help="trace cases, or each document (auto: cases when the project has any)")
    p.add_argument("--case", action="append", metavar="NAME", help="only this case or document (repeatable)")
    p.add_argument("--coder", action="append", metavar="NAME", help="only this coder's codings (repeatable)")


def register(add: Add) -> None:
    """Add this area's subcommands to the parser."""
    p = add("transitions", cmd_transitions,
            "code A at stage k followed by code B at stage k+1 within a case: counts and cases")
    p.add_argument("project")
    _filters(p, level_help="the level codes are counted at")
    p.add_argument("--dimension", metavar="PATH", help="only codes under this top-level code")
    p.add_argument("--min-count", type=int, default=1, metavar="N", help="only transitions in N cases or more")
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", metavar="OUT", help="also write the sequences in long format (case, stage, code, "
                                                 "position, …) for TraMineR or pandas")

    p = add("figure", cmd_figure, "draw a figure for a paper (.svg, .pdf with fonts embedded, or .png)")
    p.add_argument("project")
    p.add_argument("out", metavar="OUT", help="the file; its extension (.svg .pdf .png) picks the format")
    p.add_argument("--kind", choices=["timeline", "sankey", "matrix", "codeline", "saturation"],
                   default="timeline")
    p.add_argument("--dpi", type=float, default=600, help="PNG resolution (default 600)")
    p.add_argument("--width-mm", type=float, default=170, help="width in mm (85 one column, 170 two; default 170)")
    p.add_argument("--grayscale", action="store_true", help="patterns and line styles instead of colour")
    p.add_argument("--lang", choices=["zh", "en", "both"],
                   help="legends and fixed labels in Chinese (default) or English (a figure has one language: "
                        "both writes OUT.zh and OUT.en)")
    p.add_argument("--font", metavar="FAMILY", help="font family (default: the first Chinese font installed of "
                                                     "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, …)")
    p.add_argument("--font-size", type=float, metavar="PT", help="font size in pt (default 8 up to 100 mm, else 9)")
    p.add_argument("--doc", metavar="NAME", help="codeline: the document (default: the first coded one)")
    _filters(p, level_help="the codes drawn as boxes, nodes or rows")
    p.add_argument("--min-count", type=int, default=1, metavar="N", help="boxes and nodes: N codings or more")
    p.add_argument("--min-transition", type=int, metavar="N",
                   help="arrows and ribbons: transitions in N cases or more (timeline default: half the cases)")
    p.add_argument("--order", choices=["coding", "document"], default="coding", help="saturation: document order")

    p = add("stage-report", cmd_stage_report, "per stage, the codes with counts and an exemplar quote (.docx)")
    p.add_argument("project")
    p.add_argument("out", metavar="OUT.docx")
    _filters(p, level_help="the codes listed")
    p.add_argument("--lang", choices=["zh", "en", "both"],
                   help="fixed texts in Chinese (default), English, or both in separate paragraphs")

    p = add("links", cmd_links, "action-logic links between codes: list, add, evidence, delete")
    p.add_argument("project")
    p.add_argument("action", nargs="?", choices=["list", "add", "evidence", "delete"])
    p.add_argument("link", nargs="?", type=int, help="the link's id (evidence, delete)")
    p.add_argument("--from", dest="source", metavar="PATH")
    p.add_argument("--to", dest="target", metavar="PATH")
    p.add_argument("--relation", default="促进", help="促进 leads to, 支撑 enables, 制约 constrains, 转化为 becomes, "
                                                      "构成 part of, or your own (default 促进)")
    p.add_argument("--from-stage", metavar="STAGE")
    p.add_argument("--to-stage", metavar="STAGE")
    p.add_argument("--memo", metavar="TEXT", help="a memo for the link, or a note for the evidence")
    p.add_argument("--doc", metavar="NAME")
    p.add_argument("--start", type=int)
    p.add_argument("--end", type=int)
    p.add_argument("--code", metavar="PATH")
    p.add_argument("--coder", action="append", metavar="NAME", help="evidence: the coding's coder")
    p.add_argument("--test", default="straw_in_the_wind",
                   help="straw_in_the_wind, hoop, smoking_gun or doubly_decisive (default straw_in_the_wind)")
    p.add_argument("--stance", default="supports", help="supports or contradicts (default supports)")
    p.add_argument("--json", action="store_true")
