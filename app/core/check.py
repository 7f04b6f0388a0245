"""``guiji check``: is a project file sound?

The file is opened read-only (no lock, nothing written, so it can be checked while Guiji has it
open) and read in one snapshot. Checked: SQLite's own ``integrity_check`` and
``foreign_key_check``; the schema revision is the newest this Guiji knows; every document's
stored length and SHA-256 match its text; every coding and stage span lies inside its document's
text (``0 <= start < end <= length``, code points); the code tree has no cycles; the full-text
search index has its sync triggers and one entry of the right size per document. Each problem
names the table, the row and, where there is one, the document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, LargeBinary, cast, func, inspect, select, text
from sqlalchemy.exc import DatabaseError, OperationalError

from app.core.db import fts, migrate
from app.core.db.engine import looks_like_sqlite, make_engine
from app.core.db.models import Case, Code, Coder, Coding, Document, Stage, StageSpan
from app.core.errors import ProjectError
from app.core.text import sha256_text

__all__ = ["CheckReport", "Problem", "check_project"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a project file.

    ``check`` says which check found it: ``sqlite`` (integrity_check, or the file cannot be
    read), ``foreign_key``, ``schema``, ``length``, ``hash``, ``text``, ``span``, ``code_tree``,
    ``search_index``.
    """

    check: str
    message: str
    table: str | None = None
    row: int | None = None
    document: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The problem under the CLI's JSON keys."""
        return asdict(self)


@dataclass(frozen=True)
class CheckReport:
    """What :func:`check_project` found: the problems (none: the file is sound) and counts."""

    path: Path
    revision: str | None
    head: str
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        """``{"ok", "problems", "counts"}``, the shape of ``guiji check --json``."""
        return {
            "ok": self.ok,
            "problems": [p.as_dict() for p in self.problems],
            "counts": dict(self.counts),
        }


def check_project(path: str | Path) -> CheckReport:
    """Check the project file at ``path`` read-only and report every problem found.

    Raises :class:`ProjectError` when the file is missing, is not an SQLite database, is an
    SQLite database without Guiji's tables, or is locked in a way SQLite cannot wait out. A file
    that is damaged beyond reading is reported as a problem, not raised.
    """
    path = Path(path)
    if not path.is_file():
        raise ProjectError(f"{path.name}: no such project file", code="project.missing", params={"file": path.name})
    if not looks_like_sqlite(path):
        raise ProjectError(f"{path.name}: not a Guiji project (the file is not an SQLite database)",
                           code="project.not_guiji", params={"file": path.name})
    head = migrate.head_revision()
    problems: list[Problem] = []
    counts: dict[str, int] = {}
    revision: str | None = None
    engine = make_engine(path, read_only=True)
    try:
        with engine.connect() as conn, conn.begin():
            tables = set(inspect(conn).get_table_names())
            if "alembic_version" not in tables or "project_meta" not in tables:
                raise ProjectError(f"{path.name}: not a Guiji project (its tables are not Guiji's)",
                               code="project.not_guiji", params={"file": path.name})
            problems += _sqlite_problems(conn)
            revision = migrate.current_revision(conn)
            if revision != head:
                problems.append(_schema_problem(revision, head))
            else:
                # The content checks read the tables through today's models, so they only run on
                # a file at today's schema (an older file is upgraded, after a backup, on open).
                counts = _counts(conn)
                indexed = _search_index(conn, tables, problems)
                problems += _document_problems(conn, indexed)
                problems += _code_tree_problems(conn)
    except OperationalError as exc:
        raise ProjectError(f"{path.name}: the project file cannot be read ({exc.orig})", code="project.unreadable",
                           params={"file": path.name, "reason": str(exc.orig)}) from exc
    except DatabaseError as exc:
        # "database disk image is malformed", "file is not a database": the file is damaged.
        problems.append(Problem("sqlite", f"the database file is damaged ({exc.orig})"))
    finally:
        engine.dispose()
    return CheckReport(path, revision, head, problems, counts)


def _sqlite_problems(conn: Connection) -> Iterator[Problem]:
    for line in conn.execute(text("PRAGMA integrity_check")).scalars():
        if line != "ok":
            yield Problem("sqlite", f"SQLite integrity check: {line}")
    for table, rowid, parent, _fkid in conn.execute(text("PRAGMA foreign_key_check")):
        where = f"{table} row {rowid}" if rowid is not None else f"a row of {table}"
        yield Problem(
            "foreign_key", f"{where} refers to a row of {parent} that does not exist",
            table=table, row=rowid,
        )


def _schema_problem(revision: str | None, head: str) -> Problem:
    if revision is None:
        message = "the file has no schema revision stamped (it was never set up by Guiji)"
    elif revision in migrate.known_revisions():
        message = (
            f"the schema revision is {revision}, behind this Guiji's {head}; opening the project in "
            "Guiji upgrades it (after a backup); the content was not checked"
        )
    else:
        message = (
            f"the schema revision {revision} is unknown to this Guiji (head {head}): the project was "
            "saved by a newer version; the content was not checked"
        )
    return Problem("schema", message, table="alembic_version")


def _counts(conn: Connection) -> dict[str, int]:
    def count(column: Any) -> int:
        return int(conn.scalar(select(func.count(column))) or 0)

    return {
        "documents": count(Document.id),
        "characters": int(conn.scalar(select(func.coalesce(func.sum(Document.length), 0))) or 0),
        "codes": count(Code.id),
        "codings": count(Coding.id),
        "stages": count(Stage.id),
        "stage_spans": count(StageSpan.id),
        "coders": count(Coder.id),
        "cases": count(Case.id),
    }


def _search_index(conn: Connection, tables: set[str], problems: list[Problem]) -> dict[int, int] | None:
    """The search index's trigram count per document id (None when it cannot be checked).

    Adds a problem for a missing index or sync trigger: Alembic's batch mode drops triggers
    silently when it rebuilds the ``document`` table, and the index then goes stale.
    """
    if fts.FTS_TABLE not in tables:
        problems.append(Problem(
            "search_index", f"the full-text search index ({fts.FTS_TABLE}) is missing", table=fts.FTS_TABLE
        ))
        return None
    triggers = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    for name in fts.TRIGGERS:
        if name not in triggers:
            problems.append(Problem(
                "search_index",
                f"the trigger {name} that keeps the search index in step with the texts is missing "
                "(search results go stale when documents change)",
                table="document",
            ))
    # FTS5 keeps each row's token count in its documented "<table>_docsize" shadow table, as a
    # varint; the trigram tokenizer makes one token per position that starts three characters.
    rows = conn.execute(text(f"SELECT id, sz FROM {fts.FTS_TABLE}_docsize"))
    sizes = {row_id: _varint(size) for row_id, size in rows}
    if fts.PENDING_TABLE in tables:
        # A document changed since it was indexed: the index must still match the text it holds.
        pending = conn.execute(text(f"SELECT document_id, length(old_text) FROM {fts.PENDING_TABLE}"))
        for doc_id, old_length in pending:
            if sizes.get(doc_id) == max(old_length - 2, 0):
                sizes[doc_id] = _AWAITING_INDEX
    return sizes


_AWAITING_INDEX = -1  # index size of a pending document that matches the text the index holds


def _varint(data: bytes) -> int:
    """Decode SQLite's big-endian variable-length integer (FTS5's docsize column 0)."""
    value = 0
    for i, byte in enumerate(data[:9]):
        if i == 8:
            return (value << 8) | byte
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            break
    return value


def _document_problems(conn: Connection, indexed: dict[int, int] | None) -> Iterator[Problem]:
    spans: dict[int, list[tuple[str, int, Any, Any]]] = {}
    for table, model in (("coding", Coding), ("stage_span", StageSpan)):
        for row_id, doc_id, start, end in conn.execute(
            select(model.id, model.document_id, model.start, model.end).order_by(model.id)
        ):
            spans.setdefault(doc_id, []).append((table, row_id, start, end))
    # One document's text at a time: a 300,000-character transcript is read once.
    # The text is read as bytes: a damaged page can hold bytes that are not UTF-8, which the
    # driver would refuse to decode (and abort the whole check) if asked for a str.
    raw_text = cast(Document.text, LargeBinary)
    for doc_id, name, length, stored_hash, raw in conn.execute(
        select(Document.id, Document.name, Document.length, Document.sha256, raw_text).order_by(Document.id)
    ):
        label = f"document {doc_id} ({name})"
        index_size = indexed.pop(doc_id, None) if indexed is not None else None
        try:
            body = raw.decode("utf-8")
        except (AttributeError, UnicodeDecodeError):
            shown = "missing" if raw is None else "not valid UTF-8"
            yield Problem(
                "text", f"{label}: its stored text is {shown} (the file is damaged)",
                table="document", row=doc_id, document=name,
            )
            continue
        actual = len(body)
        if length != actual:
            yield Problem(
                "length", f"{label}: the stored length {length} differs from its text's {actual} characters",
                table="document", row=doc_id, document=name,
            )
        if stored_hash != sha256_text(body):
            yield Problem(
                "hash", f"{label}: the stored SHA-256 does not match its text (the text was changed)",
                table="document", row=doc_id, document=name,
            )
        if indexed is not None and index_size not in (max(actual - 2, 0), _AWAITING_INDEX):
            yield Problem(
                "search_index", f"{label}: the search index does not match its text (it must be rebuilt)",
                table=fts.FTS_TABLE, row=doc_id, document=name,
            )
        for table, row_id, start, end in spans.get(doc_id, ()):
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= actual):
                kind = table.replace("_", " ")
                yield Problem(
                    "span",
                    f"{kind} {row_id} in {label}: the range {start!r}–{end!r} is not inside the text "
                    f"(0–{actual} characters, start before end)",
                    table=table, row=row_id, document=name,
                )
    for row_id in sorted(indexed or ()):
        # A deleted document the index has yet to drop (0009).
        if indexed is not None and indexed[row_id] == _AWAITING_INDEX:
            continue
        yield Problem(
            "search_index", f"the search index holds an entry for document {row_id}, which does not exist",
            table=fts.FTS_TABLE, row=row_id,
        )


def _code_tree_problems(conn: Connection) -> Iterator[Problem]:
    rows = conn.execute(select(Code.id, Code.parent_id, Code.name)).all()
    parent = {cid: pid for cid, pid, _ in rows}
    names = {cid: name for cid, _, name in rows}
    done: set[int] = set()  # codes known to lead to the root (or into a cycle already reported)
    for start in sorted(parent):
        trail: list[int] = []
        on_trail: set[int] = set()
        node: int | None = start
        while node is not None and node not in done and node in parent:
            if node in on_trail:
                cycle = trail[trail.index(node) :]
                shown = " → ".join(f"{c} ({names[c]})" for c in [*cycle, node])
                yield Problem(
                    "code_tree", f"the code tree has a cycle: {shown}", table="code", row=min(cycle)
                )
                break
            trail.append(node)
            on_trail.add(node)
            node = parent[node]
        done.update(trail)
