"""Fixtures for the exchange tests: a project with everything a .qdpx carries, and .qdpx builders."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core import attributes, cases, codebook, coding, documents, memos, stages
from app.core.process import links
from app.core.project import create_project
from app.core.tables import set_exemplar

# Chinese with characters outside the BMP (𠮷, 😀) and a CRLF in the input (stored as \n).
TEXT_A = (
    "访谈者：您好𠮷😀！请谈谈社区康复项目。\r\n"
    "受访者：我们一起做增权赋能的工作，后来大家互助合作，压力小了很多。\r\n"
    "访谈者：还有呢？😀\r\n"
    "受访者：引入督导以后，空间营造也顺了。\r\n"
)
TEXT_B = "受访者乙：资源整合很难😀，品牌打造更难𠮷。\n访谈者：为什么？\n受访者乙：因为缺少人手。\n"


def span(text: str, quote: str) -> tuple[int, int]:
    """Code point range of ``quote`` in the stored (normalised) ``text``."""
    stored = text.replace("\r\n", "\n")
    start = stored.index(quote)
    return start, start + len(quote)


@pytest.fixture
def rich_project(tmp_path: Path) -> Path:
    """A closed project with documents, a code tree with structured fields and memos, codings by two
    coders (memos, own stages, an exemplar), stages with spans and document stages, cases with
    documents and passages, typed attributes, a project memo, and action-logic links (one with
    evidence and stages, one with a relation of its own)."""
    path = tmp_path / "rich.guiji"
    with create_project(path) as p:
        a = documents.add_text_document(p, "访谈甲", TEXT_A)
        b = documents.add_text_document(p, "访谈乙", TEXT_B)
        c1 = codebook.create_code(p, "内生因素/增权赋能", color="#CC3311")
        codebook.update_code(p, c1.id, short_definition="赋予权能", when_to_use="居民自主", level="concept",
                             keywords=["赋权", "增能"], example="我们一起做")
        c2 = codebook.create_code(p, "内生因素/互助合作", color="#0077BB")
        c3 = codebook.create_code(p, "禀赋资源/资源整合")
        c4 = codebook.create_code(p, "禀赋资源/品牌打造")
        memos.set_code_memo(p, c1.id, "核心概念𠮷")
        s1 = stages.add_stage(p, "扎根", color="#E15759", description="起步")
        s2 = stages.add_stage(p, "协调", color="#4E79A7")
        stages.update_stage(p, s2.id, start_date="2020-01-01", end_date="2021-06-30")
        stages.add_stage(p, "共生")
        stages.set_document_stage(p, a.id, s1.id)
        stages.add_stage_span(p, b.id, s2.id, *span(TEXT_B, "资源整合很难😀，品牌打造更难𠮷。"))
        k1 = coding.apply_coding(p, document_id=a.id, code_id=c1.id, start=span(TEXT_A, "增权赋能")[0],
                                 end=span(TEXT_A, "增权赋能")[1], coder="研究者甲", memo="典型表述😀")
        coding.apply_coding(p, document_id=a.id, code_id=c2.id, start=span(TEXT_A, "互助合作")[0],
                            end=span(TEXT_A, "互助合作")[1], coder="研究者乙", stage_id=s2.id)
        coding.apply_coding(p, document_id=a.id, code_id=c1.id, start=0, end=span(TEXT_A, "项目。")[1],
                            coder="研究者甲")  # starts at 0, spans 𠮷😀
        coding.apply_coding(p, document_id=b.id, code_id=c3.id, start=span(TEXT_B, "资源整合很难😀")[0],
                            end=span(TEXT_B, "资源整合很难😀")[1], coder="研究者乙")
        end_b = len(TEXT_B)
        coding.apply_coding(p, document_id=b.id, code_id=c4.id, start=span(TEXT_B, "品牌打造更难𠮷")[0],
                            end=end_b, coder="研究者甲")  # ends at the end of the text
        set_exemplar(p, k1.id)
        s3 = stages.list_stages(p)[2]
        link = links.create_link(p, c1.id, c3.id, "leads_to", source_stage_id=s1.id, target_stage_id=s3.id,
                                 memo="赋能带来资源😀", coder="研究者甲")
        links.add_evidence(p, link.id, k1.id, test="hoop", stance="supports", note="关键证据𠮷")
        links.create_link(p, c2.id, c4.id, "互相成就")  # a relation of the researcher's own
        case = cases.create_case(p, "武汉项目", description="社区精神康复")
        cases.add_case_documents(p, case.id, [a.id])
        cases.add_case_passage(p, case.id, b.id, *span(TEXT_B, "因为缺少人手。"))
        cases.create_case(p, "长沙站")
        age = attributes.define_attribute(p, "年龄", "number")
        when = attributes.define_attribute(p, "访谈日期", "date")
        who = attributes.define_attribute(p, "身份", "text")
        attributes.set_attribute(p, a.id, age.id, "45")
        attributes.set_attribute(p, b.id, age.id, "2.5e-3")
        attributes.set_attribute(p, a.id, when.id, "2023-05-04")
        attributes.set_attribute(p, b.id, who.id, "社工；督导")
        memos.set_project_memo(p, "项目备忘：三阶段𠮷")
        memos.set_document_memo(p, a.id, "第一次访谈\n第二行")
    return path


def make_qdpx(path: Path, qde: str | bytes, files: dict[str, bytes] | None = None, *,
              qde_name: str = "project.qde") -> Path:
    """A .qdpx holding ``qde`` as ``qde_name`` and ``files`` (name -> bytes)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(qde_name, qde.encode("utf-8") if isinstance(qde, str) else qde)
        for name, data in (files or {}).items():
            archive.writestr(name, data)
    return path


def listing(folder: Path) -> set[str]:
    """Every file under ``folder`` (relative names), to check that nothing was left behind."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}
