"""The scenario registry: ``@scenario(...)`` on a generator function adds a timed scenario.

A scenario is a generator function taking a :class:`Context`. Everything before its ``yield`` is
untimed set-up; it yields the callable to time (called with the run number ``i``, warm-ups
included, ``0 <= i < ctx.runs``), or a :class:`Timed` when something must be undone after each run
outside the timing; everything after the ``yield`` is untimed tear-down::

    @scenario(budget_s=0.05)
    def list_codings_for_code(ctx: Context) -> Scenario:
        project = open_project(ctx.project)
        yield lambda i: list_codings(project, code_id=ctx.manifest["top_code"]["id"])
        project.close()

Import what a scenario needs inside its function: the worker process imports only what the
scenario it runs needs, so a fresh-process scenario measures a realistic start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RunFn = Callable[[int], object]


@dataclass(frozen=True)
class Timed:
    """What a scenario yields when each run needs an untimed clean-up (``after(i)``)."""

    run: RunFn
    after: RunFn | None = None


ScenarioGen = Iterator[RunFn | Timed]


@dataclass
class Context:
    """What a scenario gets: the project to work on (a scratch copy it may change) and its manifest."""

    size: str
    seed: int
    project: Path  # a working copy of the generated project; scenarios may modify it
    manifest: dict[str, Any]
    runs: int  # how many times the timed callable will be called (warm-ups included)
    workdir: Path  # scratch folder for files the scenario makes
    details: dict[str, Any] = field(default_factory=dict)  # facts for the report (counts, checks)


@dataclass(frozen=True)
class Scenario:
    name: str
    func: Callable[[Context], ScenarioGen]
    description: str
    budget_s: float | None = None
    budget_rss_mb: float | None = None
    fresh_process: bool = False  # each run in a new process (start-up matters)
    warmup: int = 1  # untimed runs first (for fresh-process scenarios: whole processes)
    max_runs: int | None = None  # cap on --runs for expensive scenarios
    needs_project: bool = True


SCENARIOS: dict[str, Scenario] = {}


def scenario(
    name: str | None = None,
    *,
    budget_s: float | None = None,
    budget_rss_mb: float | None = None,
    fresh_process: bool = False,
    warmup: int = 1,
    max_runs: int | None = None,
    needs_project: bool = True,
) -> Callable[[Callable[[Context], ScenarioGen]], Callable[[Context], ScenarioGen]]:
    """Register a scenario (its name defaults to the function's; its description is the docstring)."""

    def register(func: Callable[[Context], ScenarioGen]) -> Callable[[Context], ScenarioGen]:
        key = name or func.__name__
        if key in SCENARIOS:
            raise ValueError(f"scenario {key!r} registered twice")
        SCENARIOS[key] = Scenario(
            key, func, " ".join((func.__doc__ or "").split()), budget_s, budget_rss_mb, fresh_process,
            warmup, max_runs, needs_project,
        )
        return func

    return register
