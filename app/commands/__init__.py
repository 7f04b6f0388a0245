"""Subcommands of the command line, one module per area, each with ``register(add)``.

``add(name, func, help)`` creates a subparser whose ``func(args)`` runs the command (see
app.cli.build_parser). A command raises :class:`app.core.errors.GuijiError` for user errors; it may
return an int exit code (None means 0). Add a new area's module name to ``AREAS``.
"""

from __future__ import annotations

AREAS: tuple[str, ...] = ("check", "workspace", "codebook", "exchange", "editing", "suggest", "process", "convert")
