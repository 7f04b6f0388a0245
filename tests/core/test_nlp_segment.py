"""Segmentation, units and keyword rules (app.core.nlp.segment, units, keywords)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.core import codebook, documents
from app.core.nlp import segment
from app.core.nlp.keywords import KeywordRule, find_hits, hits_by_unit, rules_for
from app.core.nlp.units import Unit, covers, units
from app.core.project import Project

ROOT = Path(__file__).resolve().parents[2]


def test_user_dictionary_keeps_a_code_name_as_one_token() -> None:
    segment.use_terms(())
    plain = segment.tokens("推进社区治理共同体建设")
    assert "社区治理共同体" not in plain  # jieba alone splits it
    segment.use_terms({"社区治理共同体"})
    assert "社区治理共同体" in segment.tokens("推进社区治理共同体建设")
    # spaCy's jieba segmenter sees the same dictionary.
    with segment.LOCK:
        spacy_tokens = [t.text for t in segment.pipeline()("推进社区治理共同体建设")]
    assert "社区治理共同体" in spacy_tokens
    segment.use_terms(())
    assert segment.tokens("推进社区治理共同体建设") == plain


def test_the_dictionary_follows_the_codebook_exactly(project: Project) -> None:
    """Changing the terms and changing them back restores jieba's dictionary exactly."""
    segment.use_terms(())
    dt = segment.jieba_module().dt
    total, freq = dt.total, dt.FREQ.get("赋能") or 0  # 0: a prefix entry, the same as no word
    codebook.create_code(project, "增权赋能")
    code = codebook.create_code(project, "资源整合")
    codebook.update_code(project, code.id, keywords=["社区治理共同体", "赋能"])
    assert segment.use_codebook(project)
    assert not segment.use_codebook(project)  # unchanged codebook: nothing to do
    assert "增权赋能" in segment.tokens("他们在做增权赋能")
    codebook.update_code(project, code.id, keywords=[])
    assert segment.use_codebook(project)
    segment.use_terms(())
    assert (dt.total, dt.FREQ.get("赋能") or 0) == (total, freq)


def test_jieba_cache_goes_to_the_user_folder() -> None:
    jieba = segment.jieba_module()
    assert Path(jieba.dt.tmp_dir).parts[-2:] == ("cache", "jieba")


def test_importing_the_suggestion_modules_loads_neither_spacy_nor_jieba() -> None:
    code = (
        "import sys, app.core.nlp.suggest, app.core.nlp.evaluate, app.core.nlp.invivo, app.commands.suggest;"
        "print('spacy' in sys.modules, 'jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_keyword_is_found_inside_a_longer_word() -> None:
    """赋能 inside 增权赋能: found on the raw text even though jieba makes 增权赋能 one token."""
    segment.use_terms({"增权赋能"})
    text = "社工一直在做增权赋能的工作。"
    assert "增权赋能" in segment.tokens(text)
    assert "赋能" not in segment.tokens(text)
    hits = find_hits(text, [KeywordRule(1, "赋能")])
    assert [(h.start, h.end) for h in hits] == [(8, 10)]
    assert text[8:10] == "赋能"


def test_keyword_hits_count_positions_in_code_points_and_overlap() -> None:
    text = "𠮷😀赋能赋能\nAbc abc"
    hits = find_hits(text, [KeywordRule(1, "赋能"), KeywordRule(2, "能赋"), KeywordRule(3, "ABC")])
    assert [(h.rule.code_id, text[h.start : h.end]) for h in hits] == [
        (1, "赋能"), (2, "能赋"), (1, "赋能"), (3, "Abc"), (3, "abc"),
    ]
    assert hits[0].start == 2


def test_rules_use_names_and_keywords_but_not_single_characters(project: Project) -> None:
    a = codebook.create_code(project, "互助合作")
    b = codebook.create_code(project, "钱")
    codebook.update_code(project, b.id, keywords=["资金", "经"])
    rules = rules_for(codebook.list_codes(project))
    found = {(r.code_id, r.term, r.from_name) for r in rules}
    assert found == {(a.id, "互助合作", True), (b.id, "资金", False)}


def test_units_are_sentences_inside_turns_without_labels() -> None:
    text = (
        "访谈时间：2023年\n访谈者：老师您好𠮷😀！请谈谈项目。\n"
        "受访者：我们一起做增权赋能的工作。嗯。后来大家互助合作。\n"
    )
    found = [text[u.start : u.end] for u in units(text)]
    assert found == [
        "访谈时间：2023年", "老师您好𠮷😀！", "请谈谈项目。",
        "我们一起做增权赋能的工作。", "后来大家互助合作。",
    ]
    turns = [text[u.start : u.end] for u in units(text, "turn")]
    assert turns[1:] == [
        "老师您好𠮷😀！请谈谈项目。", "我们一起做增权赋能的工作。嗯。后来大家互助合作。",
    ]


def test_units_of_an_imported_crlf_document(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "甲.txt"
    source.write_bytes("访谈者：老师您好😀。\r\n受访者：增权赋能很重要。\r\n".encode())
    doc = documents.import_files(project, [source])[0]
    text = documents.document_text(project, doc.id)
    assert [text[u.start : u.end] for u in units(text)] == ["老师您好😀。", "增权赋能很重要。"]
    unit = units(text)[1]
    hits = hits_by_unit(find_hits(text, [KeywordRule(5, "赋能")]), units(text))
    assert [(i, c) for i, c in hits] == [(1, 5)]
    assert text[hits[(1, 5)][0].start : hits[(1, 5)][0].end] == "赋能"
    assert unit.start < hits[(1, 5)][0].start < unit.end


def test_covers() -> None:
    assert covers(0, 10, 2, 8)  # a coding inside the unit
    assert covers(0, 10, 0, 30)  # the unit inside a longer coding
    assert covers(0, 10, 5, 15)  # half the unit
    assert not covers(0, 10, 8, 40)  # grazes the unit's end
    assert not covers(0, 10, 10, 20)
    assert Unit(0, 1) == Unit(0, 1)
