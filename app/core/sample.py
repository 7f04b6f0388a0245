"""Build the bundled sample project (three synthetic transcripts, coded and staged).

``resources/sample/sample.json`` names each coding by an exact quote that occurs once in its
document, so the spec stays readable and never depends on hand-counted offsets.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.core.codebook import find_code
from app.core.coding import get_or_create_coder
from app.core.db.models import Coding, StageSpan, utcnow
from app.core.documents import find_document, import_files
from app.core.errors import ProjectError
from app.core.paths import resources_dir
from app.core.project import create_project
from app.core.stages import find_stage
from app.core.templates import apply_structure


def _sample_dir() -> Path:
    return resources_dir() / "sample"


def _locate(text: str, quote: str, where: str) -> tuple[int, int]:
    start = text.find(quote)
    if start < 0 or text.find(quote, start + 1) >= 0:
        raise ProjectError(f"sample.json: the quote {quote[:20]!r}… must occur exactly once in {where}",
                               code="internal", params={"detail": f"sample.json: {quote[:20]}"})
    return start, start + len(quote)


def build_sample_project(path: Path) -> Path:
    """Create the sample project at ``path`` (which must not exist); the file is removed on failure."""
    spec: dict[str, Any] = json.loads((_sample_dir() / "sample.json").read_text(encoding="utf-8"))
    files = [_sample_dir() / "transcripts" / d["file"] for d in spec["documents"]]
    try:
        with create_project(path) as project:
            apply_structure(project, spec)
            import_files(project, files)
            with project.write() as session:
                for doc_spec, file in zip(spec["documents"], files, strict=True):
                    doc = find_document(session, file.stem)
                    for span in doc_spec.get("stage_spans", []):
                        start, _ = _locate(doc.text, span["from"], doc.name)
                        _, end = _locate(doc.text, span["to"], doc.name)
                        stage = find_stage(session, span["stage"])
                        session.add(StageSpan(document_id=doc.id, stage_id=stage.id, start=start, end=end))
                for item in spec["codings"]:
                    doc = find_document(session, Path(item["document"]).stem)
                    start, end = _locate(doc.text, item["quote"], doc.name)
                    stage_id = find_stage(session, item["stage"]).id if item.get("stage") else None
                    session.add(
                        Coding(
                            document_id=doc.id, code_id=find_code(session, item["code"]).id,
                            coder_id=get_or_create_coder(session, item.get("coder", "研究者A")).id,
                            start=start, end=end, memo=item.get("memo", ""), stage_id=stage_id,
                            created_at=utcnow(),
                        )
                    )
    except BaseException:
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return path
