"""Agreement of a project's coders: units, segments, spans, filters, errors."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from app.core import agreement_stats as stats
from app.core.agreement import agreement, parse_unit
from app.core.codebook import create_code
from app.core.coding import NewCoding, apply_codings
from app.core.documents import add_text_document
from app.core.errors import NotFoundError, ValidationError
from app.core.nlp.units import covers, units
from app.core.project import Project

SENTENCES = [f"这是第{i}句话，我们讨论社区治理的问题𠮷。" for i in range(40)]
TEXT = "".join(SENTENCES)


def _random_project(project: Project, seed: int, coders: tuple[str, ...] = ("甲", "乙")) -> None:
    rng = np.random.default_rng(seed)
    doc = add_text_document(project, "访谈一", TEXT)
    doc2 = add_text_document(project, "访谈二", TEXT[::-1])
    codes = [create_code(project, path).id for path in ("政策/参与", "政策/赋权", "关系")]
    items = []
    for d in (doc, doc2):
        for _ in range(60):
            s = int(rng.integers(0, d.length - 2))
            e = int(rng.integers(s + 1, min(d.length, s + 40) + 1))
            code = codes[int(rng.integers(0, 3))]
            for coder in coders:
                if rng.random() < 0.6:  # partly agreeing: sometimes the same span, sometimes shifted
                    shift = 0 if rng.random() < 0.5 else int(rng.integers(-5, 6))
                    items.append(NewCoding(d.id, code, max(0, s + shift), min(d.length, max(s + shift + 1, e + shift)),
                                           coder))
    apply_codings(project, items)


def _matrix(project: Project, coders: tuple[str, ...], code: str, kind: str) -> np.ndarray:
    """The coded/not-coded rating of every unit by every coder, built the slow, obvious way."""
    from app.core.coding import list_codings
    from app.core.documents import document_text, list_documents

    rows: list[list[int]] = [[] for _ in coders]
    codings = list_codings(project)
    for doc in list_documents(project):
        text = document_text(project, doc.id)
        for unit in units(text, kind):  # type: ignore[arg-type]
            for i, coder in enumerate(coders):
                rows[i].append(int(any(
                    c.document_id == doc.id and c.code == code and c.coder == coder
                    and covers(unit.start, unit.end, c.start, c.end) for c in codings)))
    return np.array(rows)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sentence_agreement_equals_the_unit_matrix_scored_independently(project: Project, seed: int) -> None:
    _random_project(project, seed)
    result = agreement(project, ["甲", "乙"], unit="sentence")
    assert result.unit == "sentence" and result.coders == ("甲", "乙")
    assert result.documents == ("访谈一", "访谈二")
    pooled = []
    for path in ("政策/参与", "政策/赋权", "关系"):
        matrix = _matrix(project, ("甲", "乙"), path, "sentence")
        pooled.append(matrix)
        figures = result.per_code[path]
        assert figures.n == matrix.shape[1] == result.n_units
        assert figures.percent == pytest.approx(100 * np.mean(matrix[0] == matrix[1]))
        assert figures.kappa == pytest.approx(cohen_kappa_score(matrix[0], matrix[1]))
        assert figures.alpha == pytest.approx(stats.krippendorff_alpha(matrix.astype(float)))
        assert figures.alpha_ci is not None and figures.alpha_ci[0] <= figures.alpha_ci[1]
    everything = np.concatenate(pooled, axis=1)
    assert result.overall.kappa == pytest.approx(cohen_kappa_score(everything[0], everything[1]))
    assert result.overall.n == everything.shape[1]


def test_three_coders_get_fleiss_and_alpha_but_no_cohen(project: Project) -> None:
    coders = ("甲", "乙", "丙")
    _random_project(project, 4, coders)
    result = agreement(project, list(coders), unit="turn")
    matrix = _matrix(project, coders, "关系", "turn")
    counts, _ = stats.counts_from_ratings(matrix.astype(float))
    figures = result.per_code["关系"]
    assert figures.kappa is None and "kappa" not in figures.as_dict()
    assert figures.fleiss_kappa == pytest.approx(stats.fleiss_kappa(counts))
    assert figures.alpha == pytest.approx(stats.alpha_from_counts(counts))


def test_character_windows_of_one_are_character_level_agreement(project: Project) -> None:
    doc = add_text_document(project, "短", "ab𠮷\r\ncdefgh")  # \r\n is normalised to \n on import
    code = create_code(project, "码").id
    apply_codings(project, [NewCoding(doc.id, code, 0, 4, "甲"), NewCoding(doc.id, code, 2, 6, "乙")])
    result = agreement(project, ["甲", "乙"], unit="chars:1")
    a = np.array([1, 1, 1, 1, 0, 0, 0, 0, 0, 0])
    b = np.array([0, 0, 1, 1, 1, 1, 0, 0, 0, 0])
    assert result.n_units == doc.length == a.size
    assert result.per_code["码"].kappa == pytest.approx(cohen_kappa_score(a, b))
    windows = agreement(project, ["甲", "乙"], unit="chars:4")
    assert windows.n_units == 3  # [0,4) [4,8) [8,10)


def test_segment_agreement_matches_codings_overlapping_enough(project: Project) -> None:
    doc = add_text_document(project, "段", "x" * 200)
    code = create_code(project, "码").id
    apply_codings(project, [
        NewCoding(doc.id, code, 0, 100, "甲"), NewCoding(doc.id, code, 5, 100, "乙"),  # 95 % of the union
        NewCoding(doc.id, code, 120, 140, "甲"), NewCoding(doc.id, code, 125, 140, "乙"),  # 75 %
        NewCoding(doc.id, code, 150, 160, "甲"),  # B has nothing
    ])
    at_90 = agreement(project, ["甲", "乙"], unit="segment:90").per_code["码"]
    assert at_90.n == 5 and at_90.percent == pytest.approx(40.0)
    assert at_90.kappa is None and at_90.alpha is None
    at_70 = agreement(project, ["甲", "乙"], unit=parse_unit("segment:70"))
    assert at_70.overall.percent == pytest.approx(80.0)
    assert at_70.overall.codings == {"甲": 3, "乙": 2}
    assert parse_unit("segment").size == 90


def test_unitizing_alpha_is_reported_for_the_spans(project: Project) -> None:
    doc = add_text_document(project, "段", "x" * 200)
    code = create_code(project, "码").id
    apply_codings(project, [NewCoding(doc.id, code, 10, 50, "甲"), NewCoding(doc.id, code, 10, 50, "乙"),
                            NewCoding(doc.id, code, 60, 80, "甲"), NewCoding(doc.id, code, 65, 80, "乙")])
    result = agreement(project, ["甲", "乙"])
    expected = stats.unitizing_alpha([[(10, 50), (60, 80)], [(10, 50), (65, 80)]], 200)
    assert result.per_code["码"].cu_alpha == pytest.approx(expected)
    assert 0 < result.overall.cu_alpha < 1  # type: ignore[operator]


def test_filters_by_code_and_document(project: Project) -> None:
    _random_project(project, 5)
    result = agreement(project, ["甲", "乙"], codes=["关系"], documents=["访谈二"])
    assert list(result.per_code) == ["关系"]
    assert result.documents == ("访谈二",)
    assert result.n_units == len(units(TEXT[::-1]))


def test_bad_requests_raise_errors_with_codes(project: Project) -> None:
    _random_project(project, 6)
    with pytest.raises(NotFoundError) as missing:
        agreement(project, ["甲", "无名"])
    assert missing.value.code == "not_named" and missing.value.params == {"what": "coder", "name": "无名"}
    with pytest.raises(ValidationError) as one:
        agreement(project, ["甲", "甲"])
    assert one.value.code == "agreement.coders"
    for bad in ("chars:0", "segment:101", "word", "sentence:3"):
        with pytest.raises(ValidationError) as unit:
            parse_unit(bad)
        assert unit.value.code == "agreement.unit"
    with pytest.raises(NotFoundError):
        agreement(project, ["甲", "乙"], codes=["没有这个码"])
