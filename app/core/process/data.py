"""What process tracing reads: codings with their effective stage, the code tree, the units traced.

One :func:`load_process_data` reads everything in one unit of work (no document text), so the
transitions, the timeline and the figures are computed from one consistent snapshot. A *unit* is a
case (its whole documents, and the codings that overlap its passages), or each document when the
project has no cases (``unit="auto"``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement

from app.core.codebook import PATH_SEPARATOR, levels_in
from app.core.db.models import Case, CasePassage, Code, Coder, Coding, Document, ProjectMeta, case_document
from app.core.errors import NotFoundError, ValidationError
from app.core.project import Project
from app.core.stages import StageInfo, _list_stages, effective_stages

UNIT_KINDS = ("auto", "case", "document")
#: The level the timeline's boxes and the transitions use by default: the codes right under the
#: dimensions (categories, strategies); a top-level code applied itself stays itself.
DEFAULT_LEVEL = "1"
ROW_LEVEL = "0"


@dataclass(frozen=True)
class CodeNode:
    """A code of the tree with what figures need."""

    id: int
    parent_id: int | None
    name: str
    path: str
    color: str
    level: str  # the framework level key set on the code ("" when unspecified)
    depth: int  # 0 for a top-level code
    order: int  # place in tree order (depth first, siblings by position)


class ProcessCoding(NamedTuple):
    """A coding as process tracing sees it: no text, its effective stage id (or None).

    A named tuple, not a dataclass: a large project has tens of thousands, built on every load.
    """

    id: int
    document_id: int
    code_id: int
    coder: str
    start: int
    end: int
    stage_id: int | None
    exemplar: bool


@dataclass(frozen=True)
class Unit:
    """A case or a document whose sequence of (stage, code) is traced."""

    key: str  # "case:<id>" or "document:<id>"
    kind: str  # "case" or "document"
    id: int
    name: str


@dataclass(frozen=True)
class DocumentRef:
    id: int
    name: str
    position: int
    length: int


@dataclass(frozen=True)
class ProcessData:
    """Everything process tracing computes from, read at once (see :func:`load_process_data`)."""

    stages: tuple[StageInfo, ...]
    codes: dict[int, CodeNode]  # in tree order
    documents: dict[int, DocumentRef]  # in document order
    codings: tuple[ProcessCoding, ...]  # document order, then position
    units: tuple[Unit, ...]
    members: dict[str, tuple[int, ...]]  # unit key -> indexes into ``codings``
    framework: dict[str, Any] = field(default_factory=dict)
    level_keys: tuple[str, ...] = ()  # the project's framework levels, root first

    def stage_index(self) -> dict[int, int]:
        """Stage id -> its index in the stage order."""
        return {s.id: i for i, s in enumerate(self.stages)}

    def code_by_path(self, path: str) -> CodeNode:
        """The code called ``path``; NotFoundError otherwise."""
        wanted = PATH_SEPARATOR.join(part.strip() for part in path.split(PATH_SEPARATOR))
        for node in self.codes.values():
            if node.path == wanted:
                return node
        raise NotFoundError(f"no code '{path}' in this project", code="not_named",
                            params={"what": "code", "name": path})

    def unit_by_name(self, name: str) -> Unit:
        """The unit (case or document) called ``name``; NotFoundError otherwise."""
        for unit in self.units:
            if unit.name == name:
                return unit
        raise NotFoundError(f"no case or document named '{name}' is traced in this project", code="trace.unknown_unit",
                            params={"name": name})

    def top(self, code_id: int) -> CodeNode:
        """The top-level code (dimension) above ``code_id``, or the code itself."""
        node = self.codes[code_id]
        while node.parent_id is not None:
            node = self.codes[node.parent_id]
        return node

    def subtree(self, code_id: int) -> set[int]:
        """``code_id`` and every code below it."""
        out = {code_id}
        for node in self.codes.values():  # tree order: parents come before their children
            if node.parent_id in out:
                out.add(node.id)
        return out

    def mapper(self, level: str | int | None) -> dict[int, int]:
        """Code id -> the id of the code it counts as at ``level`` (see :func:`resolve_level`)."""
        return {code_id: resolve_level(self, code_id, level) for code_id in self.codes}


def resolve_level(data: ProcessData, code_id: int, level: str | int | None) -> int:
    """The code ``code_id`` counts as at ``level``.

    ``None`` or ``"code"``: the code itself. A depth (``0`` = the top-level dimensions, ``1`` the
    codes under them…, as int or digits): its ancestor at that depth, or itself when it is shallower.
    A level key (``dimension``, ``category``, ``strategy``… as set on codes): the nearest ancestor or
    itself with that level; when no code on the path has it, the key's place in the project's levels
    is used as a depth.
    """
    if level is None or level == "code":
        return code_id
    chain = [data.codes[code_id]]
    while chain[-1].parent_id is not None:
        chain.append(data.codes[chain[-1].parent_id])
    chain.reverse()  # root first
    depth: int | None = None
    if isinstance(level, int) or str(level).isdigit():
        depth = int(level)
    else:
        for node in reversed(chain):
            if node.level == level:
                return node.id
        if level in data.level_keys:
            depth = data.level_keys.index(str(level))
        else:
            raise ValidationError(
                f"unknown level {level!r}: use 'code', a depth (0 = dimensions) or one of "
                f"{', '.join(data.level_keys) or 'the levels set on codes'}",
                code="value.choice", params={"value": level, "allowed": ", ".join(["code", "0", *data.level_keys])},
            )
    return chain[min(depth, len(chain) - 1)].id


def load_process_data(project: Project, *, unit: str = "auto") -> ProcessData:
    """Read stages, codes, documents, codings (with effective stages) and units in one unit of work."""
    if unit not in UNIT_KINDS:
        raise ValidationError(f"trace by 'case', 'document' or 'auto', not {unit!r}", code="value.choice",
                              params={"value": unit, "allowed": "case, document, auto"})
    with project.read() as session:
        return _load(session, unit)


def _load(session: Session, unit: str) -> ProcessData:
    stages = tuple(_list_stages(session))
    codes = _code_nodes(session)
    documents = {
        r[0]: DocumentRef(*r)
        for r in session.execute(
            select(Document.id, Document.name, Document.position, Document.length)
            .order_by(Document.position, Document.id)
        )
    }
    coders = dict(session.execute(select(Coder.id, Coder.name)).all())
    rows = _plain_rows(session, (
        select(Coding.id, Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end,
               Coding.stage_id, Coding.exemplar)
        .join(Document, Document.id == Coding.document_id)
        .order_by(Document.position, Document.id, Coding.start, Coding.end, Coding.id)
    ))
    effective = effective_stages(session, [(r[0], r[1], r[4], r[5], r[6]) for r in rows])
    make = ProcessCoding._make
    codings = tuple(
        make((r[0], r[1], r[2], coders[r[3]], r[4], r[5], effective[r[0]], bool(r[7]))) for r in rows
    )
    cases = session.execute(select(Case.id, Case.name).order_by(Case.position, Case.id)).all()
    use_cases = unit == "case" or (unit == "auto" and bool(cases))
    members: dict[str, tuple[int, ...]] = {}
    units: list[Unit] = []
    if use_cases:
        whole: dict[int, set[int]] = {}
        for case_id, doc_id in session.execute(select(case_document.c.case_id, case_document.c.document_id)):
            whole.setdefault(case_id, set()).add(doc_id)
        passages: dict[int, dict[int, list[tuple[int, int]]]] = {}
        for case_id, doc_id, start, end in session.execute(
            select(CasePassage.case_id, CasePassage.document_id, CasePassage.start, CasePassage.end)
        ):
            passages.setdefault(case_id, {}).setdefault(doc_id, []).append((start, end))
        by_doc: dict[int, list[int]] = {}
        for i, c in enumerate(codings):
            by_doc.setdefault(c.document_id, []).append(i)
        for case_id, name in cases:
            picked: set[int] = set()
            for doc_id in whole.get(case_id, ()):
                picked.update(by_doc.get(doc_id, ()))
            for doc_id, ranges in passages.get(case_id, {}).items():
                picked.update(
                    i for i in by_doc.get(doc_id, ())
                    if any(max(codings[i].start, s) < min(codings[i].end, e) for s, e in ranges)
                )
            key = f"case:{case_id}"
            units.append(Unit(key, "case", case_id, name))
            members[key] = tuple(sorted(picked))
    else:
        grouped: dict[int, list[int]] = {}
        for i, c in enumerate(codings):
            grouped.setdefault(c.document_id, []).append(i)
        for doc_id, ref in documents.items():
            key = f"document:{doc_id}"
            units.append(Unit(key, "document", doc_id, ref.name))
            members[key] = tuple(grouped.get(doc_id, ()))
    return ProcessData(
        stages=stages, codes=codes, documents=documents, codings=codings, units=tuple(units),
        members=members, framework=_framework(session),
        level_keys=tuple(lv.key for lv in levels_in(session)),
    )


def _plain_rows(session: Session, statement: ClauseElement) -> list[tuple[Any, ...]]:
    """The rows of a parameterless SELECT as plain tuples from the DB-API cursor.

    For tens of thousands of codings, SQLAlchemy's row objects cost more than the query itself;
    the statement is still compiled for the session's dialect, so this is no SQLite-only SQL.
    """
    connection = session.connection()
    compiled = statement.compile(dialect=connection.dialect)
    if compiled.params:
        raise ValueError("_plain_rows takes statements without parameters")
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _code_nodes(session: Session) -> dict[int, CodeNode]:
    rows = session.execute(select(Code.id, Code.parent_id, Code.name, Code.color, Code.level, Code.position)).all()
    children: dict[int | None, list[Any]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    for siblings in children.values():
        siblings.sort(key=lambda r: (r.position, r.id))
    out: dict[int, CodeNode] = {}

    def walk(parent_id: int | None, prefix: str, depth: int) -> None:
        for r in children.get(parent_id, []):
            path = f"{prefix}{r.name}"
            out[r.id] = CodeNode(r.id, r.parent_id, r.name, path, r.color, r.level, depth, len(out))
            walk(r.id, path + PATH_SEPARATOR, depth + 1)

    walk(None, "", 0)
    return out


def _framework(session: Session) -> dict[str, Any]:
    raw = session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == "framework"))
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Selection:
    """Which codings count: units (case or document names), coders; empty means all."""

    units: tuple[str, ...] = ()
    coders: tuple[str, ...] = ()
    dimension: str | None = None  # only codes under this top-level code (its path)

    def members(self, data: ProcessData) -> list[tuple[Unit, list[int]]]:
        """The chosen units with the indexes of their chosen codings."""
        wanted = set(self.units)
        for name in wanted:
            data.unit_by_name(name)
        coders = set(self.coders)
        top = data.code_by_path(self.dimension).id if self.dimension else None
        out = []
        for unit in data.units:
            if wanted and unit.name not in wanted:
                continue
            picked = [
                i for i in data.members[unit.key]
                if (not coders or data.codings[i].coder in coders)
                and (top is None or data.top(data.codings[i].code_id).id == top)
            ]
            out.append((unit, picked))
        return out


def coders_of(data: ProcessData) -> list[str]:
    """The coders who made codings, sorted."""
    return sorted({c.coder for c in data.codings})


def paths(data: ProcessData, ids: Iterable[int]) -> list[str]:
    """The paths of codes, in the order given."""
    return [data.codes[i].path for i in ids]


def tree_sorted(data: ProcessData, ids: Sequence[int]) -> list[int]:
    """Code ids in tree order."""
    return sorted(ids, key=lambda i: data.codes[i].order)
