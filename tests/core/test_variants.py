"""Folding and spellings across Traditional and Simplified Chinese (app.core.variants)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core import documents
from app.core.project import create_project
from app.core.search import search
from app.core.variants import convert, fold, pattern, variants


def test_fold_maps_traditional_to_simplified_one_for_one() -> None:
    assert fold("代議政治") == "代议政治"
    assert fold("代议政治") == "代议政治"
    assert fold("裡裏") == fold("里里")
    assert fold("臺灣") == fold("台湾")


def test_fold_keeps_everything_else() -> None:
    text = "a𠮷😀\r\nB，。 123"
    assert fold(text) == text


@given(st.text(alphabet=st.sampled_from(list("代議议軟體软件發髮发臺台裡里著着𠮷😀ab\r\n ")), max_size=40))
def test_fold_is_same_length_and_idempotent(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded
    for a, b in zip(text, folded, strict=True):
        assert (a == b) or (ord(a) >= 0x2E80)


def test_variants_include_phrase_conversions() -> None:
    assert {"软件", "軟體"} <= variants("软件")
    assert "軟體" in variants("軟件") or "软件" in {fold(v) for v in variants("軟體")}
    assert "內存" in variants("内存") or "記憶體" in variants("内存")
    assert variants("abc") == {"abc"}


def test_pattern_matches_original_characters() -> None:
    text = "他說軟體很好，软件也好，記憶體不够"
    spans = [(m.start(), m.end(), m.group()) for m in pattern("软件").finditer(text)]
    assert spans == [(2, 4, "軟體"), (7, 9, "软件")]
    assert [m.group() for m in pattern("内存").finditer(text)] == ["記憶體"]
    assert [m.group() for m in pattern("软件", fold_scripts=False).finditer(text)] == ["软件"]


# --------------------------------------------------------------------------- the real transcripts

PAIRS = ("2016-06-30_vtaiwan-join-research-interview_lu-chia-hua", "2018-05-25_ntpu-student-thesis-interview")
TERMS = {
    1: ["议", "关", "网", "会"],
    2: ["网络", "政府", "参与", "平台", "讨论", "会议", "处理", "机制", "议题", "时候"],
    4: ["对我来说", "利害关系", "网络参与", "公共政策", "协作会议", "利益关系", "简单来讲", "公共利益"],
}


def _opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """How ``a`` lines up with ``b`` (difflib over the folded texts, so that a character and its
    other script count as the same and only phrase conversions are left as differences)."""
    import difflib

    return difflib.SequenceMatcher(None, fold(a), fold(b), autojunk=False).get_opcodes()


def _map(ops: list[tuple[str, int, int, int, int]], start: int, end: int) -> tuple[int, int]:
    """Where ``[start, end)`` of the first text lies in the second: character for character in blocks
    of the same length, to the edges of a block whose length differs (内存 ↔ 記憶體)."""

    def point(pos: int, is_end: bool) -> int:
        for _tag, i1, i2, j1, j2 in ops:
            if i1 <= pos < i2 or (is_end and i1 < pos <= i2):
                if i2 - i1 == j2 - j1:
                    return j1 + pos - i1
                return j2 if is_end else j1
        return ops[-1][4]

    return point(start, False), point(end, True)


@pytest.fixture(scope="module")
def transcripts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    # Module-scoped (the alignment takes a second per pair), so it checks ../shared/data itself.
    root = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "zh"
    if not root.is_dir():
        message = f"../shared/data/zh not found at {root}: the real transcripts are missing"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    project = create_project(tmp_path_factory.mktemp("zh") / "zh.guiji")
    pairs = []
    for stem in PAIRS:
        hant = next((root / "original-zh-Hant").glob(stem + "*")).read_text(encoding="utf-8")
        hans = next((root / "derived-zh-Hans").glob(stem + "*")).read_text(encoding="utf-8")
        ids = (
            documents.add_text_document(project, stem + " 繁", hant).id,
            documents.add_text_document(project, stem + " 简", hans).id,
        )
        pairs.append((ids, hant, hans, _opcodes(hans, hant)))
    yield project, pairs
    project.close()


@pytest.mark.parametrize("length", [1, 2, 4])
def test_every_hit_has_its_counterpart_in_the_other_script(transcripts: Any, length: int) -> None:
    project, pairs = transcripts
    checked = 0
    for (hant_id, hans_id), hant, _hans, ops in pairs:
        back = [(tag, j1, j2, i1, i2) for tag, i1, i2, j1, j2 in ops]
        for term in TERMS[length]:
            for spelled in (term, convert(term, "hant", "tw")):  # typed in either script
                found = search(project, spelled, document_ids=[hant_id, hans_id])
                in_hans = {(h.start, h.end) for h in found if h.document_id == hans_id}
                in_hant = {(h.start, h.end) for h in found if h.document_id == hant_id}
                assert {_map(ops, s, e) for s, e in in_hans} == in_hant, (term, spelled)
                assert {_map(back, s, e) for s, e in in_hant} == in_hans, (term, spelled)
                for s, e in in_hant:  # and each is the same word: its folded spellings agree
                    assert any(fold(hant[s:e]) == fold(v) for v in variants(term)), hant[s:e]
                checked += len(in_hans)
    assert checked > 40 * length  # the terms really occur: the test compares many hits


def test_exact_search_stays_in_one_script(transcripts: Any) -> None:
    project, pairs = transcripts
    (hant_id, hans_id), _hant, _hans, _ops = pairs[0]
    found = search(project, "利害关系", document_ids=[hant_id, hans_id], fold_scripts=False)
    assert found and {h.document_id for h in found} == {hans_id}


def test_codebook_import_matches_names_across_scripts(project: Any, tmp_path: Path) -> None:
    from app.core.codebook import create_code, list_codes
    from app.core.exchange.codebook_io import import_codebook

    create_code(project, "政治参与/代议政治")
    create_code(project, "社区")
    path = tmp_path / "繁體.csv"
    path.write_text("Code,Memo\n政治參與\\代議政治,代議制度下的參與\n社區,\n網路參與,\n", encoding="utf-8")
    plan = import_codebook(project, path, dry_run=True)
    actions = {c.path: c.action for c in plan.changes}
    # A new code keeps the file's spelling; existing ones are found whatever the script.
    assert actions == {"政治参与": "same", "政治参与/代议政治": "update", "社区": "same", "網路參與": "add"}
    import_codebook(project, path)
    paths = {c.path: c for c in list_codes(project)}
    assert paths["政治参与/代议政治"].description == "代議制度下的參與"  # matched, kept its own name
    assert not any("代議" in p or "社區" in p for p in paths)


def test_pseudonymisation_replaces_a_name_in_either_script(project: Any) -> None:
    from app.core.pseudonyms import MappingRow, count_occurrences, pseudonymise

    hant = documents.add_text_document(project, "繁", "劉衛東說，劉衛東的社區𠮷。")
    hans = documents.add_text_document(project, "简", "刘卫东说😀")
    texts = [documents.document_text(project, d.id) for d in (hant, hans)]
    assert count_occurrences(texts, "刘卫东") == 3
    assert count_occurrences(texts, "劉衛東") == 3
    pseudonymise(project, [MappingRow("刘卫东", "受访者A")], coder="甲")
    assert documents.document_text(project, hant.id) == "受访者A說，受访者A的社區𠮷。"
    assert documents.document_text(project, hans.id) == "受访者A说😀"


def test_quick_code_box_finds_a_code_typed_in_the_other_script() -> None:
    from app.core.pinyin import code_matches, rank_codes

    assert code_matches("代議", "代议政治") == 100  # the name starts with the query
    assert code_matches("议政", "代議政治") == 201  # contains it, one character in
    assert code_matches("社區", "增权赋能", keywords="社区参与") == 700
    assert code_matches("社區", "增权赋能", keywords="邻里") is None

    class Code:
        def __init__(self, name: str) -> None:
            self.name, self.keywords = name, ""

    codes = [Code("网络参与"), Code("代议政治"), Code("参与式预算")]
    assert [c.name for c in rank_codes("參與", codes)] == ["参与式预算", "网络参与"]
