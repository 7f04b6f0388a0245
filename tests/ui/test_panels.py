"""Search, retrieval and memo panels driven through the real window."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from app.core import coding
from app.ui.main_window import MainWindow
from tests.ui.conftest import choose_code, code_id, select_in_view


def test_search_two_characters_after_astral_and_code_all_hits(window: MainWindow) -> None:
    panel = window.search_panel
    panel.query.setText("互助")
    panel.run()
    hits = panel.model.records()
    text = window.document_view.text()
    assert [(h.start, h.end) for h in hits] == [(i, i + 2) for i in range(len(text)) if text.startswith("互助", i)]
    assert all(text[h.start:h.end] == "互助" for h in hits)
    assert len(hits) == 2
    panel.view.doubleClicked.emit(panel.model.index(1, 0))
    assert window.document_view.selection_range() == (hits[1].start, hits[1].end)
    choose_code(window, "内生因素/互助合作")
    panel.code_all.click()
    assert [c.text for c in coding.list_codings(window.controller.project)] == ["互助", "互助"]  # type: ignore[union-attr]
    window.undo_action.trigger()  # one step for all hits
    assert coding.list_codings(window.controller.project) == []  # type: ignore[union-attr]


def test_retrieval_or_and_not_then_export(window: MainWindow, tmp_path: Path) -> None:
    text = window.document_view.text()
    a = text.index("我们一起做增权赋能的工作")
    select_in_view(window, a, a + 12)
    window.apply_code(code_id(window, "内生因素/增权赋能"))
    select_in_view(window, a + 5, a + 9)  # 增权赋能, inside the first coding
    window.apply_code(code_id(window, "内生因素/互助合作"))
    b = text.rindex("互助合作")
    select_in_view(window, b, b + 4)
    window.apply_code(code_id(window, "内生因素/互助合作"))
    panel = window.retrieval_panel
    choose_code(window, "内生因素/增权赋能")
    panel._add(panel.include)
    choose_code(window, "内生因素/互助合作")
    panel._add(panel.include)
    panel.run()
    assert len(panel.model.records()) == 3
    panel.mode_and.setChecked(True)
    panel.run()
    assert [p.text for p in panel.model.records()] == ["增权赋能"]
    panel.mode_or.setChecked(True)
    panel.include[:] = panel.include[1:]
    choose_code(window, "内生因素/增权赋能")
    panel._add(panel.exclude)
    panel.run()
    assert [p.text for p in panel.model.records()] == ["互助合作"]
    out = tmp_path / "passages.xlsx"
    panel.export_to(str(out))
    sheet = openpyxl.load_workbook(out).active
    values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "互助合作" in values


def test_project_memo_and_memo_list(window: MainWindow) -> None:
    panel = window.memo_panel
    panel.project_memo.setPlainText("研究问题：社区如何从扎根走向共生？")
    panel.save_project_memo()
    window.code_panel.set_memo(code_id(window, "内生因素/增权赋能"), "赋能的定义")
    panel.query.setText("赋能")
    kinds = [(m.kind, m.text) for m in panel.model.records()]
    assert kinds == [("code", "赋能的定义")]
    panel.query.setText("")
    assert {m.kind for m in panel.model.records()} == {"project", "code"}
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert panel.model.records() == []


def test_documents_rename_move_delete_with_undo(window: MainWindow, tmp_path: Path) -> None:
    extra = tmp_path / "第二份.txt"
    extra.write_text("受访者：第二份访谈，𠮷祥。\n", encoding="utf-8")
    window.import_paths([str(extra)])
    panel = window.documents_panel
    names = lambda: [panel.model.document(r).name for r in range(panel.model.rowCount())]  # noqa: E731
    assert names() == ["访谈甲", "第二份"]
    first = panel.model.document(0).id
    text = window.document_view.text()
    select_in_view(window, text.index("增权"), text.index("增权") + 2)
    window.apply_code(code_id(window, "内生因素/增权赋能"))
    panel.move_document(first, 1)
    assert names() == ["第二份", "访谈甲"]
    panel.rename(first, "访谈A")
    assert names() == ["第二份", "访谈A"]
    before = coding.list_codings(window.controller.project)  # type: ignore[union-attr]
    panel.delete(first, confirm=False)
    assert names() == ["第二份"]
    assert coding.list_codings(window.controller.project) == []  # type: ignore[union-attr]
    window.undo_action.trigger()
    assert names() == ["第二份", "访谈A"]
    assert coding.list_codings(window.controller.project) == before  # type: ignore[union-attr]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert names() == ["访谈甲", "第二份"]


def test_document_properties_show_speakers(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc_id = window.documents_panel.model.document(0).id
    dialog = window.documents_panel.properties_dialog(doc_id)
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(type(window.selection_label))]
    joined = "\n".join(texts)
    assert "访谈甲.txt" in joined
    assert "访谈者: 2 turn(s)" in joined
    assert "受访者: 2 turn(s)" in joined


def test_coding_memo_from_the_text(window: MainWindow) -> None:
    text = window.document_view.text()
    select_in_view(window, text.index("压力"), text.index("压力") + 2)
    window.apply_code(code_id(window, "内生因素/互助合作"))
    [made] = coding.list_codings(window.controller.project)  # type: ignore[union-attr]
    window.edit_coding_memo(made.id, "减压的说法")
    assert window.memo_panel.model.records()[0].text == "减压的说法"
    assert "减压的说法" in window.document_view.shown_codings()[0].tooltip
    window.undo_action.trigger()
    assert coding.get_coding(window.controller.project, made.id).memo == ""  # type: ignore[union-attr]


def test_cases_group_documents_and_passages_with_undo(window: MainWindow) -> None:
    from app.core.cases import list_cases

    panel = window.cases_panel
    panel.new_case("Z社区")
    assert [c.name for c in panel.model.records()] == ["Z社区"]
    panel.select_case(panel.model.record(0).id)
    panel.add_document()
    text = window.document_view.text()
    start = text.index("增权赋能")
    select_in_view(window, start, start + 4)
    panel.add_passage()
    [case] = list_cases(window.controller.project)  # type: ignore[union-attr]
    assert case.documents == ("访谈甲",)
    assert [(p.start, p.end, p.text) for p in case.passages] == [(start, start + 4, "增权赋能")]
    assert "访谈甲" in panel.members.text()
    assert window.retrieval_panel.case.findText("Z社区") >= 0
    window.undo_action.trigger()
    window.undo_action.trigger()
    [case] = list_cases(window.controller.project)  # type: ignore[union-attr]
    assert (case.documents, case.passages) == ((), ())
    panel.delete_case()
    assert list_cases(window.controller.project) == []  # type: ignore[union-attr]
    window.undo_action.trigger()
    assert [c.name for c in list_cases(window.controller.project)] == ["Z社区"]  # type: ignore[union-attr]


def test_document_attributes_typed_with_undo(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.core.attributes import get_attributes

    project = window.controller.project  # type: ignore[union-attr]
    doc_id = window.documents_panel.model.document(0).id
    dialog = window.documents_panel.attributes_dialog(doc_id)
    qtbot.addWidget(dialog)
    dialog.new_name.setText("年龄")
    dialog.new_type.setCurrentIndex(dialog.new_type.findData("number"))
    dialog.define()
    dialog.new_name.setText("访谈日期")
    dialog.new_type.setCurrentIndex(dialog.new_type.findData("date"))
    dialog.define()
    ids = list(dialog.fields)
    dialog.fields[ids[0]].setText("不是数字")
    dialog.accept()
    assert dialog.isVisible() or get_attributes(project, doc_id) == []
    dialog.fields[ids[0]].setText("46")
    dialog.fields[ids[1]].setText("2023-05-12")
    dialog.accept()
    assert next((v.name, v.typed) for v in get_attributes(project, doc_id)) == ("年龄", 46.0)
    assert str(get_attributes(project, doc_id)[1].typed) == "2023-05-12"
    window.undo_action.trigger()
    assert get_attributes(project, doc_id) == []


def test_result_tables_show_every_column(window: MainWindow) -> None:
    window.search_panel.query.setText("互助")
    window.search_panel.run()
    view = window.search_panel.view
    assert view.model().columnCount() == 3
    assert view.model().index(0, 2).data() and "互助" in view.model().index(0, 2).data()
    assert not view.isColumnHidden(2)
    assert window.retrieval_panel.view.model().columnCount() == 6


def test_panel_models_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window.search_panel.query.setText("互助")
    window.search_panel.run()
    qtmodeltester.check(window.search_panel.model)
    window.code_panel.quick.setText("hz")
    qtmodeltester.check(window.code_panel.quick.matches)
    window.cases_panel.new_case("甲案例")
    qtmodeltester.check(window.cases_panel.model)
    qtmodeltester.check(window.memo_panel.model)
