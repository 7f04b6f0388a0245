"""Import an RQDA project (``.rqda``, an SQLite file) as a new Guiji project.

RQDA (an R package, abandoned in 2021) keeps a project in SQLite tables: ``source`` (files and
their text), ``freecode`` (codes), ``codecat`` and ``treecode`` (code categories and which codes
they hold), ``coding`` (``selfirst``/``selend``), ``cases`` and ``caselinkage``, ``attributes``,
``fileAttr`` and ``caseAttr``, ``filecat``/``treefile`` (file categories), ``journal``. A row's
``status`` is 1 when live and 0 when deleted; deleted rows are skipped (and counted in the report).

**What ``selfirst``/``selend`` count.** RQDA takes them from ``gtkTextIterGetOffset`` on the GTK text
buffer that shows the file, minus the code-marker anchors it inserted (``sindex``/``mark`` in
RQDA's ``CodesFun.R``): GTK counts *characters*, i.e. Unicode code points, not bytes and not UTF-16
units; R's ``nchar(type = "chars")`` and ``substr`` count the same way. They are stored as REAL
(``5.0``). So a Chinese character counts 1, and so do 𠮷 and 😀; a CRLF, if the text kept one,
counts 2 (the GTK buffer holds both characters). RQDA also stores each coding's text (``seltext``):
the importer checks every coding against it and tries the other readings of
:mod:`refi_positions` when most codings do not match, so a file that counts otherwise is caught
and converted, and any coding whose text still differs is named in the report.

Mapping: files → documents (memo kept); codes → codes, under their category when they are in
exactly one (categories become parent codes; a code in several goes under the first and the report
says so); codings → codings by their ``owner`` as coder, with memo and date; cases → cases (a
linkage covering the whole file makes the document a member, a shorter one a passage; case
attributes go into the case's description); file attributes → document attributes (``numeric``
class → number); file categories → the attribute 文件类别 File categories; journals and the
project memo → the project memo.
"""

from __future__ import annotations

import math
import re
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from app.core.attributes import normalise_value
from app.core.db.engine import looks_like_sqlite
from app.core.errors import InputFileError, ValidationError
from app.core.exchange.codebook_model import CodebookEntry
from app.core.exchange.import_plan import (
    ImportPlan,
    ImportReport,
    PlannedCase,
    PlannedCoding,
    PlannedDocument,
    Progress,
    build_project,
)
from app.core.exchange.refi_positions import READINGS, SourceText

DEFAULT_OWNER = "RQDA"
FILE_CATEGORIES = "文件类别 File categories"
_REQUIRED = ("source", "freecode", "coding")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_CHARACTERS = "characters (Unicode code points), as RQDA counts them"


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise InputFileError(path, "no such file", code="file.missing")
    try:
        if not looks_like_sqlite(path):
            raise InputFileError(path, "not an RQDA project (the file is not an SQLite database)",
                                 code="rqda.not_rqda")
        # immutable: nothing (no journal, no -wal/-shm) is written beside the user's file
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro&immutable=1", uri=True)
    except OSError as exc:
        raise InputFileError(path, f"cannot be read ({exc.strerror or exc})",
                             code="file.unreadable", params={"reason": str(exc.strerror or exc)}) from exc
    conn.execute("PRAGMA query_only = 1")
    return conn


def _tables(conn: sqlite3.Connection) -> dict[str, set[str]]:
    tables = {}
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        tables[name] = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
    return tables


def _rows(conn: sqlite3.Connection, tables: dict[str, set[str]], table: str, columns: str) -> list[Any]:
    """Rows of ``table`` (live and deleted) with ``columns``; [] when the table does not exist."""
    if table not in tables:
        return []
    wanted = [c.strip() for c in columns.split(",")]
    chosen = [f'"{c}"' if c in tables[table] else "NULL" for c in wanted]
    return conn.execute(f'SELECT {", ".join(chosen)} FROM "{table}"').fetchall()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    text = str(value)
    return "" if text == "NA" else text


def _live(status: object) -> bool:
    return status is None or str(status).strip() in ("1", "1.0")


def _date(value: object) -> datetime | None:
    raw = " ".join(_text(value).split())
    for pattern in ("%a %b %d %H:%M:%S %Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(raw, pattern)
        except ValueError:
            continue
    return None


def _offset(value: object) -> int | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return round(number) if math.isfinite(number) else None


class _Reader:
    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.tables = _tables(conn)
        missing = [t for t in _REQUIRED if t not in self.tables]
        if missing:
            raise InputFileError(path, f"not an RQDA project (it has no table {', '.join(missing)})",
                                 code="rqda.not_rqda")
        self.plan = ImportPlan(path, origin=self.origin())
        self.texts: dict[int, SourceText] = {}
        self.docs: dict[int, PlannedDocument] = {}
        self.codes: dict[int, tuple[str, ...]] = {}
        self.deleted = {"files": 0, "codes": 0, "codings": 0, "cases": 0}

    def rows(self, table: str, columns: str) -> list[Any]:
        return _rows(self.conn, self.tables, table, columns)

    def origin(self) -> str:
        version = next((r[0] for r in _rows(self.conn, _tables(self.conn), "project", "databaseversion")), "")
        return f"RQDA (database version {_text(version)})" if version else "RQDA"

    def read(self) -> ImportPlan:
        self.read_files()
        self.read_codes()
        self.read_codings()
        self.read_cases()
        self.read_attributes()
        self.read_memos()
        deleted = ", ".join(f"{n} {k}" for k, n in self.deleted.items() if n)
        if deleted:
            self.plan.notes.append(f"deleted in RQDA (status 0), not imported: {deleted}")
        return self.plan

    def read_files(self) -> None:
        for name, fid, text, memo, status in self.rows("source", "name, id, file, memo, status"):
            if not _live(status):
                self.deleted["files"] += 1
                continue
            raw = _text(text).lstrip("\ufeff")
            label = _text(name).strip() or f"file {fid}"
            if not raw.strip():
                self.plan.skip("source", label, "its text is empty")
                continue
            key = str(fid)
            source = SourceText(raw)
            doc = PlannedDocument(key=key, name=label[:400], text=source.stored, memo=_text(memo).strip(),
                                  source_name=f"{self.path.name}: {label}", source_format="rqda",
                                  source_encoding="utf-8")
            self.texts[int(fid)] = source
            self.docs[int(fid)] = doc
            self.plan.documents.append(doc)

    def read_codes(self) -> None:
        categories: dict[int, tuple[str, str]] = {}
        for name, catid, memo, status in self.rows("codecat", "name, catid, memo, status"):
            if _live(status) and _text(name).strip():
                categories[int(catid)] = (_text(name).strip().replace("/", "／"), _text(memo).strip())
        member_of: dict[int, list[int]] = {}
        for cid, catid, status in self.rows("treecode", "cid, catid, status"):
            if _live(status) and catid is not None and int(catid) in categories:
                member_of.setdefault(int(cid), []).append(int(catid))
        for name, memo in categories.values():
            self.plan.codes.append(CodebookEntry(names=(name,)))
            if memo:
                self.plan.code_memos[(name,)] = memo
        for name, memo, cid, status, color in self.rows("freecode", "name, memo, id, status, color"):
            label = _text(name).strip().replace("/", "／")
            if not _live(status):
                self.deleted["codes"] += 1
                continue
            if not label:
                continue
            cats = member_of.get(int(cid), [])
            names = (categories[cats[0]][0], label) if cats else (label,)
            if len(cats) > 1:
                others = ", ".join(categories[c][0] for c in cats[1:])
                self.plan.notes.append(f"code {label} is in several categories; it was put under "
                                       f"{categories[cats[0]][0]} (also in: {others})")
            colour = _text(color).strip()
            valid = colour.upper() if _COLOR.match(colour) else None
            self.plan.codes.append(CodebookEntry(names=names, color=valid))
            if _text(memo).strip():
                self.plan.code_memos[names] = _text(memo).strip()
            self.codes[int(cid)] = names

    def read_codings(self) -> None:
        rows = self.rows("coding", "cid, fid, seltext, selfirst, selend, status, owner, date, memo")
        live = []
        for row in rows:
            cid, fid, seltext, _first, _end, status = row[:6]
            doc = self.docs.get(int(fid)) if fid is not None else None
            label = f"{doc.name if doc else f'file {fid}'}: {_text(seltext)[:30]}"
            if not _live(status):
                self.deleted["codings"] += 1
            elif cid is None or int(cid) not in self.codes:
                self.plan.skip("coding", label, "its code is deleted or unknown")
            elif doc is None:
                self.plan.skip("coding", label, "its file is deleted or unknown")
            else:
                live.append(row)
        reading = self.choose_reading(live)
        mismatched = 0
        for cid, fid, seltext, first, end, _status, owner, date, memo in live:
            source, doc = self.texts[int(fid)], self.docs[int(fid)]
            mapper = source.mapper(reading)
            a, b = _offset(first), _offset(end)
            start = mapper(a) if a is not None else None
            stop = mapper(b) if b is not None else None
            label = f"{doc.name} {first}–{end}"
            if start is None or stop is None:
                self.plan.skip("coding", label, "outside the text")
                continue
            if start == stop:
                self.plan.skip("coding", label, "zero-length coding (no characters)")
                continue
            start, stop = min(start, stop), max(start, stop)
            if _norm(_text(seltext)) and _norm(source.stored[start:stop]) != _norm(_text(seltext)):
                mismatched += 1
            coder = _text(owner).strip()[:200] or DEFAULT_OWNER
            if coder not in self.plan.coders:
                self.plan.coders.append(coder)
            self.plan.codings.append(PlannedCoding(document=doc.key, code=self.codes[int(cid)], start=start,
                                                   end=stop, coder=coder, memo=_text(memo).strip(),
                                                   created_at=_date(date)))
        if mismatched:
            self.plan.notes.append(f"{mismatched} coding(s) cover text that differs from the text RQDA "
                                   "stored with them (kept at their positions)")

    def choose_reading(self, live: list[Any]) -> str:
        """Code points (what RQDA counts); another reading only if it matches ``seltext`` clearly better."""
        checked = [(self.texts[int(r[1])], _offset(r[3]), _offset(r[4]), _norm(_text(r[2]))) for r in live]
        checked = [c for c in checked if c[1] is not None and c[2] is not None and c[3]]

        def matches(reading: str) -> int:
            hits = 0
            for source, a, b, wanted in checked:
                start, stop = source.mapper(reading)(a), source.mapper(reading)(b)  # type: ignore[arg-type]
                if start is not None and stop is not None and _norm(source.stored[start:stop]) == wanted:
                    hits += 1
            return hits

        if not checked:
            self.plan.positions = _CHARACTERS
            return "standard"
        scores = {reading: matches(reading) for reading in ("standard", "cp-lf", "nvivo", "utf16-lf")}
        best = max(scores, key=lambda r: (scores[r], r == "standard"))
        if scores[best] <= scores["standard"]:
            best = "standard"
        share = scores[best] / len(checked)
        shown = _CHARACTERS if best == "standard" else READINGS[best]
        self.plan.positions = (f"{shown}: {scores[best]} of {len(checked)} codings match the text RQDA "
                               f"stored with them ({share:.0%})")
        if best != "standard":
            self.plan.notes.append(f"positions read as {READINGS[best]}, not as RQDA's usual characters")
        return best

    def read_cases(self) -> None:
        cases: dict[int, PlannedCase] = {}
        for name, memo, cid, status in self.rows("cases", "name, memo, id, status"):
            if not _live(status):
                self.deleted["cases"] += 1
                continue
            label = _text(name).strip()[:200] or f"case {cid}"
            while any(c.name == label for c in cases.values()):
                label += " (2)"
            cases[int(cid)] = PlannedCase(label, _text(memo).strip())
        links = self.rows("caselinkage", "caseid, fid, selfirst, selend, status")
        for caseid, fid, first, end, status in links:
            if not _live(status) or caseid is None or int(caseid) not in cases or fid is None:
                continue
            if int(fid) not in self.docs:
                continue
            case, source, doc = cases[int(caseid)], self.texts[int(fid)], self.docs[int(fid)]
            a, b = _offset(first), _offset(end)
            start = source.mapper("standard")(a) if a is not None else None
            stop = source.mapper("standard")(b) if b is not None else None
            if start is None or stop is None or start >= stop:
                self.plan.skip("case", f"{case.name}: {doc.name}", "its linked range is outside the text")
            elif start == 0 and stop >= len(doc.text.rstrip()):
                case.documents.append(doc.key)
            else:
                case.passages.append((doc.key, start, stop))
        for variable, value, caseid, status in self.rows("caseAttr", "variable, value, caseID, status"):
            if _live(status) and caseid is not None and int(caseid) in cases and _text(value).strip():
                case = cases[int(caseid)]
                line = f"{_text(variable).strip()}: {_text(value).strip()}"
                case.description = f"{case.description}\n{line}".strip()
        self.plan.cases = list(cases.values())

    def read_attributes(self) -> None:
        classes = {}
        for name, status, klass in self.rows("attributes", "name, status, class"):
            if _live(status) and _text(name).strip():
                classes[_text(name).strip()] = "number" if _text(klass).strip() == "numeric" else "text"
        used: set[str] = set()
        for variable, value, fid, status in self.rows("fileAttr", "variable, value, fileID, status"):
            name, shown = _text(variable).strip(), _text(value).strip()
            if _live(status) and fid is not None and int(fid) in self.docs and name and shown:
                self.docs[int(fid)].attributes[name[:200]] = shown
                used.add(name[:200])
        file_cats = {int(r[1]): _text(r[0]).strip() for r in self.rows("filecat", "name, catid, status")
                     if _live(r[2]) and r[1] is not None and _text(r[0]).strip()}
        for fid, catid, status in self.rows("treefile", "fid, catid, status"):
            if _live(status) and fid is not None and int(fid) in self.docs and catid is not None:
                name = file_cats.get(int(catid))
                if name:
                    attrs = self.docs[int(fid)].attributes
                    old = attrs.get(FILE_CATEGORIES)
                    attrs[FILE_CATEGORIES] = f"{old}; {name}" if old else name
                    used.add(FILE_CATEGORIES)
        for name in sorted(used, key=lambda n: (n == FILE_CATEGORIES, n)):
            kind = classes.get(name, "text")
            if kind == "number":
                try:
                    for doc in self.docs.values():
                        if name in doc.attributes:
                            normalise_value(name, kind, doc.attributes[name])
                except ValidationError as exc:
                    self.plan.notes.append(f"attribute {name}: kept as text ({exc})")
                    kind = "text"
            self.plan.attribute_types[name] = kind

    def read_memos(self) -> None:
        parts = [_text(r[0]).strip() for r in self.rows("project", "memo") if _text(r[0]).strip()]
        for name, journal, status in self.rows("journal", "name, journal, status"):
            if _live(status) and _text(journal).strip():
                parts.append(f"【{_text(name).strip() or 'journal'}】\n{_text(journal).strip()}")
        self.plan.project_memo = "\n\n".join(parts)


def _norm(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def read_rqda(path: str | Path) -> ImportPlan:
    """Read and check an RQDA project into an :class:`ImportPlan`; writes nothing."""
    path = Path(path)
    conn = _connect(path)
    try:
        return _Reader(path, conn).read()
    except sqlite3.DatabaseError as exc:
        raise InputFileError(path, f"not a readable RQDA project ({exc})",
                             code="rqda.unreadable", params={"reason": str(exc)}) from exc
    finally:
        conn.close()


def import_rqda(source: str | Path, target: str | Path, *, progress: Progress | None = None) -> ImportReport:
    """Import the RQDA project ``source`` as the new Guiji project ``target`` (see the module)."""
    return build_project(read_rqda(source), target, progress=progress)


__all__ = ["import_rqda", "read_rqda"]
