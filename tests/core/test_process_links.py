"""Action-logic links with evidence, their summary, figure adjustments, and exact undo of each change."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.core import codebook, coding, documents, stages
from app.core.code_ops import restore_code, snapshot_code
from app.core.db.models import Base
from app.core.errors import NotFoundError, ValidationError
from app.core.process import adjustments as adj
from app.core.process import links

TEXT = "𠮷😀社工\r\n入户走访，居民增权赋能，互助合作。"


def dump(project: Any) -> dict[str, list[tuple[Any, ...]]]:
    with project.read() as session:
        return {t.name: sorted((tuple(r) for r in session.execute(select(t))), key=repr)
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def setup(project):  # type: ignore[no-untyped-def]
    s1, s2 = stages.add_stage(project, "扎根"), stages.add_stage(project, "协调")
    a = codebook.create_code(project, "内生因素/增权赋能").id
    b = codebook.create_code(project, "治理环境/畅通协商").id
    doc = documents.add_text_document(project, "访谈", TEXT).id
    c1 = coding.apply_coding(project, document_id=doc, code_id=a, start=0, end=4, coder="甲").id
    c2 = coding.apply_coding(project, document_id=doc, code_id=b, start=5, end=9, coder="甲").id
    return {"project": project, "a": a, "b": b, "s1": s1.id, "s2": s2.id, "c1": c1, "c2": c2}


def test_relation_names() -> None:
    assert links.relation_key("促进") == "leads_to"
    assert links.relation_key("Leads to") == "leads_to"
    assert links.relation_key("part_of") == "part_of"
    assert links.relation_key("  保障  ") == "保障"  # user-defined
    assert links.relation_label("constrains") == "制约"
    assert links.relation_label("constrains", english=True) == "constrains"
    assert links.relation_label("保障") == "保障"
    assert {links.relation_style(k) for k in links.RELATIONS} | {links.relation_style("保障")} == {
        "solid", "dash", "dot", "dashdot", "dashdotdot", "longdash"}
    with pytest.raises(ValidationError):
        links.relation_key("  ")
    with pytest.raises(ValidationError, match="64"):
        links.relation_key("长" * 65)
    assert links.tracing_test("smoking gun") == "smoking_gun"
    assert links.tracing_test("环箍") == "hoop"
    assert links.stance_key("反驳") == "contradicts"
    with pytest.raises(ValidationError, match="test"):
        links.tracing_test("maybe")


def test_create_evidence_summary_and_undo(setup) -> None:  # type: ignore[no-untyped-def]
    p = setup["project"]
    empty = dump(p)
    link = links.create_link(p, setup["a"], setup["b"], "促进", source_stage_id=setup["s1"],
                             target_stage_id=setup["s2"], coder="甲")
    assert (link.source, link.target, link.label, link.source_stage, link.target_stage) == (
        "内生因素/增权赋能", "治理环境/畅通协商", "促进", "扎根", "协调")
    assert link.summary.verdict == "untested"
    e1 = links.add_evidence(p, link.id, setup["c1"], test="straw-in-the-wind")
    assert (e1.text, e1.document, e1.start, e1.end) == ("𠮷😀社工", "访谈", 0, 4)
    with pytest.raises(ValidationError, match="already"):
        links.add_evidence(p, link.id, setup["c1"])
    e2 = links.add_evidence(p, link.id, setup["c2"], test="smoking_gun", stance="supports", note="关键")
    got = links.get_link(p, link.id)
    assert [e.id for e in got.evidence] == [e1.id, e2.id]
    assert got.summary.verdict == "confirmed"
    assert got.summary.short() == "+2 确证"
    assert got.summary.tests[0] == ("supports", "smoking_gun", 1)
    before = links.update_evidence(p, e2.id, stance="contradicts", test="hoop")
    assert before == e2
    assert links.get_link(p, link.id).summary.verdict == "eliminated"
    links.update_evidence(p, e2.id, test=before.test, stance=before.stance, note=before.note)
    assert links.get_evidence(p, e2.id) == e2
    # Remove and re-add evidence under its id.
    removed = links.remove_evidence(p, e1.id)
    assert links.readd_evidence(p, removed) == e1
    # Update a link and put it back.
    old = links.update_link(p, link.id, relation="制约", memo="备注", source_stage_id=None)
    now = links.get_link(p, link.id)
    assert (now.relation, now.memo, now.source_stage_id) == ("constrains", "备注", None)
    links.set_link(p, old)
    assert links.get_link(p, link.id) == got
    # Delete with its evidence, restore exactly.
    full = dump(p)
    snapshot = links.delete_link(p, link.id)
    assert dump(p)["link_evidence"] == []
    links.restore_link(p, snapshot)
    assert dump(p) == full
    with pytest.raises(ValidationError, match="already exists"):
        links.restore_link(p, snapshot)
    links.delete_link(p, link.id)
    assert dump(p) == empty


def test_deleting_a_code_takes_its_links_and_undo_brings_them_back(setup) -> None:  # type: ignore[no-untyped-def]
    p = setup["project"]
    link = links.create_link(p, setup["a"], setup["b"], "enables")
    links.add_evidence(p, link.id, setup["c2"], test="hoop")
    full = dump(p)
    snapshot = snapshot_code(p, setup["b"])
    codebook.delete_code(p, setup["b"])
    assert links.list_links(p) == []
    restore_code(p, snapshot)
    assert dump(p) == full


def test_bad_links_change_nothing(setup) -> None:  # type: ignore[no-untyped-def]
    p = setup["project"]
    before = dump(p)
    with pytest.raises(NotFoundError):
        links.create_link(p, setup["a"], 999)
    with pytest.raises(NotFoundError, match="stage"):
        links.create_link(p, setup["a"], setup["b"], source_stage_id=999)
    with pytest.raises(ValidationError, match="two different"):
        links.create_link(p, setup["a"], setup["a"])
    with pytest.raises(NotFoundError):
        links.add_evidence(p, 1, setup["c1"])
    assert dump(p) == before
    # The same code in two stages is a link (a strategy that carries over).
    same = links.create_link(p, setup["a"], setup["a"], "becomes", source_stage_id=setup["s1"],
                             target_stage_id=setup["s2"])
    assert same.relation == "becomes"
    with pytest.raises(NotFoundError):
        links.add_evidence(p, same.id, 12345)


@pytest.mark.parametrize(
    ("evidence", "verdict"),
    [
        ([], "untested"),
        ([("supports", "straw_in_the_wind")], "weak"),
        ([("supports", "hoop")], "relevant"),
        ([("supports", "doubly_decisive")], "confirmed"),
        ([("contradicts", "straw_in_the_wind")], "weakened"),
        ([("contradicts", "smoking_gun")], "weakened"),
        ([("contradicts", "hoop"), ("supports", "straw_in_the_wind")], "eliminated"),
        ([("contradicts", "hoop"), ("supports", "smoking_gun")], "contested"),
        ([("supports", "straw_in_the_wind"), ("contradicts", "straw_in_the_wind"),
          ("contradicts", "straw_in_the_wind")], "weakened"),
    ],
)
def test_verdicts(evidence: list[tuple[str, str]], verdict: str) -> None:
    items = [links.EvidenceInfo(i, 1, i, 1, "d", 0, 1, "x", "c", test, stance, "", None)  # type: ignore[arg-type]
             for i, (stance, test) in enumerate(evidence)]
    assert links.summarize(items).verdict == verdict


def test_adjustments_saved_and_undone(project) -> None:  # type: ignore[no-untyped-def]
    assert adj.list_adjustments(project) == {}
    assert adj.adjust(project, "timeline", "box:3@1", dx=2.5) is None
    previous = adj.adjust(project, "timeline", "box:3@1", dy=-1, label=" 赋能 ")
    assert previous == adj.Adjustment("timeline", "box:3@1", 2.5, 0.0)
    assert adj.list_adjustments(project)["box:3@1"] == adj.Adjustment("timeline", "box:3@1", 2.5, -1.0, False, "赋能")
    adj.put_adjustment(project, "timeline", "box:3@1", previous)
    assert adj.list_adjustments(project)["box:3@1"].label is None
    adj.adjust(project, "timeline", "row:1", hidden=True)
    adj.adjust(project, "sankey", "node:1@1", hidden=True)
    # Back to the computed layout: the row is deleted, not kept as an all-default row.
    adj.adjust(project, "timeline", "box:3@1", dx=0)
    assert set(adj.list_adjustments(project)) == {"row:1"}
    removed = adj.reset_adjustments(project, "timeline")
    assert adj.list_adjustments(project) == {}
    assert set(adj.list_adjustments(project, "sankey")) == {"node:1@1"}
    adj.restore_adjustments(project, removed)
    assert adj.list_adjustments(project)["row:1"].hidden
    with pytest.raises(ValidationError, match="figure kind"):
        adj.adjust(project, "pie", "x")
    with pytest.raises(ValidationError, match="200"):
        adj.adjust(project, "timeline", "x", label="长" * 201)
