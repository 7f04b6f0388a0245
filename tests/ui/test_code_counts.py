"""Issue 13 item 7: parent codes show own / with-children counts when View → Aggregate is on."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core import codebook
from app.ui.main_window import MainWindow
from tests.ui.conftest import code_id, select_in_view
from tests.ui.test_delete_undo import activate


def test_parent_counts_own_and_with_children(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.controller is not None
    activate(qtbot, window)
    child = code_id(window, "内生因素/增权赋能")
    parent = code_id(window, "内生因素")
    text = window.document_view.text()
    at = text.index("增权赋能")
    select_in_view(window, at, at + 4)
    window.apply_code(child)
    select_in_view(window, at, at + 2)
    window.apply_code(parent)
    model = window.codes_model
    index = model.index_of(parent, 1)
    window.aggregate_action.setChecked(False)  # type: ignore[attr-defined]
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == 1
    window.aggregate_action.trigger()  # type: ignore[attr-defined]
    assert window.aggregate_action.isChecked()  # type: ignore[attr-defined]
    own = {c.id: c.codings for c in codebook.list_codes(window.controller.project)}
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == f"{own[parent]} / {own[parent] + own[child]}" == "1 / 2"
    # A leaf code keeps its plain count.
    assert model.data(model.index_of(child, 1), Qt.ItemDataRole.DisplayRole) == 1
    window.aggregate_action.trigger()  # type: ignore[attr-defined]
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == 1
