"""Figure layouts without Qt: the sample project's timeline reproduces seed 000's framework (3 stages
× 3 dimensions, outcomes), nothing overlaps, adjustments survive new codings, greyscale is grey; the
other kinds and the layout helpers; the stage report."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from docx import Document as DocxDocument

from app.core import coding, documents
from app.core.errors import NotFoundError, ValidationError
from app.core.process import adjustments as adj
from app.core.process.data import Selection, load_process_data
from app.core.process.figures import FigureRequest, build_figure
from app.core.process.layout import (
    FigureOptions,
    Rect,
    Text,
    approx_measure,
    hatch_segments,
    luminance,
    nice_ticks,
    wrap,
)
from app.core.process.layout import (
    Path as FPath,
)
from app.core.process.report import stage_sections, write_stage_report
from app.core.process.transitions import compute_transitions
from app.core.project import open_project
from app.core.sample import build_sample_project


@pytest.fixture
def sample(tmp_path: Path) -> Any:
    project = open_project(build_sample_project(tmp_path / "s.guiji"))
    yield project
    project.close()


def boxes(figure: Any) -> dict[str, Rect]:
    return {i.key: i for i in figure.items if isinstance(i, Rect) and i.key.startswith("box:") and i.fill == "#FFFFFF"}


def overlap(a: Any, b: Any) -> bool:
    return a.x < b.x + b.w - 1e-6 and b.x < a.x + a.w - 1e-6 and a.y < b.y + b.h - 1e-6 and b.y < a.y + a.h - 1e-6


def test_sample_timeline_is_seed_000s_framework(sample: Any) -> None:
    figure = build_figure(sample, FigureRequest(), FigureOptions(width=170))
    assert figure.meta["stages"] == ["扎根", "协调", "共生"]
    assert figure.meta["rows"] == ["内生因素", "治理环境", "禀赋资源"]
    assert figure.meta["outcomes"] == {"内生因素": "价值共同体", "治理环境": "结构共同体", "禀赋资源": "资源共同体"}
    texts = {" ".join(i.lines) for i in figure.items if isinstance(i, Text)}
    joined = "".join(texts).replace(" ", "")
    assert {"活起来", "动起来", "实起来", "共 建 共 治 共 享"} <= texts or "共建共治共享" in joined
    data = load_process_data(sample)
    names = {data.codes[int(k.split(":")[1].split("@")[0])].name for k in boxes(figure)}
    assert {"增权赋能", "互助合作", "畅通协商", "空间营造", "引入督导", "资源整合", "品牌打造"} <= names
    # The strategies sit in their stage's column: 增权赋能 in 扎根 is left of 畅通协商 in 协调.
    stage = {s.name: s.id for s in data.stages}
    code = {n.name: n.id for n in data.codes.values()}
    b = boxes(figure)
    assert b[f"box:{code['增权赋能']}@{stage['扎根']}"].x < b[f"box:{code['畅通协商']}@{stage['协调']}"].x
    assert b[f"box:{code['畅通协商']}@{stage['协调']}"].x < b[f"box:{code['资源整合']}@{stage['共生']}"].x
    # Rows top to bottom in the framework's order.
    assert b[f"box:{code['增权赋能']}@{stage['扎根']}"].y < b[f"box:{code['畅通协商']}@{stage['协调']}"].y
    assert b[f"box:{code['畅通协商']}@{stage['协调']}"].y < b[f"box:{code['资源整合']}@{stage['共生']}"].y
    arrows = [i for i in figure.items if isinstance(i, FPath) and i.key.startswith("transition:")]
    assert arrows and all(i.head == "arrow" for i in arrows)


@pytest.mark.parametrize("width", [85, 120, 170, 250])
@pytest.mark.parametrize("kind", ["timeline", "sankey", "matrix", "codeline", "saturation"])
def test_nothing_overlaps_and_the_width_is_exact(sample: Any, kind: str, width: float) -> None:
    figure = build_figure(sample, FigureRequest(kind=kind), FigureOptions(width=width, grayscale=width == 85))
    assert figure.width == width
    items = [i for i in figure.items if not isinstance(i, FPath)]
    for item in items:
        assert item.x >= -0.01 and item.x + item.w <= width + 0.01, item
        assert item.y >= 0 and item.y + item.h <= figure.height + 0.01, item
    texts = [i for i in items if isinstance(i, Text)]
    for a, b in itertools.combinations(texts, 2):
        assert not overlap(a, b), (a.lines, b.lines)
    for t in texts:  # every line fits the width it was given
        for line in t.lines:
            assert approx_measure(line, t.size, t.bold) <= t.w + 0.05 or len(line) == 1, (line, t.w)
    framed = list(boxes(figure).values())
    for a, b in itertools.combinations(framed, 2):
        assert not overlap(a, b)


def test_greyscale_is_grey(sample: Any) -> None:
    for kind in ("timeline", "sankey", "matrix", "codeline", "saturation"):
        figure = build_figure(sample, FigureRequest(kind=kind), FigureOptions(width=170, grayscale=True))
        colours = set()
        for item in figure.items:
            for name in ("fill", "stroke", "color", "pattern_color"):
                value = getattr(item, name, None)
                if value:
                    colours.add(value.upper())
        assert all(c[1:3] == c[3:5] == c[5:7] for c in colours), (kind, colours)
    # Rows are told apart by patterns in greyscale.
    timeline = build_figure(sample, FigureRequest(), FigureOptions(width=170, grayscale=True))
    patterns = {i.pattern for i in timeline.items if isinstance(i, Rect)}
    assert len(patterns - {"none"}) >= 2


def test_adjustments_survive_new_codings(sample: Any) -> None:
    data = load_process_data(sample)
    stage = {s.name: s.id for s in data.stages}
    code = {n.path: n.id for n in data.codes.values()}
    key = f"box:{code['治理环境/畅通协商']}@{stage['协调']}"
    before = boxes(build_figure(sample, FigureRequest(), FigureOptions()))[key]
    adj.adjust(sample, "timeline", key, dx=4.0, dy=-1.5, label="协商议事")
    hidden = f"box:{code['禀赋资源/品牌打造']}@{stage['协调']}"
    adj.adjust(sample, "timeline", hidden, hidden=True)
    # New codings change counts (and so sizes), not the element keys.
    doc = documents.list_documents(sample)[0]
    for start in (10, 20, 30):
        coding.apply_coding(sample, document_id=doc.id, code_id=code["治理环境/畅通协商/多方联席会议"], start=start,
                            end=start + 5, coder="甲", stage_id=stage["协调"])
    plain = build_figure(sample, FigureRequest(), FigureOptions())
    moved = boxes(plain)[key]
    assert moved.x == pytest.approx(before.x + 4.0)
    assert hidden not in boxes(plain)
    assert not any(i.key.startswith("transition:") and hidden.split(":")[1] in i.key for i in plain.items)
    labels = [" ".join(i.lines) for i in plain.items if isinstance(i, Text) and i.key == key]
    assert labels[0] == "协商议事"
    assert "16" in labels  # 13 codings + 3 new ones
    adj.reset_adjustments(sample, "timeline")
    again = boxes(build_figure(sample, FigureRequest(), FigureOptions()))
    assert again[key].x == pytest.approx(before.x) and hidden in again


def test_filters_and_levels(sample: Any) -> None:
    one = build_figure(sample, FigureRequest(selection=Selection(units=("居民访谈",))), FigureOptions())
    everyone = build_figure(sample, FigureRequest(), FigureOptions())
    assert len(boxes(one)) < len(boxes(everyone))
    strict = build_figure(sample, FigureRequest(min_count=5), FigureOptions())
    assert len(boxes(strict)) == 7  # only the seed's strategies reach 5 codings in their stage
    dims = build_figure(sample, FigureRequest(level="0", row_level="0"), FigureOptions())
    assert len(boxes(dims)) == 7  # a dimension per cell where it was coded
    with pytest.raises(ValidationError, match="too narrow"):
        build_figure(sample, FigureRequest(), FigureOptions(width=30))
    with pytest.raises(NotFoundError, match="无此"):
        build_figure(sample, FigureRequest(kind="codeline", document="无此文档"), FigureOptions())


def test_sankey_ribbons_fit_their_nodes(sample: Any) -> None:
    figure = build_figure(sample, FigureRequest(kind="sankey"), FigureOptions())
    nodes = {i.key: i for i in figure.items if isinstance(i, Rect) and i.key.startswith("node:")}
    ribbons = [i for i in figure.items if isinstance(i, FPath) and i.key.startswith("transition:")]
    result = compute_transitions(load_process_data(sample))
    assert len(ribbons) == len(result.transitions)
    for ribbon in ribbons:
        src, dst = ribbon.key.split(":", 1)[1].split(">")
        a, b = nodes[f"node:{src}"], nodes[f"node:{dst}"]
        (_m, x0, y0), (_c, *_ctrl, x1, y1), (_l, _x, y1b) = ribbon.commands[:3]
        assert x0 == pytest.approx(a.x + a.w) and x1 == pytest.approx(b.x)
        assert a.y - 1e-6 <= y0 <= a.y + a.h + 1e-6
        assert b.y - 1e-6 <= y1 < y1b <= b.y + b.h + 1e-6


def test_matrix_codeline_saturation(sample: Any) -> None:
    matrix = build_figure(sample, FigureRequest(kind="matrix"), FigureOptions())
    cells = [i for i in matrix.items if isinstance(i, Rect) and i.ref and i.ref[0] == "transition"]
    numbers = [int(i.lines[0]) for i in matrix.items if isinstance(i, Text) and i.ref and i.ref[0] == "transition"]
    result = compute_transitions(load_process_data(sample))
    assert sorted(numbers) == sorted(t.count for t in result.transitions)
    assert len(cells) == sum(len(m.rows) * len(m.columns) for m in result.matrices())
    codeline = build_figure(sample, FigureRequest(kind="codeline", document="居民访谈", level="code"), FigureOptions())
    bars = [i for i in codeline.items if isinstance(i, Rect) and i.ref and i.ref[0] == "coding"]
    doc_id = documents.document_id_by_name(sample, "居民访谈")
    assert len(bars) == len(coding.list_codings(sample, document_id=doc_id))
    assert codeline.meta["document"] == "居民访谈"
    saturation = build_figure(sample, FigureRequest(kind="saturation"), FigureOptions())
    assert saturation.meta == {"documents": 3, "codes": 28}


def test_layout_helpers() -> None:
    lines = wrap("社会工作以增权赋能与互助合作的实践策略", 12, 8, approx_measure)
    assert "".join(lines) == "社会工作以增权赋能与互助合作的实践策略"
    assert all(approx_measure(line, 8) <= 12 + 1e-6 for line in lines)
    assert wrap("价值共同体（活起来）", 200, 8, approx_measure) == ["价值共同体（活起来）"]
    assert not any(line.startswith(("，", "）")) for line in wrap("甲乙，丙丁）戊己庚辛", 8.5, 8, approx_measure))
    assert wrap("一二三四五六七八九十", 6, 8, approx_measure, max_lines=2)[-1].endswith("…")
    for pattern in ("diagonal", "backdiagonal", "cross", "dots", "horizontal", "vertical", "grid"):
        segments = hatch_segments(10, 20, 7, 3, pattern)
        assert segments
        for x0, y0, x1, y1 in segments:
            for x, y in ((x0, y0), (x1, y1)):
                assert 10 - 1e-9 <= x <= 17 + 1e-9 and 20 - 1e-9 <= y <= 23 + 1e-9
    assert nice_ticks(28) == [0, 10, 20, 30]
    assert nice_ticks(28, 8) == [0, 5, 10, 15, 20, 25, 30]
    assert nice_ticks(3700, 7) == [0, 1000, 2000, 3000, 4000]
    assert luminance("#FFFFFF") == pytest.approx(1.0)


def test_stage_report_prefers_exemplars(sample: Any, tmp_path: Path) -> None:
    sections = stage_sections(sample)
    assert [s.name for s in sections] == ["扎根", "协调", "共生"]
    first = sections[0].codes[0]
    assert (first.code, first.codings, first.cases, first.exemplar) == ("内生因素/增权赋能", 14, 3, False)
    data = load_process_data(sample)
    later = list(compute_transitions(data).box_codings(data.stages[0].id, data.code_by_path(
        "内生因素/增权赋能").id))[-1]
    with sample.write() as session:
        from app.core.db.models import Coding

        session.get(Coding, later.id).exemplar = True
    chosen = stage_sections(sample)[0].codes[0]
    assert (chosen.start, chosen.end, chosen.exemplar) == (later.start, later.end, True)
    out = write_stage_report(sample, tmp_path / "r.docx")
    body = "\n".join(p.text for p in DocxDocument(str(out)).paragraphs)
    assert chosen.quote[:20] in body
