"""Export a whole project as a REFI-QDA project (``.qdpx``): ``project.qde`` plus the texts.

``project.qde`` is valid against the REFI-QDA ``Project.xsd`` (QDA-XML 1.0). What goes where:

- coders → ``Users``; codes → ``CodeBook`` (the codebook's structured fields folded into each
  code's ``Description``, as the ``.qdc`` export does); memos → ``Notes``, referenced from the
  project, the document, the code or the coding they belong to;
- documents → ``TextSource`` elements whose text is a UTF-8 file ``Sources/<guid>.txt`` (no BOM,
  line ends ``\\n``, exactly the stored text); positions are code points of that text (§10.2);
- each coding → a ``PlainTextSelection`` with one ``Coding``; its own stage and exemplar flag are
  marked lines of the selection's ``Description`` (see :mod:`qdpx_common`);
- document attributes → ``Variables`` and ``VariableValue`` (text → Text, number → Float,
  date → Date); cases → ``Cases`` (documents as ``SourceRef``, passages as selections referenced by
  ``SelectionRef``);
- stages → one ``Set`` per stage holding the documents assigned to it, its order, colour and dates
  in the set's description; stage spans → uncoded selections marked with their stage;
- action-logic links → REFI ``Link`` elements from code to code (the relation as the link's name,
  stages, coder and memo in its note); each piece of evidence → a ``Link`` from the coding's
  selection to the link, its process-tracing test and stance in its note;
- the timeline → a ``Graph``: the stages left to right, chained by arrows, each with the codes
  most used in it below (only when the project has stages).

The file is written beside the target under a temporary name and renamed when complete.
"""

from __future__ import annotations

import itertools
import uuid
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree
from sqlalchemy import select

from app import __version__
from app.core.cases import CaseInfo, list_cases
from app.core.codebook import CodeInfo, list_codes
from app.core.db.models import (
    AttributeDefinition,
    Code,
    Coder,
    Coding,
    Document,
    DocumentAttribute,
    ProjectMeta,
    StageSpan,
    utcnow,
)
from app.core.errors import ValidationError
from app.core.exchange.codebook_model import project_codebook
from app.core.exchange.codebook_qdc import fold_description
from app.core.exchange.qdpx_common import (
    CODER,
    COLOUR,
    END,
    EXEMPLAR,
    FROM_STAGE,
    NS,
    RELATION,
    STAGE,
    STANCE,
    START,
    TEST,
    TO_STAGE,
    xml_safe,
)
from app.core.fsutil import atomic_path
from app.core.process.links import STANCES, TESTS, LinkInfo, list_links, relation_label
from app.core.project import Project
from app.core.stages import StageInfo, effective_stages, list_stages

_GUIDS = uuid.UUID("0d5b7c7e-3f0a-4a43-9a55-6b1f1d2a8e41")
_TYPES = {"text": "Text", "number": "Float", "date": "Date"}
_VALUE_TAGS = {"text": "TextValue", "number": "FloatValue", "date": "DateValue"}
_GRAPH_CODES = 6  # codes shown under each stage in the timeline graph


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote."""

    path: Path
    counts: tuple[tuple[str, int], ...]

    def as_dict(self) -> dict[str, object]:
        return {"file": str(self.path), **dict(self.counts)}


def _stamp(value: datetime | None) -> str:
    return (value or utcnow()).replace(microsecond=0).isoformat() + "Z"


@dataclass
class _Data:
    """Everything the export needs, read in one snapshot (rows are SQLAlchemy rows)."""

    created: str
    memo: str
    coders: list[Any]
    docs: list[Any]
    codings: list[Any]
    effective: dict[int, int | None]
    spans: list[Any]
    definitions: list[Any]
    values: list[Any]
    code_memos: dict[int, str]
    stages: list[StageInfo]
    cases: list[CaseInfo]
    codes: list[CodeInfo]
    links: list[LinkInfo]


def _read(project: Project) -> _Data:
    with project.read() as session:
        meta = dict(session.execute(select(ProjectMeta.key, ProjectMeta.value)).all())
        codings = session.execute(
            select(Coding.id, Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end,
                   Coding.memo, Coding.stage_id, Coding.created_at, Coding.exemplar)
            .order_by(Coding.document_id, Coding.start, Coding.end, Coding.id)
        ).all()
        data = _Data(
            created=meta.get("created_at", ""),
            memo=meta.get("memo", ""),
            coders=list(session.execute(select(Coder.id, Coder.name).order_by(Coder.id)).all()),
            docs=list(session.execute(
                select(Document.id, Document.name, Document.text, Document.memo, Document.stage_id,
                       Document.imported_at).order_by(Document.position, Document.id)
            ).all()),
            codings=list(codings),
            effective=effective_stages(session, [(c.id, c.document_id, c.start, c.end, c.stage_id)
                                                 for c in codings]),
            spans=list(session.execute(select(StageSpan.id, StageSpan.document_id, StageSpan.stage_id,
                                              StageSpan.start, StageSpan.end)).all()),
            definitions=list(session.execute(
                select(AttributeDefinition.id, AttributeDefinition.name, AttributeDefinition.type)
                .order_by(AttributeDefinition.position, AttributeDefinition.id)).all()),
            values=list(session.execute(select(DocumentAttribute.document_id, DocumentAttribute.attribute_id,
                                               DocumentAttribute.value)).all()),
            code_memos=dict(session.execute(select(Code.id, Code.memo).where(Code.memo != "")).all()),
            stages=[], cases=[], codes=[], links=[],
        )
    data.stages = list_stages(project)
    data.cases = list_cases(project)
    data.codes = list_codes(project)
    data.links = list_links(project)
    return data


class _Writer:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.data = _read(project)
        self.root = etree.Element(f"{{{NS}}}Project", nsmap={None: NS})
        self.notes: list[etree._Element] = []
        self.counts: Counter[str] = Counter()
        self.user_guid = {c.id: self.guid("coder", c.name) for c in self.data.coders}
        self.doc_guid = {d.id: self.guid("document", d.id) for d in self.data.docs}
        self.stage_name = {s.id: s.name for s in self.data.stages}
        self.stage_guid = {s.id: self.guid("stage", s.id) for s in self.data.stages}
        self.code_guid: dict[int, str] = {}
        self.passage_guid: dict[int, str] = {}

    def guid(self, kind: str, key: object) -> str:
        return str(uuid.uuid5(_GUIDS, f"{self.data.created}/{self.project.path.stem}/{kind}/{key}"))

    def el(self, parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
        element = etree.SubElement(parent, f"{{{NS}}}{tag}", {k: xml_safe(v) for k, v in attrs.items()})
        if text is not None:
            element.text = xml_safe(text)
        return element

    def note(self, owner: etree._Element | None, title: str, memo: str) -> str | None:
        """Add ``memo`` as a Note referenced from ``owner`` (None: the caller adds the reference)."""
        if not memo.strip():
            return None
        guid = str(uuid.uuid5(_GUIDS, f"{self.data.created}/note/{len(self.notes)}"))
        note = etree.Element(f"{{{NS}}}Note", guid=guid, name=xml_safe(f"备忘 Memo: {title}"[:400]))
        etree.SubElement(note, f"{{{NS}}}PlainTextContent").text = xml_safe(memo)
        self.notes.append(note)
        if owner is not None:
            self.el(owner, "NoteRef", targetGUID=guid)
        self.counts["memos"] += 1
        return guid

    def build(self) -> tuple[bytes, dict[str, bytes]]:
        data, root = self.data, self.root
        root.set("name", xml_safe(self.project.path.stem))
        root.set("origin", f"Guiji {__version__}")
        if data.created:
            root.set("creationDateTime", data.created[:19] + "Z")
        root.set("modifiedDateTime", _stamp(None))
        project_note = self.note(None, self.project.path.stem, data.memo)
        if data.coders:
            users = self.el(root, "Users")
            for coder in data.coders:
                self.el(users, "User", guid=self.user_guid[coder.id], name=coder.name)
        self.counts["coders"] = len(data.coders)
        self.codebook()
        self.variables()
        cases = self.el(root, "Cases") if data.cases else None
        files = self.sources()
        for case in data.cases:
            assert cases is not None
            case_el = self.el(cases, "Case", guid=self.guid("case", case.id), name=case.name)
            if case.description:
                self.el(case_el, "Description", case.description)
            for doc_id in case.document_ids:
                self.el(case_el, "SourceRef", targetGUID=self.doc_guid[doc_id])
            for passage in case.passages:
                self.el(case_el, "SelectionRef", targetGUID=self.passage_guid[passage.id])
        self.counts["cases"] = len(data.cases)
        links = self.links()
        if self.notes:
            self.el(root, "Notes").extend(self.notes)
        if links is not None:
            root.append(links)
        if data.stages:
            self.stage_sets()
            self.timeline()
        self.counts["stages"] = len(data.stages)
        if project_note:
            self.el(root, "NoteRef", targetGUID=project_note)
        xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
        return xml, files

    def codebook(self) -> None:
        """Codes with the codebook's fields folded into their descriptions, and their memos."""
        codes = self.data.codes
        self.counts["codes"] = len(codes)
        if not codes:
            return
        by_path = {entry.path: entry for entry in project_codebook(self.project).entries}
        parents: dict[int | None, etree._Element] = {None: self.el(self.el(self.root, "CodeBook"), "Codes")}
        for code in codes:
            entry = by_path[code.path]
            guid = self.code_guid[code.id] = entry.guid or self.guid("code", code.id)
            element = self.el(parents[code.parent_id], "Code", guid=guid, name=code.name, isCodable="true",
                              color=code.color)
            description = fold_description(entry)
            if description:
                self.el(element, "Description", description)
            self.note(element, code.path, self.data.code_memos.get(code.id, ""))
            parents[code.id] = element

    def variables(self) -> None:
        definitions = self.data.definitions
        self.counts["attributes"] = len(definitions)
        if definitions:
            variables = self.el(self.root, "Variables")
            for d in definitions:
                self.el(variables, "Variable", guid=self.guid("variable", d.id), name=d.name,
                        typeOfVariable=_TYPES[d.type])

    def sources(self) -> dict[str, bytes]:
        data = self.data
        attr_type = {d.id: d.type for d in data.definitions}
        doc_values: dict[int, list[tuple[int, str]]] = {}
        for row in data.values:
            doc_values.setdefault(row.document_id, []).append((row.attribute_id, row.value))
        selections: dict[int, list[tuple[int, int, str, Any]]] = {}
        for c in data.codings:
            selections.setdefault(c.document_id, []).append((c.start, c.end, "coding", c))
        for span in data.spans:
            selections.setdefault(span.document_id, []).append((span.start, span.end, "span", span))
        for case in data.cases:
            for passage in case.passages:
                self.passage_guid[passage.id] = self.guid("passage", passage.id)
                selections.setdefault(passage.document_id, []).append(
                    (passage.start, passage.end, "passage", (case.name, passage)))
        files: dict[str, bytes] = {}
        self.counts["documents"] = len(data.docs)
        self.counts["codings"] = len(data.codings)
        if not data.docs:
            return files
        sources = self.el(self.root, "Sources")
        for doc in data.docs:
            guid = self.doc_guid[doc.id]
            files[f"Sources/{guid}.txt"] = doc.text.encode("utf-8")
            source = self.el(sources, "TextSource", guid=guid, name=doc.name,
                             plainTextPath=f"internal://{guid}.txt", creationDateTime=_stamp(doc.imported_at))
            for selection in sorted(selections.get(doc.id, []), key=lambda s: (s[0], s[1])):
                self.selection(source, doc.name, selection)
            self.note(source, doc.name, doc.memo)
            for aid, value in doc_values.get(doc.id, []):
                holder = self.el(source, "VariableValue")
                self.el(holder, "VariableRef", targetGUID=self.guid("variable", aid))
                shown = format(Decimal(value), "f") if attr_type[aid] == "number" else value
                self.el(holder, _VALUE_TAGS[attr_type[aid]], shown)
        return files

    def selection(self, source: etree._Element, doc_name: str, selection: tuple[int, int, str, Any]) -> None:
        """A coding, a stage span or a case passage as a PlainTextSelection of ``source``."""
        start, end, kind, item = selection
        where = {"startPosition": str(start), "endPosition": str(end)}
        if kind == "coding":
            user = self.user_guid[item.coder_id]
            when = _stamp(item.created_at)
            sel = self.el(source, "PlainTextSelection", guid=self.guid("selection", item.id), **where,
                          creatingUser=user, creationDateTime=when)
            marks = []
            if item.stage_id is not None:
                marks.append(f"{STAGE}{self.stage_name[item.stage_id]}")
            if item.exemplar:
                marks.append(f"{EXEMPLAR}是 yes")
            if marks:
                self.el(sel, "Description", "\n".join(marks))
            coding = self.el(sel, "Coding", guid=self.guid("coding", item.id), creatingUser=user,
                             creationDateTime=when)
            self.el(coding, "CodeRef", targetGUID=self.code_guid[item.code_id])
            self.note(coding, f"{doc_name} {start}–{end}", item.memo)
        elif kind == "span":
            name = self.stage_name[item.stage_id]
            sel = self.el(source, "PlainTextSelection", guid=self.guid("span", item.id),
                          name=f"阶段 Stage: {name}", **where)
            self.el(sel, "Description", f"{STAGE}{name}")
        else:
            case_name, passage = item
            self.el(source, "PlainTextSelection", guid=self.passage_guid[passage.id],
                    name=f"个案 Case: {case_name}", **where)

    def links(self) -> etree._Element | None:
        """Action-logic links (code → code) and their evidence (selection → link), not yet placed."""
        self.counts["links"] = len(self.data.links)
        if not self.data.links:
            return None
        links = etree.Element(f"{{{NS}}}Links")
        for link in self.data.links:
            guid = self.guid("link", link.id)
            element = self.el(links, "Link", guid=guid, name=relation_label(link.relation),
                              direction="OneWay", originGUID=self.code_guid[link.source_id],
                              targetGUID=self.code_guid[link.target_id])
            marks = [f"{RELATION}{link.relation}"]
            if link.source_stage:
                marks.append(f"{FROM_STAGE}{link.source_stage}")
            if link.target_stage:
                marks.append(f"{TO_STAGE}{link.target_stage}")
            if link.coder:
                marks.append(f"{CODER}{link.coder}")
            self.note(element, f"{link.source} → {link.target}", "\n".join([*marks, link.memo]).strip())
            for item in link.evidence:
                test, stance = TESTS[item.test][0], STANCES[item.stance][0]
                evidence = self.el(links, "Link", guid=self.guid("evidence", item.id),
                                   name=f"证据 Evidence: {test}, {stance}", direction="OneWay",
                                   originGUID=self.guid("selection", item.coding_id), targetGUID=guid)
                body = f"{TEST}{item.test}\n{STANCE}{item.stance}\n{item.note}".strip()
                self.note(evidence, f"{item.document} {item.start}–{item.end}", body)
        return links

    def stage_sets(self) -> None:
        sets = self.el(self.root, "Sets")
        for i, stage in enumerate(self.data.stages, start=1):
            lines = [f"{STAGE}{i}", f"{COLOUR}{stage.color}"]
            if stage.start_date:
                lines.append(f"{START}{stage.start_date.isoformat()}")
            if stage.end_date:
                lines.append(f"{END}{stage.end_date.isoformat()}")
            if stage.description:
                lines.append(stage.description)
            set_el = self.el(sets, "Set", guid=self.stage_guid[stage.id], name=stage.name)
            self.el(set_el, "Description", "\n".join(lines))
            for doc in self.data.docs:
                if doc.stage_id == stage.id:
                    self.el(set_el, "MemberSource", targetGUID=self.doc_guid[doc.id])

    def timeline(self) -> None:
        """The stages left to right, chained, each with its most used codes below it."""
        graph = self.el(self.el(self.root, "Graphs"), "Graph", guid=self.guid("graph", "timeline"),
                        name="时间线 Timeline")
        per_stage: dict[int, Counter[int]] = {}
        for c in self.data.codings:
            stage_id = self.data.effective.get(c.id)
            if stage_id is not None:
                per_stage.setdefault(stage_id, Counter())[c.code_id] += 1
        codes = {c.id: c for c in self.data.codes}
        chain: list[str] = []
        for i, stage in enumerate(self.data.stages):
            x = 20 + i * 240
            vertex = self.guid("vertex", f"stage/{stage.id}")
            self.el(graph, "Vertex", guid=vertex, representedGUID=self.stage_guid[stage.id], name=stage.name,
                    firstX=str(x), firstY="20", secondX=str(x + 200), secondY="70", shape="Rectangle",
                    color=stage.color)
            chain.append(vertex)
            for j, (code_id, _n) in enumerate(per_stage.get(stage.id, Counter()).most_common(_GRAPH_CODES)):
                y = 100 + j * 60
                self.el(graph, "Vertex", guid=self.guid("vertex", f"{stage.id}/{code_id}"),
                        representedGUID=self.code_guid[code_id], name=codes[code_id].name, firstX=str(x + 10),
                        firstY=str(y), secondX=str(x + 190), secondY=str(y + 44), shape="RoundedRectangle",
                        color=codes[code_id].color)
        for source, target in itertools.pairwise(chain):
            self.el(graph, "Edge", guid=self.guid("edge", f"{source}/{target}"), sourceVertex=source,
                    targetVertex=target, direction="OneWay", lineStyle="solid")


def export_qdpx(project: Project, out: str | Path) -> ExportReport:
    """Write the whole project as a REFI-QDA project file ``out`` (``.qdpx``)."""
    out = Path(out)
    if out.suffix.lower() != ".qdpx":
        raise ValidationError(f"{out.name}: a REFI-QDA project file must end in .qdpx", code="export.suffix",
                              params={"file": out.name, "allowed": ".qdpx"})
    if not out.parent.is_dir():
        raise ValidationError(f"{out.name}: the folder {out.parent} does not exist", code="file.no_folder",
                              params={"file": out.name, "folder": str(out.parent)})
    writer = _Writer(project)
    xml, files = writer.build()
    try:
        with atomic_path(out) as tmp, \
                zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            archive.writestr("project.qde", xml)
            for name, data in files.items():
                archive.writestr(name, data)
    except OSError as exc:
        raise ValidationError(f"{out.name}: cannot be written ({exc.strerror or exc})", code="file.unwritable",
                              params={"file": out.name, "reason": str(exc.strerror or exc)}) from exc
    return ExportReport(out, tuple(writer.counts.items()))
