"""Transitions: code A at stage k followed by code B at stage k+1 within the same case.

For each unit (a case, or a document when the project has no cases) the codings with a stage form a
sequence of (stage, code), ordered by stage, then document order and text position. A transition
(stage k, A) → (stage k+1, B) is *present in a unit* when the unit has at least one coding of A
(at the chosen level) in stage k and one of B in stage k+1; its ``count`` is the number of units in
which it is present, and ``cases`` names them. Codings without a stage take no part. Stages k and
k+1 are consecutive in the project's stage order: a unit with nothing in stage k+1 has no transition
from stage k.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import InputFileError, ValidationError
from app.core.fsutil import atomic_path
from app.core.process.data import DEFAULT_LEVEL, ProcessCoding, ProcessData, Selection, Unit
from app.core.project import Project
from app.core.stages import StageInfo


@dataclass(frozen=True)
class Transition:
    """(from_stage, from_code) → (to_stage, to_code), present in ``count`` units named in ``cases``."""

    from_stage_id: int
    from_code_id: int
    to_stage_id: int
    to_code_id: int
    from_stage: str
    from_code: str  # code path at the chosen level
    to_stage: str
    to_code: str
    count: int
    cases: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (``guiji transitions --json``)."""
        return {
            "from_stage": self.from_stage, "from_code": self.from_code, "to_stage": self.to_stage,
            "to_code": self.to_code, "count": self.count, "cases": list(self.cases),
        }


@dataclass(frozen=True)
class SequenceItem:
    """One element of a unit's sequence (one coding), for the long-format export."""

    unit: str
    position: int  # 1-based place in the unit's sequence
    stage: str
    stage_index: int  # 1-based place of the stage in the stage order
    code: str  # path at the chosen level
    document: str
    start: int
    end: int
    coder: str
    coding_id: int


@dataclass(frozen=True)
class Evidence:
    """The codings of one unit behind a transition: A in stage k and B in stage k+1."""

    unit: Unit
    from_codings: tuple[ProcessCoding, ...]
    to_codings: tuple[ProcessCoding, ...]


@dataclass(frozen=True)
class TransitionMatrix:
    """Counts from the codes of stage k (rows) to the codes of stage k+1 (columns)."""

    from_stage: StageInfo
    to_stage: StageInfo
    rows: tuple[int, ...]  # code ids (chosen level), tree order
    columns: tuple[int, ...]
    counts: tuple[tuple[int, ...], ...]  # counts[row][column]


@dataclass(frozen=True)
class TransitionResult:
    """Transitions of a selection of units at one level, with the index behind every count."""

    data: ProcessData
    level: str
    selection: Selection
    transitions: tuple[Transition, ...]
    # unit key -> stage index -> code id (chosen level) -> indexes into data.codings
    index: dict[str, dict[int, dict[int, list[int]]]] = field(repr=False)
    units: tuple[Unit, ...] = ()

    @property
    def stages(self) -> tuple[StageInfo, ...]:
        return self.data.stages

    def as_json(self) -> dict[str, Any]:
        """``{"stages": [...], "transitions": [...]}`` as ``guiji transitions --json`` prints it."""
        return {"stages": [s.name for s in self.stages], "transitions": [t.as_dict() for t in self.transitions]}

    def evidence(self, transition: Transition) -> list[Evidence]:
        """Per unit where the transition is present, the codings of A in stage k and of B in stage k+1."""
        order = self.data.stage_index()
        k, k1 = order[transition.from_stage_id], order[transition.to_stage_id]
        out = []
        for unit in self.units:
            stages = self.index.get(unit.key, {})
            a = stages.get(k, {}).get(transition.from_code_id)
            b = stages.get(k1, {}).get(transition.to_code_id)
            if a and b:
                out.append(Evidence(unit, tuple(self.data.codings[i] for i in a),
                                    tuple(self.data.codings[i] for i in b)))
        return out

    def box_codings(self, stage_id: int, code_id: int) -> list[ProcessCoding]:
        """Every chosen coding counted as ``code_id`` (chosen level) in a stage, in unit order."""
        return [c for _unit, items in self.box_units(stage_id, code_id) for c in items]

    def box_units(self, stage_id: int, code_id: int) -> list[tuple[Unit, list[ProcessCoding]]]:
        """Per unit, its codings counted as ``code_id`` (chosen level) in a stage."""
        k = self.data.stage_index()[stage_id]
        out = []
        for unit in self.units:
            ids = self.index.get(unit.key, {}).get(k, {}).get(code_id)
            if ids:
                out.append((unit, [self.data.codings[i] for i in ids]))
        return out

    def box_counts(self) -> dict[tuple[int, int], int]:
        """(stage index, code id at the chosen level) -> number of codings."""
        counts: dict[tuple[int, int], int] = {}
        for stages in self.index.values():
            for k, codes in stages.items():
                for code_id, items in codes.items():
                    counts[(k, code_id)] = counts.get((k, code_id), 0) + len(items)
        return counts

    def matrices(self) -> list[TransitionMatrix]:
        """One matrix per pair of consecutive stages."""
        out = []
        present = self.box_counts()
        nodes = self.data.codes
        for k in range(len(self.stages) - 1):
            rows = sorted({c for (s, c) in present if s == k}, key=lambda i: nodes[i].order)
            cols = sorted({c for (s, c) in present if s == k + 1}, key=lambda i: nodes[i].order)
            cell = {(t.from_code_id, t.to_code_id): t.count for t in self.transitions
                    if t.from_stage_id == self.stages[k].id}
            counts = tuple(tuple(cell.get((r, c), 0) for c in cols) for r in rows)
            out.append(TransitionMatrix(self.stages[k], self.stages[k + 1], tuple(rows), tuple(cols), counts))
        return out


def compute_transitions(
    data: ProcessData,
    *,
    level: str | int | None = DEFAULT_LEVEL,
    selection: Selection | None = None,
    min_count: int = 1,
) -> TransitionResult:
    """Transitions between consecutive stages at ``level`` (see :func:`~app.core.process.data.resolve_level`)."""
    selection = selection or Selection()
    if min_count < 1:
        raise ValidationError(f"the minimum count must be 1 or more, not {min_count}", code="value.at_least_one",
                              params={"value": min_count})
    mapped = data.mapper(level)
    order = data.stage_index()
    index: dict[str, dict[int, dict[int, list[int]]]] = {}
    chosen = selection.members(data)
    codings = data.codings
    for unit, picked in chosen:
        stages: dict[int, dict[int, list[int]]] = {}
        for i in picked:
            stage_id = codings[i].stage_id
            if stage_id is None:
                continue
            stages.setdefault(order[stage_id], {}).setdefault(mapped[codings[i].code_id], []).append(i)
        index[unit.key] = stages
    found: dict[tuple[int, int, int], list[str]] = {}
    for unit, _picked in chosen:
        stages = index[unit.key]
        for k in range(len(data.stages) - 1):
            here, after = stages.get(k), stages.get(k + 1)
            if not here or not after:
                continue
            for a in here:
                for b in after:
                    found.setdefault((k, a, b), []).append(unit.name)
    nodes = data.codes
    transitions = [
        Transition(
            data.stages[k].id, a, data.stages[k + 1].id, b, data.stages[k].name, nodes[a].path,
            data.stages[k + 1].name, nodes[b].path, len(names), tuple(names),
        )
        for (k, a, b), names in found.items()
        if len(names) >= min_count
    ]
    transitions.sort(key=lambda t: (order[t.from_stage_id], nodes[t.from_code_id].order,
                                    nodes[t.to_code_id].order))
    return TransitionResult(data, str(level), selection, tuple(transitions), index,
                            tuple(unit for unit, _ in chosen))


def transitions(
    project: Project,
    *,
    level: str | int | None = DEFAULT_LEVEL,
    unit: str = "auto",
    selection: Selection | None = None,
    min_count: int = 1,
) -> TransitionResult:
    """Load the project's process data and compute its transitions (one read)."""
    from app.core.process.data import load_process_data

    return compute_transitions(load_process_data(project, unit=unit), level=level, selection=selection,
                               min_count=min_count)


def sequences(result: TransitionResult) -> list[SequenceItem]:
    """Every unit's sequence: its staged codings by stage, then document order and position."""
    data = result.data
    stage_pos = data.stage_index()
    names = {s.id: s.name for s in data.stages}
    mapped = data.mapper(None if result.level in ("None", "code") else result.level)
    doc_order = {doc_id: i for i, doc_id in enumerate(data.documents)}
    out = []
    for unit in result.units:
        items = [data.codings[i]
                 for codes in result.index.get(unit.key, {}).values() for ids in codes.values() for i in ids]
        items.sort(key=lambda c: (stage_pos[c.stage_id or 0], doc_order[c.document_id], c.start, c.end, c.id))
        for position, c in enumerate(items, start=1):
            assert c.stage_id is not None
            out.append(SequenceItem(
                unit.name, position, names[c.stage_id], stage_pos[c.stage_id] + 1,
                data.codes[mapped[c.code_id]].path, data.documents[c.document_id].name, c.start, c.end,
                c.coder, c.id,
            ))
    return out


SEQUENCE_COLUMNS = ("case", "stage", "code", "position", "stage_index", "document", "start", "end", "coder",
                    "coding_id")


def write_sequences_csv(result: TransitionResult, out: str | Path) -> Path:
    """Write the sequences in long format (one row per coding), UTF-8 with a BOM, written atomically.

    Columns: ``case, stage, code, position, stage_index, document, start, end, coder, coding_id``;
    ``position`` is 1-based within the case (a time stamp for TraMineR's event sequences).
    """
    target = Path(out)
    if target.suffix.lower() != ".csv":
        raise InputFileError(target, "the sequences are written as .csv", code="export.suffix",
                             params={"file": target.name, "allowed": ".csv"})
    try:
        with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(SEQUENCE_COLUMNS)
            for item in sequences(result):
                writer.writerow(_row(item))
    except OSError as exc:
        raise InputFileError(target, f"cannot be written ({exc.strerror or exc})", code="file.unwritable",
                             params={"file": target.name, "reason": str(exc.strerror or exc)}) from exc
    return target


def _row(item: SequenceItem) -> Iterable[object]:
    return (item.unit, item.stage, item.code, item.position, item.stage_index, item.document, item.start,
            item.end, item.coder, item.coding_id)
