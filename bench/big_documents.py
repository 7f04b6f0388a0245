"""Issue 13 (3), big documents stay responsive: delete a document and undo it, in the window and in core.

Each GUI scenario times one blocking step of the real MainWindow (offscreen): the delete from the
document list (the view showing the document clears) or the undo, until the event loop settles; the
budget is the 0.5 s the window may be blocked. ``rss_growth_mb`` in the details is how much the
process grew over all runs (the budget is 200 MB). Registered by :mod:`bench.scenarios`.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from typing import Any

from bench.registry import Context, ScenarioGen, Timed, scenario

SEVEN_MILLION = 7_700_000


def _rss_mb() -> float:
    """The process's resident memory now (not the peak), in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _add_big_document(ctx: Context) -> tuple[int, str]:
    """Add a 7.7-million-character transcript (no codings) to the project; its id and name."""
    from app.core.documents import add_text_document
    from app.core.project import open_project
    from bench.generate import build_text

    text = build_text(random.Random(ctx.seed), SEVEN_MILLION, "访谈").text
    with open_project(ctx.project) as project:
        doc = add_text_document(project, "7.7M", text)
    return doc.id, doc.name


def _window(ctx: Context, name: str, *, show: bool) -> tuple[Any, Any]:
    from bench.gui import start_window

    app, window = start_window()
    window.open_project_path(ctx.project)
    if window.controller is None or (show and not window.select_document(name)):
        raise RuntimeError(f"the project or its document {name} could not be opened")
    app.processEvents()
    return app, window


def _gui_delete(ctx: Context, doc_id: int, name: str) -> ScenarioGen:
    """Time the delete from the document list with the document shown; undo and show it again after."""
    from bench.gui import close_window

    app, window = _window(ctx, name, show=True)
    before = _rss_mb()

    def run(_i: int) -> None:
        window.documents_panel.delete(doc_id, confirm=False)
        app.processEvents()

    def after(_i: int) -> None:
        window.controller.undo_stack.undo()
        app.processEvents()
        window.select_document(name)
        app.processEvents()
        ctx.details["rss_growth_mb"] = round(_rss_mb() - before, 1)

    yield Timed(run, after)
    close_window(app, window)


def _gui_undo(ctx: Context, doc_id: int, name: str) -> ScenarioGen:
    """Time Ctrl+Z's undo of the delete (the document comes back to the list); delete again after."""
    from bench.gui import close_window

    app, window = _window(ctx, name, show=False)
    delete: Callable[[], None] = lambda: window.documents_panel.delete(doc_id, confirm=False)  # noqa: E731
    delete()
    app.processEvents()
    before = _rss_mb()

    def run(_i: int) -> None:
        window.controller.undo_stack.undo()
        app.processEvents()

    def after(_i: int) -> None:
        delete()
        app.processEvents()
        ctx.details["rss_growth_mb"] = round(_rss_mb() - before, 1)

    yield Timed(run, after)
    close_window(app, window)


@scenario(budget_s=0.5)
def gui_delete_document_300k(ctx: Context) -> ScenarioGen:
    """The real MainWindow offscreen showing the longest document: delete it from the document list
    (DocumentsPanel.delete, no confirmation) and run the event loop until the change settles. The
    window is blocked for the whole time. Undone after each run (untimed)."""
    big = ctx.manifest["big_document"]
    yield from _gui_delete(ctx, big["id"], big["name"])


@scenario(budget_s=0.5)
def gui_undo_delete_document_300k(ctx: Context) -> ScenarioGen:
    """The undo of gui_delete_document_300k: the longest document (with its codings) comes back to
    the document list, the event loop settled. Deleted again after each run (untimed)."""
    big = ctx.manifest["big_document"]
    yield from _gui_undo(ctx, big["id"], big["name"])


@scenario(budget_s=0.5, budget_rss_mb=600, max_runs=2)
def gui_delete_document_7m(ctx: Context) -> ScenarioGen:
    """gui_delete_document_300k for a 7.7-million-character document (added in set-up, shown in the
    window; showing it again after each undo is untimed and slow)."""
    yield from _gui_delete(ctx, *_add_big_document(ctx))


@scenario(budget_s=0.5, budget_rss_mb=600, max_runs=3)
def gui_undo_delete_document_7m(ctx: Context) -> ScenarioGen:
    """gui_undo_delete_document_300k for a 7.7-million-character document (added in set-up)."""
    yield from _gui_undo(ctx, *_add_big_document(ctx))


@scenario(budget_s=5.0, budget_rss_mb=700, max_runs=2)
def delete_document_7m(ctx: Context) -> ScenarioGen:
    """Delete a 7.7-million-character document (no codings of its own) and restore it (the undo), in
    core; one run is both. Set-up adds the document (untimed)."""
    from app.core.document_ops import delete_document_with_snapshot, restore_document
    from app.core.project import open_project

    doc_id, _name = _add_big_document(ctx)
    project = open_project(ctx.project)

    def run(_i: int) -> None:
        snapshot = delete_document_with_snapshot(project, doc_id)
        restore_document(project, snapshot)

    yield run
    project.close()
