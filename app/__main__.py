"""``python -m app`` = ``guiji``: no arguments (or a project path) opens the desktop app.

The choice between the command line and the desktop app is made from ``app.commands.COMMANDS``, a
static set, so starting the app never builds the parser. Anything that is neither a subcommand nor a
project path (an existing file, or a new path ending in ``.guiji``) is an error with exit code 2:
a mistyped subcommand must never start a window, which would hang a terminal without a display.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_USAGE = 2
PROJECT_SUFFIX = ".guiji"


def opens_window(args: Sequence[str]) -> bool:
    """Whether ``guiji ARGS`` starts the desktop app: no arguments, or one project path."""
    if not args:
        return True
    if len(args) != 1:
        return False
    path = Path(args[0])
    return path.is_file() or (path.suffix.lower() == PROJECT_SUFFIX and not path.exists())


def usage_error(word: str) -> str:
    """The message for ``guiji WORD ...`` when WORD is neither a subcommand nor a project path."""
    from app.commands import COMMANDS

    close = difflib.get_close_matches(word, sorted(COMMANDS), n=3, cutoff=0.6)
    if close:
        problem = f"unknown command '{word}' (did you mean " + " or ".join(f"'{n}'" for n in close) + "?)"
    elif Path(word).suffix or "/" in word or "\\" in word:
        problem = (f"'{word}' is neither a command nor a project file "
                   f"(a new project's file name ends in {PROJECT_SUFFIX})")
    else:
        problem = f"unknown command '{word}'"
    return (f"guiji: error: {problem}\n"
            "run 'guiji --help' for the commands, or 'guiji [PROJECT.guiji]' for the desktop app\n")


def main(argv: Sequence[str] | None = None) -> int:
    from app.commands import COMMANDS

    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in COMMANDS or args[0].startswith("-")):
        from app.cli import main as cli_main

        return cli_main(args)
    if opens_window(args):
        from app.ui.app import run_app

        return run_app(args[0] if args else None)
    sys.stderr.write(usage_error(args[0]))
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
