"""Pseudonymisation: find the names in the transcripts, replace them all by pseudonyms at once.

**Finding names.** jieba's part-of-speech tags give person names (``nr``, with ``nrfg``/``nrt``),
place names (``ns``) and organisation names (``nt``). jieba cuts many proper names of Chinese
fieldwork into a name and a common noun (``桂园|社区``, ``启明|社工|服务中心``), so a name-like word
followed by a place word (社区, 街道, 村…) is joined into one place name, and one followed by an
organisation's words (…服务中心, 基金会, 协会, 驿站…) into one organisation name. Person names are
kept when they start with a common surname or are 老X/小X/X某 forms. Counts are exact occurrences in
the documents' text (what a pseudonymisation will replace). The researcher adds what jieba misses
(kind ``added``) and gives no pseudonym to what is not a name.

**Applying.** :func:`pseudonymise` replaces every name of the mapping, longest first and in one
pass (so a pseudonym is never replaced again), in every document's text — with every coding, stage
span and passage kept on its words, through :mod:`app.core.editing` — and in every other text cell
of every table (document names, memos, code names and definitions, case names, attribute values,
the document history…), in one unit of work that undo reverses exactly. A learned suggestion model
is deleted (its compressed vocabulary holds words of the original text; it is retrained). The
history records that a pseudonymisation happened and how many names it replaced, never which.

**The mapping** (real name → pseudonym) re-identifies people, so it is never stored in the project:
it is a CSV file the researcher keeps apart (:func:`default_mapping_path` suggests a folder in
Guiji's user data, outside every project). After applying, :func:`scrub_project_file` rewrites the
project file so that no deleted page still holds an original name.

jieba is imported on first use only, through :mod:`app.core.nlp.segment` (one process-wide jieba,
its dictionary cache in ``<user data>/cache/jieba``, every call under its lock).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import LargeBinary, String, and_, delete, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.db import fts
from app.core.db.fts import FTS_TABLE, is_sqlite
from app.core.db.models import Base, Document
from app.core.db.snapshot import RowImage, RowsSnapshot, capture
from app.core.editing import (
    CellChange,
    DocumentChange,
    MovedRange,
    RemovedRange,
    TextChange,
    _add_history,
    _splice_document,
)
from app.core.errors import InputFileError, ValidationError
from app.core.fsutil import atomic_write
from app.core.paths import user_data_dir
from app.core.project import Project
from app.core.splice import Splice
from app.core.variants import char_pattern, fold

Progress = Callable[[int, int], None]

KINDS = ("nr", "ns", "nt", "added")
_PERSON_TAGS = {"nr", "nrfg", "nrt"}
# Words jieba tags as names far more often than they are names in interviews.
_NOT_NAMES = {
    "阿姨",
    "师傅",
    "谢谢",
    "谢谢您",
    "谢谢你们",
    "明白",
    "老大",
    "老大姐",
    "老师",
    "小区",
    "上门",
    "上岗",
    "长大",
    "太阳",
    "康复",
    "康复者",
    "段时间",
    "张罗",
    "马甲",
    "红马甲",
    "家里人",
    "文明",
    "安全",
    "常常",
    "高兴",
    "金钱",
}
# Common single-character surnames (the most frequent ~130 in mainland China).
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯")
_PLACE_TAILS = {
    "社区",
    "街道",
    "小区",
    "村",
    "镇",
    "乡",
    "街",
    "路",
    "区",
    "县",
    "市",
    "新村",
    "花园",
    "村委会",
    "居委会",
}
_ORG_TAILS = {
    "服务中心",
    "中心",
    "基金会",
    "协会",
    "学会",
    "机构",
    "驿站",
    "服务社",
    "工作室",
    "社工站",
    "服务站",
    "公司",
    "医院",
    "学校",
    "委员会",
    "联合会",
    "促进会",
}
_ORG_MIDDLES = {
    "社工",
    "社会工作",
    "社会",
    "公益",
    "慈善",
    "志愿",
    "志愿者",
    "服务",
    "社区",
    "康复",
    "心理",
    "家庭",
    "养老",
    "发展",
    "文化",
    "教育",
    "青少年",
    "儿童",
    "助残",
    "精神",
}
# Tags a name's first word may have when a place or organisation word follows it (a verb only
# before an organisation's middle words: 启明|社工|服务中心).
_HEAD_TAGS = {"nr", "nrfg", "nrt", "ns", "nt", "nz", "j"}
# Characters jieba glues to the front of a name it does not know (和|心晴 cut as 和心晴).
_GLUED = "和跟与在是给对把被从向到"


@dataclass(frozen=True)
class NameFound:
    """A name in the transcripts: ``kind`` is nr (person), ns (place), nt (organisation) or added."""

    name: str
    kind: str
    count: int  # exact occurrences in the documents' text


@dataclass(frozen=True)
class MappingRow:
    """One line of a mapping file: a real name and its pseudonym."""

    name: str
    pseudonym: str
    kind: str = ""


# --------------------------------------------------------------------------- jieba


def _posseg() -> Any:
    """jieba's part-of-speech tokenizer, imported and initialised on first use (the one process-wide
    jieba of :mod:`app.core.nlp.segment`, cache in Guiji's user folder)."""
    from app.core.nlp.segment import jieba_module

    jieba_module()
    import jieba.posseg

    return jieba.posseg


def _person(word: str) -> bool:
    if not 2 <= len(word) <= 4 or word in _NOT_NAMES:
        return False
    if word.startswith(_COMPOUND_SURNAMES) or (word[0] in "老小" and len(word) == 2 and word[1] in _SURNAMES):
        return True
    return word[0] in _SURNAMES and not word.endswith(("们", "者"))


def names_in_text(text: str) -> dict[str, str]:
    """The names jieba finds in ``text``: name → kind (nr, ns or nt)."""
    from app.core.nlp.segment import LOCK

    posseg = _posseg()
    with LOCK:
        words = [(w, f) for w, f in posseg.cut(text)]
    found: dict[str, str] = {}
    i = 0
    while i < len(words):
        word, flag = words[i]
        joined = _joined_name(words, i)
        if joined is not None:
            name, kind, used = joined
            found.setdefault(name, kind)
            i += used
            continue
        if flag in _PERSON_TAGS and _person(word):
            found.setdefault(word, "nr")
        elif flag in ("ns", "nt") and len(word) >= 2 and word not in _NOT_NAMES:
            found.setdefault(word, flag)
        i += 1
    return found


def _joined_name(words: list[tuple[str, str]], i: int) -> tuple[str, str, int] | None:
    """A place or organisation name that starts with word ``i`` and continues with its kind's words."""
    head, flag = words[i]
    if flag not in _HEAD_TAGS | {"v"} or len(head) < 2 or head in _NOT_NAMES or not _han(head):
        return None
    name = head[1:] if len(head) >= 3 and head[0] in _GLUED and flag in _PERSON_TAGS else head
    j = i + 1
    if j < len(words) and words[j][0] in _PLACE_TAILS and flag in _HEAD_TAGS:
        return name + words[j][0], "ns", 2
    while j < len(words) and words[j][0] in _ORG_MIDDLES:
        j += 1
    if j < len(words) and words[j][0] in _ORG_TAILS and (flag in _HEAD_TAGS or j > i + 1):
        return name + "".join(w for w, _f in words[i + 1 : j + 1]), "nt", j - i + 1
    return None


def _han(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def count_occurrences(texts: Iterable[str], name: str) -> int:
    """Non-overlapping occurrences of ``name`` in ``texts``, in Traditional or Simplified characters
    (劉衛東 is 刘卫东: what a pseudonymisation replaces)."""
    if not name:
        return 0
    found = re.compile(char_pattern(name))
    return sum(len(found.findall(t)) for t in texts)


def find_names(
    project: Project, *, extra: Iterable[str] = (), progress: Progress | None = None
) -> list[NameFound]:
    """Names of people, places and organisations in the documents, plus ``extra`` names the
    researcher adds (kind ``added``), with their counts; most frequent first."""
    with project.read() as session:
        texts = list(session.scalars(select(Document.text).order_by(Document.position, Document.id)))
    kinds: dict[str, str] = {}
    for i, doc_text in enumerate(texts):
        for name, kind in names_in_text(doc_text).items():
            kinds.setdefault(name, kind)
        if progress:
            progress(i + 1, len(texts))
    for added in extra:
        if added.strip():
            kinds[added.strip()] = "added"
    # One row per name whatever its script (the first spelling met stands for the others).
    spelt: dict[str, str] = {}
    for name in list(kinds):
        first = spelt.setdefault(fold(name), name)
        if first != name:
            if kinds[name] == "added":
                kinds[first] = "added"
            del kinds[name]
    found = [NameFound(name, kind, count_occurrences(texts, name)) for name, kind in kinds.items()]
    return sorted(
        (f for f in found if f.count > 0 or f.kind == "added"), key=lambda f: (-f.count, f.kind, f.name)
    )


# --------------------------------------------------------------------------- the mapping file


def default_mapping_path(project: Project) -> Path:
    """Where the app suggests keeping a project's mapping: Guiji's user folder, not beside the project."""
    folder = user_data_dir() / "pseudonyms"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{project.path.stem}-pseudonyms.csv"


def read_mapping(path: str | Path) -> list[MappingRow]:
    """Read a mapping CSV (UTF-8, header with ``name`` and ``pseudonym``; other columns ignored).

    Rows with an empty pseudonym are skipped (not a name, or left as it is). Raises
    :class:`InputFileError` naming the file and the problem.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFileError(path, f"cannot be read ({exc.strerror})",
                             code="file.unreadable", params={"reason": str(exc.strerror)}) from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputFileError(path, "is not UTF-8 text (save the mapping as CSV UTF-8)",
                             code="pseudonyms.not_utf8") from None
    reader = csv.DictReader(io.StringIO(content))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "name" not in fields or "pseudonym" not in fields:
        raise InputFileError(path, "needs a header line with the columns 'name' and 'pseudonym'",
                             code="pseudonyms.no_header")
    rows: list[MappingRow] = []
    seen: dict[str, str] = {}
    for line, record in enumerate(reader, start=2):
        values = {(k or "").strip().lower(): (v or "").strip() for k, v in record.items() if k is not None}
        name, pseudonym = values.get("name", ""), values.get("pseudonym", "")
        if not pseudonym:
            continue
        if not name:
            raise InputFileError(path, f"line {line}: the pseudonym '{pseudonym}' has no name",
                                 code="pseudonyms.no_name", params={"line": line, "pseudonym": pseudonym})
        if name in seen and seen[name] != pseudonym:
            raise InputFileError(
                path, f"line {line}: '{name}' has two pseudonyms ('{seen[name]}', '{pseudonym}')",
                code="pseudonyms.two_for_one", params={"line": line, "name": name, "first": seen[name],
                                                       "second": pseudonym},
            )
        if name not in seen:
            seen[name] = pseudonym
            rows.append(MappingRow(name, pseudonym, values.get("kind", "")))
    check_mapping(rows, source=path)
    return rows


def check_mapping(rows: Sequence[MappingRow], *, source: str | Path = "the mapping") -> None:
    """Refuse a mapping that would leave an original name in the text (a pseudonym containing a name)."""
    where = Path(source).name if isinstance(source, Path) else source
    for row in rows:
        if not row.name or not row.pseudonym:
            raise ValidationError(f"{where}: every name needs a pseudonym",
                                  code="pseudonyms.missing")
        for other in rows:
            if other.name in row.pseudonym:
                raise ValidationError(
                    f"{where}: the pseudonym '{row.pseudonym}' of '{row.name}' contains the name "
                    f"'{other.name}', which would remain in the project",
                    code="pseudonyms.contains_name",
                    params={"where": where, "pseudonym": row.pseudonym, "name": row.name, "other": other.name},
                )


def write_mapping(
    path: str | Path, rows: Sequence[MappingRow | NameFound], pseudonyms: dict[str, str] | None = None
) -> Path:
    """Write a mapping CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese): name, kind,
    count (when known), pseudonym. Written to a temporary file and renamed."""
    path = Path(path)
    pseudonyms = pseudonyms or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["name", "kind", "count", "pseudonym"])
    for row in rows:
        count = row.count if isinstance(row, NameFound) else ""
        pseudonym = row.pseudonym if isinstance(row, MappingRow) else pseudonyms.get(row.name, "")
        writer.writerow([row.name, row.kind, count, pseudonym])
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path) as handle:
        handle.write(buffer.getvalue().encode("utf-8-sig"))
    return path


# --------------------------------------------------------------------------- applying


def _pattern(rows: Sequence[MappingRow]) -> re.Pattern[str]:
    # Longest first: at each position the longest name wins (桂园社区 before 桂园). Each name in any
    # script (劉衛東 = 刘卫东): a name must not survive in a Traditional transcript.
    names = sorted({fold(r.name) for r in rows}, key=lambda n: (-len(n), n))
    return re.compile("|".join(char_pattern(n) for n in names))


_SKIP_COLUMNS = {("document", "text"), ("document", "sha256")}


def _blob_tables() -> list[str]:
    """Tables with binary columns: learned models, which hold words of the text in a form no
    replacement can reach (a compressed spaCy vocabulary)."""
    tables = Base.metadata.sorted_tables
    return [t.name for t in tables if any(isinstance(c.type, LargeBinary) for c in t.columns)]


def _drop_blobs(session: Session) -> list[RowsSnapshot]:
    """Delete every row of the blob tables (undo puts them back); a model is retrained afterwards."""
    snapshots = []
    for name in _blob_tables():
        table = Base.metadata.tables[name]
        [pk] = table.primary_key.columns
        ids = list(session.scalars(select(pk)))
        if ids:
            snapshots.append(capture(session, name, ids))
            session.execute(delete(table).where(pk.in_(ids)))
    return snapshots


def _text_columns() -> list[tuple[str, str]]:
    """Every (table, column) holding text, except the documents' text (spliced) and hashes."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if (
                isinstance(column.type, String)
                and not column.primary_key
                and (table.name, column.name) not in _SKIP_COLUMNS
            ):
                found.append((table.name, column.name))
    return found


def _cell_changes(session: Session, pattern: re.Pattern[str], lookup: dict[str, str]) -> list[CellChange]:
    changes = []
    for table_name, column_name in _text_columns():
        table = Base.metadata.tables[table_name]
        pk = list(table.primary_key.columns)
        column = table.c[column_name]
        for row in session.execute(select(*pk, column).where(column.is_not(None))):
            value = row[-1]
            if not value or pattern.search(value) is None:
                continue
            new = pattern.sub(lambda m: lookup[fold(m.group(0))], value)
            key = tuple((c.name, row[i]) for i, c in enumerate(pk))
            changes.append(CellChange(table_name, key, column_name, value, new))
    return changes


def pseudonymise(
    project: Project, rows: Sequence[MappingRow], *, coder: str, progress: Progress | None = None
) -> TextChange:
    """Replace every name of ``rows`` by its pseudonym everywhere in the project (one unit of work).

    Returns the record for :func:`app.core.editing.undo_change`; it holds the original names, in
    memory only. Run :func:`scrub_project_file` afterwards so the file keeps no trace of them.
    """
    rows = [r for r in rows if r.pseudonym]
    if not rows:
        raise ValidationError("the mapping gives no pseudonym; nothing to replace", code="pseudonyms.empty")
    check_mapping(rows)
    lookup = {fold(r.name): r.pseudonym for r in rows}
    if len(lookup) != len({(fold(r.name), r.pseudonym) for r in rows}):
        raise ValidationError("a name has two pseudonyms (in Traditional and Simplified spellings)",
                              code="pseudonyms.two_pseudonyms")
    pattern = _pattern(rows)
    changes: list[DocumentChange] = []
    moved: list[MovedRange] = []
    removed: list[RemovedRange] = []
    snapshots: list[RowsSnapshot] = []
    history: list[RowImage] = []
    try:
        with project.write() as session:
            snapshots += _drop_blobs(session)
            cells = _cell_changes(session, pattern, lookup)
            for cell in cells:
                table = Base.metadata.tables[cell.table]
                where = and_(*(table.c[k] == v for k, v in cell.key))
                session.execute(update(table).where(where).values({cell.column: cell.new}))
            ids = list(session.scalars(select(Document.id).order_by(Document.position, Document.id)))
            for i, doc_id in enumerate(ids):
                doc = session.get(Document, doc_id)
                assert doc is not None
                splices = [Splice(m.start(), m.end(), lookup[fold(m.group(0))]) for m in pattern.finditer(doc.text)]
                if splices:
                    change, m, r, snaps = _splice_document(session, doc, splices)
                    changes.append(change)
                    moved += m
                    removed += r
                    snapshots += snaps
                    history.append(
                        _add_history(
                            session,
                            document_id=doc_id,
                            kind="pseudonymise",
                            coder=coder,
                            start=None,
                            end=None,
                            old_text="",
                            new_text="",
                            hits=len(splices),
                            removed=len(r),
                            note=f"{len(rows)} names replaced by pseudonyms",
                        )
                    )
                if progress:
                    progress(i + 1, len(ids))
    except IntegrityError as exc:
        raise ValidationError(
            f"the pseudonyms would give two things the same name ({exc.orig}); choose other pseudonyms",
            code="pseudonyms.clash",
        ) from None
    return TextChange(
        "pseudonymise",
        tuple(changes),
        tuple(moved),
        tuple(removed),
        tuple(snapshots),
        tuple(history),
        tuple(cells),
    )


def scrub_project_file(project: Project) -> None:
    """Rewrite the project file so that deleted text (the original names) is gone from it: index the
    pending texts (the deferred index keeps the old ones until then), merge the search index, VACUUM,
    and empty the write-ahead log."""
    with project.write() as session:
        if not is_sqlite(session):
            return
        fts.flush(session)  # the backlog of the deferred index holds the texts as they were
        session.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"))
    raw = project.engine.raw_connection()
    try:
        sqlite = raw.driver_connection  # VACUUM cannot run inside the BEGIN the engine emits
        assert sqlite is not None
        sqlite.execute("VACUUM")
        sqlite.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        raw.close()


def backups_beside(project: Project) -> list[Path]:
    """Backup copies Guiji made beside the project (``<name>.*.guiji.bak``): they still hold the
    original text and must be deleted or kept as safely as the mapping."""
    stem = project.path.stem
    return sorted(p for p in project.path.parent.glob(f"{stem}.*.bak") if p.is_file())


__all__ = [
    "KINDS",
    "MappingRow",
    "NameFound",
    "backups_beside",
    "check_mapping",
    "count_occurrences",
    "default_mapping_path",
    "find_names",
    "names_in_text",
    "pseudonymise",
    "read_mapping",
    "scrub_project_file",
    "write_mapping",
]
