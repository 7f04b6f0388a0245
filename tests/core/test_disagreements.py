"""Disagreements between two coders, settling them into a consensus coder, and the blind filter."""

from __future__ import annotations

from pathlib import Path

from app.core import codebook, documents
from app.core.blind import blind_coding, codings_visible_to, set_blind_coding, visible_codings
from app.core.coding import apply_coding, list_codings
from app.core.disagreements import accept, accept_agreed, disagreements, not_coded_decisions, passages, settled, tally
from app.core.project import create_project

TEXT = "𠮷😀甲乙丙丁。\r\n戊己庚辛壬癸，子丑寅卯辰巳。\r\n午未申酉戌亥。"


def _project(tmp_path: Path):  # type: ignore[no-untyped-def]
    src = tmp_path / "d.txt"
    src.write_text(TEXT, encoding="utf-8")
    project = create_project(tmp_path / "p.guiji")
    documents.import_files(project, [src])
    x = codebook.create_code(project, "X").id
    y = codebook.create_code(project, "Y").id
    return project, x, y


def test_kinds_of_passages(tmp_path: Path) -> None:
    project, x, y = _project(tmp_path)
    doc = documents.list_documents(project)[0].id
    for code, start, end, coder in [
        (x, 0, 4, "A"), (x, 0, 4, "B"),            # same span: agreement
        (x, 9, 12, "A"), (x, 10, 14, "B"),         # overlapping differently
        (x, 20, 22, "A"),                          # only A
        (y, 0, 2, "B"),                            # only B (another code at the same place)
        (y, 4, 6, "A"), (y, 6, 8, "B"),            # touching is not overlapping: two passages
    ]:
        apply_coding(project, document_id=doc, code_id=code, start=start, end=end, coder=coder)
    codings = list_codings(project, document_id=doc)
    a = [c for c in codings if c.coder == "A"]
    b = [c for c in codings if c.coder == "B"]
    found = [(p.code, p.start, p.end, p.kind) for p in passages(a, b)]
    assert found == [("Y", 0, 2, "only_b"), ("X", 0, 4, None), ("Y", 4, 6, "only_a"), ("Y", 6, 8, "only_b"),
                     ("X", 9, 14, "different"), ("X", 20, 22, "only_a")]
    assert len(disagreements(a, b)) == 5
    t = tally(passages(a, b), [], [], "合议")
    assert (t.passages, t.agreed, t.disagreements, t.settled, t.agreed_copied) == (6, 1, 5, 0, 0)
    step = accept_agreed(project, passages(a, b), "合议")
    assert [(c.code, c.start, c.end, c.coder) for c in step.value] == [("X", 0, 4, "合议")]
    assert accept_agreed(project, passages(a, b), "合议").value == []  # run again: nothing new
    consensus = [c for c in list_codings(project) if c.coder == "合议"]
    assert tally(passages(a, b), consensus, [], "合议").agreed_copied == 1
    step.undo()
    assert [c for c in list_codings(project) if c.coder == "合议"] == []
    project.close()


def test_accept_and_undo(tmp_path: Path) -> None:
    project, x, _y = _project(tmp_path)
    doc = documents.list_documents(project)[0].id
    apply_coding(project, document_id=doc, code_id=x, start=9, end=12, coder="A", memo="why A")
    apply_coding(project, document_id=doc, code_id=x, start=10, end=14, coder="B")
    apply_coding(project, document_id=doc, code_id=x, start=20, end=22, coder="A")
    codings = list_codings(project)
    a = [c for c in codings if c.coder == "A"]
    b = [c for c in codings if c.coder == "B"]
    different, only_a = disagreements(a, b)
    step = accept(project, different, "a", "合议")
    mine = [c for c in list_codings(project) if c.coder == "合议"]
    text = documents.document_text(project, doc)
    assert [(c.start, c.end, c.memo, c.text) for c in mine] == [(9, 12, "why A", text[9:12])]
    assert settled(different, mine, [], "合议") and not settled(only_a, mine, [], "合议")
    # Choosing again replaces the earlier choice: both → one coding over the passage's extent.
    again = accept(project, different, "both", "合议")
    assert [(c.start, c.end) for c in list_codings(project) if c.coder == "合议"] == [(9, 14)]
    again.undo()
    assert [(c.start, c.end) for c in list_codings(project) if c.coder == "合议"] == [(9, 12)]
    again.redo()
    assert [(c.start, c.end) for c in list_codings(project) if c.coder == "合议"] == [(9, 14)]
    # Accepting B's on an only-A passage decides "not coded": recorded, settled, undoable.
    reject = accept(project, only_a, "b", "合议")
    assert reject.value == []
    assert not_coded_decisions(project) == [(doc, x, 20, 22, "合议")]
    assert settled(only_a, [], not_coded_decisions(project), "合议")
    reject.undo()
    assert not_coded_decisions(project) == []
    again.undo()
    assert [(c.start, c.end) for c in list_codings(project) if c.coder == "合议"] == [(9, 12)]
    step.undo()
    assert [c for c in list_codings(project) if c.coder == "合议"] == []
    assert len(list_codings(project)) == 3
    project.close()


def test_blind_filter(tmp_path: Path) -> None:
    project, x, _y = _project(tmp_path)
    doc = documents.list_documents(project)[0].id
    apply_coding(project, document_id=doc, code_id=x, start=0, end=2, coder="A")
    apply_coding(project, document_id=doc, code_id=x, start=3, end=5, coder="B")
    assert not blind_coding(project)
    assert len(codings_visible_to(project, "A")) == 2
    assert set_blind_coding(project, True) is False
    assert blind_coding(project)
    assert [c.coder for c in codings_visible_to(project, "A", document_id=doc)] == ["A"]
    assert [c.coder for c in visible_codings(list_codings(project), "B", blind=True)] == ["B"]
    set_blind_coding(project, False)
    assert len(codings_visible_to(project, "B")) == 2
    project.close()
