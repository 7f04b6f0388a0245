"""The outcome of each timeline row: from the framework the project's template recorded, or from
links to outcome-level codes (a label the researcher gives on the figure comes first; see timeline.py)."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.process.data import ProcessData
from app.core.process.links import LinkInfo


def last_name(path: str) -> str:
    """The last name of a code path."""
    return path.rsplit("/", 1)[-1]


def outcomes_for(data: ProcessData, rows: Sequence[int], links: Sequence[LinkInfo]
                 ) -> dict[int, tuple[str, str]]:
    """Row code id -> (outcome, change) from the framework, else from links to outcome-level codes."""
    fw = data.framework
    by_name = {data.codes[r].name: r for r in rows}
    by_path = {data.codes[r].path: r for r in rows}
    out: dict[int, tuple[str, str]] = {}
    for cell in fw.get("cells", []) or []:
        if not isinstance(cell, dict):
            continue
        row = by_path.get(str(cell.get("row", ""))) or by_name.get(str(cell.get("row", "")))
        if row is not None and cell.get("outcome") and row not in out:
            out[row] = (last_name(str(cell["outcome"])), str(cell.get("change", "")))
    for stage in fw.get("stages", []) or []:
        if not isinstance(stage, dict) or not stage.get("outcome"):
            continue
        for strategy in stage.get("strategies", []) or []:
            top = str(strategy).split("/", 1)[0]
            row = by_name.get(top)
            if row is not None and row not in out:
                out[row] = (last_name(str(stage["outcome"])), "")
    for link in links:
        target = data.codes.get(link.target_id)
        if target is None or not is_outcome(data, link.target_id):
            continue
        row = data.top(link.source_id).id
        if row in rows and row not in out:
            out[row] = (target.name, "")
    return out


def is_outcome(data: ProcessData, code_id: int) -> bool:
    """Whether a code is an outcome (its level, or its dimension's, is "outcome")."""
    node = data.codes[code_id]
    return node.level == "outcome" or data.top(code_id).level == "outcome"
