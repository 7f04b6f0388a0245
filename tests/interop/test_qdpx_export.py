"""Project export to REFI-QDA (.qdpx): valid against the standard's schema, code point positions,
and a round trip export → import that gives back the same project."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from app.core import attributes, cases, codebook, coding, documents, memos, stages
from app.core.db.models import Document, Stage
from app.core.errors import ValidationError
from app.core.exchange.qdpx_common import NS
from app.core.exchange.qdpx_export import export_qdpx
from app.core.exchange.qdpx_import import import_qdpx
from app.core.process import links
from app.core.project import Project, create_project, open_project
from app.core.tables import exemplar_ids

Q = f"{{{NS}}}"


@pytest.fixture
def schema(shared_data: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(shared_data / "refi" / "Project.xsd")))


def export(path: Path, out: Path) -> Path:
    with open_project(path, read_only=True) as project:
        export_qdpx(project, out)
    return out


def qde(qdpx: Path) -> etree._Element:
    with zipfile.ZipFile(qdpx) as archive:
        return etree.fromstring(archive.read("project.qde"))


def test_project_qde_is_valid_against_the_schema(rich_project: Path, tmp_path: Path,
                                                  schema: etree.XMLSchema) -> None:
    root = qde(export(rich_project, tmp_path / "out.qdpx"))
    assert schema.validate(root), schema.error_log
    assert root.get("origin", "").startswith("Guiji")
    # Everything is there: users, codes, variables, cases, sources, notes, stage sets, the timeline.
    tags = {etree.QName(e).localname for e in root}
    assert tags >= {"Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets", "Graphs",
                    "NoteRef"}
    by_guid = {e.get("guid"): e for e in root.iter() if e.get("guid")}
    kinds = sorted((etree.QName(by_guid[k.get("originGUID")]).localname,
                    etree.QName(by_guid[k.get("targetGUID")]).localname) for k in root.iter(f"{Q}Link"))
    assert kinds == [("Code", "Code"), ("Code", "Code"), ("PlainTextSelection", "Link")]
    graph = root.find(f"{Q}Graphs/{Q}Graph")
    stage_vertices = [v for v in graph.findall(f"{Q}Vertex") if v.get("shape") == "Rectangle"]
    assert [v.get("name") for v in stage_vertices] == ["扎根", "协调", "共生"]
    assert len(graph.findall(f"{Q}Edge")) == 2


def test_empty_project_is_valid(tmp_path: Path, schema: etree.XMLSchema) -> None:
    create_project(tmp_path / "empty.guiji").close()
    root = qde(export(tmp_path / "empty.guiji", tmp_path / "empty.qdpx"))
    assert schema.validate(root), schema.error_log


def test_positions_are_code_points_of_the_utf8_text(rich_project: Path, tmp_path: Path) -> None:
    out = export(rich_project, tmp_path / "out.qdpx")
    root = qde(out)
    with open_project(rich_project, read_only=True) as project:
        expected = {(c.document, c.text) for c in coding.list_codings(project)}
        stored = {d.name: documents.document_text(project, d.id) for d in documents.list_documents(project)}
    found = set()
    with zipfile.ZipFile(out) as archive:
        for source in root.iter(f"{Q}TextSource"):
            data = archive.read(f"Sources/{source.get('guid')}.txt")
            assert not data.startswith(b"\xef\xbb\xbf")
            text = data.decode("utf-8")
            assert text == stored[source.get("name")]  # exactly the stored text, \n line ends
            for sel in source.iter(f"{Q}PlainTextSelection"):
                if sel.find(f"{Q}Coding") is not None:
                    start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
                    found.add((source.get("name"), text[start:end]))
    assert found == expected
    assert any("𠮷" in t or "😀" in t for _d, t in found)


def test_fields_and_memos_travel_as_description_and_notes(rich_project: Path, tmp_path: Path) -> None:
    root = qde(export(rich_project, tmp_path / "out.qdpx"))
    code = next(c for c in root.iter(f"{Q}Code") if c.get("name") == "增权赋能")
    description = code.find(f"{Q}Description").text
    assert "【简短定义 Short definition】赋予权能" in description
    notes = {n.get("guid"): n.find(f"{Q}PlainTextContent").text for n in root.iter(f"{Q}Note")}
    assert notes[code.find(f"{Q}NoteRef").get("targetGUID")] == "核心概念𠮷"
    assert notes[root.find(f"{Q}NoteRef").get("targetGUID")] == "项目备忘：三阶段𠮷"
    stage_set = next(s for s in root.iter(f"{Q}Set") if s.get("name") == "协调")
    assert "【开始 Start】2020-01-01" in stage_set.find(f"{Q}Description").text


def test_export_refuses_a_wrong_extension(rich_project: Path, tmp_path: Path) -> None:
    with (open_project(rich_project, read_only=True) as project,
          pytest.raises(ValidationError, match=r"\.qdpx")):
        export_qdpx(project, tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()


# --- round trip -----------------------------------------------------------------------------------


def snapshot(project: Project) -> dict[str, object]:
    """What must survive a round trip, keyed by names (ids differ between projects)."""
    docs = documents.list_documents(project)
    names = {d.id: d.name for d in docs}
    codes = codebook.list_codes(project)
    exemplars = exemplar_ids(project)
    return {
        "documents": {d.name: d.sha256 for d in docs},
        "codes": {c.path: (c.color, c.description, c.short_definition, c.when_to_use, c.example, c.keywords,
                           c.level) for c in codes},
        "codings": sorted((c.document, c.code, c.start, c.end, c.text, c.coder, c.memo, c.own_stage,
                           c.id in exemplars) for c in coding.list_codings(project)),
        "cases": [(c.name, c.description, c.documents, [(names[p.document_id], p.text) for p in c.passages])
                  for c in cases.list_cases(project)],
        "memos": sorted((m.kind, m.title, m.text) for m in memos.list_memos(project)),
        "stages": [(s.name, s.color, s.description, s.start_date, s.end_date)
                   for s in stages.list_stages(project)],
        "spans": sorted((names[d.id], s.stage, s.start, s.end) for d in docs
                        for s in stages.list_stage_spans(project, d.id)),
        "attributes": [(a.name, a.type) for a in attributes.list_attributes(project)],
        "values": attributes.attribute_table(project),
        "coders": coding.list_coders(project),
        "document_stages": document_stages(project),
        "links": [(k.source, k.target, k.relation, k.source_stage, k.target_stage, k.memo, k.coder,
                   [(e.document, e.text, e.code, e.test, e.stance, e.note) for e in k.evidence])
                  for k in links.list_links(project)],
    }


def document_stages(project: Project) -> dict[str, str | None]:
    with project.read() as session:
        query = select(Document.name, Stage.name).outerjoin(Stage, Stage.id == Document.stage_id)
        return dict(session.execute(query).all())


def test_round_trip_gives_the_same_project(rich_project: Path, tmp_path: Path) -> None:
    out = export(rich_project, tmp_path / "out.qdpx")
    report = import_qdpx(out, tmp_path / "back.guiji")
    assert [s for s in report.skipped if s.kind != "graph"] == []
    with open_project(rich_project, read_only=True) as before, open_project(tmp_path / "back.guiji") as after:
        old, new = snapshot(before), snapshot(after)
        for key in old:
            if key == "memos":  # the project memo's title is the file name
                old[key] = [(k, t if k != "project" else "", x) for k, t, x in old[key]]  # type: ignore[attr-defined]
                new[key] = [(k, t if k != "project" else "", x) for k, t, x in new[key]]  # type: ignore[attr-defined]
            if key == "values":
                old[key] = [row[1:] for row in old[key]]  # type: ignore[attr-defined]
                new[key] = [row[1:] for row in new[key]]  # type: ignore[attr-defined]
            assert new[key] == old[key], key
        assert old["document_stages"] == {"访谈甲": "扎根", "访谈乙": None}
    assert len(old["links"]) == 2  # type: ignore[arg-type]
    assert old["links"][0][-1]  # type: ignore[index]  # with its evidence
    assert report.count("codings") == 5
    assert report.count("documents") == 2


def test_round_trip_twice_is_stable(rich_project: Path, tmp_path: Path) -> None:
    first = export(rich_project, tmp_path / "one.qdpx")
    import_qdpx(first, tmp_path / "two.guiji")
    second = export(tmp_path / "two.guiji", tmp_path / "two.qdpx")
    import_qdpx(second, tmp_path / "three.guiji")
    with open_project(tmp_path / "two.guiji", read_only=True) as two, \
            open_project(tmp_path / "three.guiji", read_only=True) as three:
        a, b = snapshot(two), snapshot(three)
    assert a["codings"] == b["codings"]
    assert a["documents"] == b["documents"]
    assert a["codes"] == b["codes"]
