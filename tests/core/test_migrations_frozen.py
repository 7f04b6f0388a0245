"""Frozen projects, one per released schema revision, open in today's Guiji with their content intact.

Each ``tests/data/projects/project-<rev>.guiji`` was made by ``tests/data/make_frozen_project.py``
with the code of that revision. A copy of it is opened here: a file behind head is upgraded with
a backup of the original beside it; every file then reads back the script's CONTENT exactly and
passes ``check_project``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sqlite3
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import select

from app.core import codebook, coding, documents, stages
from app.core.check import check_project
from app.core.db import migrate
from app.core.db.models import Case, Document, Stage, case_document
from app.core.info import project_info
from app.core.project import Project, open_project, project_meta
from app.core.text import sha256_text

DATA = Path(__file__).resolve().parents[1] / "data"
PROJECTS = DATA / "projects"

#: Every released schema revision with a frozen project. Releasing one adds one line here.
FROZEN = (
    "0001",
    "0002",
    "0006",
    "0007",
)


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_frozen_project", DATA / "make_frozen_project.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CONTENT = _load_generator()


def _frozen(revision: str) -> Path:
    return PROJECTS / f"project-{revision}.guiji"


def _read_only(path: Path) -> sqlite3.Connection:
    # immutable=1: no -wal/-shm files appear beside the committed files.
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def _revision_of(path: Path) -> str:
    con = _read_only(path)
    try:
        revision: str = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()
    return revision


def _all_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = _read_only(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        # Sorted in Python: FTS5's shadow tables are WITHOUT ROWID.
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in sorted(tables)}
    finally:
        con.close()


def test_every_frozen_file_is_listed() -> None:
    on_disk = sorted(p.name for p in PROJECTS.glob("*.guiji"))
    assert on_disk == sorted(_frozen(rev).name for rev in FROZEN)
    for revision in FROZEN:
        assert _revision_of(_frozen(revision)) == revision
        assert revision in migrate.known_revisions()


@pytest.mark.parametrize("revision", FROZEN)
def test_frozen_project_opens_upgraded_with_its_content(tmp_path: Path, revision: str) -> None:
    source = _frozen(revision)
    original_digest = hashlib.sha256(source.read_bytes()).hexdigest()
    path = Path(shutil.copy(source, tmp_path / source.name))
    head = migrate.head_revision()

    with open_project(path) as project:
        report = project.open_report
        if revision == head:
            assert report.migrated_from is None
            assert report.backup is None
        else:
            assert report.migrated_from == revision
            assert report.backup is not None
            assert report.backup.parent == path.parent, "the backup is not beside the project"
            assert f"before-upgrade-{revision}" in report.backup.name
        _assert_content(project)

    assert _revision_of(path) == head
    assert check_project(path).ok, check_project(path).problems
    if report.backup is not None:
        # The backup is the file as it was: same revision, same rows in every table.
        assert _revision_of(report.backup) == revision
        assert _all_rows(report.backup) == _all_rows(source)
    else:
        assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".bak") == []
    assert hashlib.sha256(source.read_bytes()).hexdigest() == original_digest


def _assert_content(project: Project) -> None:
    texts = {Path(name).stem: body for name, body in CONTENT.SOURCES.items()}
    formats = {Path(name).stem: Path(name).suffix[1:] for name in CONTENT.SOURCES}
    encodings = {"访谈01": "gb18030", "访谈02": "utf-8", "访谈03": "utf-8"}

    docs = documents.list_documents(project)
    assert [d.name for d in docs] == list(texts)
    for doc in docs:
        body = documents.document_text(project, doc.id)
        assert body == texts[doc.name]
        assert "𠮷" in body
        assert (doc.length, doc.sha256) == (len(body), sha256_text(body))
        assert (doc.source_format, doc.source_encoding) == (formats[doc.name], encodings[doc.name])

    codes = {c.path: c.color for c in codebook.list_codes(project)}
    assert set(codes) == set(CONTENT.CODES) | {"内生因素", "外部支持"}
    assert {p: codes[p] for p in CONTENT.CODES} == CONTENT.CODES

    expected_codings = []
    for doc, phrase, code, coder, stage, memo in CONTENT.CODINGS:
        start = texts[doc].index(phrase)
        expected_codings.append((doc, start, start + len(phrase), phrase, code, coder, stage, memo))
    found = [
        (c.document, c.start, c.end, c.text, c.code, c.coder, c.own_stage, c.memo)
        for c in coding.list_codings(project)
    ]
    assert sorted(found) == sorted(expected_codings)

    assert [s.name for s in stages.list_stages(project)] == list(CONTENT.STAGES)
    doc_ids = {d.name: d.id for d in docs}
    spans = [
        (doc, texts[doc][s.start : s.end], s.stage)
        for doc in texts
        for s in stages.list_stage_spans(project, doc_ids[doc])
    ]
    assert spans == list(CONTENT.STAGE_SPANS)
    with project.read() as session:
        doc_stages = dict(
            session.execute(
                select(Document.name, Stage.name).join(Stage, Stage.id == Document.stage_id)
            ).all()
        )
        cases = session.execute(
            select(Case.name, Document.name)
            .join(case_document, case_document.c.case_id == Case.id)
            .join(Document, Document.id == case_document.c.document_id)
            .order_by(Case.position, Document.position)
        ).all()
    assert doc_stages == CONTENT.DOCUMENT_STAGES
    assert [(c, d) for c, d in cases] == [(c, d) for c, ds in CONTENT.CASES.items() for d in ds]
    assert project_meta(project, "memo") == CONTENT.MEMO
    info = project_info(project)
    assert (info.documents, info.codes, info.codings, info.stages, info.coders) == (3, 5, 6, 2, 2)
