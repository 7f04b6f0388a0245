"""Suggestions, the learned model, rejections and evaluation (app.core.nlp)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from app.core import codebook, coding
from app.core.db.models import Coding, SuggestionModel
from app.core.documents import document_id_by_name
from app.core.errors import CancelledError, ValidationError
from app.core.nlp import model as model_module
from app.core.nlp.corpus import load_corpus
from app.core.nlp.evaluate import evaluate, folds_of
from app.core.nlp.invivo import STOP_WORDS, document_key_terms, key_terms
from app.core.nlp.model import build_examples, code_definitions, train_model
from app.core.nlp.rejections import list_rejections, reject, unreject
from app.core.nlp.suggest import passage_index, suggest
from app.core.project import Project, open_project
from tests.core.nlp_helpers import CODER, TOPICS, add_document, build_learnable_project

NEW_TEXT = (
    "访谈者：最近怎么样？\n"
    "受访者：家属们建了一个微信群，谁家有事大家都去帮忙。\n"
    "受访者：一家物流企业捐了十万块钱，还提供了三个就业岗位。\n"
    "受访者：我记不太清楚具体的时间了。\n"
)


@pytest.fixture(scope="module")
def learnable(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_learnable_project(tmp_path_factory.mktemp("nlp") / "learn.guiji")


@pytest.fixture
def trained(learnable: Path, tmp_path: Path) -> Project:
    """A copy of the learnable project with a trained model and one new, uncoded document."""
    path = tmp_path / "trained.guiji"
    path.write_bytes(learnable.read_bytes())
    project = open_project(path)
    add_document(project, "新访谈", NEW_TEXT)
    model_module.train(project)
    yield project  # type: ignore[misc]
    project.close()


def _doc_id(project: Project, name: str) -> int:
    return document_id_by_name(project, name)


def test_keyword_suggestion_inside_a_longer_word(project: Project) -> None:
    code = codebook.create_code(project, "内生因素/增权赋能")
    other = codebook.create_code(project, "赋能")  # the name alone is a keyword too
    codebook.update_code(project, code.id, keywords=["增能"])
    codebook.update_code(project, other.id, keywords=["能力提升"])
    text = "访谈者：老师您好𠮷😀！\n受访者：我们一直在做增权赋能的工作。\n"
    doc = add_document(project, "甲", text)
    found = suggest(project, document_id=doc, model=None)
    assert [(s.code, s.source, s.keyword, text[s.start : s.end]) for s in found] == [
        ("内生因素/增权赋能", "keyword", "增权赋能", "我们一直在做增权赋能的工作。"),
        ("赋能", "keyword", "赋能", "我们一直在做增权赋能的工作。"),
    ]
    fu = found[1]
    assert fu.score == 0.5  # a keyword rule never measured on this project: no better than a coin (issue 16)
    assert fu.keyword_word == "增权赋能"  # jieba made 增权赋能 one token; spaCy's expanded span says so
    assert "赋能" in fu.reason
    assert "增权赋能" in fu.reason


def test_nothing_is_suggested_where_the_code_already_is(project: Project) -> None:
    code = codebook.create_code(project, "互助合作")
    text = "受访者：我们一起互助合作，很开心。\n受访者：后来还是互助合作。\n"
    doc = add_document(project, "甲", text)
    coding.apply_coding(project, document_id=doc, code_id=code.id, start=4, end=18, coder=CODER)
    found = suggest(project, document_id=doc, model=None)
    assert [text[s.start : s.end] for s in found] == ["后来还是互助合作。"]


def test_rejected_suggestions_do_not_come_back(trained: Project) -> None:
    doc = _doc_id(trained, "新访谈")
    before = suggest(trained, document_id=doc)
    assert before, "the trained model should suggest something in the new interview"
    target = before[0]
    rejection = reject(trained, document_id=doc, code_id=target.code_id, start=target.start, end=target.end,
                       coder=CODER)
    after = suggest(trained, document_id=doc)
    assert (target.start, target.code_id) not in {(s.start, s.code_id) for s in after}
    assert len(after) == len(before) - 1
    # Not after retraining either: the rejection is a negative example and still filters.
    model_module.train(trained)
    again = suggest(trained, document_id=doc, threshold=0.0)
    assert (target.start, target.code_id) not in {(s.start, s.code_id) for s in again}
    assert list_rejections(trained, doc) == [rejection]
    unreject(trained, rejection.id)  # undo
    assert (target.start, target.code_id) in {(s.start, s.code_id) for s in suggest(trained, document_id=doc)}


def test_model_suggestions_carry_score_and_similar_passage(trained: Project) -> None:
    doc = _doc_id(trained, "新访谈")
    found = [s for s in suggest(trained, document_id=doc) if s.source == "model"]
    codes = {s.text: s.code for s in found}
    assert codes.get("家属们建了一个微信群，谁家有事大家都去帮忙。") == "内生因素/家属互助"
    assert codes.get("一家物流企业捐了十万块钱，还提供了三个就业岗位。") == "禀赋资源/资源整合"
    assert "我记不太清楚具体的时间了。" not in codes
    for s in found:
        assert 0.0 < s.score <= 1.0
        assert s.model_score == s.score
        assert s.similar is not None
        assert s.similar.text in TOPICS[s.code]  # an already-coded passage of that code
        assert s.reason.startswith("像这段已编码的话")
        assert s.similar.text[:10] in s.reason
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_suggestions_for_a_selection_only(trained: Project) -> None:
    doc = _doc_id(trained, "新访谈")
    start = NEW_TEXT.index("一家物流")
    found = suggest(trained, document_id=doc, start=start, end=start + 5)
    assert found
    assert {s.text for s in found} == {"一家物流企业捐了十万块钱，还提供了三个就业岗位。"}
    with pytest.raises(ValidationError):
        suggest(trained, document_id=doc, start=5, end=5)


def test_saved_and_loaded_model_gives_identical_scores(trained: Project) -> None:
    texts = [line.split("：", 1)[1] for line in NEW_TEXT.splitlines()]
    first = model_module.load_model(trained)
    assert first is not None
    before = first.score(texts)
    model_module.forget_cached()
    second = model_module.load_model(trained)
    assert second is not None
    assert second is not first
    assert second.score(texts) == before
    coded = sorted(c.id for c in codebook.list_codes(trained) if c.codings)
    with trained.read() as session:
        assert session.scalar(select(func.count(SuggestionModel.id))) == 1
        row = session.scalar(select(SuggestionModel))
        assert row is not None
        assert row.format == model_module.FORMAT
        assert json.loads(row.meta)["code_ids"] == coded


def test_training_is_deterministic(learnable: Path) -> None:
    project = open_project(learnable, read_only=True)
    try:
        training = build_examples(load_corpus(project), code_definitions(project))
        a, _ = train_model(training)
        b, _ = train_model(training)
        assert a.score(["家属们互相帮忙"]) == b.score(["家属们互相帮忙"])
    finally:
        project.close()


def test_training_can_be_cancelled_and_saves_nothing(learnable: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.guiji"
    path.write_bytes(learnable.read_bytes())
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 3:
            raise CancelledError("cancelled")

    with open_project(path) as project:
        with pytest.raises(CancelledError):
            model_module.train(project, progress=progress)
        assert seen == [(1, seen[0][1]), (2, seen[0][1]), (3, seen[0][1])]
        assert not model_module.model_status(project).trained


def test_model_status_asks_for_retraining_after_enough_codings(trained: Project) -> None:
    status = model_module.model_status(trained)
    assert status.trained
    assert status.usable
    assert not status.stale
    doc = _doc_id(trained, "新访谈")
    code = codebook.list_codes(trained)[1].id
    for i in range(model_module.RETRAIN_AFTER):
        coding.apply_coding(trained, document_id=doc, code_id=code, start=i, end=i + 2, coder=CODER)
    assert model_module.model_status(trained).stale


def test_a_model_of_another_format_is_not_loaded(trained: Project) -> None:
    with trained.write() as session:
        row = session.scalar(select(SuggestionModel))
        assert row is not None
        row.format = model_module.FORMAT + 1
    model_module.forget_cached()
    assert model_module.load_model(trained) is None
    assert model_module.model_status(trained).stale


def test_training_without_codings_is_a_clear_error(project: Project) -> None:
    add_document(project, "甲", NEW_TEXT)
    with pytest.raises(ValidationError, match="code some passages first"):
        model_module.train(project)


def test_evaluation_splits_by_document_and_the_model_beats_nothing(learnable: Path) -> None:
    project = open_project(learnable, read_only=True)
    try:
        corpus = [d for d in load_corpus(project) if d.has_codings]
        folds = folds_of(corpus, 3)
        names = [{d.name for d in f} for f in folds]
        assert all(not (a & b) for i, a in enumerate(names) for b in names[i + 1 :])
        assert set().union(*names) == {d.name for d in corpus}
        report = evaluate(project, folds=3).as_dict()
    finally:
        project.close()
    assert report["folds"] == 3
    assert set(report) >= {"keywords", "model", "combined", "per_code", "folds"}
    for method in ("keywords", "model", "combined"):
        assert set(report[method]) >= {"precision", "recall", "f1", "macro"}
    # The learnable project's sentences recur across interviews: the model must find them.
    assert report["model"]["f1"] > 0.8
    # Only one code's name occurs in the text (家属互助 in 家属互助会): keywords find little.
    assert 0.0 < report["keywords"]["f1"] < report["model"]["f1"]
    assert set(report["per_code"]) == set(TOPICS)
    assert all(v["support"] > 0 for v in report["per_code"].values())


def test_evaluation_needs_a_coded_document(project: Project) -> None:
    add_document(project, "甲", NEW_TEXT)
    with pytest.raises(ValidationError, match="at least 2 coded documents"):
        evaluate(project)


def test_one_coded_document_is_enough_for_a_first_figure(learnable: Path, tmp_path: Path) -> None:
    """Issue 16: evaluation was refused with one coded document; now its reviewed part is split in blocks."""
    path = tmp_path / "one.guiji"
    path.write_bytes(learnable.read_bytes())
    with open_project(path) as project:
        docs = load_corpus(project)
        keep = docs[0].document_id
        with project.write() as session:
            session.execute(delete(Coding).where(Coding.document_id != keep))
        report = evaluate(project).as_dict()
    assert report["documents"] == 1
    assert report["folds"] == 3
    assert report["units"] > 0
    assert set(report["protocols"]) == {"by_document", "split"}


def test_invivo_key_terms_skip_stop_words_and_code_names(project: Project) -> None:
    text = "我们就是觉得社区驿站很重要，驿站里有书法班，书法班的老师是志愿者。我们然后就是这样。"
    terms = [t.term for t in key_terms(text, top=5)]
    assert "驿站" in terms
    assert not set(terms) & STOP_WORDS
    codebook.create_code(project, "驿站")
    doc = add_document(project, "甲", text)
    proposed = document_key_terms(project, doc, top=5)
    assert "驿站" not in [t.term for t in proposed]
    assert all(t.count == text.count(t.term) and t.count > 0 for t in proposed)
    ranked = document_key_terms(project, doc, top=3, method="textrank")
    assert ranked
    assert all(t.method == "textrank" for t in ranked)
    part = document_key_terms(project, doc, start=text.index("书法"), end=len(text), top=5)
    assert "书法班" in [t.term for t in part] or "书法" in [t.term for t in part]
    with pytest.raises(ValidationError):
        document_key_terms(project, doc, start=5, end=1000)


def test_rejections_stay_on_their_words_when_the_text_is_edited(project: Project) -> None:
    editing = pytest.importorskip("app.core.editing")
    import app.core.nlp  # noqa: F401 - registers the rejection table with the editor

    assert "suggestion_rejection" in [t.table for t in editing.POSITION_TABLES]
    code = codebook.create_code(project, "互助合作")
    text = "受访者：您好。\n受访者：我们一起互助合作，很开心。\n"
    doc = add_document(project, "甲", text)
    found = suggest(project, document_id=doc, model=None)
    assert [s.text for s in found] == ["我们一起互助合作，很开心。"]
    target = found[0]
    reject(project, document_id=doc, code_id=code.id, start=target.start, end=target.end, coder=CODER)
    # Insert text before the rejected sentence: the rejection moves with its words.
    change = editing.edit_text(project, doc, 4, 4, "老师𠮷😀，", coder=CODER)
    moved = list_rejections(project, doc)[0]
    new_text = text[:4] + "老师𠮷😀，" + text[4:]
    assert new_text[moved.start : moved.end] == "我们一起互助合作，很开心。"
    assert suggest(project, document_id=doc, model=None) == []
    editing.undo_change(project, change)
    assert (list_rejections(project, doc)[0].start, list_rejections(project, doc)[0].end) == (
        target.start, target.end,
    )


def test_reasons_follow_new_codings(trained: Project) -> None:
    """The index of coded passages is cached per project, and rebuilt when the codings change."""
    doc = _doc_id(trained, "新访谈")
    sentence = "一家物流企业捐了十万块钱，还提供了三个就业岗位。"
    before = next(s for s in suggest(trained, document_id=doc) if s.text == sentence)
    assert before.similar is not None
    assert before.similar.text == sentence
    assert passage_index(trained) is passage_index(trained)  # unchanged project: the same index
    cached = passage_index(trained)
    other = add_document(trained, "另一篇", f"受访者：{sentence}😀\n")
    coding.apply_coding(trained, document_id=other, code_id=before.code_id, start=4, end=4 + len(sentence),
                        coder=CODER)
    for c in coding.list_codings(trained, code_id=before.code_id):
        if c.text == sentence and c.document != "另一篇":
            coding.remove_coding(trained, c.id)
    assert passage_index(trained) is not cached
    after = next(s for s in suggest(trained, document_id=doc) if s.text == sentence)
    assert after.similar is not None
    assert (after.similar.document, after.similar.text) == ("另一篇", sentence)
    assert after.similar.similarity == pytest.approx(1.0)
