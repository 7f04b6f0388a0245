"""Theoretical saturation: how many codes each document introduced, in the order it was coded.

A document's place in the coding order is the time of its first coding (ties: the project's
document order); ``order="document"`` uses the project's document order instead. A code is *new*
in the first document where it was applied itself (codes are counted as applied, not by their
parents). Documents without codings are left out: they say nothing about saturation yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from app.core.codebook import code_paths
from app.core.db.models import Coding, Document
from app.core.errors import ValidationError
from app.core.exchange.table_writers import PaperTable, write_table
from app.core.project import Project

ORDERS = ("coding", "document")


@dataclass(frozen=True)
class SaturationRow:
    index: int  # 1-based position in the order
    document: str
    first_coded: datetime
    codes_used: int  # distinct codes applied in this document
    new_codes: tuple[str, ...]  # paths of the codes first applied here
    cumulative: int  # distinct codes applied so far

    @property
    def new(self) -> int:
        return len(self.new_codes)


def saturation(project: Project, *, order: str = "coding") -> list[SaturationRow]:
    """One row per coded document, in coding order (or document order)."""
    if order not in ORDERS:
        raise ValidationError(f"order documents by 'coding' or 'document', not {order!r}", code="value.choice",
                              params={"value": order, "allowed": "coding, document"})
    with project.read() as session:
        docs = list(session.execute(
            select(Document.id, Document.name, Document.position, func.min(Coding.created_at))
            .join(Coding, Coding.document_id == Document.id)
            .group_by(Document.id)
        ).all())
        used: dict[int, list[tuple[datetime, int, int]]] = {}
        for doc_id, code_id, created, coding_id in session.execute(
            select(Coding.document_id, Coding.code_id, Coding.created_at, Coding.id)
        ):
            used.setdefault(doc_id, []).append((created, coding_id, code_id))
        paths = code_paths(session)
    if order == "coding":
        docs.sort(key=lambda d: (d[3], d[2], d[0]))
    else:
        docs.sort(key=lambda d: (d[2], d[0]))
    seen: set[int] = set()
    rows = []
    for index, (doc_id, name, _position, first) in enumerate(docs, start=1):
        codes_here: list[int] = []
        for _created, _cid, code_id in sorted(used[doc_id]):
            if code_id not in codes_here:
                codes_here.append(code_id)
        new = [c for c in codes_here if c not in seen]
        seen.update(codes_here)
        new_paths = tuple(paths[c] for c in new)
        rows.append(SaturationRow(index, name, first, len(codes_here), new_paths, len(seen)))
    return rows


def saturation_table(project: Project, *, order: str = "coding") -> PaperTable:
    """The saturation rows as a table."""
    rows = saturation(project, order=order)
    return PaperTable(
        title="表　理论饱和度检验：各文档新增编码",
        header=("序号", "文档", "首次编码时间", "本文档使用编码数", "新增编码数", "累计编码数", "新增编码"),
        rows=tuple(
            (str(r.index), r.document, r.first_coded.strftime("%Y-%m-%d %H:%M"), str(r.codes_used),
             str(r.new), str(r.cumulative), "；".join(r.new_codes))
            for r in rows
        ),
        widths=(1.0, 3.0, 2.6, 1.6, 1.4, 1.4, 8.0),
        note="注：文档按" + ("首次编码的时间" if order == "coding" else "项目中的文档顺序")
        + "排列；新增编码指此前文档中从未使用过的编码。",
        numeric_columns=(0, 3, 4, 5),
    )


def write_saturation(project: Project, out: str | Path, *, order: str = "coding") -> Path:
    """Write the saturation table as .csv or .xlsx."""
    return write_table(saturation_table(project, order=order), out, allowed=(".csv", ".xlsx"))
