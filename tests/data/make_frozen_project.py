"""Make the frozen project of the current schema revision: ``tests/data/projects/project-<rev>.guiji``.

tests/core/test_migrations_frozen.py opens a copy of every frozen file with today's Guiji and
checks that it reads back exactly the content defined below (after an upgrade, with a backup
beside it, for every file older than head). So:

* **When a schema revision is released**, freeze it: run this script with the code of that
  revision, commit the new file, and add its revision to ``FROZEN`` in that test (one line).
* **Never change the content** (the frozen files of earlier revisions were made from it). If a
  later version of the services makes this script fail, adapt the calls, not the content.

Run it from the repository root (``.venv/bin/python tests/data/make_frozen_project.py``). To
freeze an older revision, check out the commit where it was head and run this script there::

    git worktree add --detach /tmp/guiji-old <commit>
    cp tests/data/make_frozen_project.py /tmp/guiji-old/tests/data/
    (cd /tmp/guiji-old && "$OLDPWD/.venv/bin/python" tests/data/make_frozen_project.py \
        --out "$OLDPWD/tests/data/projects")
    git worktree remove --force /tmp/guiji-old

The script imports ``app`` from the checkout it sits in (not from the installed one), so the file
gets that checkout's schema. project-0001.guiji was made this way at commit d1ebec9 (the last
commit with 0001 as head), project-0002.guiji at 05fe097, project-0006.guiji at 5bc5637,
project-0007.guiji at 504170c.
Revisions 0003-0005 have no frozen file: no release carried them (0006 followed within the hour).
"""

# The app is imported inside functions, after this checkout's root is put first on sys.path.

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # this checkout's app, whatever is installed

# --- the content (frozen: never change it) -----------------------------------------------------

#: Source files: name -> text. 访谈01 is stored in GB18030 with CRLF line ends, 访谈02 as UTF-8
#: Markdown, 访谈03 as a .docx (one paragraph per line). Stored texts have "\n" line ends.
SOURCES = {
    "访谈01.txt": (
        "访谈者：请介绍一下社区的情况。\n"
        "受访者：我们社区有三千多户居民，𠮷祥超市就在楼下。\n"
        "访谈者：居民参与多吗？\n"
        "受访者：越来越多了，大家一起做增权赋能的工作😀。\n"
    ),
    "访谈02.md": "# 访谈二\n\n**访谈者**：您好！\n\n**受访者**：我负责𠮷林街道的互助合作，也申请政策支持。\n",
    "访谈03.docx": "访谈者：疫情期间怎么办？\n受访者：邻里互助合作，𠮷祥超市送菜上门。",
}
#: Code path -> colour.
CODES = {
    "内生因素/增权赋能": "#E15759",
    "内生因素/互助合作": "#4E79A7",
    "外部支持/政策": "#59A14F",
}
STAGES = ("准备", "行动")
#: (document, quoted phrase, code path, coder, stage set on the coding or None, memo).
CODINGS = (
    ("访谈01", "𠮷祥超市", "内生因素/互助合作", "研究者A", None, ""),
    ("访谈01", "增权赋能", "内生因素/增权赋能", "研究者A", "行动", "核心概念"),
    ("访谈01", "大家一起做增权赋能的工作", "内生因素/增权赋能", "研究者B", None, ""),
    ("访谈02", "互助合作", "内生因素/互助合作", "研究者B", None, ""),
    ("访谈02", "政策支持", "外部支持/政策", "研究者A", None, "外部"),
    ("访谈03", "邻里互助合作", "内生因素/互助合作", "研究者A", None, ""),
)
#: Whole-document stages, and stage spans (document, quoted phrase, stage).
DOCUMENT_STAGES = {"访谈02": "行动"}
STAGE_SPANS = (("访谈01", "我们社区有三千多户居民", "准备"),)
#: Cases and their documents.
CASES = {"社区甲": ("访谈01", "访谈02")}
MEMO = "冻结的测试项目：每个发布的架构版本一份。"


def stored_text(source_name: str) -> str:
    """The text Guiji stores for a source file of :data:`SOURCES`."""
    return SOURCES[source_name]


def _write_sources(folder: Path) -> list[Path]:
    import docx

    paths = []
    for name, body in SOURCES.items():
        path = folder / name
        if name.endswith(".docx"):
            document = docx.Document()
            for line in body.split("\n"):
                document.add_paragraph(line)
            document.save(str(path))
        elif name.endswith(".txt"):
            path.write_bytes(body.replace("\n", "\r\n").encode("gb18030"))
        else:
            path.write_bytes(body.encode("utf-8"))
        paths.append(path)
    return paths


def build(path: Path) -> str:
    """Build the frozen project at ``path`` with this checkout's Guiji; return its revision."""
    from sqlalchemy import insert, select

    from app.core import codebook, coding, documents, stages
    from app.core.db import migrate
    from app.core.db.models import Case, ProjectMeta, case_document
    from app.core.project import create_project

    with tempfile.TemporaryDirectory() as tmp, create_project(path) as project:
        imported = documents.import_files(project, _write_sources(Path(tmp)))
        doc_ids = {d.name: d.id for d in imported}
        texts = {d.name: stored_text(d.source_name) for d in imported}
        code_ids = {p: codebook.create_code(project, p, color=c).id for p, c in CODES.items()}
        stage_ids = {name: stages.add_stage(project, name).id for name in STAGES}
        for doc, stage in DOCUMENT_STAGES.items():
            stages.set_document_stage(project, doc_ids[doc], stage_ids[stage])
        for doc, phrase, stage in STAGE_SPANS:
            start = texts[doc].index(phrase)
            stages.add_stage_span(project, doc_ids[doc], stage_ids[stage], start, start + len(phrase))
        for doc, phrase, code, coder, stage, memo in CODINGS:
            start = texts[doc].index(phrase)
            coding.apply_coding(
                project, document_id=doc_ids[doc], code_id=code_ids[code], start=start,
                end=start + len(phrase), coder=coder, memo=memo,
                stage_id=stage_ids[stage] if stage else None,
            )
        with project.write() as session:
            session.get(ProjectMeta, "memo").value = MEMO  # type: ignore[union-attr]
            for position, (name, docs) in enumerate(CASES.items()):
                case = Case(name=name, description="", position=position)
                session.add(case)
                session.flush()
                session.execute(
                    insert(case_document), [{"case_id": case.id, "document_id": doc_ids[d]} for d in docs]
                )
        with project.read() as session:
            assert session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == "memo")) == MEMO
        revision = migrate.head_revision()
    Path(f"{path}.lock").unlink(missing_ok=True)
    return revision


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "projects")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "frozen.guiji"
        revision = build(scratch)
        wal = Path(f"{scratch}-wal")
        assert not wal.exists() or wal.stat().st_size == 0, "the WAL was not checkpointed on close"
        target = args.out / f"project-{revision}.guiji"
        if target.exists():
            sys.exit(f"{target} exists: a released revision's frozen file is never remade")
        target.write_bytes(scratch.read_bytes())
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
