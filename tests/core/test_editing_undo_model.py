"""Random edits and undos on a real project, checked against the character-level reference model.

Each example adds a document (𠮷, 😀 and line ends in it) with codings, stage spans and case
passages, then runs a random sequence of edits and undos. After every step the stored text and
every range equal the model's; after every undo the document's rows are byte for byte what they
were before the undone edit.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.core import cases, codebook, coding, documents, editing, stages
from app.core.db.models import CasePassage, Coding, Document, DocumentEdit, StageSpan
from app.core.project import create_project
from app.core.splice import Splice
from tests.core.position_model import ALPHABET, model

_names = itertools.count()


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    project = create_project(tmp_path_factory.mktemp("model") / "model.guiji")
    code = codebook.create_code(project, "编码")
    stage = stages.add_stage(project, "扎根")
    case = cases.create_case(project, "社区")
    yield {"project": project, "code": code.id, "stage": stage.id, "case": case.id}
    project.close()


def _rows(project: Any, doc_id: int) -> dict[str, list[tuple[Any, ...]]]:
    with project.read() as session:
        result = {}
        for model_class in (Document, Coding, StageSpan, CasePassage, DocumentEdit):
            table = model_class.__table__  # type: ignore[attr-defined]
            column = table.c.id if model_class is Document else table.c.document_id
            result[table.name] = sorted(
                tuple(r) for r in session.execute(select(table).where(column == doc_id))
            )
        return result


def _ranges(project: Any, doc_id: int) -> dict[tuple[str, int], tuple[int, int]]:
    with project.read() as session:
        found = {}
        for model_class in (Coding, StageSpan, CasePassage):
            table = model_class.__table__  # type: ignore[attr-defined]
            query = select(table.c.id, table.c.start, table.c.end).where(table.c.document_id == doc_id)
            for row_id, a, b in session.execute(query):
                found[(table.name, row_id)] = (a, b)
        return found


operation = st.one_of(
    st.tuples(st.just("edit"), st.floats(0, 1), st.floats(0, 1), st.text(alphabet=ALPHABET, max_size=5)),
    st.tuples(st.just("undo"), st.just(0.0), st.just(0.0), st.just("")),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(alphabet=ALPHABET, min_size=1, max_size=40),
    raw_spans=st.lists(
        st.tuples(st.integers(0, 39), st.integers(1, 8), st.sampled_from(["coding", "stage", "case"])),
        max_size=10,
    ),
    operations=st.lists(operation, min_size=1, max_size=8),
)
def test_random_edits_and_undos_follow_the_model(
    shared: dict[str, Any],
    text: str,
    raw_spans: list[tuple[int, int, str]],
    operations: list[tuple[str, float, float, str]],
) -> None:
    project = shared["project"]
    doc = documents.add_text_document(project, f"文档{next(_names)}", text)
    for start, length, kind in raw_spans:
        a = min(start, len(text) - 1)
        b = min(a + length, len(text))
        if kind == "coding":
            coding.apply_coding(
                project, document_id=doc.id, code_id=shared["code"], start=a, end=b, coder="甲"
            )
        elif kind == "stage":
            stages.add_stage_span(project, doc.id, shared["stage"], a, b)
        else:
            cases.add_case_passage(project, shared["case"], doc.id, a, b)
    current_text = text
    current = _ranges(project, doc.id)
    undo_stack: list[
        tuple[editing.TextChange, str, dict[tuple[str, int], tuple[int, int]], dict[str, Any]]
    ] = []

    for op, x, y, new in operations:
        if op == "undo":
            if not undo_stack:
                continue
            change, current_text, current, rows_before = undo_stack.pop()
            editing.undo_change(project, change)
            assert _rows(project, doc.id) == rows_before
        else:
            a, b = sorted((round(x * len(current_text)), round(y * len(current_text))))
            if current_text[a:b] == new:
                continue
            rows_before = _rows(project, doc.id)
            change = editing.edit_text(project, doc.id, a, b, new, coder="甲")
            keys = sorted(current)
            new_text, mapped = model(current_text, [current[k] for k in keys], [Splice(a, b, new)])
            undo_stack.append((change, current_text, current, rows_before))
            current_text = new_text
            current = {k: m for k, m in zip(keys, mapped, strict=True) if m is not None}
            assert {(r.table, r.id) for r in change.removed} == {
                k for k, m in zip(keys, mapped, strict=True) if m is None
            }
        assert documents.document_text(project, doc.id) == current_text
        assert _ranges(project, doc.id) == current
