"""Typed document attributes: validation, values, undo of deletion."""

from __future__ import annotations

from datetime import date

import pytest

from app.core import attributes, documents
from app.core.errors import NotFoundError, ValidationError


@pytest.fixture
def doc(project):  # type: ignore[no-untyped-def]
    return documents.add_text_document(project, "访谈", "社区居民")


def test_define_and_set_typed_values(project, doc) -> None:  # type: ignore[no-untyped-def]
    age = attributes.define_attribute(project, "年龄", "number")
    when = attributes.define_attribute(project, "访谈日期", "date")
    role = attributes.define_attribute(project, "角色")
    assert [(a.name, a.type) for a in attributes.list_attributes(project)] == [
        ("年龄", "number"), ("访谈日期", "date"), ("角色", "text")]
    assert attributes.set_attribute(project, doc.id, age.id, " 42 ") is None
    assert attributes.set_attribute(project, doc.id, age.id, "42.50") == "42"
    assert attributes.set_attribute(project, doc.id, when.id, "2024-03-01") is None
    assert attributes.set_attribute(project, doc.id, role.id, "社工") is None
    values = attributes.get_attributes(project, doc.id)
    assert [(v.name, v.value, v.typed) for v in values] == [
        ("年龄", "42.5", 42.5), ("访谈日期", "2024-03-01", date(2024, 3, 1)), ("角色", "社工", "社工")]
    assert attributes.set_attribute(project, doc.id, when.id, date(2025, 1, 2)) == "2024-03-01"
    assert attributes.set_attribute(project, doc.id, age.id, 1e3) == "42.5"
    assert attributes.get_attributes(project, doc.id)[0].value == "1000"
    assert attributes.set_attribute(project, doc.id, role.id, "") == "社工"
    assert [v.name for v in attributes.get_attributes(project, doc.id)] == ["年龄", "访谈日期"]
    assert attributes.attribute_table(project) == [
        (doc.id, "访谈", {"年龄": "1000", "访谈日期": "2025-01-02"})]
    assert attributes.get_attribute(project, age.id).values == 1


@pytest.mark.parametrize(
    ("type_", "value", "message"),
    [
        ("number", "abc", "年龄x: 'abc' is not a number"),
        ("number", "1,5", "is not a number"),
        ("number", "nan", "is not a finite number"),
        ("number", "inf", "is not a finite number"),
        ("date", "2024-02-30", "is not a date of the form YYYY-MM-DD"),
        ("date", "2024/03/01", "is not a date of the form YYYY-MM-DD"),
        ("date", "20240301", "is not a date of the form YYYY-MM-DD"),
    ],
)
def test_invalid_values_are_refused(project, doc, type_: str, value: str, message: str) -> None:  # type: ignore[no-untyped-def]
    attr = attributes.define_attribute(project, "年龄x", type_)
    with pytest.raises(ValidationError, match=message):
        attributes.set_attribute(project, doc.id, attr.id, value)
    assert attributes.get_attributes(project, doc.id) == []


def test_definition_errors(project, doc) -> None:  # type: ignore[no-untyped-def]
    attributes.define_attribute(project, "角色")
    with pytest.raises(ValidationError, match="already exists"):
        attributes.define_attribute(project, "角色", "number")
    with pytest.raises(ValidationError, match="not an attribute type"):
        attributes.define_attribute(project, "x", "boolean")
    with pytest.raises(ValidationError, match="empty"):
        attributes.define_attribute(project, " ")
    with pytest.raises(NotFoundError):
        attributes.set_attribute(project, doc.id, 999, "x")
    with pytest.raises(NotFoundError):
        attributes.set_attribute(project, 999, 1, "x")
    assert attributes.rename_attribute(project, 1, "身份").name == "身份"


def test_delete_and_restore_a_definition(project, doc) -> None:  # type: ignore[no-untyped-def]
    other = documents.add_text_document(project, "访谈二", "文本")
    age = attributes.define_attribute(project, "年龄", "number")
    attributes.set_attribute(project, doc.id, age.id, 30)
    attributes.set_attribute(project, other.id, age.id, "41")
    before = [attributes.get_attributes(project, d) for d in (doc.id, other.id)]
    snapshot = attributes.delete_attribute(project, age.id)
    assert attributes.list_attributes(project) == []
    assert attributes.get_attributes(project, doc.id) == []
    restored = attributes.restore_attribute(project, snapshot)
    assert (restored.id, restored.name, restored.values) == (age.id, "年龄", 2)
    assert [attributes.get_attributes(project, d) for d in (doc.id, other.id)] == before
