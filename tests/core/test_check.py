"""app.core.check: every kind of damage is found and named; a sound file passes; nothing is written."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core import codebook, coding, documents, stages
from app.core.check import CheckReport, Problem, check_project
from app.core.db import migrate
from app.core.errors import ProjectError
from app.core.project import create_project, open_project
from app.core.text import sha256_text

TEXT = "访谈者：您好𠮷😀！\n受访者：我们一起做增权赋能的工作。\n"
N = len(TEXT)  # 28 code points (30 UTF-16 units)
AT = TEXT.index("增权赋能")  # 19


@pytest.fixture(scope="module")
def sound_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed project with two documents, a code tree, codings and a stage span (built once)."""
    path = tmp_path_factory.mktemp("check") / "sound.guiji"
    with create_project(path) as project:
        first = documents.add_text_document(project, "甲", TEXT)
        documents.add_text_document(project, "乙", "第二份访谈。")
        leaf = codebook.create_code(project, "内生因素/增权赋能")
        start = TEXT.index("增权赋能")
        coding.apply_coding(project, document_id=first.id, code_id=leaf.id, start=start, end=start + 4,
                            coder="研究者A")
        coding.apply_coding(project, document_id=first.id, code_id=leaf.id, start=0, end=len(TEXT),
                            coder="研究者B")
        stage = stages.add_stage(project, "扎根")
        stages.add_stage_span(project, first.id, stage.id, 5, 9)
    assert not Path(f"{path}-wal").exists(), "the WAL was not checkpointed on close"
    return path


@pytest.fixture
def sound(sound_original: Path, tmp_path: Path) -> Path:
    """A fresh copy of the sound project for one test to damage."""
    return Path(shutil.copy(sound_original, tmp_path / "sound.guiji"))


def damage(path: Path, *statements: str) -> None:
    """Change the file behind Guiji's back, with SQLite's own guards off."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("PRAGMA ignore_check_constraints = ON")
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def test_a_sound_project(sound: Path) -> None:
    report = check_project(sound)
    assert report.ok
    assert report.problems == []
    assert report.revision == report.head == migrate.head_revision()
    assert report.counts == {
        "documents": 2, "characters": len(TEXT) + 6, "codes": 2, "codings": 2, "stages": 1,
        "stage_spans": 1, "coders": 2, "cases": 0,
    }
    assert report.as_dict() == {"ok": True, "problems": [], "counts": report.counts}


def test_an_empty_project(tmp_path: Path) -> None:
    create_project(tmp_path / "empty.guiji").close()
    report = check_project(tmp_path / "empty.guiji")
    assert report.ok
    assert set(report.counts.values()) == {0}


def _one(report: CheckReport) -> Problem:
    assert not report.ok
    assert len(report.problems) == 1, report.problems
    return report.problems[0]


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (
            ['UPDATE coding SET "end" = 999 WHERE id = 1'],
            Problem("span", f"coding 1 in document 1 (甲): the range {AT}–999 is not inside the text "
                    f"(0–{N} characters, start before end)", "coding", 1, "甲"),
        ),
        (
            ['UPDATE coding SET start = 20, "end" = 20 WHERE id = 2'],
            Problem("span", "coding 2 in document 1 (甲): the range 20–20 is not inside the text "
                    f"(0–{N} characters, start before end)", "coding", 2, "甲"),
        ),
        (
            ["UPDATE stage_span SET start = -1 WHERE id = 1"],
            Problem("span", "stage span 1 in document 1 (甲): the range -1–9 is not inside the text "
                    f"(0–{N} characters, start before end)", "stage_span", 1, "甲"),
        ),
        (
            ["UPDATE coding SET start = 'x' WHERE id = 1"],
            Problem("span", f"coding 1 in document 1 (甲): the range 'x'–{AT + 4} is not inside the text "
                    f"(0–{N} characters, start before end)", "coding", 1, "甲"),
        ),
        (
            ["UPDATE document SET length = length + 1 WHERE id = 1"],
            Problem("length", f"document 1 (甲): the stored length {N + 1} differs from its text's {N} "
                    "characters", "document", 1, "甲"),
        ),
        (
            ["UPDATE document SET sha256 = 'abc' WHERE id = 2"],
            Problem("hash", "document 2 (乙): the stored SHA-256 does not match its text (the text was "
                    "changed)", "document", 2, "乙"),
        ),
        (
            # Same length, different text: only the hash can tell.
            ["UPDATE document SET text = '第三份访谈。' WHERE id = 2"],
            Problem("hash", "document 2 (乙): the stored SHA-256 does not match its text (the text was "
                    "changed)", "document", 2, "乙"),
        ),
        (
            ["UPDATE document SET text = CAST(X'E8BF' AS TEXT) WHERE id = 2"],
            Problem("text", "document 2 (乙): its stored text is not valid UTF-8 (the file is damaged)",
                    "document", 2, "乙"),
        ),
        (
            ["UPDATE coding SET code_id = 77 WHERE id = 2"],
            Problem("foreign_key", "coding row 2 refers to a row of code that does not exist", "coding", 2),
        ),
        (
            ["UPDATE code SET parent_id = 2 WHERE id = 1"],
            Problem("code_tree", "the code tree has a cycle: 1 (内生因素) → 2 (增权赋能) → 1 (内生因素)",
                    "code", 1),
        ),
        (
            ["UPDATE code SET parent_id = 2 WHERE id = 2"],
            Problem("code_tree", "the code tree has a cycle: 2 (增权赋能) → 2 (增权赋能)", "code", 2),
        ),
    ],
)
def test_each_kind_of_damage_is_named(sound: Path, statements: list[str], expected: Problem) -> None:
    damage(sound, *statements)
    assert _one(check_project(sound)) == expected


def test_a_text_shortened_behind_guijis_back_shows_every_consequence(sound: Path) -> None:
    damage(sound, "UPDATE document SET text = '访谈者' WHERE id = 1")
    problems = check_project(sound).problems
    assert [(p.check, p.table, p.row, p.document) for p in problems] == [
        ("length", "document", 1, "甲"),
        ("hash", "document", 1, "甲"),
        ("span", "coding", 1, "甲"),
        ("span", "coding", 2, "甲"),
        ("span", "stage_span", 1, "甲"),
    ]


def test_a_long_cycle_is_reported_once_and_codes_below_it_are_not_repeated(tmp_path: Path) -> None:
    path = tmp_path / "tree.guiji"
    with create_project(path) as project:
        for code_path in ("a/b/c/d", "x/y"):
            codebook.create_code(project, code_path)
    damage(path, "UPDATE code SET parent_id = 3 WHERE id = 1")  # a -> c: a, b, c loop; d hangs below
    problem = _one(check_project(path))
    assert problem.message == "the code tree has a cycle: 1 (a) → 3 (c) → 2 (b) → 1 (a)"


def test_a_missing_parent_is_a_foreign_key_problem(sound: Path) -> None:
    damage(sound, "UPDATE code SET parent_id = 50 WHERE id = 1")
    assert _one(check_project(sound)) == Problem(
        "foreign_key", "code row 1 refers to a row of code that does not exist", "code", 1
    )


def test_the_search_index_stays_in_step_through_changes(sound: Path) -> None:
    with open_project(sound) as project:
        documents.rename_document(project, documents.document_id_by_name(project, "乙"), "丙")
        documents.delete_document(project, documents.document_id_by_name(project, "甲"))
        documents.add_text_document(project, "丁", "短")
    assert check_project(sound).ok


def test_a_dropped_sync_trigger_and_the_stale_index_it_causes(sound: Path) -> None:
    damage(sound, "DROP TRIGGER fts_document_after_update",
           "UPDATE document SET text = '第二份访谈，更长了。', length = 10, sha256 = "
           f"'{sha256_text('第二份访谈，更长了。')}' WHERE id = 2")
    assert check_project(sound).problems == [
        Problem("search_index", "the trigger fts_document_after_update that keeps the search index in step "
                "with the texts is missing (search results go stale when documents change)", "document"),
        Problem("search_index", "document 2 (乙): the search index does not match its text (it must be "
                "rebuilt)", "fts_document", 2, "乙"),
    ]


def test_an_index_entry_for_a_deleted_document(sound: Path) -> None:
    damage(sound, "DROP TRIGGER fts_document_after_delete", "DELETE FROM document WHERE id = 2",
           "CREATE TRIGGER fts_document_after_delete AFTER DELETE ON document BEGIN "
           "INSERT INTO fts_document(fts_document, rowid, text) VALUES ('delete', old.id, old.text); END")
    assert check_project(sound).problems == [
        Problem("search_index", "the search index holds an entry for document 2, which does not exist",
                "fts_document", 2),
    ]


def test_an_older_schema_is_reported_and_its_content_not_read(
    sound: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrate, "known_revisions", lambda: {migrate.head_revision(), "0000_older"})
    damage(sound, "UPDATE alembic_version SET version_num = '0000_older'")
    report = check_project(sound)
    problem = _one(report)
    assert problem.check == "schema"
    assert problem.table == "alembic_version"
    assert "the schema revision is 0000_older, behind this Guiji's" in problem.message
    assert "opening the project in Guiji upgrades it" in problem.message
    assert report.revision == "0000_older"
    assert report.counts == {}


def test_a_newer_schema_is_reported(sound: Path) -> None:
    damage(sound, "UPDATE alembic_version SET version_num = 'ffff_future'")
    problem = _one(check_project(sound))
    assert problem.check == "schema"
    assert "the schema revision ffff_future is unknown to this Guiji" in problem.message


def test_no_revision_stamped(sound: Path) -> None:
    damage(sound, "DELETE FROM alembic_version")
    assert "no schema revision stamped" in _one(check_project(sound)).message


def _root_page(path: Path, name: str) -> int:
    con = sqlite3.connect(path)
    try:
        page: int = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        size: int = con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()
    return (page - 1) * size


@pytest.mark.parametrize("name", ["ix_coding_code", "coding", "document", "sqlite_master"])
def test_damaged_pages_are_reported_not_raised(sound: Path, name: str) -> None:
    data = bytearray(sound.read_bytes())
    offset = 100 if name == "sqlite_master" else _root_page(sound, name)
    data[offset + 8 : offset + 60] = b"\xab" * 52  # the cell pointers after the page header
    sound.write_bytes(bytes(data))
    report = check_project(sound)
    assert not report.ok
    assert report.problems[0].check == "sqlite"
    # SQLite's own check lists what it found, or the damage stops every read ("malformed").
    assert report.problems[0].message.startswith(
        ("SQLite integrity check: ", "the database file is damaged (database disk image is malformed)")
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such project file"),
        (lambda p: p.mkdir(), "no such project file"),
        (lambda p: p.write_bytes(b""), "not a Guiji project (the file is not an SQLite database)"),
        (lambda p: p.write_text("访谈者：你好", encoding="utf-8"),
         "not a Guiji project (the file is not an SQLite database)"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.close(),
         "not a Guiji project (its tables are not Guiji's)"),
    ],
)
def test_files_that_are_not_projects_raise_one_clear_error(
    tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / "x.guiji"
    make(path)
    with pytest.raises(ProjectError) as info:
        check_project(path)
    assert str(info.value) == f"x.guiji: {message}"


def test_check_runs_while_guiji_has_the_project_open(sound: Path) -> None:
    with open_project(sound) as project:  # holds the writer's lock
        doc_id = documents.document_id_by_name(project, "乙")
        code_id = codebook.list_codes(project)[0].id
        coding.apply_coding(project, document_id=doc_id, code_id=code_id, start=0, end=2, coder="研究者A")
        report = check_project(sound)
        assert report.ok
        assert report.counts["codings"] == 3


def test_check_writes_nothing_and_takes_no_lock(sound: Path) -> None:
    before = hashlib.sha256(sound.read_bytes()).hexdigest()
    assert check_project(sound).ok
    assert hashlib.sha256(sound.read_bytes()).hexdigest() == before
    # SQLite's WAL reader leaves its (empty) -wal and -shm files; nothing is written to the log.
    wal = Path(f"{sound}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with open_project(sound) as project:
        assert not project.read_only
