"""Issue 16 on real text: the gold set, both scripts, the interviewer, calibration and per-code trust."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.codebook import list_codes
from app.core.documents import add_text_document
from app.core.nlp import model as model_module
from app.core.nlp.corpus import load_corpus
from app.core.nlp.keywords import rules_for
from app.core.nlp.speakers import interviewer, interviewer_units
from app.core.nlp.suggest import suggest
from app.core.nlp.trust import Calibration, CodeTrust, _choose
from app.core.nlp.units import units
from app.core.project import Project
from app.core.variants import fold
from bench.gold.load import GoldError, build_project, data_dir, load
from tests.core.nlp_helpers import need_gold_data

HANT = "original-zh-Hant/2016-06-30_vtaiwan-join-research-interview_lu-chia-hua.zh-Hant.md"


@pytest.fixture(scope="module")
def gold_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    need_gold_data()
    project = build_project(tmp_path_factory.mktemp("gold") / "gold.guiji")
    yield project  # type: ignore[misc]
    project.close()


def test_the_gold_set_is_big_enough_and_its_quotes_match(gold_project: Project) -> None:
    gold = load()
    assert len(gold.codings) >= 250
    assert len({c.code for c in gold.codings}) >= 12
    assert all(c.stage for c in gold.codings)
    assert all(gold.texts[c.document][c.start : c.end] == c.text for c in gold.codings)


def test_a_changed_transcript_is_an_error_naming_the_file(tmp_path: Path) -> None:
    if not data_dir().is_dir():
        pytest.skip("shared transcripts missing")
    copy = tmp_path / "zh"
    for name in load().texts:
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("改" + (data_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(GoldError, match="quoted text does not match"):
        load(copy)


def test_the_interviewer_is_found_by_label_or_by_questions(gold_project: Project) -> None:
    texts = load().texts
    names = sorted(interviewer(t) for t in texts.values())
    assert names == ["张同学", "问"]  # a 问 label; and, in the other, the speaker who asks (no label says so)
    assert interviewer("甲：我们在做社区工作。\n乙：对，我也在做。\n") is None


def test_interviewer_turns_get_no_suggestion_and_no_coding_was_there(gold_project: Project) -> None:
    found = suggest(gold_project, model=None, show_all=True)
    assert found
    for doc in load_corpus(gold_project):
        asked = interviewer_units(doc.text, doc.units)
        assert asked
        spans = {(doc.units[i].start, doc.units[i].end) for i in asked}
        assert not [s for s in found if s.document_id == doc.document_id and (s.start, s.end) in spans]
        assert not any(doc.coded[i] for i in asked)


def test_a_simplified_codebook_suggests_on_traditional_text_as_on_its_simplified_twin(
    gold_project: Project,
) -> None:
    model_module.train(gold_project)
    hant = (data_dir() / HANT).read_text(encoding="utf-8")
    twin = fold(hant)  # the same text in Simplified characters, code point for code point
    assert twin != hant and len(twin) == len(hant)
    a = add_text_document(gold_project, "繁体", hant).id
    b = add_text_document(gold_project, "简体", twin).id
    one = suggest(gold_project, document_id=a, show_all=True)
    two = suggest(gold_project, document_id=b, show_all=True)
    assert len(one) > 20
    assert [(s.start, s.end, s.code, s.source, round(s.score, 6)) for s in one] == [
        (s.start, s.end, s.code, s.source, round(s.score, 6)) for s in two
    ]
    assert any(s.source == "keyword" and s.keyword and s.keyword not in hant[s.start : s.end] for s in one), (
        "some Simplified keyword matched Traditional characters"
    )


def test_calibration_is_monotone_and_matches_rates() -> None:
    scores = [0.1] * 10 + [0.5] * 10 + [0.9] * 10
    right = [False] * 9 + [True] + [False] * 5 + [True] * 5 + [True] * 9 + [False]
    cal = Calibration.fit(scores, right)
    low, mid, high = cal(0.1), cal(0.5), cal(0.9)
    assert low < mid < high
    assert abs(mid - 0.5) < 0.05 and high > 0.8 and low < 0.2
    # Pool adjacent violators: a dip is merged, never kept.
    cal2 = Calibration.fit([0.1, 0.2, 0.3, 0.4], [True, False, True, True])
    assert cal2(0.1) <= cal2(0.2) <= cal2(0.3) <= cal2(0.4)


def test_a_code_keeps_its_keyword_rules_unless_the_model_measurably_beats_them() -> None:
    t = CodeTrust(1, support=20, model_picks=10, model_right=2)
    _choose(t, {"keywords": (10, 5), "model": (10, 2)})
    assert t.mode == "keywords" and not t.model_on
    assert t.why().startswith("keywords only")
    t = CodeTrust(2, support=20, model_picks=12, model_right=9)
    _choose(t, {"keywords": (10, 3), "model": (12, 9)})
    assert t.mode == "model" and t.model_on
    assert "9/12" in t.why()


def test_units_of_a_text_with_astral_characters_keep_code_points() -> None:
    text = "访谈者：老师您好𠮷😀？\n受访者：我们𠮷一直在做增权赋能的工作。\n"
    us = units(text)
    assert [text[u.start : u.end] for u in us] == ["老师您好𠮷😀？", "我们𠮷一直在做增权赋能的工作。"]
    assert interviewer_units(text, us) == frozenset({0})


def test_keyword_rules_fold_scripts_without_moving_positions(project: Project) -> None:
    from app.core import codebook

    code = codebook.create_code(project, "增权赋能")
    codebook.update_code(project, code.id, keywords=["参与"])
    text = "受访者：我們𠮷一直在做增權賦能，參與很多。\n"
    doc = add_text_document(project, "甲", text).id
    found = suggest(project, document_id=doc, model=None)
    assert [(s.code, text[s.start : s.end]) for s in found] == [("增权赋能", "我們𠮷一直在做增權賦能，參與很多。")]
    assert rules_for(list_codes(project))
