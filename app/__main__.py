"""``python -m app`` = ``guiji``: no arguments (or a project path) opens the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli import subcommand_names

    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] not in subcommand_names() and not args[0].startswith("-")):
        from app.ui.app import run_app

        return run_app(args[0] if args else None)
    from app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
