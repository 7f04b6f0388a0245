"""The codebook editor and the stages dialog: every change undoable through the controller."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.codebook import create_code, list_codes, update_code
from app.core.coding import apply_coding
from app.core.documents import import_files
from app.core.project import Project, create_project
from app.core.stages import add_stage, list_stages
from app.core.tables import exemplar_ids
from app.ui.codebook_dialog import CodebookDialog, CodebookTreeModel, ExampleListModel
from app.ui.controller import ProjectController
from app.ui.stages_dialog import StageListModel, StagesDialog


@pytest.fixture
def controller(qtbot, tmp_path: Path) -> Iterator[ProjectController]:  # type: ignore[no-untyped-def]
    project = create_project(tmp_path / "dlg.guiji")
    create_code(project, "内生因素/增权赋能", color="#CC3311")
    create_code(project, "治理环境")
    for name in ("扎根", "协调", "共生"):
        add_stage(project, name)
    ctl = ProjectController(project, "测试者")
    yield ctl
    project.close()


def codes_of(project: Project) -> dict[str, object]:
    return {c.path: c for c in list_codes(project)}


def test_models_pass_the_model_tester(qtmodeltester, controller: ProjectController) -> None:  # type: ignore[no-untyped-def]
    tree = CodebookTreeModel()
    tree.set_codes(list_codes(controller.project))
    qtmodeltester.check(tree)
    stages = StageListModel()
    stages.set_stages(list_stages(controller.project))
    qtmodeltester.check(stages)


def test_edit_every_field_then_undo_and_redo(qtbot, controller: ProjectController) -> None:  # type: ignore[no-untyped-def]
    dialog = CodebookDialog(controller)
    qtbot.addWidget(dialog)
    project = controller.project
    code_id = codes_of(project)["内生因素/增权赋能"].id  # type: ignore[attr-defined]
    dialog.select_code(code_id)
    assert dialog.name_edit.text() == "增权赋能"
    dialog.short_edit.setText("提升能力")
    dialog.definition_edit.setPlainText("完整定义\n第二行")
    dialog.use_edit.setPlainText("对象承担角色时")
    dialog.not_use_edit.setPlainText("单纯照料时")
    dialog.example_edit.setPlainText("“我们让病友当主持人。”")
    dialog.keywords_edit.setText("赋能；增能")
    dialog.level_combo.setEditText("概念 (concept)")
    dialog.color_edit.setText("#00aa00")
    assert dialog.apply_changes()
    code = codes_of(project)["内生因素/增权赋能"]
    assert (code.short_definition, code.description, code.when_to_use, code.when_not_to_use, code.example,  # type: ignore[attr-defined]
            code.keywords, code.level, code.color) == (  # type: ignore[attr-defined]
        "提升能力", "完整定义\n第二行", "对象承担角色时", "单纯照料时", "“我们让病友当主持人。”",
        ("赋能", "增能"), "concept", "#00AA00")
    assert controller.undo_stack.count() == 1
    assert dialog.apply_changes()  # nothing differs: no second step
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    restored = codes_of(project)["内生因素/增权赋能"]
    assert (restored.short_definition, restored.keywords, restored.color) == ("", (), "#CC3311")  # type: ignore[attr-defined]
    assert dialog.short_edit.text() == ""  # the dialog follows the undo
    controller.undo_stack.redo()
    assert codes_of(project)["内生因素/增权赋能"].short_definition == "提升能力"  # type: ignore[attr-defined]


def test_refused_change_changes_nothing(qtbot, controller: ProjectController) -> None:  # type: ignore[no-untyped-def]
    dialog = CodebookDialog(controller)
    qtbot.addWidget(dialog)
    dialog.select_code(codes_of(controller.project)["治理环境"].id)  # type: ignore[attr-defined]
    dialog.color_edit.setText("not a colour")
    dialog.short_edit.setText("不会保存")
    assert not dialog.apply_changes()
    assert codes_of(controller.project)["治理环境"].short_definition == ""  # type: ignore[attr-defined]
    assert controller.undo_stack.count() == 0


def test_add_and_delete_codes_with_undo(qtbot, controller: ProjectController) -> None:  # type: ignore[no-untyped-def]
    dialog = CodebookDialog(controller)
    qtbot.addWidget(dialog)
    project = controller.project
    parent = codes_of(project)["治理环境"].id  # type: ignore[attr-defined]
    info = dialog.add_code(parent, "畅通协商")
    assert info is not None
    assert dialog.current_code_id() == info.id
    update_code(project, info.id, short_definition="x")  # outside the dialog; the undo below still works
    assert "治理环境/畅通协商" in codes_of(project)
    controller.undo_stack.undo()
    assert "治理环境/畅通协商" not in codes_of(project)
    controller.undo_stack.redo()
    assert codes_of(project)["治理环境/畅通协商"].id == info.id  # type: ignore[attr-defined]
    before = list_codes(project)
    dialog.select_code(codes_of(project)["内生因素"].id)  # type: ignore[attr-defined]
    assert dialog.delete_current()
    assert "内生因素/增权赋能" not in codes_of(project)
    controller.undo_stack.undo()
    assert list_codes(project) == before
    assert dialog.add_code(None, "治理环境") is None  # a duplicate is refused, with a message


def test_import_preview_then_import_and_undo(  # type: ignore[no-untyped-def]
    qtbot, controller: ProjectController, tmp_path: Path
) -> None:
    dialog = CodebookDialog(controller)
    qtbot.addWidget(dialog)
    project = controller.project
    source = tmp_path / "other.csv"
    source.write_text("Code,Memo\n治理环境\\空间营造,改造社区空间\n增权赋能,新定义\n", encoding="utf-8")
    before = list_codes(project)
    plan = dialog.preview_import(source)
    assert plan is not None
    assert (plan.added, plan.to_update) == (1, 1)
    assert list_codes(project) == before
    assert dialog.import_file(source) is not None
    assert codes_of(project)["治理环境/空间营造"].description == "改造社区空间"  # type: ignore[attr-defined]
    assert codes_of(project)["内生因素/增权赋能"].description == "新定义"  # type: ignore[attr-defined]
    controller.undo_stack.undo()
    assert list_codes(project) == before
    controller.undo_stack.redo()
    assert "治理环境/空间营造" in codes_of(project)
    bad = tmp_path / "bad.qdc"
    bad.write_text("not xml", encoding="utf-8")
    assert dialog.preview_import(bad) is None
    out = dialog.export_file(tmp_path / "cb.docx")
    assert out is not None
    assert out.is_file()


def test_stages_dialog(qtbot, controller: ProjectController) -> None:  # type: ignore[no-untyped-def]
    dialog = StagesDialog(controller)
    qtbot.addWidget(dialog)
    assert dialog.stage_names() == ["扎根", "协调", "共生"]
    dialog.select_stage("扎根")
    assert dialog.add_stage("进入") is not None
    assert dialog.stage_names() == ["扎根", "进入", "协调", "共生"]
    assert dialog.rename_current("进入期")
    assert dialog.move_current(-1)
    assert dialog.stage_names() == ["进入期", "扎根", "协调", "共生"]
    assert not dialog.move_current(-1)  # already first: nothing to undo
    dialog.start_edit.setText("2018-01-01")
    dialog.end_edit.setText("2018-06-30")
    dialog.color_edit.setText("#123456")
    dialog.description_edit.setPlainText("进入社区之前")
    assert dialog.apply_changes()
    stage = list_stages(controller.project)[0]
    assert (str(stage.start_date), str(stage.end_date), stage.color) == (
        "2018-01-01", "2018-06-30", "#123456")
    dialog.end_edit.setText("2017-01-01")
    assert not dialog.apply_changes()  # the end before the start: refused
    dialog.select_stage("协调")
    assert dialog.delete_current()
    assert dialog.stage_names() == ["进入期", "扎根", "共生"]
    for _ in range(5):  # delete, dates, move, rename, add
        controller.undo_stack.undo()
    assert dialog.stage_names() == ["扎根", "协调", "共生"]
    assert [s.position for s in list_stages(controller.project)] == [0, 1, 2]
    for _ in range(5):
        controller.undo_stack.redo()
    assert dialog.stage_names() == ["进入期", "扎根", "共生"]


def test_main_window_opens_both_dialogs(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.codebook_action in window.coding_menu.actions()
    window.codebook_action.trigger()
    dialog = window._codebook_dialog
    assert dialog.isVisible()
    window.codebook_action.trigger()
    assert window._codebook_dialog is dialog  # raised again, not a second copy
    code = next(c for c in list_codes(window.controller.project) if c.path == "内生因素/互助合作")
    dialog.select_code(code.id)
    dialog.name_edit.setText("互助")
    assert dialog.apply_changes()
    assert "内生因素/互助" in [c.path for c in window.codes_model.all_codes()]  # the code tree followed
    window.undo_action.trigger()
    assert "内生因素/互助合作" in [c.path for c in window.codes_model.all_codes()]
    window.stages_action.trigger()
    stages = window._stages_dialog
    assert stages.isVisible()
    assert stages.add_stage("扎根") is not None
    assert [s.name for s in list_stages(window.controller.project)] == ["扎根"]


def test_choosing_examples_is_undoable(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, controller: ProjectController, tmp_path: Path
) -> None:
    project = controller.project
    src = tmp_path / "访谈.txt"
    src.write_text("我们让病友自己当主持人。后来大家互助合作。", encoding="utf-8")
    doc = import_files(project, [src])[0]
    code = codes_of(project)["内生因素/增权赋能"]
    code_id = code.id  # type: ignore[attr-defined]
    first = apply_coding(project, document_id=doc.id, code_id=code_id, start=0, end=11, coder="甲")
    apply_coding(project, document_id=doc.id, code_id=code_id, start=12, end=20, coder="甲")
    dialog = CodebookDialog(controller)
    qtbot.addWidget(dialog)
    dialog.select_code(code.id)  # type: ignore[attr-defined]
    model = dialog.examples_model
    qtmodeltester.check(model)
    assert isinstance(model, ExampleListModel)
    assert model.rowCount() == 2
    assert model.data(model.index(0, 0)).startswith("访谈 0–11：我们让病友")
    assert model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert exemplar_ids(project) == {first.id}
    assert model.data(model.index(0, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    controller.undo_stack.undo()
    assert exemplar_ids(project) == set()
    assert model.data(model.index(0, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    controller.undo_stack.redo()
    assert exemplar_ids(project) == {first.id}


def test_merge_a_template_with_undo(qtbot, controller: ProjectController) -> None:  # type: ignore[no-untyped-def]
    dialog = CodebookDialog(controller)
    qtbot.addWidget(dialog)
    project = controller.project
    before = list_codes(project)
    assert dialog.merge_template("community-governance")
    assert "共同体成效/价值共同体" in codes_of(project)
    assert dialog.model.rowCount() == 4  # 内生因素, 治理环境, 禀赋资源, 共同体成效
    assert dialog.level_combo.findData("strategy") >= 0  # the template's levels are offered
    controller.undo_stack.undo()
    assert list_codes(project) == before
    assert [s.name for s in list_stages(project)] == ["扎根", "协调", "共生"]
    controller.undo_stack.redo()
    assert "共同体成效/价值共同体" in codes_of(project)
    assert not dialog.merge_template("nope")
