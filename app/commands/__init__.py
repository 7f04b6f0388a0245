"""Subcommands of the command line, one module per area, each with ``register(add)``.

``add(name, func, help)`` creates a subparser whose ``func(args)`` runs the command (see
app.cli.build_parser). A command raises :class:`app.core.errors.GuijiError` for user errors; it may
return an int exit code (None means 0). Add a new area's module name to ``AREAS`` and its
subcommand names to ``COMMANDS`` (app.__main__ reads that set to tell the CLI from the desktop app
without building the parser; tests/cli/test_entry_point.py checks the two agree).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

Add = Callable[[str, Callable[[argparse.Namespace], int | None], str], argparse.ArgumentParser]
"""``add(name, func, help)``: what ``register`` receives."""

AREAS: tuple[str, ...] = (
    "project", "coding", "tools", "check", "workspace", "codebook", "exchange", "editing", "suggest", "process",
    "convert", "coders",
)

COMMANDS: frozenset[str] = frozenset({
    "agreement", "attributes", "cases", "check", "code", "codebook", "codes", "codings", "convert", "edit", "evaluate",
    "exemplar", "export-qdpx", "figure", "history", "import", "import-qdpx", "import-rqda", "info",
    "keywords", "links", "memos", "merge", "names", "new", "pseudonymise", "replace", "retrieve", "sample",
    "saturation", "screenshot", "search", "stage", "stage-report", "suggest", "table", "templates", "train",
    "transitions",
})
