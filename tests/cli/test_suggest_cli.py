"""The suggestion subcommands: suggest, train, keywords, evaluate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.commands import suggest as suggest_commands
from app.core.nlp import model
from app.core.project import open_project
from tests.cli.helpers import run
from tests.core.nlp_helpers import TOPICS, add_document, build_learnable_project

NEW = "访谈者：还有呢？\n受访者：家属们建了一个微信群，谁家有事大家都去帮忙𠮷😀。\n"



@pytest.fixture
def proj(tmp_path: Path) -> Path:
    path = build_learnable_project(tmp_path / "p.guiji")
    with open_project(path) as project:
        add_document(project, "新", NEW)
    return path


def test_default_threshold_is_the_models() -> None:
    assert suggest_commands.DEFAULT_THRESHOLD == model.DEFAULT_THRESHOLD


def test_suggest_before_training_uses_keywords_only(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run("suggest", proj, "--doc", "新", "--json", capsys=capsys)
    assert code == 0
    assert "no learned model yet" in err
    assert json.loads(out) == []  # no code name or keyword occurs in the new interview


def test_train_then_suggest(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run("train", proj, "--json", capsys=capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["labels"] == len(TOPICS)
    assert report["codings"] > 0
    code, out, err = run("suggest", proj, "--doc", "新", "--json", capsys=capsys)
    assert code == 0, err
    assert err == ""
    found = json.loads(out)
    assert found
    first = found[0]
    assert set(first) == {"document", "start", "end", "code", "score", "source", "reason"}
    assert first["document"] == "新"
    assert first["code"] == "内生因素/家属互助"
    assert first["source"] == "model"
    sentence = "家属们建了一个微信群，谁家有事大家都去帮忙𠮷😀。"
    assert NEW[first["start"] : first["end"]] == sentence  # code points, after an astral character
    assert first["reason"].startswith("像这段已编码的话")
    code, out, _err = run("suggest", proj, "--threshold", "1.0", "--json", capsys=capsys)
    assert code == 0
    assert all(s["source"] == "keyword" for s in json.loads(out))


def test_keywords_proposes_new_code_names(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run("keywords", proj, "--doc", "新", "--top", "5", "--json", capsys=capsys)
    assert code == 0, err
    terms = json.loads(out)
    assert terms
    assert set(terms[0]) == {"term", "weight", "count", "method"}
    assert "微信群" in [t["term"] for t in terms]
    start = NEW.index("微信群")
    code, out, _err = run("keywords", proj, "--doc", "新", "--start", start, "--end", start + 3, "--textrank",
                          "--json", capsys=capsys)
    assert code == 0
    assert all(t["method"] == "textrank" for t in json.loads(out))


def test_evaluate_reports_every_method_and_code(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run("evaluate", proj, "--folds", "3", "--json", capsys=capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["folds"] == 3
    for method in ("keywords", "model", "combined"):
        assert {"precision", "recall", "f1", "macro"} <= set(report[method])
        assert 0.0 <= report[method]["f1"] <= 1.0
    assert set(report["per_code"]) == set(TOPICS)
    assert report["model"]["f1"] > report["keywords"]["f1"]
    code, out, _err = run("evaluate", proj, "--folds", "3", capsys=capsys)
    assert code == 0
    assert "3-fold cross-validation by document" in out


def test_bad_input_is_one_clear_error(proj: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run("suggest", proj, "--doc", "没有这个", "--json", capsys=capsys)
    assert code != 0
    assert "没有这个" in err
    empty = tmp_path / "e.guiji"
    assert run("new", empty, capsys=capsys)[0] == 0
    code, _out, err = run("train", empty, capsys=capsys)
    assert code != 0
    assert "code some passages first" in err
    code, _out, err = run("evaluate", empty, "--json", capsys=capsys)
    assert code != 0
    assert "at least 2 coded documents" in err
    with pytest.raises(SystemExit):
        main(["suggest", str(proj), "--threshold", "2"])
