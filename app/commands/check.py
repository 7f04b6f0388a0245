"""``guiji check PROJECT [--json]``: is the project file sound? Exit 0 when it is, 1 when not."""

from __future__ import annotations

import argparse

from app.commands import Add
from app.commands.output import print_json, say

# Singular and plural nouns for the counts, in the order they are printed.
_NOUNS = {
    "documents": ("document", "documents"),
    "characters": ("character", "characters"),
    "codes": ("code", "codes"),
    "codings": ("coding", "codings"),
    "stages": ("stage", "stages"),
    "stage_spans": ("stage span", "stage spans"),
    "coders": ("coder", "coders"),
    "cases": ("case", "cases"),
}


def cmd_check(args: argparse.Namespace) -> int:
    """Check the project read-only and print the report; the exit code says whether it is sound."""
    # Imported when run: the parser is built for every command, and this pulls in SQLAlchemy.
    from app.core.check import check_project

    report = check_project(args.project)
    if args.json:
        print_json(report.as_dict())
        return 0 if report.ok else 1
    name = report.path.name
    if report.ok:
        say(f"{name}: sound (schema {report.revision})")
    else:
        found = len(report.problems)
        say(f"{name}: {found} problem{'s' if found != 1 else ''} found")
        for problem in report.problems:
            say(f"  [{problem.check}] {problem.message}")
    if report.counts:
        say("checked: " + ", ".join(_count(key, n) for key, n in report.counts.items()))
    return 0 if report.ok else 1


def _count(key: str, n: int) -> str:
    singular, plural = _NOUNS.get(key, (key, key))
    return f"{n:,} {singular if n == 1 else plural}"


def register(add: Add) -> None:
    """Add the ``check`` subcommand to the CLI's parser."""
    p = add(
        "check", cmd_check,
        "check a project file read-only: SQLite integrity, foreign keys, schema revision, text "
        "hashes and lengths, coding and stage ranges, code tree; exit 0 when sound, 1 when not",
    )
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help='print {"ok", "problems", "counts"} as JSON')
