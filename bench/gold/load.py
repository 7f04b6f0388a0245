"""Load the gold set, check every quote against the shared transcripts, and build a project from it.

The codings reference ``../shared/data/zh/<file>`` by code-point range and quote the text; a quote that
no longer matches the file is an error naming the file and the range (the transcripts are never copied
into the repository).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1].parent / "shared" / "data" / "zh"
CODER = "gold"


class GoldError(Exception):
    """The gold set does not match the shared transcripts (or they are missing)."""


@dataclass(frozen=True)
class GoldCoding:
    document: str  # file name under the shared zh folder
    start: int
    end: int
    text: str
    code: str  # code path
    stage: str


@dataclass(frozen=True)
class Gold:
    codebook: dict
    texts: dict[str, str]  # file name → text
    codings: tuple[GoldCoding, ...]


def data_dir() -> Path:
    return DATA


def load(data: Path | None = None) -> Gold:
    """The codebook, the transcripts and the codings, every quote checked."""
    base = data or DATA
    codebook = json.loads((HERE / "codebook.json").read_text(encoding="utf-8"))
    raw = json.loads((HERE / "codings.json").read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    for name in raw["documents"]:
        path = base / name
        if not path.is_file():
            raise GoldError(f"{path}: the shared transcript is missing")
        texts[name] = path.read_text(encoding="utf-8")
    paths = {c["path"] for c in codebook["codes"]}
    stages = {s["name"] for s in codebook["stages"]}
    codings = []
    for n, item in enumerate(raw["codings"]):
        coding = GoldCoding(item["document"], int(item["start"]), int(item["end"]), item["text"],
                            item["code"], item["stage"])
        text = texts.get(coding.document)
        if text is None:
            raise GoldError(f"coding {n}: {coding.document} is not one of the gold documents")
        if text[coding.start : coding.end] != coding.text:
            raise GoldError(f"{coding.document} {coding.start}–{coding.end}: the quoted text does not match the file "
                            f"(coding {n}: {coding.text[:20]}…)")
        if coding.code not in paths or coding.stage not in stages:
            raise GoldError(f"coding {n}: unknown code {coding.code!r} or stage {coding.stage!r}")
        codings.append(coding)
    return Gold(codebook, texts, tuple(codings))


def document_name(file_name: str) -> str:
    """The project's name for a shared file: its date and title, without the conversion suffix."""
    return Path(file_name).name.split(".")[0]


def build_project(path: Path, gold: Gold | None = None, *, codings: bool = True):
    """A new project at ``path`` with the gold documents, codebook, dated stages and (optionally) codings."""
    from app.core.codebook import list_codes
    from app.core.coding import apply_coding
    from app.core.documents import add_text_document
    from app.core.project import create_project
    from app.core.stages import list_stages, update_stage
    from app.core.templates import apply_structure

    gold = gold or load()
    project = create_project(path)
    apply_structure(project, gold.codebook)
    by_name = {s.name: s.id for s in list_stages(project)}
    for item in gold.codebook["stages"]:
        update_stage(project, by_name[item["name"]],
                     start_date=date.fromisoformat(item["start_date"]) if item.get("start_date") else None,
                     end_date=date.fromisoformat(item["end_date"]) if item.get("end_date") else None)
    doc_ids = {}
    for name, text in gold.texts.items():
        info = add_text_document(project, document_name(name), text, source_format="md")
        doc_ids[name] = info.id
    if codings:
        code_ids = {c.path: c.id for c in list_codes(project)}
        for c in gold.codings:
            apply_coding(project, document_id=doc_ids[c.document], code_id=code_ids[c.code], start=c.start,
                         end=c.end, coder=CODER, stage_id=by_name[c.stage])
    return project
