"""Structured code fields: editing, keywords, levels, snapshots for undo."""

from __future__ import annotations

import pytest

from app.core import code_ops
from app.core.codebook import (
    DEFAULT_LEVELS,
    code_levels,
    create_code,
    get_code,
    list_codes,
    split_keywords,
    update_code,
)
from app.core.coding import apply_coding, list_codings
from app.core.documents import import_files
from app.core.errors import NotFoundError, ValidationError
from app.core.project import Project


def test_update_every_field(project: Project) -> None:
    code = create_code(project, "内生因素/增权赋能")
    updated = update_code(
        project, code.id, short_definition="提升能力", description="完整定义\n第二行",
        when_to_use="对象承担角色时", when_not_to_use="单纯照料时", example="“我们让病友当主持人。”",
        keywords="赋能；增能\n增权、赋能", level="strategy", color="#00aa00", name="增权赋能策略",
    )
    assert updated.short_definition == "提升能力"
    assert updated.description == "完整定义\n第二行"
    assert updated.when_to_use == "对象承担角色时"
    assert updated.when_not_to_use == "单纯照料时"
    assert updated.example == "“我们让病友当主持人。”"
    assert updated.keywords == ("赋能", "增能", "增权")
    assert updated.level == "strategy"
    assert updated.color == "#00AA00"
    assert updated.path == "内生因素/增权赋能策略"
    assert get_code(project, code.id) == updated
    assert updated.fields()["keywords"] == ("赋能", "增能", "增权")
    assert updated.depth == 1


def test_update_refuses_bad_values_and_changes_nothing(project: Project) -> None:
    a = create_code(project, "甲")
    create_code(project, "乙")
    with pytest.raises(ValidationError):
        update_code(project, a.id, color="red", short_definition="不应保存")
    with pytest.raises(ValidationError):
        update_code(project, a.id, name="乙")
    with pytest.raises(ValidationError):
        update_code(project, a.id, nonsense="x")
    with pytest.raises(ValidationError):
        update_code(project, a.id, level="x" * 40)
    with pytest.raises(NotFoundError):
        update_code(project, 999, level="concept")
    assert get_code(project, a.id) == a


def test_split_keywords() -> None:
    assert split_keywords("a; b；c，d、e\n\n a ") == ("a", "b", "c", "d", "e")
    assert split_keywords(["x", " x ", "", "y"]) == ("x", "y")
    assert split_keywords(None) == ()


def test_default_levels(project: Project) -> None:
    assert code_levels(project) == DEFAULT_LEVELS


def test_delete_and_restore_subtree_with_codings(project: Project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "访谈.txt"
    src.write_text("社区治理需要大家一起参与。", encoding="utf-8")
    doc = import_files(project, [src])[0]
    parent = create_code(project, "维度")
    child = create_code(project, "维度/概念")
    update_code(project, child.id, keywords=["参与"], level="concept")
    apply_coding(project, document_id=doc.id, code_id=child.id, start=0, end=4, coder="甲")
    before_codes = list_codes(project)
    before_codings = list_codings(project)
    snapshot = code_ops.delete_code(project, parent.id)
    assert list_codes(project) == []
    assert list_codings(project) == []
    code_ops.restore_code(project, snapshot)
    assert list_codes(project) == before_codes
    assert list_codings(project) == before_codings
