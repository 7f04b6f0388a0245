"""Project-wide counts."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, select

from app.core.db.models import Code, Coder, Coding, Document, Stage
from app.core.project import Project


@dataclass(frozen=True)
class ProjectInfo:
    documents: int
    characters: int
    codes: int
    codings: int
    stages: int
    coders: int

    def as_dict(self) -> dict[str, int]:
        """The counts under the CLI's JSON keys."""
        return asdict(self)


def project_info(project: Project) -> ProjectInfo:
    """How many documents, characters (code points), codes, codings, stages and coders."""
    with project.read() as session:
        return ProjectInfo(
            documents=session.scalar(select(func.count(Document.id))) or 0,
            characters=session.scalar(select(func.coalesce(func.sum(Document.length), 0))) or 0,
            codes=session.scalar(select(func.count(Code.id))) or 0,
            codings=session.scalar(select(func.count(Coding.id))) or 0,
            stages=session.scalar(select(func.count(Stage.id))) or 0,
            coders=session.scalar(select(func.count(Coder.id))) or 0,
        )
