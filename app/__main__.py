"""``python -m app`` = ``guiji``: no arguments (or a project path) opens the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

SUBCOMMANDS = {"new", "import", "info", "codes", "code", "codings", "stage", "screenshot", "sample"}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] not in SUBCOMMANDS and not args[0].startswith("-")):
        from app.ui.app import run_app

        return run_app(args[0] if args else None)
    from app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
