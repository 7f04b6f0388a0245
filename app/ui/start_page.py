"""The start page: what the window shows while no project is open.

Recent projects (a click or Enter opens one), a new project (with a framework template), the sample
project (built into the user data folder the first time), and imports of REFI-QDA (.qdpx) and RQDA
(.rqda) projects. Plugged in through :mod:`app.ui.extensions`: ``install`` puts the window's central
widget and this page in a stack and shows the page whenever the project closes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import GuijiError
from app.ui.messages import describe

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

SAMPLE_NAME = "sample.guiji"


def sample_path() -> Path:
    """Where the sample project lives: the user data folder (the installation may be read-only)."""
    from app.core.paths import user_data_dir

    return user_data_dir() / "sample" / SAMPLE_NAME


def ensure_sample() -> Path:
    """The sample project, built from the bundled transcripts when it is not there yet."""
    path = sample_path()
    if not path.is_file():
        from app.core.sample import build_sample_project

        path.parent.mkdir(parents=True, exist_ok=True)
        build_sample_project(path)
    return path


class StartPage(QWidget):
    """Recent projects on the left, the ways to begin on the right."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("start-page")
        self.window_ = window
        title = QLabel("<h1>轨迹 Guiji</h1>")
        subtitle = QLabel(QCoreApplication.translate("StartPage", "Coding Chinese interview transcripts: codes, stages and processes."))  # noqa: E501
        self.recent = QListWidget()
        self.recent.setObjectName("recent-projects")
        self.recent.itemActivated.connect(self._open_item)  # Enter, or a double click
        self.recent.itemClicked.connect(self._open_item)
        self.empty_label = QLabel(QCoreApplication.translate("StartPage", "No recent projects yet."))
        left = QVBoxLayout()
        left.addWidget(QLabel("<b>" + QCoreApplication.translate("StartPage", "Recent projects") + "</b>"))
        left.addWidget(self.recent, 1)
        left.addWidget(self.empty_label)

        right = QVBoxLayout()
        right.addWidget(QLabel("<b>" + QCoreApplication.translate("StartPage", "Begin") + "</b>"))
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("new", QCoreApplication.translate("StartPage", "&New project…"), window.api.new_project),
            ("open", QCoreApplication.translate("StartPage", "&Open project…"), window.api.open_project_dialog),
            ("sample", QCoreApplication.translate("StartPage", "Open the &sample project"), self.open_sample),
            ("qdpx", QCoreApplication.translate("StartPage", "Import a REFI-QDA project (.&qdpx)…"), lambda: self._trigger("import-qdpx")),  # noqa: E501
            ("rqda", QCoreApplication.translate("StartPage", "Import an RQDA project (.&rqda)…"), lambda: self._trigger("import-rqda")),  # noqa: E501
        ):
            button = QPushButton(text)
            button.setObjectName(f"start-{name}")
            button.clicked.connect(slot)
            right.addWidget(button)
            self.buttons[name] = button
        hint = QLabel(QCoreApplication.translate(
            "StartPage", "New projects can start from a framework template (grounded theory, co-production, community governance) or empty."))  # noqa: E501
        hint.setWordWrap(True)
        right.addWidget(hint)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addSpacing(24)
        columns.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.addWidget(title)
        outer.addWidget(subtitle)
        outer.addSpacing(16)
        outer.addLayout(columns, 1)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the recent projects (newest first); the first is current, so Enter opens it."""
        from app.ui.main_window import recent_projects

        self.recent.clear()
        for path in recent_projects():
            item = QListWidgetItem(f"{Path(path).name}    —    {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        self.empty_label.setVisible(self.recent.count() == 0)
        if self.recent.count():
            self.recent.setCurrentRow(0)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_path(Path(item.data(Qt.ItemDataRole.UserRole)))

    def open_path(self, path: Path) -> None:
        controller = self.window_.controller
        if controller is not None and controller.project.path.resolve() == path.resolve():
            return  # a click and an activation of one item: open once
        self.window_.open_project_path(path)

    def open_sample(self) -> None:
        """Open the sample project, building it first when needed."""
        try:
            path = ensure_sample()
        except (GuijiError, OSError) as exc:
            self.window_.show_error(QCoreApplication.translate("StartPage", "The sample project could not be built."), describe(exc))  # noqa: E501
            return
        self.open_path(path)

    def _trigger(self, action_name: str) -> None:
        action = self.window_.findChild(QAction, action_name)
        if action is not None:
            action.trigger()


def install(window: MainWindow) -> None:
    """Put the window's central widget and the start page in a stack; the page shows without a project."""
    center = window.takeCentralWidget()
    assert center is not None, "the main window has its text view as central widget"
    stack = QStackedWidget()
    stack.setObjectName("central-stack")
    stack.addWidget(center)
    page = StartPage(window)
    stack.addWidget(page)
    window.setCentralWidget(stack)
    window.start_page = page  # type: ignore[attr-defined]

    def follow(controller: Any) -> None:
        if controller is None:
            page.refresh()
            stack.setCurrentWidget(page)
        else:
            stack.setCurrentWidget(center)

    window.api.project_changed.connect(follow)
    follow(window.api.controller)
