"""Stage spans keep their coder (schema 0008): set, trimmed, split, undone, deleted with their stage."""

from __future__ import annotations

from pathlib import Path

from app.core import documents
from app.core import stages as service
from app.core.ops import stages as ops
from app.core.project import create_project


def _spans(project, doc: int) -> list[tuple[str, int, int, str]]:  # type: ignore[no-untyped-def]
    return [(s.stage, s.start, s.end, s.coder) for s in service.list_stage_spans(project, doc)]


def test_spans_keep_their_coder(tmp_path: Path) -> None:
    src = tmp_path / "d.txt"
    src.write_text("𠮷😀" + "甲乙丙丁戊己庚辛壬癸" * 4, encoding="utf-8")
    with create_project(tmp_path / "p.guiji") as project:
        documents.import_files(project, [src])
        doc = documents.list_documents(project)[0].id
        early = service.add_stage(project, "扎根").id
        late = service.add_stage(project, "协调").id
        first = ops.set_span_stage(project, doc, 0, 30, early, coder="甲")
        assert _spans(project, doc) == [("扎根", 0, 30, "甲")]
        second = ops.set_span_stage(project, doc, 10, 20, late, coder="乙")  # splits 甲's span
        assert _spans(project, doc) == [("扎根", 0, 10, "甲"), ("协调", 10, 20, "乙"), ("扎根", 20, 30, "甲")]
        second.undo()
        assert _spans(project, doc) == [("扎根", 0, 30, "甲")]
        second.redo()
        middle = next(s for s in service.list_stage_spans(project, doc) if s.coder == "乙")
        removed = ops.remove_stage_span(project, middle.id)
        removed.undo()
        assert ("协调", 10, 20, "乙") in _spans(project, doc)
        deleted = ops.delete_stage(project, early)
        assert _spans(project, doc) == [("协调", 10, 20, "乙")]
        deleted.undo()
        assert _spans(project, doc) == [("扎根", 0, 10, "甲"), ("协调", 10, 20, "乙"), ("扎根", 20, 30, "甲")]
        second.undo()
        first.undo()
        assert _spans(project, doc) == []
        assert service.add_stage_span(project, doc, early, 2, 4).coder == ""  # unknown unless given
