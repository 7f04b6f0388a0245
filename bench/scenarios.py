"""The timed scenarios. Add one with ``@scenario`` (see :mod:`bench.registry`).

Budgets are for the ``large`` project on the 2-core reference machine (docs/performance.md).
"""

# Scenarios import what they use inside their functions, so that a fresh-process scenario pays for
# exactly the imports it needs (see bench.registry).

from __future__ import annotations

import os
import random
import sys
import time
from typing import Any

from bench.registry import Context, ScenarioGen, Timed, scenario

CODER = "研究者甲"


# --------------------------------------------------------------------------- generation


@scenario(budget_s=30.0, fresh_process=True, warmup=0, max_runs=2, needs_project=False)
def generate_large(ctx: Context) -> ScenarioGen:
    """Generate the benchmark's project from scratch (the 'large' one on `--size large`): texts, code
    tree, codings, stages, cases, written through the services and models, file checkpointed."""
    from bench.generate import SIZES, generate_project

    target = ctx.workdir / f"generated-{os.getpid()}.guiji"

    def run(_i: int) -> None:
        target.unlink(missing_ok=True)
        manifest = generate_project(target, SIZES[ctx.size], ctx.seed)
        ctx.details["counts"] = manifest["counts"]
        if ctx.manifest:
            ctx.details["same_as_cached"] = manifest["fingerprint"] == ctx.manifest["fingerprint"]

    yield run
    target.unlink(missing_ok=True)


# --------------------------------------------------------------------------- core services


@scenario(budget_s=0.5, fresh_process=True)
def open_project(ctx: Context) -> ScenarioGen:
    """In a new process: open the project file (lock, schema/migration check), list the documents
    with their coding counts and the code tree with its counts — what the window shows first."""
    from app.core.codebook import list_codes
    from app.core.documents import list_documents
    from app.core.project import open_project as open_

    opened = []

    def run(_i: int) -> None:
        project = open_(ctx.project)
        opened.append(project)
        ctx.details["documents"] = len(list_documents(project))
        ctx.details["codes"] = len(list_codes(project))

    yield Timed(run, after=lambda _i: opened.pop().close())


@scenario(budget_s=0.3)
def load_document_300k(ctx: Context) -> ScenarioGen:
    """The longest document's text and all its codings as the viewer needs them
    (documents.document_text + coding.list_codings(document_id=…)), project already open."""
    from app.core.coding import list_codings
    from app.core.documents import document_text
    from app.core.project import open_project as open_

    big = ctx.manifest["big_document"]["id"]
    project = open_(ctx.project)

    def run(_i: int) -> None:
        ctx.details["characters"] = len(document_text(project, big))
        ctx.details["codings"] = len(list_codings(project, document_id=big))

    yield run
    project.close()


def _spans(ctx: Context, n: int) -> list[tuple[int, int]]:
    rng = random.Random(f"spans/{ctx.seed}")
    length = ctx.manifest["big_document"]["length"]
    spans = []
    for _ in range(n):
        start = rng.randrange(0, length - 200)
        spans.append((start, start + rng.randint(10, 200)))
    return spans


@scenario(budget_s=0.02)
def apply_coding(ctx: Context) -> ScenarioGen:
    """One coding.apply_coding call (validation, insert, commit, the CodingInfo it returns) on the
    longest document."""
    from app.core.coding import apply_coding as apply_
    from app.core.coding import remove_coding
    from app.core.project import open_project as open_

    big = ctx.manifest["big_document"]["id"]
    code = ctx.manifest["leaf_code"]["id"]
    project = open_(ctx.project)
    spans = _spans(ctx, ctx.runs)
    made: list[int] = []

    def run(i: int) -> None:
        start, end = spans[i]
        made.append(apply_(project, document_id=big, code_id=code, start=start, end=end, coder=CODER).id)

    yield run
    for coding_id in made:  # leave the working copy as it was
        remove_coding(project, coding_id)
    project.close()


@scenario(budget_s=0.02)
def remove_coding(ctx: Context) -> ScenarioGen:
    """One coding.remove_coding call (it returns the removed coding, for undo) on the longest document."""
    from app.core.coding import apply_coding as apply_
    from app.core.coding import remove_coding as remove
    from app.core.project import open_project as open_

    big = ctx.manifest["big_document"]["id"]
    code = ctx.manifest["leaf_code"]["id"]
    project = open_(ctx.project)
    ids = [
        apply_(project, document_id=big, code_id=code, start=s, end=e, coder=CODER).id
        for s, e in _spans(ctx, ctx.runs)
    ]
    yield lambda i: remove(project, ids[i])
    project.close()


@scenario(budget_s=0.05)
def list_codings_for_code(ctx: Context) -> ScenarioGen:
    """coding.list_codings(code_id=…) for the most used code (its codings with their text, across
    most documents): what a code's coding list or retrieval shows."""
    from app.core.coding import list_codings
    from app.core.project import open_project as open_

    top = ctx.manifest["top_code"]["id"]
    project = open_(ctx.project)

    def run(_i: int) -> None:
        ctx.details["codings"] = len(list_codings(project, code_id=top))

    yield run
    project.close()


# --------------------------------------------------------------------------- exchange (REFI-QDA)


@scenario(budget_s=10.0, max_runs=3)
def export_qdpx_large(ctx: Context) -> ScenarioGen:
    """The whole project exported as a REFI-QDA project (.qdpx: project.qde with every coding as a
    selection, the texts as UTF-8 files, zipped), read-only project already open."""
    from app.core.exchange.qdpx_export import export_qdpx
    from app.core.project import open_project as open_

    project = open_(ctx.project, read_only=True)
    out = ctx.workdir / f"export-{os.getpid()}.qdpx"

    def run(_i: int) -> None:
        ctx.details["counts"] = dict(export_qdpx(project, out).counts)
        ctx.details["qdpx_mb"] = round(out.stat().st_size / 2**20, 1)

    yield run
    project.close()
    out.unlink(missing_ok=True)


@scenario(budget_s=10.0, max_runs=3)
def import_qdpx_large(ctx: Context) -> ScenarioGen:
    """A .qdpx of the whole project (exported untimed first) imported as a new project: unzip, parse
    and check, detect positions, write the new file atomically."""
    from app.core.exchange.qdpx_export import export_qdpx
    from app.core.exchange.qdpx_import import import_qdpx
    from app.core.project import open_project as open_

    source = ctx.workdir / f"source-{os.getpid()}.qdpx"
    with open_(ctx.project, read_only=True) as project:
        export_qdpx(project, source)
    targets = [ctx.workdir / f"imported-{os.getpid()}-{i}.guiji" for i in range(ctx.runs)]

    def run(i: int) -> None:
        ctx.details["imported"] = dict(import_qdpx(source, targets[i]).counts)

    yield Timed(run, after=lambda i: targets[i].unlink(missing_ok=True))
    source.unlink(missing_ok=True)


# --------------------------------------------------------------------------- the desktop app


@scenario(budget_s=1.0, budget_rss_mb=500, fresh_process=True)
def gui_open_300k(ctx: Context) -> ScenarioGen:
    """In a new process, the real MainWindow offscreen (already shown, empty): open the project
    (which shows the first document), select the longest document and run the event loop until its
    text and coding stripes are painted with every coding highlighted. Peak RSS is the process's."""
    from bench.gui import PaintSpy, close_window, process_until, start_window, view_widgets

    big = ctx.manifest["big_document"]
    app, window = start_window()
    spy = PaintSpy(view_widgets(window), lambda: window.document_view.document_id == big["id"])

    # PySide6 6.12 on Python < 3.12 drops a reference to None on every call of a void C++ method;
    # the process aborts ("deallocating None") when the count reaches zero. Record how many went.
    none_refs = sys.getrefcount(None)

    def run(_i: int) -> None:
        spy.reset()
        window.open_project_path(ctx.project)
        if window.controller is None or not window.select_document(big["name"]):
            raise RuntimeError("the project or its longest document could not be opened")
        process_until(app, lambda: spy.all_painted)

    def after(_i: int) -> None:
        ctx.details["none_refcount_lost"] = none_refs - sys.getrefcount(None)
        ctx.details["shown_codings"] = len(window.document_view.shown_codings())
        ctx.details["visible_stripes"] = len(window.document_view.visible_stripes())
        if ctx.details["shown_codings"] != big["codings"]:
            raise RuntimeError(f"{ctx.details['shown_codings']} codings shown, {big['codings']} expected")

    yield Timed(run, after)
    spy.remove()
    close_window(app, window)


@scenario(budget_s=0.05)
def gui_apply_coding(ctx: Context) -> ScenarioGen:
    """The real MainWindow offscreen with the longest document shown and a code chosen: apply the
    code to a selected passage (MainWindow.apply_selected_code: service call, undo command, document
    list, code tree and highlighting refreshed) until the text is repainted. What a coder waits for
    after each coding. Undone afterwards."""
    from bench.gui import PaintSpy, close_window, process_until, start_window

    big = ctx.manifest["big_document"]
    app, window = start_window()
    window.open_project_path(ctx.project)
    if window.controller is None or not window.select_document(big["name"]):
        raise RuntimeError("the project or its longest document could not be opened")
    window.codes_view.setCurrentIndex(window.codes_model.index_of(ctx.manifest["leaf_code"]["id"]))
    spy = PaintSpy([window.document_view.viewport()], lambda: True)
    spans = _spans(ctx, ctx.runs)

    def select(i: int) -> None:
        if i < len(spans):
            spy.reset()
            window.document_view.select_range(*spans[i])
            process_until(app, lambda: spy.all_painted)

    def run(_i: int) -> None:
        spy.reset()
        window.apply_selected_code()
        process_until(app, lambda: spy.all_painted)

    select(0)
    yield Timed(run, after=lambda i: select(i + 1))
    ctx.details["codings_shown_after"] = len(window.document_view.shown_codings())
    assert window.controller is not None
    for _ in spans:
        window.controller.undo_stack.undo()
    app.processEvents()
    spy.remove()
    close_window(app, window)


@scenario(budget_rss_mb=500, fresh_process=True, warmup=0, max_runs=1)
def gui_browse_all_documents(ctx: Context) -> ScenarioGen:
    """In a new process, the real MainWindow offscreen: open the project and show every document
    in turn (each painted), the longest last — a long session with the whole project open. The time
    is for all documents; the budget is on peak memory (RSS)."""
    from bench.gui import PaintSpy, close_window, process_until, start_window, view_widgets

    app, window = start_window()
    window.open_project_path(ctx.project)
    model = window.documents_model
    big_id = ctx.manifest["big_document"]["id"]
    shown = window.documents_view.currentIndex().row()  # the first document, shown on open
    rows = [r for r in range(model.rowCount()) if r != shown and model.document(r).id != big_id]
    rows += [r for r in range(model.rowCount()) if model.document(r).id == big_id]
    spy = PaintSpy(view_widgets(window), lambda: True)
    per_document: list[float] = []

    def run(_i: int) -> None:
        for row in rows:
            began = time.perf_counter()
            spy.reset()
            window.select_document_row(row)
            process_until(app, lambda: spy.all_painted)
            per_document.append(time.perf_counter() - began)

    yield run
    per_document.sort()
    ctx.details["documents"] = len(per_document)
    ctx.details["median_document_s"] = round(per_document[len(per_document) // 2], 4)
    ctx.details["slowest_document_s"] = round(per_document[-1], 4)
    spy.remove()
    close_window(app, window)


# --------------------------------------------------------------------------- search and undo


def _search_scenario(ctx: Context, length: int, spell: Any = None) -> ScenarioGen:
    from app.core.project import open_project as open_
    from app.core.search import search

    project = open_(ctx.project, read_only=True)
    # A word that really occurs: taken from the longest document, so the search has hits to place.
    from app.core.documents import document_text

    text = document_text(project, ctx.manifest["big_document"]["id"])
    rng = random.Random(f"search/{ctx.seed}/{length}")
    terms = []
    while len(terms) < 8:
        start = rng.randrange(0, len(text) - length)
        term = text[start:start + length]
        if term.strip() and "\n" not in term and all("\u4e00" <= ch <= "\u9fff" for ch in term):
            terms.append(spell(term) if spell else term)

    def run(i: int) -> None:
        ctx.details.setdefault("hits", []).append(len(search(project, terms[i % len(terms)])))

    yield run
    project.close()


@scenario(budget_s=0.1)
def search_2char(ctx: Context) -> ScenarioGen:
    """app.core.search.search for a 2-character Chinese word over every document (the instr() scan
    path: SQLite 3.40's trigram index cannot answer queries under 3 characters)."""
    yield from _search_scenario(ctx, 2)


@scenario(budget_s=0.1)
def search_4char(ctx: Context) -> ScenarioGen:
    """app.core.search.search for a 4-character Chinese phrase over every document (FTS5 trigram)."""
    yield from _search_scenario(ctx, 4)


@scenario(budget_s=0.15)
def search_2char_variants(ctx: Context) -> ScenarioGen:
    """app.core.search.search for a 2-character word of the (Simplified) texts typed in Traditional
    characters: every hit is found through Traditional/Simplified folding (app.core.variants)."""
    from app.core.variants import convert

    ctx.details["spelling"] = "hant"
    yield from _search_scenario(ctx, 2, lambda term: convert(term, "hant"))


@scenario(budget_s=1.0, max_runs=3)
def undo_redo_100(ctx: Context) -> ScenarioGen:
    """The real window on the longest document: 100 undos then 100 redos of codings made in it
    (each a service call plus the view's refresh)."""
    from bench.gui import close_window, start_window

    big = ctx.manifest["big_document"]
    app, window = start_window()
    window.open_project_path(ctx.project)
    if window.controller is None or not window.select_document(big["name"]):
        raise RuntimeError("the project or its longest document could not be opened")
    code_id = ctx.manifest["leaf_code"]["id"]
    for start, end in _spans(ctx, 100):
        window.controller.apply_coding(big["id"], code_id, start, end)
    app.processEvents()
    stack = window.controller.undo_stack

    def run(_i: int) -> None:
        for _ in range(100):
            stack.undo()
        for _ in range(100):
            stack.redo()
        app.processEvents()

    yield run
    for _ in range(100):
        stack.undo()
    app.processEvents()
    close_window(app, window)


# --------------------------------------------------------------------------- editing text after coding


@scenario(budget_s=0.1)
def edit_300k(ctx: Context) -> ScenarioGen:
    """app.core.editing.edit_text in the middle of the longest document (300,000 characters): two
    characters replaced by three, every coding, stage span and passage after it moved, the hash
    updated, the search index re-indexed, the history row written. Undone after each run, untimed."""
    from app.core.editing import edit_text, undo_change
    from app.core.project import open_project as open_

    big = ctx.manifest["big_document"]
    project = open_(ctx.project)
    rng = random.Random(f"edit/{ctx.seed}")
    starts = [rng.randrange(big["length"] // 4, big["length"] // 2) for _ in range(ctx.runs)]
    done = []

    def run(i: int) -> None:
        change = edit_text(project, big["id"], starts[i], starts[i] + 2, "𠮷改正", coder=CODER)
        ctx.details["moved"] = len(change.moved)
        done.append(change)

    yield Timed(run, after=lambda _i: undo_change(project, done.pop()))
    project.close()


@scenario(budget_s=2.0, max_runs=3)
def convert_300k(ctx: Context) -> ScenarioGen:
    """app.core.convert.convert_document of the longest document (300,000 Simplified characters) to
    Taiwan Traditional (OpenCC s2twp, phrases that change length included): one unit of work, every
    range kept on its words, the history row written. Undone after each run, untimed."""
    from app.core.convert import convert_document
    from app.core.editing import undo_change
    from app.core.project import open_project as open_

    big = ctx.manifest["big_document"]
    project = open_(ctx.project)
    done = []

    def run(_i: int) -> None:
        change = convert_document(project, big["id"], "hant", "tw", coder=CODER)
        ctx.details["changed_characters"] = sum(s.end - s.start for s in change.documents[0].splices)
        ctx.details["moved"] = len(change.moved)
        done.append(change)

    yield Timed(run, after=lambda _i: undo_change(project, done.pop()))
    project.close()


NAME = "郑𠮷东"  # a name the generator never writes: inserted 1,000 times in the set-up


@scenario(budget_s=2.0, max_runs=3)
def replace_1000_hits(ctx: Context) -> ScenarioGen:
    """app.core.editing.replace_text of a person's name with 1,000 hits across the project's documents
    (one unit of work: every document spliced, its ranges moved, one history row each). The name is
    inserted at 1,000 sentence ends of the working copy first (untimed); undone after each run."""
    from sqlalchemy import select

    from app.core.db.models import Document
    from app.core.editing import _splice_document, replace_text, undo_change
    from app.core.project import open_project as open_
    from app.core.splice import Splice

    project = open_(ctx.project)
    rng = random.Random(f"names/{ctx.seed}")
    with project.write() as session:
        ends = [(doc_id, i) for doc_id, text in session.execute(select(Document.id, Document.text))
                for i, ch in enumerate(text) if ch == "。"]
        chosen: dict[int, list[int]] = {}
        for doc_id, at in rng.sample(ends, 1000):
            chosen.setdefault(doc_id, []).append(at + 1)
        for doc_id, points in chosen.items():
            doc = session.get(Document, doc_id)
            _splice_document(session, doc, [Splice(p, p, NAME) for p in sorted(points)])
    ctx.details["documents"] = len(chosen)
    done = []

    def run(_i: int) -> None:
        change = replace_text(project, NAME, "受访者A", coder=CODER)
        ctx.details["hits"] = change.hits
        ctx.details["moved"] = len(change.moved)
        done.append(change)

    yield Timed(run, after=lambda _i: undo_change(project, done.pop()))
    project.close()


# --------------------------------------------------------------------------- process tracing


@scenario(budget_s=0.3)
def transitions_large(ctx: Context) -> ScenarioGen:
    """app.core.process.transitions.transitions(project) with its defaults (the cases as units, the
    codes under the dimensions): read every coding with its effective stage and count code A at stage
    k followed by code B at stage k+1 in each case. Project already open."""
    from app.core.process.transitions import transitions
    from app.core.project import open_project as open_

    project = open_(ctx.project)

    def run(_i: int) -> None:
        result = transitions(project)
        ctx.details["transitions"] = len(result.transitions)
        ctx.details["units"] = len(result.units)

    yield run
    project.close()


@scenario(budget_s=2.0)
def figure_timeline_pdf(ctx: Context) -> ScenarioGen:
    """`guiji figure P OUT.pdf --kind timeline` without the process start: load the data, lay out the
    timeline (170 mm), draw it into a PDF with its font embedded, write the file."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.core.process.figures import FigureRequest, build_figure
    from app.core.process.layout import FigureOptions
    from app.core.project import open_project as open_
    from app.ui.figures.renderer import choose_family, ensure_gui, export_figure, qt_measure

    ensure_gui()
    family = choose_family()
    project = open_(ctx.project)
    out = ctx.workdir / f"timeline-{os.getpid()}.pdf"

    def run(_i: int) -> None:
        options = FigureOptions(width=170, font_family=family, measure=qt_measure(family))
        figure = build_figure(project, FigureRequest(kind="timeline"), options)
        export_figure(figure, out, family=family)
        ctx.details["items"] = len(figure.items)
        ctx.details["pdf_kb"] = round(out.stat().st_size / 1024)

    yield run
    out.unlink(missing_ok=True)
    project.close()


@scenario(budget_s=1.0)
def timeline_view_large(ctx: Context) -> ScenarioGen:
    """The real MainWindow with the project open: Process ▸ Timeline opens the process window (data
    read, timeline laid out, scene built) until its view is painted. details.filter_s: choosing one
    case in its filter until repainted (layout from the loaded data, no database read)."""
    from bench.gui import PaintSpy, close_window, process_until, start_window

    app, window = start_window()
    window.open_project_path(ctx.project)
    if window.controller is None:
        raise RuntimeError("the project could not be opened")
    shown: list[Any] = []

    def run(_i: int) -> None:
        process = window.open_process_window("timeline")  # type: ignore[attr-defined]
        spy = PaintSpy([process.view.viewport()], lambda: True)
        process_until(app, lambda: spy.all_painted)
        spy.remove()
        shown.append(process)

    def after(_i: int) -> None:
        process = shown.pop()
        ctx.details["boxes"] = sum(1 for key in process.scene.elements if key.startswith("box:"))
        spy = PaintSpy([process.view.viewport()], lambda: True)
        start = time.perf_counter()
        process.unit.setCurrentIndex(1)
        process_until(app, lambda: spy.all_painted)
        ctx.details["filter_s"] = round(time.perf_counter() - start, 3)
        spy.remove()
        window.close_process_window()  # type: ignore[attr-defined]
        app.processEvents()

    yield Timed(run, after)
    close_window(app, window)


# --------------------------------------------------------------------------- code suggestions (app.core.nlp)


def _documents_for_codings(project: object, wanted: int) -> list[int]:
    """The first documents (in order) that together hold about ``wanted`` codings."""
    from sqlalchemy import func, select

    from app.core.db.models import Coding, Document

    with project.read() as session:  # type: ignore[attr-defined]
        per_document = select(Coding.document_id, func.count()).group_by(Coding.document_id)
        counts = dict(session.execute(per_document).all())
        order = list(session.scalars(select(Document.id).order_by(Document.position, Document.id)))
    chosen, total = [], 0
    for doc_id in order:
        if total >= wanted:
            break
        chosen.append(doc_id)
        total += counts.get(doc_id, 0)
    return chosen


@scenario(budget_s=60.0, budget_rss_mb=700, warmup=0, max_runs=2)
def train_2000_codings(ctx: Context) -> ScenarioGen:
    """Train the suggestion model (textcat_multilabel from scratch) on the first documents holding about
    2,000 codings and store it in the project: units, examples, jieba tokens, epochs, the blob written.
    The process has spaCy loaded; peak RSS is the process's."""
    from app.core.nlp import segment
    from app.core.nlp.corpus import load_corpus
    from app.core.nlp.model import build_examples, code_definitions, save_model, train_model
    from app.core.project import open_project as open_

    project = open_(ctx.project)
    documents = _documents_for_codings(project, 2000)
    segment.pipeline()  # spaCy and jieba loaded before the clock starts, as in the app after a first use

    def run(_i: int) -> None:
        segment.use_codebook(project)
        corpus = load_corpus(project, document_ids=documents)
        training = build_examples(corpus, code_definitions(project))
        model, epochs = train_model(training)
        codings = sum(len(c) for doc in corpus for c in doc.coded)
        ctx.details.update({
            "documents": len(documents), "units": training.units, "labels": len(training.code_ids),
            "epochs": epochs, "coded_units": codings,
            "blob_mb": round(save_model(project, model, codings=codings) / 2**20, 2),
        })

    yield run
    project.close()


@scenario(budget_s=1.0, budget_rss_mb=700, max_runs=5)
def suggest_doc_10k(ctx: Context) -> ScenarioGen:
    """Warm: suggestions (keyword rules and the learned model, with the most similar coded passage as
    reason) for the document closest to 10,000 characters; the model (trained untimed on about 2,000
    codings of other documents) and spaCy already loaded. What the panel waits for on a new document."""
    from sqlalchemy import func, select

    from app.core.db.models import Document
    from app.core.nlp.corpus import load_corpus
    from app.core.nlp.model import build_examples, code_definitions, load_model, save_model, train_model
    from app.core.nlp.suggest import suggest
    from app.core.project import open_project as open_

    project = open_(ctx.project)
    with project.read() as session:
        target = session.execute(
            select(Document.id, Document.length).order_by(func.abs(Document.length - 10_000), Document.id)
        ).first()
    assert target is not None
    training_docs = [d for d in _documents_for_codings(project, 2000) if d != target.id]
    corpus = load_corpus(project, document_ids=training_docs)
    model, _epochs = train_model(build_examples(corpus, code_definitions(project)))
    save_model(project, model, codings=0)
    load_model(project)

    def run(_i: int) -> None:
        found = suggest(project, document_id=target.id)
        ctx.details.update({"characters": target.length, "suggestions": len(found),
                            "model": sum(1 for s in found if s.source == "model")})

    yield run
    project.close()


# Scenarios in their own modules: the start-up (imports nothing first), issue 13's delete and undo.
from bench import big_documents, startup  # noqa: E402, F401

# --------------------------------------------------------------------------- several coders (issue 17)


@scenario(budget_s=2.0, max_runs=3)
def agreement_large(ctx: Context) -> ScenarioGen:
    """app.core.agreement.agreement(project, the two coders, unit="sentence"): 30,000 codings of two
    coders on every document; per code and overall percent, Cohen's and Fleiss' κ, Krippendorff's α
    with a 1,000-resample bootstrap interval, and unitizing α on the spans. Project already open. A
    text's sentence units are cached by its SHA-256 (the window recomputes after every settled
    disagreement), so the timed runs are the recomputation; ``cold_s`` in the details is the first
    call, which also splits every text into sentences."""
    from app.core import agreement as module
    from app.core.project import open_project as open_

    project = open_(ctx.project, read_only=True)
    coders = ["研究者甲", "研究者乙"]
    module._UNIT_CACHE.clear()
    began = time.perf_counter()
    module.agreement(project, coders, unit="sentence")
    ctx.details["cold_s"] = round(time.perf_counter() - began, 3)

    def run(_i: int) -> None:
        result = module.agreement(project, coders, unit="sentence")
        ctx.details["units"] = result.n_units
        ctx.details["codes"] = len(result.per_code)
        ctx.details["codings"] = result.overall.codings
        ctx.details["kappa"] = round(result.overall.kappa or 0.0, 4)

    yield run
    project.close()


@scenario(budget_s=15.0, max_runs=3)
def merge_large(ctx: Context) -> ScenarioGen:
    """`guiji merge` of two large projects: a second coder's copy of the project (every coding by
    other coders, code and document memos of their own) merged into the project: open both, read the
    other file, match 300 documents by text hash and 250 codes by path, add 30,000 codings with their
    coders, append memos, write in one transaction. Each run merges into a fresh copy (made untimed)."""
    import shutil
    import sqlite3

    from app.core.merge import merge_file
    from app.core.project import open_project as open_

    other = ctx.workdir / f"other-{os.getpid()}.guiji"
    shutil.copy(ctx.project, other)
    with sqlite3.connect(other) as db:
        db.execute("UPDATE coder SET name = name || '（副本）'")
        db.execute("UPDATE code SET memo = memo || '另一位编码者的备忘' WHERE id % 5 = 0")
        db.execute("UPDATE document SET memo = '另一位编码者的文档备忘' WHERE id % 7 = 0")
    target = ctx.workdir / f"target-{os.getpid()}.guiji"
    shutil.copy(ctx.project, target)

    def run(_i: int) -> None:
        with open_(target) as project:
            report = merge_file(project, other)
        ctx.details["added"] = report.added
        ctx.details["matched"] = report.matched
        ctx.details["filled"] = report.filled

    yield Timed(run, after=lambda _i: shutil.copy(ctx.project, target))
    other.unlink(missing_ok=True)
    target.unlink(missing_ok=True)
