"""Merge another copy of a project (or a ``.qdpx`` from another program) into a project.

Coders who worked in separate copies bring their work together. What is matched and what is added:

- **documents** by their text (SHA-256); a document of the other file whose *name* is taken by a
  document with a different text is a conflict: it is skipped, with everything attached to it, and
  reported — never merged silently. A new document comes with its edit history and attributes.
- **codes** by path (parents first; Guiji stores no code GUIDs, so a REFI file's GUIDs are matched
  through the code path its import gives); **coders**, **stages**, **cases**, **attributes** by name.
- **codings** by (document, code, coder, start, end), counted as a multiset (two identical codings
  stay two); **stage spans**, **case passages**, case memberships, **links** (source, target, their
  stages, relation, coder), link evidence, rejected suggestions and figure layout tweaks by their
  content. Everything added keeps its coder, memo, stage and time.
- **memos** (project, documents, codes, codings, links) and empty fields of matched rows: an empty
  one takes the other's; a different one gets the other's text appended after a blank line (unless
  it already holds it). Nothing of the project is removed or overwritten. A document attribute whose
  value differs is reported as a conflict and the project's value kept.

The trained suggestion model is not merged (train again). Everything happens in one transaction;
:func:`app.core.ops.merge.merge_project` wraps it as one undoable step (undo deletes exactly the rows
added and puts the changed fields back). Merging the same file twice adds nothing the second time.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, and_, delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.core.db.models import Base
from app.core.errors import GuijiError, InputFileError, ValidationError
from app.core.project import Project, open_project

__all__ = ["MERGED_TABLES", "MergePlan", "MergeReport", "apply_plan", "merge_file", "plan_merge", "revert_plan"]

# Every table a merge reads; tests check that no table of the models is forgotten.
MERGED_TABLES = frozenset({
    "project_meta", "coder", "stage", "code", "document", "document_edit", "attribute_definition",
    "document_attribute", "case", "case_document", "case_passage", "stage_span", "coding", "link",
    "link_evidence", "suggestion_rejection", "figure_layout",
})
SKIPPED_TABLES = frozenset({"suggestion_model"})  # derived from the codings: train again
_CODE_FIELDS = ("description", "short_definition", "when_to_use", "when_not_to_use", "example", "keywords", "level")
_META_KEEP = frozenset({"created_at", "created_by"})  # the project's own facts, never copied
_PINS = "pinned_codes"  # {number key: code id} (app.core.ops.codes)
_DECISIONS = "consensus_not_coded"  # [[document id, code id, start, end, coder]] (app.core.disagreements)


def _t(name: str) -> Table:
    return Base.metadata.tables[name]


def merge_text(mine: str, theirs: str) -> str:
    """A memo merged: ``mine`` unless it is empty or lacks ``theirs``, which is then taken or appended."""
    if not theirs or theirs in mine:
        return mine
    return theirs if not mine else f"{mine}\n\n{theirs}"


@dataclass
class MergeReport:
    """What a merge adds, matches and refuses. ``added``/``matched`` count rows per kind; ``conflicts``
    lists what was skipped or kept as it was, each ``{"kind", "name", "code", "reason"}`` (``code``
    ``merge.text_differs``: a document of that name has another text, skipped; ``merge.value_differs``:
    an attribute value kept; ``reason`` is the English text); ``filled`` counts
    memos and empty fields that received the other file's text."""

    source: str
    added: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)
    conflicts: list[dict[str, str]] = field(default_factory=list)
    filled: int = 0

    def as_dict(self) -> dict[str, Any]:
        """JSON: ``source, added, matched, conflicts, filled``."""
        return {"source": self.source, "added": dict(self.added), "matched": dict(self.matched),
                "conflicts": list(self.conflicts), "filled": self.filled}

    def lines(self) -> list[str]:
        """The report as lines of text."""
        def counts(values: dict[str, int]) -> str:
            shown = [f"{n} {kind}" for kind, n in values.items() if n]
            return ", ".join(shown) or "nothing"

        out = [f"added: {counts(self.added)}", f"matched: {counts(self.matched)}",
               f"memos and empty fields filled: {self.filled}"]
        out += [f"conflict: {c['kind']} '{c['name']}': {c['reason']}" for c in self.conflicts]
        return out


@dataclass
class MergePlan:
    """Rows to insert (table, values with their new keys; parents first) and fields to change
    (table, key, column, old, new). Applying it is the merge; :func:`revert_plan` undoes it."""

    report: MergeReport
    inserts: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    updates: list[tuple[str, dict[str, Any], str, Any, Any]] = field(default_factory=list)

    def count(self, kind: str, *, added: bool = True) -> None:
        target = self.report.added if added else self.report.matched
        target[kind] = target.get(kind, 0) + 1


def _rows(session: Session, name: str) -> list[dict[str, Any]]:
    table = _t(name)
    key = list(table.primary_key.columns)
    return [dict(r) for r in session.execute(select(table).order_by(*key)).mappings()]


class _Planner:
    """Builds a :class:`MergePlan` from the other file's rows and the project's (one read of each)."""

    def __init__(self, session: Session, theirs: dict[str, list[dict[str, Any]]], plan: MergePlan) -> None:
        self.s = session
        self.theirs = theirs
        self.plan = plan
        self.next_id: dict[str, int] = {}
        self.map: dict[str, dict[Any, Any]] = defaultdict(dict)  # table → their id → our id
        self.added: dict[str, set[int]] = defaultdict(set)  # table → ids this merge adds

    def new_id(self, table: str) -> int:
        if table not in self.next_id:
            self.next_id[table] = (self.s.scalar(select(func.max(_t(table).c.id))) or 0) + 1
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def add(self, table: str, row: dict[str, Any], kind: str | None = None, **changes: Any) -> int | None:
        values = {**row, **changes}
        if "id" in _t(table).c:
            values["id"] = self.new_id(table)
            self.added[table].add(values["id"])
        self.plan.inserts.append((table, values))
        if kind:
            self.plan.count(kind)
        return values.get("id")

    def fill(self, table: str, key: dict[str, Any], column: str, mine: Any, theirs: Any, *, memo: bool) -> None:
        new = merge_text(mine or "", theirs or "") if memo else (mine if mine not in (None, "") else theirs)
        if new != mine and not (new in (None, "") and mine in (None, "")):
            self.plan.updates.append((table, key, column, mine, new))
            self.plan.report.filled += 1

    def conflict(self, kind: str, name: str, code: str, reason: str) -> None:
        self.plan.report.conflicts.append({"kind": kind, "name": name, "code": code, "reason": reason})

    # --- by name ---------------------------------------------------------------------------------

    def by_name(self, table: str, kind: str, fields: tuple[str, ...] = (), memo_fields: tuple[str, ...] = ()) -> None:
        ours = {r["name"]: r for r in _rows(self.s, table)}
        base = (max((r["position"] for r in ours.values()), default=-1) + 1) if "position" in _t(table).c else 0
        for row in self.theirs[table]:
            mine = ours.get(row["name"])
            if mine is None:
                changes = {"position": row["position"] + base} if "position" in row else {}
                self.map[table][row["id"]] = self.add(table, row, kind, **changes)
                continue
            self.map[table][row["id"]] = mine["id"]
            self.plan.count(kind, added=False)
            for column in fields:
                self.fill(table, {"id": mine["id"]}, column, mine[column], row[column], memo=False)
            for column in memo_fields:
                self.fill(table, {"id": mine["id"]}, column, mine[column], row[column], memo=True)

    # --- codes by path ---------------------------------------------------------------------------

    def codes(self) -> None:
        ours = _rows(self.s, "code")
        paths = _paths(ours)
        by_path = {paths[r["id"]]: r for r in ours}
        children_base: dict[int | None, int] = {}
        for r in ours:
            children_base[r["parent_id"]] = max(children_base.get(r["parent_id"], -1), r["position"])
        their_paths = _paths(self.theirs["code"])
        # Ids in the other file's id order (so an empty project gets the same ids), rows parents first.
        for row in self.theirs["code"]:
            mine = by_path.get(their_paths[row["id"]])
            if mine is None:
                self.map["code"][row["id"]] = new = self.new_id("code")
                self.added["code"].add(new)
            else:
                self.map["code"][row["id"]] = mine["id"]
        for row in sorted(self.theirs["code"], key=lambda r: (their_paths[r["id"]].count("/"), r["id"])):
            ours_id = self.map["code"][row["id"]]
            if ours_id in self.added["code"]:
                parent = self.map["code"].get(row["parent_id"]) if row["parent_id"] is not None else None
                base = 0 if parent in self.added["code"] else children_base.get(parent, -1) + 1
                self.plan.inserts.append(("code", {**row, "id": ours_id, "parent_id": parent,
                                                   "position": row["position"] + base}))
                self.plan.count("codes")
                continue
            mine = by_path[their_paths[row["id"]]]
            self.plan.count("codes", added=False)
            for column in _CODE_FIELDS:
                self.fill("code", {"id": mine["id"]}, column, mine[column], row[column], memo=False)
            self.fill("code", {"id": mine["id"]}, "memo", mine["memo"], row["memo"], memo=True)

    # --- documents by text -----------------------------------------------------------------------

    def documents(self) -> None:
        ours = self.s.execute(select(_t("document").c.id, _t("document").c.name, _t("document").c.sha256,
                                     _t("document").c.memo, _t("document").c.stage_id,
                                     _t("document").c.position)).mappings().all()
        by_hash: dict[str, list[Any]] = defaultdict(list)
        for r in ours:
            by_hash[r["sha256"]].append(r)
        names = {r["name"]: r for r in ours}
        base = max((r["position"] for r in ours), default=-1) + 1
        for row in self.theirs["document"]:
            same = by_hash.get(row["sha256"], [])
            mine = next((r for r in same if r["name"] == row["name"]), same[0] if same else None)
            if mine is None:
                if row["name"] in names:
                    self.conflict("document", row["name"], "merge.text_differs",
                                  "a document of this name has a different text; skipped with its codings")
                    continue
                stage = self.map["stage"].get(row["stage_id"])
                self.map["document"][row["id"]] = self.add("document", row, "documents", stage_id=stage,
                                                            position=row["position"] + base)
                continue
            self.map["document"][row["id"]] = mine["id"]
            self.plan.count("documents", added=False)
            self.fill("document", {"id": mine["id"]}, "memo", mine["memo"], row["memo"], memo=True)
            self.fill("document", {"id": mine["id"]}, "stage_id", mine["stage_id"],
                      self.map["stage"].get(row["stage_id"]), memo=False)

    # --- rows matched by their content -----------------------------------------------------------

    def by_content(self, table: str, kind: str | None, refs: dict[str, str], key: tuple[str, ...],
                   memo_fields: tuple[str, ...] = ()) -> None:
        """Rows of ``table`` whose ``refs`` (column → mapped table) are mapped, matched on ``key``
        columns (after mapping) as a multiset; the rest added."""
        ours = _rows(self.s, table)
        pool: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
        for r in ours:
            pool[tuple(r[c] for c in key)].append(r)
        used: Counter[tuple[Any, ...]] = Counter()
        for row in self.theirs[table]:
            mapped = dict(row)
            missing = False
            for column, target in refs.items():
                if row[column] is None:
                    continue
                value = self.map[target].get(row[column])
                if value is None:
                    missing = True
                    break
                mapped[column] = value
            if missing:
                continue  # attached to something skipped (a conflicting document)
            k = tuple(mapped[c] for c in key)
            candidates = pool.get(k, [])
            if used[k] < len(candidates):
                mine = candidates[used[k]]
                used[k] += 1
                if "id" in row:
                    self.map[table][row["id"]] = mine["id"]
                if kind:
                    self.plan.count(kind, added=False)
                where = {c.name: mine[c.name] for c in _t(table).primary_key.columns}
                for column in memo_fields:
                    self.fill(table, where, column, mine[column], row[column], memo=True)
                if table == "coding":
                    self.fill(table, where, "stage_id", mine["stage_id"], mapped["stage_id"], memo=False)
                    if row["exemplar"] and not mine["exemplar"]:
                        self.plan.updates.append((table, where, "exemplar", mine["exemplar"], True))
                continue
            new_id = self.add(table, mapped, kind)
            if "id" in row:
                self.map[table][row["id"]] = new_id

    def edits(self) -> None:
        """The edit history of the documents this merge adds (a matched document keeps its own)."""
        for row in self.theirs["document_edit"]:
            doc = self.map["document"].get(row["document_id"])
            if doc in self.added["document"]:
                self.add("document_edit", row, document_id=doc)

    def attributes(self) -> None:
        ours = {(r["document_id"], r["attribute_id"]): r["value"] for r in _rows(self.s, "document_attribute")}
        names = {r["id"]: r["name"] for r in self.theirs["attribute_definition"]}
        docs = {r["id"]: r["name"] for r in self.theirs["document"]}
        for row in self.theirs["document_attribute"]:
            doc = self.map["document"].get(row["document_id"])
            attribute = self.map["attribute_definition"].get(row["attribute_id"])
            if doc is None or attribute is None:
                continue
            value = ours.get((doc, attribute))
            if value is None:
                self.add("document_attribute", {**row, "document_id": doc, "attribute_id": attribute}, "attributes")
            elif value == row["value"]:
                self.plan.count("attributes", added=False)
            else:
                self.conflict("attribute", f"{docs[row['document_id']]}: {names[row['attribute_id']]}",
                              "merge.value_differs",
                              f"the project's value '{value}' kept (the other file has '{row['value']}')")

    def meta(self) -> None:
        """The project's key/value settings: the memo merged, a setting P lacks copied; settings that
        hold ids (pinned codes, consensus decisions) translated to P's ids."""
        ours = {r["key"]: r["value"] for r in _rows(self.s, "project_meta")}
        for row in self.theirs["project_meta"]:
            key, value = row["key"], row["value"]
            if key in _META_KEEP:
                continue
            if key == _PINS:
                if ours.get(key) not in (None, "", "{}"):
                    continue  # the project's own pins (number keys) stay
                value = _remap_json(value, lambda data: {k: self.map["code"][v] for k, v in data.items()
                                                         if v in self.map["code"]})
                if key in ours:
                    if value not in ("", "{}"):
                        self.plan.updates.append(("project_meta", {"key": key}, "value", ours[key], value))
                    continue
            elif key == _DECISIONS:
                value = self._decisions(ours.get(key), value)
                if value is None:
                    continue
                if key in ours:
                    self.plan.updates.append(("project_meta", {"key": key}, "value", ours[key], value))
                    self.plan.count("consensus decisions")
                    continue
            if key not in ours:
                self.add("project_meta", {"key": key, "value": value})
            elif key == "memo":
                self.fill("project_meta", {"key": "memo"}, "value", ours["memo"], value, memo=True)

    def _decisions(self, mine: str | None, theirs: str) -> str | None:
        """P's consensus "not coded" decisions plus the other file's (ids translated); None: no change."""
        try:
            own = json.loads(mine) if mine else []
            other = json.loads(theirs) if theirs else []
        except ValueError:
            return None
        added = False
        for doc, code, start, end, coder in other:
            if doc in self.map["document"] and code in self.map["code"]:
                item = [self.map["document"][doc], self.map["code"][code], start, end, coder]
                if item not in own:
                    own.append(item)
                    added = True
        return json.dumps(own) if added else None


def _remap_json(raw: str, remap: Any) -> str:
    try:
        return json.dumps(remap(json.loads(raw))) if raw else raw
    except (ValueError, TypeError, AttributeError):
        return raw


def _paths(rows: list[dict[str, Any]]) -> dict[int, str]:
    by_id = {r["id"]: r for r in rows}
    out: dict[int, str] = {}

    def path(code_id: int) -> str:
        if code_id not in out:
            row = by_id[code_id]
            parent = row["parent_id"]
            out[code_id] = row["name"] if parent is None else f"{path(parent)}/{row['name']}"
        return out[code_id]

    for r in rows:
        path(r["id"])
    return out


def plan_merge(session: Session, theirs: dict[str, list[dict[str, Any]]], source: str) -> MergePlan:
    """What merging ``theirs`` (every merged table's rows, see :func:`read_rows`) into the project of
    ``session`` adds and changes; writes nothing."""
    plan = MergePlan(MergeReport(source))
    p = _Planner(session, theirs, plan)
    p.by_name("coder", "coders")
    p.by_name("stage", "stages", fields=("description", "start_date", "end_date"))
    p.codes()
    p.documents()
    p.edits()
    p.by_name("attribute_definition", "attribute definitions")
    p.attributes()
    p.by_name("case", "cases", fields=("description",))
    p.by_content("case_document", "case documents", {"case_id": "case", "document_id": "document"},
                 ("case_id", "document_id"))
    p.by_content("case_passage", "case passages", {"case_id": "case", "document_id": "document"},
                 ("case_id", "document_id", "start", "end"))
    p.by_content("stage_span", "stage spans", {"document_id": "document", "stage_id": "stage"},
                 ("document_id", "stage_id", "start", "end", *(("coder",) if "coder" in _t("stage_span").c else ())))
    p.by_content("coding", "codings", {"document_id": "document", "code_id": "code", "coder_id": "coder",
                                       "stage_id": "stage"},
                 ("document_id", "code_id", "coder_id", "start", "end"), memo_fields=("memo",))
    p.by_content("link", "links", {"source_id": "code", "target_id": "code", "source_stage_id": "stage",
                                   "target_stage_id": "stage"},
                 ("source_id", "target_id", "source_stage_id", "target_stage_id", "relation", "coder"),
                 memo_fields=("memo",))
    p.by_content("link_evidence", "link evidence", {"link_id": "link", "coding_id": "coding"},
                 ("link_id", "coding_id"), memo_fields=("note",))
    p.by_content("suggestion_rejection", "rejected suggestions", {"document_id": "document", "code_id": "code"},
                 ("document_id", "code_id", "start", "end", "coder"))
    p.by_content("figure_layout", "figure layout", {}, ("figure", "element"))
    p.meta()
    return plan


def apply_plan(session: Session, plan: MergePlan) -> None:
    """Insert the plan's rows and change its fields (inside the caller's transaction)."""
    batch: list[dict[str, Any]] = []
    current = None
    for table, values in [*plan.inserts, ("", {})]:
        if table != current and batch:
            session.execute(insert(_t(current or "")), batch)
            batch = []
        current = table
        if table:
            batch.append(values)
    for table, key, column, _old, new in plan.updates:
        _set(session, table, key, column, new)


def revert_plan(session: Session, plan: MergePlan) -> None:
    """Undo :func:`apply_plan`: delete exactly the rows it inserted (children first), put fields back."""
    for table, key, column, old, _new in reversed(plan.updates):
        _set(session, table, key, column, old)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for table, values in plan.inserts:
        grouped[table].append(values)
    order = [t.name for t in reversed(Base.metadata.sorted_tables) if t.name in grouped]
    for table in order:
        t = _t(table)
        keys = [c.name for c in t.primary_key.columns]
        if keys == ["id"]:
            ids = [v["id"] for v in grouped[table]]
            for i in range(0, len(ids), 500):
                session.execute(delete(t).where(t.c.id.in_(ids[i:i + 500])))
        else:
            for values in grouped[table]:
                session.execute(delete(t).where(and_(*(t.c[k] == values[k] for k in keys))))


def _set(session: Session, table: str, key: dict[str, Any], column: str, value: Any) -> None:
    t = _t(table)
    session.execute(update(t).where(and_(*(t.c[k] == v for k, v in key.items()))).values({column: value}))


def read_rows(project: Project) -> dict[str, list[dict[str, Any]]]:
    """Every merged table's rows of ``project`` (with the documents' texts)."""
    with project.read() as session:
        return {name: _rows(session, name) for name in MERGED_TABLES}


@contextlib.contextmanager
def _opened_source(path: Path) -> Iterator[Project]:
    """The other file as a project, read-only: a ``.guiji`` as it is, a ``.qdpx``/``.qde`` imported
    into a temporary project first."""
    if not path.is_file():
        raise InputFileError(path, "no such file", code="file.missing", params={"file": path.name})
    if path.suffix.lower() in (".qdpx", ".qde"):
        from app.core.exchange.qdpx_import import import_qdpx

        with tempfile.TemporaryDirectory(prefix="guiji-merge-") as folder:
            target = Path(folder) / "imported.guiji"
            import_qdpx(path, target)
            with open_project(target, read_only=True) as project:
                yield project
        return
    try:
        try:
            source = open_project(path, read_only=True)
        except GuijiError as exc:
            if exc.code != "project.needs_upgrade":
                raise
            # An older copy: upgrade a temporary copy of it (the other file itself is never written).
            with tempfile.TemporaryDirectory(prefix="guiji-merge-") as folder:
                copy = Path(folder) / path.name
                _copy_database(path, copy)
                with open_project(copy) as upgraded:
                    yield upgraded
            return
    except GuijiError as exc:
        # The reason's own code and values (not a Guiji project, newer schema…) so the window can say it.
        reason = str(exc).removeprefix(f"{path.name}: ")
        raise InputFileError(path, f"cannot be merged: {reason}", code=exc.code or "merge.unreadable",
                             params={"file": path.name, "reason": reason, **exc.params}) from exc
    with source:
        yield source


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite file (with what its write-ahead log holds)."""
    with contextlib.closing(sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True)) as src, \
            contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def source_rows(path: str | Path) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """``(file name, rows)`` of the file to merge; raises :class:`InputFileError` naming it."""
    path = Path(path)
    with _opened_source(path) as source:
        return path.name, read_rows(source)


def merge_file(project: Project, other: str | Path, *, dry_run: bool = False) -> MergeReport:
    """Merge ``other`` (a ``.guiji``, ``.qdpx`` or ``.qde``) into ``project`` in one transaction (with
    ``dry_run``, only report what would happen). The CLI calls this; the window uses
    :func:`app.core.ops.merge.merge_project` for one undo step."""
    return merge_plan_for(project, other, dry_run=dry_run).report


def merge_plan_for(project: Project, other: str | Path, *, dry_run: bool = False) -> MergePlan:
    """Plan the merge of ``other`` into ``project`` and (unless ``dry_run``) apply it; the applied plan."""
    if Path(other).resolve() == Path(project.path).resolve():
        raise ValidationError(f"{Path(other).name}: a project cannot be merged into itself",
                              code="merge.self", params={"file": Path(other).name})
    name, theirs = source_rows(other)
    if dry_run:
        with project.read() as session:
            return plan_merge(session, theirs, name)
    with project.write() as session:
        plan = plan_merge(session, theirs, name)
        apply_plan(session, plan)
    return plan
