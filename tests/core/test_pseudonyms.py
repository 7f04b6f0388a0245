"""Pseudonymisation: names found with jieba (and added by hand), a mapping kept outside the project,
applied everywhere at once; afterwards no original name remains in the project or its exports."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import String, select

from app.core import codebook, coding, documents, editing, memos, pseudonyms
from app.core.check import check_project
from app.core.db.models import Base
from app.core.errors import InputFileError, ValidationError
from app.core.project import open_project
from app.core.sample import build_sample_project
from tests.core.test_editing import dump

ROOT = Path(__file__).resolve().parents[2]

# The fictional people, places and organisations written into the sample transcripts.
SAMPLE_NAMES = {
    "刘卫东": "nr",
    "周桂芳": "nr",
    "黄丽萍": "nr",
    "孙海涛": "nr",
    "桂园社区": "ns",
    "柳塘街道": "ns",
    "启明社工服务中心": "nt",
    "春晖公益基金会": "nt",
}


@pytest.fixture
def sample(tmp_path: Path) -> Any:
    project = open_project(build_sample_project(tmp_path / "sample.guiji"))
    yield project
    project.close()


def _all_text_cells(project: Any) -> str:
    """Every text column of every table, joined (what a grep of the data would see)."""
    parts = []
    with project.read() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String)]
            for row in session.execute(select(*columns)) if columns else []:
                parts.extend(str(v) for v in row if v is not None)
    return "\n".join(parts)


def test_jieba_is_loaded_only_when_names_are_looked_for() -> None:
    code = (
        "import sys, app.core.pseudonyms, app.core.editing, app.commands.editing; "
        "print('jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_names_found_include_the_interviewees_names(sample: Any) -> None:
    found = {n.name: n for n in pseudonyms.find_names(sample, extra=["何某", "不存在的名字"])}
    for name, kind in SAMPLE_NAMES.items():
        assert name in found, name
        assert found[name].kind == kind
    assert found["刘卫东"].count == 4  # 3 in 社工访谈, 1 in 街道干部访谈
    assert found["何某"].kind == "added"
    assert found["何某"].count == 2
    assert found["不存在的名字"].count == 0


def test_jieba_cache_goes_to_the_user_folder() -> None:
    import jieba

    pseudonyms.names_in_text("刘卫东在桂园社区")
    assert jieba.dt.tmp_dir is not None
    assert Path(jieba.dt.tmp_dir).parts[-2:] == ("cache", "jieba")
    assert Path(jieba.dt.tmp_dir) != Path(tempfile.gettempdir())


def _mapping_for_sample(sample: Any) -> list[pseudonyms.MappingRow]:
    found = pseudonyms.find_names(sample)
    rows = [pseudonyms.MappingRow(n.name, f"化名{i:02d}", n.kind) for i, n in enumerate(found)]
    assert {r.name for r in rows} >= set(SAMPLE_NAMES)
    return rows


def test_after_pseudonymising_the_sample_no_original_name_remains(sample: Any, tmp_path: Path) -> None:
    # Names also in a memo, a code's name and description, a document name and the history.
    doc = documents.list_documents(sample)[0]
    memos.set_document_memo(sample, doc.id, "刘卫东的母亲周桂芳")
    code = codebook.create_code(sample, "黄丽萍的做法")
    codebook.update_code(sample, code.id, description="春晖公益基金会资助")
    documents.rename_document(sample, doc.id, "刘卫东访谈")
    editing.edit_text(sample, doc.id, 0, 0, "孙海涛：", coder="研究者A")
    codings_before = {c.id: c for c in coding.list_codings(sample)}

    rows = _mapping_for_sample(sample)
    mapping = pseudonyms.write_mapping(tmp_path / "outside" / "mapping.csv", rows)
    assert mapping.parent != sample.path.parent
    change = pseudonyms.pseudonymise(sample, pseudonyms.read_mapping(mapping), coder="研究者A")
    pseudonyms.scrub_project_file(sample)

    text = _all_text_cells(sample) + "".join(
        documents.document_text(sample, d.id) for d in documents.list_documents(sample)
    )
    for row in rows:
        assert row.name not in text, row.name
    # Exports: the codings listing (`guiji codings --json`), the code list, the coding-example table,
    # the codebook as CSV and the whole project as REFI-QDA.
    from app.core.exchange.codebook_io import export_codebook
    from app.core.exchange.qdpx_export import export_qdpx
    from app.core.tables import coding_examples_table

    exported = repr(coding.list_codings(sample)) + repr(codebook.list_codes(sample))
    exported += repr(coding_examples_table(sample))
    exported += export_codebook(sample, tmp_path / "codebook.csv").read_text(encoding="utf-8-sig")
    export_qdpx(sample, tmp_path / "shared.qdpx")
    with zipfile.ZipFile(tmp_path / "shared.qdpx") as archive:
        exported += "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    assert not [r.name for r in rows if r.name in exported]
    # The file itself: no deleted page or log keeps a name.
    raw = sample.path.read_bytes()
    wal = Path(f"{sample.path}-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    assert not [r.name for r in rows if r.name.encode("utf-8") in raw]

    # Every coding survives, on the pseudonymised version of its words.
    after = {c.id: c for c in coding.list_codings(sample)}
    assert set(after) == set(codings_before)
    assert change.removed == ()
    lookup = {r.name: r.pseudonym for r in rows}
    pattern = pseudonyms._pattern(rows)
    for coding_id, old in codings_before.items():
        assert after[coding_id].text == pattern.sub(lambda m: lookup[m.group(0)], old.text)
    history = editing.document_history(sample)
    assert {h.kind for h in history} == {"edit", "pseudonymise"}
    assert all(h.old_text == "" for h in history if h.kind == "pseudonymise")
    assert check_project(sample.path).ok


def test_undo_of_a_pseudonymisation_is_exact(sample: Any) -> None:
    memos.set_document_memo(sample, documents.list_documents(sample)[0].id, "刘卫东的母亲")
    before = dump(sample)
    change = pseudonyms.pseudonymise(sample, _mapping_for_sample(sample), coder="甲")
    assert change.cells
    assert change.hits > 50
    editing.undo_change(sample, change)
    assert dump(sample) == before
    editing.redo_change(sample, change)
    assert "刘卫东" not in _all_text_cells(sample)


def test_longest_name_first_and_pseudonyms_are_not_replaced_again(project: Any) -> None:
    d = documents.add_text_document(project, "甲", "桂园社区的桂园，A和B")
    rows = [
        pseudonyms.MappingRow("桂园", "Y园"),
        pseudonyms.MappingRow("桂园社区", "Z社区"),
        pseudonyms.MappingRow("A", "B"),
        pseudonyms.MappingRow("B", "C"),
    ]
    with pytest.raises(ValidationError, match="contains the name 'B'"):
        pseudonyms.pseudonymise(project, rows, coder="甲")
    rows[2] = pseudonyms.MappingRow("A", "甲方")
    pseudonyms.pseudonymise(project, rows, coder="甲")
    assert documents.document_text(project, d.id) == "Z社区的Y园，甲方和C"


def test_a_pseudonym_that_makes_two_names_equal_is_refused(project: Any) -> None:
    documents.add_text_document(project, "刘卫东", "x")
    documents.add_text_document(project, "受访者A", "y")
    before = dump(project)
    with pytest.raises(ValidationError, match="the same name"):
        pseudonyms.pseudonymise(project, [pseudonyms.MappingRow("刘卫东", "受访者A")], coder="甲")
    assert dump(project) == before


def test_mapping_files(tmp_path: Path) -> None:
    good = tmp_path / "m.csv"
    good.write_text(
        "\ufeffname,kind,count,pseudonym\n刘卫东,nr,4,受访者A\n康复,nr,3,\n刘卫东,nr,4,受访者A\n",
        encoding="utf-8",
    )
    assert pseudonyms.read_mapping(good) == [pseudonyms.MappingRow("刘卫东", "受访者A", "nr")]
    cases = {
        "no-header.csv": ("刘卫东,受访者A\n", "columns 'name' and 'pseudonym'"),
        "twice.csv": ("name,pseudonym\n刘卫东,A\n刘卫东,B\n", "two pseudonyms"),
        "gbk.csv": (None, "not UTF-8"),
        "no-name.csv": ("name,pseudonym\n,A\n", "has no name"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / name
        if content is None:
            path.write_bytes("name,pseudonym\n刘卫东,受访者A\n".encode("gbk"))
        else:
            path.write_text(content, encoding="utf-8")
        with pytest.raises(InputFileError, match=f"{name}: .*{message}"):
            pseudonyms.read_mapping(path)
    with pytest.raises(InputFileError, match=r"missing\.csv: cannot be read"):
        pseudonyms.read_mapping(tmp_path / "missing.csv")


def test_the_default_mapping_place_is_outside_the_project(project: Any) -> None:
    path = pseudonyms.default_mapping_path(project)
    assert path.parent != project.path.parent
    assert project.path.stem in path.name


def test_backups_beside_the_project_are_listed(project: Any) -> None:
    backup = project.path.with_name(f"{project.path.stem}.before-upgrade-0003.20260101-000000.guiji.bak")
    backup.write_bytes(b"x")
    assert pseudonyms.backups_beside(project) == [backup]


def test_a_learned_model_is_deleted_and_undo_brings_it_back(project: Any) -> None:
    import zlib

    from app.core.db.models import SuggestionModel

    documents.add_text_document(project, "甲", "刘卫东说")
    with project.write() as session:
        session.add(SuggestionModel(meta="{}", data=zlib.compress("刘卫东".encode())))
    before = dump(project)
    change = pseudonyms.pseudonymise(project, [pseudonyms.MappingRow("刘卫东", "受访者A")], coder="甲")
    assert dump(project)["suggestion_model"] == []
    editing.undo_change(project, change)
    assert dump(project) == before
    editing.redo_change(project, change)
    assert dump(project)["suggestion_model"] == []
