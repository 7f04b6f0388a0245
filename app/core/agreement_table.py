"""The agreement table for a paper (编码一致性): one row per code and an overall row, in Chinese or English.

Written as .docx (three-line table) or .xlsx by :func:`app.core.exchange.table_writers.write_table`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.core.agreement import Agreement, Figures, agreement
from app.core.coding import list_coders
from app.core.errors import ValidationError
from app.core.exchange.table_writers import PaperTable, write_table
from app.core.project import Project

_TEXTS = {
    "title": ("表　编码一致性（{coders}；单位：{unit}）", "Table  Intercoder agreement ({coders}; unit: {unit})"),
    "code": ("编码", "Code"),
    "overall": ("总体", "Overall"),
    "n": ("单位数", "Units"),
    "segments": ("编码片段数", "Codings"),
    "percent": ("一致率（%）", "Agreement (%)"),
    "kappa": ("Cohen's κ", "Cohen's κ"),
    "fleiss": ("Fleiss' κ", "Fleiss' κ"),
    "alpha": ("Krippendorff's α", "Krippendorff's α"),
    "ci": ("α 的 95% 置信区间", "95% CI of α"),
    "cu": ("cu-α", "cu-α"),
    "note": ("注：{unit_note}每个编码逐单位判断各编码者是否编码；总体一行合并全部编码与单位。α 为名义 α，"
             "区间为 1000 次自助抽样（种子 0）的百分位区间；cu-α 为 Krippendorff 的单元化 α，按编码片段本身计算。"
             "“—”表示该系数不适用或无定义。",
             "Note: {unit_note}for each code, whether each coder coded each unit; the overall row pools every "
             "code and unit. α is nominal α with a percentile interval from 1,000 bootstrap resamples (seed 0); "
             "cu-α is Krippendorff's unitizing α, computed on the coded spans themselves. '—': the coefficient "
             "does not apply or is undefined."),
    "segment_note": ("注：一个编码者的编码片段若与另一编码者同一编码的片段重叠至少 {size}%（以两者并集计），"
                     "即视为一致；一致率为一致的片段占全部片段的比例。cu-α 为 Krippendorff 的单元化 α。",
                     "Note: a coding agrees when the other coder has a coding of the same code overlapping it by at "
                     "least {size}% of their union; agreement is the share of codings that agree. cu-α is "
                     "Krippendorff's unitizing α."),
    "sentence": ("句子", "sentence"),
    "turn": ("说话轮次", "speaker turn"),
    "chars": ("{size} 字符窗口", "{size}-character window"),
    "segment": ("编码片段（重叠 ≥ {size}%）", "coded segment (overlap ≥ {size}%)"),
    "units_are": ("单位为{unit}；", "units are {unit}s; "),
}


def _text(key: str, lang: str, **values: object) -> str:
    zh, en = _TEXTS[key]
    if lang == "zh":
        return zh.format(**values)
    if lang == "en" or zh == en:
        return en.format(**values)
    return f"{zh.format(**values)}\n{en.format(**values)}"


def _number(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def agreement_table(result: Agreement, lang: str | None = None) -> PaperTable:
    """``result`` as a paper table; ``lang`` ``zh`` (default), ``en`` or ``both``."""
    lang = lang or "zh"
    if lang not in ("zh", "en", "both"):
        raise ValidationError(f"'{lang}' is not an export language (use zh, en or both)",
                              code="value.lang", params={"value": lang})
    kind, _, size = result.unit.partition(":")
    segment = kind == "segment"
    columns = ["code", "segments", "percent"] if segment else ["code", "n", "segments", "percent", "kappa",
                                                                "fleiss", "alpha", "ci"]
    columns.append("cu")
    if not segment and len(result.coders) != 2:
        columns.remove("kappa")

    def row(name: str, f: Figures) -> tuple[str, ...]:
        cells = {
            "code": name, "n": str(f.n), "segments": str(sum(f.codings.values())),
            "percent": _number(f.percent, 1), "kappa": _number(f.kappa), "fleiss": _number(f.fleiss_kappa),
            "alpha": _number(f.alpha), "cu": _number(f.cu_alpha),
            "ci": "—" if f.alpha_ci is None else f"[{f.alpha_ci[0]:.3f}, {f.alpha_ci[1]:.3f}]",
        }
        return tuple(cells[c] for c in columns)

    rows = [row(path, f) for path, f in result.per_code.items()]
    rows.append(row(_text("overall", lang), result.overall))
    if segment:
        note = _text("segment_note", lang, size=size)
    else:
        zh_unit, en_unit = _text(kind, "zh", size=size), _text(kind, "en", size=size)
        if lang == "both":
            zh_note = _TEXTS["note"][0].format(unit_note=_TEXTS["units_are"][0].format(unit=zh_unit))
            en_note = _TEXTS["note"][1].format(unit_note=_TEXTS["units_are"][1].format(unit=en_unit))
            note = f"{zh_note}\n{en_note}"
        else:
            unit_note = _text("units_are", lang, unit=zh_unit if lang == "zh" else en_unit)
            note = _text("note", lang, unit_note=unit_note)
    titles = [_TEXTS["title"][i].format(coders=sep.join(result.coders), unit=_text(kind, code, size=size))
              for i, (code, sep) in enumerate((("zh", "、"), ("en", ", "))) if lang in (code, "both")]
    return PaperTable(
        title="\n".join(titles),
        header=tuple(_text(c, lang) for c in columns),
        rows=tuple(rows),
        widths=tuple(3.0 if c == "code" else (2.0 if c == "ci" else 1.2) for c in columns),
        note=note,
        numeric_columns=tuple(range(1, len(columns))),
        bold_rows=(len(rows) - 1,),
    )


def write_agreement_table(project: Project, out: str | Path, *, coders: Sequence[str] | None = None,
                          unit: str = "sentence", codes: Sequence[str] | None = None,
                          documents: Sequence[str] | None = None, lang: str | None = None) -> Path:
    """Compute agreement (``coders`` default: every coder of the project) and write the table to ``out``."""
    chosen = list(coders) if coders else list_coders(project)
    result = agreement(project, chosen, unit=unit, codes=codes, documents=documents)
    return write_table(agreement_table(result, lang), out)
