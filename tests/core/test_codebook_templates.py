"""Framework templates: the shipped files are complete and apply (and merge) cleanly."""

from __future__ import annotations

import pytest

from app.core.codebook import code_levels, create_code, list_codes, update_code
from app.core.errors import NotFoundError
from app.core.project import Project
from app.core.stages import list_stages
from app.core.templates import (
    apply_template,
    list_templates,
    load_template,
    project_framework,
    redo_apply,
    undo_apply,
)


def test_shipped_templates() -> None:
    names = {t.name: t for t in list_templates()}
    assert set(names) >= {"community-governance", "co-production-resilience", "grounded-theory"}
    assert names["grounded-theory"].codes == 3  # its three coding steps, with guidance
    assert [lv.label for lv in names["grounded-theory"].levels] == ["主范畴", "范畴", "初始概念"]
    for info in names.values():
        data = load_template(info.name)
        paths = [c["path"] for c in data["codes"]]
        assert len(paths) == len(set(paths))
        level_keys = {lv["key"] for lv in data["levels"]}
        for item in data["codes"]:
            parent = item["path"].rpartition("/")[0]
            assert not parent or parent in paths[: paths.index(item["path"])], item["path"]
            for key in ("english", "short_definition", "description", "when_to_use", "when_not_to_use",
                        "example", "level"):
                assert item.get(key), (info.name, item["path"], key)
            assert item["level"] in level_keys
            assert item["keywords"]
        for stage in data["stages"]:
            for path in (*stage.get("strategies", []), stage.get("outcome")):
                assert path is None or path in paths


def test_community_governance(project: Project) -> None:
    report = apply_template(project, "community-governance")
    assert (report.codes_added, report.stages_added) == (15, 3)
    assert [s.name for s in list_stages(project)] == ["扎根", "协调", "共生"]
    codes = {c.path: c for c in list_codes(project)}
    assert [p for p in codes if "/" not in p] == ["内生因素", "治理环境", "禀赋资源", "共同体成效"]
    assert {p.split("/")[1] for p in codes if p.startswith("共同体成效/")} >= {
        "价值共同体", "结构共同体", "资源共同体"}
    empower = codes["内生因素/增权赋能"]
    assert empower.level == "strategy"
    assert empower.keywords[0] == "Empowerment"
    assert "赋能" in empower.keywords
    assert empower.short_definition
    assert empower.when_to_use
    assert empower.example
    assert [lv.key for lv in code_levels(project)] == ["dimension", "strategy", "concept", "outcome"]
    framework = project_framework(project)
    assert [s["name"] for s in framework["stages"]] == ["扎根", "协调", "共生"]
    assert framework["stages"][1]["strategies"] == [
        "治理环境/畅通协商", "治理环境/空间营造", "治理环境/引入督导"]
    assert framework["stages"][0]["outcome"] == "共同体成效/价值共同体"


def test_co_production(project: Project) -> None:
    apply_template(project, "co-production-resilience")
    paths = [c.path for c in list_codes(project)]
    assert "合作生产过程/制度框架" in paths
    assert "社区韧性/合法性前提" in paths
    assert "促建机制/公共价值创造" in paths
    assert len(project_framework(project)["links"]) == 3


def test_merging_keeps_what_exists_and_fills_blanks(project: Project) -> None:
    mine = create_code(project, "内生因素/增权赋能")
    update_code(project, mine.id, short_definition="我自己的定义", color="#123456")
    report = apply_template(project, "community-governance")
    assert report.codes_added == 13  # 内生因素 (made as the parent) and 增权赋能 existed, both blank
    assert report.codes_filled == 2
    after = next(c for c in list_codes(project) if c.id == mine.id)
    assert after.short_definition == "我自己的定义"
    assert after.color == "#123456"
    assert after.when_to_use  # filled from the template
    again = apply_template(project, "community-governance")
    assert (again.codes_added, again.codes_filled, again.stages_added) == (0, 0, 0)


def test_unknown_template() -> None:
    with pytest.raises(NotFoundError, match="available"):
        load_template("nope")
    with pytest.raises(NotFoundError):
        load_template("../templates/community-governance")


def test_undo_and_redo_a_merge(project: Project) -> None:
    mine = create_code(project, "内生因素/增权赋能")
    before_codes, before_stages = list_codes(project), list_stages(project)
    report = apply_template(project, "community-governance")
    after_codes, after_stages = list_codes(project), list_stages(project)
    framework = project_framework(project)
    undo_apply(project, report)
    assert list_codes(project) == before_codes
    assert list_stages(project) == before_stages
    assert project_framework(project) == {}
    assert [lv.key for lv in code_levels(project)] == ["dimension", "category", "concept"]
    redo_apply(project, report)
    assert list_codes(project) == after_codes
    assert list_stages(project) == after_stages
    assert project_framework(project) == framework
    assert next(c for c in list_codes(project) if c.id == mine.id).when_to_use
