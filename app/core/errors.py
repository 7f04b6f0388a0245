"""The error types app.core raises on purpose.

Every error a user can cause carries one message that names the file (or object) and the problem.
The CLI prints ``str(error)`` and exits non-zero; the desktop app shows it in a dialog.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any


class GuijiError(Exception):
    """Base of every expected, user-facing error.

    ``str(error)`` is the English message (the CLI prints it; scripts rely on it). ``code`` is a
    stable identifier such as ``"not_found.document"`` and ``params`` its values, so the desktop app
    can show the message in the UI's language (``app.ui.messages``); errors raised without a code
    are shown with their English message.
    """

    def __init__(self, message: str = "", *, code: str | None = None,
                 params: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params: dict[str, Any] = dict(params or {})


class InputFileError(GuijiError):
    """A file given to Guiji cannot be read as what it claims to be."""

    def __init__(self, path: str | Path, problem: str, *, code: str | None = None,
                 params: Mapping[str, Any] | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path.name}: {problem}", code=code, params=params)


class ProjectError(GuijiError):
    """The project file cannot be opened or used as asked."""


class ProjectLockedError(ProjectError):
    """Another process has the project open for writing."""


class NotFoundError(GuijiError):
    """A named document, code, stage or coding does not exist."""


class ValidationError(GuijiError):
    """A value is impossible (positions outside the text, an empty name, a bad colour...)."""


class StaleTextError(ValidationError):
    """A change was asked on a text that is not (or no longer) the document's stored text."""


class CancelledError(GuijiError):
    """The user cancelled a long operation; nothing was changed."""
