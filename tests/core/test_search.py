"""Search: 1-2 character terms by scan, 3+ by the FTS5 trigram index, positions in code points."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlalchemy import text as sql

from app.core import attributes, cases, documents
from app.core.db import fts
from app.core.errors import ValidationError
from app.core.paths import migrations_dir
from app.core.project import open_project
from app.core.search import context_of, find_all, search

# 𠮷 and 😀 (outside the BMP: two UTF-16 units each) come before every hit.
FIRST = "开头𠮷😀压力很大。\n社区居民增权赋能，压力也大。"
SECOND = "😀赋能𠮷压力"
LATIN = "Hello World, hello again. HELLO!"


@pytest.fixture
def docs(project):  # type: ignore[no-untyped-def]
    return [
        documents.add_text_document(project, "甲", FIRST),
        documents.add_text_document(project, "乙", SECOND),
        documents.add_text_document(project, "英文", LATIN),
        documents.add_text_document(project, "空白", "没有要找的词。"),
    ]


def spans(hits) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    return [(h.document, h.start, h.end) for h in hits]


def test_two_character_words_after_astral_characters(project, docs) -> None:  # type: ignore[no-untyped-def]
    # Counted by hand. FIRST: 开0 头1 𠮷2 😀3 压4 力5 很6 大7 。8 \n9 社10 区11 居12 民13 增14 权15
    # 赋16 能17 ，18 压19 力20 也21 大22 。23; SECOND: 😀0 赋1 能2 𠮷3 压4 力5.
    assert spans(search(project, "压力")) == [("甲", 4, 6), ("甲", 19, 21), ("乙", 4, 6)]
    assert spans(search(project, "赋能")) == [("甲", 16, 18), ("乙", 1, 3)]
    texts = {"甲": FIRST, "乙": SECOND}
    for term in ("压力", "赋能"):
        for hit in search(project, term):
            assert texts[hit.document][hit.start:hit.end] == term


def test_one_character_terms(project, docs) -> None:  # type: ignore[no-untyped-def]
    assert spans(search(project, "能")) == [("甲", 17, 18), ("乙", 2, 3)]
    assert spans(search(project, "𠮷")) == [("甲", 2, 3), ("乙", 3, 4)]
    assert spans(search(project, "😀")) == [("甲", 3, 4), ("乙", 0, 1)]
    assert spans(search(project, "。")) == [("甲", 8, 9), ("甲", 23, 24), ("空白", 6, 7)]


def test_three_or_more_characters_use_the_index(project, docs) -> None:  # type: ignore[no-untyped-def]
    assert spans(search(project, "增权赋能")) == [("甲", 14, 18)]
    assert spans(search(project, "😀压力")) == [("甲", 3, 6)]
    assert spans(search(project, "𠮷压力")) == [("乙", 3, 6)]
    with project.read() as session:
        assert fts.FTS_TABLE in str(fts.document_contains(session, "增权赋能"))
        assert "instr" in str(fts.document_contains(session, "赋能"))
    # Emptying the index (not the documents) hides 3+ character terms only: that is the FTS path.
    with project.write() as session:
        session.execute(sql(f"INSERT INTO {fts.FTS_TABLE}({fts.FTS_TABLE}) VALUES ('delete-all')"))
    assert search(project, "增权赋能") == []
    assert spans(search(project, "赋能")) == [("甲", 16, 18), ("乙", 1, 3)]
    with project.write() as session:
        fts.rebuild(session.connection())
    assert spans(search(project, "增权赋能")) == [("甲", 14, 18)]


def test_a_term_across_a_line_end(project, docs) -> None:  # type: ignore[no-untyped-def]
    [hit] = search(project, "。\n社区")
    assert (hit.document, hit.start, hit.end) == ("甲", 8, 12)
    assert FIRST[hit.start:hit.end] == "。\n社区"
    [short] = search(project, "\n社")
    assert (short.start, short.end) == (9, 11)
    assert "\n" not in hit.context
    assert hit.context[hit.context_offset:hit.context_offset + 3] == "。 社"


def test_no_hits_and_empty_term(project, docs) -> None:  # type: ignore[no-untyped-def]
    assert search(project, "不存在的词") == []
    assert search(project, "龘") == []
    assert search(project, "xyz") == []
    with pytest.raises(ValidationError, match="empty"):
        search(project, "")


def test_ascii_letters_in_either_case(project, docs) -> None:  # type: ignore[no-untyped-def]
    assert spans(search(project, "hello")) == [("英文", 0, 5), ("英文", 13, 18), ("英文", 26, 31)]
    assert spans(search(project, "HeLLo wORLD")) == [("英文", 0, 11)]
    assert spans(search(project, "he")) == spans(search(project, "HE"))
    assert len(search(project, "he")) == 3


def test_fts_syntax_in_terms_is_literal(project) -> None:  # type: ignore[no-untyped-def]
    documents.add_text_document(project, "符号", '他说"好的" AND (或者) 100% a*b NEAR x')
    for term in ['"好的"', "AND (或", "100%", "a*b", "NEAR x", '说"好']:
        [hit] = search(project, term)
        assert hit.end - hit.start == len(term)


def test_hits_do_not_overlap(project) -> None:  # type: ignore[no-untyped-def]
    documents.add_text_document(project, "笑", "哈哈哈哈哈")
    assert [(h.start, h.end) for h in search(project, "哈哈")] == [(0, 2), (2, 4)]
    assert [(h.start, h.end) for h in search(project, "哈哈哈")] == [(0, 3)]


def test_document_filter_limit_and_order(project, docs) -> None:  # type: ignore[no-untyped-def]
    assert spans(search(project, "压力", document_ids=[docs[1].id])) == [("乙", 4, 6)]
    assert spans(search(project, "压力", limit=2)) == [("甲", 4, 6), ("甲", 19, 21)]
    assert search(project, "压力", limit=0) == []
    assert search(project, "压力", document_ids=[]) == []


def test_context_around_the_hit(project) -> None:  # type: ignore[no-untyped-def]
    body = "一" * 50 + "\n目标\n" + "二" * 50
    doc = documents.add_text_document(project, "长", body)
    [hit] = search(project, "目标", document_ids=[doc.id])
    assert hit.start == 51
    assert hit.context_start == 21
    assert hit.context == ("一" * 29 + " 目标 " + "二" * 29)
    assert hit.context[hit.context_offset:hit.context_offset + 2] == "目标"
    assert context_of("ab", 0, 1, 30) == ("ab", 0)


def test_the_index_follows_import_rename_delete_and_edits(project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "导入.txt"
    path.write_text("社区治理的经验\r\n", encoding="gb18030")
    [imported] = documents.import_files(project, [path])
    assert spans(search(project, "治理的")) == [("导入", 2, 5)]
    documents.rename_document(project, imported.id, "改名")
    assert spans(search(project, "治理的")) == [("改名", 2, 5)]
    with project.write() as session:  # a direct change of the text is followed by the triggers
        session.execute(sql("UPDATE document SET text = '新的治理文本' WHERE id = :i"), {"i": imported.id})
    assert spans(search(project, "治理文本")) == [("改名", 2, 6)]
    assert search(project, "治理的") == []
    documents.delete_document(project, imported.id)
    assert search(project, "治理文本") == []
    with project.read() as session:
        assert fts.integrity_ok(session)


def test_the_index_exists_at_head(project) -> None:  # type: ignore[no-untyped-def]
    # A later migration that batch-alters `document` drops these triggers: it must call fts.install.
    with project.read() as session:
        assert fts.installed(session)
        assert fts.integrity_ok(session)


_ALPHABET = st.sampled_from(list("压力赋能哈𠮷😀 \nAaBb。"))


@given(st.text(_ALPHABET, max_size=40), st.text(_ALPHABET, min_size=1, max_size=3))
def test_find_all_matches_a_reference(text: str, term: str) -> None:
    expected = []
    low_text = text.replace("A", "a").replace("B", "b")
    low_term = term.replace("A", "a").replace("B", "b")
    i = 0
    while i <= len(text) - len(term):
        if low_text[i:i + len(term)] == low_term:
            expected.append((i, i + len(term)))
            i += len(term)
        else:
            i += 1
    assert find_all(text, term) == expected


# --- schema 0003 on older projects ----------------------------------------------------------------

FROZEN = Path(__file__).resolve().parents[1] / "data" / "projects"


def _alembic(conn, action: str, revision: str) -> None:  # type: ignore[no-untyped-def]
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = conn
    getattr(command, action)(config, revision)


def _make_0002(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        _alembic(conn, "upgrade", "0002")
        conn.commit()
        conn.execute(sql("INSERT INTO project_meta (key, value) VALUES ('memo', '')"))
        conn.execute(
            sql("INSERT INTO document (id, name, text, length, sha256, source_name, source_format, "
                "source_encoding, imported_at, position, memo, stage_id) VALUES "
                "(1, '旧访谈', :t, :n, 'x', '', 'txt', '', '2024-01-01', 1, '', NULL)"),
            {"t": FIRST, "n": len(FIRST)},
        )
        conn.commit()
    engine.dispose()


def test_a_0002_project_gets_the_index_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.guiji"
    _make_0002(path)
    with open_project(path) as project:
        assert project.open_report.migrated_from == "0002"
        with project.read() as session:
            assert fts.installed(session)
            assert fts.integrity_ok(session)
        assert spans(search(project, "增权赋能")) == [("旧访谈", 14, 18)]
        assert spans(search(project, "压力")) == [("旧访谈", 4, 6), ("旧访谈", 19, 21)]
        assert cases.list_cases(project) == []
        assert attributes.list_attributes(project) == []


def test_0003_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "old.guiji"
    _make_0002(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        _alembic(conn, "upgrade", "0003")
        conn.commit()
        _alembic(conn, "downgrade", "0002")
        conn.commit()
        names = set(conn.execute(sql("SELECT name FROM sqlite_master")).scalars())
        assert not {n for n in names if n.startswith(fts.FTS_TABLE)}
        assert not names & {"case_passage", "attribute_definition", "document_attribute"}
    engine.dispose()
    with open_project(path) as project:
        assert spans(search(project, "增权赋能")) == [("旧访谈", 14, 18)]


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_frozen_projects_are_searchable_after_upgrade(tmp_path: Path, revision: str) -> None:
    source = FROZEN / f"project-{revision}.guiji"
    if not source.is_file():
        pytest.skip(f"no frozen project of schema {revision}")
    path = Path(shutil.copy(source, tmp_path / source.name))
    with open_project(path) as project:
        texts = {d.name: documents.document_text(project, d.id) for d in documents.list_documents(project)}
        hits = search(project, "互助合作")
        assert [h.document for h in hits] == ["访谈02", "访谈03"]
        assert all(texts[h.document][h.start:h.end] == "互助合作" for h in hits)
        short = search(project, "𠮷")
        assert [h.document for h in short] == ["访谈01", "访谈02", "访谈03"]
        assert all(texts[h.document][h.start:h.end] == "𠮷" for h in short)
        with project.read() as session:
            assert fts.integrity_ok(session)
