"""At import: transcripts in the other Chinese script than the project's are kept (default) or converted.

Asked only when it matters — the chosen files are mostly Traditional and the project's documents
mostly Simplified, or the other way round. Keeping is the default (Enter); matching and searching
treat both scripts as one anyway (issue 15), so converting is for researchers who want one script
in their quotes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.documents import document_text, list_documents
from app.core.errors import GuijiError
from app.core.project import Project
from app.core.variants import script_of

#: How many files (and existing documents) are sampled, and how many characters of each.
SAMPLE_FILES = 5
SAMPLE_CHARS = 5_000


def files_script(paths: list[str]) -> str | None:
    """The script most of the first chosen files are written in (None: no Chinese, or unreadable)."""
    from app.core.exchange.readers import read_document_file

    texts = []
    for path in paths[:SAMPLE_FILES]:
        try:
            texts.append(read_document_file(Path(path)).text[:SAMPLE_CHARS])
        except GuijiError:
            continue  # the import itself reports an unreadable file
    return script_of("".join(texts))


def project_script(project: Project) -> str | None:
    """The script most of the project's first documents are written in (None: none yet)."""
    docs = list_documents(project)[:SAMPLE_FILES]
    return script_of("".join(document_text(project, d.id)[:SAMPLE_CHARS] for d in docs))


def ask_conversion(parent: QWidget, project: Project, paths: list[str]) -> tuple[str | None, bool]:
    """(``to``, go on): the script to convert the files to (None: keep them as they are), and False
    when the user cancelled the import."""
    theirs, ours = files_script(paths), project_script(project)
    if theirs is None or ours is None or theirs == ours:
        return None, True
    names = {"hans": QCoreApplication.translate("ImportScript", "Simplified Chinese"),
             "hant": QCoreApplication.translate("ImportScript", "Traditional Chinese")}
    question = QCoreApplication.translate(
        "ImportScript", "These transcripts are in {theirs}; the project's documents are in {ours}.")
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("ImportScript", "Import documents"),
                      question.format(theirs=names[theirs], ours=names[ours]), parent=parent)
    box.setInformativeText(QCoreApplication.translate(
        "ImportScript", "Search, suggestions and the quick-code box treat both scripts as one, so keeping the "
                        "original text is safe. Converting changes the stored text (quotes in tables and "
                        "figures will be in {ours}).").format(ours=names[ours]))
    keep = box.addButton(QCoreApplication.translate("ImportScript", "&Keep as in the files"),
                         QMessageBox.ButtonRole.AcceptRole)
    convert = box.addButton(QCoreApplication.translate("ImportScript", "&Convert to {ours}").format(ours=names[ours]),
                            QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep:
        return None, True
    if clicked is convert:
        return ours, True
    return None, False


__all__ = ["ask_conversion", "files_script", "project_script"]
