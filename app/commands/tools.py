"""Tool subcommands: ``screenshot`` (the window rendered offscreen) and ``sample`` (the bundled project)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import Add
from app.commands.output import say


def cmd_screenshot(args: argparse.Namespace) -> None:
    from app.ui.screenshot import render_screenshot

    render_screenshot(Path(args.out), project=Path(args.project) if args.project else None, doc=args.doc,
                      language=args.lang)
    say(f"wrote {args.out}")


def cmd_sample(args: argparse.Namespace) -> None:
    from app.core.sample import build_sample_project

    path = build_sample_project(Path(args.project))
    say(f"created sample project {path}")


def register(add: Add) -> None:
    """Add this area's subcommands to the parser."""
    p = add("screenshot", cmd_screenshot, "render the main window offscreen to a PNG")
    p.add_argument("out", metavar="OUT.png")
    p.add_argument("--project")
    p.add_argument("--doc", metavar="NAME")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default: the system's)")

    p = add("sample", cmd_sample, "build the bundled sample project at PROJECT")
    p.add_argument("project")
