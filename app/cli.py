"""The command line: ``guiji SUBCOMMAND ...``. Thin: it parses, calls app.core, prints.

Positions are code points, end exclusive. ``--json`` prints one JSON document on stdout; errors go
to stderr with a non-zero exit code. The subcommands, options and JSON keys are a contract. Every
subcommand lives in a module of app.commands (listed in ``AREAS``); this module builds the parser
once and runs it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from functools import cache

from app import __version__
from app.core.errors import GuijiError

EXIT_ERROR = 1


@cache
def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of every subcommand (built once per process)."""
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

    from app.commands import AREAS

    for area in AREAS:
        importlib.import_module(f"app.commands.{area}").register(add)
    return parser


def subcommand_names() -> set[str]:
    """Every subcommand the parser knows (app.commands.COMMANDS must list the same names)."""
    for action in build_parser()._actions:  # argparse keeps subparsers here
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
    except BrokenPipeError:
        # The reader stopped early (`guiji codings P | head`): not an error. Point stdout at /dev/null
        # so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return int(code or 0)
